"""Which languages a page has, said the same way in the language switch, the hreflang links
in the head and the sitemap (issue 16, points 3 and 7; docs/architecture.md, "Which
languages a page has")."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests.conftest import sitemap_pages
from tests.factories import make_news, make_orostelefon, make_page
from tests.html import element, elements

ALL = [code for code, _name in settings.LANGUAGES]
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def head_alternates(html):
    return {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in elements(html, "link", rel="alternate")
        if "hreflang" in link.attrs
    }


def switch_languages(html):
    switch = element(html, "nav", class_="language-switch")
    return [link.attrs["hreflang"] for link in elements(html, "a") if switch in link.ancestors]


def sitemap_entries(client):
    """{location: {hreflang: href}} for every <url> of every section sitemap."""
    entries = {}
    for page in sitemap_pages(client):
        for url in ET.fromstring(page).findall("sm:url", NS):  # noqa: S314 -- our own sitemap
            links = url.findall("xhtml:link", NS)
            entries[url.find("sm:loc", NS).text] = {link.get("hreflang"): link.get("href") for link in links}
    return entries


def test_a_support_line_has_every_language_in_the_head_with_absolute_urls_and_x_default(client, db):
    make_orostelefon()

    alternates = head_alternates(client.get("/ar/stod/orostelefonen/").content)

    assert set(alternates) == {*ALL, "x-default"}
    assert alternates["sv"] == alternates["x-default"] == "http://testserver/stod/orostelefonen/"
    assert alternates["ar"] == "http://testserver/ar/stod/orostelefonen/"
    assert alternates["ti"] == "http://testserver/ti/stod/orostelefonen/"


def test_a_page_is_offered_only_in_the_languages_its_content_has(client, db):
    make_page(title_en="About us", title_fi="Meistä", body_fi="<p>Teksti.</p>")

    html = client.get("/om-oss/").content

    assert set(head_alternates(html)) == {"sv", "en", "fi", "x-default"}
    assert switch_languages(html) == ["sv", "en", "fi"]


def test_on_a_page_without_its_language_the_switch_keeps_the_current_language_but_the_head_does_not(
    client, db
):
    make_page(title_en="About us")

    html = client.get("/ar/om-oss/").content

    assert switch_languages(html) == ["sv", "en", "ar"]
    assert elements(html, "a", hreflang="ar", aria_current="true")
    assert set(head_alternates(html)) == {"sv", "en", "x-default"}
    # The page still answers in Arabic: chrome in Arabic, the content in Swedish marked so.
    assert elements(html, "html", lang="ar", dir="rtl")
    assert elements(html, "h1", "Om oss", lang="sv")


def test_section_pages_have_every_language(client, db):
    assert switch_languages(client.get("/kalender/").content) == ALL


def test_the_sitemap_lists_each_page_in_the_languages_it_has_with_alternates(client, db):
    make_orostelefon()
    make_page(title_en="About us")
    make_news("en-nyhet")

    entries = sitemap_entries(client)

    line = "http://testserver/stod/orostelefonen/"
    assert {f"http://testserver/{code}/stod/orostelefonen/" for code in ALL if code != "sv"} <= set(entries)
    assert set(entries[line]) == {*ALL, "x-default"}
    assert entries[line]["x-default"] == line
    assert (
        entries["http://testserver/ar/stod/orostelefonen/"]["ar"]
        == "http://testserver/ar/stod/orostelefonen/"
    )

    assert set(entries["http://testserver/om-oss/"]) == {"sv", "en", "x-default"}
    assert "http://testserver/en/om-oss/" in entries
    assert "http://testserver/ar/om-oss/" not in entries

    assert set(entries["http://testserver/nyheter/en-nyhet/"]) == {"sv", "x-default"}
    assert "http://testserver/en/nyheter/en-nyhet/" not in entries

    assert set(entries["http://testserver/stod/"]) == {*ALL, "x-default"}


def test_the_sitemap_lists_easy_to_read_pages_in_swedish_only(client, db):
    make_page("lattlast-stod", "Här kan du få stöd")

    entries = sitemap_entries(client)

    assert set(entries["http://testserver/lattlast/stod/"]) == {"sv", "x-default"}
    assert [location for location in entries if "lattlast" in location] == [
        "http://testserver/lattlast/stod/"
    ]


@pytest.mark.parametrize("prefix", ["", "/en", "/ar"])
def test_the_language_filter_names_each_language_in_itself(client, db, prefix):
    make_orostelefon()  # Swedish, English, Arabic and Kurdish

    html = client.get(f"{prefix}/stod/").content.decode()

    select = element(html, "select", name="language")
    options = {
        o.attrs["value"]: o for o in elements(html, "option") if select in o.ancestors and o.attrs["value"]
    }
    assert {value: option.text for value, option in options.items()} == {
        "ar": "العربية",
        "en": "English",
        # The name typed in the admin: CLDR's "kurdî (kurmancî)" would claim one variety.
        "ku": "Kurdî",
        "sv": "Svenska",
    }
    assert options["ar"].attrs["lang"] == "ar" and options["ar"].attrs["dir"] == "rtl"
    assert options["sv"].attrs["lang"] == "sv" and "dir" not in options["sv"].attrs


def test_a_translation_held_back_for_review_is_not_offered(client, db):
    page = make_page(title_fi="Meistä", body_fi="<p>Teksti.</p>", show_unreviewed=False)
    assert "fi" in page.translations_to_review

    html = client.get("/om-oss/").content

    assert "fi" not in head_alternates(html)
    assert "fi" not in switch_languages(html)
    page.show_unreviewed = True
    page.save()
    assert "fi" in head_alternates(client.get("/om-oss/").content)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/stod/",
        "/en/stod/orostelefonen/",
        "/ar/kunskapsbank/",
        "/ti/kalender/kalender.ics",
        "/om-oss/",
        "/fi/nyheter/en-nyhet/",
        "/lattlast/",
        "/lattlast/stod/",
        "/admin/",
        "/api/hsds/services/",
        "/finns/inte/alls/",
        "/en/finns/inte/alls/",
        "/robots.txt",
    ],
)
def test_each_language_s_address_is_the_one_django_translate_url_gives(path):
    from django.urls import translate_url

    from cks_portal.core.context_processors import _paths_by_language

    assert _paths_by_language(path) == {code: translate_url(path, code) for code in ALL}


@pytest.mark.parametrize("active", ["sv", "en", "ar"])
@pytest.mark.parametrize("path", ["/nyheter/en-nyhet/", "/en/nyheter/en-nyhet/", "/ar/stod/", "/finns/inte/"])
def test_the_addresses_kept_for_a_path_follow_the_active_language(path, active):
    """translate_url resolves a prefixed path only while a language is active whose prefix it
    is, so the addresses kept per path (`_paths_for`) are kept per active language too."""
    from django.urls import translate_url
    from django.utils import translation

    from cks_portal.core.context_processors import _paths_by_language

    for language in ("sv", "en", "ar", active):  # each kept answer made in another language first
        with translation.override(language):
            _paths_by_language(path)
    with translation.override(active):
        assert _paths_by_language(path) == {code: translate_url(path, code) for code in ALL}


def test_the_addresses_kept_are_forgotten_when_the_languages_change(settings):
    from cks_portal.core.context_processors import _paths_by_language, _paths_for

    _paths_by_language("/nyheter/")
    assert _paths_for.cache_info().currsize
    settings.LANGUAGES = [*settings.LANGUAGES]
    assert _paths_for.cache_info().currsize == 0
