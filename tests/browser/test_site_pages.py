import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/om-oss/", "/tillganglighet/", "/personuppgifter/", "/finns-inte/"]


@pytest.mark.parametrize("lang_prefix", ["", "/en"])
def test_the_site_pages_have_no_accessibility_violations(page, site_url, assert_accessible, lang_prefix):
    for path in PAGES:
        page.goto(site_url + lang_prefix + path)
        assert page.locator("html").get_attribute("lang") == ("en" if lang_prefix else "sv")
        assert_accessible(page)


def test_pages_load_nothing_from_other_hosts(page, site_url, foreign_requests):
    for path in [
        "/",
        "/om-oss/",
        "/en/",
        "/stod/",
        "/nyheter/",
        "/kalender/",
        "/kunskapsbank/",
        "/sok/?q=extremism",
    ]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")

    assert foreign_requests == []


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")

    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till huvudinnehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_layout_fits_a_320_pixel_screen(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/", "/om-oss/", "/tillganglighet/"]:
        page.goto(site_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
        assert page.get_by_text("Vid akut fara, ring 112.").first.is_visible()
