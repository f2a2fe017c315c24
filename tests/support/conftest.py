import datetime

import pytest
from django.utils import timezone

from support.models import Audience, Language, OpeningException, OpeningInterval, PhoneNumber, SupportContact

WEEKDAYS = range(5)


def make_contact(slug="orostelefonen-test", hours=(), exceptions=(), **fields):
    """A contact with weekly `hours` [(weekday, "09:00", "12:00", next_day)] and `exceptions`."""
    defaults = {"name": slug.replace("-", " ").title(), "organisation": "Rädda Barnen", "summary": "Stöd."}
    contact = SupportContact.objects.create(slug=slug, **{**defaults, **fields})
    for weekday, opens, closes, *next_day in hours:
        OpeningInterval.objects.create(
            contact=contact,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
            closes_next_day=bool(next_day and next_day[0]),
        )
    for exception in exceptions:
        OpeningException.objects.create(contact=contact, **exception)
    return contact


def seed_hours():
    """The orostelefon's week: Monday to Friday 09.00–12.00 and 13.00–16.00."""
    return [(day, "09:00", "12:00") for day in WEEKDAYS] + [(day, "13:00", "16:00") for day in WEEKDAYS]


@pytest.fixture
def orostelefon(db):
    return make_contact(hours=seed_hours(), closed_on_holidays=True)


def add_contacts(count, start=0):
    """`count` more featured lines on top of the demo content, each with hours, an exception,
    a language, an audience and a phone: more data for the query-count tests."""
    sv = Language.objects.get(code="sv")
    everyone = Audience.objects.get(slug="alla")
    for index in range(start, start + count):
        contact = make_contact(
            slug=f"extra-{index}",
            hours=seed_hours(),
            exceptions=[
                {"start_date": timezone.localdate() + datetime.timedelta(days=2), "reason": "Stängt"}
            ],
            is_featured=True,
        )
        contact.languages.add(sv)
        contact.audiences.add(everyone)
        phone = PhoneNumber.objects.create(contact=contact, number="020-100 200")
        phone.languages.add(sv)


@pytest.fixture
def four_lines(db):
    """Four active lines, for tests that need a few and not the whole demo: the orostelefon
    (weekday hours split at lunch, closed on holidays, a phone, four languages) and three
    lines of other organisations. Returns the orostelefon."""
    languages = [
        Language.objects.create(code=code, name=name, name_en=name_en)
        for code, name, name_en in [
            ("sv", "Svenska", "Swedish"),
            ("en", "Engelska", "English"),
            ("ar", "Arabiska", "Arabic"),
            ("ku", "Kurdiska", "Kurdish"),
        ]
    ]
    line = make_contact(
        "orostelefonen",
        name="Rädda Barnens orostelefon",
        organisation="Rädda Barnen",
        hours=seed_hours(),
        closed_on_holidays=True,
    )
    line.languages.set(languages)
    PhoneNumber.objects.create(contact=line, number="020-100 200")
    for slug, name, organisation in [
        ("jourhavande", "Jourhavande medmänniska", "Jourhavande medmänniska"),
        ("kvinnofridslinjen", "Kvinnofridslinjen", "Nationellt centrum för kvinnofrid"),
        ("bris", "Bris stödlinje", "Bris"),
    ]:
        other = make_contact(slug, name=name, organisation=organisation, hours=seed_hours())
        other.languages.add(languages[0])
        PhoneNumber.objects.create(contact=other, number="020-22 00 60")
    return line
