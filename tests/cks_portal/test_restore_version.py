"""Restoring an earlier version through the admin's history, in real transactions.

simple-history's form view for an old version is not atomic, while the conflict guard locks the
row (`select_for_update`), which PostgreSQL allows only inside a transaction. A test wrapped in
one transaction never sees that, so these run with `transaction=True`."""

import pytest

from cks_portal.core.roles import EDITOR
from tests.admin_forms import form_data
from tests.factories import make_news, make_page, make_topic


def save_change_form(client, url, **changes):
    data = {**form_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def restore(client, change_url, history_id):
    """Admin → history → the version → save, as an editor clicks it."""
    history_url = f"{change_url.removesuffix('change/')}history/"
    assert client.get(history_url).status_code == 200
    version_url = f"{history_url}{history_id}/"
    return client.post(version_url, form_data(client.get(version_url)))


@pytest.mark.django_db(transaction=True)
def test_an_editor_restores_an_earlier_version_of_a_page_and_the_public_page_shows_it(staff_client):
    editor = staff_client(EDITOR)
    page = make_page(body="<p>Den första texten.</p>")
    change_url = f"/admin/pages/page/{page.pk}/change/"
    first = page.history.get()
    save_change_form(editor, change_url, body_sv="<p>En andra text som blev fel.</p>")
    assert "En andra text" in editor.get("/om-oss/").content.decode()

    response = restore(editor, change_url, first.history_id)

    assert response.status_code == 302
    html = editor.get("/om-oss/").content.decode()
    assert "Den första texten." in html
    assert "En andra text" not in html
    assert page.history.order_by("-history_id")[0].history_user == editor.user


@pytest.mark.django_db(transaction=True)
def test_an_editor_restores_an_earlier_version_of_a_news_item(staff_client, client):
    editor = staff_client(EDITOR)
    item = make_news(lead="Den första ingressen.")
    change_url = f"/admin/news/newsitem/{item.pk}/change/"
    first = item.history.get()
    save_change_form(editor, change_url, lead="En ingress som blev fel.")

    response = restore(editor, change_url, first.history_id)

    assert response.status_code == 302
    from django.test import Client

    html = Client().get("/nyheter/nyhet/").content.decode()
    assert "Den första ingressen." in html


@pytest.mark.django_db(transaction=True)
def test_a_role_that_may_only_view_a_model_cannot_restore_its_versions(staff_client):
    from cks_portal.core.models import Topic

    editor = staff_client(EDITOR)  # editors choose topics but do not change them
    topic = make_topic("extremism", "Extremism")
    first = topic.history.get()
    Topic.objects.filter(pk=topic.pk).update(name_sv="Våldsbejakande extremism")
    version_url = f"/admin/cks_portal/topic/{topic.pk}/history/{first.history_id}/"

    response = editor.post(version_url, form_data(editor.get(version_url)))

    assert response.status_code == 403
    topic.refresh_from_db()
    assert topic.name == "Våldsbejakande extremism"
