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

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from factlint.analysis.bundled import data_json

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
    national: bool = False  # a national body: its name may be generic ("Liberal Democratic Party")
    # what a writer may say the body is or does ("the EU's long-term lending bank"), lower case
    kind: tuple[str, ...] = ()  # "central bank", "military alliance"
    parent: str | None = None  # id of the body it belongs to: the IFC to the World Bank Group
    seat: str | None = None
    head: tuple[str, ...] = ()  # its head's title
    mandate: tuple[str, ...] = ()  # words and phrases of its business

    @property
    def acronym(self) -> str:
        return self.acronyms[0]


def acronym_key(token: str) -> str:
    """The comparable form of a short form: "U.N." -> "UN", "NGOs" -> "NGO", "Nato" -> "NATO"."""
    token = token.replace(".", "").replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    if len(token) >= 3 and token[-1] == "s" and token[-2].isupper():
        token = token[:-1]
    return token.upper()


_SPELLING = (("isation", "ization"), ("co-operation", "cooperation"), ("defence", "defense"),
             ("centre", "center"), ("programme", "program"), ("labour", "labor"))
_KEY_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset("the of for and on in at to a an & de du des la le et für und".split())


def _ascii(text: str) -> str:
    """Accents dropped ("é" -> "e"), and any other letter outside ASCII with them."""
    return text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def name_key(name: str) -> str:
    """The comparable form of a long form: case, accents, British spelling, hyphens, "the"."""
    name = _ascii(name.lower().replace("’", "'"))
    for british, american in _SPELLING:
        name = name.replace(british, american)
    words = _KEY_WORD.findall(name.replace("'s", "").replace("-", " "))
    return " ".join([w for w in words if w not in _STOPWORDS])


class Knowledge:
    """The organisation data file, with indexes built on first use (a run that needs no place
    names or long forms never builds them)."""

    def __init__(self, raw: dict) -> None:
        self._raw = raw
        entries = {o["id"]: o for o in raw["organisations"]}
        by_region: dict[str, set[str]] = {}
        for country in raw["countries"]:
            for region in country.get("regions", ()):
                by_region.setdefault(region, set()).add(country["name"])

        def members(entry: dict, seen: frozenset[str] = frozenset()) -> set[str] | None:
            if entry.get("scope") == "global":
                return None
            out = set(entry.get("members", ())) | set(entry.get("former_members", ()))
            for region in entry.get("regions", ()):
                out |= by_region.get(region, set())
            for parent in entry.get("members_of", ()):
                if parent not in seen:
                    out |= members(entries[parent], seen | {entry["id"]}) or set()
            return out or None

        confusables = {e["id"]: list(e.get("confusables", ())) for e in raw["organisations"]}
        for entry in raw["organisations"]:  # a confusion goes both ways; each list's own order first
            for other in entry.get("confusables", ()):
                if entry["id"] not in confusables[other]:
                    confusables[other].append(entry["id"])
        self.organisations: dict[str, Organisation] = {}
        by_acronym: dict[str, list[Organisation]] = {}
        for entry in raw["organisations"]:
            found = members(entry)
            org = Organisation(entry["id"], tuple(entry["acronyms"]), tuple(entry["names"]),
                               frozenset(found) if found else None, tuple(entry.get("domains", ())),
                               frozenset(entry.get("keywords", ())), tuple(confusables[entry["id"]]),
                               tuple(entry.get("members_of", ())), entry.get("scope") == "national",
                               tuple(entry.get("kind", ())), entry.get("parent"), entry.get("seat"),
                               tuple(entry.get("head", ())), tuple(entry.get("mandate", ())))
            self.organisations[org.id] = org
            for key in dict.fromkeys(acronym_key(a) for a in org.acronyms):  # "EU" and "E.U." once
                by_acronym.setdefault(key, []).append(org)
        self.by_acronym: dict[str, tuple[Organisation, ...]] = {k: tuple(v) for k, v in by_acronym.items()}
        # acronym_key()s that need no definition
        self.well_known = frozenset(acronym_key(a) for a in raw["well_known"]) | frozenset(by_acronym)

    @cached_property
    def by_name(self) -> dict[str, tuple[Organisation, ...]]:
        """Organisations by name_key() of each of their names."""
        out: dict[str, list[Organisation]] = {}
        for org in self.organisations.values():
            for name in org.names:
                out.setdefault(name_key(name), []).append(org)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def places(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """First word of a country's name, alias, demonym or capital -> ((phrase, country), ...)."""
        out: dict[str, list[tuple[str, str]]] = {}
        for country in self._raw["countries"]:
            name = country["name"]
            for phrase in [name, *country.get("aliases", ()), *country.get("demonyms", ()),
                           *country.get("capitals", ())]:
                out.setdefault(phrase.split()[0], []).append((phrase, name))
        return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in out.items()}

    @cached_property
    def capitals(self) -> frozenset[str]:
        return frozenset(c for country in self._raw["countries"] for c in country.get("capitals", ()))

    @cached_property
    def region_countries(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for country in self._raw["countries"]:
            for region in country.get("regions", ()):
                out.setdefault(region, set()).add(country["name"])
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def region_adjectives(self) -> dict[str, str]:
        """Each region's adjective in lower case: Asia -> asian, Europe -> european, Balkans -> balkan."""
        return {region: _REGION_ADJECTIVES.get(region, _adjective(region)) for region in self.region_countries}

    @cached_property
    def english(self) -> frozenset[str]:
        """Countries with English as an official or national language."""
        return frozenset(c["name"] for c in self._raw["countries"] if c.get("english"))

    @cached_property
    def domain_words(self) -> dict[str, frozenset[str]]:
        return {k: frozenset(v) for k, v in self._raw["domains"].items()}


_REGION_ADJECTIVES = {"Arab world": "arab", "Middle East": "middle eastern", "Caucasus": "caucasian", "Gulf": "gulf",
                      "Nordic": "nordic", "Baltic": "baltic", "Caribbean": "caribbean"}


def _adjective(region: str) -> str:
    """"West Africa" -> "west african", "Eastern Europe" -> "eastern european", "Americas" -> "american"."""
    name = region.lower().removesuffix("s")
    return name + ("n" if name.endswith("a") else "an" if name.endswith("e") else "")


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The organisation data, parsed on first use and kept for the process."""
    return Knowledge(data_json("organisations.json"))


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
    _name_keys: str | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)
    _lower_words: frozenset[str] | None = field(default=None, repr=False)
    _lowered: str | None = field(default=None, repr=False)
    _block_keys: list[str] | None = field(default=None, repr=False)
    _article: Gloss | None = field(default=None, repr=False)

    def records(self) -> list:
        return [*self.definitions, *self.mentions]

    def defined(self) -> set[str]:
        return {k for d in self.definitions for k in (d.key, *d.alternatives)}

    def capitalised_names(self) -> list[str]:
        """Runs of capitalised words (with linking words), for telling whether an acronym is spelled out."""
        return [m.group() for m in _NAME_IN_TEXT.finditer(self._doc.text) if not _is_acronym_token(m.group())]

    def mentions_between(self, start: int, end: int) -> list[AcronymMention]:
        """The mentions that start in ``start``..``end``."""
        if self._starts is None:
            self._starts = [m.start for m in self.mentions]
        return self.mentions[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]

    def keys_between(self, start: int, end: int) -> list[str]:
        """Keys of the mentions that start in ``start``..``end``."""
        if self._starts is None:
            self._starts = [m.start for m in self.mentions]
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [m.key for m in self.mentions[lo:hi]]

    def lower_case_words(self) -> frozenset[str]:
        """Words the text writes in lower case, to tell "TAXES" (a word in capitals) from an acronym."""
        if self._lower_words is None:
            self._lower_words = frozenset(_LOWER_RUN.findall(self._doc.text))
        return self._lower_words

    def says(self, name: str) -> bool:
        """Whether the text contains ``name`` whatever its spelling ("Organisation"/"Organization")."""
        key = name_key(name)
        if self._lowered is None:
            self._lowered = _ascii(self._doc.text.lower())
        # a cheap test first: the words no spelling rule touches must all be in the text
        if not all(w in self._lowered for w in key.split() if not any(a in w for _, a in _SPELLING)):
            return False
        if self._name_keys is None:
            self._name_keys = f" {name_key(self._doc.text)} "
        return f" {key} " in self._name_keys

    def article_gloss(self) -> Gloss:
        """The whole text normalised as a gloss, to look up a body's business words anywhere in it."""
        if self._article is None:
            words = _normalise(self._doc.text)
            self._article = Gloss(words, words, (0, len(self._doc.text)))
        return self._article

    def first_block_saying(self, name: str) -> int:
        """The index of the first block that contains ``name`` whatever its spelling, or -1."""
        if not self.says(name):
            return -1
        if self._block_keys is None:
            self._block_keys = [f" {name_key(self._doc.text[b.start:b.end])} " for b in self._doc.blocks]
        key = f" {name_key(name)} "
        return next((i for i, k in enumerate(self._block_keys) if key in k), -1)

    def context(self) -> ArticleContext:
        if self._context is None:
            self._context = _article_context(self._doc)
        return self._context


# --- finding acronyms -------------------------------------------------------------------------

# Two capitals with at most two lower-case letters between (NATO, AfDB, CoE, PhD, NGOs, OPEC+),
# or dotted initials (U.S., U.N.).
_MENTION = re.compile(
    r"[A-Z](?<![\w&+][A-Z])(?:\.(?:[A-Z]\.)+(?![\w])|[a-z]{0,2}[A-Z][A-Za-z0-9&]*\+?(?:['’]s\b)?"
    r"|-?\d{1,2}(?![\w-])(?:['’]s\b)?)")  # ... or a capital and a number: G7, G-20, P5
_SHOUT_WORDS = frozenset("A AN AND THE OF FOR TO IN ON AT BY IS IT AS OR NOT NO NEW NEWS BREAKING "
                         "WITH FROM THIS THAT UPDATE UPDATED EXCLUSIVE WATCH LIVE READ MORE".split())


_LOWER_RUN = re.compile(r"[a-z]+")
_DATELINE_TAIL = re.compile(r"\s*(?:\(|,|:|[-—–]\s)")


_NUMBERED = re.compile(r"[A-Z]-?\d{1,2}")


def _is_acronym_token(token: str) -> bool:
    """Capitals (and digits); or a stylised form with short lower-case runs ending in a capital."""
    core = token.replace(".", "")
    if core.endswith(("'s", "’s")):
        core = core[:-2]
    if len(core) >= 3 and core[-1] == "s" and core[-2].isupper():
        core = core[:-1]
    core = core.rstrip("+")
    if _NUMBERED.fullmatch(core):  # "G20", "P5": known ones only, not every road or model (M25, A1)
        return core.replace("-", "") in knowledge().by_acronym
    if sum(c.isupper() for c in core) < 2:
        return False
    if not any(c.islower() for c in core):
        return True
    return len(core) <= 6 and core[-1].isupper() and max(map(len, _LOWER_RUN.findall(core))) <= 2


def _find_mentions(doc: Document) -> list[AcronymMention]:
    text = doc.text
    # one scan of the whole text: everything between blocks is blank
    found = [(m.start(), m.end(), m.group()) for m in _MENTION.finditer(text) if _is_acronym_token(m.group())]
    # drop runs of capitals that are shouting or a dateline rather than acronyms
    out: list[AcronymMention] = []
    i = 0
    while i < len(found):
        j = i + 1
        while j < len(found) and found[j][0] - found[j - 1][1] <= 2 and not text[found[j - 1][1]:found[j][0]].strip():
            j += 1  # capitals side by side ("BREAKING NEWS"); a list ("the EU, UN and IMF") is not a run
        run = found[i:j]
        shouting = len(run) >= 3 or (len(run) == 2 and any(
            t.upper() in _SHOUT_WORDS and acronym_key(t) not in knowledge().well_known for _, _, t in run))
        if not shouting and not _is_dateline(doc, run):
            out.extend(AcronymMention(start, end, acronym_key(token)) for start, end, token in run)
        i = j
    return out


def _is_dateline(doc: Document, run: list[tuple[int, int, str]]) -> bool:
    """A place in capitals opening a paragraph: "LONDON (Reuters) -", "ADDIS ABABA —"."""
    start, end = run[0][0], run[-1][1]
    block = doc.block_at(start)
    if block is None or doc.text[block.start:start].strip() or end - start < 4:
        return False
    return _DATELINE_TAIL.match(doc.text, end, end + 3) is not None and \
        not any(acronym_key(token) in knowledge().well_known for _, _, token in run)


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


_WORD = re.compile(r"[\w'’.&]+(?:-[\w'’]+)*")


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    initials: str  # capitals of the word and its hyphenated parts: "Co-operation" -> "C"
    linking: bool  # a lower-case linking word ("of", "and")
    word: str


def _name_words(text: str, start: int, end: int, lower: bool = False) -> list[_Word]:
    """Capitalised words and linking words; with ``lower``, lower-case words too, as names in
    French or Spanish write them ("Régie des transports de Montreval")."""
    out = []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        parts = [p for p in word.split("-") if p]
        initials = "".join(p[0] for p in parts if p[0].isupper())
        if word[0].isupper():
            out.append(_Word(m.start(), m.end(), initials.upper(), False, word))
        elif word.lower() in _STOPWORDS:
            out.append(_Word(m.start(), m.end(), word[0].upper(), True, word))
        elif lower and word[0].isalpha():
            out.append(_Word(m.start(), m.end(), word[0].upper(), False, word))
    return out


def _letters(short: str) -> str:
    return "".join(c for c in short if c.isupper() or c.isdigit())


def slip_kind(a: str, b: str, first: bool = True) -> str:
    """"letter" when one letter differs, "swap" when two neighbours are swapped, else "".

    Both keep the length, and by default the first letter: the slips of typing, not of
    translation. With ``first=False`` the first two letters may be the ones swapped (ICG for CIG).
    """
    if len(a) != len(b) or a == b or (a[0] != b[0] and first):
        return ""
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return "letter" if diff[0] else ""
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return "swap" if swapped else ""


_ADJECTIVE_ENDINGS = ("ic", "al", "ar", "an", "ive", "ist", "ary", "ian", "ese", "ish", "ous", "ical")


def _adjective_swapped(tail: list[_Word], content: str, letters: str) -> bool:
    """An adjective swapped with the noun after it ("Democratic Revolution", "Popular Movement"): two
    adjectives swapped ("Democratic Unionist", "Scottish National") are a typing slip."""
    swapped = next(i for i in range(len(content)) if content[i] != letters[i])
    words = [w.word.lower() for w in tail if not w.linking]
    return swapped + 1 < len(words) and words[swapped].endswith(_ADJECTIVE_ENDINGS) \
        and not words[swapped + 1].endswith(_ADJECTIVE_ENDINGS)


@dataclass(frozen=True, slots=True)
class _Fit:
    start: int  # start of the long form in the text
    match: str  # "initials" | "letters" | "near-miss" | "" (nothing fits)
    near_miss: str | None = None


def _fit_name(short: str, text: str, start: int, end: int, foreign: Callable[[], bool] = lambda: True) -> _Fit | None:
    """Pair ``short`` with the capitalised name that ends at ``end``: by its initials, else by S&H.

    ``foreign`` says whether the text ties the name to a country that does not speak English,
    where a short form may come from the name in its own language."""
    letters = _letters(short)
    if len(letters) < 2:
        return None
    run = _run_before(text, start, end, False)
    if not run:
        return None
    fit = _initials_fit(letters, run, text, end, foreign)
    if fit is None:  # a name in its own language, with lower-case words ("Régie des transports de Montreval")
        wide = _run_before(text, start, end, True)
        if len(wide) > len(run) and not wide[0].linking:
            fit = _initials_fit(letters, wide, text, end, foreign, exact=True)
    if fit is not None:
        return fit
    at = schwartz_hearst(short, text[run[0].start:end])
    return _Fit(run[0].start + at, "letters") if at >= 0 else _Fit(run[0].start, "")


def _run_before(text: str, start: int, end: int, lower: bool) -> list[_Word]:
    """The words of a name that ends at ``end``: adjacent, not opening with a linking word."""
    run: list[_Word] = []
    for w in reversed(_name_words(text, start, end, lower)):
        if text[w.end:(run[0].start if run else end)].strip(" \t"):
            break
        run.insert(0, w)
    while run and run[0].linking:
        run.pop(0)
    return run


def _initials_fit(letters: str, run: list[_Word], text: str, end: int, foreign: Callable[[], bool],
                  exact: bool = False) -> _Fit | None:
    """The tail of ``run`` whose initials are ``letters``, or one letter or swap off them (a near miss)."""
    near = None
    for k, first in enumerate(run):
        if first.linking or (exact and not first.word[0].isupper()):
            continue
        tail = run[k:]
        content = "".join(w.initials for w in tail if not w.linking)
        if letters in (content, "".join(w.initials for w in tail)):
            return _Fit(first.start, "initials")
        if near is None and len(tail) > 1 and max(len(content), len(letters)) >= 3 \
                and (slip := _initials_slip(content, letters)) \
                and not _explained(slip, letters, tail, text, end):
            known = any(not org.national for org in knowledge().by_name.get(name_key(text[first.start:end]), ()))
            # One letter off may be an acronym of the name in its own language (SDS for the
            # Slovenian Democratic Party, FSB for Russia's Federal Security Service): a slip only
            # for the unique name of an international organisation, or where the text ties the
            # body to no country of another language. So is a swap of an adjective with its noun,
            # the order of the Romance languages (PRD, Mexico's Party of the Democratic Revolution;
            # UMP, France's Union for a Popular Movement).
            if known or (not exact and not foreign()) or (slip == "swap" and not _adjective_swapped(tail, content, letters)):
                near = _Fit(first.start, "near-miss", content)
    return near


# Words an acronym may leave out at the end of a name: "Public and Commercial Services Union (PCS)".
_GENERIC_TAIL = frozenset("union group ltd limited plc inc llc corporation corp company co holdings association "
                          "society".split())


_GENERIC_INITIALS = frozenset(w[0].upper() for w in _GENERIC_TAIL)


def _explained(slip: str, letters: str, tail: list[_Word], text: str, end: int) -> bool:
    """A short form off the initials by a letter that the name itself explains: an added letter from
    the first syllable of a word ("Lagos Deep Offshore Logistics (LADOL)"), or a
    generic last word left out ("Public and Commercial Services Union (PCS)")."""
    if slip == "added":  # the extra letter is the second or third of the word before it: a syllable (LAgos)
        words = [w.word.upper() for w in tail if not w.linking]
        if letters[:-1] == "".join(w[0] for w in words) and letters[-1] in _GENERIC_INITIALS:
            return True  # "Hindustan Aeronautics (HAL)": the company's "Limited" left out of the name
        for i in range(1, len(letters)):
            if letters[:i] + letters[i + 1:] == "".join(w[0] for w in words) and letters[i] in words[i - 1][1:3]:
                return True
        return False
    if slip == "dropped":
        last = next(w for w in reversed(tail) if not w.linking)
        return last.word.lower() in _GENERIC_TAIL and letters == "".join(w.initials for w in tail if not w.linking)[:-1]
    return False


def _initials_slip(content: str, letters: str) -> str:
    """How a short form misses the initials of a name by one slip: "letter" (one changed), "swap"
    (two neighbours swapped, the first two included), "added" or "dropped" (one letter), or ""."""
    if len(letters) == len(content):
        return slip_kind(content, letters, first=False) if len(letters) >= 2 else ""
    if abs(len(letters) - len(content)) == 1 and letters[0] == content[0] and len(letters) >= 2 \
            and (len(letters) >= 3 or len(content) >= 3):
        shorter, longer = sorted((letters, content), key=len)
        if any(longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer))):
            return "added" if len(letters) > len(content) else "dropped"
    return ""


_PAREN = re.compile(r"\(([^()\n]{1,60})\)")
_PAREN_LEAD = re.compile(r"^(?:the|also|or|known as|hereinafter|hereafter|formerly|abbreviated|aka)\s+",
                            re.I)
_SPLIT = re.compile(r"\s*(?:/|,|;|\bor\b)\s*")
_WINDOW_WORD = re.compile(r"\S+")


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
    """Schwartz & Hearst's window, min(|A| + 5, 2|A|) words before the short form, and one more, in its sentence."""
    floor = sentence_span(doc, max(end - 1, 0))[0]
    n = len(acronym_key(short))
    words = list(_WINDOW_WORD.finditer(doc.text, floor, end))
    keep = min(n + 5, 2 * n) + 1  # one word more: a name may have lost its initial from the short form
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


def _slip_from_known(shorts: list[str], long: str) -> tuple[str, str] | None:
    """(organisation id, its acronym) when ``long`` is the name of a known international body and the
    short form is one edit (a letter added, lost, changed or two swapped) from its acronym and is
    none of the name's acronyms."""
    keys = [acronym_key(s).rstrip("+") for s in shorts]
    words = name_key(long).split()
    orgs = [org for i in range(len(words)) for org in knowledge().by_name.get(" ".join(words[i:]), ())]
    known = [(org, acronym_key(a).rstrip("+"), a) for org in orgs for a in org.acronyms]
    if any(k in keys for _, k, _ in known):
        return None  # one of the names' own acronyms
    for key in keys:
        for org, acronym_as_key, acronym in known:
            if len(key) >= 3 and not org.national and _one_edit(key, acronym_as_key):
                return org.id, acronym
    return None


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one inserted, deleted or changed letter, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _organisation(short: str, long: str) -> str | None:
    known = _known_pair(short, long)
    if known:
        return known
    orgs = knowledge().by_name.get(name_key(long), ())
    return orgs[0].id if len(orgs) == 1 else None


def _find_definitions(doc: Document, mentions: list[AcronymMention]) -> list[Definition]:
    text = doc.text
    out: list[Definition] = []
    for m in _PAREN.finditer(text):  # none of the patterns crosses a line, so none crosses a block
        shorts = _short_forms(m.group(1))
        definition = _long_then_short(doc, m, shorts) if shorts else _short_then_long(doc, m)
        if definition is not None:
            out.append(definition)
    for m in _NAME_THEN_SHORT.finditer(text):
        definition = _name_then_short(doc, m)
        if definition is not None:
            out.append(definition)
    for mention in mentions:
        definition = _short_then_name(doc, mention)
        if definition is not None:
            out.append(definition)
    out.sort(key=lambda d: d.start)
    return out


_RANK = {"initials": 3, "letters": 2, "near-miss": 1}


def _long_then_short(doc: Document, m: re.Match, shorts: list[str]) -> Definition | None:
    """"Eurasian Economic Union (EAEU)", "Islamic State (IS/ISIS)"."""
    text = doc.text
    end = m.start()
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    best: _Fit | None = None
    chosen = shorts[0]
    for short in shorts:
        window = _window_start(doc, end, short)
        fit = _fit_name(short, text, window, end, lambda: foreign_sentence(doc, end))
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
        best = _Fit(best.start, "letters")  # a known acronym off the English initials (FSB, EAEU)
    if best.match == "letters" and (slip := _slip_from_known(shorts, long)) is not None:
        organisation, expected = slip  # "Eurasian Economic Union (EAU)": a letter lost from EAEU
        best = _Fit(best.start, "near-miss", expected)
    short_start = text.find(chosen, m.start(1))
    return Definition(short_start, short_start + len(chosen), acronym_key(chosen), best.start, end, long,
                      "long (short)", tuple(acronym_key(s) for s in shorts if s != chosen), best.match,
                      best.near_miss, organisation)


def _short_then_long(doc: Document, m: re.Match) -> Definition | None:
    """"EAEU (Eurasian Economic Union)": an acronym right before a parenthesised capitalised name."""
    text = doc.text
    before = _BEFORE_PAREN.search(text[max(0, m.start() - 20):m.start()])
    content = m.group(1).strip()
    if before is None or not _is_acronym_token(before.group(1)) or len(content.split()) < 2 \
            or not content[0].isupper():
        return None
    short = before.group(1)
    long_start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
    long_end = long_start + len(content)
    fit = _fit_name(short, text, long_start, long_end, lambda: foreign_sentence(doc, long_start))
    if fit is None or not fit.match or fit.start != long_start:
        return None  # the brackets say more than the acronym covers: a description, not a definition
    if fit.match == "near-miss" and _known_pair(short, content):
        fit = _Fit(fit.start, "letters")
    start = m.start() - len(before.group(0))
    return Definition(start, start + len(short), acronym_key(short), long_start, long_end, content,
                      "short (long)", (), fit.match, fit.near_miss, _organisation(short, content))


# after an acronym: "the EAEU, the Eurasian Economic Union," / "EAEU: Eurasian ..." / "EAEU stands for ..."
# ... / "GSR, or Grid Stability Reserve" / "CCP, short for ..." / "the CCP, as the Creative Communities Programme is known"
_AFTER_SHORT = re.compile(r"(?:,[ \t]+(?:the|an?|or(?:[ \t]+the)?|short[ \t]+for(?:[ \t]+the)?|(?P<as>as(?:[ \t]+the)?))[ \t]+"
                          r"|:[ \t]+|,?[ \t]+(?:which[ \t]+)?(?:stands|stood)[ \t]+for[ \t]+(?:the[ \t]+)?)(?=[A-Z])")
_IS_KNOWN = re.compile(r"[ \t]+(?:is|was|are|were)[ \t]+(?:known|called)\b")
# before an acronym: "Eurasian Economic Union, or EAEU," / "..., known as the EAEU" / "abbreviated as EAEU"
_NAME_THEN_SHORT = re.compile(
    r"(?:or|known[ \t]+as|abbreviated[ \t]+(?:as|to)|aka)[ \t]+(?:the[ \t]+)?([A-Z][A-Za-z0-9&]{1,9}\+?)(?![\w&])")
_BEFORE_PAREN = re.compile(r"([\w.&+'’]+)[ \t]*$")


def _short_then_name(doc: Document, mention: AcronymMention) -> Definition | None:
    """An appositive after the acronym pairs only when the name starts with the acronym's letters."""
    text = doc.text
    m = _AFTER_SHORT.match(text, mention.end)
    if m is None:
        return None
    short = text[mention.start:mention.end]
    limit = min(sentence_span(doc, m.end())[1], m.end() + 200)
    letters = _letters(short)
    got, name_end = "", m.end()
    for w in _name_words(text, m.end(), limit):
        if text[name_end:w.start].strip(" \t") or (w.linking and not got):
            break
        got += "" if w.linking else w.initials
        name_end = w.end
        if len(got) >= len(letters):
            break
    if got == letters:
        match = "initials"
    else:  # "the EAEU, the Eurasian Economic Union": letters from inside the words of the whole run
        while name_end < limit and (w := _next_name_word(text, name_end, limit)) is not None:
            name_end = w.end
        if schwartz_hearst(short, text[m.end():name_end]) != 0:
            return None
        match = "letters"
    long = " ".join(text[m.end():name_end].split())
    if len(long.split()) < 2 or (m.group("as") and not _IS_KNOWN.match(text, name_end)):
        return None  # "the CCP, as the Creative Communities Programme is known": the name must be said to be known so
    return Definition(mention.start, mention.end, mention.key, m.end(), name_end, long, "short, long", (),
                      match, None, _organisation(short, long))


def _next_name_word(text: str, start: int, limit: int) -> _Word | None:
    words = _name_words(text, start, min(limit, start + 60))
    if words and not text[start:words[0].start].strip(" \t") and not words[0].linking:
        return words[0]
    return None


def _name_then_short(doc: Document, m: re.Match) -> Definition | None:
    """"Eurasian Economic Union, or EAEU": the name before must be exactly the acronym's initials."""
    short, text = m.group(1), doc.text
    end = m.start()
    while end > 0 and text[end - 1] in " \t,":
        end -= 1
    if end == m.start() or not text[end - 1:end].isalnum() and text[end - 1:end] not in "'’" \
            or not _is_acronym_token(short):
        return None  # "or" inside a word ("for", "major"), or nothing before it
    fit = _fit_name(short, text, _window_start(doc, end, short), end)
    if fit is None or fit.match != "initials":
        return None
    long = " ".join(text[fit.start:end].split())
    return Definition(m.start(1), m.end(1), acronym_key(short), fit.start, end, long, "long, or short", (),
                      "initials", None, _organisation(short, long))


# --- the article's countries and domains ------------------------------------------------------

_CAP_WORD = r"[A-Z][\w'’&]*(?:-[\w'’]+)*"
_NAME_IN_TEXT = re.compile(_CAP_WORD + r"(?:[ \t]+(?:(?:of|for|and|the|on|in|de|la|&)[ \t]+)?" + _CAP_WORD + ")*")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
_LOWER_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def countries_in(text: str, start: int = 0, end: int | None = None) -> dict[str, tuple[int, int]]:
    """Countries named in ``text[start:end]`` by name, alias, demonym or capital -> first (start, end)."""
    places = knowledge().places
    countries: dict[str, tuple[int, int]] = {}
    for m in _CAPITALISED.finditer(text, start, len(text) if end is None else end):
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue
        word = m.group().rstrip(".")
        for base in (word, word.removesuffix("'s").removesuffix("’s"), word.rstrip("s")):
            candidates = places.get(base)
            if candidates:
                break
        else:
            continue
        for phrase, country in candidates:
            if phrase == base or (text.startswith(phrase, at) and not text[at + len(phrase):at + len(phrase) + 1].isalpha()):
                countries.setdefault(country, (at, at + len(phrase)))
                break
    return countries


def _article_context(doc: Document) -> ArticleContext:
    return ArticleContext(countries_in(doc.text), Counter(_LOWER_WORD.findall(doc.text.lower())))


_SENTENCE_REACH = 400  # characters either side: a "sentence" with no full stop can be a whole file


def sentence_span(doc: Document, offset: int) -> tuple[int, int]:
    """The sentence around ``offset``, cut to a few hundred characters either side."""
    sentence = doc.sentence_at(offset)
    lo, hi = (sentence.start, sentence.end) if sentence else (offset, offset)
    return max(lo, offset - _SENTENCE_REACH), min(hi, offset + _SENTENCE_REACH)


def foreign_sentence(doc: Document, offset: int) -> bool:
    """The sentence around ``offset`` names a country whose language is not English."""
    english = knowledge().english
    return any(c not in english for c in sentence_countries(doc, offset))


def sentence_countries(doc: Document, offset: int) -> set[str]:
    """Countries named in the sentence around ``offset``."""
    return set(countries_in(doc.text, *sentence_span(doc, offset)))


def sentence_words(doc: Document, offset: int) -> Counter:
    """Lower-case word counts of the sentence around ``offset``."""
    lo, hi = sentence_span(doc, offset)
    return Counter(_LOWER_WORD.findall(doc.text[lo:hi].lower()))


# --- what the text says a body is or does ------------------------------------------------------

# After an acronym: an appositive or a relative clause that glosses it ("the ECB, the EU's lending
# bank,", "the OSCE, which coordinates ..."), up to the end of the clause.
_GLOSS_AFTER = re.compile(r"(?:['’]s)?,[ \t]+(?=(?:the|a|an|its|which|that|whose|based|headquartered)\b)")
# before it: the words of its noun phrase ("the Paris-based OECD", "the Vienna-based OSCE"), no list
_GLOSS_BEFORE = re.compile(r"(?:\b(?:the|a|an|its)[ \t]+)((?:(?!(?:and|or|the|of|with|for|to|in)\b)[\w'’-]+[ \t]+){1,5})$",
                           re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]—–\"“”]|\s-\s")
_GLOSS_WORD = re.compile(r"[a-z0-9]+(?:['’]s)?")


@dataclass(frozen=True, slots=True)
class Gloss:
    """The words around one mention of an acronym, normalised for phrase matching: ``attached`` is
    the appositive, relative clause or pre-modifiers written on the acronym itself, ``sentence`` its
    sentence. Both are " word word ... " in lower case, hyphens split, possessives kept as "'s"."""

    attached: str
    sentence: str
    attached_span: tuple[int, int]

    def hits(self, phrases: tuple[str, ...], attached_only: bool = False) -> list[str]:
        """The phrases found (a plural or a possessive of the last word counts), in alphabetical
        order: callers pass sets, whose order changes from run to run with string hashing."""
        where = self.attached if attached_only else self.sentence
        return sorted(p for p in phrases if any(key in where for key in phrase_forms(p)))


def _normalise(text: str) -> str:
    return " " + " ".join(_GLOSS_WORD.findall(_ascii(text.lower().replace("’", "'")).replace("-", " "))) + " "


@lru_cache(maxsize=4096)
def phrase_key(phrase: str) -> str:
    return _normalise(phrase)


@lru_cache(maxsize=4096)
def phrase_forms(phrase: str) -> tuple[str, ...]:
    """A phrase's key, and those of its plural and possessive: what ``Gloss.hits`` looks for."""
    return tuple(dict.fromkeys((phrase_key(phrase), phrase_key(phrase + "s"), phrase_key(phrase + "'s"))))


def gloss_of(doc: Document, mention: AcronymMention) -> Gloss:
    text = doc.text
    lo, hi = sentence_span(doc, mention.start)
    start = end = mention.end
    m = _GLOSS_AFTER.match(text, mention.end)
    if m is not None:
        stop = _CLAUSE_END.search(text, m.end(), min(hi, m.end() + 160))
        end = stop.start() if stop else min(hi, m.end() + 160)
    before = _GLOSS_BEFORE.search(text, max(lo, mention.start - 60), mention.start)
    if before is not None:
        start = before.start(1)
    attached = _normalise(text[start:mention.start] + " " + text[mention.end:end])
    return Gloss(attached, _normalise(text[lo:hi]), (start, max(end, mention.end)))


def analyze_acronyms(doc: Document) -> AcronymAnalysis:
    mentions = _find_mentions(doc)
    return AcronymAnalysis(mentions, _find_definitions(doc, mentions), doc)
