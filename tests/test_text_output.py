"""Snapshots of the human formats: the sentence, the underline, related excerpts, collapsed item lists,
wrapping at 80 and 120 columns, colour on and off. FACTLINT_SNAPSHOTS=update rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
ARTICLE = SNAPSHOTS / "article.md"


@pytest.fixture
def article(project):
    project.config(select=["D", "N", "T"])
    project.write("article.md", ARTICLE.read_bytes())
    return project


def _compare(name: str, text: str) -> None:
    snapshot = SNAPSHOTS / name
    if os.environ.get("FACTLINT_SNAPSHOTS") == "update":
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8"), f"{name} differs (FACTLINT_SNAPSHOTS=update rewrites it)"


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("colour", ["never", "always"])
def test_full_format_snapshot(article, monkeypatch, width, colour):
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = article.run("--color", colour, "article.md")
    assert code == 1
    _compare(f"full-{width}{'-colour' if colour == 'always' else ''}.txt", out)
    plain = out if colour == "never" else _strip(out)
    assert max(len(line) for line in plain.splitlines()) <= width
    if colour == "always":
        assert plain == (SNAPSHOTS / f"full-{width}.txt").read_text(encoding="utf-8")


def test_concise_format_snapshot(article):
    _compare("concise.txt", article.run("--output-format", "concise", "article.md")[1])


def _strip(text: str) -> str:
    import re

    return re.sub(r"\033\[[0-9;]*m", "", text)


def test_snippet_cuts_long_lines_around_the_span_and_marks_the_cut(article, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = article.run("article.md")[1].splitlines()
    snippet = next(line for line in out if line.startswith(" 8 | "))
    underline = out[out.index(snippet) + 1]
    assert snippet.startswith(" 8 | …") and snippet.endswith("…")
    assert snippet[underline.index("^"):underline.rindex("^") + 1] == "the the"


def test_wide_characters_keep_the_underline_under_the_span(project, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    project.config(select=["T506"])
    project.write("a.txt", "東京 said the the plan was ready.\n")
    out = project.run("a.txt")[1].splitlines()
    snippet, underline = out[2], out[3]
    assert underline.index("^") == snippet.index("the the") + 2  # two columns for each of 東 and 京


def test_related_places_in_another_line_show_their_own_excerpt(article, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = article.run("article.md")[1]
    assert "= 8:4: the " in out and '"On 14 May 2025, the harbour board met in Gdansk' in out
    assert "= 3 items, 10:21–10:39" in out
    assert "article.md:8:4" not in out  # the path is not repeated for related places
