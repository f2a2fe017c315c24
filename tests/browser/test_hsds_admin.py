"""The HSDS import's admin pages in a real browser, with axe-core: the import form with a
source that fails, and a conflict decided by keyboard."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from cks_portal.core.roles import SUPPORT_EDITOR
from support.models import ImportedService, SupportContact
from tests.browser.test_content_checks import log_in
from tests.conftest import make_staff


def test_the_import_page_is_accessible_and_says_why_nothing_was_imported(
    page, site_url, django_user_model, assert_accessible
):
    make_staff(django_user_model, "stod", SUPPORT_EDITOR)
    log_in(page, site_url, "stod")
    page.goto(site_url + "/admin/support/supportcontact/")
    page.get_by_role("link", name=re.compile("HSDS")).click()
    assert_accessible(page)

    page.get_by_role("textbox").fill("http://127.0.0.1:9/api/hsds")
    page.keyboard.press("Enter")

    expect(page.locator(".errorlist")).to_contain_text("127.0.0.1:9")
    assert_accessible(page)


def test_an_editor_sees_a_conflict_beside_the_local_value_and_takes_the_sources(
    page, site_url, django_user_model, assert_accessible
):
    make_staff(django_user_model, "stod", SUPPORT_EDITOR)
    contact = SupportContact.objects.get(slug="orostelefonen")  # from the demo
    contact.summary_sv = "Skriven här."
    contact.save()
    ImportedService.objects.create(
        contact=contact,
        source_url="https://grannkommun.example.se/api/hsds",
        remote_id="9a1c7f0e-5b7d-4f43-8a53-2f3c9c1b7d41",
        last_synced_at=timezone.now(),
        synced_values={"summary": "Som förut."},
        remote_values={"summary": "Ny text från källan."},
        conflict_since=timezone.now(),
    )
    log_in(page, site_url, "stod")
    page.goto(site_url + "/admin/support/supportcontact/?imported=conflict")
    page.get_by_role("link", name="Rädda Barnens orostelefon").click()
    page.locator("a[href$='/hsds-conflict/']").click()

    table = page.locator("table.hsds-conflict")
    expect(table).to_contain_text("Skriven här.")
    expect(table).to_contain_text("Ny text från källan.")
    assert_accessible(page)
    take = page.locator("button[value=remote]")
    take.focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/admin/support/supportcontact/{contact.pk}/change/$"))
    contact.refresh_from_db()
    assert contact.summary_sv == "Ny text från källan."
    assert not ImportedService.objects.get().has_conflict
