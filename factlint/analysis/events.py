"""Events: what each date dates, and which mentions are one event.

A trigger (a noun such as "summit", "ceremony", "agreement" or a verb such as
"met", "signed", "hosted") is tied to the day-level dates of its sentence. Its
qualifiers (names and places in front of it or after "in"/"at", the words
"previous", "next", "first", "annual", an indefinite article) decide whether it
is a new event or a short reference to one already told ("the summit", "the
Washington summit"). A definite first mention of a gathering ("the ceremony")
that nothing introduced refers to the article's lead event, the news the story
opens with. Two mentions are one event only when nothing tells them apart.

Beside these trigger mentions, ``occurrences`` ties every dated day and year to the head
word that names what it dates, any verb or event noun, compared by stem (see
factlint.analysis.lexicon), so that D101 can link "Tuesday's vote" with "voted on 13 March".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factlint.document import Document

# Trigger word -> event class. Verbs in the past tense map to the class of the noun they imply.
TRIGGER_CLASSES = {
    "summit": "summit", "summits": "summit",
    "meeting": "meeting", "talks": "meeting", "met": "meeting", "session": "meeting",
    "election": "election", "elections": "election", "vote": "election", "voted": "election",
    "referendum": "election", "ballot": "election", "poll": "election", "polls": "election",
    "visit": "visit", "visited": "visit", "trip": "visit",
    "conference": "conference", "forum": "conference", "congress": "conference", "convention": "conference",
    "ceremony": "ceremony", "groundbreaking": "ceremony", "inauguration": "ceremony", "inaugurated": "ceremony",
    "launch": "launch", "launched": "launch",
    "opening": "opening", "opened": "opening",
    "trial": "trial", "hearing": "trial",
    "match": "match", "final": "match", "semi-final": "match", "game": "match", "race": "match",
    "attack": "attack", "attacked": "attack", "bombing": "attack", "explosion": "attack",
    "agreement": "agreement", "deal": "agreement", "accord": "agreement", "treaty": "agreement",
    "signed": "agreement", "signing": "agreement", "memorandum": "agreement", "agreed": "agreement",
    "presentation": "presentation", "presented": "presentation",
    "auction": "auction",
    "held": "", "hosted": "", "took place": "",  # take the class of a noun near them
}
SERIAL = frozenset({"match", "meeting", "election", "trial", "attack", "visit"})
DATELINE_AFTER = re.compile(r"\s*\([A-Za-z .]{2,30}\)\s*[-—–]")  # "WASHINGTON, Nov 6 (Reuters) -"
MAX_DATE_GAP = 90  # characters between a trigger and the date it carries
GATHERINGS = frozenset({"summit", "meeting", "conference", "ceremony", "presentation", "auction", "match"})


def _dated_day(date: Any) -> bool:
    """A day the text dates: a calendar date, or a weekday the publication date resolves ("on Sunday")."""
    return date.type == "date" or date.relative and date.weekday is not None and date.offset is None \
        and date.anchor == "published"


def _trigger_pattern() -> re.Pattern:
    """The trigger words as one alternation grouped by first letter, which the regex engine scans fast."""
    groups: dict[str, list[str]] = {}
    for word in TRIGGER_CLASSES:
        groups.setdefault(word[0], []).append(re.escape(word[1:]).replace(r"\ ", r"\s+"))
    return re.compile(r"\b(?:" + "|".join(
        f"[{first.upper()}{first}](?:{'|'.join(sorted(rests, key=len, reverse=True))})"
        for first, rests in groups.items()) + r")\b")


TRIGGER = _trigger_pattern()
# Words in a trigger's noun phrase that make it a different occurrence from another one.
DISTINCT = frozenset("""
previous last next first second third fourth fifth sixth seventh eighth ninth tenth final annual upcoming
forthcoming another earlier later future past prior following subsequent new inaugural every each
""".split())
AGAIN = re.compile(r"\s+(?:\w+\s+){0,3}?again\b")
VERBS = frozenset({"met", "took place", "began"})
OTHER_OCCURRENCE = frozenset("previous last next prior earlier upcoming forthcoming future past again".split())
DETERMINERS = frozenset("the this that its their his her a an another these those".split())
NP_WORD = re.compile(r"[\w+'’.-]+|\([^()]{1,40}\)")
PLACE_AFTER = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s?){1,3})")
CAPITAL_WORD = re.compile(r"[A-Z][\w+'’-]*|[A-Z0-9][A-Z0-9+]+")
HOST = re.compile(r"([A-Z][\w'’-]+)\s+(?:has\s+|had\s+)?$")
CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
NOT_PLACES = frozenset("""
January February March April May June July August September October November December Monday Tuesday
Wednesday Thursday Friday Saturday Sunday The A An In At On This That
""".split())


@dataclass(slots=True)
class EventMention:
    """A trigger word, the dates it carries and what distinguishes it."""

    start: int
    end: int
    text: str
    kind: str  # event class: summit, meeting, election, ...
    sentence: int  # index in doc.sentences
    dates: list[int] = field(default_factory=list)  # indexes into doc.dates
    definite: bool = False  # "the summit", "this meeting": a determiner points back
    distinct: tuple[str, ...] = ()  # "previous", "annual", "a", ...
    names: frozenset[str] = frozenset()  # names and places qualifying it
    event: int = -1  # which event it is; mentions with the same number are one event
    lead: bool = False  # part of the article's lead event
    verb: bool = False  # "met", "signed": a verb, not a noun, names the event

    def to_json(self, doc: Document) -> dict[str, Any]:
        dates = doc.dates
        return {"start": doc.to_source(self.start), "end": doc.to_source_end(self.end), "text": self.text,
                "kind": self.kind, "event": self.event, "dates": [dates[i].value for i in self.dates],
                "names": sorted(self.names), "distinct": list(self.distinct), "lead": self.lead}


def _noun_phrase(text: str, sentence_start: int, trigger_start: int) -> tuple[bool, tuple[str, ...], set[str]]:
    """Read the words before a trigger back to its determiner: definiteness, distinguishing words, names."""
    words = NP_WORD.findall(text, max(sentence_start, trigger_start - 80), trigger_start)
    distinct: list[str] = []
    names: set[str] = set()
    definite = False
    for word in reversed(words[-7:]):
        lower = word.lower()
        if lower in DETERMINERS:
            if lower in ("a", "an", "another"):
                distinct.append(lower)
            else:
                definite = True
            break
        if lower.endswith(("'s", "’s")) and lower[:-2] in ("year", "month", "week"):
            distinct.append(lower)
            continue
        if lower in DISTINCT:
            distinct.append(lower)
        elif word[0].isupper() or word.startswith("("):
            names.update(w for w in CAPITAL_WORD.findall(word) if w not in NOT_PLACES)
        elif lower in ("of", "and", "in", "on", "at", "with", "for", "to", "by", "from", "was", "were", "is", "said"):
            break
    return definite, tuple(distinct), names


def analyze_events(doc: Document) -> list[EventMention]:
    """The event mentions of ``doc``, each numbered with the event it belongs to."""
    text = doc.text
    dates = doc.dates
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    out: list[EventMention] = []
    for block in doc.blocks:
        for m in TRIGGER.finditer(text, block.start, block.end):
            s = bisect.bisect_right(starts, m.start()) - 1
            if s < 0:
                continue
            word = m.group(0).lower()
            if word.startswith("took"):
                word = "took place"
            sentence = sentences[s]
            is_verb = word in VERBS or word.endswith("ed")
            if is_verb:
                definite, names = False, set()
                distinct = ("again",) if AGAIN.match(text, m.end()) else ()
            else:
                definite, distinct, names = _noun_phrase(text, sentence.start, m.start())
            if m.group(0)[0].isupper() and CAPITAL_NEXT.match(text, m.end()):
                continue  # inside a name: "Summit Street", "Elections PEI"; a name's head stays ("Transport Forum")
            clause_end = sentence.end
            for place in PLACE_AFTER.finditer(text, max(sentence.start, m.start() - 60),
                                              min(clause_end, m.end() + 60)):
                lo, hi = sorted((place.start(), m.start()))
                if any(c in text[lo:hi] for c in ",;:"):
                    continue  # a place in another clause is not this event's ("before the race, ... near X")
                names.update(w for w in CAPITAL_WORD.findall(place.group(1)) if w not in NOT_PLACES)
            if word == "hosted":
                host = HOST.search(text, max(sentence.start, m.start() - 40), m.start())
                if host and host.group(1) not in NOT_PLACES:
                    names.add(host.group(1))
            out.append(EventMention(m.start(), m.end(), m.group(0), TRIGGER_CLASSES[word], s, definite=definite,
                                    distinct=distinct, names=frozenset(names), verb=is_verb))
    _classify_generic(out)
    out = [e for e in out if e.kind]
    _attach_dates(doc, out, dates, starts)
    _number_events(doc, out, dates)
    result = EventList(out)
    result.occurrences = find_occurrences(doc)
    return result


def _classify_generic(out: list[EventMention]) -> None:
    """'was held', 'hosted', 'took place' take the class of the nearest noun trigger in their sentence."""
    for i, mention in enumerate(out):
        if mention.kind:
            continue
        best = None
        for other in out[max(0, i - 3):i + 4]:
            if other.sentence == mention.sentence and other.kind:
                gap = abs(other.start - mention.start)
                if best is None or gap < best[0]:
                    best = (gap, other)
        if best:
            best[1].names = best[1].names | mention.names


def _attach_dates(doc: Document, out: list[EventMention], dates: list, starts: list[int]) -> None:
    """Each date goes to the nearest trigger of its sentence, within a few words of it.

    A date that restates a relative one ("on the eve of the forum, on 5 November",
    "two days after the vote, on 8 November") dates that relation, not the event named in it.
    """
    by_sentence: dict[int, list[EventMention]] = {}
    for mention in out:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    sentence_starts = {s: [m.start for m in ms] for s, ms in by_sentence.items()}
    restating = {d.apposition for d in dates if d.apposition is not None and d.type == "relative"}
    reach = MAX_DATE_GAP + 60  # no trigger farther than this can be within MAX_DATE_GAP of the date
    for i, date in enumerate(dates):
        if date.granularity not in ("day", "month", "year") or date.type == "reference" \
                or date.anchor == "event" or i in restating:
            continue
        s = bisect.bisect_right(starts, date.start) - 1
        in_sentence = by_sentence.get(s)
        if not in_sentence:
            continue
        near = sentence_starts[s]  # triggers come in text order: only those around the date are read
        candidates = in_sentence[bisect.bisect_left(near, date.start - reach):bisect.bisect_right(near, date.end + reach)]
        if not candidates:
            continue
        # a date that opens its sentence ("On 6 October, the summit was held") dates its main clause
        opening = date.start - starts[s] <= 4
        nearest = min(candidates, key=lambda e: _distance(e, date, opening))
        gap = _distance(nearest, date, opening)
        if gap <= MAX_DATE_GAP:
            nearest.dates.append(i)
            # "the signing ceremony on 3 June": adjacent triggers name one event and share its date
            for other in candidates:
                if other is not nearest and (0 < other.start - nearest.end <= 2 or 0 < nearest.start - other.end <= 2):
                    other.dates.append(i)


def _distance(mention: EventMention, date: Any, opening: bool = False) -> float:
    """Characters between a trigger and a date. A date usually follows what it dates ("signed it on
    14 September after talks"); one right before a noun is its attribute ("the 4 May summit")."""
    if mention.start < date.end:
        return date.start - mention.end
    gap = mention.start - date.end
    return 0 if gap <= 3 else gap * (1 if opening else 2.5)


def _attributive(mention: EventMention, dates: list) -> bool:
    """A date written as the event's attribute ("the 4 May summit"), the form that points back to an
    event the reader already knows; "the conference on 2 March" may introduce a new one."""
    return any(0 <= mention.start - dates[i].end <= 3 for i in mention.dates)


def _year_of(mention: EventMention, dates: list) -> int | None:
    for i in mention.dates:
        if dates[i].year_source == "explicit" and dates[i].year:
            return dates[i].year
    return None


def _compatible(a: EventMention, b: EventMention, dates: list) -> bool:
    """Whether mention ``b`` can be the event ``a`` holds: nothing tells them apart. A dated match,
    meeting, vote or hearing joins only on a shared name or place, as articles often tell of several."""
    if b.distinct:
        return False
    if b.kind in SERIAL and b.dates and not (a.names & b.names):
        return False
    if a.names and b.names and not (a.names & b.names):
        return False
    ya, yb = _year_of(a, dates), _year_of(b, dates)
    return not (ya and yb and ya != yb)


def _number_events(doc: Document, out: list[EventMention], dates: list) -> None:
    lead = _lead_mentions(doc, out, dates)
    for mention in lead:
        mention.lead = True
        mention.event = 0
    events: dict[int, EventMention] = {}  # event number -> the mention that holds its merged qualifiers
    if lead:
        events[0] = EventMention(lead[0].start, lead[0].end, lead[0].text, "lead", lead[0].sentence,
                                 names=frozenset().union(*(m.names for m in lead)))
    by_kind: dict[str, list[int]] = {}
    for m in lead:
        by_kind.setdefault(m.kind, []).append(0)
    next_id = 1
    for mention in out:
        if mention.lead:
            continue
        known = by_kind.get(mention.kind, [])
        target = None
        if not mention.distinct:
            target = next((k for k in reversed(known) if _compatible(events[k], mention, dates)
                           and not set(events[k].distinct) & OTHER_OCCURRENCE), None)
            if target is None and not known and mention.definite and 0 in events \
                    and mention.kind in GATHERINGS and _compatible(events[0], mention, dates) \
                    and (not mention.dates or _attributive(mention, dates)):
                target = 0
        if target is None:
            target = next_id
            next_id += 1
            events[target] = EventMention(mention.start, mention.end, mention.text, mention.kind,
                                          mention.sentence, names=mention.names, distinct=mention.distinct)
        else:
            holder = events[target]
            holder.names = holder.names | mention.names
        mention.event = target
        by_kind.setdefault(mention.kind, []).append(target)


def _lead_mentions(doc: Document, out: list[EventMention], dates: list) -> list[EventMention]:
    """The mentions of the article's lead event: the triggers of the sentence that holds the first
    day-level date of its first paragraphs. When no trigger carries that date, a mention standing for
    the date itself is added, so that "the ceremony" later on can refer back to it."""
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"][:2]
    if not paragraphs:
        return []
    limit = paragraphs[-1].end
    for i, date in enumerate(dates):
        if date.start >= limit:
            return []
        if date.granularity == "day" and _dated_day(date) and date.value and date.range_with is None \
                and not DATELINE_AFTER.match(doc.text, date.end):
            s = doc.sentences.index(doc.sentence_at(date.start)) if doc.sentence_at(date.start) else -1
            if s < 0:
                return []
            lead = [m for m in out if m.sentence == s and not set(m.distinct) & OTHER_OCCURRENCE]
            if not any(i in m.dates for m in lead):
                stand_in = EventMention(date.start, date.end, date.text, "lead", s, dates=[i], definite=True)
                out.insert(next((k for k, m in enumerate(out) if m.start > date.start), len(out)), stand_in)
                lead.append(stand_in)
            return lead
    return []


# --- occurrences: what each date dates, by the head word that names it ------------------------------------

class EventList(list):
    """The event mentions of a document, with ``occurrences``: every dated head word (see ``find_occurrences``)."""

    occurrences: list[Occurrence]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A date and the head word that names what it dates, with what tells the occurrence apart.

    ``keys`` are the concepts (factlint.analysis.lexicon.concept) of the head and of the words
    that modify it ("opening session": open, session); ``head`` is the head's own concept.
    ``subject`` is who or what it is said of (a noun, a name, or a pronoun), ``names`` the
    capitalised names of its sentence, ``places`` those after "in"/"at", ``reference`` whether
    the wording points back to an event the reader knows ("Tuesday's vote", "the 14 October poll",
    "his dismissal"), ``distinct`` whether a word marks another occurrence ("previous", "next",
    "first", "again", an indefinite article).
    """

    date: int
    head: str
    word: str
    keys: frozenset[str]
    subject: str
    names: frozenset[str]
    places: frozenset[str]
    sentence: int
    reference: bool
    distinct: bool


HEAD_WORD = re.compile(r"[A-Za-z][\w'’-]*|[0-9][0-9,.:–-]*")
SKIP_BEFORE = frozenset("on in at from since by of the a an its his her their this that was were is are be been "
                        "being has have had would will could should to until till through during".split())
DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|this|that|his|her|its|their)\s+|['’]s\s+)$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:—()\"“”]")
PRONOUN_WORDS = frozenset("it its he his she her they their them him".split())
RELATIVE_WORDS = frozenset("which that who whom whose".split())
OCCURRENCE_DISTINCT = frozenset("previous last next first second third fourth final another earlier later future "
                                "prior following subsequent new again annual every each a an".split())
NOT_NAME_WORDS = NOT_PLACES | frozenset("When Since After Before While Under As If Once".split())
EVENT_SUFFIXES = ("ion", "ions", "al", "ment", "ure", "ing")


def _is_head(word: str) -> bool:
    """A word that can name an event: a verb form (past, participle, -ing) or a noun derived from a verb,
    or one of the lexicon's event words; never a word of the closed classes that state, report or recur."""
    from factlint.analysis.lexicon import concept, is_past_form, not_events, stem

    lower = word.lower()
    if not lower.isalpha() or stem(lower) in not_events() or word[0].isupper():
        return False
    return is_past_form(lower) or lower.endswith(EVENT_SUFFIXES) or concept(lower) != stem(lower)


def find_occurrences(doc: Document) -> list[Occurrence]:
    """For each day date (calendar dates and resolved weekdays) and each explicit year, the head word that
    names what it dates: the noun the date stands before ("the 14 October poll", "Tuesday's vote", "the 1989
    opening"), else the nearest verb or event noun before it in its clause ("voted 31-19 on 13 March", "his
    dismissal on 15 October", "opened in Geneva on 17 November")."""
    from factlint.analysis.lexicon import concept

    text = doc.text
    dates = doc.dates
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    out: list[Occurrence] = []
    names_of: dict[int, frozenset[str]] = {}
    for i, d in enumerate(dates):
        day = d.granularity == "day" and _dated_day(d) and d.range_with is None \
            and (d.day_of_year is not None or d.weekday is not None)  # a weekday the text cannot place still names a day
        year = d.granularity == "year" and d.year_source == "explicit" and d.range_with is None and d.type == "date"
        if not (day or year):
            continue
        s = bisect.bisect_right(starts, d.start) - 1
        if s < 0:
            continue
        sentence = sentences[s]
        found = _attributive_head(text, d) or _head_before(text, sentence.start, d)
        if found is None:
            continue
        word, modifiers, reference, subject, at = found
        keys = frozenset(concept(w) for w in (word, *modifiers) if _is_head(w) or w == word)
        lo = max(sentence.start, at - 200)
        for brk in CLAUSE_BREAK.finditer(text, lo, at):
            lo = brk.end()
        np_words = [w.lower() for w in NP_WORD.findall(text, max(lo, at - 50), at)][-4:]
        distinct = any(w in OCCURRENCE_DISTINCT for w in (*modifiers, *np_words[-2:])) \
            or AGAIN.match(text, d.end) is not None
        names = names_of.get(s)
        if names is None:
            names = names_of[s] = frozenset(_bare(w) for w in CAPITAL_WORD.findall(text, sentence.start + 1, sentence.end)
                                            if _bare(w) not in NOT_NAME_WORDS and not w.isupper())
        hi = min(sentence.end, d.end + 120)
        clause_end = CLAUSE_BREAK.search(text, d.end, hi)
        places = frozenset(_bare(w) for p in PLACE_AFTER.finditer(text, max(lo, at - 120),
                                                                  clause_end.start() if clause_end else hi)
                           for w in CAPITAL_WORD.findall(p.group(1)) if _bare(w) not in NOT_PLACES)
        out.append(Occurrence(i, concept(word), word, keys, subject, names, places, s, reference, distinct))
    return out


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _attributive_head(text: str, d: Any) -> tuple | None:
    """ "the 14 October poll", "Tuesday's vote", "the November 18 opening session": the date before its noun."""
    if not (DETERMINER_BEFORE.search(text, max(0, d.start - 6), d.start) or text.startswith(("'s ", "’s "), d.end)):
        return None
    rest = text[d.end:d.end + 40]
    rest = rest[3:] if rest.startswith(("'s ", "’s ")) else rest
    words = re.match(r"\s*((?:[a-z][\w'’-]*\s?){1,3})", rest)
    if not words:
        return None
    from factlint.analysis.lexicon import AUXILIARIES, is_past_form

    phrase = words.group(1).split()
    for k, w in enumerate(phrase):
        if w in SKIP_BEFORE or w in AUXILIARIES or w in ("and", "or") or k and is_past_form(w) or "'" in w or "’" in w:
            phrase = phrase[:k]  # the noun phrase ends where its verb begins: "the 11 June vote went ..."
            break
    if not phrase or not _is_head(phrase[-1]) and len(phrase) == 1 and not phrase[-1].isalpha():
        return None
    return phrase[-1], tuple(phrase[:-1]), True, "", d.start


def _head_before(text: str, sentence_start: int, d: Any) -> tuple | None:
    """The nearest verb or event noun before the date in its clause, with its subject."""
    from factlint.analysis.dates import PERFORMING
    from factlint.analysis.lexicon import is_past_form, not_events, stem

    lo = max(sentence_start, d.start - 90)
    for brk in CLAUSE_BREAK.finditer(text, lo, d.start):
        lo = brk.end()
    words = list(HEAD_WORD.finditer(text, lo, d.start))
    for k in range(len(words) - 1, max(-1, len(words) - 7), -1):
        word = words[k].group(0)
        lower = word.lower()
        if lower in SKIP_BEFORE or word[0].isdigit() or word[0].isupper() and k != 0:
            continue
        determined = k and words[k - 1].group(0).lower() in ("his", "her", "its", "their", "the", "this")
        if not _is_head(word):
            if determined and k == len(words) - 1:
                continue  # "remarked on the attack Wednesday": a date with no preposition dates the verb
            if not determined or not lower.isalpha() or stem(lower) in not_events():
                return None
            # "held the vote on 11 June", "after the vote on 11 June": the noun the date follows is the
            # event, unless a verb of its own governs it ("approved the plan on 3 March" dates the approval)
            at = k - 2
            if at >= 1 and words[at].group(0).lower() in ("on", "of", "about", "after", "over", "for", "to", "at"):
                at -= 1  # "commented on the attack on 29 June": the verb before the preposition
            verb = words[at].group(0).lower() if at >= 0 else ""
            if verb and is_past_form(verb):
                if stem(verb) in not_events():
                    return None  # the date is when it was said, not when the event was
                if stem(verb) not in PERFORMING:
                    return verb, (), False, _subject(text, sentence_start, words, at), words[at].start()
        return word, (), bool(determined), _subject(text, sentence_start, words, k), words[k].start()
    return None


def _subject(text: str, sentence_start: int, words: list, k: int) -> str:
    """Who the head is said of: the word before it (past auxiliaries), the antecedent of "which", a possessor."""
    for back in range(k - 1, max(-1, k - 4), -1):
        word = words[back].group(0)
        lower = word.lower()
        if lower in ("was", "were", "been", "has", "had", "have", "is", "are", "would", "will", "be", "being",
                     "the", "this"):
            continue
        if lower in RELATIVE_WORDS:  # "the talks, which opened": the noun before the comma
            before = HEAD_WORD.findall(text, max(sentence_start, words[back].start() - 40), words[back].start())
            return before[-1].lower() if before else ""
        return lower
    if k == 0:
        before = HEAD_WORD.findall(text, max(sentence_start, words[0].start() - 40), words[0].start())
        nouns = [w for w in before if w.lower() not in SKIP_BEFORE and not w[0].isdigit()]
        return nouns[-1].lower() if nouns else ""
    return ""
