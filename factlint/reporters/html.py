"""``--format html``: one self-contained page per run (no external assets, no script), built on
``factlint.reporters.highlight``: each article with findings shown in full with its spans highlighted,
both sides of each conflict linked, the suggestions, and checkboxes to filter by check family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from html import escape

from factlint import __version__
from factlint.findings import Finding
from factlint.reporters.highlight import STYLE, article, filters

# No script may run and nothing may be fetched, whatever an article contains.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"
PAGE_STYLE = """
body { font: 15px/1.5 sans-serif; margin: 2em; color: #222; }
nav ul { columns: 2; } .fl-clean { color: #777; }
"""


def render(findings: list[Finding], checked: list[str], source: Callable[[str], str | None]) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.path].append(f)
    files = list(dict.fromkeys([*checked, *by_file]))
    index, sections = [], []
    for n, path in enumerate(files):
        found = by_file.get(path, [])
        if found:
            index.append(f'<li><a href="#a{n}-article">{escape(path)}</a> ({len(found)})</li>')
            sections.append(article(path, source(path), found, prefix=f"a{n}-"))
        else:
            index.append(f'<li class="fl-clean">{escape(path)}: no findings</li>')
    total = (f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in {len(by_file)} of {len(files)} "
             f"file{'s' if len(files) != 1 else ''}")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="factlint {escape(__version__)}">'
            f"<title>factlint: {escape(total)}</title><style>{STYLE}{PAGE_STYLE}</style></head>\n"
            f'<body class="fl-root"><header><h1>factlint report</h1><p>{escape(total)}.</p>'
            f"{filters(findings)}</header>\n<nav><ul>{''.join(index)}</ul></nav>\n"
            f"<main>{''.join(sections)}</main></body></html>\n")
