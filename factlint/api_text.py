"""The Python API for callers: lint a string, apply its fixes (the editors' page, a CMS publish hook).

    import factlint

    findings = factlint.lint_text(article, kind="md", published="2025-05-20")
    result = factlint.apply_fixes(article, findings)      # result.text, result.applied, result.skipped

Offsets in the findings are code-point offsets into exactly the ``text`` passed in (plus 1-based
line/column), so a caller applies a fix, or highlights a span, in the text it holds. The JSON shapes
(``Finding.to_json``, ``FixResult.to_json``) are those of ``factlint --format json`` and are
documented in the README; fields are only ever added.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from factlint.findings import Finding

if TYPE_CHECKING:
    from factlint.config import Settings
    from factlint.registry import Registry

Kind = Literal["md", "markdown", "txt", "text", "html", "htm"]
KINDS = {"md": "markdown", "markdown": "markdown", "txt": "text", "text": "text", "html": "html", "htm": "html"}
_REGISTRIES: dict[tuple[str, ...], Registry] = {}
_LOCK = threading.Lock()


class InputError(ValueError):
    """The text cannot be linted (binary content, over the size limit, a bad config); the message says why."""


@dataclass(frozen=True, slots=True)
class LintResult:
    """Findings in position order, and what is worth saying besides (broken front matter, a failing check)."""

    findings: list[Finding]
    warnings: list[str]
    complete: bool  # False when a check failed or ran out of time: some findings may be missing

    def to_json(self) -> dict[str, Any]:
        return {"findings": [f.to_json() for f in self.findings], "warnings": list(self.warnings),
                "complete": self.complete}


def lint_text(text: str, kind: Kind = "md", published: dt.date | str | None = None,
              config: Settings | Mapping[str, Any] | str | os.PathLike[str] | None = None, *,
              path: str = "<text>", facts: Any = None) -> list[Finding]:
    """Lint an article held in memory and return its findings.

    ``kind`` is the format ("md", "txt" or "html"); ``published`` the publication date (a date or
    "YYYY-MM-DD"; front matter and HTML metadata are read when it is None); ``config`` the default
    checks when None, else a config file's path, a ``[tool.factlint]`` table as a mapping, or
    ``Settings``. ``path`` names the text in the findings (and for per-file ignores). Raises
    ``InputError`` for text that cannot be linted.
    """
    return lint(text, kind, published, config, path=path, facts=facts).findings


def lint(text: str, kind: Kind = "md", published: dt.date | str | None = None,
         config: Settings | Mapping[str, Any] | str | os.PathLike[str] | None = None, *,
         path: str = "<text>", facts: Any = None) -> LintResult:
    """Like ``lint_text``, with the warnings and whether every check ran."""
    from factlint.engine import Linter
    from factlint.source import MAX_BYTES, Source

    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__} (decode bytes first)")
    if kind not in KINDS:
        raise InputError(f"kind {kind!r} is not one of md, txt, html")
    if "\x00" in text:
        raise InputError("binary content (contains NUL characters), not a text article")
    if len(text) > MAX_BYTES:
        raise InputError(f"text is over the {MAX_BYTES // 1048576} MB limit")
    settings = _settings(config)
    registry = _registry(settings)
    linter = Linter(settings, registry, _date(published), facts)
    result = linter.lint_source(Source(path=path, text=text, kind=KINDS[kind]))
    if result.error:
        raise InputError(result.error)
    warnings = list(registry.problems) + linter.problems + result.warnings
    return LintResult(result.findings, warnings, result.complete and not linter.problems)


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"published {value!r} is not a date in the form YYYY-MM-DD") from None


def _settings(config: Any) -> Settings:
    from factlint.config import ConfigError, Settings, _validate, load_settings

    if config is None:
        return Settings()
    if isinstance(config, Settings):
        return config
    try:
        if isinstance(config, Mapping):
            settings = _validate(Path("<config>"), dict(config))
            settings.root, settings.path = Path.cwd(), None
            return settings
        return load_settings(Path(config), Path.cwd(), memo=False)
    except ConfigError as exc:
        raise InputError(str(exc)) from None


def _registry(settings: Settings) -> Registry:
    """The registry of built-in and configured plugin checks, loaded once per set of plugin files."""
    from factlint.registry import load_registry

    plugins = tuple(str(settings.root / p) for p in settings.plugins)
    with _LOCK:
        if plugins not in _REGISTRIES:
            _REGISTRIES[plugins] = load_registry([Path(p) for p in plugins])
        return _REGISTRIES[plugins]
