"""Rich text that staff write in the admin.

There is one allow-list for the whole site. Text is cleaned when it is saved, so the
database never holds markup the site would not render, and templates can print it as is.
"""

import inspect

import nh3
from django import forms
from django.db import models
from django.utils.safestring import mark_safe
from modeltranslation.fields import TranslationFieldDescriptor

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "abbr",
    "cite",
    "q",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "figure",
    "figcaption",
    "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "*": {"lang", "dir"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html):
    """Return `html` reduced to the site's allow-list (scripts, handlers, styles removed)."""
    if not html:
        return ""
    attributes = {tag: set(attrs) | ALLOWED_ATTRIBUTES["*"] for tag, attrs in ALLOWED_ATTRIBUTES.items()}
    for tag in ALLOWED_TAGS:
        attributes.setdefault(tag, set(ALLOWED_ATTRIBUTES["*"]))
    attributes.pop("*")
    return nh3.clean(
        html.replace("\x00", ""),
        tags=ALLOWED_TAGS,
        attributes=attributes,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


class RichTextWidget(forms.Textarea):
    """The admin's rich-text editor (django-prose-editor), started by static/js/richtext-editor.js.

    Everything it needs is served from the site itself, as the CSP requires (no CDN, no inline
    import map). Without JavaScript it is a plain textarea of HTML, sanitised all the same.
    """

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
                "css/richtext-editor.css",
            ]
        }
        js = [forms.Script("js/richtext-editor.js", type="module")]

    def __init__(self, attrs=None):
        super().__init__({"data-cks-richtext": "", "rows": 15, **(attrs or {})})

    def use_required_attribute(self, initial):
        # The editor hides the textarea, and browsers cannot focus a hidden required field.
        return False


class RichTextField(models.TextField):
    """A TextField whose HTML is sanitised on every save, edited with RichTextWidget."""

    def formfield(self, **kwargs):
        # The admin hands every TextField its plain textarea; rich text always gets the editor.
        widget = kwargs.get("widget")
        if widget is None or not (
            isinstance(widget, RichTextWidget)
            or (isinstance(widget, type) and issubclass(widget, RichTextWidget))
        ):
            kwargs["widget"] = RichTextWidget
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        if not isinstance(
            inspect.getattr_static(type(model_instance), self.attname, None), TranslationFieldDescriptor
        ):
            # The original column of a translated field (cks_portal/core/i18n.py) reads and
            # writes the active language's column; writing the fallback back would copy the
            # Swedish text into that language. Its translation columns clean themselves.
            setattr(model_instance, self.attname, value)
        return value

    def from_db_value(self, value, expression, connection):
        # Stored values were cleaned on save; marking them safe lets templates print them.
        return mark_safe(value) if value else value  # noqa: S308
