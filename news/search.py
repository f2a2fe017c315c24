"""News items and events in the site-wide search (/sok/), on the shared search machinery."""

from django.db.models import F
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cks_portal import search
from news.models import Event, NewsItem


def _search(queryset, query, limit, weighted, fallback_fields, snippet_field, order):
    if search.uses_postgres():
        search_query = search.websearch_query(query)
        queryset = (
            queryset.annotate(document=search.weighted_vector(*weighted))
            .filter(document=search_query)
            .annotate(
                rank=search.rank(F("document"), search_query),
                snippet=search.headline(snippet_field, search_query),
            )
            .order_by("-rank", *order)
        )
    else:
        condition = search.fallback_filter(query, fallback_fields)
        queryset = queryset.filter(condition).order_by(*order) if condition else queryset.none()
    found = list(queryset[: limit + 1])
    return found[:limit], len(found) > limit


def _snippet(obj, text, query):
    snippet = getattr(obj, "snippet", None)
    return search.highlight(snippet) if search.has_highlight(snippet) else search.highlight_terms(text, query)


def news_results(query, limit):
    """Published news items only; one query."""
    items, more = _search(
        NewsItem.objects.published().defer("body"),
        query,
        limit,
        weighted=(("title", "A"), ("lead", "B"), ("body", "C")),
        fallback_fields=["title", "lead", "body"],
        snippet_field="lead",
        order=["-publish_at"],
    )
    results = [
        search.SearchResult(
            title=item.title,
            url=item.get_absolute_url(),
            snippet=_snippet(item, item.lead, query),
            meta=date_format(item.publish_at, "j F Y"),
            lang=item.language,
        )
        for item in items
    ]
    more_url = f"{reverse('news:index')}?{urlencode({'q': query})}"
    return search.SearchGroup(kind="news", label=_("News"), results=results, has_more=more, more_url=more_url)


def event_results(query, limit):
    """Published events only, past ones included; one query."""
    events, more = _search(
        Event.objects.published().defer("body"),
        query,
        limit,
        weighted=(("title", "A"), ("summary", "B"), ("venue", "B"), ("body", "C")),
        fallback_fields=["title", "summary", "venue", "body"],
        snippet_field="summary",
        order=["-start"],
    )
    results = [
        search.SearchResult(
            title=event.title,
            url=event.get_absolute_url(),
            snippet=_snippet(event, event.summary, query),
            meta=date_format(event.start, "j F Y"),
            lang=event.language,
        )
        for event in events
    ]
    return search.SearchGroup(kind="events", label=_("Events"), results=results, has_more=more)
