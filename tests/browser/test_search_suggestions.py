"""Search as you type on /kunskapsbank/ and /sok/ (issue 17, point 6): the ARIA 1.2 combobox
with a listbox popup, by keyboard alone and by mouse, checked with axe while the list is open,
in a right-to-left page, and the plain form with scripts off."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PUBLICATION = "Lokal lägesbild över våldsbejakande extremism i Borås"
DRAFT = "Lägesbild över det förebyggande arbetet (utkast)"


@pytest.fixture
def csp_errors(page):
    """Messages in the console about anything the Content-Security-Policy blocked."""
    errors = []
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and errors.append(message.text)
    )
    return errors


def listbox(page):
    return page.get_by_role("listbox")


@pytest.mark.parametrize("path", ["/kunskapsbank/", "/sok/"])
def test_three_letters_show_suggestions_and_the_keyboard_alone_opens_one(
    page, site_url, visitor, assert_accessible, csp_errors, path
):
    page.goto(site_url + path)
    box = page.get_by_role("combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_attribute("aria-autocomplete", "list")

    if visitor.keyboard:
        visitor.focus(box)
    else:
        box.click()
    page.keyboard.type("lä")
    page.wait_for_timeout(400)
    expect(listbox(page)).to_be_hidden()  # two letters: nothing yet
    page.keyboard.type("ges")

    expect(listbox(page)).to_be_visible()
    expect(page.get_by_role("listbox", name="Förslag")).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", listbox(page).get_attribute("id"))
    options = page.get_by_role("option")
    expect(options.first).to_contain_text(PUBLICATION)
    expect(listbox(page)).not_to_contain_text(DRAFT)
    expect(page.get_by_role("status")).to_contain_text("förslag")

    if visitor.keyboard:
        page.keyboard.press("ArrowDown")
        first = options.first
        expect(first).to_have_attribute("aria-selected", "true")
        expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
        expect(box).to_be_focused()
        assert_accessible(page)  # with the list open and an option chosen
        page.keyboard.press("Enter")
    else:
        assert_accessible(page)
        options.filter(has_text=PUBLICATION).click()

    expect(page).to_have_url(re.compile(r"/kunskapsbank/lokal-lagesbild-valdsbejakande-extremism-boras/$"))
    expect(page.locator("h1")).to_have_text(PUBLICATION)
    assert not csp_errors


def test_up_and_down_move_through_the_list_and_wrap(page, site_url):
    page.goto(site_url + "/kunskapsbank/")
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type("extremism")
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    count = options.count()
    assert count >= 3

    page.keyboard.press("ArrowUp")  # from the box: the last one
    expect(options.nth(count - 1)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")  # past the last: the first
    expect(options.first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.first).to_have_attribute("aria-selected", "false")
    assert page.locator('[role="option"][aria-selected="true"]').count() == 1

    page.keyboard.type(" v")  # a new letter: the choice belonged to the old ones
    assert box.get_attribute("aria-activedescendant") is None
    assert page.locator('[role="option"][aria-selected="true"]').count() == 0


def test_escape_closes_the_list_a_second_escape_empties_the_box_and_tab_leaves(page, site_url):
    page.goto(site_url + "/kunskapsbank/")
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type("radikal")
    expect(listbox(page)).to_be_visible()
    page.keyboard.press("ArrowDown")

    page.keyboard.press("Escape")
    expect(listbox(page)).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.get_attribute("aria-activedescendant") is None
    expect(box).to_have_value("radikal")

    page.keyboard.press("ArrowDown")  # the list comes back without asking again
    expect(listbox(page)).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(box).to_have_value("")

    page.keyboard.type("radikal")
    expect(listbox(page)).to_be_visible()
    page.keyboard.press("Tab")
    expect(listbox(page)).to_be_hidden()
    expect(page.get_by_role("button", name="Sök")).to_be_focused()


def test_enter_without_a_chosen_suggestion_sends_the_search(page, site_url):
    page.goto(site_url + "/kunskapsbank/")
    page.get_by_role("combobox").focus()
    page.keyboard.type("extremism")
    expect(listbox(page)).to_be_visible()

    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/kunskapsbank/\?q=extremism$"))
    expect(page.locator(".kb-result").first).to_be_visible()


def test_a_topic_opens_the_knowledge_bank_filtered_by_it_in_english(page, site_url, assert_accessible):
    page.goto(site_url + "/en/sok/")
    page.get_by_role("combobox").fill("radicali")
    topic = page.get_by_role("option").filter(has_text="Topic").filter(has_text="Radicalisation")
    expect(topic).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("suggestion")
    assert_accessible(page)

    topic.click()

    expect(page).to_have_url(re.compile(r"/en/kunskapsbank/\?topic=radikalisering$"))


def test_the_list_hangs_under_the_box_from_its_right_edge_on_a_right_to_left_page(
    page, site_url, assert_accessible
):
    page.goto(site_url + "/ar/kunskapsbank/")
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type("våld")
    expect(listbox(page)).to_be_visible()
    page.keyboard.press("ArrowDown")

    box_edge = box.bounding_box()
    list_edge = listbox(page).bounding_box()
    assert abs((box_edge["x"] + box_edge["width"]) - (list_edge["x"] + list_edge["width"])) <= 1
    assert list_edge["y"] >= box_edge["y"] + box_edge["height"]
    # A Swedish title in an Arabic page is marked as Swedish, and reads in its own direction.
    label = page.locator('[role="option"] .suggest__label').first
    assert label.get_attribute("lang") == "sv" and label.get_attribute("dir") == "auto"
    assert_accessible(page)


# The first answer is held back a second, so that it comes after the second one.
SLOW_FIRST_ANSWER = """(() => {
    const fetchNow = window.fetch.bind(window);
    window.fetch = (url, options) => String(url).includes("hedersrel")
        ? new Promise((resolve) => setTimeout(resolve, 1000)).then(() => fetchNow(url, options))
        : fetchNow(url, options);
})();"""


def test_a_stale_answer_never_replaces_the_newer_one(page, site_url):
    page.add_init_script(SLOW_FIRST_ANSWER)
    page.goto(site_url + "/kunskapsbank/")
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type("hedersrel")
    page.wait_for_timeout(300)  # past the pause: its request has gone
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("våldsam")

    expect(page.get_by_role("option").first).to_contain_text("Våldsam politisk extremism")
    page.wait_for_timeout(1200)
    expect(page.get_by_role("option").first).to_contain_text("Våldsam politisk extremism")
    expect(page.get_by_role("listbox")).not_to_contain_text("Hedersrelaterat")


@pytest.mark.parametrize(
    ("path", "label", "result"),
    [
        ("/kunskapsbank/", "Sök publikationer", ".kb-result h3 a"),
        ("/sok/", "Sök efter", ".search-group a"),
    ],
)
def test_with_scripts_off_the_search_box_is_the_plain_form_it_was(browser, site_url, path, label, result):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + path)
    box = page.get_by_label(label)
    assert box.get_attribute("role") is None
    assert page.get_by_role("listbox").count() == 0

    box.fill("radikalisering")
    page.get_by_role("button", name="Sök").click()

    assert "q=radikalisering" in page.url
    expect(page.locator(result).first).to_be_visible()
    context.close()
