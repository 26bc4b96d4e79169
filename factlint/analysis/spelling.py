"""How two spellings of one name differ, by comparing normalised keys.

Each spelling is reduced step by step, and the first step at which two spellings meet says how
they differ:

1. ``fold``: lower case, diacritics removed by Unicode decomposition, the few Latin letters that
   do not decompose (ø, ł, đ, ß, æ, œ, ı, þ) written in ASCII, and the German and Nordic vowels
   also in their spelled-out form (ü/ue, ø/oe, å/aa): "accents".
2. ``compact``: without spaces, hyphens, apostrophes and dots (de la Cruz/Dela Cruz,
   Massy-Greene/Massy Greene, O'Brien/OBrien): "spacing".
3. doubled letters written once (McAlister/McAllister): "doubled letter".
4. ``skeleton``: the spelling families of romanisation folded together (zh/j, kh/h, ks/x, y/i,
   ye/e, iy/ii/i, w/v, ph/f, ou/u, tch/ch, shch/sch/sh, Mac/Mc, -off/-ow/-ev/-ov), or, for a
   name of three consonants or more, the same consonants with vowels in the same places
   (Mohammed/Muhammad, Abdulrahman/Abdelrahman): "transliteration".
5. one letter added, dropped, changed or two neighbours swapped, anywhere after the first
   letter, in names of five letters or more: "slip".

A word that mixes alphabets ("Rоtaru" with a Cyrillic о) is never a variant here: that is the
mixed-script check's finding, not a second spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import itemgetter

# Latin letters with no Unicode decomposition, in their usual ASCII spelling.
_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae",
                               "œ": "oe", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n", "ſ": "s"})
# The same vowels spelled out, as German, Danish and Norwegian write them without the mark.
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa", "æ": "ae"})
_NOT_LETTER = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")
_FIRST_GROUP = itemgetter(1)  # a replacement function: Python 3.11 parses a "\1" template on every call
_TRANSLIT = (("shch", "sh"), ("sch", "sh"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("tch", "ch"),
             ("ks", "x"), ("ye", "e"), ("yi", "i"), ("ay", "ai"), ("ey", "ei"), ("oy", "oi"), ("iy", "i"),
             ("ie", "e"), ("y", "i"), ("w", "v"), ("ou", "u"), ("ph", "f"), ("ue", "u"), ("oe", "o"),
             ("ae", "a"), ("ck", "k"))
_ENDING = re.compile(r"(?:ow|ev|ew)$")  # -ow, -ev: -ov (doubled letters are folded first)
_FINAL_F = re.compile(r"f$")  # -off, -eff: -ov, -ev (Smirnoff, Smirnov)
_HARD_C = re.compile(r"c(?![ehiy])")  # Victor/Viktor, Nicolai/Nikolai: c and k for one sound
_VOWELS = re.compile(r"[aeiou]+")
_CONSONANT = re.compile(r"[^aeiou]")
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")  # Greek, Cyrillic


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _fold(lower: str) -> str:
    return strip_accents(lower).translate(_UNDECOMPOSED)


@lru_cache(maxsize=16384)
def forms(word: str) -> tuple[str, str, str, str, str, str]:
    """(lower case, folded, spelled-out fold, compact, without doubled letters, skeleton)."""
    lower = word.lower().replace("’", "'")
    if lower.isascii():
        folded = spelled = lower
    else:
        folded, spelled = _fold(lower), _fold(lower.translate(_SPELLED_OUT))
    compact = _NOT_LETTER.sub("", folded)
    undoubled = _NOT_LETTER.sub("", _DOUBLE.sub(_FIRST_GROUP, folded))  # "D-Day" has no doubled letter
    skeleton = "".join(_skeleton(part) for part in _NOT_LETTER.split(spelled) if part)  # per part: "D-Day" is not "Day"
    return lower, folded, spelled, compact, undoubled, skeleton


def _skeleton(s: str) -> str:
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    s = _ENDING.sub("ov", _FINAL_F.sub("v", _DOUBLE.sub(_FIRST_GROUP, s)))
    if s.startswith("mac"):
        s = "mc" + s[3:]
    return _HARD_C.sub("k", s)


def _consonants(skeleton: str) -> tuple[str, str]:
    """The skeleton's first letter and consonants, and where its vowels stand: only the vowels
    differ between Mohammed and Muhammad, while Pemberton and Pembreton move one."""
    return skeleton[:1] + _VOWELS.sub("", skeleton[1:]), _VOWELS.sub("v", _CONSONANT.sub("c", skeleton))


def one_edit(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter added, dropped, changed, or two neighbours swapped."""
    la, lb = len(a), len(b)
    if a == b or abs(la - lb) > 1:
        return False
    i, n = 0, min(la, lb)
    while i < n and a[i] == b[i]:
        i += 1
    if la > lb:
        return a[i + 1:] == b[i:]
    if la < lb:
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def same_spelling(a: str, b: str) -> bool:
    """Equal, or equal but for the case of the first letter (a particle opening a sentence: "De la Cruz")."""
    return a == b or a[:1].upper() + a[1:] == b[:1].upper() + b[1:]


@lru_cache(maxsize=65536)
def spelling_variant(a: str, b: str) -> str | None:
    """How two different spellings of one name differ, or None when they are not variants.

    "accents" (Bárány/Barany, Müller/Mueller), "spacing" (de la Cruz/Dela Cruz), "doubled letter"
    (McAlister/McAllister), "transliteration" (Zhumabekov/Jumabekov), "slip" (one letter added,
    dropped, changed or swapped, in names of five letters or more; not a final -s, -n or -y:
    "the Trumps", "America"/"American", "Smithy"; in four letters a vowel or a swap).
    """
    if same_spelling(a, b) or not a or not b or abs(len(a) - len(b)) > 4:
        return None
    if _OTHER_SCRIPT.search(a) or _OTHER_SCRIPT.search(b):
        return None  # a look-alike letter from another alphabet: the mixed-script check's business
    fa, fb = forms(a), forms(b)
    if fa[0] == fb[0]:  # the same letters, other capitals inside the name ("De La Cruz"/"De la Cruz")
        return "spacing" if _mixed_case(a) and _mixed_case(b) else None  # not a word in capitals
    if fa[1] == fb[1] or fa[2] == fb[2]:
        return "accents"
    if fa[3] == fb[3]:
        return "spacing" if _separators(fa[1]) != _separators(fb[1]) else None  # not a full stop ("X."/"X")
    if fa[4] == fb[4]:
        return "doubled letter"
    if fa[5] == fb[5]:
        return "transliteration"
    ca, cb = _consonants(fa[5]), _consonants(fb[5])
    if ca == cb and len(ca[0]) >= 4:
        return "transliteration"
    x, y = fa[3], fb[3]
    shorter, longer = sorted((x, y), key=len)
    if longer[:-1] == shorter and longer[-1] in "sny":
        return None  # a plural, a demonym, a nickname: "the Trumps", "American", "Smithy"
    if x[0] == y[0] and one_edit(x, y) and (len(longer) >= 5 or _vowel_slip(x, y)):
        return "slip"
    return None


def _vowel_slip(x: str, y: str) -> bool:
    """In a name of four letters, only a vowel written for another or two neighbours swapped is a
    slip (Cook/Caok, Jain/Jaan): most other one-letter changes make another common name (Hall/Hill
    are vowels too, but both are introduced in full where two people have them)."""
    if len(x) != len(y) or len(x) < 4:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return (len(diff) == 1 and x[diff[0]] in "aeiou" and y[diff[0]] in "aeiou") or len(diff) == 2


def _mixed_case(word: str) -> bool:
    return any(c.islower() for c in word) and sum(c.isupper() for c in word) >= 1


_SEPARATORS = re.compile(r"[ '\-]")


def _separators(folded: str) -> str:
    return "".join(_SEPARATORS.findall(folded))


def gendered_surnames(a: str, b: str) -> bool:
    """Two family names that are the forms of one family name for a man and for a woman, as
    Slavic, Baltic and Greek names have them: Ivanov/Ivanova, Putin/Putina, Kowalski/Kowalska,
    Dostoevsky/Dostoevskaya, Novák/Nováková, Papadopoulos/Papadopoulou."""
    x, y = forms(a)[3], forms(b)[3]
    for m, f in ((x, y), (y, x)):
        if f in (m + "a", m + "ova", m + "eva") or (m[-1:] in "iy" and f == m[:-1] + "a") \
                or (m.endswith(("skiy", "skii", "sky")) and f == m[:m.rindex("sk")] + "skaya") \
                or (m.endswith("os") and f == m[:-1] + "u"):
            return True
    return False


def gendered_ending(a: str, b: str) -> bool:
    """The two given names differ only in a final vowel, as masculine and feminine forms do in
    many languages (Mario/Maria, Daniel/Daniela, Ivan/Ivana): two people, not a slip."""
    x, y = forms(a)[3], forms(b)[3]
    shorter, longer = sorted((x, y), key=len)
    if len(x) == len(y):
        return x[:-1] == y[:-1] and x[-1] in "aeiou" and y[-1] in "aeiou"
    return longer[:-1] == shorter and longer[-1] in "aeo"


@lru_cache(maxsize=16384)
def index_keys(word: str) -> frozenset[str]:
    """First letters under which a spelling variant of ``word`` is filed."""
    f = forms(word)
    return frozenset((f[3][:1], f[5][:1]))
