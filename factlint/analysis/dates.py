"""Dates: every date expression in the prose, normalised to TimeML values.

One pass of a single compiled pattern finds the candidates (explicit dates in US,
UK, numeric and ISO orders, months, years under a governing word, seasons,
quarters, decades, ranges and relative expressions); the common forms are
normalised here from the regex groups, with the calendar done by ``datetime``,
so no date library is imported: every form the patterns accept is one this
module can read, and dateparser's free-text guesses ("May", "We", "$66") never
reach the output.

A yearless date takes the year of the nearest explicit year that governs it (the
same sentence, else an earlier full date in the paragraph), else the publication
date's year (the nearest such date in the direction the clause's tense implies, and the
year its written weekday fits when that is nearer), and records where the year came from.
A monthless "the 14th" takes the month of the nearest date of its sentence.
"""

from __future__ import annotations

import bisect
import calendar
import re
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factlint.analysis.lexicon import PAST_FORMS, stem

if TYPE_CHECKING:
    from factlint.document import Document

LEAP_STAND_IN = 2000  # a leap year, so that an unknown year never rejects 29 February
MONTH_NUMBERS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
WEEKDAY_NUMBERS = {name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNIT_NAMES = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade",
              "centur": "century", "fortnight": "fortnight"}

# Words that make a four-digit number a year ("in 2023", "since 1991", "the 2026 budget").
YEAR_GOVERNORS = frozenset("""
in since by until till through throughout during before after of early late mid around circa between and or
the fiscal year spring summer autumn fall winter its their his her our this end start beginning middle
""".split())

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])")
_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![A-Za-z])"
_WD_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD = rf"(?:{_WD_FULL}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?)"
_WD_AFTER = (rf"(?:\s*\((?P<wda>{_WD_FULL}|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\)"
             rf"|,\s+a\s+(?P<wda>{_WD_FULL})(?![\w'’]))?")
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
_YEAR_DIGITS = r"(?:1[0-9]{3}|20[0-9]{2})"
_YEAR = _YEAR_DIGITS + r"(?![\w]|[.,][0-9])"
_PART = (r"(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
         r"|the\s+middle\s+of|the\s+turn\s+of)")
_DASH = r"(?:\s*[–—-]\s*|\s+(?:to|and|through|until|till)\s+)"
_NUM = "(?i:" + "|".join(NUMBER_WORDS) + r"|[1-9][0-9]{0,2})"
_UNIT = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"

DATE_SOURCE = rf"""
 (?P<dmy>(?<![\w$£€.,-])(?:(?P<wd>{_WD}),?\s+\(?)?(?:the\s+)?(?P<d>{_DAY})(?:(?P<dash>{_DASH})(?:the\s+)?(?P<d2>{_DAY}))?
     \s+(?:of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?{_WD_AFTER})
|(?P<mdy>(?:(?P<wd>{_WD}),?\s+\(?)?(?P<m>{_MON})\s+(?P<d>{_DAY})(?!\s*(?:%|percent|per\s+cent|[:.][0-9]))
     (?:(?P<dash>{_DASH})(?P<d2>{_DAY})(?![\s,]*[0-9]{{3}}))?(?:,?\s+(?P<y>{_YEAR}))?{_WD_AFTER})
|(?P<iso>(?:(?P<wd>{_WD}),?\s+)?(?<![\w./-])(?P<y>{_YEAR_DIGITS})(?P<isep>[-/])(?P<mo>0[1-9]|1[0-2])(?P=isep)
     (?P<d>0[1-9]|[12][0-9]|3[01])(?![\w-]){_WD_AFTER})
|(?P<num>(?:(?P<wd>{_WD}),?\s+)?(?<![\w./-])(?P<n1>[0-9]{{1,2}})(?P<sep>[/.-])(?P<n2>[0-9]{{1,2}})(?P=sep)
     (?P<n3>[0-9]{{4}}|[0-9]{{2}})(?![\w/-]|\.[0-9]){_WD_AFTER})
|(?P<ord>(?:(?P<wd>{_WD}),?\s+|(?<=\b[Oo]n\s))the\s+(?P<d>3[01]|[12][0-9]|[1-9])(?:st|nd|rd|th)(?![\w-])(?!\s+(?!and\b|or\b)[a-z]))
|(?P<my>(?:(?P<part>{_PART})[\s-]+)?(?P<m>{_MON})(?:\s+of)?,?\s+(?P<y>{_YEAR}))
|(?P<monrel>(?P<m>{_MON_FULL})\s+(?P<rel>this|last|next)\s+year(?=['’]s\b|(?![\w'’-])))
|(?P<mon>(?:(?P<part>{_PART})[\s-]+)?(?P<m>{_MON_FULL})(?!\s*[0-9]))
|(?P<cent>(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<c>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)[\s-]century)
|(?P<dec>(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?:(?P<dd>1[0-9]{{2}}0|20[0-9]0)|['’](?P<d2d>[0-9]0))['’]?s(?![\w]))
|(?P<season>(?:(?P<part>early|late|mid)[\s-]+)?(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<s>(?i:spring|summer|autumn|fall|winter))
     (?:(?:\s+of)?\s+(?P<y>{_YEAR}))?)
|(?P<quarter>(?:(?P<det>the|this|last|next)\s+)?(?:(?:fiscal|financial)\s+)?(?P<q>(?i:first|second|third|fourth)|1st|2nd|3rd|4th)[\s-]quarter
     (?:\s+of\s+(?P<y>{_YEAR}))?)
|(?P<qshort>Q(?P<qn>[1-4])\s+(?P<y>{_YEAR})|(?P<qy>{_YEAR_DIGITS})\s+Q(?P<qn2>[1-4])(?![\w]))
|(?P<half>(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?P<y>{_YEAR}))
|(?P<yrange>(?<![\w$£€.,/-])(?P<y>{_YEAR_DIGITS})(?P<ydash>\s*[–-]\s*|/)(?P<y2>[0-9]{{4}}|[0-9]{{2}})(?![\w-]|[.,][0-9]))
|(?P<partyear>(?P<part>{_PART})[\s-]+(?P<y>{_YEAR}))
|(?P<fiscal>(?:fiscal\s+|FY\s?)(?P<y>{_YEAR}))
|(?P<year>(?<![\w$£€.,/-])(?P<y>{_YEAR})(?!\s*(?:%|percent|per\s+cent)))
|(?P<relunit>(?:(?P<part>early|late|earlier|later)\s+)?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Pp]revious|[Ff]ollowing)\s+
     (?P<unit>week(?:end)?|month|year|{_WD_FULL}|{_MON_FULL})(?=['’]s\b|(?![\w'’-])))
|(?P<ago>(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+
     (?P<dir>ago|earlier|later|before|after|from\s+now|previously)(?![\w-]))
|(?P<nextday>(?i:the)\s+(?:(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|week|month|year)
     |(?P<unit>day|week)\s+(?P<dir>before|after|earlier|later)(?!\s+(?:the|a|an|his|her|its|their|that|this)\b))(?![\w-]))
|(?P<eve>(?i:the)\s+eve(?=\s+of\s))
|(?P<today>(?i:today|yesterday|tomorrow|tonight)(?![\w-]))
|(?P<ref>(?:(?i:now|currently|recently|recent\s+(?:years|months|weeks|days))|(?i:the)\s+(?:near\s+)?future
     |(?<=\b(?i:in)\s)the\s+past)(?![\w-]))
|(?P<wday>{_WD_FULL}(?![\w-]))
"""


def _numbered_repeats(source: str) -> str:
    """The pattern with each repeat of a group name numbered (``wd``, ``wd__2``, ...): the alternatives
    share names such as ``wd`` and ``y``, which the standard ``re`` compiler (several times faster to
    compile than ``regex``) does not allow twice."""
    seen: dict[str, int] = {}

    def number(m: re.Match) -> str:
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        return m.group(0) if seen[name] == 1 else f"(?P<{name}__{seen[name]}>"

    return re.sub(r"\(\?P<(\w+)>", number, source)


DATE_PATTERN = re.compile(_numbered_repeats(DATE_SOURCE), re.VERBOSE)


def _groups_by_kind() -> dict[str, dict[str, tuple[int, ...]]]:
    """For each top-level alternative (a kind), the numbers of the groups inside it under their shared
    names. Groups are numbered in order of their opening parenthesis, so a group belongs to the last
    kind opened before it."""
    out: dict[str, dict[str, tuple[int, ...]]] = {}
    groups: dict[str, tuple[int, ...]] = {}
    for name, index in sorted(DATE_PATTERN.groupindex.items(), key=lambda item: item[1]):
        if name in KINDS:
            groups = out[name] = {}
        else:
            base = name.partition("__")[0]
            groups[base] = groups.get(base, ()) + (index,)
    return out


class _DateMatch:
    """A DATE_PATTERN match read by the shared group names, as ``regex`` would with repeated names: a
    name stands for its copy inside the alternative that matched. The kind is the last group closed,
    which is the top-level alternative that matched."""

    __slots__ = ("match", "kind", "groups")

    def __init__(self, match: re.Match):
        self.match = match
        self.kind: str = match.lastgroup
        self.groups = GROUPS_BY_KIND[self.kind]

    def _index(self, name: str | int) -> int | str:
        """The copy of ``name`` that took part in the match, else ``name`` itself: only the matched alternative's
        groups take part, so that group (or group 0, or a kind) reads as ``regex`` would read it."""
        for index in self.groups.get(name, ()):
            if self.match.start(index) >= 0:
                return index
        return name

    def group(self, name: str | int = 0) -> str | None:
        return self.match.group(self._index(name))

    def start(self, name: str | int = 0) -> int:
        return self.match.start(self._index(name))

    def end(self, name: str | int = 0) -> int:
        return self.match.end(self._index(name))


def _start_pattern() -> re.Pattern:
    """Where a date expression can start, as one alternation grouped by first letter (which lets the
    regex engine skip most positions at once). Scanning for these first and trying the full pattern
    only there is ten times faster than running the full pattern over every character."""
    after_the = (r"(?=\s+(?:[0-9'’]|eve\b|day\b|week\b|next|following|previous|preceding|past|future|near"
                 r"|first|second|third|fourth|[1-4](?:st|nd|rd|th)|end|beginning|start|middle|turn|early|mid|late))")
    entries: dict[str, list[str]] = {}
    for prefix in ("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun").split():
        entries.setdefault(prefix[0], []).append(prefix[1:])
    for word in ("early earlier late later mid this last next past coming previous following fiscal financial "
                 "spring summer autumn fall winter today yesterday tomorrow tonight now currently recently "
                 "recent").split():
        entries.setdefault(word[0], []).append(word[1:] + r"\b")
    numbers: dict[str, list[str]] = {}
    for word in NUMBER_WORDS:
        numbers.setdefault(word[0], []).append(word[1:])
        entries.setdefault(word[0], [])
    for first, rests in numbers.items():  # one unit lookahead per letter: far less for the compiler to read
        entries[first].append("(?:" + "|".join(sorted(rests, key=len, reverse=True)) + rf")(?=\s+{_UNIT})")
    for word in ("first", "second", "third", "fourth"):
        entries.setdefault(word[0], []).append(word[1:] + r"(?=[\s-]quarter)")
    entries.setdefault("t", []).append("he" + after_the)
    alternatives = [r"Q[1-4]", "FY"]
    for first, rests in entries.items():
        letters = first if first.isupper() else f"[{first.upper()}{first}]"
        alternatives.append(letters + "(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")")
    # a number starts a date only as a year or when a month, a range, a separator or a unit follows it
    digits = (r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9])|[0-9]{1,3}(?=(?:st|nd|rd|th)?(?:\s+(?:of\s+)?[A-Z]"
              r"|\s*(?:[–—-]|to\b|and\b|through\b|until\b|till\b)\s*(?:the\s+)?[0-9]|[/.-][0-9]"
              rf"|\s+{_UNIT}|[\s-](?:century|quarter)))")
    return re.compile(r"\b(?:" + digits + "|" + "|".join(alternatives) + r")|['’](?=[0-9]0s)")


START = _start_pattern()
HEDGE_BEFORE = re.compile(r"(?:about|nearly|almost|some|over|more\s+than|less\s+than|around|roughly|just|only)\s+$",
                          re.IGNORECASE)
KINDS = ("dmy", "mdy", "year", "wday", "today", "ref", "monrel", "mon", "my", "relunit", "ago", "iso", "num", "ord",
         "cent", "dec", "season", "quarter", "qshort", "half", "yrange", "partyear", "fiscal", "nextday", "eve")
GROUPS_BY_KIND = _groups_by_kind()
MONTH_GOVERNORS = frozenset("in since until till by through throughout during before after from to between and or "
                            "early late mid".split())

# Around a date, words that tell the tense of its clause.
FUTURE_MARKERS = re.compile(
    r"\b(?:will|shall|'ll|is\s+to|are\s+to|is\s+due|are\s+due|is\s+scheduled|are\s+scheduled|is\s+expected"
    r"|are\s+expected|plans?\s+to|planned|intends?\s+to|going\s+to)\b", re.IGNORECASE)
NEAR_FUTURE = re.compile(r"\b(?:will|shall|'ll|is\s+to|are\s+to|due|scheduled|expected\s+to|plans?\s+to|next)\b"
                         r"[^.;:]*$", re.IGNORECASE)
PAST_VERB = re.compile(r"\b(?:" + "|".join(sorted(PAST_FORMS, key=len, reverse=True)) + r"|[a-z]{3,}ed)\b")
IRREALIS = re.compile(r"\b(?:supposed|was\s+to|were\s+to|would|could|should|might|planned|scheduled|expected|due"
                      r"|set\s+to|if|unless)\b", re.IGNORECASE)
DATES_SOMETHING_ELSE = re.compile(
    r"\b(?:to\s+[a-z]+|for|until|till|by|before|after|since|vote|votes|election|elections|poll|polls|referendum"
    r"|run-off|runoff|ballot|summit|meeting|talks|hearing|trial|deadline|date|event|ceremony|conference|visit"
    r"|launch|opening|match|final|race|exit|departure|session)\b", re.IGNORECASE)
PAST_RIGHT_BEFORE = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bget\s)\b(?:[a-z]{3,}ed|held|signed|made|set|won|lost|began|took)"
                               r"\s+(?:on\s+)?$")
SUBJECT_PAST = re.compile(r"\b(?:it|he|she|they|we|I|who|which|that)\s+(?:had\s+)?(?:[a-z]{3,}ed|met|held|took|"
                          r"won|lost|began|signed|said|made|gave|sent|set|put|paid|sold|bought|left|came|went)\b")
BIRTH = re.compile(r"\bborn(?:\s+(?:in|on))?\s*$")
PAGE_LIKE = re.compile(r"(?:\b(?:page|pages|p|pp|no|number|nos|room|flight|route|route|version|model|"
                       r"than|about|nearly|some|over|under|almost|around|roughly|approximately|least|most)"
                       r"|[#№])[.\s]*$", re.IGNORECASE)
YEAR_AFTER = re.compile(r"\s*(?:to|until|till|through|[–-])\s*(?:1[0-9]{3}|20[0-9]{2})\b")
YEAR_BEFORE = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\s*to\s*$")
WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
APPOSITION_GAP = re.compile(r",\s*(?:on\s+|in\s+)?")
EVENT_GAP = re.compile(r"\s+(?:of\s+)?[^,;.:]{1,60},\s*(?:on\s+)?")
AGO_YEAR_GAP = re.compile(r",\s*(?:or\s+|some\s+)?")
RANGE_GAP = re.compile(r"\s*(?:[–—-]|to|until|till|through|and)\s*")


@dataclass(slots=True, eq=False)
class DateMention:
    """One date expression: its span in ``doc.text``, TimeML value and what it was resolved from."""

    start: int
    end: int
    text: str
    value: str | None
    type: str  # "date" | "relative" | "reference"
    granularity: str  # day, month, year, week, quarter, half, season, decade, century, reference
    relative: bool = False
    year_source: str | None = None  # "explicit" | "context" | "published" | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # the weekday written with the date, Monday = 0
    valid: bool = True  # False for a day the month does not have
    range_with: int | None = None  # index of the other end of a range
    range_role: str | None = None  # "start" | "end"
    offset: tuple[int, str] | None = None  # signed amount and unit of a relative date
    anchor: str | None = None  # "published" | "previous" | "event": what a relative date counts from
    hedged: bool = False  # "about", "nearly", "more than" before the amount
    apposition: int | None = None  # index of the explicit date restating this relative one
    anchor_index: int | None = None  # for anchor "previous": the date it counts from
    event_at: int | None = None  # for "the eve of X", "two days after X": where X starts
    tense: str | None = None  # "future" | "past" | None: the clause around the date
    role: str | None = None  # "birth" for "born in 1960"

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day and self.valid:
            return dt.date(self.year, self.month, self.day)
        return None

    @property
    def day_of_year(self) -> dt.date | None:
        """The date, or for a date whose year is unknown the same day in a stand-in leap year."""
        if self.month and self.day and self.valid:
            return dt.date(self.year or LEAP_STAND_IN, self.month, self.day)
        return None

    def to_json(self, doc: Document) -> dict[str, Any]:
        start = doc.to_source(self.start)
        line, column = doc.source.line_col(start)
        out = {"start": start, "end": doc.to_source_end(self.end), "line": line, "column": column, "text": self.text,
               "value": self.value, "type": self.type, "granularity": self.granularity,
               "relative": self.relative, "year_source": self.year_source}
        if self.weekday is not None:
            out["weekday"] = WEEKDAY_NAMES[self.weekday]
        if not self.valid:
            out["valid"] = False
        if self.range_with is not None:
            out["range"] = self.range_role
        return out


class DateList(list):
    """The date mentions of a document, in order, with the spans, ages and ordinals stated between them
    (``spans``: factlint.analysis.elapsed.Span)."""

    spans: list
    lengths: list  # factlint.analysis.intervals.Length


def _month(name: str) -> int:
    return MONTH_NUMBERS[name[:3].lower()]


def _weekday(name: str) -> int:
    return WEEKDAY_NUMBERS[name[:3].lower()]


def _days_in_month(year: int | None, month: int) -> int:
    return calendar.monthrange(year if year else 2000, month)[1]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _day_value(y: int | None, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"XXXX-{m:02d}-{d:02d}"


def _month_value(y: int | None, m: int) -> str:
    return f"{y:04d}-{m:02d}" if y else f"XXXX-{m:02d}"


# Days around the publication date a yearless date can lie in, by the tense of its clause.
YEAR_WINDOWS = {"future": (-7, 366), "past": (-366, 21), None: (-275, 183)}


def _infer_year(published: dt.date, month: int, day: int | None, tense: str | None,
                weekday: int | None = None) -> int:
    """The year of a yearless date: news tells mostly of the recent past, so a date up to ~3 months
    ahead of publication stays in its year and a later one falls in the year before, unless its clause
    is in the future tense, which takes the next such date. A written weekday is a constraint too:
    the one year the tense allows (YEAR_WINDOWS) whose calendar has that weekday wins when it is nearer
    the publication date than the rule's ("Sunday 27 September" in an article of May 2026 is in 2026,
    when 27 September is a Sunday); otherwise the rule decides, so a wrong weekday is still found."""
    day = day or 1
    this_year = dt.date(published.year, month, min(day, _days_in_month(published.year, month)))
    ahead = (this_year - published).days
    if tense == "future":
        year = published.year if ahead >= -7 else published.year + 1
    else:
        year = published.year if ahead <= (21 if tense == "past" else 92) else published.year - 1
    if weekday is None or day > _days_in_month(year, month):
        return year
    low, high = YEAR_WINDOWS.get(tense, YEAR_WINDOWS[None])
    fitting = [y for y in (published.year - 1, published.year, published.year + 1)
               if day <= _days_in_month(y, month) and low <= (dt.date(y, month, day) - published).days <= high
               and dt.date(y, month, day).weekday() == weekday]
    if len(fitting) != 1:
        return year
    gap = abs((dt.date(fitting[0], month, day) - published).days)
    return fitting[0] if gap < abs((dt.date(year, month, day) - published).days) else year


def _shift(base: dt.date, amount: int, unit: str) -> dt.date | None:
    try:
        if unit == "day":
            return base + dt.timedelta(days=amount)
        if unit in ("week", "fortnight"):
            return base + dt.timedelta(days=amount * (14 if unit == "fortnight" else 7))
        if unit == "month":
            months = base.year * 12 + base.month - 1 + amount
            y, m = divmod(months, 12)
            return dt.date(y, m + 1, min(base.day, _days_in_month(y, m + 1)))
        if unit in ("year", "decade", "century"):
            years = amount * {"year": 1, "decade": 10, "century": 100}[unit]
            y = base.year + years
            return dt.date(y, base.month, min(base.day, _days_in_month(y, base.month)))
    except (OverflowError, ValueError):
        return None
    return None


def _value_at(date: dt.date, unit: str) -> tuple[str, str]:
    """TimeML value and granularity of ``date`` seen at the precision of ``unit``."""
    if unit == "day":
        return date.isoformat(), "day"
    if unit in ("week", "fortnight"):
        iso = date.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", "week"
    if unit == "month":
        return f"{date.year:04d}-{date.month:02d}", "month"
    if unit == "decade":
        return f"{date.year // 10:03d}", "decade"
    if unit == "century":
        return f"{date.year // 100:02d}", "century"
    return f"{date.year:04d}", "year"


def _unit(word: str) -> str:
    word = word.lower()
    for prefix, unit in UNIT_NAMES.items():
        if word.startswith(prefix):
            return unit
    return "day"


class _Builder:
    """Turns matches into mentions; holds what the passes share."""

    def __init__(self, doc: Document):
        self.text = doc.text
        self.published = doc.published
        self.out: list[DateMention] = []

    # --- explicit dates -------------------------------------------------------
    def day_date(self, start: int, end: int, month: int, day_text: str, year_text: str | None,
                 weekday: str | None) -> DateMention:
        day = int(day_text.rstrip("stndrh"))
        year = int(year_text) if year_text else None
        valid = 1 <= day <= _days_in_month(year, month) if year or month != 2 else day <= 29
        mention = DateMention(start, end, self.text[start:end], _day_value(year, month, day), "date", "day",
                              year_source="explicit" if year else None, year=year, month=month, day=day,
                              valid=valid, weekday=_weekday(weekday) if weekday else None)
        if not valid:
            mention.value = None
        return mention

    def add_range(self, first: DateMention, second: DateMention) -> None:
        i = len(self.out)
        first.range_with, first.range_role = i + 1, "start"
        second.range_with, second.range_role = i, "end"
        self.out += [first, second]

    def handle_day_month(self, m: _DateMatch) -> None:
        month = _month(m.group("m"))
        wd = m.group("wd")
        year = m.group("y")
        start = m.start()
        if not wd and self.text.startswith(("the", "The"), start) and m.group("d").isdigit() \
                and " of " not in m.group(0):
            start = m.start("d")  # "the 4 May summit": the article belongs to the summit
        end = m.end()
        if wd and self.text.count("(", start, end) > self.text.count(")", start, end) and self.text.startswith(")", end):
            end += 1  # "Monday (Sept. 5)": the weekday with its date in brackets
        if m.group("d2"):
            first = self.day_date(start, m.end("d"), month, m.group("d"), year, wd)
            second = self.day_date(m.start("d2"), end, month, m.group("d2"), year, m.group("wda"))
            self.add_range(first, second)
            return
        self.out.append(self.day_date(start, end, month, m.group("d"), year, wd or m.group("wda")))

    def handle_numeric(self, m: _DateMatch) -> None:
        n1, n2, n3 = int(m.group("n1")), int(m.group("n2")), m.group("n3")
        if m.group("sep") in ".-" and len(n3) != 4:
            return
        year = int(n3) if len(n3) == 4 else 2000 + int(n3) if int(n3) < 50 else 1900 + int(n3)
        if m.group("sep") == "." or n1 > 12:
            day, month = n1, n2
        else:
            month, day = n1, n2
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return
        self.out.append(self.day_date(m.start(), m.end(), month, str(day), str(year),
                                      m.group("wd") or m.group("wda")))

    # --- the dispatcher ------------------------------------------------------
    def handle(self, m: _DateMatch, sentence_start: int) -> None:
        kind = m.kind
        text = self.text
        start, end = m.start(), m.end()
        if kind in ("dmy", "mdy"):
            self.handle_day_month(m)
            if BIRTH.search(text, max(sentence_start, start - 12), start) and self.out:
                self.out[-1].role = "birth"
        elif kind == "iso":
            self.out.append(self.day_date(start, end, int(m.group("mo")), m.group("d"), m.group("y"),
                                          m.group("wd") or m.group("wda")))
        elif kind == "num":
            self.handle_numeric(m)
        elif kind == "ord":
            mention = DateMention(start, end, m.group(0), None, "date", "day", day=int(m.group("d")),
                                  weekday=_weekday(m.group("wd")) if m.group("wd") else None)
            mention.relative = True
            self.out.append(mention)
        elif kind == "my":
            month, year = _month(m.group("m")), int(m.group("y"))
            self.out.append(DateMention(start, end, m.group(0), _month_value(year, month), "date", "month",
                                        year_source="explicit", year=year, month=month))
        elif kind == "monrel":
            month = _month(m.group("m"))
            mention = DateMention(start, end, m.group(0), None, "relative", "month", relative=True, month=month,
                                  anchor="published")
            if self.published:
                mention.year = self.published.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
                mention.year_source, mention.value = "published", _month_value(mention.year, month)
            self.out.append(mention)
        elif kind == "mon":
            self.handle_month(m, sentence_start)
        elif kind == "cent":
            c = int(m.group("c"))
            self.out.append(DateMention(start, end, m.group(0), f"{c - 1:02d}", "date", "century"))
        elif kind == "dec":
            if m.group("dd"):
                value = m.group("dd")[:3]
            else:
                value = ("19" if m.group("d2d") != "00" else "20") + m.group("d2d")[0]
            self.out.append(DateMention(start, end, m.group(0), value, "date", "decade", year_source="explicit"))
        elif kind == "season":
            self.handle_season(m)
        elif kind in ("quarter", "qshort", "half"):
            self.handle_quarter(m, kind)
        elif kind == "yrange":
            self.handle_year_range(m)
        elif kind in ("partyear", "fiscal"):
            year = int(m.group("y"))
            self.out.append(DateMention(start, end, m.group(0), str(year), "date", "year",
                                        year_source="explicit", year=year))
        elif kind == "year":
            self.handle_year(m, sentence_start)
        elif kind == "relunit":
            self.handle_relative_unit(m)
        elif kind == "ago":
            self.handle_ago(m)
        elif kind == "nextday":
            direction = -1 if m.group("dir").lower() in ("previous", "preceding", "before", "earlier") else 1
            self.out.append(DateMention(start, end, m.group(0), None, "relative", m.group("unit"), relative=True,
                                        offset=(direction, m.group("unit")), anchor="previous"))
        elif kind == "eve":
            mention = DateMention(start, end, m.group(0), None, "relative", "day", relative=True,
                                  offset=(-1, "day"), anchor="event")
            mention.event_at = text.find("of", end) + 3
            self.out.append(mention)
        elif kind == "today":
            self.handle_today(m)
        elif kind == "ref":
            word = m.group(0).lower()
            value = "PAST_REF" if ("recent" in word or "past" in word) else (
                "FUTURE_REF" if "future" in word else "PRESENT_REF")
            self.out.append(DateMention(start, end, m.group(0), value, "reference", "reference", relative=True))
        elif kind == "wday":
            self.handle_weekday(m, sentence_start)

    def handle_month(self, m: _DateMatch, sentence_start: int) -> None:
        if not m.group("part"):
            prev = WORD_BEFORE.search(self.text, max(sentence_start, m.start() - 20), m.start())
            word = prev.group(1).lower() if prev else ""
            if word not in MONTH_GOVERNORS and not (word == "the" and m.group("m") != "May"):
                return
        self.out.append(DateMention(m.start(), m.end(), m.group(0), None, "date", "month", month=_month(m.group("m"))))

    def handle_season(self, m: _DateMatch) -> None:
        code = SEASONS[m.group("s").lower()]
        rel, year_text = m.group("rel"), m.group("y")
        if not rel and not year_text:
            return
        year = int(year_text) if year_text else None
        mention = DateMention(m.start(), m.end(), m.group(0), None, "date", "season", year=year,
                              year_source="explicit" if year else None, relative=bool(rel))
        if rel and self.published:
            pub = self.published
            starts_in = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
            shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
            if shift < 0 and starts_in < pub.month:
                shift = 0  # "this past spring" in an autumn article
            year = pub.year + shift
            mention.year, mention.year_source = year, "published"
        mention.value = f"{year:04d}-{code}" if year else f"XXXX-{code}"
        self.out.append(mention)

    def handle_quarter(self, m: _DateMatch, kind: str) -> None:
        year_text = m.group("y") or (m.group("qy") if kind == "qshort" else None)
        year = int(year_text) if year_text else None
        if kind == "half":
            number, letter, gran = (1 if m.group("h") == "first" else 2), "H", "half"
        else:
            number = int(m.group("qn") or m.group("qn2")) if kind == "qshort" else ORDINALS[m.group("q").lower()]
            letter, gran = "Q", "quarter"
        mention = DateMention(m.start(), m.end(), m.group(0), None, "date", gran, year=year,
                              year_source="explicit" if year else None)
        if kind == "quarter" and not year:
            det = (m.group("det") or "").lower()
            if not det and not m.group(0).lower().startswith(("fiscal", "financial")) and "-" not in m.group(0):
                return  # "third quarter" alone is usually a share or a sports period
            if self.published:
                mention.year = self.published.year - (1 if det == "last" else 0)
                mention.year_source, mention.relative = "published", True
        year = mention.year
        mention.value = f"{year:04d}-{letter}{number}" if year else f"XXXX-{letter}{number}"
        self.out.append(mention)

    def handle_year_range(self, m: _DateMatch) -> None:
        y1, tail = int(m.group("y")), m.group("y2")
        y2 = int(str(y1)[:2] + tail) if len(tail) == 2 else int(tail)
        if not (y1 < y2 <= y1 + 99) or (len(tail) == 4 and not 1000 <= y2 <= 2099):
            if m.group("ydash") == "/":
                return
            self.handle_year_text(m.start(), m.start() + 4, y1)
            return
        first = DateMention(m.start(), m.start() + 4, m.group("y"), str(y1), "date", "year",
                            year_source="explicit", year=y1)
        second = DateMention(m.start("y2"), m.end(), tail, str(y2), "date", "year", year_source="explicit", year=y2)
        self.add_range(first, second)

    def handle_year(self, m: _DateMatch, sentence_start: int) -> None:
        start = m.start()
        before = self.text[max(sentence_start, start - 40):start]
        if PAGE_LIKE.search(before):
            return
        prev = WORD_BEFORE.search(before)
        after = self.text[m.end():m.end() + 3]
        year = int(m.group("y"))
        if prev:
            word = prev.group(1)
            lower = word.lower()
            governed = lower in YEAR_GOVERNORS or (lower == "from" and YEAR_AFTER.match(self.text, m.end())) or (
                lower == "to" and YEAR_BEFORE.search(self.text, max(0, start - 12), start))
            # "his unsuccessful 1996 campaign": a modern year after an ordinary lower-case word
            modifier = word.islower() and 1900 <= year <= 2039
            if not (governed or modifier):
                return
        elif not (after.startswith(("'s", "’s", ",", ".", ";", ":", ")")) or start == sentence_start):
            return
        mention = self.handle_year_text(start, m.end(), year)
        if BIRTH.search(before):
            mention.role = "birth"

    def handle_year_text(self, start: int, end: int, year: int) -> DateMention:
        mention = DateMention(start, end, self.text[start:end], str(year), "date", "year",
                              year_source="explicit", year=year)
        self.out.append(mention)
        return mention

    def handle_relative_unit(self, m: _DateMatch) -> None:
        rel, unit = m.group("rel").lower(), m.group("unit")
        mention = DateMention(m.start(), m.end(), m.group(0), None, "relative", "day", relative=True,
                              anchor="published")
        self.out.append(mention)
        pub = self.published
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "this": 0}[rel]
        if rel in ("previous", "following"):
            mention.anchor = "previous"
        if unit[0].isupper():
            if unit.startswith(tuple(WEEKDAY_NAMES)):
                mention.weekday = _weekday(unit)
                if pub and mention.anchor == "published":
                    gap = (mention.weekday - pub.weekday()) % 7
                    if shift < 0:
                        target = pub - dt.timedelta(days=(7 - gap) % 7 or 7)
                    elif shift > 0:
                        target = pub + dt.timedelta(days=gap or 7)
                    else:
                        target = pub + dt.timedelta(days=gap if gap <= 3 else gap - 7)
                    self.resolve(mention, target, "day")
                return
            month = _month(unit)
            mention.granularity, mention.month = "month", month
            if pub and mention.anchor == "published":
                year = pub.year + shift  # TimeML: "last February" is February of last year
                mention.year, mention.year_source = year, "published"
                mention.value = _month_value(year, month)
            return
        unit = "weekend" if unit == "weekend" else _unit(unit)
        mention.offset = (shift, unit)
        if pub and mention.anchor == "published":
            if unit == "weekend":
                target = _shift(pub, shift, "week")
                if target:
                    iso = target.isocalendar()
                    mention.value, mention.granularity = f"{iso[0]:04d}-W{iso[1]:02d}-WE", "week"
                return
            target = _shift(pub, shift, unit)
            if target:
                self.resolve(mention, target, unit)

    def handle_ago(self, m: _DateMatch) -> None:
        amount, unit = _number(m.group("n")), _unit(m.group("unit"))
        direction = m.group("dir").lower()
        sign = 1 if direction in ("later", "after", "from now") else -1
        anchor = "published" if direction in ("ago", "from now") else "previous"
        hedge = HEDGE_BEFORE.search(self.text, max(0, m.start() - 12), m.start())
        start = hedge.start() if hedge else m.start()
        mention = DateMention(start, m.end(), self.text[start:m.end()], None, "relative", unit, relative=True,
                              offset=(sign * amount, unit), anchor=anchor, hedged=bool(hedge))
        if direction in ("before", "after"):
            mention.anchor, mention.event_at = "event", m.end() + 1
        if anchor == "published" and self.published:
            target = _shift(self.published, sign * amount, unit)
            if target:
                self.resolve(mention, target, unit)
        self.out.append(mention)

    def handle_today(self, m: _DateMatch) -> None:
        word = m.group(0).lower()
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        mention = DateMention(m.start(), m.end(), m.group(0), None, "relative", "day", relative=True,
                              offset=(shift, "day"), anchor="published")
        if self.published:
            self.resolve(mention, self.published + dt.timedelta(days=shift), "day")
        self.out.append(mention)

    def handle_weekday(self, m: _DateMatch, sentence_start: int) -> None:
        weekday = _weekday(m.group(0))
        mention = DateMention(m.start(), m.end(), m.group(0), None, "relative", "day", relative=True,
                              weekday=weekday, anchor="published")
        pub = self.published
        if pub:
            gap = (weekday - pub.weekday()) % 7
            if gap and NEAR_FUTURE.search(self.text, max(sentence_start, m.start() - 60), m.start()):
                target = pub + dt.timedelta(days=gap)
            else:
                target = pub - dt.timedelta(days=(7 - gap) % 7)
            self.resolve(mention, target, "day")
        self.out.append(mention)

    @staticmethod
    def resolve(mention: DateMention, target: dt.date, unit: str) -> None:
        mention.value, mention.granularity = _value_at(target, unit)
        mention.year, mention.year_source = target.year, "published"
        if mention.granularity in ("day", "month"):
            mention.month = target.month
        if mention.granularity == "day":
            mention.day = target.day


def _sentence_bounds(doc: Document) -> tuple[list[int], list[int]]:
    sentences = doc.sentences
    return [s.start for s in sentences], [s.end for s in sentences]


def _tenses(text: str, out: list[DateMention], starts: list[int], ends: list[int]) -> None:
    """The tense of the clause around each day or month date."""
    for mention in out:
        if mention.granularity in ("day", "month") and mention.type == "date":
            s = bisect.bisect_right(starts, mention.start) - 1
            if s >= 0:
                mention.tense = _clause_tense(text, starts[s], mention.start, mention.end, ends[s])


def _fill_years(doc: Document, out: list[DateMention], starts: list[int], ends: list[int]) -> None:
    """Give each yearless month/day date the year that governs it, and its value."""
    published = doc.published
    last_full: DateMention | None = None
    for i, mention in enumerate(out):
        if mention.type != "date":
            continue
        if mention.year and mention.granularity in ("day", "month") and mention.year_source == "explicit":
            last_full = mention
            continue
        if mention.month is None and mention.granularity != "day":
            continue
        if mention.year is not None:
            continue
        s = bisect.bisect_right(starts, mention.start) - 1
        sentence = (starts[s], ends[s]) if s >= 0 else (mention.start, mention.end)
        governing = None
        if mention.range_with is not None and out[mention.range_with].year_source == "explicit":
            governing = out[mention.range_with]
        else:
            best = None
            for j in range(max(0, i - 6), min(len(out), i + 4)):
                other = out[j]
                if (other.year_source == "explicit" and other.year and other.granularity in ("day", "month")
                        and sentence[0] <= other.start < sentence[1]):
                    gap = abs(other.start - mention.start)
                    if best is None or gap < best[0]:
                        best = (gap, other)
            if best:
                governing = best[1]
            elif last_full is not None and doc.block_at(last_full.start) is doc.block_at(mention.start):
                governing = last_full
        if mention.month is None:  # "the 6th": the month of the nearest date of its sentence, else of the one before it
            sibling = _nearest_month_in_sentence(out, i, sentence)
            if governing is None and sibling is not None:
                mention.month = sibling.month
                if sibling.year_source == "explicit":
                    mention.year, mention.year_source = sibling.year, "context"
            source = governing or last_full
            if mention.month is not None:
                if mention.year is None and published:
                    mention.year = _infer_year(published, mention.month, mention.day, mention.tense, mention.weekday)
                    mention.year_source = "published"
                elif mention.year is None:
                    continue
            elif source is not None and source.month:
                mention.month = source.month
                mention.year = source.year
                mention.year_source = "context"
            elif published:
                mention.month, mention.year, mention.year_source = published.month, published.year, "published"
            else:
                continue
        elif governing is not None:
            mention.year, mention.year_source = governing.year, "context"
        elif published:
            mention.year = _infer_year(published, mention.month, mention.day, mention.tense, mention.weekday)
            mention.year_source = "published"
        else:
            continue
        if mention.granularity == "day":
            mention.valid = mention.day <= _days_in_month(mention.year, mention.month)
            mention.value = _day_value(mention.year, mention.month, mention.day) if mention.valid else None
        else:
            mention.value = _month_value(mention.year, mention.month)


def _nearest_month_in_sentence(out: list[DateMention], i: int, sentence: tuple[int, int]) -> DateMention | None:
    """The nearest date of the sentence (before or after) that names a month."""
    best = None
    for j in range(max(0, i - 6), min(len(out), i + 6)):
        other = out[j]
        if j != i and other.month and other.type == "date" and other.granularity == "day" \
                and sentence[0] <= other.start < sentence[1]:
            gap = abs(other.start - out[i].start)
            if best is None or gap < best[0]:
                best = (gap, other)
    return best[1] if best else None


def _link(doc: Document, out: list[DateMention], starts: list[int], ends: list[int]) -> None:
    """Ranges written as two dates, appositions, anchors and the tense of each clause."""
    text = doc.text
    previous_day: DateMention | None = None
    previous_year: int | None = None
    previous_index = -1
    for i, mention in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else None
        if (nxt is not None and mention.range_with is None and nxt.range_with is None
                and mention.granularity == nxt.granularity and mention.granularity in ("day", "year", "month")
                and mention.type == nxt.type == "date" and RANGE_GAP.fullmatch(text, mention.end, nxt.start)):
            before = text[max(0, mention.start - 9):mention.start].lower()
            if before.rstrip().endswith(("from", "between")) or "-" in text[mention.end:nxt.start] \
                    or "–" in text[mention.end:nxt.start]:
                mention.range_with, mention.range_role = i + 1, "start"
                nxt.range_with, nxt.range_role = i, "end"
        if mention.range_role == "end":
            _align_range_end(out[mention.range_with], mention)
        if mention.relative and mention.offset and nxt is not None and (
                nxt.type == "date" and not nxt.relative
                and (nxt.granularity == "day" or nxt.granularity == "year" and mention.offset[1] == "year"
                     and mention.anchor == "previous") or _bare_weekday(nxt)) \
                and (EVENT_GAP if mention.event_at is not None else APPOSITION_GAP).fullmatch(
                    text, mention.end, nxt.start):
            mention.apposition = i + 1  # "two days later, on 9 November"; "three days before the race, on Wednesday"
        elif mention.anchor == "event" and mention.offset and mention.apposition is None and i > 0 \
                and out[i - 1].granularity == "day" and out[i - 1].day_of_year and out[i - 1].type == "date" \
                and re.fullmatch(r",\s*", text[out[i - 1].end:mention.start]):
            mention.apposition = i - 1  # "on 1 July, 15 days after the ceremony": the relative date restates it
        if mention.anchor == "published" and mention.offset and mention.offset[1] in ("year", "decade") \
                and i > 0 and out[i - 1].type == "date" and out[i - 1].year_source == "explicit":
            before = out[i - 1]
            if AGO_YEAR_GAP.fullmatch(text, before.end, mention.start) or (
                    text[max(0, mention.start - 2):mention.start] == ", "
                    and doc.block_at(before.start) is doc.block_at(mention.start)
                    and bisect.bisect_right(starts, mention.start) - bisect.bisect_right(starts, before.start) <= 1):
                mention.apposition = i - 1
        if mention.type == "relative" and mention.anchor == "previous" and previous_day is not None \
                and previous_day.day_of_year and mention.offset and mention.value is None:
            anchor_date = previous_day.day_of_year
            if mention.range_with is None and previous_day.range_role == "start":
                anchor_date = out[previous_day.range_with].day_of_year or anchor_date
            target = _shift(anchor_date, *mention.offset)
            mention.anchor_index = previous_index
            if target and previous_day.year:
                mention.value, mention.granularity = _value_at(target, mention.offset[1])
        elif mention.type == "relative" and mention.anchor == "previous" and previous_year is not None \
                and mention.offset and mention.offset[1] in ("year", "decade", "century") and mention.value is None:
            target = _shift(dt.date(previous_year, 7, 1), *mention.offset)
            if target:
                mention.value, mention.granularity = _value_at(target, mention.offset[1])
        if mention.year and mention.type == "date" and mention.granularity in ("day", "month", "year"):
            previous_year = mention.year
        if mention.type == "date" and mention.granularity == "day" and not mention.relative and mention.day_of_year:
            if not any(j == i for j in (out[k].apposition for k in range(max(0, i - 1), i))):
                previous_day, previous_index = mention, i


def _bare_weekday(mention: DateMention) -> bool:
    """A weekday written alone ("on Wednesday"), which the text dates only by its neighbours."""
    return mention.type == "relative" and mention.weekday is not None and mention.text in WEEKDAY_NAMES


def _align_range_end(start: DateMention, end: DateMention) -> None:
    """A yearless range end takes its start's year, or the next one when the range crosses New Year
    ("from 1 July to 31 December", "from 20 December to 6 January")."""
    if end.year_source not in ("published", None) or not start.year or end.granularity != "day" or not end.month:
        return
    year = start.year
    if start.month and end.month < start.month:
        year += 1
    end.year, end.year_source = year, "context"
    end.valid = end.day <= _days_in_month(year, end.month)
    end.value = _day_value(year, end.month, end.day) if end.valid else None


# Verbs that carry out the event named as their object, so that their tense is the event's.
PERFORMING = frozenset(stem(w) for w in "hold run stage host conduct complete finish play win lose begin start open "
                                         "launch".split())
CLAUSE_BREAK = re.compile(r"[;:—()]|,\s+(?:but|while|whereas|and|after|before|when|as|although)\b|\bthat\b")
PARENTHETICAL = re.compile(r",\s+(?:which|who|whose|where)\b[^,;]*,")
CLAUSE_WINDOW = 400
PRESENT_OR_PERFECT = re.compile(r"\b(?:is|are|be|being|been|has|have|opens|closes|runs|starts|ends)\b")


def _clause_tense(text: str, sentence_start: int, date_start: int, date_end: int, sentence_end: int) -> str | None:
    """The tense of the clause that leads up to a date ("will meet on 3 March"), or of the clause that
    follows a date that opens its sentence ("On 3 March, the board met"). Only the last
    CLAUSE_WINDOW characters before the date are read, which keeps a run-on "sentence" of
    thousands of dates linear."""
    sentence_start = max(sentence_start, date_start - CLAUSE_WINDOW)
    left = PARENTHETICAL.sub(",", text[sentence_start:date_start])
    breaks = list(CLAUSE_BREAK.finditer(left))
    clause = left = left[breaks[-1].end():] if breaks else left
    if len(clause.split()) <= 2:
        right = PARENTHETICAL.sub(",", text[date_end:min(sentence_end, date_end + 100)]).lstrip(" ,")
        cut = CLAUSE_BREAK.search(right)
        clause = right[:cut.start()] if cut else right
    if '"' in clause or "“" in clause or "”" in clause:
        return None
    future = None
    for future in FUTURE_MARKERS.finditer(clause):
        pass
    if future is not None:
        # "will publish the audit it received on 3 March", "will review the rules adopted on 3 March":
        # the date belongs to the nearer past verb
        if SUBJECT_PAST.search(clause, future.end()) or PAST_RIGHT_BEFORE.search(clause, future.end()):
            return "past"
        return "future"
    if PRESENT_OR_PERFECT.search(clause) or IRREALIS.search(text, sentence_start, date_start):
        return None
    verb = None
    for verb in PAST_VERB.finditer(clause):
        pass
    if verb is None:
        return None
    if clause is not left:  # "On 3 March, the board met": the date opens the clause
        return "past"
    # "passed the budget on 12 December" dates the verb; "called a vote on 8 June" dates the vote,
    # and "had tickets to leave on 4 March" the leaving
    between = clause[verb.end():]
    if not between.rstrip().endswith((" on", ",")):
        return None
    if DATES_SOMETHING_ELSE.search(between) and stem(verb.group(0)) not in PERFORMING:
        return None  # "called a vote on 8 June" dates the vote; "ran a trial on 8 June" dates it as done
    return "past"


def analyze_dates(doc: Document) -> DateList:
    """Every date expression in ``doc.text``, in order of position."""
    builder = _Builder(doc)
    starts, ends = _sentence_bounds(doc)
    text = doc.text
    for block in doc.blocks:
        done = block.start
        for key in START.finditer(text, block.start, block.end):
            if key.start() < done:
                continue
            m = DATE_PATTERN.match(text, key.start(), block.end)
            if m is None:
                continue
            done = m.end()
            s = bisect.bisect_right(starts, m.start()) - 1
            builder.handle(_DateMatch(m), starts[s] if s >= 0 else block.start)
    out = builder.out
    _tenses(text, out, starts, ends)
    _fill_years(doc, out, starts, ends)
    _link(doc, out, starts, ends)
    result = DateList(out)
    from factlint.analysis.elapsed import find_spans

    from factlint.analysis.intervals import find_lengths

    result.spans = find_spans(doc, out)
    result.lengths = find_lengths(doc, out)
    return result
