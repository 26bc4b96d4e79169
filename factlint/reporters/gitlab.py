"""GitLab Code Quality: a JSON array of issues (description, check_name, fingerprint, severity, location)."""

from __future__ import annotations

import json

from factlint.findings import Finding

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(findings: list[Finding], fingerprints: list[str]) -> str:
    issues = [{"type": "issue", "description": f"{f.code} {f.message}", "check_name": f"{f.code} {f.name}",
               "fingerprint": fingerprint, "severity": SEVERITY[f.severity], "categories": ["Style"],
               "location": {"path": f.path, "positions": {"begin": {"line": f.line, "column": f.column},
                                                          "end": {"line": f.end_line, "column": f.end_column}}}}
              for f, fingerprint in zip(findings, fingerprints)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
