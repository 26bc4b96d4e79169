"""``--fix`` and ``--diff``: the fixes of the fix model applied to files, safely.

Only files whose findings carry an applicable fix are touched. Each is read once; its bytes are linted
again here (so the fixes belong to exactly those bytes), the fixes are applied, and the result is linted
again: up to ``PASSES`` times, since a fix skipped for overlapping another applies on the next pass. A
pass that would bring in a finding the file did not have is retried fix by fix, keeping only the fixes
that bring in nothing. The new text is encoded as the file was (UTF-8 with or without BOM, UTF-16 with
its BOM; line endings are text and stay as they were) and written to a temporary file in the same
folder, then renamed over the original, unless the file changed since it was read.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.engine import FileResult, Linter
from factlint.findings import Finding
from factlint.fix_apply import apply_fixes, unapplied_reason
from factlint.source import Source, SourceError, decode

PASSES = 4
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class FixError(Exception):
    """A file could not be fixed; the message says why (the file is left as it was)."""


@dataclass
class FileFix:
    """The outcome for one file: the text before and after, and the findings of the new text."""

    path: str
    before: str
    after: str
    result: FileResult  # the lint of ``after``
    fixed: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


def wants_fixing(findings: list[Finding], unsafe: bool) -> bool:
    return any(f.fix is not None and f.fix.edits and (f.fix.applicability == "safe" or
                                                      (unsafe and f.fix.applicability == "unsafe"))
               for f in findings)


def encoding_of(data: bytes) -> tuple[bytes, str]:
    """(byte-order mark, codec) of the bytes, as ``factlint.source.decode`` reads them."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def encode_like(text: str, original: bytes) -> bytes:
    bom, codec = encoding_of(original)
    return bom + text.encode(codec)


def fix_text(linter: Linter, path: str, data: bytes, unsafe: bool) -> FileFix:
    """Lint ``data`` and apply its fixes until none is left, in memory."""
    try:
        source = decode(path, data)
    except SourceError as exc:
        raise FixError(str(exc)) from None
    if encode_like(source.text, data) != data:
        raise FixError("its encoding cannot be written back byte for byte; not fixed")
    result = linter.lint_source(source)
    if result.error:
        raise FixError(result.error)
    outcome = FileFix(path, source.text, source.text, result)
    known = Counter(_key(f) for f in result.findings)
    for _ in range(PASSES):
        done = apply_fixes(outcome.after, outcome.result.findings, unsafe=unsafe)
        if not done.applied:
            break
        text, relinted = done.text, linter.lint_source(Source(path, done.text, source.kind))
        applied = list(done.applied)
        if _new(relinted, known):
            text, relinted, applied = outcome.after, outcome.result, []
            for f in done.applied:  # one at a time, keeping those that bring in no new finding
                one = apply_fixes(text, [g for g in relinted.findings if _key(g) == _key(f)][:1], unsafe=unsafe)
                if not one.applied:
                    continue
                trial = linter.lint_source(Source(path, one.text, source.kind))
                if _new(trial, known):
                    outcome.skipped.append((f, "the fixed text would have a finding the article did not have"))
                else:
                    text, relinted = one.text, trial
                    applied.append(f)
            if not applied:
                break
        outcome.after, outcome.result = text, relinted
        outcome.fixed += applied
    fixed = {_key(f) for f in outcome.fixed}
    outcome.skipped += [(s.finding, s.reason) for s in apply_fixes(outcome.after, outcome.result.findings,
                                                                  unsafe=unsafe).skipped
                        if _key(s.finding) not in fixed]
    return outcome


def _key(f: Finding) -> tuple[str, str, str]:
    return (f.code, f.excerpt, f.suggestion or "")


def _new(result: FileResult, known: Counter) -> bool:
    """True when ``result`` has a finding (by check and flagged text) more often than the original text."""
    now = Counter(_key(f) for f in result.findings)
    return result.error is not None or any(n > known[k] for k, n in now.items())


def write_atomically(path: str, data: bytes, expected: bytes) -> None:
    """Replace the file's content with ``data`` by a rename in its folder, unless it no longer reads ``expected``."""
    import tempfile

    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = os.stat(target).st_mode & 0o7777
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".factlint")
    except OSError as exc:
        raise FixError(f"cannot write next to it ({exc.strerror or exc}); not fixed") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        with open(target, "rb") as fh:
            if fh.read() != expected:
                raise FixError("it changed since it was read; not fixed")
        os.replace(tmp, target)
    except OSError as exc:
        raise FixError(f"cannot be written ({exc.strerror or exc}); not fixed") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def unified_diff(shown: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{shown}", f"b/{shown}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def fix_results(results: list[FileResult], make_linter: Callable[[], Linter], *, write: bool, unsafe: bool,
                stdin: tuple[str, bytes] | None, show: Callable[[str], str],
                err: Any = None) -> tuple[list[FileResult], list[FileFix]]:
    """Fix (or, with ``write`` False, only work out) every file whose findings have an applicable fix.

    Returns the results with each fixed file's findings replaced by those of its new text, and the
    file fixes that changed something. Problems go to ``err`` (standard error) one line per file.
    """
    err = err or sys.stderr
    linter: Linter | None = None
    out: list[FileResult] = []
    changed: list[FileFix] = []
    for r in results:
        if r.error or not wants_fixing(r.findings, unsafe):
            for f in r.findings:
                reason = unapplied_reason(f, unsafe)
                if reason is not None:
                    print(f"factlint: {show(f.path)}:{f.line}:{f.column}: {f.code} not fixed: {reason}", file=err)
            out.append(r)
            continue
        from_stdin = stdin is not None and r.path == stdin[0]
        try:
            data = stdin[1] if from_stdin and stdin is not None else Path(r.path).read_bytes()
        except OSError as exc:
            print(f"factlint: {show(r.path)}: cannot read it again ({exc.strerror or exc}); not fixed", file=err)
            out.append(r)
            continue
        linter = linter or make_linter()
        try:
            fix = fix_text(linter, r.path, data, unsafe)
            if write and fix.after != fix.before and not from_stdin:
                write_atomically(r.path, encode_like(fix.after, data), data)
        except FixError as exc:
            print(f"factlint: {show(r.path)}: {exc}", file=err)
            out.append(r)
            continue
        for f, reason in fix.skipped:
            print(f"factlint: {show(f.path)}:{f.line}:{f.column}: {f.code} not fixed: {reason}", file=err)
        if fix.after != fix.before:
            changed.append(fix)
        out.append(fix.result if write else r)
    return out, changed
