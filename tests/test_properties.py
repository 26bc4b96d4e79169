"""Properties over every registered check, on any text in Markdown, HTML and plain text.

No exception (a failing check shows up as a warning on the result), every finding
and related location inside the file, and the same findings in the same order
on every run. Whatever checks are registered take part, so families join as they land.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.config import Settings
from factlint.engine import Linter
from factlint.registry import load_registry
from tests.conftest import ROOT

REGISTRY = load_registry()
LINTER = Linter(Settings(select=["ALL"], root=ROOT), REGISTRY, dt.date(2025, 11, 7))
UNDATED = Linter(Settings(select=["ALL"], root=ROOT), REGISTRY)

FRAGMENTS = [
    # prose
    "The", "the", "summit", "was", "held", "in", "Washington", "on", "said", "Marco Rubio", "Ms Sánchez", "it's",
    "'90s", "rock 'n' roll", "that that", "had had", "the the", "per cent", "$7 billion", "45%", "1,200", "3.5",
    "6 November 2025", "November 6", "Thursday", "2023", "in 1974", "40 years ago", "next week", "yesterday",
    "February 30", "from 12 to 5 March", "two days later", "on the eve of", "EEA", "EAEU", "NATO", "the UN",
    "(SCO)", "Eurasian Economic Union", "multi—vector", "Jackson–Vanik", "Переведено сервисом", "Яндекс",
    "Εθνικό", "naïve", "Café", "😀", "\u00a0", "\u200b", "\u2028", "\ufeff",
    # punctuation
    ".", ",", ";", ":", "!", "?", "…", '"', "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "—", "–", "-",
    "— ", " — ", "/", "&",
    # whitespace
    " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\n\n\n",
    # markup
    "# ", "## ", "=====", "---\n", "---\ndate: 2025-11-07\n---\n", "*", "**", "_", "`", "```\n", "    ", "> ",
    "- ", "1. ", "[", "](http://x.org)", "![alt](a.png)", "<p>", "</p>", "<br>", "<b>", "</b>", "<script>",
    "</script>", "<article>", "</article>", "<nav>", "<time datetime=\"2024-02-29\">", "</time>", "<!--", "-->",
    "<!-- factlint: ignore -->", "<!-- factlint: disable T -->", "factlint: enable", "&amp;", "&nbsp;", "&#8217;",
    "&#x2014;", "&bogus;", "| a | b |\n|---|---|\n| 1 | 2 |\n", "\\*", "http://example.org/a_b",
]

articles = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=80).map("".join)


def assert_inside(text: str, line: int, column: int, end_line: int, end_column: int) -> None:
    lines = text.split("\n")
    assert 1 <= line <= end_line <= len(lines)
    assert 1 <= column <= len(lines[line - 1]) + 1
    assert 1 <= end_column <= len(lines[end_line - 1]) + 1
    assert (line, column) <= (end_line, end_column)


def check_properties(linter: Linter, text: str, name: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    first = linter.lint_bytes(name, data)
    if first.error:
        assert "\x00" in text or "surrogate" in first.error or "UTF-8" in first.error, first.error
        return
    failures = [w for w in first.warnings if w.startswith("check ")]
    assert not failures, failures
    source = text.removeprefix("\ufeff")
    for f in first.findings:
        assert_inside(source, f.line, f.column, f.end_line, f.end_column)
        for r in f.related:
            assert_inside(source, r.line, r.column, r.end_line, r.end_column)
        assert f.message and f.code in REGISTRY.checks
    assert first.findings == sorted(first.findings, key=lambda f: f.sort_key())
    second = linter.lint_bytes(name, data)
    assert second.findings == first.findings and second.warnings == first.warnings


FAST = settings(max_examples=35, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(articles)
def test_plain_text(text):
    check_properties(LINTER, text, "article.txt")


@FAST
@given(articles)
def test_markdown(text):
    check_properties(LINTER, text, "article.md")


@FAST
@given(articles)
def test_html(text):
    check_properties(LINTER, text, "article.html")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_without_a_publication_date(text, name):
    check_properties(UNDATED, text, name)


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_unicode(text, name):
    check_properties(LINTER, text, name)
