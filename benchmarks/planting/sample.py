"""Loading the corpus and drawing a seeded sample of planted copies, spread over mutation kinds."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import random
from pathlib import Path
from typing import Iterator

from .core import KINDS, Article, Kind, Plant


CANDIDATES = 6   # plants tried per article and kind; one of them is taken


def publication_dates(folder: Path) -> dict[str, dt.date | None]:
    """Every article file of a corpus folder with its publication date from MANIFEST.tsv (or None)."""
    dates: dict[str, dt.date] = {}
    manifest = folder / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row.get("published"):
                    dates[row["file"]] = dt.date.fromisoformat(row["published"])
    return {path.name: dates.get(path.name) for path in sorted(folder.glob("*.txt"))}


def load_corpus(folder: Path, names: set[str] | None = None) -> list[Article]:
    """The articles of a corpus folder (or only those named), with their publication dates."""
    return [Article(folder / name, (folder / name).read_text(encoding="utf-8"), published)
            for name, published in publication_dates(folder).items() if names is None or name in names]


def _plants_of(kind: Kind, articles: list[Article], seed: int) -> Iterator[Plant]:
    """The kind's plants, one per article, over the articles in a seeded order."""
    rng = random.Random(f"{seed}/{kind.check}/{kind.name}")
    order = [a for a in articles if a.published or not kind.needs_date]
    rng.shuffle(order)
    for article in order:
        candidates = list(itertools.islice((p for p in kind.func(article, rng) if p is not None), CANDIDATES))
        if candidates:
            plant = rng.choice(candidates)
            plant.check, plant.kind = kind.check, kind.name
            yield plant


def sample(articles: list[Article], checks: list[str], per_check: int, seed: int) -> list[Plant]:
    """Up to per_check plants for each check, taken from its kinds in turn, so that every kind
    contributes about the same number and a kind short of material leaves its share to the others.
    A check's sample depends only on the seed and the corpus, not on which other checks run."""
    out: list[Plant] = []
    for check in checks:
        streams = [_plants_of(k, articles, seed) for k in KINDS.get(check, [])]
        taken = 0
        while streams and taken < per_check:
            for stream in list(streams):
                if taken >= per_check:
                    break
                plant = next(stream, None)
                if plant is None:
                    streams.remove(stream)
                    continue
                out.append(plant)
                taken += 1
    return out
