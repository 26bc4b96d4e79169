"""``--statistics``: findings per check, most frequent first (like ruff's)."""

from __future__ import annotations

import json
from collections import Counter

from factlint.findings import Finding


def render(findings: list[Finding], as_json: bool = False) -> str:
    counts = Counter((f.code, f.name) for f in findings)
    fixable = Counter((f.code, f.name) for f in findings if f.fixable)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        return json.dumps([{"code": code, "name": name, "count": n, "fixable": fixable[code, name]}
                           for (code, name), n in rows], indent=2) + "\n"
    if not rows:
        return "No findings.\n"
    width = len(str(rows[0][1]))
    name_width = max(len(name) for (_, name), _ in rows)
    lines = [f"{n:>{width}}  {code}  {name:<{name_width}}" + (f"  {fixable[code, name]} fixable" if fixable[code, name]
                                                                else "")
             for (code, name), n in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"
