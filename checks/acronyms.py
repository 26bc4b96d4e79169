"""Acronyms (A4xx): an acronym against its own expansion, against itself, and against the article.

Everything textual comes from ``doc.acronyms`` (factlint/analysis/acronyms.py): the mentions,
the definitions with how their short form fits the long form, and the article's countries and
domain words. The organisation data (members, domains, confusables) is ``knowledge()``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from factlint.analysis.acronyms import (
    AcronymMention,
    Definition,
    Gloss,
    Organisation,
    acronym_key,
    countries_in,
    gloss_of,
    phrase_forms,
    phrase_key,
    knowledge,
    name_key,
    schwartz_hearst,
    sentence_countries,
    sentence_span,
    sentence_words,
    slip_kind,
)
from factlint.api import Check, Issue, Related
from factlint.document import Document


_ROMAN = re.compile(r"[IVXLC]+")
_CALENDAR = frozenset("january february march april may june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday".split())
_MEMBERSHIP_CUES = ("member", "members", "membership", "within", "framework", "bloc", "union", "join", "joined",
                    "joining", "accession", "integration", "parties", "partners", "inside")


def _line_hint(doc: Document, offset: int) -> str:
    line, _, _, _ = doc.span_position(offset, offset + 1)
    return f"line {line}"


def _same_long(a: str, b: str) -> bool:
    """Two long forms name the same thing: equal up to spelling, or one is the tail of the other."""
    ka, kb = name_key(a), name_key(b)
    return ka == kb or ka.endswith(" " + kb) or kb.endswith(" " + ka)


class AcronymMismatch(Check):
    """
    What it checks:
        An acronym against its own expansion: the short form misses the initials of the name it
        defines by two letters swapped, or (for an organisation in the bundled data) by one letter
        added, lost or changed; a later use that swaps letters of an acronym the article defined;
        one acronym defined with two different names in the same article; one name given two
        different acronyms.

    Why an editor cares:
        A slip in an acronym ("World Trade Organization (WTA)") sends readers to the wrong body,
        and two expansions of one acronym mean one of them is wrong.

    Fires on:
        the World Trade Organization (WTA) ... a new Young Researchers Fund (YFR)
        the Young Researchers Fund (YRF) ... the first YFR call
        the Joint Coordination Committee (JCC) ... the JCC (Joint Cooperation Council)
        the Eurasian Economic Union (EAEU) ... the Eurasian Economic Union (EEU)

    Passes:
        Organisation for Economic Co-operation and Development (OECD); Médecins Sans Frontières
        (MSF); Institute of World Economy and International Relations (IMEMO) and the Slovenian
        Democratic Party (SDS), whose letters come from the name in its own language; Islamic
        State (IS/ISIS); the NGOs; the IMF's; Bank of England (BoE); EAEU (Eurasian Economic Union).
    """

    code = "A401"
    name = "acronym-mismatch"
    severity = "warning"
    summary = "An acronym does not fit its expansion, or is expanded two ways, or one name gets two acronyms"

    def run(self, doc: Document) -> Iterator[Issue]:
        definitions = doc.acronyms.definitions
        for d in definitions:
            if d.match == "near-miss":
                yield self._slip(d)
        yield from self._misspelt_uses(doc)
        expansions: dict[str, list[Definition]] = {}  # short form -> its different long forms so far
        abbreviations: dict[str, Definition] = {}  # name_key of a long form -> its first definition
        for d in definitions:
            if d.match == "near-miss" or not d.long[:1].isupper():
                continue
            earlier = next((e for e in expansions.get(d.key, ()) if not _same_long(e.long, d.long)
                            and not (e.organisation and e.organisation == d.organisation)), None)
            first = abbreviations.setdefault(name_key(d.long), d)
            if earlier is not None:
                yield Issue(d.long_start, d.long_end,
                            f'{d.key} is expanded as "{d.long}" here but as "{earlier.long}" '
                            f"on {_line_hint(doc, earlier.long_start)}",
                            (Related(earlier.long_start, earlier.long_end, f'{d.key} expanded as "{earlier.long}"'),))
            elif first.key != d.key and d.key not in first.alternatives and first.key not in d.alternatives:
                yield Issue(d.start, d.end,
                            f'"{d.long}" is abbreviated {d.key} here but {first.key} on {_line_hint(doc, first.start)}',
                            (Related(first.start, first.end, f'"{first.long}" abbreviated {first.key}'),),
                            doc.text[first.start:first.end])
            known = expansions.setdefault(d.key, [])
            if len(known) < 4 and all(not _same_long(e.long, d.long) for e in known):
                known.append(d)

    def _misspelt_uses(self, doc: Document) -> Iterator[Issue]:
        """A use that is a slip for an acronym the article defines: YFR after "Young Researchers Fund (YRF)"."""
        analysis = doc.acronyms
        defined = {d.key: d for d in reversed(analysis.definitions) if d.match != "near-miss"}
        if not defined:
            return
        short_forms = {d.key for d in analysis.definitions}
        uses = Counter(m.key for m in analysis.mentions)
        seen: set[str] = set()
        for mention in analysis.mentions:
            key = mention.key
            if key in short_forms or key in seen or len(key) < 3 or not key.isalpha() or _may_be_meant(doc, key):
                continue
            seen.add(key)
            for target, d in defined.items():
                slip = slip_kind(key, target, first=False)
                # a swap is a typing slip; one changed letter only for a single use of a much-used acronym
                if slip == "swap" or (slip == "letter" and uses[key] == 1 and uses[target] >= 2):
                    yield Issue(mention.start, mention.end,
                                f'{key} looks like a slip for {target}, defined as "{d.long}" on '
                                f"{_line_hint(doc, d.start)}",
                                (Related(d.start, d.end, f'{target} defined as "{d.long}"'),), target)
                    break

    def _slip(self, d: Definition) -> Issue:
        org = knowledge().organisations.get(d.organisation or "")
        suggestion = org.acronym if org else d.near_miss
        return Issue(d.start, d.end,
                     f'"{d.key}" does not match "{d.long}", whose initials are {d.near_miss}',
                     (Related(d.long_start, d.long_end, f'the name abbreviated: "{d.long}"'),), suggestion)


def _may_be_meant(doc: Document, key: str) -> bool:
    """A well-known acronym may be meant in its own right, unless every body it names is a national
    one of a country the article never names (the RMT, a British union, in a story set in France)."""
    kb = knowledge()
    if key not in kb.well_known:
        return False
    orgs = kb.by_acronym.get(key, ())
    if not orgs or not all(o.national and o.members for o in orgs):
        return True
    countries = set(doc.acronyms.context().countries)
    return any(countries & o.members or _named_in_text(doc, o, set(), key) for o in orgs)


# --- A402 ------------------------------------------------------------------------------------


def _vocabulary(org: Organisation) -> frozenset[str]:
    """The words of the organisation's business: its domains' words and its own keywords."""
    domain_words = knowledge().domain_words
    return org.keywords.union(*(domain_words.get(d, frozenset()) for d in org.domains))


def _hits(vocabulary: frozenset[str], words: Counter) -> int:
    return sum(words[w] for w in vocabulary)


def _named_in_text(doc: Document, org: Organisation, mentioned: set[str], skip: str) -> bool:
    """The article names ``org`` elsewhere: one of its acronyms (not ``skip``) or its full name."""
    if any(k != skip and k in mentioned for k in (a.upper().replace(".", "") for a in org.acronyms)):
        return True
    return any(doc.acronyms.says(name) for name in org.names if " " in name)


class AcronymContext(Check):
    """
    What it checks:
        A known acronym (from the bundled organisation data) whose organisation does not fit the
        article while one it is often confused with does. The evidence: the article names two or
        more member countries of the other organisation and none of the written one's, in a
        sentence that presents them as members; the article names the other organisation
        elsewhere; the article's or the sentence's words are the other organisation's business
        (trade, health, oil, nuclear safety) and not the written one's. Two pieces are needed,
        and any sign for the written organisation (a member country, its business in the
        sentence, its full name, the two side by side) keeps the check silent. The likelier
        organisation is the suggestion.

    Why an editor cares:
        Look-alike acronyms (EEA and EAEU, WHO and WTO, IEA and IAEA, OECD and OPEC) are easy to
        swap in writing and in translation, and the slip names a real but wrong body.

    Fires on:
        Russia, Kazakhstan and Kyrgyzstan ... cooperate within the SCO and the EEA  (EAEU)
        a complaint over steel duties at the World Trade Organization ... "we will win at the WHO"

    Passes:
        Norway, Iceland and Liechtenstein are in the EEA; the WHO said the outbreak was contained;
        "the WHO and the WTO issued a statement"; an acronym the article defines itself.
    """

    code = "A402"
    name = "acronym-context"
    severity = "warning"
    summary = "A known acronym whose meaning conflicts with the article, while a confusable one fits"

    def run(self, doc: Document) -> Iterator[Issue]:
        analysis = doc.acronyms
        kb = knowledge()
        candidates = [m for m in analysis.mentions if any(o.confusables for o in kb.by_acronym.get(m.key, ()))]
        if not candidates:
            return
        defined = analysis.defined()
        uses = Counter(m.key for m in analysis.mentions)
        mentioned = set(uses)
        reported: set[str] = set()
        tried: Counter = Counter()
        for mention in candidates:
            if mention.key in defined or mention.key in reported or tried[mention.key] >= 3:
                continue
            tried[mention.key] += 1
            written = kb.by_acronym[mention.key]
            found = self._better(doc, mention, written, mentioned, uses[mention.key], uses)
            if found is not None:
                reported.add(mention.key)
                yield found

    def _better(self, doc: Document, mention: AcronymMention, written: tuple[Organisation, ...],
                mentioned: set[str], uses: int, uses_of: Counter) -> Issue | None:
        kb = knowledge()
        gloss = gloss_of(doc, mention)
        placed = _places_in(doc, gloss)  # "the Asian treaty TPP": countries the gloss names, once per mention
        block = doc.block_at(mention.start)
        here = block.index if block is not None else -1
        # what only some paths need is computed on first use: most mentions are decided by the gloss
        introduced: bool | None = None
        local: Counter | None = None
        written_ids = {o.id for o in written}
        found: list[tuple[int, int, Organisation, list[str]]] = []
        rank = 0
        for org in written:
            for other_id in org.confusables:
                other = kb.organisations[other_id]
                if other.id in written_ids or mention.key in {acronym_key(a) for a in other.acronyms} \
                        or self._in_sentence(doc, mention, other):
                    continue  # the same acronym, or the two named side by side on purpose ("the WHO and the WTO")
                rank += 1
                said, said_reasons = _what_the_text_says(doc, mention, gloss, written, other, placed)
                if said < 0:
                    continue  # the text says what the written organisation is or does, not this one
                if said >= 2:
                    found.append((said + 2, rank, other, said_reasons))
                    continue
                if introduced is None:
                    # the article names the written organisation in full before this mention, or beside it: it means it
                    introduced = any(0 <= doc.acronyms.first_block_saying(name) <= here
                                     for org in written for name in org.names if " " in name)
                if introduced:
                    continue
                times = _times_named(doc, other, uses_of)
                if uses == 1 and times >= 2 and not _written_has_a_sign(doc, mention, written, other) \
                        and not _named_in_sentence(doc, mention, other):
                    found.append((2 + said, rank, other, said_reasons + [
                        f"the article speaks of the {other.acronym} {times} times and of the {mention.key} only here"]))
                    continue
                if local is None:
                    local = sentence_words(doc, mention.start)
                context = doc.acronyms.context()
                score, reasons, by_members = self._evidence(doc, mention, written, other, set(context.countries),
                                                            context.words, local, mentioned)
                score += said
                # a slip is rare: an acronym used again and again is meant, unless its members say otherwise
                if score >= 2 and (uses == 1 or by_members):
                    found.append((score, rank, other, said_reasons + reasons))
        # the likeliest: most evidence, then the data's order; a body loses to its parent organisation
        found = [f for f in found if not any(p.id in f[2].parents for _, _, p, _ in found)]
        if not found:
            return None
        _, _, other, reasons = max(found, key=lambda f: (f[0], -f[1]))
        context = doc.acronyms.context()
        countries = set(context.countries)
        related = tuple(Related(*context.countries[c], f"{c}, a member of the {other.acronym}")
                        for c in sorted(countries & (other.members or set()),
                                        key=lambda c: context.countries[c][0])[:3])
        meaning = " or ".join(f"the {o.names[0]}" for o in written)
        return Issue(mention.start, mention.end,
                     f"{mention.key} is {meaning}, which does not fit here: {'; '.join(reasons)}; "
                     f"the {other.names[0]} ({other.acronym}) is likelier",
                     related, other.acronym)

    @staticmethod
    def _in_sentence(doc: Document, mention: AcronymMention, other: Organisation) -> bool:
        """The two bodies named side by side on purpose: "the WHO and the WTO", "the EEA, not the EU"."""
        lo, hi = sentence_span(doc, mention.start)
        text = doc.text
        keys = {acronym_key(a) for a in other.acronyms}
        spans = [(m.start, m.end) for m in doc.acronyms.mentions_between(lo, hi) if m.key in keys]
        spans += [m.span() for name in other.names if " " in name for m in _name_pattern(name).finditer(text, lo, hi)]
        for a, b in spans:
            gap = text[b:mention.start] if b <= mention.start else text[mention.end:a]
            if _COORDINATED.fullmatch(gap):
                return True
        return False

    def _evidence(self, doc: Document, mention: AcronymMention, written: tuple[Organisation, ...],
                  other: Organisation, countries: set[str], words: Counter, local: Counter,
                  mentioned: set[str]) -> tuple[int, list[str], bool]:
        """How strongly the article points at ``other`` rather than at any meaning of the acronym.

        Member countries: the article names two or more members of the other organisation and
        none of the written one's (the two barely overlap) -> 2; none of a closed written
        organisation's members while the other is worldwide -> 1. The other organisation named
        elsewhere -> 1. The article's (or the sentence's) words belong to the other's business
        and not to the written one's -> 1. Any sign for the written organisation vetoes. The flag
        says whether the member countries gave 2 (the sentence presents them as members).
        """
        key = mention.key
        score = 0
        reasons: list[str] = []
        by_members = False
        if any(org.members is not None and countries & (org.members - (other.members or set())) for org in written):
            return 0, [], False  # a member of the written organisation alone is in the article: it may be meant
        other_members = countries & other.members if other.members is not None else None
        if other_members is not None and not other_members and len(countries) >= 2:
            return 0, [], False  # the other organisation fits the article's countries no better
        if all(org.members is not None for org in written) and countries:
            if other_members is None:
                score += 1
                reasons.append(f"none of the countries named ({', '.join(sorted(countries)[:4])}) belongs to it")
            elif len(other_members) >= 2 and all(
                    len(org.members & other.members) * 2 < min(len(org.members), len(other.members))
                    for org in written if org.members is not None) \
                    and not _members_of_another(doc, mention, other, other_members):
                # the sentence must present the countries as members ("within", "members", "bloc"):
                # an organisation named as an outside party ("Russia warned the X") proves nothing
                by_members = any(local[w] for w in _MEMBERSHIP_CUES) or bool(
                    sentence_countries(doc, mention.start) & other_members)
                score += 2 if by_members else 1
                reasons.append(f"the countries named ({', '.join(sorted(other_members)[:5])}) are members "
                               f"of the {other.acronym}, not of the {key}")
        # the business of the article (or of the sentence) is the other organisation's alone
        other_words = _vocabulary(other)
        favours_other = True  # for every meaning written
        for org in written:
            own_words = _vocabulary(org)
            other_only, own_only = other_words - own_words, own_words - other_words
            own_local, other_local = _hits(own_only, local), _hits(other_only, local)
            own_total, other_total = _hits(own_only, words), _hits(other_only, words)
            if own_local > other_local or (own_total > other_total and own_total >= 3 and other_local < 2):
                return 0, [], False  # the article's (or the sentence's) business is the written organisation's
            favours_other = favours_other and bool(own_only) and own_local == 0 and (
                other_local >= 2 or other_total >= 2 * own_total + 3)
        if favours_other:
            score += 1
            own_domains = {d for org in written for d in org.domains}
            fields = [d for d in other.domains if d not in own_domains] or list(other.domains[:1])
            reasons.append(f"the article is about {' and '.join(fields[:2])}, the {other.acronym}'s field")
        # the sentence speaks of the other organisation's own business ("forecast oil demand")
        own_vocabulary = frozenset().union(*(_vocabulary(org) for org in written))
        telling = sorted(w for w in other.keywords - own_vocabulary if local[w])
        if len(telling) >= 2 and not any(local[w] for w in own_vocabulary - other_words):
            score += 1
            reasons.append(f"the sentence speaks of {', '.join(repr(w) for w in telling[:3])}, the {other.acronym}'s work")
        if _named_in_text(doc, other, mentioned, key):
            score += 1
            reasons.append(f"the article names the {other.acronym} elsewhere")
        return score, reasons, by_members


# Between two names given together: only small words and a coordinator ("and", "or", "not", "than").
_COORDINATED = re.compile(r"(?:['’]s)?[\s,/(]*(?:(?:and|or|nor|but|not|than|versus|vs\.?|with|both|either|neither|the|its|"
                          r"their|from|to|as|well|also|like|unlike|rather|instead|of)\b[\s,/()]*){1,6}", re.IGNORECASE)


@lru_cache(maxsize=512)
def _name_pattern(name: str) -> re.Pattern:
    """A full name as the text may write it: any case, "isation" or "ization", spaces or hyphens."""
    words = [re.escape(w).replace("isation", "i[sz]ation").replace("ization", "i[sz]ation") for w in name.split()]
    return re.compile(r"\b" + r"[\s-]+".join(words) + r"\b", re.IGNORECASE)


def _members_of_another(doc: Document, mention: AcronymMention, other: Organisation, members: set[str]) -> bool:
    """Another body the sentence names has all these countries as members: they are its members
    ("Norway, Iceland and Liechtenstein are in the EEA, and the EU is their largest market")."""
    kb = knowledge()
    lo, hi = sentence_span(doc, mention.start)
    return any(o.id != other.id and o.members is not None and members <= o.members
               for m in doc.acronyms.mentions_between(lo, hi) if m.key != mention.key
               for o in kb.by_acronym.get(m.key, ()))


def _named_in_sentence(doc: Document, mention: AcronymMention, other: Organisation) -> bool:
    """The sentence names ``other`` too: the writer tells the two apart ("the FBI and others were
    involved, CIA were involved")."""
    lo, hi = sentence_span(doc, mention.start)
    keys = {acronym_key(a) for a in other.acronyms}
    return any(m.key in keys for m in doc.acronyms.mentions_between(lo, hi)) or any(
        _name_pattern(name).search(doc.text, lo, hi) for name in other.names if " " in name)


def _times_named(doc: Document, org: Organisation, uses: Counter) -> int:
    """How often the article names ``org``: its acronyms' uses, and one for its full name."""
    keys = {acronym_key(a) for a in org.acronyms}
    return sum(uses[k] for k in keys) + any(doc.acronyms.says(name) for name in org.names if " " in name)


def _written_has_a_sign(doc: Document, mention: AcronymMention, written: tuple[Organisation, ...],
                        other: Organisation) -> bool:
    """Anything in the article that points at a written organisation rather than at ``other``: its
    full name, a member only it has in the paragraph, more words of its business than of the
    other's; or it is the narrower of the two (the G7 in a story about the G20 may be meant)."""
    block = doc.block_at(mention.start)
    here = set(countries_in(doc.text, block.start, block.end)) if block is not None else set()
    for org in written:
        if any(doc.acronyms.says(name) for name in org.names if " " in name):
            return True
        if org.members is not None and (here & (org.members - (other.members or set()))
                                        or (other.members is not None and org.members < other.members)):
            return True
        article = doc.acronyms.article_gloss()
        own = article.hits(tuple(frozenset(_mandate(org)) - frozenset(_mandate(other))))
        if len(own) >= 2 and len(own) >= len(article.hits(tuple(frozenset(_mandate(other)) - frozenset(_mandate(org))))):
            return True  # the article does more of its business than of the other's
    return False


_PLACE_OF_SEAT = re.compile(r"\b(?:in|at|from)\s+$")  # "headquartered in Luxembourg": where it sits


def _places_in(doc: Document, gloss: Gloss) -> frozenset[str]:
    """The countries the words written on the acronym name: by name or demonym, or by the adjective
    of a region ("Asian", "Nordic", "West African")."""
    start, end = gloss.attached_span
    capitals = knowledge().capitals  # a capital in a gloss is a seat ("its Paris headquarters"), not a member
    text = doc.text
    found = {c for c, (a, b) in countries_in(text, start, end).items()
             if text[a:b] not in capitals and not _PLACE_OF_SEAT.search(text, max(start, a - 6), a)}
    regions = knowledge().region_countries
    found.update(*(regions[region] for region, keys in _region_keys() if any(k in gloss.attached for k in keys)))
    return frozenset(found)


@lru_cache(maxsize=1)
def _region_keys() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each region with the phrase keys of its adjective and its name, as ``Gloss.hits`` matches them."""
    return tuple((region, (*phrase_forms(adjective), *phrase_forms(region.lower())))
                 for region, adjective in knowledge().region_adjectives.items())


def _described(org: Organisation) -> bool:
    return bool(org.kind or org.mandate)


def _mandate(org: Organisation) -> frozenset[str]:
    """The words of a body's business: its mandate, or, for a body the data does not describe, its
    keywords and the words of its domains."""
    return frozenset(org.mandate) if _described(org) else _vocabulary(org)


_PARTY_CUES = ("member", "members", "party", "parties", "signatory", "signatories", "within", "framework",
               "joined", "join", "belongs", "belong")


def _what_the_text_says(doc: Document, mention: AcronymMention, gloss: Gloss, written: tuple[Organisation, ...],
                        other: Organisation, placed: frozenset[str]) -> tuple[int, list[str]]:
    """How strongly what the text says at the mention (its gloss, its sentence, the countries the
    sentence makes members or parties) describes ``other`` and not the written organisation.

    -1: the text says something only the written organisation is or does (it is meant). 2: a
    type, mandate, parent or seat of ``other`` is written on the acronym itself ("the ECB, the
    EU's long-term lending bank"), or two such words are in its sentence, or the sentence makes a
    non-member of the written body a party; 1: one such word in the sentence.
    """
    score, reasons = 0, []
    if placed:
        if any(o.members is None or placed & o.members for o in written):
            return -1, []
        if other.members is not None and placed & other.members:
            return 2, [f"the text places it in {', '.join(sorted(placed & other.members)[:3])}, "
                       f"members of the {other.acronym}"]
    members = _members_said(doc, mention, written, other)
    if _described(other):
        own_mandate = frozenset().union(*(_mandate(o) for o in written))
        own_kind = frozenset().union(*((*o.kind, *o.head) for o in written))
        own = gloss.hits(tuple(own_mandate - frozenset(other.mandate)))
        own_attached = gloss.hits(tuple(own_kind - frozenset((*other.kind, *other.head))), True) \
            + [o.seat for o in written if o.seat and o.seat != other.seat and gloss.hits((o.seat.lower(),), True)]
        # a type or a head's title counts written on the acronym; its business anywhere in the sentence
        attached = gloss.hits(tuple(frozenset((*other.kind, *other.head)) - own_kind), True)
        words = attached + gloss.hits(tuple(frozenset(other.mandate) - own_mandate))
        attached += [w for w in words if w not in attached and gloss.hits((w,), True)]
        if other.seat and all(o.seat != other.seat for o in written) and gloss.hits((other.seat.lower(),), True):
            attached.append(other.seat)
            words.append(other.seat)
        parent = knowledge().organisations.get(other.parent or "")
        if parent is not None and all(o.parent != other.parent for o in written):
            named = gloss.hits(tuple(a.lower() for a in (*parent.acronyms, *parent.names)), True)
            if named:
                attached.append(max(named, key=len))
                words.append(max(named, key=len))
        words = list({phrase_key(w): w for w in words}.values())  # "free-trade zone" and "free trade zone" once
        # a word of the written body's inside a longer one of the other's ("lender" in "multilateral lender")
        own_attached = [p for p in own_attached if not any(phrase_key(p) in phrase_key(q) for q in words)]
        own = [p for p in own if not any(phrase_key(p) in phrase_key(q) for q in words)]
        if own_attached or (not members and len(own) >= max(1, len(words))):
            return -1, []  # the text says what the written organisation is or does: it is meant
        score = 2 if attached or len(words) >= 2 else len(words)
        if words:
            reasons.append(f"the text says {', '.join(repr(w) for w in words[:4])}, which describes the {other.acronym}")
    if members:
        score = 2
        reasons.append(f"the text counts {', '.join(members)} in it, and {'they are' if len(members) > 1 else 'it is'} "
                       f"not a member of the {mention.key}")
    return score, reasons


# The text makes countries members or parties of the body named at the acronym: a cue right before
# it, its subject the countries before it in the clause ("Chile and Peru, like Japan, belong to
# APEC"), or a relative clause right after it (", to which Moldova remains a party", ", whose
# members include ...").
_MEMBER_BEFORE = re.compile(r"\b(?:belongs?|belonging|(?:is|are|was|were|as|becomes?|became|remains?)[ \t]+(?:an?[ \t]+)?"
                            r"(?:fellow[ \t]+|founding[ \t]+|full[ \t]+)?(?:members?|part|parties|party)|within|framework)"
                            r"(?:[ \t]+(?:to|of|in|into|the|framework))*[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_MEMBER_AFTER = re.compile(r"(?:['’]s[ \t]+members|(?:[ \t]+[\w-]+){0,6}?,[ \t]+(?:to|of|in)[ \t]+which|"
                           r",[ \t]+whose[ \t]+members)\b", re.IGNORECASE)  # "the CSTO free trade zone, to which ..."
_TOGETHER = re.compile(r"[ \t]+(?:together|along)[ \t]+with\b|[ \t]+as[ \t]+well[ \t]+as\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:.!?()—–]")


def _members_said(doc: Document, mention: AcronymMention, written: tuple[Organisation, ...],
                  other: Organisation) -> list[str]:
    """Countries the text makes members or parties of the body at the acronym ("the EAEU, which
    Norway and Iceland belong to", "the CSTO agreement, to which Moldova remains
    a party") that all belong to ``other``: those that belong to none of the written organisations."""
    if other.members is None or any(o.members is None for o in written):
        return []
    text = doc.text
    lo, hi = sentence_span(doc, mention.start)
    spans = []
    cue = _MEMBER_BEFORE.search(text, max(lo, mention.start - 40), mention.start)
    if cue is not None:
        start = max([lo] + [m.end() for m in _CLAUSE.finditer(text, lo, cue.start())])
        spans.append((start, cue.start()))
        together = _TOGETHER.match(text, mention.end, hi)
        if together is not None:
            stop = _CLAUSE.search(text, together.end(), hi)
            spans.append((together.end(), stop.start() if stop else hi))
    after = _MEMBER_AFTER.match(text, mention.end, hi)
    if after is not None:
        stop = _CLAUSE.search(text, after.end(), hi)
        spans.append((after.end(), stop.start() if stop else hi))
    capitals = knowledge().capitals  # "Moscow has ...": a government, not a member named
    countries = {c for a, b in spans for c, (x, y) in countries_in(text, a, b).items() if text[x:y] not in capitals}
    if not countries or not countries <= other.members:
        return []
    return sorted(c for c in countries if not any(c in o.members for o in written))


def _spells_out(short: str, name: str) -> bool:
    """The tail of a capitalised name that Schwartz & Hearst pair with ``short``, if not too long."""
    at = schwartz_hearst(short, name)
    return at >= 0 and len(name[at:].split()) <= 2 * len(short) and short not in name[at:].upper().split()


class AcronymUndefined(Check):
    """
    What it checks:
        Acronyms the article never spells out and that are not on the well-known list (the
        organisation data file and common abbreviations such as US, UK, GDP, CEO). An acronym
        counts as spelled out when some capitalised name in the article fits it, before or after.

    Why an editor cares:
        A reader who does not know the acronym cannot follow the story; house style usually
        wants the name in full on first use.

    Fires on:
        The QRT said the plan would be ready in May.   (never spelled out)

    Passes:
        The Quarterly Review Team (QRT) said ...; the QRT ... (the Quarterly Review Team);
        NATO, the UN and GDP (well known).
    """

    code = "A403"
    name = "acronym-undefined"
    severity = "info"
    summary = "An acronym neither defined in the article nor on the well-known list"
    enabled_by_default = False

    def run(self, doc: Document) -> Iterator[Issue]:
        analysis = doc.acronyms
        kb = knowledge()
        defined = analysis.defined()
        seen: set[str] = set()
        names: list[str] | None = None
        for mention in analysis.mentions:
            key = mention.key
            base = key.split("-")[0].rstrip("+")
            if key in seen or key in defined or key in kb.well_known or base in kb.well_known or len(base) < 3 \
                    or _ROMAN.fullmatch(base) or (len(base) > 5 and base.isalpha()) \
                    or base.lower() in _CALENDAR or base.lower() in analysis.lower_case_words():
                continue  # a numeral, or a word in capitals ("TAXES" where the text also says "taxes")
            seen.add(key)
            if names is None:
                names = doc.acronyms.capitalised_names()
            if any(_spells_out(base, name) for name in names):
                continue
            yield Issue(mention.start, mention.end,
                        f"{key} is not spelled out in the article and is not a well-known acronym")
