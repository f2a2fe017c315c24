"""schema.org JSON-LD for a support contact's page: an Organization with a ContactPoint per phone."""

from cks_portal.core import jsonld
from support.models import Weekday

DAY_URLS = [f"https://schema.org/{name.capitalize()}" for name in Weekday.names]


def _time(value):
    return value.strftime("%H:%M")


def hours_specification(contact):
    """Weekly lines as OpeningHoursSpecification; dated exceptions with validFrom/validThrough.

    A closed day is written as opens = closes = 00:00, as schema.org recommends."""
    grouped = {}
    for interval in contact.intervals.all():
        closes = "23:59" if interval.span.is_all_day else _time(interval.closes)
        grouped.setdefault((_time(interval.opens), closes), []).append(DAY_URLS[interval.weekday])
    rows = [
        jsonld.thing("OpeningHoursSpecification", dayOfWeek=days, opens=opens, closes=closes)
        for (opens, closes), days in grouped.items()
    ]
    for exception in contact.upcoming_exceptions():
        row = jsonld.thing(
            "OpeningHoursSpecification",
            validFrom=exception.start_date.isoformat(),
            validThrough=exception.last_day.isoformat(),
            opens="00:00" if exception.is_closed else _time(exception.opens),
            closes="00:00" if exception.is_closed else _time(exception.closes),
        )
        if exception.reason:
            row["description"] = str(exception.t.reason)
        rows.append(row)
    return rows


def _language(language):
    return jsonld.language(language.code, language.name_in_english)


def contact_json_ld(contact, request):
    languages = [_language(language) for language in contact.languages.all()]
    hours = hours_specification(contact)
    points = []
    for phone in contact.phones.all():
        point = jsonld.thing(
            "ContactPoint",
            name=str(contact.t.name),
            telephone=phone.e164,
            contactType=str(phone.t.note or contact.t.name),
            availableLanguage=[_language(lang) for lang in phone.languages.all()] or languages,
            hoursAvailable=hours,
            areaServed="SE",
        )
        if contact.email:
            point["email"] = contact.email
        points.append(point)
    if not points:
        point = jsonld.thing(
            "ContactPoint",
            name=str(contact.t.name),
            contactType=str(contact.t.name),
            availableLanguage=languages,
            hoursAvailable=hours,
        )
        if contact.email:
            point["email"] = contact.email
        if contact.website:
            point["url"] = contact.website
        points.append(point)
    page = request.build_absolute_uri(contact.get_absolute_url())
    return jsonld.document(
        "Organization",
        name=contact.organisation,
        description=str(contact.t.summary),
        # The organisation's own site, else this page, which describes it.
        url=contact.organisation_website or page,
        contactPoint=points,
        mainEntityOfPage=page,
    )
