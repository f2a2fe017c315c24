"""The support pages remember their lines (page_cache.memo) until content changes or the day
ends; whether a line is open is still worked out at each request's moment."""

import datetime
import zoneinfo

import pytest
import time_machine

from support.models import OpeningException, PhoneNumber
from tests.factories import make_contact, seed_hours

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
MONDAY = datetime.date(2027, 2, 1)  # an ordinary Monday, no public holiday near it


@pytest.fixture
def line(db):
    contact = make_contact("linjen", hours=seed_hours(), closed_on_holidays=True, is_featured=True)
    PhoneNumber.objects.create(contact=contact, number="020-100 200")
    return contact


def get(client, path, moment):
    with time_machine.travel(moment, tick=False):
        return client.get(path).content.decode()


def _moment(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=STOCKHOLM)


@pytest.mark.parametrize("path", ["/stod/linjen/", "/stod/", "/"])
def test_the_open_state_follows_the_clock_while_the_line_is_remembered(client, line, path):
    assert "Öppet nu" in get(client, path, _moment(MONDAY, 10))
    # The same generation and day: the rows come from the memo, the state from the clock.
    lunch = get(client, path, _moment(MONDAY, 12, 30))
    assert "Öppet nu" not in lunch
    assert "13.00" in lunch
    assert "Öppet nu" in get(client, path, _moment(MONDAY, 13, 5))


@pytest.mark.parametrize("path", ["/stod/linjen/", "/stod/", "/"])
def test_a_changed_number_shows_at_once(client, line, path):
    assert "020-100 200" in get(client, path, _moment(MONDAY, 10))
    phone = line.phones.get()
    phone.number = "020-999 888"
    phone.save()

    html = get(client, path, _moment(MONDAY, 10, 1))
    assert "020-999 888" in html
    assert "020-100 200" not in html


@pytest.mark.parametrize("path", ["/stod/linjen/", "/stod/", "/"])
def test_an_exception_further_ahead_than_the_remembered_day_looks_counts_when_its_day_comes(
    client, line, path
):
    closed_day = MONDAY + datetime.timedelta(days=28)
    OpeningException.objects.create(contact=line, start_date=closed_day, kind=OpeningException.Kind.CLOSED)
    assert "Öppet nu" in get(client, path, _moment(MONDAY, 10))

    # No save in between: four weeks later the day, and so the remembered rows, are new.
    assert "Öppet nu" not in get(client, path, _moment(closed_day, 10))
