"""Issue 16's acceptance journeys: on a 360-pixel phone, with the keyboard alone, in Arabic,
Finnish and Tigrinya, from the home page to a line that answers in Arabic, its open state and
its call link.

The demo lines' descriptions may be in Swedish only (marked lang="sv"); the journey goes by
the interface and the facts, which every language has. With CKS_SCREENSHOTS=1 each journey
saves its last screen as docs/screenshot-<language>.png, the pictures in the README.
"""

import os
import re

import pytest
from django.conf import settings

from tests.browser.conftest import Visitor

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}
MARGIN = 16  # the 1rem padding of .wrap


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


def assert_laid_out_for(page, language, right_to_left):
    """The page is in `language`, mirrored when it reads right to left, and fits the phone."""
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if right_to_left else "ltr")
    assert no_sideways_scroll(page), f"{page.url} scrolls sideways at {PHONE['width']}px"
    # The site's name starts where lines start: at the right edge right to left, else at the left.
    name = page.locator(".site-name").bounding_box()
    if right_to_left:
        assert abs(name["x"] + name["width"] - (PHONE["width"] - MARGIN)) < 2, name
    else:
        assert abs(name["x"] - MARGIN) < 2, name


@pytest.mark.parametrize(("language", "right_to_left"), [("ar", True), ("fi", False), ("ti", False)])
def test_a_resident_finds_an_arabic_speaking_line_with_the_keyboard_on_a_phone(
    page, site_url, assert_accessible, language, right_to_left
):
    page.set_viewport_size(PHONE)
    visitor = Visitor(page, keyboard=True)
    page.goto(f"{site_url}/{language}/")
    assert_laid_out_for(page, language, right_to_left)
    assert_accessible(page)

    # The menu's first entry is support.
    visitor.use(page.locator(f'.main-nav a[href="/{language}/stod/"]'))
    page.wait_for_url(f"**/{language}/stod/")
    assert_laid_out_for(page, language, right_to_left)
    assert_accessible(page)

    # The language filter names Arabic in Arabic, whatever the page's language.
    select = page.locator('select[name="language"]')
    assert select.locator('option[value="ar"]').inner_text() == "العربية"
    visitor.choose(select, "ar")
    visitor.use(page.locator(".support-filter button[type=submit]"))
    page.wait_for_url(re.compile(r"/stod/\?(.*&)?language=ar(&|$)"))
    assert_laid_out_for(page, language, right_to_left)
    assert_accessible(page)

    visitor.use(page.locator(f'.support-card a[href="/{language}/stod/orostelefonen/"]'))
    page.wait_for_url(f"**/{language}/stod/orostelefonen/")
    assert_laid_out_for(page, language, right_to_left)
    # Arabic is among the line's languages, the open state is shown, and the call link is
    # on the first screen and reached with Tab.
    assert "العربية" in page.locator(".support-facts dd").first.inner_text()
    status = page.locator(".support-detail .status")
    assert status.is_visible() and status.inner_text().strip()
    call = page.locator(".support-call").get_by_role("link")
    assert call.get_attribute("href") == "tel:+4620100200"
    visitor.focus(call)
    box = call.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    assert_accessible(page)

    if os.environ.get("CKS_SCREENSHOTS") == "1":
        page.screenshot(path=settings.BASE_DIR / "docs" / f"screenshot-{language}.png")

    # Enter on the focused link hands the number to the phone (headless Chromium reports it
    # as a request for the tel: URL).
    with page.expect_request(lambda request: request.url.startswith("tel:")) as call_request:
        page.keyboard.press("Enter")
    assert call_request.value.url == "tel:+4620100200"
