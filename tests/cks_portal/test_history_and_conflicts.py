import re

import pytest

from cks_portal.core import i18n
from cks_portal.core.roles import EDITOR
from cks_portal.pages.models import Page
from tests.publishing import published_form


@pytest.fixture
def editors(about_page, staff_client):
    """Anna and Bo, editors, each logged in through the admin's login and code step."""
    clients = []
    for name in ("anna", "bo"):
        client = staff_client(EDITOR, username=name)
        client.user.first_name = name.title()
        client.user.save()
        clients.append(client)
    return clients


def change_form_data(client, page):
    html = client.get(f"/admin/pages/page/{page.pk}/change/").content.decode()
    version = re.search(r'name="_based_on_version" value="(\d+)"', html).group(1)
    return {
        **{
            column: getattr(page, column) or ""
            for name in ("title", "lead", "body")
            for column in i18n.columns(name)
        },
        "slug": page.slug,
        **published_form(),
        "_based_on_version": version,
    }


def test_a_stale_form_is_refused_and_nothing_is_lost(editors):
    anna, bo = editors
    page = Page.objects.get(slug="om-oss")
    anna_form = change_form_data(anna, page)
    bo_form = change_form_data(bo, page)

    assert (
        anna.post(
            f"/admin/pages/page/{page.pk}/change/", {**anna_form, "lead_sv": "Annas ingress"}
        ).status_code
        == 302
    )
    conflict = bo.post(f"/admin/pages/page/{page.pk}/change/", {**bo_form, "title_sv": "Bos rubrik"})

    html = conflict.content.decode()
    assert conflict.status_code == 200
    assert "Någon annan har sparat det här" in html
    assert "Annas ingress" in html  # what Anna changed is shown
    assert 'value="Bos rubrik"' in html  # Bo's own input is still in the form
    page.refresh_from_db()
    assert page.lead == "Annas ingress"
    assert page.title != "Bos rubrik"

    # Bo has now seen Anna's change; saving the same form again is a deliberate merge.
    newest = re.search(r'name="_based_on_version" value="(\d+)"', html).group(1)
    merged = bo.post(
        f"/admin/pages/page/{page.pk}/change/",
        {**bo_form, "title_sv": "Bos rubrik", "lead_sv": "Annas ingress", "_based_on_version": newest},
    )
    assert merged.status_code == 302
    page.refresh_from_db()
    assert (page.title, page.lead) == ("Bos rubrik", "Annas ingress")


def test_every_save_is_recorded_with_who_and_when_and_can_be_restored(editors):
    anna, _bo = editors
    page = Page.objects.get(slug="om-oss")
    original_title = page.title
    data = change_form_data(anna, page)
    anna.post(f"/admin/pages/page/{page.pk}/change/", {**data, "title_sv": "Ny rubrik"})

    history = anna.get(f"/admin/pages/page/{page.pk}/history/")
    assert history.status_code == 200
    assert "Ny rubrik" in history.content.decode()
    record = page.history.order_by("history_id")[0]
    newest = page.history.order_by("-history_id")[0]
    assert newest.history_user.username == "anna"

    anna.post(
        f"/admin/pages/page/{page.pk}/history/{record.history_id}/",
        {**data, "title_sv": original_title, "_based_on_version": newest.history_id},
    )

    page.refresh_from_db()
    assert page.title == original_title


def test_the_public_changed_by_is_the_history_record_user(editors, client):
    anna, _bo = editors
    page = Page.objects.get(slug="om-oss")
    anna.post(f"/admin/pages/page/{page.pk}/change/", change_form_data(anna, page))

    newest = Page.objects.get(pk=page.pk).history.order_by("-history_id")[0]
    html = client.get("/om-oss/").content.decode()

    assert newest.history_user.get_full_name() == "Anna"
    assert "<dd>Anna</dd>" in html
