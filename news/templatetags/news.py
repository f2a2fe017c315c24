"""schema.org data for news items and events, printed with `|jsonld`."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import DateFormat, TimeFormat

register = template.Library()


def _organisation():
    return {"@type": "Organization", "name": settings.SITE_ORGANISATION}


@register.filter
def news_article_jsonld(item, request):
    url = request.build_absolute_uri(item.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title[:110],
        "description": item.lead,
        "datePublished": item.publish_at,
        "dateModified": item.updated_at,
        "inLanguage": item.language,
        "mainEntityOfPage": url,
        "url": url,
        "publisher": _organisation(),
        "author": {"@type": "Person", "name": item.byline} if item.byline else _organisation(),
    }
    if item.image:
        src = item.image_src
        data["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(src[0]),
            "width": src[1],
            "height": src[2],
        }
    return data


@register.filter
def event_jsonld(event, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.start,
        "endDate": event.end,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": event.language,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "organizer": {"@type": "Organization", "name": event.organiser}
        if event.organiser
        else _organisation(),
    }
    if event.venue or event.address:
        data["location"] = {"@type": "Place", "name": event.venue or event.address, "address": event.address}
    return data


@register.filter
def card_dates(event):
    """What an event card prints of its times, formatted from one conversion to local time:
    as five |date and |time filters would print them, at a fraction of their cost
    (docs/benchmarks.md)."""
    start = DateFormat(timezone.localtime(event.start))
    return {
        "machine": start.format("Y-m-d\\TH:i:sO"),
        "day": start.format("j"),
        "month_year": start.format("b Y"),
        "start_time": start.format("H.i"),
        "end_time": TimeFormat(timezone.localtime(event.end)).format("H.i"),
    }
