"""The JSON format: exactly ``{"version": ..., "findings": [...]}``, validated at the boundary."""

from __future__ import annotations

import json

from factlint import __version__
from factlint.findings import Finding


def render(findings: list[Finding]) -> str:
    from factlint.reporters.schema import ReportModel

    report = ReportModel.model_validate({"version": __version__, "findings": [f.public() for f in findings]})
    return json.dumps(report.model_dump(), indent=2, ensure_ascii=False) + "\n"
