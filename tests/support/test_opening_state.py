"""The one function that says whether a contact is open: SupportContact.opening_state(moment)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from support.models import OpeningException
from tests.factories import make_contact, seed_hours

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = datetime.UTC


def at(*args):
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


def text(contact, moment, language="sv"):
    with translation.override(language):
        return contact.opening_state(moment).text()


def test_a_weekday_at_11_59_is_open_and_closes_at_noon(orostelefon):
    state = orostelefon.opening_state(at(2026, 11, 18, 11, 59))

    assert state.is_open
    assert state.closes_at == at(2026, 11, 18, 12, 0)
    assert text(orostelefon, at(2026, 11, 18, 11, 59)) == "Öppet nu – stänger 12.00"


def test_a_weekday_at_noon_is_closed_and_opens_again_at_one(orostelefon):
    state = orostelefon.opening_state(at(2026, 11, 18, 12, 0))

    assert not state.is_open
    assert state.opens_at == at(2026, 11, 18, 13, 0)
    assert text(orostelefon, at(2026, 11, 18, 12, 0)) == "Stängt – öppnar 13.00"


def test_a_weekday_at_12_30_is_closed_for_lunch(orostelefon):
    assert text(orostelefon, at(2026, 11, 18, 12, 30)) == "Stängt – öppnar 13.00"
    assert orostelefon.is_open_at(at(2026, 11, 18, 13, 0))


def test_an_evening_reads_opens_tomorrow(orostelefon):
    assert text(orostelefon, at(2026, 11, 18, 16, 0)) == "Stängt – öppnar i morgon 09.00"


def test_a_saturday_is_closed_until_monday(orostelefon):
    assert text(orostelefon, at(2026, 11, 21, 10, 0)) == "Stängt – öppnar måndag 09.00"
    assert text(orostelefon, at(2026, 11, 21, 10, 0), "en") == "Closed – opens Monday 09:00"


def test_a_sunday_reads_opens_tomorrow(orostelefon):
    assert text(orostelefon, at(2026, 11, 22, 23, 59)) == "Stängt – öppnar i morgon 09.00"


def test_ascension_day_is_closed_when_the_contact_closes_on_holidays(orostelefon):
    state = orostelefon.opening_state(at(2026, 5, 14, 10, 0))  # Kristi himmelsfärdsdag, a Thursday

    assert not state.is_open
    assert state.opens_at == at(2026, 5, 15, 9, 0)
    with translation.override("sv"):
        assert orostelefon.opening_state(at(2026, 5, 14, 10, 0)).reason == "Kristi himmelsfärdsdag"


def test_holidays_are_ignored_when_the_switch_is_off(db):
    contact = make_contact(hours=seed_hours(), closed_on_holidays=False)

    assert contact.is_open_at(at(2026, 5, 14, 10, 0))
    assert contact.is_open_at(at(2026, 12, 24, 10, 0))


def test_midsummer_eve_is_closed_and_it_opens_on_monday(orostelefon):
    # Midsommarafton (Friday) and midsommardagen (Saturday) 2026.
    assert not orostelefon.is_open_at(at(2026, 6, 19, 10, 0))
    assert text(orostelefon, at(2026, 6, 19, 10, 0)) == "Stängt – öppnar måndag 09.00"


def test_christmas_eve_is_closed_and_it_opens_after_the_holidays(orostelefon):
    state = orostelefon.opening_state(at(2026, 12, 24, 10, 0))

    assert not state.is_open
    assert state.opens_at == at(2026, 12, 28, 9, 0)


def test_new_years_eve_is_closed(orostelefon):
    state = orostelefon.opening_state(at(2026, 12, 31, 10, 0))

    assert not state.is_open
    assert state.opens_at == at(2027, 1, 4, 9, 0)  # 1 January is a holiday, then a weekend


def test_the_spring_daylight_saving_day_keeps_wall_clock_hours(db):
    # 29 March 2026: clocks go from 02.00 to 03.00.
    contact = make_contact(hours=[(6, "09:00", "12:00")])

    state = contact.opening_state(datetime.datetime(2026, 3, 29, 8, 30, tzinfo=UTC))  # 10.30 local

    assert state.is_open
    assert state.closes_at.astimezone(UTC) == datetime.datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
    assert not contact.is_open_at(datetime.datetime(2026, 3, 29, 6, 30, tzinfo=UTC))  # 08.30 local


def test_the_autumn_daylight_saving_day_keeps_wall_clock_hours(db):
    # 25 October 2026: clocks go from 03.00 back to 02.00.
    contact = make_contact(hours=[(6, "09:00", "12:00")])

    state = contact.opening_state(datetime.datetime(2026, 10, 25, 10, 30, tzinfo=UTC))  # 11.30 local

    assert state.is_open
    assert state.closes_at.astimezone(UTC) == datetime.datetime(2026, 10, 25, 11, 0, tzinfo=UTC)
    assert not contact.is_open_at(datetime.datetime(2026, 10, 25, 11, 30, tzinfo=UTC))  # 12.30 local


def test_a_night_line_over_the_spring_change_is_an_hour_shorter(db):
    contact = make_contact(hours=[(5, "22:00", "06:00", True)])  # Saturday night into Sunday

    state = contact.opening_state(at(2026, 3, 28, 23, 0))

    assert state.is_open
    assert state.closes_at == at(2026, 3, 29, 6, 0)
    assert state.closes_at.astimezone(UTC) - at(2026, 3, 28, 22, 0).astimezone(UTC) == datetime.timedelta(
        hours=7
    )
    assert text(contact, at(2026, 3, 28, 23, 0)) == "Öppet nu – stänger i morgon 06.00"


def test_a_night_line_over_the_autumn_change_stays_open_through_the_repeated_hour(db):
    contact = make_contact(hours=[(5, "22:00", "06:00", True)])

    # 02.30 happens twice on 25 October 2026; both are inside the night line.
    assert contact.is_open_at(datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    assert contact.is_open_at(datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    assert not contact.is_open_at(datetime.datetime(2026, 10, 25, 5, 0, tzinfo=UTC))  # 06.00 local


def test_an_interval_past_midnight_is_open_after_midnight(db):
    contact = make_contact(hours=[(4, "22:00", "02:00", True)])  # Friday night

    assert text(contact, at(2026, 11, 20, 23, 0)) == "Öppet nu – stänger i morgon 02.00"
    assert text(contact, at(2026, 11, 21, 1, 59)) == "Öppet nu – stänger 02.00"
    assert not contact.is_open_at(at(2026, 11, 21, 2, 0))
    assert not contact.is_open_at(at(2026, 11, 20, 21, 59))


def test_a_24_hour_line_is_open_around_the_clock(db):
    contact = make_contact(hours=[(day, "00:00", "00:00", True) for day in range(7)])

    state = contact.opening_state(at(2026, 12, 24, 3, 0))

    assert state.is_open
    assert state.closes_at is None
    assert text(contact, at(2026, 12, 24, 3, 0)) == "Öppet nu – dygnet runt"


def test_a_24_hour_weekday_line_closes_at_the_weekend(db):
    contact = make_contact(hours=[(day, "00:00", "00:00", True) for day in range(5)])

    assert text(contact, at(2026, 11, 20, 12, 0)) == "Öppet nu – stänger 24.00"


def test_an_exception_day_with_special_hours_replaces_the_week(orostelefon):
    OpeningException.objects.create(
        contact=orostelefon,
        start_date=datetime.date(2026, 11, 18),
        kind=OpeningException.Kind.SPECIAL,
        opens=datetime.time(10),
        closes=datetime.time(14),
        reason="Personalmöte på morgonen",
    )

    assert text(orostelefon, at(2026, 11, 18, 9, 30)) == "Stängt – öppnar 10.00"
    assert text(orostelefon, at(2026, 11, 18, 12, 30)) == "Öppet nu – stänger 14.00"
    assert orostelefon.opening_state(at(2026, 11, 18, 12, 30)).reason == "Personalmöte på morgonen"
    assert not orostelefon.is_open_at(at(2026, 11, 18, 15, 0))


def test_a_closed_exception_over_several_days_closes_them_all(orostelefon):
    OpeningException.objects.create(
        contact=orostelefon,
        start_date=datetime.date(2026, 11, 18),
        end_date=datetime.date(2026, 11, 19),
        reason="Utbildningsdagar",
    )

    state = orostelefon.opening_state(at(2026, 11, 18, 10, 0))

    assert not state.is_open
    assert state.opens_at == at(2026, 11, 20, 9, 0)
    assert state.reason == "Utbildningsdagar"


def test_a_line_with_no_hours_reads_closed(db):
    contact = make_contact()

    assert text(contact, at(2026, 11, 18, 10, 0)) == "Stängt"


def test_a_next_opening_more_than_a_week_away_gives_the_date(orostelefon):
    OpeningException.objects.create(
        contact=orostelefon, start_date=datetime.date(2026, 11, 16), end_date=datetime.date(2026, 11, 27)
    )

    assert text(orostelefon, at(2026, 11, 18, 10, 0)) == "Stängt – öppnar 30 november 09.00"


@pytest.mark.parametrize("minute", [0, 1, 59])
def test_the_state_is_computed_for_the_moment_asked_not_cached(orostelefon, minute):
    assert orostelefon.is_open_at(at(2026, 11, 18, 11, minute))
    assert not orostelefon.is_open_at(at(2026, 11, 18, 12, minute))
