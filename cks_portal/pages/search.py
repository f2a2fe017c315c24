"""The pages' group on the site-wide search at /sok/."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from cks_portal.core.search import (
    SearchResult,
    SiteSearchProvider,
    has_highlight,
    headline,
    highlight,
    highlight_terms,
    rank,
    websearch_query,
)
from cks_portal.pages.models import Page


class PageProvider(SiteSearchProvider):
    kind = "pages"
    label = _("Pages")

    def matching(self, query, now, count):
        search_query = websearch_query(query)
        # The stored vector has every language's columns (Page.search_document); the snippet
        # is cut from the Swedish lead and used only where the result shows that lead.
        return (
            Page.objects.published(now)
            .only("title", "slug", "lead")
            .filter(search_vector=search_query)
            .annotate(rank=rank(F("search_vector"), search_query), snippet=headline("lead_sv", search_query))
            .order_by("-rank", "title_sv")[:count]
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
