"""Text integrity (T5xx): what a careful sub-editor catches before anything else."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from factlint.api import Check, Issue
from factlint.document import Document

REPEATED = regex.compile(r"\b(\w+)\s+(\1)\b", regex.IGNORECASE)


class RepeatedWord(Check):
    """
    What it checks:
        A word typed twice in a row ("the the").

    Why an editor cares:
        A doubled word is the most common slip that spell-checkers pass.

    Fires on:
        The minister said the the plan was ready.

    Passes:
        He said that that plan was ready. She had had enough.
    """

    code = "T506"
    name = "repeated-word"
    severity = "warning"
    summary = "a word repeated by mistake"

    def run(self, doc: Document) -> Iterator[Issue]:
        for block in doc.blocks:
            for m in REPEATED.finditer(doc.text, block.start, block.end):
                yield Issue(m.start(), m.end(), f"'{m.group(1)}' is repeated", suggestion=m.group(1))
