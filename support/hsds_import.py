"""Import services from another HSDS 3.0 API into support contacts (docs/hsds.md).

The first step of federation: a neighbouring municipality or a regional directory publishes
its lines through an HSDS API (CKS-portalen's own, or any other), and this site takes them in.

One run reads the whole remote list and every service in full, checks each answer against
the published HSDS 3.0 schemas, and only then writes, in one transaction: a remote that does
not answer, answers something else than HSDS, or fails half-way leaves nothing behind.

Each imported contact remembers its source (`ImportedService`) and the values the last sync
wrote. The next run compares three things per field: the remote value now, the value the last
sync wrote, and the contact's value now.

- remote unchanged: nothing happens (a local edit stays as it is);
- remote changed, local not edited (or edited to the same value): the remote value is written;
- both changed, to different values: a conflict. The contact keeps its local value, the
  remote one is kept beside it, and the admin shows both until an editor chooses.

So a re-run against an unchanged remote writes nothing, and a local edit is never
overwritten silently.
"""

import datetime
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
from babel import Locale
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from cks_portal.core.models import Topic
from support import hsds
from support.models import (
    Audience,
    ImportedService,
    Language,
    OpeningException,
    OpeningInterval,
    PhoneNumber,
    SupportContact,
)
from support.opening import STOCKHOLM, swedish_holidays

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schemas"
TIMEOUT_SECONDS = 20
MAX_RESPONSE_BYTES = 20 * 1024 * 1024
PER_PAGE = 50
MAX_PAGES = 1000
# A schedule row valid this many days or fewer states other hours on those days; a longer one
# is part of the ordinary week.
SPECIAL_ROW_MAX_DAYS = 14
SUMMARY_MAX = 400

# The contact's fields an import fills and keeps in step, in the order the admin shows them.
FIELDS = (
    "name",
    "name_en",
    "summary",
    "organisation",
    "organisation_website",
    "website",
    "email",
    "is_active",
    "last_verified",
    "phones",
    "languages",
    "intervals",
    "closed_on_holidays",
    "exceptions",
    "topics",
    "audiences",
    "street_address",
    "postal_code",
    "city",
    "county",
)
ADDRESS = ("street_address", "postal_code", "city", "county")


class HsdsImportError(Exception):
    """The remote could not be read, or what it sent is not HSDS 3.0: nothing was imported."""


@dataclass
class ImportReport:
    source_url: str
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)

    def summary(self):
        return _(
            "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(conflicts)d in conflict, %(withdrawn)d gone from the source."
        ) % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "conflicts": len(self.conflicts),
            "withdrawn": len(self.withdrawn),
        }


# --- Reading the remote -----------------------------------------------------------------------


def normalise_base_url(url):
    url = (url or "").strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise HsdsImportError(_("“%(url)s” is not an http or https address.") % {"url": url})
    return url.rstrip("/")


def fetch_json(url):
    request = urllib.request.Request(  # noqa: S310 -- the scheme is checked in normalise_base_url
        url, headers={"Accept": "application/json", "User-Agent": "CKS-portalen HSDS import"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            body = response.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise HsdsImportError(
            _("%(url)s answered %(status)d instead of the data.") % {"url": url, "status": error.code}
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise HsdsImportError(
            _("%(url)s could not be reached: %(reason)s") % {"url": url, "reason": reason}
        ) from None
    if len(body) > MAX_RESPONSE_BYTES:
        raise HsdsImportError(_("%(url)s sent more than 20 MB.") % {"url": url})
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise HsdsImportError(_("%(url)s did not send JSON.") % {"url": url}) from None


@cache
def _validator(name):
    schema = json.loads((SCHEMA_DIR / name).read_text())
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check(data, schema_name, url):
    errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(part) for part in first.absolute_path) or _("the top")
        raise HsdsImportError(
            _("%(url)s is not valid HSDS 3.0 (at %(where)s: %(problem)s).")
            % {"url": url, "where": where, "problem": first.message}
        )


def fetch_services(base_url):
    """Every service of the remote, fully nested and checked: [service, …]."""
    root = fetch_json(base_url + "/")
    if not isinstance(root, dict) or not str(root.get("version", "")).startswith("3."):
        raise HsdsImportError(
            _("%(url)s does not say it is an HSDS 3 API (its root has no version 3.x).")
            % {"url": base_url + "/"}
        )
    ids = []
    per_page = {"per_page": PER_PAGE}
    for number in range(1, MAX_PAGES + 1):
        url = f"{base_url}/services/?{urllib.parse.urlencode({'page': number, **per_page})}"
        try:
            page = fetch_json(url)
        except HsdsImportError:
            if number > 1 or not per_page:
                raise
            # An API with a smaller page limit may refuse ours: ask for its own page size.
            per_page = {}
            url = f"{base_url}/services/?page=1"
            page = fetch_json(url)
        if not isinstance(page, dict) or not isinstance(page.get("contents"), list):
            raise HsdsImportError(_("%(url)s is not a page of services.") % {"url": url})
        for item in page["contents"]:
            check(item, "service_list.json", url)
            ids.append(item["id"])
        total_pages = page.get("total_pages")
        if (
            not page["contents"]
            or page.get("last_page") is True
            or (isinstance(total_pages, int) and number >= total_pages)
        ):
            break
    services = []
    for identifier in dict.fromkeys(ids):
        url = f"{base_url}/services/{urllib.parse.quote(identifier)}"
        service = fetch_json(url)
        check(service, "service_with_definitions.json", url)
        if service["id"] != identifier:
            raise HsdsImportError(_("%(url)s answered with another service.") % {"url": url})
        services.append(service)
    return services


# --- From HSDS to a contact's values ----------------------------------------------------------

TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$")


def _offset(text, row_timezone):
    if text == "Z":
        return datetime.timedelta(0)
    if text:
        sign = -1 if text[0] == "-" else 1
        digits = text[1:].replace(":", "")
        return sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    if isinstance(row_timezone, int | float):
        return datetime.timedelta(hours=row_timezone)
    return None


def _local_time(value, day, row_timezone):
    """A schedule time as Swedish wall-clock "HH:MM". With an offset (in the time or the row's
    `timezone`) it is converted; without one it is taken as Swedish time already."""
    match = TIME.match(str(value or "").strip())
    if not match:
        raise HsdsImportError(_("“%(value)s” is not a time of day.") % {"value": value})
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise HsdsImportError(_("“%(value)s” is not a time of day.") % {"value": value})
    offset = _offset(match[4], row_timezone)
    if offset is not None:
        # Shifted by the difference to Stockholm's offset on that day (at noon, as the export
        # writes it), so that 00:00+02:00 on the day the clocks go forward stays 00:00.
        swedish = datetime.datetime.combine(day, datetime.time(12), tzinfo=STOCKHOLM).utcoffset()
        minutes = (hour * 60 + minute + (swedish - offset).total_seconds() // 60) % (24 * 60)
        hour, minute = int(minutes // 60), int(minutes % 60)
    return f"{hour:02d}:{minute:02d}"


def _span(opens, closes):
    """(opens, closes, closes_next_day) as the model holds it; 00:00–23:59 is round the clock."""
    if opens == "00:00" and closes == "23:59":
        return opens, "00:00", True
    if closes == "00:00":
        return opens, closes, False
    return opens, closes, closes <= opens


DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise HsdsImportError(_("“%(value)s” is not a date.") % {"value": value}) from None


def _weekdays(row):
    days = []
    for part in str(row.get("byday") or "").split(","):
        code = part.strip().upper()[-2:]
        if code in DAYS:
            days.append(DAYS.index(code))
    return days


def schedule_values(schedules, today):
    """intervals, closed_on_holidays and exceptions from a service's schedule rows.

    Weekly rows valid for more than SPECIAL_ROW_MAX_DAYS (or without validity) make the
    ordinary week; shorter ones are other hours on their days. Days inside the ordinary rows'
    validity that none of them covers, on weekdays the line is open, are closed days: if every
    Swedish public holiday in that range is one of them, the line closes on holidays; the rest
    become closed exceptions. Rows of another frequency (MONTHLY) are not imported."""
    ordinary, special, ranges, unbounded = set(), {}, [], False
    for row in schedules:
        if (row.get("freq") or "WEEKLY") != "WEEKLY" or not row.get("opens_at") or not row.get("closes_at"):
            continue
        days = _weekdays(row)
        if not days:
            continue
        first, last = _date(row.get("valid_from")), _date(row.get("valid_to"))
        day_for_offset = first or today
        opens = _local_time(row["opens_at"], day_for_offset, row.get("timezone"))
        closes = _local_time(row["closes_at"], day_for_offset, row.get("timezone"))
        span = _span(opens, closes)
        if first and last and (last - first).days < SPECIAL_ROW_MAX_DAYS:
            for index in range((last - first).days + 1):
                day = first + datetime.timedelta(days=index)
                if day.weekday() in days and day >= today:
                    special.setdefault(day, set()).add(span)
            continue
        for weekday in days:
            ordinary.add((weekday, *span))
        if first and last:
            ranges.append((first, last))
        else:
            unbounded = True
    open_weekdays = {weekday for weekday, *_rest in ordinary}
    closed = set()
    if ranges and not unbounded:
        start = max(min(first for first, _last in ranges), today)
        end = max(last for _first, last in ranges)
        for index in range((end - start).days + 1):
            day = start + datetime.timedelta(days=index)
            if day.weekday() not in open_weekdays or day in special:
                continue
            if not any(first <= day <= last for first, last in ranges):
                closed.add(day)
    holidays_on_open_days = set()
    if ranges and not unbounded:
        for year in range(start.year, end.year + 1):
            for day in swedish_holidays(year):
                if start <= day <= end and day.weekday() in open_weekdays and day not in special:
                    holidays_on_open_days.add(day)
    closed_on_holidays = bool(holidays_on_open_days) and holidays_on_open_days <= closed
    if closed_on_holidays:
        closed -= holidays_on_open_days
    exceptions = [[day.isoformat(), "closed"] for day in closed]
    for day, spans in special.items():
        exceptions.extend([day.isoformat(), "special", *span] for span in spans)
    return {
        "intervals": sorted([list(row) for row in ordinary]),
        "closed_on_holidays": closed_on_holidays,
        "exceptions": sorted(exceptions),
    }


def _text(value, limit):
    return " ".join(strip_tags(str(value or "")).split())[:limit]


def _summary(value):
    text = " ".join(strip_tags(str(value or "")).split())
    if len(text) <= SUMMARY_MAX:
        return text
    return text[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"


def taxonomy_values(attributes):
    """topics and audiences: the service's terms from this site's own two taxonomies (another
    CKS-portalen uses the same ids), as the slugs of the topics and audiences this site has.
    Terms of other taxonomies, and terms this site does not have, are left out."""
    known = {
        "topics": {hsds.TOPICS.term_id(slug): slug for slug in Topic.objects.values_list("slug", flat=True)},
        "audiences": {
            hsds.AUDIENCES.term_id(slug): slug for slug in Audience.objects.values_list("slug", flat=True)
        },
    }
    found = {"topics": set(), "audiences": set()}
    for attribute in attributes:
        try:
            term_id = uuid.UUID(
                str(attribute.get("taxonomy_term_id") or (attribute.get("taxonomy_term") or {}).get("id"))
            )
        except ValueError:
            continue
        for key, terms in known.items():
            if term_id in terms:
                found[key].add(terms[term_id])
    return {key: sorted(slugs) for key, slugs in found.items()}


def remote_values(service, today):
    """A remote service as the contact's values, in the form `local_values` gives them."""
    organization = service.get("organization") or {}
    address = {}
    for link in service.get("service_at_locations") or []:
        for row in (link.get("location") or {}).get("addresses") or []:
            if row.get("address_type", "physical") == "physical" and not address:
                address = row
    values = {
        "name": _text(service["name"], 200),
        "name_en": _text(service.get("alternate_name"), 200),
        "summary": _summary(service.get("description")),
        "organisation": _text(organization.get("name"), 200) or _text(service["name"], 200),
        "organisation_website": str(organization.get("website") or "")[:200],
        "website": str(service.get("url") or "")[:200],
        "email": str(service.get("email") or "")[:254],
        "is_active": service["status"] == "active",
        "last_verified": _date(service.get("assured_date")).isoformat()
        if service.get("assured_date")
        else None,
        "phones": [
            {
                "number": _text(phone.get("number"), 30),
                "kind": phone.get("type") if phone.get("type") in PhoneNumber.Kind.values else "voice",
                "note": _text(phone.get("description"), 200),
            }
            for phone in service.get("phones") or []
            if phone.get("number")
        ],
        "languages": sorted(
            {
                str(row.get("code")).strip().lower()
                for row in service.get("languages") or []
                if re.fullmatch(r"[A-Za-z]{2,3}", str(row.get("code") or "").strip())
            }
        ),
        **schedule_values(service.get("schedules") or [], today),
        **taxonomy_values(service.get("attributes") or []),
        "street_address": _text(address.get("address_1"), 200),
        "postal_code": _text(address.get("postal_code"), 10),
        "city": _text(address.get("city"), 100),
        "county": _text(address.get("state_province"), 100),
    }
    if not values["name"]:
        raise HsdsImportError(_("Service %(id)s has no name.") % {"id": service["id"]})
    return values


def local_values(contact, today):
    """The contact's imported fields now, in the same form as `remote_values`."""
    exceptions = []
    for exception in contact.exceptions.all():
        for index in range((exception.last_day - exception.start_date).days + 1):
            day = exception.start_date + datetime.timedelta(days=index)
            if day < today:
                continue
            if exception.is_closed:
                exceptions.append([day.isoformat(), "closed"])
            else:
                exceptions.append([day.isoformat(), "special", *_model_span(exception)])
    return {
        "name": contact.name_sv,
        "name_en": contact.name_en or "",
        "summary": contact.summary_sv,
        "organisation": contact.organisation,
        "organisation_website": contact.organisation_website,
        "website": contact.website,
        "email": contact.email,
        "is_active": contact.is_active,
        "last_verified": contact.last_verified.isoformat() if contact.last_verified else None,
        "phones": [
            {"number": phone.number, "kind": phone.kind, "note": phone.note_sv or ""}
            for phone in contact.phones.all()
        ],
        "languages": sorted(language.code for language in contact.languages.all()),
        "topics": sorted(topic.slug for topic in contact.topics.all()),
        "audiences": sorted(audience.slug for audience in contact.audiences.all()),
        "intervals": sorted(
            [interval.weekday, *_model_span(interval)] for interval in contact.intervals.all()
        ),
        "closed_on_holidays": contact.closed_on_holidays,
        "exceptions": sorted(exceptions),
        **{name: getattr(contact, name) for name in ADDRESS},
    }


def _model_span(row):
    return [f"{row.opens:%H:%M}", f"{row.closes:%H:%M}", row.closes_next_day]


def _same(first, second):
    return json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


# --- Writing ----------------------------------------------------------------------------------


def _language(code, name):
    language = Language.objects.filter(code=code).first()
    if language is None:
        swedish = Locale.parse("sv").languages.get(code)
        english = Locale.parse("en").languages.get(code)
        language = Language(code=code, name_sv=swedish or name or code, name_en=english or name or "")
        language.save()
    return language


def apply_values(contact, values, language_names=None, reason=""):
    """Write `values` (some or all of FIELDS) to the contact and its rows, then save it once;
    `reason` goes into the contact's history."""
    language_names = language_names or {}
    if reason:
        contact._change_reason = reason
    scalars = {
        name: value
        for name, value in values.items()
        if name not in {"phones", "languages", "intervals", "exceptions", "topics", "audiences"}
    }
    for name, value in scalars.items():
        if name == "name":
            contact.name_sv = value
        elif name == "summary":
            contact.summary_sv = value
        elif name == "last_verified":
            contact.last_verified = datetime.date.fromisoformat(value) if value else None
        else:
            setattr(contact, name, value)
    is_new = contact.pk is None
    contact.save()
    if "phones" in values:
        if not is_new:
            contact.phones.all().delete()
        for order, phone in enumerate(values["phones"]):
            PhoneNumber.objects.create(
                contact=contact,
                number=phone["number"],
                kind=phone["kind"],
                note_sv=phone["note"],
                order=order,
            )
    if "topics" in values:
        contact.topics.set(Topic.objects.filter(slug__in=values["topics"]))
    if "audiences" in values:
        contact.audiences.set(Audience.objects.filter(slug__in=values["audiences"]))
    if "languages" in values:
        contact.languages.set([_language(code, language_names.get(code)) for code in values["languages"]])
    if "intervals" in values:
        if not is_new:
            contact.intervals.all().delete()
        for weekday, opens, closes, next_day in values["intervals"]:
            OpeningInterval.objects.create(
                contact=contact, weekday=weekday, opens=opens, closes=closes, closes_next_day=next_day
            )
    if "exceptions" in values:
        today = timezone.localdate()
        if not is_new:
            contact.exceptions.filter(start_date__gte=today).delete()
        for start, end, kind, span in _exception_rows(values["exceptions"]):
            row = OpeningException(contact=contact, start_date=start, end_date=end, kind=kind)
            if span:
                row.opens, row.closes, row.closes_next_day = span
            row.save()


def _exception_rows(days):
    """Day-by-day exceptions as rows: consecutive closed days in one."""
    rows = []
    for entry in sorted(days):
        day = datetime.date.fromisoformat(entry[0])
        if entry[1] == "closed":
            if rows and rows[-1][2] == "closed" and rows[-1][1] == day - datetime.timedelta(days=1):
                rows[-1][1] = day
                continue
            rows.append([day, day, "closed", None])
        else:
            rows.append([day, day, "special", tuple(entry[2:5])])
    return rows


def _unique_slug(name):
    base = slugify(name)[:90] or "stod"
    slug, number = base, 1
    while SupportContact.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _language_names(service):
    return {str(row.get("code", "")).lower(): row.get("name") for row in service.get("languages") or []}


def sync(base_url, *, publish=False, user=None, fetch=fetch_services):
    """Import every service of the HSDS API at `base_url` (module docstring). New contacts are
    hidden until an editor shows them, unless `publish`. Raises HsdsImportError, having
    written nothing, when the remote fails or sends something that is not HSDS 3.0."""
    base_url = normalise_base_url(base_url)
    services = fetch(base_url)
    report = ImportReport(base_url)
    now = timezone.now()
    today = timezone.localdate()
    with translation.override("sv"), transaction.atomic():
        records = {
            record.remote_id: record
            for record in ImportedService.objects.select_for_update()
            .filter(source_url=base_url)
            .select_related("contact")
        }
        seen = set()
        for service in services:
            values = remote_values(service, today)
            record = records.get(service["id"])
            seen.add(service["id"])
            if record is None:
                contact = SupportContact(slug=_unique_slug(values["name"]), updated_by=user)
                apply_values(
                    contact,
                    {**values, "is_active": values["is_active"] and publish},
                    _language_names(service),
                    reason=_("Imported from %(url)s") % {"url": base_url},
                )
                ImportedService.objects.create(
                    contact=contact,
                    source_url=base_url,
                    remote_id=service["id"],
                    remote_modified=str(service.get("last_modified") or "")[:40],
                    last_synced_at=now,
                    synced_values=values,
                )
                report.created.append(contact)
                continue
            record.remote_modified = str(service.get("last_modified") or "")[:40]
            _merge(record, values, now, today, report, user, _language_names(service))
        for remote_id, record in records.items():
            if remote_id in seen:
                continue
            gone = {**record.synced_values, "is_active": False}
            _merge(record, gone, now, today, report, user, {})
            report.withdrawn.append(record.contact)
    return report


def _merge(record, remote, now, today, report, user, language_names):
    contact = record.contact
    local = local_values(contact, today)
    base = _current_base(record.synced_values, today)
    to_write, conflicts = {}, {}
    for name in FIELDS:
        if _same(remote[name], base.get(name)):
            continue
        if _same(local[name], base.get(name)) or _same(local[name], remote[name]):
            if not _same(local[name], remote[name]):
                to_write[name] = remote[name]
            base[name] = remote[name]
        else:
            conflicts[name] = remote[name]
    if to_write:
        contact.updated_by = user
        apply_values(
            contact, to_write, language_names, reason=_("Synced from %(url)s") % {"url": record.source_url}
        )
        report.updated.append(contact)
    if conflicts:
        report.conflicts.append(contact)
    elif not to_write:
        report.unchanged.append(contact)
    record.synced_values = base
    record.remote_values = conflicts
    record.conflict_since = (record.conflict_since or now) if conflicts else None
    record.last_synced_at = now
    record.save()


def _current_base(values, today):
    """The last sync's values, without the exceptions that have ended since."""
    values = dict(values)
    if "exceptions" in values:
        values["exceptions"] = [row for row in values["exceptions"] if row[0] >= today.isoformat()]
    return values


def resolve(record, *, take_remote, user=None):
    """An editor's choice on a conflict: the remote values, or the local ones. Either way the
    remote values count as seen, so the next sync raises the conflict again only when the
    remote changes once more."""
    with translation.override("sv"), transaction.atomic():
        record = ImportedService.objects.select_for_update().select_related("contact").get(pk=record.pk)
        if not record.remote_values:
            return record
        if take_remote:
            record.contact.updated_by = user
            apply_values(
                record.contact,
                record.remote_values,
                reason=_("Conflict decided: the values of %(url)s") % {"url": record.source_url},
            )
        record.synced_values = {**record.synced_values, **record.remote_values}
        record.remote_values = {}
        record.conflict_since = None
        record.save()
    return record


# --- For the admin's conflict page ------------------------------------------------------------

FIELD_LABELS = {
    "name": _lazy("name"),
    "name_en": _lazy("name (English)"),
    "summary": _lazy("summary"),
    "organisation": _lazy("organisation"),
    "organisation_website": _lazy("organisation's web site"),
    "website": _lazy("web site"),
    "email": _lazy("e-mail"),
    "is_active": _lazy("shown on the site"),
    "last_verified": _lazy("facts last verified"),
    "phones": _lazy("phone numbers"),
    "languages": _lazy("answering languages"),
    "intervals": _lazy("opening hours"),
    "closed_on_holidays": _lazy("closed on public holidays"),
    "exceptions": _lazy("exceptions to the opening hours"),
    "topics": _lazy("support areas"),
    "audiences": _lazy("target groups"),
    "street_address": _lazy("street address"),
    "postal_code": _lazy("postal code"),
    "city": _lazy("town"),
    "county": _lazy("county"),
}


def field_label(name):
    return FIELD_LABELS.get(name, name)


def readable(value):
    """A value as an editor reads it beside another."""
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if value in (None, "", []):
        return "–"
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "; ".join(" ".join(str(v) for v in item.values() if v) for item in value)
    if isinstance(value, list) and value and isinstance(value[0], list):
        weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        parts = []
        for row in value:
            head = weekdays[row[0]] if isinstance(row[0], int) else row[0]
            parts.append(" ".join([str(head), *(str(v) for v in row[1:] if v not in (False, None))]))
        return "; ".join(parts)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
