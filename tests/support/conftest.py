import datetime

import pytest

from support.models import OpeningException, OpeningInterval, SupportContact

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
