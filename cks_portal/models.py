from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cks_portal.i18n import LocalizedModel
from cks_portal.publishing import ChangeRecorded, Publishing, State, state_field
from cks_portal.richtext import RichTextField

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
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("Used in filter URLs."))
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


def validate_page_slug(value):
    from django.core.exceptions import ValidationError

    from cks_portal import registry

    if value in RESERVED_SLUGS | registry.reserved_slugs():
        raise ValidationError(_("“%(slug)s” is used by another part of the site."), params={"slug": value})


class Page(LocalizedModel, Publishing, ChangeRecorded):
    """A page of running text that staff edit: about us, accessibility statement, privacy."""

    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        validators=[validate_page_slug],
        help_text=_("The page is shown under this address: “om-oss” gives /om-oss/."),
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences shown in bold under the title.")
    )
    lead_en = models.TextField(_("lead in English"), blank=True)
    body = RichTextField(
        _("body"),
        blank=True,
        help_text=_("Headings, lists, links and tables are kept; scripts and styles are removed."),
    )
    body_en = RichTextField(_("body in English"), blank=True)
    # A new page is public at once, as it was when pages had only a "published" box.
    state = state_field(default=State.PUBLISHED)
    show_in_footer = models.BooleanField(_("link in footer"), default=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})
