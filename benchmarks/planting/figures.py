"""Figures as the corpus writes them: "$1.13bn", "£600m", "26.4 mln dlrs", "8%", "5 pct", "2,000".

The benchmark's own reading of numbers: a figure is a currency sign (or a trailing "dlrs"), digits
with thousands commas and decimals, a scale word (bn, billion, m, million, mln, trillion) and a
unit (%, pct, per cent, percent, or the noun after it). Values are exact decimals, so that a
breakdown found to add up in the article really does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {"bn": 10**9, "billion": 10**9, "m": 10**6, "mn": 10**6, "million": 10**6, "mln": 10**6,
          "trillion": 10**12, "tn": 10**12, "thousand": 10**3, "k": 10**3}
FIGURE = re.compile(
    r"(?<![\w.,$£€/-])(?P<cur>US\$|C\$|A\$|NZ\$|HK\$|\$|£|€)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
    r"(?:\s?(?P<scale>bn|billion|mn|million|mln|trillion|tn|m|k|thousand)(?![\w-]))?"
    r"(?:(?P<pct>%|\s(?:pct|percent|per\scent)\b)|\s(?P<dlrs>dlrs|dollars|pounds|euros|yen|marks|francs|guilders|lire|crowns|kroner)\b)?"
    r"(?![\w.,/-]\d|[\w/-])")
NOUN_AFTER = re.compile(r"\s(?:(?:more|new|extra|additional|fewer|full-time|part-time|[a-z]+-[a-z]+)\s)?(?P<noun>[a-z]+)")
_PHRASE_END = re.compile(r"[a-z]+(?:\s[a-z]+)?(?=[,.;:)]|\s(?:in|of|to|for|and|or|have|has|had|are|were|was|is|with|from|at|by|on|"
                         r"who|which|that|will|would|could|said|a|the|last|this|across|around|over|under|than|as)\b)")
PRONOUNS = {"them", "it", "those", "these", "which", "who", "they", "us", "you", "all", "each", "one", "ones", "more", "less"}


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    num_span: tuple[int, int]     # the digits (with commas and decimals)
    value: Decimal
    unit: str                     # "%", "$", "£", "dlrs", or "" for a count
    scale: str                    # the scale word as written, or ""
    decimals: int
    written: str

    @property
    def kind(self) -> str:
        """What the figure measures: a share, an amount of one currency, or a count."""
        return self.unit or "count"


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    out = []
    for m in FIGURE.finditer(text, start, len(text) if end is None else end):
        raw = m.group("num").replace(",", "")
        if m.group("num").count(",") == 0 and len(raw) == 4 and 1900 <= int(raw) <= 2030 and not (m.group("cur") or m.group("scale") or m.group("pct")):
            continue          # a year
        value = Decimal(raw + (m.group("dec") or ""))
        scale = m.group("scale") or ""
        if scale:
            value *= SCALES[scale]
        if m.group("pct"):
            unit = "%"
        elif m.group("cur"):
            unit = m.group("cur")
        elif m.group("dlrs"):
            unit = m.group("dlrs")
        else:
            unit = ""
        decimals = len(m.group("dec")) - 1 if m.group("dec") else 0
        num_end = m.end("dec") if m.group("dec") else m.end("num")
        out.append(Figure(m.start(), m.end(), (m.start("num"), num_end), value, unit, scale, decimals, m.group(0)))
    return out


def format_number(value: Decimal, like: Figure) -> str:
    """A number written the way `like` writes its digits (scale, decimals, thousands commas)."""
    if like.scale:
        value = value / SCALES[like.scale]
    quantum = Decimal(1).scaleb(-like.decimals)
    value = value.quantize(quantum)
    text = f"{value:,.{like.decimals}f}" if "," in like.written else f"{value:.{like.decimals}f}"
    return text


def step(f: Figure) -> Decimal:
    """The last written digit's worth: rounding of the figure as written."""
    base = Decimal(1).scaleb(-f.decimals)
    return base * (SCALES[f.scale] if f.scale else 1)


def same_kind(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit and (a.unit != "" or (a.scale == "" and b.scale == ""))


def noun_after(text: str, f: Figure) -> str | None:
    m = NOUN_AFTER.match(text, f.end)
    return m.group("noun") if m and m.group("noun") not in PRONOUNS else None


def noun_phrase(text: str, f: Figure) -> str | None:
    """The one- or two-word noun phrase a count qualifies: '166 call centres in', '2,000 jobs,'."""
    if text[f.end:f.end + 1] != " ":
        return None
    m = _PHRASE_END.match(text, f.end + 1)
    if not m or m.group(0).split()[0] in PRONOUNS or m.group(0).split()[0] in ("of", "per", "a", "the"):
        return None
    return m.group(0)
