"""Issue 19 in a real browser: the notes while an editor writes, and content health on the
admin index, with axe-core checking the admin pages they change."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import AXE_TAGS
from tests.conftest import make_staff

PASTE = """(element, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", element.innerText);
    element.focus();
    element.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""

VAGUE = (
    '<h2>Om dagen</h2><h4>Program</h4><p>Anmäl dig <a href="https://example.org/anmalan">klicka här</a>.</p>'
)
CLEAN = (
    '<h2>Om dagen</h2><h3>Program</h3><p>Du anmäler dig i <a href="https://example.org/anmalan">'
    "formuläret för dagen</a>.</p>"
)


def log_in(page, site_url, username):
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-" + username)
    page.click("input[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_an_editor_sees_the_notes_while_writing_and_sees_them_go(
    page, site_url, django_user_model, axe, assert_accessible
):
    make_staff(django_user_model, "redaktor", "Redaktör")
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    log_in(page, site_url, "redaktor")
    page.goto(site_url + "/admin/news/newsitem/add/")
    editor = page.locator(".field-body .ProseMirror[contenteditable]")
    editor.wait_for()

    editor.evaluate(PASTE, VAGUE)
    page.locator("#id_image_alt").press_sequentially("IMG_2041.jpg")

    body_notes = page.locator("#content-checks-body li")
    alt_notes = page.locator("#content-checks-image_alt li")
    expect(body_notes).to_have_count(2)
    expect(alt_notes).to_have_count(1)
    expect(page.locator("#content-checks-body")).to_have_attribute("aria-live", "polite")
    expect(body_notes.filter(has_text="klicka här")).to_have_count(1)
    expect(body_notes.filter(has_text="nivå 4 efter nivå 2")).to_have_count(1)
    expect(alt_notes).to_contain_text("IMG_2041.jpg")
    # The why and how open from the keyboard.
    summary = body_notes.first.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(body_notes.first.locator("details")).to_have_attribute("open", "")
    assert problems == [], problems
    # axe-core trips over the CSP while it measures (it tries inline styles), so after it has run
    # only other errors are counted.
    errors_before_axe = len(problems)
    # The skipped heading is in the text on purpose, so axe's own heading-order rule sees it in
    # the editor; everything else on the page, the notes included, must pass.
    results = axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "rules": {"heading-order": {"enabled": False}},
        },
    )
    assert [v["id"] for v in results.response["violations"]] == []

    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    editor.evaluate(PASTE, CLEAN)
    page.locator("#id_image_alt").fill("Två kollegor samtalar vid ett bord")

    expect(page.locator(".content-checks li")).to_have_count(0)
    assert "<h3>Program</h3>" in page.locator("#id_body").input_value()
    after_axe = [
        text for text in problems[errors_before_axe:] if not text.startswith("Applying inline style")
    ]
    assert after_axe == [], after_axe
    assert_accessible(page)


def test_content_health_on_the_admin_index_links_to_the_fix_and_passes_axe(
    page, site_url, django_user_model, assert_accessible
):
    make_staff(django_user_model, "stod", "Stödinformation")
    log_in(page, site_url, "stod")

    health = page.get_by_role("region", name="Att åtgärda")
    expect(health.get_by_role("heading", level=3)).to_have_count(3)
    assert_accessible(page)

    health.get_by_role("link", name="Socialtjänsten i Borås Stad").first.click()
    expect(page).to_have_url(re.compile(r"/admin/support/supportcontact/\d+/change/$"))
