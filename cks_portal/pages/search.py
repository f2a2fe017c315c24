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
    weighted_vector,
)
from cks_portal.pages.models import Page


class PageProvider(SiteSearchProvider):
    kind = "pages"
    label = _("Pages")

    def matching(self, query):
        search_query = websearch_query(query)
        vector = weighted_vector(("title", "A"), ("title_en", "A"), ("lead", "B"), ("lead_en", "B"))
        vector = vector + weighted_vector(("body", "C"), ("body_en", "C"))
        return (
            Page.objects.published()
            .only("title", "title_en", "slug", "lead", "lead_en")
            .annotate(document=vector, rank=rank(F("document"), search_query))
            .filter(document=search_query)
            .annotate(snippet=headline("lead", search_query))
            .order_by("-rank", "title")
        )

    def result(self, page, query):
        lead = page.t.lead
        snippet = page.snippet
        if has_highlight(snippet) and lead == page.lead:
            snippet = highlight(snippet)
        else:
            snippet = highlight_terms(lead, query)
        return SearchResult(title=page.t.title, url=page.get_absolute_url(), snippet=snippet, lang=lead.lang)


page_results = PageProvider()
