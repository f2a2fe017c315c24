"""The public pages' reads of news and events, and what they remember.

Lists, counts and single items are kept by the cache layer (`cks_portal.core.page_cache.memo`)
until content changes or the generation ends by the clock (`scheduled_changes`); the views
call these functions and hold no cache keys. A search is never remembered: its words are
the reader's own."""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef

from cks_portal.core.models import EDITOR_FIELDS_LEFT_OUT, Topic
from cks_portal.core.page_cache import memo, memo_page
from news.models import Event, NewsItem


def scheduled_changes(now):
    """When a page changes without a save: a scheduled item goes live at its publish time,
    and an event ends and leaves the upcoming list (registered with the cache layer)."""
    return [
        (NewsItem.objects.going_live(now), "publish_at"),
        (Event.objects.going_live(now), "publish_at"),
        (Event.objects.published().filter(end__gt=now), "end"),
    ]


def topics_with_news():
    """The topics that have published news."""
    return memo(
        "news:topics",
        lambda: list(Topic.objects.filter(newsitems__in=NewsItem.objects.published()).distinct()),
    )


def years_with_news():
    """The years that have published news, latest first."""
    return memo(
        "news:years",
        lambda: [d.year for d in NewsItem.objects.published().dates("publish_at", "year", order="DESC")],
    )


def news_page(per_page, number, *, year=None, topic=None, query=""):
    """Page `number` of the published news, newest first, narrowed to a year, a topic and the
    words of a search. Without a search the list changes only with content: remembered."""
    items = NewsItem.objects.published()
    if year:
        items = items.filter(publish_at__year=year)
    if query:
        items = items.matching(query)
    if topic:
        items = items.filter(topics=topic)
    if query:
        return Paginator(items.defer("body"), per_page).get_page(number)
    return memo_page(f"news:list:{year}:{topic and topic.pk}", items.defer("body"), per_page, number)


def _items_for_detail():
    return (
        NewsItem.objects.select_related("updated_by")
        .prefetch_related("topics")
        .defer(*EDITOR_FIELDS_LEFT_OUT)
    )


def related_news(item):
    """Up to three other published items that share a topic with `item`. EXISTS rather than
    a join and DISTINCT: the newest items are read in index order and the first three that
    share a topic end the query, however much news there is."""
    topic_ids = [topic.pk for topic in item.topics.all()]
    if not topic_ids:
        return []
    shares_topic = NewsItem.topics.through.objects.filter(newsitem=OuterRef("pk"), topic__in=topic_ids)
    return list(
        NewsItem.objects.published().filter(Exists(shares_topic)).exclude(pk=item.pk).defer("body")[:3]
    )


def published_news(slug):
    """(item, related items) for a published item at `slug`, or None; an address with no
    published item is not remembered."""

    def find():
        item = _items_for_detail().published().filter(slug=slug).first()
        return None if item is None else (item, related_news(item))

    return memo(f"news:detail:{slug}", find, remember_none=False)


def any_news(slug):
    """The item at `slug` whatever its state (for staff previews), or None; not remembered."""
    return _items_for_detail().defer("search_vector").filter(slug=slug).first()


def latest_news(count):
    return memo(f"news:latest:{count}", lambda: list(NewsItem.objects.published().defer("body")[:count]))


def upcoming_events(count):
    """The next `count` events, soonest first, remembered until content changes or the first
    of them ends (the generation ends then). PostgreSQL cannot know that events in start
    order begin with many that are over, so the query walks past them all: worth doing once
    per generation, not on every request."""
    return memo(
        f"news:upcoming:{count}", lambda: list(Event.objects.published().upcoming().defer("body")[:count])
    )


def upcoming_page(per_page, number):
    """Page `number` of the upcoming events, soonest first."""
    return memo_page("news:upcoming", Event.objects.published().upcoming().defer("body"), per_page, number)


def past_page(per_page, number):
    """Page `number` of the events that are over, the latest first. Only a save or the end of
    an event changes it (the generation ends then)."""
    return memo_page("news:past", Event.objects.published().past().defer("body"), per_page, number)
