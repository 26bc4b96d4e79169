"""The public plugin API: everything a check, built-in or third-party, uses.

A check is a subclass of :class:`Check` with a code, a name, a severity, a
one-line summary and a docstring with four sections (What it checks, Why an
editor cares, Fires on, Passes). Its :meth:`Check.run` receives the analysed
:class:`~factlint.document.Document` and yields :class:`Issue` objects whose
spans are offsets into ``doc.text``; the engine turns them into findings with
file positions. Checks are registered through the ``factlint.checks`` entry
point group (a module or a class) or loaded from files named in the config.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Literal

if TYPE_CHECKING:
    from factlint.document import Document

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CODE_PATTERN = re.compile(r"[A-Z]\d{3}")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
DOC_SECTIONS = ("What it checks", "Why an editor cares", "Fires on", "Passes")


@dataclass(frozen=True, slots=True)
class Related:
    """The other side of a conflict: a span in ``doc.text`` and what it says."""

    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Issue:
    """What a check yields: a span in ``doc.text``, a message, related spans, a suggestion."""

    start: int
    end: int
    message: str
    related: tuple[Related, ...] = field(default_factory=tuple)
    suggestion: str | None = None


class Check:
    """Base class of every check. Subclasses set the class attributes and implement ``run``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    summary: ClassVar[str]
    enabled_by_default: ClassVar[bool] = True

    def run(self, doc: Document) -> Iterator[Issue]:
        raise NotImplementedError

    @classmethod
    def family(cls) -> str:
        return cls.code[0]

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def problems(cls) -> list[str]:
        """What is wrong with this check's declaration (empty when it is valid)."""
        out = []
        code, name = getattr(cls, "code", ""), getattr(cls, "name", "")
        if not CODE_PATTERN.fullmatch(str(code)):
            out.append(f"code {code!r} is not a family letter and 3 digits")
        if not NAME_PATTERN.fullmatch(str(name)):
            out.append(f"name {name!r} is not kebab-case")
        if getattr(cls, "severity", None) not in SEVERITY_RANK:
            out.append(f"severity {getattr(cls, 'severity', None)!r} is not error, warning or info")
        if not getattr(cls, "summary", ""):
            out.append("no summary")
        doc = cls.documentation()
        out += [f"docstring lacks the section {s!r}" for s in DOC_SECTIONS if f"{s}" not in doc]
        return out
