"""The calendar in iCalendar form (RFC 5545), for one event or as a feed to subscribe to.

Times are written in Europe/Stockholm with a VTIMEZONE block, so calendar programs place the
event right whatever zone the reader's device is in, and across daylight-saving changes.
"""

from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from news.models import RegistrationMode


def event_uid(event):
    """The event's UID: its key on the site's id domain (settings.SITE_ID_DOMAIN), never the
    host name of the request, so that a calendar that subscribed through another name, or
    before a move, updates the event instead of adding it twice."""
    return f"event-{event.pk}@{settings.SITE_ID_DOMAIN}"


def location_text(event, url):
    """Where the event is, on one line: the place, the link to join online, or both. An event
    saved without either (allowed before issue 18) is placed at its page, where readers can
    see what is known."""
    parts = [event.place_text, event.online_url]
    return " – ".join(part for part in parts if part) or url


def _event_component(request, event, zone):
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.updated_at)
    component.add("last-modified", event.updated_at)
    component.add("dtstart", event.start.astimezone(zone))
    component.add("dtend", event.end.astimezone(zone))
    component.add("summary", event.title)
    lines = [event.summary]
    if event.time_note:
        lines.append(event.time_note)
    if event.organiser:
        lines.append(_("Organiser: %(name)s") % {"name": event.organiser})
    if event.online_url:
        lines.append(_("Join online: %(url)s") % {"url": event.online_url})
    if event.registration_mode == RegistrationMode.EMAIL and event.registration_email:
        if event.registration_deadline:
            line = _("Register by e-mail to %(email)s by %(date)s.") % {
                "email": event.registration_email,
                "date": event.registration_deadline.isoformat(),
            }
        else:
            line = _("Register by e-mail to %(email)s.") % {"email": event.registration_email}
        lines.append(line)
    component.add("description", "\n\n".join(lines))
    url = request.build_absolute_uri(event.get_absolute_url())
    component.add("location", location_text(event, url))
    component.add("url", url)
    # RFC 5545 wants a calendar user address (mailto:) here, someone a reader can write to:
    # the organiser at the registration address, else the centre that publishes the calendar.
    if event.registration_email:
        email, name = event.registration_email, event.organiser or settings.SITE_ORGANISATION
    else:
        email, name = settings.SITE_CONTACT_EMAIL, settings.SITE_ORGANISATION
    component.add("organizer", f"mailto:{email}", parameters={"cn": name})
    component.add("status", "CONFIRMED")
    return component


def calendar_for(request, events):
    """The iCalendar text of `events`; one query for the events, none per event."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//{_('Calendar')}//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{settings.SITE_NAME} – {_('Calendar')}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(_event_component(request, event, zone))
    calendar.add_missing_timezones()
    return calendar.to_ical()
