"""The fix model: which suggestions ``--fix`` may apply, as edits of the source text.

A check's suggestion is replacement text for its span in ``doc.text`` (the prose). A fix turns it into
edits of the *source*: the changed region between the span and the suggestion, mapped back through the
reader (in HTML an entity is replaced whole and the inserted text is escaped). When that region holds
markup, the changed pieces are found one by one so that the markup between them stays. A piece that would
remove markup, change a line break or insert what Markdown reads as markup cannot be applied
mechanically: the fix is *display-only* and says why.

Whether an applicable fix is *safe* (the text decides it, so ``--fix`` applies it without asking) is a
property of the check that made it (``SAFE_CHECKS``) and, for the fact base, of the suggestion's shape: a
spelling correction is safe, putting other words in is a judgement (*unsafe*: ``--unsafe-fixes``).

Applying fixes to a text is ``factlint.fix_apply`` (imported only by the callers that apply them).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from factlint.findings import Applicability, Edit, Fix

if TYPE_CHECKING:
    from factlint.document import Document

# Checks whose suggestion the text decides, and why.
SAFE_CHECKS = {
    "D101": "the check suggests a date only when the rest of the article supports it",
    "D102": "the calendar decides the weekday",
    "A401": "the acronym the article itself defines, or the initials of the name it abbreviates",
    "A402": "the organisation whose members and business the article names",
    "T502": "the letters are look-alikes: the one-alphabet spelling reads the same",
    "T504": "a hyphen joins the compound",
    "T505": "the same words, between quotation marks",
    "T506": "the doubled word, once",
}
# Checks whose suggestion is a good guess that an editor should confirm, and why.
UNSAFE_CHECKS = {
    "D106": "the relative phrase may be what is wrong, not the date",
    "E301": "the article does not say which of its spellings is right",
    "T503": "it deletes a passage; read what is left around it",
    "F601": "it puts the fact base's words in place of the article's; check that they mean the same",
}
UNDECLARED = "the check does not declare that the text decides its suggestion"
# Characters that Markdown reads as markup (emphasis, code, links, HTML, escapes, table cells, entities).
MARKDOWN_ACTIVE = frozenset("*_`[]<>\\|&")
HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
LONGEST_DIFFED_SPAN = 4000  # longer spans are not split into pieces (difflib is quadratic)


class NotApplicable(Exception):
    """The suggestion cannot be written into the source mechanically; the message says why."""


def fix_for(doc: Document, code: str, start: int, end: int, suggestion: str) -> Fix | None:
    """The fix for a suggestion over ``doc.text[start:end]``, or None when it changes nothing."""
    prose = doc.text[start:end]
    if suggestion == prose:
        return None
    try:
        edits = _edits(doc, start, end, suggestion)
    except NotApplicable as exc:
        return Fix("display-only", (), str(exc))
    except Exception as exc:  # a bug here must not cost the finding: the suggestion is still shown
        return Fix("display-only", (), f"the fix could not be worked out ({type(exc).__name__}); please report this")
    applicability, reason = safety(code, prose, suggestion)
    return Fix(applicability, edits, reason)


def safety(code: str, flagged: str, suggestion: str) -> tuple[Applicability, str | None]:
    """Whether the text decides a check's suggestion (safe), or an editor should (unsafe, with the reason)."""
    if code in SAFE_CHECKS:
        return "safe", None
    if code == "F601" and _spelling_correction(flagged, suggestion):
        return "safe", None
    return "unsafe", UNSAFE_CHECKS.get(code, UNDECLARED)


def _spelling_correction(flagged: str, suggestion: str) -> bool:
    """The same words, each spelt at most a few letters differently ("Stuft" for "Stufft")."""
    old, new = flagged.split(), suggestion.split()
    return len(old) == len(new) and all(a == b or _near(a, b) for a, b in zip(old, new))


def _near(a: str, b: str) -> bool:
    """Edit distance at most a third of the shorter word (at least 1), by the banded dynamic programme."""
    limit = max(1, min(len(a), len(b)) // 3)
    if abs(len(a) - len(b)) > limit or max(len(a), len(b)) > 64:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


# --- from the prose span to source edits ----------------------------------------------------------

def _edits(doc: Document, start: int, end: int, suggestion: str) -> tuple[Edit, ...]:
    """One edit for the changed middle; failing that, one per changed piece, so markup between them stays."""
    prose = doc.text[start:end]
    head = 0
    limit = min(len(prose), len(suggestion))
    while head < limit and prose[head] == suggestion[head]:
        head += 1
    tail = 0
    while tail < limit - head and prose[-1 - tail] == suggestion[-1 - tail]:
        tail += 1
    try:
        return (_edit(doc, start, start + head, end - tail, suggestion[head:len(suggestion) - tail]),)
    except NotApplicable as whole:
        if len(prose) > LONGEST_DIFFED_SPAN:
            raise
        from difflib import SequenceMatcher

        pieces = [(i1, i2, suggestion[j1:j2]) for op, i1, i2, j1, j2 in
                  SequenceMatcher(None, prose, suggestion, autojunk=False).get_opcodes() if op != "equal"]
        if len(pieces) < 2:
            raise whole from None
        return tuple(_edit(doc, start, start + i1, start + i2, new) for i1, i2, new in pieces)


def _edit(doc: Document, span_start: int, a: int, b: int, new: str) -> Edit:
    """The source edit that makes ``doc.text[a:b]`` read ``new``."""
    old = doc.text[a:b]
    if old.count("\n") != new.count("\n") or old.count("\r") != new.count("\r"):
        raise NotApplicable("the fix would change line breaks")
    src = doc.source.text
    if doc.segments is None:  # plain text and Markdown: a prose offset is a source offset
        if src[a:b] != old:
            raise NotApplicable("the flagged text contains markup that the replacement would remove")
        if a == b and 0 < a < len(src) and src[a - 1] != doc.text[a - 1] and src[a] != doc.text[a]:
            raise NotApplicable("the text would be inserted inside markup")
        if doc.source.kind == "markdown" and MARKDOWN_ACTIVE.intersection(new):
            raise NotApplicable("the replacement has characters that Markdown reads as markup")
        s, e, replacement = a, b, new
    else:
        s, e = _html_range(doc, span_start, a, b)
        replacement = new.translate(HTML_ESCAPES)
    line, column = doc.source.line_col(s)
    end_line, end_column = doc.source.line_col(e)
    return Edit(s, e, line, column, end_line, end_column, src[s:e], replacement)


def _html_range(doc: Document, span_start: int, a: int, b: int) -> tuple[int, int]:
    """Source range of the prose ``[a, b)`` of an HTML document, which must hold only text and entities."""
    segments = doc.segments or []
    src = doc.source.text
    if a == b:  # an insertion: right after the character before it, or before the first one of the span
        at = a - 1 if a > span_start else a
        i = bisect.bisect_right(segments, at, key=lambda g: g.text_start) - 1
        if i < 0 or not _is_text(doc, segments[i]):
            raise NotApplicable("the text would be inserted inside markup")
        position = doc.to_source_end(a) if a > span_start else doc.to_source(a)
        return position, position
    i = max(bisect.bisect_right(segments, a, key=lambda g: g.text_start) - 1, 0)
    first = last = None
    while i < len(segments) and segments[i].text_start < b:
        g = segments[i]
        i += 1
        if g.text_start + g.text_len <= a or not g.text_len:
            continue
        if not _is_text(doc, g):
            raise NotApplicable("the flagged text crosses markup that the replacement would remove")
        if last is not None and last.source_start + last.source_len != g.source_start:
            raise NotApplicable("the flagged text contains markup that the replacement would remove")
        first = first or g
        last = g
    if first is None or last is None:
        raise NotApplicable("the flagged text is not in the source")
    if _is_entity(first, src):
        if a != first.text_start:
            raise NotApplicable("the change starts inside an entity")
        s = first.source_start
    else:
        s = first.source_start + (a - first.text_start)
    if _is_entity(last, src):
        if b != last.text_start + last.text_len:
            raise NotApplicable("the change ends inside an entity")
        e = last.source_start + last.source_len
    else:
        e = last.source_start + (b - last.text_start)
    return s, e


def _is_entity(g: Any, src: str) -> bool:
    return g.text_len != g.source_len or src.startswith("&", g.source_start)


def _is_text(doc: Document, g: Any) -> bool:
    """A segment of character data (its source is its text) or a character reference."""
    if not g.source_len:
        return False  # a paragraph break the reader put between blocks
    src = doc.source.text
    if src.startswith("&", g.source_start):
        return True
    return g.text_len == g.source_len and src[g.source_start:g.source_start + g.source_len] == \
        doc.text[g.text_start:g.text_start + g.text_len]
