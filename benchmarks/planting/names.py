"""Name errors (E301–E303), planted on the article's own people, roles and quotations."""

from __future__ import annotations

import re
import unicodedata

from .core import Article, Draft, kind, shuffled
from .entities import SPEECH, Person, capitalise, people

_VOWELS = "aeiou"


def _known_words(article: Article) -> set[str]:
    cached = getattr(article, "_words", None)
    if cached is None:
        cached = article._words = set(re.findall(r"[\w'’-]+", article.text))
    return cached


def _mentionable(article: Article) -> list[Person]:
    """People mentioned at least twice, with a surname of four letters or more."""
    return [p for p in people(article) if len(p.mentions) >= 2 and len(p.surname.split()[-1]) >= 4]


def _variant_plants(article: Article, rng, spell, *, which: str = "later"):
    """For a person mentioned twice or more, one mention of the surname respelt by `spell(surname)`
    (which returns (new surname, how) or None). `which` is 'later' (a bare later mention) or
    'first' (the full-name mention)."""
    for person in shuffled(_mentionable(article), rng):
        last = person.surname.split()[-1]
        got = spell(person.surname, last)
        if got is None:
            continue
        new, how = got
        if new == person.surname or new in _known_words(article) or new.split()[-1] in _known_words(article):
            continue
        if which == "first":
            start, end = person.full[0]
            target = (end - len(person.surname), end)
            other = person.mentions[1] if person.mentions[0] == target else person.mentions[0]
        else:
            later = [m for m in person.short if m[0] > person.full[0][0]] or person.short
            if not later:
                continue
            target = rng.choice(later)
            other = person.full[0]
        draft = Draft(article)
        draft.replace(*target, new)
        why = f"{person.name} is spelt '{new}' in one mention ({how}); elsewhere the article has '{person.surname}'."
        yield draft.plant(why, [target, other])


def _interior(last: str) -> range:
    return range(1, len(last) - 1)


@kind("E301")
def letter_doubled(article: Article, rng):
    """One later mention of a surname doubles a letter: 'Hammond' ... 'Hammmond'; 'Davis' ... 'Daviss'."""
    def spell(surname, last):
        spots = [i for i in range(1, len(last)) if last[i].isalpha() and last[i] not in _VOWELS and last[i] != last[i - 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return surname[:len(surname) - len(last)] + last[:i] + last[i] + last[i:], f"'{last[i]}' doubled"
    yield from _variant_plants(article, rng, spell)


@kind("E301")
def letters_transposed(article: Article, rng):
    """Two neighbouring letters swapped in one mention: 'Sturgeon' ... 'Stugreon'."""
    def spell(surname, last):
        spots = [i for i in range(1, len(last) - 2) if last[i] != last[i + 1] and last[i].isalpha() and last[i + 1].isalpha()]
        if not spots:
            return None
        i = rng.choice(spots)
        new = last[:i] + last[i + 1] + last[i] + last[i + 2:]
        return surname[:len(surname) - len(last)] + new, f"'{last[i]}{last[i + 1]}' swapped"
    yield from _variant_plants(article, rng, spell)


@kind("E301")
def letter_dropped(article: Article, rng):
    """One letter dropped from one mention: 'Schmieding' ... 'Schmiedng'."""
    def spell(surname, last):
        spots = [i for i in range(1, len(last) - 1) if last[i].isalpha() and last[i] != last[i - 1]]
        if len(last) < 5 or not spots:
            return None
        i = rng.choice(spots)
        return surname[:len(surname) - len(last)] + last[:i] + last[i + 1:], f"'{last[i]}' dropped"
    yield from _variant_plants(article, rng, spell)


@kind("E301")
def vowel_changed(article: Article, rng):
    """One vowel changed in one mention: 'Corbyn' ... 'Corbin'; 'Merkel' ... 'Merkal'."""
    def spell(surname, last):
        spots = [i for i in range(1, len(last)) if last[i] in _VOWELS + "y"]
        if not spots:
            return None
        i = rng.choice(spots)
        options = [v for v in "aeiouy" if v != last[i]]
        new = last[:i] + rng.choice(options) + last[i + 1:]
        return surname[:len(surname) - len(last)] + new, f"'{last[i]}' written '{new[i]}'"
    yield from _variant_plants(article, rng, spell)


_ACCENTS = {"e": "é", "o": "ö"}


@kind("E301")
def diacritic_dropped_or_added(article: Article, rng):
    """One mention loses its accent ('Mélenchon' ... 'Melenchon') or gains one the others lack ('Tusk' ... 'Tüsk')."""
    def spell(surname, last):
        plain = "".join(ch for ch in unicodedata.normalize("NFD", surname) if not unicodedata.combining(ch))
        if plain != surname:
            return plain, "the accent dropped"
        spots = [i for i in range(1, len(last)) if last[i] in _ACCENTS]
        if not spots:
            return None
        i = rng.choice(spots)
        new = last[:i] + _ACCENTS[last[i]] + last[i + 1:]
        return surname[:len(surname) - len(last)] + new, f"'{last[i]}' written '{_ACCENTS[last[i]]}'"
    yield from _variant_plants(article, rng, spell)


# Romanisation alternatives that writers mix up for one name.
_TRANSLIT = [(r"y$", "i"), (r"i$", "y"), (r"ov$", "off"), (r"ev$", "eff"), (r"sky$", "ski"), (r"ski$", "sky"),
             (r"ks", "x"), (r"x", "ks"), (r"ei", "ey"), (r"ey", "ei"), (r"kh", "h"), (r"ou", "u"), (r"ph", "f"),
             (r"c(?=[aou])", "k"), (r"k(?=[aou])", "c"), (r"ie", "ye"), (r"ye", "ie"), (r"j", "zh"), (r"zh", "j"),
             (r"ai", "ay"), (r"ay", "ai"), (r"sch", "sh"), (r"sh", "sch"), (r"w", "v"), (r"v", "w"), (r"tch", "ch")]


@kind("E301")
def transliteration_variant(article: Article, rng):
    """One mention romanised another way: 'Lavrov' ... 'Lavroff'; 'Yanukovych' ... 'Yanukovich'; 'Zelensky' ... 'Zelenski'."""
    def spell(surname, last):
        rules = [(p, r) for p, r in _TRANSLIT if re.search(p, last[1:])]
        if not rules:
            return None
        pattern, repl = rng.choice(rules)
        new = last[0] + re.sub(pattern, repl, last[1:], count=1)
        return surname[:len(surname) - len(last)] + new, f"romanised with '{repl}'"
    yield from _variant_plants(article, rng, spell)


@kind("E301")
def compound_surname_variant(article: Article, rng):
    """A particle, prefix or hyphen of a surname written another way in one mention: 'McDonnell' ... 'MacDonnell', 'Lloyd-Webber' ... 'Lloyd Webber', 'de Gaulle' ... 'DeGaulle'."""
    def spell(surname, last):
        if "-" in surname:
            return surname.replace("-", " ", 1), "the hyphen dropped"
        if surname.startswith("Mc"):
            return "Mac" + surname[2:], "'Mc' written 'Mac'"
        if surname.startswith("Mac") and surname[3:4].isupper():
            return "Mc" + surname[3:], "'Mac' written 'Mc'"
        if surname.startswith("O'"):
            return "O" + surname[2:], "the apostrophe dropped"
        parts = surname.split()
        if len(parts) > 1:
            return "".join(p.capitalize() if i else p.capitalize() for i, p in enumerate(parts)), "the particle run together"
        return None
    yield from _variant_plants(article, rng, spell)


@kind("E301")
def first_mention_misspelt(article: Article, rng):
    """The full-name mention is the odd one out: 'Theresa Mya said' ... 'May' ... 'May'."""
    def spell(surname, last):
        op = rng.choice(("swap", "double", "vowel"))
        if op == "swap":
            spots = [i for i in range(1, len(last) - 2) if last[i] != last[i + 1]]
            if not spots:
                return None
            i = rng.choice(spots)
            new = last[:i] + last[i + 1] + last[i] + last[i + 2:]
        elif op == "double":
            spots = [i for i in range(1, len(last)) if last[i] not in _VOWELS and last[i] != last[i - 1]]
            if not spots:
                return None
            i = rng.choice(spots)
            new = last[:i] + last[i] + last[i:]
        else:
            spots = [i for i in range(1, len(last)) if last[i] in _VOWELS]
            if not spots:
                return None
            i = rng.choice(spots)
            new = last[:i] + rng.choice([v for v in _VOWELS if v != last[i]]) + last[i + 1:]
        return surname[:len(surname) - len(last)] + new, "a slip in the first mention"
    yield from _variant_plants(article, rng, spell, which="first")


# --- E302 role-conflict -----------------------------------------------------------------------

UK_POSTS = ["Chancellor", "Foreign Secretary", "Home Secretary", "Health Secretary", "Defence Secretary",
            "Education Secretary", "Business Secretary", "Brexit Secretary", "Transport Secretary",
            "Work and Pensions Secretary", "Culture Secretary", "Environment Secretary", "Justice Secretary",
            "Trade Secretary", "Northern Ireland Secretary", "Scottish Secretary", "Welsh Secretary"]
PORTFOLIOS = ["Finance", "Foreign", "Interior", "Defence", "Defense", "Health", "Education", "Trade", "Energy",
              "Justice", "Economy", "Agriculture", "Transport", "Environment"]
PARTIES = {"Labour": ["Conservative", "Liberal Democrat", "SNP"], "Conservative": ["Labour", "Liberal Democrat"],
           "Tory": ["Labour", "Lib Dem"], "Liberal Democrat": ["Labour", "Conservative"], "Lib Dem": ["Labour", "Tory"],
           "SNP": ["Labour", "Conservative"], "UKIP": ["Labour", "Conservative"], "Green": ["Labour", "Conservative"],
           "Republican": ["Democratic"], "Democratic": ["Republican"], "Democrat": ["Republican"]}
PARTY_ROLES = r"(?:leader|MP|MEP|Sen\.|Senator|Rep\.|Representative|candidate|lawmaker|congressman|congresswoman|peer|councillor|spokesman|spokeswoman|deputy\sleader)"
NATIONALITIES = ["French", "German", "Italian", "Spanish", "Irish", "Dutch", "Polish", "Greek", "Russian", "Chinese",
                 "Japanese", "Indian", "Canadian", "Australian", "Turkish", "Belgian", "Austrian", "Swedish"]
HEADS = ["President", "Prime Minister", "Chancellor", "Foreign Minister", "Finance Minister"]

_POST = "|".join(sorted(map(re.escape, UK_POSTS + ["Prime Minister"]), key=len, reverse=True))
_ROLE_BEFORE = re.compile(
    rf"(?:(?P<post>{_POST})|(?P<portfolio>{'|'.join(PORTFOLIOS)})\sMinister"
    rf"|(?P<party>{'|'.join(sorted(map(re.escape, PARTIES), key=len, reverse=True))})\s(?P<prole>{PARTY_ROLES})"
    rf"|(?P<nation>{'|'.join(NATIONALITIES)})\s(?P<head>{'|'.join(HEADS)}))\s$")


class _Role:
    def __init__(self, person: Person, kind: str, value: str, written: str, span: tuple[int, int], extra: str = ""):
        self.person, self.kind, self.value, self.written, self.span, self.extra = person, kind, value, written, span, extra

    def conflicting(self, rng) -> str | None:
        """A title this person cannot hold alongside the written one."""
        if self.kind == "post":
            return rng.choice([p for p in UK_POSTS + ["Prime Minister"] if p != self.value])
        if self.kind == "portfolio":
            same = {"Defence", "Defense"} if self.value in ("Defence", "Defense") else {self.value}
            return rng.choice([p for p in PORTFOLIOS if p not in same | {"Defense"}]) + " Minister"
        if self.kind == "party":
            return f"{rng.choice(PARTIES[self.value])} {self.extra}"
        if self.kind == "nation":
            return f"{rng.choice([n for n in NATIONALITIES if n != self.value])} {self.extra}"
        return None


def _roles(article: Article) -> list[_Role]:
    """Titles written just before a person's full name: 'Chancellor George Osborne', 'Labour MP
    Jo Cox', 'French President Emmanuel Macron', 'Finance Minister Yanis Varoufakis'."""
    out = []
    text = article.text
    for person in people(article):
        for start, end in person.full:
            base = max(0, start - 60)
            m = _ROLE_BEFORE.search(text, base, start)
            if not m:
                continue
            span = (m.start(), end)
            if m.group("post"):
                out.append(_Role(person, "post", m.group("post"), m.group(0).strip(), span))
            elif m.group("portfolio"):
                out.append(_Role(person, "portfolio", m.group("portfolio"), m.group(0).strip(), span))
            elif m.group("party"):
                out.append(_Role(person, "party", m.group("party"), m.group(0).strip(), span, m.group("prole")))
            elif m.group("nation"):
                out.append(_Role(person, "nation", m.group("nation"), m.group(0).strip(), span, m.group("head")))
            break
    return [r for r in out if not _changes_role(article, r)]


def _changes_role(article: Article, role: _Role) -> bool:
    """The article tells of this person changing or leaving a post (then two titles may both be right)."""
    s = re.escape(role.person.surname)
    return bool(re.search(rf"\b(?:former|ex-|then|new|acting|shadow|interim|outgoing|incoming)\s(?:\w+\s){{0,3}}(?:{s})\b|\b{s}\b[^.]{{0,80}}\b(?:appointed|became|resigned|replaced|succeeded|promoted|moved|named)\b",
                          article.text))


def _role_plants(article: Article, rng, build):
    for role in shuffled(_roles(article), rng):
        later = [m for m in role.person.short if m[0] > role.span[1]]
        if not later:
            continue
        target = rng.choice(later)
        other = role.conflicting(rng)
        if other is None:
            continue
        got = build(role, target, other)
        if got is None:
            continue
        start, end, new = got
        draft = Draft(article)
        index = draft.replace(start, end, new)
        why = (f"{role.person.name} is '{role.written}' here and '{other}' later; one person cannot hold both, "
               f"and the article tells of no change.")
        yield draft.plant(why, [role.span, index])


@kind("E302")
def later_title_conflicts(article: Article, rng):
    """A later bare mention gains a conflicting title: 'Chancellor George Osborne' ... 'Home Secretary Osborne said'."""
    def build(role, target, other):
        before = article.text[max(0, target[0] - 4):target[0]]
        if before.endswith(("Mr ", "Ms ", "Dr ")) or before.endswith("Mrs "):
            return None
        return target[0], target[1], f"{other} {role.person.surname}"
    yield from _role_plants(article, rng, build)


@kind("E302")
def later_appositive_conflicts(article: Article, rng):
    """A later mention gains a conflicting title in apposition: 'Labour MP Jo Smith' ... 'Smith, a Conservative MP, said'."""
    def build(role, target, other):
        after = article.text[target[1]:target[1] + 1]
        if after not in (" ", ".") or article.text[target[1]:target[1] + 2] == ", ":
            return None
        head = other.split()[0]
        article_word = "an" if other[0] in "AEIOU" or head.isupper() and other[0] in "FHLMNRSX" else "a"
        if role.kind in ("post", "portfolio"):
            title = f"the {other[0].lower() + other[1:] if role.kind == 'portfolio' else other}"
        else:
            title = f"{article_word} {other}"
        tail = "," if after == " " else ""
        return target[1], target[1], f", {title}{tail}"
    yield from _role_plants(article, rng, build)


@kind("E302")
def full_name_repeated_with_other_title(article: Article, rng):
    """The full name is repeated later with another title: 'French President Emmanuel Macron' ... 'German President Emmanuel Macron'."""
    def build(role, target, other):
        before = article.text[max(0, target[0] - 4):target[0]]
        if before.endswith(("Mr ", "Ms ", "Dr ")):
            return None
        return target[0], target[1], f"{other} {role.person.given} {role.person.surname}"
    yield from _role_plants(article, rng, build)


@kind("E302")
def inserted_sentence_with_other_title(article: Article, rng):
    """A sentence added later names the person with a conflicting title: '... Finance Minister Varoufakis' + later 'Interior Minister Varoufakis declined to comment.'."""
    templates = ("{t} {s} declined to comment further.", "{t} {s} is expected to say more later.",
                 "A spokesman for {t} {s} gave no further details.", "{t} {s} did not respond to a request for comment.")
    for role in shuffled(_roles(article), rng):
        para = article.para_at(role.span[0])
        later = [p for p in article.body if p.index > para.index and article.text[p.end - 1] in ".\""
                 and not re.search(r"contributed|reporting by|editing by", article.text[p.start:p.end], re.I)]
        other = role.conflicting(rng)
        if not later or other is None:
            continue
        draft = Draft(article)
        sentence = rng.choice(templates).format(t=other, s=role.person.surname)
        index = draft.insert(rng.choice(later).end, " " + capitalise(sentence))
        why = f"{role.person.name} is '{role.written}' here and '{other}' later; the two cannot both hold."
        yield draft.plant(why, [role.span, index])


_ORG_ROLE = re.compile(
    r",\s(?:the\s)?(?P<role>chief\sexecutive|chairman|chairwoman|president|managing\sdirector|chief\seconomist|"
    r"director|head|founder|leader|general\ssecretary|secretary\sgeneral|spokesman|spokeswoman)\s(?:of|at)\s(?:the\s)?"
    r"(?P<org>(?:[A-Z][\w&'’.-]*\s?){1,5})(?=[,.;]|\s(?:and|said|says|told|who|which)\b)")
_ORG_NAME = re.compile(r"(?<![\w-])(?:[A-Z][\w&'’.-]+\s){0,3}(?:Bank|Group|Corp|Corporation|Airways|Airlines|Motors|"
                       r"Holdings|Industries|Party|Council|Commission|Fund|Agency|Institute|Association|Union|Exchange|"
                       r"Office|Society|Federation|Foundation|University|Company|Institution|Authority)(?![\w-])")


@kind("E302")
def head_of_another_organisation(article: Article, rng):
    """A person given the same top post at another organisation of the article: 'Ian Cheshire, chief executive of Kingfisher,' ... 'Cheshire, chief executive of Tesco,'."""
    text = article.text
    for person in shuffled(people(article), rng):
        for start, end in person.full:
            m = _ORG_ROLE.match(text, end)
            if not m:
                continue
            org = m.group("org").strip()
            others = [o for o in dict.fromkeys(x.group(0) for x in _ORG_NAME.finditer(text))
                      if o not in org and org not in o and not o.startswith(("The ", "A ", "In "))]
            later = [x for x in person.short if x[0] > m.end()]
            if not others or not later or _changes_role(article, _Role(person, "org", org, m.group(0), (start, m.end()))):
                continue
            target = rng.choice(later)
            if text[target[1]:target[1] + 1] in (",", "'", "’") or text[max(0, target[0] - 4):target[0]].endswith(("Mr ", "Ms ", "Dr ")):
                continue
            other = rng.choice(others)
            if re.search(r"(?:Party|Council|Commission|Fund|Agency|Institute|Association|Union|Exchange|Office|Society|"
                         r"Federation|Foundation|University|Institution|Authority|Bank)$", other):
                other = "the " + other
            role = m.group("role")
            draft = Draft(article)
            index = draft.insert(target[1], f", {role} of {other},")
            why = f"{person.name} is {role} of {org} here and {role} of {other} later; the article tells of no move."
            yield draft.plant(why, [(start, m.end()), index])
            break


@kind("E302")
def party_switched_in_second_full_mention(article: Article, rng):
    """A party label contradicts the article's: 'Republican Sen. John Cornyn' ... 'Democratic Sen. Cornyn'; 'Labour MP Jess Phillips' ... 'the Tory MP Phillips'."""
    for role in shuffled(_roles(article), rng):
        if role.kind != "party":
            continue
        later = [m for m in role.person.short if m[0] > role.span[1]]
        if not later:
            continue
        target = rng.choice(later)
        other = role.conflicting(rng)
        if article.text[max(0, target[0] - 4):target[0]].endswith(("Mr ", "Ms ", "Dr ", "Mrs ")):
            continue
        draft = Draft(article)
        index = draft.replace(target[0], target[1], f"{other} {role.person.surname}")
        why = f"{role.person.name} is '{role.written}' here and '{other}' later."
        yield draft.plant(why, [role.span, index])


# --- E303 quote-attribution-conflict ----------------------------------------------------------

_QUOTE_THEN_SPEAKER = re.compile(rf'"(?P<quote>[^"\n]{{35,320}}?)[,.]?"\s(?:(?P<verb1>{SPEECH})\s(?P<s1>[A-Z][\w\'’-]+(?:\s[A-Z][\w\'’-]+)*)|(?P<s2>[A-Z][\w\'’-]+(?:\s[A-Z][\w\'’-]+)*)\s(?P<verb2>{SPEECH}))')
_SPEAKER_THEN_QUOTE = re.compile(rf'(?P<s3>[A-Z][\w\'’-]+(?:\s[A-Z][\w\'’-]+)*)\s(?P<verb3>{SPEECH}):?\s"(?P<quote>[^"\n]{{35,320}}?)"')


def _quotes(article: Article):
    """Quotations of six words or more attributed to a named person of the article, with that
    person and another named person who could be credited with it instead."""
    cast = {p.surname: p for p in people(article)}
    for p in list(cast.values()):
        cast[p.name] = p
    out = []
    for pattern in (_QUOTE_THEN_SPEAKER, _SPEAKER_THEN_QUOTE):
        for m in pattern.finditer(article.text):
            name = m.groupdict().get("s1") or m.groupdict().get("s2") or m.groupdict().get("s3")
            speaker = cast.get(name) or cast.get(name.split()[-1]) if name else None
            quote = m.group("quote").strip()
            if speaker is None or len(quote.split()) < 6 or '"' in quote:
                continue
            out.append((m, quote.rstrip(",."), speaker))
    return out


def _other_speaker(article: Article, speaker: Person, rng) -> Person | None:
    others = [p for p in people(article) if p.surname != speaker.surname and p.short]
    return rng.choice(others) if others else None


def _quote_plants(article: Article, rng, render, *, new_paragraph: bool = False):
    for m, quote, speaker in shuffled(_quotes(article), rng):
        other = _other_speaker(article, speaker, rng)
        if other is None:
            continue
        got = render(quote, other)
        if got is None:
            continue
        text, shown = got
        para = article.para_at(m.start())
        later = [p for p in article.body if p.index > para.index]
        if not later:
            continue
        target = rng.choice(later)
        draft = Draft(article)
        index = draft.insert(target.end, ("\n\n" if new_paragraph else " ") + text)
        why = (f"The words '{shown}' are {speaker.surname}'s in one place and attributed to "
               f"{other.surname} in another.")
        yield draft.plant(why, [(m.start(), m.end()), index])


@kind("E303")
def quote_repeated_with_other_speaker(article: Article, rng):
    """A quotation of one person repeated later with another speaker after it: '"We will not give up," Sturgeon said.' ... '"We will not give up," Davidson said.'."""
    def render(quote, other):
        verb = rng.choice(("said", "told reporters", "added", "insisted"))
        return f'"{quote}," {other.surname} {verb}.', quote
    yield from _quote_plants(article, rng, render)


@kind("E303")
def quote_repeated_after_colon(article: Article, rng):
    """The same words introduced by another speaker with a colon: 'Davidson said: "We will not give up."'."""
    def render(quote, other):
        verb = rng.choice(("said", "put it this way", "told the meeting"))
        return f'{other.surname} {verb}: "{quote}."', quote
    yield from _quote_plants(article, rng, render)


@kind("E303")
def partial_quote_given_to_other(article: Article, rng):
    """The first sentence of a quotation (six words or more) reused as another person's partial quote: 'Davidson said that "the time has come to end the uncertainty".'."""
    def render(quote, other):
        first = re.split(r"(?<=[.?!])\s", quote.strip())[0]
        words = first.split()
        if len(words) < 6:
            return None
        part = " ".join(words[:14]).strip(",.;:?! ")
        if not part[:2].startswith(("I ", "I'")):
            part = part[0].lower() + part[1:]
        verb = rng.choice(("said that", "argued that", "warned that"))
        return f'{other.surname} {verb} "{part}".', part
    yield from _quote_plants(article, rng, render)


@kind("E303")
def near_identical_quote_other_speaker(article: Article, rng):
    """Nearly the same words credited to another person, one word dropped or changed: '"We will never give up," Davidson said.'."""
    def render(quote, other):
        words = quote.split()
        small = [i for i, w in enumerate(words) if w.lower() in ("very", "really", "just", "all", "now", "still", "also", "so", "the", "a")]
        if not small:
            return None
        i = rng.choice(small)
        changed = " ".join(words[:i] + words[i + 1:])
        return f'"{changed}," {other.surname} said.', changed
    yield from _quote_plants(article, rng, render)


@kind("E303")
def quote_as_pull_quote_of_other(article: Article, rng):
    """The quotation set as a pull quote under another name in a paragraph of its own: '"We will not give up." — Ruth Davidson'."""
    def render(quote, other):
        return f'"{quote}." — {other.name}', quote
    yield from _quote_plants(article, rng, render, new_paragraph=True)


@kind("E303")
def quote_according_to_other(article: Article, rng):
    """The quotation reported 'according to' another person: 'According to Davidson, "we will not give up".'."""
    def render(quote, other):
        lowered = quote[0].lower() + quote[1:] if not quote.startswith(("I ", "I'")) else quote
        return f'According to {other.surname}, "{lowered}."', quote
    yield from _quote_plants(article, rng, render)


@kind("E303")
def speaker_swapped_in_repeated_quote(article: Article, rng):
    """The article quotes the same words twice; the second is credited to another person: '... Corbyn said.' twice becomes '... Watson said.' once."""
    quotes = _quotes(article)
    for i, (m, quote, speaker) in enumerate(quotes):
        for m2, quote2, speaker2 in quotes[i + 1:]:
            if quote2 != quote or speaker2.surname != speaker.surname:
                continue
            other = _other_speaker(article, speaker, rng)
            if other is None:
                continue
            name_group = next(g for g in ("s1", "s2", "s3") if m2.groupdict().get(g))
            draft = Draft(article)
            draft.replace(m2.start(name_group), m2.end(name_group), other.surname)
            why = f"The same words are {speaker.surname}'s in one place and {other.surname}'s in the other."
            yield draft.plant(why, [(m.start(), m.end()), (m2.start(), m2.end())])
