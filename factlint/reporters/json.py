"""The JSON format: exactly ``{"version": ..., "findings": [...]}``.

The fields are those of ``factlint.reporters.schema.ReportModel`` (the tests
validate every report against it); building the report from the typed
findings directly keeps pydantic's import off a one-article run.
"""

from __future__ import annotations

import json

from factlint import __version__
from factlint.findings import Finding


def render(findings: list[Finding]) -> str:
    report = {"version": __version__, "findings": [f.public() for f in findings]}
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
