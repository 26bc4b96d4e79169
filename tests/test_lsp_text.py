"""The server's documents: LSP positions in every encoding, and incremental edits, against a plain reference."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.lsp.text import UTF8, UTF16, UTF32, TextDocument, code_points, units

# Line breaks of every kind, characters outside the BMP, CJK, combining marks, U+2028 and form feeds.
ALPHABET = st.sampled_from(list("ab \t.\n\r\u2028\x0c\x85é北京😀🎉𠀋\u0301"))
TEXTS = st.text(ALPHABET, max_size=60)
ENCODINGS = st.sampled_from([UTF8, UTF16, UTF32])


def reference_lines(text: str) -> list[str]:
    """The LSP's lines, as the specification defines them (CRLF, CR or LF end a line; nothing else)."""
    return re.split(r"\r\n|\r|\n", text)


def reference_starts(text: str) -> list[int]:
    starts, i = [0], 0
    while i < len(text):
        step = 2 if text.startswith("\r\n", i) else 1
        if text[i] in "\r\n":
            starts.append(i + step)
        i += step
    return starts


def encoded(text: str, encoding: str) -> int:
    return {UTF8: len(text.encode("utf-8")), UTF16: len(text.encode("utf-16-le")) // 2, UTF32: len(text)}[encoding]


@given(TEXTS, ENCODINGS, st.data())
def test_position_and_offset_agree_with_the_specification(text, encoding, data):
    doc = TextDocument("file:///a.txt", "plaintext", 1, text)
    lines = reference_lines(text)
    line = data.draw(st.integers(0, len(lines) - 1))
    column = data.draw(st.integers(0, len(lines[line])))
    offset = reference_starts(text)[line] + column
    assert doc.position(offset, encoding) == (line, encoded(lines[line][:column], encoding))
    assert doc.offset(line, encoded(lines[line][:column], encoding), encoding) == offset


@given(TEXTS, ENCODINGS)
def test_positions_past_the_end_are_clamped(text, encoding):
    doc = TextDocument("file:///a.txt", "plaintext", 1, text)
    lines = reference_lines(text)
    assert doc.offset(len(lines) + 3, 0, encoding) == len(text)
    assert doc.offset(len(lines) - 1, 10_000, encoding) == len(text)
    assert doc.offset(-1, 0, encoding) == 0
    assert doc.position(len(text) + 5, encoding)[0] == len(lines) - 1


@settings(max_examples=200)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80), TEXTS), max_size=8), ENCODINGS)
def test_incremental_edits_match_splicing_the_text(text, edits, encoding):
    doc = TextDocument("file:///a.txt", "plaintext", 1, text)
    expected = text
    for a, b, new in edits:
        a, b = (min(x, len(expected)) for x in (a, b))
        # no LSP position lies between the CR and the LF of a CRLF: a client sends the line's end
        a, b = sorted(x - 1 if expected[x - 1:x + 1] == "\r\n" else x for x in (a, b))
        # an edit the client sends: positions from the reference lines of the text it holds
        (sl, sc), (el, ec) = doc.position(a, encoding), doc.position(b, encoding)
        doc.edit(doc.offset(sl, sc, encoding), doc.offset(el, ec, encoding), new)
        expected = expected[:a] + new + expected[b:]
        assert doc.text == expected


def test_a_position_inside_a_surrogate_pair_covers_the_whole_character():
    assert code_points("😀x", 1, UTF16) == 1
    assert code_points("😀x", 2, UTF16) == 1
    assert code_points("😀x", 3, UTF16) == 2
    assert code_points("é", 1, UTF8) == 1
    assert units("a😀北", UTF16) == 4 and units("a😀北", UTF8) == 8 and units("a😀北", UTF32) == 3
