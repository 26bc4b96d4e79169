"""Helpers of the factlint serve tests: a real server process on loopback (benchmarks/serve_bench.py
starts it and drives the load), skipped cleanly when the serve extra is not installed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

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
