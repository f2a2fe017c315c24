"""Pages of running text that staff edit: about us, the accessibility statement, privacy."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cks_portal.core.i18n import ReviewedTranslations, searchable_columns
from cks_portal.core.models import validate_page_slug
from cks_portal.core.publishing import ChangeRecorded, Publishing, State, state_field
from cks_portal.core.richtext import RichTextField
from cks_portal.core.search import SearchIndexed, weighted_vector

# Easy-to-read Swedish (lättläst) versions are ordinary pages with these addresses: the page
# "lattlast" is shown at /lattlast/ and "lattlast-stod" at /lattlast/stod/, in Swedish only.
EASY_READ_SLUG = "lattlast"
EASY_READ_PREFIX = f"{EASY_READ_SLUG}-"


class Page(ReviewedTranslations, Publishing, ChangeRecorded, SearchIndexed):
    """A page of running text that staff edit: about us, accessibility statement, privacy."""

    title = models.CharField(_("title"), max_length=200)
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
    body = RichTextField(
        _("body"),
        blank=True,
        help_text=_("Headings, lists, links and tables are kept; scripts and styles are removed."),
    )
    # A new page is public at once, as it was when pages had only a "published" box.
    state = state_field(default=State.PUBLISHED)
    show_in_footer = models.BooleanField(_("link in footer"), default=False)

    # The table names of the days when pages were part of the core app (label "cks_portal").
    history = HistoricalRecords(
        excluded_fields=["updated_at", "translations_to_review", "search_vector"],
        table_name="cks_portal_historicalpage",
    )

    class Meta:
        db_table = "cks_portal_page"
        ordering = ["title_sv"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    @classmethod
    def search_document(cls):
        """Every language's title, lead and body that the page shows (i18n.searchable_columns),
        stored on save: a vector of 27 columns computed at each search cost /sok/ more than all
        its other groups."""
        return weighted_vector(
            *((name, "A") for name in searchable_columns("title", reviewed=True)),
            *((name, "B") for name in searchable_columns("lead", reviewed=True)),
            *((name, "C") for name in searchable_columns("body", reviewed=True)),
        )

    @property
    def is_easy_read(self):
        return self.slug == EASY_READ_SLUG or self.slug.startswith(EASY_READ_PREFIX)

    def get_absolute_url(self):
        if self.slug == EASY_READ_SLUG:
            return reverse("easy_read")
        if self.slug.startswith(EASY_READ_PREFIX):
            return reverse("easy_read_page", kwargs={"slug": self.slug.removeprefix(EASY_READ_PREFIX)})
        return reverse("page", kwargs={"slug": self.slug})
