"""Findings: what the engine reports, with positions in the source file.

Inside the engine a finding is a plain frozen dataclass (cheap to build, no
import cost on a one-file run). At the boundary, the machine formats validate
the report against the pydantic models in ``factlint.reporters.schema``.

Every position is given twice: as 1-based line and column (code points, end
exclusive) and as 0-based code-point offsets ``start``/``end`` into the source
text that was linted (the decoded file, after a byte-order mark is dropped),
so that a caller can act on the exact text it passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from factlint.api import Severity

# safe: the text decides and ``--fix`` applies it; unsafe: a well-defined edit that needs an editor's
# judgement (``--unsafe-fixes``); display-only: a suggestion that cannot be applied mechanically.
Applicability = Literal["safe", "unsafe", "display-only"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` (which reads ``original``) with ``replacement`` (source text)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    original: str
    replacement: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column, "original": self.original,
                "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """How a finding's suggestion becomes edits of the source, and whether ``--fix`` may apply them."""

    applicability: Applicability
    edits: tuple[Edit, ...] = ()
    reason: str | None = None  # why the fix is not safe (None when it is)

    def to_json(self) -> dict[str, Any]:
        return {"applicability": self.applicability, "reason": self.reason,
                "edits": [e.to_json() for e in self.edits]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fix:
        return cls(data["applicability"], tuple(Edit(**e) for e in data.get("edits", ())), data.get("reason"))


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    start: int | None = None  # code-point offsets into the source text
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "message": self.message, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    related: tuple[RelatedLocation, ...] = ()
    suggestion: str | None = None
    start: int | None = None  # code-point offsets into the source text
    end: int | None = None
    fix: Fix | None = None
    excerpt: str = field(default="", compare=False)  # the flagged text, for baseline keys

    def __post_init__(self) -> None:
        # Findings read back from JSON (the cache, an API caller) arrive with plain dicts and lists.
        if isinstance(self.related, list) or (self.related and not isinstance(self.related[0], RelatedLocation)):
            object.__setattr__(self, "related", tuple(r if isinstance(r, RelatedLocation) else RelatedLocation(**r)
                                                      for r in self.related))
        if isinstance(self.fix, dict):
            object.__setattr__(self, "fix", Fix.from_json(self.fix))

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    @property
    def fixable(self) -> bool:
        """True when ``--fix`` applies this finding's suggestion."""
        return self.fix is not None and self.fix.applicability == "safe"

    def public(self) -> dict[str, Any]:
        """The finding as the JSON report writes it (see README, "The Python API")."""
        return {"path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "code": self.code, "name": self.name, "severity": self.severity,
                "message": self.message, "related": [r.to_json() for r in self.related],
                "suggestion": self.suggestion, "start": self.start, "end": self.end,
                "fix": self.fix.to_json() if self.fix is not None else None}

    to_json = public

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        """A finding from its JSON form (unknown keys are ignored, so newer reports still load)."""
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)
