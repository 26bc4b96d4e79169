"""SARIF 2.1.0, as GitHub code scanning accepts it: rules with help, related locations, fixes.

Paths are relative to the project root and resolved through ``originalUriBaseIds`` (``PROJECTROOT``),
so results attach to the right files wherever in the tree the run started.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from factlint import __version__
from factlint.api import Check
from factlint.findings import Finding
from factlint.reporters.checks_doc import anchor, builtin

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
BASE = "PROJECTROOT"


def _location(path: str) -> dict:
    p = Path(path)
    if p.is_absolute():  # outside the project root
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": BASE}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": max(end_column, 1)}


def project_urls() -> dict[str, str]:
    """The project's own URLs from its package metadata (``[project.urls]``), by lower-cased label."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        entries = metadata("factlint").get_all("Project-URL") or []
    except (ImportError, PackageNotFoundError):
        return {}
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    return urls


def _help(c: type[Check]) -> str:
    """What ``factlint explain CODE`` prints."""
    state = "on by default" if c.enabled_by_default else "off by default"
    return f"{c.code} {c.name} ({c.severity}, {state})\n\n{c.summary}\n\n{c.documentation()}".rstrip()


def render(findings: list[Finding], checks: list[type[Check]], root: Path, fingerprints: list[str]) -> str:
    rules = sorted({c.code: c for c in checks}.values(), key=lambda c: c.code)
    index = {c.code: i for i, c in enumerate(rules)}
    urls = project_urls()
    home = urls.get("repository") or urls.get("homepage") or urls.get("source")
    docs = urls.get("documentation") or home
    results = []
    for f, fingerprint in zip(findings, fingerprints):
        location = {"physicalLocation": {"artifactLocation": _location(f.path),
                                         "region": _region(f.line, f.column, f.end_line, f.end_column)}}
        result: dict = {"ruleId": f.code, "level": LEVEL[f.severity], "message": {"text": f.message},
                        "locations": [location], "partialFingerprints": {"factlintFinding/v1": fingerprint}}
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.related:
            result["relatedLocations"] = [
                {"id": i, "message": {"text": r.message},
                 "physicalLocation": {"artifactLocation": _location(r.path),
                                      "region": _region(r.line, r.column, r.end_line, r.end_column)}}
                for i, r in enumerate(f.related)]
        if f.fix is not None and f.fix.edits and f.fix.applicability != "display-only":
            what = "Delete the flagged text" if f.suggestion == "" else f"Replace with: {f.suggestion}"
            result["fixes"] = [{"description": {"text": what if f.fixable else f"{what} ({f.fix.reason})"},
                                "artifactChanges": [{"artifactLocation": _location(f.path), "replacements": [
                                    {"deletedRegion": _region(e.line, e.column, e.end_line, e.end_column),
                                     "insertedContent": {"text": e.replacement}} for e in f.fix.edits]}]}]
        results.append(result)
    driver: dict = {"name": "factlint", "version": __version__, "semanticVersion": __version__}
    if home:
        driver["informationUri"] = home
    driver["rules"] = []
    for c in rules:
        rule = {"id": c.code, "name": c.name, "shortDescription": {"text": c.summary},
                "fullDescription": {"text": c.documentation() or c.summary},
                "help": {"text": _help(c)},
                "defaultConfiguration": {"level": LEVEL[c.severity], "enabled": c.enabled_by_default}}
        if docs and builtin(c):
            rule["helpUri"] = f"{docs.split('#')[0]}#{anchor(c)}"
        driver["rules"].append(rule)
    run = {"tool": {"driver": driver},
           "originalUriBaseIds": {BASE: {"uri": root.resolve().as_uri() + "/",
                                         "description": {"text": "The project root (the folder of the configuration)"}}},
           "columnKind": "unicodeCodePoints", "results": results}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
