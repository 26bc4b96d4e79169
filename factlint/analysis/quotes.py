"""Quotation structure: which marks pair up, which do not, and speech marked with dialogue dashes.

``doc.quotes`` is a :class:`QuoteAnalysis` with four lists, every offset into ``doc.text``:

``quotes`` (:class:`Quote`, ordered by ``start``): a quotation opened by a mark.
    ``start``/``end``       the whole quotation, marks included (``end`` is just after the closing
                            mark, or the end of the quoted text when it has none).
    ``inner_start``/``inner_end``  the quoted words without the marks.
    ``open_mark``           the opening character: ``"`` ``“`` ``„`` ``«`` ``'`` ``‘`` ``‚`` ``‹`` ``”``.
    ``close_mark``          the closing character, or ``""`` when the quotation goes on in the
                            next paragraph (it reopens there: the multi-paragraph convention) or
                            its next paragraph was merged into this one (it reopens mid-block).
    ``block``               index of the Block holding the opening mark.
    ``level``               0 for an outermost quotation, 1 for a quote inside a quote, ...
    ``continues``           True when the quotation is continued by the next Quote (no closing mark).
    ``attribution``         (start, end) of the clause naming the speaker ("he said", "Anna Berg,
                            the mayor, told reporters"), or None when none sits next to the quote.

``speech`` (:class:`Quote` with ``open_mark`` a dash ``—``/``–``/``-``): words marked as speech
    with a dialogue dash, the Russian/French convention. ``close_mark`` is a stray closing
    quotation mark that ends the speech, or ``""``. ``attribution`` as above.

``unpaired`` (:class:`StrayMark`): quotation marks and brackets with no partner in their block,
    after apostrophes, primes, inch marks, list numbering ("a)") and the multi-paragraph
    convention are taken out. ``role`` is "open" or "close"; ``kind`` is "double", "single"
    or "bracket"; ``certain`` is False for single quotes that could still be apostrophes.
    ``speech`` is the index in ``speech`` of the dialogue-dash span it belongs to, or -1.

``apostrophes``: offsets of single-quote characters read as apostrophes or primes (for checks
    that care about typography).

Records are slotted frozen dataclasses; the lists are computed once per document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
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


@dataclass(slots=True)
class QuoteAnalysis:
    quotes: list[Quote] = field(default_factory=list)
    speech: list[Quote] = field(default_factory=list)
    unpaired: list[StrayMark] = field(default_factory=list)
    apostrophes: list[int] = field(default_factory=list)

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
SINGLE = frozenset("'‘’‚‹›")
MARKS = regex.compile(r"[\"“”„‟«»'‘’‚‹›()\[\]]")
OPENING_PUNCT = frozenset("([{—–-/\u00a0\u2009\u202f")
CLOSING_PUNCT = frozenset(".,;:!?)]}…—–-")
ANY_QUOTE = DOUBLE | SINGLE
# Words that begin with an elided letter: 'em, 'til, 'cause, 'n', 'tis, 'twas, 'bout, 'round.
ELISION = regex.compile(r"(?:n|em|til|cause|cos|tis|twas|bout|round|s)(?![\w])", regex.IGNORECASE)
# "a)", "1)", "iv)": list numbering, not a bracket.
LIST_NUMBER = regex.compile(r"(?:(?<=^)|(?<=[\s(]))(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})$")
FEET_INCHES = regex.compile(r"\d['’′]\s?\d{1,2}$")
SENTENCE_END_BEFORE = regex.compile(r"[.!?…][\"”’»)\]]?\s+$")
DIALOGUE_DASH = regex.compile(r"[—–-]\s*(?=[\"“«]?[\p{Lu}\d])")

SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|noted|notes|stressed|stresses|explained|explains|concluded|"
    r"emphasi[sz]ed|underlined|insisted|argued|argues|warned|warns|recalled|replied|answered|asked|"
    r"continued|commented|believes|believed|thinks|stated|states|declared|admitted|acknowledged|"
    r"suggested|pointed out|wrote|writes|claimed|claims|announced|assured|predicted|urged|"
    r"summed up|complained|confirmed|observed|remarked|reported|shared|agreed|specified|clarified"
)
SPEAKER = r"(?:he|she|they|we|I|it|the\s+\w+(?:\s+\w+)?|[\p{Lu}][\w'’.-]*(?:\s+[\p{Lu}][\w'’.-]*){0,3})"
# After a quotation: ', he said', ', Anna Berg, the mayor, told reporters', ', — said Ivanov'.
ATTRIBUTION_AFTER = regex.compile(
    rf"\s*(?:[—–-]\s*)?(?:{SPEAKER}(?:,[^,.!?\"“”]{{1,120}},)?\s+(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s+{SPEAKER})"
    r"[^.!?\"“”«»]{0,160}"
)
# Before a quotation: 'Anna Berg said: "', 'he added, "'.
ATTRIBUTION_BEFORE = regex.compile(rf"(?:{SPEAKER})\s+(?:{SPEECH_VERBS})(?:\s+\w+){{0,3}}\s*[:,]\s*$")
# "she said. — So far": a dialogue dash continuing speech after an attribution.
DASH_CONTINUATION = regex.compile(
    rf"\b(?:{SPEECH_VERBS})\b[^.!?\"“”]{{0,80}}[.,]\s+([—–])\s+(?=[\p{{Lu}}\d])"
)
# Where dialogue-dash speech ends inside its block: ', — said X', ', he said', a stray closing mark.
SPEECH_END = regex.compile(
    rf"(?:[,.!?…]\s*[—–-]\s+|,\s*)(?=(?:{SPEAKER}(?:,[^,.!?]{{1,120}},)?\s+(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s+{SPEAKER}))"
)


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _flanking(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(left, right): whether the mark at ``i`` can open (left-flanking) or close (right-flanking)."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    left = not _is_space(nxt) and (_is_space(prev) or prev in OPENING_PUNCT or prev in ANY_QUOTE)
    right = not _is_space(prev) and (_is_space(nxt) or nxt in CLOSING_PUNCT or nxt in ANY_QUOTE)
    return left, right


@dataclass(slots=True)
class _Open:
    pos: int
    mark: str


def _double_role(mark: str, left: bool, right: bool, open_now: list[_Open]) -> str:
    if mark == "„":
        return "open"
    if mark == "“":
        if open_now and open_now[-1].mark == "„":
            return "close"
        return "close" if right and not left and open_now else "open"
    if mark in "”»":
        return "open" if left and not right and not open_now else "close"
    if mark == "«":
        return "close" if right and not left and open_now and open_now[-1].mark == "»" else "open"
    # straight " and ‟
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
    if mark in "‹›":
        return "open" if mark == "‹" else "close"
    if left and not right:
        if nxt.isdigit() or ELISION.match(text, i + 1, hi):
            return "apostrophe"  # the '90s, 'em, rock 'n' roll
        return "open"
    if right and not left:
        if prev.isdigit():
            return "apostrophe"  # 5' 11", the 1990s'
        if prev in "sSzZxX":
            return "maybe"  # students' books, or 'the boss'
        if prev in "”\")]" and text.startswith("s", i + 1):
            return "apostrophe"
        return "close"
    if prev in "”\")]»" and nxt in "sS":
        return "apostrophe"  # "Trump”’s"
    return "apostrophe"


def _pair_doubles(text: str, marks: list[int], lo: int, hi: int,
                  pairs: list[tuple[int, int]], opens_left: list[_Open], stray: list[tuple[int, str]]) -> None:
    stack: list[_Open] = []
    for i in marks:
        mark = text[i]
        prev = text[i - 1] if i > lo else ""
        left, right = _flanking(text, i, lo, hi)
        role = _double_role(mark, left, right, stack)
        if prev.isdigit() and mark in '"”' and (not stack or FEET_INCHES.search(text, max(lo, i - 8), i)):
            continue  # an inch mark: 5' 11", a 24" screen
        if role == "open":
            stack.append(_Open(i, mark))
        else:
            if stack:
                pairs.append((stack.pop().pos, i))
            else:
                stray.append((i, "close"))
    opens_left.extend(stack)


def _pair_singles(text: str, marks: list[int], lo: int, hi: int, pairs: list[tuple[int, int]],
                  opens_left: list[_Open], stray: list[tuple[int, str]], apostrophes: list[int]) -> None:
    events: list[tuple[int, str]] = []
    for i in marks:
        left, right = _flanking(text, i, lo, hi)
        role = _single_role(text, i, lo, hi, left, right)
        if role == "apostrophe":
            apostrophes.append(i)
        else:
            events.append((i, role))
    stack: list[_Open] = []
    for n, (i, role) in enumerate(events):
        if role == "open":
            stack.append(_Open(i, text[i]))
        elif role == "close":
            if stack:
                pairs.append((stack.pop().pos, i))
            else:
                prev = text[i - 1] if i > lo else ""
                if prev.isalpha():
                    apostrophes.append(i)  # a possessive or an elision: goin', Jesus'
                else:
                    stray.append((i, "close"))
        else:  # "maybe": a closing mark only if no certain closer follows before the next opener
            if not stack:
                apostrophes.append(i)
                continue
            certain_close_follows = False
            for _, later in events[n + 1:]:
                if later == "open":
                    break
                if later == "close":
                    certain_close_follows = True
                    break
            if certain_close_follows:
                apostrophes.append(i)
            else:
                pairs.append((stack.pop().pos, i))
    opens_left.extend(stack)


def _pair_brackets(text: str, marks: list[int], lo: int, stray: list[tuple[int, str]]) -> None:
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


def _attribution_after(text: str, end: int, hi: int) -> tuple[int, int] | None:
    if end < hi and text[end] not in " ,\u00a0—–-":
        return None
    m = ATTRIBUTION_AFTER.match(text, end, hi)
    if not m:
        return None
    start = end
    while start < m.end() and (text[start].isspace() or text[start] in ",—–-"):
        start += 1
    stop = m.end()
    while stop > start and text[stop - 1] in " ,;:":
        stop -= 1
    return (start, stop) if stop > start else None


def _attribution_before(text: str, start: int, lo: int) -> tuple[int, int] | None:
    window = max(lo, start - 160)
    m = ATTRIBUTION_BEFORE.search(text, window, start)
    if not m:
        return None
    stop = m.end()
    while stop > m.start() and text[stop - 1] in " ,:":
        stop -= 1
    return m.start(), stop


def _dash_speech(doc: Document, text: str, block_index: int, lo: int, hi: int,
                 strays: list[StrayMark]) -> list[Quote]:
    """Speech marked with a dialogue dash in one block: at its start, or after 'she said.'."""
    out: list[Quote] = []
    starts: list[tuple[int, int]] = []  # (dash position, words start)
    m = DIALOGUE_DASH.match(text, lo, hi)
    if m:
        starts.append((lo, m.end()))
    for c in DASH_CONTINUATION.finditer(text, lo, hi):
        starts.append((c.start(1), c.end()))
    for n, (dash, words) in enumerate(starts):
        limit = starts[n + 1][0] if n + 1 < len(starts) else hi
        closing = next((s for s in strays if s.role == "close" and s.kind == "double" and words < s.start < limit),
                       None)
        attribution = None
        if closing is not None:
            inner_end, end, close_mark = closing.start, closing.end, closing.mark
            attribution = _attribution_after(text, end, hi)
        else:
            e = SPEECH_END.search(text, words, limit)
            inner_end = e.start() if e else limit
            end, close_mark = inner_end, ""
            if e:
                attribution = _attribution_after(text, e.start() + 1, hi)
        is_speech = closing is not None or attribution is not None or dash != lo
        if not is_speech:
            continue
        while inner_end > words and (text[inner_end - 1].isspace() or (text[inner_end - 1] == "," and not close_mark)):
            inner_end -= 1
        if inner_end <= words:
            continue
        out.append(Quote(dash, max(end, inner_end), words, inner_end, text[dash], close_mark, block_index,
                         attribution=attribution))
    return out


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


def analyze_quotes(doc: Document) -> QuoteAnalysis:
    text = doc.text
    result = QuoteAnalysis()
    blocks = doc.blocks
    quotes: list[Quote] = []
    for b_index, block in enumerate(blocks):
        lo, hi = block.start, block.end
        doubles: list[int] = []
        singles: list[int] = []
        brackets: list[int] = []
        for m in MARKS.finditer(text, lo, hi):
            ch = m.group()
            (doubles if ch in DOUBLE else singles if ch in SINGLE else brackets).append(m.start())
        if not (doubles or singles or brackets) and not DIALOGUE_DASH.match(text, lo, hi) \
                and "said" not in text[lo:hi]:
            continue
        pairs: list[tuple[int, int]] = []
        stray_pos: list[tuple[int, str, str]] = []
        for kind, marks in (("double", doubles), ("single", singles)):
            kind_pairs: list[tuple[int, int]] = []
            opens_left: list[_Open] = []
            stray: list[tuple[int, str]] = []
            if kind == "double":
                _pair_doubles(text, marks, lo, hi, kind_pairs, opens_left, stray)
            else:
                _pair_singles(text, marks, lo, hi, kind_pairs, opens_left, stray, result.apostrophes)
            stray_pos.extend((i, role, kind) for i, role in stray)
            openers = sorted([a for a, _ in kind_pairs] + [o.pos for o in opens_left])
            quotes.extend(_unclosed(text, opens_left, openers, kind, b_index, blocks, stray_pos))
            pairs.extend(kind_pairs)
        bracket_stray: list[tuple[int, str]] = []
        _pair_brackets(text, brackets, lo, bracket_stray)
        stray_pos.extend((i, role, "bracket") for i, role in bracket_stray)
        for a, b in pairs:
            quotes.append(Quote(a, b + 1, a + 1, b, text[a], text[b], b_index,
                                attribution=_attribution_after(text, b + 1, hi) or _attribution_before(text, a, lo)))
        block_strays = [StrayMark(i, i + 1, text[i], role, kind, b_index, certain=kind != "single")
                        for i, role, kind in sorted(stray_pos)]
        speech = _dash_speech(doc, text, b_index, lo, hi, block_strays)
        for s in block_strays:
            owner = next((n for n, q in enumerate(speech) if q.inner_start <= s.start <= q.end), -1)
            if owner >= 0:
                s = StrayMark(s.start, s.end, s.mark, s.role, s.kind, s.block, s.certain, len(result.speech) + owner)
            result.unpaired.append(s)
        result.speech.extend(speech)
    quotes.sort(key=lambda q: (q.start, -q.end))
    result.quotes = _nesting(quotes)
    result.apostrophes.sort()
    return result


def _reopens_next_block(text: str, blocks: list, b_index: int, kind: str) -> bool:
    if b_index + 1 >= len(blocks):
        return False
    nxt = blocks[b_index + 1]
    first = text[nxt.start:nxt.start + 3].lstrip(" —–-")[:1]
    return first in (DOUBLE if kind == "double" else SINGLE) and first not in "”»’›"


def _unclosed(text: str, opens_left: list[_Open], openers: list[int], kind: str, b_index: int, blocks: list,
              stray_pos: list[tuple[int, str, str]]) -> list[Quote]:
    """Quotes left open at the end of a block: continued (reopened later or in the next block), or stray."""
    out: list[Quote] = []
    block = blocks[b_index]
    for o in opens_left:
        # the merged-paragraph convention: the next opener of the same kind starts a sentence
        k = bisect.bisect_right(openers, o.pos)
        reopen = openers[k] if k < len(openers) else None
        if reopen is not None and SENTENCE_END_BEFORE.search(text, max(block.start, reopen - 4), reopen):
            end = reopen
            while end > o.pos + 1 and text[end - 1].isspace():
                end -= 1
            out.append(Quote(o.pos, end, o.pos + 1, end, o.mark, "", b_index, continues=True))
        elif reopen is None and _reopens_next_block(text, blocks, b_index, kind):
            out.append(Quote(o.pos, block.end, o.pos + 1, block.end, o.mark, "", b_index, continues=True))
        else:
            stray_pos.append((o.pos, "open", kind))
    return out
