"""Quantities: every amount of money, share, count, fraction, multiple and race time in the prose.

Each quantity knows its value (scale applied), unit, scale, bound ("more than", "about", a
range) and stated precision, the noun it counts, what it measures and of whom, its role in a
change ("from", "to", "by") and the list it belongs to. Beside the quantities this module reads
what the number checks need from the words around them (enumerated items, superlatives and
comparatives, partition cues such as "Of this amount"), so the checks only combine records and
never read the raw text again. Years, dates, clock times, ages, phone numbers, scores, ordinals
and identifiers are rejected here by the patterns themselves.

Speed: the scanners open on a fixed set of characters (digits, currency signs, the first letters
of number words) so the regex engine skips ahead to them; the full pattern runs only there.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.analysis.units import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    ISO_CODES,
    SYMBOLS,
    currency_of,
    unit_of,
)

if TYPE_CHECKING:
    from factlint.document import Document


class LazyPattern:
    """A pattern compiled on first use: several serve one check only, and a run that never needs them
    should not pay for compiling them at import."""

    __slots__ = ("source", "flags", "compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self.compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        if self.compiled is None:
            self.compiled = re.compile(self.source, self.flags)
        return self.compiled

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    "trn": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}
WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "zero": 0,
}
# Nouns that name a number of members ("a trio of judges"): a closed class of English.
COLLECTIVE_VALUES = {"pair": 2, "duo": 2, "trio": 3, "quartet": 4, "quintet": 5, "sextet": 6, "septet": 7,
                     "octet": 8}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
             "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
             "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
MULTIPLES = {"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3, "quadrupled": 4,
             "twice": 2, "halved": 0.5, "halving": 0.5}
IRREGULAR_UNITS = {"person": "people", "barrel": "barrel", "bpd": "barrel", "metric": "tonne"}

_SMALL = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_BELOW_HUNDRED = rf"(?:(?:{_TENS})(?:-(?:{_SMALL}))?|{_TEENS}|{_SMALL})"
# "twenty-five", "three hundred and twelve", "one point two" (before a scale), "a hundred", "a dozen"
_WORD_NUMBER = (rf"(?:(?:{_BELOW_HUNDRED}|a(?=\s+(?:hundred|thousand|million|billion|trillion)\b))"
                rf"(?:\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?)?"
                rf"(?:\s+point(?:\s+(?:zero|{_SMALL}))+(?=\s+(?:thousand|million|billion|trillion)))?"
                rf"|a\s+dozen|dozens?|hundreds?)")
_SIGN = (r"(?:US\$|NZ\$|NT\$|AU?\$|CA?\$|HK\$|S\$|R\$|\$|€|£|¥|₹|₽|₩|₺|₦|₱|₴|₪|₫|฿|₸|₼|₾|₵|₲|Rs\.?\s?|(?:"
         + "|".join(ISO_CODES) + r")\s?)")
_SCALE = r"(?:thousand|millions?|billions?|trillion|mn|mln|bln|bn|trn|tn|crores?|lakhs?)"
_SHORT_SCALE = r"(?:bn|mn|m|b|k|tn)"
_PERCENT = r"(?:\s?%|\s?per\s?cent\b|\s?percent\b|\s?pct\b)"
# A currency's name, after an adjective that may say whose it is ("Swiss francs", "Hong Kong dollars")
_CURRENCY_WORD = (r"(?:(?P<cur_adj>US|CFA|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+)?(?P<cur_noun>"
                  + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")\b")
_SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))


def _number_pattern(decimal_comma: bool) -> str:
    if decimal_comma:
        return r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
    return r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


def _master(decimal_comma: bool) -> LazyPattern:
    number = _number_pattern(decimal_comma)
    return LazyPattern(
        rf"""
        (?<![\w$€£¥₹.,/:+#@−±])(?<![A-Za-z]-)
        (?:(?P<sign>{_SIGN})(?P<num_s>{number})(?:(?P<short>{_SHORT_SCALE})\b|[\s-]?(?P<scale_s>{_SCALE})\b)?
          |(?P<num>{number})(?:\s?(?P<scale>{_SCALE})\b|(?P<short_n>bn|mn|mln)\b|\s?(?P<sym>{_SYMBOL})(?![\w/²³]))?
          |(?P<word>(?i:{_WORD_NUMBER}))\b(?:\s(?P<scale_w>{_SCALE})\b)?)
        (?P<pct>{_PERCENT})?
        (?:\s(?P<points>(?i:percentage\s+points?|basis\s+points?|points?))\b)?
        (?:\s(?P<cur>{_CURRENCY_WORD}))?
        """, re.VERBOSE)


MASTER = _master(False)
MASTER_COMMA = _master(True)
# Scanners open on a fixed set of characters so that the engine skips straight to them.
DIGIT_RUN = re.compile(r"[$€£¥₹₽₩₺₦₱₴₪₫฿₸₼₾₵₲\d](?:\d|[,.]\d)*")
DOLLAR_PREFIX_BEFORE = re.compile(r"(?<![A-Za-z])(?:US|NZ|NT|AU?|CA?|HK|S|R)$")
CODE_BEFORE = re.compile(r"(?<![A-Za-z])(?:Rs\.?|" + "|".join(ISO_CODES) + r")\s?$")
WORD_NUMBER_START = re.compile(r"[OoTtFfSsEeNnDdHhAa](?<![\w].)(?:ne|wo|hree|our|ive|ix|even|ight|ine|en|leven|welve|"
                               r"hirteen|ourteen|ifteen|ixteen|eventeen|ighteen|ineteen|wenty|hirty|orty|ifty|"
                               r"ixty|eventy|ighty|inety|ozens?|undreds?|\s+dozen|\s+hundred)\b")
SCALE_WORD = re.compile(r"(?:thousand|million|billion|trillion)\b")  # "a million": found by its scale, read back
DURATION = re.compile(r"\d{1,2}:\d\d(?::\d\d(?:\.\d{1,3})?|\.\d{1,3})(?![\d:])")
DENOMINATOR = re.compile(r"[hHtTqQfF](?:alf|hirds?|uarters?|ifths?|enths?)\b")
NUMERATOR_BEFORE = re.compile(r"(?<![A-Za-z])(?P<num>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Nn]ine)[\s-]$")
HALF_OF = re.compile(r"\s+(?:of|the|a|its|their|his|her|all)\b")
MULTIPLE_WORD = re.compile(r"[dDtTqQfFhH](?:oubled|oubling|ripled|rebled|ripling|uadrupled|old|wice|imes|alved|alving)")
FACTOR_BEFORE = LazyPattern(r"(?<![A-Za-z])(?P<factor>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|"
                           r"[Nn]ine|[Tt]en|\d+)[-\s]?$")
COMPARISON_AFTER = re.compile(r"\s+(?:as|the|more|higher|larger|bigger|that|its|their|[A-Z][\w-]*['’]s)\b")
DECIMAL_COMMA_HINT = re.compile(r"\d,\d{1,2}(?!\d)\s?(?:%|(?:millions?|milliards?|bn|mn|Mrd)\b)|\d\.\d{3},\d")
POINT_DECIMAL = re.compile(r"\d\.\d")

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
MONTH_WORDS = frozenset("jan january feb february mar march apr april may jun june jul july aug august sep sept "
                        "september oct october nov november dec december".split())
IDENTIFIER_WORDS = frozenset("""
Article Chapter Section Rule Resolution Flight Route Room Level Phase Stage Grade Category Class Type Model
Version Vol Volume Page Paragraph Clause Item Gate Terminal Platform Highway Interstate Bus Line Channel Apollo
Series Windows iPhone Boeing Airbus Formula Group Division League Act Bill Amendment Lot Unit Block Ward District
Zone Square Street Avenue Road Precinct Number Track Episode Season Day Week Year Term Box PO Catch Schedule Annex
Protocol Team Camp Building Floor Suite Apartment Hall Cell Ticket No No. aged age page version
""".split())
AFTER_NOT_QUANTITY = re.compile(
    rf"^(?:\s?{MONTHS}(?![a-z])|[-\s]years?[-\s]old|\s+years?\s+(?:old|ago)\b|\s?(?:st|nd|rd|th)\b|:\d|\.\d\d\s?[ap]\.?m|"
    r"\s?[ap]\.?m\.?(?![a-z])|\s?(?:GMT|BST|CET|UTC|EST|PST|hrs|hours\s+GMT)\b|s\b|'s\b|[-–]\d|/\d|\s?°|-[a-z]|"
    r"-(?:year|month|week|day|hour|minute|second|man|member|strong|seat|page|point|mile|storey|story|yard|"
    r"metre|meter|game|match|nation|party|country)\b)")
PLURAL_NOUN_AFTER = re.compile(r"\s+(?:[a-z]+(?<!s)s|people|children|men|women|staff|police|cattle|sheep|fish)\b")
COMPOUND_AFTER = re.compile(r"-(?P<noun>[a-z]+)\b")
COMPOUND_WHOLES = {"seat": "seat", "member": "member", "strong": "member", "nation": "nation",
                   "country": "country", "party": "party", "team": "team", "club": "club"}
DASH_RANGE_BEFORE = re.compile(r"(?<![\w.,])(?P<sign>US\$|NZ\$|[$€£¥₹])?(?P<low>\d+(?:[.,]\d+)?)\s?[-–]\s?$")
NAME_COMMA_BEFORE = re.compile(r"[A-Z][a-z]+,\s$")
SCORE_OR_PHONE = re.compile(r"[-–]\d|\s?\d{3,}|\.\d+\.\d")

_BOUND_PHRASES = tuple(sorted(((tuple(p.split()), kind) for kind, phrases in (
    ("min", "more than|over|above|at least|exceeding|in excess of|upwards of|greater than|no fewer than|"
            "no less than|surpassing|topping"),
    ("max", "less than|fewer than|under|below|up to|at most|no more than|as many as|as much as"),
    ("about", "about|around|roughly|nearly|almost|some|approximately|approx.|close to|an estimated|estimated|"
              "circa|c.|just over|just under|more or less|just shy of|near"),
) for p in phrases.split("|")), key=lambda item: -len(item[0])))
ROLE_WORDS = frozenset({"from", "to", "by", "of"})
CHANGE_WORDS = frozenset(
    "up down rose rising risen rises fell falling fallen falls dropped drops increase increased increases decrease "
    "decreased decreases decline declined declines grew grown grows jumped jumps climbed climbs gained gains "
    "slipped slid slumped plunged surged soared lost shed added cut lowered raised higher lower".split())
CHANGE_NOUNS = frozenset("increase rise drop fall decline gain jump cut reduction decrease growth".split())
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
PHRASE_BARRIER = ",;:)(\"“”‘’—–"
BOUND_BY_LAST_WORD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _kind in _BOUND_PHRASES:
    BOUND_BY_LAST_WORD.setdefault(_phrase[-1], []).append((_phrase, _kind))
TOTAL_KEYS = ("combined", "together", "in all", "overall", "aggregate", "all told", "total", "sum of")
CHANGE_AFTER = LazyPattern(
    r"\s+(?P<dir>increase|rise|jump|gain|growth|drop|fall|decline|decrease|cut|reduction|higher|lower|more|"
    r"less|fewer|up|down|surge|slump|plunge|hike|boost|rebound|contraction|expansion|premium|discount)\b",
    re.IGNORECASE)
NEGATIVE_DIRECTIONS = frozenset(
    "down fell falling fallen falls dropped drops decreased decrease decreases declined decline declines slipped "
    "slid slumped plunged lost shed cut lowered lower drop fall reduction less fewer slump plunge contraction "
    "discount".split())
TOTAL_CUE_BEFORE = LazyPattern(
    r"\b(?P<cue>combined|together|altogether|in\s+all|in\s+total|overall|aggregate|all\s+told)\b,?[^.;,]{0,60}$"
    r"|\b(?P<near>a\s+total\s+of|total(?:led|ed|ling|ing|s)?|sum\s+of)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
TOTAL_CUE_AFTER = re.compile(r"[^.;,]{0,30}?\b(?P<cue>in\s+total|in\s+all|altogether|combined|overall|total)\b",
                             re.IGNORECASE)
OF_FOLLOWS = re.compile(r"\s+(?:more\s+)?(?:of|out\s+of)\s+(?:the|its|their|all)\s")
OF_WHOLE = re.compile(r"\s*(?:--|—|–|\))?\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|this\s+|that\s+|these\s+)*(?P<whole>[\w$€£]+(?:\s[a-z]+)?)")
PERIOD = re.compile(
    r"\b(?:in|for|during|since|of|by)\s+(?:(?:fiscal|the\s+(?:fiscal\s+)?year)\s+)?(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<rel>last|this|next|previous|the\s+previous|a|per|each|every)\s+(?P<unit>year|month|week|day|quarter|"
    r"season|decade)\b|\b(?P<year2>(?:19|20)\d\d)(?=\s+[a-z])", re.IGNORECASE)
_LINK_VERBS = (r"was|were|is|are|stood|remained|reached|hit|totalled|totaled|amounted|came|rose|fell|grew|climbed|"
               r"dropped|increased|decreased|surged|jumped|declined|traded|raised|cut|set|put|spent|paid|received")
_NOT_MEASURE = rf"(?!(?:the|its|their|his|her|a|an|our|this|that|these|those|will|would|to|and|or|{_LINK_VERBS})\b)"
MEASURE_BEFORE = LazyPattern(
    rf"\b{_NOT_MEASURE}(?P<measure>[a-z][a-z-]+(?:\s+{_NOT_MEASURE}[a-z][a-z-]+)?)"
    r"(?P<subject>\s+(?:of|between|with|for)(?:\s+(?!that\b|which\b|who\b|will\b|would\b|to\b|was\b|is\b)"
    r"[\w'’-]+){1,8})?"
    r"\s+(?:(?:was|were|is|are|has\s+been|had\s+been|will\s+be|would\s+be|stood|remained|reached|hit|totalled|"
    r"totaled|amounted|came|rose|fell|grew|climbed|dropped|increased|decreased|surged|jumped|declined)\s+"
    r"(?:to\s+|at\s+|of\s+|by\s+)?|(?:to|at|of|by)\s+)$")
COMPOUND_MODIFIER = re.compile(r"\s+\d+(?:[.,]\d+)?-[a-z]+(?=\s)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
FUNCTION_WORDS = frozenset("""
a an the of to in on at for from by with and or but as than that which who whom whose this these those
is are was were be been being has have had will would could should may might can do does did not no
it its their his her our your my them they he she we you i each every per a year years month months
week weeks day days times time more less most least some all any other another such so up down out
over under about around into onto after before since while if when where there here also only just
still yet already more than nearly almost roughly respectively including included while
last next previous earlier later ago between among amongst against across through via per cent percent
now then today again apiece overall
""".split())
NOUNS_IN_LY = frozenset("family families supply supplies assembly assemblies rally rallies ally allies anomaly "
                        "monopoly reply replies belly jelly".split())
IRREGULAR_PLURALS = frozenset("people children men women staff police cattle sheep fish data media personnel "
                              "troops crew livestock".split())
WORD_SPLIT = re.compile(r"[\s-]+")
LIST_CONNECTOR = re.compile(r"(?:,|;|\band\b|\bwhile\b|\bwith\b|\bversus\b|\bvs\.?|\bthen\b|\bor\b|\bto\b|—|–)")

FIGURE_KINDS = frozenset({"money", "count", "percent", "measure", "points"})


@dataclass(slots=True, eq=False)
class Quantity:
    """One stated amount. ``value`` has the scale applied; ``precision`` is half a unit of the last digit."""

    start: int
    end: int
    value: float
    unit: str  # ISO code, "%", "pp", a singular noun ("seat"), or "" for a bare number
    kind: str  # money | percent | points | count | fraction | multiple
    scale: float
    bound: str  # exact | about | min | max | range
    precision: float
    high: float | None = None  # the upper end of a range
    noun: str = ""  # the noun phrase that follows ("new trams")
    measure: str = ""  # what it measures ("trade turnover")
    subject: str = ""  # of whom ("of the United States with the region")
    period: str = ""  # "2024", "last year", "a year"
    role: str = ""  # from | to | by | of | change | whole
    direction: int = 0  # +1 / -1 for a stated change
    sentence: int = -1
    block: int = -1
    group: int = -1  # index of the first quantity of the list this one belongs to
    words: bool = False  # written in words ("twelve", "a third")
    total_cue: str = ""  # "combined", "total", "together": it is presented as a total
    of_whole: str = ""  # "38% of the total" -> "total"
    attributive: bool = False  # "the 4% threshold", "a $2.4 billion expansion": modifies a noun
    whole: Quantity | None = None  # "35 of the 90 seats": the 90
    compound: bool = False  # written as a compound adjective: "the 65-seat chamber", "a 7.5-mile bypass"
    dimension: str = ""  # for a measure: "speed", "mass", ... (see ``units``)
    factor: float = 1.0  # for a measure: the size of its unit in the dimension's base unit
    described: bool = False  # measure, subject and period are read on first use (see ``describe``)
    plural: bool = False  # the noun after it is a plural ("14 medals"), not an adjective ("five gold")

    def to_json(self, doc: Document) -> dict:
        describe(doc, self)
        return {"start": doc.to_source(self.start), "end": doc.to_source_end(self.end),
                "text": doc.text[self.start:self.end], "value": self.value, "unit": self.unit,
                "kind": self.kind, "scale": self.scale, "bound": self.bound, "precision": self.precision,
                "high": self.high, "noun": self.noun, "measure": self.measure, "subject": self.subject,
                "period": self.period, "role": self.role, "group": self.group}


def uses_decimal_comma(text: str) -> bool:
    """True when the article writes decimals with a comma ("2,5 %", "1.234,5") more than with a point."""
    comma = len(DECIMAL_COMMA_HINT.findall(text))
    return comma > 0 and comma > len(POINT_DECIMAL.findall(text))


def parse_number(raw: str, decimal_comma: bool = False) -> tuple[float, int]:
    """(value, decimals) of a digit string such as "1,200", "7.2" or, with ``decimal_comma``, "1.234,5"."""
    if decimal_comma:
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", "")
    decimals = len(raw) - raw.index(".") - 1 if "." in raw else 0
    return float(raw), decimals


def word_value(raw: str) -> tuple[float, int]:
    """(value, decimals) of a number written in words: "twenty-five", "three hundred and twelve",
    "one point two" (1.2, one decimal), "a dozen", "a" (before a scale: "a million")."""
    tokens = WORD_SPLIT.split(raw.lower().strip())
    if "point" in tokens:
        at = tokens.index("point")
        digits = "".join(str(WORD_VALUES.get(t, 0)) for t in tokens[at + 1:])
        whole, _ = word_value(" ".join(tokens[:at]))
        return whole + float("0." + digits), len(digits)
    total = 0
    for i, token in enumerate(tokens):
        if token == "hundred" or token == "hundreds":
            total = (total or 1) * 100
        elif token == "a":
            total += 0 if i + 1 < len(tokens) else 1  # "a dozen" is 12; "a" alone stands before a scale
        elif token != "and":
            total += WORD_VALUES.get(token, WORD_VALUES.get(token.rstrip("s"), 0))
    return float(total), 0


def _noun_after(text: str, pos: int, limit: int) -> tuple[str, str, bool]:
    """(phrase, head, plural) of the lower-case noun phrase after ``pos``: "22 new trams" -> ("new trams",
    "tram", True)."""
    words = []
    if (modifier := COMPOUND_MODIFIER.match(text, pos)) is not None:
        pos = modifier.end()  # "12.9 million 60-kilogram bags"
    for m in WORD.finditer(text, pos, min(limit, pos + 60)):
        gap = text[pos:m.start()]
        if gap.strip(" ") or not gap and words:
            break
        w = m.group()
        lower = w.lower()
        acronym = w.isupper() and len(w) > 1  # "14.3 million TEU"
        if not (w[0].islower() or acronym) or lower in FUNCTION_WORDS and lower != "more" or (
                lower.endswith("ly") and len(lower) > 4 and lower not in NOUNS_IN_LY):  # "shortly", "daily"
            break
        words.append(w)
        pos = m.end()
        if len(words) == 3:
            break
    if not words:
        return "", "", False
    phrase_words = [w for w in words if w != "more"]
    head = ""
    for w in phrase_words:
        lw = w.lower()
        if lw in IRREGULAR_PLURALS or (lw.endswith("s") and not lw.endswith("ss") and len(lw) > 2) or w.isupper():
            head = lw
            break
    plural = bool(head)
    if not head and phrase_words:
        head = phrase_words[0].lower()
    return " ".join(phrase_words), singular(head), plural


def singular(word: str) -> str:
    """A crude singular for matching units: "seats" -> "seat", "tonnes" -> "tonne"; aliases folded."""
    w = word.lower()
    if w in IRREGULAR_UNITS:
        return IRREGULAR_UNITS[w]
    if w in IRREGULAR_PLURALS:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 2:
        w = w[:-1]
    return IRREGULAR_UNITS.get(w, w)


def _precision(decimals: int, raw_digits: str, scale: float, has_scale: bool) -> float:
    """Half a unit of the last digit stated: "7.2bn" is 7.15-7.25bn; a plain count is exact."""
    if decimals:
        return 0.5 * 10 ** -decimals * scale
    if has_scale:
        return 0.5 * scale
    digits = raw_digits.replace(",", "").replace(".", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros >= 2 and len(digits) > zeros:
        return 0.5 * 10 ** (zeros - 1)  # "38,400" is exact to the ten or so; "about" widens it
    return 0.0


def _identifier_before(before: str) -> bool:
    """The words before a bare number make it a date, age or identifier: "November 6", "aged 45",
    "Article 5", "COVID-19", "020 7946": not amounts."""
    if len(before) >= 2 and (before[-1] == "-" and before[-2].isalpha() or before[-1] == " " and before[-2].isdigit()
                             or before[-1] in "-–" and before[-2].isdigit()):
        return True
    words = before.split()
    if not words or not before[-1].isspace():
        return False
    last = words[-1]
    return last in IDENTIFIER_WORDS or last.lower().rstrip(".") in MONTH_WORDS or last.lower() in IDENTIFIER_WORDS


def tail_words(before: str) -> list[str]:
    """The lower-case words right before a figure, back to the nearest comma, bracket or dash."""
    out: list[str] = []
    for token in reversed(before.lower().split()[-6:]):
        if token[-1] in PHRASE_BARRIER:
            break
        out.append(token.lstrip("(\"“‘"))
        if token[0] in "(\"“‘":
            break
    out.reverse()
    return out


def _strip_bound(words: list[str]) -> tuple[str, list[str]]:
    """("min" | "max" | "about" | "exact", the words before the bound phrase)."""
    core = words[:-1] if words and words[-1] in ("a", "an") else words
    if not core:
        return "exact", words
    for phrase, kind in BOUND_BY_LAST_WORD.get(core[-1], ()):
        n = len(phrase)
        if len(core) >= n and tuple(core[-n:]) == phrase:
            return kind, core[:-n]
    return "exact", words


def _modifiers_only(words: list[str]) -> bool:
    """Words that can stand between a preposition and its figure: a determiner, a possessive, an adjective."""
    return all(w in DETERMINERS or w.endswith(("'s", "’s")) or w in ("last", "previous", "this", "a", "year")
               or "-" in w or w.endswith(("ed", "al", "ous", "ive")) for w in words)


def _change_direction(words: list[str]) -> int:
    """+1 / -1 when the words end in a change ("rose by", "up", "a drop of"), else 0."""
    if len(words) >= 2 and words[-1] == "by" and any(w in CHANGE_WORDS for w in words[-4:-1]):
        word = next(w for w in reversed(words[-4:-1]) if w in CHANGE_WORDS)  # "raised its rate by"
    elif len(words) >= 2 and words[-1] == "of" and words[-2] in CHANGE_NOUNS:
        word = words[-2]
    elif words and words[-1] in CHANGE_WORDS:
        word = words[-1]
    else:
        return 0
    return -1 if word in NEGATIVE_DIRECTIONS else 1


def _is_year(raw: str, m: re.Match[str]) -> bool:
    return (len(raw) == 4 and raw.isdigit() and 1500 <= int(raw) <= 2100
            and not (m.group("sign") or m.group("scale") or m.group("pct") or m.group("cur")))


def _candidates(text: str) -> list[int]:
    """Where a quantity may begin, found by patterns that open on a fixed set of characters (the regex
    engine skips ahead to them), so the full pattern is tried only there."""
    out = []
    for m in DIGIT_RUN.finditer(text):
        s = m.start()
        if s and (text[s - 1].isalpha() or text[s - 1] == " " and s > 1 and text[s - 2].isalpha()):
            sign = (DOLLAR_PREFIX_BEFORE if text[s] == "$" else CODE_BEFORE).search(text, max(0, s - 5), s)
            if sign is not None:
                s = sign.start()
        out.append(s)
    out.extend(m.start() for m in WORD_NUMBER_START.finditer(text))
    out.extend(m.start() - 2 for m in SCALE_WORD.finditer(text)
               if text[m.start() - 2:m.start()] in ("a ", "A ") and not text[m.start() - 3:m.start() - 2].isalpha())
    out.sort()
    return out


def analyze_quantities(doc: Document) -> list[Quantity]:
    """Every quantity of the document, in text order, with its bound, role, list and sentence."""
    text = doc.text
    comma = uses_decimal_comma(text)
    master = (MASTER_COMMA if comma else MASTER)()
    out: list[Quantity] = []
    block_starts = [b.start for b in doc.blocks]
    last_end = -1
    ratio = ONE_IN()
    for s in _candidates(text):
        if s < last_end:
            continue
        block = doc.blocks[bisect.bisect_right(block_starts, s) - 1] if block_starts else None
        if block is None or not block.start <= s < block.end:
            continue
        if (r := ratio.match(text, s, block.end)) is not None and (q := _ratio(r, block.index)) is not None:
            out.append(q)  # "one in three", "nine out of ten": a share written as a ratio
            last_end = r.end()
            continue
        m = master.match(text, s, block.end)
        if m is None:
            continue
        last_end = m.end()
        q = _from_match(text, m, comma, block.end, block.start)
        if q is not None:
            q.block = block.index
            out.append(q)
    for block in doc.blocks:
        out.extend(_durations(text, block.start, block.end, block.index))
        out.extend(_fractions(text, block.start, block.end, block.index))
        out.extend(_multiples(text, block.start, block.end, block.index))
    if COLLECTIVE_HINT.search(text):
        out.extend(_collectives(doc, text))
    out.sort(key=lambda q: q.start)
    out = _drop_overlaps(out)
    _annotate(doc, out)
    return out


def _durations(text: str, start: int, end: int, block: int) -> Iterator[Quantity]:
    """Race and record times: "2:03:41", "1:52.31". A clock time ("10:30") is no duration and is skipped."""
    if text.find(":", start, end) < 0:
        return
    for m in DURATION.finditer(text, start, end):
        if m.start() and text[m.start() - 1] in "0123456789:.":
            continue
        parts = m.group().split(":")
        value = 0.0
        for part in parts:
            value = value * 60 + float(part)
        decimals = len(parts[-1].split(".")[1]) if "." in parts[-1] else 0
        yield Quantity(m.start(), m.end(), value, "second", "duration", 1.0, "exact", 0.5 * 10 ** -decimals,
                       block=block)


def _fractions(text: str, start: int, end: int, block: int) -> Iterator[Quantity]:
    for m in DENOMINATOR.finditer(text, start, end):
        s = m.start()
        if s > 0 and text[s - 1].isalpha() and text[s - 1] != "-":
            continue
        den_word = m.group().lower()
        if den_word == "half" and (n := NUMERATOR_BEFORE.search(text, max(start, s - 7), s)) is None:
            if HALF_OF.match(text, m.end()):
                yield Quantity(s, m.end(), 0.5, "fraction", "fraction", 1.0, "exact", 0.0, words=True, block=block)
            continue
        n = NUMERATOR_BEFORE.search(text, max(start, s - 7), s)
        if n is None:
            continue
        num = n.group("num").lower()
        numerator = 1 if num in ("a", "an", "one") else WORD_VALUES[num]
        den = FRACTIONS[den_word]
        if numerator < den:
            yield Quantity(n.start(), m.end(), numerator / den, "fraction", "fraction", 1.0, "exact", 0.0,
                           words=True, block=block)


ONE_IN = LazyPattern(rf"(?P<n>{_SMALL}|\d)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>{_SMALL}|ten|\d{{1,2}})\b(?!\s*%)",
                     re.I)


def _ratio(m: re.Match[str], block: int) -> Quantity | None:
    n, d = (int(g) if g.isdigit() else WORD_VALUES[g.lower()] for g in (m.group("n"), m.group("d")))
    if not 0 < n < d:
        return None
    return Quantity(m.start(), m.end(), n / d, "fraction", "fraction", 1.0, "exact", 0.0, words=True, block=block)


COLLECTIVE = LazyPattern(r"\b(?P<word>(?i:pair|duo|trio|quartet|quintet|sextet|septet|octet))\s+(?P<noun>of\s+"
                        r"(?:the\s+)?[a-z][a-z-]+s)\b")


COLLECTIVE_HINT = re.compile(r"(?:air|uo|rio|tet)\s+of\s")


def _collectives(doc: Document, text: str) -> Iterator[Quantity]:
    """ "a trio of judges", "the quartet of lenders": a count named by a collective noun."""
    for m in COLLECTIVE().finditer(text):
        block = doc.block_at(m.start())
        if block is None or m.end() > block.end:
            continue
        noun = m.group("noun")
        q = Quantity(m.start(), m.end("word"), float(COLLECTIVE_VALUES[m.group("word").lower()]),
                     singular(noun.split()[-1]), "count", 1.0, "exact", 0.0, words=True, block=block.index)
        q.noun, q.plural = noun, True
        yield q


def _multiples(text: str, start: int, end: int, block: int) -> Iterator[Quantity]:
    for m in MULTIPLE_WORD.finditer(text, start, end):
        s, e = m.start(), m.end()
        word = m.group().lower()
        if e < len(text) and text[e].isalpha():
            continue
        if word in MULTIPLES:
            if s > 0 and text[s - 1].isalpha():
                continue
            if word in ("twice", "double", "triple") and not COMPARISON_AFTER.match(text, e):
                continue
            yield Quantity(s, e, float(MULTIPLES[word]), "times", "multiple", 1.0, "exact", 0.0, words=True,
                           block=block)
            continue
        n = FACTOR_BEFORE().search(text, max(start, s - 8), s)
        if n is None or word == "times" and not COMPARISON_AFTER.match(text, e):
            continue
        factor = n.group("factor").lower()
        value = int(factor) if factor.isdigit() else WORD_VALUES.get(factor, 0)
        if value >= 2:
            yield Quantity(n.start(), e, float(value), "times", "multiple", 1.0, "exact", 0.0, words=True,
                           block=block)


def _drop_overlaps(quantities: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for q in quantities:
        if kept and q.start < kept[-1].end:
            if q.end - q.start > kept[-1].end - kept[-1].start:
                kept[-1] = q
            continue
        kept.append(q)
    return kept


def _from_match(text: str, m: re.Match[str], comma: bool, limit: int, floor: int = 0) -> Quantity | None:
    start, end = m.start(), m.end()
    before = text[max(floor, start - 30):start]
    after = text[end:end + 16]
    sign, cur, pct, points, sym = m.group("sign"), m.group("cur"), m.group("pct"), m.group("points"), m.group("sym")
    raw = m.group("num_s") or m.group("num")
    word = m.group("word")
    scale_word = m.group("short") or m.group("scale_s") or m.group("scale") or m.group("short_n") or m.group(
        "scale_w")
    compound = None
    if sym in ("m", "k") and not (pct or cur) and (n := PLURAL_NOUN_AFTER.match(text, end)) is not None:
        scale_word, sym = sym, None  # "3.4m tonnes", "2.7m voters": a scale, not metres
    if word:
        lw = word.lower()
        if lw == "one" and not (scale_word or pct or cur):
            return None  # "one of", "no one": a pronoun far more often than a count
        if lw.startswith(("dozens", "hundreds")) and not scale_word or lw == "hundred":
            return None  # "dozens of", "his third hundred": not a number
        value, decimals = word_value(word)
    else:
        if raw is None:
            return None
        if not sym and (compound := COMPOUND_AFTER.match(text, end)) is not None and not (
                compound.group("noun") in COMPOUND_WHOLES or unit_of(compound.group("noun"))):
            compound = None
        if AFTER_NOT_QUANTITY.match(after) and not (scale_word or pct or cur or sym or compound):
            return None
        if _is_year(raw, m) and not sym:
            return None
        if not (sign or scale_word or pct or cur or sym) and (_identifier_before(before)
                                                              or SCORE_OR_PHONE.match(text, end, end + 5)):
            return None
        if after.startswith(", ") and raw.isdigit() and int(raw) < 120 and NAME_COMMA_BEFORE.search(before):
            return None  # an age after a name: "Birgitta Holm, 58, a physicist"
        value, decimals = parse_number(raw, comma)
    scale = SCALES.get(scale_word.lower(), 1.0) if scale_word else 1.0
    measure = None
    if pct:
        kind, unit = "percent", "%"
    elif points and not (sign or cur):
        p = points.lower()
        if p.startswith("basis"):
            kind, unit, value = "points", "pp", value / 100
        elif p.startswith("percentage"):
            kind, unit = "points", "pp"
        else:
            kind, unit = "count", "point"
    elif sign or cur:
        kind = "money"
        code = sign.strip().lower() if sign else ""
        unit = CURRENCY_SIGNS.get(code) or (sign.strip().upper() if sign else "")
        if cur:
            word_code = currency_of(m.group("cur_adj") or "", m.group("cur_noun"))
            unit = unit if unit and word_code == "USD" else (word_code or unit)
    elif sym:
        measure = unit_of(sym)
        kind, unit = "measure", measure[0]
    else:
        kind, unit = "count", ""
    value *= scale
    precision = _precision(decimals, raw or "", scale, bool(scale_word))
    if kind == "percent" and not decimals:
        precision = 0.5
    if kind == "points" and points.lower().startswith("basis"):
        precision = precision / 100
    if word:
        precision = 0.5 * 10 ** -decimals * scale if scale_word else 0.0
    q = Quantity(start, end, value, unit, kind, scale, "exact", precision, words=bool(word))
    if (low := DASH_RANGE_BEFORE.search(before)) is not None and (sign or scale_word or pct or cur or sym):
        # "10-15%", "$5-6bn": the first number takes the unit and scale of the second
        q.start -= len(before) - low.start()
        q.bound, q.high = "range", value
        q.value = parse_number(low.group("low"), comma)[0] * scale
        if low.group("sign") and kind == "count":
            kind, unit = "money", CURRENCY_SIGNS[low.group("sign").lower()]
            q.kind, q.unit = kind, unit
    if compound is not None:
        # "the 65-seat chamber", "a 7.5-mile bypass", "the 30-strong squad": a whole, or a measure
        noun = compound.group("noun")
        q.end = compound.end()
        q.attributive = q.compound = True
        if noun in COMPOUND_WHOLES:
            q.unit = COMPOUND_WHOLES[noun]
            q.noun, _, q.plural = _noun_after(text, q.end, limit)
            q.noun = q.noun or q.unit
            return q
        measure = unit_of(noun)
        kind = q.kind = "measure"
        q.unit = measure[0]
    if kind == "count" and unit != "point":
        q.noun, q.unit, q.plural = _noun_after(text, end, limit)
        head = q.unit
        if word and not head and not OF_FOLLOWS.match(text, end):
            return None  # a lone number word ("two of them", "the three") is no measurable quantity
        if (named := _unit_named(q.noun)) is not None:
            measure = named  # "41.3 terawatt hours", "240,000 tonnes"
            q.kind, q.unit = "measure", named[0]
    elif kind in ("money", "percent", "measure"):
        q.noun, _, q.plural = _noun_after(text, end, limit)
    if measure is not None:
        q.dimension, q.factor = measure[1], measure[2]
    return q


def _unit_named(noun: str) -> tuple[str, str, float] | None:
    """The unit a noun phrase names by its first one or two words: "terawatt hours", "tonnes of wheat"."""
    words = noun.split()
    if not words:
        return None
    if len(words) >= 2 and (found := unit_of(" ".join(words[:2]))) is not None:
        return found
    return unit_of(words[0]) if len(words[0]) > 3 else None


def _annotate(doc: Document, quantities: list[Quantity]) -> None:
    """Bounds, roles, sentences, lists, measures and periods, read from the words around each quantity."""
    text = doc.text
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    for q in quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        q.sentence = i
        s_start = sentences[i].start if i >= 0 else 0
        s_end = sentences[i].end if i >= 0 else len(text)
        before = text[max(s_start, q.start - 60):q.start]
        words = tail_words(before)
        bound, rest = _strip_bound(words)
        if q.bound != "range":
            q.bound = bound
        modifiers = rest
        while rest and rest[-1] in ("another", "further", "additional", "extra"):
            rest = rest[:-1]  # "by another two pct", "a further $96m"
        if rest and rest[-1] in ("a", "an") and len(rest) >= 2 and rest[-2] in ROLE_WORDS:
            rest = rest[:-1]
        if rest and rest[-1] in ROLE_WORDS:
            q.role = rest[-1]
        elif len(rest) >= 2 and rest[-1] in DETERMINERS and rest[-2] in ROLE_WORDS:
            q.role = rest[-2]
        elif "from" in rest[-4:-1] and _modifiers_only(rest[len(rest) - rest[::-1].index("from"):]):
            q.role = "from"  # "from last year's flood-hit 4.3 million tonnes"
        if q.role == "of" and len(rest) >= 4 and rest[-4] in ("from", "to") and rest[-3] in DETERMINERS:
            q.role = rest[-4]  # "fell from an average of 9.4", "rose to a record of 12"
        if q.kind in ("percent", "points", "multiple", "money", "fraction") or q.unit == "point" or (
                q.kind in ("count", "measure") and rest and rest[-1] in ("of", "by")):  # "an increase of 2,310"
            if direction := _change_direction(rest):
                q.role = q.role if q.role in ("from", "to") else "change"
                q.direction = direction
            elif (c := CHANGE_AFTER().match(text, q.end, s_end)) is not None:
                q.role = "change"
                q.direction = -1 if c.group("dir").lower() in NEGATIVE_DIRECTIONS else 1
        lowered = before.lower()
        if any(key in lowered for key in TOTAL_KEYS) and (t := TOTAL_CUE_BEFORE().search(before)) is not None or (
                t := TOTAL_CUE_AFTER.match(text, q.end, s_end)) is not None:
            q.total_cue = (t.group("cue") or t.group("near")).lower()
        if q.kind in ("percent", "fraction") and (w := OF_WHOLE.match(text, q.end, s_end)) is not None:
            q.of_whole = w.group("whole").lower()
        q.attributive = q.attributive or bool(q.noun) and bool(modifiers) and modifiers[-1] in DETERMINERS
    _mark_wholes(text, quantities)
    _ranges(text, quantities)
    _group(text, quantities)


def describe(doc: Document, q: Quantity) -> Quantity:
    """Fill in what ``q`` measures, of whom and when; read from its sentence on first use, since only
    restatements and the analysis report need it."""
    if q.described or q.sentence < 0:
        return q
    text = doc.text
    sentence = doc.sentences[q.sentence]
    before = text[max(sentence.start, q.start - 60):q.start]
    words = tail_words(before)
    kind, rest = _strip_bound(words)
    before_bound = before
    if kind != "exact":  # cut the bound words off: "capacity of about 150,000" -> "capacity of "
        for _ in range(len(words) - len(rest)):
            before_bound = before_bound.rstrip()
            before_bound = before_bound[:len(before_bound) - len(before_bound.split()[-1])] if before_bound.split() \
                else before_bound
    q.measure, q.subject = _measure(text, sentence.start, q.start, before, before_bound)
    q.period = _period(text, sentence.start, sentence.end, q)
    q.described = True
    return q


def _measure(text: str, s_start: int, q_start: int, before: str, before_bound: str) -> tuple[str, str]:
    """What is measured and of whom, from the clause before the quantity (its bound words left out)."""
    end = q_start - (len(before) - len(before_bound))
    clause_start = max(text.rfind(",", s_start, end), text.rfind(";", s_start, end),
                       text.rfind(":", s_start, end), s_start - 1) + 1
    clause = text[max(clause_start, end - 160):end]
    if clause_start == s_start and clause[:1].isupper() and clause[1:2].islower():
        clause = clause[0].lower() + clause[1:]  # "Turnout was 61.3%": a sentence may open on the measure
    m = MEASURE_BEFORE().search(clause) if clause.strip() else None
    if m is None or m.group("measure").split()[-1] in FUNCTION_WORDS:
        return "", ""
    return m.group("measure"), (m.group("subject") or "").strip()


def _period(text: str, s_start: int, s_end: int, q: Quantity) -> str:
    """The year or relative period closest to the quantity in its clause."""
    best, best_distance = "", 10 ** 9
    for m in PERIOD.finditer(text, max(s_start, q.start - 80), min(s_end, q.end + 80)):
        distance = m.start() - q.end if m.start() >= q.end else q.start - m.end()
        between = text[min(m.end(), q.end):max(m.start(), q.start)]
        if ("," in between or ";" in between) and distance > 25:
            continue
        if distance < best_distance:
            best_distance = distance
            best = m.group("year") or m.group("year2") or f"{m.group('rel').lower()} {m.group('unit').lower()}"
    return best


PART_OF_GAP = re.compile(r"\s+(?:more\s+)?(?:of|out\s+of)\s+(?:the|its|their|all|[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)*[’']s)?"
                         r"\s*(?:[\w-]+[’']s\s+)?")


def _mark_wholes(text: str, quantities: list[Quantity]) -> None:
    """ "35 of the 90 seats": the 35 counts seats, and the 90 is the whole it belongs to."""
    for a, b in zip(quantities, quantities[1:]):
        gap = text[a.end:b.start]
        if a.kind == b.kind == "count" and not a.unit and PART_OF_GAP.fullmatch(gap):
            a.unit, a.noun, a.whole = b.unit, b.noun, b
            b.role = "whole"


RANGE_GAP = re.compile(r"\s?[-–]\s?|\s+to\s+")
AND_GAP = re.compile(r"\s+and\s+")


def _ranges(text: str, quantities: list[Quantity]) -> None:
    """ "between 4 million and 4.5 million crates", "10-15%": the first value takes the second's unit."""
    for a, b in zip(quantities, quantities[1:]):
        gap = text[a.end:b.start]
        before = text[max(0, a.start - 9):a.start].lower()
        if a.role == "change":
            continue  # "rose by 190 to 1,100": a change and the level it reaches, not a range
        if a.role == "from":  # "from 40 to 50 units" is a change, not a range; the 40 are units too
            if RANGE_GAP.fullmatch(gap) and not a.unit and a.kind == "count" and b.kind in ("count", "measure"):
                _inherit(a, b)
                a.noun = b.noun
            continue
        if RANGE_GAP.fullmatch(gap) and not a.unit and a.kind == "count" or (
                AND_GAP.fullmatch(gap) and before.endswith("between ")):
            if b.kind != a.kind or not a.unit:
                a.kind, a.unit = b.kind, b.unit
                if a.scale == 1.0 and b.scale != 1.0:
                    a.value *= b.scale
                    a.precision *= b.scale
                    a.scale = b.scale
            a.bound, a.high = "range", b.value
            b.bound, b.role = "range", "range-end"


def _inherit(q: Quantity, model: Quantity) -> None:
    """A bare figure takes the kind and unit of the figure it is read with ("from 20 to 45 tonnes"), and
    its scale when it has none ("£2.1bn, £1.35bn and 780"... "9.6m tonnes, maize 8.2")."""
    q.kind, q.unit, q.dimension, q.factor = model.kind, model.unit, model.dimension, model.factor
    if q.kind in ("money", "measure") and q.scale == 1.0 and model.scale != 1.0 and q.value < 1000:
        q.scale = model.scale
        q.value *= model.scale
        q.precision = q.precision * model.scale if q.precision else 0.5 * model.scale


def _compatible(a: Quantity, b: Quantity) -> bool:
    if a.kind == "points" and b.kind == "count" and b.unit == "point":
        return True  # "1.1 percentage points ..., energy at 1.4 points"
    if a.kind != b.kind:
        return b.kind == "count" and not b.unit and a.kind in ("money", "percent", "measure")
    if a.kind == "money":
        return a.unit == b.unit or not b.unit
    return True


def _group(text: str, quantities: list[Quantity]) -> None:
    """Link each quantity to the next one of its kind in the same sentence when list words join them.

    A bare number in a list ("800 million in 2027", "the Social Democrats 27") takes the unit and scale
    of the list it ends up in.
    """
    last_of_kind: dict[tuple[int, str], Quantity] = {}
    for q in quantities:
        if q.role in ("whole", "range-end") or q.kind in ("fraction", "multiple"):
            continue
        key_kind = q.kind if q.unit or q.kind != "count" else "bare"
        kinds = ("count", "money", "percent", "measure") if key_kind == "bare" else (
            ("count", "points") if q.unit == "point" else (key_kind,))  # "1.1 percentage points, ... 1.4 points"
        candidates = [last_of_kind.get((q.sentence, k)) for k in kinds]
        present = [c for c in candidates if c is not None]
        if key_kind == "bare" and q.scale != 1.0 and any(c.scale == q.scale for c in present):
            present = [c for c in present if c.scale == q.scale]  # "0.9 billion" goes with the billions
        prev = max(present, key=lambda c: c.start, default=None)
        if prev is not None and (prev.role == "change") != (q.role == "change"):
            prev = None  # "rose 8% to 7,400": a change and the level it reaches are no list
        if prev is not None and _compatible(prev, q):
            gap = text[prev.end:q.start]
            if len(gap) <= 120 and LIST_CONNECTOR.search(gap):
                q.group = prev.group if prev.group >= 0 else prev.start
                prev.group = q.group
                if (not q.unit or q.unit == "point" and prev.kind == "points") and prev.unit and q.kind == "count":
                    _inherit(q, prev)
                elif q.kind == "money" and not q.unit:
                    q.unit = prev.unit
        if q.kind == "count" and not q.unit:
            last_of_kind[(q.sentence, "count")] = q
        else:
            last_of_kind[(q.sentence, q.kind if q.kind != "count" or q.unit else "bare")] = q


# --- enumerations: "the eight governments: Denmark, Estonia and Norway" ---------------------------

@dataclass(slots=True)
class Enumeration:
    """A count followed by the items it announces; ``items`` are (start, end) spans in ``doc.text``."""

    start: int
    end: int
    count: Quantity
    items: tuple[tuple[int, int], ...]
    partial: bool  # "including", "such as", "and others": fewer items than the count is by design
    ambiguous: str  # "split": the items cannot be told apart ("A and B and C"); "long": an item may hold an apposition
    following: bool = False  # listed in the next sentence ("The newcomers are ..."), not behind a colon


LIST_OPENER = re.compile(r"\s*(?::|\s[—–]\s?|\s--\s)\s*")
NEXT_SENTENCE_LIST = LazyPattern(r"(?:The|These|Those|Their|Its|His|Her|They)\s+(?:[a-z][\w-]*\s+){0,2}?"
                                r"(?P<verb>are|were|include|includes|included)\s*:?\s+")
LIST_PARTIAL = re.compile(r"\b(?:including|includes|such\s+as|among\s+them|among\s+others|etc\b|and\s+others|"
                          r"and\s+other|and\s+more|e\.g\.|for\s+example|notably|mainly|mostly|led\s+by)", re.I)
ATTRIBUTION_TAIL = re.compile(r",\s+(?:[\w-]+\s+){0,4}(?:said|says|added|announced|reported|told\s+\w+)\s*$")
PARENTHESES = re.compile(r"\s*\([^()]{0,200}\)")
DIGIT = re.compile(r"\d")
NAME_APPOSITION = re.compile(r",\s+(?:namely\s+|that\s+is,?\s+|i\.e\.,?\s+)?(?=(?:the\s+)?[A-Z])")
APPOSITION_END = re.compile(r",\s+(?=[a-z])|\s[—–]\s|\s--\s?|;|\.\s*$|\?|!")
NAME_ITEM = re.compile(r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}")  # "Brøndby defender Oliver Dahl"
BRACKET_OPENER = re.compile(r"\s*\(\s*")
BRACKET_CLOSE = re.compile(r"\)")
LIST_TAIL_STOP = re.compile(r"\s[—–]\s|\s--\s?|;|\.\s*$|\?|!")
CLAUSE_START = re.compile(r"(?:Both|They|It|He|She|We|I|You|All|Each|Neither|None|This|These|Those|There|"
                          r"the\s+others?|that|this|these|those|which|it|they|we|he|she|there)\b")
COUNTABLE_TIME = frozenset("year month week day hour minute second decade century time".split())


def analyze_enumerations(doc: Document) -> list[Enumeration]:
    """Counts whose items are listed right after them, behind a colon or a dash. Cached on the document."""
    cached = doc.__dict__.get("_enumerations")
    if cached is not None:
        return cached
    text = doc.text
    out: list[Enumeration] = []
    sentences = doc.sentences
    quantities = doc.quantities
    for i, q in enumerate(quantities):
        if not (q.kind == "count" and q.unit and 2 <= q.value <= 40 and q.value == int(q.value)
                and q.bound == "exact" and q.role not in ("whole", "range-end") and q.sentence >= 0
                and q.unit not in COUNTABLE_TIME):
            continue
        sentence = sentences[q.sentence]
        if q.plural and q.words and text[max(sentence.start, q.start - 1):q.start] == "(":
            named = NAMES_BEFORE_BRACKET().search(text, max(sentence.start, q.start - 200), q.start - 1)
            if named is not None:  # "Iran, Iraq and China (two countries in all)": the count follows its list
                items, ambiguous = split_items(named.group("list"))
                spans = tuple((named.start("list") + a, named.start("list") + b) for a, b in items)
                if len(spans) >= 2:
                    out.append(Enumeration(q.start, q.end, q, spans, False, ambiguous))
                continue
        phrase_end = q.end + 1 + len(q.noun) if q.noun else q.end
        window_end = min(sentence.end, phrase_end + 70)
        opener = None
        for m in LIST_OPENER.finditer(text, phrase_end, window_end):
            mark = text[m.start():m.end()].strip()
            if mark == ":" or mark in ("—", "–", "--") and mark not in text[sentence.start:q.start]:
                # a dash that closes an aside opens no list
                opener = m
                break
        following = bracketed = apposed = False
        if opener is None and (b := BRACKET_OPENER.match(text, phrase_end)) is not None:
            opener, bracketed = b, True  # "the five countries (Kazakhstan, Kyrgyzstan, ...)"
        if opener is None and q.plural and (b := NAME_APPOSITION.match(text, phrase_end)) is not None:
            opener, apposed = b, True  # "the four finalists, Ana, Ben and Carla, will meet"
        if opener is None and q.value <= 12 and q.sentence + 1 < len(sentences):
            # "named four uncapped players ... The newcomers are Skov, Dahl and Vang."
            nxt = sentences[q.sentence + 1]
            opener, following = NEXT_SENTENCE_LIST().match(text, nxt.start, nxt.end), True
            sentence = nxt
        if opener is None or CLAUSE_START.match(text, opener.end()):
            continue
        between = itertools.takewhile(lambda o: o.start < opener.start(), quantities[i + 1:i + 1 + MAX_BREAKDOWN])
        if any(o.role != "whole" and o.kind == "count" and o.unit not in COUNTABLE_TIME for o in between):
            continue
        body_end = sentence.end
        stop = (BRACKET_CLOSE if bracketed else APPOSITION_END if apposed else LIST_TAIL_STOP).search(
            text, opener.end(), sentence.end)
        if stop is not None:
            body_end = stop.start()
        elif bracketed:
            continue
        body = text[opener.end():body_end]
        items, ambiguous = split_items(body)
        items = _merge_figure_items(body, items)
        if len(items) < 2 or sum(bool(COUNT_START().match(body, a)) for a, _ in items) >= 2:
            continue  # "14 medals: five gold, four silver and three bronze" is a breakdown, not a list
        if (following or apposed) and not all(NAME_ITEM.fullmatch(body, a, b) and not DIGIT.search(body, a, b)
                                              for a, b in items):
            continue  # such a list must name names: "The newcomers are Skov, Dahl and Vang"
        spans = tuple((opener.end() + a, opener.end() + b) for a, b in items)
        partial = bool(LIST_PARTIAL.search(body)) or following and opener.group("verb").startswith("includ")
        out.append(Enumeration(q.start, spans[-1][1], q, spans, partial, ambiguous, following))
    doc.__dict__["_enumerations"] = out
    return out


_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
NAMES_BEFORE_BRACKET = LazyPattern(rf"(?P<list>(?:{_NAME},\s+)+{_NAME},?\s+and\s+{_NAME})\s*$")
AS_WELL_AS = re.compile(r"\s+as\s+well\s+as\s+")
SERIAL_COMMA = re.compile(r",\s+(?:and|or)\s")
COMMA_SEPARATOR = re.compile(r",\s+(?:(?:and|or)\s+)?")
AND_OR = re.compile(r"\s(?:and|or)\s")


def split_items(body: str) -> tuple[list[tuple[int, int]], str]:
    """Spans of the items of a list: serial commas, "as well as", names that contain "and"."""
    cleaned = PARENTHESES.sub(lambda m: " " * len(m.group()), body)
    if (tail := ATTRIBUTION_TAIL.search(cleaned)) is not None:
        cleaned = cleaned[:tail.start()] + " " * (len(cleaned) - tail.start())
    extra = [m for m in AS_WELL_AS.finditer(cleaned)]
    if extra:  # "A, B and C, as well as D": D is one more item after a list of its own
        last = extra[-1]
        items, ambiguous = _split_plain(cleaned, 0, last.start())
        rest = cleaned[last.end():]
        stripped = rest.strip(" ,")
        if stripped:
            lead = last.end() + len(rest) - len(rest.lstrip(" ,"))
            items.append((lead, lead + len(stripped)))
        return items, ambiguous
    return _split_plain(cleaned, 0, len(cleaned))


def _split_plain(cleaned: str, start: int, end: int) -> tuple[list[tuple[int, int]], str]:
    text = cleaned[:end].rstrip(" ,")
    end = len(text)
    serial = bool(SERIAL_COMMA.search(text, start))
    separators = [(m.start(), m.end()) for m in COMMA_SEPARATOR.finditer(text, start)]
    ambiguous = ""
    if serial:
        # "A, B, and C, D": the serial "and" closes the list; what follows C is said of C (an apposition)
        closing = [m.start() for m in SERIAL_COMMA.finditer(text, start)][-1]
        separators = [sep for sep in separators if sep[0] <= closing]
    if not serial:
        last_start = separators[-1][1] if separators else start
        ands = [m for m in AND_OR.finditer(text, start) if m.start() >= last_start]
        if len(ands) == 1:
            separators.append((ands[0].start(), ands[0].end()))
        elif len(ands) > 1:
            ambiguous = "split"
        if any(AND_OR.search(text, a, b) for a, b in _between(separators, start, end)[:-1]):
            ambiguous = "split"
    items = []
    for a, b in _between(sorted(separators), start, end):
        chunk = text[a:b]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        items.append((a + lead, a + lead + len(stripped)))
        if len(stripped.split()) > 9 and not ambiguous:
            ambiguous = "long"  # an item this long may hold an apposition: the list may seem one too long
    return items, ambiguous


COUNT_START = LazyPattern(r"(?:\d[\d,.]*|" + _WORD_NUMBER + r")\s+[a-z]", re.IGNORECASE)
FIGURE_START = LazyPattern(r"(?:US|NZ|A|C|HK)?[$€£¥₹]?\d|(?:" + _WORD_NUMBER + r")\s", re.IGNORECASE)


def _merge_figure_items(body: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In a list of figures ("€200m for track, lines and stations, €150m for trams") an item is what
    starts with a figure; the words between belong to the figure before them."""
    starts = [bool(FIGURE_START().match(body, a)) for a, _ in items]
    if sum(starts) < 2 or not starts[0]:
        return items
    merged: list[tuple[int, int]] = []
    for (a, b), figure in zip(items, starts):
        if figure or not merged:
            merged.append((a, b))
        else:
            merged[-1] = (merged[-1][0], b)
    return merged


def _between(separators: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for a, b in separators:
        out.append((pos, a))
        pos = b
    out.append((pos, end))
    return out


# --- superlatives and comparisons: "the largest award, $6 million" ---------------------------------

@dataclass(slots=True)
class Superlative:
    """A superlative tied to a figure ("the largest award, $6 million") or to a name ("Leiden, which
    won the smallest of the four awards")."""

    start: int
    end: int
    direction: int  # +1 largest, -1 smallest
    quantity: Quantity | None
    name: str  # the name the superlative is said of, when no figure sits beside it
    among: int  # "of the three": how many are compared, 0 when not said


@dataclass(slots=True)
class Comparison:
    """ "A surpassed the previous peak of B": ``left`` should be larger (direction +1) or smaller than ``right``."""

    start: int
    end: int
    direction: int
    left: Quantity
    right: Quantity


@dataclass(slots=True)
class Margin:
    """ "came second, 14 seconds back, in 2:11:50": ``figure`` should be ``reference`` plus
    ``direction`` times ``margin``."""

    start: int
    end: int
    direction: int  # +1 slower / behind, -1 faster / ahead
    margin: Quantity
    figure: Quantity
    reference: Quantity


CLAUSE_WORD = re.compile(r"[;)]|\b(?:and|while|whereas|but)\b")
CLAUSE_BREAK = re.compile(r"[,;:—–]|\b(?:while|whereas|but|and)\b")
MAX_NAME_MENTIONS = 50  # a name mentioned more often than this is not looked up figure by figure
MAX_RESTATEMENT_REACH = 60  # each figure is compared with this many later candidates at most
MARGIN_AFTER = re.compile(r"\s+(?P<dir>slower|faster|quicker|behind|ahead|clear)\b")
TIME_UNITS_SECONDS = {"second": 1.0, "sec": 1.0, "minute": 60.0, "min": 60.0, "hour": 3600.0}
# Gradable adjectives and the direction of their scale (a closed class of English): +1 when the
# superlative or comparative names the larger figure, -1 the smaller. Of a time, "fast" means small.
POLARITY = {
    "big": 1, "large": 1, "high": 1, "great": 1, "heavy": 1, "busy": 1, "long": 1, "wide": 1, "deep": 1,
    "tall": 1, "strong": 1, "rich": 1, "wealthy": 1, "costly": 1, "expensive": 1, "dear": 1, "popular": 1,
    "many": 1, "much": 1, "generous": 1, "valuable": 1, "profitable": 1, "hot": 1, "warm": 1, "wet": 1,
    "crowded": 1, "successful": 1, "productive": 1, "severe": 1, "powerful": 1, "lucrative": 1,
    "small": -1, "low": -1, "little": -1, "few": -1, "light": -1, "quiet": -1, "short": -1, "narrow": -1,
    "shallow": -1, "weak": -1, "poor": -1, "cheap": -1, "cold": -1, "cool": -1, "dry": -1, "slim": -1,
    "tiny": -1, "thin": -1, "modest": -1,
}
TIME_POLARITY = {"fast": -1, "quick": -1, "slow": 1}
ORDINAL_BEFORE = LazyPattern(r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
                            r"[\s-]$", re.I)
ONE_OF_BEFORE = LazyPattern(r"\b(?:one|some|two|three|four|five|among)\s+of\s+$", re.I)
SUPERLATIVE_TAIL = LazyPattern(r"(?:\s+(?:single|individual))?(?:\s+of\s+(?:the|its|their|all)\s+(?P<among>\w+)"
                              r"(?:\s+(?P<noun>[a-z]+))?|\s+(?P<head>[a-z]+)(?:\s+of\s+(?:the|all)\s+"
                              r"(?P<among2>two|three|four|five|six|seven|eight|nine|ten|\d+)\b)?)?", re.I)


def adjective_polarity(word: str) -> int:
    """+1 / -1 for a gradable adjective in its base, comparative or superlative form ("busiest",
    "bigger", "larger", "cheapest"); 0 for any other word ("interest", "forest", "offer")."""
    w = word.lower()
    for ending in ("est", "er"):
        if w.endswith(ending) and len(w) > len(ending) + 1:
            stem = w[:-len(ending)]
            for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "",
                         stem[:-1] + "y" if stem.endswith("i") else ""):
                if base and (base in POLARITY or base in TIME_POLARITY):
                    return POLARITY.get(base) or TIME_POLARITY[base]
            return 0
    return POLARITY.get(w, 0)


NAME_BEFORE_WHICH = LazyPattern(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+(?:which|who)\s+"
                               r"(?:\w+\s+){1,3}$")
COMPARATIVE_VERB = LazyPattern(
    r"\b(?P<verb>surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?|topp(?:ed|ing)|tops|beat|overtook|overtaken|"
    r"outstripp(?:ed|ing)|fell\s+short\s+of|trail(?:ed|s|ing)|ahead\s+of|in\s+front\s+of|behind|"
    r"second\s+only\s+to|out(?:spent|sold|scored|numbered|performed|earned|paced)|"
    r"(?P<adj>[a-z]{2,12}er)\s+than|(?:was|were|is|are)\s+(?:below|above|less\s+than|more\s+than))\b", re.I)
# Superlatives are found by literal scans (the engine skips ahead to a literal): an ending, read back to
# the word's start, and "most"/"least" before a word.
SUPERLATIVE_ENDING = re.compile(r"est\b")
MOST_LEAST = (re.compile(r"most(?:\s+[a-z]+)?\b"), re.compile(r"least(?:\s+[a-z]+)?\b"))
DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|The|Its|Their|His|Her|Our)|\w['’]s)\s+$")
COMPARATIVE_KEYS = ("surpass", "exceed", "top", "beat", "overt", "outstrip", "short of", "trail", "ahead", "front",
                    "behind", "than", "below", "above", "only to", "outspen", "outsol", "outscor", "outnumb",
                    "outperf", "outearn", "outpac")
PRONOUN_SUBJECT = LazyPattern(r"\s*(?:(?:The|This|That|Its|Their)\s+(?:\w+\s+){0,2}?(?P<noun>total|figure|amount|"
                             r"number|sum|volume|result|tally|count)\b|(?:That|This|It)\s+(?=(?:was|is|were|are|came|"
                             r"stood|fell|remained)\b))")
# "with $430m to $650m", ": $1.0bn against $2.3bn": the two figures compared, in the order of the names
RESPECTIVE_GAP = LazyPattern(r"\s*(?:to|against|versus|vs\.?|compared\s+with)\s*")
RESPECTIVE_LEAD = LazyPattern(r"[^;]{0,40}?(?:\bwith|:)\s*$")
# the object of a comparison and the figure given for it: "the UK, at £3,700", "Japan on 6,500", "imports of $5bn"
RIGHT_GAP = LazyPattern(r"(?:\s*(?:the\s+)?[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,3}?)?,?\s*"
                        r"(?:(?:at|on|with|of|for|'s|’s)\s+)?(?:the\s+|about\s+|some\s+)?")
# "Cherkasky was the larger of the two": a comparative said of one of two named figures
OF_THE_TWO = re.compile(r"the\s+(?P<adj>[a-z]{2,12}er)\s+of\s+the\s+two\b")
NAME_SUBJECT = LazyPattern(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+(?:was|is|were|are|came|ranked)\s+$")
FIGURE_NOUNS = frozenset("amount figure share sum total number portion payment grant award fee contribution donation "
                         "budget allocation pledge stake slice bill price cost salary bonus fine deficit surplus loss "
                         "profit rise increase gain fall drop".split())


def analyze_margins(doc: Document) -> list[Margin]:
    """Margins between timed results: a stated gap and the two times it separates. Cached on the document."""
    cached = doc.__dict__.get("_margins")
    if cached is not None:
        return cached
    out: list[Margin] = []
    durations = [q for q in doc.quantities if q.kind == "duration"]
    for q in doc.quantities:
        if q.kind != "count" or q.unit not in TIME_UNITS_SECONDS or not durations:
            continue
        if (m := MARGIN_AFTER.match(doc.text, q.end + len(q.noun.split()[0]) + 1 if q.noun else q.end)) is None:
            continue
        figures = [d for d in durations if d.sentence == q.sentence and 0 < d.start - q.end <= 60]
        references = [d for d in durations if d.sentence < q.sentence]
        if len(figures) != 1 or len(references) != 1:
            continue  # only when the two times compared are beyond doubt
        direction = 1 if m.group("dir") in ("slower", "behind") else -1
        margin = Quantity(q.start, q.end, q.value * TIME_UNITS_SECONDS[q.unit], "second", "duration", 1.0,
                          q.bound, q.precision, sentence=q.sentence, block=q.block)
        out.append(Margin(q.start, m.end(), direction, margin, figures[0], references[0]))
    doc.__dict__["_margins"] = out
    return out


def analyze_comparisons(doc: Document) -> tuple[list[Superlative], list[Comparison]]:
    """Superlatives and comparative verbs with the figures they speak of. Cached on the document."""
    cached = doc.__dict__.get("_comparisons")
    if cached is not None:
        return cached
    text = doc.text
    by_sentence = {i: [q for q in qs if q.kind in FIGURE_KINDS and q.role != "range-end"]
                   for i, qs in figures_by_sentence(doc).items()}
    superlatives: list[Superlative] = []
    comparisons: list[Comparison] = []
    starts = [s.start for s in doc.sentences]
    for word in _superlative_words(text):
        direction = _superlative_direction(word.group())
        det = DETERMINER_BEFORE.search(text, max(0, word.start() - 14), word.start()) if direction else None
        index = bisect.bisect_right(starts, word.start()) - 1
        if det is None or index < 0 or ORDINAL_BEFORE().search(text, max(0, word.start() - 8), word.start()) \
                or ONE_OF_BEFORE().search(text, max(0, det.start() - 12), det.start()):
            continue  # "the second-largest", "one of the biggest": no claim to be the largest
        sentence = doc.sentences[index]
        inside = by_sentence.get(index, [])
        m = SUPERLATIVE_TAIL().match(text, word.end(), sentence.end)
        among = m.group("among") or m.group("among2") or ""
        count = WORD_VALUES.get(among.lower(), int(among) if among.isdigit() else 0)
        figure = _bound_figure(text, det.start(), m.end(), sentence.start, inside)
        if figure is None and (count or (m.group("head") or "").lower() in FIGURE_NOUNS):
            figure = _figure_in_clause(text, m.end(), inside)  # "The smallest share went to Arn, at £38,000"
        if figure is not None and figure.dimension == "speed" and _speed_word(word.group()):
            direction = -direction  # the fastest time is the smallest, the fastest speed the largest
        name = ""
        if figure is None:
            if (n := NAME_BEFORE_WHICH().search(text, sentence.start, det.start())) is None or not count:
                continue
            name = n.group("name")
        start = word.start() if text[det.start() + 1:det.start() + 2] in ("'", "’") else det.start()
        superlatives.append(Superlative(start, m.end(), direction, figure, name, count))
    for m in OF_THE_TWO.finditer(text):
        direction = adjective_polarity(m.group("adj"))
        index = bisect.bisect_right(starts, m.start()) - 1
        if not direction or index < 0:
            continue
        sentence = doc.sentences[index]
        if (n := NAME_SUBJECT().search(text, sentence.start, m.start())) is not None:
            superlatives.append(Superlative(m.start(), m.end(), direction, None, n.group("name"), 2))
    for index, inside in sorted(by_sentence.items()):
        if index < 0:
            continue
        sentence = doc.sentences[index]
        lowered = text[sentence.start:sentence.end].lower()
        if not any(key in lowered for key in COMPARATIVE_KEYS):
            continue
        every = [q for q in figures_by_sentence(doc).get(index, ()) if q.kind in FIGURE_KINDS]
        for m in COMPARATIVE_VERB().finditer(text, sentence.start, sentence.end):
            pair = _respective_pair(text, m.end(), sentence.end, every)  # "with 80,000 to 170,000" reads as a range
            if pair is not None:
                left, right = pair  # "A came in bigger than B, with $430m to $650m"
            else:
                right = next((q for q in inside if q.start >= m.end() and q.start - m.end() <= 60), None)
                if right is None or right.bound == "range" or not RIGHT_GAP().fullmatch(text, m.end(), right.start):
                    continue  # the figure after the verb must be its object's, not the start of another clause
                left = _comparison_left(doc, index, m.start(), right, by_sentence)
            direction = _comparative_direction(m, right)
            if not direction or left is None:
                continue  # "rather than", "later than": no comparison of size
            comparisons.append(Comparison(m.start(), m.end(), direction, left, right))
    doc.__dict__["_comparisons"] = (superlatives, comparisons)
    return superlatives, comparisons


APPOSED_GAP = LazyPattern(r"(?:\s+\w+)?,\s+(?:(?:at|with|the|of|worth|giving|receiving|totalling|valued\s+at|"
                         r"[a-z]+ed|[a-z]+ing)\s+)?(?:(?:about|some|nearly|almost|around|roughly|just\s+over)\s+)?"
                         r"|\s+(?:at|with|of|worth)\s+(?:(?:about|some|nearly|almost|around|roughly)\s+)?")
SUBJECT_GAP = LazyPattern(r"(?:\s+[\w'’-]+){0,2}?\s+(?:was|is|were|are|became|becomes|remains|remained|stood|stands)"
                         r"\s+(?:by\s+far\s+|easily\s+|now\s+)?$")
PREDICATE_GAP = LazyPattern(r"[^,;:()—–]{0,50},\s+(?:[a-z]+\s+){1,2}?(?:(?:about|some|nearly|almost|around|roughly)\s+)?$")


def _comparative_direction(m: re.Match[str], right: Quantity) -> int:
    """+1 when the subject is said to be larger, -1 smaller: by the comparative's polarity ("busier than",
    "cheaper than"), or the verb's ("trails", "second only to"); of a speed, "faster" means larger."""
    verb = m.group("verb").lower()
    if m.group("adj"):
        direction = adjective_polarity(m.group("adj"))
        return -direction if right.dimension == "speed" and _speed_word(verb) else direction
    down = any(w in verb for w in ("below", "less", "short", "trail", "behind", "only to"))
    return -1 if down else 1


def _figure_in_clause(text: str, pos: int, inside: list[Quantity]) -> Quantity | None:
    """The first figure after ``pos`` in the same clause (up to a semicolon), within a short reach."""
    after = next((q for q in inside if q.start >= pos), None)
    if after is None or after.start - pos > 60 or ";" in text[pos:after.start] or CLAUSE_WORD.search(
            text, pos, after.start):
        return None
    return after


def _superlative_words(text: str) -> list[re.Match[str]]:
    """Every word ending in "-est" and every "most"/"least" + word, in text order."""
    found = []
    for m in SUPERLATIVE_ENDING.finditer(text):
        begin = m.start()
        while begin > 0 and text[begin - 1].islower() and m.start() - begin < 10:
            begin -= 1
        if begin < m.start() and not text[begin - 1:begin].isalpha():
            found.append(WORD.match(text, begin))
    for pattern in MOST_LEAST:
        found.extend(m for m in pattern.finditer(text) if not text[m.start() - 1:m.start()].isalpha())
    found.sort(key=lambda m: m.start())
    return found


def _speed_word(word: str) -> bool:
    return word.lower().startswith(("fast", "quick", "slow"))


def _superlative_direction(phrase: str) -> int:
    """+1 / -1 for "largest", "busiest", "most expensive", "most votes", "least", "fewest"; 0 otherwise."""
    words = phrase.lower().split()
    if words[0] in ("most", "least"):
        sign = 1 if words[0] == "most" else -1
        adjective = POLARITY.get(words[1], 0) if len(words) > 1 else 0
        return sign * (adjective or 1)
    return adjective_polarity(words[0]) if words[0].endswith("est") else 0


def _bound_figure(text: str, start: int, end: int, sentence_start: int, inside: list[Quantity]) -> Quantity | None:
    """The figure a superlative is said of, in its clause, in either order: set beside it ("the largest award,
    $6 million", "the largest lender, providing $2bn"), its subject ("Okafor's 88 was the best round"), or
    the predicate of the name it describes ("Line 4, the busiest line, carries 9,000 riders")."""
    for q in inside:
        if q.start >= end and APPOSED_GAP().fullmatch(text, end, q.start):
            return q
    before = [q for q in inside if q.end <= start]
    if before and SUBJECT_GAP().fullmatch(text, before[-1].end, start):
        return before[-1]
    if text[max(sentence_start, start - 2):start] == ", ":
        after = next((q for q in inside if q.start >= end), None)
        if after is not None and PREDICATE_GAP().fullmatch(text, end, after.start):
            return after
    return None


def _respective_pair(text: str, pos: int, end: int, inside: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """The two figures a comparison gives after its names, in their order: "with 80,000 to 170,000"."""
    after = [q for q in inside if q.start >= pos]
    for first, second in zip(after, after[1:]):
        if first.start - pos > 60:
            break
        if first.bound == "range" and not (second.role == "range-end" and CAPITALISED.search(text, pos, first.start)):
            continue  # "with 40 to 50 seats" is a range, unless it follows a name compared ("overtook Moran, with")
        if first.kind == second.kind and first.unit == second.unit and \
                RESPECTIVE_GAP().fullmatch(text, first.end, second.start) and RESPECTIVE_LEAD().match(text, pos, first.start):
            return first, second
    return None


def _comparison_left(doc: Document, index: int, verb_start: int, right: Quantity,
                     by_sentence: dict[int, list[Quantity]]) -> Quantity | None:
    """The figure the comparison's subject stands for: one in the clause, or "the total" from before."""
    text = doc.text
    sentence = doc.sentences[index]
    same = [q for q in by_sentence.get(index, []) if q.end <= verb_start and q.unit == right.unit
            and verb_start - q.end <= 40]
    if same:
        gap = text[same[-1].end:verb_start]
        if gap.count(",") <= 2 and not CLAUSE_WORD.search(gap) and len(gap.split()) <= 5:
            return same[-1]  # "Germany, at £2,200, was ahead of", "With 4,000, Germany finished in front of"
        return None
    subject = PRONOUN_SUBJECT().match(text, sentence.start)  # no endpos: its look-ahead reads the verb
    if subject is not None and subject.end() <= verb_start and index > 0:
        for q in reversed(by_sentence.get(index - 1, [])):
            if q.unit == right.unit and q.kind == right.kind and q.role not in ("from", "change"):
                return q
    return None


# --- what the number checks ask of the text around the figures -------------------------------------

MAX_FIGURES_PER_SENTENCE = 60  # a "sentence" with more figures is a table or debris: no prose check applies
MAX_BREAKDOWN = 12  # a breakdown of one whole into more parts than this is not a sentence's list


def figures_by_sentence(doc: Document) -> dict[int, list[Quantity]]:
    """The quantities of each sentence, leaving out crowded sentences. Cached on the document."""
    cached = doc.__dict__.get("_figures_by_sentence")
    if cached is None:
        cached = {}
        for q in doc.quantities:
            cached.setdefault(q.sentence, []).append(q)
        cached = {i: qs for i, qs in cached.items() if len(qs) <= MAX_FIGURES_PER_SENTENCE}
        doc.__dict__["_figures_by_sentence"] = cached
    return cached

DEFINITE = re.compile(r"\bthe\s+$", re.I)
SHARE_GAP = LazyPattern(r"(?:\s+[a-z]+){0,3},?\s*\(?(?:or\s+)?(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+(?:over|under)\s+|"
                       r"more\s+than\s+|less\s+than\s+)?")
TOTAL_WORDS = frozenset("total budget amount sum fund package overall whole".split())
TIME_UNITS = frozenset("year month week day hour minute second decade".split())


def _frame_words(doc: Document, q: Quantity) -> set[str]:
    """Content words right around a figure, cut to a stem: what it is a figure of."""
    sentence = doc.sentences[q.sentence]
    left = doc.text[max(sentence.start, q.start - 40):q.start]
    right = doc.text[q.end:min(sentence.end, q.end + 40)]
    words = [w.lower() for w in WORD.findall(left)[-3:] + WORD.findall(right)[:4]]
    return {w[:5] for w in words if w not in FUNCTION_WORDS and len(w) > 3 and singular(w) != q.unit
            and not w.endswith("ly")}


def _agent_link(unit: str, frame: set[str]) -> bool:
    """ "38,400 starters" ... "36,900 runners started": the unit of one figure is the deed of the other."""
    for suffix in ("er", "or"):
        if unit.endswith(suffix) and len(unit) >= len(suffix) + 4:
            return unit[:-len(suffix)][:5] in frame
    return False


def _period_key(doc: Document, period: str) -> str:
    if doc.published is not None and period.endswith("year") and period.split()[0] in ("last", "this", "next"):
        offset = {"last": -1, "this": 0, "next": 1}[period.split()[0]]
        return str(doc.published.year + offset)
    return period


ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([A-Z]{2,6})\)")


def _acronym_unit(doc: Document, q: Quantity) -> str:
    """ "2.2 million gross registered tonnes (GRT)": the unit is known by its acronym too."""
    after_noun = q.end + len(q.noun) + 1
    m = ACRONYM_IN_BRACKETS.match(doc.text, after_noun, after_noun + 11)
    return m.group(1).lower() if m and len(q.noun.split()) >= 2 else q.unit


YEAR_OR_RELATIVE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:a|one|two|three)\s+years?\s+(?:ago|earlier)\b|"
                              r"\b(?:last|previous|prior|next)\s+(?:year|quarter|season)\b|\byear\s+ago\b|"
                              r"\byear[-\s](?:earlier|ago)\b|\b(?:first|second|third|fourth)\s+(?:quarter|half)\b|"
                              r"\b(?:quarter|half-year|nine\s+months|six\s+months|three\s+months|fiscal\s+year)\b",
                              re.I)
NAME_REACH = 50  # characters around a figure whose names say whose or where it is ("Hollin Ridge's 97 mph wind")
POSSESSIVE = re.compile(r"['’]s?$")
CAPITALISED = re.compile(r"(?<=[a-z,;:]\s)[A-Z][\w'’-]+")
CALENDAR_WORDS = frozenset("January February March April May June July August September October November December "
                           "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _setting(doc: Document, q: Quantity) -> tuple[set[str], set[str]]:
    """The years of a figure's sentence and the names right around it: the frame a restatement shares."""
    sentence = doc.sentences[q.sentence]
    years = {_period_key(doc, m.group().lower()) for m in YEAR_OR_RELATIVE.finditer(doc.text, sentence.start,
                                                                                    sentence.end)}
    start, end = max(sentence.start, q.start - NAME_REACH), min(sentence.end, q.end + NAME_REACH)
    names = {POSSESSIVE.sub("", m.group()) for m in CAPITALISED.finditer(doc.text, start, end)}
    names -= CALENDAR_WORDS
    block = doc.blocks[q.block]
    around = {POSSESSIVE.sub("", m.group()) for m in CAPITALISED.finditer(doc.text, block.start, block.end)}
    return years, names, around


def _same_setting(doc: Document, a: Quantity, b: Quantity, cache: dict[int, tuple]) -> bool:
    """No other year, and no other place or body: the names right around each figure do not appear
    anywhere in the other's paragraph."""
    for q in (a, b):
        if q.start not in cache:
            cache[q.start] = _setting(doc, q)
    years_a, names_a, around_a = cache[a.start]
    years_b, names_b, around_b = cache[b.start]
    period_a, period_b = _period_key(doc, a.period), _period_key(doc, b.period)
    if period_a and period_b:
        if period_a != period_b:
            return False
    elif years_a and years_b and years_a != years_b:
        return False
    return not (names_a and names_b and not names_a & around_b and not names_b & around_a)


def _change_target(q: Quantity, by_sentence: dict[int, list[Quantity]]) -> bool:
    """ "rose 8% to $368m", "fell 151 points to 35,527": the figure a stated change arrives at."""
    return q.role == "to" and any(o.role in ("change", "from") or o.direction for o in by_sentence.get(q.sentence, ())
                                  if o is not q)


SKIP_BEFORE_MEASURE = frozenset("""
of at to for in on by with from around about over under than as near nearly almost some roughly approximately
just only an a the its their his her our this that these those last next previous year years month months
quarter week day season was were is are be been being has have had will would stood remained reached hit
totalled totaled amounted came rose fell grew put set average estimated estimate record new total put
""".split())
LABELS = (("forecast", re.compile(r"\b(?:forecasts?|projections?|projected|predict(?:s|ed|ion)?|expects?|expected|"
                                  r"outlook|target(?:s|ed)?|estimates?)\b", re.I)),
          ("revision", re.compile(r"\b(?:revis(?:ed|es|ion)|upgraded|downgraded|restated|corrected|previously|"
                                  r"originally|initially|earlier\s+(?:estimate|figure|forecast)|now\s+(?:puts|says|"
                                  r"expects|estimates))\b", re.I)))
RESTRICTION_AFTER = LazyPattern(r"\s+(?:[a-z]+(?:ed|en)\s+)?(?:with|in|of|for|from|at|under|across)\s+"
                               r"(?:the\s+|its\s+|their\s+)?(?P<noun>[A-Za-z][\w'’-]+)")
PERIOD_WORDS = frozenset("january february march april may june july august september october november december "
                         "year years month months week weeks day days quarter quarters season time".split())


def measure_head(doc: Document, q: Quantity) -> str:
    """The noun a figure measures, read by structure: the noun it modifies ("the 40 million krona grant",
    "a 97 mph wind"), else the nearest noun before it in its clause, past prepositions, determiners,
    periods and verb forms ("a wind of 97 mph", "unemployment running at 5.2%", "leaving unemployment for
    next year at 5%"); with a noun before it when they form a compound ("interest rate")."""
    text = doc.text
    if q.kind == "count":
        return ""  # a count's measure is its unit: "3.1 million voters"
    words = q.noun.split()
    if q.kind == "measure" and words and unit_of(words[0]) is not None:
        words = []  # "240,000 tonnes": the noun is the unit's name, not what is measured
    inside_phrase = NOUN_PHRASE_BEFORE().search(text, max(0, q.start - 40), q.start) is not None
    if words and inside_phrase and not words[0].endswith(("ed", "ing")) and words[0] not in ("of", "a"):
        return " ".join(singular(w) for w in words[:2])  # "fund", "fund open", "rail project"
    sentence = doc.sentences[q.sentence]
    start = max(sentence.start, q.start - 90)
    clause = text[start:q.start]
    marks = [m.end() for m in CLAUSE_MARK.finditer(clause)]
    words = WORD.findall(clause[marks[-1] if marks else 0:])
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        lw = w.lower()
        if lw in RELATIVES or lw in WORD_VALUES or lw in FRACTIONS:
            return ""  # "where 62% of voters", "a third -- 32%": no measure named
        if lw in SKIP_BEFORE_MEASURE or lw in FUNCTION_WORDS or lw.endswith(("ing", "ed", "ly")):
            continue
        if w[0].isupper() and i > 0:
            return ""
        head = singular(lw)
        if i > 0 and words[i - 1].islower() and words[i - 1] not in SKIP_BEFORE_MEASURE \
                and words[i - 1] not in FUNCTION_WORDS and not words[i - 1].endswith(("ing", "ed", "ly", "'s", "’s")):
            return f"{singular(words[i - 1])} {head}"
        return head
    return ""


RELATIVES = frozenset("where when which who whom whose that what said says".split())
# A figure inside a noun phrase ("the 40 million krona grant", "Hollin Ridge's 97 mph wind", "a 9% rise").
NOUN_PHRASE_BEFORE = LazyPattern(r"(?:\b(?:the|a|an|its|their|his|her|this|that)|['’]s)\s+(?:\w+\s+)?$", re.I)
CLAUSE_MARK = re.compile(r"[,;:()—–\"“”]|\s(?:and|but|while|whereas|which|who|that)\s")


def _same_measure(a: str, b: str) -> bool:
    """ "inflation" and "annual inflation" name one measure; "interest rate" and "mortgage rate" do not."""
    if not a or not b:
        return False
    wa, wb = a.split(), b.split()
    if len(wa) == 1 or len(wb) == 1:
        return bool(set(wa) & set(wb))  # "fund" / "fund open", "inflation" / "annual inflation"
    return wa == wb or wa[-1] == wb[-1] and wa[0] == wb[0]


def _labels(doc: Document, q: Quantity) -> set[str]:
    """ "forecast", "revision": what the words around a figure say it is, besides a plain statement."""
    sentence = doc.sentences[q.sentence]
    start, end = max(sentence.start, q.start - 80), min(sentence.end, q.end + 40)
    return {name for name, pattern in LABELS if pattern.search(doc.text, start, end)}


def _restriction(doc: Document, q: Quantity) -> str:
    """A restrictive modifier after the figure's noun ("acres planted with barley", "a grant for museums"):
    a different set from the same noun said without it. A comma before it makes it an aside."""
    after = q.end + (len(q.noun) + 1 if q.noun else 0)
    m = RESTRICTION_AFTER().match(doc.text, after, min(after + 40, doc.sentences[q.sentence].end))
    if m is None:
        return ""
    noun = m.group("noun").lower()
    if noun in FUNCTION_WORDS or noun in PERIOD_WORDS or noun in SKIP_BEFORE_MEASURE or noun[0].isdigit():
        return ""
    return noun


def one_slip(a: float, b: float, changed: bool = False, single: bool = False) -> bool:
    """Two figures one typing slip apart: two adjacent digits swapped ("1.2" / "2.1", "142" / "124"), or, with
    ``changed``, one digit typed for another ("6.5" / "1.5", "3,217" / "6,217")."""
    (ma, ea), (mb, eb) = (f"{abs(v):.6e}".split("e") for v in (a, b))
    da, db = ma.replace(".", "").rstrip("0"), mb.replace(".", "").rstrip("0")
    width = max(len(da), len(db))
    da, db = da.ljust(width, "0"), db.ljust(width, "0")
    if ea != eb and not (len(da) >= 2 and da[:2] != db[:2]) or da == db:
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    if changed and len(diff) == 1 and (single or len(da.rstrip("0")) >= 2 and len(db.rstrip("0")) >= 2):
        return True  # in a figure of one significant digit any other is "one digit away": only "that" ties it
    return len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]]


def restatements(doc: Document) -> Iterator[tuple[Quantity, Quantity, str]]:
    """Pairs of figures in one unit that the text ties to one quantity: the same measure (by structure, see
    ``measure_head``), or the same noun framed by the same words and named again with "the"; kept apart when
    they belong to different years, places (the names of their paragraphs), sets (a restrictive modifier),
    labels (a forecast against an outturn, a revision) or to a stated change, and when they differ by more
    than half unless one typing slip turns one into the other."""
    by_sentence = figures_by_sentence(doc)
    changing = {i for i, qs in by_sentence.items() if any(q.role in ("to", "change") or q.direction for q in qs)}
    candidates = [q for q in doc.quantities if q.kind in ("money", "count", "measure")
                  and (q.role in ("", "of", "to") or q.role == "from" and q.sentence not in changing)
                  and q.bound in ("exact", "about") and q.unit and q.unit not in TIME_UNITS
                  and (q.kind != "count" or q.value >= 100) and not q.total_cue
                  or q.kind == "percent" and q.role in ("", "of") and q.bound in ("exact", "about")
                  and (q.group < 0 and describe(doc, q).measure or measure_head(doc, q))]
    info = [(q, _acronym_unit(doc, q), _frame_words(doc, q)) for q in candidates]
    heads: dict[int, str] = {}
    settings: dict[int, tuple] = {}
    sole: dict[int, bool] = {}
    points_back: dict[int, bool] = {}
    for i, (a, unit_a, frame_a) in enumerate(info):
        for b, unit_b, frame_b in info[i + 1:i + 1 + MAX_RESTATEMENT_REACH]:
            if a.kind != b.kind or a.kind == "measure" and a.dimension != b.dimension:
                continue
            if a.block == b.block and b.start not in points_back:
                points_back[b.start] = _points_back(doc, b)
            if a.block == b.block and (a.sentence == b.sentence or not points_back[b.start]):
                continue  # in one paragraph, only a later "the/that" figure restates ("a $5m fund ... the $5m fund")
            deed = a.kind == "count" and (_agent_link(unit_a, frame_b) or _agent_link(unit_b, frame_a))
            if not deed and unit_a != unit_b:
                continue
            for q in (a, b):
                if q.start not in heads:
                    heads[q.start] = measure_head(doc, q)
            head = _same_measure(heads[a.start], heads[b.start]) and heads[b.start]
            definite = DEFINITE.search(doc.text, max(0, b.start - 6), b.start) is not None
            demonstrative = _demonstrative(doc, b)
            if head and not (definite or demonstrative or _shared_names(doc, a, b)
                             or describe(doc, a).period and a.period == describe(doc, b).period):
                head = ""  # one measure name needs one more tie: "the", "that", the same place or the same period
            if not (deed or head or frame_a & frame_b or definite and a.kind == "count" or demonstrative and (
                    a.kind != "percent" and _same_noun(a, b))):
                continue
            anaphoric = demonstrative or definite and (a.kind == "count" or bool(head) or _same_noun(a, b))
            if a.kind == "count" and min(a.value, b.value) < 1000 and not anaphoric:
                continue  # a small count is the same one only when the text points back to it
            if max(a.value, b.value) > 1.5 * min(a.value, b.value) and not one_slip(
                    a.value, b.value, anaphoric, demonstrative) and not (
                    anaphoric and one_slip(a.value, b.value, True, True) and _sole_antecedent(doc, info, heads, b, sole)):
                continue  # a figure that drifted by half is a different figure, unless a slip explains it
            describe(doc, a)
            describe(doc, b)
            if a.subject and b.subject and a.subject != b.subject or not _same_setting(doc, a, b, settings):
                continue
            measure = a.measure and b.measure and a.measure.split()[-1] == b.measure.split()[-1]
            anaphoric = anaphoric and (head or unit_a == unit_b and a.kind != "percent")
            if a.block == b.block and not (anaphoric and (head or a.kind == "count")):
                continue
            if not (definite or measure or deed or head or anaphoric) or a.kind == "percent" and not (measure or head):
                continue
            scope = _scope(doc, b)
            if scope and not _mentions(doc, a, scope):
                continue  # "In the capital, the average rent is ...": a narrower place than the first figure's
            restriction_a, restriction_b = _restriction(doc, a), _restriction(doc, b)
            if restriction_b and not _mentions(doc, a, restriction_b) or restriction_a and restriction_b and \
                    restriction_a != restriction_b:
                continue  # "the acres planted with barley" are not the acres under rye
            if _labels(doc, a) != _labels(doc, b) or "revision" in _labels(doc, a):
                continue
            if _change_target(a, by_sentence) and _change_target(b, by_sentence):
                continue  # "fell 151 points to 35,527" ... "fell 149 points to 35,378": two days, not a slip
            if head:
                key = head
            elif measure:
                key = a.measure.split()[-1]
            else:
                key = a.noun if deed else (b.noun.split()[0] if b.noun and b.kind == "money" else b.noun or unit_b)
            yield a, b, key
            break


def _points_back(doc: Document, q: Quantity) -> bool:
    """The figure is introduced by "the" or a demonstrative: it names something already said."""
    return DEFINITE.search(doc.text, max(0, q.start - 6), q.start) is not None or _demonstrative(doc, q)


def _sole_antecedent(doc: Document, info: list[tuple[Quantity, str, set[str]]], heads: dict[int, str],
                     b: Quantity, cache: dict[int, bool]) -> bool:
    """Exactly one earlier figure of b's kind, unit and measure is a back-reference's ("the $300m loan") one
    changed digit away, and none has b's value: then even a one-digit figure ("$900m" ... "the $300m loan")
    is tied to it, since the reference has no other antecedent. The caller checks that ``a`` is that one."""
    if b.start in cache:
        return cache[b.start]
    slips = 0
    for q, _, _ in info:
        if q.start >= b.start:
            break
        if q.kind != b.kind or q.unit != b.unit:
            continue
        if heads[b.start]:
            if q.start not in heads:
                heads[q.start] = measure_head(doc, q)
            if not _same_measure(heads[q.start], heads[b.start]):
                continue
        if abs(q.value - b.value) <= q.precision + b.precision + 1e-9:
            slips = 0
            break
        slips += one_slip(q.value, b.value, changed=True, single=True)
    cache[b.start] = slips == 1
    return slips == 1


SCOPE_OPENER = LazyPattern(r"\W*(?:In|Across|Outside|Within|For|Among)\s+(?:the\s+)?(?P<noun>[A-Za-z][\w'’-]+)")


def _scope(doc: Document, q: Quantity) -> str:
    """The place or group a sentence opens on ("In the capital, ...", "Among renters, ..."), unless it
    is a period ("In 2024", "In May")."""
    sentence = doc.sentences[q.sentence]
    m = SCOPE_OPENER().match(doc.text, sentence.start, q.start)
    if m is None:
        return ""
    noun = POSSESSIVE.sub("", m.group("noun")).lower()
    if noun in PERIOD_WORDS or noun in FUNCTION_WORDS or noun in SKIP_BEFORE_MEASURE:
        return ""
    return noun


def _shared_names(doc: Document, a: Quantity, b: Quantity) -> bool:
    """The two figures' sentences name the same place, body or person ("Hollin Ridge")."""
    def names(q: Quantity) -> set[str]:
        sentence = doc.sentences[q.sentence]
        return {POSSESSIVE.sub("", m.group()) for m in CAPITALISED.finditer(doc.text, sentence.start, sentence.end)}
    return bool((names(a) & names(b)) - CALENDAR_WORDS)


def _same_noun(a: Quantity, b: Quantity) -> bool:
    """ "2,200 employees" ... "those 7,200 employees": the figures count or name the same noun."""
    wa, wb = a.noun.split(), b.noun.split()
    return bool(wa and wb and singular(wa[0]) == singular(wb[0]))


# "Those 6,200 jobs", "of that $40m": a demonstrative opening a sentence or after a preposition (not the
# conjunction of "adding that 20 dlrs was possible")
DEMONSTRATIVE_OPENING = LazyPattern(r"\W*(?:Those|That|These|The\s+same)\s+")
DEMONSTRATIVE_AFTER = LazyPattern(r"(?:[;:,]|\b(?:of|for|in|on|to|from|with|by|at|about|over))\s+"
                                  r"(?:those|that|these|the\s+same)\s+$")


def _demonstrative(doc: Document, q: Quantity) -> bool:
    """The figure is introduced by "those", "that", "these" as a determiner ("Those 6,200 jobs", "of that
    $40m"), not by the conjunction of "adding that 20 dlrs was possible"."""
    start = doc.sentences[q.sentence].start
    return DEMONSTRATIVE_OPENING().fullmatch(doc.text, start, q.start) is not None or \
        DEMONSTRATIVE_AFTER().search(doc.text, max(start, q.start - 20), q.start) is not None


def headline_restatements(doc: Document) -> Iterator[tuple[Quantity, Quantity, str]]:
    """A figure of the headline that the body gives one typing slip away and nowhere as written: the body is
    where the figure is stated in full, the headline restates it ("seeks $680bn" over "$280bn in damages")."""
    if not doc.blocks or doc.blocks[0].kind != "heading":
        return
    head = [q for q in doc.quantities if q.block == 0 and q.kind in ("money", "percent", "count", "measure")
            and q.bound in ("exact", "about") and q.role not in ("change", "range-end") and not q.words]
    body = [q for q in doc.quantities if q.block > 0 and q.bound in ("exact", "about")]
    for h in head:
        same = [q for q in body if q.kind == h.kind and q.unit == h.unit and (h.kind != "count" or h.unit)]
        if any(_within_rounding(q, h) for q in same):
            continue
        slips = [q for q in same if one_slip(q.value, h.value, changed=True, single=True) and q.scale == h.scale]
        if len(slips) == 1:
            yield slips[0], h, "headline figure"


def _within_rounding(a: Quantity, b: Quantity) -> bool:
    """Two figures that can be one value as written: "$2.6bn" and "$3bn" can, "$2bn" and "$3bn", whose
    rounding ranges only touch at $2.5bn, cannot."""
    gap = abs(a.value - b.value)
    return gap <= 1e-9 * max(1.0, abs(a.value)) or gap < (a.precision + b.precision) * (1 - 1e-9)


def _mentions(doc: Document, q: Quantity, word: str) -> bool:
    sentence = doc.sentences[q.sentence]
    stem = word[:5]
    return any(w.lower().startswith(stem) for w in WORD.findall(doc.text, sentence.start, sentence.end))


def derivations(doc: Document) -> Iterator[tuple[Quantity, tuple[Quantity, Quantity], str]]:
    """Stated changes, multiples and shares with the figures they derive from, all in one sentence
    except the whole of "a third of the total", which may come from an earlier one."""
    quantities = doc.quantities
    by_sentence = figures_by_sentence(doc)
    text = doc.text
    for index, q in enumerate(quantities):
        if q.sentence not in by_sentence:
            continue
        inside = [o for o in by_sentence[q.sentence] if not CLAUSE_SPLIT.search(text, min(o.end, q.end),
                                                                                max(o.start, q.start))]
        is_points = q.kind == "points" or q.kind == "count" and q.unit == "point"  # "a fall of 1.8 points"
        if q.kind == "multiple" and TIMES_WORD.search(text, q.start, q.end):
            compared = _times_pair(text, q, inside)
            if compared is not None:
                yield q, compared, "multiple"
            continue
        if q.role == "change" and q.kind in ("percent", "fraction", "points", "count", "money", "measure") \
                or q.kind == "multiple":
            pair = _change_pair(q, inside) or _compared_pair(text, q, inside)
            if pair is not None and q.kind == "multiple" and not _multiple_tied(text, q, pair):
                continue
            if pair is not None:
                old, new = pair
                if q.kind == "multiple":
                    yield q, (old, new), "multiple"
                elif is_points and old.kind == "percent":
                    yield q, (old, new), "point-change"
                elif q.kind == "percent":
                    yield q, (old, new), "percent-change"  # of percentages too: "from 40% to 44%, up 4%" is not 4%
                elif q.kind == "fraction" and old.kind != "percent":
                    yield q, (old, new), "fraction-change"
                elif q.kind in ("count", "money", "measure") and not is_points and _same_unit(q, old):
                    yield q, (old, new), "amount-change"
            continue
        if q.kind in ("fraction", "percent") and q.role in ("", "of") and not q.of_whole and index > 1 and \
                (found := _opener_share(doc, q, quantities[index - 1], quantities[index - 2])) is not None:
            yield q, found, "share"  # "Of the €600m, €200m, or a third, is for rail"
            continue
        if q.kind in ("fraction", "percent") and q.role in ("", "of") and q.of_whole and index > 0:
            part = quantities[index - 1]
            if part.sentence != q.sentence or part.kind not in ("money", "count", "measure") or not SHARE_GAP().fullmatch(
                    text, part.end, q.start):
                continue
            before = quantities[index - 2] if index > 1 else None
            if part.role == "whole" or before is not None and before.sentence == q.sentence and \
                    before.kind == part.kind and before.unit == part.unit and PART_OF_GAP.fullmatch(text, before.end,
                                                                                                  part.start):
                yield q, (before, part), "share"  # "£10.7bn of the £26.7bn, or 40% of it"
                continue
            whole = _whole_of(doc, q, part, quantities, index)
            if whole is not None:
                yield q, (part, whole), "share"
        if q.role == "from" and (found := _verb_direction(text, q, inside)) is not None:
            yield found  # "rose from 7,613 to 6,630": the verb says one way, the figures the other
        if q.kind == "percent" and q.role in ("", "of") and _is_rate(text, q):
            found = _rate_application(doc, q, by_sentence)
            if found is not None:
                base, result = found
                yield result, (base, q), "rate"


RATE_NOUNS = frozenset("duty duties tariff tariffs tax taxes levy levies vat surcharge surcharges commission "
                       "fee fees royalty royalties".split())
RESULT_AFTER = re.compile(r"\s+(?:a\s+year\s+|annually\s+|per\s+year\s+|each\s+year\s+)?in\s+(?:duty|duties|tax|"
                          r"taxes|tariffs?|levies|fees|commission|royalties)\b")
RESULT_VERBS = frozenset("pay pays paid paying raise raises raised raising collect collects collected collecting "
                         "generate generates generated generating yield yields yielding bring brings".split())
BASE_WORDS = frozenset({"on", "to"})


def _word_before(text: str, q: Quantity) -> str:
    """The word right before a figure once its bound is set aside: "collect about $40m" -> "collect"."""
    rest = _strip_bound(tail_words(text[max(0, q.start - 30):q.start]))[1]
    return rest[-1] if rest else ""


def _is_rate(text: str, q: Quantity) -> bool:
    """ "duties of 25%", "a 25% tariff": a percentage charged on an amount."""
    if q.noun and q.noun.split()[0].lower() in RATE_NOUNS:
        return True
    words = tail_words(text[max(0, q.start - 30):q.start])
    return len(words) >= 2 and words[-1] == "of" and words[-2] in RATE_NOUNS


def _rate_application(doc: Document, rate: Quantity, by_sentence: dict[int, list[Quantity]]):
    """The amount a rate applies to and the amount it is said to bring in, in one of the next two sentences:
    "A levy of 5% on $800m of fuel sales will raise $40m in tax"."""
    text = doc.text
    for index in (rate.sentence, rate.sentence + 1):
        money = [q for q in by_sentence.get(index, []) if q.kind == "money" and q.block == rate.block
                 and q.role not in ("change", "from")]
        results = [q for q in money if RESULT_AFTER.match(text, q.end) or _word_before(text, q) in RESULT_VERBS]
        bases = [q for q in money if q not in results and results and q.start < results[0].start
                 and _word_before(text, q) in BASE_WORDS]
        if len(results) == 1 and len(bases) == 1 and bases[0].unit == results[0].unit:
            return bases[0], results[0]
    return None


TIED_GAP = LazyPattern(r"[^,;]{0,30},\s+(?:from|to)\s+")


TIMES_WORD = re.compile(r"times|twice", re.I)
TIMES_GAP = LazyPattern(r"\s+(?:(?:as\s+(?:much|many|large|big|high)\s+as|the|that\s+of|more\s+than|higher\s+than|"
                       r"larger\s+than|bigger\s+than)\s+)?(?:[\w'’-]+\s+){0,3}?")


def _times_pair(text: str, q: Quantity, inside: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """ "China's $66bn is three times Russia's $22bn": (the smaller figure, the larger one)."""
    after = next((o for o in inside if o.start >= q.end), None)
    before = [o for o in inside if o.end <= q.start and 0 <= q.start - o.end <= 40]
    if after is None or not before or not (gap := TIMES_GAP().fullmatch(text, q.end, after.start)):
        return None
    if "than" in gap.group():
        return None  # "three times more than" reads as 3x or 4x: no firm ratio to check
    larger = before[-1]
    if larger.kind != after.kind or larger.unit != after.unit or larger.kind not in ("money", "count"):
        return None
    return after, larger


def _multiple_tied(text: str, q: Quantity, pair: tuple[Quantity, Quantity]) -> bool:
    """ "doubled its contribution to €200m from €120m": the figures follow the verb in its own clause."""
    old, new = pair
    first = min(old.start, new.start)
    gap = text[q.end:first]
    grows = new.value > old.value if q.value > 1 else new.value < old.value  # "doubled", "halved"
    return grows and 0 <= first - q.end <= 50 and ("," not in gap or TIED_GAP().fullmatch(gap))


def _same_unit(a: Quantity, b: Quantity) -> bool:
    """One kind and unit, or a bare count read with a count or measure that names the unit ("to 7,400
    arrests from 6,900")."""
    if a.kind == b.kind and a.unit == b.unit:
        return True
    return a.kind in ("count", "measure") and b.kind in ("count", "measure") and (not a.unit or not b.unit) \
        and "point" not in (a.unit, b.unit)


def _change_pair(q: Quantity, inside: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """(old, new) of the change ``q`` states: the "from" figure and the "to" figure or the one before."""
    olds = [o for o in inside if o.role == "from" and o.kind in FIGURE_KINDS and o is not q]
    if len(olds) != 1:
        return None
    old = olds[0]
    news = [n for n in inside if n is not old and n is not q and _same_unit(n, old)
            and n.role in ("to", "", "of") and n.bound in ("exact", "about")]
    tos = [n for n in news if n.role == "to"]
    if len(tos) == 1:
        return old, tos[0]
    before = [n for n in news if n.start < old.start]
    if len(news) == 1 and before:
        return old, news[0]
    return None


COMPARED_GAP = LazyPattern(r"[^,;:()—–]*?[,;:(—–]\s*(?:[\w'’]+\s+){0,3}?(?:(?:that|this|it)\s+(?:is|was|'s)\s+)?"
                          r"(?:an?\s+(?:rise|increase|drop|fall|gain|decline)\s+of\s+)?$")
COMPARED_BASE_AFTER = LazyPattern(r"[^,.;]{0,40}\b(?:than|on\s+the|from|compared|against|year[-\s]on[-\s]year|"
                                 r"a\s+year\s+(?:earlier|ago|before))\b", re.I)


def _compared_pair(text: str, q: Quantity, inside: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """ "40 wins last year, 50 this year, a quarter more": a change stated in its own clause after
    the two figures it compares, with no other base named ("than", "from a year earlier"); the base is
    the smaller figure for "more", the larger for "less"."""
    if not q.direction or any(o.role in ("from", "to") for o in inside if o is not q):
        return None
    before = [o for o in inside if o.end <= q.start and o.kind in ("count", "money", "measure", "percent")]
    if len(before) != 2 or not _same_unit(before[0], before[1]) or before[0].kind != before[1].kind:
        return None
    if not COMPARED_GAP().match(text, before[1].end, q.start) or COMPARED_BASE_AFTER().match(text, q.end):
        return None
    low, high = sorted(before, key=lambda o: o.value)
    return (low, high) if q.direction > 0 else (high, low)


CLAUSE_SPLIT = re.compile(r";|\b(?:while|whereas|but)\b")  # a change and its figures stay in one clause


def _verb_direction(text: str, old: Quantity, inside: list[Quantity]):
    """(new, (old, new), "direction:+1"/"-1") when a change verb governs "from old to new" ("fell from £340m to
    £400m", "rose to 77,000, from 85,000")."""
    news = [n for n in inside if n.role == "to" and _same_unit(n, old) and n.kind == old.kind and n is not old
            and abs(n.start - old.start) <= 60]
    if len(news) != 1:
        return None
    new = news[0]
    direction = 0
    for figure in (old, new):
        words = tail_words(text[max(0, figure.start - 40):figure.start])
        if len(words) >= 2 and words[-1] in ("from", "to") and words[-2] in CHANGE_WORDS and words[-2] not in (
                "up", "down", "higher", "lower"):
            direction = -1 if words[-2] in NEGATIVE_DIRECTIONS else 1
    if not direction:
        return None
    return new, (old, new), f"direction:{direction:+d}"


OPENER_BEFORE = re.compile(r"\W*(?:Of|Out\s+of)\s+(?:the|this|its|their)\s+$")


def _opener_share(doc: Document, share: Quantity, part: Quantity, whole: Quantity) -> tuple[Quantity, Quantity] | None:
    """(part, whole) of a share whose whole opens the sentence: "Of the €600m, €200m, or a third, ..."."""
    text = doc.text
    sentence = doc.sentences[share.sentence]
    if not (part.sentence == whole.sentence == share.sentence and part.kind == whole.kind and part.unit == whole.unit
            and part.kind in ("money", "count", "measure") and whole.value > part.value):
        return None
    if OPENER_BEFORE.fullmatch(text, sentence.start, whole.start) and SHARE_GAP().fullmatch(text, part.end, share.start) \
            and text[whole.end:part.start].strip(" ") in (",", ""):
        return part, whole
    return None


def _whole_of(doc: Document, share: Quantity, part: Quantity, quantities: list[Quantity],
              index: int) -> Quantity | None:
    """The whole a share is taken of: the figure named after "of the", or "the total" stated before."""
    nxt = quantities[index + 1] if index + 1 < len(quantities) else None
    if nxt is not None and nxt.sentence == share.sentence and nxt.unit == part.unit and nxt.kind == part.kind and \
            nxt.start - share.end <= 12:
        return nxt
    if share.of_whole.split()[0] not in TOTAL_WORDS:
        return _named_whole(doc, share, part, quantities[:index - 1])
    earlier = [q for q in quantities[:index - 1] if q.kind == part.kind and q.unit == part.unit
               and q.role not in ("change", "from", "range-end") and part.sentence - 3 <= q.sentence
               and q.value > part.value]
    cued = [q for q in earlier if q.total_cue]
    if cued:
        return cued[-1]
    return earlier[-1] if len({q.value for q in earlier}) == 1 else None  # one figure, perhaps also in the headline


NAMED_WHOLE_REACH = 3000  # characters back where the whole a share names may be stated ("of total turnover")


def _named_whole(doc: Document, share: Quantity, part: Quantity, earlier: list[Quantity]) -> Quantity | None:
    """ "$90m, or about a fifth of total turnover": the nearest larger earlier figure in the part's unit whose
    own words name the whole ("Turnover climbed to $470m")."""
    wanted = {singular(w) for w in WORD.findall(share.of_whole.lower()) if w not in FUNCTION_WORDS}
    if not wanted:
        return None
    text = doc.text
    for q in reversed(earlier):
        if q.start < part.start - NAMED_WHOLE_REACH:
            break
        if q.kind != part.kind or q.unit != part.unit or q.value <= part.value or q.role in ("change", "from") \
                or q.sentence < 0:
            continue
        block = doc.blocks[q.block]
        cell = not text[block.start:q.start].strip()  # a table cell: its row's label stands before it
        lead = text[max(0 if cell else doc.sentences[q.sentence].start, q.start - 60):q.start].lower()
        if wanted & {singular(w) for w in WORD.findall(lead)}:
            return q
    return None


def _figure_of_name(doc: Document, sup: Superlative, quantities: list[Quantity]) -> Quantity | None:
    """The one figure given for a name elsewhere: the first after it in its clause ("Waterloo receives $4.5m")."""
    text = doc.text
    starts = [q.start for q in quantities]
    found: list[Quantity] = []
    at = text.find(sup.name)
    for _ in range(MAX_NAME_MENTIONS):
        if at < 0:
            break
        i = bisect.bisect_left(starts, at + len(sup.name))
        q = next((o for o in quantities[i:i + 4] if o.kind in ("money", "count", "measure")), None)
        if q is not None and q.start - at <= 80 and q.bound == "exact" and q.sentence >= 0 and q not in found:
            sentence = doc.sentences[q.sentence]
            if sentence.start <= at and not sentence.start <= sup.start < sentence.end:
                found.append(q)
        at = text.find(sup.name, at + 1)
    return found[0] if len(found) == 1 else None


def superlative_peers(doc: Document, sup: Superlative) -> tuple[Quantity, list[Quantity]] | None:
    """The figure a superlative speaks of and the figures it is measured against, when they are clear."""
    figure = sup.quantity
    quantities = [q for q in doc.quantities if q.kind in FIGURE_KINDS]
    if figure is None:
        figure = _figure_of_name(doc, sup, quantities)
        if figure is None:
            return None
    if figure.role in ("change", "from") or figure.bound not in ("exact", "about"):
        return None
    if not figure.unit and DEFINITE.search(doc.text, max(0, figure.start - 6), figure.start):
        return None  # a bare number after "the" ("its smallest airliner, the 717") is a name, not a figure
    from factlint.analysis.breakdowns import analyze_breakdowns

    wholes = {id(b.whole) for b in analyze_breakdowns(doc) if b.whole is not None and figure in b.parts}

    def around(reach: int) -> list[Quantity]:  # the whole the figure is a part of is no rival ("the largest share")
        return [q for q in quantities if q is not figure and q.kind == figure.kind and q.unit == figure.unit
                and abs(q.block - figure.block) <= reach and q.role not in ("change", "from", "whole", "range-end")
                and not q.total_cue and q.bound == "exact" and id(q) not in wholes]
    peers = around(0)
    listed = [p for p in peers if p.sentence == figure.sentence]
    if sup.quantity is None and sup.among and len(listed) + 1 == sup.among:
        peers = listed  # "A stood at $270m, and B at $510m. A was the larger of the two": the two listed together
    if sup.among and len(peers) + 1 < sup.among:
        peers = around(1)  # "the smallest of the three grants": the three may span paragraphs
    if sup.among:
        if len(peers) + 1 < sup.among:
            return None
        beaten = [p for p in peers if (p.value - figure.value) * sup.direction > 0]
        spare = len(peers) - (sup.among - 1)
        if len(beaten) <= spare:
            return None
    elif not 1 <= len(peers) <= 4:
        return None
    return figure, peers
