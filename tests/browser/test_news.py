import pytest
from playwright.sync_api import expect

from tests.conftest import make_staff

pytestmark = pytest.mark.browser

PAGES = [
    "/nyheter/",
    "/nyheter/?topic=samverkan&year=2018",
    "/nyheter/kanadensiskt-besok-studerar-boras-arbete/",
    "/nyheter/studiebesok-fran-vracar/",
    "/kalender/",
    "/kalender/tidigare/",
    "/kalender/kunskapsseminarium-forebyggande-av-valdsbejakande-extremism/",
    "/kalender/forum-mot-extremism-2016/",
]


@pytest.mark.parametrize("lang_prefix", ["", "/en"])
def test_the_news_and_calendar_pages_have_no_accessibility_violations(
    page, site_url, assert_accessible, lang_prefix
):
    for path in PAGES:
        page.goto(site_url + lang_prefix + path)
        assert_accessible(page)


def test_the_news_pages_load_nothing_from_other_hosts(page, site_url, foreign_requests):
    for path in PAGES:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")

    assert foreign_requests == []


def test_news_images_keep_their_place_while_loading(page, site_url):
    page.goto(site_url + "/nyheter/kanadensiskt-besok-studerar-boras-arbete/")
    image = page.locator(".news-figure img")

    assert image.get_attribute("width") == "1200"
    assert image.get_attribute("height") == "675"
    assert "480w" in image.get_attribute("srcset")


def test_the_rich_text_editor_starts_in_the_admin_without_breaking_the_csp(page, site_url, django_user_model):
    make_staff(django_user_model, "redaktor", "Redaktör")
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "pw-redaktor")
    page.click("input[type=submit]")
    page.goto(site_url + "/admin/news/newsitem/add/")
    editor = page.locator(".prose-editor .ProseMirror[contenteditable]")
    editor.click()
    page.keyboard.type("Skrivet i editorn")
    page.keyboard.press("Control+b")
    page.keyboard.type(" fetstil")

    assert "<strong> fetstil</strong>" in page.locator("#id_body").input_value()
    assert problems == []


def test_the_news_pages_fit_a_320_pixel_screen(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in PAGES:
        page.goto(site_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_the_rich_text_editor_speaks_swedish_and_has_room_to_write(page, site_url, django_user_model):
    make_staff(django_user_model, "redaktor", "Redaktör")
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "pw-redaktor")
    page.click("input[type=submit]")

    page.goto(site_url + "/admin/news/newsitem/add/")
    area = page.locator(".prose-editor .ProseMirror[contenteditable]").first
    area.wait_for()

    menu = page.locator(".prose-menubar").first
    for english, swedish in [
        ("bold", "Fetstil"),
        ("unordered list", "Punktlista"),
        ("insert link", "Infoga länk"),
    ]:
        expect(menu.locator(f'[title="{swedish}"][aria-label="{swedish}"]')).to_have_count(1)
        expect(menu.locator(f'[title="{english}"]')).to_have_count(0)
    expect(menu.locator(".prose-menubar__option h2")).to_have_text("Rubrik 2")
    area.click()
    page.keyboard.type("Rubrik")
    page.keyboard.press("Control+Alt+2")  # the editor's shortcut for a level-2 heading
    assert "<h2>Rubrik</h2>" in page.locator("#id_body").input_value()
    # The block-style button now shows the heading, in Swedish too.
    expect(menu.locator('.prose-menubar__selected [title="Rubrik 2"]')).to_have_count(1)
    # Several lines tall before anything is written, not one.
    assert area.bounding_box()["height"] >= 200


def test_an_online_event_page_has_no_accessibility_violations(page, site_url, assert_accessible):
    """Issue 18: the place in its parts and the link to join online."""
    from tests.factories import make_event

    make_event(
        "digitalt-och-pa-plats",
        venue="Stadshuset",
        address="Kungsgatan 55",
        postal_code="503 35",
        locality="Borås",
        online_url="https://meet.example.org/seminarium",
    )
    page.goto(site_url + "/kalender/digitalt-och-pa-plats/")

    expect(page.locator('a[href="https://meet.example.org/seminarium"]')).to_be_visible()
    expect(page.locator(".event-facts")).to_contain_text("Stadshuset, Kungsgatan 55, 503 35 Borås")
    assert_accessible(page)
