"""Breakdowns: a whole and the parts the article divides it into, however the article lays them out.

A breakdown is read from structure, never from a stock phrase:
- a list in one sentence, tied to its whole by a colon, brackets, "of which", a verb of division
  ("split between", "made up of") or of provenance ("met by", "paid by"), or by the whole's own count
  ("14 medals, five gold, ..."; "35 of the 90 seats, the Greens 27, ...");
- parts spread over sentences and paragraphs that close on what is left ("the remaining €12m",
  "the rest", "other fruit"), whose whole is the last figure before them that is larger than each;
- a whole that names its parts ("worth $2bn in all, covering A and B") and figures given
  for those parts later, matched by the head noun of each name;
- the items of a list or the rows of a table under a line that announces them, against the table's
  total row or a whole written as a compound ("the 65-seat chamber");
- runs of shares of one whole (percentages, fractions in words), read as parts of 100%.

Each record says what the parts count (their unit and scale), how it was read (``structure``), and
whether the text presents the parts as all of the whole (``complete``: a shortfall is an error too)
or as some of it (``partial``: "including", "of which"). Parts are compared only with a whole of
the same kind and unit (measures after conversion within one dimension).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factlint.analysis.quantities import (
    FIGURE_KINDS,
    WORD_VALUES,
    MAX_BREAKDOWN,
    LazyPattern,
    Quantity,
    figures_by_sentence,
    singular,
)

if TYPE_CHECKING:
    from factlint.document import Document

SPREAD_REACH = 4  # blocks a spread breakdown may run over before its closing part
WHOLE_REACH = 3  # blocks before the first part where its whole may stand (a headline too)
NAMED_REACH = 6  # blocks after a whole where the parts it names may be given


@dataclass(slots=True, eq=False)
class Breakdown:
    """A whole (None for shares of 100%) and its parts, with what they count and how they were read."""

    whole: Quantity | None
    parts: list[Quantity]
    structure: str  # list | of-which | colon | brackets | division | spread | named | items | table | shares
    complete: bool  # the parts claim to be all of the whole: a shortfall is an error too
    partial: bool = False  # "including", "of which", "among them": the parts may leave some out
    cue: str = ""  # the words or marks that tie the parts to the whole
    counts: str = field(default="")  # what the parts count: "USD", "seat", "%", "t"

    @property
    def start(self) -> int:
        return min(q.start for q in self.members())

    @property
    def end(self) -> int:
        return max(q.end for q in self.members())

    def members(self) -> list[Quantity]:
        return ([self.whole] if self.whole is not None else []) + self.parts

    def to_json(self, doc: Document) -> dict:
        def figure(q: Quantity) -> dict:
            return {"text": doc.text[q.start:q.end], "value": q.value, "start": doc.to_source(q.start)}
        return {"start": doc.to_source(self.start), "end": doc.to_source_end(self.end),
                "text": doc.text[self.start:self.end][:80], "structure": self.structure,
                "whole": figure(self.whole) if self.whole is not None else "100%",
                "parts": [figure(p) for p in self.parts], "counts": self.counts or "items",
                "scale": (self.whole or self.parts[0]).scale, "complete": self.complete,
                "partial": self.partial, "cue": self.cue,
                "sum": sum(value_in(p, self.whole or self.parts[0]) for p in self.parts)}


# --- what can be compared ---------------------------------------------------------------------------

def comparable(a: Quantity, b: Quantity) -> bool:
    """Figures of one kind in one unit (measures: one dimension, converted)."""
    if a.kind != b.kind:
        return False
    if a.kind == "measure":
        return a.dimension == b.dimension and bool(a.dimension)
    return a.unit == b.unit


def value_in(q: Quantity, like: Quantity) -> float:
    """The value of ``q`` in the unit of ``like`` (measures of one dimension differ by a factor)."""
    if q.kind == "measure" and like.kind == "measure" and q.factor != like.factor and like.factor:
        return q.value * q.factor / like.factor
    return q.value


def slack_in(q: Quantity, like: Quantity) -> float:
    """The precision of ``q`` in the unit of ``like``."""
    if q.kind == "measure" and like.kind == "measure" and like.factor:
        return q.precision * q.factor / like.factor
    return q.precision


# --- layout: list items and table cells, from the markup ---------------------------------------------

@dataclass(slots=True)
class Table:
    rows: list[list[int]]  # block indices, row by row
    bold_last: bool  # the last row is set in bold (a total row)


@dataclass(slots=True)
class Layout:
    list_of: dict[int, int]  # block index -> list number (consecutive items of one list share it)
    tables: list[Table]


MD_LIST_PREFIX = LazyPattern(r"[ \t]*(?:>[ \t]*)*(?:[-*+•]|\d{1,3}[.)])[ \t]+$")
TEXT_LIST_ITEM = LazyPattern(r"(?:[-*+•]|\d{1,3}[.)])[ \t]+")
LIST_LINE = re.compile(r"^[ \t>]*(?:[-*+•]|\d{1,3}[.)])[ \t]", re.M)
HTML_TAG = LazyPattern(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")


def layout(doc: Document) -> Layout:
    """Which blocks are items of one list and which are the cells of a table. Cached on the document."""
    cached = doc.__dict__.get("_layout")
    if cached is not None:
        return cached
    source = doc.source.text
    out = Layout({}, [])
    if doc.segments is not None:
        if "<li" in source or "<td" in source or "<th" in source:
            _html_layout(doc, source, out)
    elif "|" in source or LIST_LINE.search(source):
        _text_layout(doc, source, out)
    doc.__dict__["_layout"] = out
    return out


def _text_layout(doc: Document, source: str, out: Layout) -> None:
    """Markdown and plain text: a list item opens on a marker; table cells share a line with a pipe."""
    list_number, previous_item = 0, -2
    rows: list[tuple[int, list[int]]] = []
    by_line: dict[int, list[int]] = {}
    for block in doc.blocks:
        line_start = source.rfind("\n", 0, block.start) + 1
        prefix = source[line_start:block.start]
        if MD_LIST_PREFIX().fullmatch(prefix) or not prefix.strip() and TEXT_LIST_ITEM().match(doc.text, block.start):
            if previous_item != block.index - 1:
                list_number += 1
            out.list_of[block.index] = list_number
            previous_item = block.index
        if "|" in prefix:
            by_line.setdefault(line_start, []).append(block.index)
    for line_start, cells in by_line.items():
        if len(cells) >= 2:
            rows.append((line_start, cells))
    table: list[list[int]] = []
    last_line = -1
    for line_start, cells in rows:
        gap = source[last_line:line_start] if last_line >= 0 else ""
        if table and gap.count("\n") > 2:
            out.tables.append(_table(doc, source, table))
            table = []
        table.append(cells)
        last_line = line_start
    if table:
        out.tables.append(_table(doc, source, table))


def _table(doc: Document, source: str, rows: list[list[int]]) -> Table:
    last = doc.blocks[rows[-1][0]]
    line_end = source.find("\n", last.start)
    bold = "**" in source[last.start - 3:line_end if line_end >= 0 else len(source)]
    return Table(rows, bold)


def _html_layout(doc: Document, source: str, out: Layout) -> None:
    """HTML: the tags between blocks say whether a block is a list item or a cell, and where rows start."""
    list_number, previous_item = 0, -2
    rows: list[list[int]] = []
    bold_rows: set[int] = set()
    previous_end = 0
    in_table = False
    for block in doc.blocks:
        start = doc.to_source(block.start)
        gap = source[previous_end:start]
        tags = [(m.group(1), m.group(2).lower()) for m in HTML_TAG().finditer(gap)]
        opened = [name for closing, name in tags if not closing]
        if "table" in opened or any(closing and name == "table" for closing, name in tags):
            if rows:
                out.tables.append(Table(rows, max(bold_rows, default=-1) == len(rows) - 1))
            rows, bold_rows, in_table = [], set(), "table" in opened
        last_open = opened[-1] if opened else ""
        cell = "td" in opened or "th" in opened
        if cell and (in_table or rows):
            if "tr" in opened or not rows:
                rows.append([])
            rows[-1].append(block.index)
            if "strong" in opened or "b" in opened:
                bold_rows.add(len(rows) - 1)
        elif rows and not cell:
            out.tables.append(Table(rows, max(bold_rows, default=-1) == len(rows) - 1))
            rows, bold_rows, in_table = [], set(), False
        if last_open == "li" or "li" in opened and not cell:
            if previous_item != block.index - 1:
                list_number += 1
            out.list_of[block.index] = list_number
            previous_item = block.index
        previous_end = doc.to_source_end(block.end)
    if rows:
        out.tables.append(Table(rows, max(bold_rows, default=-1) == len(rows) - 1))


# --- the grammar of breakdowns ---------------------------------------------------------------------

# Words that tie a list of parts to the whole before it (closed classes of English).
DIVISION_CUES = (
    ("of-which", LazyPattern(r"\bof\s+(?:which|whom|these|those|this|that|it|them)\b", re.I), False),
    ("division", LazyPattern(r"\b(?:split|divided|shared|distributed|apportioned|allocated|broken\s+down)\s+"
                            r"(?:\w+\s+){0,2}?(?:between|among|amongst|into|across|as\s+follows)\b"
                            r"|\bbr(?:eaks?|oken)\s+down\b|\bcompris(?:es|ed|ing)\b|\bconsist(?:s|ed|ing)?\s+of\b"
                            r"|\bmade\s+up\s+of\b|\bin\s+\w+\s+(?:instalments|installments|tranches|annual\s+payments)\b"
                            r"|\bas\s+follows\b", re.I), True),
    ("provenance", LazyPattern(r"\b(?:met|paid|funded|financed|covered|shared|provided|contributed|put\s+up|"
                              r"borne|underwritten)\s+(?:\w+\s+){0,2}?(?:by|from)\b"
                              r"|\b(?:comes?|came|coming)\s+from\b", re.I), True),
    ("colon", LazyPattern(r":\s+[^:;]{0,60}$"), False),
    ("including", LazyPattern(r"\b(?:including|includes|included|such\s+as|among\s+them|among\s+which)\b", re.I),
     False),
)
PARTIAL_WORDS = LazyPattern(r"\b(?:including|includes|such\s+as|among\s+(?:them|others|which)|etc|e\.g|for\s+example|"
                           r"notably|mainly|mostly|main|chiefly|largely|principal|biggest|largest)\b", re.I)
# A part that is what is left of the whole: the breakdown claims to be complete.
RESIDUAL = LazyPattern(r"\b(?:the\s+)?(?:remaining|remainder|rest|balance|others?)\b(?!\s+(?:hand|words|side|"
                      r"than|day|way|week|year|time)\b)", re.I)
RESIDUAL_HINTS = ("emain", "rest", "alance", "ther", "Rest", "Other")
# A part, not a whole: "the bulk of", "a further", "followed by", "the largest share".
PART_CUE = LazyPattern(r"\b(?:bulk|share|portion|part|slice|further|another|additional|followed\s+by|remaining|"
                      r"remainder|rest|balance|other|majority|most\s+of|each|first|second|third|initial|final)\b",
                      re.I)
SENTENCE_OPENER_OF = LazyPattern(r"\W*(?:Of|Out\s+of)\s+(?P<what>this|that|these|those|it|them|the|its|their|all)\b",
                                re.I)
CLAUSE_START = LazyPattern(r"[;:(—–]|,\s+(?:and|while|with|but)\s|\s(?:and|while|whereas|but)\s")
NAMED_CUE = LazyPattern(r"\s*,?\s*(?P<cue>covering|including|spanning|comprising|made\s+up\s+of|consisting\s+of|"
                        r"(?:split|divided|shared)\s+(?:between|among|into))\s+"
                        r"(?P<items>(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}"
                        r"(?:,\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})*"
                        r",?\s+and\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})(?=[.;,]|\s+(?:was|were|is|are)\b|$)",
                        re.I)
NAMED_HINTS = ("covering", "including", "spanning", "compris", "made up", "consisting", "split", "divided", "shared")
NAMED_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
TOTAL_LABEL = LazyPattern(r"\W*(?:total|totals|all|overall|combined|sum|grand\s+total|in\s+total|altogether)\b", re.I)
COUNT_HEADER = re.compile(r"[A-Za-z][\w-]*")
WORDS = re.compile(r"[a-z]+")


def analyze_breakdowns(doc: Document) -> list[Breakdown]:
    """Every breakdown of the document, in text order of its first figure. Cached on the document."""
    cached = doc.__dict__.get("_breakdowns")
    if cached is not None:
        return cached
    by_sentence = {i: [q for q in qs if q.kind in FIGURE_KINDS] for i, qs in figures_by_sentence(doc).items()}
    found: list[Breakdown] = []
    found.extend(_sentence_lists(doc, by_sentence))
    found.extend(_cued_totals(doc, by_sentence))
    found.extend(_spread(doc, by_sentence))
    found.extend(_named_parts(doc, by_sentence))
    found.extend(_items_and_tables(doc))
    found.extend(_share_runs(doc, by_sentence))
    out: list[Breakdown] = []
    seen: set[tuple[int, ...]] = set()
    for b in found:
        b.counts = b.counts or (b.whole or b.parts[0]).unit
        key = tuple(sorted(q.start for q in b.members()))
        if len(b.parts) >= 2 and key not in seen:
            seen.add(key)
            out.append(b)
    out.sort(key=lambda b: b.start)
    doc.__dict__["_breakdowns"] = out
    return out


def _usable(q: Quantity) -> bool:
    return q.role not in ("change", "from", "range-end") and q.bound not in ("max", "range")


def _groups(quantities: list[Quantity]) -> dict[int, list[Quantity]]:
    out: dict[int, list[Quantity]] = {}
    for q in quantities:
        if q.group >= 0:
            out.setdefault(q.group, []).append(q)
    return out


def cue_between(doc: Document, start: int, end: int) -> tuple[str, bool]:
    """(the division cue in ``doc.text[start:end]``, whether it presents the parts as all of the whole)."""
    for name, pattern, complete in DIVISION_CUES:
        if pattern().search(doc.text, start, end):
            return name, complete
    return "", False


def _bracketed(doc: Document, parts: list[Quantity]) -> bool:
    """ "the council (£2.1m), the fund (£0.9m) and the water company (£0.4m)": each part in brackets."""
    text = doc.text
    return all(text[max(0, p.start - 2):p.start].rstrip().endswith("(") and text[p.end:p.end + 2].lstrip()[:1] == ")"
               for p in parts)


def _sentence_lists(doc: Document, by_sentence: dict[int, list[Quantity]]) -> Iterator[Breakdown]:
    """A whole and its parts in one list of one sentence, or parts whose whole opens the sentence or
    stands in one of the two before it ("Of this amount, ...")."""
    quantities = [q for qs in by_sentence.values() for q in qs]
    for members in _groups(quantities).values():
        members = [m for m in members if _usable(m)]
        if not 2 <= len(members) <= MAX_BREAKDOWN:
            continue
        first = members[0]
        # "won 14 medals ..., five gold, four silver and three bronze": parts name kinds of the whole's unit
        kinds = []
        for m in members[1:]:
            if m.value >= first.value or not m.noun or m.plural:
                break
            kinds.append(m)
        if first.kind == "count" and first.plural and len(kinds) >= 2 and first.bound == "exact" \
                and first.role != "whole":
            yield Breakdown(first, kinds, "list", True, cue="kinds of " + first.unit)
            continue
        if first.whole is not None and not any(m.noun for m in members[1:]):
            # "takes 35 of the 90 seats, the Social Democrats 27, ...": the rest elide the unit
            yield Breakdown(first.whole, members + _continuation(doc, members), "list", False, cue="of the")
            continue
        rest = members[1:]
        cue, complete = cue_between(doc, first.end, rest[0].start)
        if _bracketed(doc, members):
            cue = ""  # every figure in brackets: all are parts, the whole stands before them
        elif cue and _bracketed(doc, rest):
            cue = "brackets"  # "the €9m bill is paid by the state (€5m), the city (€3m) and ..."
        largest = max(m.value for m in rest)
        if cue and (first.value > largest or _part_as_whole(doc, first, rest)) and comparable(first, rest[0]):
            partial = cue in ("of-which", "including") or bool(PARTIAL_WORDS().search(doc.text, first.end, rest[0].start))
            yield Breakdown(first, rest, cue if cue in ("of-which", "colon", "brackets") else "division",
                            complete and not partial or _complementary(doc, rest), partial, cue)
            continue
        whole, how = _whole_before(doc, members, by_sentence)
        if whole is first:
            members = rest
        if whole is not None:
            announced = _announced(whole, by_sentence) or _announced_before(members[0], whole, by_sentence)
            complete = _complementary(doc, members) or how in ("division", "provenance") or how == "colon" and (
                announced == len(members) or _colon_after(doc, whole, first) and not announced)
            if how == "of-which" and len(members) >= 3 and SENTENCE_OPENER_OF().match(
                    doc.text, doc.sentences[first.sentence].start, first.start):
                complete = True  # "Of the $80m, A ..., B ... and C ...": a list that divides it all
            partial = how in ("of-which", "including") and not complete
            yield Breakdown(whole, members, "of-which" if how == "of-which" else "list", complete and not partial,
                            partial, how)


def _part_as_whole(doc: Document, first: Quantity, rest: list[Quantity]) -> bool:
    """ "The $8bn is split between A, with $2bn, and B, with $8bn": a whole divided in one sentence into two
    or more parts, one of them given its value; not "half of the £8,170", which names the whole again."""
    equal = [m for m in rest if m.value == first.value]
    return len(rest) >= 2 and len(equal) == 1 and all(m.sentence == first.sentence for m in rest) and \
        DEFINITE_BEFORE.search(doc.text, max(0, equal[0].start - 6), equal[0].start) is None


DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.I)


def _whole_before(doc: Document, members: list[Quantity], by_sentence: dict[int, list[Quantity]]):
    """The whole a sentence divides when it opens on "Of the $80m ..." (the figure inside the opener),
    "Of this amount" or "Of the total" (the last fitting figure before), or a cue such as "breaks down into".
    Shares of a whole named without a figure ("Of the homes finished, 61% ...") are shares of 100%."""
    first = members[0]
    sentence = doc.sentences[first.sentence]
    largest = max(m.value for m in members)
    opener = SENTENCE_OPENER_OF().match(doc.text, sentence.start, first.start)
    if opener is not None and not doc.text[opener.end():first.start].strip():
        return first, "of-which"  # "Of the 120 passengers, 80 ... and 50 ...": the opener's figure is the whole
    if opener is not None:
        how = "of-which"
        inside = [q for q in by_sentence.get(first.sentence, []) if q.end <= first.start and q not in members]
        if inside:
            fitting = [q for q in inside if _fits(q, first, how) and q.value > largest and _usable(q)]
            return (fitting[0], how) if fitting else (None, "")
        if first.kind == "percent":
            return None, ""
    else:
        how, _ = cue_between(doc, sentence.start, first.start)
        if how in ("", "including") and not _complementary(doc, members):
            return None, ""
    reach = 1 if first.kind == "percent" else 3  # a percentage's whole is stated with it, never sentences before
    for i in range(first.sentence - (opener is not None), max(-1, first.sentence - reach), -1):
        for q in reversed(by_sentence.get(i, [])):
            if q.start >= first.start or q in members or not _usable(q):
                continue
            if _fits(q, first, how) and q.value > largest:
                return q, how or "complement"
    return None, ""


def _fits(whole: Quantity, part: Quantity, how: str) -> bool:
    """A whole for this part: the same unit, or a count whose unit the part leaves out ("80 were Britons")
    or names a kind of ("14 medals: five gold")."""
    return comparable(whole, part) or whole.kind == "count" and part.kind == "count" and (
        not part.unit or how == "colon")


def _colon_after(doc: Document, total: Quantity, first: Quantity) -> bool:
    gap = doc.text[total.end:first.start].strip()
    if total.noun and gap.startswith(total.noun):
        gap = gap[len(total.noun):].strip()
    return gap == ":"


COMPLEMENTS = tuple(re.compile(rf"\b{a}\b.*\b{b}\b|\b{b}\b.*\b{a}\b", re.I | re.S) for a, b in (
    ("exports", "imports"), ("men", "women"), ("male", "female"), ("public", "private"),
    ("domestic", "foreign"), ("boys", "girls"), ("urban", "rural"), ("abroad", "home"),
    ("full-time", "part-time"), ("adults", "children"), ("online", "offline")))


def _complementary(doc: Document, parts: list[Quantity]) -> bool:
    """Two parts named as the two halves of a whole ("exports ... imports"): together they are all of it."""
    if len(parts) != 2:
        return False
    start = doc.sentences[parts[0].sentence].start
    end = doc.sentences[parts[-1].sentence].end
    return any(p.search(doc.text, start, end) for p in COMPLEMENTS)


CONTINUATION = LazyPattern(r"\s*(?:The|Another|A\s+further|The\s+(?:other|remaining|last|final))\s+$")


def _continuation(doc: Document, parts: list[Quantity]) -> list[Quantity]:
    """Parts the next sentence adds by opening on them: "... and the Centre 12. The two seats reserved for
    minorities went to independents." """
    last = parts[-1]
    following = [q for q in doc.quantities if q.sentence == last.sentence + 1 and comparable(q, last)]
    if len(following) != 1:
        return []
    q = following[0]
    sentence = doc.sentences[q.sentence]
    if not CONTINUATION().fullmatch(doc.text, sentence.start, q.start) or any(p.value == q.value for p in parts):
        return []
    return [q]


def _announced(total: Quantity, by_sentence: dict[int, list[Quantity]]) -> int:
    """ "the three candidates ... shared 286,450 votes": how many parts the total is said to have."""
    counts = [q for q in by_sentence.get(total.sentence, []) if q.kind == "count" and q.unit != total.unit
              and q.words and q.value == int(q.value) and 2 <= q.value <= 12 and q.start < total.start
              and q.unit not in ("year", "month", "week", "day")]
    return int(counts[-1].value) if counts else 0


def _announced_before(first: Quantity, whole: Quantity, by_sentence: dict[int, list[Quantity]]) -> int:
    """ "9,000 staff work in three cities: 4,500 in ...": the count written between a whole and its list."""
    counts = [q for q in by_sentence.get(first.sentence, []) if q.kind == "count" and q.words and whole.end <= q.start
              and q.end <= first.start and q.value == int(q.value) and 2 <= q.value <= 12]
    return int(counts[-1].value) if counts else 0


THE_NUMBER = LazyPattern(r"\b[Tt]he\s+(?P<n>two|three|four|five)\b")


def _the_number_before(doc: Document, total: Quantity) -> int:
    """ "Taken together, the two come to ...": a number word standing for the figures just given."""
    sentence = doc.sentences[total.sentence]
    found = list(THE_NUMBER().finditer(doc.text, sentence.start, total.start))
    return WORD_VALUES[found[-1].group("n").lower()] if found else 0


SUM_CUES = frozenset({"combined", "together", "in all", "in total", "altogether", "all told", "total"})


def _cued_totals(doc: Document, by_sentence: dict[int, list[Quantity]]) -> Iterator[Breakdown]:
    """A figure presented as a total ("combined", "in all", "together") and the parts around it: as many
    as it announces, the two halves of a whole, or the list just before it."""
    for i, figures in by_sentence.items():
        for total in figures:
            if not total.total_cue or total.role in ("change", "from", "whole", "range-end"):
                continue
            announced = _announced(total, by_sentence) or _the_number_before(doc, total)
            if announced and i > 0:
                earlier = [q for q in by_sentence.get(i - 1, []) + [q for q in figures if q.end <= total.start]
                           if q is not total and comparable(q, total) and _usable(q) and q.role != "whole"]
                if len(earlier) == announced:  # "A made £415m and B £425m. Taken together, the two come to ..."
                    yield Breakdown(total, earlier, "list", True, cue=f"the {announced} {total.total_cue}")
                    continue
            if not announced:
                parts = [q for q in figures if q is not total and comparable(q, total) and _usable(q)
                         and q.role != "whole"]
                if _complementary(doc, parts):
                    yield Breakdown(total, parts, "list", True, cue="complementary parts")
                    continue
                before = [q for q in figures if q.end <= total.start and _usable(q) and q.role != "whole"
                          and q.group >= 0 and (comparable(q, total) or _fits(total, q, "")
                                                or q.kind == "count" and not q.unit and total.kind == "measure")]
                # bare parts take the total's unit: "A took 31,000 and B 36,000, for a combined 67,000 barrels"
                if len(before) >= 2 and len({q.group for q in before}) == 1 and total.total_cue in SUM_CUES:
                    yield Breakdown(total, before, "list", True, cue=total.total_cue)  # "..., for a combined £149bn"
                    continue
                listed = [q for q in by_sentence.get(i - 1, []) if comparable(q, total) and q.group >= 0
                          and _usable(q) and q.role != "whole" and q.bound == "exact"]
                if len({q.group for q in listed}) == 1 and all(q.value < total.value for q in listed):
                    yield Breakdown(total, listed, "list", False, cue=total.total_cue)
                continue
            parts = [q for j in range(max(0, i - 2), i + 3) for q in by_sentence.get(j, [])
                     if q is not total and comparable(q, total) and _usable(q) and q.role != "whole"
                     and q.value < total.value and not q.total_cue]
            if len(parts) == announced:
                yield Breakdown(total, parts, "list", True, cue=f"{announced} announced")


def _lead(doc: Document, q: Quantity, floor: int = 0) -> str:
    """The words of ``q``'s sentence before it, from ``floor`` (the end of a figure before it) on."""
    return doc.text[max(floor, doc.sentences[q.sentence].start):q.start]


def _spread(doc: Document, by_sentence: dict[int, list[Quantity]]) -> Iterator[Breakdown]:
    """Parts over sentences and paragraphs that close on what is left ("The remaining €12m pays for ...",
    "and other fruit to 90,000 tonnes", "The rest of the team scored 41"): a complete breakdown of
    the nearest larger figure before them that is not itself presented as a part."""
    figures = [q for i in sorted(by_sentence) if i >= 0 for q in by_sentence[i] if _usable(q) and q.role != "whole"]
    used: set[int] = set()
    for index, q in enumerate(figures):
        if q.kind == "percent" or index in used:
            continue
        floor = figures[index - 1].end if index and figures[index - 1].sentence == q.sentence else 0
        lead = _lead(doc, q, floor)
        if not any(word in lead for word in RESIDUAL_HINTS):
            continue
        residual = RESIDUAL().search(lead)
        if residual is None:
            continue
        parts = [q] + [o for o in figures[index + 1:index + 4] if o.sentence == q.sentence and comparable(o, q)]
        whole = None
        for o in reversed(figures[max(0, index - 4 * MAX_BREAKDOWN):index]):
            if not comparable(o, q) or o.block < q.block - SPREAD_REACH - WHOLE_REACH:
                continue
            larger = all(value_in(o, q) > value_in(p, q) for p in parts)
            in_list = o.group >= 0 and o.group == q.group  # one list's members are parallel parts
            if larger and len(parts) >= 2 and not in_list and not PART_CUE().search(_lead(doc, o)):
                if whole is None:
                    whole = o
                    if _adds_up(o, parts):
                        break
                    continue  # a larger figure further back may be the whole these and this one divide
                if _adds_up(o, parts + [whole]):
                    parts.append(whole)
                    whole = o
                break
            if o.block >= q.block - SPREAD_REACH and whole is None:
                parts.append(o)
        if whole is not None and 2 <= len(parts) <= MAX_BREAKDOWN:
            parts.sort(key=lambda p: p.start)
            used.update(figures.index(p) for p in parts)
            yield Breakdown(whole, parts, "spread", True, cue=residual.group().lower())


def _adds_up(whole: Quantity, parts: list[Quantity]) -> bool:
    """The parts make the whole within the rounding of the figures (the reading a careful editor prefers)."""
    total = sum(value_in(p, whole) for p in parts)
    return abs(total - whole.value) <= whole.precision + sum(slack_in(p, whole) for p in parts) + 1e-9 * whole.value


def _head(phrase: str) -> str:
    words = phrase.lower().split()
    return singular(words[-1]) if words else ""


def _named_parts(doc: Document, by_sentence: dict[int, list[Quantity]]) -> Iterator[Breakdown]:
    """A whole that names its parts ("bids worth $2bn, covering office towers and
    retail parks") and the figures given later for each name, found by its head noun."""
    text = doc.text
    figures = [q for i in sorted(by_sentence) if i >= 0 for q in by_sentence[i]]
    for index, whole in enumerate(figures):
        if whole.kind not in ("money", "count", "measure") or not _usable(whole):
            continue
        sentence = doc.sentences[whole.sentence]
        after = whole.end + (len(whole.noun) + 1 if whole.noun else 0)
        tail = text[after:sentence.end]
        if "," not in tail and " and " not in tail:
            continue
        window = text[after:min(sentence.end, after + 160)]
        if not any(cue in window for cue in NAMED_HINTS):
            continue
        m = NAMED_CUE().search(text, after, min(sentence.end, after + 160))
        if m is None or any(whole.end < q.start < m.end() for q in by_sentence.get(whole.sentence, []) if q is not whole):
            continue
        names = [n for n in NAMED_SPLIT.split(m.group("items")) if n.strip()]
        heads = [_head(n) for n in names]
        if not 2 <= len(heads) <= 6 or len(set(heads)) != len(heads):
            continue
        parts: list[Quantity] = []
        for head in heads:
            given = [q for q in figures[index + 1:] if comparable(q, whole) and q.block <= whole.block + NAMED_REACH
                     and _usable(q) and q.sentence != whole.sentence
                     and head in {singular(w) for w in WORDS.findall(_lead(doc, q).lower())}]
            if not given:
                break
            parts.append(given[0])
        if len(parts) == len(heads) and len(set(id(p) for p in parts)) == len(parts):
            cue = m.group("cue").lower()
            partial = cue == "including"
            yield Breakdown(whole, parts, "named", not partial, partial, cue + " " + ", ".join(names))


def _one_figure(doc: Document, block: int) -> Quantity | None:
    """The figure of a list item or table cell that holds exactly one."""
    by_block = doc.__dict__.get("_figures_by_block")
    if by_block is None:
        by_block = {}
        for q in doc.quantities:
            if q.kind in FIGURE_KINDS:
                by_block.setdefault(q.block, []).append(q)
        doc.__dict__["_figures_by_block"] = by_block
    found = by_block.get(block, ())
    return found[0] if len(found) == 1 and _usable(found[0]) else None


def _items_and_tables(doc: Document) -> Iterator[Breakdown]:
    """The items of a list under a line that announces them ("breaks down as follows:"), and the columns
    of a table against its total row or against a whole written as a compound ("the 65-seat chamber")."""
    text = doc.text
    source = doc.source.text
    if "|" not in source and "<t" not in source and not any(
            text[b.start:b.end].rstrip().endswith(":") for b in doc.blocks):
        return  # no table, and no line that announces a list
    grid = layout(doc)
    by_list: dict[int, list[int]] = {}
    for block, number in grid.list_of.items():
        by_list.setdefault(number, []).append(block)
    for blocks in by_list.values():
        blocks.sort()
        lead = blocks[0] - 1
        if lead < 0 or not text[doc.blocks[lead].start:doc.blocks[lead].end].rstrip().endswith(":"):
            continue
        parts = [_one_figure(doc, b) for b in blocks]
        if any(p is None for p in parts) or len(parts) < 2 or not all(comparable(p, parts[0]) for p in parts):
            continue
        cue_text = text[doc.blocks[lead].start:doc.blocks[lead].end]
        whole = [q for q in doc.quantities if q.block == lead and comparable(q, parts[0]) and _usable(q)]
        complete = bool(DIVISION_CUES[1][1]().search(cue_text)) or bool(RESIDUAL().search(
            text, doc.blocks[blocks[-1]].start, doc.blocks[blocks[-1]].end))
        partial = bool(PARTIAL_WORDS().search(cue_text))
        if parts[0].kind == "percent" and not whole:
            yield Breakdown(None, parts, "items", complete and not partial, partial, "list under: " + cue_text[-40:])
        elif len(whole) == 1:
            yield Breakdown(whole[0], parts, "items", complete and not partial, partial, "list under: " + cue_text[-40:])
    for table in grid.tables:
        yield from _table_columns(doc, table)


def _table_columns(doc: Document, table: Table) -> Iterator[Breakdown]:
    text = doc.text
    rows = [r for r in table.rows if r]
    if len(rows) < 3:
        return
    width = max(len(r) for r in rows)
    header = rows[0] if all(_one_figure(doc, b) is None for b in rows[0]) else None
    body = rows[1:] if header is not None else rows
    last = body[-1]
    total_row = table.bold_last or bool(TOTAL_LABEL().match(text, doc.blocks[last[0]].start))
    if total_row:
        body = body[:-1]
    for column in range(1, width):
        cells = [r[column] for r in body if column < len(r)]
        parts = [_one_figure(doc, b) for b in cells]
        parts = [p for p in parts if p is not None]
        if len(parts) < 2 or len(parts) != len(cells) or not all(comparable(p, parts[0]) for p in parts):
            continue
        whole = _one_figure(doc, last[column]) if total_row and column < len(last) else None
        label = text[doc.blocks[header[column]].start:doc.blocks[header[column]].end] if header and column < len(
            header) else ""
        if whole is not None and comparable(whole, parts[0]):
            yield Breakdown(whole, parts, "table", True, cue=f"total row of the {label or 'figures'} column")
            continue
        if parts[0].kind == "percent":
            yield Breakdown(None, parts, "table", False, cue=f"share column {label}".strip(), counts="%")
            continue
        heads = COUNT_HEADER.findall(label)
        unit = singular(heads[-1]) if heads else ""
        if parts[0].kind == "count" and not parts[0].unit and unit:
            wholes = {q.value: q for q in doc.quantities if q.kind == "count" and q.compound and q.unit == unit}
            if len(wholes) == 1:
                yield Breakdown(next(iter(wholes.values())), parts, "table", False, cue=f"{label} column",
                                counts=unit)


# --- shares of one whole (N202) --------------------------------------------------------------------

FULL_BREAKDOWN = LazyPattern(r"\b(?:remaining|the\s+rest|remainder|others?|other\s+\w+)\s*(?:of\s+the\s+\w+\s+)?"
                             r"(?:\w+\s+)?$", re.I)


def _shares(doc: Document) -> list[Quantity]:
    groups_with_change = {q.group for q in doc.quantities if q.group >= 0 and q.role in ("change", "from", "to")}
    return [q for q in doc.quantities if q.kind == "percent" and q.role in ("", "of") and not q.attributive
            and q.bound != "range" and (q.group < 0 or q.group not in groups_with_change)]


PARTS_LEFT_OUT = LazyPattern(r"\b(?:the\s+rest|the\s+remainder|remaining|others|other\s+(?!than\b)\w+)\b", re.I)
LIST_PARTIAL = LazyPattern(r"\b(?:including|such\s+as|among\s+them|etc|main|mainly|chiefly|largest|biggest|"
                          r"principal|notably)\b", re.I)


def list_is_partial(doc: Document, parts: list[Quantity]) -> bool:
    """ "the rest", "others" in the parts' sentences, or "including", "such as", "main items" before the list
    or after it (not inside an item between two parts): the list leaves part of the total out by design."""
    first, last = parts[0], parts[-1]
    text = doc.text
    start, end = doc.sentences[first.sentence].start, doc.sentences[last.sentence].end
    return bool(PARTS_LEFT_OUT().search(text, start, end) or LIST_PARTIAL().search(text, max(start, first.start - 160),
                                                                              first.start)
                or LIST_PARTIAL().search(text, last.end, end))


def _share_runs(doc: Document, by_sentence: dict[int, list[Quantity]]) -> Iterator[Breakdown]:
    """Shares of one whole in one paragraph: a list of one sentence stands alone (the next sentence's
    shares divide the whole another way); single shares in consecutive sentences join one run."""
    text = doc.text
    run: list[Quantity] = []

    def flush() -> Iterator[Breakdown]:
        if 3 <= len(run) <= MAX_BREAKDOWN:
            wholes = {q.of_whole for q in run if q.of_whole}
            if len(wholes) <= 1 and not _has_subtotal(run):
                full = any(FULL_BREAKDOWN().search(text, max(0, q.start - 30), q.start) for q in run)
                yield Breakdown(None, list(run), "shares", full, cue="shares of one whole", counts="%")

    yield from _two_way_splits(doc)
    for q in _shares(doc):
        if run and (q.block != run[-1].block or q.sentence - run[-1].sentence > 1 or
                    q.sentence != run[-1].sentence and q.of_whole and q.of_whole not in {r.of_whole for r in run}):
            yield from flush()  # a share of a whole it names itself ("38% of all completions") starts anew
            run = []
        run.append(q)
    yield from flush()


OPPOSITES = tuple(LazyPattern(rf"\b(?:{a})\b[^.;]*\b(?:{b})\b|\b(?:{b})\b[^.;]*\b(?:{a})\b", re.I) for a, b in (
    (r"backed|supported|favoured|favored|for|in\s+favour", "opposed|against|rejected"),
    (r"support(?:ers?)?|in\s+favor", "opposed|opposition|rejected"),  # not "support ... against": a contrast
    ("yes", "no"), ("approved|approve", "disapproved|disapprove"), ("agreed|agree", "disagreed|disagree"),
    ("men", "women"), ("won", "lost")))


def _two_way_splits(doc: Document) -> Iterator[Breakdown]:
    """Two shares of one list named as the two sides of one question ("backed by 54% and opposed by 41%"):
    together they can be no more than 100%."""
    groups: dict[int, list[Quantity]] = {}
    for q in doc.quantities:
        if q.kind == "percent" and q.role in ("", "of", "by") and not q.attributive and q.bound != "range" \
                and q.sentence >= 0:
            groups.setdefault(q.sentence, []).append(q)
    for members in groups.values():
        if len(members) != 2 or any(m.of_whole for m in members):
            continue
        a, b = members
        if any(p().search(doc.text, a.start - 40 if a.start > 40 else 0, b.end + 30) for p in OPPOSITES):
            yield Breakdown(None, members, "shares", False, cue="two sides of one question", counts="%")


def _has_subtotal(run: list[Quantity]) -> bool:
    """The first share is the sum of the rest ("more than 60%: 28%, 25% and 8%"), or the last is the sum of
    the ones just before it ("45% ... 23% ... a total of 68%"): a subtotal, not one more share."""
    def adds_up(whole: Quantity, parts: list[Quantity]) -> bool:
        total = sum(p.value for p in parts)
        if whole.bound == "min":
            tolerance = whole.precision + sum(p.precision for p in parts) + 1e-9
            return whole.value - tolerance <= total <= whole.value * 1.1 + tolerance
        if whole.total_cue or whole.bound == "about":
            return abs(total - whole.value) <= whole.precision + sum(p.precision for p in parts) + 1e-9
        return abs(total - whole.value) <= 1e-9
    if adds_up(run[0], run[1:]) and (run[0].bound != "exact" or run[0].total_cue):
        return True
    return bool(run[-1].total_cue) and any(adds_up(run[-1], run[-1 - k:-1]) for k in range(2, len(run)))
