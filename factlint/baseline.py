"""Baselines: record today's findings, then report only new ones.

A finding's key is its file (relative to the project root), its code, the
flagged text with whitespace collapsed, and its rank among findings with the
same three, so edits elsewhere in the article (which move lines) do not
invalidate the baseline, while a second occurrence of the same problem is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from factlint import __version__
from factlint.engine import relative_path
from factlint.findings import Finding


class BaselineError(Exception):
    pass


def finding_keys(findings: list[Finding], root: Path) -> list[str]:
    """One key per finding, in order: stable under edits elsewhere in the file."""
    seen: Counter[tuple[str, str, str]] = Counter()
    keys = []
    for f in findings:
        base = (relative_path(f.path, root), f.code, f.excerpt)
        keys.append("\t".join((*base, str(seen[base]))))
        seen[base] += 1
    return keys


def write_baseline(path: Path, findings: list[Finding], root: Path) -> None:
    entries = sorted(finding_keys(findings, root))
    try:
        path.write_text(json.dumps({"factlint": __version__, "findings": entries}, indent=1, ensure_ascii=False)
                        + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline ({exc.strerror or exc})") from None


def filter_baseline(path: Path, findings: list[Finding], root: Path) -> list[Finding]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        known = set(data["findings"])
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError):
        raise BaselineError(f"{path}: not a factlint baseline (expected JSON with a 'findings' list)") from None
    return [f for f, key in zip(findings, finding_keys(findings, root)) if key not in known]
