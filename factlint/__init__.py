"""factlint: a fact-check and discrepancy linter for news articles.

The Python API (documented in the README, "The Python API"):

    factlint.lint_text(text, kind="md", published=None, config=None) -> list[Finding]
    factlint.lint(...) -> LintResult                 # the same, with warnings
    factlint.apply_fixes(text, findings, unsafe=False) -> FixResult

Names are imported on first use, so ``import factlint`` (and a one-article CLI run) stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

    from factlint.api_text import InputError, LintResult, lint, lint_text
    from factlint.findings import Edit, Finding, Fix, RelatedLocation
    from factlint.fix_apply import FixResult, SkippedFix, apply_fixes

_LAZY = {
    "lint_text": "factlint.api_text", "lint": "factlint.api_text", "LintResult": "factlint.api_text",
    "InputError": "factlint.api_text", "apply_fixes": "factlint.fix_apply", "FixResult": "factlint.fix_apply",
    "SkippedFix": "factlint.fix_apply", "Finding": "factlint.findings", "RelatedLocation": "factlint.findings",
    "Fix": "factlint.findings", "Edit": "factlint.findings",
}
__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
