"""Arabic, Persian and Sorani pages read right to left, on a phone, in Debian's Chromium."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def no_sideways_scroll(page):
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("language", ["ar", "fa", "ckb"])
def test_a_support_line_in_a_right_to_left_language_is_mirrored_on_a_phone(
    page, site_url, assert_accessible, language
):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{language}/stod/orostelefonen/")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert no_sideways_scroll(page), f"/{language}/stod/orostelefonen/ scrolls sideways at 360px"
    # Mirrored: the site's name starts at the right edge, and so does the focused skip link.
    name = box(page, ".site-name")
    assert name["x"] + name["width"] > PHONE["width"] - 40
    assert name["x"] > 10
    page.keyboard.press("Tab")
    skip = box(page, ".skip-link")
    assert skip["x"] + skip["width"] >= PHONE["width"] - 20  # 1rem from the right edge
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert_accessible(page)


def test_the_number_and_the_hours_read_left_to_right_inside_arabic(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/ar/stod/orostelefonen/")

    number = page.locator("a.support-phone").first
    assert number.inner_text() == "020-100 200"
    assert number.evaluate("element => getComputedStyle(element).direction") == "ltr"
    hours = page.locator(".support-hours td bdi").first
    assert hours.evaluate("element => getComputedStyle(element).direction") == "ltr"
    # Drawn in order: the first group of digits is left of the last.
    first, last = (
        page.locator("a.support-phone").first.evaluate(f"""element => {{
        const range = document.createRange();
        range.setStart(element.firstChild, {offset});
        range.setEnd(element.firstChild, {offset} + 1);
        return range.getBoundingClientRect().x;
    }}""")
        for offset in (0, 10)
    )
    assert first < last


@pytest.mark.parametrize("language", ["fi", "so", "kmr", "ti"])
def test_a_left_to_right_language_stays_left_to_right(page, site_url, assert_accessible, language):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{language}/stod/orostelefonen/")

    assert page.locator("html").get_attribute("dir") == "ltr"
    assert no_sideways_scroll(page)
    assert box(page, ".site-name")["x"] < 40
    page.keyboard.press("Tab")
    assert box(page, ".skip-link")["x"] <= 20
    assert_accessible(page)
