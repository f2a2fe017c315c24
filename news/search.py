"""News items and events in the site-wide search (/sok/), on the shared search machinery.

A search reads the stored `search_vector` through its GIN index and never computes a vector.
A broad word can match nearly every item, so only the newest SITE_SEARCH_CANDIDATES
matches are candidates (a subquery in the same query) and relevance ranks only them; the
headline is computed for the rows returned alone.
"""

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cks_portal.core import cldr, search
from news.models import Event, NewsItem


class PublishableProvider(search.SiteSearchProvider):
    """Published items only, past events included; one query. `order` is "newest first":
    the candidates follow it (an index walk) and it breaks ties of rank."""

    model = None
    order = ()
    snippet_field = ""
    date_field = ""

    def matching(self, query, now, count):
        """The `count` best of the newest SITE_SEARCH_CANDIDATES matches, in one statement:
        the walk over the newest matches ranks each row while it is at hand, a derived table
        keeps the best `count` of them, and only those rows are read again, with their
        snippets (ranking the candidates in a second pass read a thousand rows twice)."""
        search_query = search.websearch_query(query)
        candidates = (
            self.model.objects.published(now)
            .filter(search_vector=search_query)
            .order_by(*self.order)
            .annotate(rank=search.rank(F("search_vector"), search_query))
        )
        best = search.best_ids(candidates, settings.SITE_SEARCH_CANDIDATES, count, self.order)
        return (
            self.model.objects.filter(search.any_of(best))
            .defer("body", "search_vector")
            .annotate(
                rank=search.rank(F("search_vector"), search_query),
                snippet=search.headline(self.snippet_field, search_query),
            )
            .order_by("-rank", *self.order)
        )

    def result(self, item, query):
        text = getattr(item, self.snippet_field)
        snippet = item.snippet
        return search.SearchResult(
            title=item.title,
            url=item.get_absolute_url(),
            snippet=search.highlight(snippet)
            if search.has_highlight(snippet)
            else search.highlight_terms(text, query),
            # The day in Stockholm, in the page's language (CLDR), as on the news list.
            meta=cldr.long_date(timezone.localtime(getattr(item, self.date_field))),
            lang=item.language,
        )


class NewsProvider(PublishableProvider):
    kind = "news"
    label = _("News")
    model = NewsItem
    order = ("-publish_at", "-pk")
    snippet_field = "lead"
    date_field = "publish_at"

    def more_url(self, query):
        return f"{reverse('news:index')}?{urlencode({'q': query})}"


class EventProvider(PublishableProvider):
    kind = "events"
    label = _("Events")
    model = Event
    order = ("-start", "-pk")
    snippet_field = "summary"
    date_field = "start"


news_results = NewsProvider()
event_results = EventProvider()
