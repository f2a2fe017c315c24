"""Content health on the admin index, per role, and the weekly digest (issue 19, points 3-4)."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cks_portal.core.models import Topic
from cks_portal.core.roles import EDITOR, LIBRARIAN, SUPPORT_EDITOR
from knowledge_bank.models import Publication
from news.models import Registration, RegistrationMode, State
from support.models import PhoneNumber
from tests.factories import make_contact, make_event, make_news
from tests.html import element, elements


def stale_content():
    """One item of every kind content health reports; returns their admin change URLs."""
    today = timezone.localdate()
    old_contact = make_contact(
        "gammal-linje", name="Gammal linje", last_verified=today - datetime.timedelta(days=200)
    )
    checked = make_contact(
        "kollad-linje", name="Kollad linje", last_verified=today - datetime.timedelta(days=10)
    )
    PhoneNumber.objects.create(contact=checked, number="12")
    make_contact(
        "stangd-linje",
        name="Stängd linje",
        last_verified=today,
        exceptions=[{"start_date": today - datetime.timedelta(days=9), "reason": "Personaldag"}],
    )
    news = make_news("gammal-nyhet", days_ago=400, title="Gammal nyhet")
    event = make_event("halvfardigt", title="Halvfärdigt seminarium", registration_mode=RegistrationMode.FORM)
    ended = make_event("avslutat", days_ahead=-60, title="Avslutat seminarium", venue="Stadshuset")
    Registration.objects.create(
        event=ended, name="Anna Åberg", email="anna@example.se", organisation="Skolan"
    )
    Publication.objects.create(
        slug="utan-amne", title="Rapport utan ämne", year=2024, summary="Om arbetet.", state=State.PUBLISHED
    )
    dead_link = Publication.objects.create(
        slug="dod-lank",
        title="Rapport med död länk",
        year=2023,
        summary="Om arbetet.",
        state=State.PUBLISHED,
        external_url="https://example.org/borta",
        link_status=404,
        link_checked_at=timezone.now(),
    )
    dead_link.topics.set([Topic.objects.create(name="Skola", slug="skola-test")])
    return {"contact": old_contact, "checked": checked, "news": news, "event": event, "ended": ended}


def health(html):
    section = element(html, "section", class_="content-health")
    headings = [h.text for h in elements(html, "h3") if section in h.ancestors]
    links = {a.text: a.attrs["href"] for a in elements(html, "a") if section in a.ancestors}
    return section, headings, links


def test_each_role_sees_what_it_can_fix_with_links_to_fix_it(db, staff_client):
    made = stale_content()

    support_html = staff_client(SUPPORT_EDITOR).get("/admin/").content.decode()
    _section, headings, links = health(support_html)
    assert headings == [
        "Stödkontakter som inte har kontrollerats på sex månader (1)",
        "Telefonnummer som inte går att ringa (1)",
        "Undantag från öppettiderna för dagar som redan har passerat (1)",
    ]
    assert links["Gammal linje"] == f"/admin/support/supportcontact/{made['contact'].pk}/change/"
    assert links["Kollad linje"] == f"/admin/support/supportcontact/{made['checked'].pk}/change/"
    assert "Stängd linje" in links

    editor_html = staff_client(EDITOR).get("/admin/").content.decode()
    _section, headings, links = health(editor_html)
    assert headings == [
        "Inaktuella nyheter som fortfarande syns på startsidan (1)",
        "Kommande evenemang utan plats, sista anmälningsdag eller antal platser (1)",
        "Anmälningar som har passerat sin lagringstid men inte raderats (1)",
    ]
    assert links["Gammal nyhet"] == f"/admin/news/newsitem/{made['news'].pk}/change/"
    assert links["Halvfärdigt seminarium"] == f"/admin/news/event/{made['event'].pk}/change/"
    assert links["Avslutat seminarium"] == f"/admin/news/registration/?event__id__exact={made['ended'].pk}"
    assert "Gammal linje" not in links

    librarian_html = staff_client(LIBRARIAN).get("/admin/").content.decode()
    _section, headings, links = health(librarian_html)
    assert headings == [
        "Publikationer utan sammanfattning eller ämne (1)",
        "Publikationer vars länk länkkontrollen fann trasig (1)",
    ]
    assert set(links) == {"Rapport utan ämne", "Rapport med död länk"}


def test_the_event_item_says_what_is_missing(db, staff_client):
    stale_content()

    html = staff_client(EDITOR).get("/admin/").content.decode()

    item = element(html, "a", "Halvfärdigt seminarium").parent
    assert item.text == (
        "Halvfärdigt seminarium – ingen plats, ingen sista anmälningsdag, inget antal platser"
    )


def test_the_list_says_everything_is_fine_when_nothing_needs_attention(db, staff_client):
    make_contact("kollad", last_verified=timezone.localdate())
    make_news("farsk", days_ago=2)

    for role in (EDITOR, LIBRARIAN, SUPPORT_EDITOR):
        html = staff_client(role).get("/admin/").content.decode()
        section, headings, links = health(html)
        assert headings == [] and links == {}
        assert "Allt ser bra ut" in section.text


def test_fresh_news_on_the_home_page_hides_the_old_item(db, staff_client):
    stale_content()
    for number in range(3):
        make_news(f"farsk-{number}", days_ago=number + 1)

    _section, headings, _links = health(staff_client(EDITOR).get("/admin/").content.decode())

    assert not any(heading.startswith("Inaktuella nyheter") for heading in headings)


def test_the_digest_mails_each_role_its_list(db, django_user_model):
    from tests.conftest import make_staff

    stale_content()
    make_staff(django_user_model, "rut", EDITOR, email="rut@example.org")
    make_staff(django_user_model, "per", EDITOR, email="per@example.org")
    make_staff(django_user_model, "lisa", LIBRARIAN, email="lisa@example.org")
    make_staff(django_user_model, "sam", SUPPORT_EDITOR, email="sam@example.org")
    make_staff(django_user_model, "utan", SUPPORT_EDITOR, email="")
    make_staff(django_user_model, "slutat", SUPPORT_EDITOR, email="slutat@example.org", is_active=False)

    call_command("send_content_digest", "--site-url", "https://cks.example.se", stdout=io.StringIO())

    by_recipients = {tuple(sorted(message.to)): message for message in mail.outbox}
    assert set(by_recipients) == {
        ("per@example.org", "rut@example.org"),
        ("lisa@example.org",),
        ("sam@example.org",),
    }
    editor_mail = by_recipients[("per@example.org", "rut@example.org")]
    assert "Gammal nyhet" in editor_mail.body
    assert "https://cks.example.se/admin/news/newsitem/" in editor_mail.body
    assert "Gammal linje" not in editor_mail.body
    support_mail = by_recipients[("sam@example.org",)]
    assert "Gammal linje" in support_mail.body and "Gammal nyhet" not in support_mail.body
    assert "Rapport med död länk" in by_recipients[("lisa@example.org",)].body


def test_no_digest_when_there_is_nothing_to_do(db, django_user_model):
    from tests.conftest import make_staff

    make_contact("kollad", last_verified=timezone.localdate())
    make_staff(django_user_model, "rut", EDITOR, email="rut@example.org")
    make_staff(django_user_model, "sam", SUPPORT_EDITOR, email="sam@example.org")

    call_command("send_content_digest", stdout=io.StringIO())

    assert mail.outbox == []


def test_the_digest_leaves_out_a_role_with_nothing_to_do(db, django_user_model):
    from tests.conftest import make_staff

    make_contact("gammal", name="Gammal linje", last_verified=None)
    make_staff(django_user_model, "rut", EDITOR, email="rut@example.org")
    make_staff(django_user_model, "sam", SUPPORT_EDITOR, email="sam@example.org")

    call_command("send_content_digest", stdout=io.StringIO())

    assert [message.to for message in mail.outbox] == [["sam@example.org"]]


def test_the_demo_shows_every_kind_to_its_role(demo, staff_client):
    expected = {
        SUPPORT_EDITOR: ["Stödkontakter som inte", "Telefonnummer som inte", "Undantag från öppettiderna"],
        EDITOR: ["Inaktuella nyheter", "Kommande evenemang utan", "Anmälningar som har passerat"],
        LIBRARIAN: ["Publikationer utan sammanfattning", "Publikationer vars länk"],
    }
    for role, starts in expected.items():
        _section, headings, links = health(staff_client(role).get("/admin/").content.decode())
        assert len(headings) == len(starts), (role, headings)
        for heading, start in zip(headings, starts, strict=True):
            assert heading.startswith(start), (role, heading)
        assert all(url.startswith("/admin/") for url in links.values())


def test_every_documented_timer_runs_a_command_that_exists():
    import re
    from pathlib import Path

    from django.core.management import get_commands

    timers = sorted((Path(__file__).resolve().parents[2] / "docs" / "deploy").glob("*.timer"))
    units = {
        timer.name: re.search(r"^Unit=cks-portalen-task@(\w+)\.service$", timer.read_text(), re.M)
        for timer in timers
    }
    assert "cks-portalen-digest.timer" in units
    for name, match in units.items():
        assert match and match.group(1) in get_commands(), name
