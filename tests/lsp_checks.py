"""Misbehaving checks for the language server's robustness tests (loaded as a plugin file)."""

from __future__ import annotations

import time

from factlint.api import Check, Issue

DOCSTRING = """
    What it checks:
        A marker word, to exercise the language server (test check).

    Why an editor cares:
        It does not.

    Fires on:
        The marker.

    Passes:
        Anything else.
    """


class Explodes(Check):
    __doc__ = DOCSTRING
    code = "Z911"
    name = "explodes"
    summary = "raises on the word 'explode' (test check)"

    def run(self, doc):
        if "explode" in doc.text:
            raise RuntimeError("boom")
        return iter(())


class Lingers(Check):
    __doc__ = DOCSTRING
    code = "Z912"
    name = "lingers"
    summary = "sleeps on the word 'linger' (test check)"

    def run(self, doc):
        if "linger" in doc.text:
            time.sleep(30)
        return iter(())


class Stubborn(Check):
    __doc__ = DOCSTRING
    code = "Z913"
    name = "stubborn"
    summary = "ignores the time limit on the word 'stubborn' (test check)"

    def run(self, doc):
        if "stubborn" in doc.text:
            end = time.monotonic() + 60
            while time.monotonic() < end:
                try:
                    time.sleep(0.05)
                except BaseException:  # swallows the engine's TimeUp, as C code would
                    pass
        return iter(())


class Chatty(Check):
    __doc__ = DOCSTRING
    code = "Z914"
    name = "chatty"
    summary = "prints to standard output and flags 'chat' (test check)"

    def run(self, doc):
        print("Content-Length: 2\r\n\r\n{}", flush=True)
        start = doc.text.find("chat")
        if start != -1:
            yield Issue(start, start + 4, "'chat' found")


class Vanishes(Check):
    __doc__ = DOCSTRING
    code = "Z915"
    name = "vanishes"
    summary = "ends its process on the word 'vanish' (test check)"

    def run(self, doc):
        if "vanish" in doc.text:
            import os

            os._exit(3)
        return iter(())
