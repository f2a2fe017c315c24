import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang_prefix", ["", "/en"])
def test_the_support_pages_have_no_accessibility_violations(page, site_url, assert_accessible, lang_prefix):
    for path in [
        "/stod/",
        "/stod/orostelefonen/",
        "/stod/?language=xx",
        "/stod/?language=ar&audience=anhoriga",
    ]:
        page.goto(site_url + lang_prefix + path)
        assert page.locator("html").get_attribute("lang") == ("en" if lang_prefix else "sv")
        assert_accessible(page)


@pytest.mark.parametrize("lang_prefix", ["", "/en"])
def test_the_pages_of_support_lines_have_no_accessibility_violations(
    page, site_url, assert_accessible, settings, lang_prefix
):
    settings.SUPPORT_PAGE_SIZE = 2  # the four demo lines on two pages
    for path in ["/stod/", "/stod/?page=2", "/stod/?language=sv&page=2"]:
        page.goto(site_url + lang_prefix + path)
        label = "Pages of support lines" if lang_prefix else "Sidor med stödlinjer"
        assert page.get_by_role("navigation", name=label).count() == 1
        assert_accessible(page)


def test_the_next_page_is_a_plain_link_that_keeps_the_filter(browser, site_url, settings):
    settings.SUPPORT_PAGE_SIZE = 1
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/stod/?language=sv")

    page.get_by_role("navigation", name="Sidor med stödlinjer").get_by_role("link", name="Nästa").click()

    # The address changes when the next page starts to arrive; expect() waits for its text.
    expect(page).to_have_url(re.compile(r"/stod/\?language=sv&page=2$"))
    expect(page.get_by_text("Visar 2–2 av")).to_be_visible()
    assert page.title().startswith("Stöd och råd – sida 2")
    context.close()


def test_the_filter_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/stod/")

    page.get_by_label("Språk de svarar på").select_option("ku")
    page.get_by_role("button", name="Filtrera").click()

    assert "language=ku" in page.url
    assert page.get_by_role("heading", name="Rädda Barnens orostelefon").is_visible()
    assert page.get_by_role("heading", name="Polisen, 114 14").count() == 0
    context.close()


def test_the_support_pages_fit_a_320_pixel_screen(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/stod/", "/stod/orostelefonen/", "/en/stod/orostelefonen/"]:
        page.goto(site_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_the_phone_number_is_a_link_a_phone_can_call(page, site_url):
    page.goto(site_url + "/stod/orostelefonen/")

    link = page.get_by_role("link", name="020-100 200", exact=True)
    assert link.get_attribute("href") == "tel:+4620100200"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_on_a_phone_the_call_button_is_a_large_target_above_the_fold(page, site_url, language):
    # A worried relative on a phone must not have to scroll or aim for a 24-pixel link, in
    # any language: the 112 banner, the menu and the open state are longer in Somali, Sorani
    # or Arabic than in Swedish, and the button must still be on the first screen.
    page.set_viewport_size({"width": 360, "height": 640})
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    page.goto(f"{site_url}{prefix}/stod/orostelefonen/")

    button = page.locator(".support-call").get_by_role("link")
    box = button.bounding_box()

    assert "020-100 200" in button.inner_text()
    assert button.get_attribute("href") == "tel:+4620100200"
    assert box["height"] >= 44 and box["width"] >= 44
    assert box["y"] + box["height"] <= 640, (
        f"/{language}/: the call button ends at {box['y'] + box['height']}px"
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"/{language}/ scrolls sideways by {overflow}px"
