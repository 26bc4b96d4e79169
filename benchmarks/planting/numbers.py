"""Number errors (N201–N206), planted on the article's own figures.

Real breakdowns, share splits and comparisons between two stated figures are rare in news copy,
so besides the kinds that edit the article's own material, several kinds add one short sentence
that divides, shares or compares one of the article's figures among the article's own places,
organisations or people; their descriptions say so. Inserted figures keep the article's units
and scale ("£1.2bn", "26.4 mln dlrs", "5 pct") and are wrong by far more than rounding.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .core import Article, Draft, kind, shuffled
from .entities import COUNTRIES, capitalise, cities, countries, names_for, people
from .figures import SCALES, Figure, find_figures, format_number, noun_after, noun_phrase, same_kind, step

_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve"]


def _figures(article: Article) -> list[Figure]:
    cached = getattr(article, "_figures", None)
    if cached is None:
        cached = article._figures = find_figures(article.text)
    return cached


def _percent_word(article: Article) -> str:
    """How the article writes a percentage: '%', ' pct', ' per cent' or ' percent'."""
    for form, pattern in ((" pct", r"\d pct\b"), (" per cent", r"\d per cent\b"), (" percent", r"\d percent\b"), ("%", r"\d%")):
        if re.search(pattern, article.text):
            return form
    return "%"


def _write(value: Decimal, like: Figure) -> str:
    """A figure written like `like`: currency sign, scale word and unit."""
    number = format_number(value, like)
    m = re.match(r"(?P<cur>US\$|C\$|A\$|NZ\$|HK\$|\$|£|€)?", like.written)
    cur = m.group("cur") or ""
    rest = like.written[like.num_span[1] - like.start:]
    return f"{cur}{number}{rest}"


def _amounts(article: Article, *, min_value: int = 20) -> list[Figure]:
    """Money figures and counts with a noun, not shares, in the body, outside quotations."""
    out = []
    if not article.body:
        return out
    for f in _figures(article):
        if f.unit == "%" or f.value < min_value or f.start < article.body[0].start:
            continue
        sentence = article.sentence_at(f.start)
        if '"' in article.text[sentence.start:sentence.end]:
            continue
        if article.text[f.end:f.end + 1] == "-" or re.match(r"\s?(?:a|per|each)\s", article.text[f.end:f.end + 6]):
            continue          # "530 pence-a-share", "£10 a head": a rate, not an amount
        if f.unit == "" and (noun_after(article.text, f) in _NOT_COUNTED or noun_phrase(article.text, f) is None):
            continue
        if f.unit == "" and not f.scale and f.value < 100:
            continue
        out.append(f)
    return out


_NOT_COUNTED = {None, "per", "and", "to", "or", "in", "of", "a", "the", "pence", "cents", "points", "percent",
                "years", "year", "months", "days", "weeks", "hours", "minutes", "seconds", "times", "miles",
                "km", "metres", "feet", "degrees", "am", "pm", "p", "on", "at", "by", "from", "with", "for"}


def _whole(article: Article, f: Figure) -> str:
    """How a template names the whole a figure is: '£1.35bn', '650 seats'."""
    noun = noun_phrase(article.text, f) if f.unit == "" else None
    return f"{f.written} {noun}" if noun else f.written


# Counts an invented split or comparison may divide without absurdity (never deaths or victims).
_NEUTRAL_COUNTS = {"jobs", "members", "seats", "votes", "signatures", "homes", "houses", "cars", "vehicles", "shares",
                   "customers", "subscribers", "passengers", "visitors", "students", "staff", "workers", "employees",
                   "stores", "shops", "branches", "flights", "tickets", "copies", "units", "users", "applications",
                   "businesses", "companies", "firms", "schools", "projects", "contracts", "orders", "sales", "tonnes",
                   "barrels", "computers", "phones", "websites", "sites", "posts", "places", "beds", "properties"}


def _insertable(article: Article) -> list[Figure]:
    """The amounts an inserted sentence may divide, share or compare: money, and counts of things
    such a sentence can split among places or people without absurdity."""
    out = []
    for f in _amounts(article):
        if f.unit:
            out.append(f)
        else:
            noun = noun_phrase(article.text, f)
            if noun and noun.split()[-1] in _NEUTRAL_COUNTS:
                out.append(f)
    return out


def _split(total: Decimal, parts: int, unit: Decimal, rng) -> list[Decimal]:
    """`parts` positive multiples of `unit` that add up to total (a plausible breakdown)."""
    steps = int(total / unit)
    if steps < parts * 3:
        return []
    cuts = sorted(rng.sample(range(1, steps), parts - 1))
    bounds = [0] + cuts + [steps]
    out = [Decimal(b - a) * unit for a, b in zip(bounds, bounds[1:])]
    return out if all(o > 0 for o in out) else []


def _grain(total: Figure) -> Decimal:
    """The unit parts of this total are written in: its last digit, coarsened to two or three
    significant digits so the parts look like news figures."""
    grain = step(total)
    while total.value / grain > 400:
        grain *= 10
    return grain


def _inflate(parts: list[Decimal], total: Decimal, grain: Decimal, rng) -> tuple[list[Decimal], int]:
    """Parts whose sum exceeds the total by 12–35%: one part made larger."""
    i = rng.randrange(len(parts))
    extra = max(grain, (total * Decimal(rng.choice((12, 15, 20, 25, 35))) / 100 / grain).quantize(Decimal(1)) * grain)
    out = list(parts)
    out[i] += extra
    return out, i


def _sentence_end(article: Article, pos: int) -> int | None:
    sentence = article.sentence_at(pos)
    return sentence.end if article.text[sentence.end - 1] == "." else None


# --- N201 total-mismatch ----------------------------------------------------------------------

_BREAKDOWN_CUE = re.compile(r"(?:of which|including|made up of|split (?:between|into)|comprising|consisting of|on top of|"
                            r"divided (?:between|into)|broken down|breaks down|:|—|–| - |\bwhile\b|\band\b|,)", re.I)


def _real_breakdowns(article: Article):
    """A total and two to five parts of the same kind in its sentence or the next that add up to
    it within the rounding of the figures as written, with at least one part after the total."""
    text = article.text
    sentences = article.sentences
    for i, s in enumerate(sentences):
        end = sentences[i + 1].end if i + 1 < len(sentences) and sentences[i + 1].para == s.para else s.end
        figures = [f for f in find_figures(text, s.start, end) if f.unit != "%"]
        for t in figures:
            if t.start >= s.end:
                continue
            parts = [f for f in figures if f is not t and same_kind(f, t) and 0 < f.value < t.value and f.start > t.end]
            for k in range(min(5, len(parts)), 1, -1):
                chosen = parts[:k]
                tolerance = sum(step(f) for f in chosen) / 2 + step(t) / 2
                if abs(sum(f.value for f in chosen) - t.value) > tolerance:
                    continue
                between = text[t.end:chosen[0].start]
                if not _BREAKDOWN_CUE.search(between) or re.search(r"\b(?:from|to|up|down|rose|fell|than)\b", text[t.start - 12:chosen[-1].end]):
                    continue
                yield t, chosen
                break


@kind("N201")
def real_breakdown_part_changed(article: Article, rng):
    """A part of a breakdown the article gives is changed: '$850m ... a charge of $618m ... the $232m charge' with $618m made $718m."""
    for total, parts in _real_breakdowns(article):
        part = rng.choice(parts)
        delta = max(step(part), (total.value * Decimal(rng.choice((10, 15, 20))) / 100 / step(part)).quantize(Decimal(1)) * step(part))
        new = part.value + delta
        draft = Draft(article)
        draft.replace(*part.num_span, format_number(new, part))
        why = (f"The parts ({', '.join(_write(p.value if p is not part else new, p) for p in parts)}) add up to "
               f"{_write(sum(p.value for p in parts) + delta, total)}, not the stated {total.written}.")
        yield draft.plant(why, [(total.start, total.end), (part.start, part.end)])


@kind("N201")
def real_breakdown_total_changed(article: Article, rng):
    """The total of a breakdown the article gives is changed: '800 parents ... 24 ... 776' with 800 made 900."""
    for total, parts in _real_breakdowns(article):
        delta = max(step(total), (total.value * Decimal(rng.choice((12, 20, 25))) / 100 / step(total)).quantize(Decimal(1)) * step(total))
        new = total.value + delta * rng.choice((1, -1)) if total.value - delta > max(p.value for p in parts) else total.value + delta
        draft = Draft(article)
        draft.replace(*total.num_span, format_number(new, total))
        why = (f"The parts ({', '.join(p.written for p in parts)}) add up to {total.written}, "
               f"not the stated {_write(new, total)}.")
        yield draft.plant(why, [(total.start, total.end), (parts[0].start, parts[-1].end)])


def _inserted_breakdown(article, rng, templates, count, *, next_paragraph=False):
    """After the sentence of one of the article's amounts, a sentence dividing it among the
    article's own names (or halves of the year) with parts that exceed it."""
    for total in shuffled(_insertable(article), rng):
        end = _sentence_end(article, total.start)
        if end is None:
            continue
        grain = _grain(total)
        parts = _split(total.value, count, grain, rng)
        if not parts:
            continue
        parts, _ = _inflate(parts, total.value, grain, rng)
        names = names_for(article, count, rng)
        usable = [t for t in templates if names or "{n1}" not in t]
        if not usable:
            continue
        template = rng.choice(usable)
        whole = _whole(article, total)
        values = [_write(p, total) for p in parts]
        fill = {"t": whole, "a": values[0], "b": values[1], "c": values[2] if count > 2 else "",
                "n1": names[0] if names else "", "n2": names[1] if names else "", "n3": names[2] if names and count > 2 else ""}
        sentence = capitalise(template.format(**fill))
        draft = Draft(article)
        if next_paragraph:
            para = article.para_at(total.start)
            if para.index + 1 >= len(article.paras):
                continue
            nxt = article.paras[para.index + 1]
            if article.text[nxt.end - 1] != ".":
                continue
            index = draft.insert(nxt.end, " " + sentence)
        else:
            index = draft.insert(end, " " + sentence)
        why = (f"The parts ({', '.join(values)}) add up to {_write(sum(parts), total)}, more than the "
               f"{total.written} they divide.")
        yield draft.plant(why, [(total.start, total.end), index])


@kind("N201")
def inserted_split_between_two(article: Article, rng):
    """(inserted) One of the article's amounts split between two of its names that exceed it: 'Of the £160m, £95m came from Britain and £88m from France.'."""
    templates = ("Of the {t}, {a} came from {n1} and {b} from {n2}.", "The {t} is split between {n1}, with {a}, and {n2}, with {b}.",
                 "Of that {t}, {a} came in the first six months and {b} in the rest of the year.",
                 "That {t} breaks down into {a} for {n1} and {b} for {n2}.")
    yield from _inserted_breakdown(article, rng, templates, 2)


@kind("N201")
def inserted_list_of_three(article: Article, rng):
    """(inserted) An amount of the article divided three ways after a colon: 'The £2.4bn breaks down as follows: £1.1bn for London, £0.9bn for Paris and £0.7bn for Berlin.'."""
    templates = ("The {t} breaks down as follows: {a} for {n1}, {b} for {n2} and {c} for {n3}.",
                 "Of the {t}, {n1} accounts for {a}, {n2} for {b} and {n3} for {c}.",
                 "The {t} is made up of {a} from {n1}, {b} from {n2} and {c} from {n3}.")
    yield from _inserted_breakdown(article, rng, templates, 3)


@kind("N201")
def inserted_parts_then_total(article: Article, rng):
    """(inserted) Parts first, then the article's amount as their total: '£70m went to Leeds and £95m to York, £160m in all.'."""
    templates = ("{a} went to {n1}, {b} to {n2} and {c} to {n3}, making {t} in all.",
                 "With {a} for {n1}, {b} for {n2} and {c} for {n3}, the total comes to {t}.",
                 "{n1} took {a} and {n2} {b}, for a combined {t}.")
    for plant in _inserted_breakdown(article, rng, templates, 3):
        yield plant
    for plant in _inserted_breakdown(article, rng, templates[2:], 2):
        yield plant


@kind("N201")
def inserted_breakdown_next_paragraph(article: Article, rng):
    """(inserted) The parts a paragraph later than the total: '... 6,000 jobs.' / '... Of the 6,000 jobs, 3,900 are in Birmingham and 2,800 in Coventry.'."""
    templates = ("Of the {t}, {a} are accounted for by {n1} and {b} by {n2}.", "Of the {t}, {a} relate to {n1} and {b} to {n2}.")
    yield from _inserted_breakdown(article, rng, templates, 2, next_paragraph=True)


@kind("N201")
def inserted_sum_of_two_article_figures(article: Article, rng):
    """(inserted) Two figures of one sentence of the article added up wrongly: '... £160m ... £300m.' + 'Together that makes £520m.'."""
    templates = ("Together the two make {t}.", "Taken together, the two come to {t}.", "Combined, the two figures come to {t}.")
    text = article.text
    for sentence in article.sentences:
        body = text[sentence.start:sentence.end]
        figs = [f for f in find_figures(text, sentence.start, sentence.end) if f.unit != "%"]
        if len(figs) != 2 or '"' in body or re.search(r"\b(?:per|each|a\sshare|average|price|prices|rate|cost)\b", body):
            continue
        for a, b in zip(figs, figs[1:]):
            if not same_kind(a, b) or a.scale != b.scale or not (a.scale or a.unit == "" and _head(article, a) and _head(article, a) == _head(article, b)):
                continue
            if re.search(r"\b(?:from|to|than|compared|against|versus|up|down|rose|fell|between)\b", text[a.end:b.start]):
                continue
            right = a.value + b.value
            wrong = right + max(step(a), (right * Decimal(rng.choice((10, 15, 20))) / 100 / step(a)).quantize(Decimal(1)) * step(a))
            end = sentence.end if text[sentence.end - 1] == "." else None
            if end is None:
                continue
            like = a if a.decimals >= b.decimals else b
            draft = Draft(article)
            index = draft.insert(end, " " + rng.choice(templates).format(t=_write(wrong, like)))
            why = f"{a.written} and {b.written} add up to {_write(right, like)}, not {_write(wrong, like)}."
            yield draft.plant(why, [(a.start, b.end), index])


# --- N202 percent-sum -------------------------------------------------------------------------

def _shares(article: Article, start: int, end: int) -> list[Figure]:
    return [f for f in find_figures(article.text, start, end) if f.unit == "%"]


_CHANGE_WORDS = re.compile(
    r"\b(?:up|down|rose|rise|rising|fell|fall|falling|dropped|drop|grew|grown|growth|gained|gain|lost|jumped|"
    r"increase[ds]?|decrease[ds]?|declined?|slipped|slumped|climbed|cut|raised|higher|lower|from|by|to|rate|rates|"
    r"interest|inflation|top|bottom|richest|poorest|than|more|less|margin|stake|tax|vat|yield|forecast)\b", re.I)


def _real_share_sets(article: Article):
    """Two to five shares in one sentence that add up to 100 within rounding, in a sentence with no
    change, rate or comparison in it: a full split of one whole ('52% voted Leave and 48% Remain')."""
    text = article.text
    for sentence in article.sentences:
        shares = _shares(article, sentence.start, sentence.end)
        if not 2 <= len(shares) <= 5:
            continue
        total = sum(f.value for f in shares)
        tolerance = Decimal("0.5") * len(shares) + (Decimal(1) if any(f.decimals == 0 for f in shares) else 0)
        if abs(total - 100) > tolerance:
            continue
        if _CHANGE_WORDS.search(text, sentence.start, sentence.end) or '"' in text[sentence.start:sentence.end]:
            continue
        yield sentence, shares


@kind("N202")
def real_shares_pushed_over(article: Article, rng):
    """One share of a full breakdown the article gives is raised past 100% in all: 'Remain 48%, Leave 52%' becomes 'Remain 48%, Leave 62%'."""
    for sentence, shares in _real_share_sets(article):
        target = rng.choice(shares)
        bump = Decimal(rng.choice((8, 10, 12, 15)))
        new = target.value + bump
        draft = Draft(article)
        draft.replace(*target.num_span, format_number(new, target))
        total = sum(f.value for f in shares) + bump
        why = f"The shares of one whole add up to {total.normalize():f}% after '{target.written}' became '{format_number(new, target)}%'."
        yield draft.plant(why, [(shares[0].start, shares[-1].end)])


@kind("N202")
def real_shares_far_short(article: Article, rng):
    """A share of a full split is cut so the whole is far from 100%: 'backed by 64%, opposed by 36%' becomes 'backed by 44%, opposed by 36%'."""
    for sentence, shares in _real_share_sets(article):
        target = max(shares, key=lambda f: f.value)
        cut = Decimal(rng.choice((15, 20, 25)))
        if target.value - cut <= 0:
            continue
        new = target.value - cut
        draft = Draft(article)
        draft.replace(*target.num_span, format_number(new, target))
        total = sum(f.value for f in shares) - cut
        why = (f"The shares read as a full split of one whole ({', '.join(f.written for f in shares)}) but, "
               f"with '{format_number(new, target)}', add up to only {total.normalize():f}%.")
        yield draft.plant(why, [(shares[0].start, shares[-1].end)])


def _share_values(parts: int, rng, over: bool = True) -> list[int]:
    """Whole-number shares that add up to well over 100 (by 8 to 25 points)."""
    while True:
        values = sorted((rng.randint(5, 60) for _ in range(parts)), reverse=True)
        total = sum(values)
        if over and 108 <= total <= 125:
            return values


def _inserted_shares(article, rng, templates, parts, need_names=True):
    """After the sentence of one of the article's amounts (or, for survey answers, any paragraph),
    shares of it given to the article's names that add up to well over 100%."""
    pct = _percent_word(article)
    sites = [(f, _sentence_end(article, f.start)) for f in shuffled(_insertable(article), rng)] if need_names else \
        [(None, p.end) for p in shuffled(article.body, rng) if article.text[p.end - 1] == "."]
    for total, end in sites:
        if end is None:
            continue
        names = names_for(article, parts, rng) if need_names else []
        if need_names and not names:
            return
        values = _share_values(parts, rng)
        fill = {f"v{i + 1}": f"{v}{pct}" for i, v in enumerate(values)}
        fill.update({f"n{i + 1}": n for i, n in enumerate(names or [])})
        fill["t"] = _whole(article, total) if total else ""
        sentence = capitalise(rng.choice(templates).format(**fill))
        draft = Draft(article)
        index = draft.insert(end, " " + sentence)
        why = f"The shares {', '.join(fill[f'v{i + 1}'] for i in range(parts))} of one whole add up to {sum(values)}%."
        spans = [index] + ([(total.start, total.end)] if total else [])
        yield draft.plant(why, spans)


@kind("N202")
def inserted_survey_answers(article: Article, rng):
    """(inserted) Answers to one question that add up to more than 100%: 'In a poll, 48% agreed, 41% disagreed and 19% were unsure.'."""
    templates = ("In a poll of readers, {v1} agreed, {v2} disagreed and {v3} were unsure.",
                 "Asked about it, {v1} said yes, {v2} said no and {v3} did not know.",
                 "A survey found {v1} in favour, {v2} against and {v3} undecided.")
    yield from _inserted_shares(article, rng, templates, 3, need_names=False)


@kind("N202")
def inserted_shares_of_names(article: Article, rng):
    """(inserted) Shares of one of the article's amounts given to its names that exceed 100%: 'Of the £2bn, Germany takes 44%, France 38% and Italy 27%.'."""
    templates = ("Of the {t}, {n1} takes {v1}, {n2} {v2} and {n3} {v3}.",
                 "By share of the {t}, {n1} has {v1}, {n2} {v2} and {n3} {v3}.",
                 "{n1} accounts for {v1} of the {t}, {n2} for {v2} and {n3} for {v3}.")
    yield from _inserted_shares(article, rng, templates, 3)


@kind("N202")
def inserted_shares_with_remainder(article: Article, rng):
    """(inserted) A split of an amount closed by 'the remaining' share that overshoots: '52% of the £2bn went to Leeds, 37% to York and the remaining 21% to Hull.'."""
    templates = ("{v1} of the {t} went to {n1}, {v2} to {n2} and the remaining {v3} to {n3}.",
                 "{n1} received {v1} of the {t} and {n2} {v2}, with the remaining {v3} going to {n3}.")
    yield from _inserted_shares(article, rng, templates, 3)


@kind("N202")
def inserted_two_way_split(article: Article, rng):
    """(inserted) A two-way split that cannot be: 'The motion was backed by 61% and opposed by 47%.'."""
    pct = _percent_word(article)
    templates = ("The proposal was backed by {a} and opposed by {b}.", "Support stood at {a} against {b} opposed.",
                 "{a} voted in favour and {b} against.")
    for para in shuffled(article.body, rng):
        if article.text[para.end - 1] != "." or not _shares(article, para.start, para.end):
            continue
        a = rng.randint(45, 70)
        b = 100 - a + rng.choice((8, 10, 12, 15))
        sentence = capitalise(rng.choice(templates).format(a=f"{a}{pct}", b=f"{b}{pct}"))
        draft = Draft(article)
        index = draft.insert(para.end, " " + sentence)
        yield draft.plant(f"{a}% in favour and {b}% against add up to {a + b}%.", [index])


@kind("N202")
def inserted_shares_across_sentences(article: Article, rng):
    """(inserted) Shares of one whole spread over two sentences: '55% of the funds went to roads. A further 30% went to rail and 25% to ports.'."""
    pct = _percent_word(article)
    for para in shuffled(article.body, rng):
        if article.text[para.end - 1] != ".":
            continue
        names = names_for(article, 3, rng)
        if not names:
            return
        values = _share_values(3, rng)
        a, b, c = (f"{v}{pct}" for v in values)
        money = next((_whole(article, f) for f in _insertable(article) if para.start <= f.start < para.end), "total")
        text = rng.choice((f"{a} of the {money} goes to {names[0]}. A further {b} goes to {names[1]}, and {c} to {names[2]}.",
                           f"{capitalise(names[0])} gets {a} of the {money}. {capitalise(names[1])} gets another {b}, and {names[2]} the other {c}."))
        draft = Draft(article)
        index = draft.insert(para.end, " " + capitalise(text))
        yield draft.plant(f"The three shares of one total ({a}, {b}, {c}) add up to {sum(values)}%.", [index])


# --- N203 quantity-conflict -------------------------------------------------------------------

_STOP_HEADS = {"a", "an", "the", "of", "in", "to", "and", "or", "for", "on", "at", "by", "from", "with", "per",
               "year", "years", "months", "days", "weeks", "times", "more", "less", "than", "over", "about",
               "as", "is", "was", "were", "are", "it", "its", "this", "that", "last", "next", "each", "be",
               "new", "extra", "additional", "other", "annual", "total", "worth", "net", "pre", "gross", "so",
               "a", "up", "down", "rise", "fall", "increase", "cut", "drop", "jump", "chapter", "point", "points"}
_NP_END = re.compile(r"(?=[,.;:)]|\s(?:of|in|to|for|on|at|by|from|with|is|was|were|are|has|had|have|will|would|could|"
                     r"and|but|which|that|who|it|as|after|before|since|this|last|next|over|under|said)\b)")


def _head(article: Article, f: Figure) -> str | None:
    """The noun a figure qualifies, when it ends its noun phrase: 'a $400m fund,', '2,000 jobs in'."""
    m = re.match(r"\s(?P<noun>[a-z]{3,})", article.text[f.end:f.end + 30])
    if not m or m.group("noun") in _STOP_HEADS or m.group("noun").endswith("ly") or not _NP_END.match(article.text, f.end + m.end()):
        return None
    return m.group("noun")


def _slipped(f: Figure, rng) -> Decimal | None:
    """Another value one slip from f's: a leading digit changed, by a clear margin."""
    digits = format_number(f.value, f)
    plain = digits.replace(",", "")
    lead = next((i for i, ch in enumerate(plain) if ch.isdigit() and ch != "0"), None)
    if lead is None:
        return None
    options = [d for d in "123456789" if d != plain[lead]]
    new = plain[:lead] + rng.choice(options) + plain[lead + 1:]
    value = Decimal(new) * (SCALES[f.scale] if f.scale else 1)
    return value if value != f.value else None


def _only_head(article: Article, f: Figure, head: str) -> bool:
    """No other figure of the article qualifies the same noun."""
    return sum(1 for g in _figures(article) if g is not f and _head(article, g) == head) == 0


@kind("N203")
def repeated_figure_changed(article: Article, rng):
    """A figure stated again by back-reference is changed once: 'a $300m settlement' ... 'the $300m settlement' becomes 'the $500m settlement'."""
    figures = [f for f in _figures(article) if f.start > article.body[0].start] if article.body else []
    for i, a in enumerate(figures):
        head = _head(article, a)
        if head is None:
            continue
        for b in figures[i + 1:]:
            if b.written != a.written or _head(article, b) != head:
                continue
            if not re.search(r"\b(?:the|that|this|its|their)\s$", article.text[max(0, b.start - 7):b.start]):
                continue
            target = rng.choice((a, b))
            new = _slipped(target, rng)
            if new is None:
                continue
            draft = Draft(article)
            draft.replace(*target.num_span, format_number(new, target))
            why = f"The {head} is {a.written} in one place and {_write(new, target)} in the other."
            yield draft.plant(why, [(a.start, a.end + 1 + len(head)), (b.start, b.end + 1 + len(head))])
            break


def _later_bare_mentions(article: Article, f: Figure, head: str):
    sentence = article.sentence_at(f.start)
    for m in re.finditer(rf"\bthe\s{re.escape(head)}\b(?!-)", article.text):
        if m.start() > sentence.end and _NP_END.match(article.text, m.end()):
            around = article.text[max(0, m.start() - 30):m.end() + 30]
            if not find_figures(around):
                yield m


@kind("N203")
def later_mention_gains_other_figure(article: Article, rng):
    """A later 'the fund' of an article's 'a $400m fund' becomes 'the $450m fund'."""
    for f in _amounts(article):
        head = _head(article, f)
        if head is None or not _only_head(article, f, head):
            continue
        for m in _later_bare_mentions(article, f, head):
            new = _slipped(f, rng)
            if new is None:
                continue
            draft = Draft(article)
            index = draft.insert(m.start() + 4, _write(new, f) + " ")
            why = f"The {head} is {f.written} here and {_write(new, f)} later."
            yield draft.plant(why, [(f.start, f.end), index])
            break


_OTHER_FORMS = {"bn": ("billion",), "billion": ("bn",), "m": ("million",), "million": ("m",), "mln": ("million",)}
_ECHO = ("The {x} {noun} was confirmed later.", "That {x} {noun} has not been disputed.",
         "The {x} {noun} is at the centre of the story.", "Much depends on the {x} {noun}.")
_ECHO_PLURAL = ("The {x} {noun} were confirmed later.", "Those {x} {noun} have not been disputed.",
                "The {x} {noun} are at the centre of the story.", "Much depends on the {x} {noun}.")


def _echo(rng, x: str, noun: str) -> str:
    return rng.choice(_ECHO_PLURAL if noun.endswith("s") else _ECHO).format(x=x, noun=noun)


@kind("N203")
def restated_in_other_form(article: Article, rng):
    """A later sentence restates an amount and its noun in another form and value: 'a $1.2bn deal' ... 'The $1.4 billion deal was confirmed later.'."""
    for f in shuffled(_amounts(article), rng):
        head = _head(article, f)
        if not f.scale or f.scale not in _OTHER_FORMS or head is None or not _only_head(article, f, head):
            continue
        new = _slipped(f, rng)
        if new is None:
            continue
        scale = rng.choice(_OTHER_FORMS[f.scale])
        number = format_number(new, f)
        cur = re.match(r"(?:US\$|C\$|A\$|NZ\$|HK\$|\$|£|€)?", f.written).group(0)
        rest = f.written[f.num_span[1] - f.start:].replace(f.scale, "", 1).strip()
        x = f"{cur}{number}{' ' if scale in ('billion', 'million') else ''}{scale}" + (f" {rest}" if rest else "")
        para = article.para_at(f.start)
        later = [p for p in article.body if p.index > para.index and article.text[p.end - 1] == "."]
        if not later:
            continue
        draft = Draft(article)
        index = draft.insert(rng.choice(later).end, " " + _echo(rng, x, head))
        why = f"The {head} is {f.written} here and is restated later as {x}."
        yield draft.plant(why, [(f.start, f.end), index])


@kind("N203")
def headline_figure_changed(article: Article, rng):
    """A figure of the headline that the body repeats is changed in the headline: 'BA profits fall to £170m' over '£170m' in the body."""
    headline = article.paras[0]
    for f in find_figures(article.text, headline.start, headline.end):
        if f.unit == "" and not f.scale:
            continue
        again = [g for g in _figures(article) if g.start > headline.end and g.written == f.written]
        if len(again) != 1:
            continue
        new = _slipped(f, rng)
        if new is None:
            continue
        draft = Draft(article)
        draft.replace(*f.num_span, format_number(new, f))
        why = f"The headline gives {_write(new, f)}, the body {f.written}."
        yield draft.plant(why, [(headline.start, headline.end), (again[0].start, again[0].end)])


@kind("N203")
def count_restated_differently(article: Article, rng):
    """A count with its noun restated later with another number: '6,000 jobs' ... 'Those 6,500 jobs have not been disputed.'."""
    for f in shuffled(_amounts(article), rng):
        if f.unit != "" or f.scale:
            continue
        noun = _head(article, f)
        if noun is None or not noun.endswith("s") or not _only_head(article, f, noun):
            continue
        new = _slipped(f, rng)
        if new is None:
            continue
        para = article.para_at(f.start)
        later = [p for p in article.body if p.index > para.index and article.text[p.end - 1] == "."]
        if not later:
            continue
        draft = Draft(article)
        x = format_number(new, f)
        index = draft.insert(rng.choice(later).end, " " + _echo(rng, x, noun))
        why = f"The {noun} are {f.written} in one place and {x} in another."
        yield draft.plant(why, [(f.start, f.end + 1 + len(noun)), index])


@kind("N203")
def share_restated_differently(article: Article, rng):
    """A share with its noun stated again with another value: 'a 5% stake' ... 'the 8% stake' (a later 'the stake', or a sentence added later)."""
    for f in shuffled([g for g in _figures(article) if g.unit == "%"], rng):
        noun = _head(article, f)
        if noun is None or not _only_head(article, f, noun):
            continue
        new = f"{format_number(f.value + Decimal(rng.choice((2, 3, 4, 5))), f)}{f.written[f.num_span[1] - f.start:]}"
        why = f"The {noun} is {f.written} here and {new} later."
        draft = Draft(article)
        mention = next(_later_bare_mentions(article, f, noun), None)
        if mention is not None:
            index = draft.insert(mention.start() + 4, f"{new} ")
        else:
            para = article.para_at(f.start)
            later = [p for p in article.body if p.index > para.index and article.text[p.end - 1] == "."]
            if not later:
                continue
            index = draft.insert(rng.choice(later).end, " " + _echo(rng, new, noun))
        yield draft.plant(why, [(f.start, f.end), index])


# --- N204 arithmetic-mismatch -----------------------------------------------------------------

_UP = r"rose|rising|increased|grew|climbed|jumped|gained|soared|surged|advanced|up|raised|boosted|lifted|higher"
_DOWN = r"fell|falling|decreased|dropped|declined|slipped|slumped|shrank|lost|down|cut|lowered|reduced|shed|dipped|lower|eased"
_OPPOSITE = {"rose": "fell", "fell": "rose", "increased": "decreased", "decreased": "increased", "grew": "shrank",
             "shrank": "grew", "climbed": "dropped", "dropped": "climbed", "jumped": "slumped", "slumped": "jumped",
             "gained": "lost", "lost": "gained", "up": "down", "down": "up", "raised": "cut", "cut": "raised",
             "declined": "rose", "slipped": "rose", "dipped": "rose", "eased": "rose", "soared": "plunged",
             "surged": "slumped", "advanced": "declined", "shed": "gained", "higher": "lower", "lower": "higher",
             "lifted": "cut", "boosted": "cut", "reduced": "increased", "lowered": "raised"}
_CHANGE = re.compile(
    rf"\b(?P<verb>{_UP}|{_DOWN})(?P<by>\s(?:by\s)?(?P<pct>\d+(?:\.\d+)?)(?P<pctword>%|\s(?:pct|per\scent|percent)))?"
    rf"\s(?:(?P<to1>to)\s(?P<a1>\S+(?:\s(?:bn|billion|m|million|mln|dlrs|pct|per\scent|percent|euros|yen|pence|pounds))*)\s(?:from)\s(?:a\s|the\s)?(?:year-ago\s|year-earlier\s|last\syear's\s)?(?P<b1>\S+(?:\s(?:bn|billion|m|million|mln|dlrs|pct|per\scent|percent|euros|yen|pence|pounds))*)"
    rf"|from\s(?P<b2>\S+(?:\s(?:bn|billion|m|million|mln|dlrs|pct|per\scent|percent|euros|yen|pence|pounds))*)\s(?P<to2>to)\s(?P<a2>\S+(?:\s(?:bn|billion|m|million|mln|dlrs|pct|per\scent|percent|euros|yen|pence|pounds))*))")


class _Change:
    """'rose 2% to $11.1bn from $10.9bn' / 'fell from 4.4% to 4.0%': the old and new figures."""

    def __init__(self, article: Article, m: re.Match):
        self.article, self.m = article, m
        figures = find_figures(article.text, m.start(), m.end() + 1)
        self.pct_figure = next((f for f in figures if m.group("pct") and f.start == m.start("pct")), None)
        rest = [f for f in figures if f is not self.pct_figure]
        self.old = self.new = None
        if len(rest) == 2:
            first, second = rest
            self.new, self.old = (first, second) if m.group("to1") else (second, first)

    @property
    def valid(self) -> bool:
        if self.old is None or self.old.value <= 0:
            return False
        a, b = self.old, self.new
        if not (same_kind(a, b) or (a.scale and b.scale and "%" not in (a.unit, b.unit))):
            return False
        up = re.fullmatch(_UP, self.m.group("verb")) is not None
        return (b.value > a.value) == up and b.value != a.value

    def pct_range(self) -> tuple[Decimal, Decimal]:
        """The percentage change the figures allow, given their rounding."""
        lo_old, hi_old = self.old.value - step(self.old) / 2, self.old.value + step(self.old) / 2
        lo_new, hi_new = self.new.value - step(self.new) / 2, self.new.value + step(self.new) / 2
        candidates = [(n - o) / o * 100 for o in (lo_old, hi_old) for n in (lo_new, hi_new) if o > 0]
        return min(candidates), max(candidates)

    @property
    def right_pct(self) -> Decimal:
        return (self.new.value - self.old.value) / self.old.value * 100


def _changes(article: Article):
    for m in _CHANGE.finditer(article.text):
        change = _Change(article, m)
        if change.valid:
            yield change


def _wrong_pct(change: "_Change", rng) -> Decimal:
    """A whole percentage change that the figures cannot give even at the ends of their rounding:
    clear of the possible range by a third of it and at least five points."""
    lo, hi = (abs(x) for x in change.pct_range())
    lo, hi = min(lo, hi), max(lo, hi)
    options = []
    for factor in ("0.3", "0.5", "1.7", "2", "2.5", "3"):
        wrong = (abs(change.right_pct) * Decimal(factor)).quantize(Decimal(1))
        if wrong > 0 and (wrong > hi + max(5, hi / 3) or wrong < lo - max(5, lo / 3)):
            options.append(wrong)
    return rng.choice(options) if options else (hi + max(5, hi / 3) + 1).quantize(Decimal(1))


@kind("N204")
def stated_percent_change_altered(article: Article, rng):
    """The percentage of a stated change no longer fits its figures: 'rose 2% to $11.1bn from $10.9bn' becomes 'rose 12% ...'."""
    for change in _changes(article):
        if change.pct_figure is None:
            continue
        lo, hi = change.pct_range()
        stated = change.pct_figure.value
        if not lo - 1 <= (stated if re.fullmatch(_UP, change.m.group("verb")) else -stated) <= hi + 1:
            continue          # the article's own figure is already off: leave it
        wrong = _wrong_pct(change, rng)
        draft = Draft(article)
        draft.replace(*change.pct_figure.num_span, f"{wrong}")
        why = (f"From {change.old.written} to {change.new.written} is a change of about {abs(change.right_pct):.1f}%, "
               f"not {wrong}%.")
        yield draft.plant(why, [(change.m.start(), change.m.end())])


@kind("N204")
def percent_added_to_change(article: Article, rng):
    """A percentage that does not fit is added to a change of the article: 'fell to £170m from £194m' becomes 'fell 25% to £170m from £194m'."""
    for change in _changes(article):
        if change.pct_figure is not None or change.old.unit == "%":
            continue
        wrong = _wrong_pct(change, rng)
        verb_end = change.m.end("verb")
        draft = Draft(article)
        draft.insert(verb_end, f" {wrong}{_percent_word(article)}")
        why = (f"From {change.old.written} to {change.new.written} is a change of about {abs(change.right_pct):.1f}%, "
               f"not {wrong}%.")
        yield draft.plant(why, [(change.m.start(), change.m.end())])


@kind("N204")
def change_direction_reversed(article: Article, rng):
    """The verb of a change says the opposite of its figures: 'rose to $3.36bn from $2.6bn' becomes 'fell to $3.36bn from $2.6bn'."""
    for change in _changes(article):
        verb = change.m.group("verb")
        opposite = _OPPOSITE.get(verb)
        if opposite is None:
            continue
        draft = Draft(article)
        draft.replace(change.m.start("verb"), change.m.end("verb"), opposite)
        why = (f"'{opposite}' from {change.old.written} to {change.new.written}: the figures "
               f"{'rise' if change.new.value > change.old.value else 'fall'}.")
        yield draft.plant(why, [(change.m.start(), change.m.end())])


@kind("N204")
def percentage_points_added(article: Article, rng):
    """A change in percentage points that the two rates do not bear out: 'to 4.0% from 4.4%' becomes 'by 0.9 percentage points to 4.0% from 4.4%'."""
    for change in _changes(article):
        if change.old.unit != "%" or change.pct_figure is not None:
            continue
        right = abs(change.new.value - change.old.value)
        wrong = right + Decimal(rng.choice(("0.5", "1", "1.5", "2"))) if right < 3 else right * 2
        wrong = wrong.quantize(Decimal("0.1")) if right < 3 else wrong.quantize(Decimal(1))
        draft = Draft(article)
        draft.insert(change.m.end("verb"), f" by {wrong.normalize():f} percentage points")
        why = f"{change.old.written} to {change.new.written} is {right.normalize():f} percentage points, not {wrong.normalize():f}."
        yield draft.plant(why, [(change.m.start(), change.m.end())])


@kind("N204")
def difference_added_to_change(article: Article, rng):
    """The amount of a change that the figures do not bear out: 'fell to £170m from £194m' becomes 'fell by £44m to £170m from £194m'."""
    for change in _changes(article):
        if change.old.unit == "%" or change.pct_figure is not None or change.new.unit == "":
            continue
        right = abs(change.new.value - change.old.value)
        like = change.new
        wrong = right + max(step(like), (right * Decimal(rng.choice(("0.5", "0.8", "1"))) / step(like)).quantize(Decimal(1)) * step(like))
        draft = Draft(article)
        draft.insert(change.m.end("verb"), f" by {_write(wrong, like)}")
        why = f"From {change.old.written} to {change.new.written} is a change of {_write(right, like)}, not {_write(wrong, like)}."
        yield draft.plant(why, [(change.m.start(), change.m.end())])


@kind("N204")
def multiple_word_that_does_not_fit(article: Article, rng):
    """'doubled', 'tripled' or 'halved' for a change that is nothing like it: 'rose to 4.7m from 4.35m' becomes 'doubled to 4.7m from 4.35m'."""
    for change in _changes(article):
        ratio = change.new.value / change.old.value
        if ratio > 1 and not Decimal("1.6") <= ratio <= Decimal("3.5"):
            word, right = ("doubled", 2) if ratio < Decimal("1.6") else ("halved", Decimal("0.5"))
            if word == "halved":
                continue
        elif ratio < 1 and not Decimal("0.35") <= ratio <= Decimal("0.65"):
            word = "halved"
        else:
            continue
        if change.m.group("pct"):
            continue
        draft = Draft(article)
        draft.replace(change.m.start("verb"), change.m.end("verb"), word)
        why = f"'{word}' from {change.old.written} to {change.new.written}: the ratio is {ratio:.2f}."
        yield draft.plant(why, [(change.m.start(), change.m.end())])


@kind("N204")
def inserted_share_of_total(article: Article, rng):
    """(inserted) A part of one of the article's amounts with a percentage that does not fit: 'Some £40m of the £160m, or 45%, came from London.'."""
    templates = ("Some {a} of the {t}, or {p}, came from {n1}.", "Of the {t}, {a} ({p}) was accounted for by {n1}.",
                 "{n1} accounts for {a} of the {t}, or {p} of it.")
    pct = _percent_word(article)
    for total in shuffled(_insertable(article), rng):
        end = _sentence_end(article, total.start)
        names = names_for(article, 1, rng)
        if end is None or not names:
            continue
        grain = _grain(total)
        share = Decimal(rng.choice((10, 15, 20, 25, 30, 40)))
        part = (total.value * share / 100 / grain).quantize(Decimal(1)) * grain
        if part <= 0:
            continue
        wrong = share + rng.choice((-1, 1)) * Decimal(rng.choice((10, 15, 20))) if share > 20 else share + Decimal(rng.choice((12, 20, 30)))
        fill = {"a": _write(part, total), "t": _whole(article, total), "p": f"{wrong}{pct}", "n1": names[0]}
        draft = Draft(article)
        index = draft.insert(end, " " + capitalise(rng.choice(templates).format(**fill)))
        why = f"{fill['a']} is {part / total.value * 100:.0f}% of {total.written}, not {wrong}%."
        yield draft.plant(why, [(total.start, total.end), index])


@kind("N204")
def inserted_fraction_of_total(article: Article, rng):
    """(inserted) A fraction in words that does not fit: '£40m, about a third of the £160m, went to Leeds.' (a quarter)."""
    fractions = [("half", Decimal("0.5")), ("a third", Decimal(1) / 3), ("a quarter", Decimal("0.25")),
                 ("two-thirds", Decimal(2) / 3), ("three-quarters", Decimal("0.75")), ("a fifth", Decimal("0.2"))]
    templates = ("{a}, {f} of the {t}, went to {n1}.", "{n1} received {a}, {f} of the {t}.", "Of the {t}, {f}, or {a}, is for {n1}.")
    for total in shuffled(_insertable(article), rng):
        end = _sentence_end(article, total.start)
        names = names_for(article, 1, rng)
        if end is None or not names:
            continue
        (word, stated), (_, real) = rng.sample(fractions, 2)
        if abs(stated - real) < Decimal("0.12"):
            continue
        grain = _grain(total)
        part = (total.value * real / grain).quantize(Decimal(1)) * grain
        if part <= 0:
            continue
        fill = {"a": _write(part, total), "t": _whole(article, total), "f": word, "n1": names[0]}
        draft = Draft(article)
        index = draft.insert(end, " " + capitalise(rng.choice(templates).format(**fill)))
        why = f"{fill['a']} is {part / total.value * 100:.0f}% of {total.written}, not {word}."
        yield draft.plant(why, [(total.start, total.end), index])


# --- N205 count-mismatch ----------------------------------------------------------------------

_COUNT = r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])"
_ITEM = r"(?:[A-Z][\w'’.&-]*(?:\s(?:of|de|the|and\s(?=[A-Z][\w'’-]*\s(?:[A-Z]|\())|[A-Z][\w'’.&-]*)){0,4})"
_LIST = re.compile(
    rf"\b{_COUNT}\s(?P<noun>(?:[a-z]+-)?[a-z]+s|men|women|people|children)(?P<sep>:\s|,\s|\s\(|\s[—–-]\s)"
    rf"(?P<items>{_ITEM}(?:,\s{_ITEM})*,?\s(?:and|&)\s{_ITEM})(?P<after>[,.;:)]|\s[—–-]\s|\s(?:were|are|have|had|will|who|which|said|all|both|each)\b)")


def _count_value(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.index(word.lower())


def _lists(article: Article):
    """'the two men, Cameron and Osborne,' / 'three countries: France, Germany and Italy': a count
    and the capitalised items it announces, whose number matches the count."""
    for m in _LIST.finditer(article.text):
        items = re.split(r",\s(?:and\s|&\s)?|\s(?:and|&)\s", m.group("items"))
        items = [i for i in items if i]
        if len(items) != _count_value(m.group("count")):
            continue
        if m.group("sep") == " (" and m.group("after") != ")":
            continue
        before = article.text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"\b(?:including|such as|among|like|of the)\s$", before):
            continue
        yield m, items


def _count_word(n: int, like: str) -> str:
    word = str(n) if like.isdigit() else _NUMBER_WORDS[n]
    return word.capitalize() if like[:1].isupper() else word


@kind("N205")
def count_changed(article: Article, rng):
    """The count before a list is changed: 'the two candidates, Hunt and Johnson,' becomes 'the three candidates, Hunt and Johnson,'."""
    for m, items in _lists(article):
        n = len(items)
        new = n + rng.choice((1, 1, -1)) if n > 2 else n + 1
        if new > 12:
            continue
        draft = Draft(article)
        draft.replace(m.start("count"), m.end("count"), _count_word(new, m.group("count")))
        why = f"'{_count_word(new, m.group('count'))} {m.group('noun')}' but {n} are named: {', '.join(items)}."
        yield draft.plant(why, [(m.start(), m.end())])


@kind("N205")
def list_item_dropped(article: Article, rng):
    """An item is dropped from a counted list: 'three countries: France, Germany and Italy' becomes 'three countries: France and Italy'."""
    for m, items in _lists(article):
        if len(items) < 3:
            continue
        text = m.group("items")
        drop = rng.randrange(len(items) - 1)
        kept = [item for i, item in enumerate(items) if i != drop]
        serial = ", and " in text
        new = ", ".join(kept[:-1]) + ("," if serial and len(kept) > 2 else "") + " and " + kept[-1]
        draft = Draft(article)
        draft.replace(m.start("items"), m.end("items"), new)
        why = f"'{m.group('count')} {m.group('noun')}' but {len(kept)} are named: {', '.join(kept)}."
        yield draft.plant(why, [(m.start(), m.end() - (len(text) - len(new)))])


@kind("N205")
def list_item_added(article: Article, rng):
    """A name of the article is added to a counted list: 'the two men, Cameron and Osborne,' becomes 'the two men, Cameron, Osborne and Clegg,'."""
    for m, items in _lists(article):
        pool = [p.surname for p in people(article)] if m.group("noun") in ("men", "women", "people", "candidates", "leaders", "ministers", "officials", "players") else countries(article) if m.group("noun") == "countries" else cities(article) if m.group("noun") == "cities" else []
        pool = [x for x in pool if x not in items and x not in m.group("items")]
        if not pool:
            continue
        extra = rng.choice(pool)
        new_items = items[:-1] + [extra, items[-1]] if rng.random() < 0.5 else items + [extra]
        new = ", ".join(new_items[:-1]) + " and " + new_items[-1]
        draft = Draft(article)
        draft.replace(m.start("items"), m.end("items"), new)
        why = f"'{m.group('count')} {m.group('noun')}' but {len(new_items)} are named: {', '.join(new_items)}."
        yield draft.plant(why, [(m.start(), m.end() + len(new) - len(m.group("items")))])


def _inserted_list(article, rng, build):
    for para in shuffled(article.body, rng):
        if article.text[para.end - 1] != ".":
            continue
        got = build(para)
        if got is None:
            continue
        sentence, why = got
        draft = Draft(article)
        index = draft.insert(para.end, " " + sentence)
        yield draft.plant(why, [index])


def _names_pool(article: Article, rng, noun_for_people: bool):
    if noun_for_people:
        pool = [p.name for p in people(article)]
        return pool, rng.choice(("people", "figures", "names"))
    return (countries(article), "countries") if len(countries(article)) >= 3 else (cities(article), "cities")


@kind("N205")
def inserted_counted_list(article: Article, rng):
    """(inserted) A counted list of the article's own people or places, one short or long: 'Four names recur here: May, Corbyn and Farron.'."""
    templates = ("{Count} {noun} come up in this story: {items}.", "The {count} {noun} named here are {items}.",
                 "This account names {count} {noun}: {items}.")
    def build(para):
        pool, noun = _names_pool(article, rng, rng.random() < 0.5)
        if len(pool) < 3:
            pool, noun = _names_pool(article, rng, noun in ("countries", "cities"))
        if len(pool) < 3:
            return None
        chosen = rng.sample(pool, rng.randint(3, min(5, len(pool))))
        count = len(chosen) + rng.choice((1, -1))
        items = ", ".join(chosen[:-1]) + " and " + chosen[-1]
        sentence = rng.choice(templates).format(Count=_NUMBER_WORDS[count].capitalize(), count=_NUMBER_WORDS[count], noun=noun, items=items)
        return capitalise(sentence), f"'{_NUMBER_WORDS[count]} {noun}' but {len(chosen)} are listed: {items}."
    yield from _inserted_list(article, rng, build)


@kind("N205")
def inserted_list_in_next_sentence(article: Article, rng):
    """(inserted) A count in one sentence and its items in the next: 'Three cities are involved. They are Leeds, York, Hull and Derby.'."""
    def build(para):
        pool, noun = _names_pool(article, rng, rng.random() < 0.5)
        if len(pool) < 3:
            return None
        chosen = rng.sample(pool, rng.randint(3, min(4, len(pool))))
        count = len(chosen) - 1 if len(chosen) > 3 or rng.random() < 0.5 else len(chosen) + 1
        items = ", ".join(chosen[:-1]) + " and " + chosen[-1]
        verb = "stand out" if noun not in ("countries", "cities") else "are involved"
        sentence = f"{_NUMBER_WORDS[count].capitalize()} {noun} {verb}. They are {items}."
        return sentence, f"'{_NUMBER_WORDS[count]} {noun}', then {len(chosen)} named: {items}."
    yield from _inserted_list(article, rng, build)


@kind("N205")
def inserted_list_in_brackets(article: Article, rng):
    """(inserted) A count with its items in brackets, one off: 'the three countries (Spain, Italy, Greece and Malta)'."""
    def build(para):
        pool, noun = (countries(article), "countries") if len(countries(article)) >= 2 else (cities(article), "cities")
        if len(pool) < 2:
            return None
        chosen = rng.sample(pool, rng.randint(2, min(4, len(pool))))
        count = len(chosen) + 1 if len(chosen) < 4 else len(chosen) - 1
        items = ", ".join(chosen[:-1]) + " and " + chosen[-1]
        sentence = rng.choice((f"The {_NUMBER_WORDS[count]} {noun} ({items}) all feature.",
                               f"All {_NUMBER_WORDS[count]} {noun} named ({items}) matter here."))
        return capitalise(sentence), f"'{_NUMBER_WORDS[count]} {noun}' but {len(chosen)} in the brackets: {items}."
    yield from _inserted_list(article, rng, build)


_NAMES_LIST = re.compile(r"(?<![\w,-])(?P<items>(?:the\s)?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}(?:,\s(?:the\s)?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})+,?\s(?:and)\s(?:the\s)?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})(?=[,.;:]|\s[a-z])")


@kind("N205")
def count_added_to_article_list(article: Article, rng):
    """A count that does not fit is set after a list the article gives of its countries or people: 'France, Germany and Italy' becomes 'France, Germany and Italy (four countries in all)'."""
    cast = {p.surname for p in people(article)} | {p.name for p in people(article)}
    for m in shuffled(list(_NAMES_LIST.finditer(article.text)), rng):
        items = [i.strip() for i in re.split(r",\s(?:and\s)?|\sand\s", m.group("items")) if i.strip()]
        if all(i in COUNTRIES for i in items) and len({COUNTRIES[i] for i in items}) == len(items):
            noun = "countries"
        elif all(i in cast for i in items):
            noun = "people"
        else:
            continue
        before = article.text[max(0, m.start() - 14):m.start()].lower()
        if re.search(r"(?:including|such as|like|among|as well as|and|or|\d|two|three|four|five|six)\s$", before):
            continue
        n = len(items) + rng.choice((1, -1)) if len(items) > 2 else len(items) + 1
        draft = Draft(article)
        draft.insert(m.end(), f" ({_NUMBER_WORDS[n]} {noun} in all)")
        why = f"'{_NUMBER_WORDS[n]} {noun} in all' after a list of {len(items)}: {', '.join(items)}."
        yield draft.plant(why, [(m.start(), m.end())])


@kind("N205")
def count_in_digits_changed(article: Article, rng):
    """A count in digits before its list is made one off: '2 companies: Ford and GM' becomes '3 companies: Ford and GM' (or an inserted digit count)."""
    found = False
    for m, items in _lists(article):
        if not m.group("count").isdigit():
            continue
        found = True
        new = len(items) + 1
        draft = Draft(article)
        draft.replace(m.start("count"), m.end("count"), str(new))
        yield draft.plant(f"'{new} {m.group('noun')}' but {len(items)} are named.", [(m.start(), m.end())])
    if found:
        return
    def build(para):
        pool = [p.name for p in people(article)]
        if len(pool) < 2:
            return None
        chosen = rng.sample(pool, min(len(pool), rng.randint(2, 4)))
        count = len(chosen) + 1
        items = ", ".join(chosen[:-1]) + " and " + chosen[-1]
        return f"The story quotes {count} people: {items}.", f"'{count} people' but {len(chosen)} are named: {items}."
    yield from _inserted_list(article, rng, build)


# --- N206 comparison-mismatch -----------------------------------------------------------------

def _pair_values(total: Figure, rng) -> tuple[Decimal, Decimal] | None:
    """Two values near an article figure's size, the first clearly smaller."""
    grain = _grain(total)
    low = (total.value * Decimal(rng.choice((30, 40, 50))) / 100 / grain).quantize(Decimal(1)) * grain
    high = (total.value * Decimal(rng.choice((65, 75, 85))) / 100 / grain).quantize(Decimal(1)) * grain
    return (low, high) if 0 < low < high else None


def _inserted_comparison(article, rng, templates, names_needed=2, three=False):
    for f in shuffled(_insertable(article), rng):
        end = _sentence_end(article, f.start)
        names = names_for(article, 3 if three else names_needed, rng)
        if end is None or not names:
            continue
        pair = _pair_values(f, rng)
        if pair is None:
            continue
        small, big = pair
        values = {"x": _write(small, f), "y": _write(big, f)}
        if three:
            mid = ((small + big) / 2 / _grain(f)).quantize(Decimal(1)) * _grain(f)
            values["z"] = _write(mid, f)
        template, claim = rng.choice(templates)
        fill = dict(values, a=names[0], b=names[1], c=names[2] if three else "")
        sentence = capitalise(template.format(**fill))
        draft = Draft(article)
        index = draft.insert(end, " " + sentence)
        why = claim.format(**fill)
        yield draft.plant(why, [index])


@kind("N206")
def inserted_comparative_adjective(article: Article, rng):
    """(inserted) A comparative adjective against its own figures: 'Spending in Leeds was higher than in York, at £40m against £70m.'."""
    templates = [("The figure for {a} was higher than for {b}: {x} against {y}.", "{x} for {a} is not higher than {y} for {b}."),
                 ("{a} came in bigger than {b}, with {x} to {y}.", "{x} ({a}) is smaller than {y} ({b})."),
                 ("At {y}, {b} was below {a}, at {x}.", "{y} ({b}) is above {x} ({a}), not below it.")]
    yield from _inserted_comparison(article, rng, templates)


@kind("N206")
def inserted_ahead_of(article: Article, rng):
    """(inserted) 'ahead of' or 'behind' the wrong way round: 'Leeds, at £40m, was ahead of York, at £70m.'."""
    templates = [("{a}, at {x}, was ahead of {b}, at {y}.", "{a} at {x} is behind {b} at {y}, not ahead."),
                 ("{b} trailed {a}, with {y} to {x}.", "{b}'s {y} is more than {a}'s {x}: it leads, not trails."),
                 ("With {x}, {a} finished in front of {b} on {y}.", "{x} ({a}) is less than {y} ({b}).")]
    yield from _inserted_comparison(article, rng, templates)


@kind("N206")
def inserted_superlative_of_three(article: Article, rng):
    """(inserted) A superlative among three figures that picks the wrong one: 'Of the three, Leeds had the largest amount, £40m, against £70m for York and £55m for Hull.'."""
    templates = [("Of the three, {a} had the largest amount, {x}, against {y} for {b} and {z} for {c}.",
                  "{x} for {a} is the smallest of the three, not the largest."),
                 ("The biggest of the three, {a} at {x}, compares with {b} at {y} and {c} at {z}.",
                  "{a} at {x} is below {b} at {y} and {c} at {z}."),
                 ("{b} had the smallest figure of the three, {y}, with {a} on {x} and {c} on {z}.",
                  "{y} for {b} is the largest of the three, not the smallest.")]
    yield from _inserted_comparison(article, rng, templates, three=True)


@kind("N206")
def inserted_verb_comparison(article: Article, rng):
    """(inserted) A verb of comparison against the figures: 'Leeds overtook York, with £40m to £70m.'."""
    templates = [("{a} overtook {b}, with {x} to {y}.", "{x} does not overtake {y}."),
                 ("{a}'s {x} exceeded the {y} of {b}.", "{x} does not exceed {y}."),
                 ("{b}, with {y}, fell short of {a}'s {x}.", "{y} is more than {x}: it does not fall short.")]
    yield from _inserted_comparison(article, rng, templates)


@kind("N206")
def inserted_comparison_across_sentences(article: Article, rng):
    """(inserted) The figures in one sentence and the comparison in the next: '{A} came in at £70m. That was below {B}'s £40m.'."""
    templates = [("{b} came in at {y}. That was below the {x} of {a}.", "{y} ({b}) is above {x} ({a}), not below."),
                 ("{a} stood at {x}, and {b} at {y}. {a} was the larger of the two.", "{x} ({a}) is the smaller of the two.")]
    yield from _inserted_comparison(article, rng, templates)


@kind("N206")
def inserted_smallest_of_two(article: Article, rng):
    """(inserted) A superlative set beside a figure that is not the extreme: 'The smallest share went to Leeds, at £70m; York got £40m.'."""
    templates = [("The smallest share went to {b}, at {y}; {a} got {x}.", "{y} for {b} is more than {x} for {a}."),
                 ("{b} received the least, {y}, while {a} received {x}.", "{y} ({b}) is more than {x} ({a})."),
                 ("{a} got the most, {x}, and {b} {y}.", "{x} ({a}) is less than {y} ({b}).")]
    yield from _inserted_comparison(article, rng, templates)


_REAL_COMPARATIVE = re.compile(
    r"\b(?P<word>higher|lower|more|less|bigger|smaller|larger|greater|fewer)\sthan\s(?:the\s|a\s|an\s)?(?P<fig>[$£€]?\d[\d.,]*)")
_FLIP = {"higher": "lower", "lower": "higher", "more": "less", "less": "more", "bigger": "smaller", "smaller": "bigger",
         "larger": "smaller", "greater": "smaller", "fewer": "more"}


@kind("N206")
def real_comparative_flipped(article: Article, rng):
    """A comparative between two figures of one sentence is flipped: 'sales of £4.6bn, higher than the £3.9bn forecast' becomes 'lower than'."""
    text = article.text
    for m in _REAL_COMPARATIVE.finditer(text):
        sentence = article.sentence_at(m.start())
        target = next((f for f in find_figures(text, m.start("fig"), sentence.end) if f.start == m.start("fig")), None)
        if target is None:
            continue
        before = [f for f in find_figures(text, sentence.start, m.start()) if same_kind(f, target)]
        if len(before) != 1 or before[0].end < m.start() - 60:
            continue          # the figure compared must be the only one of its kind before the comparison
        subject = before[0]
        if not same_kind(subject, target) or re.search(r"\b(?:by|up|down|rose|fell|than)\b", text[subject.end:m.start()]):
            continue
        word = m.group("word")
        holds = subject.value > target.value if word in ("higher", "more", "bigger", "larger", "greater") else subject.value < target.value
        if not holds:
            continue
        draft = Draft(article)
        draft.replace(m.start("word"), m.end("word"), _FLIP[word])
        why = f"{subject.written} is {word} than {target.written}, not {_FLIP[word]}."
        yield draft.plant(why, [(subject.start, m.end())])
