"""The per-file time limit holds off the main thread too (Dask workers, server request threads)."""

from __future__ import annotations

import threading

from factlint import engine
from factlint.api import Check
from tests.conftest import lint_with


class Spins(Check):
    """
    What it checks:
        Nothing; it never returns (a runaway check).

    Why an editor cares:
        It does not: it stands for a check stuck on an input.

    Fires on:
        Anything.

    Passes:
        Nothing.
    """

    code = "Z991"
    name = "spins"
    summary = "never returns (test check)"

    def run(self, doc):
        while True:
            pass


def test_a_runaway_check_is_stopped_in_a_worker_thread(monkeypatch):
    monkeypatch.setattr(engine, "CHECKS_TIME_LIMIT", 0.3)
    results = []
    worker = threading.Thread(target=lambda: results.append(lint_with([Spins], "Some text.\n")))
    worker.start()
    worker.join(10)
    assert not worker.is_alive()
    [result] = results
    assert not result.complete
    assert "checks stopped after 0.3 s" in result.warnings[0]


def test_a_quick_run_in_a_thread_leaves_no_timer_behind(monkeypatch):
    monkeypatch.setattr(engine, "CHECKS_TIME_LIMIT", 0.05)
    errors = []

    def many() -> None:
        try:
            for _ in range(200):
                lint_with([], "Short.\n")
            threading.Event().wait(0.2)  # a stale timer would fire here
        except BaseException as exc:  # noqa: BLE001 (the test is that nothing arrives)
            errors.append(exc)

    worker = threading.Thread(target=many)
    worker.start()
    worker.join(30)
    assert errors == []
