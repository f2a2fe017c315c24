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
    "en",
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

    if value in RESERVED_SLUGS | registry.reserved_slugs():
        raise ValidationError(_("“%(slug)s” is used by another part of the site."), params={"slug": value})
