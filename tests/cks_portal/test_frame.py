"""The page frame's parts that are kept rendered per language (templates/base.html, the
"frame" cache): once kept, they must still say the right thing on every other page."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.html import elements


def menu_current(html):
    """The links the main menu marks as the current section."""
    return [
        a.attrs["href"]
        for a in elements(html, "a", aria_current="page")
        if any("main-nav" in parent.attrs.get("class", "").split() for parent in a.ancestors)
    ]


@pytest.mark.django_db
def test_the_menu_marks_the_current_section_on_each_page_after_it_is_kept(client):
    client.get("/stod/")  # keeps the frame of one section first
    assert caches["frame"]._cache  # the frame is kept after one page

    for path, current in [
        ("/stod/", ["/stod/"]),
        ("/nyheter/", ["/nyheter/"]),
        ("/kalender/", ["/kalender/"]),
        ("/kunskapsbank/", ["/kunskapsbank/"]),
        ("/sok/", []),
        ("/stod/", ["/stod/"]),
    ]:
        assert menu_current(client.get(path).content.decode()) == current, path


@pytest.mark.django_db
def test_each_language_gets_its_own_frame(client):
    swedish = client.get("/om-oss/").content.decode()
    english = client.get("/en/om-oss/").content.decode()
    swedish_again = client.get("/om-oss/").content.decode()

    for html, skip, menu, footer in [
        (swedish, "Hoppa till huvudinnehållet", "Stöd", "Om webbplatsen"),
        (english, "Skip to main content", "Support", "About this site"),
        (swedish_again, "Hoppa till huvudinnehållet", "Stöd", "Om webbplatsen"),
    ]:
        assert elements(html, "a", class_="skip-link")[0].text == skip
        assert elements(html, "a", href="/stod/" if html is not english else "/en/stod/")[1].text == menu
        assert elements(html, "h2", id="footer-about")[0].text == footer
    # The English menu links to the English sections.
    assert elements(english, "a", href="/en/om-oss/", aria_current="page")


@pytest.mark.django_db
def test_the_easy_read_link_and_the_language_switch_follow_the_page_not_the_kept_frame(client):
    client.get("/")
    html = client.get("/lattlast/").content.decode()

    assert elements(html, "a", class_="easy-read", aria_current="page")
    html = client.get("/nyheter/?page=2").content.decode()
    assert not elements(html, "a", class_="easy-read", aria_current="page")
    assert elements(html, "a", hreflang="en", lang="en")[0].attrs["href"] == "/en/nyheter/?page=2"


@pytest.mark.django_db
def test_a_changed_setting_is_printed_once_the_frame_cache_is_emptied(client):
    client.get("/")
    with override_settings(SITE_CONTACT_EMAIL="ny-adress@example.org"):
        caches["frame"].clear()  # what a restart does
        html = client.get("/").content.decode()
    assert elements(html, "a", href="mailto:ny-adress@example.org")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/stod/", "/nyheter/", "/kalender/", "/kunskapsbank/", "/sok/", "/en/om-oss/"]
)
def test_no_template_syntax_reaches_a_page(client, path):
    # A {# … #} comment of two lines is not a comment for Django: it is printed as text (the
    # frame's once pushed a phone's call button below the first screen).
    html = client.get(path).content.decode()

    assert "{#" not in html and "{%" not in html and "#}" not in html
