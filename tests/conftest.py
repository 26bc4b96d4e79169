"""Shared test helpers: lint a string or a fixture with the real engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factlint.config import Settings
from factlint.engine import FileResult, Linter
from factlint.registry import Registry, load_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

_REGISTRY = load_registry()


def lint_text(text: str, name: str = "article.txt", select: list[str] | None = None,
              published: dt.date | None = None, facts: object = None) -> FileResult:
    settings = Settings(select=select or [], root=ROOT)
    return Linter(settings, _REGISTRY, published, facts).lint_bytes(name, text.encode("utf-8"))


def lint_with(checks: list[type], text: str | bytes, name: str = "article.txt",
              settings: Settings | None = None, published: dt.date | None = None) -> FileResult:
    """Lint with only the given Check classes (for engine tests that need a check of their own)."""
    registry = Registry()
    for cls in checks:
        registry.add(cls, "test")
    assert not registry.problems, registry.problems
    data = text.encode("utf-8") if isinstance(text, str) else text
    return Linter(settings or Settings(root=ROOT), registry, published).lint_bytes(name, data)


def codes(result: FileResult) -> list[str]:
    return [f.code for f in result.findings]


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not here")
    return SHARED
