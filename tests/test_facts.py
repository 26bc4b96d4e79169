"""The house fact base: loading and validation, and F601 reference-conflict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.facts import FactBaseError, load_fact_base
from tests.conftest import FIXTURES, codes, lint_text

FACTS = FIXTURES / "facts"


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


# --- loading --------------------------------------------------------------------

def test_example_fact_base_loads():
    base = load_fact_base([FACTS / "newsroom.yaml"])
    assert base.people[0].name == "Julie Stufft"
    assert base.people[0].titles[0].start == dt.date(2025, 8, 1)
    assert base.events[0].date == dt.date(2025, 11, 6)
    assert base.organisations and base.digest
    assert base.figures[0].value == 7e9 and base.figures[0].period == "2024"


def test_toml_and_yaml_merge_and_digest_follows_content(tmp_path):
    toml = write(tmp_path, "people.toml", '[[people]]\nname = "Aida Bekova"\ntitles = ["Foreign Minister"]\n')
    yaml = write(tmp_path, "events.yaml", "events:\n  - name: Astana forum\n    date: 2025-05-29\n")
    base = load_fact_base([toml, yaml])
    assert [p.name for p in base.people] == ["Aida Bekova"] and base.events[0].name == "Astana forum"
    digest = base.digest
    toml.write_text('[[people]]\nname = "Aida Bekova"\ntitles = ["Finance Minister"]\n', encoding="utf-8")
    assert load_fact_base([toml, yaml]).digest != digest


@pytest.mark.parametrize("content, expected", [
    ("people:\n  - name: Julie Stufft\n    titles:\n      - title: ambassador\n        from: soon\n",
     "people[0] (Julie Stufft): titles[0].from"),
    ("people:\n  - name: Julie Stufft\n    nickname: J\n", "people[0] (Julie Stufft): nickname"),
    ("events:\n  - name: C5+1 summit\n", "events[0] (C5+1 summit): date"),
    ("people:\n  - name: Cher\n", "people[0] (Cher): name"),
    ("- just a list\n", "a fact base is a mapping"),
    ("people: [\n", "not valid YAML"),
])
def test_errors_name_file_entry_and_field(tmp_path, content, expected):
    path = write(tmp_path, "facts.yaml", content)
    with pytest.raises(FactBaseError) as error:
        load_fact_base([path])
    assert str(path) in str(error.value) and expected in str(error.value)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(FactBaseError, match="cannot read"):
        load_fact_base([tmp_path / "nowhere.yaml"])


# --- F601 reference-conflict ----------------------------------------------------

def lint_with_facts(fixture: str, facts: str = "newsroom.yaml"):
    path = FACTS / fixture
    return lint_text(path.read_text(encoding="utf-8"), name=fixture, select=["F601"],
                     facts=load_fact_base([FACTS / facts]))


def test_reference_conflict_fires_on_name_title_and_event_date():
    result = lint_with_facts("summit-report.md")
    by_suggestion = {f.suggestion: f for f in result.findings}
    assert codes(result) == ["F601"] * 6
    assert set(by_suggestion) == {"November 6", "Julie Stufft", "Stufft", "Secretary of State", None,
                                  "Eurasian Economic Union"}
    assert "6 November 2025" in by_suggestion["November 6"].message
    assert "7 billion USD" in by_suggestion[None].message


def test_reference_conflict_passes_agreeing_text_and_other_editions():
    assert codes(lint_with_facts("summit-clean.md")) == []


def test_reference_conflict_flags_a_title_the_fact_base_ended():
    facts = load_fact_base([FACTS / "newsroom.yaml"])
    text = "Senator Marco Rubio said the trip would take a week.\n"
    result = lint_text(text, select=["F601"], facts=facts, published=dt.date(2025, 11, 7))
    assert codes(result) == ["F601"] and result.findings[0].suggestion == "Secretary of State"
    assert codes(lint_text(text, select=["F601"], facts=facts, published=dt.date(2024, 11, 7))) == []


def test_reference_conflict_is_silent_without_a_fact_base():
    path = FACTS / "summit-report.md"
    assert codes(lint_text(path.read_text(encoding="utf-8"), name=path.name, select=["F601"])) == []


def test_seed_with_stufft_fact_base_adds_only_that_finding(shared):
    seed = shared / "seed" / "izvestia-c5-summit.txt"
    text = seed.read_text(encoding="utf-8")
    published = dt.date(2025, 11, 7)
    facts = load_fact_base([FACTS / "stufft.yaml"])
    plain = lint_text(text, name=seed.name, published=published)
    with_facts = lint_text(text, name=seed.name, published=published, facts=facts)
    added = [f for f in with_facts.findings if f.code == "F601"]
    assert len(added) == 1 and added[0].suggestion == "Julie Stufft"
    assert "Julie Staff" in text.splitlines()[added[0].line - 1]
    key = lambda f: (f.code, f.line, f.column)  # noqa: E731
    assert sorted(map(key, plain.findings)) == sorted(key(f) for f in with_facts.findings if f.code != "F601")
    assert not [f for f in plain.findings if f.code.startswith("E")]


def test_surname_only_near_miss_needs_the_same_post(tmp_path):
    facts = load_fact_base([write(tmp_path, "f.yaml", "people:\n  - name: Gordon Brown\n    titles:\n"
                                                      "      - Chancellor of the Exchequer\n")])
    other = "Oil company chief executive Lord Browne said profits were strong. Browne said tax would rise.\n"
    assert codes(lint_text(other, select=["F601"], facts=facts)) == []
    same = "Chancellor of the Exchequer Browne said the budget was balanced.\n"
    result = lint_text(same, select=["F601"], facts=facts)
    assert codes(result) == ["F601"] and result.findings[0].suggestion == "Brown"


NEWSROOM = load_fact_base([FACTS / "newsroom.yaml"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["Julie ", "Stuft ", "Stufft", "C5+1 summit ", "on November 7", ", 2025", ". ",
                                 "Secretary ", "of State ", "Marco Rubio ", "said ", "$9 billion ", "trade turnover ",
                                 "of the United States ", "in 2024 ", "Eurasian Economik Union", "\n\n", "\""]),
                max_size=40).map("".join))
def test_any_text_lints_with_a_fact_base(text):
    result = lint_text(text, select=["F601"], facts=NEWSROOM, published=dt.date(2025, 11, 8))
    assert all(f.code == "F601" for f in result.findings)
