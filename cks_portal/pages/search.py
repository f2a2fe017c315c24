"""The pages' group on the site-wide search at /sok/."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from cks_portal.core.i18n import columns
from cks_portal.core.search import (
    SearchResult,
    SiteSearchProvider,
    has_highlight,
    headline,
    highlight,
    highlight_terms,
    rank,
    websearch_query,
    weighted_vector,
)
from cks_portal.pages.models import Page


class PageProvider(SiteSearchProvider):
    kind = "pages"
    label = _("Pages")

    def matching(self, query):
        search_query = websearch_query(query)
        # Every language's columns (cks_portal/core/i18n.py); the snippet is cut from the
        # Swedish lead and used only where the result shows that lead.
        vector = weighted_vector(
            *((name, "A") for name in columns("title")),
            *((name, "B") for name in columns("lead")),
            *((name, "C") for name in columns("body")),
        )
        return (
            Page.objects.published()
            .only("title", "slug", "lead")
            .annotate(document=vector, rank=rank(F("document"), search_query))
            .filter(document=search_query)
            .annotate(snippet=headline("lead_sv", search_query))
            .order_by("-rank", "title_sv")
        )

    def result(self, page, query):
        lead = page.t.lead
        snippet = page.snippet
        if has_highlight(snippet) and lead.lang == "sv":
            snippet = highlight(snippet)
        else:
            snippet = highlight_terms(lead, query)
        return SearchResult(title=page.t.title, url=page.get_absolute_url(), snippet=snippet, lang=lead.lang)


page_results = PageProvider()
