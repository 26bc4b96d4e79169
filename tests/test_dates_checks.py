"""D101–D106: a positive and a negative case for each check, in sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import FIXTURES, codes, lint_text


def findings(text: str, code: str, published: dt.date | None = None, name: str = "article.txt"):
    result = lint_text(text, name=name, select=[code], published=published)
    return [f for f in result.findings if f.code == code]


# --- D101 date-conflict ----------------------------------------------------------------

def test_d101_fixture_flags_the_less_supported_mention():
    text = (FIXTURES / "dates" / "harbour-summit-conflict.md").read_text(encoding="utf-8")
    found = findings(text, "D101", name="article.md")
    assert len(found) == 1
    finding = found[0]
    assert finding.line == 12  # "On 2 September": 11 September and the publication date back 12 September
    assert [r.line for r in finding.related] == [6]
    assert "12 September" in finding.message and "2 September" in finding.message
    assert finding.suggestion == "12 September"


def test_d101_clean_fixture_is_silent():
    text = (FIXTURES / "dates" / "harbour-summit-clean.md").read_text(encoding="utf-8")
    assert codes(lint_text(text, name="article.md", select=["D"])) == []


def test_d101_repeated_meetings_are_not_one_event():
    text = "The board met on 4 May and met again on 14 May to approve the dividend.\n"
    assert findings(text, "D101", dt.date(2025, 5, 20)) == []


def test_d101_same_event_two_dates_in_plain_text():
    text = ("On March 14, Oslo hosted the fisheries summit.\n\n"
            "On March 4, the fisheries summit was held in Oslo with six ministers.\n")
    assert len(findings(text, "D101")) == 1


@pytest.mark.parametrize("second", [
    "On March 4, the previous fisheries summit was held in Oslo.",  # "previous" tells them apart
    "On March 4, the fisheries summit was held in Bergen.",  # another place
    "On March 24, the fisheries summit will meet again in Oslo.",  # a future occasion, and not one slip apart
    "On June 2, the fisheries summit was held in Oslo.",  # not a plausible slip of March 14
    "Speaking at the conference on March 4, the minister warned of quotas.",  # may be another gathering
])
def test_d101_passes_mentions_that_differ(second):
    text = f"On March 14, Oslo hosted the fisheries summit.\n\n{second}\n"
    assert findings(text, "D101") == []


# --- D102 weekday-mismatch -------------------------------------------------------------

def test_d102_weekday_against_explicit_year():
    found = findings("The vote was held on Wednesday, 6 November 2025.", "D102")
    assert len(found) == 1
    assert "6 November 2025 is a Thursday, not a Wednesday" in found[0].message
    assert found[0].suggestion == "Thursday, 6 November 2025"


def test_d102_year_from_publication_date():
    assert len(findings("The ferry sailed on Friday 29 May.", "D102", dt.date(2025, 6, 2))) == 1


@pytest.mark.parametrize("text, published", [
    ("The vote was held on Thursday, 6 November 2025.", None),
    ("The ferry sailed on Friday 29 May.", None),  # no year anywhere: silent
    ("The ferry sailed on Friday. On 29 May the port closed.", dt.date(2025, 6, 2)),  # not attached
])
def test_d102_passes(text, published):
    assert findings(text, "D102", published) == []


# --- D103 impossible-date --------------------------------------------------------------

@pytest.mark.parametrize("text", ["Bids are due by 31 April.", "The fair opens on June 31.",
                                  "The levy started on February 29, 2023.", "It ended on 30 February."])
def test_d103_fires(text):
    assert len(findings(text, "D103")) == 1


@pytest.mark.parametrize("text", ["Bids are due by 30 April.", "The levy started on February 29, 2024.",
                                  "The levy started on 29 February."])
def test_d103_passes(text):
    assert findings(text, "D103") == []


# --- D104 tense-mismatch ---------------------------------------------------------------

def test_d104_future_tense_for_a_past_date():
    found = findings("The council will publish its audit on 3 March.", "D104", dt.date(2025, 3, 10))
    assert len(found) == 1 and "future tense" in found[0].message


def test_d104_past_tense_for_a_future_date():
    found = findings("The assembly approved the plan on 20 March.", "D104", dt.date(2025, 3, 10))
    assert len(found) == 1 and "past tense" in found[0].message


@pytest.mark.parametrize("text", ["The council published its audit on 3 March.",
                                  "The council will publish its audit on 13 March.",
                                  "The council says it will publish the audit it received on 3 March.",
                                  "He said on 3 March that he will resign.",
                                  "On 3 March, the minister announced that the plant will close.",
                                  "Officials will review the rules adopted on 3 March.",
                                  "The bank said it would cut rates on 20 March.",
                                  '"The board has met. We will decide on 3 March. Nothing is sure," she said.'])
def test_d104_passes(text):
    assert findings(text, "D104", dt.date(2025, 3, 10)) == []


def test_d104_needs_the_publication_date():
    assert findings("The council will publish its audit on 3 March.", "D104") == []


# --- D105 elapsed-time-mismatch --------------------------------------------------------

def test_d105_years_ago():
    found = findings("The bridge opened in 1981, 30 years ago.", "D105", dt.date(2025, 5, 1))
    assert len(found) == 1 and "44 years, not 30" in found[0].message


def test_d105_age_and_birth_year():
    found = findings("Marta Kowal, 51, an engineer born in 1960, leads the team.", "D105", dt.date(2025, 5, 1))
    assert len(found) == 1 and "64 or 65" in found[0].message


@pytest.mark.parametrize("text", ["The bridge opened in 1981, 44 years ago.",
                                  "The bridge opened in 1981, more than 40 years ago.",
                                  "Marta Kowal, 64, an engineer born in 1960, leads the team.",
                                  "Marta Kowal, 45, whose father was born in 1950, leads the team.",
                                  "The bridge opened in 1981. Ten years ago it was widened."])
def test_d105_passes(text):
    assert findings(text, "D105", dt.date(2025, 5, 1)) == []


def test_d105_needs_the_publication_date():
    assert findings("The bridge opened in 1981, 30 years ago.", "D105") == []


# --- D106 date-arithmetic --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The museum is closed from 12 to 5 March.",
    "The road was shut for six weeks, from 2 June to 23 June.",
    "The strike began on 6 November. Two days later, on 9 November, talks resumed.",
    "The summit opened on 6 November. On the eve of the summit, on 3 November, aides met.",
])
def test_d106_fires(text):
    assert len(findings(text, "D106")) == 1


@pytest.mark.parametrize("text", [
    "The museum is closed from 5 to 12 March.",
    "The road was shut for three weeks, from 28 July to 18 August.",
    "The strike began on 6 November. Two days later, on 8 November, talks resumed.",
    "The forum opened on 6 November. Aides met on the eve of the forum, on 5 November.",
    "The strike began on 6 November. About two days later, on 9 November, talks resumed.",
])
def test_d106_passes(text):
    assert findings(text, "D106") == []


# --- forms added for coverage -------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("The vote was on March 3, 2025, a Tuesday.", "D102"),
    ("The vote was on 3 March 2025 (Tuesday).", "D102"),
    ("The strike began on 6 November. The day after, on 8 November, talks resumed.", "D106"),
    ("The 10-day festival runs from 5 to 9 May.", "D106"),
    ("The plant opened in 2003. Ten years later, in 2015, it was sold.", "D106"),
    ("On 13 June, the ministers signed the deal in Baku.\n\nThe signing ceremony on 3 June was brief.", "D101"),
])
def test_more_forms_fire(text, code):
    assert len(findings(text, code)) == 1


def test_d105_anniversary():
    published = dt.date(2025, 6, 20)
    found = findings("The city marks the 50th anniversary of the 1976 flood this week.", "D105", published)
    assert len(found) == 1 and "49 years" in found[0].message
    assert findings("The city marks the 50th anniversary of the 1975 flood this week.", "D105", published) == []


def test_d105_turned_and_born():
    published = dt.date(2023, 6, 15)
    assert len(findings("Anna Berg, who turned 60 last month, was born in 1955.", "D105", published)) == 1
    assert findings("Anna Berg, who turned 68 last month, was born in 1955.", "D105", published) == []
    assert findings("The plant opened in 2003. Twelve years later, in 2015, it was sold.", "D106") == []


# --- robustness -----------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = ["On ", "the ", "summit ", "was held ", "in Oslo ", "6 November", "Thursday, ", "2025", ", ",
          "Two days later, ", "on the eve of the summit, ", "from 12 to 5 March", "aged 45, ", "born in 1960",
          "40 years ago", "will ", "signed ", "a meeting ", ". ", "\n\n", "31 April", "February 29", "previous "]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.booleans())
def test_checks_never_fail_on_any_text(text, with_date):
    result = lint_text(text, select=["D"], published=dt.date(2025, 11, 7) if with_date else None)
    assert result.complete and result.error is None, result.warnings
    for finding in result.findings:
        assert finding.code.startswith("D") and finding.line >= 1


def test_d101_an_event_named_with_a_capitalised_head_noun():
    text = ("On 3 June 2025, Oslo hosted the Nordic Energy Forum with ministers from five countries.\n"
            "On 3 July 2025, the Nordic Energy Forum was held in Oslo with delegations from the region.\n"
            "On the eve of the forum, on 2 June, the ministers signed a grid agreement.\n")
    found = findings(text, "D101", dt.date(2025, 6, 10))
    assert len(found) == 1 and found[0].line == 2 and found[0].related[0].line == 1


def test_d101_a_capitalised_name_that_goes_on_is_not_an_event():
    text = ("The Summit Street office opened on 3 June 2025.\nThe Summit Street office closed on 3 July 2025.\n")
    assert findings(text, "D101", dt.date(2025, 8, 1)) == []


def test_d105_an_anniversary_year_still_ahead_is_not_its_origin():
    text = "They hope to finish by the 2000 Olympics and the 100th anniversary of the federation.\n"
    assert findings(text, "D105", dt.date(1998, 2, 13)) == []


def test_d106_stays_linear_on_a_long_article():
    import time

    text = (FIXTURES / "summit-translation.txt").read_text(encoding="utf-8").rstrip("\n")
    long = "\n".join([text] * 300) + "\n"
    started = time.perf_counter()
    lint_text(long, select=["D106"], published=dt.date(2025, 5, 20))
    assert time.perf_counter() - started < 5


def test_a_lead_event_without_a_calendar_day_is_no_base_for_days_later():
    """A lead event whose date cannot be placed (no year, no publication date) is skipped, not added to."""
    result = lint_text("Two days later, On 6 November. on the eve of the summit, Two days later, 6 November",
                       select=["D106"])
    assert result.complete, result.warnings
