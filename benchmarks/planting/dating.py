"""Dates as the corpus writes them: a precise finder for day-month mentions and their formats.

The benchmark's own reading of dates (it must not borrow factlint's): a mention is a month name
with a day number in US order ("June 23", "Sept. 3, 2016") or UK order ("23 June", "the 3rd of
September"), optionally after a weekday. A year missing from the mention is taken from the
publication date only when the nearest such date is within 120 days of it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
AP_ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_NUMBER = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NUMBER.update({"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "aug.": 8, "sep.": 9, "sept.": 9,
                      "oct.": 10, "nov.": 11, "dec.": 12})
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)"

DATE = re.compile(
    rf"(?<![\w$£€.,-])(?:(?P<weekday>{_WEEKDAY}),?\s)?(?:"
    rf"(?P<us_month>{_MONTH})\s(?P<us_day>\d{{1,2}})(?P<us_ord>{_ORD})?(?![\d:-]|\s?[–-]\s?\d|\.\d)"
    rf"|(?:the\s)?(?P<uk_day>\d{{1,2}})(?P<uk_ord>{_ORD})?\s(?:of\s)?(?P<uk_month>{_MONTH})(?![\w-])"
    rf")(?:,?\s(?P<year>(?:19|20)\d\d)(?![\d-]))?")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    weekday_span: tuple[int, int] | None
    day_span: tuple[int, int]
    month_span: tuple[int, int]
    year_span: tuple[int, int] | None
    day: int
    month: int
    year: int | None          # as written
    value: dt.date | None     # the resolved date (written or safely inferred year), if valid
    style: str                # "us" or "uk"
    ordinal: bool
    weekday: int | None       # 0 = Monday, as written

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end


def find_dates(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """The date mentions of text[start:end] (a list the caller must not change)."""
    if start == 0 and end is None:
        return _all_dates(text, published)
    return _find_dates(text, published, start, end)


@functools.lru_cache(maxsize=2048)
def _all_dates(text: str, published: dt.date | None) -> list[DateMention]:
    return _find_dates(text, published, 0, None)


def _find_dates(text: str, published: dt.date | None, start: int, end: int | None) -> list[DateMention]:
    out = []
    for m in DATE.finditer(text, start, len(text) if end is None else end):
        style = "us" if m.group("us_month") else "uk"
        day_group, month_group = (("us_day", "us_month") if style == "us" else ("uk_day", "uk_month"))
        day, month = int(m.group(day_group)), _MONTH_NUMBER[m.group(month_group).lower()]
        if m.group(month_group) == "May" and style == "us" and m.start(month_group) > 0 and text[m.start(month_group) - 2:m.start(month_group)] in ("I ", "u "):
            continue
        year = int(m.group("year")) if m.group("year") else None
        value = resolve(day, month, year, published)
        weekday = WEEKDAYS.index(m.group("weekday")) if m.group("weekday") else None
        out.append(DateMention(
            m.start(), m.end(), m.span("weekday") if m.group("weekday") else None,
            m.span(day_group), m.span(month_group), m.span("year") if year else None,
            day, month, year, value, style, bool(m.group(f"{style}_ord")), weekday))
    return out


def resolve(day: int, month: int, year: int | None, published: dt.date | None) -> dt.date | None:
    if year is not None:
        return valid(year, month, day)
    if published is None:
        return None
    best = None
    for y in (published.year - 1, published.year, published.year + 1):
        d = valid(y, month, day)
        if d and (best is None or abs((d - published).days) < abs((best - published).days)):
            best = d
    if best is None or abs((best - published).days) > 120:
        return None
    return best


def valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_name(month: int, abbreviated: bool = False) -> str:
    return AP_ABBREVIATIONS.get(month, MONTHS[month - 1]) if abbreviated else MONTHS[month - 1]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write(d: dt.date, style: str, *, year: bool = False, weekday: bool = False, abbreviated: bool = False,
          ordinal_day: bool = False) -> str:
    """A date in one of the corpus's formats: "June 24", "24 June", "Friday, June 24, 2016"."""
    day = ordinal(d.day) if ordinal_day else str(d.day)
    if style == "us":
        out = f"{month_name(d.month, abbreviated)} {day}" + (f", {d.year}" if year else "")
        return (f"{WEEKDAYS[d.weekday()]}, " if weekday else "") + out
    out = f"{day} {month_name(d.month, abbreviated)}" + (f" {d.year}" if year else "")
    return (f"{WEEKDAYS[d.weekday()]} " if weekday else "") + out


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def slip(d: dt.date, rng) -> tuple[dt.date, str]:
    """Another date one typing or reading slip away: a neighbouring day, a mistyped or swapped
    day digit, or the neighbouring month."""
    options = []
    for delta in (1, -1):
        other = d + dt.timedelta(days=delta)
        if other.month == d.month:
            options.append((other, "a neighbouring day"))
    digits = f"{d.day:02d}"
    if d.day >= 10 and digits[0] != digits[1]:
        swapped = valid(d.year, d.month, int(digits[::-1]))
        if swapped and swapped.day >= 10:
            options.append((swapped, "the day's digits swapped"))
    last = str(d.day)[-1]
    for repl in "0123456789":
        if repl != last:
            other = valid(d.year, d.month, int(str(d.day)[:-1] + repl) if d.day >= 10 else int(repl) or 99)
            if other and abs(other.day - d.day) > 1:
                options.append((other, "a mistyped day digit"))
    for delta in (1, -1):
        month = d.month + delta
        if 1 <= month <= 12:
            other = valid(d.year, month, d.day)
            if other:
                options.append((other, "the neighbouring month"))
    kinds = sorted({label for _, label in options})
    label = rng.choice(kinds)
    return rng.choice([o for o in options if o[1] == label])
