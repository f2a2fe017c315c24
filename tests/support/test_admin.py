import datetime

import pytest
from django.utils import timezone

from cks_portal.core.roles import EDITOR, SUPPORT_EDITOR
from support.models import SupportContact
from tests.conftest import make_staff
from tests.factories import make_contact, seed_hours

ADD_URL = "/admin/support/supportcontact/add/"


@pytest.fixture
def support_editor(client, django_user_model, db):
    user = make_staff(django_user_model, "stod", SUPPORT_EDITOR)
    client.force_login(user)
    return user


def contact_form(intervals=(), exceptions=(), phones=(), **fields):
    data = {
        "name_sv": "Testlinjen",
        "slug": "testlinjen",
        "organisation": "Testorganisationen",
        "summary_sv": "En linje för tester.",
        "order": "100",
        "is_active": "on",
        **fields,
    }
    for prefix, rows in [("phones", phones), ("intervals", intervals), ("exceptions", exceptions)]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(rows)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def test_the_support_group_can_add_a_contact_with_hours_and_a_phone(client, support_editor):
    data = contact_form(
        intervals=[
            {"weekday": "0", "opens": "09:00", "closes": "12:00"},
            {"weekday": "0", "opens": "13:00", "closes": "16:00"},
            {"weekday": "4", "opens": "22:00", "closes": "02:00", "closes_next_day": "on"},
        ],
        phones=[{"number": "020-100 200", "kind": "voice", "order": "0"}],
    )

    response = client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    contact = SupportContact.objects.get(slug="testlinjen")
    assert contact.intervals.count() == 3
    assert contact.phones.get().tel_href == "tel:+4620100200"


def test_an_editor_of_news_cannot_open_the_support_admin(client, django_user_model, db):
    client.force_login(make_staff(django_user_model, "redaktor", EDITOR))

    assert client.get("/admin/support/supportcontact/").status_code == 403


def test_closing_before_opening_gets_a_clear_message(client, support_editor):
    data = contact_form(intervals=[{"weekday": "0", "opens": "16:00", "closes": "09:00"}])

    html = client.post(ADD_URL, data).content.decode()

    assert "Stängningstiden är före öppningstiden" in html
    assert not SupportContact.objects.exists()


def test_overlapping_intervals_get_a_clear_message(client, support_editor):
    data = contact_form(
        intervals=[
            {"weekday": "0", "opens": "09:00", "closes": "12:00"},
            {"weekday": "0", "opens": "11:00", "closes": "14:00"},
        ]
    )

    html = client.post(ADD_URL, data).content.decode()

    assert "överlappar varandra" in html
    assert not SupportContact.objects.exists()


def test_a_night_interval_that_runs_into_the_next_morning_overlaps(client, support_editor):
    data = contact_form(
        intervals=[
            {"weekday": "6", "opens": "22:00", "closes": "08:00", "closes_next_day": "on"},
            {"weekday": "0", "opens": "07:00", "closes": "12:00"},
        ]
    )

    assert "överlappar varandra" in client.post(ADD_URL, data).content.decode()


def test_an_exception_ending_before_it_starts_gets_a_clear_message(client, support_editor):
    data = contact_form(
        exceptions=[{"start_date": "2026-12-20", "end_date": "2026-12-10", "kind": "closed"}],
    )

    html = client.post(ADD_URL, data).content.decode()

    assert "Avvikelsen slutar innan den börjar." in html


def test_special_hours_without_times_get_a_clear_message(client, support_editor):
    data = contact_form(exceptions=[{"start_date": "2026-12-20", "kind": "special"}])

    assert (
        "Andra tider behöver både en öppnings- och en stängningstid."
        in client.post(ADD_URL, data).content.decode()
    )


def test_a_number_that_cannot_be_called_gets_a_clear_message(client, support_editor):
    data = contact_form(phones=[{"number": "123abc", "kind": "voice", "order": "0"}])

    assert "är inte ett telefonnummer som går att ringa" in client.post(ADD_URL, data).content.decode()


def test_the_list_filter_finds_contacts_not_verified_in_six_months(client, support_editor):
    make_contact(slug="gammal", last_verified=timezone.localdate() - datetime.timedelta(days=200))
    make_contact(slug="aldrig")
    make_contact(slug="farsk", last_verified=timezone.localdate() - datetime.timedelta(days=10))

    html = client.get("/admin/support/supportcontact/?verified=stale").content.decode()

    assert "Gammal" in html and "Aldrig" in html
    assert "Farsk" not in html


def test_the_change_page_warns_about_facts_not_verified_lately(client, support_editor):
    stale = make_contact(slug="gammal", last_verified=timezone.localdate() - datetime.timedelta(days=200))
    fresh = make_contact(slug="farsk", last_verified=timezone.localdate())

    warning = "har inte kontrollerats det senaste halvåret"
    assert warning in client.get(f"/admin/support/supportcontact/{stale.pk}/change/").content.decode()
    assert warning not in client.get(f"/admin/support/supportcontact/{fresh.pk}/change/").content.decode()


def test_the_change_page_previews_how_the_hours_will_read(client, support_editor):
    contact = make_contact(hours=seed_hours(), closed_on_holidays=True, last_verified=timezone.localdate())

    html = client.get(f"/admin/support/supportcontact/{contact.pk}/change/").content.decode()

    assert "<li>Mån–fre: 09.00–12.00, 13.00–16.00</li>" in html
    assert "Stängt på helgdagar" in html
    with __import__("django.utils.translation", fromlist=["override"]).override("sv"):
        assert contact.opening_state().text() in html


def test_a_visiting_address_is_all_four_fields_or_none(client, support_editor):
    response = client.post(ADD_URL, contact_form(street_address="Södra Kyrkogatan 5"))

    assert response.status_code == 200
    assert set(response.context["adminform"].form.errors) == {"postal_code", "city", "county"}

    response = client.post(
        ADD_URL,
        contact_form(
            street_address="Södra Kyrkogatan 5",
            postal_code="503 38",
            city="Borås",
            county="Västra Götalands län",
        ),
    )

    assert response.status_code == 302
    assert SupportContact.objects.get(slug="testlinjen").has_visiting_address
