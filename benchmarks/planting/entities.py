"""People and places named in an article, read with the benchmark's own patterns.

A person is a run of two or three capitalised words ("Holger Schmieding", "Jean-Claude Juncker",
"Ursula von der Leyen") that the article ties to a person at least once: a courtesy title before
the surname ("Mr Cameron"), a speech verb beside the name or surname ("Cameron said", "said
Schmieding"), an age in apposition ("Smith, 45,") or a title word before the full name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .core import Article

_PARTICLE = r"(?:(?:de|da|di|du|del|della|der|den|van|von|le|la|bin|ibn|al|el|dos|das)\s){0,3}"
_CAP = r"(?:Mc|Mac|O'|D')?[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?"
FULL_NAME = re.compile(rf"(?<![\w'’.-])(?P<given>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(?:\s[A-Z]\.)?\s(?P<surname>{_PARTICLE}{_CAP})(?![\w'’-]|\s[A-Z][a-z])")
SPEECH = r"(?:said|says|told|added|argued|wrote|insisted|explained|warned|stated|noted|asked|replied|admitted|declared|tweeted)"
COURTESY = r"(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame|Mr\.|Mrs\.|Ms\.|Dr\.)"
TITLE_WORDS = (
    "President|Prime Minister|Chancellor|Secretary|Minister|Senator|Sen\\.|Rep\\.|Gov\\.|Governor|Mayor|"
    "Judge|Justice|General|Gen\\.|Commissioner|Ambassador|Speaker|Leader|leader|chairman|chairwoman|"
    "chief executive|president|director|spokesman|spokeswoman|minister|secretary|analyst|economist|"
    "manager|coach|captain|professor|Professor|MP|MEP|Senator|King|Queen|Prince|Princess|Pope|Rev\\.")
NOT_GIVEN = frozenset(
    "The A An And But Or If When While As At In On Of For From By With Without After Before Since "
    "Under Over Between This That These Those Its His Her Their Our Your My We They He She It I You "
    "There Here Why How What Who Where Which Then Now Yet So Also Even Still Only Just Meanwhile "
    "However Although Though Because Despite During Last Next Every Each Some Many Most More Such "
    "Former Prime President Minister Chancellor Secretary Senator Governor Mayor General Mr Mrs Ms "
    "Dr Sir Lord Lady Dame King Queen Prince Princess Pope Chief Deputy Foreign Home Labour Tory "
    "Conservative Democrat Democratic Republican Liberal British English Scottish Welsh Irish "
    "European American French German Italian Spanish Russian Chinese Japanese Indian Greek Dutch "
    "Swiss Swedish Polish Turkish North South East West New United Great Royal National Federal "
    "Central International Global World Daily Sunday Monday Tuesday Wednesday Thursday Friday "
    "Saturday January February March April May June July August September October November December "
    "Premier Wall Downing Capitol White Supreme High Crown Labor Fed Bank Street House Party Union "
    "Brexit Reuters Britain London Washington Paris Berlin Brussels Moscow Beijing Tokyo Did Does Do "
    "Has Have Had Is Are Was Were Will Would Can Could Should Shall Must Not No Yes Both All Any "
    "According Asked Speaking Writing Earlier Later Instead Unlike Like Among Against Into Onto Through "
    "Across Toward Towards Around About Above Below Near Outside Inside Within Upon Via Per Sen Rep Gov "
    "Attorney Vice Health Finance Defence Defense Justice Energy Interior Trade Culture Education "
    "Environment Transport Labour Work Shadow Acting Interim Opposition Party Senate Congress Parliament "
    "Commons Lords Cabinet Treasury Department Ministry Office Council Commission Committee Court Der Le La El Al "
    "Stock Exchange Group Company Corp Inc Ltd Airways Airlines Motors Bros Warner Time Association Society Institute "
    "Foundation Federation Agency Authority Fund Trust Board Service Services Centre Center School University "
    "College Club League Alliance Coalition Network Forum Campaign Times Post News Journal Magazine Herald "
    "Telegraph Guardian Express Mirror Sun Independent Observer Economist Review Press Radio Television Channel "
    "Road Square Hall Palace Park Airport Station Hospital Prison Church Cathedral Institution Organisation "
    "Organization Partners Capital Securities Holdings Industries Corporation Systems Media Energy Oil Gas".split())


_W = r"(?P<n>(?:Mc|Mac|O'|D')?[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)"
_CUES = [re.compile(p) for p in (
    rf"\b{COURTESY}\s{_W}\b",
    rf"\b{_W}(?:,\s[^,]{{1,60}},)?\s{SPEECH}\b",
    rf"\b{SPEECH}\s(?:[A-Z][\w.-]*\s){{0,3}}{_W}\b(?!\s[A-Z])",
    rf"\b{_W},\s\d{{2}},",
    rf"(?:{TITLE_WORDS})\s(?:[A-Z][\w.-]*\s){{1,3}}?{_W}\b(?!\s[A-Z])",
    rf"\b{_W},\s(?:the|a|an)\s[a-z]")]


@dataclass
class Person:
    given: str
    surname: str
    full: list[tuple[int, int]] = field(default_factory=list)      # spans of "Given Surname"
    short: list[tuple[int, int]] = field(default_factory=list)     # spans of the surname alone

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def mentions(self) -> list[tuple[int, int]]:
        """Every span of the surname: in full mentions and alone."""
        out = [(e - len(self.surname), e) for _, e in self.full] + self.short
        return sorted(out)


@functools.lru_cache(maxsize=4096)
def _people(text: str) -> tuple[Person, ...]:
    found: dict[str, Person] = {}
    for m in FULL_NAME.finditer(text):
        given, surname = m.group("given"), m.group("surname")
        if given in NOT_GIVEN or surname.split()[-1] in NOT_GIVEN or given == surname:
            continue
        if len(surname.split()[-1]) < 3:
            continue
        person = found.setdefault(f"{given} {surname}", Person(given, surname))
        person.full.append((m.start("given"), m.end("surname")))
    out = []
    cued = {m.group("n") for pattern in _CUES for m in pattern.finditer(text)}
    surname_owners: dict[str, int] = {}
    for person in found.values():
        surname_owners[person.surname] = surname_owners.get(person.surname, 0) + 1
    for person in found.values():
        if surname_owners[person.surname] > 1:
            continue          # two people share the surname: its bare mentions are ambiguous
        if person.surname.split()[-1] not in cued:
            continue
        s = re.escape(person.surname)
        for m in re.finditer(rf"(?<![\w'’.-]){s}(?![\w-])", text):
            if not any(a <= m.start() < b for a, b in person.full):
                person.short.append(m.span())
        out.append(person)
    return tuple(out)


def people(article: Article) -> list[Person]:
    """The people of an article whose surname no one else in it shares."""
    return list(_people(article.text))


# Countries under their usual names (aliases map to one country) and cities, kept apart so that
# names picked together never contain one another (Scotland is in the UK; London is in Britain).
COUNTRIES = {
    "Britain": "GB", "the UK": "GB", "the United Kingdom": "GB", "France": "FR", "Germany": "DE",
    "Italy": "IT", "Spain": "ES", "Portugal": "PT", "Greece": "GR", "Poland": "PL", "Russia": "RU",
    "Ukraine": "UA", "China": "CN", "Japan": "JP", "India": "IN", "Brazil": "BR", "Canada": "CA",
    "Mexico": "MX", "Australia": "AU", "the US": "US", "the United States": "US", "America": "US",
    "Ireland": "IE", "Iran": "IR", "Iraq": "IQ", "Syria": "SY", "Israel": "IL", "Turkey": "TR",
    "Egypt": "EG", "Saudi Arabia": "SA", "South Africa": "ZA", "Nigeria": "NG", "Kenya": "KE",
    "Argentina": "AR", "Chile": "CL", "Sweden": "SE", "Norway": "NO", "Denmark": "DK", "Finland": "FI",
    "the Netherlands": "NL", "Belgium": "BE", "Switzerland": "CH", "Austria": "AT", "Hungary": "HU",
    "Romania": "RO", "South Korea": "KR", "North Korea": "KP", "Taiwan": "TW", "Indonesia": "ID",
    "Malaysia": "MY", "Thailand": "TH", "Pakistan": "PK", "Afghanistan": "AF", "Venezuela": "VE",
    "Cuba": "CU", "Kuwait": "KW", "Libya": "LY", "Singapore": "SG"}
CITIES = ("London", "Paris", "Berlin", "Brussels", "Moscow", "Washington", "New York", "Tokyo", "Beijing",
          "Edinburgh", "Dublin", "Rome", "Madrid", "Athens", "Geneva", "Frankfurt", "Hong Kong", "Sydney",
          "Toronto", "Chicago", "Glasgow", "Manchester", "Birmingham", "Leeds", "Liverpool", "Cardiff",
          "Belfast", "Boston", "Los Angeles", "San Francisco", "Milan", "Munich", "Amsterdam", "Vienna",
          "Stockholm", "Zurich", "Mumbai", "Delhi", "Shanghai", "Seoul")
_PLACE = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(map(re.escape, list(COUNTRIES) + list(CITIES)), key=len, reverse=True))})(?![\w-])")


def places(article: Article) -> list[str]:
    """Countries and cities from a fixed gazetteer that the article names, in order of first use."""
    return list(_places(article.text))


@functools.lru_cache(maxsize=4096)
def _places(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(0) for m in _PLACE.finditer(text)))


def countries(article: Article) -> list[str]:
    """The countries the article names, one name per country."""
    seen: dict[str, str] = {}
    for name in places(article):
        if name in COUNTRIES:
            seen.setdefault(COUNTRIES[name], name)
    return list(seen.values())


def cities(article: Article) -> list[str]:
    return [name for name in places(article) if name in CITIES]


_ORG = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+\s){1,3}(?:Bank|Group|Corp|Corporation|Airways|Airlines|Motors|Holdings|"
                  r"Industries|Party|Council|Commission|Fund|Agency|Institute|Association|Union)(?![\w-])")


def names_for(article: Article, count: int, rng) -> list[str] | None:
    """`count` different names of one sort from the article to hang invented figures on, none
    containing another: its countries, else its cities, else its people's surnames, else its
    organisations; None if it has too few of any sort."""
    orgs = list(dict.fromkeys(m.group(0) for m in _ORG.finditer(article.text)
                              if not m.group(0).startswith(("The ", "A ", "In ", "But ", "And "))))
    orgs = [o if re.match(r"(?:[A-Z][a-z]+\s){0,3}(?:Group|Corp|Corporation|Airways|Airlines|Motors|Holdings|Industries)$", o)
            else "the " + o for o in orgs]
    for pool in (countries(article), cities(article), [p.surname for p in people(article)], orgs):
        pool = [n for n in pool if not any(n != m and n.lower() in m.lower() for m in pool)]
        if len(pool) >= count:
            return rng.sample(pool, count)
    return None


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:]
