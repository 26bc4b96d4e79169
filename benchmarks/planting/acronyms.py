"""Acronym errors (A401–A402), planted on the article's own defined acronyms and named bodies."""

from __future__ import annotations

import re

from .core import Article, Draft, kind, shuffled

_FUNCTION = {"of", "for", "and", "the", "de", "on", "in", "&", "du", "des", "la", "le", "to", "at"}
_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s(?:(?:of|for|and|the|de|on|in|&|du|des|la|le|to|at)\s)*){1,9})\((?P<acr>[A-Z]{2,7})\)")
_REVERSE = re.compile(r"\b(?P<acr>[A-Z]{2,7})\s\((?P<name>[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|of|for|and|the|on|in|&)){1,8})\)")


class Definition:
    """'the Office for National Statistics (ONS)': an acronym and the name whose initials it is."""

    def __init__(self, article: Article, name: str, acr: str, name_span: tuple[int, int], acr_span: tuple[int, int], reverse: bool = False):
        self.article, self.name, self.acr = article, name, acr
        self.name_span, self.acr_span, self.reverse = name_span, acr_span, reverse

    @property
    def span(self) -> tuple[int, int]:
        return min(self.name_span[0], self.acr_span[0]) - (1 if self.reverse else 0), max(self.name_span[1], self.acr_span[1]) + 1

    def later_uses(self) -> list[tuple[int, int]]:
        end = self.span[1]
        return [m.span() for m in re.finditer(rf"(?<![\w-]){self.acr}(?![\w-])", self.article.text) if m.start() > end]


def _initials(words: list[str]) -> str:
    out = ""
    for w in words:
        if w.lower() in _FUNCTION:
            continue
        for part in w.split("-"):
            if part and part[0].isupper():
                out += part[0]
    return out


def definitions(article: Article) -> list[Definition]:
    """Acronyms defined in the article whose letters are the initials of the name before them
    ('Food and Drug Administration (FDA)') or after them ('ONS (Office for National Statistics)')."""
    cached = getattr(article, "_definitions", None)
    if cached is not None:
        return cached
    out = []
    for m in _DEFINITION.finditer(article.text):
        words = m.group("name").split()
        acr = m.group("acr")
        for i in range(len(words)):
            tail = words[i:]
            if tail[0].lower() in _FUNCTION or tail[0] == "The":
                continue
            if _initials(tail) == acr:
                start = m.start("name") + len(" ".join(words[:i])) + (1 if i else 0)
                out.append(Definition(article, " ".join(tail), acr, (start, m.end("name") - 1), m.span("acr")))
                break
    for m in _REVERSE.finditer(article.text):
        if _initials(m.group("name").split()) == m.group("acr"):
            out.append(Definition(article, m.group("name"), m.group("acr"), m.span("name"), m.span("acr"), reverse=True))
    seen, unique = set(), []
    for d in out:
        if d.acr not in seen:
            seen.add(d.acr)
            unique.append(d)
    article._definitions = unique
    return unique


def _used(article: Article, acr: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", article.text) is not None


def _swapped(acr: str, rng) -> str | None:
    spots = [i for i in range(len(acr) - 1) if acr[i] != acr[i + 1]]
    if not spots:
        return None
    i = rng.choice(spots)
    return acr[:i] + acr[i + 1] + acr[i] + acr[i + 2:]


def _why_definition(d: Definition, new: str, how: str) -> str:
    return f"'{new}' does not fit '{d.name}' ({how}); its initials are {d.acr}."


def _definition_plants(article: Article, rng, respell, how: str, *, reverse: bool | None = False):
    for d in shuffled(definitions(article), rng):
        if reverse is not None and d.reverse != reverse:
            continue
        new = respell(d.acr)
        if not new or new == d.acr or _used(article, new):
            continue
        draft = Draft(article)
        draft.replace(*d.acr_span, new)
        yield draft.plant(_why_definition(d, new, how), [d.span])


@kind("A401")
def definition_letters_swapped(article: Article, rng):
    """Two letters of a defined acronym swapped in its definition: 'Institute for Fiscal Studies (IFS)' becomes '(ISF)'."""
    yield from _definition_plants(article, rng, lambda a: _swapped(a, rng), "two letters swapped")


@kind("A401")
def definition_letter_changed(article: Article, rng):
    """One letter of a defined acronym changed: 'Council of Mortgage Lenders (CML)' becomes '(CMR)'."""
    def respell(acr):
        i = rng.randrange(1, len(acr))
        letters = [c for c in "BCDFGHLMNPRST" if c not in acr]
        return acr[:i] + rng.choice(letters) + acr[i + 1:]
    yield from _definition_plants(article, rng, respell, "a letter changed")


@kind("A401")
def definition_letter_dropped(article: Article, rng):
    """A letter lost from a defined acronym of three or more: 'Energy Information Administration (EIA)' becomes '(EA)'."""
    def respell(acr):
        if len(acr) < 3:
            return None
        i = rng.randrange(1, len(acr))
        return acr[:i] + acr[i + 1:]
    yield from _definition_plants(article, rng, respell, "a letter missing")


@kind("A401")
def definition_letter_added(article: Article, rng):
    """A stray letter added to a defined acronym: 'Financial Services Authority (FSA)' becomes '(FSAA)' or '(FPSA)'."""
    def respell(acr):
        i = rng.randrange(1, len(acr) + 1)
        return acr[:i] + rng.choice([c for c in "ABCEGMNPRST"]) + acr[i:]
    yield from _definition_plants(article, rng, respell, "a letter too many")


@kind("A401")
def reverse_definition_letters_swapped(article: Article, rng):
    """An acronym defined with its name after it, letters swapped: 'ONS (Office for National Statistics)' becomes 'OSN (...)'; else the name-first form."""
    got = False
    for plant in _definition_plants(article, rng, lambda a: _swapped(a, rng), "two letters swapped", reverse=True):
        got = True
        yield plant
    if not got:
        yield from _definition_plants(article, rng, lambda a: _swapped(a, rng), "two letters swapped", reverse=None)


def _later_use_respelt(article: Article, rng, render, why):
    """A later use of a defined acronym replaced by `render(definition, swapped letters)`."""
    for d in shuffled(definitions(article), rng):
        uses = d.later_uses()
        new = _swapped(d.acr, rng)
        if not uses or not new or _used(article, new):
            continue
        target = rng.choice(uses)
        if article.text[target[1]:target[1] + 2] in ("'s", "’s"):
            continue
        draft = Draft(article)
        index = draft.replace(*target, render(d, new))
        yield draft.plant(why(d, new), [d.span, index])


@kind("A401")
def later_use_letters_swapped(article: Article, rng):
    """A later use of a defined acronym has two letters swapped: 'Monetary Policy Committee (MPC)' ... 'the PMC voted'."""
    yield from _later_use_respelt(article, rng, lambda d, new: new,
                                  lambda d, new: f"The article defines {d.acr} ('{d.name}') and later writes '{new}'.")


# Words a slipped expansion may use in place of the name's own (same initial letter).
_SAME_INITIAL = {"Fund": "Forum", "Forum": "Fund", "Committee": "Council", "Council": "Commission", "Commission": "Committee",
                 "Association": "Authority", "Authority": "Agency", "Agency": "Association", "Organisation": "Office",
                 "Organization": "Office", "Office": "Organisation", "Institute": "Institution", "Bank": "Board",
                 "Board": "Bureau", "Bureau": "Board", "Service": "Society", "Services": "Systems", "Society": "Service",
                 "Union": "Unit", "Federation": "Foundation", "Foundation": "Federation", "Corporation": "Company",
                 "National": "Northern", "International": "Independent", "Economic": "European", "European": "Economic",
                 "Financial": "Federal", "Federal": "Financial", "Monetary": "Market", "Trade": "Transport",
                 "Studies": "Statistics", "Statistics": "Studies", "Development": "Defence", "Policy": "Planning",
                 "Administration": "Agency", "Exchange": "Executive", "Chambers": "Council", "Research": "Resources"}


@kind("A401")
def acronym_expanded_two_ways(article: Article, rng):
    """A later use of a defined acronym is expanded again, differently: 'International Monetary Fund (IMF)' ... 'the IMF (International Monetary Forum)'."""
    for d in shuffled(definitions(article), rng):
        words = d.name.split()
        spots = [i for i, w in enumerate(words) if w in _SAME_INITIAL]
        uses = d.later_uses()
        if not spots or not uses:
            continue
        i = rng.choice(spots)
        if _SAME_INITIAL[words[i]] in words:
            continue
        other = " ".join(words[:i] + [_SAME_INITIAL[words[i]]] + words[i + 1:])
        target = rng.choice(uses)
        if article.text[target[1]:target[1] + 2] in (" (", "'s", "’s"):
            continue
        draft = Draft(article)
        index = draft.insert(target[1], f" ({other})")
        why = f"{d.acr} is '{d.name}' in one place and '{other}' in another."
        yield draft.plant(why, [d.span, index])


@kind("A401")
def name_given_second_acronym(article: Article, rng):
    """A later use becomes the full name with another acronym: 'Office for National Statistics (ONS)' ... 'the Office for National Statistics (OSN)'."""
    yield from _later_use_respelt(article, rng, lambda d, new: f"{d.name} ({new})",
                                  lambda d, new: f"'{d.name}' is given as {d.acr} in one place and {new} in another.")


_BODY_NAME = re.compile(
    r"(?<![\w-])(?:the\s)?(?P<name>(?:[A-Z][a-z]+\s(?:(?:of|for|and)\s)?){1,5}(?:Bank|Group|Corporation|Council|Commission|"
    r"Committee|Fund|Agency|Institute|Association|Union|Organisation|Organization|Office|Authority|Federation|"
    r"Foundation|Confederation|Society|Service|Board|Bureau|Administration|Exchange|Party|Court|Forum))(?![\w-])(?!\s\()")


@kind("A401")
def named_body_given_wrong_acronym(article: Article, rng):
    """A body the article names in full gets an acronym that does not fit: 'the Confederation of British Industry' becomes '... (CIB)'."""
    seen = set()
    for m in shuffled(list(_BODY_NAME.finditer(article.text)), rng):
        name = m.group("name").strip()
        if name in seen or name.split()[0] in ("The", "A", "In", "But", "And", "If", "At", "On", "For"):
            continue
        seen.add(name)
        right = _initials(name.split())
        if len(right) < 3 or _used(article, right):
            continue
        new = _swapped(right, rng)
        if not new or _used(article, new):
            continue
        draft = Draft(article)
        index = draft.insert(m.end("name"), f" ({new})")
        why = f"'{name} ({new})': the initials of the name are {right}."
        yield draft.plant(why, [(m.start("name"), m.end("name")), index])


# --- A402 acronym-context ---------------------------------------------------------------------

# Acronyms of real bodies that are easily written for one another, with each one's full name.
CONFUSABLE = {
    "EU": ("EEA",), "EEA": ("EU",), "IMF": ("IFC",), "WTO": ("WHO",), "WHO": ("WTO",), "OECD": ("OPEC", "OSCE"),
    "OPEC": ("OECD",), "OSCE": ("OECD",), "IEA": ("IAEA", "EIA"), "IAEA": ("IEA",), "EIA": ("IEA",), "ECB": ("EIB",),
    "EIB": ("ECB", "EBRD"), "EBRD": ("EIB",), "G7": ("G20",), "G8": ("G20",), "G20": ("G7", "G8"), "DUP": ("UUP",),
    "UUP": ("DUP",), "ECJ": ("ECHR",), "ECHR": ("ECJ",), "ICJ": ("ICC",), "ICC": ("ICJ",), "UNESCO": ("UNICEF",),
    "UNICEF": ("UNESCO",), "UNHCR": ("UNHRC",), "CIS": ("CSTO",), "CSTO": ("CIS",), "ERM": ("EMU",), "BBC": ("BCC",),
    "BCC": ("BBC",), "ILO": ("IMO",), "FAO": ("IFAD",)}
FULL_NAMES = {
    "EU": "European Union", "EEA": "European Economic Area", "IMF": "International Monetary Fund",
    "IFC": "International Finance Corporation", "WTO": "World Trade Organi[sz]ation", "WHO": "World Health Organi[sz]ation",
    "OECD": "Organi[sz]ation for Economic Co-?operation and Development", "OPEC": "Organi[sz]ation of (?:the )?Petroleum Exporting Countries",
    "OSCE": "Organi[sz]ation for Security and Co-?operation in Europe", "IEA": "International Energy Agency",
    "IAEA": "International Atomic Energy Agency", "EIA": "Energy Information Administration", "ECB": "European Central Bank",
    "EIB": "European Investment Bank", "EBRD": "European Bank for Reconstruction and Development",
    "DUP": "Democratic Unionist Party", "UUP": "Ulster Unionist Party", "ECJ": "European Court of Justice",
    "ECHR": "European Court of Human Rights", "ICJ": "International Court of Justice", "ICC": "International Criminal Court",
    "BBC": "British Broadcasting Corporation", "BCC": "British Chambers? of Commerce", "ILO": "International Labou?r Organi[sz]ation"}


_ANY_CONFUSABLE = re.compile(rf"(?<![\w/-])(?:{'|'.join(sorted(CONFUSABLE, key=len, reverse=True))})(?![\w/-])")


def _all_uses(article: Article) -> dict[str, list[re.Match]]:
    cached = getattr(article, "_confusable_uses", None)
    if cached is None:
        cached = {}
        for m in _ANY_CONFUSABLE.finditer(article.text):
            cached.setdefault(m.group(0), []).append(m)
        article._confusable_uses = cached
    return cached


def _uses(article: Article, acr: str) -> list[re.Match]:
    return _all_uses(article).get(acr, [])


def _full_name(article: Article, acr: str) -> re.Match | None:
    return re.search(FULL_NAMES[acr], article.text) if acr in FULL_NAMES else None


def _context_plants(article: Article, rng, pick):
    """For each confusable acronym the article uses, `pick(acr, uses)` chooses the use to swap
    (or None); the article must not mention the confusable body itself."""
    present = shuffled(sorted(_all_uses(article)), rng)
    present.sort(key=lambda a: a == "EU")      # the EU is in most of the corpus: try the others first
    for acr in present:
        others = [o for o in CONFUSABLE[acr] if not _uses(article, o) and not _full_name(article, o)]
        uses = _uses(article, acr)
        if not others:
            continue
        target = pick(acr, uses)
        if target is None:
            continue
        other = rng.choice(others)
        draft = Draft(article)
        draft.replace(target.start(), target.end(), other)
        keep = [u for u in uses if u is not target]
        full = _full_name(article, acr)
        why = (f"'{other}' is written where the article otherwise speaks of the {acr}"
               f"{' (' + full.group(0) + ')' if full else ''}; the {other} is a different body.")
        spans = [target.span()] + ([keep[0].span()] if keep else []) + ([full.span()] if full and not keep else [])
        yield draft.plant(why, spans)


@kind("A402")
def use_after_definition_swapped(article: Article, rng):
    """A later use of an acronym the article defines becomes a confusable one: 'World Trade Organization (WTO)' ... 'the WHO ruled'."""
    defined = {d.acr: d for d in definitions(article)}
    def pick(acr, uses):
        d = defined.get(acr)
        if d is None:
            return None
        later = [u for u in uses if u.start() > d.span[1]]
        return rng.choice(later) if later else None
    yield from _context_plants(article, rng, pick)


@kind("A402")
def one_of_repeated_uses_swapped(article: Article, rng):
    """One of three or more uses of an acronym becomes a confusable one: 'the G7 ... G7 ministers ... the G20 communique'."""
    def pick(acr, uses):
        return rng.choice(uses[1:]) if len(uses) >= 3 else None
    yield from _context_plants(article, rng, pick)


@kind("A402")
def possessive_use_swapped(article: Article, rng):
    """A possessive use becomes a confusable body's: 'the IMF's forecast' becomes 'the IFC's forecast'."""
    def pick(acr, uses):
        owned = [u for u in uses if article.text[u.end():u.end() + 2] in ("'s", "’s")]
        return rng.choice(owned) if owned and len(uses) >= 2 else None
    yield from _context_plants(article, rng, pick)


@kind("A402")
def use_beside_full_name_swapped(article: Article, rng):
    """An acronym whose full name the article also writes is swapped in one use: 'the European Union ... EU leaders' becomes 'EEA leaders'."""
    def pick(acr, uses):
        if not _full_name(article, acr):
            return None
        return rng.choice(uses)
    yield from _context_plants(article, rng, pick)


@kind("A402")
def use_with_title_swapped(article: Article, rng):
    """An acronym before a title or body noun is swapped: 'DUP leader Arlene Foster' becomes 'UUP leader Arlene Foster'; 'EU leaders' becomes 'EEA leaders'."""
    def pick(acr, uses):
        titled = [u for u in uses if re.match(r"\s(?:leader|leaders|chief|head|president|chairman|director|members?|"
                                              r"ministers?|summit|officials?|spokesman|spokeswoman|deputy|secretary|countries|states|nations)\b",
                                              article.text[u.end():u.end() + 20])]
        return rng.choice(titled) if titled and len(uses) >= 2 else None
    yield from _context_plants(article, rng, pick)


@kind("A402")
def use_in_quotation_swapped(article: Article, rng):
    """A use inside a quotation is swapped: '"The EU has to listen," she said' becomes '"The EEA has to listen"'."""
    def pick(acr, uses):
        quoted = []
        for u in uses:
            sentence = article.sentence_at(u.start())
            body = article.text[sentence.start:u.start()]
            if body.count('"') % 2 == 1:
                quoted.append(u)
        return rng.choice(quoted) if quoted and len(uses) >= 2 else None
    yield from _context_plants(article, rng, pick)


@kind("A402")
def headline_use_swapped(article: Article, rng):
    """The headline's acronym is swapped while the body keeps it: 'G7 ministers meet in London' over a body about the G7 becomes 'G20 ministers ...'."""
    headline = article.paras[0]
    def pick(acr, uses):
        top = [u for u in uses if u.start() < headline.end]
        return top[0] if top and len(uses) - len(top) >= 1 else None
    yield from _context_plants(article, rng, pick)


@kind("A402")
def first_use_swapped(article: Article, rng):
    """The first body use is swapped while later ones are right: 'Shares in the BBC's ...' first, then 'the BBC' twice, becomes 'the BCC's' first."""
    headline = article.paras[0]
    def pick(acr, uses):
        body = [u for u in uses if u.start() > headline.end]
        return body[0] if len(body) >= 2 else None
    yield from _context_plants(article, rng, pick)
