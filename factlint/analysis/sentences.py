"""Sentences and words: the units every other analyser and check builds on."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.document import Document


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int  # index of the Block it belongs to


ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp det
no nos vol p pp fig ed eds est approx dept univ assn bros co corp inc ltd plc llc cf vs etc al ie eg
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
""".split())

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can open a sentence.
BOUNDARY = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[—–-]?\s?[A-Z0-9\u0400-\u04FF])")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    token = text[j:dot]
    if not token:
        return False
    bare = token.replace(".", "").lower()
    if bare in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return "." in token and len(bare) <= 4  # U.S., U.N., a.m.


def split_sentences(doc: Document) -> list[Sentence]:
    text = doc.text
    out: list[Sentence] = []
    for block in doc.blocks:
        start = block.start
        for m in BOUNDARY.finditer(text, block.start, block.end):
            if m.group(1) == "." and _is_abbreviation(text, m.start(1)):
                continue
            end = m.end(2)
            if end > start:
                out.append(Sentence(start, end, block.index))
            start = m.end(3)
        if start < block.end:
            out.append(Sentence(start, block.end, block.index))
    return out


def sentence_at(doc: Document, offset: int) -> Sentence | None:
    sentences = doc.sentences
    starts = doc.__dict__.get("_sentence_starts")
    if starts is None or len(starts) != len(sentences):
        starts = [s.start for s in sentences]
        doc.__dict__["_sentence_starts"] = starts
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


def find_words(doc: Document) -> list[tuple[int, int]]:
    text = doc.text
    return [m.span() for block in doc.blocks for m in WORD.finditer(text, block.start, block.end)]
