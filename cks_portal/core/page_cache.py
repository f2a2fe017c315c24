"""Whole-page cache for anonymous readers, invalidated when staff change content.

A response is stored under its URL together with the site's *generation*, a number that goes
up whenever any content model is saved or deleted (signals below), and it is served only while
that generation lasts, so a publish shows at once on every page that might list it. The number
is kept in the cache when every worker shares it (Redis); otherwise in a database sequence,
read once per request, so that the memos each worker keeps in its own memory still end with a
save made through another worker. Time can change a page without a save, too:

- a scheduled news item, event or publication goes live at its publish time, so the
  generation also ends at the next such moment;
- a support contact's "open now / closed" changes by the clock, so a view that prints it
  calls `expire_at(request, moment)` with the next change and the page is kept no longer.

Only GET and HEAD without a session cookie are served from it, and only a 200 response that
sets no cookie (a form with a CSRF token sets one), says nothing against caching and does
not vary on the cookie is stored. Logged-in staff therefore always get a fresh page.
"""

import contextlib
import datetime
import functools
import hashlib
import secrets
from collections import OrderedDict
from threading import Lock

from asgiref.local import Local
from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.paginator import Paginator
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import get_language

from cks_portal.core.cache import cache_recovered

GENERATION_KEY = "page-cache:generation"


def expire_at(request, moment):
    """Keep this request's page in the cache no later than `moment` (an aware datetime)."""
    if moment is None:
        return
    current = getattr(request, "_page_cache_until", None)
    request._page_cache_until = moment if current is None else min(current, moment)


# What each app says about its clock-driven changes: functions of the current moment that
# return [(queryset, field), …], each the items whose `field` is a moment still to come
# (filled in the apps' AppConfig.ready() through `register_scheduled_changes`). The core
# imports no app's models; it only asks.
_scheduled_changes = []


def register_scheduled_changes(function):
    """Register `function(now)` -> [(queryset, field), …]: the next value of `field` among the
    queryset's rows is a moment when some page changes without a save (an item goes live, an
    event ends). Usable as a decorator."""
    if function not in _scheduled_changes:
        _scheduled_changes.append(function)
    return function


def next_scheduled_moment():
    """The next time a page changes by the clock alone, over everything the apps registered.
    One query of small indexed subqueries, run once per generation, not per request."""
    now = timezone.now()
    firsts = [first for function in _scheduled_changes for first in function(now)]
    if not firsts:
        return None
    parts, params = [], []
    for queryset, field in firsts:
        sql, sql_params = queryset.order_by(field).values_list(field)[:1].query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(sql_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        row = cursor.fetchone()
    moments = [value for value in row if value is not None]
    return min(moments, default=None)


END_KEY = "page-cache:generation-end"
PAGE_KEY = "page-cache:page:"
MEMO_KEY = "page-cache:memo:"
MEMO_SECONDS = 60 * 60


# Without a shared cache: the generation is the database sequence's value, read at most once
# per request (`_request.number` is None until it is read, and exists only during a request).
GENERATION_SEQUENCE = "cks_content_generation"
_request = Local()


def _start_request(**kwargs):
    _request.number = None
    _request.ahead = None


def _end_request(**kwargs):
    if hasattr(_request, "number"):
        del _request.number
    _request.ahead = None


def in_request():
    """Whether a request is being answered (between request_started and request_finished)."""
    return hasattr(_request, "number")


def _database_generation():
    """The sequence's number: 1 before its first `nextval`, then one more each time."""
    number = getattr(_request, "number", None)
    if number is None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT last_value + is_called::int FROM {GENERATION_SEQUENCE}")  # noqa: S608 - a constant
            number = cursor.fetchone()[0]
        if hasattr(_request, "number"):  # during a request: kept until it ends
            _request.number = number
    return number


def current(*keys):
    """The current generation number, and the values under `keys` that were stored in it.

    Everything kept per generation is stored as (generation, value), under a key without
    the number, so a reader learns the number, when the generation ends and the values it
    wants in one cache round trip (a page served from the cache costs one Redis read), and a
    new generation overwrites the old entries instead of leaving them behind. The database
    is asked only once per generation, to find when the next scheduled item goes live."""
    if settings.CACHE_IS_SHARED:
        found = cache.get_many([GENERATION_KEY, END_KEY, *keys])
        number = found.get(GENERATION_KEY)
        if number is None:
            number = new_generation_number()
            cache.add(GENERATION_KEY, number, None)
            number = cache.get(GENERATION_KEY, number)
    else:
        number = _database_generation()
        found = cache.get_many([END_KEY, *keys])
    stored_end = found.get(END_KEY)
    if stored_end is not None and stored_end[0] == number:
        end = stored_end[1]
    else:
        moment = next_scheduled_moment()
        end = moment.timestamp() if moment else float("inf")
        cache.set(END_KEY, (number, end), None)
    if end <= timezone.now().timestamp():
        bump()
        return current(*keys)
    if hasattr(_request, "number"):  # during a request: the number it has seen, for request_generation
        _request.number = number
    values = {key: found[key][1] for key in keys if key in found and found[key][0] == number}
    return number, values


def new_generation_number():
    """Where a generation count starts when the cache has none (an emptied or restarted
    Redis): a random number, not the clock, so that it never meets a number whose rendered
    fragments a worker still keeps in its own memory (the "frame" cache)."""
    return secrets.randbits(52)


def generation():
    """The current generation number."""
    return current()[0]


def request_generation():
    """The generation this request has already seen (its memos were read in it), without
    asking again; else the current one. What rendered fragments kept per generation are
    keyed by (templates' `content_generation`)."""
    number = getattr(_request, "number", None)
    return generation() if number is None else number


def memo(name, compute, *, remember_none=True):
    """The value of `compute()`, worked out once per generation and then read from the cache:
    for numbers and short lists that a page shows and that only a change of content can
    change (the years and topics that have news, the number of past events). Unlike the page
    cache it also serves staff and pages with forms; it keeps values, never a response.
    Without a cache shared by every process (CACHE_IS_SHARED) each worker keeps its own,
    under the generation the database says (`current`).

    With `remember_none=False` a None (nothing found) is not kept: an address that does not
    exist must not fill the cache, however many of them a crawler makes up."""
    key = MEMO_KEY + name
    ahead = getattr(_request, "ahead", None)
    if ahead is not None:
        ahead.read.append(key)
        if key in ahead.values:
            # Handed out once, as a read from the cache would be: each read is its own copy.
            return ahead.values.pop(key)
    number, values = current(key)
    if key in values:
        return values[key]
    value = compute()
    if value is not None or remember_none:
        cache.set(key, (number, value), MEMO_SECONDS)
    return value


# The memos read on the last request for each address in this process (`reading_ahead`),
# at most READ_AHEAD_KEPT addresses, the least recently read forgotten first.
READ_AHEAD_KEPT = 512
_read_by_address = OrderedDict()
_read_lock = Lock()


class _Ahead:
    def __init__(self, values):
        self.values = values
        self.read = []


@contextlib.contextmanager
def reading_ahead(address):
    """Within it, the memos read on the last request for `address` in this process are read
    first, in one cache round trip, and `memo` hands them out from there: for a page that reads
    several (the home page's boxes each read their own; the news list its count and its rows),
    each a round trip to Redis before. A memo not read ahead, or not stored in the current
    generation, is read or worked out as always, and what was read this time is what is read
    ahead the next time. Only during a request; outside one it does nothing."""
    if not hasattr(_request, "number"):
        yield
        return
    with _read_lock:
        keys = _read_by_address.get(address, ())
    ahead = _Ahead(current(*keys)[1] if keys else {})
    _request.ahead = ahead
    try:
        yield
    finally:
        _request.ahead = None
        with _read_lock:
            _read_by_address[address] = tuple(dict.fromkeys(ahead.read))
            _read_by_address.move_to_end(address)
            while len(_read_by_address) > READ_AHEAD_KEPT:
                _read_by_address.popitem(last=False)


def reads_ahead(view):
    """A view decorator: its memos are read ahead (`reading_ahead`), by the request's address."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with reading_ahead(request.get_full_path()):
            return view(request, *args, **kwargs)

    return wrapper


def memo_for_text(name, text, compute, *, remember_none=True):
    """`memo` for a value that follows a text a reader typed (a search's words): kept under
    `name` and a hash of the text, and only during a request; outside one (a management
    command, a test's direct call) `compute()` is called each time."""
    if not in_request():
        return compute()
    digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    return memo(f"{name}:{digest}", compute, remember_none=remember_none)


def memo_page(name, items, per_page, number, *, lazy=False):
    """Page `number` of the queryset `items` as a Django Page, its count and its rows
    remembered with `memo` under `name` (which must say everything that chooses `items`).
    A page number that is not one gets the nearest page, as `Paginator.get_page` does.

    With `lazy=True` the rows are read only when the page is first iterated, for a view that
    may not need them (one that keeps the list rendered, `kept_fragment`). The page's
    `memo_name` says which rows it holds."""
    paginator = Paginator(items, per_page)
    paginator.count = memo(f"{name}:count", items.count)
    page = paginator.get_page(number)
    page.memo_name = f"{name}:page:{page.number}"
    rows = page.object_list
    load = functools.partial(memo, page.memo_name, lambda: list(rows))
    page.object_list = SimpleLazyObject(load) if lazy else load()
    return page


def kept_fragment(name, moment, render):
    """A rendered fragment that follows the clock as well as the content, as `(html, until)`:
    `render()` returns the two, the fragment and the first moment at which it may read
    differently (a support line opening or closing, midnight). It is kept in this worker's
    memory (the "frame" cache) under `name`, the active language and this request's
    generation (`request_generation`), and served while `moment` is before `until`; a
    `name` must say everything else that chooses the fragment."""
    key = f"kept:{get_language()}:{request_generation()}:{name}"
    frame = caches["frame"]
    kept = frame.get(key)
    if kept is not None and moment < kept[1]:
        return kept
    kept = render()
    frame.set(key, kept)
    return kept


def bump(**kwargs):
    """Start a new generation, so every cached page is out of date. One cache write, or
    without a shared cache one `nextval` of the sequence (which no rollback takes back).
    Content writes call `content_changed`, which calls this."""
    if getattr(_request, "number", None) is not None:
        _request.number = None  # the rest of this request reads the new number
    if getattr(_request, "ahead", None) is not None:
        _request.ahead.values.clear()  # read in the generation that just ended
    if not settings.CACHE_IS_SHARED:
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [GENERATION_SEQUENCE])
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, new_generation_number(), None)


def content_changed(**kwargs):
    """Content was written: every cached page and memo is out of date. The one call for every
    kind of write: the signals below call it for a save, a delete and a change of a
    many-to-many relation; a bulk path that writes with update() calls it itself.

    A new generation starts at once, and again when the transaction commits: a reader in
    between still sees the old rows in the database and could store the old page under the
    new generation, to be served until the next save. Outside a transaction the write is
    already committed and once is enough."""
    bump()
    connection_ = transaction.get_connection()
    if connection_.in_atomic_block and not any(
        callback is bump for _savepoints, callback, _robust in connection_.run_on_commit
    ):
        transaction.on_commit(bump)


def watch_app(app_label):
    """Every save and delete of the app's models (not their history) changes the pages. Each
    content app calls it from its AppConfig.ready()."""
    for model in apps.get_app_config(app_label).get_models():
        if model.__name__.startswith("Historical"):
            continue
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-save-{model._meta.label}")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}"
        )


def connect_signals():
    m2m_changed.connect(content_changed, dispatch_uid="page-cache-m2m")
    request_started.connect(_start_request, dispatch_uid="page-cache-request-started")
    request_finished.connect(_end_request, dispatch_uid="page-cache-request-finished")
    # A save while Redis was down could not start a new generation; start one when it is back.
    cache_recovered.connect(bump, dispatch_uid="page-cache-cache-recovered")


# The query parameters each cacheable URL reads, by URL name. A page is stored and served under
# its path plus these parameters only; a request with any other parameter is rendered and not
# stored, so made-up parameters cannot fill the cache with copies of one page, and a view that
# starts reading a parameter not listed here is merely not cached, never served wrongly.
# The core's URLs are listed here; each app adds its own (register_query_parameters).
QUERY_PARAMETERS = {
    "search": {"q"},
    "search_suggestions": {"q"},
    "sitemap-section": {"p"},
}


def register_query_parameters(url_name, *names):
    """The query parameters the view behind `url_name` reads; called from AppConfig.ready()."""
    QUERY_PARAMETERS[url_name] = set(names)


# Never looked up or stored: the health probes must answer without the cache, whatever state
# it is in.
NEVER_CACHED = {"healthz", "readyz"}
_never_cached_paths = None


def never_cached_paths():
    global _never_cached_paths
    if _never_cached_paths is None:
        _never_cached_paths = frozenset(reverse(name) for name in NEVER_CACHED)
    return _never_cached_paths


def page_key(request):
    """The cache key of this request's page: scheme, host (robots.txt and the sitemaps print
    absolute URLs), path and the query's parameters in a fixed order."""
    params = sorted((name, value) for name in request.GET for value in request.GET.getlist(name))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(params)}"
    return PAGE_KEY + hashlib.sha256(url.encode()).hexdigest()


def reads_only_its_parameters(request):
    """True if every query parameter is one the URL's view reads (request.resolver_match set)."""
    return QUERY_PARAMETERS.get(request.resolver_match.view_name, set()).issuperset(request.GET)


class PageCacheMiddleware:
    """Last in MIDDLEWARE, right before the views: every other middleware (security headers,
    CSP, language, conditional GET) still runs on a page served from the cache.

    The page is looked up before the URL is resolved, so a hit costs one cache read and no
    more. What is stored is checked after the view ran, when the URL's name is known: only a
    page whose query holds nothing but the parameters its view reads is stored, so a lookup
    with any other parameter can only miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not settings.PAGE_CACHE_SECONDS
            or not self.is_cacheable_request(request)
            or request.path in never_cached_paths()
        ):
            return self.get_response(request)
        key = page_key(request)
        number, values = current(key)
        response = values.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        match = request.resolver_match
        if match is None or match.view_name in NEVER_CACHED or not reads_only_its_parameters(request):
            return response
        if not self.is_cacheable_response(request, response):
            return response
        now = timezone.now()
        until = min(
            moment
            for moment in (
                now + datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS),
                getattr(request, "_page_cache_until", None),
            )
            if moment is not None
        )
        timeout = int((until - now).total_seconds())
        if timeout >= 1:
            cache.set(key, (number, response), timeout)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def is_cacheable_request(request):
        if request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        return not request.path.startswith(("/admin/", "/en/admin/"))

    @staticmethod
    def is_cacheable_response(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        # The outer middleware adds these cookies later: a CSRF token in the page, a changed
        # session, a message for the next page. Such a page belongs to one reader.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        messages = getattr(request, "_messages", None)
        if messages is not None and getattr(messages, "added_new", False):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
            return False
        # Vary: Cookie means the page depends on a cookie this request did not have.
        return "cookie" not in response.get("Vary", "").lower()
