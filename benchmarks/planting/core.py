"""The planting machinery: articles, edits, expectation spans and the registry of mutation kinds.

A mutation kind is a generator function `kind(article, rng)` that yields every `Plant` it can make
in one article (each a full copy of the article with exactly one error in it). The sampler in
`planting.sample` picks among them with a seeded random generator, so a run is repeatable.
Nothing here imports factlint: what is planted is read from the article text alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator


@dataclass(frozen=True)
class Para:
    """A paragraph (or the headline) of an article: offsets into the text and its 1-based line."""

    start: int
    end: int
    index: int          # 0 is the headline
    line: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    para: int           # index into Article.paras


class Article:
    """One corpus article: headline on line 1, a blank line, paragraphs split by blank lines."""

    def __init__(self, path: Path, text: str, published: dt.date | None):
        self.path = path
        self.name = path.name
        self.stem = path.stem
        self.text = text
        self.published = published

    @functools.cached_property
    def paras(self) -> list[Para]:
        out, line = [], 1
        for match in re.finditer(r"[^\n]+", self.text):
            line = self.text.count("\n", 0, match.start()) + 1
            out.append(Para(match.start(), match.end(), len(out), line))
        return out

    @functools.cached_property
    def body(self) -> list[Para]:
        """The paragraphs after the headline."""
        return self.paras[1:]

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for para in self.paras:
            for start, end in split_sentences(self.text, para.start, para.end):
                out.append(Sentence(start, end, para.index))
        return out

    def para_at(self, pos: int) -> Para:
        for para in self.paras:
            if para.start <= pos <= para.end:
                return para
        raise ValueError(pos)

    def sentence_at(self, pos: int) -> Sentence:
        for sent in self.sentences:
            if sent.start <= pos < sent.end:
                return sent
        raise ValueError(pos)

    def count(self, needle: str) -> int:
        return self.text.count(needle)


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen lt col sgt capt prof rev jr sr co corp inc ltd no vs "
    "jan feb mar apr aug sep sept oct nov dec mt ft u.s u.k u.n e.u etc e.g i.e approx dept est "
    "fig op pp ave blvd".split())
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]*[A-Z0-9])")


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of text[start:end]: a full stop, ! or ? before a capital, except after an
    abbreviation or a single initial."""
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == ".":
            word = re.search(r"([\w.]+)$", text[begin:match.start()])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                continue
        stop = match.end()
        yield begin, stop
        begin = stop
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        yield begin, end


@dataclass
class Plant:
    """A planted copy: the full text with one error, the spans an editor would mark and why."""

    check: str          # the check's code and the kind's name, set by the sampler
    kind: str
    text: str
    spans: list[str]
    why: str
    article: Article | None = None
    line_map: dict[int, int] = field(default_factory=dict)   # planted line -> original line
    allow: tuple[str, ...] = ()         # checks the error rightly sets off too (counted neither way)


class Draft:
    """Edits on an article's text (in original coordinates), applied at once."""

    def __init__(self, article: Article):
        self.article = article
        self.edits: list[tuple[int, int, str]] = []

    def replace(self, start: int, end: int, new: str) -> int:
        for s, e, _ in self.edits:
            if start < e and s < end or (start == end == s):
                raise ValueError("overlapping edits")
        self.edits.append((start, end, new))
        return len(self.edits) - 1

    def insert(self, pos: int, new: str) -> int:
        return self.replace(pos, pos, new)

    def apply(self) -> tuple[str, Callable[[int, bool], int], list[int]]:
        """The edited text, a map of original offsets (a start or an end) to new ones, and where
        each edit's new text starts."""
        text = self.article.text
        order = sorted(range(len(self.edits)), key=lambda k: self.edits[k][:2])
        pieces, last, length, starts = [], 0, 0, [0] * len(self.edits)
        for k in order:
            s, e, new = self.edits[k]
            pieces.append(text[last:s])
            length += s - last
            starts[k] = length
            pieces.append(new)
            length += len(new)
            last = e
        pieces.append(text[last:])
        edits = [self.edits[k] for k in order]

        def moved(pos: int, is_end: bool = False) -> int:
            shift = 0
            for s, e, new in edits:
                if e < pos or (e == pos and (s < e or not is_end)):
                    shift += len(new) - (e - s)
            return pos + shift
        return "".join(pieces), moved, starts

    def plant(self, why: str, spans: list[tuple[int, int] | int]) -> Plant | None:
        """Build the planted copy. A span is (start, end) in original coordinates (text the edits
        left alone), the index of an edit (its new text) or (index, start, end) within an edit's new
        text. Each span is widened by whole words
        until it occurs exactly once in the copy; a copy where that fails is dropped."""
        text, moved, starts = self.apply()
        if text == self.article.text:
            return None
        out = []
        for span in spans:
            if isinstance(span, int):
                start = starts[span]
                start, stop = _strip(text, start, start + len(self.edits[span][2]))
            elif len(span) == 3:          # (edit index, start, end) inside that edit's new text
                start, stop = starts[span[0]] + span[1], starts[span[0]] + span[2]
            else:
                start, stop = moved(span[0]), moved(span[1], True)
            found = unique_span(text, start, stop)
            if found is None:
                return None
            out.append(found)
        return Plant("", "", text, out, why, self.article, line_map(self.article.text, text))


def _strip(text: str, start: int, stop: int) -> tuple[int, int]:
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def unique_span(text: str, start: int, stop: int, limit: int = 400) -> str | None:
    """text[start:stop], widened a word at a time on alternate sides within its line, until it
    occurs exactly once in text."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", stop)
    line_end = len(text) if line_end == -1 else line_end
    if stop <= start:
        return None
    left = True
    while True:
        span = text[start:stop]
        if span.strip() and text.count(span) == 1 and span == span.strip():
            return span
        if stop - start > limit or (start <= line_start and stop >= line_end):
            return None
        if (left and start > line_start) or stop >= line_end:
            start = _word_left(text, start, line_start)
        else:
            stop = _word_right(text, stop, line_end)
        left = not left


def _word_left(text: str, pos: int, floor: int) -> int:
    pos -= 1
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    while pos > floor and not text[pos - 1].isspace():
        pos -= 1
    return max(pos, floor)


def _word_right(text: str, pos: int, ceiling: int) -> int:
    pos += 1
    while pos < ceiling and text[pos].isspace():
        pos += 1
    while pos < ceiling and not text[pos].isspace():
        pos += 1
    return min(pos, ceiling)


def line_map(original: str, planted: str) -> dict[int, int]:
    """Planted line -> original line for lines the mutation kept, and for lines that replace a
    single original line (a paragraph re-wrapped or edited in place)."""
    import difflib
    a, b = original.split("\n"), planted.split("\n")
    out = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(j2 - j1):
                out[j1 + k + 1] = i1 + k + 1
        elif tag == "replace" and i2 - i1 == 1:
            for k in range(j2 - j1):
                out[j1 + k + 1] = i1 + 1
    return out


@dataclass(frozen=True)
class Kind:
    check: str
    name: str
    func: Callable[[Article, object], Iterator[Plant | None]]
    needs_date: bool
    description: str


KINDS: dict[str, list[Kind]] = {}


def kind(check: str, needs_date: bool = False):
    """Register a mutation kind for a check; its name is the function's, its description the
    first line of its docstring."""
    def register(func):
        doc = (func.__doc__ or "").strip().splitlines()
        if not doc:
            raise ValueError(f"{func.__name__}: a mutation kind needs a one-line description")
        name = func.__name__.strip("_").replace("_", "-")
        KINDS.setdefault(check, []).append(Kind(check, name, func, needs_date, doc[0].strip()))
        return func
    return register


def shuffled(items, rng) -> list:
    """The items in a seeded random order: kinds that could plant at many sites try them in this
    order, and the sampler takes one of the first few that work."""
    out = list(items)
    rng.shuffle(out)
    return out


def words_at(text: str, pos: int) -> str:
    """The word at pos (letters, digits, apostrophes and hyphens)."""
    m = re.search(r"[\w'’-]*\Z", text[:pos])
    n = re.match(r"[\w'’-]*", text[pos:])
    return (m.group(0) if m else "") + (n.group(0) if n else "")
