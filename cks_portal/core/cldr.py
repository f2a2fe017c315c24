"""Day names, times, dates and language names from the Unicode CLDR, through Babel.

The site's facts (a line's hours, when it opens, the languages it answers in) are data;
what each language calls Monday, how it writes 09.00 and 24 December, and what a language
calls itself come from CLDR, so that a new interface language gets them without anyone
writing a table.

Locales CLDR lacks: Babel 2.17 (CLDR 46) has fi, ar, so, fa, ckb and ti, but not `kmr`.
It files Northern Kurdish (Kurmanji) under the macrolanguage code `ku` ("kurdî (kurmancî)"),
so `kmr` reads `ku`. Any other code without CLDR data falls back to English (`en`), which
`babel_locale` says with `has_own_data`.

Times are the 24-hour clock of each locale (CLDR's `Hm` skeleton), since the lines are in
Sweden and answer on Swedish time. Swedish is the one exception: the site writes 09.00, as
the Swedish Language Council recommends, where CLDR's Swedish data has 09:00. Babel writes
Latin digits in every locale, so a time reads the same as the phone number beside it.
"""

import datetime
import functools

from babel import Locale, localedata
from babel.core import get_global
from babel.dates import format_date, format_skeleton, format_time, get_day_names
from babel.units import format_unit
from django.utils.translation import get_language

# Django language code -> CLDR locale, where they differ.
CLDR_CODES = {"kmr": "ku"}
FALLBACK = "en"
# The house style for Swedish times (see above); every other language takes CLDR's.
TIME_PATTERNS = {"sv": "HH.mm"}


def active_code():
    return (get_language() or "sv").split("-")[0]


def cldr_code(code):
    code = CLDR_CODES.get(code, code)
    return code if localedata.exists(code) else FALLBACK


def babel_locale(code=None):
    """The Babel Locale for a Django language code (the active language by default)."""
    return _locale(code or active_code())


@functools.cache
def _locale(code):
    return Locale.parse(cldr_code(code))


def has_own_data(code):
    """Whether CLDR has data for `code` itself or through CLDR_CODES, not only the fallback."""
    return localedata.exists(CLDR_CODES.get(code, code))


def language_name(code):
    """The language's name in itself, as CLDR writes it: "suomi", "العربية", "ትግርኛ"."""
    locale = Locale.parse(cldr_code(code))
    return locale.get_display_name(locale) or code


def english_language_name(code):
    """The language's English name from CLDR ("Arabic", "Kurdish"), or None when CLDR lacks
    `code`: what machine-readable descriptions (HSDS, schema.org) call it."""
    if not has_own_data(code):
        return None
    return _locale("en").languages.get(CLDR_CODES.get(code, code))


def own_language_name(code):
    """The language's name in itself, or None when CLDR has no data for `code` (then
    `language_name` would give English's name for English)."""
    return language_name(code) if has_own_data(code) else None


def is_right_to_left(code):
    """Whether CLDR writes `code` right to left (Arabic, Persian, Sorani); False for a code
    CLDR lacks."""
    return has_own_data(code) and babel_locale(code).character_order == "right-to-left"


@functools.cache
def _time_pattern(code):
    return TIME_PATTERNS.get(code) or babel_locale(code).datetime_skeletons["Hm"].pattern


# What a page prints is a few dates and times, the same on every request: each is formatted
# once per process and language (Babel parses the locale and walks the pattern on every call,
# about 40 function calls a date; a calendar page has forty of them).
@functools.lru_cache(maxsize=4096)
def _formatted(kind, code, value):
    locale = _locale(code)
    if kind == "long":
        return format_date(value, "long", locale=locale)
    if kind == "full":
        return format_date(value, "full", locale=locale)
    if kind == "day-month":
        return format_skeleton("MMMMd", value, locale=locale)
    if kind == "month-year":
        return format_date(value, "LLL y", locale=locale)
    pattern = _time_pattern(code)
    if kind == "end-of-day":
        pattern = pattern.replace("H", "k")  # CLDR's `k` counts hours 1–24
    return format_time(value, pattern, locale=locale)


def _day(value):
    """The date of a (local) datetime: what a date format prints of it, and its key."""
    return value.date() if isinstance(value, datetime.datetime) else value


def _clock(value):
    """The wall-clock time of a (local) datetime: what a time pattern prints of it, and its
    key (two aware datetimes of one instant in different zones are equal as keys but print
    differently)."""
    return value.time() if isinstance(value, datetime.datetime) else value


def time(value, end_of_day=False):
    """A wall-clock time in the active language; `end_of_day` writes midnight as 24.00,
    the end of the evening rather than the start of the next day."""
    return _formatted("end-of-day" if end_of_day else "time", active_code(), _clock(value))


def weekday_name(weekday, width="wide", context="format"):
    """The name of weekday 0 (Monday) to 6. `format` is the form used in a sentence ("opens
    Monday"), `stand-alone` the form used on its own, as in a table's row heading; Finnish,
    for one, tells them apart (maanantaina, maanantai)."""
    return get_day_names(width, context, babel_locale())[weekday]


def day_month(value):
    """24 December, in the active language's order and words."""
    return _formatted("day-month", active_code(), _day(value))


def long_date(value):
    """24 December 2026, in the active language's order and words."""
    return _formatted("long", active_code(), _day(value))


def full_date(value):
    """Thursday 24 December 2026: the weekday and the date, in the active language's order
    and words."""
    return _formatted("full", active_code(), _day(value))


def file_size(size):
    """A file's size in the active language's units and numbers: 12 kB below a megabyte,
    1.5 MB from there (12 kt and 1,5 Mt in Finnish)."""
    if size < 1024 * 1024:
        return format_unit(
            max(1, round(size / 1024)), "digital-kilobyte", length="short", locale=babel_locale()
        )
    megabytes = round(size / (1024 * 1024), 1)
    return format_unit(megabytes, "digital-megabyte", length="short", format="#,##0.0", locale=babel_locale())


def month_year(value):
    """ "Dec 2026": the month's short stand-alone name and the year, as on a calendar leaf."""
    return _formatted("month-year", active_code(), _day(value))


# The site's English is British English.
TERRITORIES = {"en": "GB"}


@functools.cache
def og_locale(code):
    """Open Graph's `language_TERRITORY` for a site language: the territory CLDR finds most
    likely for it (sv_SE, ar_EG, ti_ET), British for English; `kmr` is read as `ku` (ku_TR)."""
    code = CLDR_CODES.get(code, code)
    likely = get_global("likely_subtags").get(code, "")
    territory = TERRITORIES.get(code) or next((part for part in likely.split("_")[1:] if part.isupper()), "")
    return f"{code}_{territory}" if territory else code
