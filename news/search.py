"""News items and events in the site-wide search (/sok/), on the shared search machinery.

On PostgreSQL a search reads the stored `search_vector` through its GIN index and never
computes a vector. A broad word can match nearly every item, so only the newest
KNOWLEDGE_BANK_RESULT_CAP matches are candidates (a subquery in the same query) and
relevance ranks only them; the headline is computed for the rows returned alone.
"""

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, Lookup
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cks_portal import search
from news.models import Event, NewsItem


class _IsAnyOf(Lookup):
    """`column = ANY(ARRAY(subquery))`. PostgreSQL runs the subquery once, first, and then reads
    just those rows by primary key. As `IN (subquery)` the planner chose to rank every row of
    the table, matching or not, and semi-join the candidates afterwards: 85 ms instead of 10 at
    10,000 news items."""

    lookup_name = "is_any_of"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]


def _search(queryset, query, limit, fallback_fields, snippet_field, order):
    """Up to `limit` matches and whether there are more. One query. `order` is "newest first":
    the candidates follow it (an index walk) and it breaks ties of rank."""
    if search.uses_postgres():
        search_query = search.websearch_query(query)
        candidates = queryset.filter(search_vector=search_query).order_by(*order).values("pk")
        candidates = ArraySubquery(candidates[: settings.KNOWLEDGE_BANK_RESULT_CAP])
        queryset = (
            queryset.model.objects.filter(_IsAnyOf(F("pk"), candidates))
            .defer("body", "search_vector")
            # ts_headline is costly, so PostgreSQL evaluates it after ORDER BY and LIMIT.
            .annotate(
                rank=search.rank(F("search_vector"), search_query),
                snippet=search.headline(snippet_field, search_query),
            )
            .order_by("-rank", *order)
        )
    else:
        condition = search.fallback_filter(query, fallback_fields)
        queryset = queryset.defer("body").filter(condition).order_by(*order) if condition else queryset.none()
    found = list(queryset[: limit + 1])
    return found[:limit], len(found) > limit


def _snippet(obj, text, query):
    snippet = getattr(obj, "snippet", None)
    return search.highlight(snippet) if search.has_highlight(snippet) else search.highlight_terms(text, query)


def news_results(query, limit):
    """Published news items only; one query."""
    items, more = _search(
        NewsItem.objects.published(),
        query,
        limit,
        fallback_fields=["title", "lead", "body"],
        snippet_field="lead",
        order=["-publish_at", "-pk"],
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
        Event.objects.published(),
        query,
        limit,
        fallback_fields=["title", "summary", "venue", "body"],
        snippet_field="summary",
        order=["-start", "-pk"],
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
