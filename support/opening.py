"""The opening-hours calculation behind "Öppet nu – stänger 12.00".

Hours are wall-clock times in Europe/Stockholm. Each day's spans are turned into real
instants only at the end, through zoneinfo, and compared in UTC, so a line that is open
09.00–12.00 stays 09.00–12.00 on the days the clocks change and a night line that spans
the change is an hour shorter or longer, as it really is.
"""

import datetime
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import holidays
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi, pgettext
from django.utils.translation import gettext as _

from cks_portal.core import cldr

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = datetime.UTC
# How far ahead the next opening is looked for; a line closed longer than this reads "Closed".
HORIZON_DAYS = 21
MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class Span:
    """Opens at `opens`, closes at `closes` that day, or the next day when `next_day`."""

    opens: datetime.time
    closes: datetime.time
    next_day: bool = False

    @property
    def start_minute(self):
        return self.opens.hour * 60 + self.opens.minute

    @property
    def end_minute(self):
        end = self.closes.hour * 60 + self.closes.minute
        if self.next_day or end == 0:
            end += MINUTES_PER_DAY
        return end

    @property
    def is_all_day(self):
        return self.start_minute == 0 and self.end_minute == MINUTES_PER_DAY

    def problem(self):
        if self.end_minute <= self.start_minute:
            return "closes_before_opens"
        if self.end_minute - self.start_minute > MINUTES_PER_DAY:
            return "longer_than_a_day"
        return None

    def label(self):
        if self.is_all_day:
            return _("open 24 hours")
        # Midnight at the end of the day reads 24.00.
        closes = cldr.time(self.closes, end_of_day=self.end_minute == MINUTES_PER_DAY)
        return f"{cldr.time(self.opens)}–{closes}"

    def instants(self, day):
        """The span on `day` as two aware UTC datetimes."""
        midnight = datetime.datetime.combine(day, datetime.time())
        start = midnight + datetime.timedelta(minutes=self.start_minute)
        end = midnight + datetime.timedelta(minutes=self.end_minute)
        return (
            start.replace(tzinfo=STOCKHOLM).astimezone(UTC),
            end.replace(tzinfo=STOCKHOLM).astimezone(UTC),
        )


def group_digits(digits):
    """Group a Swedish subscriber or short number: 100 200, 123 45 67, 123 456 78, 114 14."""
    if len(digits) <= 4:
        return digits
    if len(digits) == 5:
        return f"{digits[:3]} {digits[3:]}"
    if len(digits) == 6:
        return f"{digits[:3]} {digits[3:]}"
    if len(digits) == 8:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    rest = digits[3:]
    pairs = [rest[i : i + 2] for i in range(0, len(rest), 2)]
    return " ".join([digits[:3], *pairs])


@functools.lru_cache(maxsize=32)
def swedish_holidays(year, language="sv"):
    """Public holidays and the de facto closed eves (midsummer, Christmas, New Year's)."""
    return holidays.country_holidays(
        "SE",
        years=year,
        categories=(holidays.PUBLIC, holidays.DE_FACTO),
        language="en_US" if language == "en" else "sv",
    )


class HolidayName(str):
    """A holiday's name that knows its language, so that a page in another language marks
    it (`{% lang_attr %}`): the holidays library names Swedish holidays in Swedish and
    English only, and a Finnish or Arabic page shows the Swedish name a resident meets on
    signs and calendars here."""

    def __new__(cls, value, lang):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


def holiday_name(day):
    language = "en" if cldr.active_code() == "en" else "sv"
    name = swedish_holidays(day.year, language).get(day)
    return HolidayName(name, language) if name else None


class Hours(str):
    """A day's hours as text; `is_times` when it is only times ("09.00–12.00, 13.00–16.00"),
    which a page isolates as left-to-right data inside right-to-left text."""

    def __new__(cls, value, is_times):
        obj = super().__new__(cls, value)
        obj.is_times = is_times
        return obj


def isolated(value):
    """A time or number kept left to right inside right-to-left text (Arabic, Persian,
    Sorani): "09:00–12:00" and "020-100 200" would otherwise be reordered around their
    punctuation and spaces. Left-to-right pages need no wrapping and get none."""
    if get_language_bidi():
        return format_html('<bdi dir="ltr">{}</bdi>', value)
    return conditional_escape(value)


def find_overlap(spans_by_weekday):
    """The first pair of weekly spans that overlap, as ((weekday, span), (weekday, span)), or None.

    A span past midnight runs into the next day, and Sunday night runs into Monday."""
    week = 7 * MINUTES_PER_DAY
    ranges = []
    for index, (weekday, span) in enumerate(spans_by_weekday):
        start = weekday * MINUTES_PER_DAY + span.start_minute
        end = weekday * MINUTES_PER_DAY + span.end_minute
        ranges.append((start, end, index))
        if end > week:
            ranges.append((start - week, end - week, index))
    ranges.sort()
    latest = None  # the range reaching furthest so far
    for start, end, index in ranges:
        if latest and start < latest[1] and index != latest[2]:
            return spans_by_weekday[latest[2]], spans_by_weekday[index]
        if latest is None or end > latest[1]:
            latest = (start, end, index)
    return None


@dataclass(frozen=True)
class OpeningState:
    moment: datetime.datetime  # local time in Stockholm
    is_open: bool
    closes_at: datetime.datetime | None = None  # None while open: open around the clock
    opens_at: datetime.datetime | None = None  # None while closed: nothing in the horizon
    reason: str = ""  # why it is closed today or has other hours, if there is a reason

    def text(self):
        """The sentence as plain text: "Closed – opens Monday 09:00"."""
        return self._sentence(str, str)

    def html(self):
        """The sentence for a page, its time isolated (`isolated`) so that it reads left to
        right in an Arabic or Persian sentence too."""
        return mark_safe(self._sentence(escape, isolated))  # noqa: S308 -- parts escaped above

    def _sentence(self, frame, time):
        if self.is_open:
            if self.closes_at is None:
                return frame(_("Open now – around the clock"))
            when = self._when(self.closes_at, frame, time, closing=True)
            return frame(_("Open now – closes %(when)s")) % {"when": when}
        if self.opens_at is None:
            return frame(_("Closed"))
        return frame(_("Closed – opens %(when)s")) % {"when": self._when(self.opens_at, frame, time)}

    def _when(self, instant, frame, wrap, closing=False):
        """When, as a phrase: "12.00", "tomorrow 09.00", "Monday 09.00", "4 January 09.00".
        The day names and dates are CLDR's for the active language; the frames are gettext's,
        so that a language can say "klo" or "الساعة" around the time."""
        days = (instant.date() - self.moment.date()).days
        end_of_day = False
        if closing and days >= 1 and (instant.hour, instant.minute) == (0, 0):
            # Closing at midnight reads as 24.00 the evening before, as Swedes write it.
            days -= 1
            instant -= datetime.timedelta(days=1)
            end_of_day = True
        time = wrap(cldr.time(instant, end_of_day=end_of_day))
        if days == 0:
            return frame(pgettext("a time later today", "%(time)s")) % {"time": time}
        if days == 1:
            return frame(_("tomorrow %(time)s")) % {"time": time}
        day = cldr.weekday_name(instant.weekday()) if days < 7 else cldr.day_month(instant)
        return frame(_("%(day)s %(time)s")) % {"day": frame(day), "time": time}

    def __str__(self):
        return self.text()


def day_spans(day, intervals, exceptions, closed_on_holidays):
    """The spans a contact is open on `day`, and the reason when the day is not ordinary."""
    covering = [e for e in exceptions if e.covers(day)]
    if covering:
        special = [e for e in covering if not e.is_closed]
        chosen = special or covering
        reason = next((e.t.reason for e in chosen if e.reason), "")
        return [e.span for e in special], reason
    if closed_on_holidays:
        name = holiday_name(day)
        if name:
            return [], name
    return [i.span for i in intervals if i.weekday == day.weekday()], ""


def _periods(today, intervals, exceptions, closed_on_holidays):
    """The open periods from yesterday to the horizon as (start, end) in UTC, in order.

    Made one day at a time, so that `state_at` can stop at the first day that answers it.
    Sorting each day is enough: every span starts on its own day, before the next day's
    midnight (Stockholm never changes its clocks near midnight)."""
    for offset in range(-1, HORIZON_DAYS + 1):
        day = today + datetime.timedelta(days=offset)
        spans, _reason = day_spans(day, intervals, exceptions, closed_on_holidays)
        yield from sorted(span.instants(day) for span in spans)


def _merged(periods):
    """Ordered periods with the overlapping and touching ones joined, as they come."""
    current = None
    for start, end in periods:
        if current and start <= current[1]:
            current = (current[0], max(end, current[1]))
            continue
        if current:
            yield current
        current = (start, end)
    if current:
        yield current


def state_at(moment, intervals, exceptions, closed_on_holidays):
    """The one answer to "is it open?": see OpeningState. `moment` is any aware datetime."""
    local = moment.astimezone(STOCKHOLM)
    now = moment.astimezone(UTC)
    today = local.date()
    _spans, reason = day_spans(today, intervals, exceptions, closed_on_holidays)
    horizon = now + datetime.timedelta(days=HORIZON_DAYS - 1)
    for start, end in _merged(_periods(today, intervals, exceptions, closed_on_holidays)):
        if start <= now < end:
            closes = None if end >= horizon else end.astimezone(STOCKHOLM)
            return OpeningState(local, True, closes_at=closes, reason=reason)
        if start > now:
            return OpeningState(local, False, opens_at=start.astimezone(STOCKHOLM), reason=reason)
    return OpeningState(local, False, reason=reason)


def group_week(intervals):
    """[("Mån–fre", "09.00–12.00, 13.00–16.00"), ("Lör–sön", "Closed")] with equal days together."""
    by_day = []
    for weekday in range(7):
        spans = sorted((i.span for i in intervals if i.weekday == weekday), key=lambda s: s.start_minute)
        by_day.append(tuple(spans))
    rows = []
    start = 0
    for weekday in range(1, 8):
        if weekday == 7 or by_day[weekday] != by_day[start]:
            first = cldr.weekday_name(start, "abbreviated", "stand-alone")
            last = cldr.weekday_name(weekday - 1, "abbreviated", "stand-alone")
            days = first if start == weekday - 1 else f"{first}–{last}"
            spans = by_day[start]
            if spans:
                hours = Hours(", ".join(span.label() for span in spans), not any(s.is_all_day for s in spans))
            else:
                hours = Hours(_("closed"), False)
            rows.append((days[:1].upper() + days[1:], hours))
            start = weekday
    return rows
