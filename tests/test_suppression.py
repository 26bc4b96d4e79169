"""Suppression comments (Markdown, HTML, plain text) and per-file ignores."""

from __future__ import annotations

import pytest

from factlint.config import Settings
from tests.conftest import ROOT, lint_with
from factlint.suppression import SuppressionUnknownCheck, SuppressionUnused
from tests.engine_checks import InfoEveryBlock, MarkQuay


def quay_lines(text: str, name: str = "a.md", checks=(MarkQuay,)) -> list[int]:
    return [f.line for f in lint_with(list(checks), text, name).findings if f.code == "Z901"]


MD = """Intro with a quay.

<!-- factlint: ignore Z901 -->
The next block has a quay
over two lines, quay.

This quay is reported.
"""


def test_markdown_ignore_covers_the_next_block_only():
    assert quay_lines(MD) == [1, 7]


@pytest.mark.parametrize("codes", ["", "Z901", "Z9", "Z", "mark-quay", "z901", "Z901, T506", "Z901 -- checked"])
def test_ignore_accepts_codes_prefixes_and_names(codes):
    assert quay_lines(MD.replace("ignore Z901", f"ignore {codes}")) == [1, 7]


def test_ignore_for_another_check_does_not_apply():
    assert quay_lines(MD.replace("ignore Z901", "ignore T506")) == [1, 4, 5, 7]


def test_ignore_reason_is_not_read_as_codes():
    assert quay_lines(MD.replace("ignore Z901", "ignore T506 -- mark-quay is fine")) == [1, 4, 5, 7]


def test_inline_ignore_covers_its_own_paragraph():
    text = "A quay <!-- factlint: ignore Z901 --> and another quay.\n\nA later quay.\n"
    assert quay_lines(text) == [3]


def test_disable_enable_range():
    text = ("One quay.\n\n<!-- factlint: disable mark-quay -->\n\nTwo quay.\n\nThree quay.\n\n"
            "<!-- factlint: enable mark-quay -->\n\nFour quay.\n")
    assert quay_lines(text) == [1, 11]


def test_disable_all_then_enable_one():
    text = "<!-- factlint: disable -->\n\nA quay.\n\n<!-- factlint: enable Z901 -->\n\nB quay.\n"
    result = lint_with([MarkQuay, InfoEveryBlock], text, "a.md")
    assert [(f.code, f.line) for f in result.findings] == [("Z901", 7)]


def test_disable_without_enable_runs_to_the_end():
    assert quay_lines("One quay.\n\n<!-- factlint: disable -->\n\nTwo quay.\n\nThree quay.\n") == [1]


@pytest.mark.parametrize("where", ["top", "bottom"])
def test_ignore_file(where):
    comment = "<!-- factlint: ignore-file Z901 -->\n\n"
    body = "One quay.\n\nTwo quay.\n\n"
    text = comment + body if where == "top" else body + comment
    result = lint_with([MarkQuay, InfoEveryBlock], text, "a.md")
    assert [f.code for f in result.findings] == ["Z903", "Z903"]


def test_html_comments():
    text = ("<p>One quay.</p>\n<!-- factlint: ignore Z901 -->\n<p>Two quay.</p>\n<p>Three quay.</p>\n"
            "<!-- factlint: disable Z901 --><p>Four quay.</p><!-- factlint: enable Z901 -->\n<p>Five quay.</p>\n")
    assert quay_lines(text, "a.html") == [1, 4, 6]


@pytest.mark.parametrize("prefix", ["", "# ", "// ", "<!-- "])
def test_plain_text_directive_lines(prefix):
    text = f"Title\n\nOne quay.\n\n{prefix}factlint: ignore Z901\nTwo quay.\n\nThree quay.\n"
    assert quay_lines(text, "a.txt") == [3, 8]


def test_plain_text_directive_in_a_file_of_one_paragraph_a_line():
    text = "One quay.\n# factlint: ignore mark-quay\nTwo quay.\nThree quay.\n"
    assert quay_lines(text, "a.txt") == [1, 4]


def test_plain_text_disable_enable_and_ignore_file():
    text = "One quay.\nfactlint: disable\nTwo quay.\nfactlint: enable\nThree quay.\n"
    assert quay_lines(text, "a.txt") == [1, 5]
    assert quay_lines("# factlint: ignore-file\nOne quay.\n", "a.txt") == []


def test_a_directive_in_prose_is_not_a_directive():
    text = "The manual says factlint: ignore this quay.\n"
    assert quay_lines(text, "a.txt") == [1]


def test_per_file_ignores_by_glob():
    settings = Settings(root=ROOT, per_file_ignores={"archive/*.md": ["Z901"], "*.txt": ["mark-quay"]})
    text = "A quay.\n"
    assert lint_with([MarkQuay], text, str(ROOT / "archive" / "old.md"), settings).findings == []
    assert lint_with([MarkQuay], text, str(ROOT / "notes.txt"), settings).findings == []
    assert len(lint_with([MarkQuay], text, str(ROOT / "news" / "new.md"), settings).findings) == 1


# --- suppressions that cannot be right ------------------------------------------------------------

def test_a_suppression_naming_an_unknown_code_is_reported():
    text = "Intro.\n\n<!-- factlint: ignore Z9O1 -->\nA quay.\n"
    result = lint_with([MarkQuay, SuppressionUnknownCheck], text, "a.md")
    assert [(f.code, f.line, f.column) for f in result.findings] == [("S001", 3, 1), ("Z901", 4, 3)]
    unknown = result.findings[0]
    assert "'Z9O1' (did you mean Z901?)" in unknown.message and unknown.severity == "warning"
    assert (unknown.end_line, unknown.end_column) == (3, len("<!-- factlint: ignore Z9O1 -->") + 1)


@pytest.mark.parametrize("text, name", [("One quay.\n# factlint: ignore mark-qauy\nTwo quay.\n", "a.txt"),
                                        ("<p>A quay.</p><!-- factlint: disable X999 --><p>B.</p>", "a.html")])
def test_unknown_codes_in_text_and_html(text, name):
    assert "S001" in [f.code for f in lint_with([MarkQuay, SuppressionUnknownCheck], text, name).findings]


def test_a_reason_without_the_dashes_is_read_as_codes_and_reported():
    result = lint_with([MarkQuay, SuppressionUnknownCheck], "<!-- factlint: ignore Z901 the quay is a name -->\nA quay.\n",
                       "a.md")
    assert [f.code for f in result.findings] == ["S001"]
    assert "'the'" in result.findings[0].message and "a reason goes after '--'" in result.findings[0].message


def test_unused_suppressions_are_reported_on_request():
    text = ("<!-- factlint: ignore Z901 -->\nA quay.\n\n<!-- factlint: ignore Z901 -->\nNo marker here.\n\n"
            "<!-- factlint: ignore-file info-every-block -->\n")
    checks = [MarkQuay, InfoEveryBlock, SuppressionUnused]
    plain = lint_with(checks, text, "a.md", Settings(root=ROOT, select=["Z901"]))
    assert [f.code for f in plain.findings] == []
    asked = lint_with(checks, text, "a.md", Settings(root=ROOT, select=["Z901"], report_unused_suppressions=True))
    # the second hid nothing; the third names a check that did not run here, so it cannot be judged
    assert [(f.code, f.line) for f in asked.findings] == [("S002", 4)]
    assert "hid no finding" in asked.findings[0].message


def test_unused_suppressions_through_the_cli(project):
    project.write("a.md", "<!-- factlint: ignore Z901 -->\nNothing here.\n")
    assert project.run("a.md")[0] == 0
    code, out, _ = project.run("--report-unused-suppressions", "a.md")
    assert code == 1 and out.startswith("a.md:1:1: S002 [warning]")
