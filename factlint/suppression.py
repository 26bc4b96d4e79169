"""Suppression comments: which findings they hide, and the ones that cannot be right.

``ignore`` covers the block it sits in, or else the next block; ``disable``
covers everything up to a matching ``enable``; ``ignore-file`` the whole file.
A directive that names no known check is a typo (``N2O5`` for ``N205``) and is
always reported; one that hid nothing is reported on request, like ruff's
unused ``noqa``. Both are findings of their own, placed on the comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from factlint.api import Check, Issue
from factlint.document import Directive, Document
from factlint.findings import Finding

class SuppressionUnknownCheck(Check):
    """
    What it checks:
        A suppression comment that names no known check: a typo such as N2O5 for N205, or a
        reason written without '--' before it, whose words are read as codes.

    Why an editor cares:
        The suppression hides nothing, so the finding it was meant for keeps coming back, or
        worse, a later check with that name is silenced by accident.

    Fires on:
        <!-- factlint: ignore N2O5 -->

    Passes:
        <!-- factlint: ignore N205 -- the count includes the observers -->
    """

    code = "S001"
    name = "suppression-unknown-check"
    severity = "warning"
    summary = "a suppression comment names no known check"

    def run(self, doc: Document) -> Iterator[Issue]:
        return iter(())  # the engine reports it: only it knows the checks and which findings were hidden


class SuppressionUnused(Check):
    """
    What it checks:
        A suppression comment that hid no finding on this run (when the checks it names ran).
        Off by default; --report-unused-suppressions or extend-select turns it on.

    Why an editor cares:
        A suppression left over after the text was fixed will hide the next real problem.

    Fires on:
        <!-- factlint: ignore T506 --> above a paragraph with no repeated word.

    Passes:
        <!-- factlint: ignore T506 -- quoted verbatim --> above "the the" quoted from a sign.
    """

    code = "S002"
    name = "suppression-unused"
    severity = "warning"
    summary = "a suppression comment hid no finding"
    enabled_by_default = False

    def run(self, doc: Document) -> Iterator[Issue]:
        return iter(())  # the engine reports it after every other check has run


UNKNOWN_CODE = (SuppressionUnknownCheck.code, SuppressionUnknownCheck.name)
UNUSED = (SuppressionUnused.code, SuppressionUnused.name)
SUPPRESSING = ("ignore", "disable", "ignore-file")
CODE_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9]*[0-9][A-Za-z0-9]*")  # meant as a code: N2O5, t56


def _matches(selector: str, cls: type[Check]) -> bool:
    from factlint.engine import selector_matches

    return selector_matches(selector, cls)


class Suppressions:
    """The directives of one document; remembers which of them hid a finding."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.used: set[int] = set()

    def covers(self, cls: type[Check], start: int) -> bool:
        """True when a directive hides a finding of ``cls`` that starts at text offset ``start``."""
        doc = self.doc
        disabled_by: int | None = None
        for i, d in enumerate(doc.directives):
            if d.codes and not any(_matches(c, cls) for c in d.codes):
                continue
            if d.action == "ignore-file":
                self.used.add(i)
                return True
            if d.action == "ignore":
                block = doc.block_at(d.offset) or doc.block_after(d.offset)
                if block is not None and block.start <= start < block.end:
                    self.used.add(i)
                    return True
            elif d.offset <= start:
                disabled_by = i if d.action == "disable" else None
        if disabled_by is not None:
            self.used.add(disabled_by)
            return True
        return False

    def findings(self, known: Sequence[type[Check]], ran: Sequence[type[Check]], report_unknown: bool,
                 report_unused: bool) -> list[Finding]:
        """Directives naming no known check (S001) and suppressing directives that hid nothing (S002)."""
        out = []
        for i, d in enumerate(self.doc.directives):
            unknown = sorted(c for c in d.codes if not any(_matches(c, cls) for cls in known))
            if unknown:
                if report_unknown:
                    out.append(self._finding(d, UNKNOWN_CODE, _unknown_message(d, unknown, known)))
            elif report_unused and d.action in SUPPRESSING and i not in self.used and ran and \
                    all(any(_matches(c, cls) for cls in ran if cls.code[0] != "S") for c in d.codes):
                what = ", ".join(sorted(d.codes)) or "every check"
                out.append(self._finding(d, UNUSED, f"this '{d.action}' suppression ({what}) hid no finding; "
                                                    "remove it"))
        return out

    def _finding(self, d: Directive, rule: tuple[str, str], message: str) -> Finding:
        source = self.doc.source
        start, end = d.source_start, max(d.source_end, d.source_start + 1)
        line, column = source.line_col(start)
        end_line, end_column = source.line_col(end)
        return Finding(path=self.doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
                       code=rule[0], name=rule[1], severity="warning", message=message,
                       excerpt=" ".join(source.text[start:end].split()))


def _unknown_message(d: Directive, unknown: list[str], known: Sequence[type[Check]]) -> str:
    import difflib

    words = [c.code for c in known] + [c.name for c in known]
    hints = []
    for token in unknown:
        shown = token.upper() if CODE_LIKE.fullmatch(token) else token
        close = difflib.get_close_matches(shown, words, n=1, cutoff=0.6)
        hints.append(f"'{shown}' (did you mean {close[0]}?)" if close else f"'{shown}'")
    one = len(unknown) == 1
    return (f"this '{d.action}' suppression names {'an unknown check' if one else 'unknown checks'} "
            f"{', '.join(hints)}, so it hides nothing for {'it' if one else 'them'} (a reason goes after '--')")
