"""/stod/ keeps its rendered listing (the count, the cards with their open states, the page
links) in each worker's memory until content changes or the first open state does
(`page_cache.kept_fragment`). Kept or not, the page must read as if it were rendered now."""

import datetime
import zoneinfo

import pytest
import time_machine

from support.models import PhoneNumber, SupportContact
from tests.factories import make_contact, seed_hours

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
MONDAY = datetime.date(2027, 2, 1)  # an ordinary Monday, no public holiday near it


def _moment(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=STOCKHOLM)


def get(client, path, moment):
    with time_machine.travel(moment, tick=False):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def line(db):
    contact = make_contact("linjen", hours=seed_hours(), languages=["ar"], audiences=["foraldrar"])
    PhoneNumber.objects.create(contact=contact, number="020-100 200")
    make_contact("kvallslinjen", hours=[(day, "18:00", "22:00") for day in range(7)])
    return contact


@pytest.fixture
def counted_states(monkeypatch):
    """How many open states the requests worked out."""
    calls = []
    original = SupportContact.opening_state

    def counting(self, moment=None):
        calls.append(self.slug)
        return original(self, moment)

    monkeypatch.setattr(SupportContact, "opening_state", counting)
    return calls


def test_a_kept_listing_is_not_worked_out_again_while_no_state_changes(client, line, counted_states):
    first = get(client, "/stod/", _moment(MONDAY, 10))
    assert sorted(counted_states) == ["kvallslinjen", "linjen"]

    counted_states.clear()
    assert get(client, "/stod/", _moment(MONDAY, 11, 59)) == first
    assert counted_states == []


def test_the_listing_is_worked_out_again_when_a_state_changes(client, line, counted_states):
    assert "Öppet nu – stänger 12.00" in get(client, "/stod/", _moment(MONDAY, 10))
    counted_states.clear()

    at_noon = get(client, "/stod/", _moment(MONDAY, 12))
    assert sorted(counted_states) == ["kvallslinjen", "linjen"]
    assert "Stängt – öppnar 13.00" in at_noon
    assert "Öppet nu" not in at_noon


def test_tomorrow_becomes_today_at_midnight(client, line):
    evening = get(client, "/stod/", _moment(MONDAY, 23, 30))
    assert "öppnar i morgon 09.00" in evening

    night = get(client, "/stod/", _moment(MONDAY + datetime.timedelta(days=1), 0, 30))
    assert "öppnar i morgon" not in night
    assert "öppnar 09.00" in night


def test_each_language_keeps_its_own_listing(client, line):
    assert "2 stödlinjer" in get(client, "/stod/", _moment(MONDAY, 10))

    english = get(client, "/en/stod/", _moment(MONDAY, 10))
    assert "2 support lines" in english
    assert "stödlinjer" not in english


def test_each_filter_keeps_its_own_listing(client, line):
    assert "2 stödlinjer" in get(client, "/stod/", _moment(MONDAY, 10))

    filtered = get(client, "/stod/?language=ar", _moment(MONDAY, 10))
    assert "1 stödlinje" in filtered
    assert "/stod/kvallslinjen/" not in filtered
    assert "1 stödlinje" in get(client, "/stod/?audience=foraldrar", _moment(MONDAY, 10))


def test_a_save_shows_at_once_in_a_kept_listing(client, line):
    get(client, "/stod/", _moment(MONDAY, 10))
    line.summary = "Nytt stöd för föräldrar."
    line.save()

    assert "Nytt stöd för föräldrar." in get(client, "/stod/", _moment(MONDAY, 10, 1))
