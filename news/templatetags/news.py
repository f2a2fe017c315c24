"""schema.org data for news items and events, printed with `|jsonld`."""

from django import template
from django.utils import timezone
from django.utils.dateformat import DateFormat

from cks_portal.core import cldr, jsonld

register = template.Library()


@register.filter
def news_article_jsonld(item, request):
    url = request.build_absolute_uri(item.get_absolute_url())
    data = jsonld.document(
        "NewsArticle",
        headline=item.title[:110],
        description=item.lead,
        datePublished=item.publish_at,
        dateModified=item.updated_at,
        inLanguage=item.language,
        mainEntityOfPage=url,
        url=url,
        publisher=jsonld.organization(),
        author=jsonld.thing("Person", name=item.byline) if item.byline else jsonld.organization(),
    )
    if item.image:
        src = item.image_src
        data["image"] = jsonld.thing(
            "ImageObject", url=request.build_absolute_uri(src[0]), width=src[1], height=src[2]
        )
    return data


@register.filter
def event_jsonld(event, request):
    data = jsonld.document(
        "Event",
        name=event.title,
        description=event.summary,
        startDate=event.start,
        endDate=event.end,
        eventStatus="https://schema.org/EventScheduled",
        eventAttendanceMode="https://schema.org/OfflineEventAttendanceMode",
        inLanguage=event.language,
        url=request.build_absolute_uri(event.get_absolute_url()),
        organizer=jsonld.organization(event.organiser or None),
    )
    if event.venue or event.address:
        data["location"] = jsonld.thing("Place", name=event.venue or event.address, address=event.address)
    return data


@register.filter
def card_dates(event):
    """What an event card prints of its times, formatted from one conversion to local time:
    as five |date and |time filters would print them, at a fraction of their cost
    (docs/benchmarks.md)."""
    local = timezone.localtime(event.start)
    return {
        "machine": DateFormat(local).format("Y-m-d\\TH:i:sO"),
        "day": str(local.day),
        # The month and the times in the page's language, from CLDR (cks_portal.core.cldr).
        "month_year": cldr.month_year(local),
        "start_time": cldr.time(local),
        "end_time": cldr.time(timezone.localtime(event.end)),
    }
