"""The calendar in iCalendar form (RFC 5545), for one event or as a feed to subscribe to.

Times are written in Europe/Stockholm with a VTIMEZONE block, so calendar programs place the
event right whatever zone the reader's device is in, and across daylight-saving changes.
"""

from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from news.models import RegistrationMode


def _event_component(request, event, zone):
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{request.get_host().split(':')[0]}")
    component.add("dtstamp", event.updated_at)
    component.add("last-modified", event.updated_at)
    component.add("dtstart", event.start.astimezone(zone))
    component.add("dtend", event.end.astimezone(zone))
    component.add("summary", event.title)
    lines = [event.summary]
    if event.time_note:
        lines.append(event.time_note)
    if event.registration_mode == RegistrationMode.EMAIL and event.registration_email:
        lines.append(
            _("Register by e-mail to %(email)s by %(date)s.")
            % {"email": event.registration_email, "date": event.registration_deadline.isoformat()}
        )
    component.add("description", "\n\n".join(lines))
    location = ", ".join(part for part in (event.venue, event.address) if part)
    if location:
        component.add("location", location)
    url = request.build_absolute_uri(event.get_absolute_url())
    component.add("url", url)
    if event.organiser:
        component.add(
            "organizer",
            f"mailto:{event.registration_email}" if event.registration_email else url,
            parameters={"cn": event.organiser},
        )
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
