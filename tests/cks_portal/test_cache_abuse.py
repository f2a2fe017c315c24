"""Query strings and the sitemap cannot fill the cache or the CPU (issue 14, defect 8)."""

import random
import string
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from cks_portal.core.sitemaps import I18nSitemap
from news.views import EVENTS_PER_PAGE
from tests.conftest import SITEMAP_NS
from tests.factories import make_event, make_news, make_publication

URLS = ["/", "/nyheter/", "/kalender/", "/stod/", "/kunskapsbank/", "/sok/", "/sitemap.xml", "/robots.txt"]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300  # the cache itself starts empty (tests/conftest.py)


def junk(rng):
    name = "".join(rng.choices(string.ascii_letters, k=rng.randint(1, 12)))
    return {name: "".join(rng.choices(string.printable, k=rng.randint(0, 30)))}


def entries():
    return len(cache._cache)  # the local-memory backend of the tests


def test_two_hundred_requests_with_made_up_parameters_add_at_most_a_handful_of_entries(
    client, small_site, page_cache
):
    for url in URLS:
        client.get(url)
    before = entries()
    rng = random.Random(14)

    for _ in range(200):
        assert client.get(rng.choice(URLS), junk(rng)).status_code == 200

    assert entries() - before <= 5


def test_a_parameter_the_page_reads_still_gets_its_own_cached_copy(client, db, page_cache):
    for days_ago in range(1, EVENTS_PER_PAGE + 2):  # two pages of past events
        make_event(f"forra-{days_ago}", days_ahead=-days_ago)

    client.get("/kalender/tidigare/", {"page": "2"})
    second = client.get("/kalender/tidigare/", {"page": "2"})

    assert second["X-Page-Cache"] == "hit"


def test_a_made_up_parameter_is_rendered_fresh_and_not_stored(client, db, page_cache):
    make_news()
    client.get("/nyheter/")

    response = client.get("/nyheter/", {"utm_source": "x" * 500})

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_the_order_of_parameters_does_not_make_a_new_entry(client, db, page_cache):
    make_publication("Radikalisering bland unga")
    client.get("/kunskapsbank/?q=radikalisering&sort=newest")

    assert client.get("/kunskapsbank/?sort=newest&q=radikalisering")["X-Page-Cache"] == "hit"


def test_the_sitemap_is_an_index_of_section_pages_each_valid_and_under_the_limit(
    client, small_site, monkeypatch
):
    monkeypatch.setattr(I18nSitemap, "limit", 4)

    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 -- our own sitemap
    locations = [loc.text for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]

    assert "http://testserver/sitemap-sections.xml" in locations
    assert "http://testserver/sitemap-sections.xml?p=2" in locations
    assert "http://testserver/sitemap-publications.xml" in locations
    seen = []
    for location in locations:
        response = client.get(location.removeprefix("http://testserver"))
        assert response.status_code == 200, location
        root = ET.fromstring(response.content)  # noqa: S314
        urls = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
        assert 0 < len(urls) <= 4
        seen.extend(urls)
    assert len(seen) == len(set(seen)), "a URL is on two pages"
    assert "http://testserver/en/kunskapsbank/" in seen and "http://testserver/kunskapsbank/" in seen


def test_a_sitemap_page_past_the_last_is_a_404_not_an_error(client, small_site):
    assert client.get("/sitemap-sections.xml?p=999").status_code == 404
    assert client.get("/sitemap-sections.xml?p=x").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_points_at_the_sitemap_index(client, small_site):
    body = client.get("/robots.txt").content.decode()
    sitemap = body.split("Sitemap: ")[1].split()[0]

    assert sitemap == "http://testserver/sitemap.xml"
    assert b"<sitemapindex" in client.get("/sitemap.xml").content
