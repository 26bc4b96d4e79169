"""Dates and events (D1xx): dates that contradict each other, the calendar or the publication date.

Every check here combines ``doc.dates`` (the date analyser) and ``doc.events``
(what each date dates); none reads the raw text again.
"""

from __future__ import annotations

import bisect
import re

import datetime as dt
from collections.abc import Iterator

from factlint.analysis.dates import MONTH_NAMES, WEEKDAY_NAMES, DateMention
from factlint.analysis.events import PRONOUN_WORDS
from factlint.analysis.lexicon import is_past_form
from factlint.api import Check, Issue, Related
from factlint.document import Document


def _long(date: dt.date, with_year: bool = True) -> str:
    return f"{date.day} {MONTH_NAMES[date.month - 1]}" + (f" {date.year}" if with_year else "")


def _say(mention: DateMention) -> str:
    """A mention's day in words, with its year when the year is known."""
    return _long(mention.day_of_year, with_year=bool(mention.year))


def _quote(mention: DateMention) -> str:
    return f"'{mention.text}'"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _one_edit(a: str, b: str) -> bool:
    """True when two day numbers differ by one typed digit (3/13, 14/4, 24/14, 13/11) or two swapped (12/21)."""
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1 or a == b[::-1]
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and (long[1:] == short or long[:-1] == short)


def _typo_pair(a: dt.date, b: dt.date) -> bool:
    """Two dates one slip apart: a day digit, or the month next door with the same day."""
    if a.year != b.year:
        return False
    if a.month == b.month:
        return _one_edit(str(a.day), str(b.day))
    return a.day == b.day and (abs(a.month - b.month) == 1 or {a.month, b.month} == {3, 5})  # March/May


class DateConflict(Check):
    """
    What it checks:
        One event given two different dates. Each date is tied to the head word that
        names what it dates (the noun it stands before, "the 14 October poll",
        "Tuesday's vote", or the verb or event noun before it, "voted on 13 March",
        "his dismissal on 15 October"); heads are compared by stem, so inflections and
        noun/verb derivations match (vote/voted, open/opening, dismiss/dismissal), and
        a few groups of words name one kind of event (poll/election, sack/dismiss,
        unveil/launch). Relative dates ("Tuesday", "last Thursday", "the 14th") take
        part once resolved. Two mentions are one event on evidence: the same subject
        (a pronoun counts when the noun is in the sentences before it), or a
        back-reference to an event that does not recur when the article dates it only
        twice in one year; they stay apart on evidence too (another place, a marker of
        another occasion such as "previous", "next" or "first", a future told against
        a past, one sentence). Years are compared for beginnings and ends ("opened in
        1987" ... "the bridge opened in 1989"). Mentions linked only by their kind
        (two summits) conflict when their dates are one slip apart (a day digit, two
        swapped digits, the neighbouring month). The finding sits on the mention the
        rest of the article supports less (its weekday, dates a few days away such as
        "the eve", the publication date) and suggests the supported date.

    Why an editor cares:
        A wrong date in the lead or the body is the error readers notice first and
        the correction editors most often have to print.

    Fires on:
        On November 6, Washington hosted the summit. ... On October 6, the summit
        was held in Washington.

    Passes:
        The summit was held in Washington on November 6. The previous summit was
        held in Dushanbe on October 6.
    """

    code = "D101"
    name = "date-conflict"
    severity = "error"
    summary = "one event is given two different dates"

    def run(self, doc: Document) -> Iterator[Issue]:
        dates = doc.dates
        reported: set[frozenset[int]] = set()
        claims: dict[int, list[tuple[int, int]]] = {}  # event -> (event mention index, date index)
        events = doc.events
        for k, mention in enumerate(events):
            for i in mention.dates:
                date = dates[i]
                if date.type == "date" and date.granularity == "day" and date.day_of_year and date.range_with is None:
                    claims.setdefault(mention.event, []).append((k, i))
        for event, items in claims.items():
            first_k, first_i = items[0]
            first = dates[first_i]
            for k, i in items[1:]:
                other = dates[i]
                if other.day_of_year == first.day_of_year or not _typo_pair(first.day_of_year, other.day_of_year):
                    continue
                if doc.sentence_at(first.start) is doc.sentence_at(other.start):
                    continue  # "met on 4 May and again on 14 May": the writer tells them apart
                if "future" in (first.tense, other.tense) and first.tense != other.tense:
                    continue  # "met on 20 October" and "will meet on 23 October": two occasions
                yield self._issue(doc, event, (events[first_k], first), (events[k], other))
                reported.add(frozenset((first_i, i)))
                break
        for a, b in _same_occurrences(doc):
            if frozenset((a.date, b.date)) not in reported:
                reported.add(frozenset((a.date, b.date)))
                yield self._occurrence_issue(doc, a, b)

    def _occurrence_issue(self, doc: Document, a, b) -> Issue:
        """Two mentions of one occurrence with different dates; the finding sits on the less supported one."""
        dates = doc.dates
        first, other = dates[a.date], dates[b.date]
        if first.granularity == "year":
            name = _occurrence_name(a, b)
            return Issue(other.start, other.end,
                         f"{_capital(name)} is dated {other.year} here but {first.year} elsewhere ({_quote(first)}).",
                         related=(Related(first.start, first.end, f"{name} is dated {first.year} here"),))
        name = _occurrence_name(a, b)
        if first.day_of_year is None or other.day_of_year is None:  # weekdays the text does not place
            return Issue(other.start, other.end,
                         f"{_capital(name)} is dated {_quote(other)} here but {_quote(first)} elsewhere.",
                         related=(Related(first.start, first.end, f"{name} is dated {_quote(first)} here"),))
        return self._conflict(doc, first, other, {a.date, b.date}, lambda flagged_first: name)

    def _conflict(self, doc: Document, first: DateMention, other: DateMention, exclude: set[int], name_for) -> Issue:
        """The finding for one event dated ``first`` and ``other``: on the date the rest of the article supports
        less, suggesting the other when the text (not only the publication date) backs it. ``name_for(True)``
        names the event when ``first`` is the one flagged."""
        support_first, text_first = self._support(doc, first, exclude)
        support_other, text_other = self._support(doc, other, exclude)
        flagged, kept, support, from_text, against = other, first, support_first, text_first, support_other
        if len(support_other) > len(support_first):
            flagged, kept, support, from_text, against = first, other, support_other, text_other, support_first
        name = name_for(flagged is first)
        message = (f"{_capital(name)} is dated {_quote(flagged)} here ({_say(flagged)}) but "
                   f"{_quote(kept)} ({_say(kept)}) elsewhere")
        suggestion = None
        if from_text and len(support) > len(against):
            message += f"; the rest of the article supports {_long(kept.day_of_year, False)} ({'; '.join(support[:2])})"
            suggestion = _restyle(flagged, kept.day_of_year)
        return Issue(flagged.start, flagged.end, message + ".",
                     related=(Related(kept.start, kept.end, f"{name} is dated {_quote(kept)} here"),),
                     suggestion=suggestion)

    def _support(self, doc: Document, mention: DateMention, exclude: set[int]) -> tuple[list[str], bool]:
        """What in the article agrees with the date of ``mention``: its own weekday, other dates a few days
        from it (such as "the eve"), then the publication date, a weaker witness, as articles often appear
        days later."""
        date = mention.day_of_year
        reasons = []
        if mention.weekday is not None and mention.year and mention.weekday == date.weekday():
            reasons.append(f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year} is a {WEEKDAY_NAMES[date.weekday()]}")
        for j, other in enumerate(doc.dates):
            if j in exclude or other.granularity != "day" or other.day_of_year is None or other.anchor == "event":
                continue
            gap = (other.day_of_year - date).days
            if gap == 0:
                reasons.append(f"{_quote(other)} names the same day")
            elif 0 < abs(gap) <= 3:
                reasons.append(f"{_quote(other)} is {abs(gap)} day{'s' if abs(gap) > 1 else ''} "
                               f"{'after' if gap > 0 else 'before'}")
        from_text = bool(reasons)
        if doc.published and date.year == doc.published.year and 0 <= (doc.published - date).days <= 7:
            reasons.append(f"the article is dated {_long(doc.published)}")
        return reasons, from_text

    def _issue(self, doc: Document, event: int, first: tuple, other: tuple) -> Issue:
        dates = doc.dates
        return self._conflict(doc, first[1], other[1], {dates.index(first[1]), dates.index(other[1])},
                              lambda flagged_first: "the " + _event_name(doc, event, first[0] if flagged_first else other[0]))


def _event_name(doc: Document, event: int, mention) -> str:
    """The noun that names an event: the flagged mention's own, else the first one the article uses."""
    if not mention.verb and mention.kind != "lead":
        return mention.text.lower()
    same = [e for e in doc.events if e.event == event and e.kind != "lead"]
    return next((e.text for e in same if not e.verb), same[0].kind if same else "event").lower()


def _restyle(mention: DateMention, date: dt.date) -> str | None:
    """``date`` written the way ``mention`` is written (day-month or month-day, with a year if it had one)."""
    text = mention.text
    if mention.weekday is not None:
        return None
    month = MONTH_NAMES[date.month - 1]
    year = f" {date.year}" if mention.year_source == "explicit" else ""
    if text[:1].isdigit():
        return f"{date.day} {month}{year}"
    if text.startswith(MONTH_NAMES[mention.month - 1]):
        return f"{month} {date.day}" + (f",{year}" if year else "")
    return None


# Heads of events that recur, so that two dated mentions of them are often two occasions.
SERIAL_CONCEPTS = frozenset("talk match game race hear visit trip train rally protest concert show perform service "
                            "flight sitting round".split())


def _capital(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _occurrence_name(a, b) -> str:
    """What names an occurrence: the noun of either mention ("the vote"), else its subject and verb
    ("'bridge opened'")."""
    for o in (b, a):
        if not is_past_form(o.word):
            return f"the {o.word.lower()}"
    o = next((o for o in (b, a) if o.subject and o.subject not in PRONOUN_WORDS), b)
    return f"'{o.subject} {o.word}'" if o.subject else f"'{o.word}'"


def _resolves(pronoun_side, noun_side, doc: Document) -> bool:
    """Whether a pronoun subject ("it", "his") can stand for the other mention's subject: that noun or name
    occurs in the pronoun's sentence or the two before it."""
    noun = noun_side.subject
    if not noun or noun in PRONOUN_WORDS:
        return False
    sentences = doc.sentences
    lo = sentences[max(0, pronoun_side.sentence - 2)].start
    hi = sentences[pronoun_side.sentence].end
    return re.search(rf"\b{re.escape(noun)}\b", doc.text[lo:hi], re.IGNORECASE) is not None


def _same_subject(a, b, doc: Document) -> bool:
    sa, sb = a.subject, b.subject
    if sa and sa == sb and sa not in PRONOUN_WORDS:
        return True
    if sa in PRONOUN_WORDS and _resolves(a, b, doc) or sb in PRONOUN_WORDS and _resolves(b, a, doc):
        return True
    names_a = {n.lower() for n in a.names}
    names_b = {n.lower() for n in b.names}
    return bool(sa and sa in names_b or sb and sb in names_a)


def _day_key(d: DateMention) -> tuple | None:
    """What a date says, to compare: its value, or for a weekday the text cannot place, the weekday."""
    if d.value:
        return ("value", d.value)
    if d.weekday is not None and d.granularity == "day":
        return ("weekday", d.weekday)
    return None


def _slip(a: DateMention, b: DateMention) -> bool:
    """Two dates one slip apart: a typed digit or the month next door, or weekdays next to each other."""
    if a.day_of_year and b.day_of_year:
        return _typo_pair(a.day_of_year, b.day_of_year)
    return a.weekday is not None and b.weekday is not None and (a.weekday - b.weekday) % 7 in (1, 6)


MAX_OCCURRENCES = 40  # a head dated more often than this names a recurring thing, not one event


def _same_occurrences(doc: Document):
    """Pairs of dated mentions that name one occurrence with different dates. Identity needs evidence:
    the same head concept (inflections, noun/verb derivations and the lexicon's synonyms), nothing that
    tells them apart (a marker of another occurrence, different places, a future told against a past),
    and either the same subject (a pronoun counts when the noun is in the sentences before it), or, for an
    event that does not recur, a back-reference ("Tuesday's vote", "the 14 October poll") when the
    article dates that concept only twice, both in one year (and, for an event that recurs, one slip
    apart). Years are compared only for beginnings and ends, which happen
    once ("opened in 1987" and "the bridge opened in 1989")."""
    from factlint.analysis.lexicon import ending_stems, inception_stems

    dates = doc.dates
    occurrences = [o for o in getattr(doc.events, "occurrences", []) if not o.distinct]
    by_key: dict[str, set] = {}
    groups: dict[str, list] = {}
    for o in occurrences:
        for key in o.keys:
            by_key.setdefault(key, set()).add(_day_key(dates[o.date]))
        groups.setdefault(o.head, []).append(o)
    pairs = {}  # (first date, second date) -> the two occurrences; a pair shares the head of one of them
    for o in occurrences:
        for key in o.keys:
            for other in groups.get(key, ())[:MAX_OCCURRENCES]:
                if other is not o:
                    pairs[min(o.date, other.date), max(o.date, other.date)] = sorted((o, other), key=lambda x: x.date)
    for key in sorted(pairs):
        a, b = pairs[key]
        if a.sentence == b.sentence:
            continue
        da, db = dates[a.date], dates[b.date]
        ka, kb = _day_key(da), _day_key(db)
        if da.granularity != db.granularity or ka == kb or not ka or not kb or ka[0] != kb[0]:
            continue
        matched = a.head if a.head in b.keys else b.head if b.head in a.keys else None
        if matched is None or a.places and b.places and not a.places & b.places:
            continue
        if {da.tense, db.tense} == {"future", "past"}:
            continue
        if doc.quotes.quote_at(da.start) is not None or doc.quotes.quote_at(db.start) is not None:
            continue
        if da.granularity == "year":
            if matched in inception_stems() | ending_stems() and _same_subject(a, b, doc):
                yield a, b
            continue
        if _same_subject(a, b, doc) or (a.reference or b.reference) and len(by_key.get(matched, ())) == 2 \
                and da.year == db.year and (matched not in SERIAL_CONCEPTS or _slip(da, db)):
            yield a, b


class WeekdayMismatch(Check):
    """
    What it checks:
        A weekday written with a calendar date that falls on another day ("Friday 29 May"
        in 2025, a Thursday), wherever the weekday sits: before the date, after it in
        brackets or after a comma, before a bracketed date ("Monday (Sept. 5)"), in a
        table cell, joined by a non-breaking space or an HTML entity. The year comes
        from the date itself, else from the text or the publication date, as the date
        analyser infers it (the tense's direction, and the written weekday when it
        fits a year nearer the publication date); without a year the check is silent.

    Why an editor cares:
        Either the weekday or the date is wrong, and readers planning by it are misled.

    Fires on:
        The auction closed on Friday 29 May 2025.

    Passes:
        The auction closed on Thursday 29 May 2025. The auction closed on Friday.
    """

    code = "D102"
    name = "weekday-mismatch"
    severity = "error"
    summary = "a weekday disagrees with the calendar date it names"

    def run(self, doc: Document) -> Iterator[Issue]:
        for mention in doc.dates:
            if mention.weekday is None or mention.type != "date" or mention.date is None:
                continue
            actual = mention.date.weekday()
            if actual == mention.weekday:
                continue
            year_note = "" if mention.year_source == "explicit" else \
                f" (the year {mention.year} taken from the {'publication date' if mention.year_source == 'published' else 'text'})"
            written = WEEKDAY_NAMES[mention.weekday]
            yield Issue(mention.start, mention.end,
                        f"{_quote(mention)}: {_long(mention.date)} is a {WEEKDAY_NAMES[actual]}, "
                        f"not a {written}{year_note}.",
                        suggestion=mention.text.replace(written, WEEKDAY_NAMES[actual], 1)
                        if mention.text.startswith(written) else None)


class ImpossibleDate(Check):
    """
    What it checks:
        A date that does not exist, in any format the date analyser reads (day-month,
        month-day, "the 29th of February", "Sept. 31", numeric and ISO): a day past the
        end of its month, or 29 February of a year that is not a leap year, whether the
        year is written or taken, as for every yearless date, from the text or the
        publication date (see the date analyser's year inference).

    Why an editor cares:
        An impossible date is certainly a typo, and the reader cannot tell the intended day.

    Fires on:
        Applications close on 31 April. The deadline was February 29, 2025.

    Passes:
        Applications close on 30 April. The deadline was February 29, 2024.
    """

    code = "D103"
    name = "impossible-date"
    severity = "error"
    summary = "a date that does not exist"

    def run(self, doc: Document) -> Iterator[Issue]:
        import calendar

        for mention in doc.dates:
            if mention.valid or mention.month is None or mention.day is None:
                continue
            month = MONTH_NAMES[mention.month - 1]
            if mention.month == 2 and mention.day == 29:
                if mention.year is None or mention.role == "birth" or mention.year_source == "published" \
                        and _sentence_has_year(doc, mention):
                    continue  # a birthday on the leap day, or a sentence that names its own year: not this year's
                source = "" if mention.year_source == "explicit" else \
                    f" (the year taken from the {'publication date' if mention.year_source == 'published' else 'text'})"
                why = f"{mention.year} is not a leap year{source}, so February has 28 days"
            else:
                why = f"{month} has {calendar.monthrange(2000, mention.month)[1]} days"
            yield Issue(mention.start, mention.end, f"{_quote(mention)} does not exist: {why}.")


def _sentence_has_year(doc: Document, mention: DateMention) -> bool:
    sentence = doc.sentence_at(mention.start)
    return sentence is not None and any(d.year_source == "explicit" and sentence.start <= d.start < sentence.end
                                        for d in doc.dates)


YEARLESS_WINDOW = 21  # days: a yearless date farther off may well be another year's


class TenseMismatch(Check):
    """
    What it checks:
        Against the publication date, a date already past told in the future tense ("will
        present ... on 2 June" in an article of 5 June), or a date still to come told in
        the past tense ("the first test ran on 28 April" in an article of 15 April). The
        tense is that of the verb the date belongs to in its own clause: future markers
        and modals, every past form (regular -ed and the irregular table), a date after
        an event noun governed by a verb that only plans it ("called a vote on 8 June")
        left undecided, one governed by a verb that carries it out ("ran a trial on 8
        June") told as done; quotations speak from their own day. Needs the publication
        date; silent without it.

    Why an editor cares:
        Either the date or the tense is wrong, and the reader cannot tell whether the
        event has happened.

    Fires on:
        (published 10 March 2025) The board will meet on 3 March.

    Passes:
        (published 10 March 2025) The board met on 3 March. The board will meet on 13 March.
        "We will decide on 3 March," the chair said in February.
    """

    code = "D104"
    name = "tense-mismatch"
    severity = "warning"
    summary = "a past date told in the future tense, or a future one in the past tense"

    def run(self, doc: Document) -> Iterator[Issue]:
        published = doc.published
        if published is None:
            return
        for mention in doc.dates:
            if mention.tense is None or mention.type != "date" or mention.granularity != "day" \
                    or mention.year_source == "context" or mention.range_with is not None or not mention.valid:
                continue
            if mention.year_source == "explicit":
                if mention.year != published.year:
                    continue
                date = mention.date
            else:  # a yearless date is read as this year's, the one the writer can have meant
                date = mention.day_of_year.replace(year=published.year) if mention.day_of_year else None
            if date is None:
                continue
            gap = (date - published).days
            if gap and doc.quotes.quote_at(mention.start) is not None:
                continue  # a quotation speaks from the day it was said
            window = 92 if mention.year_source == "explicit" else YEARLESS_WINDOW
            if mention.tense == "future" and -window <= gap < 0:
                yield Issue(mention.start, mention.end,
                            f"{_quote(mention)} ({_long(date)}) is told in the future tense, but it is "
                            f"{-gap} day{'s' if gap < -1 else ''} before the publication date, "
                            f"{_long(published)}.")
            elif mention.tense == "past" and 0 < gap <= window:
                yield Issue(mention.start, mention.end,
                            f"{_quote(mention)} ({_long(date)}) is told in the past tense, but it is "
                            f"{gap} day{'s' if gap > 1 else ''} after the publication date, {_long(published)}.")


class ElapsedTimeMismatch(Check):
    """
    What it checks:
        A stated span that disagrees with the years it spans. One model covers every
        form (factlint.analysis.elapsed): a start year (a year that dates a beginning,
        "since 1953", "opened in 1962", "born in 1939", or the beginning the article
        gives for the same thing elsewhere), a stated length (a count of years, seasons
        or editions, an ordinal year, edition or anniversary, an age) and the year it
        is counted to (another year of the clause, else the publication year). A span
        worded as exact ("since", "ago", "its N years", ordinals, ages) must fit, with
        the one-year slack of a year without months and of an age without a birthday;
        a plain count may be part of the time but never more than all of it, and
        editions may fall short (a cancelled year, a biennial) but never exceed the
        years available, less the years the text says one was cancelled. Hedged spans
        ("more than 30 years") pass. Needs the publication date when the span counts
        to now.

    Why an editor cares:
        The reader can do the subtraction; an article that cannot looks careless.

    Fires on:
        (published 2025) The line opened in 2002, 25 years ago.
        (published 2024) The firm, founded in 1990, is now in its 40th year.

    Passes:
        (published 2025) The line opened in 2002, 23 years ago. It opened more than 20 years ago.
        (published 2024) The firm, founded in 1990, is now in its 35th year.
    """

    code = "D105"
    name = "elapsed-time-mismatch"
    severity = "warning"
    summary = "a stated span disagrees with the years it spans"

    def run(self, doc: Document) -> Iterator[Issue]:
        published = doc.published
        dates = doc.dates
        if published is not None:
            yield from self._appositions(doc, published)
        for span in getattr(dates, "spans", []):
            problem = _span_problem(doc, span)
            if problem:
                since = dates[span.since]
                related = [Related(since.start, since.end, f"the year counted from: {since.text}")]
                if span.until is not None:
                    until = dates[span.until]
                    related.append(Related(until.start, until.end, f"the year counted to: {until.text}"))
                yield Issue(span.start, span.end, problem, related=tuple(related))

    def _appositions(self, doc: Document, published: dt.date) -> Iterator[Issue]:
        """ "adopted in 1974, 40 years ago": the relative date restates the year before it."""
        dates = doc.dates
        for mention in dates:
            if mention.apposition is None or mention.anchor != "published" or mention.hedged \
                    or not mention.offset or mention.offset[1] not in ("year", "decade"):
                continue
            then = dates[mention.apposition]
            if then.year is None or then.year_source != "explicit":
                continue
            stated = -mention.offset[0] * (10 if mention.offset[1] == "decade" else 1)
            elapsed = published.year - then.year
            if then.month and (then.month, then.day or 1) > (published.month, published.day):
                elapsed -= 1
            tolerance = 0 if then.month else 1
            if abs(elapsed - stated) > tolerance and stated > 0:
                yield Issue(mention.start, mention.end,
                            f"{_quote(mention)} does not fit {_quote(then)}: from {then.year} to the publication "
                            f"date ({_long(published)}) is {elapsed} years, not {stated}.",
                            related=(Related(then.start, then.end, f"the date is {then.text}"),),
                            suggestion=None)


def _span_problem(doc: Document, span) -> str | None:
    """What is wrong with a stated span, in words with its arithmetic, or None when it fits."""
    dates = doc.dates
    since = dates[span.since]
    start, until = since.year, span.until_year
    elapsed = until - start
    to = f"{until}" if span.until is not None else f"{until} (the publication date)"
    said = f"'{span.text}'"
    if span.kind == "age":
        published = doc.published
        birth = since.date
        if span.unit == "birthday":  # "turns 81 this year": the age reached at that year's birthday
            if span.amount == elapsed:
                return None
            return f"{said} does not fit {_quote(since)}: someone born in {start} turns {elapsed} in {to}."
        if span.until is None and birth is not None and published is not None:
            exact = published.year - birth.year - ((published.month, published.day) < (birth.month, birth.day))
            if span.amount != exact:
                return (f"{said} does not fit the birth date {_quote(since)}: someone born on {_long(birth)} is "
                        f"{exact} on {_long(published)}.")
            return None
        if span.amount in (elapsed - 1, elapsed):
            return None
        return (f"{said} does not fit {_quote(since)}: someone born in {start} is {elapsed - 1} or {elapsed} in "
                f"{to}, not {span.amount}.")
    if span.kind == "count":
        if span.unit == "year":
            if span.anchored and abs(span.amount - elapsed) > 1 or span.amount > elapsed + 1:
                return (f"{said} does not fit {_quote(since)}: from {start} to {to} is {elapsed} "
                        f"year{'s' if elapsed != 1 else ''}.")
            return None
        most = elapsed + 1 - len(span.skipped)
        if span.amount > most:
            return (f"{said} does not fit {_quote(since)}: from {start} to {to} there are at most {most} "
                    f"{span.unit}s.")
        return None
    if span.unit == "year":  # "in its 40th year": the first year is the one it began in
        if span.amount in (elapsed, elapsed + 1):
            return None
        return (f"{said} does not fit {_quote(since)}: from {start}, {to} is its {_ordinal(elapsed + 1)} year "
                f"(or {_ordinal(elapsed)}), not its {_ordinal(span.amount)}.")
    if span.unit == "anniversary":
        if elapsed <= 1 or span.amount == elapsed:
            return None
        if span.until is None and abs(span.amount - elapsed) == 1 and doc.published.month in (1, 12):
            return None  # a preview in December or a look back in January may straddle the year
        return (f"{said} does not fit {_quote(since)}: {to} is {elapsed} years after {start}, the "
                f"{_ordinal(elapsed)} anniversary, not the {_ordinal(span.amount)}.")
    most = elapsed + 1 - len(span.skipped)  # editions: one a year at most
    if span.amount > most:
        skipped = f", less {len(span.skipped)} cancelled" if span.skipped else ""
        return (f"{said} does not fit {_quote(since)}: from {start} to {to} there can be at most {most} "
                f"editions (one a year{skipped}).")
    return None


MAX_ANCHORS = 3  # how many earlier dates a "two days later" may count from


def _last_dates(dates: list[DateMention], last: int, wanted) -> list[DateMention]:
    """Up to MAX_ANCHORS dates at or before index ``last``, nearest first, for which ``wanted(index, date)``."""
    found = []
    for j in range(last, -1, -1):
        if wanted(j, dates[j]):
            found.append(dates[j])
            if len(found) == MAX_ANCHORS:
                break
    return found


def _index_events(dates: list[DateMention], events: list) -> tuple[list[int], dict[int, tuple[list, dict, set]]]:
    """Event mentions' starts (they come in text order) and, for each event, its day dates and how
    often each day occurs, so that each relative mention costs no more than its own event's days."""
    by_event: dict[int, tuple[list, dict, set]] = {}
    for e in events:
        found, counts, members = by_event.setdefault(e.event, ([], {}, set()))
        for i in e.dates:
            d = dates[i]
            if d.granularity == "day" and d.day_of_year:
                found.append(d)
                members.add(id(d))
                counts[d.day_of_year] = counts.get(d.day_of_year, 0) + 1
    return [e.start for e in events], by_event


def _resolved_weekday(d: DateMention) -> bool:
    """A weekday the publication date resolves ("on Sunday"): a day the writer may count from."""
    return d.relative and d.weekday is not None and d.offset is None and d.anchor == "published" and d.value is not None


class DateArithmetic(Check):
    """
    What it checks:
        A range or a relative date that disagrees with the dates around it: a range that
        ends before it starts ("from 12 to 5 March"); a stated length that does not fit the
        two dates its sentence ties it to, one marked as the start (a range, "from",
        "starting", or a verb that moves a date: "pushed back a week to") and one as the
        end (a range, "to", "until", a verb of ending: "ends on", "reopening on"): "six
        weeks, from 2 June to 23 June", "a 10-day period from 4 Feb. that ends on 24
        Feb."; a relative date and the date that restates it, in either order ("two days
        later, on 9 November", "on 1 July, 15 days after the ceremony", "three days before
        the race, on Wednesday", where a bare weekday is compared as a weekday), counted
        from the event it names (the date written inside its noun phrase, "a week before
        the 25 Sept. fair", or the one date the article gives that event, the lead event
        for "the race" or "the summit" told first), or, for "N days later", from any of
        the last few dates before it, resolved weekdays and the lead event included, so
        that it fires only when no date the writer can have counted from fits.

    Why an editor cares:
        The reader can check the arithmetic; a wrong interval means a wrong date.

    Fires on:
        The vote was on 6 November. Two days later, on 9 November, the result came in.

    Passes:
        The vote was on 6 November. Two days later, on 8 November, the result came in.
    """

    code = "D106"
    name = "date-arithmetic"
    severity = "warning"
    summary = "a range or relative date disagrees with the dates around it"

    def run(self, doc: Document) -> Iterator[Issue]:
        dates = doc.dates
        restated = {d.apposition for d in dates if d.apposition is not None}
        event_index = None  # built on first need: event mentions by start, and by event
        for length in getattr(dates, "lengths", []):
            yield from self._length(doc, length)
        for i, mention in enumerate(dates):
            if mention.range_role == "start":
                yield from self._range(mention, dates[mention.range_with])
            elif mention.apposition is not None and mention.type == "relative" and mention.offset \
                    and mention.offset[1] == "year" and mention.anchor == "previous" and not mention.hedged \
                    and dates[mention.apposition].granularity == "year":
                yield from self._years_later(doc, i, mention, dates[mention.apposition])
            elif mention.apposition is not None and mention.type == "relative" and mention.offset \
                    and mention.offset[1] in ("day", "week", "fortnight") and not mention.hedged:
                stated = dates[mention.apposition]
                if stated.day_of_year is None or stated.year_source == "published" and mention.anchor == "published":
                    continue
                if mention.anchor == "previous":
                    yield from self._relative(doc, i, mention, stated, restated)
                elif mention.anchor == "event" and mention.event_at is not None:
                    if event_index is None:
                        event_index = _index_events(dates, doc.events)
                    yield from self._around_event(doc, mention, stated, *event_index)

    def _range(self, start: DateMention, end: DateMention) -> Iterator[Issue]:
        if start.day_of_year is None or end.day_of_year is None:
            return
        days = (end.day_of_year - start.day_of_year).days
        if days < 0:
            yield Issue(start.start, end.end,
                        f"The range '{start.text} … {end.text}' ends before it starts: "
                        f"{_long(end.day_of_year, False)} comes {-days} day{'s' if days < -1 else ''} "
                        f"before {_long(start.day_of_year, False)}.")
            return

    def _length(self, doc: Document, length) -> Iterator[Issue]:
        """A length the sentence states for the interval between two of its dates."""
        first, last = doc.dates[length.first], doc.dates[length.last]
        days = (last.day_of_year - first.day_of_year).days
        if days < 0:
            return
        amount, unit = length.amount, length.unit
        spans = (days, days + 1)  # counted with or without the first day
        if unit == "day" and amount not in spans:
            actual = f"{days} days ({days + 1} counting both ends)"
        elif unit in ("week", "fortnight") and all(abs(amount * (7 if unit == "week" else 14) - d) > 3 for d in spans):
            actual = f"{days} days, about {days / 7:.1f} weeks".replace(".0 weeks", " weeks")
        elif unit == "month" and all(abs(amount * 30.4 - d) > 10 for d in spans):
            actual = f"{days} days, about {days / 30.4:.1f} months".replace(".0 months", " months")
        else:
            return
        yield Issue(length.start, length.end,
                    f"'{length.text}' does not fit {_quote(first)} to {_quote(last)}: "
                    f"{_long(first.day_of_year, False)} to {_long(last.day_of_year, False)} is {actual}.",
                    related=(Related(first.start, first.end, f"from {first.text}"),
                             Related(last.start, last.end, f"to {last.text}")))

    def _relative(self, doc: Document, here: int, mention: DateMention, stated: DateMention,
                  restated: set[int]) -> Iterator[Issue]:
        """Fire only when none of the last few dates before it gives the stated day: the writer may count
        from any of them, and an editor agrees only when the arithmetic fails for every one."""
        if mention.anchor_index is None or stated.day_of_year is None:
            return
        amount, unit = mention.offset
        days = amount * {"day": 1, "week": 7, "fortnight": 14}[unit]
        dates = doc.dates
        candidates = _last_dates(dates, here - 1, lambda j, d: (d.type == "date" or _resolved_weekday(d)) and
                                 d.granularity == "day" and d.day_of_year and j not in restated)
        candidates += [dates[i] for e in doc.events if e.lead for i in e.dates
                       if dates[i].start < mention.start and dates[i].day_of_year]
        for candidate in candidates:
            if candidate.year and stated.year and stated.year_source == candidate.year_source == "explicit" \
                    and candidate.year != stated.year:
                continue
            expected = candidate.day_of_year + dt.timedelta(days=days)
            if expected.timetuple()[1:3] == stated.day_of_year.timetuple()[1:3]:
                return
        anchor = dates[mention.anchor_index]
        if anchor.year and stated.year and anchor.year != stated.year:
            return
        base = anchor.day_of_year
        expected = base + dt.timedelta(days=days)
        yield Issue(stated.start, stated.end,
                    f"'{mention.text}, {stated.text}' does not add up: {abs(days)} day{'s' if abs(days) != 1 else ''} "
                    f"{'after' if days > 0 else 'before'} {_long(base, False)} ({_quote(anchor)}) is "
                    f"{_long(expected, False)}, not {_long(stated.day_of_year, False)}.",
                    related=(Related(anchor.start, anchor.end, f"the date counted from: {anchor.text}"),),
                    suggestion=_restyle(stated, expected))

    def _years_later(self, doc: Document, index: int, mention: DateMention, stated: DateMention) -> Iterator[Issue]:
        """ "in 2003 ... ten years later, in 2015": silent when any of the last few years before it fits."""
        years = _last_dates(doc.dates, index - 1, lambda j, d: d.type == "date" and d.year_source == "explicit"
                            and d.year and d.granularity in ("day", "month", "year"))
        if not years or stated.year_source != "explicit":
            return
        amount = mention.offset[0]
        if any(d.year + amount == stated.year for d in years):
            return
        anchor = years[0]
        yield Issue(stated.start, stated.end,
                    f"'{mention.text}, {stated.text}' does not add up: {abs(amount)} year{'s' if abs(amount) != 1 else ''} "
                    f"{'after' if amount > 0 else 'before'} {anchor.year} ({_quote(anchor)}) is {anchor.year + amount}, "
                    f"not {stated.year}.",
                    related=(Related(anchor.start, anchor.end, f"the year counted from: {anchor.text}"),),
                    suggestion=str(anchor.year + amount) if stated.text == str(stated.year) else None)

    def _around_event(self, doc: Document, mention: DateMention, stated: DateMention, starts: list[int],
                      by_event: dict[int, tuple[list, dict, set]]) -> Iterator[Issue]:
        events = doc.events
        event_date, name = _attributive_date(doc, mention.event_at)
        if event_date is None:
            first = bisect.bisect_left(starts, mention.event_at)
            target = events[first] if first < len(events) and events[first].start < mention.event_at + 60 else None
            if target is None:
                return
            event_dates, day_counts, members = by_event[target.event]
            counts = dict(day_counts)
            if id(stated) in members:
                counts[stated.day_of_year] -= 1
            if sum(1 for n in counts.values() if n > 0) != 1:
                return
            event_date = next(d for d in event_dates if d is not stated)
            name = target.text
        amount, unit = mention.offset
        shift = amount * {"day": 1, "week": 7, "fortnight": 14}[unit]
        expected = event_date.day_of_year + dt.timedelta(days=shift)
        weekday_only = stated.month is None or stated.text in WEEKDAY_NAMES
        if weekday_only and expected.weekday() == stated.weekday or \
                not weekday_only and expected.timetuple()[1:3] == stated.day_of_year.timetuple()[1:3]:
            return
        if mention.text.lower().endswith("eve"):
            said = f"The eve of the {name} ({_long(event_date.day_of_year, False)}, {_quote(event_date)}) is"
        else:
            said = (f"{mention.text[0].upper()}{mention.text[1:]} the {name} "
                    f"({_long(event_date.day_of_year, False)}, {_quote(event_date)}) is")
        if weekday_only:
            said_stated = f"{WEEKDAY_NAMES[expected.weekday()]} {_long(expected, False)}, not a {stated.text}"
        else:
            said_stated = f"{_long(expected, False)}, not {_long(stated.day_of_year, False)}"
        yield Issue(stated.start, stated.end, f"{said} {said_stated}.",
                    related=(Related(event_date.start, event_date.end, f"the {name} is dated here"),),
                    suggestion=None if weekday_only else _restyle(stated, expected))


def _attributive_date(doc: Document, at: int) -> tuple[DateMention | None, str]:
    """A day date written inside the noun phrase at ``at`` ("ten days before the 4 May flower show"), with the
    phrase's words after it, or (None, "")."""
    text = doc.text
    for d in doc.dates:
        if d.start > at + 12:
            break
        if d.start >= at and d.granularity == "day" and d.day_of_year and d.type == "date" \
                and re.fullmatch(r"(?:the|its|their|this)?\s*", text[at:d.start]):
            words = re.match(r"\s*((?:[\w'’-]+\s?){1,3})", text[d.end:d.end + 40])
            return (d, words.group(1).strip()) if words else (None, "")
    return None, ""
