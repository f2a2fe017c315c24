"""Redis down or hanging (issue 14, defect 5): the cache holds only copies, so pages render
without it, fast; /healthz stays up; /readyz names the cache; staff stay logged in."""

import socket
import threading
import time

import pytest
from django.contrib.sessions.models import Session
from django.utils.http import urlencode

from cks_portal.core import cache as resilient
from knowledge_bank import search as kb_search
from tests.factories import make_publication, make_thesaurus_entry

CLOSED_PORT = 18101


@pytest.fixture
def hanging_redis():
    """A server that accepts connections and never answers, like a Redis stuck in a fork."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    accepted, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/5"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def broken_redis(settings, url):
    resilient._State.down_until = 0.0
    resilient._State.had_outage = False
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "cks_portal.core.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "cks",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHE_IS_SHARED = True


@pytest.fixture(params=["closed", "hanging"])
def redis_outage(request, settings):
    if request.param == "closed":
        url = f"redis://127.0.0.1:{CLOSED_PORT}/5"
    else:
        url = request.getfixturevalue("hanging_redis")
    broken_redis(settings, url)
    yield request.param
    resilient._State.down_until = 0.0
    resilient._State.had_outage = False


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


@pytest.mark.django_db
def test_public_pages_render_within_two_seconds_without_redis(client, small_site, redis_outage):
    event = small_site["event"]
    for url in ["/", "/stod/", "/kunskapsbank/?q=x", event.get_absolute_url(), "/nyheter/", "/kalender/"]:
        response, seconds = timed_get(client, url)

        assert response.status_code == 200, url
        assert seconds < 2, f"{url} took {seconds:.2f} s with Redis {redis_outage}"


@pytest.mark.django_db
def test_searches_find_without_redis_what_they_remember_in_it(client, redis_outage, monkeypatch):
    """The thesaurus rewrite and a rare phrase are remembered in the cache for the generation
    of content (page_cache.memo_for_text): without Redis each search works them out again and
    finds the same, on every search page and order."""
    monkeypatch.setattr(kb_search, "PHRASE_WINDOW", 2)  # the phrase counts as rare here
    monkeypatch.setattr(kb_search, "PHRASE_WALK_LIMIT", 1)
    make_thesaurus_entry("VNR", "våld i nära relationer")
    for number in range(4):
        make_publication(f"Rapport {number}", summary="Relationer, samarbete och våld i skolan.")
    make_publication("Våld i nära relationer", summary="Om våld i nära relationer och stöd.")

    for params in [{"q": '"våld i nära relationer"'}, {"q": "VNR", "sort": "title"}, {"q": "VNR"}] * 2:
        response, seconds = timed_get(client, "/kunskapsbank/?" + urlencode(params))
        assert response.status_code == 200, params
        assert seconds < 2, f"{params} took {seconds:.2f} s with Redis {redis_outage}"
        found = [publication.title for publication in response.context["page_obj"].object_list]
        assert found == ["Våld i nära relationer"], params
    response = client.get("/sok/", {"q": "VNR"})
    titles = [result.title for group in response.context["groups"] for result in group.results]
    assert titles == ["Våld i nära relationer"]


@pytest.mark.django_db
def test_healthz_stays_up_and_readyz_names_the_cache(client, redis_outage):
    response, seconds = timed_get(client, "/healthz")
    assert response.status_code == 200
    assert seconds < 1

    response, seconds = timed_get(client, "/readyz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}
    assert seconds < 2


@pytest.mark.django_db
def test_registration_rate_limit_lets_people_through_and_says_so_in_the_log(client, redis_outage, caplog):
    from django.test import RequestFactory

    from news.registration import rate_limited

    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")

    assert not any(rate_limited(request) for _ in range(10))
    assert "cache unavailable" in caplog.text


@pytest.mark.django_db
def test_a_staff_member_logs_in_through_the_form_and_stays_logged_in(staff_client, redis_outage):
    client = staff_client("Redaktör")

    for _ in range(3):
        response, seconds = timed_get(client, "/admin/")
        assert response.status_code == 200
        assert seconds < 2
    session_key = client.cookies["sessionid"].value
    assert Session.objects.filter(session_key=session_key).exists()


@pytest.mark.django_db
def test_a_save_while_redis_was_down_starts_a_new_generation_when_it_is_back(settings):
    from django.core.cache import cache

    from cks_portal.core import page_cache

    settings.CACHE_IS_SHARED = True
    before = page_cache.generation()
    resilient._State.had_outage = True
    try:
        resilient.cache_recovered.send(sender=None)
    finally:
        resilient._State.had_outage = False

    assert cache.get(page_cache.GENERATION_KEY) == before + 1


def test_one_redis_client_serves_every_cache_call_of_a_process():
    """Django's client builds a redis.Redis, with its table of response callbacks, for every
    call; ours keeps one per connection pool (no server needed: a client connects lazily)."""
    backend = resilient.ResilientRedisCache(f"redis://127.0.0.1:{CLOSED_PORT}/5", {})

    client = backend._cache.get_client()

    assert isinstance(backend._cache, resilient.ReusedClientRedisCacheClient)
    assert backend._cache.get_client("key") is client
    assert backend._cache.get_client(write=True) is client
