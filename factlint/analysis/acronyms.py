"""Acronyms: where they are used, where they are defined, and what the article is about.

``doc.acronyms`` is an :class:`AcronymAnalysis`:

- ``mentions``: every acronym-like token in the prose ("NATO", "U.N.", "NGOs", "AfDB", "OPEC+"),
  without runs of capitals that are shouting or a dateline ("NEW YORK, Feb 26").
- ``definitions``: short form / long form pairs in the orders news copy uses:
  "Eurasian Economic Union (EAEU)", "EAEU (Eurasian Economic Union)",
  "the EAEU, the Eurasian Economic Union", "EAEU: Eurasian Economic Union", "Eurasian Economic
  Union, or EAEU", "EAEU stands for ...". The pairing is the Schwartz & Hearst (2003) algorithm:
  the short form's characters are found right to left in the long form, the first one at the start
  of a word. For a capitalised name the initials decide, so that "World Trade Organization (WTA)"
  is caught although S&H would accept it (the A is in "organizAtion"); a short form that misses
  the initials by exactly one letter or one swap is a ``near_miss`` (a slip), one that shares
  nothing with them is taken for an acronym of the name in its own language (IMEMO, MSF).
- ``context()``: the countries the article names (by name, demonym or capital) and how often it
  uses the words of each domain (trade, health, nuclear, ...), computed on first use.

The organisations, countries and domain words come from ``factlint/data/organisations.json``,
parsed once per process (:func:`knowledge`).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from factlint.document import Document

# --- the bundled knowledge --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    acronyms: tuple[str, ...]
    names: tuple[str, ...]
    members: frozenset[str] | None  # None: open to every country (a worldwide body)
    domains: tuple[str, ...]
    keywords: frozenset[str]
    confusables: tuple[str, ...]  # ids, the likeliest confusion first
    parents: tuple[str, ...] = ()  # ids of the organisations it is a body of ("members_of")

    @property
    def acronym(self) -> str:
        return self.acronyms[0]


@dataclass(frozen=True, slots=True)
class Knowledge:
    organisations: dict[str, Organisation]
    by_acronym: dict[str, tuple[Organisation, ...]]  # key: acronym_key()
    by_name: dict[str, tuple[Organisation, ...]]  # key: name_key()
    places: dict[str, tuple[tuple[str, str], ...]]  # first word -> ((whole phrase, country), ...)
    domain_words: dict[str, frozenset[str]]
    well_known: frozenset[str]  # acronym_key()s that need no definition


def acronym_key(token: str) -> str:
    """The comparable form of a short form: "U.N." -> "UN", "NGOs" -> "NGO", "Nato" -> "NATO"."""
    token = token.replace(".", "").replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    if len(token) >= 3 and token[-1] == "s" and token[-2].isupper():
        token = token[:-1]
    return token.upper()


_SPELLING = (("isation", "ization"), ("co-operation", "cooperation"), ("defence", "defense"),
             ("centre", "center"), ("programme", "program"), ("labour", "labor"), ("’", "'"))
_STOPWORDS = frozenset("the of for and on in at to a an & de du des la le et für und".split())


def name_key(name: str) -> str:
    """The comparable form of a long form: case, accents, British spelling, hyphens, "the"."""
    name = unicodedata.normalize("NFKD", name.lower())
    name = "".join(c for c in name if not unicodedata.combining(c))
    for british, american in _SPELLING:
        name = name.replace(british, american)
    words = regex.findall(r"[a-z0-9]+", name.replace("'s", "").replace("-", " "))
    return " ".join(w for w in words if w not in _STOPWORDS)


def _load() -> Knowledge:
    raw = json.loads(resources.files("factlint.data").joinpath("organisations.json").read_bytes())
    by_region: dict[str, set[str]] = {}
    places: dict[str, list[tuple[str, str]]] = {}
    for country in raw["countries"]:
        name = country["name"]
        for region in country.get("regions", ()):
            by_region.setdefault(region, set()).add(name)
        for phrase in [name, *country.get("aliases", ()), *country.get("demonyms", ()),
                       *country.get("capitals", ())]:
            places.setdefault(phrase.split()[0], []).append((phrase, name))
    entries = {o["id"]: o for o in raw["organisations"]}

    def members(entry: dict, seen: frozenset[str] = frozenset()) -> set[str] | None:
        if entry.get("scope") == "global":
            return None
        out = set(entry.get("members", ())) | set(entry.get("former_members", ()))
        if not out and not entry.get("members_of"):  # regions say who may join only when no list does
            for region in entry.get("regions", ()):
                out |= by_region.get(region, set())
        for parent in entry.get("members_of", ()):
            if parent not in seen:
                out |= members(entries[parent], seen | {entry["id"]}) or set()
        return out or None

    organisations: dict[str, Organisation] = {}
    by_acronym: dict[str, list[Organisation]] = {}
    by_name: dict[str, list[Organisation]] = {}
    for entry in raw["organisations"]:
        found = members(entry)
        org = Organisation(entry["id"], tuple(entry["acronyms"]), tuple(entry["names"]),
                           frozenset(found) if found else None, tuple(entry.get("domains", ())),
                           frozenset(entry.get("keywords", ())), tuple(entry.get("confusables", ())),
                           tuple(entry.get("members_of", ())))
        organisations[org.id] = org
        for acronym in org.acronyms:
            by_acronym.setdefault(acronym_key(acronym), []).append(org)
        for name in org.names:
            by_name.setdefault(name_key(name), []).append(org)
    # a confusion goes both ways: make the lists symmetric, keeping each list's own order first
    for org in list(organisations.values()):
        for other in org.confusables:
            peer = organisations[other]
            if org.id not in peer.confusables:
                organisations[other] = peer = _with_confusable(peer, org.id)
    by_acronym = {k: tuple(organisations[o.id] for o in v) for k, v in by_acronym.items()}
    by_name = {k: tuple(organisations[o.id] for o in v) for k, v in by_name.items()}
    well_known = frozenset(acronym_key(a) for a in raw["well_known"]) | frozenset(by_acronym)
    return Knowledge(organisations, by_acronym, by_name,
                     {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in places.items()},
                     {k: frozenset(v) for k, v in raw["domains"].items()}, well_known)


def _with_confusable(org: Organisation, other: str) -> Organisation:
    return Organisation(org.id, org.acronyms, org.names, org.members, org.domains, org.keywords,
                        (*org.confusables, other), org.parents)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The organisation data, parsed on first use (about 2 ms) and kept for the process."""
    return _load()


# --- records ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AcronymMention:
    start: int
    end: int
    key: str  # acronym_key() of the token


@dataclass(frozen=True, slots=True)
class Definition:
    """A short form paired with its long form; offsets of the short form, then of the long form."""

    start: int
    end: int
    key: str
    long_start: int
    long_end: int
    long: str
    form: str  # "long (short)" | "short (long)" | "short, long" | "long, or short" | ...
    alternatives: tuple[str, ...] = ()  # other short forms given with it: "(IS/ISIS)"
    match: str = "initials"  # "initials" of a capitalised name | "letters" (Schwartz & Hearst) | "near-miss"
    near_miss: str | None = None  # the initials, when the short form misses them by one letter
    organisation: str | None = None  # id of the known organisation the long form names

    def to_json(self, doc: Document) -> dict:
        return {"start": doc.to_source(self.start), "end": doc.to_source_end(self.end),
                "text": doc.text[self.start:self.end], "long": self.long, "form": self.form,
                "match": self.match, "near_miss": self.near_miss, "organisation": self.organisation,
                "alternatives": list(self.alternatives)}


@dataclass(slots=True)
class ArticleContext:
    countries: dict[str, tuple[int, int]]  # country -> first mention (start, end)
    words: Counter  # lower-case word counts over the whole text


@dataclass(slots=True)
class AcronymAnalysis:
    mentions: list[AcronymMention]
    definitions: list[Definition]
    _doc: Document = field(repr=False)
    _context: ArticleContext | None = field(default=None, repr=False)

    def records(self) -> list:
        return [*self.definitions, *self.mentions]

    def defined(self) -> set[str]:
        return {k for d in self.definitions for k in (d.key, *d.alternatives)}

    def capitalised_names(self) -> list[str]:
        """Runs of capitalised words (with linking words), for telling whether an acronym is spelled out."""
        return [m.group() for m in _NAME_IN_TEXT.finditer(self._doc.text) if not _is_acronym_token(m.group())]

    def context(self) -> ArticleContext:
        if self._context is None:
            self._context = _article_context(self._doc)
        return self._context


# --- finding acronyms -------------------------------------------------------------------------

# Two capitals with at most two lower-case letters between (NATO, AfDB, CoE, PhD, NGOs, OPEC+),
# or dotted initials (U.S., U.N.).
_MENTION = regex.compile(
    r"(?<![\w&+])(?:(?:[A-Z]\.){2,}(?![\w])|[A-Z][a-z]{0,2}[A-Z][A-Za-z0-9&]*\+?(?:['’]s\b)?)")
_SHOUT_WORDS = frozenset("A AN AND THE OF FOR TO IN ON AT BY IS IT AS OR NOT NO NEW NEWS BREAKING "
                         "WITH FROM THIS THAT UPDATE UPDATED EXCLUSIVE WATCH LIVE READ MORE".split())


def _is_acronym_token(token: str) -> bool:
    """Capitals (and digits); or a stylised form with short lower-case runs ending in a capital."""
    core = token.replace(".", "")
    if core.endswith(("'s", "’s")):
        core = core[:-2]
    if len(core) >= 3 and core[-1] == "s" and core[-2].isupper():
        core = core[:-1]
    core = core.rstrip("+")
    if sum(c.isupper() for c in core) < 2:
        return False
    if not any(c.islower() for c in core):
        return True
    return len(core) <= 6 and core[-1].isupper() and max(map(len, regex.findall(r"[a-z]+", core))) <= 2


def _find_mentions(doc: Document) -> list[AcronymMention]:
    text = doc.text
    found: list[tuple[int, int, str]] = []
    for block in doc.blocks:
        for m in _MENTION.finditer(text, block.start, block.end):
            token = m.group()
            if _is_acronym_token(token):
                found.append((m.start(), m.end(), token))
    # drop runs of capitals that are shouting or a dateline rather than acronyms
    out: list[AcronymMention] = []
    i = 0
    while i < len(found):
        j = i + 1
        while j < len(found) and not regex.search(r"[a-z0-9]", text[found[j - 1][1]:found[j][0]]) \
                and found[j][0] - found[j - 1][1] <= 3:
            j += 1
        run = found[i:j]
        shouting = len(run) >= 3 or (len(run) == 2 and any(
            t.upper() in _SHOUT_WORDS and acronym_key(t) not in knowledge().well_known for _, _, t in run))
        if not shouting:
            for start, end, token in run:
                if not _is_dateline(doc, start, end, token):
                    out.append(AcronymMention(start, end, acronym_key(token)))
        i = j
    return out


def _is_dateline(doc: Document, start: int, end: int, token: str) -> bool:
    """A place in capitals opening a paragraph: "LONDON (Reuters) -", "JAKARTA —"."""
    block = doc.block_at(start)
    if block is None or doc.text[block.start:start].strip() or len(token) < 4:
        return False
    return regex.match(r"\s*(?:\(|,|[-—–]\s)", doc.text[end:end + 3]) is not None and \
        acronym_key(token) not in knowledge().well_known


# --- Schwartz & Hearst ------------------------------------------------------------------------


def schwartz_hearst(short: str, long: str) -> int:
    """Start of the shortest tail of ``long`` that S&H pairs with ``short``, or -1.

    Each alphanumeric character of the short form is searched right to left in the long form;
    the first one must begin a word.
    """
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != c or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return -1
        i -= 1
        s -= 1
    return long.rfind(" ", 0, i + 1) + 1


_WORD = regex.compile(r"[\w'’.&]+(?:-[\w'’]+)*")


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    initials: str  # capitals of the word and its hyphenated parts: "Co-operation" -> "C"
    linking: bool  # a lower-case linking word ("of", "and")


def _name_words(text: str, start: int, end: int) -> list[_Word]:
    out = []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        parts = [p for p in word.split("-") if p]
        initials = "".join(p[0] for p in parts if p[0].isupper())
        if word[0].isupper():
            out.append(_Word(m.start(), m.end(), initials.upper(), False))
        elif word.lower() in _STOPWORDS or word in ("al",):
            out.append(_Word(m.start(), m.end(), word[0].upper(), True))
    return out


def _letters(short: str) -> str:
    return "".join(c for c in short if c.isupper() or c.isdigit())


def _near(a: str, b: str) -> str:
    """"letter" when one letter differs, "swap" when two neighbours are swapped, else "".

    Both keep the first letter and the length.
    """
    if len(a) != len(b) or a == b or a[0] != b[0]:
        return ""
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return "letter"
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return "swap" if swapped else ""


@dataclass(frozen=True, slots=True)
class _Fit:
    start: int  # start of the long form in the text
    match: str  # "initials" | "letters" | "near-miss" | "" (nothing fits)
    near_miss: str | None = None


def _fit_name(short: str, text: str, start: int, end: int) -> _Fit | None:
    """Pair ``short`` with the capitalised name that ends at ``end``: by its initials, else by S&H."""
    letters = _letters(short)
    run: list[_Word] = []
    for w in reversed(_name_words(text, start, end)):
        if text[w.end:(run[0].start if run else end)].strip(" \t"):
            break
        run.insert(0, w)
    while run and run[0].linking:
        run.pop(0)
    if not run or len(letters) < 2:
        return None
    near = None
    for k, first in enumerate(run):
        if first.linking:
            continue
        tail = run[k:]
        content = "".join(w.initials for w in tail if not w.linking)
        if letters in (content, "".join(w.initials for w in tail)):
            return _Fit(first.start, "initials")
        if near is None and len(letters) >= 3 and len(tail) > 1:
            slip = _near(content, letters)
            # A swap is a typing slip. One letter off may be an acronym of the name in its own
            # language (SDS for the Slovenian Democratic Party, FSB): trust it only for a known name.
            if slip == "swap" or (slip and name_key(text[first.start:end]) in knowledge().by_name):
                near = _Fit(first.start, "near-miss", content)
    if near is not None:
        return near
    at = schwartz_hearst(short, text[run[0].start:end])
    return _Fit(run[0].start + at, "letters") if at >= 0 else _Fit(run[0].start, "")


_PAREN = regex.compile(r"\(([^()\n]{1,60})\)")
_PAREN_LEAD = regex.compile(r"^(?:the|also|or|known as|hereinafter|hereafter|formerly|abbreviated|aka)\s+",
                            regex.I)
_SPLIT = regex.compile(r"\s*(?:/|,|;|\bor\b)\s*")
_WINDOW_WORD = regex.compile(r"\S+")


def _short_forms(content: str) -> list[str]:
    """The short forms in a parenthesis, or none when it holds anything else."""
    content = content.strip()
    while (m := _PAREN_LEAD.match(content)) is not None:
        content = content[m.end():]
    parts = [p.strip().removeprefix("the ").strip() for p in _SPLIT.split(content)]
    if not parts or any(not p or " " in p for p in parts):
        return []
    return parts if all(_is_short_form(p) for p in parts) else []


def _is_short_form(token: str) -> bool:
    core = acronym_key(token).rstrip("+")
    return 2 <= len(core) <= 10 and core[0].isalnum() and (_is_acronym_token(token) or (
        token[0].isupper() and any(c.isdigit() for c in token)))


def _window_start(doc: Document, end: int, short: str) -> int:
    """Schwartz & Hearst's window: min(|A| + 5, 2|A|) words before the short form, in its sentence."""
    sentence = doc.sentence_at(max(end - 1, 0))
    floor = sentence.start if sentence else max(0, end - 200)
    n = len(acronym_key(short))
    words = list(_WINDOW_WORD.finditer(doc.text, floor, end))
    keep = min(n + 5, 2 * n)
    return words[-keep].start() if len(words) > keep else floor


def _known_pair(short: str, long: str) -> str | None:
    """The organisation whose name is ``long`` (or ends it), if ``short`` is one of its acronyms."""
    kb = knowledge()
    key = acronym_key(short)
    words = name_key(long).split()
    for i in range(len(words)):
        for org in kb.by_name.get(" ".join(words[i:]), ()):
            if key in {acronym_key(a) for a in org.acronyms}:
                return org.id
    return None


def _organisation(short: str, long: str) -> str | None:
    known = _known_pair(short, long)
    if known:
        return known
    orgs = knowledge().by_name.get(name_key(long), ())
    return orgs[0].id if len(orgs) == 1 else None


def _find_definitions(doc: Document) -> list[Definition]:
    text = doc.text
    out: list[Definition] = []
    for block in doc.blocks:
        for m in _PAREN.finditer(text, block.start, block.end):
            shorts = _short_forms(m.group(1))
            definition = _long_then_short(doc, m, shorts) if shorts else _short_then_long(doc, m)
            if definition is not None:
                out.append(definition)
        for m in _APPOSITIVE.finditer(text, block.start, block.end):
            definition = _appositive(doc, m)
            if definition is not None:
                out.append(definition)
    out.sort(key=lambda d: d.start)
    return out


_RANK = {"initials": 3, "letters": 2, "near-miss": 1}


def _long_then_short(doc: Document, m: regex.Match, shorts: list[str]) -> Definition | None:
    """"Eurasian Economic Union (EAEU)", "Islamic State (IS/ISIS)"."""
    text = doc.text
    end = m.start()
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    best: _Fit | None = None
    chosen = shorts[0]
    for short in shorts:
        window = _window_start(doc, end, short)
        fit = _fit_name(short, text, window, end)
        if fit is None or not fit.match:
            at = schwartz_hearst(short, text[window:end])  # a long form in lower case: "chief executive"
            fit = _Fit(window + at, "letters") if at >= 0 else None
        if fit is not None and (best is None or _RANK[fit.match] > _RANK[best.match]):
            best, chosen = fit, short
    if best is None:
        return None  # nothing fits: an acronym of the name in its own language, or not a definition
    long = " ".join(text[best.start:end].split())
    organisation = _organisation(chosen, long)
    if best.match == "near-miss" and _known_pair(chosen, long):
        return None  # a known translated acronym one letter off the English initials (FSB)
    short_start = text.find(chosen, m.start(1))
    return Definition(short_start, short_start + len(chosen), acronym_key(chosen), best.start, end, long,
                      "long (short)", tuple(acronym_key(s) for s in shorts if s != chosen), best.match,
                      best.near_miss, organisation)


def _short_then_long(doc: Document, m: regex.Match) -> Definition | None:
    """"EAEU (Eurasian Economic Union)": an acronym right before a parenthesised capitalised name."""
    text = doc.text
    before = regex.search(r"([\w.&+'’]+)[ \t]*$", text[max(0, m.start() - 20):m.start()])
    content = m.group(1).strip()
    if before is None or not _is_acronym_token(before.group(1)) or len(content.split()) < 2 \
            or not content[0].isupper():
        return None
    short = before.group(1)
    long_start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
    long_end = long_start + len(content)
    fit = _fit_name(short, text, long_start, long_end)
    if fit is None or not fit.match or fit.start != long_start:
        return None  # the brackets say more than the acronym covers: a description, not a definition
    if fit.match == "near-miss" and _known_pair(short, content):
        return None
    start = m.start() - len(before.group(0))
    return Definition(start, start + len(short), acronym_key(short), long_start, long_end, content,
                      "short (long)", (), fit.match, fit.near_miss, _organisation(short, content))


# "the EAEU, the Eurasian Economic Union," / "EAEU: Eurasian Economic Union" /
# "Eurasian Economic Union, or EAEU," / "EAEU stands for Eurasian Economic Union"
_CAP_WORD = r"\p{Lu}[\w'’&]*(?:-[\w'’]+){0,3}"
_CAP_NAME = rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|for|and|the|on|in|de|la|&)[ \t]+){{0,2}}{_CAP_WORD}){{1,8}}"
_SHORT = r"(?:[A-Z][A-Za-z0-9&]{1,9}\+?)"
_APPOSITIVE = regex.compile(
    rf"(?<![\w])(?P<s1>{_SHORT})(?:,[ \t]+(?:the|an?)[ \t]+|:[ \t]+|[ \t]+(?:stands|stood)[ \t]+for[ \t]+"
    rf"(?:the[ \t]+)?)(?P<l1>{_CAP_NAME})"
    rf"|(?<![\w])(?P<l2>{_CAP_NAME}),?[ \t]+(?:or|known[ \t]+as|also[ \t]+known[ \t]+as|abbreviated[ \t]+"
    rf"(?:as|to)|aka)[ \t]+(?:the[ \t]+)?(?P<s2>{_SHORT})(?![\w])")


def _appositive(doc: Document, m: regex.Match) -> Definition | None:
    """An appositive pairs only when the short form is exactly the initials of the name."""
    text = doc.text
    if m.group("s1"):
        short, (s_start, s_end), (l_start, l_end), form = m.group("s1"), m.span("s1"), m.span("l1"), "short, long"
    else:
        short, (s_start, s_end), (l_start, l_end), form = m.group("s2"), m.span("s2"), m.span("l2"), "long, or short"
    if not _is_acronym_token(short):
        return None
    letters = _letters(short)
    if form == "short, long":  # the name may go on after the part the acronym covers
        got = ""
        for w in _name_words(text, l_start, l_end):
            got += "" if w.linking else w.initials
            if got == letters:
                l_end = w.end
                break
        if got == letters:
            fit: _Fit | None = _Fit(l_start, "initials")
        else:  # "the EAEU, the Eurasian Economic Union": letters from inside the words, whole name
            fit = _Fit(l_start, "letters") if schwartz_hearst(short, text[l_start:l_end]) == 0 else None
    else:
        fit = _fit_name(short, text, l_start, l_end)
    if fit is None or fit.match not in ("initials", "letters"):
        return None
    long = " ".join(text[fit.start:l_end].split())
    return Definition(s_start, s_end, acronym_key(short), fit.start, l_end, long, form, (), fit.match, None,
                      _organisation(short, long))


# --- the article's countries and domains ------------------------------------------------------

_NAME_IN_TEXT = regex.compile(_CAP_WORD + r"(?:[ \t]+(?:(?:of|for|and|the|on|in|de|la|&)[ \t]+){0,2}" + _CAP_WORD + "){0,8}")
_CAPITALISED = regex.compile(r"(?<![\w])\p{Lu}[\w'’.-]*")
_LOWER_WORD = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _article_context(doc: Document) -> ArticleContext:
    text = doc.text
    places = knowledge().places
    countries: dict[str, tuple[int, int]] = {}
    for m in _CAPITALISED.finditer(text):
        word = m.group().rstrip(".")
        for base in (word, word.removesuffix("'s").removesuffix("’s"), word.rstrip("s")):
            candidates = places.get(base)
            if candidates:
                break
        else:
            continue
        for phrase, country in candidates:
            if text.startswith(phrase, m.start()) and not text[m.start() + len(phrase):m.start() + len(phrase) + 1].isalpha() \
                    or phrase == base:
                countries.setdefault(country, (m.start(), m.start() + len(phrase)))
                break
    return ArticleContext(countries, Counter(_LOWER_WORD.findall(text.lower())))


def sentence_words(doc: Document, start: int, end: int) -> Counter:
    """Lower-case word counts of the sentence around ``start``..``end``."""
    sentence = doc.sentence_at(start)
    lo, hi = (sentence.start, sentence.end) if sentence else (start, end)
    return Counter(_LOWER_WORD.findall(doc.text[lo:hi].lower()))


def analyze_acronyms(doc: Document) -> AcronymAnalysis:
    return AcronymAnalysis(_find_mentions(doc), _find_definitions(doc), doc)
