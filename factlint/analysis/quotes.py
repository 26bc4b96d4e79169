"""Quotation structure: which marks pair up, which do not, and speech marked with dialogue dashes.

``doc.quotes`` is a :class:`QuoteAnalysis` with four lists, every offset into ``doc.text``:

``quotes`` (:class:`Quote`, ordered by ``start``): a quotation opened by a mark.
    ``start``/``end``       the whole quotation, marks included (``end`` is just after the closing
                            mark, or the end of the quoted text when it has none).
    ``inner_start``/``inner_end``  the quoted words without the marks.
    ``open_mark``           the opening mark: ``"`` ``“`` ``„`` ``«`` ``'`` ``‘`` ``‚`` ``‹`` ``”``, ``''``
                            typed for a double mark, the grave accents ````` `` and ``` ` ``` that ASCII
                            typists and TeX open with, or ``""`` for the part of a quotation that goes
                            on into the next paragraph without reopening there and closes in it.
    ``close_mark``          the closing character, or ``""`` when the quotation goes on in the
                            next paragraph (it reopens there: the multi-paragraph convention) or
                            its next paragraph was merged into this one (it reopens mid-block).
    ``block``               index of the Block holding the opening mark.
    ``level``               0 for an outermost quotation, 1 for a quote inside a quote, ...
    ``continues``           True when the quotation is continued by the next Quote (no closing mark).
    ``attribution``         (start, end) of the clause naming the speaker ("he said", "Anna Berg,
                            the mayor, told reporters"), or None when none sits next to the quote.

``speech`` (:class:`Quote` with ``open_mark`` a dash ``—``/``–``/``―``/``-``): words marked as speech
    with a dialogue dash, the Russian/French convention. ``close_mark`` is a stray closing
    quotation mark that ends the speech, or ``""``. ``attribution`` as above; for speech that goes
    on after 'she said. — ...' it is the attribution of the quotation before the dash.

``unpaired`` (:class:`StrayMark`): quotation marks and brackets with no partner in their block,
    after apostrophes, primes, inch marks, list numbering ("a)") and the multi-paragraph
    convention are taken out. ``role`` is "open" or "close"; ``kind`` is "double", "single"
    or "bracket". ``certain`` is True when the mark really has no partner: always for double marks
    and brackets (a quotation that runs to the end of its paragraph is left open only when it is
    a whole sentence of speech and the next paragraph reopens it in the same style, crossheads
    and present-tense captions between; a phrase quoted inside the reporter's sentence closes in
    its paragraph). A single opening mark is certain when it opens speech (after a colon or a
    comma, or at the paragraph's start, before a capital), an attribution follows inside it, it
    opens inside a double quotation, in a headline, in an article that quotes with single marks
    elsewhere, or is curly or low; never before a word that another unclosed single mark opens
    too (a clipping: 'bot). A single closing mark is certain after punctuation or after a word
    that elides no letter (not goin', ol', o'); elsewhere it could be an apostrophe.
    ``speech`` is the index in ``speech`` of the dialogue-dash span it belongs to, or -1.
    ``close_at``, for an opening mark, is where the missing closing mark most likely belongs: just
    before the attribution clause that shows the quote has ended, or at the single mark that closes
    it by mistake (a mismatched pair); -1 when unknown. ``next_block``, for an opening mark whose
    quotation runs to the end of its paragraph, is the next paragraph, which does not reopen it
    (-1 at the end of the article or when the quotation ended inside its paragraph).
    ``open_at``, for a closing mark, is where the missing opening mark most likely belongs: the
    start of the sentence (or the words after a colon) that the mark closes; -1 when unknown.

Records are slotted frozen dataclasses; the lists are computed once per document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from factlint.document import Document


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    inner_start: int
    inner_end: int
    open_mark: str
    close_mark: str
    block: int
    level: int = 0
    continues: bool = False
    attribution: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class StrayMark:
    start: int
    end: int
    mark: str
    role: str  # "open" | "close"
    kind: str  # "double" | "single" | "bracket"
    block: int
    certain: bool = True
    speech: int = -1
    close_at: int = -1
    next_block: int = -1
    open_at: int = -1


@dataclass(slots=True)
class QuoteAnalysis:
    quotes: list[Quote] = field(default_factory=list)
    speech: list[Quote] = field(default_factory=list)
    unpaired: list[StrayMark] = field(default_factory=list)

    def records(self) -> list[Quote | StrayMark]:
        return sorted([*self.quotes, *self.speech, *self.unpaired], key=lambda r: (r.start, r.end))

    def quote_at(self, offset: int) -> Quote | None:
        """The innermost quotation or dialogue-dash speech holding ``offset``, or None."""
        best: Quote | None = None
        for q in self.quotes + self.speech:
            if q.inner_start <= offset < q.inner_end and (best is None or q.inner_start >= best.inner_start):
                best = q
        return best


DOUBLE = frozenset('"“”„‟«»')
SINGLE = frozenset("'‘’‚‹›`")
# ASCII typists' marks: '' or "" for a double mark, and the TeX (and Penn Treebank) convention of
# grave accents that open, `` for a double quotation and ` for a single one, closed by '' and '.
MARKS = re.compile(r"''|\"\"|``|[\"“”„‟«»'‘’‚‹›`()\[\]]")
DOUBLED = ("''", '""', "``")
OPENING_PUNCT = frozenset("([{—–―-/\u00a0\u2009\u202f")
CLOSING_PUNCT = frozenset(".,;:!?)]}…—–―-")
OPENING_BRACKETS = frozenset("([{")
CLOSING_BRACKETS = frozenset(")]}")
ANY_QUOTE = DOUBLE | SINGLE
# Words that begin with an elided letter: 'em, 'til, 'cause, 'n', 'tis, 'twas, 'bout, 'round.
ELISION = re.compile(r"(?:n|em|til|cause|cos|tis|twas|bout|round|s)(?![\w])", re.IGNORECASE)
# "a)", "1)", "iv)": list numbering, not a bracket.
LIST_NUMBER = re.compile(r"(?:(?<=^)|(?<=[\s(]))(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})$")
PRIME_BEFORE = re.compile(r"\s?\d")
FEET_INCHES = re.compile(r"\d['’′]\s?\d{1,2}$")
# A letter joined to the figures before a mark: a code ("form R85"), not a measure in inches.
CODE_BEFORE = re.compile(r"[^\W\d_]\d+$")
SENTENCE_END_BEFORE = re.compile(r"[.!?…][\"”’»)\]]?\s+$")
# What may stand before a quotation mark that opens a paragraph: "7. ", "— ".
LEAD_IN = re.compile(r"\s*(?:\d{1,3}[.)]\s*|[—–―-]\s*)?")
STYLE = {"''": '"', '""': '"'}
# A line that ends a sentence (a crosshead does not), closing marks aside.
CROSSHEAD_END = re.compile(r"[.!?:;…,][\"'”’»)\]]*\s*$")
# What cannot follow a possessive: a preposition or a verb (punctuation can, after an independent
# possessive, "his predecessors'.", and so can a conjunction, "the pipers' and singers' guild").
NOT_POSSESSED = re.compile(r"\s+(?:in|on|at|to|for|with|from|by|of|is|are|was|were|has|have|had|will|would|said|says)\b")
WORD_AFTER_MARK = re.compile(r"[^\W\d_]+")
INNER_SENTENCE_END = re.compile(r"[.!?]\s+\S")
# Past forms of the auxiliaries and of the irregular verbs common in news copy (a closed class of
# English morphology; regular ones end in -ed): a paragraph that uses one narrates, a caption does not.
PAST_TENSE = frozenset("""
was were had did said told made took gave came went saw knew thought left met held led won lost sent spent
began became brought bought felt found got kept meant paid ran rose fell stood spoke wrote chose drove grew
threw flew sold struck sought taught caught built laid heard understood wore broke hid bore fought
""".split())
FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")


@cache
def dialogue_dash() -> regex.Pattern:
    """A dash that opens dialogue; needed only for dash-led or unbalanced blocks, so compiled on first use."""
    return regex.compile(r"(?:--|[—–―-])\s*(?=[\"“«(\[]?[\p{Lu}\d])")  # "— (The) department will"

SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|noted|notes|stressed|stresses|explained|explains|concluded|"
    r"emphasi[sz]ed|underlined|insisted|argued|argues|warned|warns|recalled|replied|answered|asked|"
    r"continued|commented|believes|believed|thinks|stated|states|declared|admitted|acknowledged|"
    r"suggested|pointed out|wrote|writes|claimed|claims|announced|assured|predicted|urged|"
    r"summed up|complained|confirmed|observed|remarked|reported|shared|agreed|specified|clarified|"
    r"tweeted|tweets|posted|responded|conceded|cautioned|joked"
)
# A speaker: a pronoun, "the mayor", "Anna Berg", "captain Lewis Grant", "Estonian minister Kadri Tamm".
NAME = r"[\p{Lu}][\w'’.-]*(?:\s+[\p{Lu}][\w'’.-]*){0,3}"
SPEAKER = rf"(?:he|she|they|we|I|it|(?:the|a|an)\s+\w+(?:\s+\w+)?|(?:\p{{L}}[\w'’-]*\s+){{0,3}}{NAME})"
# An attribution clause: 'Anna Berg, the mayor, told' or 'said Anna Berg'.
APPOSITION = r"(?:,[^,.!?\"“”]{1,120},)?"
SAID = rf"(?:{SPEAKER}{APPOSITION}\s+(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s+{SPEAKER})"
# The speaker in the third person: a first-person "I explained" inside a quotation is no attribution.
SPEAKER_THIRD = rf"(?:(?:the|a|an)\s+\w+(?:\s+\w+)?|(?:\p{{L}}[\w'’-]*\s+){{0,5}}(?!I\b){NAME})"
# A paragraph that hands over to speech: 'Orlov told reporters:', 'the minister explained:'.
INTRODUCED_BY_SPEAKER = re.compile(rf"\b(?:{SPEECH_VERBS})\b(?:\s+[\w'’-]+){{0,5}}:$")
# "she said. — So far": a dialogue dash continuing speech after an attribution.
DASH_CONTINUATION = re.compile(rf"\b(?:{SPEECH_VERBS})\b[^.!?\"“”]{{0,80}}[.,]$")
# A dialogue dash inside a paragraph: after a sentence, an attribution or an introducing colon, a
# dash (em, en, a double hyphen or a spaced hyphen) before a capital.
SPACED_DASH = re.compile(r"([.!?…:,])\s+(--|[—–―]|-(?=\s))\s*(?=[^\W\d_a-z]|\d)")

# The patterns below need the ``regex`` module (\p{Lu}, right-to-left search), whose compiler is
# slow: each is compiled on first use, so an article without quotations (or without the rare
# case a pattern serves) never pays for it.


@cache
def attribution_after() -> regex.Pattern:
    """After a quotation: ', he said', ', Anna Berg, the mayor, told reporters', ', — said Ivanov'."""
    return regex.compile(rf"\s*,?\s*(?:(?:--|[—–―-])\s*)?{SAID}[^.!?\"“”«»]{{0,160}}")


@cache
def attribution_before() -> regex.Pattern:
    """Before a quotation: 'Anna Berg said: "', 'the mayor, Anna Berg, said: "', 'he added, "'."""
    return regex.compile(rf"(?:{SPEAKER}),?\s+(?:{SPEECH_VERBS})(?:\s+\w+){{0,5}}\s*[:,]\s*$", regex.REVERSE)


@cache
def attribution_inside() -> regex.Pattern:
    """Inside a quote that never closes: the attribution that shows where it should have closed."""
    return regex.compile(
        rf"[,?!]\s+(?:(?:he|she|they)\s+(?:{SPEECH_VERBS})\b[^.!?\"“”«»\n]{{0,60}}[.,]"
        rf"|{SPEAKER_THIRD}{APPOSITION}\s+(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s+{SPEAKER_THIRD})"
    )


@cache
def said_here() -> regex.Pattern:
    """An attribution clause starting here: 'Beridze said', 'said the minister'."""
    return regex.compile(SAID)


@cache
def speech_end() -> regex.Pattern:
    """Where dialogue-dash speech ends inside its block: ', — said X', ', he said', '? she asked',
    '? Goodwin said.' (a name after a question ends it only when the attribution ends the sentence)."""
    # SAID is defined once and called twice: half the compile time of two copies
    return regex.compile(rf"(?(DEFINE)(?P<said>{SAID}))"
                         rf"(?:[,.!?…]?\s*(?:--|[—–―])\s*|[,.!?…]\s*-\s+|,\s*|[?!…]\s+(?=[a-z]|(?&said)[.,]))(?=(?&said))")


def _mark_at(text: str, i: int) -> str:
    """The mark at ``i``: one character, or a doubled '' / "" / `` typed for one double quotation mark."""
    pair = text[i:i + 2]
    return pair if pair in DOUBLED else text[i]


def _flanking(text: str, i: int, size: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(left, right): whether the mark at ``i`` can open (left-flanking) or close (right-flanking)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + size] if i + size < hi else " "
    prev_space, next_space = prev.isspace(), nxt.isspace()
    # a mark right after an opening bracket opens, and one right before a closing bracket closes,
    # even with a space on its other side: (" - item"), [" and "]
    left = not next_space and nxt not in CLOSING_BRACKETS and (prev_space or prev in OPENING_PUNCT or prev in ANY_QUOTE)
    right = not prev_space and prev not in OPENING_BRACKETS and (next_space or nxt in CLOSING_PUNCT or nxt in ANY_QUOTE)
    return left, right


def _double_role(mark: str, left: bool, right: bool, open_now: list[int], text: str) -> str:
    if mark in ("„", "``"):
        return "open"
    if mark == "“":
        if open_now and text[open_now[-1]] == "„":
            return "close"
        return "close" if right and not left and open_now else "open"
    if mark in ("”", "»"):
        return "open" if left and not right and not open_now else "close"
    if mark == "«":
        return "close" if right and not left and open_now and text[open_now[-1]] == "»" else "open"
    # straight " and ‟, or a doubled '' / ""
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "close" if open_now else "open"


def _single_role(text: str, i: int, lo: int, hi: int, left: bool, right: bool) -> str:
    """'open', 'close', 'maybe' (a closing mark or a plural possessive) or 'apostrophe'."""
    mark = text[i]
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"  # it's, rock'n'roll, O'Brien
    if mark == "‚":
        return "open"
    if mark == "`":
        return "open" if left else "apostrophe"  # a grave accent that opens a word, not code's closing one
    if mark in "‹›":
        return "open" if mark == "‹" else "close"
    if left and not right:
        if nxt.isdigit() or ELISION.match(text, i + 1, hi):
            return "apostrophe"  # the '90s, 'em, rock 'n' roll
        return "open"
    if right and not left:
        if prev.isdigit():
            # a prime before inches (5' 11"), else a closing mark or a prime: 'Article 50'
            return "apostrophe" if PRIME_BEFORE.match(text, i + 1, hi) else "maybe"
        if prev in "sSzZxX":
            # students' books, or 'the boss'; but a possessive comes before its noun, not before
            # punctuation or a function word ("the borders' in a statement")
            after = NOT_POSSESSED.match(text, i + 1, hi)
            return "close" if after else "maybe"
        if prev in "”\")]»" and nxt in "sS":
            return "apostrophe"  # "Trump”’s"
        if i - 2 >= lo and text[i - 2] in "'‘’" and prev in "nN":
            return "apostrophe"  # the second mark of rock 'n' roll
        return "close"
    return "apostrophe"


@dataclass(slots=True)
class _Marks:
    """One family's marks in one block after pairing."""

    pairs: list[tuple[int, int]] = field(default_factory=list)  # (opening, closing) positions
    openers: list[int] = field(default_factory=list)  # every opening mark, paired or not
    opens_left: list[int] = field(default_factory=list)
    stray_closes: list[int] = field(default_factory=list)
    word_closes: list[int] = field(default_factory=list)  # single closing marks after a letter: goin', Brexit'
    first_role: str = ""  # role of the family's first mark in the block: "open", "close" or ""


def _pair_doubles(text: str, marks: list[int], lo: int, hi: int) -> _Marks:
    out = _Marks()
    stack: list[int] = []
    for i in marks:
        mark = _mark_at(text, i)
        prev = text[i - 1] if i > lo else ""
        left, right = _flanking(text, i, len(mark), lo, hi)
        role = _double_role(mark, left, right, stack, text)
        if prev.isdigit() and mark in ('"', "”") and (not stack or FEET_INCHES.search(text, max(lo, i - 8), i)) \
                and not CODE_BEFORE.search(text, max(lo, i - 12), i):
            continue  # an inch mark: 5' 11", a 24" screen
        out.first_role = out.first_role or role
        if role == "open":
            stack.append(i)
            out.openers.append(i)
        elif stack:
            out.pairs.append((stack.pop(), i))
        else:
            out.stray_closes.append(i)
    out.opens_left = stack
    return out


def _pair_singles(text: str, marks: list[int], lo: int, hi: int) -> _Marks:
    out = _Marks()
    events: list[tuple[int, str]] = []
    for i in marks:
        left, right = _flanking(text, i, 1, lo, hi)
        role = _single_role(text, i, lo, hi, left, right)
        if role != "apostrophe":
            events.append((i, role))
    # For each event, whether the next decisive mark after it closes (True) or opens (False) a quote.
    close_follows = [False] * len(events)
    following = False
    for n in range(len(events) - 1, -1, -1):
        close_follows[n] = following
        if events[n][1] in ("open", "close"):
            following = events[n][1] == "close"
    stack: list[int] = []
    for n, (i, role) in enumerate(events):
        if role == "open":
            stack.append(i)
            out.openers.append(i)
            out.first_role = out.first_role or "open"
        elif role == "close":
            out.first_role = out.first_role or "close"
            if stack:
                out.pairs.append((stack.pop(), i))
            elif i == lo or not text[i - 1].isalpha() or text[i - 1] not in "nNlLoO":
                out.stray_closes.append(i)  # after punctuation or a word that elides nothing: "in May’ she said"
            else:
                out.word_closes.append(i)  # an elision (goin', ol', o'), or a mismatched close
        elif stack and not close_follows[n]:  # else a possessive: the students' books
            out.pairs.append((stack.pop(), i))
    out.opens_left = stack
    return out


def _pair_brackets(text: str, marks: list[int], lo: int) -> list[tuple[int, str]]:
    stray: list[tuple[int, str]] = []
    stacks: dict[str, list[int]] = {"(": [], "[": []}
    partner = {")": "(", "]": "["}
    for i in marks:
        mark = text[i]
        if mark in stacks:
            stacks[mark].append(i)
            continue
        if mark == ")" and not stacks["("] and (i > lo and text[i - 1] in ":;" or (
                LIST_NUMBER.search(text[max(lo, i - 5):i]) and (i + 1 >= len(text) or text[i + 1].isspace()))):
            continue  # "a) roads", "1) rail", a smiley
        stack = stacks[partner[mark]]
        if stack:
            stack.pop()
        else:
            stray.append((i, "close"))
    for stack in stacks.values():
        stray.extend((i, "open") for i in stack)
    return stray


def _attribution_after(text: str, end: int, hi: int) -> tuple[int, int] | None:
    if end < hi and text[end] not in " ,\u00a0—–―-":
        return None
    m = attribution_after().match(text, end, hi)
    if not m:
        return None
    start = end
    while start < m.end() and (text[start].isspace() or text[start] in ",—–―-"):
        start += 1
    stop = m.end()
    while stop > start and text[stop - 1] in " ,;:":
        stop -= 1
    return (start, stop) if stop > start else None


def _attribution_before(text: str, start: int, lo: int) -> tuple[int, int] | None:
    lead = text[max(lo, start - 3):start].rstrip()
    if not lead.endswith((":", ",")):
        return None
    m = attribution_before().search(text, max(lo, start - 160), start)
    if not m:
        return None
    stop = m.end()
    while stop > m.start() and text[stop - 1] in " ,:":
        stop -= 1
    return m.start(), stop


def _dash_at(text: str, i: int) -> str:
    return "--" if text.startswith("--", i) else text[i]


def _dash_speech(text: str, block_index: int, lo: int, hi: int, stray_closes: list[int], in_list: bool,
                 introduced: tuple[str, tuple[int, int] | None], interview: bool = False) -> list[Quote]:
    """Speech marked with a dialogue dash in one block: at its start, after 'she said.', after a
    colon, or after a sentence when the words are in the first person.

    A dash-led block is speech when a stray closing mark ends it, or when a speaker is named and
    it is not a list item: one of three or more dash-led blocks in a row (two or more led by a
    hyphen, a bullet) must also speak in the first person ("we", "I", "our"). A paragraph that ends by naming a speaker
    ("Orlov told reporters:") introduces speech; one that ends with any other colon ("Orlov was
    blunt:") does when the words are in the first person."""
    out: list[Quote] = []
    starts: list[tuple[int, int, str]] = []  # (dash position, words start, what comes before)
    m = dialogue_dash().match(text, lo, hi)
    if m:
        starts.append((lo, m.end(), "start"))
    for c in SPACED_DASH.finditer(text, lo, hi):
        stop, before = c.group(1), max(lo, c.start() - 120)
        if said_here().match(text, c.end(), hi):
            continue  # ', — Beridze said': the dash that hands over to the attribution
        if stop in ".," and DASH_CONTINUATION.search(text, before, c.start() + 1):
            how = "attribution"  # 'she said. — So far'
        elif stop == ":":
            how = "speaker" if INTRODUCED_BY_SPEAKER.search(text, before, c.start() + 1) else "colon"
        elif stop != ",":
            how = "sentence"  # 'was unapologetic. – People ask me': speech only in the first person
        else:
            continue
        starts.append((c.start(2), c.end(), how))
    for n, (dash, words, how_before) in enumerate(starts):
        limit = starts[n + 1][0] if n + 1 < len(starts) else hi
        k = bisect.bisect_right(stray_closes, words)
        closing = stray_closes[k] if k < len(stray_closes) and stray_closes[k] < limit else None
        attribution = None
        if closing is not None:
            close_mark = _mark_at(text, closing)
            inner_end, end = closing, closing + len(close_mark)
            attribution = _attribution_after(text, end, hi)
        else:
            e = speech_end().search(text, words, limit)
            inner_end = e.start() if e else limit
            end, close_mark = inner_end, ""
            if e:  # after the punctuation that ends the speech, at the dash that hands over ('on—said X')
                attribution = _attribution_after(text, e.start() + (text[e.start()] in ",.!?…"), hi)
        first_person = FIRST_PERSON.search(text, words, inner_end) is not None
        if closing is None and dash == lo and not interview:
            how, intro = introduced
            if attribution is None and not (how == "speaker" or (how and first_person)):
                continue  # a dash-led line with no speaker: a list item
            if in_list and not first_person:
                continue  # a list item that reports what someone said, not speech
        elif closing is None and how_before in ("colon", "sentence") and attribution is None and not first_person:
            continue  # a dash after a sentence or a colon, with neither a speaker nor a first person
        while inner_end > words and (text[inner_end - 1].isspace() or (text[inner_end - 1] == "," and not close_mark)):
            inner_end -= 1
        if inner_end <= words:
            continue
        if attribution is None and dash == lo:
            attribution = introduced[1]  # 'Orlov told reporters:' in the paragraph before
        out.append(Quote(dash, max(end, inner_end), words, inner_end, _dash_at(text, dash), close_mark, block_index,
                         attribution=attribution))
    return out


def _speaker_from_before(speech: Quote, said: list[tuple[int, int]], said_ends: list[int]) -> Quote:
    """Speech continued after 'she said. — ...' takes the attribution of the quotation before it
    (``said``: the block's attribution spans sorted by their end, ``said_ends`` those ends)."""
    if speech.attribution is not None:
        return speech
    k = bisect.bisect_right(said_ends, speech.start)
    if not k:
        return speech
    return Quote(speech.start, speech.end, speech.inner_start, speech.inner_end, speech.open_mark, speech.close_mark,
                 speech.block, speech.level, speech.continues, said[k - 1])


def _nesting(quotes: list[Quote]) -> list[Quote]:
    """Set ``level`` from containment (quotes are sorted by start)."""
    out: list[Quote] = []
    open_ends: list[int] = []
    for q in quotes:
        while open_ends and open_ends[-1] <= q.start:
            open_ends.pop()
        level = len(open_ends)
        out.append(q if level == q.level else Quote(q.start, q.end, q.inner_start, q.inner_end, q.open_mark,
                                                    q.close_mark, q.block, level, q.continues, q.attribution))
        open_ends.append(q.end)
    return out


def _interlude(block, text: str, families: dict) -> bool:
    """A block a quote can run across: a crosshead (a heading, or a short line that ends no
    sentence, quoted words and all: Economy 'fundamentally strong'), or a photo caption: one short
    sentence without quotation marks in the present tense, as captions are written ("Protesters
    hold banners outside the summit on Monday."). A paragraph of the reporter's narrative in
    between (past tense) ends the quotation, however short."""
    if block.kind == "heading":
        return True
    size = block.end - block.start
    if size <= 80 and not CROSSHEAD_END.search(text, block.start, block.end):
        return True
    if size > 200 or any(families.get(block.index, ())):
        return False
    piece = text[block.start:block.end].rstrip()
    if INNER_SENTENCE_END.search(piece):
        return False  # two sentences: prose, not a caption
    words = [w.strip(".,;:()") for w in piece.lower().split()]
    return not any(len(w) > 4 and w.endswith("ed") or w in PAST_TENSE for w in words)


def _introduction(text: str, block) -> tuple[str, tuple[int, int] | None]:
    """How the block before dash-led words introduces them: ("speaker", its attribution) for
    'Orlov told reporters:', ("colon", None) for any other line ending with a colon, else ("", None)."""
    if text[block.end - 1] != ":":
        return "", None
    if not INTRODUCED_BY_SPEAKER.search(text, max(block.start, block.end - 120), block.end):
        return "colon", None
    return "speaker", _attribution_before(text, block.end, block.start)


def _in_dash_list(text: str, blocks: list, b_index: int) -> bool:
    """True when the block is one of a list of dash-led blocks: three or more in a row, or two or
    more led by a hyphen (a bullet; a lone hyphen-led paragraph is no list)."""
    def dash_led(i: int) -> bool:
        return 0 <= i < len(blocks) and blocks[i].start < blocks[i].end and text[blocks[i].start] in "—–―-"

    first = last = b_index
    while dash_led(first - 1) and b_index - first < 2:
        first -= 1
    while dash_led(last + 1) and last - first < 2:
        last += 1
    size = 2 if text[blocks[b_index].start] == "-" else 3
    return dash_led(b_index) and last - first >= size - 1


def _dash_blocks(text: str, blocks: list) -> set[int]:
    """Blocks where a dash may mark speech: they open with a dash, or a spaced dash follows a sentence."""
    out = {b.index for b in blocks if b.start < b.end and text[b.start] in "—–―-"}
    if not any(dash in text for dash in ("—", "–", "―", ". -", ": -", ", -", "? -", "! -")):
        return out  # no dash that could open speech inside a paragraph (a cheap test)
    starts = [b.start for b in blocks]
    for m in SPACED_DASH.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= blocks[i].end:
            out.add(i)
    return out


def _interview(text: str, blocks: list, dash_blocks: set[int]) -> set[int]:
    """Blocks of an interview set with dialogue dashes: a run of dash-led blocks in which a
    question ('— How do you assess the season?') is answered by the next dash-led block."""
    out: set[int] = set()
    led = sorted(i for i in dash_blocks if text[blocks[i].start] in "—–―-")
    run: list[int] = []
    for i in led + [-2]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        if any(text[blocks[j].start:blocks[j].end].rstrip(" \"'”’»").endswith("?") for j in run[:-1]):
            out.update(run)
        run = [i]
    return out


def _marks_by_block(text: str, blocks: list) -> Iterator[tuple[int, tuple[list[int], list[int], list[int]]]]:
    """(block index, (double, single, bracket mark positions)) for each block holding a mark."""
    found = [(m.start(), m.group()) for m in MARKS.finditer(text)]
    if not found:
        return
    positions = [p for p, _ in found]
    for b_index, block in enumerate(blocks):
        k = bisect.bisect_left(positions, block.start)
        if k == len(positions) or positions[k] >= block.end:
            continue
        doubles: list[int] = []
        singles: list[int] = []
        brackets: list[int] = []
        while k < len(found) and found[k][0] < block.end:
            pos, ch = found[k]
            k += 1
            if ch in DOUBLE or len(ch) == 2:
                doubles.append(pos)
            elif ch in SINGLE:
                if not (block.start < pos < block.end - 1 and text[pos - 1].isalnum() and text[pos + 1].isalnum()):
                    singles.append(pos)  # not an apostrophe inside a word: it's, don’t, O'Brien
            else:
                brackets.append(pos)
        yield b_index, (doubles, singles, brackets)


def analyze_quotes(doc: Document) -> QuoteAnalysis:
    text = doc.text
    result = QuoteAnalysis()
    blocks = doc.blocks
    quotes: list[Quote] = []
    per_block: dict[int, tuple[_Marks, _Marks]] = {}
    strays: list[StrayMark] = []
    for b_index, (doubles, singles, brackets) in _marks_by_block(text, blocks):
        lo, hi = blocks[b_index].start, blocks[b_index].end
        if doubles or singles:
            per_block[b_index] = (_pair_doubles(text, doubles, lo, hi),
                                  _pair_singles(text, singles, lo, hi))
        strays.extend(StrayMark(i, i + 1, text[i], role, "bracket", b_index)
                      for i, role in _pair_brackets(text, brackets, lo))

    families = {i: tuple(m.pairs or m.stray_closes or m.opens_left for m in pair) for i, pair in per_block.items()}
    for b_index, (double, single) in per_block.items():
        block = blocks[b_index]
        for kind, marks in (("double", double), ("single", single)):
            for a, b in marks.pairs:
                close = _mark_at(text, b)
                quotes.append(Quote(a, b + len(close), a + len(_mark_at(text, a)), b, _mark_at(text, a), close,
                                    b_index, attribution=_attribution_after(text, b + len(close), block.end)
                                    or _attribution_before(text, a, block.start)))
            for o in marks.opens_left:
                quotes.extend(_unclosed(text, o, marks, kind, b_index, blocks, per_block, families, strays))
    for b_index, (double, single) in per_block.items():
        for kind, marks in (("double", double), ("single", single)):
            # A single closing mark after punctuation ("in May,’ she said") or after a word that
            # elides no letter (not goin', ol', o') is no apostrophe.
            strays.extend(StrayMark(i, i + len(_mark_at(text, i)), _mark_at(text, i), "close", kind, b_index,
                                    certain=kind == "double" or text[i - 1:i] in ".,;:!?…" or text[i - 1:i].isalpha(),
                                    open_at=_likely_opening(text, i, blocks[b_index].start))
                          for i in marks.stray_closes)

    strays.sort(key=lambda s: s.start)
    block_strays: dict[int, list[StrayMark]] = {}
    for s in strays:
        block_strays.setdefault(s.block, []).append(s)
    said_before: dict[int, list[tuple[int, int]]] = {}
    for q in quotes:
        if q.attribution:
            said_before.setdefault(q.block, []).append(q.attribution)
    for spans in said_before.values():
        spans.sort(key=lambda span: span[1])
    dash_blocks = _dash_blocks(text, blocks)
    interview = _interview(text, blocks, dash_blocks) if dash_blocks else set()
    for b_index in sorted(set(block_strays) | dash_blocks):
        block = blocks[b_index]
        own = block_strays.get(b_index, [])
        closes = [s.start for s in own if s.role == "close" and s.kind == "double"]
        in_list = _in_dash_list(text, blocks, b_index)
        introduced = _introduction(text, blocks[b_index - 1]) if b_index > 0 else ("", None)
        said = said_before.get(b_index, [])
        said_ends = [end for _, end in said]
        speech = [_speaker_from_before(q, said, said_ends)
                  for q in _dash_speech(text, b_index, block.start, block.end, closes, in_list, introduced,
                                        b_index in interview)]
        speech_starts = [q.inner_start for q in speech]
        for s in own:
            n = bisect.bisect_right(speech_starts, s.start) - 1
            owner = n if n >= 0 and s.start <= speech[n].end else -1
            if owner >= 0:
                s = StrayMark(s.start, s.end, s.mark, s.role, s.kind, s.block, s.certain, len(result.speech) + owner,
                              s.close_at, s.next_block, s.open_at)
            result.unpaired.append(s)
        result.speech.extend(speech)
    quotes.sort(key=lambda q: (q.start, -q.end))
    result.quotes = _nesting(quotes)
    return result


def _same_style(a: str, b: str) -> bool:
    """True when two opening marks are of one style (a doubled '' or "" stands for a straight ")."""
    return STYLE.get(a, a) == STYLE.get(b, b)


def _continuation(text: str, kind: str, b_index: int, blocks: list, per_block: dict, families: dict,
                  mark: str) -> tuple[int, str]:
    """Where a quote left open at the end of block ``b_index`` goes on: (block index, "reopen" | "close"),
    or (-1, "") when no later paragraph continues it. Crossheads and short captions in between are skipped."""
    j = b_index + 1
    while j < len(blocks) and j <= b_index + 3:
        marks = per_block.get(j)
        fam = marks[0 if kind == "double" else 1] if marks else None
        if fam is not None and fam.first_role:
            if fam.first_role == "open" and fam.openers and _starts_block(text, blocks[j], fam.openers[0]):
                if _same_style(_mark_at(text, fam.openers[0]), mark):
                    return j, "reopen"
                return -1, ""  # reopened in another style: a new quotation, not this one going on
            if fam.first_role == "close" and fam.stray_closes:
                return j, "close"
            return -1, ""
        if not _interlude(blocks[j], text, families):
            return -1, ""
        j += 1
    return -1, ""


def _starts_block(text: str, block, pos: int) -> bool:
    """True when the mark at ``pos`` opens the block (after a list number or a dash at most)."""
    return LEAD_IN.fullmatch(text, block.start, pos) is not None


def _unclosed(text: str, o: int, marks: _Marks, kind: str, b_index: int, blocks: list, per_block: dict,
              families: dict, strays: list[StrayMark]) -> list[Quote]:
    """A quote left open in its block: continued (reopened later or in a later block), or a stray mark."""
    block = blocks[b_index]
    mark = _mark_at(text, o)
    k = bisect.bisect_right(marks.openers, o)
    reopen = marks.openers[k] if k < len(marks.openers) else None
    if reopen is not None:
        # Paragraphs merged into one (as some sources print a multi-paragraph quote): the quote
        # reopens after a sentence, with no attribution between to show that it ended.
        if SENTENCE_END_BEFORE.search(text, max(block.start, reopen - 4), reopen) and \
                not attribution_inside().search(text, o, reopen) and _opens_clause(text, o, block.start):
            end = reopen
            while end > o + 1 and text[end - 1].isspace():
                end -= 1
            return [Quote(o, end, o + len(mark), end, mark, "", b_index, continues=True)]
        inside = attribution_inside().search(text, o, reopen)
        strays.append(StrayMark(o, o + len(mark), mark, "open", kind, b_index, certain=kind == "double",
                                close_at=inside.start() + 1 if inside else -1))
        return []
    inside = attribution_inside().search(text, o, block.end)
    # An attribution inside shows the quote ended in this paragraph: a reopening in the next one
    # starts another quotation. Only speech runs on into the next paragraph: a phrase quoted
    # inside the reporter's sentence ('the crucial "Five Eyes pact') closes where it opened.
    j, how = (-1, "") if inside is not None or not _opens_clause(text, o, block.start) else \
        _continuation(text, kind, b_index, blocks, per_block, families, mark)
    if how:
        out = [Quote(o, block.end, o + len(mark), block.end, mark, "", b_index, continues=True)]
        if how == "close":
            fam = per_block[j][0 if kind == "double" else 1]
            close = fam.stray_closes.pop(0)
            close_mark = _mark_at(text, close)
            out.append(Quote(blocks[j].start, close + len(close_mark), blocks[j].start, close, "", close_mark, j,
                             attribution=_attribution_after(text, close + len(close_mark), blocks[j].end)))
        return out
    # Certain when something shows the quote has ended: a single mark closes it instead (mismatched
    # marks), an attribution follows inside it, or the article ends.
    single_closes = per_block[b_index][1].stray_closes or per_block[b_index][1].word_closes
    k = bisect.bisect_right(single_closes, o)
    wrong_close = single_closes[k] if kind == "double" and k < len(single_closes) else -1
    inside = inside if wrong_close < 0 else None
    close_at = wrong_close if wrong_close >= 0 else inside.start() + 1 if inside else -1
    # The quotation runs to the end of its paragraph and the next paragraph neither reopens it in
    # the same style nor closes it: it is unclosed. A single mark is a quotation mark, not an
    # apostrophe, when it opens speech (after a colon or a comma, or at the paragraph's start,
    # before a capital), when it opens inside a double quotation that closes first, in a headline,
    # where the article quotes with single marks elsewhere, or when it is curly or low; but not
    # before a word the article writes with the same mark again and again (a clipping: 'bot, 'burbs).
    certain = kind == "double" or inside is not None
    if not certain:
        lead = text[max(block.start, o - 2):o].strip()
        after = text[o + len(mark):o + len(mark) + 3].lstrip(" \u00a0\u202f")[:1] if mark == "‹" else \
            text[o + len(mark):o + len(mark) + 1]  # French sets a (thin) space inside guillemets
        speech_like = (lead in ("", ":", ",") or lead.endswith((":", ","))) and after.isupper()
        nested = any(a < o < b for a, b in per_block[b_index][0].pairs)
        certain = after.isalpha() and not _clipping(text, o, per_block) and (
            speech_like or nested or mark in "‘‚‹`" or block.kind == "heading"
            or any(m[1].pairs for m in per_block.values()))
    strays.append(StrayMark(o, o + len(mark), mark, "open", kind, b_index, certain=certain, close_at=close_at,
                            next_block=_next_paragraph(blocks, b_index)))
    return []


def _clipping(text: str, o: int, per_block: dict) -> bool:
    """True when another single mark that never closes opens the same word elsewhere in the text: an
    elided word the writer spells that way ('bot nets, 'burbs), not a quotation left open."""
    def word_after(i: int) -> str:
        m = WORD_AFTER_MARK.match(text, i + 1)
        return m.group().lower() if m else ""

    word = word_after(o)
    return bool(word) and any(i != o and word_after(i) == word for _, single in per_block.values()
                              for i in single.opens_left)


@cache
def _speech_verb_before() -> re.Pattern:
    """A speech verb, or the "that" of a reported clause ("the point that "the benefits are huge."),
    right before a quotation: the quoted words are a whole sentence."""
    return re.compile(rf"\b(?:{SPEECH_VERBS}|that)$")


def _opens_clause(text: str, o: int, lo: int) -> bool:
    """True when the quotation mark at ``o`` opens a whole sentence of speech: at the paragraph's
    start, after a sentence, a colon, a comma, a dash or a bracket, or right after a speech verb
    ('said "') or a reported clause's "that". A phrase quoted inside the reporter's sentence is
    closed before the paragraph ends, even when the quotation goes on in the next one (AP style)."""
    lead = text[max(lo, o - 60):o].rstrip()
    if not lead:
        return True
    return lead[-1] in ".!?…:;,—–―-([\"'”’»" or _speech_verb_before().search(lead) is not None


def _likely_opening(text: str, close: int, lo: int) -> int:
    """Where a quotation with a closing mark but no opening one most likely opened: the start of
    the sentence (or the words after a colon) that the mark closes; -1 when the mark closes no
    sentence of speech."""
    if text[close - 1:close] not in ".!?,…":
        return -1
    i = close - 1
    while i > lo:
        ch = text[i - 1]
        if ch == ":" or ch in ".!?" and i - 1 > lo and text[i:i + 1].isspace():
            break
        if ch in "\"“”«»":
            return -1  # another quotation stands between: the opening is not known
        i -= 1
    while i < close and text[i].isspace():
        i += 1
    return i if i < close - 1 else -1


def _next_paragraph(blocks: list, b_index: int) -> int:
    """The next block that is not a heading, or -1 at the end of the article."""
    for j in range(b_index + 1, len(blocks)):
        if blocks[j].kind != "heading":
            return j
    return -1
