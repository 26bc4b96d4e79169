"""The default human format: each finding with its sentence, the span underlined, related places excerpted.

    a.md:4:4: D101 [error] The forum is dated '14 April 2025' here (14 April 2025) but '14 May
        2025' (14 May 2025) elsewhere.
       |
     4 | On 14 April 2025, the Trans-Caspian Transport Forum was held in Baku with the…
       |    ^^^^^^^^^^^^^
       = 2:95: the forum is dated '14 May 2025' here: "…and Europe. On 14 May 2025, Baku hosted…"
       = suggestion: 14 May 2025 (--fix applies it)

Everything is cut or wrapped to ``width`` columns. Plain standard library, no terminal library: the
colours are ANSI codes, switched on by the caller.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

from factlint.findings import Finding, RelatedLocation
from factlint.reporters.text import BOLD, COLOURS, DIM, RESET, fixable_line, summary

# The end of a sentence inside a line: closing punctuation, closing quotes or brackets, then space.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*[ \t]+")
TRAILING_NUMBER = re.compile(r"^([^\d:]*?)[ \t]+(\d+)$")
COLLAPSE = 3  # this many related places numbered under one label ("item 1", "item 2", ...) become one line
EXCERPT = 60  # characters of context in a related place's excerpt


def render(findings: list[Finding], files_checked: int, colour: bool, source: Callable[[str], str | None],
           width: int = 80, verdict: str = "") -> str:
    width = max(width, 40)

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour and text else text

    out: list[str] = []
    for f in findings:
        out += _header(f, width, paint)
        text = source(f.path)
        lines = text.split("\n") if text is not None else None
        gutter = " " * (len(str(f.line)) + 1)
        if lines is not None and 0 < f.line <= len(lines):
            out += _snippet(f, lines, width, paint)
        notes = _related_lines(f, lines, width - len(gutter) - 3)
        if f.suggestion is not None:
            notes += _suggestion(f, width - len(gutter) - 3)
        for note in notes:
            out.append(f"{gutter}{paint(' = ' if not note.startswith('  ') else '   ', DIM)}{note.lstrip()}"
                       if note.strip() else "")
    out.append(summary(findings, files_checked, verdict))
    fixable = fixable_line(findings)
    if fixable:
        out.append(fixable)
    return "\n".join(out) + "\n"


def _header(f: Finding, width: int, paint: Callable[[str, str], str]) -> list[str]:
    where = f"{f.path}:{f.line}:{f.column}:"
    head = f"{where} {f.code} [{f.severity}] "
    wrapped = textwrap.wrap(head + f.message, width=width, subsequent_indent="    ", break_long_words=False,
                            break_on_hyphens=False) or [head.rstrip()]
    first = wrapped[0]
    if first.startswith(head.rstrip()):
        first = f"{paint(where, BOLD)} {paint(f.code, COLOURS[f.severity])} [{f.severity}]" + first[len(head) - 1:]
    return [first, *wrapped[1:]]


def _clean(text: str) -> str:
    """One display column per character for what a terminal would not show as one (tabs, controls)."""
    return "".join(ch if ch.isprintable() else " " for ch in text) if not text.isprintable() else text


def _columns(text: str) -> int:
    """Display width: wide East Asian characters take two columns, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _window(line: str, start: int, end: int, room: int) -> tuple[int, int]:
    """The part of ``line`` to show around ``[start, end)``: its sentence if it fits, else a cut around it."""
    lo = 0
    for m in SENTENCE_END.finditer(line, 0, start):
        lo = m.end()
    m = SENTENCE_END.search(line, max(end - 1, lo))
    hi = m.start() + 1 if m else len(line)
    hi = max(hi, end)
    if _columns(line[lo:hi]) <= room:
        return lo, hi
    if _columns(line[start:end]) >= room - 2:
        return start, start + room - 2
    before = (room - 2 - (end - start)) // 3  # a third of the spare room before the span, the rest after
    if start - before > lo:
        lo = start - before
        space = line.find(" ", lo, start)
        lo = space + 1 if 0 <= space < lo + 12 else lo  # start at a word
    cut = min(hi, lo + room - 2)
    if cut < hi:
        space = line.rfind(" ", end, cut)
        cut = space if space > cut - 12 else cut  # end at a word
    return lo, cut


def _snippet(f: Finding, lines: list[str], width: int, paint: Callable[[str, str], str]) -> list[str]:
    line = lines[f.line - 1].rstrip("\r")
    start = min(f.column - 1, len(line))
    end = min(f.end_column - 1, len(line)) if f.end_line == f.line else len(line)
    end = max(end, start + 1) if start < len(line) else start
    number = str(f.line)
    gutter = " " * (len(number) + 1)
    room = width - len(gutter) - 3
    lo, hi = _window(line, start, end, room)
    hi = min(hi, len(line))
    shown = _clean(line[lo:hi])
    left = "…" if lo > 0 else ""
    right = "…" if hi < len(line) else ""
    marker_start = len(left) + _columns(shown[:max(start - lo, 0)])
    marker = "^" * max(1, _columns(shown[max(start - lo, 0):max(min(end, hi) - lo, 0)]))
    bar = paint("|", DIM)
    colour = COLOURS[f.severity]
    if colour and paint("x", "") != "x":  # colour on: the span itself in the severity's colour
        s, e = max(start - lo, 0), max(min(end, hi) - lo, 0)
        shown = shown[:s] + paint(shown[s:e], BOLD + colour) + shown[e:]
    return [f"{gutter} {bar}", f" {number} {bar} {left}{shown}{right}",
            f"{gutter} {bar} {' ' * marker_start}{paint(marker, colour)}"]


def _related_lines(f: Finding, related_lines: list[str] | None, room: int) -> list[str]:
    """One line per related place; a run of numbered ones ("item 1", "item 2", ...) collapses into one."""
    out: list[str] = []
    related = list(f.related)
    i = 0
    while i < len(related):
        label = _numbered(related[i].message, 1)
        j = i
        while label is not None and j + 1 < len(related) and related[j + 1].path == related[i].path \
                and _numbered(related[j + 1].message, j - i + 2) == label:
            j += 1
        if j - i + 1 >= COLLAPSE:
            first, last = related[i], related[j]
            out.append(f"{j - i + 1} {_plural(label or '')}, {_place(f, first)}–{last.end_line}:{last.end_column}")
            i = j + 1
            continue
        out += _related(f, related[i], related_lines, room)
        i += 1
    return out


def _numbered(message: str, number: int) -> str | None:
    """The label of a message that is a label and the given index ("item 3"), else None."""
    m = TRAILING_NUMBER.match(message)
    return m.group(1) if m and m.group(1) and m.group(2) == str(number) else None


def _plural(label: str) -> str:
    return label if label.endswith("s") or " " in label else label + "s"


def _place(f: Finding, r: RelatedLocation) -> str:
    return f"{r.line}:{r.column}" if r.path == f.path else f"{r.path}:{r.line}:{r.column}"


def _related(f: Finding, r: RelatedLocation, lines: list[str] | None, room: int) -> list[str]:
    """``line:col: message`` and the place's own excerpt, on the same line when it fits, else below it."""
    text = _cut(f"{_place(f, r)}: {r.message}", room)
    if lines is None or r.path != f.path or not 0 < r.line <= len(lines):
        return [text]
    line = lines[r.line - 1].rstrip("\r")
    start = min(r.column - 1, len(line))
    end = min(r.end_column - 1, len(line)) if r.end_line == r.line else len(line)
    lo, hi = _window(line, start, max(end, start + 1), min(room - 4, EXCERPT + (end - start)))
    excerpt = _clean(line[lo:min(hi, len(line))]).strip()
    if not excerpt:
        return [text]
    quoted = f'"{"…" if lo > 0 else ""}{excerpt}{"…" if hi < len(line) else ""}"'
    if _columns(text) + 2 + _columns(quoted) <= room:
        return [f"{text}: {quoted}"]
    return [text, "  " + quoted]


def _suggestion(f: Finding, room: int) -> list[str]:
    what = "suggestion: delete the flagged text" if f.suggestion == "" else \
        f"suggestion: {_clean(f.suggestion or '')}"
    fix = f.fix
    if fix is not None and fix.applicability == "safe":
        status = " (--fix applies it)"
        if _columns(what) + len(status) <= room:
            return [what + status]
        return [_cut(what, room - len(status)) + status]
    lines = [_cut(what, room)]
    if fix is not None:
        why = f"--unsafe-fixes applies it ({fix.reason})" if fix.applicability == "unsafe" else \
            f"not applied by --fix: {fix.reason}"
        lines += ["  " + part for part in textwrap.wrap(why, width=room - 2, break_long_words=False)]
    return lines


def _cut(text: str, room: int) -> str:
    return text if _columns(text) <= room else text[:max(room - 1, 1)].rstrip() + "…"
