"""The open state, the week and the day names in the residents' languages (issue 16, point 2).

The sentence frames are the catalogues' (unreviewed drafts, so these expectations change with
a translator's review); the day names, dates and times are CLDR's, through Babel. The clock is
moved with time-machine, and the pages are read as a resident reads them.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from babel.dates import get_day_names
from django.conf import settings
from django.utils import translation

from cks_portal.core import cldr
from support import opening
from support.models import PhoneNumber
from tests.factories import make_contact, seed_hours
from tests.html import elements

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = datetime.UTC


def at(*args):
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


def state_text(contact, language):
    """The open state at the (moved) clock's now, in `language`."""
    with translation.override(language):
        return contact.opening_state().text()


def text_at(contact, moment, language):
    with time_machine.travel(moment, tick=False):
        return state_text(contact, language)


# At lunch on Wednesday 18 November 2026, in the evening, on Saturday, on Ascension Day
# (Thursday 14 May 2026, a public holiday) and on Christmas Eve the orostelefon is closed.
CLOSED = {
    "fi": {
        "lunch": "Suljettu – avautuu klo 13.00",
        "evening": "Suljettu – avautuu huomenna klo 9.00",
        "saturday": "Suljettu – avautuu maanantaina klo 9.00",
        "ascension": "Suljettu – avautuu huomenna klo 9.00",
        "christmas": "Suljettu – avautuu maanantaina klo 9.00",
    },
    "ar": {
        "lunch": "مغلق – يفتح الساعة 13:00",
        "evening": "مغلق – يفتح غدًا الساعة 09:00",
        "saturday": "مغلق – يفتح الاثنين الساعة 09:00",
        "ascension": "مغلق – يفتح غدًا الساعة 09:00",
        "christmas": "مغلق – يفتح الاثنين الساعة 09:00",
    },
    "ti": {
        "lunch": "ዕጹው – ሰዓት 13:00 ይኽፈት",
        "evening": "ዕጹው – ጽባሕ ሰዓት 09:00 ይኽፈት",
        "saturday": "ዕጹው – ሰኑይ ሰዓት 09:00 ይኽፈት",
        "ascension": "ዕጹው – ጽባሕ ሰዓት 09:00 ይኽፈት",
        "christmas": "ዕጹው – ሰኑይ ሰዓት 09:00 ይኽፈት",
    },
}
MOMENTS = {
    "lunch": at(2026, 11, 18, 12, 30),
    "evening": at(2026, 11, 18, 16, 0),
    "saturday": at(2026, 11, 21, 10, 0),
    "ascension": at(2026, 5, 14, 10, 0),
    "christmas": at(2026, 12, 24, 10, 0),
}


@pytest.mark.parametrize("language", sorted(CLOSED))
@pytest.mark.parametrize("case", sorted(MOMENTS))
def test_the_closed_sentence_in_the_language(orostelefon, language, case):
    assert text_at(orostelefon, MOMENTS[case], language) == CLOSED[language][case]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "Avoinna nyt – sulkeutuu klo 12.00"),
        ("ar", "مفتوح الآن – يُغلق الساعة 12:00"),
        ("ti", "ሕጂ ክፉት – ሰዓት 12:00 ይዕጾ"),
    ],
)
def test_before_lunch_it_closes_at_noon(orostelefon, language, expected):
    assert text_at(orostelefon, at(2026, 11, 18, 11, 0), language) == expected


@pytest.mark.parametrize(
    ("language", "open_until_noon", "closed_after"),
    [
        ("fi", "Avoinna nyt – sulkeutuu klo 12.00", "Suljettu – avautuu huomenna klo 9.00"),
        ("ar", "مفتوح الآن – يُغلق الساعة 12:00", "مغلق – يفتح غدًا الساعة 09:00"),
        ("ti", "ሕጂ ክፉት – ሰዓት 12:00 ይዕጾ", "ዕጹው – ጽባሕ ሰዓት 09:00 ይኽፈት"),
    ],
)
def test_the_daylight_saving_sundays_keep_the_wall_clock(db, language, open_until_noon, closed_after):
    """A line open on Sundays 09.00–12.00 (and on weekdays) reads the same on the two
    Sundays the clocks change: 29 March 2026 (forward) and 25 October 2026 (back)."""
    contact = make_contact(hours=[(6, "09:00", "12:00"), *seed_hours()])

    for day in (29, 25):
        month = 3 if day == 29 else 10
        offset = 2 if month == 3 else 1  # after the change: CEST in spring, CET in autumn
        half_past_eleven = datetime.datetime(2026, month, day, 11 - offset, 30, tzinfo=UTC)
        half_past_twelve = half_past_eleven + datetime.timedelta(hours=1)
        assert text_at(contact, half_past_eleven, language) == open_until_noon
        assert text_at(contact, half_past_twelve, language) == closed_after


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "Avoinna nyt – sulkeutuu huomenna klo 6.00"),
        ("ar", "مفتوح الآن – يُغلق غدًا الساعة 06:00"),
        ("ti", "ሕጂ ክፉት – ጽባሕ ሰዓት 06:00 ይዕጾ"),
    ],
)
def test_a_night_line_over_the_spring_change_closes_at_six_local(db, language, expected):
    contact = make_contact(hours=[(5, "22:00", "06:00", True)])  # Saturday night into Sunday

    with time_machine.travel(at(2026, 3, 28, 23, 0), tick=False):
        state = contact.opening_state()
        assert state.closes_at.astimezone(UTC) == datetime.datetime(2026, 3, 29, 4, 0, tzinfo=UTC)
        assert state_text(contact, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "Suljettu – avautuu 4. tammikuuta klo 9.00"),
        ("ar", "مغلق – يفتح 4 يناير الساعة 09:00"),
        ("ti", "ዕጹው – 4 ጥሪ ሰዓት 09:00 ይኽፈት"),
    ],
)
def test_a_closure_of_two_weeks_names_the_date(db, language, expected):
    contact = make_contact(
        hours=seed_hours(),
        exceptions=[{"start_date": datetime.date(2026, 12, 21), "end_date": datetime.date(2027, 1, 3)}],
    )
    assert text_at(contact, at(2026, 12, 21, 10, 0), language) == expected


@pytest.mark.parametrize("language", ["fi", "ar", "ti"])
def test_a_holiday_keeps_its_swedish_name_marked_as_swedish(client, orostelefon, language):
    with time_machine.travel(at(2026, 5, 14, 10, 0), tick=False):
        html = client.get(f"/{language}/stod/{orostelefon.slug}/").content.decode()

    assert elements(html, "span", "(Kristi himmelsfärdsdag)", class_="support-reason", lang="sv")
    assert elements(html, "p", class_="status--closed")


def test_an_arabic_page_isolates_the_time_in_the_sentence(client, orostelefon):
    with time_machine.travel(at(2026, 11, 18, 12, 30), tick=False):
        html = client.get(f"/ar/stod/{orostelefon.slug}/").content.decode()

    (status,) = elements(html, "p", class_="status")
    assert status.text == "مغلق – يفتح الساعة 13:00"
    assert elements(html, "bdi", "13:00", dir="ltr")


def test_a_finnish_page_shows_the_week_with_cldr_day_names(client, orostelefon):
    PhoneNumber.objects.create(contact=orostelefon, number="020-100 200")
    html = client.get(f"/fi/stod/{orostelefon.slug}/").content.decode()

    assert elements(html, "th", "Ma–pe", scope="row")
    assert elements(html, "td", "9.00–12.00, 13.00–16.00")
    assert elements(html, "th", "La–su", scope="row")
    assert elements(html, "td", "suljettu")
    assert elements(html, "a", "Soita 020-100 200", href="tel:+4620100200")


# What CLDR calls Monday and Sunday, as a sentence uses them and as a table heading does.
DAY_NAMES = {
    "sv": ("måndag", "söndag", "mån"),
    "en": ("Monday", "Sunday", "Mon"),
    # CLDR 46 has Finnish's sentence form for six days and the bare "sunnuntai" for Sunday.
    "fi": ("maanantaina", "sunnuntai", "ma"),
    "ar": ("الاثنين", "الأحد", "الاثنين"),
    "so": ("Isniin", "Axad", "Isn"),
    "fa": ("دوشنبه", "یکشنبه", "دوشنبه"),
    "ckb": ("دووشەممە", "یەکشەممە", "دووشەممە"),
    "kmr": ("duşem", "yekşem", "dşm"),
    "ti": ("ሰኑይ", "ሰንበት", "ሰኑ"),
}


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_day_names_come_from_cldr_in_every_site_language(language):
    monday, sunday, short_monday = DAY_NAMES[language]
    with translation.override(language):
        assert cldr.weekday_name(0) == monday
        assert cldr.weekday_name(6) == sunday
        assert cldr.weekday_name(0, "abbreviated", "stand-alone") == short_monday
        week = opening.group_week([])
    assert week[0][0].casefold().startswith(short_monday.casefold())
    # Babel's own table for the locale, not one of ours.
    assert get_day_names("wide", "format", cldr.cldr_code(language))[0] == monday


def test_every_site_language_has_cldr_data_kurmanji_through_ku():
    for code, _name in settings.LANGUAGES:
        assert cldr.has_own_data(code), code
    assert cldr.cldr_code("kmr") == "ku"
    assert cldr.cldr_code("xx") == "en"  # no CLDR data at all: English


@pytest.mark.parametrize(
    ("language", "name"),
    [("fi", "suomi"), ("ar", "العربية"), ("so", "Soomaali"), ("ti", "ትግርኛ"), ("kmr", "kurdî (kurmancî)")],
)
def test_the_language_switcher_names_each_language_in_itself(client, db, language, name):
    html = client.get("/stod/").content.decode()

    (link,) = elements(html, "a", lang=language, hreflang=language)
    assert link.text == name[:1].upper() + name[1:]
    assert link.attrs["href"] == f"/{language}/stod/"


def test_right_to_left_languages_agree_with_cldr():
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        assert info["bidi"] == (cldr.babel_locale(code).character_order == "right-to-left"), code


def _in_english(contact, moment):
    return text_at(contact, moment, "en")


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_the_sentence_in_every_site_language_is_translated_and_uses_cldr(orostelefon, language):
    """Every language, not only the three spelled out above: at lunch, in the evening, on a
    Saturday and on a public holiday (the orostelefon keeps those closed), and on both Sundays
    the clocks change, the sentence is the language's own (not the English msgid), and its
    times and day names are CLDR's for that language."""
    with translation.override(language):
        one_pm = cldr.time(datetime.time(13, 0))
        nine = cldr.time(datetime.time(9, 0))
        noon = cldr.time(datetime.time(12, 0))
        monday = cldr.weekday_name(0)
    cases = [
        (MOMENTS["lunch"], one_pm, None),
        (MOMENTS["evening"], nine, None),
        (MOMENTS["saturday"], nine, monday),
        (MOMENTS["ascension"], nine, None),
    ]
    for moment, time, day in cases:
        sentence = text_at(orostelefon, moment, language)
        assert sentence != _in_english(orostelefon, moment), (language, moment)
        if language != "sv":  # a msgid missing from a catalogue falls back to Swedish
            assert sentence != text_at(orostelefon, moment, "sv"), (language, moment)
        assert time in sentence, (language, moment, sentence)
        if day:
            assert day in sentence, (language, moment, sentence)
    contact = make_contact(hours=[(6, "09:00", "12:00"), *seed_hours()])
    # The Sundays the clocks change: open at 11.30 local time, closed at 12.30, both times.
    for month, day, offset in ((3, 29, 2), (10, 25, 1)):
        half_past_eleven = datetime.datetime(2026, month, day, 11 - offset, 30, tzinfo=UTC)
        assert noon in text_at(contact, half_past_eleven, language)
        closed = text_at(contact, half_past_eleven + datetime.timedelta(hours=1), language)
        assert closed != text_at(contact, half_past_eleven, language)
        assert closed != _in_english(contact, half_past_eleven + datetime.timedelta(hours=1))


def test_remembered_times_and_dates_print_each_value_s_own_wall_clock():
    """cldr remembers what it formatted; an aware datetime is keyed by its wall-clock time and
    date, so the same instant given in another zone is not answered from the first."""
    stockholm = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
    utc = stockholm.astimezone(datetime.UTC)
    late = datetime.datetime(2026, 3, 1, 0, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
    with translation.override("sv"):
        assert (cldr.time(stockholm), cldr.time(utc)) == ("10.00", "09.00")
        assert cldr.long_date(late) == "1 mars 2026"
        assert cldr.long_date(late.astimezone(datetime.UTC)) == "28 februari 2026"
