"""Article text as HTML with each finding highlighted in place: the rendering the HTML report and the
editors' page share.

    from factlint.reporters.highlight import STYLE, article, filters

    html = article("a.md", text, findings, prefix="a0-")   # a <section>: the text, then the findings
    page = f"<style>{STYLE}</style>" + filters(findings) + html
    # the editors' page (factlint serve): highlight() for the text, family_cards() for the list

Every piece of article text, message and suggestion is escaped, so nothing from an article runs as
markup or script; the output needs no script at all (filtering by family is plain CSS on the
checkboxes of ``filters``). Offsets are the findings' ``start``/``end`` into ``text``, the source text
that was linted. Each primary span is a ``<mark class="fl-mark fl-primary" data-finding="ID">`` with
``id=ID`` on its first piece; each related span a ``<mark class="fl-mark fl-related"
data-finding="ID">`` with ``id=ID-rN``; the finding's card is ``id=ID-card``. The primary span links to
its card, a related span back to its primary span, and the card to both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from factlint.findings import Finding

FAMILIES = {"A": "acronyms", "D": "dates", "E": "names", "F": "fact base", "N": "numbers", "T": "text"}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

STYLE = """
.fl-text { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.6 Georgia, serif; background: #fff;
  color: #222; padding: 1em; border: 1px solid #ddd; max-width: 60em; }
mark.fl-mark { color: inherit; border-radius: 2px; }
mark.fl-primary.fl-sev-error { background: rgba(220, 40, 40, .22); border-bottom: 2px solid #c22; }
mark.fl-primary.fl-sev-warning { background: rgba(240, 170, 0, .25); border-bottom: 2px solid #c80; }
mark.fl-primary.fl-sev-info { background: rgba(0, 140, 200, .18); border-bottom: 2px solid #08c; }
mark.fl-related { background: rgba(120, 120, 220, .16); border-bottom: 2px dotted #66c; }
mark.fl-mark:target, .fl-card:target { outline: 3px solid #36f; }
a.fl-ref { font: bold 10px sans-serif; vertical-align: super; text-decoration: none; color: #555;
  margin: 0 1px; }
.fl-cards { font: 14px/1.45 sans-serif; max-width: 62em; }
.fl-card { margin: .4em 0; }
.fl-code { font-weight: bold; }
.fl-sev { color: #666; }
.fl-suggestion ins { background: #dfd; text-decoration: none; padding: 0 2px; }
.fl-fixable { color: #070; }
.fl-filters { font: 14px sans-serif; margin: 1em 0; }
.fl-filters label { margin-right: 1.2em; }
""" + "".join(
    f".fl-root:has(#fl-show-{x}:not(:checked)) mark.fl-fam-{x} {{ background: none; border: none; }}\n"
    f".fl-root:has(#fl-show-{x}:not(:checked)) .fl-card.fl-fam-{x}, "
    f".fl-root:has(#fl-show-{x}:not(:checked)) .fl-family.fl-fam-{x}, "
    f".fl-root:has(#fl-show-{x}:not(:checked)) a.fl-ref.fl-fam-{x} {{ display: none; }}\n"
    for x in _LETTERS)


def family(code: str) -> str:
    return code[:1].upper() if code[:1].isalpha() else "X"


def _classes(f: Finding) -> str:
    return f"fl-fam-{family(f.code)} fl-sev-{f.severity}"


def highlight(text: str, findings: Sequence[Finding], prefix: str = "f") -> str:
    """``text`` escaped, with every finding's span and related spans in (possibly nested) ``<mark>``s."""
    n = len(text)
    spans = []  # (start, end, finding index, related index or -1)
    for i, f in enumerate(findings):
        if f.start is None or f.end is None:
            continue
        spans.append((*_clamp(f.start, f.end, n), i, -1))
        for j, r in enumerate(f.related):
            if r.start is not None and r.end is not None:
                spans.append((*_clamp(r.start, r.end, n), i, j))
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    last_piece = {}
    for k, (start, end, i, j) in enumerate(spans):
        last_piece[k] = max(c for c in cuts if c < end) if end > start else start
    opened: set[int] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [k for k, (s, e, _, _) in enumerate(spans) if s <= a < e]
        for k in covering:
            s, e, i, j = spans[k]
            f = findings[i]
            ident = f"{prefix}{i}" if j < 0 else f"{prefix}{i}-r{j}"
            first = k not in opened
            opened.add(k)
            kind = "fl-primary" if j < 0 else "fl-related"
            title = f"{f.code} {f.name}: {f.message}" if j < 0 else f"{f.code}: {f.related[j].message}"
            out.append(f'<mark class="fl-mark {kind} {_classes(f)}" data-finding="{prefix}{i}"'
                       f'{f" id={_q(ident)}" if first else ""} title="{escape(title)}">')
        out.append(escape(text[a:b], quote=False))
        out.append("</mark>" * len(covering))
        for k in covering:
            s, e, i, j = spans[k]
            if last_piece[k] == a:
                out.append(_ref(findings[i], prefix, i, j))
    return "".join(out)


def _clamp(start: int, end: int, n: int) -> tuple[int, int]:
    start = min(max(start, 0), n)
    end = min(max(end, start), n)
    if end == start and start < n:
        end = start + 1  # an empty span still shows: on the character after it
    return start, end


def _q(value: str) -> str:
    return f'"{escape(value)}"'


def _ref(f: Finding, prefix: str, i: int, j: int) -> str:
    """The small link after a span: to the finding's card from the primary span, back to it from a related one."""
    if j < 0:
        return (f'<a class="fl-ref {_classes(f)}" href="#{escape(prefix)}{i}-card" '
                f'title="{escape(f.message)}">{escape(f.code)}</a>')
    return (f'<a class="fl-ref fl-back {_classes(f)}" href="#{escape(prefix)}{i}" '
            f'title="the other side: {escape(f.message)}">&#8617;{escape(f.code)}</a>')


CLI_FIX_NOTE = "safe fix: --fix applies it"


def cards(findings: Sequence[Finding], prefix: str = "f", fix_note: str = CLI_FIX_NOTE) -> str:
    """The findings as a list: position, check, message, links to both sides, the suggestion and its fix."""
    return f'<ol class="fl-cards">{"".join(_card(f, i, prefix, fix_note) for i, f in enumerate(findings))}</ol>'


def family_cards(findings: Sequence[Finding], prefix: str = "f", fix_note: str = "safe fix",
                 accept: bool = True) -> str:
    """The cards grouped by check family, each group headed by its name and count (the editors' page).

    With ``accept``, a card whose fix has edits gets ``<button class="fl-accept" data-index="I">``
    (I: the finding's index), for a page script to apply; the markup stays the same as ``cards``'s.
    """
    groups: dict[str, list[int]] = {}
    for i, f in enumerate(findings):
        groups.setdefault(family(f.code), []).append(i)
    out = []
    for x, indices in sorted(groups.items()):
        items = "".join(_card(findings[i], i, prefix, fix_note, accept) for i in indices)
        out.append(f'<section class="fl-family fl-fam-{x}"><h3>{escape(FAMILIES.get(x, x))} '
                   f'<span class="fl-count">{len(indices)}</span></h3><ol class="fl-cards">{items}</ol></section>')
    return "".join(out)


def _card(f: Finding, i: int, prefix: str, fix_note: str, accept: bool = False) -> str:
    related = "".join(f'<li><a href="#{escape(prefix)}{i}-r{j}">{r.line}:{r.column}</a> {escape(r.message)}</li>'
                      for j, r in enumerate(f.related) if r.start is not None)
    related = f'<ul class="fl-related-list">{related}</ul>' if related else ""
    suggestion = ""
    if f.suggestion is not None:
        shown = "<em>delete the flagged text</em>" if f.suggestion == "" else f"<ins>{escape(f.suggestion)}</ins>"
        status = ""
        if f.fix is not None:
            status = (f'<span class="fl-fixable">{escape(fix_note)}</span>' if f.fixable else
                      f'<span class="fl-unfixable">{escape(f.fix.reason or "")}</span>')
        button = (f' <button type="button" class="fl-accept" data-index="{i}">accept</button>'
                  if accept and f.fix is not None and f.fix.edits and f.fix.applicability != "display-only" else "")
        suggestion = f'<div class="fl-suggestion">suggestion: {shown} {status}{button}</div>'
    return (f'<li class="fl-card {_classes(f)}" id="{escape(prefix)}{i}-card" data-index="{i}">'
            f'<a href="#{escape(prefix)}{i}">{f.line}:{f.column}</a> '
            f'<span class="fl-code">{escape(f.code)}</span> {escape(f.name)} '
            f'<span class="fl-sev">[{escape(f.severity)}]</span> {escape(f.message)}{related}{suggestion}</li>')


def counts(findings: Sequence[Finding]) -> str:
    by_family = Counter(family(f.code) for f in findings)
    return ", ".join(f"{n} {FAMILIES.get(x, x)}" for x, n in sorted(by_family.items()))


def article(path: str, text: str | None, findings: Sequence[Finding], prefix: str = "f") -> str:
    """One article: its path, counts by family, the highlighted text and the list of findings."""
    body = (f'<pre class="fl-text">{highlight(text, findings, prefix)}</pre>' if text is not None else
            '<p class="fl-missing">(the file could not be read again to show its text)</p>')
    return (f'<section class="fl-article" id="{escape(prefix)}article"><h2>{escape(path)}</h2>'
            f'<p class="fl-counts">{len(findings)} finding{"s" if len(findings) != 1 else ""}: '
            f'{escape(counts(findings))}</p>{body}{cards(findings, prefix)}</section>')


def filters(findings: Sequence[Finding]) -> str:
    """A checkbox per check family present; unticking one hides its highlights and cards (CSS only)."""
    by_family = Counter(family(f.code) for f in findings)
    boxes = "".join(f'<label><input type="checkbox" id="fl-show-{x}" checked> {x} {escape(FAMILIES.get(x, ""))} '
                    f'({n})</label>' for x, n in sorted(by_family.items()))
    return f'<fieldset class="fl-filters"><legend>Show</legend>{boxes}</fieldset>' if boxes else ""
