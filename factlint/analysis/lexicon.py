"""Word forms for the date and event analysers: a rule stemmer and the closed classes it serves.

Events are named by verbs and nouns of an open class, so identity cannot rest on a
list of words: ``stem`` reduces any verb or noun, by rule, to a key shared by its
inflections and its noun/verb derivations (vote, voted, voting; open, opened,
opening; dismiss, dismissed, dismissal; close, closure; elect, election). What is
written by hand is closed: the irregular past forms of English verbs, the
auxiliaries, and a few groups of heads that name one kind of event with different
words (vote/poll/ballot/election), each stored by its stem.
"""

from __future__ import annotations

import re
from functools import cache

# Irregular verbs: base, past, participle (the common ones of news prose).
_IRREGULAR = """
arise arose arisen|awake awoke awoken|be was been|be were been|bear bore borne|beat beat beaten|become became become
begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled
blow blew blown|break broke broken|breed bred bred|bring brought brought|broadcast broadcast broadcast
build built built|burn burnt burnt|burst burst burst|buy bought bought|cast cast cast|catch caught caught
choose chose chosen|cling clung clung|come came come|cost cost cost|creep crept crept|cut cut cut|deal dealt dealt
dig dug dug|do did done|draw drew drawn|dream dreamt dreamt|drink drank drunk|drive drove driven|eat ate eaten
fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found|flee fled fled|fling flung flung
fly flew flown|forbid forbade forbidden|forecast forecast forecast|foresee foresaw foreseen|forget forgot forgotten
forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|grind ground ground
grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held
hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|lean leant leant
leap leapt leapt|learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|light lit lit
lose lost lost|make made made|mean meant meant|meet met met|mislead misled misled|overcome overcame overcome
overtake overtook overtaken|overthrow overthrew overthrown|pay paid paid|prove proved proven|put put put
quit quit quit|read read read|rebuild rebuilt rebuilt|redo redid redone|rewrite rewrote rewritten|rid rid rid
ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought
sell sold sold|send sent sent|set set set|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot
show showed shown|shrink shrank shrunk|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept
slide slid slid|speak spoke spoken|speed sped sped|spend spent spent|spin spun spun|split split split
spread spread spread|spring sprang sprung|stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung
strike struck struck|strive strove striven|swear swore sworn|sweep swept swept|swim swam swum|swing swung swung
take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown
thrust thrust thrust|undergo underwent undergone|understand understood understood|undertake undertook undertaken
upset upset upset|wake woke woken|wear wore worn|weave wove woven|win won won|withdraw withdrew withdrawn
write wrote written
"""
IRREGULAR_BASE: dict[str, str] = {}
IRREGULAR_PAST: frozenset[str]
IRREGULAR_PARTICIPLE: frozenset[str]
PAST_FORMS: frozenset[str]  # irregular past and participle forms that are not also a base form ("ran", "held", "been")


def _load_irregular() -> None:
    global IRREGULAR_PAST, IRREGULAR_PARTICIPLE, PAST_FORMS
    past, participle, bases = set(), set(), set()
    for entry in _IRREGULAR.replace("\n", "|").split("|"):
        if not entry.strip():
            continue
        base, simple, part = entry.split()
        if simple == "found":
            continue  # "found" is also a verb of its own (to found a company)
        bases.add(base)
        IRREGULAR_BASE.setdefault(simple, base)
        IRREGULAR_BASE.setdefault(part, base)
        past.add(simple)
        participle.add(part)
    IRREGULAR_PAST = frozenset(past - {"read", "put", "set", "cut", "let", "hit", "cost", "shut", "hurt", "bet", "bid",
                                       "quit", "cast", "burst", "split", "spread", "thrust", "upset", "broadcast",
                                       "forecast", "rid", "shed", "lay", "found", "fell", "left", "lead", "ground"})
    IRREGULAR_PARTICIPLE = frozenset(participle)
    PAST_FORMS = frozenset((past | participle) - bases - {"found", "lay", "ground", "left"})


_load_irregular()

AUXILIARIES = frozenset("""
be am is are was were been being have has had having do does did will would shall should can could may might must
""".split())
MODALS_FUTURE = frozenset("will shall 'll".split())

# Suffixes that derive a noun or an inflection from a verb stem, longest first.
_SUFFIXES = ("ments", "ment", "ings", "ing", "ions", "ion", "ures", "ure", "als", "al", "ied", "ies", "ed", "es",
             "s", "e")
_DERIVATIONAL = frozenset("ments ment ions ion ures ure als al".split())
_KEEP_DOUBLE = frozenset("ll ss zz ff".split())


@cache
def stem(word: str) -> str:
    """A key shared by a word's inflections and its noun/verb derivations: any verb or noun, by rule.

    vote, voted, voting -> vot; opening, opened -> open; dismissal, dismissed -> dismiss;
    closure, closed -> clos; election, elected -> elect; met, meeting -> meet; began -> begin.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = IRREGULAR_BASE.get(w, w)
    if len(w) <= 3:
        return w
    for suffix in _SUFFIXES:
        shortest = 4 if suffix in _DERIVATIONAL else 3  # "comment" is no "com" + "ment"
        if w.endswith(suffix) and len(w) - len(suffix) >= shortest \
                and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            root = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                root = root + "y"
            elif len(root) >= 4 and root[-1] == root[-2] and root[-2:] not in _KEEP_DOUBLE and root[-1] not in "aeiouy":
                root = root[:-1]  # planned -> plan, stopped -> stop
            return root.rstrip("e") if len(root) > 4 else root
    return w


# Heads that name one kind of event with different words; each group is stored by its stems.
_SAME_EVENT = """
election poll ballot referendum
dismiss sack fire oust dismissal sacking ousting
unveil launch presentation introduce unveiling
open opening inauguration inaugurate
talk talks meeting negotiation session round summit
found foundation establish establishment create creation
close closure shut shutdown
strike walkout stoppage
"""


@cache
def _concepts() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _SAME_EVENT.strip().splitlines():
        words = line.split()
        key = stem(words[0])
        for word in words:
            out.setdefault(stem(word), key)
    return out


def concept(word: str) -> str:
    """The event a head word names: its stem, merged with the stems of the words that name the same event."""
    key = stem(word)
    return _concepts().get(key, key)


# Verbs and nouns that do not identify one event: they report, state, measure or recur.
_NOT_EVENTS = """
say tell add note report announce state claim confirm deny warn insist argue explain write told said stated
be have do get make go come take give put keep seem become remain stay continue expect plan hope want need
see look show find think know believe feel mean use try call ask remark comment respond reply react assess
rise fall climb drop gain lose increase decrease jump slide slip surge soar plunge dip grow shrink edge ease
trade close_at fell rose stood hit reach record
week day month year time date deadline today weekend morning evening night afternoon
"""


def not_events() -> frozenset[str]:
    return stem_set(_NOT_EVENTS)


# Heads of events that happen once in the life of what they are said of: a start or an end.
_INCEPTION = "open found establish create build launch start begin inaugurate form born introduce set_up turn"
_ENDING = "close end finish shut die retire expire conclude"


@cache
def stem_set(words: str) -> frozenset[str]:
    """The stems of a space-separated class of words, computed once per class."""
    return frozenset(stem(w) for w in words.split())


def inception_stems() -> frozenset[str]:
    return stem_set(_INCEPTION)


def ending_stems() -> frozenset[str]:
    return stem_set(_ENDING)


def is_past_form(word: str) -> bool:
    """A simple past or past participle by rule (-ed) or from the irregular table."""
    w = word.lower()
    if w in IRREGULAR_PAST or w in IRREGULAR_PARTICIPLE and w not in ("come", "become", "run", "overcome"):
        return True
    return len(w) > 4 and w.endswith("ed") and w not in ("need", "speed", "breed", "feed", "seed", "bleed", "proceed",
                                                          "exceed", "succeed", "hundred", "red", "bed", "shed")


WORD_END = re.compile(r"[\w-]*")


def word_ends(lower: str, stems: tuple[str, ...], start: int, end: int) -> list[int]:
    """Where the words containing any of ``stems`` end, in ``lower`` (the text lower-cased) between ``start``
    and ``end``, in order. ``str.find`` skips the text far faster than a regular expression tried at every
    position, so a rare word is found first and the full pattern runs only in the window before it."""
    found = set()
    for s in stems:
        at = lower.find(s, start, end)
        while at >= 0:
            found.add(WORD_END.match(lower, at).end())
            at = lower.find(s, at + len(s), end)
    return sorted(e for e in found if e <= end)
