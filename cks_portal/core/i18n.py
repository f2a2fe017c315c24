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

A model whose translations a translator reviews (`ReviewedTranslations`, see
cks_portal/core/translation_review.py) carries on its row the languages whose translation
waits for review and the editor's choice whether such text is shown; when it is not, `obj.t.x`
gives the Swedish text, marked as Swedish, exactly as if there were no translation.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
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

# The columns `obj.t.x` reads on a model with reviewed translations besides the text itself.
REVIEW_COLUMNS = ("show_unreviewed", "translations_to_review")
_library_only = MultilingualQuerySet.only


def _only_with_review_state(self, *fields):
    """`only("summary")` loads every language's column (the library's widening) and, on a model
    with reviewed translations, the review state `obj.t.summary` reads: without it each object
    would cost one more query when it is printed."""
    if issubclass(self.model, ReviewedTranslations) and any(
        field in _translated_fields(self.model) for field in fields
    ):
        fields = (*fields, *REVIEW_COLUMNS)
    return _library_only(self, *fields)


MultilingualQuerySet.only = _only_with_review_state


def _translated_fields(model):
    return translator.get_options_for_model(model).all_fields


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


def languages_of(obj, name):
    """The languages an object's page really has: Swedish, and every other language in which
    its field `name` (the title, say) is filled in and may be shown (`shows_translation`: a
    translation the editor holds back until it is reviewed does not count). Without a
    translation the page still answers in that language, with its chrome translated and its
    content in Swedish, but the language switch, the `hreflang` alternates and the sitemap do
    not offer it (docs/architecture.md, "Which languages a page has")."""
    return [
        lang
        for lang in content_languages()
        if lang == DEFAULT_LANGUAGE
        or ((getattr(obj, column(name, lang), None) or "").strip() and shows_translation(obj, lang))
    ]


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


def searchable_columns(name, reviewed=False):
    """What a stored search vector indexes of `name`: every language's column, Swedish first.
    On a model whose translations a translator reviews (`reviewed`), a translation the editor
    holds back counts as empty, as it does on the page (`shows_translation`): a search must not
    find a page by words the page does not show. The row's review state is read in the same
    UPDATE, so the vector follows it; a change of the state saves the row (see
    translation_review.py), which recomputes the vector."""
    expressions = []
    for lang in content_languages():
        name_in_lang = column(name, lang)
        if not reviewed or lang == DEFAULT_LANGUAGE:
            expressions.append(name_in_lang)
            continue
        shown = models.Q(show_unreviewed=True) | ~models.Q(translations_to_review__contains=[lang])
        expressions.append(
            models.Case(
                models.When(shown, then=models.F(name_in_lang)),
                default=models.Value(""),
                output_field=models.TextField(),
            )
        )
    return expressions


def shows_translation(obj, lang):
    """Whether the public pages show `obj`'s translation into `lang`: always, unless the model's
    translations are reviewed, the editor chose to show only reviewed text, and `lang` waits
    for review (never reviewed, or its Swedish source changed since)."""
    if not isinstance(obj, ReviewedTranslations) or obj.show_unreviewed:
        return True
    return lang not in (obj.translations_to_review or ())


def localized(obj, name):
    """`name` in the active language when the object has it there (and may show it), else in
    Swedish."""
    value, lang = None, DEFAULT_LANGUAGE
    active = active_language()
    if active != DEFAULT_LANGUAGE and shows_translation(obj, active):
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


class ReviewedTranslations(LocalizedModel):
    """A model whose translations a translator reviews (cks_portal/core/translation_review.py).

    The two columns live on the row so that a page knows what it may show without a query:
    `translations_to_review` is kept up to date on every save, `show_unreviewed` is the editor's
    choice for this item."""

    show_unreviewed = models.BooleanField(
        _("show translations that are not reviewed"),
        default=True,
        help_text=_(
            "When this is off, a translation that no translator has reviewed, or whose Swedish "
            "text has changed since, is not shown: readers in that language see the Swedish text."
        ),
    )
    translations_to_review = ArrayField(
        models.CharField(max_length=8),
        verbose_name=_("translations to review"),
        default=list,
        blank=True,
        editable=False,
    )

    class Meta:
        abstract = True


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
    if issubclass(model, ReviewedTranslations):
        from cks_portal.core import translation_review

        translation_review.track(model, fields)


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
