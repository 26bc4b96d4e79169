"""The event analysis: which dated mentions are one event, and which are kept apart."""

from __future__ import annotations

import datetime as dt

from factlint.readers import read
from factlint.source import decode


def events_of(text: str):
    doc = read(decode("a.txt", text.encode("utf-8")), dt.date(2025, 11, 7))
    return doc, doc.events


def by_word(events, word):
    return [e for e in events if e.text.lower() == word]


def test_short_reference_joins_the_lead_event():
    doc, events = events_of("On November 6, Washington hosted the trade summit.\n\n"
                            "The agenda of the Washington summit was long. The summit ended late.\n")
    summits = by_word(events, "summit")
    assert len({e.event for e in summits}) == 1
    assert summits[0].lead and "Washington" in summits[0].names
    assert [doc.dates[i].value for i in summits[0].dates] == ["2025-11-06"]


def test_place_previous_and_indefinite_keep_events_apart():
    _, events = events_of("On November 6, Washington hosted the trade summit.\n\n"
                          "The previous summit was held in 2023. Another summit was held in Dushanbe in October.\n\n"
                          "On November 5, the minister spoke at a meeting with his counterparts.\n")
    summits = by_word(events, "summit")
    assert len({e.event for e in summits}) == 3
    meeting = by_word(events, "meeting")[0]
    assert meeting.event != summits[0].event and "a" in meeting.distinct


def test_a_definite_gathering_refers_back_to_the_lead_date():
    _, events = events_of("On 3 June, near the river, construction of the dam officially began.\n\n"
                          "Ministers spoke at the ceremony.\n")
    ceremony = by_word(events, "ceremony")[0]
    lead = [e for e in events if e.lead]
    assert lead and ceremony.event == lead[0].event


def test_a_date_restating_the_eve_is_not_the_event_date():
    doc, events = events_of("The forum opened on 6 November. Aides met on the eve of the forum, on 5 November.\n")
    event = by_word(events, "forum")[0].event
    dated = {doc.dates[i].value for e in events if e.event == event for i in e.dates}
    assert dated == {"2025-11-06"}


def test_a_date_goes_to_what_it_follows():
    doc, events = events_of("On 24 September, in Belgrade, the two states signed a gas deal.\n\n"
                            "They signed it in Belgrade on 14 September after long talks.\n")
    signed = by_word(events, "signed")
    assert [doc.dates[i].text for i in signed[1].dates] == ["14 September"]
    assert signed[1].event == signed[0].event
    assert not by_word(events, "talks")[0].dates


def test_an_agency_dateline_is_not_the_lead_event():
    doc, events = events_of("WASHINGTON, Nov 6 (Reuters) - The Senate committee approved the bill.\n\n"
                            "The vote came after the 16 November hearing was postponed.\n")
    lead_dates = {doc.dates[i].text for e in events if e.lead for i in e.dates}
    assert "Nov 6" not in lead_dates
