"""People, organisations and places, with every mention of one person linked.

``doc.names`` is a :class:`NameAnalysis`. It reads runs of capitalised words with a few
precise patterns and word lists (``factlint/data/names.toml``), no statistical tagger:

- a run is split into a title ("Foreign Minister", "U.S. Ambassador to Kazakhstan") and a
  name ("Julie Staff") at its last title word;
- a name is a person when something in the text says so: a title or honorific, a role noun
  before it ("midfielder X"), a verb of speech ("said X", "X told"), "according to X", or an
  appositive ("X, 52,", "X, the agency's director");
- later mentions by surname, title + surname or possessive link to the person whose full name
  was given; a surname two people share links to the nearest one before and is marked ambiguous;
- roles come from the title, the role noun before the name and the appositive after it
  (", director of ...", ", who chairs ..."), with a flag when the text describes a change;
- attributions ("X said", "said X", "according to X", "X told ...") name the speaker.

Capitalised words that are not names of people (organisations, places) are kept as
:class:`Entity` records so that checks can tell a person from a company or a city.
Spellings are compared with :func:`spelling_variant`, shared by the name and fact-base checks.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import regex

from factlint.analysis.bundled import data_json, data_text
from factlint.analysis.spelling import (edit_distance, forms, gendered_ending, index_keys, one_edit,  # noqa: F401
                                       same_spelling, spelling_variant, strip_accents)

if TYPE_CHECKING:
    from factlint.document import Document


def _load_words() -> dict:
    text = data_text("names.toml")
    return {key: values if isinstance(values, dict) else frozenset(values) for key, values in tomllib.loads(text).items()}


WORDS = _load_words()
HONORIFICS = WORDS["honorifics"]
TITLES = WORDS["titles"] | HONORIFICS
ROLES = WORDS["roles"]
SPEECH_VERBS = WORDS["speech_verbs"]
PARTICLES = WORDS["particles"]
SUFFIXES = WORDS["suffixes"]
STOP = WORDS["stop"]
ORG_WORDS = WORDS["organisation_words"]
CHANGE_WORDS = WORDS["change_words"]
FAMILY_WORDS = WORDS["family_words"]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ABBREVIATED = "Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Col|Lt|Capt|Sgt|Adm|Det|Supt|St|Fr|Rev|Maj|Cmdr|Jr|Sr"
_TAIL = r"[\p{Ll}\p{Lu}\p{M}]*"
TOKEN = (rf"(?:(?:{_ABBREVIATED})\.|\p{{Lu}}\.(?:\p{{Lu}}\.)*|\p{{Lu}}{_TAIL}"
         rf"(?:['’]\p{{Lu}}{_TAIL})?(?:-[\p{{L}}\p{{M}}]+)*)")
SEX_OF_HONORIFIC = {"mr": "m", "sir": "m", "lord": "m", "father": "m", "brother": "m", "mrs": "f", "ms": "f",
                    "miss": "f", "dame": "f", "lady": "f", "madam": "f", "sister": "f", "sheikha": "f"}
# Connectors allowed inside a run: name particles and the small words of titles and
# organisation names ("Secretary of State", "Institute of Oriental Studies").
CONNECTORS = sorted(PARTICLES | {"of", "for", "to", "the"}, key=len, reverse=True)  # not "and": two people
RUN = regex.compile(  # every token starts with a capital: testing that first makes the scan faster
    rf"(?=\p{{Lu}})(?<![\p{{L}}\p{{M}}\d'’.])(?P<token>{TOKEN})"
    rf"(?:[ \u00a0](?:(?:{'|'.join(CONNECTORS)})[ \u00a0]){{0,2}}(?P<token>{TOKEN})){{0,7}}"
)  # each word of a run is a capture of "token"
POSSESSIVE = regex.compile(r"['’]s?(?![\p{L}])")
_SPEECH = _alternation(SPEECH_VERBS)
_ROLE = _alternation(ROLES)
# After a name: a verb of speech, possibly behind an adverb or a short time phrase.
SPEECH_AFTER = re.compile(
    rf"(?:['’]s?)?\s+(?:(?:also|later|then|again|previously|earlier|has|had|have)\s+)?(?:{_SPEECH})\b")
# After a name: an appositive that describes a person ("X, 24,", "X, the agency's director").
APPOSITIVE = re.compile(
    rf",\s+(?:\d{{1,3}}\s*[,)]|aged\s+\d|who\s|whose\s"
    rf"|(?:(?:the|a|an|its|his|her|their)\s+(?:\S+\s+){{0,3}}?)?(?:{_ROLE})\b)",  # the role list once: half the compile
    re.IGNORECASE,
)
# Before a name: a verb of speech, "according to", a role noun, an honorific or a role behind a comma.
# Both are reverse patterns ending in "\s+$": ``match`` tries only the end of the window, which is
# where any ``search`` hit ends, and costs a third less.
SPEECH_BEFORE = regex.compile(rf"(?:\b(?:{_SPEECH})|\baccording\s+to)\s+$", regex.IGNORECASE | regex.REVERSE)
ROLE_BEFORE = regex.compile(
    rf"\b(?:{_ROLE})(?:\s+(?:of|for|at)\s+(?:the\s+)?[\p{{L}}'’-]+(?:\s+[\p{{L}}'’-]+){{0,4}})?(?:['’]s)?,?\s+$",
    regex.REVERSE | regex.IGNORECASE)  # "Scottish Finance Minister, Tom McCabe"


REPEATED = 3  # a surname written this often is the article's: a lone near-spelling of it is a slip

# Before a lone capitalised word: one lower-case word ("remanded "); reverse, like SPEECH_BEFORE.
WORD_BEFORE = regex.compile(r"(?<![\p{L}'’-])(?:(\p{Ll}{3,}ed)|(?:will|would|to|can|could|should|must|may|might|did|not)"
                            r" (\p{Ll}{3,})) $", regex.REVERSE)  # "remanded X", "will meet X"
LOWER_AFTER = re.compile(r"[ \u00a0][a-z]|[,.;:]")
AGE_OR_SCORE = re.compile(r" \(\d{1,3}\)")  # "Callum Ferris (63)", "Ana Ruiz (34)": a person's age or score
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
PRONOUN_SEX = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.IGNORECASE)


@cache
def family_word(flags: int = 0) -> re.Pattern:
    """A family word as a whitespace-split word holds it once ``_family`` strips its punctuation.
    Searched in lower-cased text (flags 0: three times faster than ``re.IGNORECASE`` on the text)."""
    edge = r"\s,.;:'’s—–-"
    return re.compile(rf"(?<![^{edge}])(?:{_alternation(FAMILY_WORDS)})(?![^{edge}])", flags)


def _pronoun_sex(text: str, start: int, end: int) -> str:
    """"m" or "f": the first personal pronoun in ``text[start:end]``, or ""."""
    m = PRONOUN_SEX.search(text, start, end)
    return "" if m is None else ("m" if m.group(1) else "f")


@cache
def verb_after() -> regex.Pattern:
    """After a lone surname: a verb or a possessive, the weakest sign of a person ("Thorsten would be
    assessed", "Tajibekov scored", "Gallaher's plan"). Needed only for a variant of a known surname,
    so compiled on first use."""
    return regex.compile(r"['’]s\s+\p{Ll}|,\s+\d{1,3}\b|\s+and\s+(?:his|her)\b|\s+(?:also\s+|later\s+)?(?:would|will|"
                         r"was|is|has|had|could|can|did|does|must|should|may|might|\p{Ll}+ed|\p{Ll}+s)\b")


# "who is/was/became/heads ...": a relative clause that gives the person's own post.
ROLE_CLAUSE = re.compile(r"\s*(?:also\s+|now\s+|still\s+)?(?:is|was|has\s+been|had\s+been|became|becomes|"
                            r"serves\s+as|served\s+as|works\s+as|worked\s+as|was\s+appointed|was\s+named|was\s+elected|"
                            r"heads|chairs|leads|runs|directs|manages|coaches|captains|represents|"
                            r"has\s+(?:led|headed|chaired|run|directed|managed|coached|captained))\b")
# A proper name after "at", "of" or "with": the organisation a person works for.
EMPLOYER = regex.compile(r"\b(?:at|of|with)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’.&-]*"
                         r"(?:\s+(?:(?:of|for|and|the|on)\s+)?\p{Lu}[\p{L}\p{M}'’.&-]*){0,6})")
PRONOUN = re.compile(r"(?:he|she)\b", re.IGNORECASE)
ATTRIBUTION_GAP = re.compile(r"[.!?\"“”«»\n]")
LETTERS = regex.compile(r"[\p{L}\p{M}'’-]+")
# "the minister", not "the minister of ..." (a new post) nor "the ministers".
ROLE_REFERENCE = re.compile(r"he ([a-z]+)(?![\w'’-]| (?:of|for|at|to)\b)")  # "[Tt]he X", checked in code
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’-]*")
# An appositive clause runs to the next comma, period, semicolon, colon, quote or bracket.
CLAUSE_END = re.compile(r"[,.;:!?\"“”«»()\[\]]|\s(?:said|says|told|added)\b")
ROLE_VERBS = {"chairs": "chair", "heads": "head", "leads": "leader", "runs": "head", "directs": "director",
              "manages": "manager", "coaches": "coach", "captains": "captain", "represents": "representative",
              # "who has led the party since 2019": the present perfect states the post held now
              "led": "leader", "headed": "head", "chaired": "chair", "run": "head", "directed": "director",
              "managed": "manager", "coached": "coach", "captained": "captain"}
# "the Greens, whose leader, Petra Holub,": the body before "whose" is the post's.
WHOSE_BEFORE = regex.compile(r"(?:^|[\s(])((?:\p{Lu}[\p{L}\p{M}'’.&-]*\s+){0,3}\p{Lu}[\p{L}\p{M}'’.&-]*|[\p{Ll}]+),\s+whose\s+$",
                             regex.REVERSE)
# "Mayor Ada Lenk, whose Civic Union won the vote,": the person's own party or body.
WHOSE_BODY = regex.compile(r",\s+whose\s+((?:\p{Lu}[\p{L}\p{M}'’.&-]*\s+){0,4}\p{Lu}[\p{L}\p{M}'’.&-]*)")
# Posts at the top of an organisation, grouped where two words name the same post.
TOP_ROLES = {"president": "president", "chairman": "chair", "chairwoman": "chair", "chair": "chair",
             "chairperson": "chair", "director": "director", "head": "director", "chief": "director",
             "director-general": "director", "secretary-general": "director", "governor": "governor",
             "mayor": "mayor", "manager": "manager", "coach": "manager", "captain": "captain", "dean": "dean",
             "rector": "rector", "executive": "director", "ceo": "director"}
# Roles a person may hold beside a main job: they never make an affiliation conflict.
SIDE_ROLES = frozenset({"adviser", "advisor", "consultant", "fellow", "partner", "member", "author", "writer",
                        "columnist", "founder", "co-founder", "owner", "investor", "veteran",
                        "student", "resident", "candidate", "trainer", "counsel", "ambassador", "envoy"})
POSTED_ROLES = frozenset({"ambassador", "envoy", "consul", "representative"})  # "ambassador to X"
POLITICAL = re.compile(r"\b(?:party|parliamentary|group|faction|caucus|bloc|union|front|alliance|socialists?|"
                          r"democrat(?:s|ic)?|conservatives?|liberals?|greens?|labour|republicans?|tory|tories|"
                          r"social\s+democrats?|christian\s+democrats?|nationalists?|communists?)\b", re.IGNORECASE)
# Elected members: a member of one party cannot sit for another ("Labour MP" / "the Conservative MP").
MEMBER_ROLES = frozenset({"mp", "mep", "senator", "sen", "lawmaker", "legislator", "deputy", "councillor", "councilor",
                          "representative", "rep", "congressman", "congresswoman", "assemblyman", "assemblywoman"})
PARTY = re.compile(r"\b(democrat|conservative|liberal|green|labour|republican|tory|socialist|nationalist|communist)"
                      r"(?:s|ic)?\b", re.IGNORECASE)
LEADER_ROLES = frozenset({"leader", "chair", "chairman", "chairwoman", "chairperson", "head"})
NOT_PORTFOLIO = frozenset({"prime", "deputy", "vice", "first", "chief", "state", "junior", "senior", "acting",
                           "the", "of", "for", "and", "minister", "ministry", "secretary", "cabinet", "former",
                           "federal", "national", "regional", "shadow"}) | CHANGE_WORDS
PORTFOLIO_SYNONYMS = {"defense": "defence", "home": "interior", "treasury": "finance", "finances": "finance",
                      "exchequer": "finance", "external": "foreign", "affairs": "",
                      "healthcare": "health", "economic": "economy", "economics": "economy"}
GENERIC_ORG_WORDS = frozenset({"the", "of", "for", "and", "parliamentary", "group", "party", "faction", "caucus",
                               "bloc", "national", "council", "committee", "board", "s", "'s"})


@dataclass(slots=True)
class Mention:
    """One mention of a person: ``start``/``end`` cover the name words (no possessive)."""

    start: int
    end: int
    text: str
    person: int  # index into NameAnalysis.people
    form: str  # "full" | "surname" | "title" (title + surname) | "role" ("the minister")
    surname_start: int  # the family name's own span (particles included), for a suggestion that replaces only it
    surname_end: int
    ambiguous: bool = False  # a surname two people share, both introduced before this mention


@dataclass(slots=True)
class Role:
    """A title, role or affiliation the text gives a person."""

    start: int
    end: int
    text: str
    person: int
    head: str  # "minister", "director", "leader", ...
    portfolio: frozenset[str]  # "health", "development", ... (ministers and secretaries)
    organisation: frozenset[str]  # significant words of the affiliation ("citizens", "union")
    owner: str  # the possessor named before the role: "agency" in "the agency's president"
    employer: frozenset[str]  # words of a proper name after at/of/with: "halyk", "bank" in "an analyst at Halyk Bank"
    change: bool  # the text describes a change ("former", "who was appointed ...")
    grade: str = ""  # "vice", "deputy", "assistant", "co": the post below or beside the head's
    office: str = ""  # a government office: "prime minister", "president", "chancellor", "portfolio:health"
    country: frozenset[str] = frozenset()  # the countries the role names ("French President")
    rank: str = ""  # a rank of a police or armed service: "chief superintendent", "lieutenant colonel"
    employer_name: str = ""  # the named organisation after at/of/with, as written (lower case)
    party: frozenset[str] = frozenset()  # the parties the role names: "labour", "snp", "citizens alliance"
    introduced: bool = True  # said in a phrase of its own ("BP chief executive", ", a teacher,"), not a title

    def to_json(self, doc: Document) -> dict:
        return {"start": doc.to_source(self.start), "end": doc.to_source_end(self.end), "text": self.text,
                "person": self.person, "head": self.head, "portfolio": sorted(self.portfolio),
                "organisation": sorted(self.organisation), "owner": self.owner, "employer": sorted(self.employer),
                "change": self.change, "grade": self.grade, "office": self.office, "country": sorted(self.country),
                "rank": self.rank, "party": sorted(self.party)}


@dataclass(slots=True)
class Person:
    name: str  # the fullest spelling seen
    given: tuple[str, ...]
    surname: str
    suffix: str = ""
    confirmed: bool = False  # something in the text marks this name as a person's
    sex: str = ""  # "m" or "f" when an honorific or a pronoun says so ("Mrs Smith", "Smith said she ...")
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    family: str = ""  # the family name as first written, particles included ("de la Cruz"); else the surname
    related: bool = False  # the text states a relation of this person to someone ("his wife", "no relation")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker named for a quotation or a claim: ``start``/``end`` is the attribution clause."""

    start: int
    end: int
    speaker_start: int
    speaker_end: int
    person: int  # -1 for a pronoun or an unknown speaker


@dataclass(frozen=True, slots=True)
class Entity:
    """A capitalised name that is not a person: ``kind`` is "organisation" or "place"."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Loose:
    """A single capitalised word used like a surname, a spelling variant of a known person's surname."""

    start: int
    end: int
    text: str
    role: Role | None = None  # a post given beside it ("Smyth, a neighbour, said"): maybe someone else


@dataclass(slots=True)
class NameAnalysis:
    people: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    loose: list[Loose] = field(default_factory=list)
    quote_speakers: list[tuple[Any, Attribution]] = field(default_factory=list)  # (Quote, its speaker)
    given_names: frozenset[str] = frozenset()  # every given name of a person, to keep them apart from surnames
    family: frozenset[str] = frozenset()  # surnames the text gives to relatives ("his wife, Anna Berg")

    def records(self) -> list:
        return sorted([*self.mentions, *self.roles, *self.attributions, *self.entities, *self.loose],
                      key=lambda r: (r.start, r.end))

    def person_at(self, start: int, end: int) -> int:
        """The person mentioned inside ``start``..``end``, or -1."""
        for m in self.mentions:
            if start <= m.start and m.end <= end:
                return m.person
        return -1


class _NamedClauses:
    """Attribution clauses with a named speaker, found by overlap in logarithmic time.

    A linear scan per quotation made a long text with many quotations quadratic. The answer is
    the same as the scan's: of the clauses overlapping a span, the one added first.
    """

    def __init__(self, attributions: list[Attribution]) -> None:
        self.starts: list[int] = []
        self.entries: list[tuple[int, int, Attribution]] = []  # (start, order added, clause), sorted
        self.added = 0
        self.longest = 0
        for a in attributions:
            self.add(a)

    def add(self, a: Attribution) -> None:
        if a.person >= 0:
            i = bisect.bisect_right(self.starts, a.start)
            self.starts.insert(i, a.start)
            self.entries.insert(i, (a.start, self.added, a))
            self.longest = max(self.longest, a.end - a.start)
        self.added += 1

    def overlapping(self, start: int, end: int) -> Attribution | None:
        """The first-added clause overlapping ``start``..``end``: only clauses starting within the longest one's reach."""
        lo = bisect.bisect_right(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        best = None
        for _, order, a in self.entries[lo:hi]:
            if start < a.end and (best is None or order < best[0]):
                best = (order, a)
        return best[1] if best is not None else None


# --- spellings -----------------------------------------------------------------

surname_keys = lru_cache(maxsize=8192)(index_keys)  # the fact base files its people under the same keys


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two lists of given names can belong to one person ("J." fits "John", "Kristofer"
    "Kristoffer", "Abdel Rahman" "Abdulrahman"; not "Maria" and "Mario")."""
    if not a or not b:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y or given_variant(a, b) is not None


def given_variant(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int, str] | None:
    """(how many words of ``a``, of ``b``, kind) when the first given name is spelled two ways,
    perhaps as one word and two ("Abdulrahman"/"Abdel Rahman"); a change of a final vowel (the
    masculine and feminine forms of a name) is not a spelling."""
    for na, nb in ((1, 1), (1, 2), (2, 1)):
        if len(a) < na or len(b) < nb:
            continue
        x, y = " ".join(a[:na]), " ".join(b[:nb])
        if na + nb > 2 and any(len(w) < 3 or "." in w for w in (*a[:na], *b[:nb])):
            continue  # "Donald J." is "Donald" with an initial, not another spelling
        kind = spelling_variant(x, y)
        if kind is not None and not gendered_ending(x, y) and (na + nb == 2 or kind != "slip"):
            return na, nb, kind
    return None


def particle_join(join: str) -> bool:
    """The lower-case words between two capitalised words of a name are all particles ("de la")."""
    return all(w in PARTICLES for w in join.split())


# --- the analyser ----------------------------------------------------------------

@dataclass(slots=True)
class _Run:
    start: int
    end: int
    tokens: list[tuple[int, int, str]]  # (start, end, text) of each capitalised word
    joins: list[str]  # the connector before each token after the first ("" for a space)


SPLITTERS = STOP - HONORIFICS - TITLES
# Letters after a name ("Tom McCabe MSP", "Jane Smith QC"): they end the name, not make it an organisation.
POST_NOMINALS = WORDS["post_nominals"]
POST_NOMINAL_AFTER = re.compile(r"(?:,? (?:" + "|".join(sorted({w.upper() for w in POST_NOMINALS} | {"PhD", "DPhil"},
                                                              key=len, reverse=True)) + r")\b)+")


def _past_post_nominals(text: str, end: int, hi: int) -> int:
    """The end of a name with the letters after it ("Tom McCabe MSP")."""
    m = POST_NOMINAL_AFTER.match(text, end, hi)
    return m.end() if m else end


PARTICLES_BEFORE = regex.compile(rf"(?<![\p{{L}}'’])((?:(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))}) )+)$",
                                 regex.REVERSE)


# A capitalised word with a lower-case hyphenated tail is an adjective ("Oscar-nominated", "US-based").
_ADJECTIVE_COMPOUND = re.compile(r"-[a-z]{3,}$")
NAME_MONTHS = frozenset({"may", "march", "april", "june", "august"})  # also names: "Theresa May"


def _split_run(text: str, match: regex.Match) -> list[_Run]:
    """The runs of one match of several words: split at each stop word."""
    starts, ends = match.starts("token"), match.ends("token")
    tokens = list(zip(starts, ends, match.captures("token")))
    joins = [text[ends[k - 1]:starts[k]].strip() for k in range(1, len(starts))]
    # A stop word ("The", "But", "In") ends or starts a run: split there.
    runs = []
    piece_t, piece_j = [], []
    for i, tok in enumerate(tokens):
        bare = tok[2].rstrip(".").lower()
        if (bare in SPLITTERS and not (bare in NAME_MONTHS and piece_t and not joins[i - 1])) \
                or (piece_t and bare in POST_NOMINALS) or _ADJECTIVE_COMPOUND.search(tok[2]):
            if piece_t:
                runs.append(_Run(piece_t[0][0], piece_t[-1][1], piece_t, piece_j))
            piece_t, piece_j = [], []
            continue
        if piece_t:
            piece_j.append(joins[i - 1])
        piece_t.append(tok)
    if piece_t:
        runs.append(_Run(piece_t[0][0], piece_t[-1][1], piece_t, piece_j))
    return runs


_MATCH_READINGS: dict[str, tuple] = {}


def _read_match(text: str, match: regex.Match) -> tuple:
    """What a match of several words holds, at offsets from its start: ("entity", start, end, kind)
    or ("name", tokens, joins, title_at, name_start, name_end) per run. It depends on the words
    alone, and names recur ("Prime Minister", a person's full name), so it is cached per spelling."""
    key = match.group()
    reading = _MATCH_READINGS.get(key)
    if reading is not None:
        return reading
    offset = match.start()
    places = country_words()
    outcomes: list[tuple] = []
    for run in _split_run(text, match):
        tokens = [(s - offset, e - offset, w) for s, e, w in run.tokens]
        if len(tokens) == 1:
            kind = _lone_word_kind(tokens[0][2])
            if kind == "name":
                outcomes.append(("name", tokens, run.joins, -1, 0, 1))
            elif kind:
                outcomes.append(("entity", tokens[0][0], tokens[0][1], kind))
            continue
        title_at, name_at = _split_title(run)
        if name_at >= len(tokens):
            continue
        name_end = name_at + len(_name_tokens(run, name_at))
        words = [t[2] for t in tokens[name_at:name_end]]
        bare = [w.rstrip(".").lower() for w in words]
        if any(w in ORG_WORDS for w in bare) or any(_is_acronym(w) and not (k and _INITIALS.fullmatch(w))
                                                    for k, w in enumerate(words)):  # "Wijnand A.P. van Tilburg"
            outcomes.append(("entity", tokens[0][0], tokens[-1][1], "organisation"))
        elif title_at < 0 and all(w in places for w in bare):
            outcomes.append(("entity", tokens[name_at][0], tokens[name_end - 1][1], "place"))
        else:
            outcomes.append(("name", tokens, run.joins, title_at, name_at, name_end))
    if len(_MATCH_READINGS) >= 50_000:
        _MATCH_READINGS.clear()
    reading = _MATCH_READINGS[key] = tuple(outcomes)
    return reading


@lru_cache(maxsize=65536)
def _lone_word_kind(word: str) -> str:
    """What a run of one word is: "organisation", "place", "name", or "" (a stop word or a title).

    Most runs are one word and most words recur, so the answer is cached per word."""
    bare = word.rstrip(".").lower()
    if bare in SPLITTERS:
        return ""
    if bare in ORG_WORDS or _is_acronym(word):
        return "organisation"
    if bare in country_words():
        return "place"
    return "" if bare in TITLES else "name"


_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and not (len(word) == 2 and word[1] == ".")


def _split_title(run: _Run) -> tuple[int, int]:
    """(index of the first title word or -1, index of the first name word) in ``run.tokens``."""
    tokens, joins = run.tokens, run.joins
    for i in range(len(tokens) - 2, -1, -1):
        bare = tokens[i][2].rstrip(".").lower()
        if bare not in TITLES and not (i == 0 and bare in ROLES):
            continue
        # Where the title's own words end: "Ambassador to Kazakhstan", "Secretary of State".
        j = i + 1
        if joins[i] and joins[i] not in PARTICLES:  # a connector follows the title word
            k = j
            while k + 1 < len(tokens) and not joins[k]:
                k += 1
            rest = k - j + 1  # capitalised words after the connector, up to the next one
            if rest >= 3:
                j = k - 1
            elif rest == 2:
                j = k
            else:
                return -1, len(tokens)
        first = i
        while first > 0 and not joins[first - 1]:
            first -= 1
        return first, j
    return -1, 0


def _name_tokens(run: _Run, begin: int) -> list[tuple[int, int, str]]:
    """The name words from ``begin``: up to the first connector that is not a name particle."""
    out = [run.tokens[begin]]
    for k in range(begin + 1, len(run.tokens)):
        join = run.joins[k - 1]
        if join and not particle_join(join):
            break
        out.append(run.tokens[k])
    return out


def role_features(text: str, person: int, start: int, end: int, parties: frozenset[str] = frozenset()) -> Role | None:
    """The role a text gives (``parties``: the article's own party names, to find them in it)."""
    parts = _role_parts(text)
    if parts is None:
        return None
    role = Role(start, end, text, person, *parts[:-1])
    role.party = party_keys(parts[-1], parties)
    return role


@lru_cache(maxsize=8192)
def _role_parts(text: str) -> tuple | None:
    """(head, portfolio, organisation, owner, employer, change, grade, office, country, rank,
    employer name, the words around the head) of a role text; titles recur, so cached."""
    words = [w.lower().strip("'’") for w in WORD.findall(text)]
    if not words:
        return None
    change = any(w in CHANGE_WORDS for w in words)
    if change and YEAR.search(text) and not any(w in ("former", "formerly", "until", "then", "ex", "previously")
                                                for w in words):
        change = False  # "who became president in 2022" states the role held since then
    head = ""
    organisation: list[str] = []
    portfolio: set[str] = set()
    head_at = len(words)
    for i, w in enumerate(words):
        if w in ROLE_VERBS:
            head, head_at = ROLE_VERBS[w], i
            organisation = words[i + 1:]
            break
        if w in ROLES or w in TITLES and w not in HONORIFICS:
            head, head_at = w, i
            before, after = words[:i], words[i + 1:]
            if after[:1] in (["of"], ["at"], ["for"], ["to"]):
                organisation = after[1:]
            else:
                organisation = [x for x in before if x not in ROLES]
            if w in ("minister", "secretary") or after[:1] in (["of"], ["at"], ["for"], ["to"]):
                break
            # keep scanning: "deputy leader" -> leader, "parliamentary group leader" -> leader
    if not head:
        return None
    if any(w in FAMILY_WORDS for w in words[:head_at]):
        return None  # "the daughter of President X" is not a president
    owner = next((w[:-2] for w in reversed(words[:head_at]) if w.endswith(("'s", "’s"))), "")
    if "ministry" in organisation:
        head = "minister"
    if head in ("minister", "secretary"):
        source = organisation if "ministry" in organisation else words
        countries = country_words()
        portfolio = {PORTFOLIO_SYNONYMS.get(w, w) for w in source if w not in NOT_PORTFOLIO and w not in ROLES
                     and w not in countries and not w.endswith(("'s", "’s")) and not PARTY.fullmatch(w)} - {""}
        if not portfolio and "state" in words[head_at + 1:head_at + 3]:
            portfolio = {"state"}  # "Secretary of State" with no department named
        if not portfolio and head == "secretary":  # "Scottish Secretary", "Welsh Secretary": the nation is the department
            portfolio = {w for w in words[max(0, head_at - 2):head_at] if w in countries}
    organisation = [w.removesuffix("'s").removesuffix("’s") for w in organisation]
    org = frozenset(w for w in organisation if w not in GENERIC_ORG_WORDS and w not in STOP and w != owner
                    and w not in CHANGE_WORDS and not YEAR.fullmatch(w) and w not in portfolio)
    named = EMPLOYER.search(text)
    employer = frozenset(w.lower() for w in LETTERS.findall(named.group(1)) if w.lower() not in GENERIC_ORG_WORDS) \
        if named else frozenset()
    grade = next((w for w in words[max(0, head_at - 2):head_at] if w in GRADES), "")
    if "-" in head and head.split("-", 1)[0] in GRADES:  # "vice-president", "co-chair"
        grade, head = head.split("-", 1)
    places = country_of_word()
    country = frozenset(places[w] for w in words if w in places)
    office = _office(head, words, head_at, frozenset(portfolio), org, employer, country)
    rank = _rank(words, head_at)
    # the words that say whose the post is: a few before the head and after it ("the Citizens'
    # Alliance's spokeswoman", "head of the Social Democrats' list"), not a party named further on
    original = WORD.findall(text)
    affiliation = " ".join(original[max(0, head_at - 4):head_at + 6])
    return (head, frozenset(portfolio), org, owner, employer, change, grade, office, country, rank,
            " ".join(named.group(1).lower().split()) if named else "", affiliation)


ACADEMIC = frozenset({"professor", "prof", "dr", "doctor"})  # a title of a person, not of a post
GRADES = frozenset({"vice", "deputy", "assistant", "associate", "co", "under", "junior", "sub"})
# Secretaries that are no minister: "press secretary", "general secretary", "permanent secretary".
NOT_CABINET = frozenset({"press", "general", "permanent", "party", "private", "executive", "company", "cabinet",
                         "principal", "parliamentary", "honorary", "club", "union", "organising", "organizing",
                         "social", "personal", "communications", "council", "committee", "board", "foundation"})
HEADS_OF_STATE = frozenset({"president", "chancellor", "premier"})


def _office(head: str, words: list[str], head_at: int, portfolio: frozenset[str], organisation: frozenset[str],
            employer: frozenset[str], country: frozenset[str]) -> str:
    """The government office a title names, or "": "prime minister", "president", "chancellor",
    "portfolio:health" for the minister or secretary of a department (a Foreign Secretary and a
    Foreign Minister hold one office)."""
    before = set(words[max(0, head_at - 3):head_at])
    shadow = "shadow " if "shadow" in before else ""
    if head == "minister" and "prime" in before:
        return shadow + "prime minister"
    of_state = words[head_at:head_at + 3] == ["secretary", "of", "state"]  # the UK's formal title
    if not of_state and employer - country.union(*(w.split() for w in country)) and not employer <= country_words():
        return ""  # "president of Kaspi Bank": a post in a body, not an office of state
    if head in ("minister", "secretary") and portfolio and not before & NOT_CABINET and not portfolio & NOT_CABINET:
        # "Secretary of State for Exiting the EU" is the "Brexit Secretary": the formal title's
        # department is compared only with another formal title
        form = "portfolio-of:" if of_state and portfolio != {"state"} else "portfolio:"
        return shadow + form + "+".join(sorted(portfolio))
    if head in HEADS_OF_STATE and organisation <= {"exchequer", "republic", "state", "government"} | country_words():
        return shadow + head
    return ""


def offices_compatible(a: str, b: str) -> bool:
    """Two offices one person may hold as the text names them: the same office, overlapping
    portfolios ("foreign" and "foreign+commonwealth"), or a chancellor (of the Exchequer) and a
    finance minister."""
    if a == b:
        return True
    if a.startswith("shadow ") != b.startswith("shadow "):
        return False
    a, b = a.removeprefix("shadow "), b.removeprefix("shadow ")
    if a.startswith("portfolio") and b.startswith("portfolio"):
        (form_a, rest_a), (form_b, rest_b) = a.split(":", 1), b.split(":", 1)
        return form_a != form_b or bool(set(rest_a.split("+")) & set(rest_b.split("+")))
    return {a, b} <= {"chancellor", "portfolio:finance", "portfolio-of:finance"}


RANKS = WORDS["ranks"]
RANK_ABBREVIATIONS = WORDS["rank_abbreviations"]


def _rank(words: list[str], head_at: int) -> str:
    """The rank a title gives: the longest rank phrase ending at its head word ("the force's
    assistant chief constable", "Det Ch Supt"), not a title that ends in one ("attorney general")."""
    if head_at >= len(words):
        return ""
    expanded = [RANK_ABBREVIATIONS.get(w, w) for w in words[:head_at + 1]]
    expanded = [w for w in expanded if w not in ("detective", "det", "police")]
    for size in (3, 2, 1):
        phrase = " ".join(expanded[-size:])
        if len(expanded) >= size and phrase in RANKS:
            before = expanded[-size - 1] if len(expanded) > size else ""
            if before in TITLES and before not in HONORIFICS and before not in RANKS:
                return ""  # "attorney general", "inspector general"
            return phrase
    return ""


@lru_cache(maxsize=1)
def country_of_word() -> dict[str, str]:
    """A country's one-word name, alias, demonym or capital, in lower case -> the country."""
    try:
        countries = data_json("organisations.json").get("countries", [])
    except (OSError, ValueError, AttributeError):
        return {}
    out: dict[str, str] = {}
    for country in countries:
        if isinstance(country, dict) and isinstance(country.get("name"), str):
            for value in [country["name"], *country.get("aliases", []), *country.get("demonyms", [])]:
                if isinstance(value, str) and " " not in value:
                    out.setdefault(value.lower(), country["name"])
    return out


@lru_cache(maxsize=1)
def _party_acronyms() -> frozenset[str]:
    """Acronyms of the political parties in the organisation data (SNP, DUP, CDU), in lower case."""
    try:
        orgs = data_json("organisations.json").get("organisations", [])
    except (OSError, ValueError, AttributeError):
        return frozenset()
    return frozenset(a.lower() for o in orgs if "political party" in o.get("kind", ()) for a in o.get("acronyms", ()))


PARTY_SYNONYMS = {"tory": "conservative"}  # "a Tory MP" is a Conservative MP
PARTY_WORD = re.compile(r"(?<![\w-])([A-Za-z][\w’'.-]*)(?![\w-])")


def party_keys(text: str, parties: frozenset[str] = frozenset()) -> frozenset[str]:
    """The parties a role names: the usual party words ("Labour MP", "a Democratic senator"), party
    acronyms from the data ("SNP leader") and the article's own party names ("the Citizens'
    Alliance's spokeswoman"); not a party word in a compound ("the Conservative-led council")."""
    found = {PARTY_SYNONYMS.get(w.lower(), w.lower()) for w in PARTY.findall(text) if not _in_compound(text, w)}
    acronyms = _party_acronyms()
    found |= {w.lower() for w in PARTY_WORD.findall(text) if w.isupper() and w.lower() in acronyms}
    if parties:
        lowered = " " + " ".join(w.lower().strip("'’").removesuffix("'s").removesuffix("’s")
                                 for w in WORD.findall(text)) + " "
        named = {p for p in parties if f" {p} " in lowered}
        found |= named | {i for p in named if (i := _party_initials(p))}  # "Scottish National Party" is the SNP
    return frozenset(found)


def _in_compound(text: str, word: str) -> bool:
    i = text.find(word)
    return i >= 0 and text[i + len(word):i + len(word) + 1] == "-"


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Country names, demonyms and capitals in lower case, from the bundled organisation data."""
    try:
        data = data_json("organisations.json")
        countries = data.get("countries", [])
    except (OSError, ValueError, AttributeError):
        return frozenset()
    words = set()
    for country in countries:
        if isinstance(country, dict):
            for value in [country.get("name", ""), *country.get("demonyms", []), *country.get("capitals", [])]:
                if isinstance(value, str):
                    words.update(value.lower().split())
    return frozenset(words | {"us", "u.s.", "uk", "eu"})


CONCURRENT = re.compile(r"\b(?:also|as well as|additionally|at the same time|concurrently)\b", re.IGNORECASE)


def roles_conflict(a: Role, b: Role) -> bool:
    """Two roles one person cannot hold at once, as far as the text shows."""
    return bool(conflict_kind(a, b))


def conflict_kind(a: Role, b: Role) -> str:
    """Why two roles cannot be one person's at once, or "" when they can: "party" (one person, one
    party), "office" (two offices of state, or one of two countries), "grade" (a post and the post
    below it in one body: president and vice president), "rank" (two ranks of a service), "post"
    (two top posts of one body, or one post in two bodies)."""
    if a.change or b.change or CONCURRENT.search(a.text) or CONCURRENT.search(b.text):
        return ""  # a change described, or a post held beside the other ("who is also finance minister")
    if a.party and b.party and not a.party & b.party:
        return "party"
    if a.office and b.office:
        if not offices_compatible(a.office, b.office):
            return "office"
        if a.country and b.country and not a.country & b.country:
            return "office"
        if a.office == b.office and a.grade != b.grade:
            return "grade"
    if a.rank and b.rank and a.rank != b.rank and not (a.rank.endswith(" " + b.rank) or b.rank.endswith(" " + a.rank)):
        return "rank"  # "lieutenant colonel" and "colonel" is the usual short form, not a conflict
    if a.grade != b.grade and TOP_ROLES.get(a.head, a.head) == TOP_ROLES.get(b.head, b.head) \
            and a.head not in ("minister", "secretary") and _one_body(a, b):
        return "grade"
    if a.head in ("minister", "secretary") and a.head == b.head:
        return "office" if (a.portfolio and b.portfolio and not a.portfolio & b.portfolio
                            and not (a.office and b.office)) else ""  # two offices were compared above
    if a.head in POSTED_ROLES and b.head in POSTED_ROLES:
        return "post" if a.organisation and b.organisation and not a.organisation & b.organisation else ""
    if a.head in LEADER_ROLES and b.head in LEADER_ROLES:
        return "post" if (a.organisation and b.organisation and not a.organisation & b.organisation
                          and POLITICAL.search(a.text) and POLITICAL.search(b.text)) else ""
    if a.head in TOP_ROLES and b.head in TOP_ROLES and TOP_ROLES[a.head] != TOP_ROLES[b.head] \
            and (a.owner and a.owner == b.owner or a.employer and a.employer == b.employer) \
            and (_unit_post(a) or _unit_post(b)):
        return "post"  # "the agency's director of science" / "the agency's president"
    # Employed by two different named organisations: "an analyst at Halyk Bank" / "of Kaspi Bank".
    if a.employer and b.employer and a.head not in SIDE_ROLES and b.head not in SIDE_ROLES \
            and not (_places_only(a.employer) or _places_only(b.employer)) \
            and (_other_bodies(a.employer_name, b.employer_name) if a.employer_name and b.employer_name
                 else not a.employer & b.employer):
        return "post"
    return ""


def _other_bodies(x: str, y: str) -> bool:
    """Two names of bodies that cannot be one: neither contains the other nor abbreviates it."""
    if not x or not y or x in y or y in x:
        return False
    short, long = sorted((x, y), key=len)
    initials = "".join(w[0] for w in long.split() if w not in ("of", "the", "for", "and"))
    return short.replace(".", "").replace(" ", "") != initials


def institution_of(role: Role) -> tuple[str, bool]:
    """(the body a role is in, whether the text names it only by a common noun: "the institution")."""
    if role.employer_name:
        return role.employer_name, False
    words = role.organisation | ({role.owner} if role.owner else set())
    return " ".join(sorted(words)), bool(words) and words <= ORG_WORDS


def _one_body(a: Role, b: Role) -> bool:
    """Two roles in one body: the same named body, or one named and the other the common noun for
    it ("the president of Club Atlético Río Seco" ... "the vice president of the institution")."""
    (x, x_generic), (y, y_generic) = institution_of(a), institution_of(b)
    if not x or not y:
        return False
    return x == y or (x_generic != y_generic)


def _places_only(words: frozenset[str]) -> bool:
    return words <= country_words()


def _unit_post(role: Role) -> bool:
    """A post over one part of an organisation ("director of science"), not a second top title
    ("the company's chairman" and "its chief executive" may well be one person)."""
    return bool(role.organisation) and not role.employer


def _parties(text: str) -> frozenset[str]:
    """The party words of a role ("Labour MP" -> {"labour"}, "a Democratic senator" -> {"democrat"})."""
    return frozenset(w.lower() for w in PARTY.findall(text))


def roles_match(a: Role, b: Role) -> bool:
    """True when two role descriptions can name the same post ("Secretary of State", "the secretary")."""
    if TOP_ROLES.get(a.head, a.head) != TOP_ROLES.get(b.head, b.head):
        return False
    if a.portfolio and b.portfolio and not a.portfolio & b.portfolio:
        return False
    return not (a.organisation and b.organisation and not a.organisation & b.organisation)


PARTY_NOUN = re.compile(r"\b(?:Party|Alliance|Front|Movement|Coalition|Greens|Democrats|Socialists|Conservatives|"
                        r"Liberals|Independents)\b")


def _party_names(entities: list[Entity]) -> frozenset[str]:
    """The parties the article names by a name of its own: "the Progressive Party" -> "progressive",
    "the Citizens' Alliance" -> "citizens alliance"."""
    out = set()
    for e in entities:
        if e.kind == "organisation" and PARTY_NOUN.search(e.text):
            words = [w.lower().strip("'’").removesuffix("'s").removesuffix("’s") for w in WORD.findall(e.text)]
            key = " ".join(w for w in words if w not in ("the", "party"))
            if key:
                out.add(key)
    return frozenset(out)


def _party_initials(key: str) -> str:
    """"scottish national" -> "snp": the acronym a party name of several words is known by."""
    words = key.split()
    return "".join(w[0] for w in words if w not in ("of", "and", "for")) + "p" if len(words) >= 2 else ""


def _multipart(family: str) -> bool:
    return any(c in family for c in " -'’")


def _spells_family(name: str, family: str) -> bool:
    """A full name that is a known family name of several parts spelled another way."""
    return forms(name)[3] == forms(family)[3] or spelling_variant(name, family) is not None


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.out = NameAnalysis()
        self.by_surname: dict[str, list[int]] = {}
        self.multipart: dict[str, list[int]] = {}  # people whose family name has several parts, by first letter
        self.multipart_ids: set[int] = set()
        self.parties: frozenset[str] = frozenset()  # the article's own party names ("citizens alliance")
        self.full_starts: dict[int, list[int]] = {}  # person -> starts of full-name mentions, in order

    def person_for(self, given: tuple[str, ...], surname: str, suffix: str, name: str,
                   family: str = "") -> tuple[int, str]:
        """The person a full name belongs to, and the form of the mention ("full", or "surname"
        when the name spells a known person's family name whole: "Dela Cruz" for "de la Cruz")."""
        people = self.out.people
        family = family or surname
        for i in self.by_surname.get(surname, ()):
            p = people[i]
            if p.suffix == suffix and given_compatible(p.given, given) and (given or p.given):
                if len(given) > len(p.given):
                    p.given, p.name = given, name
                return i, "full"
        if given and self.multipart:
            for i in self.multipart.get(forms(name)[3][:1], ()):
                if _spells_family(name, people[i].family):
                    return i, "surname"
        if _multipart(family):
            for i, p in enumerate(people):  # the family name was written first as a full name ("Dela Cruz ... Ramon de la Cruz")
                if p.given and not p.roles and i not in self.multipart_ids and _spells_family(p.name, family):
                    self.by_surname[p.surname].remove(i)
                    for m in p.mentions:
                        m.form, m.surname_start = "surname", m.start
                    self.full_starts.pop(i, None)
                    p.given, p.surname, p.name, p.family = given, surname, name, family
                    self._add(i, surname, family)
                    return i, "full"
        people.append(Person(name, given, surname, suffix, family=family))
        self._add(len(people) - 1, surname, family)
        return len(people) - 1, "full"

    def _add(self, pid: int, surname: str, family: str) -> None:
        self.by_surname.setdefault(surname, []).append(pid)
        if _multipart(family):
            self.multipart.setdefault(forms(family)[3][:1], []).append(pid)
            self.multipart_ids.add(pid)

    def _single_start(self, name: list[tuple[int, int, str]], lo: int) -> int:
        """Where a name of one capitalised word starts, with the lower-case particles before it
        ("Author van Tilburg", "said de Gaulle")."""
        start = name[0][0]
        if len(name) == 1 and start > lo and self.text[start - 1] == " ":
            m = PARTICLES_BEFORE.match(self.text, max(lo, start - 16), start)
            if m is not None:
                return m.start(1)
        return start

    def _family_at(self, name: list[tuple[int, int, str]]) -> tuple[int, int]:
        """(index of the first word of the family name, offset where it starts, particles included).

        A capitalised particle belongs to the family name inside a name ("Jan Van der Berg") and at
        its start when lower-case particles follow ("De la Cruz"); "Al Gore" keeps "Al" as a given name."""
        text = self.text
        at = len(name) - 1
        while at > 0:
            prev = name[at - 1][2]
            join = text[name[at - 1][1]:name[at][0]].strip()
            if prev.lower() not in PARTICLES or (at == 1 and not join):
                break
            at -= 1
        join_start = name[at - 1][1] if at > 0 else name[at][0]
        gap = text[join_start:name[at][0]]
        start = name[at][0]
        if gap.strip() and particle_join(gap.strip()):
            start = join_start + len(gap) - len(gap.lstrip())
        return at, start

    def mention(self, person: int, start: int, end: int, form: str, surname: tuple[int, int]) -> Mention:
        m = Mention(start, end, self.text[start:end], person, form, surname[0], surname[1])
        if form == "full":
            self.full_starts.setdefault(person, []).append(start)
        self.out.people[person].mentions.append(m)
        self.out.mentions.append(m)
        return m

    def role(self, person: int, start: int, end: int, introduced: bool = True, said: str = "") -> None:
        """A role of ``person`` at ``start``..``end``; ``said`` is what it says when the span alone
        does not ("Greens leader" for "leader" after "the Greens, whose")."""
        while end > start and self.text[end - 1] in " ,":
            end -= 1
        while start < end and self.text[start] in " ,":
            start += 1
        if end - start < 2:
            return
        role = role_features(said or self.text[start:end], person, start, end, self.parties)
        if role is not None:
            role.introduced = introduced
            self.out.roles.append(role)
            self.out.people[person].roles.append(role)

    def preceding_role(self, start: int, lo: int) -> tuple[int, int] | None:
        """The role phrase right before a name: "state party chair", "Citizens' Union parliamentary leader"."""
        window = self.text[max(lo, start - 60):start]
        m = ROLE_BEFORE.match(window)
        if m is None:
            return None
        base = start - len(window)
        words = list(LETTERS.finditer(window, 0, m.end()))
        # from the role word the pattern found ("president" in "president of Club Atlético Río Seco"),
        # then left over its modifiers ("state party chair")
        first = next((k for k, w in enumerate(words) if w.start() >= m.start()), len(words) - 1)
        while first > 0:
            prev = words[first - 1]
            gap = window[prev.end():words[first].start()]
            w = prev.group().lower().strip("'’")
            if gap.strip() or w in STOP or w in SPEECH_VERBS or w in CHANGE_WORDS - {"former", "acting", "new"}:
                break
            first -= 1
        if first >= len(words):
            return None
        return base + words[first].start(), base + words[-1].end()

    def appositive(self, end: int, hi: int) -> tuple[int, int] | None:
        """The appositive after a name: ", director of the Astana Centre", ", who chairs the group"."""
        m = APPOSITIVE.match(self.text, end, hi)
        if m is None:
            return None
        start = end + 1
        if m.group().rstrip().endswith(("who", "whose")) and not ROLE_CLAUSE.match(self.text, m.end() - 1, hi):
            return None  # "who met the minister", "whose husband is the minister": not this person's role
        stop = CLAUSE_END.search(self.text, start + 1, min(hi, start + 120))
        clause_end = stop.start() if stop else min(hi, start + 120)
        return start, clause_end

    def run(self) -> NameAnalysis:
        text = self.text
        pending: list[tuple[_Run | None, int, int, int, list[tuple[int, int, str]]]] = []
        entities = self.out.entities
        for block in self.doc.blocks:
            lo, hi = block.start, block.end
            for match in RUN.finditer(text, lo, hi):
                word = match.group()
                if " " not in word and "\u00a0" not in word:  # most runs: one capitalised word
                    kind = _lone_word_kind(word)
                    if kind == "name":
                        pending.append((None, -1, lo, hi, [(match.start(), match.end(), word)]))
                    elif kind:
                        entities.append(Entity(match.start(), match.end(), word, kind))
                    continue
                offset = match.start()
                for outcome in _read_match(text, match):
                    if outcome[0] == "entity":
                        _, start, end, kind = outcome
                        entities.append(Entity(offset + start, offset + end, text[offset + start:offset + end], kind))
                        continue
                    _, tokens, joins, title_at, name_at, name_end = outcome
                    tokens = [(offset + s, offset + e, w) for s, e, w in tokens]
                    run = _Run(tokens[0][0], tokens[-1][1], tokens, joins)
                    pending.append((run, title_at, lo, hi, tokens[name_at:name_end]))
        self.parties = _party_names(entities)
        # Full names first, so that a surname later (or earlier, in a headline) links to them.
        singles = []
        for run, title_at, lo, hi, name in pending:
            if len(name) == 1:
                singles.append((run, title_at, lo, hi, name, title_at >= 0, ""))
                continue
            n_start, n_end = name[0][0], name[-1][1]
            words = [t[2] for t in name]
            suffix = ""
            if len(words) > 1 and words[-1].rstrip(".").lower() in SUFFIXES:
                suffix = words[-1].rstrip(".").lower()
                name = name[:-1]
                words = words[:-1]
            has_title = title_at >= 0
            if len(words) == 1:
                singles.append((run, title_at, lo, hi, name, has_title, suffix))
                continue
            family_at, family_start = self._family_at(name)
            if family_at == 0:  # particles and a surname: "Van der Berg said"
                singles.append((run, title_at, lo, hi, name, has_title, suffix))
                continue
            evidence = has_title or self._evidence(n_start, n_end, lo, hi)
            if len(words) <= 4 and (evidence or len(words) <= 3):
                given = tuple(words[:family_at])
                surname = words[-1]
                family = " ".join(text[family_start:n_end].split()) if family_at < len(words) - 1 \
                    or family_start < name[-1][0] else surname
                pid, form = self.person_for(given, surname, suffix, " ".join(text[n_start:n_end].split()), family)
                self.out.people[pid].confirmed |= evidence
                self.mention(pid, n_start, n_end, form, (n_start if form == "surname" else family_start, n_end))
                if evidence:
                    self._roles_and_speech(pid, run, title_at, n_start, n_end, lo, hi, full=True)
        surnames: dict[str, list[int]] = {}
        for i, p in enumerate(self.out.people):
            surnames.setdefault(p.surname, []).append(i)
        # A title and a surname with no full name anywhere ("President Trump", "Councillor Gallaher"):
        # a person too, known before the lone surnames are read.
        for _, _, lo, _, name, has_title, suffix in singles:
            word = name[-1][2]
            if has_title and word not in surnames and word.rstrip(".").lower() not in TITLES:
                start = self._single_start(name, lo)
                pid, _ = self.person_for((), word, suffix, word, " ".join(text[start:name[-1][1]].split()))
                self.out.people[pid].confirmed = True
                surnames[word] = [pid]
        self.out.given_names = frozenset(g for p in self.out.people for g in p.given)
        by_initial: dict[str, list[str]] = {}
        for surname in [*surnames, *(p.family for p in self.out.people if p.family != p.surname)]:
            for key in surname_keys(surname):
                by_initial.setdefault(key, []).append(surname)
        variants: list[tuple[Loose, bool]] = []
        uses = Counter(single[4][-1][2] for single in singles)  # how often each surname is written
        for p in self.out.people:
            uses[p.surname] += sum(m.form == "full" for m in p.mentions)
            if p.family != p.surname:
                uses[p.family] = uses[p.surname]
        for p in self.out.people:
            if not p.confirmed:  # "Standard Life": a surname only if a person's
                uses[p.surname] = uses[p.family] = 0
        shared: list[tuple] = []  # mentions of a surname two people introduced before it share
        for single in singles:
            run, title_at, lo, hi, name, has_title, suffix = single
            n_start, n_end = self._single_start(name, lo), name[-1][1]
            word = name[-1][2]
            known = surnames.get(word)
            if len(name) > 1 and not known and self.multipart:  # "De la Serre said", after "Rene de LaSerre"
                known = [pid for pid in self.multipart.get(forms(text[n_start:n_end])[3][:1], ())
                         if _spells_family(text[n_start:n_end], self.out.people[pid].family)] or None
            if known:
                before = [pid for pid in known if self.full_starts.get(pid, [n_start])[0] < n_start]
                if len(before) > 1 or (not before and len(known) > 1):
                    shared.append((single, before or known))
                    continue
                pid = before[0] if before else known[0]
                self.mention(pid, n_start, n_end, "title" if has_title else "surname", (n_start, n_end))
                self._roles_and_speech(pid, run, title_at, n_start, n_end, lo, hi)
            elif len(word) > 2 and word not in self.out.given_names \
                    and (targets := [known_name for key in surname_keys(word) for known_name in by_initial.get(key, ())
                                     if spelling_variant(known_name, word)]):
                app = self.appositive(n_end, hi)
                role = role_features(text[app[0]:app[1]], -1, app[0], app[1]) if app is not None else None
                # a person's: said to be one, or a slip of a surname the article uses again and again
                used = bool(self._evidence(n_start, n_end, lo, hi)
                            or verb_after().match(text, n_end, min(hi, n_end + 12))
                            or self._object_of_verb(n_start, n_end, lo, hi)
                            or (len(word) >= 5 and max(uses[t] for t in targets) >= REPEATED))
                variants.append((Loose(n_start, n_end, word, role), used))
        self._sexes()
        for single, candidates in shared:
            run, title_at, lo, hi, name, has_title, suffix = single
            n_start, n_end = self._single_start(name, lo), name[-1][1]
            pid = self._by_pronoun(candidates, n_end)
            m = self.mention(self._nearest(candidates, n_start) if pid < 0 else pid, n_start, n_end,
                             "title" if has_title else "surname", (n_start, n_end))
            m.ambiguous = pid < 0
            self._roles_and_speech(m.person, run, title_at, n_start, n_end, lo, hi)
        # A variant counts once one of its uses reads as a person's; then every use of it counts.
        as_person = {loose.text for loose, used in variants if used}
        self.out.loose = [loose for loose, _ in variants if loose.text in as_person]
        self._role_references()
        self.out.mentions.sort(key=lambda m: m.start)
        for p in self.out.people:
            p.mentions.sort(key=lambda m: m.start)
        self._family()
        self._quote_attributions()
        return self.out

    def _sexes(self) -> None:
        """A person's sex from the pronouns of the sentences that name this person alone
        ("Holub said her party ..."), unless an honorific or the pronouns disagree."""
        by_sentence: dict[int, set[int]] = {}
        first: dict[int, int] = {}
        sentences = self.doc.sentences
        starts = [s.start for s in sentences]
        for m in sorted(self.out.mentions, key=lambda m: m.start):
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0:
                by_sentence.setdefault(i, set()).add(m.person)
                first.setdefault(i, m.end)
        votes: dict[int, set[str]] = {}
        for i, people in by_sentence.items():
            if len(people) == 1:
                sex = _pronoun_sex(self.text, first[i], sentences[i].end)
                if sex:
                    votes.setdefault(next(iter(people)), set()).add(sex)
        for pid, sexes in votes.items():
            person = self.out.people[pid]
            if len(sexes) == 1 and not person.sex:
                person.sex = next(iter(sexes))

    def _by_pronoun(self, candidates: list[int], end: int) -> int:
        """Of people who share a surname, the one whose sex the pronoun after ``end`` in its sentence names, or -1."""
        sentence = self.doc.sentence_at(end - 1)
        sex = _pronoun_sex(self.text, end, sentence.end) if sentence is not None else ""
        if not sex:
            return -1
        fits = [pid for pid in candidates if self.out.people[pid].sex == sex]
        return fits[0] if len(fits) == 1 else -1

    def _object_of_verb(self, start: int, end: int, lo: int, hi: int) -> bool:
        """A lone capitalised word after a past verb and before lower case ("remanded Hallorann in
        custody"): where a person is named, not a place ("in Kilworth"), a thing named by its kind
        ("the derivatives market Liffe") or the first word of a name."""
        m = WORD_BEFORE.match(self.text[max(lo, start - 25):start])
        word = m and (m.group(1) or m.group(2))
        if not word or word in STOP or word in PARTICLES or word in ROLES:
            return False
        return bool(LOWER_AFTER.match(self.text, end, min(hi, end + 3)))

    def _nearest(self, candidates: list[int], offset: int) -> int:
        """Of people who share a surname, the one whose full name was given last before ``offset``."""
        best, best_pos = candidates[0], -1
        for pid in candidates:
            starts = self.full_starts.get(pid, [])
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and starts[i] > best_pos:
                best, best_pos = pid, starts[i]
        return best

    def _evidence(self, start: int, end: int, lo: int, hi: int) -> bool:
        text = self.text
        end = _past_post_nominals(text, end, hi)
        if SPEECH_BEFORE.match(text[max(lo, start - 30):start]) or ROLE_BEFORE.match(text[max(lo, start - 60):start]):
            return True
        return bool(SPEECH_AFTER.match(text, end, min(hi, end + 40)) or APPOSITIVE.match(text, end, min(hi, end + 60))
                    or AGE_OR_SCORE.match(text, end, min(hi, end + 6)))

    def _roles_and_speech(self, pid: int, run: _Run, title_at: int, n_start: int, n_end: int, lo: int,
                          hi: int, full: bool = False) -> None:
        """The roles and the speech around one mention; a title introduces a post only before a
        full name ("Chancellor Gordon Brown"), not in a short reference ("Councillor Gallaher")."""
        text = self.text
        title_start = run.tokens[title_at][0] if title_at >= 0 else n_start
        title_words: list[str] = []
        if title_at >= 0:
            title_words = [t[2].rstrip(".").lower() for t in run.tokens[title_at:] if t[1] <= n_start]
            if any(w not in HONORIFICS for w in title_words):
                self.role(pid, title_start, n_start, introduced=full)
            sex = next((SEX_OF_HONORIFIC[w] for w in title_words if w in SEX_OF_HONORIFIC), "")
            if sex:
                self.out.people[pid].sex = sex
        before = self.preceding_role(title_start, lo)
        if before is not None and title_at >= 0 and "," in text[before[1]:title_start] \
                and any(w not in HONORIFICS and w not in ACADEMIC for w in title_words):
            before = None  # "Secretary of State Condoleezza Rice, UN Secretary General Kofi Annan": a list
        if before is not None:  # "deputy" + "Conservative Chairman": one post; "the trust's chair, Professor": two
            end = before[1] if title_at < 0 or "," in text[before[1]:title_start] else n_start
            whose = WHOSE_BEFORE.match(text[max(lo, before[0] - 60):before[0]])
            self.role(pid, before[0], end, said=f"{whose.group(1)} {text[before[0]:end]}" if whose else "")
        limit = hi
        n_end = _past_post_nominals(text, n_end, hi)
        after_name = n_end + (len(m.group()) if (m := POSSESSIVE.match(text, n_end, limit)) else 0)
        app = self.appositive(after_name, limit)
        if app is not None:
            self.role(pid, app[0], app[1])
        elif (body := WHOSE_BODY.match(text, after_name, limit)) is not None:
            self.role(pid, body.start(1), body.end(1), said=f"member of the {body.group(1)}")
        speech = SPEECH_AFTER.match(text, n_end, min(limit, n_end + 40))
        if speech is not None:
            self.out.attributions.append(Attribution(n_start, speech.end(), n_start, n_end, pid))
            return
        m = SPEECH_BEFORE.match(text[max(lo, n_start - 30):n_start])
        if m is not None:
            self.out.attributions.append(Attribution(n_start - 30 + m.start() if n_start - 30 >= lo else lo + m.start(),
                                                     n_end, n_start, n_end, pid))

    def _role_references(self) -> None:
        """"the minister" after a person introduced as a minister: a mention of that person."""
        holders: dict[str, list[tuple[int, int]]] = {}
        for role in sorted(self.out.roles, key=lambda r: r.start):
            if not role.change:
                holders.setdefault(role.head, []).append((role.start, role.person))
        if not holders:
            return
        seen: dict[str, tuple[int, set[int]]] = {}  # head -> (holders passed, the people among them)
        text = self.text
        for m in ROLE_REFERENCE.finditer(text):
            head = m.group(1)
            if head not in holders or m.start() < 1 or text[m.start() - 1] not in "Tt" \
                    or (m.start() > 1 and text[m.start() - 2].isalpha()):
                continue
            passed, people = seen.get(head, (0, set()))
            ordered = holders[head]
            while passed < len(ordered) and ordered[passed][0] < m.start():
                people.add(ordered[passed][1])
                passed += 1
            seen[head] = (passed, people)
            if len(people) == 1:
                pid = next(iter(people))
                self.mention(pid, m.start(1), m.end(1), "role", (m.start(1), m.end(1)))

    def _family(self) -> None:
        """Surnames the text gives to relatives: two people then rightly share or echo a surname."""
        text = self.text
        family: set[str] = set()
        # where a family word can be: a superset of what the word test below accepts, to skip the
        # mentions (most of them) with none near
        lowered = text.lower()  # a few letters lengthen when lowered: then the offsets need IGNORECASE
        near = [m.start() for m in family_word().finditer(lowered)] if len(lowered) == len(text) \
            else [m.start() for m in family_word(re.IGNORECASE).finditer(text)]
        if not near:
            self.out.family = frozenset()
            return
        for p in self.out.people:
            if p.surname in family:
                continue
            for m in p.mentions:
                k = bisect.bisect_left(near, m.start - 55)  # a family word the window's first word cuts
                if k == len(near) or near[k] >= m.end + 100:
                    continue
                after = text[m.end:m.end + 100]
                after = after[:cut.start()] if (cut := SENTENCE_END.search(after)) else after
                words = text[max(0, m.start - 40):m.start].lower().split()[-4:] + after.lower().split()[:12]
                stripped = {w.strip(",.;:'’s—–-") for w in words} | {w.strip(",.;:—–-") for w in words}
                if not FAMILY_WORDS.isdisjoint(stripped):
                    family.add(p.surname)
                    p.related = True
                    break
        self.out.family = frozenset(family)

    def _quote_attributions(self) -> None:
        """Who says each quotation: the quotation analyser's clause, or a named attribution beside it."""
        try:
            quotes = self.doc.quotes
        except ModuleNotFoundError:
            return
        text, out = self.text, self.out
        mine = sorted(out.attributions, key=lambda a: a.start)
        starts = [a.start for a in mine]
        ends = sorted((a.end, i) for i, a in enumerate(mine))
        mention_starts = [m.start for m in out.mentions]
        named = _NamedClauses(out.attributions)
        for q in [*quotes.quotes, *quotes.speech]:
            said = None
            if q.attribution is not None:
                a_start, a_end = q.attribution
                said = named.overlapping(a_start, a_end)
                if said is None:
                    m = self._mention_inside(a_start, a_end, mention_starts)
                    if m is not None:
                        said = Attribution(a_start, a_end, m.start, m.end, m.person)
                        out.attributions.append(said)
                        named.add(said)
            if said is None:
                i = bisect.bisect_left(starts, q.end)
                if i < len(mine) and mine[i].start <= q.end + 60 \
                        and not ATTRIBUTION_GAP.search(text, q.end, mine[i].start):
                    said = mine[i]
                else:
                    j = bisect.bisect_right(ends, (q.start, len(mine))) - 1  # the last clause ending before it
                    if j >= 0 and q.start - 40 <= ends[j][0] and text[ends[j][0]:q.start].rstrip().endswith(":") \
                            and not ATTRIBUTION_GAP.search(text, ends[j][0], q.start - 1):
                        said = mine[ends[j][1]]
                    elif j >= 0 and q.start - 3 <= ends[j][0]:
                        said = mine[ends[j][1]]
            if said is None and q.attribution is not None:
                said = self._pronoun_speaker(q.attribution, q.block, q.start, mention_starts)
            if said is not None:
                out.quote_speakers.append((q, said))
        out.attributions.sort(key=lambda a: a.start)

    def _mention_inside(self, start: int, end: int, mention_starts: list[int]) -> Mention | None:
        """The first mention (in text order) lying inside ``start``..``end``."""
        mentions = self.out.mentions
        for k in range(bisect.bisect_left(mention_starts, start), len(mentions)):
            m = mentions[k]
            if m.start > end:
                break
            if m.end <= end:
                return m
        return None

    def _pronoun_speaker(self, clause: tuple[int, int], block: int, before: int,
                         mention_starts: list[int]) -> Attribution | None:
        """"she said": the one person the paragraph (or, failing that, the one before) has named."""
        pronoun = PRONOUN.match(self.text, clause[0], clause[1])
        if pronoun is None:
            return None
        blocks = self.doc.blocks
        for index in (block, block - 1):
            if index < 0 or index >= len(blocks):
                continue
            lo = bisect.bisect_left(mention_starts, blocks[index].start)
            hi = bisect.bisect_left(mention_starts, min(before, blocks[index].end))
            people = {self.out.mentions[k].person for k in range(lo, hi)}
            if len(people) == 1:
                return Attribution(clause[0], clause[1], pronoun.start(), pronoun.end(), people.pop())
            if people:
                return None
        return None


def analyze_names(doc: Document) -> NameAnalysis:
    return _Builder(doc).run()
