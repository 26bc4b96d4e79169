"""Elapsed time: one model for every stated span between two years.

A span has a start year (a year that dates a beginning: "since 1953", "opened in 1962",
"founded in 1988", "born in 1939", or the beginning the article gives elsewhere for the
same thing: "its centenary" of a museum that "opened in 1928"), a stated length and the
year it is counted to. The length is a count of years, seasons or editions ("62 years",
"12 seasons", "its 30 years of existence"), an ordinal ("in its 40th year", "the 40th
edition", "the 50th anniversary", "its centenary") or an age ("aged 79", "at 65",
"she was 79"). The year counted to is another year of the clause ("shut in 2011 after 41
years", "at 65 in 2004"), else the publication year when the clause speaks of now ("ago",
"now", "this year", the present tense, "since").

``find_spans`` only reads; what counts as a contradiction (and the one-year ambiguity of
ages and of spans without months) is for the check to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factlint.analysis.lexicon import inception_stems, is_past_form, stem, word_ends

if TYPE_CHECKING:
    from factlint.analysis.dates import DateMention
    from factlint.document import Document

_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
          "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
          "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
         "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_TEN_PREFIX = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}
_CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
              "seventeen": 17, "eighteen": 18, "nineteen": 19, **_TEN_PREFIX, "hundred": 100}
# Named anniversaries are ordinals too.
_NAMED = {"centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200, "sesquicentennial": 150,
          "tercentenary": 300}
UNIT_STEMS = ("year", "season", "edition", "campaign", "anniversar", "birthday", "running", "staging", "centenar",
              "centennial")
AGE = r"(?:1[01][0-9]|[1-9][0-9])"  # an age in years, 10 to 119
COUNT_UNITS = ("year", "season", "edition", "campaign")
ORDINAL_HEADS = {"year": "year", "anniversary": "anniversary", "birthday": "anniversary", "edition": "edition",
                 "running": "edition", "staging": "edition", "season": "edition"}


def number_value(word: str) -> int | None:
    """A cardinal or ordinal in figures or words (62, 40th, forty, fortieth, twenty-fifth), or None."""
    w = word.lower().replace("’", "'")
    if w.isdigit():
        return int(w)
    if w[:-2].isdigit() and w[-2:] in ("st", "nd", "rd", "th"):
        return int(w[:-2])
    if w in _UNITS:
        return _UNITS[w]
    if w in _TENS:
        return _TENS[w]
    if w in _CARDINALS:
        return _CARDINALS[w]
    tens, _, unit = w.partition("-")
    if tens in _TEN_PREFIX and (unit in _UNITS or unit in _CARDINALS):
        value = _UNITS.get(unit) or _CARDINALS.get(unit)
        return _TEN_PREFIX[tens] + value if value and value < 10 else None
    return None


@dataclass(frozen=True, slots=True)
class Span:
    """A stated span: ``amount`` of ``unit`` from the year of ``since`` to ``until_year``.

    kind: "count" ("62 years", "12 seasons"), "ordinal" ("its 40th year", "the 40th edition",
    "its centenary"), "age" ("aged 79"). anchored: the wording says the span runs exactly from
    the start to the year counted to ("since", "ago", "its N years", an ordinal, an age); a
    plain count ("ends 70 years of lending") may be part of the time, never more than all of it.
    """

    start: int
    end: int
    text: str
    kind: str
    unit: str  # year, season, edition, anniversary, age
    amount: int
    since: int  # index in doc.dates of the start year
    until_year: int
    until: int | None  # index in doc.dates of the year counted to, None for the publication date
    anchored: bool
    skipped: tuple[int, ...] = ()  # years the text says an edition was cancelled


@cache
def _patterns() -> dict[str, re.Pattern]:
    words = "|".join(sorted([*_UNITS, *_TENS, *_CARDINALS], key=len, reverse=True))
    number = rf"(?:[1-9][0-9]{{0,2}}(?:st|nd|rd|th)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:{words}))"
    return {
        "span": re.compile(
            rf"\b(?P<n>{number})(?:[\s-]+|\s+(?:full\s+|long\s+)?)(?P<unit>years?|seasons?|editions?|campaigns?"
            rf"|anniversary|birthday|running|staging)(?![\w-])"
            rf"|\b(?P<named>{'|'.join(_NAMED)})\b", re.IGNORECASE),
        "age": re.compile(
            rf"\b(?:aged|turned|turns|is\s+now)\s+(?P<a>{AGE})\b(?![\s-]*(?:%|per|years?\s+ago))"
            rf"|\b(?P<b>{AGE})-year-old\b"
            rf"|\bat\s+(?:the\s+age\s+of\s+)?(?P<c>{AGE})(?=\s*[,.;)]|\s+in\s+[12][0-9]{{3}}\b)"
            rf"|(?<=[a-z]),\s(?P<d>{AGE}),\s"
            rf"|\b(?P<who>[Hh]e|[Ss]he|[A-Z][a-z]+)\s+(?:was|is)\s+(?P<e>{AGE})(?=\s*[.;])"),
        "born": re.compile(r"\b[Bb]orn\b(?:\s+(?:in|at|near)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},?)?"
                           r"(?:\s+(?:in|on))?\s*$"),
        "hedge": re.compile(r"\b(?:about|nearly|almost|some|over|more\s+than|less\s+than|fewer\s+than|around|roughly"
                            r"|at\s+least|at\s+most|up\s+to|under|close\s+to|approximately|another|next|further"
                            r"|additional|extra|first|last|past|coming|final|remaining|previous|those|these|many)"
                            r"\s+(?:full\s+)?$", re.IGNORECASE),
        "word": re.compile(r"[A-Za-z][\w'’-]*"),
        "future": re.compile(r"\b(?:will|shall|'ll|would|could|should|might|may|plans?\s+to|going\s+to|expected\s+to"
                             r"|aims?\s+to|hopes?\s+to)\b", re.IGNORECASE),
        "cancelled": re.compile(r"\b(?:cancel+ed|called\s+off|not\s+held|scrapped|skipped)\b", re.IGNORECASE),
        "another_person": re.compile(r"\b(?:whose|father|mother|son|daughter|wife|husband|brother|sister|parents?"
                                     r"|child|children|grand\w+)\b", re.IGNORECASE),
    }


# A clause ends at a semicolon, or at a conjunction that brings in a new subject ("..., and the pull drew");
# one that goes on about the same thing ("..., and its closure ends") does not end it.
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\s+(?!(?:its|it|their|they|he|she|his|her)\b)")
STREAK = re.compile(r"\s+(?:running|in\s+a\s+row|straight|in\s+succession)\b")
SINCE_BEFORE = re.compile(r"\b(?:[Ss]ince|[Ff]rom)\b[^,;:.()]{0,40}$")  # "since the great gale of 1953"
PRESENT = re.compile(r"\b(?:is|are|has|have|now|this\s+year|today|still|ago|since)\b|\b[a-z]{3,}s\b")
WORD = re.compile(r"[A-Za-z][\w'’-]*")
SUBJECT_SKIP = frozenset("which that who it its was were has had have been is are be being first then also "
                         "later once originally officially formally finally".split())
PRONOUNS = frozenset("he she him her his".split())
NOT_NAMES = frozenset("""
The A An In On At For From By Since After Before When While Her His Its Their This That These Those It He She They
We I January February March April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday Born
""".split())


def _years(dates: list[DateMention]) -> list[int]:
    """Indexes of the dates that fix a year (an explicit year, or a date with one)."""
    return [i for i, d in enumerate(dates) if d.year and d.year_source == "explicit" and d.type == "date"
            and d.granularity in ("day", "month", "year", "season", "quarter", "half")]


def _inception(text: str, sentence_start: int, date: DateMention) -> tuple[str, str] | None:
    """(verb stem, subject head) when the date dates a beginning: "the museum opened its doors in 1928",
    "founded in 1988", "since turning professional in 2015". The subject head is the word before the verb
    (skipping relative pronouns and auxiliaries), or "" when none is found."""
    words = list(WORD.finditer(text, max(sentence_start, date.start - 60), date.start))
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        key = stem(words[k].group(0))
        if key in inception_stems():
            subject = ""
            for back in range(k - 1, max(-1, k - 5), -1):
                word = words[back].group(0)
                if word.lower() not in SUBJECT_SKIP:
                    subject = word.lower()
                    break
            return key, subject
    return None


def _owner(text: str, sentence_start: int, at: int) -> str:
    """The head of the subject of the sentence up to ``at``: the word before its first verb or preposition
    ("The Kessel Museum of Art ... will celebrate its centenary" -> museum)."""
    head = ""
    for m in WORD.finditer(text, sentence_start, at):
        lower = m.group(0).lower()
        if lower in ("the", "a", "an", "this", "that"):
            continue
        if lower in ("of", "in", "at", "for", "on", "with", "will", "is", "was", "has", "had", "which", "who", "and"):
            break
        if lower.endswith("ed") or lower.endswith("s") and not m.group(0)[0].isupper() and head:
            break
        head = lower
        if text[m.end():m.end() + 1] == ",":
            break
    return head


def find_spans(doc: Document, dates: list[DateMention]) -> list[Span]:
    """Every stated span, age and ordinal of ``doc`` bound to the start year it counts from."""
    text = doc.text
    years = _years(dates)
    if not years:
        return []
    lower = text.lower()
    # the unit words are rare and cheap to find; the full pattern runs only in the window before one
    ends = word_ends(lower, UNIT_STEMS, 0, len(text))
    has_birth = "born" in lower
    if not ends and not has_birth:
        return []
    pats = _patterns()
    published = doc.published
    inceptions = _Inceptions(doc, dates, years)
    births: list[int] = []
    for i in years if has_birth else ():
        sentence = doc.sentence_at(dates[i].start)
        if sentence is not None and dates[i].range_role != "end" \
                and pats["born"].search(text, max(sentence.start, dates[i].start - 60), dates[i].start):
            births.append(i)
    skipped = tuple(dates[i].year for i in years
                    if pats["cancelled"].search(text, dates[i].end, min(len(text), dates[i].end + 50))
                    or pats["cancelled"].search(text, max(0, dates[i].start - 50), dates[i].start)) \
        if "cancel" in lower or "called off" in lower or "not held" in lower or "scrapped" in lower \
        or "skipped" in lower else ()
    out: list[Span] = []
    for end in ends:
        block = doc.block_at(end - 1)
        if block is None:
            continue
        for m in pats["span"].finditer(text, max(block.start, end - 60), end):
            if m.end() == end:
                span = _span(doc, m, dates, years, inceptions, skipped, published)
                if span:
                    out.append(span)
    if births:
        out += _ages(doc, dates, births, years, published)
    out.sort(key=lambda s: s.start)
    return out


def _clause_years(doc: Document, dates: list[DateMention], years: list[int], lo: int, hi: int) -> list[int]:
    return [i for i in years if lo <= dates[i].start < hi]


AGO_THEN_YEAR = re.compile(r"\s+ago,?\s+(?:in\s+)?$")
PRONOUN_START = re.compile(r"\s*(?:It|This|That|They|He|She)\s+(?:\w+\s+){0,2}?$")


def _ago_year(doc: Document, m: re.Match, dates: list, years: list[int], in_clause: list[int], lo: int) -> int | None:
    """The year an "N years ago" restates: written right after it ("eight years ago, in 2008"), before it
    after the participle it dates ("the 1995 accord, signed 25 years ago"), or, when its sentence opens
    with a pronoun ("It happened 11 years ago"), the one year of the sentence before."""
    text = doc.text
    after = [i for i in in_clause if dates[i].start >= m.end() and dates[i].granularity == "year"]
    if after and AGO_THEN_YEAR.fullmatch(text, m.end(), dates[after[0]].start):
        return after[0]
    earlier = [i for i in in_clause if dates[i].end <= m.start()]
    if earlier:
        if len({dates[i].year for i in earlier}) != 1 or dates[earlier[-1]].granularity != "year" \
                or any(d.apposition == earlier[-1] for d in dates):
            return None  # the apposed "in 1974, 40 years ago" is read by the date analyser
        verb = WORD.findall(text, max(lo, m.start() - 20), m.start())[-1:]
        if not verb or not is_past_form(verb[0]) or m.start() - dates[earlier[-1]].end > 40:
            return None  # "the 1995 accord, signed 25 years ago" restates the year; "compared to five years ago" does not
        return earlier[-1]
    sentence = doc.sentence_at(m.start())
    if in_clause or not PRONOUN_START.fullmatch(text, sentence.start, m.start()):
        return None
    k = doc.sentences.index(sentence)
    if k == 0 or doc.sentences[k - 1].block != sentence.block:
        return None
    previous = doc.sentences[k - 1]
    before = [i for i in years if previous.start <= dates[i].start < previous.end]
    if len({dates[i].year for i in before}) != 1 or dates[before[0]].granularity != "year":
        return None
    return before[0]


class _Inceptions:
    """The beginnings the years date (see ``_inception``), read on first need: most spans never ask."""

    def __init__(self, doc: Document, dates: list[DateMention], years: list[int]):
        self.doc, self.dates, self.years = doc, dates, years
        self.known: dict[int, tuple[str, str] | None] = {}

    def __contains__(self, i: int) -> bool:
        if i not in self.known:
            sentence = self.doc.sentence_at(self.dates[i].start)
            self.known[i] = _inception(self.doc.text, sentence.start, self.dates[i]) if sentence else None
        return self.known[i] is not None

    def items(self):
        return [(i, self.known[i]) for i in self.years if i in self]


def _span(doc: Document, m: re.Match, dates: list[DateMention], years: list[int], inceptions: _Inceptions,
          skipped: tuple[int, ...], published) -> Span | None:
    text = doc.text
    pats = _patterns()
    sentence = doc.sentence_at(m.start())
    if sentence is None:
        return None
    if m.group("named"):
        amount, unit, kind = _NAMED[m.group("named").lower()], "anniversary", "ordinal"
    else:
        raw = m.group("n")
        amount = number_value(raw)
        if amount is None or amount == 0:
            return None
        head = m.group("unit").lower().rstrip("s") if m.group("unit").lower() not in ("years", "seasons") else \
            m.group("unit").lower()[:-1]
        ordinal = raw[-2:].lower() in ("st", "nd", "rd", "th") or raw.lower() in _UNITS or raw.lower() in _TENS \
            or raw.lower().split("-")[-1] in _UNITS
        if ordinal:
            if head not in ORDINAL_HEADS:
                return None
            kind, unit = "ordinal", ORDINAL_HEADS[head]
        else:
            if head not in COUNT_UNITS:
                return None
            kind, unit = "count", head
            if text[m.end():m.end() + 4] == " old" or text[max(0, m.start() - 1):m.start()] == "-":
                return None
    before = text[max(sentence.start, m.start() - 30):m.start()]
    if pats["hedge"].search(before):
        return None
    # the clause around the span: up to a semicolon or a colon
    lo, hi = sentence.start, sentence.end
    for brk in CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if brk.end() <= m.start():
            lo = brk.end()
        elif brk.start() >= m.end():
            hi = brk.start()
            break
    if kind == "ordinal" and STREAK.match(text, m.end()):
        return None  # "for the third year running": a streak, not a count from a beginning
    clause = text[lo:hi]
    if pats["future"].search(text, lo, m.start()) and kind == "count":
        return None
    after = text[m.end():min(hi, m.end() + 60)]
    ago = re.match(r"\s+ago\b", after) is not None
    since = re.search(r"\bsince\b", text[lo:hi]) is not None
    possessive = re.search(r"\b(?:its|their|his|her)\s+(?:\w+\s+)?$", before) is not None and kind == "count"
    later_after = re.match(r"\s+(?:later|after|before|earlier|on(?=\s*[,.;])|into)\b", after)
    if later_after and not ago:
        return None  # "ten years later", "15 years after the accord": date arithmetic, another check
    in_clause = _clause_years(doc, dates, years, lo, hi)
    in_clause = [i for i in in_clause if not (dates[i].start >= m.start() and dates[i].end <= m.end())]
    since_index = None
    until_index = None
    if ago:
        since_index = _ago_year(doc, m, dates, years, in_clause, lo)
        if since_index is None:
            return None
    else:
        starts = [i for i in in_clause if i in inceptions or SINCE_BEFORE.search(text, max(lo, dates[i].start - 50),
                                                                                  dates[i].start)]
        if len(starts) > 1:
            return None
        if starts:
            since_index = starts[0]
        elif kind == "ordinal":
            since_index = _inception_of(doc, m.start(), sentence.start, inceptions, dates)
            if since_index is None and unit == "anniversary":
                # "the 50th anniversary of the 1975 accords"; "... in 1974, and this year marks the 43rd anniversary"
                own = in_clause or [i for i in years if sentence.start <= dates[i].start < sentence.end]
                if len({dates[i].year for i in own}) == 1 and not _attributive_year(text, dates, own[0], m.start()):
                    since_index = own[0]
        if since_index is None:
            return None
        if kind == "ordinal" and re.match(r"\s+of\s+[12][0-9]{3}\b", text[m.end():m.end() + 9]):
            return None  # "the centenary of 1976": the year it fell in, or the year it counts from
        others = [i for i in in_clause if i != since_index and dates[i].year != dates[since_index].year]
        if len(others) > 1:
            return None
        if others:
            until_index = others[0]
            if dates[until_index].year <= dates[since_index].year:
                return None
    start_year = dates[since_index].year
    told = [d for d in dates if lo <= d.start < hi and d.granularity == "day" and d.year and d.value
            and (d.type == "date" or d.weekday is not None)] if kind == "ordinal" and until_index is None else []
    if until_index is not None:
        until_year = dates[until_index].year
    elif told:  # "Sunday's race, the 40th running": the edition told is the one of that day
        until_year = told[0].year
    else:
        if published is None or not (ago or PRESENT.search(clause) or kind == "ordinal" and "this year" in clause):
            return None
        until_year = published.year
    if until_year < start_year:
        return None
    anchored = ago or since or possessive or kind == "ordinal"
    return Span(m.start(), m.end(), m.group(0), kind, unit, amount, since_index, until_year, until_index, anchored,
                tuple(y for y in skipped if start_year < y < until_year) if unit in ("edition", "season") else ())


def _attributive_year(text: str, dates: list, index: int, at: int) -> bool:
    """ "the 1976 centenary": a year written right before the ordinal is the year it fell in."""
    return 0 <= at - dates[index].end <= 1 or re.fullmatch(r"['’]s\s+", text[dates[index].end:at]) is not None


def _inception_of(doc: Document, at: int, sentence_start: int, inceptions: _Inceptions, dates: list) -> int | None:
    """The one beginning the article dates for the owner of an ordinal ("its centenary" of the museum)."""
    owner = _owner(doc.text, sentence_start, at)
    if not owner:
        return None
    matching = {dates[i].year: i for i, (_, subject) in inceptions.items() if subject == owner}
    return next(iter(matching.values())) if len(matching) == 1 else None


def _ages(doc: Document, dates: list[DateMention], births: list[int], years: list[int], published) -> list[Span]:
    """Ages bound to a birth year: in the birth's own sentence, or, when the article gives one birth
    year, an age said of "he"/"she" or of a name the birth's sentence names."""
    text = doc.text
    pats = _patterns()
    birth_years = {dates[i].year for i in births}
    names_of_birth: set[str] = set()
    for i in births:
        sentence = doc.sentence_at(dates[i].start)
        if sentence:
            for w in re.finditer(r"(?<![\w])(?<!in )(?<!at )(?<!of )(?<!the )[A-Z][a-z]+", text[sentence.start:sentence.end]):
                if w.start() > 0 and w.group(0) not in NOT_NAMES:
                    names_of_birth.add(w.group(0))
    out = []
    for block in doc.blocks:
        for m in pats["age"].finditer(text, block.start, block.end):
            group = next(g for g in "abcde" if m.group(g))
            start, end = m.start(group), m.end(group)
            sentence = doc.sentence_at(start)
            if sentence is None:
                continue
            in_sentence = [i for i in births if sentence.start <= dates[i].start < sentence.end]
            same = [i for i in in_sentence
                    if not pats["another_person"].search(text, min(end, dates[i].start), max(end, dates[i].start))]
            if same:
                birth = same[0]
            elif in_sentence:
                continue  # "Kowal, 45, whose father was born in 1950": another person's birth
            elif pats["another_person"].search(text, max(sentence.start, start - 40), start):
                continue  # "whose son Calum, 19": someone else's age
            elif len(birth_years) == 1:
                who = m.group("who") or _subject_word(text, sentence.start, start)
                if group == "d":
                    who = WORD.findall(text, max(sentence.start, start - 30), start)[-1:] or [""]
                    who = who[0]
                after = re.match(r",?\s*([Hh]e|[Ss]he)\b", text[end:end + 8])
                who = after.group(1) if after else who
                if who.lower() not in PRONOUNS and not (_subject_names(text, sentence.start, start) & names_of_birth):
                    continue
                birth = births[0]
            else:
                continue
            if group == "d" and not re.search(r"[A-Z][a-z]+$", text[max(0, m.start() - 30):m.start()]):
                continue
            clause_years = [i for i in years if sentence.start <= dates[i].start < sentence.end and i != birth
                            and dates[i].year not in birth_years and dates[i].range_with is None]
            near = [i for i in clause_years if abs(dates[i].start - start) <= 40]
            if near:
                until_index = min(near, key=lambda i: abs(dates[i].start - start))
                until_year = dates[until_index].year
            elif published is None or clause_years and group in "ce":
                continue  # "at 45" or "was 45" far from any year of its sentence: at an unknown time
            else:
                until_index, until_year = None, published.year
            unit = "birthday" if m.group(0).lower().startswith("turn") else "age"  # the age reached that year
            out.append(Span(start, end, m.group(0).strip(" ,"), "age", unit, int(m.group(group)), birth,
                            until_year, until_index, True))
    return out


def _subject_word(text: str, sentence_start: int, at: int) -> str:
    """The first word of the sentence, or the name right before the age ("Holm retired in 2004, at 65")."""
    first = WORD.search(text, sentence_start, at)
    if first is None:
        return ""
    word = first.group(0)
    if word in ("In", "At", "On", "By", "After", "When", "Since"):
        comma = text.find(",", first.end(), at)
        nxt = WORD.search(text, comma + 1, at) if comma >= 0 else None
        return nxt.group(0) if nxt else ""
    return word


def _subject_names(text: str, sentence_start: int, at: int) -> set[str]:
    """The capitalised words at the head of the sentence, before the age ("Yevgeny Solovtsov, who ...")."""
    names = set()
    for m in WORD.finditer(text, sentence_start, at):
        word = m.group(0)
        if not word[0].isupper():
            break
        names.add(word)
    return names - NOT_NAMES
