"""Each date mechanism stated once and written many ways: the analysis is the same, a planted error is found.

The sentences are the team's own. Hypothesis composes one fact (a date, an event, a span) in many
surface forms (date formats and orders, relative forms, noun and verb forms of the event) and asserts
that every form is read to the same value, and that an inconsistency planted in any form is found.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.analysis.elapsed import number_value
from factlint.analysis.lexicon import concept, stem
from tests.conftest import lint_text

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SHORT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def written(date: dt.date, form: int, with_year: bool = True) -> str:
    """``date`` in one of the formats news prose uses."""
    y = f" {date.year}" if with_year else ""
    m, d = MONTHS[date.month - 1], date.day
    return [f"{d} {m}{y}", f"{m} {d}" + (f",{y}" if with_year else ""), f"{SHORT[date.month - 1]} {d}"
            + (f",{y}" if with_year else ""), f"the {ordinal(d)} of {m}{y}", f"{ordinal(d)} {m}{y}"][form]


def values(text: str, published: dt.date | None = None, name: str = "a.txt") -> list[str | None]:
    from factlint.readers import read
    from factlint.source import decode

    doc = read(decode(name, text.encode("utf-8")), published)
    return [d.value for d in doc.dates]


def found(text: str, code: str, published: dt.date | None = None, name: str = "a.txt") -> list:
    return [f for f in lint_text(text, name=name, select=[code], published=published).findings if f.code == code]


# --- the same date in every format ---------------------------------------------------------------

@PROPERTY
@given(days, st.integers(0, 4))
def test_every_format_reads_to_the_same_day(date, form):
    text = f"The regatta was held on {written(date, form)} off the north pier."
    assert date.isoformat() in values(text)


@PROPERTY
@given(days, st.integers(0, 2), st.sampled_from(["before", "after", "bracket", "joined"]))
def test_a_wrong_weekday_is_found_wherever_it_sits(date, form, where):
    wrong = WEEKDAYS[(date.weekday() + 3) % 7]
    right = WEEKDAYS[date.weekday()]
    day = written(date, form)
    shapes = {"before": "{w} {d}", "after": "{d} ({w})", "bracket": "{w} ({d})", "joined": "{w}\u00a0{d}"}
    make = shapes[where].format
    assert len(found(f"The choir sang on {make(w=wrong, d=day)} in the cathedral.", "D102")) == 1
    assert found(f"The choir sang on {make(w=right, d=day)} in the cathedral.", "D102") == []


def test_weekday_with_an_html_entity_between():
    html = "<p>The ferry sailed on Friday&nbsp;4 July 2025 from the old quay.</p>"  # 4 July 2025 is a Friday
    assert found(html, "D102", name="a.html") == []
    assert len(found(html.replace("Friday", "Monday"), "D102", name="a.html")) == 1


@PROPERTY
@given(st.sampled_from([(2, 30), (4, 31), (6, 31), (9, 31), (11, 31), (2, 29)]), st.integers(0, 4))
def test_impossible_dates_in_every_format(month_day, form):
    month, day = month_day
    shown = written(dt.date(2000, month, 1), form).replace(" 1 ", f" {day} ", 1)
    shown = [f"{day} {MONTHS[month - 1]} 2025", f"{MONTHS[month - 1]} {day}, 2025", f"{SHORT[month - 1]} {day}, 2025",
             f"the {ordinal(day)} of {MONTHS[month - 1]} 2025", f"{ordinal(day)} {MONTHS[month - 1]} 2025"][form]
    assert len(found(f"Entries for the photography prize close on {shown}.", "D103")) == 1


def test_a_yearless_29_february_takes_the_publication_year():
    text = "Entries for the photography prize close on the 29th of February."
    assert len(found(text, "D103", dt.date(2026, 2, 3))) == 1
    assert found(text, "D103", dt.date(2028, 2, 3)) == []
    assert found("Leap-day babies, those born on 29 February, are rare.", "D103", dt.date(2026, 2, 3)) == []


# --- relative dates resolved against the publication date --------------------------------------

@PROPERTY
@given(st.dates(min_value=dt.date(2020, 1, 6), max_value=dt.date(2029, 12, 20)), st.integers(1, 6))
def test_a_past_weekday_resolves_to_the_last_such_day(published, back):
    target = published - dt.timedelta(days=back)
    weekday = WEEKDAYS[target.weekday()]
    for text in (f"The tram depot reopened on {weekday}.", f"Staff marked {weekday}'s reopening with cake."):
        assert target.isoformat() in values(text, published)


def test_a_yearless_date_takes_the_year_its_weekday_fits_near_publication():
    published = dt.date(2026, 5, 18)
    text = "The glass exhibition opens on Sunday 28 June and closes on Sunday 27 September."
    assert values(text, published)[:2] == ["2026-06-28", "2026-09-27"]
    assert found(text, "D102", published) == []
    # a weekday wrong for this year is still wrong, even if it fits a year further off
    assert len(found("Polling stations closed at nine on Thursday, 8 May.", "D102", dt.date(2026, 5, 11))) == 1


def test_a_monthless_ordinal_takes_the_month_of_its_sentence():
    published = dt.date(2024, 10, 21)
    text = "The coach was sacked on the 14th, a day after the derby on Sunday 13 October."
    assert "2024-10-14" in values(text, published)


# --- event identity across wording ---------------------------------------------------------------

VOTE = ["When aldermen voted 24-9 on {d}, the gallery fell silent.", "The {d} vote went 24-9 for the plan.",
        "Aldermen held the vote on {d} after a long debate.", "After the vote on {d}, the gallery fell silent."]
LEAD = ["Aldermen backed the harbour plan in {w}'s vote.", "Aldermen backed the harbour plan in the {d} vote."]


@PROPERTY
@given(st.sampled_from(LEAD), st.sampled_from(VOTE), st.integers(1, 5))
def test_one_vote_given_two_dates_is_found_in_every_wording(lead, body, shift):
    published = dt.date(2025, 6, 13)  # a Friday
    held = dt.date(2025, 6, 10)  # Tuesday
    other = held + dt.timedelta(days=shift)
    first = lead.format(w=WEEKDAYS[held.weekday()], d=written(held, 0, False))
    text = f"{first}\n\nThe mayor spoke for an hour. {body.format(d=written(other, 1, False))}\n"
    assert len(found(text, "D101", published)) == 1, text
    same = f"{first}\n\nThe mayor spoke for an hour. {body.format(d=written(held, 1, False))}\n"
    assert found(same, "D101", published) == []


@given(st.sampled_from([("dismissed", "dismissal"), ("sacked", "sacking"), ("opened", "opening"),
                        ("launched", "launch"), ("closed", "closure")]))
def test_a_verb_and_its_noun_share_one_concept(pair):
    verb, noun = pair
    assert concept(verb) == concept(noun)


@given(st.sampled_from(["vote", "voted", "voting", "votes"]))
def test_inflections_share_one_stem(word):
    assert stem(word) == stem("vote")


@given(st.sampled_from(["opened in 1979", "was opened in 1979"]), st.sampled_from(["it", "the lido"]))
def test_a_beginning_dated_two_years_is_found(first, subject):
    text = (f"The lido on Marsh Lane drew crowds all summer. When {subject} {first}, it was heated by coal.\n\n"
            "Since the lido opened in 1981, it has closed only twice.\n")
    assert len(found(text, "D101")) == 1


def test_apart_on_evidence():
    same_sentence = "The board voted on 3 June and voted again on 9 June.\n"
    other_place = "Members voted in Leeds on 3 June.\n\nMembers voted in York on 9 June.\n"
    previous = "The board voted on 3 June.\n\nThe previous vote, on 9 June, was closer.\n"
    future = "The board voted on 3 June.\n\nThe board will vote on 29 June.\n"
    said_later = "Tuesday's raid on the depot shocked the town.\n\nThe mayor commented on the raid on Wednesday.\n"
    said_us = "Tuesday's raid on the depot shocked the town.\n\nThe mayor remarked on the raid Wednesday.\n"
    for text in (same_sentence, other_place, previous, future, said_later, said_us):
        assert found(text, "D101", dt.date(2025, 6, 12)) == [], text


# --- elapsed time ---------------------------------------------------------------------------------

STARTS = ["opened in {y}", "was founded in {y}", "was established in {y}", "began in {y}"]
SPANS_RIGHT = ["The {n}, which {s}, is now in its {o} year.", "The {n} {s} and celebrates its {k} years this year.",
               "The {n}, which {s}, marks its {ko} anniversary this year."]


@PROPERTY
@given(st.sampled_from(STARTS), st.sampled_from(SPANS_RIGHT), st.integers(1950, 2015), st.sampled_from([-3, 0, 4]))
def test_an_elapsed_span_is_checked_in_every_form(start, form, year, error):
    published = dt.date(2025, 6, 1)
    elapsed = published.year - year
    k = elapsed + error
    text = form.format(n="choir", s=start.format(y=year), o=ordinal(elapsed + 1 + error), k=k, ko=ordinal(k)) + "\n"
    hits = found(text, "D105", published)
    assert (len(hits) == 1) == (error != 0), text


@PROPERTY
@given(st.integers(1920, 1990), st.integers(-6, 6),
       st.sampled_from(["{a}, aged {n}, who was born in {b} in Szeged, opened the gallery.",
                        "{a}, {n}, who was born in Szeged in {b}, opened the gallery.",
                        "The {n}-year-old {a}, born in {b}, opened the gallery.",
                        "Born in {b}, {a} opened the gallery at the age of {n} in 2025."]))
def test_an_age_against_a_birth_year(born, error, form):
    published = dt.date(2025, 7, 1)
    age = published.year - born - 1 + error
    text = form.format(a="Ilse Varga", n=age, b=born) + "\n"
    hits = found(text, "D105", published)
    assert (len(hits) == 1) == (error not in (0, 1)), text


def test_an_age_at_a_stated_year_and_a_pronoun():
    published = dt.date(2024, 3, 1)
    text = ("Born in Brno in 1950, Hana Kral trained as a glassblower.\n\n"
            "She retired in 2015, at 65, and kept a small kiln. She was 70.\n")
    hits = found(text, "D105", published)
    assert len(hits) == 1 and "'She was 70'" in hits[0].message


@PROPERTY
@given(st.integers(1, 30), st.sampled_from(["seasons", "editions"]))
def test_counts_never_exceed_the_years_available(more, unit):
    published = dt.date(2023, 8, 1)
    text = f"In her {9 + more} {unit} since turning professional in 2015, she has won twice.\n"
    assert len(found(text, "D105", published)) == 1
    assert found(f"In her 9 {unit} since turning professional in 2015, she has won twice.\n", "D105", published) == []


def test_a_cancelled_edition_is_taken_off():
    published = dt.date(2024, 5, 2)
    text = ("Sunday's fell race was the 40th running of a contest that began in 1984.\n\n"
            "It was cancelled in 2020 because of flooding.\n")
    assert found(text, "D105", published) == []
    assert len(found(text.replace("40th", "41st"), "D105", published)) == 1


@given(st.sampled_from(["forty", "40", "fortieth", "40th", "twenty-fifth", "25th", "centenary"]))
def test_number_words(word):
    assert number_value(word) in (40, 25, None) or word == "centenary"


# --- date arithmetic ------------------------------------------------------------------------------

LENGTHS = ["The {n}-day kite festival, from {a} to {b}, fills the dunes.",
           "The pier will shut for {n} days from {a}, reopening on {b}.",
           "Bids were opened on {a}, starting a {n}-day objection period that ends on {b}.",
           "The final, first set for {a}, has been pushed back {n} days to {b}."]


@PROPERTY
@given(st.sampled_from(LENGTHS), st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 11, 1)),
       st.integers(3, 12), st.sampled_from([0, 3, 6]))
def test_a_stated_length_between_two_dates(form, start, length, error):
    end = start + dt.timedelta(days=length)
    stated = length + error + (1 if "festival" in form else 0)  # a festival counts both ends
    text = form.format(n=stated, a=written(start, 0, False), b=written(end, 0, False)) + "\n"
    hits = found(text, "D106", dt.date(2025, 12, 1))
    assert (len(hits) == 1) == (error != 0), text


@PROPERTY
@given(st.integers(2, 20), st.sampled_from([0, 2]), st.sampled_from(["after", "before"]))
def test_a_date_restated_as_days_from_an_event(days, error, direction):
    event = dt.date(2025, 6, 14)
    sign = 1 if direction == "after" else -1
    stated = event + dt.timedelta(days=sign * (days + error))
    text = (f"The lock gates were blessed at a ceremony held on {written(event, 0, False)}.\n\n"
            f"The first barge will pass on {written(stated, 0, False)}, {days} days {direction} the ceremony.\n")
    hits = found(text, "D106", dt.date(2025, 6, 16))
    assert (len(hits) == 1) == (error != 0), text


def test_a_weekday_restating_days_before_the_lead_event():
    published = dt.date(2025, 9, 29)  # Monday
    lead = "Ana Duarte won the Lowland Classic in a sprint on Sunday.\n\n"
    wrong = lead + "She hurt her wrist three days before the race, on Wednesday, near a level crossing.\n"
    right = lead + "She hurt her wrist three days before the race, on Thursday, near a level crossing.\n"
    assert len(found(wrong, "D106", published)) == 1
    assert found(right, "D106", published) == []


def test_days_later_counts_from_the_event_the_sentence_is_about():
    published = dt.date(2024, 9, 16)  # Monday
    text = ("Mo Jensen won Sunday's harbour marathon.\n\n"
            "He had only been added to the field on 2 September.\n\n"
            "Prizes are handed out in the guildhall two days later, on Tuesday 17 September.\n")
    assert found(text, "D106", published) == []


# --- tense bound to the clause's own verb -----------------------------------------------------

@given(st.sampled_from(["ran", "held", "staged", "began", "opened", "completed"]))
def test_irregular_and_regular_past_forms_against_a_later_date(verb):
    text = f"The company {verb} its first trial on 28 April."
    assert len(found(text, "D104", dt.date(2026, 4, 15))) == 1
    assert found(text, "D104", dt.date(2026, 5, 15)) == []
