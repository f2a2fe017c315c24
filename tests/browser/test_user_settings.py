"""The site respects what the reader has set: less motion, forced colours, larger text, print."""

import pytest

from tests.browser.conftest import FOCUS_IS_VISIBLE

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/stod/",
    "/stod/orostelefonen/",
    "/nyheter/",
    "/nyheter/studiebesok-fran-vracar/",
    "/kalender/",
    "/kalender/forum-mot-extremism-2016/",
    "/kunskapsbank/",
    "/kunskapsbank/vaga-prata-om-extremism-pa-natet/",
    "/sok/?q=extremism",
    "/tillganglighet/",
    "/en/",
]

MOVING = """() => [...document.querySelectorAll('*')].filter(el => {
    const s = getComputedStyle(el);
    const moves = d => d.split(',').some(t => parseFloat(t) > 0);
    return (s.animationName !== 'none' && moves(s.animationDuration)) || moves(s.transitionDuration);
}).map(el => el.tagName + '.' + el.className)"""

SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Elements that hide what overflows them, and do: text cut off at 200 %. The visually hidden
# texts for screen readers are clipped on purpose.
CLIPPED = """() => [...document.body.querySelectorAll('*')].filter(el => {
    if (el.closest('.visually-hidden, .skip-link')) return false;
    const s = getComputedStyle(el);
    const hides = v => v === 'hidden' || v === 'clip';
    return (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
        || (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1);
}).map(el => el.tagName + '.' + el.className)"""


def test_nothing_moves_for_a_reader_who_asks_for_less_motion(page, site_url):
    page.emulate_media(reduced_motion="reduce")
    for path in PAGES:
        page.goto(site_url + path)
        assert page.evaluate(MOVING) == [], path
        assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"


def test_forced_colours_keep_focus_boundaries_and_the_emergency_notice(page, site_url):
    page.emulate_media(forced_colors="active")
    for path in ["/", "/stod/orostelefonen/", "/kunskapsbank/"]:
        page.goto(site_url + path)
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        for _ in range(3):
            page.keyboard.press("Tab")
            assert page.evaluate(FOCUS_IS_VISIBLE), f"{path}: focus not visible in forced colours"
        notice = page.locator(".emergency")
        assert notice.evaluate("el => parseFloat(getComputedStyle(el).borderBottomWidth)") > 0, path
        for button in page.locator("button, .btn").all():
            if button.is_visible():
                width = button.evaluate("el => parseFloat(getComputedStyle(el).borderTopWidth)")
                assert width > 0, f"{path}: a button has no boundary in forced colours"


def test_text_at_200_percent_fits_1280_pixels_without_scrolling_sideways_or_clipping(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    for path in PAGES:
        page.goto(site_url + path)
        normal = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        # What the browser's "text size 200 %" setting does: the root font size doubles.
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 2 * normal - 0.5
        assert page.evaluate(SIDEWAYS) <= 0, f"{path} scrolls sideways at 200 % text"
        assert page.evaluate(CLIPPED) == [], f"{path} clips text at 200 %"


def test_a_page_zoomed_to_200_percent_does_not_scroll_sideways(browser, site_url):
    # Zoom 200 % on a 1280 px window lays the page out in 640 CSS pixels.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    for path in PAGES:
        page.goto(site_url + path)
        assert page.evaluate(SIDEWAYS) <= 0, f"{path} scrolls sideways at 200 % zoom"
        assert page.evaluate(CLIPPED) == [], f"{path} clips content at 200 % zoom"
    context.close()


def test_print_leaves_out_navigation_and_keeps_the_content(page, site_url):
    page.emulate_media(media="print")
    for path in ["/", "/nyheter/studiebesok-fran-vracar/", "/kunskapsbank/vaga-prata-om-extremism-pa-natet/"]:
        page.goto(site_url + path)
        for hidden in [".skip-link", ".main-nav", ".language-switch", ".easy-read", ".breadcrumbs", "form"]:
            for element in page.locator(hidden).all():
                assert not element.is_visible(), f"{path}: {hidden} is printed"
        assert page.locator("main h1").is_visible()
        assert page.locator(".emergency").is_visible()
