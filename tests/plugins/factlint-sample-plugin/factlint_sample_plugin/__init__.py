"""A third-party check: flags 'TODO' left in an article (what a plugin package looks like)."""

from __future__ import annotations

import re

from factlint.api import Check, Issue

TODO = re.compile(r"\bTODO\b")


class LeftoverTodo(Check):
    """
    What it checks:
        The marker TODO left in copy.

    Why an editor cares:
        It means a passage was never finished.

    Fires on:
        The minister said TODO.

    Passes:
        The minister said nothing.
    """

    code = "X801"
    name = "leftover-todo"
    severity = "error"
    summary = "a TODO marker left in the article"

    def run(self, doc):
        for block in doc.blocks:
            for m in TODO.finditer(doc.text, block.start, block.end):
                yield Issue(m.start(), m.end(), "unfinished passage: 'TODO' is still in the copy")
