"""Defect 3: a registration for an address that is already registered must not show, change or
cancel the first registration. Real transactions: the e-mails go out on commit."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.html import strip_tags

from news.models import Registration, RegistrationMode, RegistrationStatus
from tests.factories import make_event

pytestmark = pytest.mark.django_db(transaction=True)


def make_seminar(capacity=1):
    return make_event(
        "seminarium",
        registration_mode=RegistrationMode.FORM,
        capacity=capacity,
        registration_deadline=timezone.localdate() + timedelta(days=5),
    )


def _form(email, name, organisation, needs=""):
    return {
        "name": name,
        "email": email,
        "organisation": organisation,
        "needs": needs,
        "consent": "on",
        "website": "",
    }


def _send_form(client, event, data):
    """Sends the registration form as a visitor does and returns the page they end on."""
    response = client.post(event.get_registration_url(), data, follow=True)
    return response


def _visible_text(response):
    body = response.content.decode()
    main = re.search(r"<main.*?</main>", body, re.S).group(0)
    return " ".join(strip_tags(main).split())


def test_a_second_registration_with_a_known_address_changes_nothing_and_mails_the_owner(client):
    event = make_seminar()
    first_page = _send_form(client, event, _form("anna@example.se", "Anna Åberg", "Borås Stad", "Glutenfri"))
    owner = Registration.objects.get()
    before = {f: getattr(owner, f) for f in ("name", "organisation", "needs", "status", "language")}
    mail.outbox.clear()

    attack = _send_form(client, event, _form("ANNA@example.se", "Mallory", "Elaka AB", "Inget"))

    owner.refresh_from_db()
    assert {f: getattr(owner, f) for f in before} == before
    assert owner.email == "anna@example.se"
    assert Registration.objects.count() == 1
    (message,) = mail.outbox
    assert message.to == ["anna@example.se"]
    assert "/avboka/" in message.body
    assert "Mallory" not in message.body and "Elaka" not in message.body
    # The visitor sees the same page as when the address was new, and no personal link.
    assert attack.status_code == first_page.status_code == 200
    assert _visible_text(attack) == _visible_text(first_page)
    assert attack.redirect_chain[-1][0] == event.get_registration_url() + "skickad/"
    html = attack.content.decode()
    assert "/avboka/" not in html and "/anmalan/" + "" not in html.replace(event.get_registration_url(), "")
    assert "Mallory" not in html and "Anna" not in html


def test_the_page_after_sending_is_the_same_for_a_seat_the_waiting_list_and_a_known_address(client):
    event = make_seminar(capacity=1)

    pages = [
        _send_form(client, event, _form("forst@example.se", "Första", "X")),  # gets the seat
        _send_form(client, event, _form("andra@example.se", "Andra", "Y")),  # waiting list
        _send_form(client, event, _form("forst@example.se", "Någon", "Z")),  # known, confirmed
        _send_form(client, event, _form("andra@example.se", "Någon", "Z")),  # known, waiting
    ]

    assert {page.status_code for page in pages} == {200}
    assert len({_visible_text(page) for page in pages}) == 1
    assert len({page.redirect_chain[-1][0] for page in pages}) == 1
    # Whether there was a seat is told by e-mail, to the mailbox's owner only.
    subjects = {m.to[0]: m.subject for m in mail.outbox[:2]}
    assert "bekräftad" in subjects["forst@example.se"]
    assert "väntelistan" in subjects["andra@example.se"].lower()
    assert [m.to for m in mail.outbox[2:]] == [["forst@example.se"], ["andra@example.se"]]


def test_the_owner_can_still_cancel_through_the_emailed_link_after_a_takeover_attempt(client):
    event = make_seminar()
    _send_form(client, event, _form("anna@example.se", "Anna Åberg", "Borås Stad"))
    _send_form(client, event, _form("anna@example.se", "Mallory", "Elaka AB"))

    link = re.search(r"https?://testserver(\S+/avboka/)", mail.outbox[-1].body).group(1)
    assert client.get(link).status_code == 200
    response = client.post(link)

    assert response.status_code == 302
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
