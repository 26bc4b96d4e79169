"""Helpers of the factlint serve tests: a real server process on loopback (benchmarks/serve_bench.py
starts it and drives the load), skipped cleanly when the serve extra is not installed."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "summit-translation.txt"
SEED_PUBLISHED = "2025-05-20"


def _bench():
    spec = importlib.util.spec_from_file_location("serve_bench", ROOT / "benchmarks" / "serve_bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("serve_bench", module)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


bench = _bench()
serving, Client, unpathed, cli_findings = bench.serving, bench.Client, bench.unpathed, bench.cli_findings


def need_serve_extra() -> None:
    for name in ("starlette", "uvicorn"):
        pytest.importorskip(name, reason="the serve extra is not installed (pip install -e '.[dev]' brings it)")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """An empty folder with no config: the server and the CLI run in it, so both use the default checks."""
    return tmp_path_factory.mktemp("serve-work")


@pytest.fixture(scope="module")
def server(workdir):
    need_serve_extra()
    with serving("--workers", "2", cwd=workdir) as running:
        yield running


@pytest.fixture
def client(server):
    c = server.client()
    yield c
    c.close()


@dataclass
class Case:
    path: Path
    published: str | None  # the case's --published, if it has one
    findings: list[dict[str, Any]]  # what `factlint --format json --no-cache` reports, paths left out


@pytest.fixture(scope="session")
def cases(tmp_path_factory) -> list[Case]:
    """Every article of ../shared/cases with the CLI's findings for it (one CLI run per publication date)."""
    folder = ROOT.parent / "shared" / "cases"
    if not folder.is_dir():
        pytest.skip("../shared/cases is not here")
    workdir = tmp_path_factory.mktemp("serve-cases")  # no config: the default checks, as the server's
    paths = sorted(p.resolve() for p in folder.iterdir() if p.suffix in (".md", ".txt", ".html"))
    published = {}
    for path in paths:
        expect = path.with_name(path.stem + ".expect.toml")
        args = tomllib.loads(expect.read_text(encoding="utf-8")).get("args", []) if expect.exists() else []
        published[path] = args[args.index("--published") + 1] if "--published" in args else None
    found: dict[str, list[dict[str, Any]]] = {}
    for date in set(published.values()):
        group = [p for p in paths if published[p] == date]
        found.update(cli_findings(group, workdir, *(["--published", date] if date else [])))
    return [Case(p, published[p], found[str(p)]) for p in paths]
