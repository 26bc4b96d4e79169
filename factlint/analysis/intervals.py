"""Stated lengths between two dates of one sentence.

A length ("a week", "14-day", "for three months", "five-day") measures the interval
between two day dates when the sentence ties it to both: the later date is marked as the
end (it closes a range, or "to", "until", "through" or a verb of ending such as "ends",
"expires", "reopening" comes right before it) and the earlier one as the start (it opens
the range, or "from", "starting", "since" comes before it, or a verb of moving a date,
"pushed back", "postponed", "brought forward", stands between it and the length, which is
then the shift). Nothing else is read as an interval: "a week after the vote" is a
relative date, "two days a week" a frequency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factlint.analysis.lexicon import ending_stems, stem, stem_set, word_ends

if TYPE_CHECKING:
    from factlint.analysis.dates import DateMention
    from factlint.document import Document

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30}
_END_WORDS = frozenset("to until till through thru".split())
_START_WORDS = frozenset("from starting beginning since".split())
# Verbs that move a date: the length between the old date and the new one is the shift.
_SHIFT = "push put move delay postpone bring brought defer reschedule shift advance extend"


def _shift_stems() -> frozenset[str]:
    return stem_set(_SHIFT)


def _end_stems() -> frozenset[str]:
    return ending_stems() | stem_set("reopen resume return")


@dataclass(frozen=True, slots=True)
class Length:
    """``amount`` ``unit``s stated for the interval from date ``first`` to date ``last`` (indexes in doc.dates)."""

    start: int
    end: int
    text: str
    amount: int
    unit: str  # day | week | fortnight | month
    first: int
    last: int


@cache
def _pattern() -> re.Pattern:
    words = "|".join(sorted(NUMBERS, key=len, reverse=True))
    return re.compile(rf"\b(?P<n>[1-9][0-9]{{0,2}}|(?i:{words}))[\s-](?P<unit>days?|weeks?|fortnights?|months?)\b"
                      r"(?!-)", re.IGNORECASE)


AFTER_LENGTH = re.compile(r"\s+(?:after|before|later|earlier|ago|from\s+now|a\s|per\b|each\b|every\b|of\s+the\b)",
                          re.IGNORECASE)
HEDGE = re.compile(r"\b(?:about|nearly|almost|some|over|more\s+than|less\s+than|around|roughly|at\s+least|up\s+to"
                   r"|under|within|another|further|extra|first|last|next|past)\s+$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _day(d: DateMention) -> bool:
    return d.granularity == "day" and d.day_of_year is not None and d.type == "date"


def find_lengths(doc: Document, dates: list[DateMention]) -> list[Length]:
    text = doc.text
    days = [i for i, d in enumerate(dates) if _day(d)]
    if len(days) < 2:
        return []
    out = []
    pattern = _pattern()
    lower = text.lower()
    for block in doc.blocks:
        for end in word_ends(lower, ("day", "week", "fortnight", "month"), block.start, block.end):
            m = next((m for m in pattern.finditer(text, max(block.start, end - 22), end) if m.end() == end), None)
            if m is None:
                continue
            sentence = doc.sentence_at(m.start())
            if sentence is None or AFTER_LENGTH.match(text, m.end()) \
                    or HEDGE.search(text, max(sentence.start, m.start() - 14), m.start()):
                continue
            in_sentence = [i for i in days if sentence.start <= dates[i].start < sentence.end]
            found = _bind(text, dates, in_sentence, m)
            if found:
                unit = m.group("unit").lower().rstrip("s")
                out.append(Length(m.start(), m.end(), m.group(0), NUMBERS.get(m.group("n").lower()) or int(m.group("n")),
                                  unit, *found))
    return out


def _words(text: str, start: int, end: int) -> list[str]:
    return [w.lower() for w in WORD.findall(text, start, end)]


def _is_end(text: str, dates: list, i: int, after: int) -> bool:
    """The date closes the interval: a range end, or an end word among the few words before it."""
    if dates[i].range_role == "end":
        return True
    words = _words(text, after, dates[i].start)[-4:]
    return any(w in _END_WORDS or stem(w) in _end_stems() for w in words)


def _bind(text: str, dates: list, in_sentence: list[int], m: re.Match) -> tuple[int, int] | None:
    after = [i for i in in_sentence if dates[i].start >= m.end()]
    before = [i for i in in_sentence if dates[i].end <= m.start()]
    if not after:
        return None
    nxt = after[0]
    # the length before a range or before "from D1, ... D2"
    if dates[nxt].range_role == "start" and len(_words(text, m.end(), dates[nxt].start)) <= 5:
        return nxt, dates[nxt].range_with
    gap_words = _words(text, m.end(), dates[nxt].start)
    if gap_words and gap_words[-1] in _START_WORDS and len(gap_words) <= 3 and len(after) > 1 \
            and _is_end(text, dates, after[1], dates[nxt].end) and len(_words(text, dates[nxt].end, dates[after[1]].start)) <= 5:
        return nxt, after[1]
    # the length between the two dates: D1 ... (from | a shift) ... length ... (to | an end) D2
    if not before or not _is_end(text, dates, nxt, m.end()) or len(gap_words) > 5:
        return None
    first = before[-1]
    between = _words(text, dates[first].end, m.start())
    if len(between) > 6 or not any(w in _START_WORDS or stem(w) in _shift_stems() for w in between):
        return None
    return first, nxt
