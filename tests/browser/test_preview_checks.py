"""The accessibility check in the staff preview of a draft (issue 19): axe-core from the site's
own static files, under the site's CSP, listing what it finds in a panel."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from news.models import NewsItem, State
from tests.browser.test_content_checks import log_in
from tests.conftest import make_staff


def draft(slug, body):
    return NewsItem.objects.create(
        slug=slug,
        title="Utkast om samtal",
        lead="En kort ingress om samtal.",
        body=body,
        state=State.DRAFT,
        publish_at=timezone.now() - timedelta(hours=1),
    )


def test_the_preview_of_a_clean_draft_has_an_empty_list(page, site_url, django_user_model):
    make_staff(django_user_model, "redaktor", "Redaktör")
    draft("rent-utkast", "<h2>Om dagen</h2><p>Vi träffas och samtalar.</p>")
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    log_in(page, site_url, "redaktor")

    page.goto(site_url + "/nyheter/rent-utkast/")

    panel = page.locator("aside#preview-checks")
    expect(panel.locator(".preview-checks__status")).to_have_text(
        "axe-core hittade inga tillgänglighetsproblem i sidans huvudinnehåll."
    )
    expect(panel).to_be_visible()
    expect(panel.locator("li")).to_have_count(0)
    # axe ran under the site's CSP (no 'unsafe-eval'), and nothing was blocked.
    csp = page.evaluate("() => fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert "unsafe-eval" not in csp and "script-src 'self'" in csp
    assert problems == [], problems


def test_the_preview_lists_what_axe_finds_and_links_to_the_element(page, site_url, django_user_model):
    make_staff(django_user_model, "redaktor", "Redaktör")
    # A heading that skips from level 2 to 4, which axe-core reports (heading-order).
    draft("utkast-med-fel", "<h2>Om dagen</h2><h4>Program</h4><p>Vi träffas och samtalar.</p>")
    log_in(page, site_url, "redaktor")

    page.goto(site_url + "/nyheter/utkast-med-fel/")

    panel = page.locator("aside#preview-checks")
    findings = panel.locator("li")
    expect(findings).to_have_count(1)
    expect(findings.first).to_contain_text("heading-order")
    expect(panel.locator(".preview-checks__status")).to_contain_text("ett tillgänglighetsproblem")
    findings.first.locator("a").focus()
    page.keyboard.press("Enter")
    focused = page.evaluate("() => document.activeElement.outerHTML")
    assert focused.startswith("<h4") and "Program" in focused


def test_readers_get_no_check(page, site_url):
    page.goto(site_url + "/nyheter/")
    page.locator(".news-card a, .card-list a").first.click()
    assert page.locator("#preview-checks").count() == 0
    assert page.locator("script[src*='axe']").count() == 0
