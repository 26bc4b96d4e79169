"""Date errors (D101–D106), planted on the article's own dates and events."""

from __future__ import annotations

import collections
import datetime as dt
import re

from . import dating
from .core import Article, Draft, kind
from .dating import WEEKDAYS, DateMention, find_dates, slip, write
from .entities import capitalise, people

# Event nouns: what a dated news mention is about. Used only to find material in the article.
EVENT_NOUNS = (
    "referendum|election|vote|ballot|summit|meeting|talks|conference|hearing|debate|speech|visit|"
    "trial|ceremony|launch|strike|walkout|protest|rally|auction|merger|takeover|deal|agreement|"
    "accord|treaty|signing|final|match|race|festival|premiere|concert|budget|inauguration|funeral|"
    "attack|bombing|crash|shooting|explosion|primary|caucus|convention|congress|session|testimony|"
    "ruling|verdict|announcement|opening|closure|deadline|raid|arrest|resignation|showdown|address|"
    "briefing|decision|poll|tournament|fixture|derby|sitting|plenary|parade|interview|sentencing")
# A verb that tells an event, and the noun a later sentence would call it by.
EVENT_VERBS = {
    "voted": "vote", "met": "meeting", "signed": "signing", "announced": "announcement",
    "resigned": "resignation", "launched": "launch", "visited": "visit", "testified": "testimony",
    "ruled": "ruling", "debated": "debate", "held talks": "talks", "addressed": "address",
    "was elected": "election", "were elected": "election", "was arrested": "arrest",
    "were arrested": "arrest", "was sentenced": "sentencing", "was inaugurated": "inauguration",
    "went to the polls": "election", "go to the polls": "election", "held a referendum": "referendum",
    "crashed": "crash", "exploded": "explosion", "struck down": "ruling", "protested": "protest",
    "will vote": "vote", "will meet": "meeting", "will sign": "signing", "will announce": "announcement",
    "will visit": "visit", "will testify": "testimony", "will rule": "ruling", "will debate": "debate",
    "will hold talks": "talks", "will address": "address"}
_DETERMINER = r"(?:the|a|an|its|his|her|their|this|that)"
_MODIFIER = r"(?:(?:[A-Z][\w.&'-]*|[a-z]+-[a-z]+|general|national|local|presidential|parliamentary|snap|key|crucial|annual|special|emergency|informal|formal|historic|televised|public|party)\s){0,3}"
_WEEKDAY_ONLY = rf"(?P<weekday>{dating._WEEKDAY})(?!,?\s(?:\d|the\s\d|{dating._MONTH}))(?!'s)"
_EVENT_BEFORE = re.compile(
    rf"\b(?P<det>{_DETERMINER})\s(?P<mods>{_MODIFIER})(?P<noun>{EVENT_NOUNS})\b"
    rf"(?:\s(?:was|is|will\sbe|had\sbeen|has\sbeen|would\sbe))?(?:\s(?:held|scheduled|set|due|planned|called|slated|fixed))?"
    rf"\s(?:on|for|last|this)\s(?=(?:{dating._WEEKDAY},?\s)?(?:the\s)?\d|(?:{dating._WEEKDAY},?\s)?{dating._MONTH}\s\d|{dating._WEEKDAY}\b)")
_WEEKDAY_POSSESSIVE = re.compile(rf"\b(?:last\s|this\s)?(?P<weekday>{dating._WEEKDAY})'s\s(?P<mods>{_MODIFIER})(?P<noun>{EVENT_NOUNS})\b")
_EVENT_VERB = re.compile(
    rf"\b(?P<verb>{'|'.join(sorted(map(re.escape, EVENT_VERBS), key=len, reverse=True))})\b"
    rf"(?P<between>[^.;:\"“”]{{0,50}}?)\s(?:on|last)\s(?=(?:{dating._WEEKDAY},?\s)?{dating._MONTH}\s\d|(?:{dating._WEEKDAY},?\s)?(?:the\s)?\d{{1,2}}\s{dating._MONTH}|{dating._WEEKDAY}\b)")

# Nouns that name the same event: "the referendum" ... "the vote".
SAME_EVENT = {"referendum": ("vote", "ballot", "poll"), "election": ("vote", "poll", "ballot")}
_GENERIC = {"deal", "agreement", "decision", "announcement", "final", "deadline", "address", "session", "race", "poll"}


class DatedEvent:
    """An event the article dates once: by a full date ("the EU referendum on June 23", "Britain
    voted on 23 June") or by a weekday alone ("the vote on Tuesday", "Tuesday's vote")."""

    def __init__(self, article: Article, noun: str, mods: str, span: tuple[int, int],
                 date: DateMention | None = None, weekday: int | None = None, verb: str | None = None):
        self.article, self.noun, self.mods, self.span = article, noun, mods.strip(), span
        self.date, self.weekday, self.verb = date, weekday, verb

    @property
    def phrase(self) -> str:
        return f"the {self.mods + ' ' if self.mods else ''}{self.noun}"

    @property
    def written(self) -> str:
        return self.article.text[self.span[0]:self.span[1]]

    @property
    def future(self) -> bool:
        """Told as still to come (by the publication date, else by the clause's verb)."""
        if self.date and self.date.value and self.article.published:
            return self.date.value > self.article.published
        sentence = self.article.sentence_at(self.span[0])
        clause = self.article.text[sentence.start:self.span[0]]
        return bool(re.search(r"\b(?:will|is\s(?:due|set|scheduled|expected)|are\s(?:due|set|scheduled|expected)|to\sbe)\b", clause))


def _nominal(d: DateMention) -> dt.date | None:
    """The date's value, or the day and month in a leap year when the year is unknown."""
    return d.value or dating.valid(d.year or 2000, d.month, d.day)


def dated_events(article: Article) -> list[DatedEvent]:
    """Events dated exactly once, whose noun the article uses for no other, differently modified
    event ("the Scottish referendum", "the 1975 referendum", "a second vote")."""
    cached = getattr(article, "_dated_events", None)
    if cached is not None:
        return cached
    text = article.text
    dates = find_dates(text, article.published)
    by_start = {d.start: d for d in dates}
    out = []

    def add(noun, mods, at, verb=None):
        date = by_start.get(at)
        if date is not None:
            if date.weekday is not None and date.start == at:
                pass
            out.append(DatedEvent(article, noun, mods, (date.start, date.end), date=date, verb=verb))
            return
        w = re.match(_WEEKDAY_ONLY, text[at:at + 40])
        if w:
            out.append(DatedEvent(article, noun, mods, (at, at + w.end()), weekday=WEEKDAYS.index(w.group("weekday")), verb=verb))

    for m in _EVENT_BEFORE.finditer(text):
        if re.search(r"\b(?:on|over|about|against|for|of|into|with|to|toward|towards|ahead\sof|before)\s$", text[max(0, m.start() - 12):m.start()]):
            continue          # "vote on the ruling on Tuesday": the date may belong to the verb
        add(m.group("noun"), m.group("mods"), m.end())
    for m in _WEEKDAY_POSSESSIVE.finditer(text):
        out.append(DatedEvent(article, m.group("noun"), m.group("mods"), m.span("weekday"),
                              weekday=WEEKDAYS.index(m.group("weekday"))))
    for d in dates:
        after = re.match(rf"\s(?P<mods>{_MODIFIER})(?P<noun>{EVENT_NOUNS})\b", text[d.end:d.end + 60])
        if after and text[max(0, d.start - 4):d.start] in ("the ", "The ", " an ", "its ") and d.weekday is None:
            out.append(DatedEvent(article, after.group("noun"), after.group("mods"), (d.start, d.end), date=d))
    for m in _EVENT_VERB.finditer(text):
        if re.search(r"\b(?:not|never)\b", m.group("between")):
            continue
        add(EVENT_VERBS[m.group("verb")], "", m.end(), verb=m.group("verb"))
    kept, seen = [], set()
    for e in sorted(out, key=lambda e: e.span):
        if e.span in seen or e.noun in _GENERIC and not e.mods:
            continue
        seen.add(e.span)
        if _only_dating(article, e, dates):
            kept.append(e)
    # an event noun dated twice in two places is not "dated once"
    nouns = collections.Counter(e.noun for e in kept)
    kept = [e for e in kept if nouns[e.noun] == 1]
    article._dated_events = kept
    return kept


def _only_dating(article: Article, event: DatedEvent, dates: list[DateMention]) -> bool:
    text = article.text
    nouns = [event.noun] + list(SAME_EVENT.get(event.noun, ()))
    for noun in nouns:
        for m in re.finditer(rf"\b(\w+(?:'s)?)\s((?:[\w.'-]+\s){{0,2}}){noun}s?\b", text):
            words = (m.group(1) + " " + m.group(2)).lower().split()
            if any(w in ("second", "first", "previous", "next", "last", "another", "earlier", "later",
                         "new", "third", "other", "future", "both", "two", "many", "several", "these",
                         "those", "every", "each", "fresh", "repeat", "rerun") for w in words):
                return False
            if re.search(r"\b(?:19|20)\d\d\b", m.group(2)):
                return False          # "the 1975 referendum" beside "the June 5 referendum"
        if re.search(rf"\b{noun}s\b", text) and noun != "talks":
            return False              # several of them
    # no other date, weekday or year in the sentences that mention the noun
    for sent in article.sentences:
        body = text[sent.start:sent.end]
        if not re.search(rf"\b{event.noun}\b", body):
            continue
        for d in dates:
            if sent.start <= d.start < sent.end and (d.start, d.end) != event.span:
                if event.date is None or (d.day, d.month) != (event.date.day, event.date.month):
                    return False
        for w in re.finditer(dating._WEEKDAY, body):
            at = sent.start + w.start()
            if not event.span[0] <= at < event.span[1] and not any(d.start <= at < d.end for d in dates):
                return False
        if re.search(r"\b(?:19|20)\d\d\b", body) and not (event.date and event.date.year):
            return False
    return True


def later_mentions(event: DatedEvent, nouns: tuple[str, ...] | None = None):
    """Bare later mentions "the <noun>" (with the event's own modifiers, or none) in sentences after
    the dated one, not already beside a date, a weekday or a year."""
    text = event.article.text
    dated_sentence = event.article.sentence_at(event.span[0])
    nouns = nouns or (event.noun,)
    for noun in nouns:
        mods = rf"(?:{re.escape(event.mods)}\s)?" if event.mods else ""
        for m in re.finditer(rf"\bthe\s(?P<mods>{mods})(?P<noun>{noun})\b(?!-|'|’|\s(?:of|to|for|by|on|in\s\d)\b)", text):
            if m.start() < dated_sentence.end:
                continue
            around = text[max(0, m.start() - 40):m.end() + 40]
            if find_dates(around, None) or re.search(dating._WEEKDAY, around) or re.search(r"\b(?:19|20)\d\d\b", around):
                continue
            yield m


def _second_date(event: DatedEvent, rng, render) -> tuple[str, str] | None:
    """The second mention's date text and how it differs, from `render(new_date)` for a full date
    or the neighbouring weekday for a weekday."""
    if event.date is not None:
        base = _nominal(event.date)
        if base is None:
            return None
        new, how = slip(base, rng)
        text = render(new)
        if text and event.date.year and re.search(dating._MONTH, text) and not re.search(r"\d{4}", text):
            text += f", {new.year}" if re.search(rf"{dating._MONTH}\s\d", text) else f" {new.year}"
        return (text, how) if text else None
    return None


def _other_weekday(weekday: int, rng) -> int:
    return rng.choice([(weekday + 1) % 7, (weekday - 1) % 7, (weekday + 1) % 7])


def _why_conflict(event: DatedEvent, second: str, how: str) -> str:
    return (f"{capitalise(event.phrase)} is dated '{event.written}' and later '{second}' ({how}); "
            f"the article describes one event, so one of the two dates is wrong.")


_ECHO_PAST = ("Much was said about {x} afterwards.", "Observers followed {x} closely.",
              "Attention remained on {x}.", "Questions about {x} remain.", "{X} was widely covered.",
              "Reactions to {x} kept coming.")
_ECHO_FUTURE = ("Attention is now on {x}.", "Much depends on {x}.", "Preparations for {x} continue.",
                "Observers will follow {x} closely.", "All eyes are on {x}.")


def _second_mentions(article: Article, rng, render, nouns=None):
    """A second, dated mention of each dated event. `render(event, bare)` gives, for the bare
    phrase "the referendum", (the new phrase, how its date differs, the edit inside the phrase as
    (offset, length, text))). A later bare mention in the article is edited when there is one;
    otherwise a short sentence naming the event that way is added to a later paragraph."""
    for event in dated_events(article):
        mentions = list(later_mentions(event, SAME_EVENT.get(event.noun) if nouns == "synonyms" else None))
        if nouns == "synonyms" and not mentions:
            continue
        if mentions:
            m = rng.choice(mentions)
            got = render(event, m.group(0))
            if got is None:
                continue
            phrase, how, (offset, length, text) = got
            draft = Draft(article)
            index = draft.replace(m.start() + offset, m.start() + offset + length, text)
            spans = [event.span, index] + ([(m.start(), m.end())] if nouns == "synonyms" else [])
            yield draft.plant(_why_conflict(event, phrase, how), spans)
            continue
        para = article.para_at(event.span[0])
        later = [p for p in article.body if p.index > para.index and article.text[p.end - 1] in ".\"'”"]
        if not later:
            continue
        target = rng.choice(later)
        got = render(event, event.phrase)
        if got is None:
            continue
        phrase, how, _ = got
        template = rng.choice(_ECHO_FUTURE if event.future else _ECHO_PAST)
        sentence = template.format(x=phrase, X=capitalise(phrase))
        draft = Draft(article)
        index = draft.insert(target.end, " " + sentence)
        yield draft.plant(_why_conflict(event, phrase, how), [event.span, index])


def _insert_after_the(bare: str, text: str):
    """('the June 24 referendum', edit) for bare 'the referendum' and text 'June 24 '."""
    return bare[:4] + text + bare[4:], (4, 0, text)


def _append(bare: str, text: str):
    return bare + text, (len(bare), 0, text)


@kind("D101")
def later_mention_attributive(article: Article, rng):
    """A second mention with the date before the noun: 'the June 24 referendum' (dated June 23), or 'the Wednesday vote' (dated Tuesday)."""
    def render(event, bare):
        if event.date is not None:
            got = _second_date(event, rng, lambda d: write(d, "us"))
            if got is None:
                return None
            phrase, edit = _insert_after_the(bare, f"{got[0]} ")
            return phrase, got[1], edit
        other = WEEKDAYS[_other_weekday(event.weekday, rng)]
        phrase, edit = _insert_after_the(bare, f"{other} ")
        return phrase, "another weekday", edit
    yield from _second_mentions(article, rng, render)


def _on_date(rng, form, weekday_too: bool = False):
    """A render for `_second_mentions` that appends ' on <date>', the slipped date written by
    `form(event, date)` (None when the form does not fit), or another weekday for a weekday event."""
    def render(event, bare):
        if event.date is None:
            if not weekday_too:
                return None
            phrase, edit = _append(bare, f" on {WEEKDAYS[_other_weekday(event.weekday, rng)]}")
            return phrase, "another weekday", edit
        got = _second_date(event, rng, lambda d: form(event, d))
        if got is None:
            return None
        phrase, edit = _append(bare, f" on {got[0]}")
        return phrase, got[1], edit
    return render


@kind("D101")
def later_mention_other_order(article: Article, rng):
    """A second mention with the date in the other order: 'the summit on 7 May' after 'May 6'."""
    yield from _second_mentions(article, rng, _on_date(rng, lambda e, d: write(d, "uk" if e.date.style == "us" else "us")))


@kind("D101")
def later_mention_abbreviated(article: Article, rng):
    """A second mention with an AP month abbreviation: 'the hearing on Sept. 13' after 'September 12'."""
    yield from _second_mentions(article, rng, _on_date(
        rng, lambda e, d: write(d, "us", abbreviated=True) if d.month in dating.AP_ABBREVIATIONS else None))


@kind("D101")
def later_mention_ordinal_day(article: Article, rng):
    """A second mention by the day alone: 'the vote on the 24th' when the vote was dated June 23."""
    yield from _second_mentions(article, rng, _on_date(
        rng, lambda e, d: f"the {dating.ordinal(d.day)}" if d.month == e.date.month else None))


@kind("D101")
def later_mention_weekday(article: Article, rng):
    """A second mention by a weekday: 'Friday's debate' when the debate was dated Thursday (by weekday, or by a date of a known year)."""
    def render(event, bare):
        if event.date is not None:
            if event.date.value is None:
                return None
            new, _ = slip(event.date.value, rng)
            if new.weekday() == event.date.value.weekday():
                return None
            how = f"{event.written} was a {WEEKDAYS[event.date.value.weekday()]}"
            other = WEEKDAYS[new.weekday()]
        else:
            other, how = WEEKDAYS[_other_weekday(event.weekday, rng)], "another weekday"
        return f"{other}'s{bare[3:]}", how, (0, 3, f"{other}'s")
    yield from _second_mentions(article, rng, render)


@kind("D101")
def later_mention_synonym(article: Article, rng):
    """The event dated under one noun and again under another: 'the referendum on 23 June' ... 'the vote on 24 June'."""
    yield from _second_mentions(article, rng, _on_date(rng, lambda e, d: write(d, e.date.style), weekday_too=True),
                                nouns="synonyms")


@kind("D101")
def restated_in_new_sentence(article: Article, rng):
    """A sentence added after the dated one restates the event with another date: '... voted on 23 June.' + 'The vote took place on 22 June.'."""
    past = ("{NP} came on {d}.", "{NP} was on {d}.", "It was on {d} that {np} came.", "{NP} fell on {d}.")
    future = ("{NP} is due on {d}.", "{NP} is set for {d}.", "{NP} falls on {d}.", "{NP} comes on {d}.")
    for event in dated_events(article):
        if event.date is not None:
            got = _second_date(event, rng, lambda d: write(d, event.date.style))
        else:
            got = (WEEKDAYS[_other_weekday(event.weekday, rng)], "another weekday")
        if got is None:
            continue
        sentence = article.sentence_at(event.span[0])
        if article.text[sentence.end - 1] != ".":
            continue
        template = rng.choice(future if event.future else past)
        text = template.format(NP=capitalise(event.phrase), np=event.phrase, d=got[0])
        draft = Draft(article)
        index = draft.insert(sentence.end, " " + text)
        yield draft.plant(_why_conflict(event, got[0], got[1]), [event.span, index])


@kind("D101")
def repeated_date_changed(article: Article, rng):
    """The article dates an event twice ('the budget on 16 March' ... 'the 16 March budget'): one mention becomes '17 March'."""
    text = article.text
    dates = find_dates(text, article.published)
    for first, second in zip(dates, dates[1:]):
        pass
    for i, first in enumerate(dates):
        for second in dates[i + 1:]:
            if (second.day, second.month) != (first.day, first.month) or first.year and second.year and first.year != second.year:
                continue
            nouns_first = set(re.findall(rf"\b(?:{EVENT_NOUNS})\b", text[article.sentence_at(first.start).start:article.sentence_at(first.start).end]))
            nouns_second = set(re.findall(rf"\b(?:{EVENT_NOUNS})\b", text[article.sentence_at(second.start).start:article.sentence_at(second.start).end]))
            shared = (nouns_first & nouns_second) - _GENERIC
            if not shared or sum(1 for d in dates if (d.day, d.month) == (first.day, first.month)) != 2:
                continue
            target = rng.choice((first, second))
            new, how = slip(_nominal(target), rng)
            draft = Draft(article)
            if new.month == target.month:
                draft.replace(*target.day_span, str(new.day))
            elif new.day == target.day:
                draft.replace(*target.month_span, dating.month_name(new.month, text[target.month_span[1] - 1] == "."))
            else:
                continue
            noun = sorted(shared)[0]
            why = (f"The {noun} is dated '{text[first.start:first.end]}' in one place and "
                   f"'{write(new, target.style)}' in the other ({how}); the article means one date.")
            yield draft.plant(why, [first.text_span, second.text_span])


@kind("D101")
def caption_with_date(article: Article, rng):
    """A photo caption under the paragraph: 'Campaigners at the rally on 12 April.' for a rally dated 11 April."""
    templates = ("Pictured: {np} on {date}.", "File photo: {np}, {date}.", "{Date}: {np}.",
                 "Scenes from {np} on {date}.", "Photograph taken at {np}, {date}.")
    for event in dated_events(article):
        if event.date is None:
            continue
        para = article.para_at(event.span[0])
        if para.index == len(article.paras) - 1:
            continue
        got = _second_date(event, rng, lambda d: write(d, event.date.style))
        if got is None:
            continue
        caption = rng.choice(templates).format(np=event.phrase, date=got[0], Date=got[0])
        draft = Draft(article)
        index = draft.insert(para.end, "\n\n" + capitalise(caption))
        why = _why_conflict(event, got[0], got[1]) + " (The second date is in a caption.)"
        yield draft.plant(why, [event.span, index])


# --- D102 weekday-mismatch -------------------------------------------------------------------

def _sure_dates(article: Article) -> list[DateMention]:
    """Dates whose year is written or safely taken from the publication date, and that are
    mentioned only once (so changing one leaves no other mention to conflict with)."""
    dates = find_dates(article.text, article.published)
    seen: dict[tuple[int, int], int] = {}
    for d in dates:
        seen[(d.day, d.month)] = seen.get((d.day, d.month), 0) + 1
    return [d for d in dates if d.value and seen[(d.day, d.month)] == 1]


def _wrong_weekday(d: dt.date, rng) -> int:
    """A weekday the date does not fall on: often the neighbouring one."""
    right = d.weekday()
    options = [(right + 1) % 7, (right - 1) % 7, rng.choice([w for w in range(7) if w != right])]
    return rng.choice(options)


def _weekday_why(new_text: str, d: dt.date) -> str:
    return f"'{new_text}': {d.strftime('%d %B %Y').lstrip('0')} is a {WEEKDAYS[d.weekday()]}."


@kind("D102")
def weekday_changed(article: Article, rng):
    """A written weekday is changed: 'Thursday, June 23' becomes 'Wednesday, June 23' (2016: a Thursday)."""
    for d in _sure_dates(article):
        if d.weekday is None or d.weekday != d.value.weekday():
            continue
        wrong = _wrong_weekday(d.value, rng)
        draft = Draft(article)
        draft.replace(*d.weekday_span, WEEKDAYS[wrong])
        new_text = WEEKDAYS[wrong] + article.text[d.weekday_span[1]:d.end]
        yield draft.plant(_weekday_why(new_text, d.value), [d.text_span])


@kind("D102")
def day_changed_beside_weekday(article: Article, rng):
    """The day beside a weekday is changed: 'Sunday, 12 December 2004' becomes 'Sunday, 13 December 2004'."""
    for d in _sure_dates(article):
        if d.weekday is None or d.weekday != d.value.weekday():
            continue
        new, how = slip(d.value, rng)
        if new.month != d.month or new.weekday() == d.weekday:
            continue
        draft = Draft(article)
        draft.replace(*d.day_span, str(new.day))
        new_text = article.text[d.start:d.day_span[0]] + str(new.day) + article.text[d.day_span[1]:d.end]
        yield draft.plant(_weekday_why(new_text, new), [d.text_span])


def _add_weekday(article, rng, style_filter, render):
    for d in _sure_dates(article):
        if d.weekday is not None or (style_filter and d.style != style_filter):
            continue
        if article.text[max(0, d.start - 1):d.start] == "(" or d.ordinal and d.style == "us":
            continue
        wrong = _wrong_weekday(d.value, rng)
        written = article.text[d.start:d.end]
        new_text = render(WEEKDAYS[wrong], written, d)
        if new_text is None:
            continue
        draft = Draft(article)
        draft.replace(d.start, d.end, new_text)
        yield draft.plant(_weekday_why(new_text, d.value), [(d.start, d.end)])


@kind("D102")
def weekday_added_us(article: Article, rng):
    """A weekday is added before a US-order date: 'on March 29' becomes 'on Tuesday, March 29' (2017: a Wednesday)."""
    yield from _add_weekday(article, rng, "us", lambda w, written, d: f"{w}, {written}")


@kind("D102")
def weekday_added_uk(article: Article, rng):
    """A weekday is added before a UK-order date without a comma: '8 June' becomes 'Friday 8 June' (2017: a Thursday)."""
    yield from _add_weekday(article, rng, "uk", lambda w, written, d: None if written.startswith("the ") else f"{w} {written}")


@kind("D102")
def weekday_in_apposition(article: Article, rng):
    """A weekday follows the date: 'on October 31' becomes 'on October 31, a Friday,' (2019: a Thursday)."""
    def render(w, written, d):
        after = article.text[d.end:d.end + 1]
        if after not in (" ", ",", "."):
            return None
        return f"{written}, a {w}" + ("," if after == " " else "")
    yield from _add_weekday(article, rng, None, render)


@kind("D102")
def weekday_in_brackets(article: Article, rng):
    """A weekday in brackets after the date: 'on 4 November' becomes 'on 4 November (Wednesday)' (2004: a Thursday)."""
    yield from _add_weekday(article, rng, None, lambda w, written, d: f"{written} ({w})")


@kind("D102")
def relative_weekday_with_date(article: Article, rng):
    """'last'/'next' and a wrong weekday before the date: 'on June 19' becomes 'last Friday, June 19' (2016: a Sunday)."""
    if article.published is None:
        return
    for d in _sure_dates(article):
        if d.weekday is not None or d.ordinal or not 1 <= abs((d.value - article.published).days) <= 6:
            continue
        if article.text[max(0, d.start - 3):d.start] != "on ":
            continue
        wrong = _wrong_weekday(d.value, rng)
        word = "last" if d.value < article.published else "next"
        sep = ", " if d.style == "us" else " "
        new_text = f"{word} {WEEKDAYS[wrong]}{sep}{article.text[d.start:d.end]}"
        draft = Draft(article)
        draft.replace(d.start - 3, d.end, new_text)
        yield draft.plant(_weekday_why(new_text, d.value), [(d.start - 3, d.end)])


@kind("D102")
def weekday_with_year(article: Article, rng):
    """A weekday added to a date that states its year: 'May 7, 2015' becomes 'Friday, May 7, 2015' (a Thursday)."""
    def render(w, written, d):
        if d.year is None:
            return None
        return f"{w}, {written}" if d.style == "us" else f"{w} {written}"
    yield from _add_weekday(article, rng, None, render)


# --- D103 impossible-date --------------------------------------------------------------------

_THIRTY = (4, 6, 9, 11)


def _impossible(article, rng, want):
    """Dates that `want(mention)` turns into (new text of the mention, why)."""
    dates = find_dates(article.text, article.published)
    for d in dates:
        result = want(d)
        if result is None:
            continue
        span, new, why = result
        draft = Draft(article)
        draft.replace(*span, new)
        yield draft.plant(why, [d.text_span])


@kind("D103")
def thirty_first_us(article: Article, rng):
    """The day of a US-order date in a 30-day month becomes 31: 'June 23' becomes 'June 31'."""
    def want(d):
        if d.style != "us" or d.month not in _THIRTY or d.ordinal or article.text[d.month_span[1] - 1] == ".":
            return None
        return d.day_span, "31", f"'{dating.MONTHS[d.month - 1]} 31' does not exist: {dating.MONTHS[d.month - 1]} has 30 days."
    yield from _impossible(article, rng, want)


@kind("D103")
def thirty_first_uk(article: Article, rng):
    """The day of a UK-order date in a 30-day month becomes 31: '4 November' becomes '31 November'."""
    def want(d):
        if d.style != "uk" or d.month not in _THIRTY or d.ordinal:
            return None
        return d.day_span, "31", f"'31 {dating.MONTHS[d.month - 1]}' does not exist: {dating.MONTHS[d.month - 1]} has 30 days."
    yield from _impossible(article, rng, want)


@kind("D103")
def month_slips_to_shorter(article: Article, rng):
    """A 31st slips to a neighbouring 30-day month: 'May 31' becomes 'June 31', '31 March' becomes '31 April'."""
    def want(d):
        months = [m for m in (d.month - 1, d.month + 1) if m in _THIRTY]
        if d.day != 31 or not months:
            return None
        m = rng.choice(months)
        return d.month_span, dating.MONTHS[m - 1], f"The 31st of {dating.MONTHS[m - 1]} does not exist."
    yield from _impossible(article, rng, want)


@kind("D103")
def february_thirtieth(article: Article, rng):
    """A February date gets a day past the month's end: 'February 12' becomes 'February 30'."""
    def want(d):
        if d.month != 2 or d.ordinal:
            return None
        day = rng.choice((30, 31))
        return d.day_span, str(day), f"February never has {day} days."
    yield from _impossible(article, rng, want)


@kind("D103")
def february_in_common_year(article: Article, rng):
    """A February date with a known common year becomes the 29th: 'February 21, 2017' becomes 'February 29, 2017'."""
    def want(d):
        year = d.year or (d.value.year if d.value else None)
        if d.month != 2 or year is None or year % 4 == 0 or d.ordinal or d.day == 29:
            return None
        return d.day_span, "29", f"{year} is not a leap year, so '29 February {year}' does not exist."
    yield from _impossible(article, rng, want)


@kind("D103")
def ordinal_impossible(article: Article, rng):
    """An ordinal date in a 30-day month: 'on 9 June' becomes 'on the 31st of June'; 'April 3' becomes 'April 31st'."""
    def want(d):
        if d.month not in _THIRTY or d.weekday is not None:
            return None
        month = dating.MONTHS[d.month - 1]
        written = article.text[d.start:d.end]
        year = written[written.index(str(d.year)) - 1:] if d.year else ""
        if d.style == "uk":
            new = f"the 31st of {month}" + (("," if year.startswith(",") else "") + f" {d.year}" if d.year else "")
        else:
            new = f"{month} 31st" + (f", {d.year}" if d.year else "")
        if article.text[max(0, d.start - 4):d.start] == "the " and new.startswith("the "):
            new = new[4:]
        return (d.start, d.end), new, f"'{new}' does not exist: {month} has 30 days."
    yield from _impossible(article, rng, want)


@kind("D103")
def abbreviated_month_impossible(article: Article, rng):
    """An impossible day with an AP month abbreviation: 'September 12' becomes 'Sept. 31', 'Nov. 3' becomes 'Nov. 31'."""
    def want(d):
        if d.style != "us" or d.month not in (9, 11) or d.ordinal:
            return None
        abbreviation = dating.AP_ABBREVIATIONS[d.month]
        return (d.month_span[0], d.day_span[1]), f"{abbreviation} 31", f"'{abbreviation} 31' does not exist: {dating.MONTHS[d.month - 1]} has 30 days."
    yield from _impossible(article, rng, want)


@kind("D103")
def with_weekday(article: Article, rng):
    """An impossible date written with a weekday: 'on April 12' becomes 'on Friday, April 31'."""
    def want(d):
        if d.month not in _THIRTY or d.ordinal or d.weekday is not None:
            return None
        weekday = rng.choice(WEEKDAYS[:5])
        month = dating.MONTHS[d.month - 1]
        new = f"{weekday}, {month} 31" if d.style == "us" else f"{weekday} 31 {month}"
        return (d.start, d.day_span[1] if d.style == "us" else d.month_span[1]), new, f"'{new}': {month} has 30 days."
    yield from _impossible(article, rng, want)


# --- D104 tense-mismatch ---------------------------------------------------------------------

# Past and participle forms of verbs for events in news copy, for turning a future clause into the
# past (will meet -> met) or back. The benchmark's own table, only used to rewrite the article.
VERBS = {
    "be": ("was", "been"), "meet": ("met", "met"), "hold": ("held", "held"), "go": ("went", "gone"),
    "leave": ("left", "left"), "vote": ("voted", "voted"), "sign": ("signed", "signed"),
    "announce": ("announced", "announced"), "publish": ("published", "published"),
    "release": ("released", "released"), "open": ("opened", "opened"), "close": ("closed", "closed"),
    "begin": ("began", "begun"), "start": ("started", "started"), "end": ("ended", "ended"),
    "visit": ("visited", "visited"), "travel": ("travelled", "travelled"), "speak": ("spoke", "spoken"),
    "present": ("presented", "presented"), "unveil": ("unveiled", "unveiled"), "launch": ("launched", "launched"),
    "take": ("took", "taken"), "make": ("made", "made"), "give": ("gave", "given"), "receive": ("received", "received"),
    "decide": ("decided", "decided"), "debate": ("debated", "debated"), "discuss": ("discussed", "discussed"),
    "report": ("reported", "reported"), "pay": ("paid", "paid"), "sit": ("sat", "sat"), "fall": ("fell", "fallen"),
    "rise": ("rose", "risen"), "return": ("returned", "returned"), "arrive": ("arrived", "arrived"),
    "host": ("hosted", "hosted"), "face": ("faced", "faced"), "hear": ("heard", "heard"), "rule": ("ruled", "ruled"),
    "elect": ("elected", "elected"), "choose": ("chose", "chosen"), "name": ("named", "named"),
    "testify": ("testified", "testified"), "appear": ("appeared", "appeared"), "expire": ("expired", "expired"),
    "become": ("became", "become"), "come": ("came", "come"), "run": ("ran", "run"), "win": ("won", "won"),
    "lose": ("lost", "lost"), "join": ("joined", "joined"), "deliver": ("delivered", "delivered"),
    "set": ("set", "set"), "put": ("put", "put"), "send": ("sent", "sent"), "submit": ("submitted", "submitted"),
    "trigger": ("triggered", "triggered"), "allow": ("allowed", "allowed"), "block": ("blocked", "blocked"),
    "introduce": ("introduced", "introduced"), "approve": ("approved", "approved"), "reject": ("rejected", "rejected"),
    "resign": ("resigned", "resigned"), "stand": ("stood", "stood"), "seek": ("sought", "sought"),
    "hold talks": ("held talks", "held talks"), "attend": ("attended", "attended"), "address": ("addressed", "addressed"),
}
PAST_TO_BASE = {past: base for base, (past, _) in VERBS.items()}
PARTICIPLES = {participle for _, participle in VERBS.values()} | {
    "held", "scheduled", "expected", "due", "called", "signed", "published", "released", "announced",
    "opened", "closed", "launched", "unveiled", "presented", "debated", "discussed", "elected", "named",
    "introduced", "approved", "rejected", "delivered", "submitted", "triggered", "sworn", "inaugurated",
    "completed", "decided", "voted", "passed", "finalised", "finalized", "concluded", "staged"}


def _clause_dates(article: Article):
    """Dates the publication date places certainly before or after it (at least two days away),
    with the text of their clause before them (back to the previous comma or sentence start)."""
    if article.published is None:
        return
    for d in find_dates(article.text, article.published):
        if d.value is None or abs((d.value - article.published).days) < 2:
            continue
        sentence = article.sentence_at(d.start)
        clause_start = max(article.text.rfind(",", sentence.start, d.start) + 1, sentence.start,
                           article.text.rfind(";", sentence.start, d.start) + 1)
        clause = article.text[clause_start:d.start]
        if '"' in article.text[sentence.start:sentence.end] or "“" in article.text[sentence.start:sentence.end]:
            continue          # reported speech keeps the speaker's tense
        yield d, clause_start, clause


def _shifted(d: DateMention, published: dt.date, rng, after: bool) -> dt.date:
    """A date a few days on the other side of the publication date than d is."""
    days = rng.randint(2, 12)
    return published + dt.timedelta(days=days if after else -days)


def _tense_why(article, verb_text, date_text, past):
    published = article.published.strftime("%d %B %Y").lstrip("0")
    if past:
        return f"'{verb_text} ... {date_text}' tells in the future what was already past on the publication date ({published})."
    return f"'{verb_text} ... {date_text}' tells in the past what was still to come on the publication date ({published})."


_PLANNING = {"scheduled", "expected", "due", "called", "set", "supposed", "planned", "meant", "slated"}
_FUTURE_VERB = re.compile(rf"\bwill\s(?:not\s)?(?P<verb>{'|'.join(sorted(VERBS, key=len, reverse=True))})\b")
_PASSIVE_PAST = re.compile(r"\b(?P<aux>was|were)\s(?P<part>[a-z]+)\b")


_ACTIVE_PAST = re.compile(rf"\b(?P<verb>{'|'.join(sorted((p for p in PAST_TO_BASE if p not in ('set', 'put', 'cut')), key=len, reverse=True))})\b")


@kind("D104", needs_date=True)
def past_event_told_as_future(article: Article, rng):
    """A past clause turns future: 'the vote was held on June 23' becomes 'will be held on June 23', 'Cameron met Merkel on June 20' becomes 'will meet' (published June 27)."""
    for d, clause_start, clause in _clause_dates(article):
        if d.value >= article.published:
            continue
        passive = [m for m in _PASSIVE_PAST.finditer(clause) if m.group("part") in PARTICIPLES - _PLANNING]
        active = list(_ACTIVE_PAST.finditer(clause))
        m = max(passive + active, key=lambda x: x.start(), default=None)
        if m is None or len(clause) - m.end() > 30 or re.search(r"\b(?:had|has|have|was|were|is|are|not)\s$", clause[:m.start()]) and m in active:
            continue
        draft = Draft(article)
        if m in passive:
            draft.replace(clause_start + m.start("aux"), clause_start + m.end("aux"), "will be")
            told = f"will be {m.group('part')}"
        else:
            told = f"will {PAST_TO_BASE[m.group('verb')]}"
            draft.replace(clause_start + m.start(), clause_start + m.end(), told)
        why = _tense_why(article, told, article.text[d.start:d.end], True)
        yield draft.plant(why, [(clause_start + m.start(), d.end)])


@kind("D104", needs_date=True)
def future_event_told_as_past(article: Article, rng):
    """A future clause turns past: 'will go to the polls on March 15' becomes 'went to the polls on March 15' (published March 10)."""
    for d, clause_start, clause in _clause_dates(article):
        if d.value <= article.published:
            continue
        m = None
        for m in _FUTURE_VERB.finditer(clause):
            pass
        if m is None or len(clause) - m.end() > 50 or "not" in m.group(0).split():
            continue
        past = VERBS[m.group("verb")][0]
        draft = Draft(article)
        draft.replace(clause_start + m.start(), clause_start + m.end(), past)
        why = _tense_why(article, past, article.text[d.start:d.end], False)
        yield draft.plant(why, [(clause_start + m.start(), d.end)])


def _move_date(article, rng, want_after):
    for d, clause_start, clause in _clause_dates(article):
        if (d.value > article.published) == want_after or abs((d.value - article.published).days) > 60:
            continue          # a date far from publication would change by more than a slip
        future = _FUTURE_VERB.search(clause) or re.search(r"\b(?:is|are)\s(?:due|scheduled|set|expected)\sto\b|\bwill\b", clause)
        past = re.search(rf"\b(?:{'|'.join(PAST_TO_BASE)}|was\s(?:{'|'.join(PARTICIPLES)})|were\s(?:{'|'.join(PARTICIPLES)}))\b", clause)
        if want_after and not (past and not future and len(clause) - past.end() <= 40):
            continue
        if not want_after and not (future and not past and len(clause) - future.end() <= 50):
            continue
        new = _shifted(d, article.published, rng, want_after)
        new_text = write(new, d.style, year=d.year is not None, weekday=False)
        draft = Draft(article)
        if d.weekday is not None:
            new_text = write(new, d.style, year=d.year is not None, weekday=True)
        draft.replace(d.start, d.end, new_text)
        verb = (past if want_after else future).group(0)
        why = _tense_why(article, verb, new_text, not want_after)
        yield draft.plant(why, [(clause_start + (past if want_after else future).start(), d.end)])


@kind("D104", needs_date=True)
def future_clause_date_moved_back(article: Article, rng):
    """The date of a future clause moves before publication: 'will leave the bloc on October 31' becomes '... on October 24' (published October 28)."""
    yield from _move_date(article, rng, want_after=False)


@kind("D104", needs_date=True)
def past_clause_date_moved_ahead(article: Article, rng):
    """The date of a past clause moves past publication: 'Cameron met Merkel on June 20' becomes '... on June 29' (published June 24)."""
    yield from _move_date(article, rng, want_after=True)


_INSERTED_FUTURE = (
    "{Who} will {verb} on {date}.", "{Who} is due to {verb} on {date}.", "{Who} is expected to {verb} on {date}.",
    "On {date}, {who} will {verb}.", "{Who} is set to {verb} on {date}.", "{Who} plans to {verb} on {date}.",
    "{Who} is scheduled to {verb} on {date}.")
_INSERTED_PAST = (
    "{Who} {past} on {date}.", "On {date}, {who} {past}.", "{Who} had {participle} on {date}.")
_PLAN_VERBS = ("speak to reporters", "meet officials", "give evidence", "travel to the capital", "publish a statement",
               "hold a news conference", "return to the talks", "answer questions")
_PLAN_PAST = {"speak to reporters": ("spoke to reporters", "spoken to reporters"),
              "meet officials": ("met officials", "met officials"), "give evidence": ("gave evidence", "given evidence"),
              "travel to the capital": ("travelled to the capital", "travelled to the capital"),
              "publish a statement": ("published a statement", "published a statement"),
              "hold a news conference": ("held a news conference", "held a news conference"),
              "return to the talks": ("returned to the talks", "returned to the talks"),
              "answer questions": ("answered questions", "answered questions")}


def _insert_tense(article, rng, future):
    if article.published is None:
        return
    cast = [p for p in people(article) if p.short]
    for person in cast:
        para = article.para_at(person.short[-1][0])
        if para.index == 0:
            continue
        new = _shifted(None, article.published, rng, after=not future)
        style = "uk" if find_dates(article.text, None) and find_dates(article.text, None)[0].style == "uk" else "us"
        date = write(new, style, year=rng.random() < 0.3)
        verb = rng.choice(_PLAN_VERBS)
        if future:
            sentence = rng.choice(_INSERTED_FUTURE).format(Who=person.surname, who=person.surname, verb=verb, date=date)
        else:
            past, participle = _PLAN_PAST[verb]
            sentence = rng.choice(_INSERTED_PAST).format(Who=person.surname, who=person.surname, past=past,
                                                          participle=participle, date=date)
        draft = Draft(article)
        index = draft.insert(para.end, " " + capitalise(sentence))
        why = _tense_why(article, sentence.split(" on ")[0] if " on " in sentence else sentence, date, future)
        yield draft.plant(why, [index])


@kind("D104", needs_date=True)
def inserted_future_plan_in_past(article: Article, rng):
    """A plan told in the future for a day already past, built from a person of the article: 'Hammond is due to give evidence on May 2.' (published May 9)."""
    yield from _insert_tense(article, rng, future=True)


@kind("D104", needs_date=True)
def inserted_past_report_in_future(article: Article, rng):
    """A report in the past tense of a day still to come: 'On 14 July, Barnier met officials.' (published 9 July)."""
    yield from _insert_tense(article, rng, future=False)


# --- D105 elapsed-time-mismatch --------------------------------------------------------------

_YEAR_IN = re.compile(r"\b(?P<prep>in|since)\s(?P<year>(?:19|20)\d\d)\b(?![\d-]|\s?[–-]|\s(?:and|to)\s\d|\spercent|%|\sper)")
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}


def number_words(n: int) -> str:
    if n < 20:
        return NUMBER_WORDS[n]
    tens, unit = divmod(n, 10)
    return TENS[tens * 10] + (f"-{NUMBER_WORDS[unit]}" if unit else "")


def _wrong_span(right: int, rng, low: int = 2) -> int:
    """A number of years off from the right one by at least two (birthdays and months make one year
    debatable), and never below one."""
    options = [right + k for k in (-7, -5, -4, -3, -2, 2, 3, 4, 5, 6, 10) if right + k >= 1 and abs(k) >= low]
    return rng.choice(options)


def _past_years(article: Article):
    """'in 1990' / 'since 2009' mentions at least four years before the publication year, outside quotes."""
    if article.published is None:
        return
    for m in _YEAR_IN.finditer(article.text):
        year = int(m.group("year"))
        if not 1900 <= year <= article.published.year - 4:
            continue
        sentence = article.sentence_at(m.start())
        body = article.text[sentence.start:sentence.end]
        if '"' in body or "years ago" in body or "anniversary" in body:
            continue
        after = article.text[m.end():m.end() + 1]
        if after not in (",", ".", " ", ";"):
            continue
        yield m, year


def _ago_why(year: int, stated: int, published: dt.date) -> str:
    return (f"{year} was {published.year - year} years before the publication year ({published.year}), "
            f"not {stated}.")


@kind("D105", needs_date=True)
def years_ago_in_apposition(article: Article, rng):
    """'N years ago' set after a year of the article: 'in 1973' becomes 'in 1973, 40 years ago,' (published 2016)."""
    for m, year in _past_years(article):
        right = article.published.year - year
        stated = _wrong_span(right, rng)
        after = article.text[m.end()]
        insert = f", {stated} years ago" + ("," if after == " " else "")
        draft = Draft(article)
        draft.insert(m.end(), insert)
        yield draft.plant(_ago_why(year, stated, article.published), [(m.start(), m.end() + 1)])


@kind("D105", needs_date=True)
def years_ago_in_words(article: Article, rng):
    """The span in words: 'in 1999' becomes 'in 1999, twelve years ago,' (published 2016)."""
    for m, year in _past_years(article):
        right = article.published.year - year
        stated = _wrong_span(right, rng)
        if stated > 99:
            continue
        after = article.text[m.end()]
        insert = f", {number_words(stated)} years ago" + ("," if after == " " else "")
        draft = Draft(article)
        draft.insert(m.end(), insert)
        yield draft.plant(_ago_why(year, stated, article.published), [(m.start(), m.end() + 1)])


@kind("D105", needs_date=True)
def years_ago_next_sentence(article: Article, rng):
    """The span in the next sentence: '... in 2004. That was 15 years ago.' (published 2017)."""
    templates = ("That was {n} years ago.", "That is {n} years ago now.", "It happened {n} years ago.")
    for m, year in _past_years(article):
        sentence = article.sentence_at(m.start())
        if not article.text[sentence.end - 1] == ".":
            continue
        right = article.published.year - year
        stated = _wrong_span(right, rng)
        draft = Draft(article)
        index = draft.insert(sentence.end, " " + rng.choice(templates).format(n=stated))
        yield draft.plant(_ago_why(year, stated, article.published), [(m.start(), m.end()), index])


@kind("D105", needs_date=True)
def decades_ago(article: Article, rng):
    """Decades that cannot fit: 'in 1990' becomes 'in 1990, four decades ago,' (published 2016: 26 years)."""
    for m, year in _past_years(article):
        right = article.published.year - year
        options = [n for n in range(1, 8) if 12 <= abs(n * 10 - right) <= 25]
        if right < 8 or not options:
            continue
        n = rng.choice(options)
        after = article.text[m.end()]
        insert = f", {number_words(n)} decade{'s' if n > 1 else ''} ago" + ("," if after == " " else "")
        draft = Draft(article)
        draft.insert(m.end(), insert)
        why = f"{year} was {right} years before publication ({article.published.year}), not about {n * 10}."
        yield draft.plant(why, [(m.start(), m.end() + 1)])


@kind("D105", needs_date=True)
def existing_years_ago_given_a_year(article: Article, rng):
    """An article's own 'N years ago' is given a year that does not fit: 'two years ago' becomes 'two years ago, in 2011,' (published 2016)."""
    words = {w: i for i, w in enumerate(NUMBER_WORDS)}
    for m in re.finditer(r"\b(?P<n>\d{1,2}|[a-z]+|[A-Z][a-z]+)\syears\sago\b(?P<after>[,.]?)", article.text):
        token = m.group("n").lower()
        n = int(token) if token.isdigit() else words.get(token)
        if n is None or n < 2:
            continue
        before = article.text[max(0, m.start() - 12):m.start()].lower()
        if any(h in before for h in ("about", "some", "nearly", "almost", "over", "than", "around", "few")):
            continue
        year = article.published.year - n + rng.choice((-5, -4, -3, 3, 4, 5))
        if year > article.published.year - 1:
            continue
        insert = f", in {year}" + ("," if not m.group("after") else "")
        draft = Draft(article)
        draft.insert(m.end() - len(m.group("after")), insert)
        why = f"'{m.group(0).rstrip(',.')}' counted from {article.published.year} is {article.published.year - n}, not {year}."
        yield draft.plant(why, [(m.start(), m.end())])


_AGE = re.compile(r"(?<![\w-])(?P<name>(?:[A-Z][\w'’-]+\s){0,2}[A-Z][\w'’-]+),\s(?P<age>[2-9]\d),\s")


@kind("D105", needs_date=True)
def age_with_birth_year(article: Article, rng):
    """A birth year beside an age that it does not fit: 'Smith, 45, said' becomes 'Smith, 45, who was born in 1960, said' (published 2016)."""
    templates = ("who was born in {y}, ", "born in {y}, ", "who was born in {y} in {place}, ")
    for m in _AGE.finditer(article.text):
        age = int(m.group("age"))
        born = article.published.year - age + rng.choice((-6, -5, -4, -3, 3, 4, 5))
        draft = Draft(article)
        template = rng.choice(templates[:2])
        draft.insert(m.end(), template.format(y=born))
        why = f"Someone born in {born} was {article.published.year - born - 1} or {article.published.year - born} in {article.published.year}, not {age}."
        yield draft.plant(why, [(m.start(), m.end())])


_YEAR_OLD = re.compile(r"\b(?:a|the)\s(?P<age>[2-9]\d)-year-old\b")


@kind("D105", needs_date=True)
def year_old_with_birth_year(article: Article, rng):
    """A birth year in brackets after 'N-year-old': 'the 34-year-old' becomes 'the 34-year-old (born 1976)' (published 2016)."""
    for m in _YEAR_OLD.finditer(article.text):
        age = int(m.group("age"))
        born = article.published.year - age + rng.choice((-6, -4, -3, 3, 4, 6))
        after = article.text[m.end():m.end() + 1]
        if after not in (" ", ",", "."):
            continue
        draft = Draft(article)
        draft.insert(m.end(), f" (born {born})")
        why = f"A {age}-year-old in {article.published.year} was born in {article.published.year - age} or {article.published.year - age - 1}, not {born}."
        yield draft.plant(why, [(m.start(), m.end())])


@kind("D105", needs_date=True)
def anniversary_that_does_not_fit(article: Article, rng):
    """An anniversary of an article's year that does not fit: 'in 1989' becomes 'in 1989, and this year marks its 30th anniversary,' (published 2016)."""
    from .dating import ordinal
    for m, year in _past_years(article):
        if m.group("prep") != "in":
            continue
        right = article.published.year - year
        stated = _wrong_span(right, rng, low=3)
        after = article.text[m.end()]
        if after != ".":
            continue
        draft = Draft(article)
        draft.insert(m.end(), f", and this year marks the {ordinal(stated)} anniversary")
        why = f"An event of {year} has its {ordinal(right)} anniversary in {article.published.year}, not its {ordinal(stated)}."
        yield draft.plant(why, [(m.start(), m.end() + 1)])


# --- D106 date-arithmetic --------------------------------------------------------------------

_UNITS = {"day": 1, "week": 7}


_OTHER_TIME = re.compile(rf"\b(?:{dating._WEEKDAY}|yesterday|today|tomorrow|tonight|last\s(?:week|month|year)|"
                         rf"next\s(?:week|month|year)|this\s(?:week|month|year)|(?:19|20)\d\d|days?\s(?:later|earlier|before|after)|"
                         rf"weeks?\s(?:later|earlier|before|after))\b", re.I)


def _dated_sentence_pairs(article: Article, most: int = 30):
    """Pairs of resolved dates in dated sentences at most two sentences apart, the second later by
    1 to `most` days, with no other time expression between them (so 'later' counts from the first)."""
    dates = [d for d in find_dates(article.text, article.published) if _nominal(d)]
    sentences = article.sentences
    index = {s.start: i for i, s in enumerate(sentences)}
    for first, second in zip(dates, dates[1:]):
        a, b = _nominal(first), _nominal(second)
        if first.year != second.year and not (first.value and second.value):
            continue
        if first.value and second.value:
            a, b = first.value, second.value
        gap = (b - a).days
        if not 1 <= gap <= most:
            continue
        s1, s2 = article.sentence_at(first.start), article.sentence_at(second.start)
        if s1 == s2 or index[s2.start] - index[s1.start] > 2:
            continue
        if _OTHER_TIME.search(article.text, first.end, second.start) or '"' in article.text[s2.start:second.start]:
            continue
        yield first, second, a, b, gap


def _later_phrase(article, first, second, a, b, gap, stated_words, unit_text):
    """Edit 'on <second date>' into '<N units> later, on <second date>' (or 'On ...' at a sentence
    start into 'N units later, on ...')."""
    sentence = article.sentence_at(second.start)
    lead = article.text[max(sentence.start, second.start - 3):second.start]
    if lead.lower() != "on ":
        return None
    at_start = second.start - 3 == sentence.start
    phrase = f"{stated_words} {unit_text} later, on "
    draft = Draft(article)
    draft.replace(second.start - 3, second.start, capitalise(phrase) if at_start else phrase)
    old = article.text[first.start:first.end]
    return draft, old


@kind("D106")
def days_later_before_a_date(article: Article, rng):
    """'N days later' set before the article's next date, off by some days: 'resigned on June 27' after 'June 23' becomes 'resigned two days later, on June 27'."""
    for first, second, a, b, gap in _dated_sentence_pairs(article, most=14):
        stated = rng.choice([n for n in (gap - 2, gap - 1, gap + 1, gap + 2, gap + 3) if n >= 1 and n != gap])
        words = "a" if stated == 1 else number_words(stated) if stated < 20 else str(stated)
        got = _later_phrase(article, first, second, a, b, gap, words, "day" if stated == 1 else "days")
        if got is None:
            continue
        draft, old = got
        why = (f"'{words} day{'s' if stated != 1 else ''} later, on {article.text[second.start:second.end]}' follows "
               f"'{old}': the gap is {gap} day{'s' if gap != 1 else ''}, not {stated}.")
        yield draft.plant(why, [first.text_span, (second.start - 3, second.end)])


@kind("D106")
def weeks_later_before_a_date(article: Article, rng):
    """'A week later' or 'two weeks later' before a date that is not that far on: 'On May 12' after 'May 8' becomes 'A week later, on May 12'."""
    for first, second, a, b, gap in _dated_sentence_pairs(article):
        options = [w for w in (1, 2, 3) if abs(w * 7 - gap) >= 3]
        if not options:
            continue
        weeks = rng.choice(options)
        words = "a" if weeks == 1 else number_words(weeks)
        got = _later_phrase(article, first, second, a, b, gap, words, "week" if weeks == 1 else "weeks")
        if got is None:
            continue
        draft, old = got
        why = (f"'{words} week{'s' if weeks != 1 else ''} later, on {article.text[second.start:second.end]}' follows "
               f"'{old}': {gap} days is not {'a week' if weeks == 1 else f'{weeks} weeks'}.")
        yield draft.plant(why, [first.text_span, (second.start - 3, second.end)])


class _When:
    """An event's day, as a date or as a weekday, shifted and written in the article's form."""

    def __init__(self, event: DatedEvent):
        self.event = event
        self.base = _nominal(event.date) if event.date is not None else None

    def shifted(self, days: int) -> str:
        if self.base is not None:
            return write(self.base + dt.timedelta(days=days), self.event.date.style)
        return WEEKDAYS[(self.event.weekday + days) % 7]

    def same_day(self, a: int, b: int) -> bool:
        """Whether shifts a and b are written the same (a weekday repeats every seven days)."""
        return a == b if self.base is not None else (a - b) % 7 == 0


def _event_sentence_insert(article, rng, build):
    for event in dated_events(article):
        when = _When(event)
        if event.date is not None and when.base is None:
            continue
        sentence = article.sentence_at(event.span[0])
        if article.text[sentence.end - 1] not in ".":
            continue
        result = build(event, when)
        if result is None:
            continue
        text, why = result
        draft = Draft(article)
        index = draft.insert(sentence.end, " " + text)
        yield draft.plant(why, [event.span, index])


@kind("D106")
def eve_of_event(article: Article, rng):
    """'On the eve of' an event, dated days too early: after 'the vote on June 23', 'On the eve of the vote, on June 20, ...' (or 'on Sunday' for a Tuesday vote)."""
    templates = ("On the eve of {np}, on {date}, the mood was tense.", "The night before {np}, on {date}, few would predict the outcome.",
                 "On the eve of {np}, {date}, officials were still preparing.")
    future = ("On the eve of {np}, on {date}, officials will meet to prepare.", "The night before {np}, on {date}, final preparations are due.")
    def build(event, when):
        shift = -rng.choice((2, 3, 4))
        date = when.shifted(shift)
        text = rng.choice(future if event.future else templates).format(np=event.phrase, date=date)
        why = f"The eve of {event.phrase} ({event.written}) is {when.shifted(-1)}, not {date}."
        return text, why
    yield from _event_sentence_insert(article, rng, build)


@kind("D106")
def day_after_event(article: Article, rng):
    """'The day after' an event, dated otherwise: after 'the summit on May 25', 'The day after the summit, on May 28, ...' (or 'on Friday' for a Tuesday summit)."""
    templates = ("The day after {np}, on {date}, reactions continued to come in.", "On {date}, the day after {np}, the debate went on.",
                 "A day after {np}, on {date}, attention turned to what comes next.")
    future = ("The day after {np}, on {date}, the results are due.", "On {date}, the day after {np}, a review is planned.")
    def build(event, when):
        shift = rng.choice((2, 3, 4))
        date = when.shifted(shift)
        text = rng.choice(future if event.future else templates).format(np=event.phrase, date=date)
        why = f"The day after {event.phrase} ({event.written}) is {when.shifted(1)}, not {date}."
        return text, why
    yield from _event_sentence_insert(article, rng, build)


@kind("D106")
def days_before_event(article: Article, rng):
    """'N days before' an event, counted wrong: after 'the election on June 8', 'Three days before the election, on June 2, ...'."""
    templates = ("{N} days before {np}, on {date}, campaigning was in full swing.", "On {date}, {n} days before {np}, little had changed.",
                 "{N} days ahead of {np}, on {date}, the outcome was still open.")
    future = ("{N} days before {np}, on {date}, a final round of preparations is planned.",
              "On {date}, {n} days before {np}, officials are due to meet.")
    def build(event, when):
        n = rng.choice((2, 3, 4, 5))
        shift = -(n + rng.choice((2, 3, -1)))
        if when.same_day(shift, -n) or shift >= 0:
            return None
        date = when.shifted(shift)
        text = rng.choice(future if event.future else templates).format(
            N=capitalise(number_words(n)), n=number_words(n), np=event.phrase, date=date)
        why = f"{n.__str__()} days before {event.phrase} ({event.written}) is {when.shifted(-n)}, not {date}."
        return text, why
    yield from _event_sentence_insert(article, rng, build)


_RANGE = re.compile(rf"\b(?P<from>from|between)\s(?P<a>{dating._MONTH}\s\d{{1,2}}|\d{{1,2}}\s{dating._MONTH}|\d{{1,2}})\s(?P<to>to|and|until)\s(?P<b>{dating._MONTH}\s\d{{1,2}}|\d{{1,2}}\s{dating._MONTH}|\d{{1,2}})(?!\d)")


def _range_dates(article: Article):
    for m in _RANGE.finditer(article.text):
        a, b = m.group("a"), m.group("b")
        da = find_dates(a + " ", None)
        db = find_dates(b + " ", None)
        if db and not da and a.isdigit():
            da = find_dates(f"{a} {dating.MONTHS[db[0].month - 1]} " if db[0].style == "uk" else f"{dating.MONTHS[db[0].month - 1]} {a} ", None)
        if da and not db and b.isdigit():
            db = find_dates(f"{dating.MONTHS[da[0].month - 1]} {b} " if da[0].style == "us" else f"{b} {dating.MONTHS[da[0].month - 1]} ", None)
        if not da or not db:
            continue
        x, y = dating.valid(2001, da[0].month, da[0].day), dating.valid(2001, db[0].month, db[0].day)
        if x and y and 1 <= (y - x).days <= 60:
            yield m, x, y


@kind("D106")
def range_reversed(article: Article, rng):
    """A range of the article ends before it starts: 'from May 23 to 26' becomes 'from May 23 to 21'."""
    for m, x, y in _range_dates(article):
        b = m.group("b")
        digits = re.search(r"\d{1,2}", b)
        new_day = x.day - rng.choice((1, 2, 3))
        if new_day < 1 or not digits:
            continue
        if not b.isdigit() and dating.valid(2001, x.month, new_day) is None:
            continue
        if not b.isdigit() and find_dates(b + " ", None)[0].month != x.month:
            continue
        draft = Draft(article)
        start = m.start("b") + digits.start()
        draft.replace(start, start + len(digits.group(0)), str(new_day))
        why = f"The range '{m.group('from')} {m.group('a')} {m.group('to')} ... {new_day}' ends before it starts."
        yield draft.plant(why, [(m.start(), m.end())])


@kind("D106")
def range_with_wrong_length(article: Article, rng):
    """A stated length that does not fit a range of the article: 'from 6 to 9 January' becomes 'for six days, from 6 to 9 January'."""
    for m, x, y in _range_dates(article):
        days = (y - x).days + 1
        stated = rng.choice([n for n in (days - 2, days + 2, days + 3) if n >= 2])
        before = article.text[max(0, m.start() - 2):m.start()]
        if before.strip(" ") in (",", "(") or article.text[m.start() - 1] != " ":
            continue
        draft = Draft(article)
        draft.insert(m.start(), f"for {number_words(stated) if stated < 20 else stated} days, ")
        why = f"'{m.group(0)}' covers {days} days counting both ends, not {stated}."
        yield draft.plant(why, [(m.start(), m.end())])


@kind("D106")
def inserted_range_reversed(article: Article, rng):
    """A reversed range built on an event date: after 'the summit on 9 May', 'Delegates stayed from 9 to 6 May.'."""
    templates = ("Delegates stayed from {a} to {b}.", "Officials were on site from {a} until {b}.",
                 "Preparations ran from {a} to {b}.", "Talks around {np} ran from {a} to {b}.")
    def build(event, when):
        base = when.base
        if base is None:
            return None
        end = base - dt.timedelta(days=rng.choice((2, 3, 4)))
        if end.month != base.month:
            return None
        if event.date.style == "us":
            a, b = f"{dating.MONTHS[base.month - 1]} {base.day}", str(end.day)
        else:
            a, b = str(base.day), f"{end.day} {dating.MONTHS[end.month - 1]}"
        text = rng.choice(templates).format(a=a, b=b, np=event.phrase)
        return text, f"The range '{a} to {b}' ends before it starts."
    yield from _event_sentence_insert(article, rng, build)
