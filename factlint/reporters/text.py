"""The concise human format: ``path:line:col: CODE [severity] message``, related places indented."""

from __future__ import annotations

from collections import Counter

from factlint.findings import Finding

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def render(findings: list[Finding], files_checked: int, colour: bool, verdict: str = "") -> str:
    """The report; ``verdict`` (pass or fail under fail-on, what a baseline hid) follows the summary line."""
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    lines = []
    for f in findings:
        where = paint(f"{f.path}:{f.line}:{f.column}:", BOLD)
        lines.append(f"{where} {paint(f.code, COLOURS[f.severity])} [{f.severity}] {f.message}")
        for r in f.related:
            lines.append(paint(f"    {r.path}:{r.line}:{r.column}: {r.message}", DIM))
        if f.suggestion:
            lines.append(f"    suggestion: {f.suggestion}")
    lines.append(summary(findings, files_checked, verdict))
    return "\n".join(lines) + "\n"


def summary(findings: list[Finding], files_checked: int, verdict: str = "") -> str:
    """The summary; ``verdict`` (pass or fail under fail-on, what a baseline hid) is its second line."""
    counts = Counter(f.severity for f in findings)
    if findings:
        parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info")
                          if counts[s])
        files = len({f.path for f in findings})
        line = (f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({parts}) in "
                f"{files} of {files_checked} file{'s' if files_checked != 1 else ''}.")
    else:
        line = f"No findings in {files_checked} file{'s' if files_checked != 1 else ''}."
    return f"{line}\n{verdict}" if verdict else line


def fixable_line(findings: list[Finding]) -> str:
    """How many findings ``--fix`` would fix (empty when none)."""
    fixable = sum(1 for f in findings if f.fixable)
    unsafe = sum(1 for f in findings if f.fix is not None and f.fix.applicability == "unsafe")
    if not fixable and not unsafe:
        return ""
    parts = [f"{fixable} fixable with --fix (--diff shows the changes)"] if fixable else []
    if unsafe:
        parts.append(f"{unsafe} more with --unsafe-fixes")
    return "; ".join(parts) + "."
