"""Support contacts in the Open Referral HSDS 3.0 shape.

A contact is a service; its organisation is an organization whose UUID is derived from the
name. Weekly hours become one schedule row per distinct span (so split hours are several
rows); exceptions and, for contacts that close on them, the coming holidays become dated
rows with valid_from/valid_to, as the HSDS field guidance describes.
"""

import datetime
import uuid

from django.utils import timezone

from support.models import SupportContact, Weekday
from support.opening import swedish_holidays

HSDS_VERSION = "3.0"
HOLIDAYS_AHEAD_DAYS = 366


def _time(value):
    return value.strftime("%H:%M:%S")


def _stockholm_offset(day):
    """HSDS wants a numeric UTC offset; it is the one in force on `day` (1 in winter, 2 in summer)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return moment.utcoffset().total_seconds() / 3600


def _offset_number(day):
    offset = _stockholm_offset(day)
    return int(offset) if offset.is_integer() else offset


def language_json(language, **owner):
    """A language row of one service or one phone; its id is stable for that owner and code."""
    owner_id = uuid.UUID(owner.get("phone_id") or owner["service_id"])
    return {
        "id": str(uuid.uuid5(owner_id, f"language:{language.code}")),
        **owner,
        "name": language.name_en or language.name_sv,
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


def schedules_json(contact, today):
    service_id = str(contact.uuid)
    rows = []
    grouped = {}
    for interval in contact.intervals.all():
        key = (interval.opens, interval.closes, interval.closes_next_day)
        grouped.setdefault(key, []).append(interval.weekday)
    for (opens, closes, next_day), days in sorted(grouped.items(), key=lambda item: (item[1][0], item[0][0])):
        byday = ",".join(Weekday(day).ical for day in sorted(set(days)))
        row = {
            "id": str(uuid.uuid5(contact.uuid, f"weekly:{byday}:{opens}:{closes}:{next_day}")),
            "service_id": service_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": byday,
            "opens_at": _time(opens),
            "closes_at": _time(closes),
            "timezone": _offset_number(today),
            "description": f"{byday} {opens:%H:%M}-{closes:%H:%M} (Europe/Stockholm)",
        }
        if next_day:
            row["notes"] = "Closes the following day."
        rows.append(row)
    for exception in contact.exceptions.all():
        if exception.last_day < today:
            continue
        row = {
            "id": str(exception.uuid),
            "service_id": service_id,
            "valid_from": exception.start_date.isoformat(),
            "valid_to": exception.last_day.isoformat(),
            "dtstart": exception.start_date.isoformat(),
            "timezone": _offset_number(exception.start_date),
            "description": ("Closed" if exception.is_closed else "Special hours")
            + (f": {exception.reason_en or exception.reason_sv}" if exception.reason_sv else ""),
        }
        if not exception.is_closed:
            row["opens_at"] = _time(exception.opens)
            row["closes_at"] = _time(exception.closes)
        rows.append(row)
    if contact.closed_on_holidays:
        end = today + datetime.timedelta(days=HOLIDAYS_AHEAD_DAYS)
        for year in range(today.year, end.year + 1):
            for day, name in sorted(swedish_holidays(year, "en").items()):
                if today <= day <= end:
                    rows.append(
                        {
                            "id": str(uuid.uuid5(contact.uuid, f"holiday:{day.isoformat()}")),
                            "service_id": service_id,
                            "valid_from": day.isoformat(),
                            "valid_to": day.isoformat(),
                            "dtstart": day.isoformat(),
                            "timezone": _offset_number(day),
                            "description": f"Closed: {name}",
                        }
                    )
    return rows


def organization_json(contact):
    data = {
        "id": str(contact.organisation_uuid),
        "name": contact.organisation,
        "description": contact.organisation,
    }
    if contact.organisation_website:
        data["website"] = contact.organisation_website
    return data


def service_json(contact, *, full, today=None):
    """The service; `full` adds the nested phones, languages, schedules and organization."""
    service_id = str(contact.uuid)
    data = {
        "id": service_id,
        "organization_id": str(contact.organisation_uuid),
        "name": contact.name_sv,
        "description": contact.summary_sv,
        "status": "active" if contact.is_active else "inactive",
        "last_modified": contact.updated_at.astimezone(datetime.UTC)
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z"),
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
        }
    )
    return data


def services_queryset():
    return SupportContact.objects.active().for_listing().order_by("order", "name_sv", "pk")
