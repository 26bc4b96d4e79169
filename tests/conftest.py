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


ENGINE_CHECKS = ROOT / "tests" / "engine_checks.py"


class Project:
    """A temporary project folder with a config that loads the engine's test checks; runs the CLI in it."""

    def __init__(self, path: Path, capsys) -> None:
        self.path = path
        self.capsys = capsys
        self.config(select=["Z901"])

    def config(self, name: str = "factlint.toml", **keys) -> Path:
        import json

        keys.setdefault("plugins", [str(ENGINE_CHECKS)])
        lines = [f"{key.replace('_', '-')} = {json.dumps(value)}" for key, value in keys.items()
                 if not isinstance(value, dict)]
        for key, value in keys.items():
            if isinstance(value, dict):
                lines.append(f"[{key.replace('_', '-')}]")
                lines += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in value.items()]
        body = "\n".join(lines) + "\n"
        if name == "pyproject.toml":
            body = "[tool.factlint]\n" + body
        target = self.path / name
        target.write_text(body, encoding="utf-8")
        return target

    def write(self, name: str, text: str | bytes) -> Path:
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def run(self, *args: str) -> tuple[int, str, str]:
        from factlint.cli import main

        self.capsys.readouterr()
        code = main([*args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch, capsys) -> Project:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return Project(tmp_path, capsys)
