"""Text-integrity errors (T501–T506), planted in the article's own quotations, words and compounds.

The corpus has no machine-translation leftovers, so every T503 kind adds one (a notice, a sentence
in another language, a translator's note) written for this benchmark; the descriptions say so.
"""

from __future__ import annotations

import re
import textwrap

from .core import Article, Draft, kind, shuffled
from .entities import SPEECH, people

# --- T501 unbalanced-quotes -------------------------------------------------------------------

_OPEN_BEFORE = set(" (\u2014[")


def _quote_pairs(article: Article, para) -> list[tuple[int, int]] | None:
    """The straight double quotes of a paragraph as (opening, closing) offsets, when they pair up
    plainly: an even number, each opening after a space or bracket (or at the start), each closing
    before a space, punctuation or the end."""
    text = article.text
    marks = [i for i in range(para.start, para.end) if text[i] == '"']
    if not marks or len(marks) % 2:
        return None
    pairs = []
    for a, b in zip(marks[::2], marks[1::2]):
        before = text[a - 1] if a > para.start else " "
        after = text[b + 1] if b + 1 < para.end else " "
        if before not in _OPEN_BEFORE and a != para.start:
            return None
        if not (after.isspace() or after in ",.;:!?)—-" or b + 1 == para.end):
            return None
        if b - a < 3:
            return None
        pairs.append((a, b))
    return pairs


def _next_opens_quote(article: Article, para) -> bool:
    nxt = [p for p in article.paras if p.index == para.index + 1]
    return bool(nxt) and article.text[nxt[0].start] in "\"'“"


def _t501(article: Article, rng, choose):
    """For each paragraph whose quotes pair plainly, `choose(para, pairs)` gives the offset of the
    mark to delete and a description; the expectation spans the paragraph's quotation."""
    for para in shuffled(article.body, rng):
        pairs = _quote_pairs(article, para)
        if not pairs:
            continue
        got = choose(para, pairs)
        if got is None:
            continue
        at, pair, how = got
        draft = Draft(article)
        draft.replace(at, at + 1, "")
        why = f"The quotation opened or closed here has lost its partner ({how})."
        yield draft.plant(why, [(pair[0], min(pair[1] + 1, para.end))])


@kind("T501")
def closing_dropped_before_attribution(article: Article, rng):
    """The closing mark before an attribution is dropped: '"We are ready," he said' becomes '"We are ready, he said'."""
    def choose(para, pairs):
        text = article.text
        fit = [(a, b) for a, b in pairs if re.match(rf'"\s(?:{SPEECH}\b|[A-Z][\w\'’.-]*(?:\s[A-Z][\w\'’.-]*)*\s{SPEECH}\b|(?:he|she|they)\s{SPEECH}\b)', text[b:b + 60])
               and text[b - 1] in ",.?!"]
        if not fit:
            return None
        a, b = rng.choice(fit)
        return b, (a, b), "the closing mark before the attribution dropped"
    yield from _t501(article, rng, choose)


@kind("T501")
def closing_dropped_at_paragraph_end(article: Article, rng):
    """A quotation that ends its paragraph loses its closing mark, and the next paragraph does not reopen: 'He said: "We will win."' becomes 'He said: "We will win.'."""
    def choose(para, pairs):
        a, b = pairs[-1]
        if b != para.end - 1 or _next_opens_quote(article, para):
            return None
        return b, (a, b), "the closing mark at the end of the paragraph dropped, and the next paragraph does not reopen the quotation"
    yield from _t501(article, rng, choose)


@kind("T501")
def opening_dropped(article: Article, rng):
    """An opening mark is dropped mid-paragraph: 'He said: "We will win," and left' becomes 'He said: We will win," and left'."""
    def choose(para, pairs):
        fit = [(a, b) for a, b in pairs if a > para.start]
        if not fit:
            return None
        a, b = rng.choice(fit)
        return a, (a, b), "the opening mark dropped"
    yield from _t501(article, rng, choose)


@kind("T501")
def scare_quote_closing_dropped(article: Article, rng):
    """A short quoted phrase loses its closing mark: 'a "strong and stable" government' becomes 'a "strong and stable government'."""
    def choose(para, pairs):
        fit = [(a, b) for a, b in pairs if 1 <= len(article.text[a + 1:b].split()) <= 4 and article.text[b + 1:b + 2] == " "]
        if not fit:
            return None
        a, b = rng.choice(fit)
        return b, (a, b), "the closing mark of a short quoted phrase dropped"
    yield from _t501(article, rng, choose)


_SINGLE = re.compile(r"(?<=[\s(])'(?P<inner>[A-Za-z][^'\n\"]{1,80}?[A-Za-z.!?])'(?=[\s,.;:)!?]|$)")


@kind("T501")
def single_quote_closing_dropped(article: Article, rng):
    """A single-quoted phrase (headline or scare quotes) loses its closing mark: "Euronext 'poised to bid'" becomes "Euronext 'poised to bid"."""
    for m in shuffled(list(_SINGLE.finditer(article.text)), rng):
        inner = m.group("inner")
        if re.search(r"\w'\w|s'\s|\w’\w", m.group(0)) or article.text.count("'", article.para_at(m.start()).start, article.para_at(m.start()).end) % 2:
            continue
        draft = Draft(article)
        draft.replace(m.end() - 1, m.end(), "")
        why = f"The single quotation mark that opens '{inner[:40]}' is never closed."
        yield draft.plant(why, [(m.start(), m.end())])


def _brackets(article: Article, para):
    text = article.text
    out, depth, start = [], 0, None
    for i in range(para.start, para.end):
        if text[i] == "(":
            if depth:
                return []
            depth, start = 1, i
        elif text[i] == ")":
            if not depth:
                return []
            depth = 0
            if i - start > 2 and not re.fullmatch(r"\([a-z0-9]\)", text[start:i + 1]):
                out.append((start, i))
    return out if depth == 0 else []


def _bracket_dropped(article: Article, rng, closing: bool):
    for para in shuffled(article.body, rng):
        pairs = _brackets(article, para)
        if not pairs:
            continue
        a, b = rng.choice(pairs)
        at = b if closing else a
        draft = Draft(article)
        draft.replace(at, at + 1, "")
        why = "A bracket is opened and never closed." if closing else "A bracket is closed that was never opened."
        yield draft.plant(why, [(a, b + 1)])


@kind("T501")
def closing_bracket_dropped(article: Article, rng):
    """A closing bracket is dropped: 'profits (before tax) rose' becomes 'profits (before tax rose'."""
    yield from _bracket_dropped(article, rng, closing=True)


@kind("T501")
def opening_bracket_dropped(article: Article, rng):
    """An opening bracket is dropped: 'the firm (which was sold) said' becomes 'the firm which was sold) said'."""
    yield from _bracket_dropped(article, rng, closing=False)


@kind("T501")
def curly_closing_dropped(article: Article, rng):
    """The article's quotes set in curly marks, then one closing ” dropped: '“We are ready,” she said' becomes '“We are ready, she said'."""
    paras = [p for p in article.body if _quote_pairs(article, p)]
    if not paras or any(_quote_pairs(article, p) is None and '"' in article.text[p.start:p.end] for p in article.body):
        return
    para = rng.choice(paras)
    pairs = _quote_pairs(article, para)
    a, b = rng.choice(pairs)
    draft = Draft(article)
    for p in article.body:
        for x, y in _quote_pairs(article, p) or []:
            draft.replace(x, x + 1, "“")
            draft.replace(y, y + 1, "" if (x, y) == (a, b) else "”")
    yield draft.plant("A curly quotation mark is opened and its closing ” is missing.", [(a, b + 1)])


# --- T502 mixed-script ------------------------------------------------------------------------

CYRILLIC_LOWER = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у"}
CYRILLIC_RARE = {"i": "і", "j": "ј", "s": "ѕ"}
CYRILLIC_UPPER = {"A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С", "T": "Т", "X": "Х"}
GREEK_LOWER = {"o": "ο", "v": "ν", "i": "ι", "k": "κ", "u": "υ", "p": "ρ"}
GREEK_UPPER = {"A": "Α", "B": "Β", "E": "Ε", "Z": "Ζ", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο",
               "P": "Ρ", "T": "Τ", "Y": "Υ", "X": "Χ"}
_WORD = re.compile(r"(?<![\w@/.:-])[A-Za-z]{4,}(?![\w@/-]|\.\w)")


def _t502(article: Article, rng, table: dict, where, script: str, *, words, count: int = 1):
    """Replace letters of one of `words` (at the offsets `where(word)` allows) with look-alikes."""
    for m in shuffled(words, rng)[:30]:
        word = m.group(0)
        spots = [i for i in where(word) if word[i] in table]
        if len(spots) < count:
            continue
        chosen = sorted(rng.sample(spots, count))
        new = "".join(table[ch] if i in chosen else ch for i, ch in enumerate(word))
        draft = Draft(article)
        draft.replace(m.start(), m.end(), new)
        letters = ", ".join(f"'{word[i]}'" for i in chosen)
        why = f"'{word}' is typed with {script} look-alike letter{'s' if count > 1 else ''} for {letters}: the word mixes alphabets."
        yield draft.plant(why, [(m.start(), m.end())])


@kind("T502")
def cyrillic_letter_mid_word(article: Article, rng):
    """A Cyrillic look-alike inside a lowercase word: 'market' typed with Cyrillic 'е' as 'mаrket'-style 'markеt'."""
    words = [m for m in _WORD.finditer(article.text) if m.group(0).islower() and m.start() > article.body[0].start] if article.body else []
    yield from _t502(article, rng, CYRILLIC_LOWER, lambda w: range(1, len(w) - 1), "Cyrillic", words=words)


@kind("T502")
def cyrillic_capital_initial(article: Article, rng):
    """A capitalised word starts with a Cyrillic capital: 'Parliament' with Cyrillic 'Р', 'Cabinet' with Cyrillic 'С'."""
    words = [m for m in _WORD.finditer(article.text) if m.group(0)[0].isupper() and m.group(0)[1:].islower()]
    yield from _t502(article, rng, CYRILLIC_UPPER, lambda w: [0], "Cyrillic", words=words)


@kind("T502")
def greek_letter_mid_word(article: Article, rng):
    """A Greek look-alike inside a word: 'government' with Greek omicron 'ο', 'seven' with Greek nu 'ν'."""
    words = [m for m in _WORD.finditer(article.text) if m.group(0).islower()]
    yield from _t502(article, rng, GREEK_LOWER, lambda w: range(1, len(w)), "Greek", words=words)


@kind("T502")
def greek_capital_in_acronym(article: Article, rng):
    """An all-capitals word with a Greek capital: 'NATO' with Greek 'Α', 'EU' with Greek 'Ε'."""
    words = list(re.finditer(r"(?<![\w-])[A-Z]{2,6}(?![\w-])", article.text))
    yield from _t502(article, rng, GREEK_UPPER, lambda w: range(len(w)), "Greek", words=words)


@kind("T502")
def cyrillic_letter_in_name(article: Article, rng):
    """A Cyrillic look-alike inside a person's surname in one mention: 'Cameron' typed 'Cаmeron' (the name is then spelt two ways, so E301 counts neither way)."""
    words = []
    for person in people(article):
        for start, end in person.mentions:
            m = re.compile(r".+", re.S).match(article.text, start, end)
            if m and len(person.surname) >= 4 and " " not in person.surname:
                words.append(m)
    for plant in _t502(article, rng, CYRILLIC_LOWER, lambda w: range(1, len(w)), "Cyrillic", words=words):
        if plant is not None:
            plant.allow = ("name-variant",)     # the surname is now spelt two ways, rightly
        yield plant


@kind("T502")
def two_lookalikes_in_one_word(article: Article, rng):
    """Two Cyrillic look-alikes in one word: 'economy' typed 'есоnomy'-style with 'е' and 'о' from the other layout."""
    words = [m for m in _WORD.finditer(article.text) if m.group(0).islower() and len(m.group(0)) >= 6]
    yield from _t502(article, rng, CYRILLIC_LOWER, lambda w: range(len(w)), "Cyrillic", count=2, words=words)


@kind("T502")
def cyrillic_i_or_je(article: Article, rng):
    """The Ukrainian 'і', Serbian 'ј' or Macedonian 'ѕ' inside a word: 'minister' typed with Ukrainian 'і'."""
    words = [m for m in _WORD.finditer(article.text) if m.group(0).islower()]
    yield from _t502(article, rng, CYRILLIC_RARE, lambda w: range(1, len(w)), "Cyrillic", words=words)


@kind("T502")
def lookalike_in_headline(article: Article, rng):
    """A look-alike letter in the headline: 'Profits' in the headline typed with Cyrillic 'о'."""
    head = article.paras[0]
    words = [m for m in _WORD.finditer(article.text, head.start, head.end)]
    yield from _t502(article, rng, {**CYRILLIC_LOWER, **CYRILLIC_UPPER}, lambda w: range(len(w)), "Cyrillic", words=words)


# --- T503 translation-residue (all inserted) ----------------------------------------------------

SERVICES = ("Google Translate", "DeepL", "Yandex Translate", "Bing Translator", "Microsoft Translator", "Papago", "Reverso", "Systran")
LANGUAGES = ("Russian", "German", "French", "Spanish", "Ukrainian", "Italian", "Turkish", "Polish", "Portuguese", "Chinese")
ENGLISH_NOTICES = (
    "This article was machine-translated from {lang}.", "Automatically translated from the {lang} by {service}.",
    "Translation: {service}.", "Machine translation by {service}; the original is in {lang}.",
    "Text translated automatically with {service}.", "This story has been translated from {lang} using {service}.",
    "Translated by {service} from the {lang} original.")
FOREIGN_NOTICES = (
    "Текст переведён автоматически ({service}).", "Перевод выполнен с помощью {service}.",
    "Automatisch übersetzt mit {service}.", "Maschinell übersetzt aus dem Englischen.",
    "Traduction automatique réalisée par {service}.", "Traduit automatiquement avec {service}.",
    "Traducción automática de {service}.", "Traducido automáticamente con {service}.",
    "Перекладено автоматично за допомогою {service}.", "Tradotto automaticamente con {service}.")
FOREIGN_SENTENCES = (
    "Стороны договорились продолжить переговоры в следующем месяце.", "Эксперты ожидают дальнейшего роста цен.",
    "Решение будет принято до конца года.", "Министерство пока не прокомментировало эти данные.",
    "Сторони домовилися зустрітися знову восени.", "Експерти вважають, що ситуація зміниться.",
    "Οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.", "Η κυβέρνηση δεν έχει σχολιάσει ακόμη.",
    "双方同意下个月继续谈判。", "政府尚未对此发表评论。", "ومن المتوقع أن تستمر المحادثات الأسبوع المقبل.",
    "交渉は来月も続けられる予定だ。", "Страните се договориха да продължат разговорите.")
LATIN_SENTENCES = (
    "Die Gespräche sollen im nächsten Monat fortgesetzt werden.", "Les deux parties ont convenu de se revoir en automne.",
    "El ministerio todavía no ha comentado las cifras.", "La decisione sarà presa entro la fine dell'anno.",
    "Obie strony zgodziły się kontynuować rozmowy.", "As negociações devem continuar no próximo mês.")
NOTES = (
    "(Translator's note: '{w}' renders a {lang} term with no exact English equivalent.)",
    "[Translator's note: the original has '{w}' here.]", "(Note from the translator: '{w}' is literal in the {lang} text.)",
    "(T/N: '{w}' in the {lang} original.)", "(Translator's comment: the {lang} word for '{w}' is ambiguous.)")


def _residue(article: Article, rng, make, *, where: str):
    """Insert `make()` as its own last paragraph ('end'), at the start of the body ('top'), or at
    the end or start of a body paragraph ('in' / 'opening')."""
    text = make()
    draft = Draft(article)
    if where == "end":
        index = draft.insert(len(article.text.rstrip("\n")), "\n\n" + text)
    elif where == "top":
        index = draft.insert(article.paras[0].end, "\n\n" + text)
    else:
        paras = [p for p in article.body if article.text[p.end - 1] in ".\"'"]
        if not paras:
            return
        para = rng.choice(paras)
        index = draft.insert(para.start, text + " ") if where == "opening" else draft.insert(para.end, " " + text)
    yield draft.plant(f"Left over from a translation: '{text}'.", [index])


@kind("T503")
def english_notice_at_end(article: Article, rng):
    """(inserted) A machine-translation notice in English as the last paragraph: 'Automatically translated from the Polish by DeepL.'."""
    yield from _residue(article, rng, lambda: rng.choice(ENGLISH_NOTICES).format(lang=rng.choice(LANGUAGES), service=rng.choice(SERVICES)), where="end")


@kind("T503")
def foreign_notice_at_end(article: Article, rng):
    """(inserted) A machine-translation notice in another language as the last paragraph: 'Automatisch übersetzt mit DeepL.'."""
    yield from _residue(article, rng, lambda: rng.choice(FOREIGN_NOTICES).format(service=rng.choice(SERVICES)), where="end")


@kind("T503")
def notice_label_at_top(article: Article, rng):
    """(inserted) A machine-translation label opening the body: '(Machine-translated from Turkish)'."""
    labels = ("(Machine-translated from {lang})", "[Automatic translation from {lang}]", "Translated automatically from {lang}:",
              "[{lang} original, machine translation]")
    yield from _residue(article, rng, lambda: rng.choice(labels).format(lang=rng.choice(LANGUAGES)), where="top")


@kind("T503")
def untranslated_sentence_other_script(article: Article, rng):
    """(inserted) A sentence left in another script at the end of a paragraph: '... the talks. Переговоры продолжатся.'-style (Cyrillic, Greek, Chinese, Arabic, Japanese)."""
    yield from _residue(article, rng, lambda: rng.choice(FOREIGN_SENTENCES), where="in")


@kind("T503")
def untranslated_sentence_opening_paragraph(article: Article, rng):
    """(inserted) A sentence in another script opening a paragraph, before its English text."""
    yield from _residue(article, rng, lambda: rng.choice(FOREIGN_SENTENCES), where="opening")


@kind("T503")
def untranslated_sentence_latin_script(article: Article, rng):
    """(inserted) A sentence left in another Latin-script language: '... in March. Die Verhandlungen gehen weiter.'-style (German, French, Spanish, Italian, Polish, Portuguese)."""
    yield from _residue(article, rng, lambda: rng.choice(LATIN_SENTENCES), where="in")


@kind("T503")
def translator_note(article: Article, rng):
    """(inserted) A translator's note about one of the article's words: "(T/N: 'levy' in the Russian original.)"."""
    words = [w for w in re.findall(r"\b[a-z]{6,}\b", article.text) if w not in ("because", "should", "however")]
    if not words:
        return
    yield from _residue(article, rng, lambda: rng.choice(NOTES).format(w=rng.choice(words), lang=rng.choice(LANGUAGES)), where="in")


# --- T504 dash-in-word ------------------------------------------------------------------------

PREFIXES = {"anti", "non", "pre", "post", "co", "re", "ex", "multi", "cross", "self", "semi", "pro", "sub", "inter",
            "mid", "over", "under", "counter", "pan", "neo", "quasi", "ultra", "mega", "mini", "micro", "macro",
            "super", "trans", "bi", "tri", "un", "de", "mis", "out", "far", "near", "all", "half", "part"}
_COMPOUND = re.compile(r"(?<![\w/.-])(?P<a>[A-Za-z]+|\d+)(?:-(?P<b>[A-Za-z]+))+(?![\w/-]|\.\d)")
_NUMBER_WORD = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)$", re.I)


def _compounds(article: Article, want):
    text = article.text
    out = []
    for m in _COMPOUND.finditer(text):
        parts = m.group(0).split("-")
        if any(not p for p in parts) or "http" in text[max(0, m.start() - 30):m.start()]:
            continue
        if want(m, parts):
            out.append(m)
    return out


def _t504(article: Article, rng, want, dash: str = "\u2014", *, which_hyphen=None):
    for m in shuffled(_compounds(article, want), rng)[:10]:
        word = m.group(0)
        hyphens = [i for i, ch in enumerate(word) if ch == "-"]
        i = which_hyphen(hyphens) if which_hyphen else rng.choice(hyphens)
        new = word[:i] + dash + word[i + 1:]
        draft = Draft(article)
        draft.replace(m.start() + i, m.start() + i + 1, dash)
        name = "an em dash" if dash == "\u2014" else "an en dash"
        why = f"'{new}' joins the compound '{word}' with {name} where a hyphen belongs."
        yield draft.plant(why, [(m.start(), m.end())])


@kind("T504")
def em_dash_after_prefix(article: Article, rng):
    """An em dash after a prefix that never stands alone: 'post-war' becomes 'post—war', 'non-executive' becomes 'non—executive'."""
    yield from _t504(article, rng, lambda m, parts: parts[0].lower() in PREFIXES and len(parts) == 2, which_hyphen=lambda h: h[0])


@kind("T504")
def em_dash_in_compound_adjective(article: Article, rng):
    """An em dash in a lowercase compound of two words: 'long-term' becomes 'long—term', 'high-profile' becomes 'high—profile'."""
    yield from _t504(article, rng, lambda m, parts: len(parts) == 2 and all(p.islower() and len(p) > 2 for p in parts)
                     and parts[0] not in PREFIXES and not _NUMBER_WORD.match(parts[0]))


@kind("T504")
def em_dash_in_number_compound(article: Article, rng):
    """An em dash in a compound with a number: '10-year' becomes '10—year', 'two-thirds' becomes 'two—thirds'."""
    yield from _t504(article, rng, lambda m, parts: (parts[0].isdigit() or _NUMBER_WORD.match(parts[0])) and parts[1].isalpha())


@kind("T504")
def em_dash_in_capitalised_compound(article: Article, rng):
    """An em dash in a compound with a capital: 'Labour-led' becomes 'Labour—led', 'Anglo-French' becomes 'Anglo—French'."""
    yield from _t504(article, rng, lambda m, parts: len(parts) == 2 and parts[0][:1].isupper() and parts[0].isalpha() and len(parts[0]) > 1)


@kind("T504")
def em_dash_in_long_compound(article: Article, rng):
    """One hyphen of a compound of three or more words becomes an em dash: 'state-of-the-art' becomes 'state-of—the-art'."""
    yield from _t504(article, rng, lambda m, parts: len(parts) >= 3 and all(p.isalpha() for p in parts[1:]))


@kind("T504")
def en_dash_in_lowercase_compound(article: Article, rng):
    """An en dash where a lowercase compound needs a hyphen: 'short-term' becomes 'short–term' (en dashes belong between names and numbers)."""
    yield from _t504(article, rng, lambda m, parts: len(parts) == 2 and all(p.islower() and p.isalpha() and len(p) > 1 for p in parts),
                     dash="\u2013")


@kind("T504")
def em_dash_in_one_of_repeated_compound(article: Article, rng):
    """A compound the article hyphenates several times gets an em dash once: 'follow-up' ... 'follow-up' ... 'follow—up'."""
    counts: dict[str, int] = {}
    for m in _COMPOUND.finditer(article.text):
        counts[m.group(0).lower()] = counts.get(m.group(0).lower(), 0) + 1
    yield from _t504(article, rng, lambda m, parts: counts.get(m.group(0).lower(), 0) >= 2 and all(p.isalpha() for p in parts))


# --- T505 dash-quotation ----------------------------------------------------------------------

_ATTRIBUTED = re.compile(
    rf'"(?P<q>[^"\n]{{20,500}}?)(?P<p>[,?!])"\s(?P<attr>(?:{SPEECH})\s[A-Z]|(?:[A-Z][\w\'’.-]*\s){{1,4}}(?:{SPEECH})\b|(?:he|she|they)\s(?:{SPEECH})\b)')


def _attributed_paragraphs(article: Article):
    for para in article.body:
        m = _ATTRIBUTED.match(article.text, para.start, para.end)
        if m and article.text.count('"', para.start, para.end) == 2:
            yield para, m


def _t505(article: Article, rng, build):
    for para, m in shuffled(list(_attributed_paragraphs(article)), rng):
        got = build(para, m)
        if got is None:
            continue
        start, end, new = got
        draft = Draft(article)
        draft.replace(start, end, new)
        why = "The speech is marked with a dialogue dash, not quotation marks, as in Russian or French copy."
        yield draft.plant(why, [(para.start, min(para.end, m.end() + 20))])


def _dash_open(dash: str, keep_close: bool):
    close = '"' if keep_close else ""

    def build(para, m):
        return m.start(), m.start("attr"), f"{dash} {m.group('q')}{m.group('p')}{close} "
    return build


@kind("T505")
def em_dash_opens_speech(article: Article, rng):
    """A paragraph of speech opened with an em dash, its quotation marks gone: '"We will win," he said.' becomes '— We will win, he said.'."""
    yield from _t505(article, rng, _dash_open("\u2014", False))


@kind("T505")
def en_dash_opens_speech(article: Article, rng):
    """The same with a spaced en dash, as French and some Russian typesetting do: '– We will win, he said.'."""
    yield from _t505(article, rng, _dash_open("\u2013", False))


@kind("T505")
def dash_with_stray_closing_mark(article: Article, rng):
    """The opening mark replaced by a dash, the closing one left behind: '— We will win," he said.' (the stray mark is also an unbalanced quote, so T501 counts neither way)."""
    for plant in _t505(article, rng, _dash_open("\u2014", True)):
        if plant is not None:
            plant.allow = ("unbalanced-quotes",)
        yield plant


@kind("T505")
def horizontal_bar_opens_speech(article: Article, rng):
    """Speech opened with a quotation dash (horizontal bar U+2015): '― We will win, he said.'."""
    yield from _t505(article, rng, _dash_open("\u2015", False))


@kind("T505")
def hyphen_opens_speech(article: Article, rng):
    """Speech opened with a typed hyphen: '- We will win, he said.'."""
    yield from _t505(article, rng, _dash_open("-", False))


_CONTINUED = re.compile(rf'(?P<first>"[^"\n]{{10,400}}?[,?!]"\s(?:[A-Z][\w\'’.-]*\s){{0,3}}(?:{SPEECH}|he\s(?:{SPEECH})|she\s(?:{SPEECH}))[^".\n]{{0,60}}\.)\s"(?P<second>[^"\n]{{10,400}}?)"')


@kind("T505")
def speech_continued_after_dash(article: Article, rng):
    """A quotation continued after the attribution with a dash: '"We will win," he said. "It is time."' becomes '... he said. — It is time.'."""
    for m in shuffled(list(_CONTINUED.finditer(article.text)), rng):
        draft = Draft(article)
        draft.replace(m.start("second") - 1, m.end("second") + 1, f"\u2014 {m.group('second')}")
        why = "The second part of the speech is opened with a dialogue dash instead of quotation marks."
        yield draft.plant(why, [(m.start(), m.end())])


_COLON_QUOTE = re.compile(rf'(?P<intro>(?:[A-Z][\w\'’.-]*\s){{1,4}}(?:{SPEECH}|said|added)):\s"(?P<q>[^"\n]{{20,500}})"$', re.M)


@kind("T505")
def speech_after_colon_on_new_paragraph(article: Article, rng):
    """Speech introduced with a colon, then given in its own paragraph after a dash: 'Smith said:' / '— We will win.'."""
    for m in shuffled(list(_COLON_QUOTE.finditer(article.text)), rng):
        draft = Draft(article)
        draft.replace(m.end("intro") + 1, m.end(), f"\n\n\u2014 {m.group('q')}")
        why = "The speech after the colon is set as a dialogue-dash paragraph instead of in quotation marks."
        yield draft.plant(why, [(m.start(), m.end("intro") + 1), (m.start("q"), m.end("q"))])


# --- T506 repeated-word -----------------------------------------------------------------------

FUNCTION_WORDS = ("the", "a", "an", "to", "of", "in", "and", "for", "on", "with", "by", "from", "at", "as", "be",
                  "will", "would", "it", "its", "their", "his", "this", "was", "are", "has", "have", "not", "but")
_PLAIN_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])")
_GRAMMATICAL_DOUBLES = {"that", "had", "is", "do", "her", "you", "very", "no", "so", "well", "bye", "now", "what", "who"}


def _t506(article: Article, rng, pick, *, wrap: bool = False, capital: bool = False):
    text = article.text
    for para in shuffled(article.body, rng):
        words = list(_PLAIN_WORD.finditer(text, para.start, para.end))
        fit = [m for m in words if pick(m) and m.group(0).lower() not in _GRAMMATICAL_DOUBLES]
        if capital:
            fit = [m for m in fit if m.group(0)[0].isupper() and (m.start() == para.start or text[m.start() - 2:m.start()] in (". ", "? ", "! "))]
        if not fit:
            continue
        m = rng.choice(fit)
        word = m.group(0)
        draft = Draft(article)
        if wrap:
            if para.end - para.start < 140:
                continue
            before = text[para.start:m.end()]
            after = text[m.end():para.end]
            lines = textwrap.wrap(before, 72, break_long_words=False, break_on_hyphens=False)
            rest = textwrap.wrap(word + after, 72, break_long_words=False, break_on_hyphens=False)
            joined = "\n".join(lines)
            draft.replace(para.start, para.end, joined + "\n" + "\n".join(rest))
            why = f"'{word}' is typed twice, once at the end of a line and again at the start of the next."
            yield draft.plant(why, [(0, len(joined) - len(word), len(joined) + 1 + len(word))])
            return
        doubled = word.lower() if capital else word
        draft.insert(m.end(), f" {doubled}")
        why = f"'{word} {doubled}': the word is repeated by mistake."
        yield draft.plant(why, [(m.start(), m.end())])


@kind("T506")
def function_word_doubled(article: Article, rng):
    """A short function word typed twice: 'the the', 'to to', 'of of', 'in in London'."""
    yield from _t506(article, rng, lambda m: m.group(0) in FUNCTION_WORDS)


@kind("T506")
def content_word_doubled(article: Article, rng):
    """A content word typed twice: 'the government government said', 'rose sharply sharply'."""
    yield from _t506(article, rng, lambda m: m.group(0).islower() and len(m.group(0)) >= 4 and m.group(0) not in FUNCTION_WORDS)


@kind("T506")
def doubled_across_line_break(article: Article, rng):
    """A word repeated across a line break in a hard-wrapped paragraph: '... the' / 'the board ...' (the paragraph is wrapped at 72 columns)."""
    yield from _t506(article, rng, lambda m: m.group(0) in FUNCTION_WORDS or len(m.group(0)) >= 5, wrap=True)


@kind("T506")
def capitalised_first_word_doubled(article: Article, rng):
    """The first word of a sentence repeated, the copy in lower case: 'The the company said'; 'But but ministers'."""
    yield from _t506(article, rng, lambda m: m.group(0) in ("The", "But", "And", "It", "In", "This", "He", "She", "They", "We", "A"),
                     capital=True)


@kind("T506")
def doubled_inside_quotation(article: Article, rng):
    """A word repeated inside a quotation: '"We will will not give up," she said'."""
    text = article.text
    def pick(m):
        para = article.para_at(m.start())
        return text.count('"', para.start, m.start()) % 2 == 1 and (m.group(0).islower())
    yield from _t506(article, rng, pick)


@kind("T506")
def doubled_in_headline(article: Article, rng):
    """A word repeated in the headline: 'Profits rise at at Barclays'."""
    head = article.paras[0]
    words = [m for m in _PLAIN_WORD.finditer(article.text, head.start, head.end)
             if m.group(0).lower() not in _GRAMMATICAL_DOUBLES and len(m.group(0)) > 1]
    if len(words) < 3:
        return
    m = rng.choice(words[1:])
    draft = Draft(article)
    draft.insert(m.end(), f" {m.group(0)}")
    yield draft.plant(f"'{m.group(0)} {m.group(0)}' in the headline: the word is repeated by mistake.", [(m.start(), m.end())])


@kind("T506")
def doubled_number_word(article: Article, rng):
    """A preposition or article before a figure typed twice: 'rose by by 5%', 'a a $2bn deal'."""
    text = article.text
    yield from _t506(article, rng, lambda m: m.group(0) in ("by", "to", "of", "a", "the", "about", "than", "from")
                     and re.match(r"\s[$£€]?\d", text[m.end():m.end() + 3]) is not None)
