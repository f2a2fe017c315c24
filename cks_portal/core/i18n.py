"""Content that editors write in Swedish and, where they have it, in the site's other languages.

The columns come from django-modeltranslation (docs/architecture.md, "Content in several
languages"): a field `x` registered in an app's `translation.py` gets a column `x_<code>` for
every language in settings.LANGUAGES, on the same row, so reading a translation costs no
query. `x_sv` is required; the others may be empty. The original column `x` stays because
modeltranslation needs it, but what it holds depends on the language active at save time,
and the library's rewriting of queries is off (below): in `filter()`, `update()`,
`order_by()`, `values()` and SQL expressions name the column you mean (`name_sv`, or
`columns("name")` for all of them), never the bare `x`.

`obj.t.x` returns the text for the active language, falling back to Swedish; the result
knows its language so that templates can mark Swedish text on a page in another language
with `lang="sv"` (`lang_attribute`).
"""

from django.conf import settings
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from modeltranslation.manager import MultilingualQuerySet
from modeltranslation.translator import TranslationOptions, translator

DEFAULT_LANGUAGE = "sv"


# modeltranslation rewrites `filter(name=…)`, `order_by("name")` and `values("name")` on a
# translated field to the active language's column, and sends every `values()` row through
# Python to apply the fallback. Here that would make a query mean something else in each
# language, and it reorders the columns of a `values_list()` with annotations (the knowledge
# bank's ranked candidates). So the rewriting is off: code names the column it means
# (`name_sv`, `i18n.columns("name")`). Loading every language's column with `only("name")`
# and the attribute access (`obj.name`, `Model(name=…)`) stay the library's.
_library_post_init = MultilingualQuerySet._post_init


def _post_init_without_rewriting(self):
    _library_post_init(self)
    self._rewrite = False


MultilingualQuerySet._post_init = _post_init_without_rewriting


class LocalizedText(str):
    lang = DEFAULT_LANGUAGE

    def __new__(cls, value, lang):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


class SafeLocalizedText(LocalizedText, SafeString):
    """Rich text that was sanitised on save keeps its safe mark through the fallback."""


def content_languages():
    return [code for code, _name in settings.LANGUAGES]


def active_language():
    return (get_language() or DEFAULT_LANGUAGE).split("-")[0]


def lang_attribute(lang):
    """` lang="xx"` for text in `lang` when that is not the page's language, else nothing:
    screen readers then read it with the right voice."""
    if lang and lang != active_language():
        return format_html(' lang="{}"', lang)
    return ""


def column(name, lang):
    """The column that holds `name` in `lang`: `summary_fi`."""
    return f"{name}_{lang}"


def columns(name):
    """Every language's column of `name`, Swedish first: what a search vector indexes."""
    return [column(name, lang) for lang in content_languages()]


def localized(obj, name):
    """`name` in the active language when the object has it there, else in Swedish."""
    value, lang = None, DEFAULT_LANGUAGE
    active = active_language()
    if active != DEFAULT_LANGUAGE:
        other = getattr(obj, column(name, active), None)
        if other and other.strip():
            value, lang = other, active
    if value is None:
        value = getattr(obj, column(name, DEFAULT_LANGUAGE)) or ""
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


def register(model, fields):
    """Give `model`'s `fields` a column per language, Swedish required, and keep them in the
    model's history (django-simple-history builds the historical model when the class is
    created, before modeltranslation adds its columns, so they are added to it here)."""
    options = type(
        f"{model.__name__}TranslationOptions",
        (TranslationOptions,),
        # Empty translations are stored as NULL, so that a unique Swedish field (a topic's
        # name) allows any number of topics without a Finnish name.
        {"fields": tuple(fields), "required_languages": (DEFAULT_LANGUAGE,), "empty_values": None},
    )
    translator.register(model, options)
    _add_translations_to_history(model, fields)


def _add_translations_to_history(model, fields):
    from django.utils.module_loading import import_string
    from simple_history.models import transform_field

    manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
    if not manager_name:
        return
    history_model = getattr(model, manager_name).model
    tracked = list(history_model.tracked_fields)
    for name in fields:
        for lang in content_languages():
            translation = model._meta.get_field(column(name, lang))
            _name, path, args, kwargs = translation.deconstruct()
            copy = import_string(path)(*args, **kwargs)
            history_model.add_to_class(translation.name, copy)
            transform_field(copy)
            tracked.append(translation)
    history_model.tracked_fields = tracked
