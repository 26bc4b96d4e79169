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
