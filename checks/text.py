"""Text integrity (T5xx): what a careful sub-editor catches before anything else.

Quotation structure comes from ``doc.quotes`` (factlint/analysis/quotes.py); the other checks
are single-pass regex scans over each block, gated by a cheap whole-text test so that an
ordinary English article costs a few microseconds per check.
"""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import regex

from factlint.analysis.quotes import StrayMark
from factlint.api import Check, Issue, Related
from factlint.document import Document


def _on_first_use(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern]:
    """A pattern compiled when first needed: most articles never reach the paths that use it, and
    the ``regex`` compiler is slow enough to show in a one-article run."""
    @cache
    def compiled() -> regex.Pattern:
        return regex.compile(pattern, flags)
    return compiled


# --- T501 unbalanced-quotes ------------------------------------------------------------------

FAMILY = {"double": frozenset('"“”„‟«»') | {"''", '""', "``"}, "single": frozenset("'‘’‚‹›`"),
          "bracket": frozenset("([")}


def _excerpt(text: str, start: int, end: int, width: int = 40) -> str:
    """A short piece of text for a message, cut at a word boundary."""
    piece = " ".join(text[start:min(end, start + 4 * width)].split())
    if len(piece) <= width:
        return piece
    cut = piece.rfind(" ", 0, width)
    return piece[:cut if cut > width // 2 else width] + "…"


def _mark_name(stray: StrayMark) -> str:
    if stray.kind == "bracket":
        return "bracket"
    if stray.mark in ("«", "»", "‹", "›"):
        return "guillemet"
    return "single quotation mark" if stray.kind == "single" else "quotation mark"


class UnbalancedQuotes(Check):
    """
    What it checks:
        Quotation marks of every style (" ", “ ”, ‘ ’, « », „ “, ‹ ›, '' typed for a double mark,
        `` '' and ` ' as ASCII typists and TeX set them)
        and brackets ( ) [ ], paired per paragraph; a mark left without a partner is reported
        unless a convention recognised by its shape leaves it open: a whole sentence of speech that
        runs on into the next paragraph, which reopens it in the same style (a phrase quoted inside
        the reporter's sentence closes in its paragraph, as AP has it); apostrophes, elisions
        ('til, rock 'n' roll) and clippings the article writes the same way each time ('bot nets),
        plural possessives and primes (5' 11"). The message names the missing mark and where the
        quotation most likely closes (before the attribution inside it, at the single mark that
        closes it by mistake, or at the end of its paragraph) or opens (the start of the sentence
        a closing mark ends).

    Why an editor cares:
        A quote that never closes leaves the reader unsure where the speaker's words end and the
        reporter's begin; a closing mark with no opening one usually means the opening was lost,
        often because the speech was opened with a dialogue dash in translation.

    Fires on:
        "We are raising the dikes, the engineer told reporters. The work starts in May.
        — The region is a partner," Ivan Petrov told the paper.   (opened with a dash)
        The fund (about $4 billion will open in March.
        He said: "The plan will work.  /  He asked for a vote.   (the next paragraph does not reopen)
        The deal was "a good start.  /  "We will build on it," she said.   (a quoted phrase runs on)
        The vote is close. We will appeal." The union left.   (the opening mark is missing)

    Passes:
        It's rock 'n' roll from the '90s; the students' books; he is 5' 11" tall; a 24" screen.
        A quote that runs over paragraphs and reopens each one: "First part.  /  "Second part," he said.
        The same quote in a paragraph merged from those two: "First part. "Second part," he said.
        A quote interrupted by a crosshead or a present-tense caption ("Crews hold a banner on
        Monday."), or whose next paragraph closes it.
        List numbering: the plan has a) roads and b) rail. A mark inside brackets: (" - item").
    """

    code = "T501"
    name = "unbalanced-quotes"
    severity = "warning"
    summary = "quotation marks or brackets that do not pair up"

    def run(self, doc: Document) -> Iterator[Issue]:
        analysis = doc.quotes
        certain = [s for s in analysis.unpaired if s.certain]
        if not certain:
            return
        quote_starts = [q.start for q in analysis.quotes]
        single_opens: dict[int, StrayMark] = {}
        for s in analysis.unpaired:
            if s.role == "open" and s.kind == "single":
                single_opens.setdefault(s.block, s)
        # a single mark that closes a double quotation by mistake is reported with its opening mark
        wrong_closes = {s.close_at for s in certain if s.role == "open" and s.kind == "double"}
        for stray in certain:
            if stray.role == "close" and stray.kind == "single" and stray.start in wrong_closes:
                continue
            if stray.role == "open":
                yield self._unclosed(doc, stray, analysis, quote_starts)
            else:
                yield self._unopened(doc, stray, analysis, single_opens.get(stray.block))

    @staticmethod
    def _unclosed(doc: Document, stray: StrayMark, analysis, quote_starts: list[int]) -> Issue:
        text, block = doc.text, doc.blocks[stray.block]
        partner = "closing bracket" if stray.kind == "bracket" else "closing mark"
        message = (f"opening {_mark_name(stray)} {stray.mark} before '{_excerpt(text, stray.end, block.end)}' "
                   f"has no {partner} in this paragraph")
        related: tuple[Related, ...] = ()
        k = bisect.bisect_right(quote_starts, stray.start)
        second = analysis.quotes[k] if k < len(quote_starts) else None
        if second is not None and (second.block != stray.block or second.open_mark not in FAMILY[stray.kind]):
            second = None
        if stray.close_at >= 0 and text[stray.close_at] in FAMILY["single"]:
            message += f"; it closes with the single mark {text[stray.close_at]} instead"
            related = (Related(stray.close_at, stray.close_at + 1, "the quotation closes here with a single mark"),)
        elif stray.close_at >= 0:
            message += f"; the quote seems to end before the attribution '{_excerpt(text, stray.close_at, block.end)}'"
            related = (Related(stray.close_at - 1, stray.close_at, "the closing mark probably belongs here"),)
        elif stray.kind != "bracket" and stray.next_block < 0 and second is None:
            message += "; the article ends before it closes"
        elif stray.next_block >= 0 and second is None:
            nxt = doc.blocks[stray.next_block]
            if text[nxt.start:nxt.start + 1] in FAMILY[stray.kind]:
                message += ("; it quotes a phrase inside the sentence, which closes before the paragraph ends even "
                            "when the quotation goes on in the next paragraph")
            else:
                message += ("; the next paragraph does not reopen it, so it most likely closes at the end of this "
                            "paragraph")
            end = block.end
            while end > stray.end and text[end - 1].isspace():
                end -= 1
            related = (Related(end - 1, end, "the closing mark probably belongs after this"),
                       Related(nxt.start, min(nxt.end, nxt.start + 1), "the next paragraph does not reopen the quotation"))
        elif second is not None:
            message += f"; another quotation opens with {second.open_mark} before it closes"
            related = (Related(second.start, second.end, "a second quotation opens here"),)
        return Issue(stray.start, stray.end, message, related=related)

    @staticmethod
    def _unopened(doc: Document, stray: StrayMark, analysis, single: StrayMark | None) -> Issue:
        text, block = doc.text, doc.blocks[stray.block]
        partner = "opening bracket" if stray.kind == "bracket" else "opening mark"
        words = _excerpt(text, max(block.start, stray.start - 40), stray.start)
        message = f"closing {_mark_name(stray)} {stray.mark} after '{words}' has no {partner} in this paragraph"
        related: tuple[Related, ...] = ()
        if stray.speech >= 0:
            dash = analysis.speech[stray.speech]
            message += f"; the speech was opened with a dialogue dash {dash.open_mark} instead"
            related = (Related(dash.start, dash.start + 1, "the speech opens here with a dialogue dash"),)
        elif single is not None and single.start < stray.start and stray.kind == "double":
            message += f"; the quotation opened with a single mark {single.mark}"
            related = (Related(single.start, single.end, "the quotation opens here with a single mark"),)
        elif stray.open_at >= 0:
            message += f"; the quotation most likely opens before '{_excerpt(text, stray.open_at, stray.start, 30)}'"
            related = (Related(stray.open_at, stray.open_at + 1, "the opening mark probably belongs here"),)
        return Issue(stray.start, stray.end, message, related=related)


# --- T502 mixed-script -----------------------------------------------------------------------

@cache
def _confusables() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(foreign letter → Latin look-alike, script → Latin letter → look-alike in that script): the
    Latin/Cyrillic/Greek pairs of Unicode's confusables data (UTS #39), in factlint/data/confusables.json
    (generated by tools/confusables_table.py), read when a Cyrillic or Greek letter is first met."""
    from factlint.analysis.bundled import data_json

    data = data_json("confusables.json")
    return data["to_latin"], data["from_latin"]


# Cyrillic letters on the keys that type punctuation in the Latin (US) layout.
PUNCTUATION_KEYS = {"ю": ".", "б": ",", "ж": ";", "э": "'"}
FOREIGN_LETTER = _on_first_use(r"[\p{Cyrillic}\p{Greek}]")
CYRILLIC_OR_GREEK = re.compile("[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1d00-\u1dbf\u1f00-\u1fff\ua640-\ua69f]")
CYRILLIC_LETTER = _on_first_use(r"\p{Cyrillic}")
GREEK_LETTER = _on_first_use(r"\p{Greek}")
WORD_AT = _on_first_use(r"[\p{L}\p{M}]+")


def _script(ch: str) -> str:
    if "a" <= ch.lower() <= "z":
        return "Latin"
    if CYRILLIC_LETTER().match(ch):
        return "Cyrillic"
    if GREEK_LETTER().match(ch):
        return "Greek"
    return "other"


def _letter_name(ch: str) -> str:
    return f"{unicodedata.name(ch, 'letter').title().replace('Letter ', '')} U+{ord(ch):04X}"


class MixedScript(Check):
    """
    What it checks:
        A word whose letters come from two alphabets, where the odd letters are look-alikes in
        Unicode's confusables data (UTS #39) for every Latin/Cyrillic/Greek pair: a Cyrillic "а"
        inside "uranium", a Greek capital alpha in "AI", a Russian word typed with a Latin "o".
        The fix is the spelling in the one script every letter can be written in, else in the
        script of the majority of its letters; a word typed wholly in look-alikes ("ΝΑΤΟ" in Greek
        capitals) is reported when the article spells it in Latin letters elsewhere. Greek
        letters used as symbols (at a word's edge or in a short word) are told by shape.

    Why an editor cares:
        The word looks right on screen but is misspelt for every search engine, spell-checker,
        screen reader and archive; it comes from switching keyboard layouts mid-word.

    Fires on:
        urаnium (Cyrillic а), Еurasian (Cyrillic Е), Mоsсow, Мocква (Latin M and o in Russian);
        рrојесt (five Cyrillic letters, but only "project" can be spelt); ΝΑΤΟ beside NATO;
        stabilityю (a Cyrillic letter typed on the "." key with the Russian layout on).

    Passes:
        β-blocker, 10 μm, NF-κB, Tα, α-synuclein (Greek letters used as symbols at the edge of a
        word or in a short one), Москва, Moscow, and a word whose foreign letters have no Latin
        look-alike inside it (the likely intent is unknown).
    """

    code = "T502"
    name = "mixed-script"
    severity = "warning"
    summary = "a word mixes alphabets, e.g. Latin letters with Cyrillic look-alikes"

    def run(self, doc: Document) -> Iterator[Issue]:
        text = doc.text
        if not CYRILLIC_OR_GREEK.search(text):
            return
        seen_end = -1
        for block in doc.blocks:
            for m in FOREIGN_LETTER().finditer(text, block.start, block.end):
                if m.start() < seen_end:
                    continue
                start = m.start()
                while start > block.start and (text[start - 1].isalpha()):
                    start -= 1
                w = WORD_AT().match(text, start, block.end)
                if not w:
                    continue
                seen_end = w.end()
                issue = self._word_issue(text, w.start(), w.group())
                if issue:
                    yield issue

    @staticmethod
    def _word_issue(text: str, start: int, word: str) -> Issue | None:
        to_latin, from_latin = _confusables()
        scripts = [_script(ch) for ch in word]
        latin = scripts.count("Latin")
        foreign_scripts = {s for s in scripts if s in ("Cyrillic", "Greek")}
        if len(foreign_scripts) != 1 or "other" in scripts:
            return None
        foreign_script = foreign_scripts.pop()
        foreign = len(word) - latin
        if not latin:
            return MixedScript._whole_word(text, start, word, foreign_script, to_latin)
        table = from_latin[foreign_script]
        into_latin = all(ch in to_latin for ch, s in zip(word, scripts) if s == foreign_script)
        into_foreign = all(ch in table for ch, s in zip(word, scripts) if s == "Latin")
        # "рrојесt": only a Latin spelling is possible; "ТАХI": the article writes "TAXI" elsewhere
        if latin >= foreign or into_latin and (not into_foreign or _written_in(text, "".join(
                to_latin.get(ch, ch) for ch in word))):
            odd = [(i, ch) for i, ch in enumerate(word) if _script(ch) == foreign_script]
            if foreign_script == "Cyrillic" and len(odd) == 1 and odd[0][1] not in to_latin and latin >= 4 \
                    and odd[0][0] in (0, len(word) - 1):
                return MixedScript._stray_letter(start, word, *odd[0])
            if any(ch not in to_latin for _, ch in odd):
                return None  # a foreign letter with no Latin look-alike: the intent is unknown
            acronym = word.isupper()
            if latin < 2 and not acronym:
                return None
            if foreign_script == "Greek" and any(ch.islower() and (i in (0, len(word) - 1) or len(word) <= 3)
                                                 for i, ch in odd):
                return None  # a Greek letter used as a symbol: κB, Tα, α-synuclein, μg
            fixed = "".join(to_latin[ch] if _script(ch) == foreign_script else ch for ch in word)
            target, lookalike = "Latin", {ch: to_latin[ch] for _, ch in odd}
        else:
            if foreign < 2:
                return None
            odd = [(i, ch) for i, ch in enumerate(word) if _script(ch) == "Latin"]
            if any(ch not in table for _, ch in odd):
                return None
            fixed = "".join(table.get(ch, ch) if _script(ch) == "Latin" else ch for ch in word)
            target, lookalike = foreign_script, {ch: table[ch] for _, ch in odd}
        letters = ", ".join(
            f"'{ch}' ({_letter_name(ch)}, looks like {'Latin' if target == 'Latin' else target} "
            f"'{lookalike[ch]}')" for ch in dict.fromkeys(ch for _, ch in odd))
        source_script = "Latin" if target != "Latin" else foreign_script
        message = (f"'{word}' mixes alphabets: the {source_script} letter{'s' if len(odd) > 1 else ''} {letters} "
                   f"in an otherwise {target} word; an all-{target} spelling is '{fixed}'")
        return Issue(start, start + len(word), message, suggestion=fixed)

    @staticmethod
    def _whole_word(text: str, start: int, word: str, script: str, to_latin: dict[str, str]) -> Issue | None:
        """A word typed wholly in look-alikes of another script ("ΝΑΤΟ" in Greek capitals) is a slip
        when the article spells the same word in Latin letters elsewhere."""
        if len(word) < 2 or any(ch not in to_latin for ch in word):
            return None
        fixed = "".join(to_latin[ch] for ch in word)
        if not _written_in(text, fixed) or not _mostly_latin(text):
            return None
        message = (f"'{word}' is written in {script} letters that look like Latin ones; the article spells it "
                   f"'{fixed}' in Latin letters elsewhere")
        return Issue(start, start + len(word), message, suggestion=fixed)

    @staticmethod
    def _stray_letter(start: int, word: str, index: int, letter: str) -> Issue:
        """A Cyrillic letter stuck to the edge of a Latin word: a keyboard-layout slip ("stabilityю")."""
        rest = word[:index] + word[index + 1:]
        where = "end" if index else "start"
        message = (f"'{word}' mixes alphabets: a stray Cyrillic letter '{letter}' ({_letter_name(letter)}) "
                   f"at the {where} of the Latin word '{rest}', typed with the keyboard in the Cyrillic layout")
        key = PUNCTUATION_KEYS.get(letter.lower()) if index else None
        if key:
            message += f" (on a Latin keyboard that key is '{key}')"
            return Issue(start, start + len(word), message, suggestion=rest + key)
        return Issue(start, start + len(word), message, suggestion=rest)


# --- T503 translation-residue ----------------------------------------------------------------

# The stem of "translate" in the languages a translation service names itself in (a table of one
# word's translations): Latin-script stems, which also gate the search in a Latin-script article,
# and those of other scripts, which the script gate covers.
LATIN_TRANSLATE_STEMS = ("translat", "tradu", "tradott", "übersetz", "tłumacz", "přelož",
                         "preklad", "prevod", "preved", "käänn", "översatt", "oversat", "vertaal", "çevir", "dịch")
OTHER_TRANSLATE_STEMS = ("переве", "перевод", "переклад", "превод", "преве", "μετάφρ", "תורגם", "ترجم", "翻译", "翻譯",
                         "翻訳", "번역")
TRANSLATE_STEM = "(?:" + "|".join(rf"{stem}\w*" for stem in LATIN_TRANSLATE_STEMS + OTHER_TRANSLATE_STEMS) + ")"
SERVICE = (r"(?:google(?:\s+translate)?|yandex|яндекс|deepl|bing\s+translator|microsoft\s+translator|"
           r"papago|reverso|promt|промт|переводчик\w*|translator\s+app|systran|baidu|百度|谷歌|有道)")
AUTOMATIC = (r"(?:machine|automatic\w*|auto|автомат\w*|аутомат\w*|машин\w*|automat\w*|maszynow\w*|strojov\w*|"
             r"机器|自动|機械|自動)")
# A service notice: "Translated by Google Translate", "Переведено сервисом «Яндекс Переводчик»",
# "Machine translated", "Текст је аутоматски преведен", "Traducido por DeepL".
NOTICE = _on_first_use(
    r"(?:(?:this|the)\s+(?:article|text|story|report|page|material|news)\s+(?:was|has\s+been|is)\s+)?"
    rf"(?:{AUTOMATIC}[\s-]*{TRANSLATE_STEM}|{TRANSLATE_STEM}[^.!?\n]{{0,40}}?\b{AUTOMATIC}|"
    rf"{TRANSLATE_STEM}[^.!?\n]{{0,40}}?(?<![\p{{L}}]){SERVICE})[^.!?\n]{{0,60}}",
    regex.IGNORECASE,
)
# The words a notice is made of: "translate", "machine", "automatic", a service's name.
NOTICE_WORD = _on_first_use(rf"(?:{TRANSLATE_STEM}|{AUTOMATIC}|{SERVICE})$", regex.IGNORECASE)
# The lead of a notice in a sentence ("This article was ..."), and where its clause ends.
NOTICE_LEAD = re.compile(r"(?:this|the)\s+\w+\s+(?:was|has\s+been|is)\s+", re.IGNORECASE)
# ("... translated and may contain errors", "... by DeepL, edited by staff": a participle goes on the fragment)
CLAUSE_END = re.compile(r"[.!?;\n]|,?\s(?:and|but)\s|,\s+(?=[a-z]+ed\b)")
# Notes a translator left: a bracket labelled by the translator ("(translator's note: ...)",
# "[Translator's comment: ...]", "(note from the translator)"), the translators' abbreviations
# (T/N, TN, T.N., N.T., NdT), "прим. пер.", "approx. trans."
TRANSLATOR_NOTE = _on_first_use(
    r"[(\[]\s*(?:translator['’]?s?['’]?(?:\s+note\b|(?:\s+[^\W\d_]+){0,2}\s*:)|"
    r"(?:[^\W\d_]+\s+){1,2}(?:of|from|by)\s+the\s+translator|"
    r"transl?\.\s*note|T\s?/\s?N\b|T\.\s?N\.|TN:|N\.\s?(?:d\.\s?)?T\.|NdT\b)[^)\]\n]{0,300}[)\]]?"
    r"|[(\[]?\s*—?\s*(?:прим(?:ечание)?\.?\s*(?:пер|ред|авт)\w*\.?|approx\.\s*(?:trans|transl|ed|lane|auth)\.)"
    r"[)\]]?",
    regex.IGNORECASE,
)
FOREIGN_LETTERS = (r"\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Devanagari}\p{Thai}\p{Georgian}"
                   r"\p{Armenian}\p{Hangul}")
FOREIGN_WORD = _on_first_use(rf"[{FOREIGN_LETTERS}][\p{{L}}\p{{M}}\d'’-]*")
# A run of foreign-script words with only spaces and punctuation between them (a credit's slash too).
FOREIGN_RUN = _on_first_use(
    rf"[{FOREIGN_LETTERS}][\p{{L}}\p{{M}}\d'’-]*"
    rf"(?:[\s,.:;!?«»\"“”„()–—/|·]+[{FOREIGN_LETTERS}][\p{{L}}\p{{M}}\d'’-]*)*"
)
CJK_RUN = _on_first_use(r"[\p{Han}\p{Hiragana}\p{Katakana}][\p{Han}\p{Hiragana}\p{Katakana}\s、。，・「」『』：！？]*")
# Any letter of a non-Latin script (the stdlib engine scans an ASCII article for it fastest).
NON_LATIN_SCRIPT = re.compile("[\u0370-\u058f\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u10a0-\u10ff"
                              "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
ASCII_LETTER = re.compile("[A-Za-z]")
LATIN = _on_first_use(r"\p{Latin}")
# Lower-case markers whose absence rules out a notice or a note in a Latin-script article: the
# stems of "translate" and the translators' abbreviations.
NOTICE_STEMS = LATIN_TRANSLATE_STEMS + ("approx.", "tn:", "t.n.", "t/n", "n.t.", "n. t.", "ndt", "n.d.t.")
SENTENCE_STOPS = ".!?。！？"
OPENING_BRACKETS = " \u00a0([（【「『"
CLOSING_BRACKETS = " \u00a0)]）】」』"
OPENING_MARKS = ("(", "«", "“", '"', "„", "‘", "'")
CLOSING_MARKS = ")»”\"’'"
SENTENCE_START_BEFORE = re.compile(r"(?:[.!?)]\s+|^\s*[(\[])$")


# The commonest English function words; a sentence of English has one every few words.
ENGLISH_FUNCTION = ("the of and to is was for that with by from has have are were will said this which who their its "
                    "been would at it be as he she they we not but").split()
ENGLISH_WORDS = frozenset(ENGLISH_FUNCTION)
ENGLISH_WORD = re.compile(rf"\b(?:{'|'.join(ENGLISH_FUNCTION)})\b")  # searched in the lower-cased text
BRACKETED = re.compile(r"[(（][^()（）\n]{20,400}[)）]")
LATIN_WORD = _on_first_use(r"[^\W\d_]+")
# A source-site line opens with a label of up to three words and a colon: a link, a credit, a note.
LABEL_LINE = _on_first_use(r"[(\[（]?\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*[:：]")


@cache
def _language_identifier() -> Callable[[str], tuple[str, str] | None] | None:
    """CLD2 through pycld2, imported only when a passage may be in another language; None when it
    is not installed (the Latin-script path is then skipped)."""
    try:
        import pycld2
    except ImportError:
        return None

    def guess(piece: str, hint: str = "") -> tuple[bool, str, str, int]:
        try:
            reliable, _, details = pycld2.detect(piece, hintLanguage=hint) if hint else pycld2.detect(piece)
        except pycld2.error:
            return False, "", "un", 0
        name, code, percent, _ = details[0]
        return reliable, name.title(), code, percent

    def detect(piece: str) -> tuple[str, str] | None:
        """(language name, code) when CLD2 is sure of one language for most of the piece. English is
        its hint first, so a headline in plain English words is not taken for Scots; a hint that
        leaves CLD2 unsure (it does for a short Italian sentence) is dropped for a piece of five
        words or more. Scots, which CLD2 names for short English text, counts as English."""
        reliable, name, code, percent = guess(piece, "en")
        if reliable and code not in ("un", "xxx") and percent >= 80:
            return name, code
        if reliable or sum(len(w) > 1 for w in LATIN_WORD().findall(piece)) < 5:
            return None  # English, or too short to judge without the hint
        reliable, name, code, percent = guess(piece)
        if not reliable or code in ("un", "xxx", "sco") or percent < 90:
            return None
        return name, code

    return detect


def _latin_candidates(doc: Document, lowered: str) -> list[tuple[int, int, int]]:
    """(start, end, block) of the sentences and brackets of four words or more in which English
    function words are missing (none, or one in six or more words, as "as" or "a" is a word of
    other languages too): the only places a language identifier is asked about."""
    text = doc.text
    finditer, english = ENGLISH_WORD.finditer, ENGLISH_WORDS

    def few_english(lo: int, hi: int) -> bool:
        words = lowered[lo:hi].split()
        allowed = min(1, len(words) // 6)
        if len(words) < 4 or len(english.intersection(words)) > allowed:
            return False  # a quick count of the function words standing alone
        found = 0
        for _ in finditer(lowered, lo, hi):  # and of those next to punctuation
            found += 1
            if found > allowed:
                return False
        return True

    out = [(s.start, s.end, s.block) for s in doc.sentences if s.end - s.start >= 20 and few_english(s.start, s.end)]
    if "(" in text or "（" in text:
        block_starts = [b.start for b in doc.blocks]
        for m in BRACKETED.finditer(text):
            if few_english(m.start(), m.end()):
                out.append((m.start(), m.end(), bisect.bisect_right(block_starts, m.start()) - 1))
    return sorted(out)


def _block_words(text: str, block) -> int:
    return len(text[block.start:block.end].split())


def _mostly_latin(text: str) -> bool:
    """True when most letters are Latin: an English article, where another script is residue."""
    return len(NON_LATIN_SCRIPT.findall(text)) < len(ASCII_LETTER.findall(text))


class TranslationResidue(Check):
    """
    What it checks:
        What a translation left behind in an English article, in any language and script: a
        machine-translation service's notice, a translator's note, a run of another script (by
        Unicode script properties) that reads as a sentence or a line, and a sentence, bracket or
        source-site line (a "Read also" link, a photo or editor credit, an editor's note) in
        another Latin-script language: a sentence with no English function word in it, whose
        language CLD2 names with its proper names left out.

    Why an editor cares:
        It tells readers the copy was machine-translated and not edited, and an untranslated
        sentence is information the reader cannot get.

    Fires on:
        Переведено сервисом «Яндекс Переводчик»
        Translated from Russian by Google Translate.
        The ministry said it would act. Отдельно стороны обсудили проблему обмеления моря.
        (Translator's note: the original says "oblast".)
        Lire aussi : les salariés du port votent la reprise du travail

    Passes:
        The newspaper Izvestia («Известия») reported ...; their motto «Мир и труд» (peace and
        labour); a quoted name or title of up to six words; a name of up to three words in
        another script; an article written mostly in another script;
        a reporter's story about machine translation ("Google Translate now covers 200 languages",
        where the phrase does not stand alone as a notice); an editor's note.
    """

    code = "T503"
    name = "translation-residue"
    severity = "warning"
    summary = "machine-translation notices, untranslated passages, translator's notes"

    def run(self, doc: Document) -> Iterator[Issue]:
        found: list[tuple[int, int]] = []
        lowered = doc.text.lower()
        for issue in self._notices_and_scripts(doc, lowered):
            found.append((issue.start, issue.end))
            yield issue
        yield from self._latin_passages(doc, found, lowered)

    def _notices_and_scripts(self, doc: Document, lowered: str) -> Iterator[Issue]:
        text = doc.text
        other_script = NON_LATIN_SCRIPT.search(text) is not None
        stems = [stem for stem in NOTICE_STEMS if stem in lowered]  # substring tests are the fastest gate
        if not other_script and not stems:
            return
        notices: list[tuple[int, int]] = []
        for block in doc.blocks:
            if not (other_script and NON_LATIN_SCRIPT.search(text, block.start, block.end)) and not any(
                    lowered.find(stem, block.start, block.end) >= 0 for stem in stems):
                continue
            for m in NOTICE().finditer(text, block.start, block.end):
                start = self._notice_start(text, m, block)
                if start >= 0:
                    notices.append((start, m.end()))
                    yield Issue(start, m.end(), f"machine-translation notice left in the text: "
                                f"'{_excerpt(text, start, m.end(), 60)}'", suggestion="")
            for m in TRANSLATOR_NOTE().finditer(text, block.start, block.end):
                notices.append(m.span())
                yield Issue(m.start(), m.end(), f"translator's note left in the text: "
                            f"'{_excerpt(text, m.start(), m.end(), 60)}'")
        if not other_script or not _mostly_latin(text):
            return
        notices.sort()
        notice_starts = [start for start, _ in notices]
        for block in doc.blocks:
            for pattern, unit in ((FOREIGN_RUN(), "words"), (CJK_RUN(), "characters")):
                for m in pattern.finditer(text, block.start, block.end):
                    k = bisect.bisect_left(notice_starts, m.end())
                    if k and notices[k - 1][1] > m.start():
                        continue  # part of a notice already reported
                    issue = self._passage(text, m.start(), m.end(), unit, block)
                    if issue:
                        yield issue

    @staticmethod
    def _latin_passages(doc: Document, found: list[tuple[int, int]], lowered: str) -> Iterator[Issue]:
        """Sentences, source-site lines and bracketed notes in another Latin-script language: a
        sentence or bracket of four words or more with no English function word among them is a
        candidate, and a language identifier (CLD2) decides its language."""
        text = doc.text
        candidates = _latin_candidates(doc, lowered)
        if not candidates:
            return
        detect = _language_identifier()
        if detect is None:
            return
        article_language: list[tuple[str, str] | None] = []
        done = sorted(found)
        for start, end, b in candidates:
            block = doc.blocks[b]
            while end > start and text[end - 1].isspace():
                end -= 1
            k = bisect.bisect_right(done, (end, end))
            if k and done[k - 1][1] > start:
                continue  # already reported (a bracket inside a reported sentence)
            piece = text[start:end]
            words = LATIN_WORD().findall(piece)
            if len(words) < 4:
                continue
            label = LABEL_LINE().match(piece)
            line = start == block.start and end >= block.end - 1 and len(words) <= 30
            if not (line and label) and sum(w[0].isupper() for w in words) * 2 > len(words):
                continue  # a run of names or a title, not a sentence
            quote = doc.quotes.quote_at(start)
            if quote is not None and quote.inner_end >= end - 1:
                continue  # quoted words in the original language
            # Judged without its names, which carry another language into English text ("AirAsia").
            plain = [w for n, w in enumerate(piece.split()) if n == 0 or not w[:1].isupper()]
            language = detect(" ".join(plain) if len(plain) >= 3 or not (line and label) else piece)
            if language is None or language[1] == "en":
                continue
            if not article_language:
                article_language.append(detect(text[:2000]))
            if article_language[0] is not None and article_language[0][1] != "en":
                return  # an article in another language: its sentences are not residue
            bisect.insort(done, (start, end))
            shown = _excerpt(text, start, end, 60)
            if line and label:
                message = (f"a line of the source site in {language[0]} (a link, credit or note) left in the "
                           f"English text: '{shown}'")
            else:
                message = f"untranslated passage in {language[0]} left in the English text: '{shown}'"
            yield Issue(start, end, message)

    @staticmethod
    def _notice_start(text: str, m: regex.Match, block) -> int:
        """Where the notice starts, or -1 when it is not one. A notice stands alone, a short block or a
        sentence of its own, not a story about translation; it may open with up to three words of
        its own ("Text translated automatically ...", "[Chinese original, machine translation]")."""
        if not LATIN().search(m.group()) or NON_LATIN_SCRIPT.search(m.group()):
            return m.start()  # written in another language inside an English article
        lead = NOTICE_LEAD.match(text, m.start(), m.end())
        core = lead.end() if lead else m.start()
        clause = CLAUSE_END.search(text, core, block.end)
        words = [w.strip(",:()[]\"'") for w in text[core:clause.start() if clause else block.end].split()]
        if any(w.lower() in AUXILIARIES for w in words):
            return -1  # a sentence about translation, with its own verb: "Translation by Google is improving"
        english = any(w.lower() in FUNCTION_WORDS for w in words)  # (a notice in Spanish has none)
        if english and sum(w.islower() and w not in FUNCTION_WORDS and not NOTICE_WORD().match(w) for w in words) >= 2:
            return -1  # an English notice is a fragment of its own words; "Automatic translation remains patchy"
        lo = max(block.start, m.start() - 60)
        lead = text[lo:m.start()]
        cut = max(lead.rfind(". "), lead.rfind("! "), lead.rfind("? "))
        head = lead[cut + 2:] if cut >= 0 else lead if lo == block.start else ""
        bracket = max(head.rfind("("), head.rfind("["))
        if bracket >= 0:
            head = head[bracket:]
        start = m.start()
        if head.strip() and len(head.split()) <= 3:
            start -= len(head) - (len(head) - len(head.lstrip()))
        before = text[max(block.start, start - 3):start]
        at_sentence_start = start == block.start or SENTENCE_START_BEFORE.search(before) is not None
        return start if at_sentence_start and (_block_words(text, block) <= 25 or m.end() >= block.end - 2) else -1

    @staticmethod
    def _passage(text: str, start: int, end: int, unit: str, block) -> Issue | None:
        """A run of another script is residue when it reads as a sentence, not as a name or a title."""
        while end > start and not text[end - 1].isalnum():
            end -= 1
        piece = text[start:end]
        count = len(FOREIGN_WORD().findall(piece)) if unit == "words" else sum(ch.isalpha() for ch in piece)
        before = text[max(block.start, start - 20):start].rstrip()
        after = text[end:min(block.end, end + 60)]
        if after[:1] in SENTENCE_STOPS:
            end, after = end + 1, after[1:]  # the sentence's full stop belongs to the passage
            sentence = True
        else:
            sentence = before.endswith(":")
        after = after.lstrip()
        # the whole paragraph, perhaps in brackets: a caption, a credit, a notice
        line = not text[block.start:start].strip(OPENING_BRACKETS) and not after.strip(CLOSING_BRACKETS)
        needed = (2 if line else 3 if sentence else 4) if unit == "words" else (4 if sentence or line else 8)
        if count < needed:
            return None
        if before.endswith(OPENING_MARKS) and after[:1] in CLOSING_MARKS and count <= 6 and not sentence and not line:
            return None  # the original of a name or title, quoted beside its translation
        if after.lstrip(CLOSING_MARKS + ", ").startswith("(") and LATIN().search(after):
            return None  # a foreign phrase glossed in parentheses
        return Issue(start, end, f"untranslated passage in another script ({count} {unit}): "
                     f"'{_excerpt(text, start, end, 60)}'")


# --- T504 dash-in-word ----------------------------------------------------------------------

# An em or en dash (or its entity, when a plain-text or Markdown file keeps it literally) with no
# space between two word pieces; a piece may itself be hyphenated ("father—in-law", "59-year—old")
# and the first may be a figure ("a 20—foot statue").
DASH_ENTITY = r"&mdash;|&ndash;|&#8212;|&#8211;|&#x2014;|&#x2013;"
DASH_IN_WORD = _on_first_use(
    rf"(?<![\p{{L}}\p{{M}}\d-])((?:[\p{{L}}\d]+-)*[\p{{L}}\d]+)(—|–|{DASH_ENTITY})"
    rf"(\p{{L}}+(?:-[\p{{L}}\d]+)*)(?![\p{{L}}\p{{M}}\d])")
DASH_ENTITY_BETWEEN_LETTERS = re.compile(rf"[^\W_](?:{DASH_ENTITY})[^\W\d_]")
# Any em dash, en dash or double hyphen: the partner of a parenthetical dash.
ANY_DASH = re.compile(rf"—|–|--|{DASH_ENTITY}")
EM_DASHES = frozenset(("—", "&mdash;", "&#8212;", "&#x2014;", "--"))
NEXT_WORD = regex.compile(r"[ \u00a0]+(\p{L}+)")
NEXT_WORD_CAPITALISED = regex.compile(r"[ \u00a0]+\p{Lu}")
# A dash set apart with spaces between words (not a score, 3 - 1): the article's habit for an aside.
SPACED_DASH = re.compile(rf"(?<!\d)\s(?:—|–|--?|{DASH_ENTITY})\s|\s(?:—|–|--?|{DASH_ENTITY})\s(?!\d)")
RELATION_EN_DASH = _on_first_use(r"\p{Lu}\p{L}*(?:–|&ndash;|&#8211;)\p{Lu}")
# An em dash closed up between a word and what follows, as US style sets a parenthetical.
CLOSED_EM_DASH = re.compile(r"(?<=[^\s—])(?:—|&mdash;|&#8212;)([^\W\d_]*)(?=[^\s—]?)")
# English function words (a closed class). An aside set off by a dash opens with one ("the
# plan—which failed—was"); a compound never has one as a part, except a particle ("sell-on").
FUNCTION_WORDS = frozenset("""
a an the this that these those some any each every either neither no all both such what which whose
who whom whoever whatever whichever when where while why how whether if unless because since though
although as than until till so and but or nor yet not even only just also too very quite rather
perhaps maybe then there here now still already ago i me my mine we us our ours you your yours he him
his she her hers it its they them their theirs one more most less least many much few several other
is are was were be been being am has have had having do does did doing will would shall should can
could may might must
of to for with at from into onto upon about above across after against along among around before
behind below beneath beside besides between beyond despite during except inside like near off
outside over past per through throughout toward towards under underneath unlike via within without
in on up down out by back away
never always often sometimes seldom rarely ever nobody nothing nowhere none everyone everybody everything
everywhere someone somebody something somewhere anyone anybody anything anywhere
""".split())
SPACED_HABIT = "the article sets its other dashes apart with spaces and closes up none around an aside"
# The preposition that is also a productive suffix (child-like, Brexit-like): after a closed-up
# dash before a noun, in an article that spaces its asides, it ends a compound.
SUFFIX_PREPOSITIONS = frozenset({"like"})
# Particles that end phrasal compounds: follow-up, sell-off, knock-on, break-in, run-down.
PARTICLES = frozenset("up off on in out down over back away by through about around".split())
# Auxiliary and modal verbs (a closed class): the verb after a subject noun phrase.
AUXILIARIES = frozenset("is are was were has have had will would can could may might must should shall does did".split())
# Cardinal numbers (a closed class): a number before a singular noun makes a compound modifier
# ("a four-day visit"), since a cardinal above one otherwise takes a plural.
NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
million billion half dozen
""".split())
# Fractions written with a hyphen: two-thirds, three-quarters, one-half (ordinals are a closed class).
FRACTION = re.compile(r"(?:half|halves|thirds?|quarters?|(?:four|fif|six|seven|eigh|nin|ten|eleven|twelf|hundred|"
                      r"thousand)ths?)")
YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# Adjectives of dimension (a closed class) that end a measure compound: a 20-year-old, a 10-mile-long queue.
DIMENSIONS = frozenset("old long high wide deep tall thick strong heavy".split())
# Quantifiers and numbers, which begin compounds (all-time, one-off, no-go, two-year) as well as phrases.
QUANTIFIERS = frozenset("all one no any both half".split()) | NUMBER_WORDS
# Function words that also begin compounds: all-time, in-depth, off-ramp, over-optimistic.
COMPOUND_STARTERS = QUANTIFIERS | PARTICLES | {"over", "under", "then", "after", "before"}
# Articles and possessives: a noun phrase follows them, so no aside opens after the next word.
ARTICLES = frozenset("a an the its their his her our my your".split())
DETERMINERS = frozenset("a an the this that these those its their his her our my your every each such".split())
# English prefixes that join their word with a hyphen (Chicago Manual of Style 7.89 and the
# ordinary prefixes of news copy): a closed morphological class, bound or nearly so.
PREFIXES = frozenset("""
ante anti bi bio co counter cross cyber de ex extra hyper infra inter intra macro mega meta micro mid
mini multi neo non pan para post pre pro proto pseudo quasi re self semi sub super supra trans tri
ultra vice
""".split())
# The shape of a participle: owned, led, lasting (a vowel before -ing: not wing, thing, spring).
PARTICIPLE = r"(?:ed|[aeiouy][^aeiouy]*ing)"
PARTICIPLE_SHAPE = re.compile(rf"{PARTICIPLE}$")
# The shape of an adjective or a participle: economic, military, effective, Irish, lasting, reviewed.
ADJECTIVE_SHAPE = re.compile(rf"(?:al|ic|ary|ory|ive|ous|ful|less|able|ible|ish|ese|{PARTICIPLE})$")


class DashInWord(Check):
    """
    What it checks:
        An em or en dash with no spaces inside a compound, where a hyphen belongs. A dash between
        two word pieces is a compound when the article hyphenates the same pair elsewhere, or by
        its form: a prefix or combining form (multi—vector, socio–economic, Anglo—Irish), a
        doubled word (win—win), a piece already hyphenated (father—in-law, 59-year—old), a
        number before a singular noun or a fraction (a four—day visit, two—thirds), two
        adjectives (military—industrial), a modifier before its noun (an open—air stage, a
        peer–reviewed study, the UK—published review). A parenthetical dash closed up in US
        style is told apart by its partner in the same sentence, by the function word that opens
        the aside ("the plan—which failed—was") and by the article's own dash habit: where the
        article sets its dashes apart with spaces and closes up none around an aside, a closed-up
        em dash between two word pieces is not an aside. An en dash between two names (Jackson–Vanik)
        is correct, and so is one between two nouns of equal rank ("the city–country gap") where
        the article speaks of each on its own or joins names with en dashes too, as typesetters
        who mark a relation do; elsewhere "cost–benefit" is a compound that takes a hyphen.

    Why an editor cares:
        The compound reads as two words broken by an aside; search and hyphenation break too.
        It is a common slip of machine translation and of keyboards that auto-convert "--".

    Fires on:
        a multi—vector approach, post—Soviet states, a long—term contract, a state—owned
        company, the most cost–effective option, an open—air stage, his father—in-law, a
        12—member board, two—thirds of the vote; follow—up, when "follow-up" is spelt with a
        hyphen elsewhere in the article; Smith—Jones, in an article that sets its dashes
        apart with spaces.

    Passes:
        the Jackson–Vanik amendment; 2024–25; pages 5–7; the London–Paris and cost–benefit
        links (in an article that joins names with en dashes);
        the plan—which failed—was dropped; he did it well—very well; the firm—owned by the
        state—was sold; he wanted one thing—money; born in 1865—and; two men—Nielsen and
        Sibelius—met.
    """

    code = "T504"
    name = "dash-in-word"
    severity = "warning"
    summary = "an em or en dash inside a hyphenated compound"

    def run(self, doc: Document) -> Iterator[Issue]:
        text = doc.text
        if not _dash_between_letters(text):
            return  # no dash between two letters (a cheap test that skips most articles)
        lowered: str | None = None
        habits = _DashHabits(frozenset(), False, False)
        sentence_starts: list[int] = []
        for block in doc.blocks:
            for m in DASH_IN_WORD().finditer(text, block.start, block.end):
                first, dash, second = m.group(1), m.group(2), m.group(3)
                if lowered is None:
                    lowered = text.lower()
                    habits = _DashHabits(_closed_asides(text), SPACED_DASH.search(text) is not None,
                                         RELATION_EN_DASH().search(text) is not None)
                    sentence_starts = [s.start for s in doc.sentences]
                em = dash.lower() in EM_DASHES
                verdict = self._evidence(doc, lowered, m, em, habits, sentence_starts)
                if verdict is None:
                    continue
                evidence, fixed = verdict
                kind = "em dash" if em else "en dash"
                if fixed is None:
                    yield Issue(m.start(), m.end(), f"{kind} closed up between '{first}' and '{second}': {evidence}; "
                                f"a compound takes a hyphen ('{first}-{second}'), an aside a dash with spaces")
                else:
                    how = "use a hyphen" if "-" in fixed[len(first):len(first) + 1] else "write it as the article does"
                    yield Issue(m.start(), m.end(), f"{kind} inside the compound '{m.group()}': {evidence}; "
                                f"{how}: '{fixed}'", suggestion=fixed)

    @staticmethod
    def _evidence(doc: Document, lowered: str, m: regex.Match, em: bool, habits: _DashHabits,
                  sentence_starts: list[int]) -> tuple[str, str | None] | None:
        """Why the dash joins a compound and the compound's spelling (None when the article's dash
        habit shows the dash is wrong but an aside that lost its spaces is possible too), or None
        when it may be a parenthetical, a relation or a range dash."""
        text = doc.text
        first, second = m.group(1), m.group(3)
        a, b = first.lower(), second.lower()
        a_last, b_first = a.rsplit("-", 1)[-1], b.split("-", 1)[0]
        hyphenated = f"{first}-{second}"
        if _hyphenated_in(lowered, a, b):
            return f"the article spells '{first}-{second}' with a hyphen elsewhere", hyphenated
        if ("-" in a or "-" in b) and _hyphenated_in(lowered, a_last, b_first):
            return f"the article writes '{a_last}-{b_first}' with a hyphen elsewhere", hyphenated
        if ("-" in first and a_last in FUNCTION_WORDS) or ("-" in second and b_first in FUNCTION_WORDS):
            return "the rest of the compound is hyphenated", hyphenated  # father—in-law, mother-in—law, up—to-date
        if b in FUNCTION_WORDS and b not in PARTICLES:
            if b in SUFFIX_PREPOSITIONS and em and _spaced_style(habits, m) and _content_word_follows(text, m.end()) \
                    and not _has_partner(doc, m, em, sentence_starts):
                return SPACED_HABIT, None  # "for Brexit—like splits": a compound, or an aside that lost its spaces
            return None  # "the plan—which failed": the aside opens with a function word
        if a_last in FUNCTION_WORDS and a_last not in COMPOUND_STARTERS and not (len(first) > 1 and first.isupper()) \
                and not _after_article(text, m.start()):
            return None  # "and—finally": an aside after a function word (but "the so—called reforms")
        if _written_in(lowered, f"{a} {b}"):
            return f"the article writes '{first} {second}' as an open compound elsewhere", f"{first} {second}"
        after = text[m.end():m.end() + 40]
        if a == b:
            return f"'{first}-{second}' is a doubled compound", hyphenated
        if a_last in PREFIXES:
            if second[0].isupper() and not em and NEXT_WORD_CAPITALISED.match(after):
                return None  # post–World War II: an en dash joins a prefix to an open compound
            return f"'{a_last}' is a prefix that joins its word with a hyphen", hyphenated
        partnered: bool | None = None

        def partner() -> bool:
            nonlocal partnered
            if partnered is None:
                partnered = _has_partner(doc, m, em, sentence_starts)
            return partnered

        spaced_style = _spaced_style(habits, m)
        before = text[max(0, m.start() - 30):m.start()].split()[-2:]
        noun_phrase = any(w.lower() in DETERMINERS for w in before)  # "a new open—air stage", "a 15% sell—on"
        next_word = NEXT_WORD.match(after)
        followed = next_word.group(1).lower() if next_word else None
        modifies = followed is not None and followed not in FUNCTION_WORDS
        if second[0].isupper():
            if a.endswith("o") and len(a) > 2 and first[0].isupper() and em and ADJECTIVE_SHAPE.search(b):
                return f"'{first}' is a combining form that joins its word with a hyphen", hyphenated  # Anglo—Irish
            if em and spaced_style and not partner():
                return SPACED_HABIT, None  # Smith—Jones where the article writes ' - ' for an aside
            return None  # Jackson–Vanik, "apart—Nielsen": a relation, or an aside naming someone
        if b.endswith("ly") and not (noun_phrase and modifies and not PARTICIPLE_SHAPE.search(followed)
                                     and not followed.endswith("ly")):
            return None  # "over—finally": an adverb opens an aside (but "a US—friendly treaty")
        adjective_a, adjective_b = ADJECTIVE_SHAPE.search(a) is not None, ADJECTIVE_SHAPE.search(b) is not None
        participle = PARTICIPLE_SHAPE.search(b) is not None
        if adjective_b and not participle and a.endswith("o") and len(a) > 2:
            return f"'{first}' is a combining form that joins its word with a hyphen", hyphenated  # socio–economic
        if _is_number(b_first) and not _is_number(a_last):
            return None  # "her price—twenty dollars": an aside opens with a number
        if before and _is_number(before[-1].lower()) and b in DIMENSIONS:
            return f"'{before[-1]} {first}-{second}' is a compound of a number and its measure", hyphenated  # 20 year—old
        if partner():
            return None  # one of a pair of dashes around an aside: "the firm—owned by the state—was"
        other_closed = bool(habits.closed_asides - {m.start(2)})
        if adjective_a and adjective_b and not participle and not a.endswith(("ed", "ing")) and (
                first[0].islower() or spaced_style) and (modifies or noun_phrase and not other_closed):
            return f"'{first}-{second}' joins two adjectives", hyphenated  # the military—industrial base
        if a.endswith("ly") and participle and len(a) > 4:
            return f"'{first}-{second}' joins an adverb to its participle", hyphenated  # newly—elected
        if _is_number(a_last):
            if FRACTION.fullmatch(b_first):
                return f"'{first}-{second}' is a fraction", hyphenated  # two—thirds
            if "-" in a or "-" in b:
                return f"'{first}-{second}' is a compound of a number and its measure", hyphenated  # 30—year-olds
            if _singular(b_first) and not YEAR.fullmatch(a_last) and (noun_phrase or spaced_style):
                return f"'{first}-{second}' is a compound of a number and a singular noun, as in a four-day visit", hyphenated
        # (in an article that closes up its asides, only a modifier's shape tells: "the answer—time will tell")
        if noun_phrase and followed in AUXILIARIES and (participle or adjective_b or not other_closed):
            return (f"'{first}-{second}' stands inside the noun phrase before its verb '{followed}', where an aside "
                    f"would need a closing dash"), hyphenated  # their political game—playing will continue
        if b in PARTICLES:
            if not em or spaced_style or noun_phrase and not other_closed and (followed is None or modifies):
                return f"'{first}-{second}' is a compound of a verb and its particle", hyphenated
            return None
        if adjective_b and modifies and (noun_phrase or not em or spaced_style and first[0].isupper()):
            return f"'{first}-{second}' is a compound modifier before its noun", hyphenated  # the UK—published review
        if participle and modifies and not b.endswith("ing") and _opens_sentence(text, m.start(), sentence_starts):
            # "Munich—based researchers said": no aside can close after a sentence's first word
            return f"'{first}-{second}' is a compound modifier opening its sentence", hyphenated
        if not em:
            if modifies and not adjective_b and _both_stand_alone(lowered, a, b):
                return None  # "the city–country gap", where the article speaks of the city and the country
            if habits.relation and not adjective_b:
                return None  # "cost–benefit" where the article joins names with en dashes: a relation
            return (f"an en dash joins names, figures and ranges, and the article joins no names with one; "
                    f"'{first}-{second}' is a compound"), hyphenated
        # "raising hopes": a verb in -ing with its object opens an aside ("years later—raising hopes")
        verb_with_object = participle and b.endswith("ing") and not noun_phrase
        if modifies and not other_closed and (noun_phrase or not participle or habits.spaced and not verb_with_object):
            return f"'{first}-{second}' is a compound before its noun, and the article closes up no dash around an aside", hyphenated
        if spaced_style and _singular(a_last):  # "far—reaching reforms", or an aside that lost its spaces
            return SPACED_HABIT, None
        return None


def _after_article(text: str, start: int) -> bool:
    """True when the word before ``start`` is an article or a possessive ("the so—called reforms")."""
    before = text[max(0, start - 8):start].split()
    return start > 0 and text[start - 1] == " " and bool(before) and before[-1].lower() in ARTICLES


def _spaced_style(habits: _DashHabits, m: regex.Match) -> bool:
    """The article sets its dashes apart with spaces and closes up no other em dash around an aside."""
    return habits.spaced and not (habits.closed_asides - {m.start(2)})


def _content_word_follows(text: str, end: int) -> bool:
    """True when a word that is no function word follows ``end`` (the noun a compound modifies)."""
    nxt = NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1).lower() not in FUNCTION_WORDS


def _opens_sentence(text: str, start: int, sentence_starts: list[int]) -> bool:
    """True when only quotation marks or brackets stand between the sentence's start and ``start``."""
    k = bisect.bisect_right(sentence_starts, start) - 1
    return k >= 0 and not text[sentence_starts[k]:start].strip(" \t\n\"'“‘«([")


def _is_number(word: str) -> bool:
    return word.isdigit() or word in NUMBER_WORDS


def _singular(word: str) -> bool:
    """The shape of a singular noun: a plural ends in -s (but not -ss, -us, -is)."""
    return not word.endswith("s") or word.endswith(("ss", "us", "is"))


def _hyphenated_in(lowered: str, a: str, b: str) -> bool:
    """True when the lower-cased text writes ``a-b`` as a word of its own somewhere."""
    return _written_in(lowered, f"{a}-{b}")


def _written_in(lowered: str, needle: str) -> bool:
    """True when the lower-cased text holds ``needle`` with no letter or figure joined to either end."""
    i = lowered.find(needle)
    while i != -1:
        end = i + len(needle)
        if not (lowered[i - 1:i].isalnum() or lowered[end:end + 1].isalnum()):
            return True
        i = lowered.find(needle, i + 1)
    return False


def _dash_between_letters(text: str) -> bool:
    """True when an em or en dash (or its entity) stands between a letter or figure and a letter."""
    for dash in ("—", "–"):
        i = text.find(dash)
        while i != -1:
            if text[i - 1:i].isalnum() and text[i + 1:i + 2].isalpha():
                return True
            i = text.find(dash, i + 1)
    return "&" in text and DASH_ENTITY_BETWEEN_LETTERS.search(text) is not None


def _has_partner(doc: Document, m: regex.Match, em: bool, sentence_starts: list[int]) -> bool:
    """True when another dash of the same kind stands in the sentence: the two set off an aside
    (a range between figures, 2024–25, is no partner)."""
    text = doc.text
    k = bisect.bisect_right(sentence_starts, m.start()) - 1
    sentence = doc.sentences[k] if k >= 0 else None
    lo, hi = (sentence.start, sentence.end) if sentence and sentence.end > m.start() else (m.start(), m.end())
    for d in ANY_DASH.finditer(text, lo, hi):
        if d.start() == m.start(2) or (d.group().lower() in EM_DASHES) != em:
            continue
        before, after = text[d.start() - 1:d.start()], text[d.end():d.end() + 1]
        if before.isspace() or after.isspace():
            continue  # a dash set apart with spaces pairs with its like, not with a closed-up one
        if before.isdigit() and after.isdigit():
            continue  # a range: 2024–25
        if before.isalnum() and after.isalpha() and _compound_by_form(text, lo, d):
            continue  # another dash inside a compound, not the other side of an aside
        return True
    return False


def _compound_by_form(text: str, lo: int, d: re.Match) -> bool:
    """Whether the dash at ``d`` (between two word pieces) joins a compound by its form alone: a
    prefix before it, or a modifier or particle after it that comes before a noun ("state—owned
    company"); an aside's dash ("plan—ambitious but costly—stalled") is none of these."""
    left = regex.search(r"[\p{L}\d]+$", text[max(lo, d.start() - 20):d.start()]).group().lower()
    if left in PREFIXES:
        return True
    words = NEXT_WORD.match(" " + text[d.end():d.end() + 40])
    word = words.group(1) if words else ""
    if not word.islower():
        return False
    then = NEXT_WORD.match(text, d.end() + len(word))
    nxt = then.group(1) if then else ""
    return (word in PARTICLES or ADJECTIVE_SHAPE.search(word) is not None) and nxt.islower() and \
        nxt not in FUNCTION_WORDS


@dataclass(frozen=True, slots=True)
class _DashHabits:
    """How the article uses its dashes: em dashes closed up around asides (US style; the dash
    offsets), dashes set apart with spaces, en dashes joining names (Jackson–Vanik) as
    typesetters mark a relation."""

    closed_asides: frozenset[int]
    spaced: bool
    relation: bool


def _both_stand_alone(lowered: str, a: str, b: str) -> bool:
    """True when each piece is also a word on its own in the article, away from the pair: two
    nouns of equal rank that an en dash relates (the city–country gap), not a compound's parts."""
    def alone(word: str) -> bool:
        return regex.search(rf"(?<![\p{{L}}\p{{M}}–—-]){regex.escape(word)}(?:s|es)?(?![\p{{L}}\p{{M}}–—-])", lowered) is not None
    return alone(a) and alone(b)


def _closed_asides(text: str) -> frozenset[int]:
    """Where the article closes up an em dash around an aside (US style): the word after the
    dash is a function word, a name or a figure, not the second half of a compound."""
    out = set()
    for d in CLOSED_EM_DASH.finditer(text):
        word = d.group(1)
        if not word or word[0].isupper() or (word.lower() in FUNCTION_WORDS and word.lower() not in PARTICLES):
            out.add(d.start())
    return frozenset(out)


# --- T505 dash-quotation --------------------------------------------------------------------

# Quotation marks inside the suggested quotation become single ones.
INNER_QUOTES = str.maketrans({'"': "'", "“": "‘", "”": "’"})


class DashQuotation(Check):
    """
    What it checks:
        Speech marked with a dialogue dash (—, –, ―, -- or a spaced hyphen), the Russian, French or
        Spanish convention, in English text, told from ordinary dashes by the structure around
        it: a paragraph that opens with a dash and names a speaker (", — said the minister",
        "—assured Ruiz—."), or follows a paragraph that introduces it ("Orlov told reporters:");
        a dash after an introducing colon or after "she said." inside a paragraph; a dash after a
        sentence that opens words in the first person; an interview of dash-led questions and
        answers (reported once).

    Why an editor cares:
        English marks speech with quotation marks; with a dash the reader cannot tell where the
        speaker stops and the reporter resumes. It is the signature of an unedited translation.

    Fires on:
        — The market has changed, the trader said.
        — The market has changed," the trader said.      (the stray mark is also T501)
        "We will wait," she said. — So far, nothing has changed.
        Orlov was blunt:  /  — We relaxed after the second goal.

    Passes:
        A dash used as a parenthetical — like this one — in a sentence, even next to "said";
        a list of points each starting with a dash and no speaker;
        three or more dash-led points reporting what others said ("— Rates stay, the bank said.")
        and two or more hyphen bullets, unless the words are in the first person ("we", "I", "our").
    """

    code = "T505"
    name = "dash-quotation"
    severity = "warning"
    summary = "speech marked with a dialogue dash instead of quotation marks"

    def run(self, doc: Document) -> Iterator[Issue]:
        speech = doc.quotes.speech
        if not speech:
            return
        text = doc.text
        curly = text.count("“") + text.count("”") > text.count('"')
        open_mark, close_mark = ("“", "”") if curly else ('"', '"')
        groups: list[list] = []
        for s in speech:
            exchange = s.start == doc.blocks[s.block].start and s.attribution is None and not s.close_mark
            if exchange and groups and groups[-1][-1].block == s.block - 1 and len(groups[-1]) >= 1 and \
                    groups[-1][-1].start == doc.blocks[groups[-1][-1].block].start and groups[-1][-1].attribution is None:
                groups[-1].append(s)
            else:
                groups.append([s])
        for group in groups:
            if len(group) > 1:
                yield self._exchange(doc, group)
                continue
            s = group[0]
            words = text[s.inner_start:s.inner_end].translate(INNER_QUOTES)
            quoted = _excerpt(text, s.inner_start, s.inner_end, 50)
            if s.start > doc.blocks[s.block].start and s.attribution and s.attribution[1] <= s.start:
                message = (f"the quote goes on after '{_excerpt(text, *s.attribution, 50)}' behind a dialogue dash "
                           f"{s.open_mark} (the Russian/French convention) instead of new quotation marks: '{quoted}'")
            elif s.attribution and s.attribution[1] <= s.start:
                message = (f"speech introduced by '{_excerpt(text, *s.attribution, 50)}' opens with a dialogue dash "
                           f"{s.open_mark} (the Russian/French convention) instead of quotation marks: '{quoted}'")
            else:
                said = f", attributed in '{_excerpt(text, *s.attribution, 50)}'" if s.attribution else ""
                message = (f"speech opened with a dialogue dash {s.open_mark} (the Russian/French convention) "
                           f"instead of quotation marks: '{quoted}'{said}")
            end, comma, space = s.end, "", ""
            if not s.close_mark and text[end:end + 1] == ",":
                end, comma = end + 1, ","  # "We will wait," she said: the comma goes inside the marks
            gap = text[end:s.attribution[0]] if s.attribution and s.attribution[0] > end else ""
            if gap.strip(" \t\n,") and not gap.strip(" \t\n,—–―-"):
                end, comma, space = s.attribution[0], ",", " "  # ', — said Orlov': the dash goes too
            yield Issue(s.start, end, message, suggestion=f"{open_mark}{words}{comma}{close_mark}{space}")

    @staticmethod
    def _exchange(doc: Document, group: list) -> Issue:
        """Consecutive dash-led paragraphs with no speaker named: an interview or a dialogue."""
        first = group[0]
        questions = sum(doc.text[s.inner_start:s.inner_end].rstrip(" \"'”’»").endswith("?") for s in group)
        what = "an interview (questions and answers)" if questions else "a dialogue"
        message = (f"{what} set as {len(group)} paragraphs opened with dialogue dashes {first.open_mark} "
                   f"(the Russian/French convention) instead of quotation marks or a Q/A layout: "
                   f"'{_excerpt(doc.text, first.inner_start, first.inner_end, 50)}'")
        related = tuple(Related(s.start, s.inner_end, "the dialogue goes on here with a dash") for s in group[1:])
        return Issue(first.start, first.end, message, related=related)


# --- T506 repeated-word ---------------------------------------------------------------------

# A word and its repeat, across spaces, a line break or markup (which the readers turn into spaces).
REPEATED = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+(\1)(?![\w'’-])", re.IGNORECASE)
# Doubles that grammar allows ("she had had enough", "he said that that plan", "gave her her book").
GRAMMATICAL_DOUBLES = frozenset({"that", "had", "her", "do", "does", "did"})
# English reduplication as style (closed classes): intensifiers and degree words ("very very",
# "many many"), interjections and onomatopoeia ("bye bye", "ha ha", "tut tut", "blah blah"),
# and the reduplicated compounds of the core vocabulary ("so so", "night night", "win win").
EMPHATIC_DOUBLES = frozenset("""
very so much many more far long really well now there no yes
bye ha hah hey oh ah aye hear knock night tut tsk chop go tick la na blah bla yada ta hush quick boo bang
wah yum win
""".split())
# A past participle after "had had" shows the second "had" is a doubled auxiliary: "had had agreed".
PARTICIPLE_NEXT = re.compile(r"\s+(?:been|[a-z]{2,}ed)\b")
# What opens a clause: after "that that" it shows the conjunction was doubled ("that that it works").
SUBJECTS = frozenset("i you he she it we they the a an this these those there his its our their my your".split())
PUNCTUATION_AROUND_WORDS = ',.;:!?"“”'
PREPOSITIONS = frozenset("in on at to for with about from by of up out off over into through".split())
# A relative or wh- word, or a noun phrase followed by its subject ("the events she ..."): a clause
# that can strand its preposition at the end ("one of the events she takes part in").
RELATIVE_WORDS = frozenset("which that who whom whose what where how".split())
SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
CLAUSE_BREAK = re.compile(r"[,;:.!?()\"“”]")
QUOTE_MARKS = "\"'“”‘’«»„"
WHAT_IS = regex.compile(r"\b(?:what|whatever|all|thing|problem|question|issue|point|fact|truth|reason|trouble)\b",
                        regex.IGNORECASE)
SIC = re.compile(r"\s*[\[(]\s*sic\s*[\])]", re.IGNORECASE)
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


class RepeatedWord(Check):
    """
    What it checks:
        A word typed twice in a row, across a line break, markup (a link or emphasis boundary)
        and case ("The the", "BANKS BANKS"); doubles that grammar allows are told by the words
        around them ("had had enough" but not "had had agreed"; "said that that plan" but not
        "that that it"; a stranded preposition ends a relative clause: "the events she takes
        part in in London", but not "predicted for for May"). A reduplicated name or word is told
        by its shape: a name capitalised twice that the article never writes alone ("Koh Phi
        Phi", "Walla Walla") or a function word capitalised mid-sentence ("the band The The"); a
        short word the article writes doubled each time or with a hyphen too ("a tuk-tuk").

    Why an editor cares:
        A doubled word is the most common slip that spell-checkers pass.

    Fires on:
        The minister said the the plan was ready. The firm intends to to start work.
        The British British Council; shares rose sharply sharply; a "divisive divisive" move.

    Passes:
        She had had enough. He said that that plan was ready. They gave her her medal.
        What it is is a mess (after "what", "all", "the problem" ... the doubled "is" is grammar).
        Emphatic reduplication, which is style, not a slip: "very very", "bye bye", "no no".
        A chant or imitation of three or more ("bing bing bing"); a quoted reduplication of a
        short word ("jaw jaw" is better than "war war"); a double marked [sic].
        A name that doubles ("Duran Duran", "Bora Bora") where the article never uses the word alone.
    """

    code = "T506"
    name = "repeated-word"
    severity = "warning"
    summary = "a word repeated by mistake"

    def run(self, doc: Document) -> Iterator[Issue]:
        text = doc.text
        lowered = text.lower()
        for mark in PUNCTUATION_AROUND_WORDS:
            lowered = lowered.replace(mark, " ")
        words = lowered.split()
        if not any(map(operator.eq, words, words[1:])):
            return  # no word follows itself (a cheap test that skips most articles)
        lower_text = text.lower()
        uses: dict[str, tuple[list[int], list[int]]] = {}
        squeezed: list[str] = []  # the lower-cased text with its runs of spaces squeezed, made once
        for block in doc.blocks:
            for m in REPEATED.finditer(text, block.start, block.end):
                word, again = m.group(1), m.group(2)
                lower = word.lower()
                if lower in EMPHATIC_DOUBLES:
                    continue
                if len(again) > 1 and again.isupper() and not word.isupper():
                    continue  # a lower-case word before an acronym spelt like it: "at AT&T", "of OF Group"
                if lower in GRAMMATICAL_DOUBLES and self._grammatical(text, m, lower, block):
                    continue
                if lower == "is" and WHAT_IS.search(text, max(block.start, m.start() - 80), m.start()):
                    continue
                if self._deliberate(text, m, lower, block):
                    continue
                if _repeated_phrase(lower_text, squeezed, m, block.end):
                    continue  # the article writes the same doubled phrase again: it quotes it ("Welcome to to Hexworth")
                if lower not in uses:
                    uses[lower] = _word_uses(lower_text, lower)
                use = _other_uses(uses[lower], lower, m.start())
                where = " across a line break" if "\n" in text[m.end(1):m.start(2)] else ""
                if again[0].isupper() and not where and (use != "alone" or lower in FUNCTION_WORDS and word[0].isupper()
                                                          and block.kind != "heading"
                                                          and not text[m.start():m.end()].isupper()
                                                          and not _sentence_start(text, m.start(), block.start)):
                    continue  # a reduplicated name: Koh Phi Phi, Walla Walla, the band The The
                if use == "doubled" and _reduplicable(lower) or use != "alone" and _hyphen_joined(lower_text, lower):
                    continue  # a reduplicated word, written so each time or hyphenated too: a tuk tuk, mahi mahi
                shown = " ".join(m.group().split())
                yield Issue(m.start(), m.end(), f"'{word}' is repeated{where}: '{shown}'", suggestion=word)

    @staticmethod
    def _grammatical(text: str, m: re.Match, lower: str, block) -> bool:
        """Whether the double is grammar, from the words around it: "had had enough" (but "had had
        agreed" doubles the auxiliary), "said that that plan" (but "is that that it" doubles the
        conjunction), "gave her her medal" after a verb and before a noun (but "by her her son")."""
        after = NEXT_WORD.match(text, m.end(), block.end)
        nxt = after.group(1).lower() if after else ""
        if lower == "had":
            return not PARTICIPLE_NEXT.match(text, m.end())
        if lower == "that":
            return nxt not in SUBJECTS
        if lower == "her":
            before = text[max(block.start, m.start() - 30):m.start()].split()
            prev = before[-1].lower().strip(",;:") if before else ""
            return bool(prev) and prev not in FUNCTION_WORDS and bool(nxt) and nxt not in FUNCTION_WORDS
        return True

    @staticmethod
    def _deliberate(text: str, m: regex.Match, lower: str, block) -> bool:
        """A repetition that is meant: three in a row, a quoted reduplication, [sic], a stranded preposition."""
        before = text[max(block.start, m.start() - 30):m.start()].split()
        after = text[m.end():min(block.end, m.end() + 30)].split()
        if (before and before[-1].lower().strip(QUOTE_MARKS) == lower) or (
                after and after[0].lower().strip(QUOTE_MARKS + ".,;:!?") == lower):
            return True  # "bing bing bing": a chant or an imitation, not a slip
        if SIC.match(text, m.end()):
            return True  # the writer marked the double as the speaker's
        prev = text[m.start() - 1] if m.start() > block.start else ""
        nxt = text[m.end():m.end() + 2].lstrip(".,;:!?")[:1]
        if prev in QUOTE_MARKS and nxt in QUOTE_MARKS and _reduplicable(lower):
            return True  # "war war": a short word's reduplication is what is quoted
        return lower in PREPOSITIONS and bool(after) and (after[0][:1].isupper() or after[0][:1].isdigit() or
                                                          after[0].lower() in DETERMINERS) and \
            _stranded(text, m.start(), block.start)


def _reduplicable(word: str) -> bool:
    """The shape of a word English reduplicates (jaw-jaw, bye-bye, tuk-tuk, mahi-mahi, so-so): one
    syllable, or two ending in a vowel, with no plural or derivational ending; "reckless reckless",
    "divisive divisive" are slips."""
    syllables = len(VOWEL_GROUPS.findall(word))
    # the adjective ending -y after a consonant is derivational too: "fiery fiery", "angry angry"
    y_adjective = syllables == 2 and word.endswith("y") and word[-2:-1] not in "aeiou"
    return (syllables == 1 or syllables == 2 and word[-1] in "aeiouy" and not y_adjective) and _singular(word) and \
        not word.endswith(("ly", "ed", "ing"))


def _repeated_phrase(lower_text: str, squeezed: list[str], m: re.Match, hi: int) -> bool:
    """True when the doubled word and the word after it occur again elsewhere in the text: a slip is
    not copied, so the article is quoting the doubled text (a misprinted sign, a headline and its story)."""
    after = NEXT_WORD.match(lower_text, m.end(), hi)
    if after is None:
        return False
    phrase = " ".join([m.group(1).lower()] * 2 + [after.group(1)])
    if not squeezed:
        squeezed.append(" ".join(lower_text.split()))
    return squeezed[0].count(phrase) > 1


def _sentence_start(text: str, start: int, lo: int) -> bool:
    """True when the word at ``start`` opens its sentence (after a full stop, or its block's start)."""
    lead = text[max(lo, start - 40):start].rstrip(" \t\n\"'“‘«(")
    return lead[-1] in ".!?:" if lead else start - 40 <= lo


def _stranded(text: str, start: int, lo: int) -> bool:
    """Whether the preposition at ``start`` ends a relative or wh- clause with a subject of its own
    ("the events she will take part in", "how much danger I am in"), so that the next one begins
    a new phrase; a subject relative ("who are in in Scotland") strands nothing."""
    lead = text[max(lo, start - 100):start]
    breaks = list(CLAUSE_BREAK.finditer(lead))
    words = lead[breaks[-1].end():].lower().split() if breaks else lead.lower().split()
    words = words[-10:]
    # the clause's own subject after a relative word ("which she lives in", "how much danger I am
    # in"), or a noun phrase and then its subject (a zero relative: "the events she takes part in")
    return any(w in SUBJECT_PRONOUNS and (any(r in RELATIVE_WORDS for r in words[:i])
                                          or any(d in DETERMINERS for d in words[max(0, i - 3):i]))
               for i, w in enumerate(words))


def _other_uses(uses: tuple[list[int], list[int]], word: str, skip: int) -> str:
    """How the text uses ``word`` outside the pair at ``skip``, from ``_word_uses``: "alone"
    somewhere on its own (in a compound too: "pre-budget"), else "doubled" (again with itself, with
    a space or a hyphen), else "none"."""
    lo, hi = skip, skip + 2 * len(word) + 8

    def outside(starts: list[int]) -> bool:
        return len(starts) > bisect.bisect_right(starts, hi) - bisect.bisect_left(starts, lo)

    alone, doubled = uses
    return "alone" if outside(alone) else "doubled" if outside(doubled) else "none"


def _word_uses(lower_text: str, word: str) -> tuple[list[int], list[int]]:
    """Where the lower-cased text has ``word`` on its own and where doubled (with itself after a
    space or a hyphen): one scan per word, so that a text full of doubles stays linear."""
    size = len(word)
    alone: list[int] = []
    doubled: list[int] = []
    for m in _word_pattern(word).finditer(lower_text):
        nxt = NEXT_WORD.match(lower_text, m.end())
        after = lower_text[m.end() + 1:m.end() + 1 + size]
        before = lower_text[max(0, m.start() - size - 3):m.start()]
        if (nxt and nxt.group(1) == word) or before.split()[-1:] == [word] or (
                lower_text[m.end():m.end() + 1] == "-" and after == word) or before.endswith(f"{word}-"):
            doubled.append(m.start())  # another doubled occurrence: Walla Walla, tuk-tuk
        else:
            alone.append(m.start())
    return alone, doubled


def _hyphen_joined(lower_text: str, word: str) -> bool:
    """True when the text writes the word joined to itself with a hyphen: tuk-tuk, Baden-Baden."""
    return _written_in(lower_text, f"{word}-{word}")


@cache
def _word_pattern(word: str) -> re.Pattern:
    return re.compile(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])")
