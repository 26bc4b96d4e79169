"""Findings: what the engine reports, with positions in the source file.

Inside the engine a finding is a plain frozen dataclass (cheap to build, no
import cost on a one-file run). At the boundary, the machine formats validate
the report against the pydantic models in ``factlint.reporters.schema``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from factlint.api import Severity


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str


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
    excerpt: str = field(default="", compare=False)  # the flagged text, for baseline keys

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def public(self) -> dict:
        """The finding as the JSON report writes it."""
        data = asdict(self)
        del data["excerpt"]
        data["related"] = list(data["related"])
        return data
