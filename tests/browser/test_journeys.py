"""The journeys real people take, each done with the mouse and with the keyboard alone."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_a_resident_on_a_phone_finds_the_orostelefon_and_calls_it(page, site_url, visitor):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "/")

    visitor.use(page.locator(".support-home").get_by_role("link", name="Rädda Barnens orostelefon"))

    page.wait_for_url(re.compile(r"/stod/orostelefonen/$"))
    assert page.get_by_role("heading", level=1, name="Rädda Barnens orostelefon").is_visible()
    state = page.locator(".status").first
    assert state.is_visible()
    assert re.match(r"(Öppet nu|Stängt)", state.inner_text())
    languages = page.locator("dt", has_text="Språk").locator("xpath=following-sibling::dd[1]").inner_text()
    for language in ["Svenska", "Engelska", "Arabiska", "Kurdiska"]:
        assert language in languages
    call = page.get_by_role("link", name="020-100 200").first
    assert call.get_attribute("href") == "tel:+4620100200"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0

    # Activating the link hands tel:+4620100200 to the phone; headless Chromium reports it as
    # a request for that URL (and then has nothing to open it with).
    with page.expect_request(lambda request: request.url.startswith("tel:")) as call_request:
        visitor.use(call)
    assert call_request.value.url == "tel:+4620100200"


def test_a_professional_searches_narrows_opens_downloads_and_cites(page, site_url, visitor):
    page.goto(site_url + "/kunskapsbank/")

    visitor.fill(page.get_by_label("Sök publikationer"), "extremism")
    visitor.use(page.get_by_role("button", name="Sök", exact=True))
    page.wait_for_url(re.compile(r"q=extremism"))
    before = page.locator(".kb-result").count()

    visitor.use(page.locator(".kb-facets a", has_text="Rapport"))
    page.wait_for_url(re.compile(r"type=report"))
    visitor.use(page.locator(".kb-facets a", has_text="Svenska"))
    page.wait_for_url(re.compile(r"language=sv"))
    assert "q=extremism" in page.url and "type=report" in page.url
    assert 0 < page.locator(".kb-result").count() <= before
    assert page.locator(".kb-facet__link--selected").count() == 2

    title = page.locator(".kb-result h3 a").first.inner_text()
    visitor.use(page.locator(".kb-result h3 a").first)
    page.wait_for_url(re.compile(r"/kunskapsbank/[\w-]+/$"))
    assert page.locator("h1").inner_text() == title

    with page.expect_download() as download:
        visitor.use(page.locator(".kb-access a", has_text="Ladda ner"))
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    with page.expect_download() as citation:
        visitor.use(page.get_by_role("link", name="BibTeX", exact=True))
    assert citation.value.suggested_filename.endswith(".bib")
    with open(citation.value.path(), encoding="utf-8") as bibtex:
        assert title.split()[0] in bibtex.read()
