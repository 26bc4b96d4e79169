"""One event told twice in different words: D101 links the mentions by the head's concept and structure.

Each property composes a first and a later mention of one event from independent families of
wordings (verb or noun, a determiner or a possessor, a participle clause, an attributive date, a
date as the noun's complement) and asserts that two different dates are one finding while the same
date twice is none. The sentences are the team's own; none comes from the cases.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import lint_text

PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PUBLISHED = dt.date(2025, 6, 13)
HELD = dt.date(2025, 6, 3)

# first mention, later mention: every pair names one event
FAMILIES = {
    "vote": (["Voters went to the polls on {d}.", "The council voted on {d} to close the pool.",
              "Turnout in the {d} election was low.", "The referendum took place on {d}."],
             ["The poll, held on {d}, drew record numbers.", "Officials counted ballots after the vote on {d}.",
              "The mayor's {d} ballot ended in a tie.", "Observers praised the election of {d}."]),
    "dismissal": (["The club sacked its manager on {d}.", "The board dismissed the coach on {d}."],
                  ["His dismissal on {d} surprised the players.", "Fans protested after the sacking on {d}.",
                   "The {d} dismissal of the coach divided fans."]),
    "opening": (["The museum opened on {d}.", "The museum was opened by the mayor on {d}."],
                ["Since its {d} opening, the museum has drawn crowds.", "Crowds queued at the opening on {d}.",
                 "The {d} opening of the museum drew crowds."]),
    "resignation": (["The minister resigned on {d}."],
                    ["Her resignation on {d} ended a long row.",
                     "The {d} resignation of the minister shocked her party."]),
}
PAIRS = [(first, later) for firsts, laters in FAMILIES.values() for first in firsts for later in laters]


def day(date: dt.date, style: int) -> str:
    month = date.strftime("%B")
    return f"{date.day} {month}" if style == 0 else f"{month} {date.day}"


def conflicts(text: str, published: dt.date = PUBLISHED) -> list:
    return [f for f in lint_text(text, name="a.txt", select=["D101"], published=published).findings]


def article(first: str, later: str, a: str, b: str) -> str:
    return f"{first.format(d=a)}\n\nThe town spoke of little else. {later.format(d=b)}\n"


@PROPERTY
@given(st.sampled_from(PAIRS), st.sampled_from([1, 7]), st.sampled_from([0, 1]))
def test_one_event_in_two_wordings_with_two_dates_is_one_finding(pair, shift, style):
    first, later = pair
    moved = HELD + dt.timedelta(days=shift)
    text = article(first, later, day(HELD, style), day(moved, 1 - style))
    found = conflicts(text)
    assert len(found) == 1, text
    assert found[0].related, "the other mention is pointed at"
    assert conflicts(article(first, later, day(HELD, style), day(HELD, 1 - style))) == []


@PROPERTY
@given(st.sampled_from(["The bridge opened in {y} to great fanfare.", "The bridge was opened in {y}."]),
       st.sampled_from(["Since its {y} opening, it has carried a million cars.",
                        "The {y} opening of the bridge drew crowds."]),
       st.integers(1950, 2000), st.sampled_from([-2, 0, 3]))
def test_a_beginning_dated_two_years_in_noun_and_verb_form(first, later, year, error):
    text = f"{first.format(y=year)}\n\n{later.format(y=year + error)}\n"
    assert len(conflicts(text)) == (1 if error else 0), text


@pytest.mark.parametrize("later", [
    "The previous poll, on 9 June, was closer.",  # another occurrence, marked
    "Voters in Leeds went to the polls on 9 June.",  # another place
    "The mayor commented on the vote on 9 June.",  # the date of the comment, not of the vote
    "The next vote will take place on 19 June.",  # one to come
])
def test_mentions_kept_apart_on_evidence(later):
    text = f"Voters in York went to the polls on 3 June.\n\n{later}\n"
    assert conflicts(text) == [], text


def test_the_message_agrees_with_a_plural_event_noun():
    text = "Delegates opened the peace talks in Geneva on 14 March.\n\nThe talks, which opened on 4 March in Geneva, " \
           "are expected to last a week.\n"
    found = conflicts(text, dt.date(2025, 3, 20))
    assert len(found) == 1 and found[0].message.startswith("The talks are dated")
    text = "The council voted on 13 March to close the pool.\n\nThe 14 March vote followed a long campaign.\n"
    found = conflicts(text, dt.date(2025, 3, 20))
    assert len(found) == 1 and found[0].message.startswith("The vote is dated")


# --- the other date checks in the phrasings the issue names ---------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The trial ran on 28 June.", ["D104"]),  # a date still to come told as done
    ("The board will meet on 3 June.", ["D104"]),  # a past date told as to come
    ("Voters will vote in the 3 June referendum.", ["D104"]),  # the date inside the verb's object event
    ("The bridge is set to open on 3 June.", ["D104"]),
    ("The barge sat in the dock until 28 June.", []),  # a state told as lasting, not an event done
    ("The bridge will open on 1 July next year.", []),
    ("The race was held on Sunday 8 June. The day after the race, on Tuesday 10 June, riders rested.", ["D106"]),
    ("The race was held on Sunday 8 June. The day after the race, on Monday 9 June, riders rested.", []),
    ("The final is on 20 June. Tickets went on sale on 10 June, five days ahead of the final.", ["D106"]),
    ("Voting runs for a 14-day window from 3 June to 24 June.", ["D106"]),
    ("The five-day festival runs from 7 to 13 July.", ["D106"]),
    ("The plant closed on 2 May. Three weeks later, on 30 May, it reopened.", ["D106"]),
    ("The vote took place last Friday, June 5.", ["D102"]),  # 5 June 2025 is a Thursday
    ("The vote is on Monday (June 17).", ["D102"]),
    ("The vote is on Monday (June 16).", []),
    ("The museum opened in 1990, twenty-seven years ago.", ["D105"]),
    ("The museum opened in 1990, thirty-five years ago.", []),
    ("Born in 1950, the singer died on 2 June aged 79.", ["D105"]),
    ("Born in 1950, the singer died on 2 June aged 74.", []),
    ("It is 62 years since the gale of 1953.", ["D105"]),
    ("The club, founded in 1930, celebrates its centenary this year.", ["D105"]),
    ("The fair ends on Sept. 31.", ["D103"]),
    ("The fair ends on the 29th of February.", ["D103"]),
])
def test_each_date_check_in_the_phrasings_of_the_issue(text, expected):
    found = lint_text(text, name="a.txt", select=["D"], published=PUBLISHED).findings
    assert sorted({f.code for f in found}) == expected, [f.message for f in found]


# --- a day numbered within an event --------------------------------------------------------------

NUMBERED_LATER = ["The {e} entered its {n} day on {d}.", "On {d}, the {e} went into a {n} day.",
                  "The {e} reached its {n} day on {d}."]
NUMBERED_FIRST = ["Stalls closed early on {d}, the {n} day of the {e}.", "{d} was the {n} day of the {e}."]
ORDINALS = ["first", "second", "third", "fourth", "fifth"]


@PROPERTY
@given(st.sampled_from(NUMBERED_FIRST), st.sampled_from(NUMBERED_LATER), st.sampled_from(["strike", "trial", "protest"]),
       st.integers(0, 1), st.integers(2, 4), st.sampled_from([-1, 0, 1]))
def test_two_numbered_days_of_one_event_agree_on_its_first_day(first, later, event, n_first, n_later, error):
    published = dt.date(2024, 12, 5)
    began = dt.date(2024, 12, 1)
    one = began + dt.timedelta(days=n_first)
    other = began + dt.timedelta(days=n_later + error)
    text = (f"{first.format(d=day(one, 0), n=ORDINALS[n_first], e=event)}\n\n"
            f"{later.format(d=day(other, 1), n=ORDINALS[n_later], e=event)}\n")
    text = text[0].upper() + text[1:]
    assert len(conflicts(text, published)) == (1 if error else 0), text


@pytest.mark.parametrize("first, later", [
    ("Voters went to the polls on 5 May.", "Turnout in the expected 5 April election was low."),  # a modifier first
    ("Leaders spoke at the summit on Thursday 12 June.", "Protesters waited outside Friday's summit."),
])
def test_a_modified_or_weekday_reference_points_back(first, later):
    assert len(conflicts(f"{first}\n\nThe town spoke of little else. {later}\n")) == 1


@PROPERTY
@given(st.sampled_from(["Voters backed the plan {n} years ago, in {y}.", "The hopes of voters {n} years ago, in {y}, faded.",
                        "The law passed {n} years ago ({y})."]), st.integers(2, 40), st.sampled_from([-5, 0, 5]))
def test_a_year_written_after_years_ago_restates_it_once(form, years, error):
    published = dt.date(2018, 7, 13)
    text = form.format(n=years, y=published.year - years + error)
    found = [f for f in lint_text(text, name="a.txt", select=["D105"], published=published).findings]
    assert len(found) == (1 if error else 0), text


@pytest.mark.parametrize("name, text, verb", [
    ("the talks", "", "are"), ("the vote", "", "is"), ("the census", "", "is"),
    ("the olympics", "The Olympics were a success.", "are"),  # the article's own agreement decides
    ("the series", "The series was cut short.", "is"),
])
def test_the_message_verb_agrees_as_the_article_does(name, text, verb):
    from factlint.checks.dates import _be
    from factlint.readers import read
    from factlint.source import decode

    assert _be(name, read(decode("a.txt", text.encode("utf-8")), None)) == verb
