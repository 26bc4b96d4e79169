"""GitHub Actions workflow commands, one line per finding."""

from __future__ import annotations

from factlint.findings import Finding

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        message = f.message
        for r in f.related:
            message += f"\n{r.path}:{r.line}:{r.column}: {r.message}"
        if f.suggestion:
            message += f"\nsuggestion: {f.suggestion}"
        props = (f"file={_escape_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={_escape_property(f'{f.code} {f.name}')}")
        lines.append(f"::{LEVEL[f.severity]} {props}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def _cell(text: str) -> str:
    """Markdown table cell: pipes escaped, line breaks as <br>, markup characters as entities."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            .replace("\r", "").replace("\n", "<br>"))


def step_summary(findings: list[Finding], files_checked: int, limit: int) -> str:
    """A Markdown table of every finding for ``$GITHUB_STEP_SUMMARY`` (annotations are capped per step)."""
    files = len({f.path for f in findings})
    if not findings:
        return f"### factlint\n\nNo findings in {files_checked} file{'s' if files_checked != 1 else ''}.\n\n"
    head = (f"### factlint\n\n{len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} of "
            f"{files_checked} file{'s' if files_checked != 1 else ''}.\n\n"
            "| File | Line | Check | Severity | Message | Suggestion |\n|---|---|---|---|---|---|\n")
    rows, size = [], len(head.encode())
    for n, f in enumerate(findings):
        suggestion = "" if f.suggestion is None else _cell(f.suggestion or "(delete)")
        row = (f"| {_cell(f.path)} | {f.line}:{f.column} | {f.code} {f.name} | {f.severity} | {_cell(f.message)} | "
               f"{suggestion} |\n")
        if size + len(row.encode()) > limit - 200:
            rows.append(f"\n{len(findings) - n} more findings are not shown (the summary is limited in size).\n")
            break
        rows.append(row)
        size += len(row.encode())
    return head + "".join(rows) + "\n"
