"""Small checks the engine tests run instead of the real families (positions, suppression, output)."""

from __future__ import annotations

import regex

from factlint.api import Check, Issue, Related

MARKED = regex.compile(r"\bquay\b", regex.IGNORECASE)
DOCSTRING = """
    What it checks:
        Every word "quay" (a marker for engine tests).

    Why an editor cares:
        It does not; it pins positions down.

    Fires on:
        The quay.

    Passes:
        The harbour.
    """


class MarkQuay(Check):
    __doc__ = DOCSTRING
    code = "Z901"
    name = "mark-quay"
    severity = "warning"
    summary = "flags every 'quay' (test check)"

    def run(self, doc):
        for block in doc.blocks:
            for m in MARKED.finditer(doc.text, block.start, block.end):
                yield Issue(m.start(), m.end(), f"'{m.group()}' found", suggestion="harbour")


class LinkQuays(Check):
    __doc__ = DOCSTRING
    code = "Z902"
    name = "link-quays"
    severity = "error"
    summary = "flags the last 'quay' and relates it to the first (test check)"

    def run(self, doc):
        spans = [m.span() for m in MARKED.finditer(doc.text)]
        if len(spans) > 1:
            (fs, fe), (ls, le) = spans[0], spans[-1]
            yield Issue(ls, le, "the last 'quay'", related=(Related(fs, fe, "the first 'quay'"),))


class InfoEveryBlock(Check):
    __doc__ = DOCSTRING
    code = "Z903"
    name = "info-every-block"
    severity = "info"
    summary = "an info finding on each block's first word (test check)"

    def run(self, doc):
        for block in doc.blocks:
            end = block.start
            while end < block.end and doc.text[end].isalnum():
                end += 1
            yield Issue(block.start, max(end, block.start + 1), "first word")
