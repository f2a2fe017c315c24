"""The purge of old registrations also removes the registrants' names from the admin's log."""

import io

from django.contrib.admin.models import LogEntry
from django.core.management import call_command

from cks_portal.core.roles import EDITOR
from news.models import Registration
from tests.admin_forms import form_data
from tests.factories import make_event


def test_the_purge_leaves_no_registrant_name_in_the_admin_log(staff_client):
    editor = staff_client(EDITOR)
    old = make_event("gammalt", days_ahead=-40)
    registration = Registration.objects.create(
        event=old, name="Anna Åberg", email="anna@example.se", organisation="Skolan"
    )
    url = f"/admin/news/registration/{registration.pk}/change/"
    response = editor.post(url, {**form_data(editor.get(url)), "needs": "Hörslinga, Anna Åberg"})
    assert response.status_code == 302
    assert LogEntry.objects.filter(object_repr__contains="Anna Åberg").exists()

    call_command("purge_registrations", stdout=io.StringIO())

    assert not Registration.objects.exists()
    for entry in LogEntry.objects.all():
        assert "Anna" not in entry.object_repr
        assert "Anna" not in entry.change_message
        assert "anna@example.se" not in entry.change_message
    # Who touched a registration, and when, is still on record.
    assert LogEntry.objects.filter(user=editor.user, object_id=str(registration.pk)).exists()


def test_the_purge_also_clears_the_name_of_a_registration_staff_deleted_by_hand(staff_client):
    editor = staff_client(EDITOR)
    coming = make_event("kommande", days_ahead=10)
    kept = Registration.objects.create(event=coming, name="Bo Berg", email="bo@example.se", organisation="O")
    gone = Registration.objects.create(event=coming, name="Cilla Ek", email="c@example.se", organisation="O")
    url = f"/admin/news/registration/{gone.pk}/delete/"
    assert editor.post(url, {"post": "yes"}).status_code == 302
    url = f"/admin/news/registration/{kept.pk}/change/"
    assert editor.post(url, {**form_data(editor.get(url)), "needs": "Hörslinga"}).status_code == 302

    call_command("purge_registrations", stdout=io.StringIO())

    assert not LogEntry.objects.filter(object_repr__contains="Cilla").exists()
    # A registration that is still there keeps its log as it is.
    assert LogEntry.objects.filter(object_repr__contains="Bo Berg").exists()
