"""The process that lints for ``factlint serve``: one JSON request a line on standard input, one answer a
line on standard output, written ``STATUS BODY`` (an HTTP status, a space, the JSON response body).

Linting happens here rather than in the server so that the server keeps answering while an article is
linted, several workers use several cores, the engine's per-file time limit works (its SIGALRM needs
the main thread, which this process gives it), and the server can end what no signal stops (a pattern
stuck in C code, a crash) by ending this process and starting another. Articles arrive as text and are
linted in memory through the Python API (``factlint.lint``, ``factlint.apply_fixes``) with the
settings and fact base the command line would use: nothing is written, and the result cache of
``factlint check`` is neither read nor written.

A request (validated by the server) is ``{"op", "text", "kind", "published", "name"}``, plus
``"finding": {"code", "start", "end"}`` for ``accept`` and ``"echo": true`` when the answer must
carry the text. ``op`` is ``lint`` (the findings), ``accept`` (apply one finding's fix, safe or
unsafe: the editor chose it, then lint the new text) or ``fix`` (every safe fix, as ``--fix`` applies
them, then lint). The answer holds the findings as ``--format json`` writes them and the HTML of the
shared renderer (``factlint.reporters.highlight``) for the page to show.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from argparse import Namespace
from collections import Counter
from pathlib import Path
from typing import Any

from factlint import __version__
from factlint.findings import Finding

API_KINDS = {"markdown": "md", "text": "txt", "html": "html"}  # factlint.lint's names for a source kind
EXTENSIONS = {"md": ".md", "txt": ".txt", "html": ".html"}
READY = b"ready\n"
_SENTENCE = ('On Tuesday, 20 May 2025, the Harbour Board (HB) said exports rose 5% to $2.1 billion, "a record", '
             "according to its chair, Anna Berg.")
WARM_UP = {"md": f"---\ndate: 2025-05-21\n---\n\n# Exports\n\n{_SENTENCE}\n", "txt": f"{_SENTENCE}\n",
           "html": f"<html><body><article><p>{_SENTENCE}</p></article></body></html>"}


class Session:
    """The settings and fact base of one worker, loaded once as ``factlint check`` loads them."""

    def __init__(self, options: dict[str, Any]) -> None:
        from factlint import cli, engine

        args = Namespace(config=Path(options["config"]) if options.get("config") else None,
                         facts=[Path(p) for p in options.get("facts", ())], no_cache=True)
        self.settings = cli._settings(args)  # the server has checked them (and the selectors) already
        self.facts = cli._facts(args, self.settings)
        if options.get("check_time_limit"):
            engine.CHECKS_TIME_LIMIT = float(options["check_time_limit"])
        for kind, text in WARM_UP.items():  # compile the readers' and analysers' patterns before the first request
            self._lint({"text": text, "kind": kind, "published": None, "name": "<warm-up>"})

    def answer(self, line: bytes) -> tuple[int, dict[str, Any]]:
        from factlint.api_text import InputError
        from factlint.engine import _reason

        try:
            request = json.loads(line)
            return {"lint": self.lint, "accept": self.accept, "fix": self.fix}[request["op"]](request)
        except InputError as exc:
            return 422, {"error": str(exc)}
        except Exception as exc:  # a bug of ours: one line back to the page, never a traceback
            return 500, {"error": f"internal error ({_reason(exc)}); please report it"}

    def _lint(self, request: dict[str, Any], text: str | None = None):
        import factlint

        return factlint.lint(request["text"] if text is None else text, request["kind"], request["published"],
                             self.settings, path=request["name"], facts=self.facts)

    def lint(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        result = self._lint(request)
        return 200, self._body(request, request["text"], result.findings, result.warnings, result.complete,
                               echo=bool(request.get("echo")))

    def accept(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        import factlint

        text, wanted = request["text"], request["finding"]
        found = [f for f in self._lint(request).findings
                 if (f.code, f.start, f.end) == (wanted["code"], wanted["start"], wanted["end"])]
        if not found:
            return 409, {"error": f"{wanted['code']} is no longer at that place (the text changed since it was "
                                  "checked); check again"}
        fixed = factlint.apply_fixes(text, found[:1], unsafe=True)
        if not fixed.applied:
            reason = fixed.skipped[0].reason if fixed.skipped else "it has no fix"
            return 409, {"error": f"{found[0].code}'s suggestion cannot be applied: {reason}"}
        result = self._lint(request, fixed.text)
        return 200, self._body(request, fixed.text, result.findings, result.warnings, result.complete, echo=True,
                               applied=[found[0].to_json()], skipped=[])

    def fix(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Every safe fix, in passes, as ``--fix`` applies them to a file (here to the text, in memory)."""
        from factlint.api_text import InputError, _registry
        from factlint.engine import Linter
        from factlint.fix_files import FixError, fix_text
        from factlint.source import kind_for

        name = request["name"]
        if API_KINDS[kind_for(name)] != request["kind"]:  # fix_text reads the kind from the name
            name += EXTENSIONS[request["kind"]]
        published = dt.date.fromisoformat(request["published"]) if request["published"] else None
        linter = Linter(self.settings, _registry(self.settings), published, self.facts)
        try:
            outcome = fix_text(linter, name, request["text"].encode("utf-8"), unsafe=False)
        except FixError as exc:
            raise InputError(str(exc)) from None
        result = outcome.result
        findings = [_renamed(f, request["name"]) for f in result.findings] if name != request["name"] else \
            result.findings
        return 200, self._body(request, outcome.after, findings, result.warnings + linter.problems,
                               result.complete and not linter.problems, echo=True,
                               applied=[f.to_json() for f in outcome.fixed],
                               skipped=[{"finding": f.to_json(), "reason": reason} for f, reason in outcome.skipped])

    def _body(self, request: dict[str, Any], text: str, findings: list[Finding], warnings: list[str],
              complete: bool, echo: bool = False, **extra: Any) -> dict[str, Any]:
        from factlint.reporters.highlight import family_cards, filters, highlight

        published, source = request["published"], "request" if request["published"] else None
        if published is None:
            published = _article_date(text, request["kind"], request["name"])
            source = "article" if published else None
        body: dict[str, Any] = {
            "version": __version__, "kind": request["kind"], "published": published, "published_from": source,
            "findings": [f.to_json() for f in findings], "warnings": list(warnings), "complete": complete,
            "summary": summary(findings),
            "html": {"text": f'<pre class="fl-text">{highlight(text, findings)}</pre>',
                     "findings": family_cards(findings), "filters": filters(findings)}}
        if echo:
            body["text"] = text
        body.update(extra)
        return body


def _renamed(f: Finding, path: str) -> Finding:
    import dataclasses

    return dataclasses.replace(f, path=path, related=tuple(dataclasses.replace(r, path=path) for r in f.related))


def _article_date(text: str, kind: str, name: str) -> str | None:
    """The publication date the article itself gives (front matter, HTML metadata), as YYYY-MM-DD."""
    from factlint.api_text import KINDS
    from factlint.readers import read
    from factlint.source import Source

    try:
        published = read(Source(path=name, text=text, kind=KINDS[kind])).published
    except Exception:  # lint read the same text already; a date is a courtesy, not worth an error
        return None
    return published.isoformat() if published else None


def summary(findings: list[Finding]) -> str:
    """``6 findings (1 error, 5 warnings)``, or ``No findings``."""
    if not findings:
        return "No findings"
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info")
                      if counts[s])
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''} ({parts})"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The answers go out on a copy of standard output; what a check prints (Python or C) goes to standard
    # error, so it can never be taken for an answer.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    try:
        session = Session(json.loads(argv[0]) if argv else {})
    except KeyboardInterrupt:
        return 130
    except BaseException as exc:  # a bad config or fact base: the server says so and stops
        print(f"factlint serve: {exc}", file=sys.stderr)
        return 2
    out.write(READY)
    out.flush()
    try:
        for line in sys.stdin.buffer:
            status, body = session.answer(line)
            try:
                data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            except (TypeError, ValueError, UnicodeEncodeError) as exc:
                status, data = 500, json.dumps({"error": f"internal error ({exc}); please report it"}).encode()
            out.write(b"%d %s\n" % (status, data))
            out.flush()
    except (KeyboardInterrupt, BrokenPipeError):  # Ctrl+C reaches the whole process group; the server ends us
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
