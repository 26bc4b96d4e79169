"""Adversarial inputs for every registered check: no exception, no hang.

Random Unicode, very long lines, deep quote and bracket nesting, huge numbers and
impossible dates, in all three formats. The suite runs a small sample; the
campaign reported in the closing notes runs the same properties at scale:

    FACTLINT_CAMPAIGN=2000 .venv/bin/python -m pytest tests/test_campaign.py -q

(``FACTLINT_CAMPAIGN`` is the number of examples per property.)
"""

from __future__ import annotations

import datetime as dt
import os
import time

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from factlint.config import Settings
from factlint.engine import Linter
from factlint.registry import load_registry
from tests.conftest import ROOT
from tests.test_properties import assert_inside

EXAMPLES = int(os.environ.get("FACTLINT_CAMPAIGN", "15"))
SECONDS_PER_100KB = 10.0  # far above the real cost (about 0.1 s per 100 KB); only a hang exceeds it
LINTER = Linter(Settings(select=["ALL"], root=ROOT), load_registry(), dt.date(2025, 11, 7))
# No shrinking: a failure already names its input, and shrinking a slow input takes minutes.
CAMPAIGN = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                    phases=[Phase.explicit, Phase.reuse, Phase.generate])
FORMATS = st.sampled_from(["a.txt", "a.md", "a.html"])

WORDS = st.sampled_from(["the", "summit", "said", "Rubio", "EEA", "(EAEU)", "$7bn", "45%", "1,200", "in 2023",
                         "November 6", "Thursday,", "—", "–", "-", "'", '"', "“", "”", "«", "»", "(", ")", "[", "]",
                         "Москва", "naïve", "😀", "\u200b", "the the", "multi—vector", ".", ",", ":"])
random_unicode = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000)
long_lines = st.tuples(st.lists(WORDS, min_size=1, max_size=12).map(" ".join),
                       st.integers(200, 4000)).map(lambda t: " ".join([t[0]] * t[1]))
deep_nesting = st.tuples(st.sampled_from(['"', "“", "‘", "'", "«", "(", "[", "— "]), st.integers(50, 3000),
                         st.lists(WORDS, max_size=8).map(" ".join), st.sampled_from(['"', "”", "’", "»", ")", "]", ""]),
                         st.integers(0, 3000)).map(lambda t: t[0] * t[1] + t[2] + t[3] * t[4])
huge_numbers = st.tuples(st.sampled_from(["$", "£", "€", "Rs ", "", "-", "+"]),
                         st.text(alphabet="0123456789,.", min_size=1, max_size=400),
                         st.sampled_from(["", " billion", "bn", "%", " per cent", " crore", " million dollars"]),
                         st.sampled_from([" in ", " and ", ", or ", " up from ", " of the total ", " — "])) \
    .map(lambda t: f"{t[0]}{t[1]}{t[2]}{t[3]}")
odd_dates = st.tuples(st.integers(-5, 99999), st.sampled_from(["January", "Feb.", "February", "Sept", "mid-March"]),
                      st.integers(-3, 400), st.sampled_from(["Monday", "Sunday,", "", "the eve of"])) \
    .map(lambda t: f"On {t[3]} {t[2]} {t[1]} {t[0]}, the summit was held. {t[1]} {t[2]}, {t[0]} was a {t[3]}.")
mixtures = st.lists(st.one_of(huge_numbers, odd_dates, WORDS), min_size=1, max_size=400).map(" ".join)


def survive(text: str, name: str) -> None:
    data = text.encode("utf-8")
    started = time.perf_counter()
    result = LINTER.lint_bytes(name, data)
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_100KB * max(1.0, len(data) / 100_000), f"{elapsed:.1f} s for {len(data)} bytes"
    assert not [w for w in result.warnings if w.startswith("check ")]
    if result.error:
        return
    source = text.removeprefix("\ufeff")
    for f in result.findings:
        assert_inside(source, f.line, f.column, f.end_line, f.end_column)


@CAMPAIGN
@given(random_unicode, FORMATS)
def test_random_unicode(text, name):
    survive(text, name)


@CAMPAIGN
@given(long_lines, FORMATS)
def test_very_long_lines(text, name):
    survive(text, name)


@CAMPAIGN
@given(deep_nesting, FORMATS)
def test_deep_quote_nesting(text, name):
    survive(text, name)


@CAMPAIGN
@given(st.lists(huge_numbers, min_size=1, max_size=60).map(" ".join), FORMATS)
def test_huge_numbers(text, name):
    survive(text, name)


@CAMPAIGN
@given(mixtures, FORMATS)
def test_dates_numbers_and_marks_mixed(text, name):
    survive(text, name)
