"""Every span maps to the right place in the source file, through any markup.

The invariant: for every word the readers put in ``doc.text``, the source text
at the mapped span is that word (for HTML, once tags are dropped and entities
decoded). It runs over every fixture, their CRLF and BOM variants, and the
shared cases when ../shared is present.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from factlint.readers import read
from factlint.source import decode
from tests.conftest import FIXTURES, SHARED, lint_with
from tests.engine_checks import LinkQuays, MarkQuay

WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
TAG = re.compile(r"<[^>]*>")
SUFFIXES = {".md", ".txt", ".html", ".htm", ".markdown"}


def _articles() -> list[Path]:
    paths = sorted(p for p in FIXTURES.rglob("*") if p.suffix in SUFFIXES)
    if SHARED.is_dir():
        paths += sorted(p for p in (SHARED / "cases").glob("*") if p.suffix in SUFFIXES)
        paths += sorted((SHARED / "seed").glob("*.txt"))
        paths += sorted((SHARED / "corpus" / "real").glob("*.txt"))[::25]
    return paths


def variants(data: bytes) -> dict[str, bytes]:
    crlf = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return {"as-is": data, "crlf": crlf, "bom": b"\xef\xbb\xbf" + data, "bom-crlf": b"\xef\xbb\xbf" + crlf}


def assert_words_map(doc) -> int:
    """Check the invariant for every word of every block; return how many words were checked."""
    source = doc.source.text
    checked = 0
    for block in doc.blocks:
        for m in WORD.finditer(doc.text, block.start, block.end):
            start, end = doc.to_source(m.start()), doc.to_source_end(m.end())
            found = source[start:end]
            if doc.segments is not None:
                found = html.unescape(TAG.sub("", found))
            assert found == m.group(), (doc.path, m.start(), m.group(), found)
            checked += 1
    return checked


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.name)
def test_every_word_maps_back_to_the_source(path: Path):
    for label, data in variants(path.read_bytes()).items():
        doc = read(decode(path.name, data))
        checked = assert_words_map(doc)
        assert checked or not doc.text.strip(), f"{path.name} ({label}): no words read"


def test_variants_keep_the_same_words():
    path = FIXTURES / "engine" / "markup.md"
    words = {label: [m.group() for m in WORD.finditer(read(decode(path.name, data)).text)]
             for label, data in variants(path.read_bytes()).items()}
    assert words["crlf"] == words["as-is"] == words["bom"] == words["bom-crlf"]


def expected_positions(source: str, word: str) -> list[tuple[int, int]]:
    """1-based (line, column) of each whole-word occurrence, found independently of the engine."""
    out = []
    for n, line in enumerate(source.split("\n"), start=1):
        out += [(n, m.start() + 1) for m in re.finditer(rf"(?<!\w){word}(?!\w)", line, re.I)]
    return out


NOT_PROSE = re.compile(r"!\[[^\]]*\]|alt=\"[^\"]*\"|\(quay\.png\)|src=\"quay\.png\"")


def _not_prose(source: str) -> set[tuple[int, int]]:
    """Positions of 'quay' inside image alt text and file names: the fixtures' only non-prose quays."""
    out = set()
    for n, line in enumerate(source.split("\n"), start=1):
        for m in NOT_PROSE.finditer(line):
            out |= {(n, m.start() + k.start() + 1) for k in re.finditer("quay", m.group(), re.I)}
    return out


def _finding_positions(result):
    return [(f.line, f.column) for f in result.findings]


@pytest.mark.parametrize("name", ["markup.md", "page.html", "wrapped.txt", "lines.txt"])
@pytest.mark.parametrize("variant", ["as-is", "crlf", "bom"])
def test_findings_land_on_the_word_in_the_source(name: str, variant: str):
    data = variants((FIXTURES / "engine" / name).read_bytes())[variant]
    result = lint_with([MarkQuay], data, name)
    assert not result.error
    source = decode(name, data).text
    expected = [p for p in expected_positions(source, "quay") if p not in _not_prose(source)]
    assert _finding_positions(result) == expected
    for f in result.findings:
        assert f.end_line == f.line and f.end_column == f.column + 4


def test_columns_count_code_points_not_bytes():
    text = "Café 😀 naïve — the quay is here.\n"
    f = lint_with([MarkQuay], text).findings[0]
    assert (f.line, f.column) == (1, text.index("quay") + 1)
    assert f.column == 20


def test_html_entities_before_a_word_do_not_shift_it():
    text = "<p>&ldquo;Caf&eacute; &amp; quay&rdquo; &#x1F600; quay</p>\n"
    result = lint_with([MarkQuay], text, "page.html")
    assert _finding_positions(result) == [(1, text.index("quay") + 1), (1, text.rindex("quay") + 1)]


def test_span_over_an_entity_covers_the_whole_entity():
    text = "<p>the quay&rsquo;s wall</p>"
    doc = read(decode("a.html", text.encode()))
    start = doc.text.index("quay’s")
    assert text[doc.to_source(start):doc.to_source_end(start + len("quay’s"))] == "quay&rsquo;s"


def test_related_locations_point_at_the_other_place():
    text = "First quay here.\n\nSecond paragraph.\n\nLast quay there.\n"
    f = lint_with([LinkQuays], text).findings[0]
    assert (f.line, f.column, f.end_line, f.end_column) == (5, 6, 5, 10)
    assert [(r.line, r.column, r.end_line, r.end_column) for r in f.related] == [(1, 7, 1, 11)]


def test_span_across_lines_ends_on_the_later_line():
    text = "Intro line.\n\nThe old\nquay.\n"
    doc = read(decode("a.txt", text.encode()))
    start = doc.text.index("old")
    assert doc.span_position(start, doc.text.index("quay") + 4) == (3, 5, 4, 5)


def test_markdown_front_matter_lines_are_counted():
    text = "---\ntitle: x\ndate: 2024-01-02\n---\n\nThe quay.\n"
    assert _finding_positions(lint_with([MarkQuay], text, "a.md")) == [(6, 5)]


def test_markdown_table_cells_map_to_their_columns():
    text = "| Place | Note |\n|---|---|\n| old quay | new quay |\n"
    assert _finding_positions(lint_with([MarkQuay], text, "a.md")) == [(3, 7), (3, 18)]


def test_empty_document_has_no_positions_to_break():
    doc = read(decode("a.html", b""))
    assert doc.text == "" and doc.blocks == []
    assert doc.span_position(0, 0) == (1, 1, 1, 1)
