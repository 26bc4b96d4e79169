"""The analysed document every check receives.

``Document.text`` is the article's prose in one string. Readers build it so that
each character maps back to an exact place in the source file: Markdown keeps
the source's length (markup is blanked out, never removed), HTML keeps a list
of segments. Checks and analysers only ever see offsets into ``Document.text``;
the engine maps them to lines and columns once, at the end.

Analyses are computed on first use and then shared by every check, so a run
with only the text-integrity checks never pays for date or name analysis.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from factlint.source import Source

if TYPE_CHECKING:
    from factlint.analysis.sentences import Sentence


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit: a paragraph, heading, list item or quote paragraph."""

    start: int
    end: int
    kind: str  # "paragraph" | "heading"
    index: int


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[text_start:text_start+text_len]`` comes from ``source[source_start:source_start+source_len]``."""

    text_start: int
    text_len: int
    source_start: int
    source_len: int


@dataclass(frozen=True, slots=True)
class Directive:
    """A suppression comment: ``factlint: ignore|disable|enable|ignore-file [CODES]``."""

    action: str
    codes: frozenset[str]  # empty means every check
    offset: int  # position in Document.text where it takes effect
    source_start: int = 0  # the comment or directive line in the source file
    source_end: int = 0


@dataclass
class Document:
    source: Source
    text: str
    blocks: list[Block]
    segments: list[Segment] | None = None  # None: text offsets are source offsets
    meta: dict[str, Any] = field(default_factory=dict)
    published: dt.date | None = None
    directives: list[Directive] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    facts: Any = None  # the house fact base, when the run has one
    _segment_starts: list[int] | None = field(default=None, repr=False)
    # True once something asked for the publication date and there was none (the engine says so once).
    published_missing: bool = field(default=False, repr=False, compare=False)

    @property
    def path(self) -> str:
        return self.source.path

    # --- positions -------------------------------------------------------
    def to_source(self, offset: int) -> int:
        """Source offset of the character at text ``offset`` (a span start)."""
        if self.segments is None:
            return offset
        seg = self._segment(offset)
        if seg is None:
            return 0
        inside = offset - seg.text_start
        if seg.text_len == seg.source_len:
            return seg.source_start + min(inside, seg.source_len)
        return seg.source_start if inside < seg.text_len else seg.source_start + seg.source_len

    def to_source_end(self, end: int) -> int:
        """Source offset just after the text character at ``end - 1`` (a span end)."""
        if self.segments is None:
            return end
        if end <= 0:
            return self.to_source(0)
        seg = self._segment(end - 1)
        if seg is None:
            return 0
        if seg.text_len == seg.source_len:
            return seg.source_start + (end - seg.text_start)
        return seg.source_start + seg.source_len

    def _segment(self, offset: int) -> Segment | None:
        segments = self.segments
        if not segments:
            return None
        if self._segment_starts is None:
            self._segment_starts = [s.text_start for s in segments]
        i = bisect.bisect_right(self._segment_starts, offset) - 1
        return segments[max(i, 0)]

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column), 1-based, in the source file."""
        s = self.to_source(start)
        e = max(self.to_source_end(end), s)
        line, col = self.source.line_col(s)
        end_line, end_col = self.source.line_col(e)
        return line, col, end_line, end_col

    # --- structure -------------------------------------------------------
    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    def block_after(self, offset: int) -> Block | None:
        """The first block that starts at or after ``offset``."""
        i = bisect.bisect_left(self._block_starts, offset)
        return self.blocks[i] if i < len(self.blocks) else None

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]

    # --- shared analyses (computed once, on first use) -------------------
    @cached_property
    def sentences(self) -> list[Sentence]:
        from factlint.analysis.sentences import split_sentences

        return split_sentences(self)

    def sentence_at(self, offset: int) -> Sentence | None:
        from factlint.analysis.sentences import sentence_at

        return sentence_at(self, offset)

    @cached_property
    def words(self) -> list[tuple[int, int]]:
        """(start, end) of every word in the prose, in order."""
        from factlint.analysis.sentences import find_words

        return find_words(self)

    @cached_property
    def dates(self) -> list[Any]:
        from factlint.analysis.dates import analyze_dates

        return analyze_dates(self)

    @cached_property
    def events(self) -> list[Any]:
        from factlint.analysis.events import analyze_events

        return analyze_events(self)

    @cached_property
    def quantities(self) -> list[Any]:
        from factlint.analysis.quantities import analyze_quantities

        return analyze_quantities(self)

    @cached_property
    def breakdowns(self) -> list[Any]:
        from factlint.analysis.breakdowns import analyze_breakdowns

        return analyze_breakdowns(self)

    @cached_property
    def names(self) -> Any:
        from factlint.analysis.names import analyze_names

        return analyze_names(self)

    @cached_property
    def acronyms(self) -> Any:
        from factlint.analysis.acronyms import analyze_acronyms

        return analyze_acronyms(self)

    @cached_property
    def quotes(self) -> Any:
        from factlint.analysis.quotes import analyze_quotes

        return analyze_quotes(self)


def _get_published(doc: Document) -> dt.date | None:
    value = doc.__dict__["_published"]
    if value is None:
        doc.published_missing = True
    return value


def _set_published(doc: Document, value: dt.date | None) -> None:
    doc.__dict__["_published"] = None if isinstance(value, property) else value


# ``published`` stays a constructor field; reading it while it is None is remembered, so that a file
# whose checks needed a publication date and had none can say so instead of staying silent.
Document.published = property(_get_published, _set_published)  # type: ignore[assignment]
