import csv
import datetime
import io
import re
import threading
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory, override_settings
from django.utils import timezone, translation

from news import registration as reg
from news.models import Event, Registration, RegistrationMode, RegistrationStatus
from tests.conftest import make_staff
from tests.factories import make_event
from tests.html import elements

CONFIRMED = RegistrationStatus.CONFIRMED
WAITLISTED = RegistrationStatus.WAITLISTED
CANCELLED = RegistrationStatus.CANCELLED

# Real transactions: the e-mails are sent when the registration's transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)

SENT_PAGE = "Kolla din e-post"


def make_seminar(slug="seminarium", capacity=2, deadline_days=5, **extra):
    return make_event(
        slug,
        registration_mode=RegistrationMode.FORM,
        capacity=capacity,
        registration_deadline=timezone.localdate() + timedelta(days=deadline_days),
        **extra,
    )


def _form(email="anna@example.se", **extra):
    return {
        "name": "Anna Åberg",
        "email": email,
        "organisation": "Borås Stad, Socialtjänsten",
        "needs": "Glutenfri kost",
        "consent": "on",
        "website": "",
        **extra,
    }


def _register(client, event, **extra):
    return client.post(event.get_registration_url(), _form(**extra))


def _register_directly(event, **details):
    """Registers through the service, as the form does, for tests about what follows."""
    return reg.register(RequestFactory().get("/"), event, **details)


def _link_in(message):
    """The path of the personal link in an e-mail."""
    return re.search(r"https?://testserver(\S+/anmalan/[^/\s]+/)\s", message.body).group(1)


def test_registering_confirms_a_seat_and_sends_an_email_with_a_cancel_link(client, db):
    event = make_seminar()

    response = _register(client, event)

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{event.get_registration_url()}skickad/"
    assert SENT_PAGE in client.get(response["Location"]).content.decode()
    assert registration.status == CONFIRMED
    assert registration.consent and registration.language == "sv"
    (message,) = mail.outbox
    assert message.to == ["anna@example.se"]
    assert "Anmälan bekräftad" in message.subject
    assert "http://testserver" + reg.cancel_url(registration) in message.body
    page = client.get(_link_in(message)).content.decode()
    assert "Du är anmäld" in page


def test_the_email_is_written_in_the_language_of_the_form(client, db):
    event = make_seminar()

    client.post("/en" + event.get_registration_url(), _form())

    registration = Registration.objects.get()
    assert registration.language == "en"
    assert "Registration confirmed" in mail.outbox[0].subject
    assert "/en/kalender/" in mail.outbox[0].body


def test_when_the_seats_are_taken_the_form_says_so_and_the_next_one_waits(client, db):
    event = make_seminar(capacity=1)
    _register(client, event, email="forst@example.se")

    for page in (event.get_absolute_url(), event.get_registration_url()):
        assert "Evenemanget är fullbokat" in client.get(page).content.decode()

    _register(client, event, email="sen@example.se")
    waiting = Registration.objects.get(email="sen@example.se")
    assert waiting.status == WAITLISTED
    message = mail.outbox[-1]
    assert "väntelistan" in message.subject.lower()
    # Someone without a seat is asked to leave the waiting list, not to free a seat.
    assert "lämna väntelistan" in message.body
    assert "någon annan kan få platsen" not in message.body
    status_page = client.get(_link_in(message)).content.decode()
    assert "nummer 1" in status_page
    assert "Lämna väntelistan" in status_page


def test_the_same_email_again_adds_no_registration_and_changes_nothing(client, db):
    event = make_seminar()
    _register(client, event, email="anna@example.se")

    _register(client, event, email="ANNA@Example.se", name="Anna Å. Berg", needs="")

    registration = Registration.objects.get()
    assert registration.name == "Anna Åberg"
    assert registration.needs == "Glutenfri kost"
    assert registration.status == CONFIRMED
    assert [m.to for m in mail.outbox] == [["anna@example.se"], ["anna@example.se"]]
    assert "redan anmäld" in mail.outbox[-1].subject


def test_someone_who_cancelled_can_register_again(client, db):
    event = make_seminar()
    _register(client, event, email="anna@example.se")
    client.post(reg.cancel_url(Registration.objects.get()))

    _register(client, event, email="anna@example.se", name="Anna Å. Berg")

    registration = Registration.objects.get()
    assert registration.status == CONFIRMED and registration.name == "Anna Å. Berg"


def test_the_database_refuses_a_second_registration_with_the_same_address(db):
    event = make_seminar()
    Registration.objects.create(event=event, name="A", email="a@example.se", organisation="X")

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, name="B", email="A@EXAMPLE.SE", organisation="Y")


def test_after_the_deadline_the_form_is_closed_with_a_message(client, db):
    event = make_seminar(deadline_days=-1)

    page = client.get(event.get_absolute_url()).content.decode()
    response = _register(client, event)

    assert 'name="email"' not in page
    assert "Anmälan stängde" in page
    assert "Anmälan stängde" in client.get(event.get_registration_url()).content.decode()
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_registrations_are_taken_through_the_last_day_in_swedish_time(client, db):
    event = make_seminar(deadline_days=0)

    assert event.registration_is_open
    assert _register(client, event).status_code == 302


def test_an_event_page_takes_no_posts_and_an_event_without_the_form_has_no_form_page(client, db):
    event = make_event("annat")

    assert client.post(event.get_absolute_url(), _form()).status_code == 405
    assert client.post(make_seminar().get_absolute_url(), _form()).status_code == 405
    assert client.get(event.get_registration_url()).status_code == 404
    assert client.post(event.get_registration_url(), _form()).status_code == 404


def test_errors_are_shown_beside_their_fields_and_the_input_stays(client, db):
    event = make_seminar()

    response = _register(client, event, name="", email="inte-en-adress", consent="")

    body = response.content.decode()
    assert response.status_code == 400
    assert "Skriv ditt namn." in body
    assert "Skriv e-postadressen som namn@example.se." in body
    assert "Kryssa i rutan" in body
    assert 'value="inte-en-adress"' in body
    assert "Borås Stad, Socialtjänsten" in body
    assert 'id="error_1_id_email"' in body
    assert not Registration.objects.exists()


def test_errors_come_in_english_on_the_english_page(client, db):
    event = make_seminar()

    body = client.post("/en" + event.get_registration_url(), _form(name="")).content.decode()

    assert "Write your name." in body


def test_the_honeypot_stops_robots_with_a_polite_message(client, db):
    event = make_seminar()

    response = _register(client, event, website="http://spam.example")

    assert response.status_code == 400
    assert "Lämna fältet tomt" in response.content.decode()
    assert not Registration.objects.exists()
    assert not mail.outbox


@override_settings(REGISTRATION_RATE_LIMIT=3, REGISTRATION_RATE_WINDOW=600)
def test_the_rate_limit_stops_a_client_that_sends_too_often(client, db):
    event = make_seminar(capacity=None)
    for n in range(3):
        assert _register(client, event, email=f"p{n}@example.se").status_code == 302

    response = _register(client, event, email="p4@example.se")

    assert response.status_code == 429
    assert "Vänta upp till 10 minuter" in response.content.decode()
    assert 'value="p4@example.se"' in response.content.decode()
    assert Registration.objects.count() == 3
    other = client.post(event.get_registration_url(), _form(email="x@example.se"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_cancelling_asks_first_then_gives_the_seat_to_the_first_in_line(client, db):
    event = make_seminar(capacity=1)
    _register(client, event, email="forst@example.se")
    _register(client, event, email="andra@example.se")
    _register(client, event, email="tredje@example.se")
    first = Registration.objects.get(email="forst@example.se")
    mail.outbox.clear()

    url = reg.cancel_url(first)
    page = client.get(url)
    first.refresh_from_db()
    assert page.status_code == 200 and first.status == CONFIRMED
    assert "Ja, avboka min anmälan" in page.content.decode()

    response = client.post(url)

    first.refresh_from_db()
    second = Registration.objects.get(email="andra@example.se")
    third = Registration.objects.get(email="tredje@example.se")
    assert response.status_code == 302
    assert first.status == CANCELLED
    assert second.status == CONFIRMED and second.confirmed_at
    assert third.status == WAITLISTED
    (message,) = mail.outbox
    assert message.to == ["andra@example.se"]
    assert "Du har fått en plats" in message.subject
    assert "avbokad" in client.get(response["Location"]).content.decode()


def test_cancelling_twice_changes_nothing(client, db):
    event = make_seminar(capacity=1)
    _register(client, event, email="forst@example.se")
    first = Registration.objects.get()
    client.post(reg.cancel_url(first))

    response = client.post(reg.cancel_url(first))

    assert response.status_code == 302
    assert Registration.objects.get().status == CANCELLED


def test_a_tampered_link_gets_a_clear_page(client, db):
    event = make_seminar()
    _register(client, event)
    token = reg.make_token(Registration.objects.get())
    forged = signing.dumps({"r": 999, "until": 9999999999}, salt="something else")
    # Signed with the right key and salt, but in signing.dumps's timestamped form.
    timestamped = signing.dumps({"r": 1, "until": 9999999999}, salt=reg.TOKEN_SALT)

    for bad in [token[:-2] + "xx", forged, timestamped, "nonsense"]:
        for suffix in ["", "avboka/"]:
            response = client.get(f"{event.get_absolute_url()}anmalan/{bad}/{suffix}")
            assert response.status_code == 404
            assert "Länken fungerar inte" in response.content.decode()
    assert client.post(f"{event.get_absolute_url()}anmalan/{forged}/avboka/").status_code == 404
    assert Registration.objects.get().status == CONFIRMED


def test_the_personal_link_does_not_change_from_one_second_to_the_next(client, db, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 4, 8, 0, tzinfo=datetime.UTC), tick=False)
    event = make_seminar()
    _register(client, event)
    registration = Registration.objects.get()
    first = reg.status_url(registration)
    time_machine.shift(timedelta(seconds=5))
    assert reg.status_url(registration) == first


def test_an_expired_link_gets_a_clear_page(client, db):
    event = make_seminar()
    _register(client, event)
    registration = Registration.objects.get()
    # A genuine link, signed with the site's key, whose event ended yesterday.
    ended = int((timezone.now() - timedelta(days=1)).timestamp())
    token = signing.Signer(salt=reg.TOKEN_SALT).sign_object({"r": registration.pk, "until": ended})

    response = client.post(f"{event.get_absolute_url()}anmalan/{token}/avboka/")

    assert response.status_code == 410
    assert "har slutat gälla" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == CONFIRMED


def test_the_purge_command_deletes_registrations_of_long_past_events(db):
    old = make_event("gammalt", days_ahead=-40)
    recent = make_event("nyligen", days_ahead=-5)
    coming = make_seminar("kommande")
    for event in (old, recent, coming):
        Registration.objects.create(event=event, name="N", email="n@example.se", organisation="O")

    out = io.StringIO()
    call_command("purge_registrations", stdout=out)

    assert "Deleted 1 registrations" in out.getvalue()
    assert set(Registration.objects.values_list("event__slug", flat=True)) == {"nyligen", "kommande"}


@override_settings(REGISTRATION_RETENTION_DAYS=2)
def test_the_retention_period_comes_from_the_settings(db):
    Registration.objects.create(
        event=make_event("nyligen", days_ahead=-5), name="N", email="n@example.se", organisation="O"
    )

    call_command("purge_registrations", "--dry-run", stdout=io.StringIO())
    assert Registration.objects.exists()
    call_command("purge_registrations", stdout=io.StringIO())
    assert not Registration.objects.exists()


def test_a_reader_of_any_event_page_gets_no_cookie_and_the_form_page_says_it_sets_one(client, db):
    call_command("load_demo", stdout=io.StringIO())
    make_seminar()
    make_seminar("fullt", capacity=1)
    _register_directly(Event.objects.get(slug="fullt"), name="A", email="a@example.se", organisation="O")
    make_seminar("stangt", deadline_days=-1)
    make_event("utan-anmalan")
    client.cookies.clear()

    pages = ["/kalender/", "/kalender/tidigare/", "/en/kalender/"]
    for event in Event.objects.published():
        pages += [event.get_absolute_url(), "/en" + event.get_absolute_url()]
    assert len(pages) > 10
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url

    translation.activate("sv")  # the requests to /en/ left English active in this thread
    form_page = client.get(make_seminar("med-formular").get_registration_url())
    assert "csrftoken" in form_page.cookies
    assert "säkerhetscookie" in form_page.content.decode()


def test_the_form_is_protected_by_csrf(db):
    from django.test import Client

    event = make_seminar()
    response = Client(enforce_csrf_checks=True).post(event.get_registration_url(), _form())

    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_the_event_page_with_the_form_uses_one_query_whatever_the_registrations(
    client, db, django_assert_max_num_queries
):
    event = make_seminar(capacity=3)
    for n in range(5):
        _register_directly(event, name="N", email=f"n{n}@example.se", organisation="O")

    with django_assert_max_num_queries(1):
        assert client.get(event.get_absolute_url()).status_code == 200


def test_an_editor_sees_counts_and_registrations_and_exports_them_as_csv(
    client, db, django_user_model, django_assert_max_num_queries
):
    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))
    event = make_seminar(capacity=1, title="Seminarium om våld")
    for n, name in enumerate(["Åsa Öberg", "Jörgen Ärlig", "=HYPERLINK(1)"]):
        _register_directly(event, name=name, email=f"p{n}@example.se", organisation="Borås Stad")
    make_seminar("annat")

    # 13: the session is read from the database on each staff request (not kept in Redis).
    with django_assert_max_num_queries(13):
        changelist = client.get("/admin/news/event/").content.decode()
    assert "1 / 1 (+2 på väntelistan)" in changelist
    assert "Åsa Öberg" in client.get(f"/admin/news/event/{event.pk}/change/").content.decode()

    response = client.post(
        "/admin/news/registration/",
        {"action": "export_csv", "_selected_action": list(Registration.objects.values_list("pk", flat=True))},
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Evenemang", "Börjar", "Namn"]
    names = [row[2] for row in rows[1:]]
    assert names == ["Åsa Öberg", "Jörgen Ärlig", "'=HYPERLINK(1)"]
    assert rows[1][0] == "Seminarium om våld"
    assert rows[2][6] == "På väntelistan"


def test_cancelling_in_the_admin_moves_the_waiting_list_up(client, db, django_user_model):
    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))
    event = make_seminar(capacity=1)
    first, _ = _register_directly(event, name="A", email="a@example.se", organisation="O")
    second, _ = _register_directly(event, name="B", email="b@example.se", organisation="O")

    client.post(
        "/admin/news/registration/", {"action": "cancel_registrations", "_selected_action": [first.pk]}
    )

    second.refresh_from_db()
    assert second.status == CONFIRMED
    assert mail.outbox[-1].to == ["b@example.se"]


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_registrations_never_overbook_five_seats():
    event = make_seminar(capacity=5)
    start = threading.Barrier(20)
    errors = []

    def register(n):
        try:
            start.wait()
            _register_directly(event, name=f"P{n}", email=f"p{n}@example.se", organisation="O")
        except Exception as error:  # any error at all fails the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Registration.objects.filter(status=CONFIRMED).count() == 5
    assert Registration.objects.filter(status=WAITLISTED).count() == 15


@override_settings(REGISTRATION_RETENTION_DAYS=45)
def test_the_privacy_page_states_the_retention_period_and_automatic_deletion(client, db):
    call_command("load_demo", stdout=io.StringIO())
    swedish = client.get("/personuppgifter/").content.decode()
    english = client.get("/en/personuppgifter/").content.decode()

    assert "automatiskt 45 dagar efter" in swedish
    assert "automatically 45 days after" in english


def test_more_seats_in_the_admin_move_the_waiting_list_up_and_tell_them(client, db, django_user_model):
    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))
    event = make_seminar(capacity=1)
    regs = [_register_directly(event, name=n, email=f"{n}@example.se", organisation="O")[0] for n in "abc"]
    mail.outbox.clear()
    html = client.get(f"/admin/news/event/{event.pk}/change/").content.decode()
    version = re.search(r'name="_based_on_version" value="(\d+)"', html).group(1)
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    data = {
        "title": event.title,
        "slug": event.slug,
        "summary": event.summary,
        "body": "",
        "start_0": start.strftime("%Y-%m-%d"),
        "start_1": start.strftime("%H:%M:%S"),
        "end_0": end.strftime("%Y-%m-%d"),
        "end_1": end.strftime("%H:%M:%S"),
        "venue": "Stadshuset",  # a published event says where it is held (issue 18)
        "registration_mode": "form",
        "registration_deadline": event.registration_deadline.isoformat(),
        "capacity": "2",
        "state": "published",
        "publish_at_0": timezone.localtime(event.publish_at).strftime("%Y-%m-%d"),
        "publish_at_1": timezone.localtime(event.publish_at).strftime("%H:%M:%S"),
        "language": "sv",
        "_based_on_version": version,
        "registrations-TOTAL_FORMS": "3",
        "registrations-INITIAL_FORMS": "3",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "0",
    }
    for n, registration in enumerate(regs):
        data[f"registrations-{n}-id"] = registration.pk
        data[f"registrations-{n}-event"] = event.pk

    response = client.post(f"/admin/news/event/{event.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    statuses = [r.status for r in Registration.objects.order_by("queued_at", "pk")]
    assert statuses == [CONFIRMED, CONFIRMED, WAITLISTED]
    assert [m.to for m in mail.outbox] == [["b@example.se"]]


@override_settings(
    REGISTRATION_RATE_LIMIT=1,
    REGISTRATION_RATE_WINDOW=600,
    TRUSTED_PROXY_COUNT=1,
)
def test_behind_a_proxy_the_rate_limit_counts_each_visitor_not_the_proxy(client, db):
    event = make_seminar(capacity=None)

    def register(email, visitor):
        return client.post(
            event.get_registration_url(),
            _form(email=email),
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=visitor,
        )

    assert register("a@example.se", "203.0.113.7").status_code == 302
    assert register("b@example.se", "198.51.100.4").status_code == 302
    assert register("c@example.se", "203.0.113.7").status_code == 429


def test_the_consent_box_sits_inside_its_label_so_both_are_one_clickable_unit(client, db):
    event = make_seminar()

    for response in (client.get(event.get_registration_url()), _register(client, event, consent="")):
        body = response.content.decode()
        labels = elements(body, "label", for_="id_consent")
        assert labels, "the consent box has no label of its own"
        (box,) = elements(body, "input", type="checkbox", name="consent")
        assert any(ancestor in labels for ancestor in box.ancestors), "the box is outside its label"
        assert any("Jag har läst hur mina uppgifter används" in label.text for label in labels)
    # After an error the box says so and points to the message.
    assert box.attrs["aria-invalid"] == "true"
    assert box.attrs["aria-describedby"] == "error_1_id_consent"
    assert re.search(r'id="error_1_id_consent"[^>]*>\s*(<strong>)?Kryssa i rutan', body)
