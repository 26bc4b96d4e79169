"""dateparser as an oracle for the date analyser's own normaliser.

The analyser normalises the spans its patterns match with its own month and
weekday tables (fast, and never guessing). Here dateparser, run on exactly those
matched spans with the publication date as its base, must agree on every
absolute date written in any supported style.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.analysis.dates import analyze_dates
from factlint.readers import read
from factlint.source import decode

dateparser = pytest.importorskip("dateparser")

PUBLISHED = dt.date(2025, 11, 7)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
STYLES = [
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3]}. {d.day}, {d.year}" if d.month != 5 else f"May {d.day}, {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.strftime('%A')}, {d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.strftime('%A')}, {MONTHS[d.month - 1]} {d.day}, {d.year}",
]


def oracle(span: str) -> dt.date | None:
    parsed = dateparser.parse(span, languages=["en"], settings={"RELATIVE_BASE": dt.datetime(2025, 11, 7),
                                                                 "STRICT_PARSING": True})
    return parsed.date() if parsed else None


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2040, 12, 31)), st.sampled_from(STYLES))
def test_analyser_and_dateparser_agree_on_matched_spans(day, style):
    written = style(day)
    doc = read(decode("a.txt", f"The agreement was signed on {written} in Geneva.".encode()), PUBLISHED)
    found = [d for d in analyze_dates(doc) if d.value and len(d.value) == 10]
    assert found, written
    span = doc.text[found[0].start:found[0].end]
    assert found[0].value == day.isoformat()
    assert oracle(span) == day, span
