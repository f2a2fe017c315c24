"""Structured data and sharing (issue 18, point 6): the JSON-LD of every event, news item,
support contact and publication page carries what Google's and schema.org's documentation
name as required, and every public page has Open Graph tags, an absolute rel=canonical and
absolute hreflang links with an x-default.

The JSON-LD is read from the pages as a search engine reads it. One of each kind is built with
tests/factories.py (with the variants that once lacked something: an event without a place, an
online event, news without a byline); the demo gives breadth.
"""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile

from news.demo import draw_placeholder
from news.models import Event
from tests import factories
from tests.conftest import sitemap_pages
from tests.html import elements

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ORIGIN = "http://testserver"
PUBLICATION_TYPES = {"Report", "Book", "ScholarlyArticle", "Movie", "WebPage"}


def json_ld(body):
    """Every JSON-LD description on a page."""
    return [json.loads(script.text) for script in elements(body, "script", type="application/ld+json")]


def _absolute(url):
    return isinstance(url, str) and url.startswith(("http://", "https://"))


def _named(thing):
    return bool(thing.get("name")) and thing.get("@type") in {"Person", "Organization"}


def check_event(data):
    """Google's Event: name, startDate and location required; organizer with url, endDate,
    eventStatus, eventAttendanceMode and description recommended."""
    for key in ("name", "startDate", "endDate", "description", "eventStatus", "eventAttendanceMode"):
        assert data.get(key), key
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    for location in locations:
        if location["@type"] == "VirtualLocation":
            assert _absolute(location["url"])
        else:
            assert location["@type"] == "Place"
            assert location["address"]["@type"] == "PostalAddress"
            assert location["address"]["addressCountry"] == "SE"
    modes = {location["@type"] for location in locations}
    expected = {
        frozenset({"Place"}): "Offline",
        frozenset({"VirtualLocation"}): "Online",
        frozenset({"Place", "VirtualLocation"}): "Mixed",
    }[frozenset(modes)]
    assert data["eventAttendanceMode"] == f"https://schema.org/{expected}EventAttendanceMode"
    assert _named(data["organizer"]) and _absolute(data["organizer"]["url"])


def check_news_article(data, has_image):
    """Google's Article: headline, image, datePublished, dateModified, author (with name and
    url) and publisher."""
    for key in ("headline", "datePublished", "dateModified", "mainEntityOfPage"):
        assert data.get(key), key
    assert len(data["headline"]) <= 110
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"]
    for author in data["author"]:
        assert _named(author) and _absolute(author["url"]), author
    assert _named(data["publisher"])
    if has_image:
        [image] = data["image"]
        assert _absolute(image["url"]) and image["width"] and image["height"]


def check_contact(data):
    """schema.org Organization with ContactPoints: a name, a url, and for each point its
    contactType and a way to reach it."""
    assert data["@type"] == "Organization"
    assert data["name"] and _absolute(data["url"]) and _absolute(data["mainEntityOfPage"])
    assert data["contactPoint"]
    for point in data["contactPoint"]:
        assert point["contactType"]
        assert point.get("telephone") or point.get("email") or point.get("url"), point


def check_publication(data):
    """A CreativeWork: its name, author(s), date, language, address and publisher."""
    assert data["@type"] in PUBLICATION_TYPES
    for key in ("name", "headline", "datePublished", "inLanguage", "url"):
        assert data.get(key), key
    assert data["author"] and all(_named(author) for author in data["author"])
    assert _named(data["publisher"])


@pytest.fixture
def one_of_each(db):
    topic = factories.make_topic()
    events = [
        factories.make_event(
            "pa-plats", venue="Stadshuset", address="Kungsgatan 55", postal_code="503 35", locality="Borås"
        ),
        factories.make_event(
            "digitalt", online_url="https://meet.example.org/seminarium", organiser="Länsstyrelsen"
        ),
        factories.make_event(
            "bade-och",
            venue="Stadshuset",
            online_url="https://meet.example.org/b",
            organiser="Brå",
            organiser_url="https://bra.se/",
        ),
        # Saved before a place was required: still located, as far as is known.
        factories.make_event("utan-plats"),
    ]
    with_image = factories.make_news("med-bild", byline="Maria Lindqvist")
    with_image.image.save("bild.jpg", ContentFile(draw_placeholder(3)), save=True)
    news = [
        with_image,
        factories.make_news("fran-annan", source_name="Halmstads kommun", source_url="https://halmstad.se/"),
        factories.make_news("utan-byline"),
    ]
    contacts = [
        factories.make_orostelefon(),
        factories.make_contact(
            "bara-webb", name="Webbstöd", organisation="Stödet", website="https://stod.example.org/"
        ),
    ]
    publications = [
        factories.make_publication(
            "Lägesbild", authors=[("Lindqvist", "Maria")], publisher="Borås Stad", topics=[topic]
        ),
        factories.make_publication("Handlingsplan", type="policy", publisher="Borås Stad"),
        factories.make_publication("Film", type="film", publisher="CKS", authors=[("CKS", "")]),
    ]
    return {"events": events, "news": news, "contacts": contacts, "publications": publications}


def test_every_kind_of_page_carries_the_required_structured_data(client, one_of_each):
    for event in one_of_each["events"]:
        [data] = json_ld(client.get(event.get_absolute_url()).content.decode())
        check_event(data)
    for item in one_of_each["news"]:
        [data] = json_ld(client.get(item.get_absolute_url()).content.decode())
        check_news_article(data, has_image=bool(item.image))
    for contact in one_of_each["contacts"]:
        [data] = json_ld(client.get(contact.get_absolute_url()).content.decode())
        check_contact(data)
    for publication in one_of_each["publications"]:
        [data] = json_ld(client.get(publication.get_absolute_url()).content.decode())
        check_publication(data)


def test_an_event_is_located_by_its_postal_address_or_where_it_is_joined(client, one_of_each):
    on_site, online, both, unknown = (
        json_ld(client.get(event.get_absolute_url()).content.decode())[0]["location"]
        for event in one_of_each["events"]
    )

    assert on_site == {
        "@type": "Place",
        "name": "Stadshuset",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Kungsgatan 55",
            "postalCode": "503 35",
            "addressLocality": "Borås",
            "addressCountry": "SE",
        },
    }
    assert online == {"@type": "VirtualLocation", "url": "https://meet.example.org/seminarium"}
    assert [location["@type"] for location in both] == ["Place", "VirtualLocation"]
    assert unknown == {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "SE"}}


def test_a_published_event_needs_a_place_or_a_link_to_join(db):
    event = factories.make_event("utan-plats")

    with pytest.raises(Exception) as refused:
        event.full_clean()
    assert "venue" in refused.value.message_dict
    event.online_url = "https://meet.example.org/x"
    event.full_clean()
    event.online_url, event.state = "", "draft"
    event.full_clean()  # a draft may leave it open


def _sitemap_paths(client):
    return sorted(
        {
            urlsplit(loc.text).path
            for page in sitemap_pages(client)
            for loc in ET.fromstring(page).findall("sm:url/sm:loc", SITEMAP_NS)  # noqa: S314
        }
    )


def test_the_demo_pages_carry_the_required_structured_data(client, demo):
    checked = {"Event": 0, "NewsArticle": 0, "Organization": 0, "publication": 0}
    for path in _sitemap_paths(client):
        body = client.get(path).content.decode()
        for data in json_ld(body):
            if data["@type"] == "Event":
                check_event(data)
                checked["Event"] += 1
            elif data["@type"] == "NewsArticle":
                check_news_article(data, has_image="og:image" in body)
                checked["NewsArticle"] += 1
            elif data["@type"] == "Organization":
                check_contact(data)
                checked["Organization"] += 1
            elif data["@type"] in PUBLICATION_TYPES:
                check_publication(data)
                checked["publication"] += 1
    assert checked["Event"] == Event.objects.published().count()  # each event page (Swedish only)
    assert all(checked.values()), checked


def _head(body):
    """The sharing tags of a page: canonical, Open Graph properties, hreflang links."""
    canonical = [link.attrs["href"] for link in elements(body, "link", rel="canonical")]
    og = {
        meta.attrs["property"]: meta.attrs["content"]
        for meta in elements(body, "meta")
        if "property" in meta.attrs
    }
    hreflang = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in elements(body, "link", rel="alternate")
        if "hreflang" in link.attrs
    }
    return canonical, og, hreflang


def test_every_public_page_has_open_graph_an_absolute_canonical_and_hreflang(client, demo):
    paths = [*_sitemap_paths(client), "/sok/", "/kalender/tidigare/"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        [canonical], og, hreflang = _head(response.content.decode())
        assert canonical == ORIGIN + path, path
        for key in ("og:title", "og:description", "og:type", "og:url", "og:locale", "og:site_name"):
            assert og.get(key), (path, key)
        assert og["og:url"] == canonical
        assert hreflang and all(_absolute(url) for url in hreflang.values()), path
        assert hreflang["x-default"] == hreflang["sv"]
        if og["og:type"] == "article":
            assert _absolute(og["og:image"])


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("/nyheter/?page=2", "/nyheter/?page=2"),
        ("/nyheter/?page=1", "/nyheter/"),
        ("/nyheter/?page=02", "/nyheter/?page=2"),
        ("/nyheter/?topic=radikalisering&page=2", "/nyheter/"),
        ("/kunskapsbank/?q=extremism&sort=newest", "/kunskapsbank/"),
        ("/en/stod/?utm_source=mail", "/en/stod/"),
    ],
)
def test_the_canonical_address_keeps_only_what_identifies_the_page(client, small_site, address, canonical):
    [found], og, hreflang = _head(client.get(address).content.decode())

    assert found == ORIGIN + canonical
    assert og["og:url"] == found
    # hreflang names the other languages' canonical addresses too.
    assert hreflang["sv"] == ORIGIN + canonical.removeprefix("/en")


def test_open_graph_repeats_the_pages_title_and_description_as_plain_text(client, db):
    """og:title and og:description are the page's own title and description blocks again,
    escaped once. (That they add no query is proven by the pinned page budgets in
    tests/cks_portal/test_query_budget.py, which these tags did not change.)"""
    item = factories.make_news("citat", title='Ett "citat" & <taggar>', lead="Ingress & mer <b>fet</b>.")

    body = client.get(item.get_absolute_url()).content.decode()
    _canonical, og, _hreflang = _head(body)

    assert og["og:title"] == 'Ett "citat" & <taggar>'
    assert og["og:description"] == "Ingress & mer <b>fet</b>."
    assert 'content="Ett &quot;citat&quot; &amp; &lt;taggar&gt;"' in body


def test_a_missing_page_names_no_canonical_address(client, db):
    response = client.get("/finns-inte/")

    assert response.status_code == 404
    assert elements(response.content.decode(), "link", rel="canonical") == []
