"""The public Python API: factlint.lint_text, factlint.lint, factlint.apply_fixes and the fix model."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlint
from factlint.findings import Edit, Finding, Fix

DOUBLED = "The minister said the the plan was ready.\nThe firm intends to to start work.\n"
DASHED = "Orlov spoke after the match.\n\n— We *relaxed* after the second goal, the coach said.\n"


def test_import_is_cheap_and_names_load_on_use():
    code = ("import sys, factlint; before = sorted(m for m in sys.modules if m.startswith('factlint')); "
            "factlint.lint_text; print(before, 'factlint.api_text' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['factlint'] True"
    assert set(factlint.__all__) <= set(dir(factlint))
    with pytest.raises(AttributeError):
        factlint.no_such_name  # noqa: B018


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_offsets_point_into_the_text_passed_in(kind):
    text = {"txt": DOUBLED, "md": "# Plan\n\nThe *minister* said the the plan was ready.\n",
            "html": "<p>The minister &amp; aide said the the plan was&nbsp;ready.</p>"}[kind]
    findings = factlint.lint_text(text, kind=kind)
    assert findings and all(f.code == "T506" for f in findings)
    for f in findings:
        assert text[f.start:f.end].startswith("the the") or text[f.start:f.end].startswith("to to")
        lines = text.split("\n")
        assert lines[f.line - 1][f.column - 1:].startswith(text[f.start:f.end].split("\n")[0])


def test_related_spans_carry_offsets_too():
    text = "The summit opened on 6 November 2025 in Washington.\n\nOn 6 October 2025, the summit was held in Washington.\n"
    [finding] = [f for f in factlint.lint_text(text, kind="md") if f.code == "D101"]
    [related] = finding.related
    assert {text[finding.start:finding.end], text[related.start:related.end]} == {"6 November 2025", "6 October 2025"}


def test_published_date_config_and_lint_result():
    text = "The auction closed on Friday 29 May.\n"
    assert factlint.lint_text(text, kind="txt") == []  # no year: the check stays silent
    for published in ("2025-06-02", dt.date(2025, 6, 2), dt.datetime(2025, 6, 2, 9, 30)):
        [f] = factlint.lint_text(text, kind="txt", published=published)
        assert f.code == "D102" and f.fixable
    assert factlint.lint_text(DOUBLED, kind="txt", config={"ignore": ["T506"]}) == []
    result = factlint.lint("---\ndate: [broken\n---\nThe the end.\n", kind="md")
    assert result.complete and result.warnings and "front matter" in result.warnings[0]
    assert json.loads(json.dumps(result.to_json()))["complete"] is True


@pytest.mark.parametrize("call, reason", [
    (lambda: factlint.lint_text(b"bytes", kind="txt"), "must be a str"),
    (lambda: factlint.lint_text("text", kind="docx"), "kind"),
    (lambda: factlint.lint_text("a\x00b", kind="txt"), "binary"),
    (lambda: factlint.lint_text("text", kind="txt", published="May 5"), "YYYY-MM-DD"),
    (lambda: factlint.lint_text("text", kind="txt", config={"selct": ["D"]}), "unknown key"),
    (lambda: factlint.lint_text("text", kind="txt", config="/no/such/factlint.toml"), "not found"),
])
def test_bad_input_raises_input_error_with_the_reason(call, reason):
    with pytest.raises(factlint.InputError, match=reason):
        call()


def test_apply_fixes_then_relint_leaves_no_fixed_finding_and_no_new_one():
    findings = factlint.lint_text(DOUBLED, kind="txt")
    result = factlint.apply_fixes(DOUBLED, findings)
    assert result.text == "The minister said the plan was ready.\nThe firm intends to start work.\n"
    assert [f.code for f in result.applied] == ["T506", "T506"] and result.skipped == ()
    assert factlint.lint_text(result.text, kind="txt") == []
    data = json.loads(json.dumps(result.to_json()))
    assert set(data) == {"text", "applied", "skipped"} and data["applied"][0]["fix"]["applicability"] == "safe"


def test_markup_between_the_changes_is_kept():
    findings = factlint.lint_text(DASHED, kind="md")
    [f] = findings
    assert f.code == "T505" and len(f.fix.edits) == 2  # the dash, and the closing mark; the emphasis stays
    fixed = factlint.apply_fixes(DASHED, findings).text
    assert fixed == 'Orlov spoke after the match.\n\n"We *relaxed* after the second goal," the coach said.\n'
    assert factlint.lint_text(fixed, kind="md") == []


def test_a_fix_that_would_remove_markup_is_display_only():
    text = "The minister said the **the** plan was ready.\n"
    [f] = factlint.lint_text(text, kind="md")
    assert f.suggestion == "the" and f.fix.applicability == "display-only" and not f.fix.edits
    result = factlint.apply_fixes(text, [f])
    assert result.text == text and "markup" in result.skipped[0].reason


def test_html_entity_is_replaced_whole_and_the_replacement_escaped():
    text = "<p>The trans-Caspian line opened.</p><p>The trans&mdash;Caspian route is small.</p>"
    [f] = factlint.lint_text(text, kind="html")
    assert [(e.original, e.replacement) for e in f.fix.edits] == [("&mdash;", "-")]
    assert factlint.apply_fixes(text, [f]).text == text.replace("&mdash;", "-")
    quoted = "<p>&mdash; We relaxed after the &quot;second&quot; goal, the coach said.</p>"
    fixed = factlint.apply_fixes(quoted, factlint.lint_text(quoted, kind="html")).text
    assert fixed == "<p>\"We relaxed after the 'second' goal,\" the coach said.</p>"


def test_unsafe_fixes_only_when_asked():
    text = "The port deal was signed.\n\nTranslated by Google Translate\n"
    findings = factlint.lint_text(text, kind="txt")
    [f] = [f for f in findings if f.code == "T503"]
    assert f.fix.applicability == "unsafe" and "deletes" in f.fix.reason
    kept = factlint.apply_fixes(text, findings)
    assert kept.text == text and "not a safe fix" in kept.skipped[0].reason
    assert "Translated" not in factlint.apply_fixes(text, findings, unsafe=True).text


def _finding(code: str, start: int, end: int, replacement: str, text: str, applicability="safe") -> Finding:
    edit = Edit(start, end, 1, start + 1, 1, end + 1, text[start:end], replacement)
    return Finding("a.txt", 1, start + 1, 1, end + 1, code, "x", "warning", "m", (), replacement, start, end,
                   Fix(applicability, (edit,)))


def test_overlapping_fixes_take_the_first_and_say_why_for_the_other():
    text = "abcdef"
    first, second = _finding("X001", 1, 4, "B", text), _finding("X002", 3, 5, "D", text)
    same = _finding("X003", 1, 4, "B", text)
    result = factlint.apply_fixes(text, [second, same, first])
    assert result.text == "aBef"
    assert {f.code for f in result.applied} == {"X001", "X003"}
    assert [(s.finding.code, s.reason.split(";")[0]) for s in result.skipped] == [("X002", "overlaps the fix of X001 at 1:2")]
    # insertions at one point conflict; touching ranges do not
    assert factlint.apply_fixes(text, [_finding("X004", 2, 2, "+", text), _finding("X005", 2, 2, "-", text)]).text == "ab+cdef"
    assert factlint.apply_fixes(text, [_finding("X006", 0, 2, "", text), _finding("X007", 2, 3, "C", text)]).text == "Cdef"


def test_a_fix_for_other_text_is_skipped():
    findings = factlint.lint_text(DOUBLED, kind="txt")
    result = factlint.apply_fixes("Something else entirely, longer than the article was at first.\n" * 2, findings)
    assert result.applied == () and all("not the text that was linted" in s.reason for s in result.skipped)


def test_findings_round_trip_through_json():
    for f in factlint.lint_text(DASHED, kind="md") + factlint.lint_text(DOUBLED, kind="txt"):
        data = json.loads(json.dumps(f.to_json()))
        assert Finding.from_json(data) == f
        assert Finding.from_json({**data, "a_later_field": 1}) == f


def test_safety_follows_the_check_and_the_shape_of_the_suggestion():
    from factlint.fixes import SAFE_CHECKS, safety

    assert {"D101", "D102", "T504", "T505", "T506", "A402"} <= set(SAFE_CHECKS)
    assert safety("F601", "Julie Stuft", "Julie Stufft") == ("safe", None)
    assert safety("F601", "foreign minister", "US ambassador to Kazakhstan")[0] == "unsafe"
    assert safety("F601", "6 October 2025", "6 November 2025")[0] == "unsafe"
    assert safety("X801", "a", "b") == ("unsafe", "the check does not declare that the text decides its suggestion")


WORDS = ["the", "board", "met", "in", "port", "on", "Monday", "and", "approved", "a", "plan", "for", "new", "quays"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=30), st.integers(min_value=0),
       st.sampled_from(["txt", "md", "html"]), st.sampled_from(["\n", "\r\n"]))
def test_a_doubled_word_is_fixed_in_any_sentence_and_format(words, at, kind, newline):
    at %= len(words)
    doubled = words[:at + 1] + [words[at]] + words[at + 1:]
    if any(a.lower() == b.lower() for a, b in zip(words, words[1:])) or words[at][0].isupper():
        return  # only the one planted double, and a capitalised second word passes by design
    sentence = " ".join(doubled) + "."
    text = {"txt": f"{sentence}{newline}", "md": f"# Port{newline}{newline}{sentence}{newline}",
            "html": f"<p>{sentence}</p>{newline}"}[kind]
    findings = [f for f in factlint.lint_text(text, kind=kind) if f.code == "T506"]
    if not findings:
        return  # a grammatical double ("that that") or a stranded preposition the check allows
    result = factlint.apply_fixes(text, findings)
    assert result.text == text.replace(sentence, " ".join(words) + ".")
    assert not [f for f in factlint.lint_text(result.text, kind=kind) if f.code == "T506"]
