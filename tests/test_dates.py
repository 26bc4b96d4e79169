"""The date analyser: what it finds, how it normalises, what it must never take for a date."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.analysis.dates import MONTH_NAMES, WEEKDAY_NAMES, analyze_dates
from factlint.analysis.report import analysis_json
from factlint.readers import read
from factlint.source import decode

PUBLISHED = dt.date(2025, 11, 7)


def doc_of(text: str, published: dt.date | None = PUBLISHED, name: str = "a.txt"):
    return read(decode(name, text.encode("utf-8")), published)


def dates(text: str, published: dt.date | None = PUBLISHED):
    return [(d.text, d.value) for d in analyze_dates(doc_of(text, published))]


@pytest.mark.parametrize("text, expected", [
    ("It met on November 6, 2025.", [("November 6, 2025", "2025-11-06")]),
    ("It met on 6 November 2025.", [("6 November 2025", "2025-11-06")]),
    ("It met on Nov. 6.", [("Nov. 6", "2025-11-06")]),
    ("It met on the 6th of November.", [("the 6th of November", "2025-11-06")]),
    ("It met on 2025-11-06.", [("2025-11-06", "2025-11-06")]),
    ("It met on 11/06/2025.", [("11/06/2025", "2025-11-06")]),
    ("It met on Thursday, 6 November.", [("Thursday, 6 November", "2025-11-06")]),
    ("It opened in November 2027.", [("November 2027", "2027-11")]),
    ("It opened in 2023.", [("2023", "2023")]),
    ("Prices rose in mid-March.", [("mid-March", "2025-03")]),
    ("Prices rose in early 2024.", [("early 2024", "2024")]),
    ("Trade grew in the 1990s.", [("the 1990s", "199")]),
    ("It ends in the first quarter of 2025.", [("the first quarter of 2025", "2025-Q1")]),
    ("It ends in summer 2025.", [("summer 2025", "2025-SU")]),
    ("It runs 5–7 November.", [("5", "2025-11-05"), ("7 November", "2025-11-07")]),
    ("It will run between March 3 and 5.", [("March 3", "2026-03-03"), ("5", "2026-03-05")]),
    ("The 2024–25 season.", [("2024", "2024"), ("25", "2025")]),
    ("They met yesterday.", [("yesterday", "2025-11-06")]),
    ("They met last Tuesday.", [("last Tuesday", "2025-11-04")]),
    ("They meet next week.", [("next week", "2025-W46")]),
    ("It happened 40 years ago.", [("40 years ago", "1985")]),
    ("It is busy now.", [("now", "PRESENT_REF")]),
])
def test_normalises_common_forms(text, expected):
    assert dates(text) == expected


def test_relative_to_the_previous_date():
    found = analyze_dates(doc_of("The strike began on 6 November. Two days later, on 8 November, talks resumed."))
    later = found[1]
    assert later.text == "Two days later" and later.value == "2025-11-08" and later.apposition == 2


def test_year_comes_from_the_sentence_before_the_publication_date():
    found = analyze_dates(doc_of("The plan, adopted on 3 March 2019, was revised on 5 March."))
    assert [(d.value, d.year_source) for d in found] == [("2019-03-03", "explicit"), ("2019-03-05", "context")]


def test_yearless_date_without_publication_has_unknown_year():
    assert dates("It met on November 6.", None) == [("November 6", "XXXX-11-06")]


@pytest.mark.parametrize("text", [
    "It cost $66 billion.", "We may march in protest.", "March on, they said.", "Revenue reached 100M.",
    "The score was 73 20 at half-time.", "It came second of 629 entries.", "Order number 6005 shipped.",
    "They won 3-1 on the night.", "The train leaves at 7:30.", "A man aged 45 was hurt.", "See page 2019 of the report.",
    "Theresa May said no.", "About 2000 people marched.", "Flight 1984 landed.",
])
def test_non_dates_are_never_dates(text):
    assert dates(text) == []


def test_dateparser_false_positives_stay_out():
    """dateparser reads each of these as a date; the analyser, which never runs it on prose, must not."""
    dateparser = pytest.importorskip("dateparser")
    pinned = ["We", "may", "$66", "100M", "6005", "73 20"]
    assert all(dateparser.parse(s, languages=["en"]) is not None for s in ["may", "6005"])
    for text in pinned:
        assert dates(f"The figure was {text} in all.") == []


def test_json_offsets_point_into_the_source():
    text = "---\ntitle: T\ndate: 2025-11-07\n---\n\nThe summit opened on **6 November**.\n"
    doc = doc_of(text, None, "a.md")
    data = json.loads(analysis_json(doc))
    [item] = data["dates"]
    assert text[item["start"]:item["end"]] == "6 November" and item["value"] == "2025-11-06"
    assert {"start", "end", "text", "value", "type", "granularity", "relative", "year_source"} <= item.keys()


# --- properties ---------------------------------------------------------------------------

def _styles(day: dt.date) -> list[str]:
    month, weekday = MONTH_NAMES[day.month - 1], WEEKDAY_NAMES[day.weekday()]
    return [f"{month} {day.day}, {day.year}", f"{day.day} {month} {day.year}", f"{month[:3] + '.' if len(month) > 3 else month} {day.day}, {day.year}",
            f"{weekday}, {day.day} {month} {day.year}", f"{weekday}, {month} {day.day}, {day.year}",
            f"the {day.day}th of {month} {day.year}", day.isoformat(), f"{day.day:02d}.{day.month:02d}.{day.year}"]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(0, 7))
def test_any_supported_style_parses_back_to_itself(day, style):
    text = _styles(day)[style]
    found = analyze_dates(doc_of(f"The board met on {text} to vote.", None))
    assert [(d.text, d.value) for d in found] == [(text, day.isoformat())]
    assert found[0].weekday in (None, day.weekday())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 -–/.,'’:aeMmJjNnOoyYtThH\nFSsWw$%") +
                                ["May ", "March ", "the ", "on ", "in ", "2025", "Monday ", "last ", "ago", " days",
                                 "eve of ", "from ", " to ", "born in ", "summit ", "was held ", "later, "]),
                max_size=120).map("".join))
def test_no_exception_and_positions_inside_the_text(text):
    doc = doc_of(text)
    found = analyze_dates(doc)
    for d in found:
        assert 0 <= d.start < d.end <= len(doc.text)
        assert doc.text[d.start:d.end] == d.text
    assert [(d.start, d.value) for d in analyze_dates(doc_of(text))] == [(d.start, d.value) for d in found]
    doc.events  # the event analysis must not fail either


def test_long_hostile_input_is_fast():
    import time

    text = ("1 2 3 " * 3000) + ("May May the the " * 2000) + ("on the 6th " * 1000)
    start = time.process_time()
    analyze_dates(doc_of(text))
    assert time.process_time() - start < 2.0


@pytest.mark.parametrize("sentence", [
    "In March 2019 the ferry broke down. The day before the crew sailed, a pump had failed.",
    "The ferry broke down in the summer of 2019. The night before the crew sailed, a pump had failed.",
    "The ferry broke down on 3 March 2019. The crew had checked the pumps the day before the storm.",
])
def test_a_day_placed_only_by_the_story_reports_its_year(sentence):
    doc = doc_of(sentence)
    relative = [d for d in doc.dates if d.type == "relative"]
    assert relative and all(d.value is None or d.value.startswith("2019") for d in relative)  # checks compare no guess
    reported = [d["value"] for d in json.loads(analysis_json(doc))["dates"] if d["type"] == "relative"]
    assert all(v is not None and v.startswith("2019-") for v in reported)
