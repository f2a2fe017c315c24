import datetime
import gzip

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import timezone

from cks_portal.core.page_cache import PageCacheMiddleware
from news.models import State
from tests.factories import make_news, make_orostelefon

# A fixed instant (a Wednesday at noon in Stockholm, no holiday near) for the tests of time.
NOON = datetime.datetime(2026, 3, 4, 11, 0, tzinfo=datetime.UTC)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300  # the cache itself starts empty (tests/conftest.py)


def test_an_anonymous_reader_gets_the_second_request_from_the_cache(client, db, page_cache):
    make_news()

    assert client.get("/nyheter/")["X-Page-Cache"] == "miss"
    second = client.get("/nyheter/")

    assert second["X-Page-Cache"] == "hit"
    assert not second.cookies
    assert "Content-Security-Policy" in second


def test_a_published_news_item_shows_at_once(client, db, page_cache):
    make_news()
    client.get("/nyheter/")

    make_news("brand-new", title="Helt ny nyhet")

    response = client.get("/nyheter/")
    assert response["X-Page-Cache"] == "miss"
    assert "Helt ny nyhet" in response.content.decode()


def test_a_scheduled_item_ends_the_generation_at_its_publish_time(client, db, page_cache, time_machine):
    time_machine.move_to(NOON, tick=False)
    make_news()
    item = make_news("later", title="Senare nyhet")
    item.state, item.publish_at = State.SCHEDULED, NOON + datetime.timedelta(seconds=1)
    item.save()
    client.get("/nyheter/")
    assert client.get("/nyheter/")["X-Page-Cache"] == "hit"

    time_machine.move_to(NOON + datetime.timedelta(seconds=2), tick=False)
    response = client.get("/nyheter/")

    assert response["X-Page-Cache"] == "miss"
    assert "Senare nyhet" in response.content.decode()


def test_staff_are_never_served_from_the_cache(client, db, page_cache, django_user_model):
    client.get("/")
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))

    assert "X-Page-Cache" not in client.get("/")


def test_a_support_page_is_kept_no_longer_than_its_next_open_or_closed_change(
    client, db, page_cache, time_machine
):
    time_machine.move_to(NOON, tick=False)
    contact = make_orostelefon()
    now = timezone.now()
    state = contact.opening_state(now)

    response = client.get(contact.get_absolute_url())

    until = response.wsgi_request._page_cache_until
    change = state.closes_at or state.opens_at
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    assert until <= midnight + datetime.timedelta(days=1)
    if change:
        assert until <= change


def test_a_page_with_a_csrf_token_is_not_stored(db, page_cache):
    def view(request):
        return HttpResponse(get_token(request))

    middleware = PageCacheMiddleware(view)
    first = middleware(RequestFactory().get("/form/"))
    second = middleware(RequestFactory().get("/form/"))

    assert first.content != second.content
    assert second.get("X-Page-Cache") != "hit"


def test_pages_answer_a_conditional_get_with_304(client, db):
    make_news()

    etag = client.get("/nyheter/")["ETag"]

    assert client.get("/nyheter/", headers={"if-none-match": etag}).status_code == 304


def test_pages_are_compressed_for_readers_that_accept_gzip(client, db):
    response = client.get("/", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.content)


def test_without_a_shared_cache_a_memo_lasts_until_the_database_generation_changes(db, settings):
    from cks_portal.core import page_cache

    settings.CACHE_IS_SHARED = False
    calls = []
    page_cache.memo("test:value", lambda: calls.append(1) or len(calls))
    assert page_cache.memo("test:value", lambda: calls.append(1) or len(calls)) == 1

    another_worker_saves()

    assert page_cache.memo("test:value", lambda: calls.append(1) or len(calls)) == 2


def another_worker_saves():
    """What content_changed() does in another gunicorn worker: take the sequence's next number,
    on a connection of its own."""
    import psycopg
    from django.db import connection

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT nextval('cks_content_generation')")


def test_without_a_shared_cache_a_page_reads_its_rows_once_per_generation(
    client, db, settings, django_assert_num_queries
):
    from news.models import NewsItem

    settings.CACHE_IS_SHARED = False
    item = make_news(title="Första nyheten")
    client.get("/nyheter/")

    with django_assert_num_queries(1):  # the generation, once for the whole request
        assert "Första nyheten" in client.get("/nyheter/").content.decode()

    # A write that did not start a new generation is not seen: the rows are this worker's memo.
    NewsItem.objects.filter(pk=item.pk).update(title="Ändrad nyhet")
    assert "Första nyheten" in client.get("/nyheter/").content.decode()

    another_worker_saves()

    assert "Ändrad nyhet" in client.get("/nyheter/").content.decode()


def test_without_a_shared_cache_a_save_starts_a_new_generation_at_once(client, db, settings):
    settings.CACHE_IS_SHARED = False
    make_news()
    client.get("/nyheter/")

    make_news("brand-new", title="Helt ny nyhet")  # a save: content_changed()

    assert "Helt ny nyhet" in client.get("/nyheter/").content.decode()


def test_the_deploy_check_warns_of_a_page_cache_in_one_process_of_many(settings):
    from cks_portal.core.checks import page_cache_needs_a_shared_cache

    settings.PAGE_CACHE_SECONDS, settings.CACHE_IS_SHARED = 300, False
    assert [w.id for w in page_cache_needs_a_shared_cache(None)] == ["cks_portal.W001"]

    settings.CACHE_IS_SHARED = True
    assert page_cache_needs_a_shared_cache(None) == []


def test_a_page_from_the_cache_costs_one_cache_read(client, db, page_cache, monkeypatch):
    make_news()
    client.get("/nyheter/")
    calls = _counting_cache_calls(monkeypatch, ("get", "get_many", "set", "add", "incr", "has_key"))

    assert client.get("/nyheter/")["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]


@pytest.mark.parametrize("shared", [True, False])
def test_a_save_during_a_request_gives_the_rest_of_it_the_new_generation(db, settings, shared):
    # What a fragment rendered after the save is kept under (templates' content_generation).
    from cks_portal.core import page_cache

    settings.CACHE_IS_SHARED = shared
    page_cache._start_request()
    try:
        before = page_cache.request_generation()
        page_cache.bump()
        assert page_cache.request_generation() != before
    finally:
        page_cache._end_request()


def _counting_cache_calls(monkeypatch, names):
    """The default cache's calls of `names`, in order, from now on."""
    from django.core.cache import caches

    backend, calls, depth = caches["default"], [], [0]

    def counting(name, original):
        def wrapper(*args, **kwargs):
            if not depth[0]:  # the local-memory get_many calls get per key: one read with Redis
                calls.append(name)
            depth[0] += 1
            try:
                return original(*args, **kwargs)
            finally:
                depth[0] -= 1

        return wrapper

    for name in names:
        monkeypatch.setattr(backend, name, counting(name, getattr(backend, name)))
    return calls


@pytest.mark.parametrize("shared", [True, False])
@pytest.mark.parametrize("url", ["/", "/nyheter/", "/kalender/", "/kunskapsbank/"])
def test_a_page_reads_all_its_memos_in_one_cache_read(client, db, settings, monkeypatch, shared, url):
    """The home page's boxes, the news list's topics, count and rows: each a memo, each a round
    trip to Redis until they were read ahead together (page_cache.reads_ahead)."""
    settings.CACHE_IS_SHARED = shared
    make_news()
    make_orostelefon()
    client.get(url)  # the memos are worked out and stored
    client.get(url)  # what the page reads is learned
    calls = _counting_cache_calls(monkeypatch, ("get", "get_many"))

    assert client.get(url).status_code == 200
    assert calls == ["get_many"]


def test_what_is_read_ahead_is_never_of_an_earlier_generation(client, db):
    make_news(title="Första nyheten")
    client.get("/")
    client.get("/")

    make_news("brand-new", title="Helt ny nyhet")  # a save: a new generation

    assert "Helt ny nyhet" in client.get("/").content.decode()


@pytest.mark.parametrize("shared", [True, False])
def test_a_save_during_a_request_drops_what_was_read_ahead(db, settings, shared):
    from cks_portal.core import page_cache

    settings.CACHE_IS_SHARED = shared
    page_cache._start_request()
    try:
        with page_cache.reading_ahead("/address/"):
            assert page_cache.memo("a-name", lambda: "first") == "first"
        with page_cache.reading_ahead("/address/"):
            assert page_cache._request.ahead.values == {page_cache.MEMO_KEY + "a-name": "first"}
            page_cache.bump()
            assert page_cache.memo("a-name", lambda: "second") == "second"
    finally:
        page_cache._end_request()


def test_outside_a_request_nothing_is_read_ahead(db):
    from cks_portal.core import page_cache

    with page_cache.reading_ahead("/outside/"):
        assert page_cache.memo("a-name", lambda: "worked out") == "worked out"
    assert "/outside/" not in page_cache._read_by_address


def test_read_ahead_keeps_a_bounded_number_of_addresses(client, db, monkeypatch):
    from collections import OrderedDict

    from cks_portal.core import page_cache

    monkeypatch.setattr(page_cache, "READ_AHEAD_KEPT", 3)
    monkeypatch.setattr(page_cache, "_read_by_address", OrderedDict())
    for number in range(6):
        client.get("/nyheter/", {"made-up": number})

    assert list(page_cache._read_by_address) == [f"/nyheter/?made-up={n}" for n in (3, 4, 5)]
