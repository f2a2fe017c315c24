from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cks_portal.core.i18n import LocalizedModel

# What a page leaves out when it loads the user who changed it last (`updated_by`) for the
# "changed by" line: it prints the name, never the password hash, e-mail or last login.
EDITOR_FIELDS_LEFT_OUT = ("updated_by__password", "updated_by__email", "updated_by__last_login")

# First path segments the project's URLconf uses; a page cannot take them. The apps add their
# own sections (registry.register_reserved_slugs).
RESERVED_SLUGS = {
    "admin",
    "api",
    "sok",
    "media",
    "static",
    "sitemap.xml",
    "robots.txt",
    "favicon.ico",
    "healthz",
    "readyz",
    ".well-known",
}


class Topic(LocalizedModel):
    """The site's shared taxonomy: news, publications and support contacts are tagged with it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("Used in filter URLs."))
    description = models.TextField(_("description"), blank=True)

    # The parts of the names' compound words (cks_portal/core/compounds.py), which the search
    # vectors of the topic's publications index: "heder" finds "Hedersrelaterat våld".
    search_parts = models.CharField(max_length=500, blank=True, default="", editable=False)

    history = HistoricalRecords(excluded_fields=["search_parts"])

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from cks_portal.core import compounds, i18n, suggestions

        names = [getattr(self, column, "") for column in i18n.columns("name")]
        self.search_parts = compounds.parts(*names)[:500]
        super().save(*args, **kwargs)
        suggestions.remember_words(*names)


def validate_page_slug(value):
    from django.core.exceptions import ValidationError

    from cks_portal.core import registry

    # The language prefixes (/en/, /fi/, /ar/ …) are taken by i18n_patterns, whatever LANGUAGES holds.
    language_prefixes = {code for code, _name in settings.LANGUAGES}
    if value in RESERVED_SLUGS | language_prefixes | registry.reserved_slugs():
        raise ValidationError(_("“%(slug)s” is used by another part of the site."), params={"slug": value})


class TranslationReview(models.Model):
    """The state of one item's translation into one language (cks_portal/core/translation_review.py).

    `sources` holds, per translated field, a digest of the Swedish text the translation was
    written (or last reviewed) against, and `translations` a digest of the translation itself,
    so a later save can tell which side changed. A translation is outdated when the Swedish
    text of a field no longer matches its digest in `sources`."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    language = models.CharField(_("language"), max_length=8)
    sources = models.JSONField(default=dict)
    translations = models.JSONField(default=dict)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("translation changed"), auto_now=True)

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_review_per_translation"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.language}"

    def outdated_fields(self, swedish_digests):
        """The fields whose Swedish text changed since the translation was written or reviewed."""
        return [field for field, digest in self.sources.items() if swedish_digests.get(field) != digest]


# --- Search: the thesaurus and the vocabulary -------------------------------------------------
THESAURUS_TERM_MAX_LENGTH = 100
THESAURUS_TERMS_MAX = 20


class ThesaurusEntry(models.Model):
    """Terms a search treats as one: an abbreviation and what it stands for, synonyms, a word
    and its English or Swedish counterpart. A search for any of them finds all of them
    (cks_portal/core/thesaurus.py). Curators keep the list in the admin; a save applies to
    the next search, with no deploy and no cache to wait for."""

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "One term per line: an abbreviation, a word or a phrase, in any language "
            "(for example VBE, våldsbejakande extremism, violent extremism). A search for any "
            "of them also finds the others."
        ),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("For curators: why these belong together.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["terms"]
        verbose_name = _("thesaurus entry")
        verbose_name_plural = _("thesaurus")

    def __str__(self):
        return " ~ ".join(self.term_list())

    def save(self, *args, **kwargs):
        from cks_portal.core import thesaurus

        super().save(*args, **kwargs)
        thesaurus.write_rules(self.pk, self.term_list())

    def term_list(self):
        from cks_portal.core import thesaurus

        return thesaurus.split_terms(self.terms)

    def clean(self):
        from cks_portal.core import thesaurus

        thesaurus.validate_terms(self.terms)


class TsQueryField(models.TextField):
    """A PostgreSQL `tsquery` column, read and written as its text: stored parsed, so that the
    rewrite does not parse every rule on every search."""

    def db_type(self, connection):
        return "tsquery"


class SearchRewrite(models.Model):
    """A query rewrite derived from a thesaurus entry, in the form PostgreSQL's `ts_rewrite`
    reads: where a query holds `target`, it asks for `substitute` instead (the target or any
    of its equivalents). Written by `ThesaurusEntry.save()`, never edited."""

    entry = models.ForeignKey(ThesaurusEntry, on_delete=models.CASCADE, related_name="rewrites")
    target = TsQueryField()
    # The target's lexemes: a rule can match only a query that holds all of them.
    lexemes = ArrayField(models.TextField(), default=list)
    substitute = TsQueryField()
    # numnode(target): larger targets are tried first ("radikalisering på nätet" before
    # "radikalisering").
    size = models.PositiveSmallIntegerField(default=1)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.target} → {self.substitute}"


class SearchWord(models.Model):
    """A word that occurs in the indexed text (titles, summaries, topic names): what a
    misspelt query is compared with, by trigram similarity, to offer "Did you mean …?".
    Added to on every save; a word that no longer occurs is harmless, since a suggestion is
    offered only when it finds more than the query did."""

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        default_permissions = ()
        # `word % 'radikalisring'` (pg_trgm) without reading every word.
        indexes = [GinIndex(fields=["word"], opclasses=["gin_trgm_ops"], name="search_word_trgm_idx")]

    def __str__(self):
        return self.word
