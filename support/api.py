"""The read-only Open Referral HSDS 3.0 API at /api/hsds/.

Bad parameters get a 400 with a JSON body that says what was wrong; they never reach the
database as something it could choke on.
"""

import datetime
import uuid

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cks_portal.core import i18n, limits, search
from support import hsds


class BadParameter(Exception):
    def __init__(self, name, message):
        super().__init__(message)
        self.name = name
        self.message = message


def _error(status, message, parameter=None):
    body = {"error": "bad_request" if status == 400 else "not_found", "message": message}
    if parameter:
        body["parameter"] = parameter
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise BadParameter(name, _("“%(name)s” must be a whole number from 1 up.") % {"name": name})
    value = int(raw)
    if maximum and value > maximum:
        raise BadParameter(name, _("“%(name)s” can be at most %(max)d.") % {"name": name, "max": maximum})
    return value


def _modified_after(request):
    raw = request.GET.get("modified_after", "").strip()
    if not raw:
        return None
    try:
        moment = parse_datetime(raw.replace(" ", "+"))
        if moment is None:
            day = parse_date(raw)
            moment = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadParameter(
            "modified_after",
            _(
                "“modified_after” must be a date or date and time, for example 2026-01-31 or 2026-01-31T12:00:00Z."
            ),
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _search(request):
    return search.clean_query(request.GET.get("search", ""))


def _page(request, items, serialize):
    per_page = _positive_int(request, "per_page", limits.API_PER_PAGE_DEFAULT, limits.API_PER_PAGE_MAX)
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


def api_view(view):
    @require_GET
    def wrapped(request, *args, **kwargs):
        try:
            data = view(request, *args, **kwargs)
        except BadParameter as error:
            return _error(400, error.message, error.name)
        if data is None:
            return _error(404, _("There is nothing with that id."))
        response = JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
        response["Access-Control-Allow-Origin"] = "*"
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@api_view
def root(request):
    return {
        "version": hsds.HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/3.0/",
        "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
    }


@api_view
def services(request):
    contacts = hsds.services_queryset()
    modified_after = _modified_after(request)
    if modified_after:
        contacts = contacts.filter(updated_at__gt=modified_after)
    query = _search(request)
    if query:
        # The name and summary in every language the contact has them in.
        matches = Q(organisation__icontains=query)
        for name in (*i18n.columns("name"), *i18n.columns("summary")):
            matches |= Q(**{f"{name}__icontains": query})
        contacts = contacts.filter(matches)
    full = request.GET.get("full", "").strip().lower() in {"1", "true", "yes"}
    today = timezone.localdate()
    return _page(request, contacts, lambda contact: hsds.service_json(contact, full=full, today=today))


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@api_view
def service(request, id):
    identifier = _uuid(id)
    contact = hsds.services_queryset().filter(uuid=identifier).first() if identifier else None
    return hsds.service_json(contact, full=True) if contact else None


def _organizations():
    seen = {}
    for contact in hsds.services_queryset().only("organisation", "organisation_website"):
        seen.setdefault(contact.organisation_uuid, hsds.organization_json(contact))
    return sorted(seen.values(), key=lambda org: org["name"])


@api_view
def organizations(request):
    items = _organizations()
    query = _search(request).casefold()
    if query:
        items = [org for org in items if query in org["name"].casefold()]
    return _page(request, items, lambda org: org)


@api_view
def organization(request, id):
    identifier = _uuid(id)
    return next((org for org in _organizations() if org["id"] == str(identifier)), None)
