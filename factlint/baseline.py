"""Baselines: record today's findings, then report only new ones.

A finding's key is its file (relative to the baseline file's folder), its code,
the flagged text with whitespace collapsed, and its rank among findings with the
same three, so edits elsewhere in the article (which move lines) do not
invalidate the baseline, while a second occurrence of the same problem is new.
An entry of a file the run checked that matches no finding any more (or of a
file that is gone) is stale: the summary counts them, ``--update-baseline``
drops them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
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


def write_baseline(path: Path, findings: list[Finding]) -> None:
    _write(path, sorted(finding_keys(findings, path.parent)))


def _write(path: Path, entries: list[str]) -> None:
    """Write the baseline atomically: a reader never sees half a file."""
    import os
    import tempfile

    body = json.dumps({"factlint": __version__, "findings": entries}, indent=1, ensure_ascii=False) + "\n"
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(tmp, path)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline ({exc.strerror or exc})") from None


@dataclass
class BaselineOutcome:
    findings: list[Finding]  # the new ones
    hidden: int = 0  # findings the baseline knew
    stale: list[str] = field(default_factory=list)  # entries that match nothing any more


def filter_baseline(path: Path, findings: list[Finding], checked: list[str]) -> BaselineOutcome:
    """The findings the baseline does not know; ``checked`` are the files of this run (for stale entries)."""
    root = path.parent
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        known = data["findings"]
        if not isinstance(known, list) or not all(isinstance(k, str) for k in known):
            raise TypeError
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError):
        raise BaselineError(f"{path}: not a factlint baseline (expected JSON with a 'findings' list)") from None
    known_set = set(known)
    keys = finding_keys(findings, root)
    new = [f for f, key in zip(findings, keys) if key not in known_set]
    matched = set(keys) & known_set
    linted = {relative_path(p, root) for p in checked}
    stale = [k for k in known if k not in matched and (k.split("\t", 1)[0] in linted
                                                        or not (root / k.split("\t", 1)[0]).exists())]
    return BaselineOutcome(new, len(findings) - len(new), stale)


def update_baseline(path: Path, stale: list[str]) -> None:
    """Rewrite the baseline without its stale entries (new findings are not added: fix them or record them)."""
    gone = set(stale)
    _write(path, [k for k in json.loads(path.read_text(encoding="utf-8"))["findings"] if k not in gone])
