"""The output side of ``factlint check``: formats, paths, colours, --output-file, --statistics, step summary.

``cli.py`` calls ``write_report`` once the findings are final; everything about how they are shown lives
here and in ``factlint.reporters``. Reporters are imported only for the format asked for.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from factlint.findings import Finding

FORMATS = ("full", "text", "concise", "json", "sarif", "github", "junit", "gitlab", "html")
STEP_SUMMARY_LIMIT = 1024 * 1024 - 4096  # GitHub keeps at most 1 MiB of summary per step


class Report:
    """What a report is made of; ``registry`` is called only by the formats that describe the rules."""

    __slots__ = ("findings", "checked", "root", "registry", "stdin", "verdict")

    def __init__(self, findings: list[Finding], checked: list[str], root: Path, registry: Callable[[], Any],
                 stdin: tuple[str, bytes] | None = None, verdict: str = "") -> None:
        self.verdict = verdict  # ends the summary line: pass or fail under fail-on, what a baseline hid
        self.findings = findings
        self.checked = checked  # every file that was checked, as read
        self.root = root
        self.registry = registry
        self.stdin = stdin  # (name, bytes) of standard input, which cannot be read twice


class SourceTexts:
    """``text(path)``: the decoded source of a reported path, or None when it cannot be read now.

    ``paths`` maps a path as reported (relative to the project root) to the path it was read from;
    ``stdin`` is the name and bytes of standard input, which cannot be read twice.
    """

    def __init__(self, paths: dict[str, str] | None = None, stdin: tuple[str, bytes] | None = None) -> None:
        self.paths = paths or {}
        self.stdin = stdin
        self._texts: dict[str, str | None] = {}

    def text(self, path: str) -> str | None:
        if path not in self._texts:
            self._texts[path] = self._read(self.paths.get(path, path))
        return self._texts[path]

    def _read(self, path: str) -> str | None:
        from factlint.source import SourceError, decode

        if self.stdin is not None and path == self.stdin[0]:
            data = self.stdin[1]
        else:
            try:
                data = Path(path).read_bytes()
            except OSError:
                return None
        try:
            return decode(path, data).text
        except SourceError:
            return None


def relocate(findings: list[Finding], root: Path) -> tuple[list[Finding], dict[str, str]]:
    """The findings with paths relative to the project root, and the map back to the paths as read."""
    from factlint.engine import relative_path

    shown: dict[str, str] = {}
    back: dict[str, str] = {}

    def rel(path: str) -> str:
        if path not in shown:
            shown[path] = path if path.startswith("<") else relative_path(path, root)
            back[shown[path]] = path
        return shown[path]

    out = []
    for f in findings:
        related = tuple(r if r.path == f.path == rel(f.path) else dataclasses.replace(r, path=rel(r.path))
                        for r in f.related)
        out.append(f if rel(f.path) == f.path and related == f.related else
                   dataclasses.replace(f, path=rel(f.path), related=related))
    return out, back


def use_colour(choice: str, stream: IO[str]) -> bool:
    """--color always|never wins; then NO_COLOR (any value) and FORCE_COLOR (not 0/false); then a terminal."""
    if choice != "auto":
        return choice == "always" and _ansi_ready(stream)
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force is not None and force.lower() not in ("0", "false", "no"):
        return _ansi_ready(stream)
    return stream.isatty() and os.environ.get("TERM") != "dumb" and _ansi_ready(stream)


def _ansi_ready(stream: IO[str]) -> bool:
    """True where ANSI colour codes work: everywhere but an old Windows console, where they are switched on."""
    if os.name != "nt":
        return True
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.GetStdHandle(-11 if stream is sys.stdout else -12)
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return True  # not a console (a pipe or a file): the reader decides
        return bool(kernel32.SetConsoleMode(handle, mode.value | 0x0004))  # ENABLE_VIRTUAL_TERMINAL_PROCESSING
    except (AttributeError, OSError):
        return False


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def render(fmt: str, report: Report, colour: bool, statistics: bool = False) -> str:
    findings, back = relocate(report.findings, report.root)
    if statistics:
        from factlint.reporters.statistics import render as stats

        return stats(findings, as_json=fmt == "json")
    files = len(report.checked)
    if fmt in ("full", "text"):
        from factlint.reporters.full import render as full

        return full(findings, files, colour, SourceTexts(back, report.stdin).text, terminal_width(), report.verdict)
    if fmt == "concise":
        from factlint.reporters.text import render as concise

        return concise(findings, files, colour, report.verdict)
    if fmt == "json":
        from factlint.reporters.json import render as as_json

        return as_json(findings)
    if fmt == "github":
        from factlint.reporters.github import render as github

        return github(findings)
    if fmt == "junit":
        from factlint.reporters.junit import render as junit

        return junit(findings, [relocate_path(p, report.root) for p in report.checked])
    if fmt == "html":
        from factlint.reporters.html import render as html

        return html(findings, [relocate_path(p, report.root) for p in report.checked],
                    SourceTexts(back, report.stdin).text)
    fingerprints = _fingerprints(report)
    if fmt == "gitlab":
        from factlint.reporters.gitlab import render as gitlab

        return gitlab(findings, fingerprints)
    from factlint.reporters.sarif import render as sarif

    return sarif(findings, report.registry().sorted(), report.root, fingerprints)


def relocate_path(path: str, root: Path) -> str:
    from factlint.engine import relative_path

    return path if path.startswith("<") else relative_path(path, root)


def _fingerprints(report: Report) -> list[str]:
    """The baseline's key of each finding (file, code, flagged text, rank), hashed: stable across edits."""
    import hashlib

    from factlint.baseline import finding_keys

    return [hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
            for key in finding_keys(report.findings, report.root)]


def write_report(fmt: str, report: Report, colour_choice: str, output_file: Path | None = None,
                 statistics: bool = False, stream: IO[str] | None = None) -> None:
    """Write the report to ``stream`` (standard output) or ``output_file``; with --format github, the step summary too."""
    if output_file is not None:
        out = render(fmt, report, colour_choice == "always", statistics)
        _write_file(output_file, out)
    else:
        stream = stream or sys.stdout
        out = render(fmt, report, use_colour(colour_choice, stream), statistics)
        stream.write(out)
        stream.flush()
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from factlint.reporters.github import step_summary

        findings, _ = relocate(report.findings, report.root)
        _append_file(Path(os.environ["GITHUB_STEP_SUMMARY"]), step_summary(findings, len(report.checked),
                                                                           STEP_SUMMARY_LIMIT))


class OutputError(Exception):
    """The report could not be written; the message names the file and the reason."""


def _write_file(path: Path, text: str) -> None:
    try:
        if path.parent and not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the report ({exc.strerror or exc})") from None


def _append_file(path: Path, text: str) -> None:
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the step summary ({exc.strerror or exc})") from None


def add_arguments(check: Any) -> None:
    """The output options of ``factlint check``."""
    check.add_argument("--format", "--output-format", dest="format", choices=FORMATS, default="full",
                       help="full (the default: each finding with its sentence), concise (one line each), "
                            "json, sarif, github, junit, gitlab, html")
    check.add_argument("--output-file", "-o", type=Path, metavar="FILE", help="write the report to FILE")
    check.add_argument("--statistics", action="store_true", help="count findings per check instead of listing them")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, the unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")


def fix_step(args: Any, results: list, root: Path, make_linter: Callable[[], Any],
             stdin: tuple[str, bytes] | None) -> tuple[list, int | None]:
    """--fix / --diff on the run's results: (the results to report, an exit code when the run ends here)."""
    from factlint.fix_files import fix_results, unified_diff

    write = bool(args.fix) and not args.diff
    results, changed = fix_results(results, make_linter, write=write, unsafe=args.unsafe_fixes, stdin=stdin,
                                   show=lambda p: relocate_path(p, root))
    fixes = sum(len(c.fixed) for c in changed)
    counted = f"{fixes} finding{'s' if fixes != 1 else ''} in {len(changed)} file{'s' if len(changed) != 1 else ''}"
    if args.diff:
        sys.stdout.write("".join(unified_diff(relocate_path(c.path, root), c.before, c.after) for c in changed))
        print(f"factlint: would fix {counted}", file=sys.stderr)
        return results, 1 if changed else 0
    for c in changed:
        if stdin is not None and c.path == stdin[0]:
            sys.stdout.write(c.after)  # standard input fixed: the new text goes to standard output
    print(f"factlint: fixed {counted}", file=sys.stderr)
    return results, None
