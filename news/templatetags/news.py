"""schema.org data for news items and events, printed with `|jsonld`."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import DateFormat

from cks_portal.core import cldr, jsonld

register = template.Library()


def _site_url(request):
    return request.build_absolute_uri(reverse("home"))


@register.filter
def news_article_jsonld(item, request):
    """A NewsArticle with what Google's article documentation names: headline, image,
    datePublished, dateModified and an author with a URL."""
    url = request.build_absolute_uri(item.get_absolute_url())
    publisher = jsonld.organization(url=_site_url(request))
    if item.byline:
        # A page about the writer where the editor gave one, else the site they write for.
        author = jsonld.thing("Person", name=item.byline, url=item.byline_url or _site_url(request))
    elif item.source_name:
        author = jsonld.organization(item.source_name, url=item.source_url or url)
    else:
        author = publisher
    data = jsonld.document(
        "NewsArticle",
        headline=item.title[:110],
        description=item.lead,
        datePublished=item.publish_at,
        dateModified=max(item.updated_at, item.publish_at),
        inLanguage=item.language,
        mainEntityOfPage=url,
        url=url,
        publisher=publisher,
        author=[author],
    )
    if item.image:
        src = item.image_src
        data["image"] = [
            jsonld.thing("ImageObject", url=request.build_absolute_uri(src[0]), width=src[1], height=src[2])
        ]
    return data


def event_location(event):
    """The event's location as schema.org has it: a Place with its postal address, a
    VirtualLocation for an online event, or both. An event saved before either was required
    is placed in Sweden, which is all that is known."""
    locations = []
    if event.has_place:
        address = {"street": event.address, "postal_code": event.postal_code, "locality": event.locality}
        locations.append(jsonld.place(event.venue or event.address or event.locality, **address))
    if event.online_url:
        locations.append(jsonld.virtual_location(event.online_url))
    if not locations:
        locations.append(jsonld.place())
    return locations[0] if len(locations) == 1 else locations


ATTENDANCE = "https://schema.org/{}EventAttendanceMode"


@register.filter
def event_jsonld(event, request):
    """An Event with what Google's event documentation names: name, startDate, location
    (always), and an organizer with a URL."""
    url = request.build_absolute_uri(event.get_absolute_url())
    if event.organiser:
        organizer = jsonld.organization(event.organiser, url=event.organiser_url or url)
    else:
        organizer = jsonld.organization(url=_site_url(request))
    if event.online_url and event.has_place:
        mode = "Mixed"
    elif event.online_url:
        mode = "Online"
    else:
        mode = "Offline"
    return jsonld.document(
        "Event",
        name=event.title,
        description=event.summary,
        startDate=event.start,
        endDate=event.end,
        eventStatus="https://schema.org/EventScheduled",
        eventAttendanceMode=ATTENDANCE.format(mode),
        location=event_location(event),
        inLanguage=event.language,
        url=url,
        organizer=organizer,
    )


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
