import logging
from datetime import UTC, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from cks_portal.core import page_cache, registry, suggest, suggestions
from cks_portal.core import search as site_search

SEARCH_RESULTS_PER_GROUP = 5
logger = logging.getLogger(__name__)


@page_cache.reads_ahead
def home(request):
    # Every part is remembered until content changes (the apps' selectors): no query when warm,
    # and the boxes' memos are read in one cache round trip (page_cache.reads_ahead).
    context = {"home_boxes": registry.home_boxes()}
    # Each app registers its own boxes (support lines, news, events, featured publications) and
    # anything else the page shows of it (the pages app: the "About us" link).
    context.update(registry.home_context(request))
    return render(request, "cks_portal/home.html", context)


def search(request):
    """Site-wide search: each app's provider contributes a group (see cks_portal.core.search)."""
    query = site_search.clean_query(request.GET.get("q", ""))
    groups = site_search.site_results(query, limit=SEARCH_RESULTS_PER_GROUP) if query else []
    suggestion = ""
    if query and not groups:
        # "Did you mean …?" (cks_portal/core/suggestions.py): one query more, on an empty page
        # only. The vocabulary holds words of published text, so the correction finds
        # something; checking it through every provider again would cost five searches.
        corrected = suggestions.corrected(query)
        if corrected and corrected.lower() != query.lower():
            suggestion = corrected
    breadcrumbs = [(request.path, _("Search"))]
    return render(
        request,
        "cks_portal/search.html",
        {
            "query": query,
            "groups": groups,
            "suggestion": suggestion,
            "breadcrumbs": breadcrumbs,
        },
    )


# Seconds a browser or proxy may keep an answer of /sok/forslag/: long enough for the same
# letters typed again, short enough that a withdrawn title is soon gone (opening it is a 404).
SUGGESTIONS_MAX_AGE = 60


@require_safe
def search_suggestions(request):
    """Search as you type (cks_portal.core.suggest): JSON for static/js/search-suggest.js, with
    the sentence its live region reads out, in the page's language."""
    prefix = suggest.Prefix.parse(request.GET.get("q", ""))
    found = suggest.suggestions(prefix)
    if found:
        message = ngettext(
            "%(count)s suggestion. Use the up and down arrow keys to choose, Enter to open.",
            "%(count)s suggestions. Use the up and down arrow keys to choose, Enter to open.",
            len(found),
        ) % {"count": len(found)}
    else:
        message = _("No suggestions.") if prefix.is_long_enough else ""
    response = JsonResponse({"suggestions": [item.as_json() for item in found], "message": message})
    patch_cache_control(response, public=True, max_age=SUGGESTIONS_MAX_AGE)
    return response


@require_GET
@never_cache
def healthz(request):
    """Liveness: the process answers. Touches neither the database nor the cache, so a Redis
    or PostgreSQL outage never makes the orchestrator restart healthy workers."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@never_cache
def readyz(request):
    """Readiness: each part the site needs and whether it answers, e.g.
    {"database": "ok", "cache": "unavailable"} with 503. Errors go to the log, not to the caller."""
    parts = {"database": _database_answers(), "cache": _cache_answers()}
    ready = all(parts.values())
    return JsonResponse(
        {name: "ok" if answers else "unavailable" for name, answers in parts.items()},
        status=200 if ready else 503,
    )


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("readiness: the database does not answer")
        return False
    return True


def _cache_answers():
    # The Redis backend swallows its errors (cks_portal/core/cache.py), so ask it directly.
    if hasattr(cache, "is_available"):
        answers = cache.is_available()
    else:
        cache.set("readyz", "1", 5)
        answers = cache.get("readyz") == "1"
    if not answers:
        logger.warning("readiness: the cache does not answer")
    return answers


@require_GET
def favicon(request):
    # Browsers ask for /favicon.ico on their own; send them to the hashed static file.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@require_GET
def security_txt(request):
    """RFC 9116: where to report a vulnerability. Expires is always about half a year ahead."""
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: sv, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def robots_txt(request):
    # The sitemap index; it lists the paged section sitemaps.
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/admin/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request):
    """A 500 page that needs no database and no context processors."""
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(
        template.render({"site_name": settings.SITE_NAME, "title": _("Server error")}), status=500
    )
