"""A401 and A402 by mechanism, from sentences written for this file.

A401: every definition form, slips of one letter (changed, added, dropped, swapped) against the
initials, names in their own language, later uses one swap off a defined acronym. A402: the body
an acronym names is decided by what the text says it is or does; a hypothesis property builds a
sentence from one context signal of a confusable body (its type, its mandate, its seat, its
parent, the countries it counts as members) out of the organisation table, and expects the slip
found whichever signal it is.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.analysis.acronyms import knowledge
from tests.conftest import lint_text


def findings(text: str, code: str) -> list:
    return lint_text(text, select=[code]).findings


# --- A401 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Harbour Safety Panel (HSP) met on Monday, and the HSP, or Harbour Security Panel, will meet again.",
    "The HSP (Harbour Safety Panel) met. Later the HSP, the Harbour Security Panel, reported.",
    "The Harbour Safety Panel, or HSP, met. The HSP, as the Harbour Security Panel is known, reported.",
    "Known as the HSP, the Harbour Safety Panel met. HSP stands for Harbour Security Panel, a reader wrote.",
])
def test_one_acronym_expanded_two_ways_in_any_definition_form(text):
    found = findings(text, "A401")
    assert len(found) == 1 and "expanded" in found[0].message


@pytest.mark.parametrize("text, suggestion", [
    ("Engineers at the Coastal Flood Response Unit (CFRT) worked overnight.", "CFRU"),   # a letter changed
    ("The Regional Water Board (RWBB) cut prices.", "RWB"),                            # a letter added
    ("The Northern Rail Freight Alliance (NRF) signed the deal.", "NRFA"),             # a letter dropped
    ("The Tidal Energy Council (ETC) approved it.", "TEC"),                            # the first two swapped
    ("The Democratic Unionist Party (UDP) objected.", "DUP"),                          # two adjectives swapped
])
def test_a_definition_one_slip_off_its_initials(text, suggestion):
    found = findings(text, "A401")
    assert [f.suggestion for f in found] == [suggestion]


@pytest.mark.parametrize("text", [
    "Belgrade's Serbian Progressive Party (SNS) won most seats.",          # the name in its own language
    "Mexico's Institutional Revolutionary Party (PRI) came second.",
    "The Lagos Port Logistics company (LAPL) expanded.",                   # a syllable of a word
    "The Civil and Public Services Union (CPS) called a strike.",          # a generic last word left out
    "Hindustan Aeronautics (HAL) signed the deal.",                        # "Limited" left out of the name
    "The Régie des eaux de Valmont (REV) raised its tariff.",              # lower-case words of a French name
])
def test_a_definition_the_name_explains(text):
    assert findings(text, "A401") == []


@pytest.mark.parametrize("text", [
    "The Marine Conservation Group (MCG) met in May. Later the CMG said the reef was safe.",
    "The Marine Conservation Group (MCG) met in May. Later the MGC said the reef was safe.",
])
def test_a_later_use_with_two_letters_swapped(text):
    assert [f.suggestion for f in findings(text, "A401")] == ["MCG"]


def test_a_national_body_of_a_country_the_article_never_names_may_be_a_slip():
    text = ("Drivers of the Transports de la Ville de Corbel (TVC) went on strike. The TVC carries 40,000 a day. "
            "Talks with the TCV management resume on Monday.")
    assert [f.suggestion for f in findings(text, "A401")] == ["TVC"]


# --- A402 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, suggestion, words", [
    ("The line was paid for by a €90m loan from the ECB, the EU's long-term lending bank.", "EIB", "lending bank"),
    ("The IMF, the World Bank Group's arm for private-sector lending, invested in the mill.", "IFC", "private"),
    ("The OSCE, which runs the PISA tests from its Paris headquarters, published the scores.", "OECD", "pisa"),
    ("Armenian brandy reaches Chisinau shelves tariff-free under the CSTO trade pact, to which Moldova is "
     "still a signatory.", "CIS", "Moldova"),
    ("Salmon farmers say Norway belongs to the EAEU along with Iceland and Liechtenstein, so their catch is "
     "sold in Lyon duty-free.", "EEA", "Norway"),
    ("The WHO ruled on the dispute over steel tariffs and set up a panel.", "WTO", "tariffs"),
])
def test_what_the_text_says_of_the_body_decides(text, suggestion, words):
    found = findings(text, "A402")
    assert [f.suggestion for f in found] == [suggestion]
    assert words in found[0].message


@pytest.mark.parametrize("text", [
    "The ECB, the euro area's central bank, raised its deposit rate.",
    "The EIB, the EU's lending arm, lent €2bn for grids; the ECB kept rates on hold.",
    "Norway, Iceland and Liechtenstein are in the EEA, and the EU is their largest market.",
    "The WHO and the WTO issued a joint statement on vaccine trade.",
    "Since he turned against the Asian trade pact TPP, the transatlantic TTIP has stalled. TTIP talks resume. "
    "TTIP is dead.",
])
def test_the_written_body_fits(text):
    assert findings(text, "A402") == []


def test_an_acronym_used_once_where_the_article_speaks_of_another_body():
    text = ("Leaders of the EU met in Brussels on Thursday.\n\nThe EU wants a deal by June.\n\n"
            "Diplomats said EEA leaders would return in March.\n")
    found = findings(text, "A402")
    assert [f.suggestion for f in found] == ["EU"] and "2 times" in found[0].message
    same_sentence = "Leaders of the EU met. The EU wants a deal. Outside the EU but in the EEA, Norway waits.\n"
    assert findings(same_sentence, "A402") == []


# The bodies a slip is most often made between, and the signals the table holds for each.
PAIRS = [("ECB", "EIB"), ("EIB", "ECB"), ("ECB", "EBRD"), ("EIB", "EBRD"), ("IMF", "IFC"), ("IFC", "IMF"),
         ("IMF", "IFAD"), ("OSCE", "OECD"), ("OECD", "OSCE"), ("WHO", "WTO"), ("WTO", "WHO"), ("CSTO", "CIS"),
         ("CIS", "CSTO"), ("EAEU", "EEA"), ("EEA", "EAEU"), ("CIS", "EAEU"), ("AU", "EU"), ("EU", "AU"),
         ("ASEAN", "APEC"), ("APEC", "ASEAN"), ("IAEA", "IEA"), ("IEA", "IAEA")]


def _signal_sentence(written: str, meant: str, signal: str) -> str | None:
    """A sentence that says one thing only ``meant`` is or does, with ``written`` in it."""
    kb = knowledge()
    w, o = kb.by_acronym[written][0], kb.organisations[kb.by_acronym[meant][0].id]
    rivals = [kb.organisations[c] for c in w.confusables if c != o.id]  # a signal must fit ``meant`` alone
    own = set(w.kind) | set(w.mandate) | set(w.head) | {p for r in rivals for p in (*r.kind, *r.mandate)}
    if signal == "kind":
        kinds = [k for k in o.kind if k not in own]
        return f"Officials at the {written}, the {kinds[0]}, said on Monday that the plan would go ahead." \
            if kinds else None
    if signal == "mandate":
        words = [m for m in o.mandate if m not in own and " " not in m][:2]
        return f"The {written} said {words[0]} and {words[1]} would be reviewed next year." if len(words) == 2 else None
    if signal == "seat":
        return f"The {written}, headquartered in {o.seat}, said the plan would go ahead." \
            if o.seat and o.seat not in {w.seat, *(r.seat for r in rivals)} else None
    if signal == "parent":
        parent = kb.organisations.get(o.parent or "")
        return f"The {written}, the {parent.names[0]}'s body for this work, said the plan would go ahead." \
            if parent is not None and o.parent not in {w.parent, *(r.parent for r in rivals)} else None
    members = sorted((o.members or set()) - (w.members or set()).union(*((r.members or set()) for r in rivals)))
    return f"{members[0]} belongs to the {written} together with {members[1]}, officials said." \
        if w.members is not None and len(members) >= 2 else None


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(PAIRS), st.sampled_from(["kind", "mandate", "seat", "parent", "members"]))
def test_a_confusable_acronym_is_found_whichever_signal_is_present(pair, signal):
    written, meant = pair
    sentence = _signal_sentence(written, meant, signal)
    if sentence is None:
        return  # the table holds no such signal for this pair
    found = findings(sentence + "\n", "A402")
    assert [f.suggestion for f in found] == [meant], (sentence, [f.message for f in found])


def test_every_confusable_pair_has_a_signal():
    for written, meant in PAIRS:
        assert any(_signal_sentence(written, meant, s) for s in ("kind", "mandate", "seat", "parent", "members")), \
            (written, meant)
