import pytest

pytestmark = pytest.mark.browser

SEARCH_STATES = [
    "/kunskapsbank/",
    "/kunskapsbank/?q=radikalisering",
    "/kunskapsbank/?q=ingenting+alls+xyzzy",
    "/kunskapsbank/?q=extremism&type=report&topic=valdsbejakande-extremism&sort=title",
    "/kunskapsbank/lokal-lagesbild-valdsbejakande-extremism-boras/",
    "/kunskapsbank/ran-collection-approaches-and-practices/",
    "/sok/?q=extremism",
    "/sok/?q=ingenting+alls+xyzzy",
]


@pytest.mark.parametrize("lang_prefix", ["", "/en"])
def test_the_knowledge_bank_and_site_search_have_no_accessibility_violations(
    page, site_url, assert_accessible, lang_prefix
):
    for path in SEARCH_STATES:
        page.goto(site_url + lang_prefix + path)
        assert_accessible(page)


def test_a_visitor_searches_filters_and_opens_a_publication_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/kunskapsbank/")
    page.get_by_label("Sök publikationer").fill("spelplattformar")
    page.get_by_role("button", name="Sök").click()

    assert "q=spelplattformar" in page.url
    assert page.locator(".kb-snippet mark").first.is_visible()
    page.locator(".kb-facets a", has_text="Rapport").click()
    assert "type=report" in page.url
    page.locator(".kb-result h3 a").first.click()
    assert page.locator("h1").inner_text() == "Lokal lägesbild över våldsbejakande extremism i Borås"
    context.close()


def test_the_search_page_fits_a_320_pixel_screen(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "/kunskapsbank/?q=extremism")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
