"""Where an event is held, as an editor gives it in the admin (issue 18): a published event
needs a place or a link to join online, and the address is kept in its parts."""

from datetime import timedelta

from django.utils import timezone

from cks_portal.core.roles import EDITOR
from news.models import Event


def _form(**extra):
    start = timezone.localtime() + timedelta(days=20)
    return {
        "title": "Seminarium",
        "slug": "seminarium",
        "summary": "Kort.",
        "body": "",
        "start_0": start.strftime("%Y-%m-%d"),
        "start_1": "09:00:00",
        "end_0": start.strftime("%Y-%m-%d"),
        "end_1": "16:00:00",
        "registration_mode": "none",
        "state": "published",
        "publish_at_0": "2026-01-01",
        "publish_at_1": "10:00:00",
        "language": "sv",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "0",
        **extra,
    }


def test_an_editor_cannot_publish_an_event_without_saying_where_it_is(db, staff_client):
    editor = staff_client(EDITOR)

    response = editor.post("/admin/news/event/add/", _form())

    assert response.status_code == 200
    assert not Event.objects.exists()
    assert response.context["adminform"].form.errors["venue"]
    # A draft may leave it open.
    assert editor.post("/admin/news/event/add/", _form(state="draft")).status_code == 302


def test_an_editor_gives_a_postal_address_or_a_link_to_join_online(db, staff_client):
    editor = staff_client(EDITOR)

    on_site = editor.post(
        "/admin/news/event/add/",
        _form(venue="Stadshuset", address="Kungsgatan 55", postal_code="503 35", locality="Borås"),
    )
    online = editor.post(
        "/admin/news/event/add/",
        _form(slug="digitalt", online_url="meet.example.org/seminarium", organiser_url="bra.se"),
    )

    assert (on_site.status_code, online.status_code) == (302, 302)
    event = Event.objects.get(slug="seminarium")
    assert event.place_text == "Stadshuset, Kungsgatan 55, 503 35 Borås"
    # Addresses pasted without a scheme get https, as the admin's other links do.
    assert Event.objects.get(slug="digitalt").online_url == "https://meet.example.org/seminarium"
