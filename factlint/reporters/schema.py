"""Pydantic models for what crosses the tool's boundary: the config and the JSON report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from factlint.api import Severity
from factlint.config import DEFAULT_DATE_KEYS, DEFAULT_FRONT_MATTER_TEXT, DEFAULT_INCLUDE


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True)

    select: list[str] = []
    extend_select: list[str] = []
    ignore: list[str] = []
    severity: dict[str, Severity] = {}
    per_file_ignores: dict[str, list[str]] = {}
    include: list[str] = DEFAULT_INCLUDE
    exclude: list[str] = []
    fail_on: Severity = "warning"
    plugins: list[str] = []
    facts: list[str] = []
    front_matter_text: list[str] = DEFAULT_FRONT_MATTER_TEXT
    date_keys: list[str] = DEFAULT_DATE_KEYS
    respect_gitignore: bool = True
    report_unused_suppressions: bool = False

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _selectors(cls, value: list[str]) -> list[str]:
        for item in value:
            if not item or not item.replace("-", "").isalnum():
                raise ValueError(f"{item!r} is not a check code, family letter or name")
        return value


class RelatedModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    start: int | None  # code-point offsets into the source text
    end: int | None


class EditModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    original: str
    replacement: str


class FixModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    applicability: Literal["safe", "unsafe", "display-only"]
    reason: str | None
    edits: list[EditModel]


class FindingModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    related: list[RelatedModel]
    suggestion: str | None
    start: int | None
    end: int | None
    fix: FixModel | None


class ReportModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str
    findings: list[FindingModel]
