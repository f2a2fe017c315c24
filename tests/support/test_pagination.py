"""/stod/ in pages of SUPPORT_PAGE_SIZE lines: featured lines first, filters kept in the links."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from support.models import OpeningException, SupportContact
from tests.factories import add_contacts, make_contact, seed_hours
from tests.html import elements

# A Wednesday morning that is no holiday: the orostelefon's hours are 09–12 and 13–16.
WEDNESDAY_10 = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def card_slugs(html):
    """The slugs the cards' headings link to, in order."""
    titles = elements(html, "h2", class_="support-card__title")
    links = [link for link in elements(html, "a") if link.parent in titles]
    return [re.fullmatch(r"/(?:en/)?stod/([^/]+)/", link.attrs["href"]).group(1) for link in links]


def listed_slugs():
    return list(
        SupportContact.objects.active().order_by("order", "name", "pk").values_list("slug", flat=True)
    )


def page_links(html):
    """The addresses the page links go to, in order."""
    lists = elements(html, "ul", class_="pagination")
    return [
        link.attrs["href"]
        for link in elements(html, "a")
        if "href" in link.attrs and any(ancestor in lists for ancestor in link.ancestors)
    ]


@pytest.fixture
def many(lines):
    """The four lines and thirty more: two pages of twenty."""
    add_contacts(30)


@pytest.fixture
def wednesday_morning(time_machine):
    time_machine.move_to(WEDNESDAY_10, tick=False)
    return WEDNESDAY_10


def test_the_first_page_shows_twenty_lines_with_the_featured_ones_first(client, many):
    html = client.get("/stod/").content.decode()

    assert card_slugs(html) == listed_slugs()[:20]
    assert card_slugs(html)[:2] == ["112", "orostelefonen"]


def test_page_two_shows_the_next_lines(client, many):
    html = client.get("/stod/?page=2").content.decode()

    assert card_slugs(html) == listed_slugs()[20:]
    assert len(card_slugs(html)) == 14


def test_the_count_says_the_total_and_which_lines_are_shown(client, many):
    assert "Visar 1–20 av 34 stödlinjer" in client.get("/stod/").content.decode()
    assert "Visar 21–34 av 34 stödlinjer" in client.get("/stod/?page=2").content.decode()
    assert "Showing 21–34 of 34 support lines" in client.get("/en/stod/?page=2").content.decode()


def test_a_list_that_fits_on_one_page_says_only_the_total_and_has_no_page_links(client, lines):
    html = client.get("/stod/").content.decode()

    assert "4 stödlinjer" in html
    assert "Visar" not in html
    assert 'class="pagination"' not in html


def test_the_page_links_are_plain_links_with_the_page_in_the_title(client, many):
    html = client.get("/stod/?page=2").content.decode()

    assert elements(html, "nav", aria_label="Sidor med stödlinjer")
    assert elements(html, "a", "Föregående", href="/stod/", rel="prev")
    (current,) = elements(html, "span", "Sida 2", aria_current="page")
    hidden = elements(html, "span", "Sida", class_="visually-hidden")
    assert any(current in span.ancestors for span in hidden)
    assert "<title>Stöd och råd – sida 2" in html
    assert page_links(html) == ["/stod/", "/stod/"]


def test_the_page_links_keep_the_filters(client, many):
    html = client.get("/stod/?language=sv&audience=alla").content.decode()

    assert "Visar 1–20 av 32 stödlinjer" in html
    assert page_links(html) == ["/stod/?language=sv&audience=alla&page=2"] * 2
    back = client.get("/stod/?language=sv&audience=alla&page=2").content.decode()
    assert card_slugs(back) == [slug for slug in listed_slugs() if slug.startswith("extra-")][18:]
    assert page_links(back) == ["/stod/?language=sv&audience=alla"] * 2


def test_the_page_links_drop_a_filter_that_was_not_used(client, many):
    html = client.get("/stod/?language=xx&utm_source=x").content.decode()

    assert "Visar 1–20 av 34 stödlinjer" in html
    assert page_links(html) == ["/stod/?page=2"] * 2


@pytest.mark.parametrize(
    ("page", "first"),
    [("abc", 0), ("", 0), ("%00", 0), ("1.5", 0), ("1e3", 0), ("0", 20), ("-1", 20), ("9999", 20), ("2", 20)],
)
def test_a_bad_page_number_gives_a_page_not_an_error(client, many, page, first):
    response = client.get(f"/stod/?page={page}")

    assert response.status_code == 200
    assert card_slugs(response.content.decode())[0] == listed_slugs()[first]


def test_the_page_size_is_a_setting(client, many, settings):
    settings.SUPPORT_PAGE_SIZE = 5

    html = client.get("/stod/?page=7").content.decode()

    assert card_slugs(html) == listed_slugs()[30:34]
    assert "Visar 31–34 av 34 stödlinjer" in html


def test_the_lines_on_a_later_page_show_their_own_state_and_reason(
    client, lines, wednesday_morning, settings
):
    settings.SUPPORT_PAGE_SIZE = 2
    make_contact(slug="stangt-idag", order=50, hours=seed_hours())
    OpeningException.objects.create(
        contact=SupportContact.objects.get(slug="stangt-idag"),
        start_date=WEDNESDAY_10.date(),
        reason="Studiedag",
    )
    make_contact(slug="oppet-nu", order=60, hours=seed_hours())

    html = client.get("/stod/?page=3").content.decode()

    assert card_slugs(html) == ["stangt-idag", "oppet-nu"]
    assert "Stängt – öppnar i morgon 09.00 <span" in html
    assert "(Studiedag)" in html
    assert "Öppet nu – stänger 12.00" in html
    for slug in card_slugs(html):
        with translation.override("sv"):
            expected = SupportContact.objects.get(slug=slug).opening_state(WEDNESDAY_10).text()
        assert expected in html


def test_a_page_is_cached_until_the_first_change_among_its_own_lines(client, db, wednesday_morning, settings):
    settings.SUPPORT_PAGE_SIZE = 2
    make_contact(slug="a", order=1, hours=seed_hours())  # open, closes 12.00
    make_contact(slug="b", order=2, hours=seed_hours())
    make_contact(slug="c", order=3, hours=[(2, "10:30", "11:00")])  # closed, opens 10.30

    first = client.get("/stod/").wsgi_request._page_cache_until
    second = client.get("/stod/?page=2").wsgi_request._page_cache_until

    assert first == WEDNESDAY_10.replace(hour=12)
    assert second == WEDNESDAY_10.replace(hour=10, minute=30)
