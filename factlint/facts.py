"""The house fact base: what the newsroom knows, loaded from YAML or TOML files.

A fact base file may hold four lists (every key optional)::

    people:         # canonical spelling, other accepted spellings, titles with dates
      - name: Julie Stufft
        aliases: [Julie D. Stufft]
        titles:
          - title: US ambassador to Kazakhstan
            from: 2025-09-01          # optional; "until" ends a title
    organisations:
      - name: Eurasian Economic Union
        aliases: [EAEU, Eurasian Union]
    events:
      - name: C5+1 summit
        aliases: [US-Central Asia summit]
        date: 2025-11-06
        place: Washington
    figures:        # matched to a quantity by what it measures, of whom, when, and its unit
      - name: US trade with Central Asia, 2024
        measure: trade turnover
        subject: United States
        period: 2024
        value: 7
        scale: billion
        unit: USD

Files are validated with pydantic; an error names the file, the entry and the field.
The loaded :class:`FactBase` is plain data with a ``digest`` of the files' content (part
of the cache key) and the matching helpers the F6xx checks use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from factlint.document import Document


class FactBaseError(Exception):
    """A fact base file is unusable; the message names the file, the entry and the field."""


@dataclass(frozen=True, slots=True)
class TitleFact:
    title: str
    start: dt.date | None = None
    until: dt.date | None = None

    def holds_on(self, day: dt.date | None) -> bool:
        """True when the title is held on ``day`` (any day when ``day`` is None)."""
        if day is None:
            return self.until is None
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class PersonFact:
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[TitleFact, ...] = ()
    source: str = ""  # "file: people[3]", for messages

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class OrganisationFact:
    name: str
    aliases: tuple[str, ...] = ()
    source: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class EventFact:
    name: str
    date: dt.date
    aliases: tuple[str, ...] = ()
    place: str | None = None
    end: dt.date | None = None  # last day of an event that runs several days
    source: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def covers(self, day: dt.date) -> bool:
        return self.date <= day <= (self.end or self.date)


SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SIGNIFICANT = regex.compile(r"[\p{L}\p{M}\d][\p{L}\p{M}\d.'’-]{2,}")
SMALL_WORDS = frozenset({"the", "and", "with", "for", "from", "into", "its", "their"})


@dataclass(frozen=True, slots=True)
class FigureFact:
    """A key figure: what the text calls it (``measure``, of ``subject``, in ``period``) and its value."""

    name: str
    measure: str
    value: float  # with the scale applied
    unit: str = ""  # ISO currency code, "%", or a noun ("tonne")
    subject: str | None = None
    period: str | None = None
    source: str = ""

    def same_unit(self, quantity: Any) -> bool:
        return _unit(self.unit) == _unit(quantity.unit)

    def fits(self, quantity: Any) -> bool:
        """True when a quantity of the text states this figure (whatever value it gives)."""
        if not quantity.measure or not _words(self.measure) <= _words(quantity.measure):
            return False
        if self.subject and not _words(self.subject) <= _words(quantity.subject):
            return False
        if self.period and self.period.strip() != quantity.period.strip():
            return False
        return self.same_unit(quantity)

    def contradicted_by(self, quantity: Any) -> bool:
        """True when the quantity's value, with its stated precision and bound, cannot be this figure."""
        slack = max(quantity.precision, abs(self.value) * 1e-9)
        if quantity.bound == "about":
            slack = max(slack, abs(self.value) * 0.1)
        low, high = quantity.value - slack, (quantity.high if quantity.high is not None else quantity.value) + slack
        if quantity.bound == "min":
            return self.value < low
        if quantity.bound == "max":
            return self.value > high
        return not low <= self.value <= high


def _words(text: str) -> set[str]:
    return {w.lower() for w in SIGNIFICANT.findall(text or "") if w.lower() not in SMALL_WORDS}


def _unit(unit: str) -> str:
    unit = (unit or "").strip().lower()
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


@dataclass(frozen=True, slots=True)
class EventMatch:
    """A fact-base event named in the text: ``start``/``end`` cover the name as written."""

    start: int
    end: int
    event: EventFact


@dataclass
class FactBase:
    people: list[PersonFact] = field(default_factory=list)
    organisations: list[OrganisationFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    figures: list[FigureFact] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    digest: str = ""  # hash of the files' content: the cache key changes when the facts do

    @cached_property
    def _event_pattern(self) -> regex.Pattern | None:
        names = sorted({s for e in self.events for s in e.spellings if s.strip()}, key=len, reverse=True)
        if not names:
            return None
        words = "|".join(r"\s+".join(regex.escape(w) for w in n.split()) for n in names)
        return regex.compile(rf"(?<![\w+-])(?:{words})(?![\w+])", regex.IGNORECASE)

    @cached_property
    def _event_by_spelling(self) -> dict[str, EventFact]:
        return {" ".join(s.lower().split()): e for e in self.events for s in e.spellings}

    @cached_property
    def _people_by_initial(self) -> dict[str, list[PersonFact]]:
        from factlint.analysis.names import surname_keys

        index: dict[str, list[PersonFact]] = {}
        for person in self.people:
            keys = set().union(*(surname_keys(s.split()[-1]) for s in person.spellings))
            for key in keys:
                index.setdefault(key, []).append(person)
        return index

    def people_like(self, surname: str) -> list[PersonFact]:
        """Fact-base people whose surname (in any spelling) could be ``surname`` or a variant of it."""
        from factlint.analysis.names import surname_keys

        found: dict[int, PersonFact] = {}
        for key in surname_keys(surname):
            for person in self._people_by_initial.get(key, ()):
                found[id(person)] = person
        return list(found.values())

    def event_mentions(self, doc: Document) -> list[EventMatch]:
        """Every place the text names a known event (by its name or an alias)."""
        pattern = self._event_pattern
        if pattern is None:
            return []
        text = doc.text
        out = []
        for block in doc.blocks:
            for m in pattern.finditer(text, block.start, block.end):
                event = self._event_by_spelling.get(" ".join(m.group().lower().split()))
                if event is not None:
                    out.append(EventMatch(m.start(), m.end(), event))
        return out


# --- loading ---------------------------------------------------------------------

def _models() -> Any:
    """The pydantic schema of a fact base file (built on first use: pydantic is imported lazily)."""
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field, field_validator

    class Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", populate_by_name=True)

    class Title(Strict):
        title: str = Field(min_length=1)
        start: dt.date | None = Field(None, alias="from")
        until: dt.date | None = None

    class Person(Strict):
        name: str = Field(min_length=1)
        aliases: list[str] = []
        titles: list[Title | str] = []

        @field_validator("name")
        @classmethod
        def two_words(cls, value: str) -> str:
            if len(value.split()) < 2:
                raise ValueError("give the full name (given name and surname)")
            return value

    class Organisation(Strict):
        name: str = Field(min_length=1)
        aliases: list[str] = []

    class Event(Strict):
        name: str = Field(min_length=1)
        aliases: list[str] = []
        date: dt.date
        end: dt.date | None = None
        place: str | None = None

    class Figure(Strict):
        name: str = Field(min_length=1)
        measure: str = Field(min_length=1)
        value: float
        scale: Literal["thousand", "million", "billion", "trillion"] | None = None
        unit: str = ""
        subject: str | None = None
        period: str | int | None = None

    class File(Strict):
        people: list[Person] = []
        organisations: list[Organisation] = []
        events: list[Event] = []
        figures: list[Figure] = []

    return File


def _parse(path: Path, data: bytes) -> Any:
    text = data.decode("utf-8-sig")
    if path.suffix.lower() == ".toml":
        import tomllib

        return tomllib.loads(text)
    import yaml

    return yaml.safe_load(text)


def _where(raw: Any, loc: tuple) -> str:
    """'people[2] (Julie Stufft): titles[0].from' for a pydantic error location."""
    parts: list[str] = []
    node = raw
    for i, key in enumerate(loc):
        if isinstance(key, int):
            parts[-1] += f"[{key}]"
            node = node[key] if isinstance(node, list) and key < len(node) else None
            if i == 1 and isinstance(node, dict) and isinstance(node.get("name"), str):
                parts[-1] += f" ({node['name']})"
        elif key in ("str", "Title") or (isinstance(key, str) and key.startswith("function-")):
            continue  # the branch pydantic tried for a union, not a field of the file
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    head = parts[0] if parts else "(top level)"
    rest = ".".join(parts[1:])
    return f"{head}: {rest}" if rest else head


def _without_union_noise(errors: list[dict]) -> list[dict]:
    """A title is a string or a table: report the table's complaint, not also the string's."""
    out = []
    for e in errors:
        loc = e["loc"]
        if "str" in loc:
            cut = loc.index("str")
            if any("Title" in o["loc"] and o["loc"][:cut] == loc[:cut] for o in errors):
                continue
        out.append(e)
    return out


def load_fact_base(paths: list[Path]) -> FactBase:
    """Load and validate fact base files (YAML or TOML) into one :class:`FactBase`."""
    from pydantic import ValidationError

    schema = _models()
    base = FactBase()
    digest = hashlib.blake2b(digest_size=16)
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise FactBaseError(f"{path}: cannot read the fact base ({exc.strerror or exc})") from None
        digest.update(str(path).encode() + b"\0" + data + b"\0")
        try:
            raw = _parse(Path(path), data)
        except UnicodeDecodeError:
            raise FactBaseError(f"{path}: the fact base is not UTF-8 text") from None
        except Exception as exc:  # yaml.YAMLError, tomllib.TOMLDecodeError
            reason = " ".join(str(exc).split())
            raise FactBaseError(f"{path}: not valid {'TOML' if Path(path).suffix == '.toml' else 'YAML'}: "
                                f"{reason}") from None
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise FactBaseError(f"{path}: a fact base is a mapping with the keys people, organisations, "
                                f"events, figures")
        try:
            parsed = schema.model_validate(raw)
        except ValidationError as exc:
            errors = _without_union_noise(exc.errors())
            problems = [f"{_where(raw, tuple(e['loc']))}: {e['msg']}" for e in errors[:5]]
            more = f"; and {len(errors) - 5} more" if len(errors) > 5 else ""
            raise FactBaseError(f"{path}: " + "; ".join(problems) + more) from None
        _add(base, parsed, str(path))
        base.paths.append(str(path))
    base.digest = digest.hexdigest()
    return base


def _add(base: FactBase, parsed: Any, path: str) -> None:
    for i, p in enumerate(parsed.people):
        titles = tuple(TitleFact(t) if isinstance(t, str) else TitleFact(t.title, t.start, t.until) for t in p.titles)
        base.people.append(PersonFact(p.name.strip(), tuple(a.strip() for a in p.aliases), titles,
                                      f"{path}: people[{i}]"))
    for i, o in enumerate(parsed.organisations):
        base.organisations.append(OrganisationFact(o.name.strip(), tuple(a.strip() for a in o.aliases),
                                                   f"{path}: organisations[{i}]"))
    for i, e in enumerate(parsed.events):
        base.events.append(EventFact(e.name.strip(), e.date, tuple(a.strip() for a in e.aliases), e.place, e.end,
                                     f"{path}: events[{i}]"))
    for i, f in enumerate(parsed.figures):
        value = f.value * SCALE_WORDS.get(f.scale or "", 1)
        period = str(f.period) if f.period is not None else None
        base.figures.append(FigureFact(f.name.strip(), f.measure.strip(), value, f.unit.strip(), f.subject, period,
                                       f"{path}: figures[{i}]"))
