"""The read-only Open Referral HSDS 3.0 API at /api/hsds/ (docs/hsds.md).

Every endpoint of the HSDS API reference that fits a directory of support lines, with its
parameters. Everything it answers is JSON: a parameter an endpoint does not take, a bad
value, an unknown id or path and a method other than GET get a JSON body that says what
was wrong and, for a parameter, names it; nothing reaches the database as something it could
choke on.
"""

import datetime
import json
import uuid

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from cks_portal.core import i18n, limits, page_cache, search
from support import hsds, openapi
from support.models import SupportContact

# The parameters of each endpoint, as the HSDS API reference names them. `postcode` and
# `proximity` of /service_at_locations: the first is read (the visiting address's postal
# code), the second is refused, since the directory holds no coordinates.
LIST = ("search", "page", "per_page", "format")
PARAMETERS = {
    "root": (),
    "openapi": (),
    "services": (
        *LIST,
        "taxonomy_term_id",
        "taxonomy_id",
        "organization_id",
        "modified_after",
        "minimal",
        "full",
    ),
    "service": (),
    "organizations": (*LIST, "full_service", "full"),
    "organization": ("full_service",),
    "service_at_locations": (
        *LIST,
        "taxonomy_term_id",
        "taxonomy_id",
        "organization_id",
        "modified_after",
        "full",
        "postcode",
        "proximity",
    ),
    "service_at_location": (),
    "taxonomies": LIST,
    "taxonomy": (),
    "taxonomy_terms": (*LIST, "taxonomy_id", "top_only", "parent_id"),
    "taxonomy_term": (),
}
NOT_SUPPORTED = {
    "proximity": gettext_lazy(
        "“proximity” is not supported: this directory holds no coordinates. Use “postcode”."
    ),
}
BOOLEANS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


class ApiError(Exception):
    def __init__(self, status, code, message, parameter=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.parameter = parameter


def bad(parameter, message):
    return ApiError(400, "bad_request", message, parameter)


def not_found():
    return ApiError(404, "not_found", _("There is nothing with that id."))


def error_response(error):
    body = {"error": error.code, "message": error.message}
    if error.parameter:
        body["parameter"] = error.parameter
    response = JsonResponse(body, status=error.status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json(data):
    response = JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def api_view(name):
    """An endpoint that takes the query parameters PARAMETERS[name] and answers JSON only."""
    allowed = PARAMETERS[name]

    def decorate(view):
        @csrf_exempt
        def wrapped(request, *args, **kwargs):
            try:
                if request.method not in ("GET", "HEAD"):
                    raise ApiError(
                        405, "method_not_allowed", _("This API only answers GET: it changes nothing.")
                    )
                for parameter in request.GET:
                    if parameter not in allowed:
                        raise bad(parameter, _unsupported_message(parameter, allowed))
                    if parameter in NOT_SUPPORTED:
                        raise bad(parameter, str(NOT_SUPPORTED[parameter]))
                data = view(request, *args, **kwargs)
            except ApiError as error:
                response = error_response(error)
                if error.status == 405:
                    response["Allow"] = "GET, HEAD"
                return response
            if isinstance(data, StreamingHttpResponse):
                return data
            return _json(data)

        wrapped.__name__ = view.__name__
        wrapped.__doc__ = view.__doc__
        return wrapped

    return decorate


def _unsupported_message(parameter, allowed):
    if not allowed:
        return _("“%(name)s” is not a parameter of this endpoint, which takes none.") % {"name": parameter}
    return _("“%(name)s” is not a parameter of this endpoint. It takes: %(allowed)s.") % {
        "name": parameter,
        "allowed": ", ".join(allowed),
    }


# --- Reading parameters -----------------------------------------------------------------------


def _raw(request, name):
    return request.GET.get(name, "").strip()


def _positive_int(request, name, default, maximum=None):
    raw = _raw(request, name)
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise bad(name, _("“%(name)s” must be a whole number from 1 up.") % {"name": name})
    value = int(raw)
    if maximum and value > maximum:
        raise bad(name, _("“%(name)s” can be at most %(max)d.") % {"name": name, "max": maximum})
    return value


def _boolean(request, name):
    raw = _raw(request, name).lower()
    if not raw:
        return False
    if raw not in BOOLEANS:
        raise bad(name, _("“%(name)s” must be true or false.") % {"name": name})
    return BOOLEANS[raw]


def _uuid_parameter(request, name):
    raw = _raw(request, name)
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise bad(
            name,
            _("“%(name)s” must be a UUID, for example 0b3e5d9c-2f64-4c43-9d4e-6a3f1c2b7e10.")
            % {"name": name},
        ) from None


def _path_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise bad("id", _("The id in the path must be a UUID.")) from None


def _modified_after(request):
    """The moment, inclusive: HSDS says "modified on or after". A date alone means its
    first instant in Swedish time; a date and time without an offset is Swedish time too."""
    raw = _raw(request, "modified_after")
    if not raw:
        return None
    try:
        # A "+" in an unencoded query string arrives as a space.
        moment = parse_datetime(raw.replace(" ", "+"))
        if moment is None:
            day = parse_date(raw)
            moment = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise bad(
            "modified_after",
            _(
                "“modified_after” must be a date or date and time, for example 2026-01-31 or 2026-01-31T12:00:00Z."
            ),
        )
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        # The database compares in UTC: a moment at the edge of the calendar may not have one.
        return moment.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        raise bad("modified_after", _("“modified_after” is outside the calendar.")) from None


def _format(request):
    value = _raw(request, "format").lower() or "json"
    if value not in ("json", "ndjson"):
        raise bad("format", _("“format” must be json or ndjson."))
    return value


def _search(request):
    return search.clean_query(request.GET.get("search", ""))


# --- Answers ----------------------------------------------------------------------------------


def _page(request, items, serialize, *, default_per_page=None, max_per_page=None):
    """One page in HSDS's envelope; `items` is a queryset or a list."""
    per_page = _positive_int(
        request,
        "per_page",
        default_per_page or limits.API_PER_PAGE_DEFAULT,
        max_per_page or limits.API_PER_PAGE_MAX,
    )
    number = _positive_int(request, "page", 1)
    paginator = Paginator(items, per_page)
    total = paginator.count
    contents = []
    if number <= paginator.num_pages and total:
        contents = [serialize(item) for item in paginator.page(number).object_list]
    total_pages = max(paginator.num_pages, 1) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _ndjson(items, serialize):
    """Every item, one JSON object a line, without pages: HSDS's bulk format. A queryset is
    read in chunks, so a large directory is never held in memory whole."""
    if hasattr(items, "iterator"):
        items = items.iterator(chunk_size=200)

    def lines():
        for item in items:
            yield json.dumps(serialize(item), ensure_ascii=False) + "\n"

    response = StreamingHttpResponse(lines(), content_type="application/x-ndjson; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _list(request, items, serialize, **page_options):
    if _format(request) == "ndjson":
        # Paging parameters are still checked, so that a bad one is not silently ignored.
        _positive_int(request, "page", 1)
        _positive_int(request, "per_page", 1, page_options.get("max_per_page") or limits.API_PER_PAGE_MAX)
        return _ndjson(items, serialize)
    return _page(request, items, serialize, **page_options)


def _expire_at_midnight(request):
    """The schedules start today: a cached answer ends when the day does."""
    local = timezone.localtime()
    midnight = (local + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    page_cache.expire_at(request, midnight)


# --- Filters shared by services and service_at_locations --------------------------------------


def _organisation_names(identifier):
    """The organisation names (as typed) whose derived UUID is `identifier`: one query."""
    names = SupportContact.objects.active().values_list("organisation", flat=True).distinct()
    return [name for name in names if SupportContact(organisation=name).organisation_uuid == identifier]


def _term_filter(identifier):
    """Q for lines tagged with the term `identifier` (a topic or an audience); None if no
    term has that id."""
    for taxonomy in hsds.TAXONOMIES:
        for row in taxonomy.terms():
            if taxonomy.term_id(row.slug) == identifier:
                return Q(topics=row) if taxonomy is hsds.TOPICS else Q(audiences=row)
    return None


def _filtered_services(request, contacts):
    modified_after = _modified_after(request)
    if modified_after:
        contacts = contacts.filter(updated_at__gte=modified_after)
    query = _search(request)
    if query:
        # The name and summary in every language the contact has them in.
        matches = Q(organisation__icontains=query)
        for name in (*i18n.columns("name"), *i18n.columns("summary")):
            matches |= Q(**{f"{name}__icontains": query})
        contacts = contacts.filter(matches)
    organization_id = _uuid_parameter(request, "organization_id")
    if organization_id:
        contacts = contacts.filter(organisation__in=_organisation_names(organization_id))
    term_id = _uuid_parameter(request, "taxonomy_term_id")
    if term_id:
        matches = _term_filter(term_id)
        contacts = contacts.filter(matches) if matches else contacts.none()
    taxonomy_id = _uuid_parameter(request, "taxonomy_id")
    if taxonomy_id:
        if taxonomy_id == hsds.TOPICS.id:
            contacts = contacts.filter(topics__isnull=False)
        elif taxonomy_id == hsds.AUDIENCES.id:
            contacts = contacts.filter(audiences__isnull=False)
        else:
            contacts = contacts.none()
    # A line has a term once, but several terms of one taxonomy.
    return contacts.distinct() if taxonomy_id else contacts


# --- Endpoints --------------------------------------------------------------------------------


@api_view("root")
def root(request):
    return {
        "version": hsds.HSDS_VERSION,
        "profile": hsds.PROFILE_URL,
        "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
    }


@api_view("openapi")
def openapi_document(request):
    return openapi.document(request.build_absolute_uri(reverse("hsds:root")).rstrip("/"))


@api_view("services")
def services(request):
    full = _boolean(request, "full")
    minimal = _boolean(request, "minimal")
    if full and minimal:
        raise bad("minimal", _("“minimal” and “full” cannot be asked for together."))
    today = timezone.localdate()
    contacts = _filtered_services(request, hsds.services_queryset(full=full, today=today))
    if full:
        _expire_at_midnight(request)
    if minimal:
        return _list(
            request,
            contacts.only("uuid", "name_sv", "is_active", "updated_at").prefetch_related(None),
            hsds.minimal_service_json,
            default_per_page=limits.API_MINIMAL_PER_PAGE_MAX,
            max_per_page=limits.API_MINIMAL_PER_PAGE_MAX,
        )
    return _list(request, contacts, lambda contact: hsds.service_json(contact, full=full, today=today))


@api_view("service")
def service(request, id):
    identifier = _path_uuid(id)
    today = timezone.localdate()
    contact = hsds.services_queryset(full=True, today=today).filter(uuid=identifier).first()
    if contact is None:
        raise not_found()
    _expire_at_midnight(request)
    return hsds.service_json(contact, full=True, today=today)


def _organizations(query=""):
    """The organisations of the exported lines, by name (one query)."""
    seen = {}
    rows = SupportContact.objects.active().order_by("organisation", "pk")
    for contact in rows.only("uuid", "organisation", "organisation_website"):
        seen.setdefault(contact.organisation_uuid, hsds.organization_json(contact))
    items = sorted(seen.values(), key=lambda org: (org["name"].casefold(), org["id"]))
    query = query.casefold()
    return [org for org in items if query in org["name"].casefold()] if query else items


def _with_services(organizations, *, full_service):
    """The organisations with their `services` array: list fields, or `full_service` the
    whole services (two or nine queries for all of them together)."""
    if not organizations:
        return organizations
    today = timezone.localdate()
    by_id = {org["id"]: {**org, "services": []} for org in organizations}
    contacts = hsds.services_queryset(full=full_service, today=today)
    for contact in contacts:
        org = by_id.get(str(contact.organisation_uuid))
        if org is not None:
            org["services"].append(hsds.service_json(contact, full=full_service, today=today))
    return [by_id[org["id"]] for org in organizations]


@api_view("organizations")
def organizations(request):
    full_service = _boolean(request, "full_service")
    nested = full_service or _boolean(request, "full")
    items = _organizations(_search(request))
    if _format(request) == "ndjson":
        return _list(
            request, _with_services(items, full_service=full_service) if nested else items, lambda o: o
        )
    data = _page(request, items, lambda org: org)
    if nested:
        data["contents"] = _with_services(data["contents"], full_service=full_service)
    return data


@api_view("organization")
def organization(request, id):
    identifier = str(_path_uuid(id))
    org = next((org for org in _organizations() if org["id"] == identifier), None)
    if org is None:
        raise not_found()
    return _with_services([org], full_service=_boolean(request, "full_service"))[0]


@api_view("service_at_locations")
def service_at_locations(request):
    full = _boolean(request, "full")
    today = timezone.localdate()
    contacts = _filtered_services(request, hsds.services_queryset(full=full, today=today))
    contacts = contacts.exclude(street_address="").exclude(postal_code="").exclude(city="")
    postcode = "".join(_raw(request, "postcode").split())
    if postcode:
        if not postcode.isascii() or not postcode.isdigit() or len(postcode) != 5:
            raise bad(
                "postcode", _("“postcode” must be a Swedish postal code: five digits, for example 503 38.")
            )
        contacts = contacts.filter(postal_code__in=[postcode, f"{postcode[:3]} {postcode[3:]}"])
    if full:
        _expire_at_midnight(request)
    return _list(request, contacts, lambda c: hsds.service_at_location_json(c, full=full, today=today))


@api_view("service_at_location")
def service_at_location(request, id):
    identifier = _path_uuid(id)
    with_address = SupportContact.objects.active().exclude(street_address="").values_list("pk", "uuid")
    pk = next((pk for pk, key in with_address if hsds.service_at_location_id(key) == identifier), None)
    today = timezone.localdate()
    contact = hsds.services_queryset(full=True, today=today).filter(pk=pk).first() if pk else None
    if contact is None or not contact.has_visiting_address:
        raise not_found()
    _expire_at_midnight(request)
    return hsds.service_at_location_json(contact, full=True, today=today)


def _taxonomies(query=""):
    items = [hsds.taxonomy_json(taxonomy) for taxonomy in hsds.TAXONOMIES]
    query = query.casefold()
    if query:
        items = [t for t in items if query in t["name"].casefold() or query in t["description"].casefold()]
    return items


@api_view("taxonomies")
def taxonomies(request):
    return _list(request, _taxonomies(_search(request)), lambda item: item)


@api_view("taxonomy")
def taxonomy(request, id):
    identifier = str(_path_uuid(id))
    item = next((t for t in _taxonomies() if t["id"] == identifier), None)
    if item is None:
        raise not_found()
    return item


def _terms():
    return [hsds.term_json(taxonomy, row) for taxonomy in hsds.TAXONOMIES for row in taxonomy.terms()]


@api_view("taxonomy_terms")
def taxonomy_terms(request):
    items = _terms()
    taxonomy_id = _uuid_parameter(request, "taxonomy_id")
    if taxonomy_id:
        items = [term for term in items if term["taxonomy_id"] == str(taxonomy_id)]
    # Both taxonomies are flat: every term is a top term, none has a parent.
    _boolean(request, "top_only")
    if _uuid_parameter(request, "parent_id"):
        items = []
    query = _search(request).casefold()
    if query:
        items = [t for t in items if query in t["name"].casefold() or query in t["code"].casefold()]
    return _list(request, items, lambda item: item)


@api_view("taxonomy_term")
def taxonomy_term(request, id):
    identifier = str(_path_uuid(id))
    item = next((term for term in _terms() if term["id"] == identifier), None)
    if item is None:
        raise not_found()
    return item


@csrf_exempt
def unknown_path(request, path=""):
    """Any other address under /api/hsds/: a JSON 404, never the site's HTML page."""
    return error_response(
        ApiError(
            404,
            "not_found",
            _("There is no such endpoint. The API's description: %(url)s")
            % {"url": request.build_absolute_uri(reverse("hsds:openapi"))},
        )
    )
