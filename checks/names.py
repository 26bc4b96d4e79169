"""Names and entities (E3xx)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import regex

from factlint.analysis.names import (ORG_WORDS, TOP_ROLES, NameAnalysis, Person, Role, conflict_kind, country_words,
                                     given_compatible, given_variant, institution_of, roles_conflict, roles_match,
                                     spelling_variant)
from factlint.analysis.spelling import forms as spelling_forms
from factlint.analysis.spelling import gendered_surnames, index_keys
from factlint.api import Check, Issue, Related

if TYPE_CHECKING:
    from factlint.document import Document

KIND_TEXT = {"accents": "accents dropped or written out", "transliteration": "another transliteration",
             "doubled letter": "a letter doubled or not", "spacing": "spaced, hyphenated or capitalised another way",
             "slip": "a one-letter difference"}
MAX_RELATED = 3


Spans = list[tuple[int, int]]


def _spellings(names: NameAnalysis, text: str) -> Iterator[tuple[str, Spans, str, Spans, str]]:
    """Pairs of spellings that name one person: (spelling, its spans, other spelling, its spans, kind)."""
    people = names.people
    surnames = {p.surname for p in people}
    keys = [index_keys(p.family or p.surname) for p in people]
    # A word that also names an organisation ("Shell Oil", "Kazuran Holdings") is not a surname here.
    organisation_words = {w for e in names.entities if e.kind == "organisation" for w in e.text.split()}
    for i, p in enumerate(people):
        yield from _family_spellings(p, text)
        if not p.given:
            continue
        yield from _given_spellings(p, text)
        spans = [(m.surname_start, m.surname_end) for m in p.mentions if not m.ambiguous and m.form != "role"]
        loose: dict[str, Spans] = {}
        for lo in names.loose:
            if lo.text in surnames or lo.text in organisation_words or not _variant(p, lo.text) \
                    or gendered_surnames(p.surname, lo.text):
                continue
            if lo.role is not None and p.roles and not any(roles_match(lo.role, r) for r in p.roles):
                continue  # introduced with a post of its own ("Smyth, a retired teacher,"): someone else
            loose.setdefault(lo.text, []).append((lo.start, lo.end))
        for word, other in loose.items():
            if not _unique_match(word, p, people):
                continue
            same = [(m.surname_start, m.surname_end) for m in names.mentions if m.form != "role"
                    and text[m.surname_start:m.surname_end] == p.family]  # relatives who share it too
            yield p.family, same or spans, word, other, _variant(p, word) or ""
        for j in range(i + 1, len(people)):
            q = people[j]
            if not keys[i] & keys[j]:
                continue
            kind = spelling_variant(p.family, q.family)
            if kind is None or gendered_surnames(p.surname, q.surname) or p.suffix != q.suffix or not (p.confirmed or q.confirmed):
                continue
            if not given_compatible(p.given, q.given) or not _unique_match(q.surname, p, people):
                continue
            if any(roles_conflict(a, b) for a in p.roles for b in q.roles) or (
                    any(r.introduced for r in p.roles) and any(r.introduced for r in q.roles)
                    and not any(roles_match(a, b) for a in p.roles for b in q.roles)):
                continue  # each introduced with a post of its own, or with posts one person cannot hold: two people
            if p.sex and q.sex and p.sex != q.sex:
                continue  # "Mr Smith" and "Mrs Smyth"
            yield p.family, spans, q.family, [(m.surname_start, m.surname_end) for m in q.mentions
                                              if m.form != "role"], kind


def _variant(person: Person, word: str) -> str | None:
    return spelling_variant(person.surname, word) or (
        spelling_variant(person.family, word) if person.family != person.surname else None)


def _family_spellings(person: Person, text: str) -> Iterator[tuple[str, Spans, str, Spans, str]]:
    """One person's family name written two ways in mentions the analyser linked ("de la Cruz" /
    "Dela Cruz", "Massy-Greene" / "Massy Greene")."""
    by_spelling: dict[str, Spans] = {}
    for m in person.mentions:
        if m.form != "role" and not m.ambiguous:
            by_spelling.setdefault(" ".join(text[m.surname_start:m.surname_end].split()), []).append(
                (m.surname_start, m.surname_end))
    if len(by_spelling) < 2:
        return
    spellings = list(by_spelling)
    for i, a in enumerate(spellings):
        for b in spellings[i + 1:]:
            kind = spelling_variant(a, b)
            if kind is not None:
                yield a, by_spelling[a], b, by_spelling[b], kind


_GIVEN_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*")


def _given_spellings(person: Person, text: str) -> Iterator[tuple[str, Spans, str, Spans, str]]:
    """One person's given name spelled two ways in full mentions ("Dariya Kovalenko" ... "Daria
    Kovalenko", "Abdulrahman" ... "Abdel Rahman")."""
    forms: dict[tuple[str, ...], list[list[tuple[int, int]]]] = {}
    for m in person.mentions:
        if m.form == "full" and m.surname_start > m.start:
            words = list(_GIVEN_WORD.finditer(text, m.start, m.surname_start))
            if words:
                forms.setdefault(tuple(w.group() for w in words), []).append([w.span() for w in words])
    if len(forms) < 2:
        return
    given = list(forms)
    for i, a in enumerate(given):
        for b in given[i + 1:]:
            found = given_variant(a, b)
            if found is None or " ".join(a[:found[0]]) == " ".join(b[:found[1]]):
                continue
            na, nb, kind = found
            yield (" ".join(a[:na]), [(w[0][0], w[na - 1][1]) for w in forms[a]],
                   " ".join(b[:nb]), [(w[0][0], w[nb - 1][1]) for w in forms[b]], kind)


def _name_like(words: tuple[str, ...]) -> bool:
    """Every part of every word capitalised: "Jean-Marie", not "Oscar-nominated"."""
    return all(part[:1].isupper() for w in words for part in w.split("-"))


def _changed_given_names(names: NameAnalysis) -> Iterator[tuple[Person, Person]]:
    """(the person introduced, the later full name) when one family name appears with a second
    first name that the text never introduces: no title, role, appositive or stated relation,
    while the first was introduced with a post. News copy introduces every new person; a second
    Oduya named in passing after "Committee chair Martin Oduya" is that chair with a slipped name."""
    people = names.people
    by_family: dict[str, list[Person]] = {}
    for p in people:
        if p.given and p.mentions and not p.related and p.surname not in names.family:
            by_family.setdefault(spelling_forms(p.family)[3], []).append(p)
    for group in by_family.values():
        if len(group) != 2:
            continue
        first, later = sorted(group, key=lambda p: p.mentions[0].start)
        if not first.roles or later.roles or not later.confirmed or given_compatible(first.given, later.given) \
                or any(m.form == "title" for m in later.mentions) or (first.sex and later.sex and first.sex != later.sex) \
                or len(first.given[0]) == 1 or len(later.given[0]) == 1 \
                or first.given[-len(later.given):] == later.given or not _name_like(later.given):
            continue  # "Duncan Smith" after "Iain Duncan Smith": the family name of two words
        yield first, later


def _organisation_spellings(names: NameAnalysis) -> Iterator[tuple[str, list, str, list, str]]:
    """Two spellings of one organisation's name: the same words but one, and that one a variant."""
    starts: dict[tuple[str, ...], list[int]] = {}
    word_spans: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for entity in names.entities:
        if entity.kind != "organisation" or len(entity.text.split()) < 2:
            continue  # one word (most entities): nothing to compare word by word
        spans = [m.span() for m in WORD_SPAN.finditer(entity.text)]
        key = tuple(entity.text[a:b] for a, b in spans)
        if len(key) >= 2:
            starts.setdefault(key, []).append(entity.start)
            word_spans[key] = spans
    by_length: dict[int, list[tuple[str, ...]]] = {}
    for key in starts:
        by_length.setdefault(len(key), []).append(key)
    for keys in by_length.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                differ = [k for k in range(len(a)) if a[k] != b[k]]
                if len(differ) != 1:
                    continue
                k = differ[0]
                x, y = a[k], b[k]
                if not (x[:1].isupper() and y[:1].isupper()) or {x.lower(), y.lower()} & ORG_WORDS:
                    continue
                kind = spelling_variant(x, y)
                if kind is None or (x.lower() in country_words() and y.lower() in country_words()):
                    continue
                x_spans = [(s + word_spans[a][k][0], s + word_spans[a][k][1]) for s in starts[a]]
                y_spans = [(s + word_spans[b][k][0], s + word_spans[b][k][1]) for s in starts[b]]
                yield x, x_spans, y, y_spans, kind


WORD_SPAN = regex.compile(r"\S+")


def _unique_match(word: str, person: Person, people: list[Person]) -> bool:
    """The other spelling fits this person only: no second person's surname is as close."""
    return not any(q is not person and q.surname != person.surname and spelling_variant(q.surname, word)
                   and q.given != person.given for q in people)


class NameVariant(Check):
    """One person is spelled two ways.

    What it checks:
        A surname that differs from a person's surname given elsewhere in the article by
        dropped accents, another transliteration (y/i, ay/ai, ie/ye, -ov/-off, kh/h, zh/j,
        doubled letters) or a one-letter slip, used for the same person.
    Why an editor cares:
        Readers take two spellings for two people, and a misspelt name is a correction.
    Fires on:
        "said Serik Zhumabekov, director of the centre. ... Jumabekov also noted ..."
    Passes:
        Two people who share a surname, relatives ("his wife, Anna Berg"), Sr./Jr., and
        different people whose names the text keeps apart by their given names.
    """

    code = "E301"
    name = "name-variant"
    severity = "warning"
    summary = "one person is spelled two ways"

    def run(self, doc: Document) -> Iterator[Issue]:
        text = doc.text
        flagged: set[tuple[int, int]] = set()
        names = doc.names
        pairs = [(*pair, "person") for pair in _spellings(names, text)]
        pairs += [(*pair, "organisation") for pair in _organisation_spellings(names)]
        for first, first_spans, second, second_spans, kind, what in pairs:
            if not first_spans or not second_spans:
                continue
            if (len(second_spans), -second_spans[0][0]) > (len(first_spans), -first_spans[0][0]):
                first, first_spans, second, second_spans = second, second_spans, first, first_spans
            majority = first if len(first_spans) > len(second_spans) else None
            count = (f'({len(first_spans)}x against {len(second_spans)}x, so "{first}" is likely meant)' if majority
                     else f"({len(first_spans)}x each: the text does not show which is right)")
            related = tuple(Related(s, e, f'"{text[s:e]}" here') for s, e in first_spans[:MAX_RELATED])
            for s, e in second_spans:
                if (s, e) in flagged:
                    continue
                flagged.add((s, e))
                yield Issue(s, e, f'"{second}" here, but "{first}" elsewhere for the same {what}: '
                                  f'{KIND_TEXT.get(kind, kind)} {count}', related, majority)
        for first, later in _changed_given_names(names):
            intro = first.mentions[0]
            for m in later.mentions:
                if m.form == "full" and (m.start, m.end) not in flagged:
                    flagged.add((m.start, m.end))
                    yield Issue(m.start, m.surname_start if m.surname_start > m.start else m.end,
                                f'"{" ".join(text[m.start:m.end].split())}" here, but "{first.name}" elsewhere: '
                                f"one {first.family} with two first names, and only {first.name} is introduced",
                                (Related(intro.start, intro.end, f'"{first.name}" introduced here'),),
                                " ".join(first.given))


def _role_label(role: Role) -> str:
    return role.text.strip()


class RoleConflict(Check):
    """One person is given two incompatible titles, roles or affiliations.

    What it checks:
        Each role the text gives a person (a title, a role phrase before the name, an appositive,
        "who heads ...", "whose leader, X", "X, whose party ...") is read as a post in a body:
        its party, its office of state and country, its grade (vice, deputy), its rank, the body
        named. Two roles of one person conflict when they name two parties, two offices of state
        (or one office of two countries), a post and the post below it in one body, two ranks of
        a service, or one post in two bodies; and a person given a second top post of a body whose
        holder the article names as someone else.
    Why an editor cares:
        One of the two is wrong, and a wrong title misinforms readers about who speaks for whom.
    Fires on:
        "German Development Minister Julia Brandt ... Brandt, who heads the German health ministry";
        "Labour MP Jo Hale ... Hale, a Conservative MP, said"
    Passes:
        A shortened second reference ("the minister"), a change the text describes ("the former
        minister", "who was appointed last week"), roles that can be held together ("chairman and
        chief executive", "Lieutenant Colonel" and "Colonel").
    """

    code = "E302"
    name = "role-conflict"
    severity = "warning"
    summary = "one person is given two incompatible titles or roles"

    def run(self, doc: Document) -> Iterator[Issue]:
        people = doc.names.people
        flagged: set[int] = set()
        for person in people:
            roles = _distinct_roles(person)
            for j, later in enumerate(roles):
                found = next(((r, kind) for r in roles[:j] if not _overlap(r, later) and (kind := conflict_kind(r, later))),
                             None)
                if found is None:
                    continue
                earlier, kind = found
                flagged.add(later.start)
                yield Issue(later.start, later.end,
                            f'{person.surname} is "{_role_label(later)}" here but "{_role_label(earlier)}" earlier: '
                            f"{CONFLICT_TEXT[kind]}",
                            (Related(earlier.start, earlier.end, f'"{_role_label(earlier)}"'),))
        yield from self._post_held_by_another(people, flagged)

    @staticmethod
    def _post_held_by_another(people: list[Person], flagged: set[int]) -> Iterator[Issue]:
        """A person with two top posts, the second of which the article gives to someone else in the
        same body: "Managing director Ines Korra" ... "the firm's chair, Dr Paul Wend" ...
        "Korra, who chairs the firm"."""
        holders: dict[tuple[str, str], list[tuple[Person, Role]]] = {}
        for p in people:
            for r in p.roles:
                body, _ = institution_of(r)
                if not r.change and body and r.head in TOP_ROLES and not r.grade:
                    holders.setdefault((TOP_ROLES[r.head], body), []).append((p, r))
        for p in people:
            roles = _distinct_roles(p)
            for j, later in enumerate(roles):
                body, _ = institution_of(later)
                if later.start in flagged or later.change or later.grade or later.head not in TOP_ROLES or not body:
                    continue
                post = TOP_ROLES[later.head]
                own = next((r for r in roles[:j] + roles[j + 1:] if r.head in TOP_ROLES and not r.change
                            and TOP_ROLES[r.head] != post), None)
                other = next(((q, r) for q, r in holders.get((post, body), ()) if q is not p
                              and q.surname != p.surname), None)
                if own is None or other is None:
                    continue
                q, held = other
                flagged.add(later.start)
                yield Issue(later.start, later.end,
                            f'{p.surname} is "{_role_label(later)}" here but "{_role_label(own)}" elsewhere, '
                            f'and the article gives that post to {q.name} ("{_role_label(held)}")',
                            (Related(own.start, own.end, f'"{_role_label(own)}"'),
                             Related(held.start, held.end, f"{q.name}: \"{_role_label(held)}\"")))


CONFLICT_TEXT = {"party": "two parties", "office": "two offices of state that one person does not hold at once",
                 "grade": "a post and the post below it in one body", "rank": "two ranks of one service",
                 "post": "two posts that one person does not hold at once"}


def _overlap(a: Role, b: Role) -> bool:
    """Two readings of one phrase ("deputy Conservative Chairman" and its title), not two statements."""
    return a.start < b.end and b.start < a.end


def _distinct_roles(person: Person) -> list[Role]:
    distinct: dict[tuple, Role] = {}
    for r in person.roles:
        distinct.setdefault((r.head, r.portfolio, r.organisation, r.owner, r.employer, r.change, r.grade, r.office,
                             r.country, r.rank, r.party), r)
    return list(distinct.values())


QUOTE_WORD = regex.compile(r"[\p{L}\p{M}\d]+")
MIN_QUOTE_WORDS = 6
SAME_QUOTE = 0.85
MIN_CONTAINED_WORDS = 8


def _quote_words(text: str) -> list[str]:
    return [w.lower() for w in QUOTE_WORD.findall(text)]


def _same_quotation(a: list[str], b: list[str]) -> bool:
    """The same or nearly the same words, or one quotation (eight words or more) inside the other."""
    short, long = sorted((a, b), key=len)
    if len(set(short) & set(long)) < 0.8 * len(set(short)):
        return False  # cheap test first: most pairs share few words
    if len(short) >= MIN_CONTAINED_WORDS and f" {' '.join(short)} " in f" {' '.join(long)} ":
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_QUOTE


class QuoteAttributionConflict(Check):
    """The same quotation is attributed to two different speakers.

    What it checks:
        Two quotations with the same or nearly the same words (six words or more), each with a
        named speaker, where the speakers are different people.
    Why an editor cares:
        Only one of them said it; a misattributed quote is among the most serious corrections.
    Fires on:
        '"We will not let it slip," manager Colin Baird said. ... "We will not let it slip," Grant said.'
    Passes:
        A quotation repeated with the same speaker, a short phrase two people both use.
    """

    code = "E303"
    name = "quote-attribution-conflict"
    severity = "warning"
    summary = "the same quotation is attributed to two speakers"

    def run(self, doc: Document) -> Iterator[Issue]:
        names = doc.names
        said = []
        for q, speaker in names.quote_speakers:
            words = _quote_words(doc.text[q.inner_start:q.inner_end])
            if len(words) >= MIN_QUOTE_WORDS and q.level == 0:  # a quote inside a quote is someone else's
                said.append((q, words, speaker))
        if len({speaker.person for _, _, speaker in said}) < 2:
            return  # one speaker (or none): no quotation can be given to two
        said.sort(key=lambda x: x[0].start)
        people = names.people
        for j, candidates in enumerate(_earlier_candidates(said)):
            q, words, speaker = said[j]
            for p_quote, p_words, p_speaker in (said[p] for p in candidates):
                if p_speaker.person == speaker.person:
                    continue
                if people[p_speaker.person].surname == people[speaker.person].surname:
                    continue
                if not _same_quotation(p_words, words):
                    continue
                who, other = people[speaker.person].name, people[p_speaker.person].name
                snippet = " ".join(doc.text[q.inner_start:q.inner_end].split()[:8])
                yield Issue(speaker.speaker_start, speaker.speaker_end,
                            f'the quotation "{snippet}…" is attributed to {who} here and to {other} earlier',
                            (Related(p_speaker.speaker_start, p_speaker.speaker_end, f"attributed to {other}"),
                             Related(p_quote.start, p_quote.end, "the same quotation")))
                break


def _earlier_candidates(said: list) -> Iterator[list[int]]:
    """For each quotation in turn, the earlier ones (in order) that can share enough words with it.

    Comparing every pair made a long text quadratic. ``_same_quotation`` needs the shorter list to
    share 80% of its n distinct words with the longer, so any ``n // 5 + 1`` of them include one
    of the longer list's words: each quotation is indexed under its rarest few words ("keys") and
    under all its words, and only pairs that meet through a key of the shorter one are tried. A
    repeat of an earlier quotation with the same words and speaker can never be the first match,
    so it is not indexed.
    """
    distinct = [set(words) for _, words, _ in said]
    frequency = Counter(w for ws in distinct for w in ws)
    keys = [sorted(ws, key=lambda w: (frequency[w], w))[:len(ws) // 5 + 2] for ws in distinct]
    by_word: dict[str, list[int]] = {}  # word -> earlier quotations with it
    by_key: dict[str, list[int]] = {}  # word -> earlier quotations with it among their keys
    seen: set[tuple[tuple[str, ...], int]] = set()
    for j, (_, words, speaker) in enumerate(said):
        size = len(words)
        longer = {p for w in keys[j] for p in by_word.get(w, ()) if len(said[p][1]) > size}
        shorter = {p for w in distinct[j] for p in by_key.get(w, ()) if len(said[p][1]) <= size}
        yield sorted(longer | shorter)
        signature = (tuple(words), speaker.person)
        if signature not in seen:
            seen.add(signature)
            for w in distinct[j]:
                by_word.setdefault(w, []).append(j)
            for w in keys[j]:
                by_key.setdefault(w, []).append(j)
