"""SARIF 2.1.0, as GitHub code scanning accepts it: rules, related locations, fixes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from factlint import __version__
from factlint.api import Check
from factlint.findings import Finding

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": max(end_column, 1)}


def render(findings: list[Finding], checks: list[type[Check]]) -> str:
    from factlint.baseline import finding_keys

    rules = sorted({c.code: c for c in checks}.values(), key=lambda c: c.code)
    index = {c.code: i for i, c in enumerate(rules)}
    results = []
    # The baseline's key (file, code, flagged text, rank) lets code scanning follow an alert across edits.
    fingerprints = [hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
                    for key in finding_keys(findings, Path.cwd())]
    for f, fingerprint in zip(findings, fingerprints):
        location = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)},
                                         "region": _region(f.line, f.column, f.end_line, f.end_column)}}
        result: dict = {"ruleId": f.code, "level": LEVEL[f.severity], "message": {"text": f.message},
                        "locations": [location], "partialFingerprints": {"factlintFinding/v1": fingerprint}}
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.related:
            result["relatedLocations"] = [
                {"id": i, "message": {"text": r.message},
                 "physicalLocation": {"artifactLocation": {"uri": _uri(r.path)},
                                      "region": _region(r.line, r.column, r.end_line, r.end_column)}}
                for i, r in enumerate(f.related)]
        if f.suggestion:
            result["fixes"] = [{"description": {"text": f"Replace with: {f.suggestion}"},
                                "artifactChanges": [{"artifactLocation": {"uri": _uri(f.path)},
                                                     "replacements": [{"deletedRegion": location["physicalLocation"]["region"],
                                                                       "insertedContent": {"text": f.suggestion}}]}]}]
        results.append(result)
    driver = {
        "name": "factlint", "version": __version__, "semanticVersion": __version__,
        "informationUri": "https://pypi.org/project/factlint/",
        "rules": [{"id": c.code, "name": c.name, "shortDescription": {"text": c.summary},
                   "fullDescription": {"text": c.documentation() or c.summary},
                   "help": {"text": c.documentation() or c.summary},
                   "defaultConfiguration": {"level": LEVEL[c.severity], "enabled": c.enabled_by_default}}
                  for c in rules],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
