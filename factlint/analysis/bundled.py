"""The data files bundled in ``factlint/data``, read straight from the package directory.

``importlib.resources`` would also import ``zipfile`` and its readers (several ms of a one-article
run); the package is always installed as plain files, so a path read gives the same bytes. Each
file is parsed at most once per process, however many analysers use it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_text(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


@cache
def data_json(name: str) -> Any:
    """The parsed JSON file; callers only read it (it is shared)."""
    return json.loads((DATA_DIR / name).read_bytes())
