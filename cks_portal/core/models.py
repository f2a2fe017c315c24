from django.conf import settings
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

    history = HistoricalRecords()

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


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
