"""The soak of benchmarks/lsp_soak.py, bounded: many edits and documents, no error, memory flat."""

from __future__ import annotations

import importlib.util

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from tests.conftest import ROOT  # noqa: E402

_spec = importlib.util.spec_from_file_location("lsp_soak", ROOT / "benchmarks" / "lsp_soak.py")
lsp_soak = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lsp_soak)

MIB = 1024


def check(result: dict, growth_mib: float) -> None:
    assert result["errors"] == []
    memory = result["memory_kib"]
    for process in ("server", "worker"):
        grown = memory["after_edits"][process] - memory["start"][process]
        assert grown < growth_mib * MIB, f"{process} grew {grown / MIB:.1f} MiB over {result['edits']} edits"
    assert result["p99_ms"] < 2000, result  # generous: the machine is shared; the benchmark gives the figures


@pytest.mark.asyncio(loop_scope="function")
async def test_soak_bounded():
    check(await lsp_soak.soak(edits=200, documents=40), growth_mib=10)


@pytest.mark.slow
@pytest.mark.asyncio(loop_scope="function")
async def test_soak_thousand_edits_and_two_hundred_documents():
    check(await lsp_soak.soak(edits=1000, documents=200), growth_mib=10)
