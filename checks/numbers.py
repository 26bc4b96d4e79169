"""Numbers (N2xx): totals and parts, shares, restated figures, derived figures, counts, comparisons.

Every check combines the records of ``factlint.analysis.quantities``; none reads the raw text.
Tolerance follows what the article states: half a unit of the last digit of each figure, widened
for "about", "nearly", "some", and one-sided for "more than" and "up to".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from factlint.analysis.breakdowns import Breakdown, analyze_breakdowns, list_is_partial, slack_in, value_in
from factlint.analysis.quantities import (
    Quantity,
    analyze_comparisons,
    analyze_enumerations,
    analyze_margins,
    derivations,
    headline_restatements,
    restatements,
    superlative_peers,
)
from factlint.api import Check, Issue, Related
from factlint.document import Document

SCALE_WORDS = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion", 1e7: "crore", 1e5: "lakh"}
SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
LOOSE = 0.06  # relative slack an "about" adds to a figure
PARTS_OF_TOTAL = frozenset({"money", "count", "percent", "measure"})


def fmt(value: float, scale: float = 1.0) -> str:
    """A figure in the article's scale, without needless decimals: 2400000000, 1e9 -> "2.4"."""
    v = value / scale
    text = f"{v:,.3f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def unit_label(q: Quantity, scale: float) -> str:
    scale_word = SCALE_WORDS.get(scale, "")
    if q.kind == "money":
        return " ".join(p for p in (SIGNS.get(q.unit, q.unit), scale_word) if p)
    if q.kind == "percent":
        return "%"
    if q.kind == "points":
        return "percentage points"
    return " ".join(p for p in (scale_word, q.unit + "s" if q.unit and not q.unit.endswith("s") else q.unit) if p)


def show(value: float, like: Quantity) -> str:
    """A computed value written the way the article writes ``like``: "$0.8 billion", "12.5%"."""
    scale = like.scale
    number = fmt(value, scale)
    if like.kind == "money":
        sign = SIGNS.get(like.unit, like.unit + " ")
        return f"{sign}{number} {SCALE_WORDS.get(scale, '')}".rstrip()
    if like.kind == "percent":
        return f"{number}%"
    return f"{number} {unit_label(like, scale)}".rstrip()


def slack(q: Quantity) -> float:
    """How far the true value may lie from the stated one, given its precision and bound."""
    extra = abs(q.value) * LOOSE if q.bound == "about" else 0.0
    return q.precision + extra


def figure(doc: Document, q: Quantity) -> str:
    """A figure as the article writes it, with the noun it counts: "360 MW", "12.9 million bags"."""
    words = q.noun.split()
    return f"{text_of(doc, q)} {words[0]}" if q.kind in ("count", "measure") and words else text_of(doc, q)


def loose(q: Quantity) -> float:
    """Room a comparison leaves a figure: only what "about" says; the reader compares the stated digits."""
    return abs(q.value) * LOOSE if q.bound == "about" else 0.0


def text_of(doc: Document, q: Quantity) -> str:
    return doc.text[q.start:q.end]


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and a.unit == b.unit


class TotalMismatch(Check):
    """Parts given against a stated total do not add up to it.

    Mechanism: the breakdown analyser (``factlint.analysis.breakdowns``) reads each whole and the parts the
    article divides it into, from the structure of the text; this check adds the parts, in the whole's
    unit, and compares the sum with the whole within the rounding each figure's precision allows.

    What it checks:
        A whole and its parts, wherever they stand: a list in one sentence after a colon, in brackets,
        after "of which" or a verb of division or provenance ("split between", "paid by"); parts spread
        over paragraphs that close on "the remaining ..." or "the rest"; parts the whole names ("covering
        A and B") given later; list items under a line that announces them; a table's column against its
        total row or a whole written as a compound ("the 65-seat chamber").
    Why an editor cares:
        Parts that do not add up are the most visible arithmetic error in a news story and usually
        mean a figure was mistyped or an item dropped.
    Fires on:
        "The £5.2m upgrade is being paid for by the city (£3.1m), the port (£1.2m) and the rail operator
        (£0.6m)."
    Passes:
        Parts within rounding of the total; lists marked partial ("including", "of which") that fall
        short of it; parts that exceed a total stated as "more than".
    """

    code = "N201"
    name = "total-mismatch"
    severity = "warning"
    summary = "parts given against a stated total do not add up to it"

    def run(self, doc: Document) -> Iterator[Issue]:
        seen: set[int] = set()
        for breakdown in analyze_breakdowns(doc):
            whole = breakdown.whole
            if whole is None or whole.start in seen:
                continue
            issue = self._judge(doc, breakdown)
            if issue is not None:
                seen.add(whole.start)
                yield issue

    @staticmethod
    def _judge(doc: Document, breakdown: Breakdown) -> Issue | None:
        total, parts = breakdown.whole, breakdown.parts
        values = [value_in(p, total) for p in parts]
        total_sum = sum(values)
        if not total.value / 1.5 <= total_sum <= total.value * 1.5:
            return None  # parts this far from the total are parts of something else, not a slip
        over = total_sum - total.value
        # the larger of the two roundings: the total's, or the parts' added together, each part taken to
        # the finest precision the list states ("$2bn, $1.5bn and $1.4bn" are all to the hundred million)
        precisions = [slack_in(p, total) for p in parts]
        finest = min(precisions)
        parts_slack = sum(finest + (slack(p) - p.precision) * value_in(p, total) / (p.value or 1) for p in parts)
        tolerance = max(slack(total), parts_slack) + 1e-9 * abs(total.value)
        if abs(over) <= tolerance or total.bound == "min" and over > 0 or total.bound == "max" and over < 0:
            return None
        if over < 0 and (not breakdown.complete or breakdown.partial or
                         breakdown.structure not in ("spread", "named", "table") and list_is_partial(doc, parts)):
            return None
        scale = total.scale
        sums = " + ".join(fmt(v, scale) for v in values)
        message = (f"{sums} = {fmt(total_sum, scale)}, not the stated {fmt(total.value, scale)} "
                   f"({unit_label(total, scale)}): the parts {'exceed' if over > 0 else 'fall short of'} "
                   f"the total \"{text_of(doc, total)}\"")
        related = tuple(Related(p.start, p.end, f"part: {text_of(doc, p)}") for p in parts)
        return Issue(total.start, total.end, message, related=related)


class PercentSum(Check):
    """Shares of one whole add up to more than 100%, or a full breakdown is far from 100%.

    Mechanism: the breakdown analyser's breakdowns without a stated whole (shares of 100%): a list of
    shares in one sentence, single shares in consecutive sentences, list items under an announcing line,
    a table's share column; this check adds them within the precision of each share.

    What it checks:
        Runs of shares of one whole ("took 41.2% of the vote, ... 30.5%"), unless they name different
        wholes or one share is the sum of others.
    Why an editor cares:
        A vote or a budget split into more than 100% is impossible; a full breakdown ("the
        remaining 17.2%") that does not reach 100% has lost or mistyped a share.
    Fires on:
        "Of the firm's staff, 48% work in sales, 37% in production and 21% in administration."
    Passes:
        Shares that sum to 100% within rounding; changes ("up 18%"); shares of different wholes
        ("30% of trade ... 80% of settlements"); attributive percentages ("the 4% threshold").
    """

    code = "N202"
    name = "percent-sum"
    severity = "warning"
    summary = "shares of one whole add up to more than 100%, or a full breakdown is far from 100%"

    def run(self, doc: Document) -> Iterator[Issue]:
        for breakdown in analyze_breakdowns(doc):
            run = breakdown.parts
            if breakdown.whole is not None or run[0].kind != "percent":
                continue
            total = sum(q.value for q in run)
            tolerance = sum(slack(q) for q in run) + 0.05
            if total > 125 or any(q.bound == "max" for q in run):
                continue  # shares a quarter over 100% are of different wholes, not a slip in one breakdown
            if total > 100 + tolerance:
                verdict = "more than 100%"
            elif breakdown.complete and total < 100 - tolerance - 1.0 and all(q.bound == "exact" for q in run):
                verdict = "short of 100% for a full breakdown"
            else:
                continue
            sums = " + ".join(fmt(q.value) for q in run)
            message = f"{sums} = {fmt(total)}%, {verdict}: these shares of one whole cannot all be right"
            related = tuple(Related(q.start, q.end, f"share: {text_of(doc, q)}") for q in run[1:])
            yield Issue(run[0].start, run[0].end, message, related=related)


class QuantityConflict(Check):
    """The same measure of the same subject is stated twice with different values.

    Mechanism: ``restatements`` pairs figures of one kind and unit that the text ties to one quantity
    (the noun they measure, read by structure, plus "the", a shared place or the same period; or the
    same framing words) and keeps apart those of other years, places, sets, forecasts or revisions;
    this check compares their values within their precision and bounds.

    What it checks:
        Two figures in one unit that the article ties to the same thing: the same noun they
        qualify ("a NZ$400 million fund" ... "the NZ$450 million fund"), the same measure
        ("capacity of 240,000 tonnes" ... "capacity to 210,000 tonnes"), or a unit and its acronym.
    Why an editor cares:
        A restated figure that changed is a typo or an update that was applied in one place only.
    Fires on:
        "The council set up a $400 million fund ... Unions welcomed the $450 million fund."
    Passes:
        The same measure for different years, places or subjects; a change from one value to the
        other; figures within each other's rounding or bounds.
    """

    code = "N203"
    name = "quantity-conflict"
    severity = "warning"
    summary = "the same measure of the same subject is stated twice with different values"

    def run(self, doc: Document) -> Iterator[Issue]:
        reported: set[int] = set()
        for first, second, key in itertools.chain(restatements(doc), headline_restatements(doc)):
            if second.start in reported or _stated_before(doc, second):
                continue  # two earlier mentions against one restatement; or "the 2,500 homes" after "2,500 homes"
            gap = abs(first.value - second.value)
            if gap <= 1e-9 * max(1.0, abs(first.value)) or gap < (slack(first) + slack(second)) * (1 - 1e-9):
                continue  # one value as written: "$2.6bn" and "$3bn" can be; "$2bn" and "$3bn" only touch
            if first.bound == "min" and second.value > first.value or first.bound == "max" and \
                    second.value < first.value or second.bound == "min" and first.value > second.value or \
                    second.bound == "max" and first.value < second.value:
                continue
            reported.add(second.start)
            message = (f"\"{text_of(doc, second)}\" restates the {key} given earlier as "
                       f"\"{text_of(doc, first)}\"")
            yield Issue(second.start, second.end, message,
                        related=(Related(first.start, first.end, f"first stated as {text_of(doc, first)}"),))


def _stated_before(doc: Document, q: Quantity) -> bool:
    """An earlier figure of q's kind and unit has q's value: q restates that one, not a conflicting one."""
    for other in doc.quantities:
        if other.start >= q.start:
            return False
        if other.kind == q.kind and other.unit == q.unit and \
                abs(other.value - q.value) <= min(other.precision, q.precision) + 1e-9 * max(1.0, abs(q.value)):
            return True
    return False


class ArithmeticMismatch(Check):
    """A stated change, ratio, share or multiple disagrees with the figures it derives from.

    Mechanism: ``derivations`` reads each change from its from/to/by structure (a "from" figure, a "to"
    figure or the subject's, and a "by" amount, percentage, points, multiple or fraction; or two figures
    and a change stated after them in its own clause), each share with its part and whole (a named whole
    may stand earlier: "a fifth of total turnover"), and each rate with its base; this check recomputes
    the derived figure within the precision of every input.

    What it checks:
        "up 18% from $4.9bn" against the new figure; "from 8,100 to 9,300, a rise of 1,200"; "fell to 2.4% from 3.1%, a drop of 0.5
        percentage points"; "fell by a third to £150m from £300m"; "doubled to €200m from €120m";
        "€120m, a third of the total"; "$45bn, or 30% of the $100bn total"; a rate against what it
        brings in ("duties of 25% ... apply to $3.2bn of imports, so buyers pay $1.1bn in duty").
    Why an editor cares:
        A derived figure that does not follow from its inputs tells the reader something false
        even when both inputs are right.
    Fires on:
        "Sales rose from 40 to 50, a 50% increase."
    Passes:
        Derived figures within the rounding of their inputs, and loose ones ("about a third")
        within a loose tolerance.
    """

    code = "N204"
    name = "arithmetic-mismatch"
    severity = "warning"
    summary = "a stated change, ratio, share or multiple disagrees with the figures it derives from"

    def run(self, doc: Document) -> Iterator[Issue]:
        for derived, inputs, relation in derivations(doc):
            issue = self._judge(doc, derived, inputs, relation)
            if issue is not None:
                yield issue

    @staticmethod
    def _judge(doc: Document, derived: Quantity, inputs: tuple[Quantity, Quantity], relation: str) -> Issue | None:
        a, b = inputs  # change: (old, new); share/multiple: (part, whole) or (old, new)
        lo_a, hi_a = a.value - slack(a), a.value + slack(a)
        lo_b, hi_b = b.value - slack(b), b.value + slack(b)
        if min(lo_a, lo_b) <= 0:
            return None
        stated = derived.value
        stated_slack = slack(derived)
        if relation.startswith("direction"):
            direction = int(relation.split(":")[1])
            if (b.value - a.value) * direction >= -(slack(a) + slack(b)):
                return None
            verb = "rise" if direction > 0 else "fall"
            message = (f"from {text_of(doc, a)} to {text_of(doc, b)} is a {'fall' if direction > 0 else 'rise'}, "
                       f"not the {verb} the verb states")
            return Issue(derived.start, derived.end, message, related=(Related(a.start, a.end, text_of(doc, a)),))
        if relation in ("percent-change", "fraction-change"):
            low, high = (lo_b - hi_a) / hi_a * 100, (hi_b - lo_a) / lo_a * 100
            actual = (b.value - a.value) / a.value * 100
            if relation == "fraction-change":  # "fell by a third": a loose share of the old figure
                stated = stated * 100
                stated_slack = stated * (0.2 if derived.bound == "about" else 0.1)
            else:
                stated_slack += 0.5
            stated = stated * (derived.direction or (1 if actual >= 0 else -1))
            shown = f"from {text_of(doc, a)} to {text_of(doc, b)} is a change of {actual:+.1f}%"
            if a.kind == "percent" and abs(abs(b.value - a.value) - derived.value) <= derived.precision + \
                    a.precision + b.precision:
                shown += f" ({fmt(abs(b.value - a.value))} percentage points: the difference is not a percentage)"
        elif relation == "amount-change":
            low, high = lo_b - hi_a, hi_b - lo_a
            actual = b.value - a.value
            stated = stated * (derived.direction or (1 if actual >= 0 else -1))
            shown = f"{text_of(doc, b)} - {text_of(doc, a)} = {show(actual, b)}"
        elif relation == "point-change":
            low, high = lo_b - hi_a, hi_b - lo_a
            actual = b.value - a.value
            stated = stated * (derived.direction or (1 if actual >= 0 else -1))
            shown = f"from {text_of(doc, a)} to {text_of(doc, b)} is {actual:+.2f}".rstrip("0").rstrip(".") + \
                    " percentage points"
        elif relation == "multiple":
            low, high = lo_b / hi_a, hi_b / lo_a
            actual = b.value / a.value
            stated_slack = stated * (0.2 if derived.bound == "about" else 0.1)
            shown = f"{text_of(doc, b)} / {text_of(doc, a)} = {actual:.2f}"
        elif relation == "rate":  # a is the base, b the rate; the derived figure is what the rate brings in
            low, high = lo_a * (b.value - slack(b)) / 100, hi_a * (b.value + slack(b)) / 100
            actual = a.value * b.value / 100
            scale = derived.scale
            shown = f"{text_of(doc, b)} of {text_of(doc, a)} is {show(actual, derived)}"
        else:  # share: a is the part, b the whole; stated is a fraction or a percent
            scale = 100.0 if derived.kind == "percent" else 1.0
            low, high = lo_a / hi_b * scale, hi_a / lo_b * scale
            actual = a.value / b.value * scale
            loose = 0.2 if (derived.bound == "about" or a.bound == "about") else 0.1
            stated_slack = max(stated_slack, stated * loose) if derived.kind == "fraction" else stated_slack + 0.5
            unit = "%" if derived.kind == "percent" else ""
            shown = f"{text_of(doc, a)} / {text_of(doc, b)} = {actual:.3g}{unit}"
        if low - stated_slack <= stated <= high + stated_slack:
            return None
        message = f"{shown}, not the stated \"{text_of(doc, derived)}\""
        related = (Related(a.start, a.end, text_of(doc, a)), Related(b.start, b.end, text_of(doc, b)))
        return Issue(derived.start, derived.end, message, related=related)


class CountMismatch(Check):
    """A count disagrees with the items listed.

    Mechanism: ``analyze_enumerations`` reads a count (digits, number words, collective nouns such as
    "trio") and the list it announces behind a colon, a dash, brackets, an apposition or in the next
    sentence, split by the list's own punctuation (a serial "and" closes it); this check compares the
    two, unless the list says it is partial ("including") or its items cannot be told apart.

    What it checks:
        A count followed by the items it announces behind a colon or a dash ("the eight
        governments: Denmark, Estonia, ..."), or in the next sentence ("named four new players.
        The newcomers are ..."), counting serial commas, "as well as", nested brackets and names
        that contain "and".
    Why an editor cares:
        A list that is one short of its count usually lost a name in editing.
    Fires on:
        "The five flagship missions: a Mars probe, a lunar rover and an asteroid sampler."
    Passes:
        Lists marked partial ("including", "such as") that are shorter than the count; lists whose
        items cannot be told apart for certain; a list in the next sentence that is more than one
        item off (it may name a subset).
    """

    code = "N205"
    name = "count-mismatch"
    severity = "warning"
    summary = "a count disagrees with the items listed"

    def run(self, doc: Document) -> Iterator[Issue]:
        for e in analyze_enumerations(doc):
            count = int(e.count.value)
            listed = len(e.items)
            if listed == count or e.ambiguous == "split" or e.ambiguous == "long" and listed > count or (
                    e.partial and listed < count):
                continue
            if e.following and abs(listed - count) != 1:
                continue  # a list in the next sentence may name a subset; only a list one off is a slip
            names = ", ".join(doc.text[a:b] for a, b in e.items)
            message = f"\"{text_of(doc, e.count)}\" announced, but {listed} listed: {names}"
            related = tuple(Related(a, b, f"item {i + 1}") for i, (a, b) in enumerate(e.items))
            yield Issue(e.count.start, e.count.end, message, related=related)


class ComparisonMismatch(Check):
    """A comparative or superlative contradicts the figures.

    Mechanism: ``analyze_comparisons`` finds superlatives and comparatives by morphology ("-est", "most",
    "-er than", "out-" verbs) with the direction of a table of gradable adjectives, binds each to its
    figure in its clause in either order, and finds the figures it is measured against (the same kind
    and unit in its paragraph, or the "three" it names); this check compares them.

    What it checks:
        A superlative set beside a figure ("the largest award, $6 million") or said of a name
        ("Leiden, which won the smallest of the four awards") against the other figures of
        the same unit around it; a comparative ("surpassed the peak of 13.1 million", "ahead of
        Russia at $66bn") against the figure it compares; a margin between two timed results ("27
        seconds slower, in 2:03:14") against the times.
    Why an editor cares:
        Calling the second-largest item the largest is a factual error readers can check.
    Fires on:
        "The biggest of the three, the 360 MW farm ... the Barcaldine farm, at 410 MW."
    Passes:
        Superlatives that the figures bear out; comparisons across different units.
    """

    code = "N206"
    name = "comparison-mismatch"
    severity = "warning"
    summary = "a comparative or superlative contradicts the figures"

    def run(self, doc: Document) -> Iterator[Issue]:
        superlatives, comparisons = analyze_comparisons(doc)
        for sup in superlatives:
            found = superlative_peers(doc, sup)
            if found is None:
                continue
            stated, peers = found
            beaten = [p for p in peers if (p.value - stated.value) * sup.direction > loose(p) + loose(stated)]
            if not beaten:
                continue
            worst = max(beaten, key=lambda p: p.value * sup.direction)
            word = doc.text[sup.start:sup.end]
            message = (f"\"{word}\" is {figure(doc, stated)}, but {figure(doc, worst)} is "
                       f"{'larger' if sup.direction > 0 else 'smaller'}")
            related = (Related(stated.start, stated.end, figure(doc, stated)),) + tuple(
                Related(p.start, p.end, figure(doc, p)) for p in beaten)
            yield Issue(sup.start, sup.end, message, related=related)
        for m in analyze_margins(doc):
            gap = m.figure.value - m.reference.value
            if abs(gap - m.direction * m.margin.value) <= m.figure.precision + m.reference.precision + \
                    m.margin.precision + loose(m.margin):
                continue
            word = doc.text[m.start:m.end]
            message = (f"\"{word}\" than {text_of(doc, m.reference)}, but {text_of(doc, m.figure)} is "
                       f"{abs(gap):g} seconds {'slower' if gap > 0 else 'faster'}")
            yield Issue(m.start, m.end, message, related=(
                Related(m.figure.start, m.figure.end, text_of(doc, m.figure)),
                Related(m.reference.start, m.reference.end, text_of(doc, m.reference))))
        for c in comparisons:
            difference = (c.left.value - c.right.value) * c.direction
            if difference >= -(loose(c.left) + loose(c.right)):
                continue
            verb = doc.text[c.start:c.end]
            message = (f"{figure(doc, c.left)} {verb} {figure(doc, c.right)}? "
                       f"{figure(doc, c.left)} is {'smaller' if c.direction > 0 else 'larger'}")
            yield Issue(c.start, c.end, message, related=(Related(c.left.start, c.left.end, text_of(doc, c.left)),
                                                          Related(c.right.start, c.right.end,
                                                                  text_of(doc, c.right))))
