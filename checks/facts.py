"""The house fact base (F6xx)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from factlint.analysis.names import (Person, Role, edit_distance, given_compatible, role_features, roles_conflict,
                                     roles_match, spelling_variant)
from factlint.api import Check, Issue

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.facts import FactBase, PersonFact

SIGNIFICANT = regex.compile(r"[\p{L}\p{M}]{4,}")
NEAR_MISS_LIMIT = 2  # letters a same-given-name surname may differ by when the titles agree


def _split(name: str) -> tuple[tuple[str, ...], str]:
    words = name.split()
    return tuple(words[:-1]), words[-1]


def _role_words(text: str) -> set[str]:
    return {w.lower() for w in SIGNIFICANT.findall(text)}


def _near_miss(person: Person, fact: PersonFact) -> str | None:
    """The fact base's spelling that this text person misspells, or None."""
    for spelling in fact.spellings:
        given, surname = _split(spelling)
        if surname == person.surname and given_compatible(person.given, given):
            return None  # the text spells the person as the fact base does
    for spelling in fact.spellings:
        given, surname = _split(spelling)
        if surname == person.surname:
            if person.given and given and spelling_variant(person.given[0], given[0]):
                return spelling
            continue
        if spelling_variant(person.surname, surname):
            if person.given and given_compatible(person.given, given) or not person.given and _same_post(person, fact):
                return spelling
            continue
        if person.given and person.given == given and min(len(surname), len(person.surname)) >= 5 \
                and edit_distance(person.surname.lower(), surname.lower(), NEAR_MISS_LIMIT) <= NEAR_MISS_LIMIT:
            titles = set().union(*(_role_words(t.title) for t in fact.titles)) if fact.titles else set()
            if titles & set().union(*(_role_words(r.text) for r in person.roles)) if person.roles else False:
                return spelling
    return None


def _known(person: Person, facts: FactBase) -> PersonFact | None:
    """The fact-base person the text person is, spelled as the fact base spells them, or None."""
    for fact in facts.people_like(person.surname):
        for spelling in fact.spellings:
            given, surname = _split(spelling)
            if surname == person.surname and given and person.given and given_compatible(person.given, given):
                return fact
    return None


def _same_post(person: Person, fact: PersonFact) -> bool:
    """The text gives the person a post the fact base records for them: "Energy Minister Tokaev"."""
    on_record = [r for r, _ in _fact_roles(fact)]
    return any(roles_match(role, r) for role in person.roles for r in on_record)


def _other_post(person: Person, fact: PersonFact) -> bool:
    """The text gives the person a post that rules out the fact-base person: someone else."""
    on_record = [r for r, _ in _fact_roles(fact)]
    return any(roles_conflict(role, r) for role in person.roles for r in on_record)


def _fact_roles(fact: PersonFact) -> list[tuple[Role, object]]:
    out = []
    for title in fact.titles:
        role = role_features(title.title, -1, 0, 0)
        if role is not None:
            out.append((role, title))
    return out


def _amount(value: float) -> str:
    """7000000000.0 -> "7 billion", 23270.0 -> "23,270"."""
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            return f"{value / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _format_date(written: str, day: dt.date) -> str | None:
    """``day`` written the way ``written`` is ("October 6" -> "November 6"), or None."""
    month = day.strftime("%B")
    if regex.fullmatch(r"\d{4}-\d\d-\d\d", written):
        return day.isoformat()
    if regex.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}", written):
        return f"{month} {day.day}"
    if regex.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}", written):
        return f"{month} {day.day}, {day.year}"
    if regex.fullmatch(r"\d{1,2} [A-Z][a-z]+", written):
        return f"{day.day} {month}"
    if regex.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", written):
        return f"{day.day} {month} {day.year}"
    return None


class ReferenceConflict(Check):
    """The text contradicts the house fact base.

    What it checks:
        With a fact base (``--facts FILE`` or ``facts = [...]`` in the config): a known person's
        or organisation's name spelled near the fact base's spelling but not as it, a known person
        given a title that conflicts with the titles on record for the publication date, a known
        event dated on a day other than the one on record, a key figure stated with another value.
    Why an editor cares:
        The newsroom already knows these facts; a slip against them is a correction waiting to happen.
    Fires on:
        "U.S. Ambassador to Kazakhstan Julie Staff" when the fact base knows Julie Stufft as US
        ambassador to Kazakhstan; "the C5+1 summit on October 6" when it has the summit on 6 November.
    Passes:
        Names and titles as the fact base has them, people the fact base does not know, a title
        the text marks as past ("the former ambassador"), another edition of an event ("the previous summit").
    """

    code = "F601"
    name = "reference-conflict"
    severity = "warning"
    summary = "the text contradicts the house fact base"

    def run(self, doc: Document) -> Iterator[Issue]:
        facts = doc.facts
        if facts is None or not hasattr(facts, "people"):
            return
        if facts.people:
            yield from self._people(doc, facts)
        if facts.organisations:
            yield from self._organisations(doc, facts)
        if facts.events:
            yield from self._events(doc, facts)
        if facts.figures:
            yield from self._figures(doc, facts)

    def _organisations(self, doc: Document, facts: FactBase) -> Iterator[Issue]:
        known = {tuple(spelling.split()): fact for fact in facts.organisations for spelling in fact.spellings}
        for entity in doc.names.entities:
            words = tuple(entity.text.split())
            if entity.kind != "organisation" or len(words) < 2 or words in known:
                continue
            for spelling, fact in known.items():
                if len(spelling) != len(words):
                    continue
                differ = [k for k in range(len(words)) if words[k] != spelling[k]]
                if len(differ) == 1 and spelling_variant(words[differ[0]], spelling[differ[0]]):
                    wanted = " ".join(spelling)
                    yield Issue(entity.start, entity.end, f'"{entity.text}" is not how the fact base spells this '
                                                          f'organisation: {wanted} ({fact.source})', (), wanted)
                    break

    def _figures(self, doc: Document, facts: FactBase) -> Iterator[Issue]:
        from factlint.analysis.quantities import describe

        for quantity in doc.quantities:
            candidates = [f for f in facts.figures if f.same_unit(quantity)]
            if not candidates:
                continue
            describe(doc, quantity)  # what it measures, of whom, when: read on first use
            figure = next((f for f in candidates if f.fits(quantity)), None)
            if figure is None or not figure.contradicted_by(quantity):
                continue
            written = doc.text[quantity.start:quantity.end]
            yield Issue(quantity.start, quantity.end,
                        f'"{written}" for {figure.name}: the fact base has {_amount(figure.value)} {figure.unit} '
                        f'({figure.source})')

    def _people(self, doc: Document, facts: FactBase) -> Iterator[Issue]:
        text = doc.text
        for person in doc.names.people:
            known = _known(person, facts)
            if known is not None:
                yield from self._titles(doc, person, known)
                continue
            for fact in facts.people_like(person.surname):
                spelling = _near_miss(person, fact)
                if spelling is None or _other_post(person, fact):
                    continue
                canonical_given, canonical_surname = _split(fact.name)
                known_as = f"{fact.name}, {fact.titles[0].title}" if fact.titles else fact.name
                for m in person.mentions:
                    if m.form == "role":
                        continue
                    if m.form == "full":
                        start, end, wanted = m.start, m.end, fact.name
                    else:
                        start, end, wanted = m.surname_start, m.surname_end, canonical_surname
                    written = text[start:end]
                    if written == wanted:
                        continue
                    yield Issue(start, end, f'"{written}" is not how the fact base spells this person: '
                                            f'{known_as} ({fact.source})', (), wanted)
                yield from self._titles(doc, person, fact)
                break

    def _titles(self, doc: Document, person: Person, fact: PersonFact) -> Iterator[Issue]:
        on_record = _fact_roles(fact)
        if not on_record:
            return
        day = doc.published
        current = [(r, t) for r, t in on_record if t.holds_on(day)]
        for role in person.roles:
            if role.change:
                continue
            matching = [t for r, t in on_record if roles_match(role, r)]
            if any(t in [c for _, c in current] for t in matching):
                continue
            if matching and current:
                past = matching[0]
                yield Issue(role.start, role.end,
                            f'"{role.text}": the fact base has {fact.name} as {past.title} only until {past.until}, '
                            f'and as {current[0][1].title} since then ({fact.source})', (), current[0][1].title)
                continue
            clash = next((t for r, t in current if roles_conflict(role, r)), None)
            if clash is not None:
                yield Issue(role.start, role.end,
                            f'"{role.text}" conflicts with the fact base: {fact.name} is {clash.title} '
                            f'({fact.source})', (), clash.title)

    def _events(self, doc: Document, facts: FactBase) -> Iterator[Issue]:
        dates = doc.dates
        events = doc.events
        for match in facts.event_mentions(doc):
            trigger = next((e for e in events if match.start <= e.start < match.end + 2), None)
            if trigger is None or trigger.distinct:
                continue
            for index in trigger.dates:
                mention = dates[index]
                if mention.granularity != "day" or not (mention.year and mention.month and mention.day):
                    continue
                try:
                    day = dt.date(mention.year, mention.month, mention.day)
                except ValueError:
                    continue
                event = match.event
                if event.covers(day):
                    continue
                on_record = event.date.strftime("%-d %B %Y")
                yield Issue(mention.start, mention.end,
                            f'{doc.text[match.start:match.end]} is dated "{mention.text}" here, but the fact base '
                            f'has it on {on_record} ({event.source})', (),
                            _format_date(mention.text, event.date))
