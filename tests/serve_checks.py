"""Checks that misbehave on a marker word, for the time-limit tests of factlint serve (loaded as a plugin)."""

from __future__ import annotations

import os

from factlint.api import Check

DOCSTRING = """
    What it checks:
        Nothing; on its marker it runs away (a check stuck on an input).

    Why an editor cares:
        It does not: the server must stop it and go on.

    Fires on:
        Never.

    Passes:
        Everything.
    """


class SpinsInPython(Check):
    __doc__ = DOCSTRING
    code = "Z951"
    name = "spins-in-python"
    summary = "loops forever on its marker; the engine's time-up stops it (test check)"

    def run(self, doc):
        while "SPIN-IN-PYTHON" in doc.text:
            pass
        return ()


class Unstoppable(Check):
    """Stands for what no signal stops (a call stuck in C code): it swallows the engine's time-up."""

    __doc__ = DOCSTRING
    code = "Z952"
    name = "unstoppable"
    summary = "loops forever on its marker and swallows the engine's time-up (test check)"

    def run(self, doc):
        while "UNSTOPPABLE" in doc.text:
            try:
                while True:
                    pass
            except BaseException:  # noqa: BLE001 (the point: only ending the process stops it)
                continue
        return ()


class Crashes(Check):
    """Stands for a crash of the worker process (a segfault in an extension, the out-of-memory killer)."""

    __doc__ = DOCSTRING
    code = "Z953"
    name = "crashes"
    summary = "ends its process on its marker (test check)"

    def run(self, doc):
        if "CRASH-THE-WORKER" in doc.text:
            os._exit(3)
        return ()
