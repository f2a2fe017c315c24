"""Support contacts in the Open Referral HSDS 3.0 shape (docs/hsds.md).

A contact is a service; its organisation is an organization whose UUID is derived from the
name; a contact with a visiting address is also a location, linked by a service_at_location;
the site's topics and audiences are two published taxonomies whose terms are attached to the
services as attributes.

Opening hours follow HSDS's own way of stating exceptions: the weekly schedule rows carry
`valid_from`/`valid_to`, and a day on which the line does not keep its ordinary hours (a
holiday it closes on, a dated exception) falls between two validity periods. A closed day
therefore has no schedule row at all, so no consumer can read it as an opening; a day with
other hours has rows of its own, valid that day only. The periods are also split where
Sweden changes its clocks, so that each row's numeric `timezone` is the offset in force.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from cks_portal.core.models import Topic
from support.models import Audience, OpeningException, PhoneNumber, SupportContact, Weekday
from support.opening import MINUTES_PER_DAY, STOCKHOLM, day_spans, swedish_holidays

HSDS_VERSION = "3.0"
PROFILE_URL = "https://docs.openreferral.org/en/3.0/"
# How far ahead the schedules state the hours, holidays and exceptions.
SCHEDULE_DAYS = 366

# The taxonomies' and terms' UUIDs are derived from this and their slugs, so that every
# CKS-portalen names the same topic with the same id.
TAXONOMY_NAMESPACE = uuid.UUID("36561d09-34a8-47d5-a2ec-8c50ddef5661")


def timestamp(moment):
    """UTC with millisecond accuracy, as HSDS asks of `last_modified`."""
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Taxonomies -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str
    link_type: str

    @property
    def id(self):
        return uuid.uuid5(TAXONOMY_NAMESPACE, f"taxonomy:{self.key}")

    def term_id(self, slug):
        return uuid.uuid5(TAXONOMY_NAMESPACE, f"{self.key}:{slug}")

    def terms(self):
        """The taxonomy's rows: every topic, or every audience (one query)."""
        model = Topic if self.key == "topics" else Audience
        return list(model.objects.order_by("name_sv" if model is Topic else "order", "pk"))


TOPICS = Taxonomy(
    "topics",
    "CKS-portalen support areas",
    "What a support line helps with: the topics the whole site is tagged with (violent "
    "extremism, radicalisation, honour-related violence and so on).",
    "support_area",
)
AUDIENCES = Taxonomy(
    "audiences",
    "CKS-portalen target groups",
    "Who a support line is for: relatives, professionals, young people, municipalities.",
    "audience",
)
TAXONOMIES = (TOPICS, AUDIENCES)


def taxonomy_json(taxonomy):
    return {
        "id": str(taxonomy.id),
        "name": taxonomy.name,
        "description": taxonomy.description,
        "version": "1",
    }


def term_json(taxonomy, row):
    description = getattr(row, "description", "") or row.name_sv
    return {
        "id": str(taxonomy.term_id(row.slug)),
        "code": row.slug,
        "name": row.name_sv,
        "description": description,
        "taxonomy": taxonomy.name,
        "taxonomy_id": str(taxonomy.id),
        "taxonomy_detail": taxonomy_json(taxonomy),
        "language": "sv",
    }


def attributes_json(contact):
    service_id = str(contact.uuid)
    rows = []
    for taxonomy, related in ((TOPICS, contact.topics.all()), (AUDIENCES, contact.audiences.all())):
        for row in related:
            term = term_json(taxonomy, row)
            rows.append(
                {
                    "id": str(uuid.uuid5(contact.uuid, f"attribute:{term['id']}")),
                    "link_id": service_id,
                    "link_type": taxonomy.link_type,
                    "link_entity": "service",
                    "taxonomy_term_id": term["id"],
                    "taxonomy_term": term,
                }
            )
    return rows


# --- Phones and languages ---------------------------------------------------------------------


def language_json(language, **owner):
    """A language row of one service or one phone; its id is stable for that owner and code."""
    owner_id = uuid.UUID(owner.get("phone_id") or owner["service_id"])
    return {
        "id": str(uuid.uuid5(owner_id, f"language:{language.code}")),
        **owner,
        "name": language.name_in_english,
        "code": language.code,
    }


def phone_json(phone, service_id):
    phone_id = str(phone.uuid)
    data = {
        "id": phone_id,
        "service_id": service_id,
        "number": phone.e164,
        "type": phone.kind,
        "languages": [language_json(lang, phone_id=phone_id) for lang in phone.languages.all()],
    }
    if phone.note_sv:
        data["description"] = phone.note_en or phone.note_sv
    return data


# --- Schedules --------------------------------------------------------------------------------


def utc_offset(day):
    """Stockholm's offset from UTC in hours on `day` (at noon: the clocks change at night)."""
    moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=STOCKHOLM)
    hours = moment.utcoffset().total_seconds() / 3600
    return int(hours) if hours.is_integer() else hours


def _clock(minute, offset):
    """ "09:00:00+01:00": a wall-clock time with the offset in force, as HSDS recommends."""
    minute %= MINUTES_PER_DAY
    sign = "+" if offset >= 0 else "-"
    whole = abs(offset)
    return f"{minute // 60:02d}:{minute % 60:02d}:00{sign}{int(whole):02d}:{int(whole % 1 * 60):02d}"


def _times(span, offset):
    """opens_at and closes_at; a span round the clock closes 23:59, HSDS's sign of 24 hours."""
    if span.is_all_day:
        return _clock(0, offset), _clock(23 * 60 + 59, offset)
    return _clock(span.start_minute, offset), _clock(span.end_minute, offset)


def _span_label(byday, span):
    if span.is_all_day:
        return f"{byday} open 24 hours"
    return f"{byday} {span.opens:%H:%M}-{span.closes:%H:%M}"


def _sorted_spans(spans):
    return sorted(spans, key=lambda span: (span.start_minute, span.end_minute))


def _weekly_rules(intervals):
    """{span: [weekday, …]}: the ordinary week, one rule per distinct span."""
    rules = {}
    for interval in intervals:
        rules.setdefault(interval.span, []).append(interval.weekday)
    return {span: sorted(set(days)) for span, days in rules.items()}


@dataclass
class _Period:
    first: datetime.date
    last: datetime.date
    offset: float
    closed_after: list  # [(day, reason)] closed days right after the period


def _days(contact, today):
    """Each day of the horizon as (day, spans, reason, is_ordinary)."""
    intervals = list(contact.intervals.all())
    exceptions = [e for e in contact.exceptions.all() if e.last_day >= today]
    ordinary = {
        weekday: _sorted_spans(i.span for i in intervals if i.weekday == weekday) for weekday in range(7)
    }
    last = today + datetime.timedelta(days=SCHEDULE_DAYS - 1)
    # Only these days can differ from the ordinary week; `day_spans` decides what they are.
    unusual = {
        exception.start_date + datetime.timedelta(days=n)
        for exception in exceptions
        for n in range((min(exception.last_day, last) - exception.start_date).days + 1)
    }
    if contact.closed_on_holidays:
        unusual.update(day for year in range(today.year, last.year + 1) for day in swedish_holidays(year))
    for index in range(SCHEDULE_DAYS):
        day = today + datetime.timedelta(days=index)
        if day not in unusual:
            yield day, ordinary[day.weekday()], "", True
            continue
        spans, _reason = day_spans(day, intervals, exceptions, contact.closed_on_holidays)
        spans = _sorted_spans(spans)
        is_ordinary = spans == ordinary[day.weekday()]
        yield day, spans, "" if is_ordinary else _closure_reason(day, exceptions), is_ordinary


def _closure_reason(day, exceptions):
    for exception in exceptions:
        if exception.covers(day) and exception.reason_sv:
            return exception.reason_en or exception.reason_sv
    return swedish_holidays(day.year, "en").get(day, "")


def schedules_json(contact, today):
    """The schedule rows of one contact for SCHEDULE_DAYS from `today` (see the module's
    docstring). Row ids depend on the rule and the period's fixed end, so they stay the
    same from one day to the next until the hours change."""
    service_id = str(contact.uuid)
    rules = _weekly_rules(contact.intervals.all())
    periods, special = [], []
    previous = None  # the day before, if it was ordinary
    noting = None  # the period whose row notes the closed days that follow it
    for day, spans, reason, is_ordinary in _days(contact, today):
        if not is_ordinary:
            if spans:
                special.append((day, spans, reason))
                noting = None
            elif noting is not None:
                noting.closed_after.append((day, reason))
            previous = None
            continue
        offset = utc_offset(day)
        current = periods[-1] if periods else None
        if current and previous == current.last and current.offset == offset:
            current.last = day
        else:
            periods.append(_Period(day, day, offset, []))
        noting = periods[-1]
        previous = day

    rows = []
    for index, period in enumerate(periods):
        if len(periods) == 1:
            key = "always"
        elif index == len(periods) - 1:
            key = f"from:{period.first}"
        else:
            key = f"to:{period.last}"
        weekdays_in_period = {
            (period.first + datetime.timedelta(days=n)).weekday()
            for n in range(min(7, (period.last - period.first).days + 1))
        }
        for span, days in sorted(rules.items(), key=lambda item: (item[1][0], item[0].start_minute)):
            if not weekdays_in_period.intersection(days):
                continue
            byday = ",".join(Weekday(day).ical for day in days)
            opens_at, closes_at = _times(span, period.offset)
            row = {
                "id": str(uuid.uuid5(contact.uuid, f"weekly:{byday}:{span}:{key}")),
                "service_id": service_id,
                "valid_from": period.first.isoformat(),
                "valid_to": period.last.isoformat(),
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": byday,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "timezone": period.offset,
                "description": _span_label(byday, span) + " (Europe/Stockholm)",
            }
            notes = []
            if span.next_day and not span.is_all_day:
                notes.append("Closes the following day.")
            if period.closed_after:
                closed = ", ".join(
                    f"{day} ({reason})" if reason else str(day) for day, reason in period.closed_after
                )
                notes.append(f"Closed after this period: {closed}.")
            if notes:
                row["notes"] = " ".join(notes)
            rows.append(row)
    for day, spans, reason in special:
        offset = utc_offset(day)
        byday = Weekday(day.weekday()).ical
        for span in spans:
            opens_at, closes_at = _times(span, offset)
            row = {
                "id": str(uuid.uuid5(contact.uuid, f"special:{day}:{span}")),
                "service_id": service_id,
                "valid_from": day.isoformat(),
                "valid_to": day.isoformat(),
                "dtstart": day.isoformat(),
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": byday,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "timezone": offset,
                "description": f"Other hours on {day}: {_span_label(byday, span)} (Europe/Stockholm)",
            }
            if reason:
                row["notes"] = reason
            rows.append(row)
    return rows


# --- Organizations, locations, services -------------------------------------------------------


def organization_json(contact):
    data = {
        "id": str(contact.organisation_uuid),
        "name": contact.organisation,
        "description": contact.organisation,
    }
    if contact.organisation_website:
        data["website"] = contact.organisation_website
    return data


def location_json(contact):
    location_id = str(uuid.uuid5(contact.uuid, "location:visiting"))
    return {
        "id": location_id,
        "location_type": "physical",
        "organization_id": str(contact.organisation_uuid),
        "name": contact.name_sv,
        "addresses": [
            {
                "id": str(uuid.uuid5(contact.uuid, "address:visiting")),
                "location_id": location_id,
                "address_1": contact.street_address,
                "city": contact.city,
                "state_province": contact.county,
                "postal_code": contact.postal_code,
                "country": "SE",
                "address_type": "physical",
            }
        ],
    }


def service_at_location_id(service_uuid):
    return uuid.uuid5(service_uuid, "service_at_location:visiting")


def service_at_location_json(contact, *, full=False, today=None):
    location = location_json(contact)
    data = {
        "id": str(service_at_location_id(contact.uuid)),
        "service_id": str(contact.uuid),
        "location_id": location["id"],
        "location": location,
    }
    data["service"] = service_json(contact, full=full, today=today, with_locations=False)
    return data


def service_json(contact, *, full, today=None, with_locations=True):
    """The service; `full` adds the nested phones, languages, schedules, organization,
    attributes and locations."""
    service_id = str(contact.uuid)
    data = {
        "id": service_id,
        "organization_id": str(contact.organisation_uuid),
        "name": contact.name_sv,
        "description": contact.summary_sv,
        "status": "active" if contact.is_active else "inactive",
        "last_modified": timestamp(contact.updated_at),
    }
    if contact.name_en:
        data["alternate_name"] = contact.name_en
    if contact.website:
        data["url"] = contact.website
    if contact.email:
        data["email"] = contact.email
    if contact.last_verified:
        data["assured_date"] = contact.last_verified.isoformat()
    if contact.audiences.all():
        data["eligibility_description"] = ", ".join(a.name_en or a.name_sv for a in contact.audiences.all())
    if not full:
        return data
    today = today or timezone.localdate()
    data.update(
        {
            "phones": [phone_json(phone, service_id) for phone in contact.phones.all()],
            "languages": [language_json(lang, service_id=service_id) for lang in contact.languages.all()],
            "schedules": schedules_json(contact, today),
            "organization": organization_json(contact),
            "attributes": attributes_json(contact),
        }
    )
    if with_locations and contact.has_visiting_address:
        data["service_at_locations"] = [
            {key: value for key, value in service_at_location_json(contact).items() if key != "service"}
        ]
    return data


def minimal_service_json(contact):
    """What `minimal` lists: the fields the schema requires, and when the service changed."""
    return {
        "id": str(contact.uuid),
        "name": contact.name_sv,
        "status": "active" if contact.is_active else "inactive",
        "last_modified": timestamp(contact.updated_at),
    }


def services_queryset(*, full=False, today=None):
    """The exported lines in a fixed order, with what their serialisation reads: the
    audiences for the list; for `full` also the topics, languages, phones, hours and the
    exceptions within the schedules' horizon (one query each, whatever the number of lines)."""
    contacts = (
        SupportContact.objects.active().order_by("order", "name_sv", "pk").prefetch_related("audiences")
    )
    if not full:
        return contacts
    today = today or timezone.localdate()
    return contacts.prefetch_related(
        "topics",
        "languages",
        Prefetch("phones", queryset=PhoneNumber.objects.prefetch_related("languages")),
        "intervals",
        Prefetch("exceptions", queryset=OpeningException.objects.filter(end_date__gte=today)),
    )
