"""Content that editors write in Swedish and, where they have it, in English.

A translated model field `x` is stored as `x` (Swedish, required) and `x_en` (optional).
`localized(obj, "x")` returns the text for the active language, falling back to Swedish;
the result knows its language so that templates can mark Swedish-only content with
`lang="sv"` on English pages.
"""

from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language


class LocalizedText(str):
    lang = "sv"

    def __new__(cls, value, lang):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


class SafeLocalizedText(LocalizedText, SafeString):
    """Rich text that was sanitised on save keeps its safe mark through the fallback."""


def active_language():
    return (get_language() or "sv").split("-")[0]


def lang_attribute(lang):
    """` lang="xx"` for text in `lang` when that is not the page's language, else nothing:
    screen readers then read it with the right voice."""
    if lang and lang != active_language():
        return format_html(' lang="{}"', lang)
    return ""


def localized(obj, name):
    value = getattr(obj, name) or ""
    lang = "sv"
    if active_language() != "sv":
        other = getattr(obj, f"{name}_{active_language()}", "") or ""
        if other.strip():
            value, lang = other, active_language()
    cls = SafeLocalizedText if isinstance(value, SafeString) else LocalizedText
    return cls(value, lang)


class Localized:
    """`obj.t.title` is `localized(obj, "title")`."""

    def __init__(self, obj):
        self._obj = obj

    def __getattr__(self, name):
        return localized(self._obj, name)


class LocalizedModel(models.Model):
    class Meta:
        abstract = True

    @property
    def t(self):
        return Localized(self)
