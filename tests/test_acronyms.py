"""Acronym analysis and the checks A401 acronym-mismatch, A402 acronym-context, A403 acronym-undefined."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.analysis.acronyms import acronym_key, name_key, schwartz_hearst
from factlint.readers import read
from factlint.source import decode
from tests.conftest import FIXTURES, codes, lint_text

ACRONYMS = FIXTURES / "acronyms"


def findings(path: str, select: str):
    return lint_text((ACRONYMS / path).read_text(encoding="utf-8"), name=path, select=[select]).findings


def doc_of(text: str, name: str = "article.txt"):
    return read(decode(name, text.encode("utf-8")))


# --- the analyser ------------------------------------------------------------------------------


def test_schwartz_hearst_pairs_letters_right_to_left():
    long = "Organisation for Economic Co-operation and Development"
    assert schwartz_hearst("OECD", long) == 0
    assert schwartz_hearst("HMM", "the heart muscle model") == 4
    assert schwartz_hearst("XYZ", "the heart muscle model") == -1


def test_keys_normalise_plurals_possessives_dots_and_spelling():
    assert acronym_key("NGOs") == "NGO"
    assert acronym_key("IMF's") == "IMF"
    assert acronym_key("U.N.") == "UN"
    assert acronym_key("ISIS") == "ISIS"
    assert name_key("the Organisation for Economic Co-operation") == name_key("Organization for Economic Cooperation")
    assert name_key("Médecins Sans Frontières") == "medecins sans frontieres"


@pytest.mark.parametrize("text, short, long", [
    ("The Eurasian Economic Union (EAEU) met.", "EAEU", "Eurasian Economic Union"),
    ("Later the EAEU (Eurasian Economic Union) met.", "EAEU", "Eurasian Economic Union"),
    ("Ministers of the EAEU, the Eurasian Economic Union, met.", "EAEU", "Eurasian Economic Union"),
    ("The Open Data Platform, or ODP, went live.", "ODP", "Open Data Platform"),
    ("QRT stands for Quarterly Review Team in this report.", "QRT", "Quarterly Review Team"),
    ("The board hired a chief technology officer (CTO) last week.", "CTO", "chief technology officer"),
    ("The African Development Bank (AfDB) lent more.", "AFDB", "African Development Bank"),
])
def test_definitions_in_every_common_order(text, short, long):
    definitions = doc_of(text).acronyms.definitions
    assert [(d.key, d.long) for d in definitions] == [(short, long)]


def test_translated_name_is_not_paired_when_nothing_fits():
    doc = doc_of("A researcher at the Centre for Strategic Studies (IMEMO) spoke.")
    assert doc.acronyms.definitions == []


def test_mentions_skip_shouting_and_datelines():
    doc = doc_of("LONDON (Reuters) - BREAKING NEWS TODAY: the NGOs and the IMF's staff met.\n")
    assert [m.key for m in doc.acronyms.mentions] == ["NGO", "IMF"]


def test_context_finds_countries_by_name_demonym_and_capital():
    doc = doc_of("Kazakh officials flew to Minsk. The Russian side agreed.")
    assert set(doc.acronyms.context().countries) == {"Kazakhstan", "Belarus", "Russia"}


TEXT = st.lists(st.sampled_from(list("ABCDEFGIOSU aeiorst(),.:/-'’\n") + [
    "EU", "WHO", "EEA", " (", ") ", "Kazakhstan ", "Union ", "of ", "the ", ", or ", " stands for "]),
    max_size=120).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_analysis_never_fails_and_stays_inside_the_text(text):
    doc = doc_of(text)
    analysis = doc.acronyms
    for m in analysis.mentions:
        assert 0 <= m.start < m.end <= len(doc.text)
    for d in analysis.definitions:
        assert 0 <= d.start < d.end <= len(doc.text)
        assert 0 <= d.long_start < d.long_end <= len(doc.text)
    analysis.context()
    again = doc_of(text).acronyms
    assert again.definitions == analysis.definitions and again.mentions == analysis.mentions


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_checks_never_fail_on_any_text(text):
    lint_text(text, select=["A401", "A402", "A403"])


@pytest.mark.parametrize("text", [
    "World Trade Organization (WTA) " * 2000,  # thousands of definitions in one "sentence"
    "EU, WHO, EEA, Russia, Kazakhstan, " * 4000,  # thousands of candidates with no full stop
    "Alpha Beta, or AB stands for Alpha Beta " * 3000,
])
def test_degenerate_text_stays_fast(text):
    import time

    start = time.process_time()
    lint_text(text, select=["A401", "A402", "A403"])
    assert time.process_time() - start < 5


# --- A401 acronym-mismatch -----------------------------------------------------------------------


def test_a401_fires_on_slips_two_expansions_and_two_acronyms():
    found = findings("definitions-slips.md", "A401")
    messages = [f.message for f in found]
    assert len(found) == 4, messages
    assert any("CFA" in m for m in messages)  # letters swapped
    assert any('"WTA"' in m and f.suggestion == "WTO" for m, f in zip(messages, found))  # a known name
    assert any("Joint Procurement Bureau" in m and "Joint Planning Board" in m for m in messages)
    assert any("NRAL" in m and "NRA" in m for m in messages)
    assert all(f.related for f in found)


def test_a401_passes_non_english_stylised_plural_and_translated_acronyms():
    assert findings("definitions-clean.md", "A401") == []


def test_a401_fires_on_a_use_that_swaps_letters_of_a_defined_acronym():
    text = "The council set up a Young Researchers Fund (YRF) in May. The first YFR call opens in June."
    found = lint_text(text, select=["A401"]).findings
    assert [(f.code, f.suggestion) for f in found] == [("A401", "YRF")]
    assert found[0].related


def test_a401_silent_on_two_defined_or_known_acronyms_one_letter_apart():
    text = ("The Joint Audit Board (JAB) and the Joint Able Unit (JAU) met. The JAB said yes; the CDU "
            "and the CSU agreed.")
    assert codes(lint_text(text, select=["A401"])) == []


@pytest.mark.parametrize("text, suggestion", [
    ("Ministers of the Eurasian Economic Union (EAU) met in Minsk.", "EAEU"),  # a letter lost
    ("Inspectors of the International Atomic Energy Agency (IAEEA) arrived.", "IAEA"),  # a letter added
    ("The Asian Infrastructure Investment Bank (AIBB) lent more.", "AIIB"),  # a letter changed
])
def test_a401_fires_one_edit_from_a_known_acronym(text, suggestion):
    found = lint_text(text, select=["A401"]).findings
    assert [f.suggestion for f in found] == [suggestion]


@pytest.mark.parametrize("text", [
    "The Slovenian Democratic Party (SDS) won most seats.",  # one letter off: the Slovene name's initials
    "The Kurdistan Workers' Party (PKK) denied it.",
    "Mexico's Party of the Democratic Revolution (PRD) lost.",  # adjective after noun in the Spanish name
    "In France the Union for a Popular Movement (UMP) won.",
    "Russia's Liberal Democratic Party (LDPR) won, and the Social Democratic Party (SDS) lost.",  # generic names
    "Islamic State (IS/ISIS) claimed the attack.",
    "The fund (about $4bn) opened, and the UK (United Kingdom) agreed.",
    "Open Data Platform (ODP) and ODP (Open Data Platform) are the same thing.",
])
def test_a401_silent(text):
    assert codes(lint_text(text, select=["A401"])) == []


# --- A402 acronym-context -----------------------------------------------------------------------


@pytest.mark.parametrize("path, suggestion", [
    ("eurasian-union-eea.md", "EAEU"),
    ("geneva-trade-who.md", "WTO"),
    ("reactor-iea.txt", "IAEA"),
    ("oil-quota-oecd.md", "OPEC"),
])
def test_a402_suggests_the_organisation_that_fits(path, suggestion):
    found = findings(path, "A402")
    assert [f.suggestion for f in found] == [suggestion]
    assert suggestion in found[0].message


@pytest.mark.parametrize("path", ["norway-eea.md", "outbreak-who.md", "definitions-clean.md"])
def test_a402_silent_when_the_written_organisation_fits(path):
    assert findings(path, "A402") == []


GENEVA = ("Vietnam asked the World Trade Organization to rule on shrimp duties, tariffs and exports. "
          "Exporters say the duties break the rules on dumping and trade. ")


@pytest.mark.parametrize("text", [
    GENEVA + "The WHO and the WTO issued a joint statement.",  # both named on purpose
    GENEVA + "The WHO said it would send a team. The WHO will report in May.",  # used again and again
])
def test_a402_silent_on_deliberate_or_repeated_use(text):
    assert codes(lint_text(text, select=["A402"])) == []


def test_a402_fires_on_a_single_slip_in_a_trade_story():
    assert codes(lint_text(GENEVA + '"Now the WHO must decide," the minister said.', select=["A402"])) == ["A402"]


def test_a402_fires_when_the_sentence_speaks_of_the_other_organisations_work():
    text = ("Oil demand to slow\nThe IAEA said in its monthly report that global oil demand would grow more "
            "slowly next year, and cut its forecast for Japan and Germany.\nPrices fell 2%.\n")
    assert [f.suggestion for f in lint_text(text, select=["A402"]).findings] == ["IEA"]


def test_a402_silent_when_the_article_defines_the_acronym():
    text = ("Armenia, Belarus and Kazakhstan signed. The European Economic Area (EEA) was mentioned "
            "as a model, and the EEA rules were discussed.")
    assert codes(lint_text(text, select=["A402"])) == []


def test_a402_silent_on_an_external_actor_without_membership_evidence():
    text = ("Kazakhstan and Russia signed a gas deal. The EU said it was watching closely, "
            "and EU diplomats in Astana declined to comment.")
    assert codes(lint_text(text, select=["A402"])) == []


# --- A403 acronym-undefined ---------------------------------------------------------------------


def test_a403_is_off_by_default():
    assert codes(lint_text("The QRT said the plan was ready.")) == []


@pytest.mark.parametrize("text", [
    "The QRT said the plan would be ready in May.",
    "We asked the agency, but nobody knew what the PLX does.",
])
def test_a403_fires_on_an_unexplained_acronym(text):
    assert codes(lint_text(text, select=["A403"])) == ["A403"]


@pytest.mark.parametrize("text", [
    "The Quarterly Review Team (QRT) said the plan was ready. The QRT meets monthly.",
    "The QRT (Quarterly Review Team) said so.",
    "QRT: Quarterly Review Team, a panel of five.",
    "In the Quarterly Review Team, it is known as the QRT.",
    "The QRT said so. It was the Quarterly Review Team's third report.",
    "NATO, the UN and the IMF said GDP would grow; the CEO agreed.",
    "Chapter VIII of the report, and the word IMMIGRATION in capitals.",
    "Voters said NO to higher TAXES, and the taxes were dropped in MARCH.",
])
def test_a403_passes_defined_and_well_known_acronyms(text):
    assert codes(lint_text(text, select=["A403"])) == []
