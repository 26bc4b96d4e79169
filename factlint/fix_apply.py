"""Applying fixes to the exact text that was linted: in position order, skipping a fix whose edits overlap
one already taken or whose original text is no longer there (``factlint.apply_fixes``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factlint.findings import Edit, Finding
from factlint.fixes import UNDECLARED


@dataclass(frozen=True, slots=True)
class SkippedFix:
    """A finding with a suggestion that was not applied, and why."""

    finding: Finding
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"finding": self.finding.to_json(), "reason": self.reason}


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text, the findings whose fixes were applied, and those with a suggestion that were not."""

    text: str
    applied: tuple[Finding, ...]
    skipped: tuple[SkippedFix, ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "applied": [f.to_json() for f in self.applied],
                "skipped": [s.to_json() for s in self.skipped]}


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> FixResult:
    """Apply the safe fixes of ``findings`` (and the unsafe ones with ``unsafe=True``) to ``text``.

    ``text`` must be the text the findings were linted from (their offsets point into it); a fix whose
    original text is not at its offsets is skipped. Fixes are taken in position order; one that
    overlaps a fix already taken is skipped (lint the result again to get it), and a fix identical to
    one taken counts as applied.
    """
    candidates: list[Finding] = []
    skipped: list[SkippedFix] = []
    for f in findings:
        reason = unapplied_reason(f, unsafe)
        if reason is not None:
            skipped.append(SkippedFix(f, reason))
        elif f.fix is not None:
            candidates.append(f)
    candidates.sort(key=lambda f: (f.fix.edits[0].start, f.fix.edits[0].end, f.code))  # type: ignore[union-attr]
    taken: list[Edit] = []
    taken_by: list[Finding] = []
    done: set[tuple] = set()
    applied: list[Finding] = []
    for f in candidates:
        edits = f.fix.edits  # type: ignore[union-attr]
        stale = next((e for e in edits if not 0 <= e.start <= e.end <= len(text) or
                      text[e.start:e.end] != e.original), None)
        if stale is not None:
            skipped.append(SkippedFix(f, f"the text at {stale.line}:{stale.column} is not the text that was linted"))
            continue
        key = tuple((e.start, e.end, e.replacement) for e in edits)
        if key in done:
            applied.append(f)
            continue
        clash = next((k for k, t in enumerate(taken) for e in edits if _overlap(e, t)), None)
        if clash is not None:
            other = taken_by[clash]
            skipped.append(SkippedFix(f, f"overlaps the fix of {other.code} at {other.line}:{other.column}; "
                                         "lint again to apply it"))
            continue
        done.add(key)
        taken += edits
        taken_by += [f] * len(edits)
        applied.append(f)
    pieces, at = [], 0
    for e in sorted(taken, key=lambda e: (e.start, e.end)):
        pieces += (text[at:e.start], e.replacement)
        at = e.end
    pieces.append(text[at:])
    return FixResult("".join(pieces), tuple(applied), tuple(skipped))


def unapplied_reason(f: Finding, unsafe: bool = False) -> str | None:
    """Why a finding's suggestion is not applied whatever the text (None: it has a fix to apply, or no suggestion)."""
    fix = f.fix
    if fix is None:
        return None if f.suggestion is None else "the suggestion comes with no fix"
    if fix.applicability == "display-only" or not fix.edits:
        return fix.reason or "the suggestion cannot be applied mechanically"
    if fix.applicability == "unsafe" and not unsafe:
        return f"not a safe fix: {fix.reason or UNDECLARED}"
    return None


def _overlap(x: Edit, y: Edit) -> bool:
    """Two edits that cannot both apply: their ranges overlap, or one inserts inside or at the other."""
    if x.start == x.end:
        return y.start < x.start < y.end or (y.start == y.end == x.start)
    if y.start == y.end:
        return x.start < y.start < x.end
    return x.start < y.end and y.start < x.end
