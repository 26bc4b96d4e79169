"""The quantity analyser: formats, what is not a quantity, roles, lists, and properties on any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.analysis.quantities import (
    Quantity,
    analyze_comparisons,
    analyze_enumerations,
    describe,
    parse_number,
    uses_decimal_comma,
)
from factlint.readers import read
from factlint.source import decode


def doc_of(text: str):
    return read(decode("article.txt", text.encode("utf-8")))


def quantities(text: str) -> list[Quantity]:
    return doc_of(text).quantities


def only(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, [(q.value, q.unit) for q in found]
    return found[0]


@pytest.mark.parametrize("text, value, unit, scale", [
    ("Trade reached $7.2bn last year.", 7.2e9, "USD", 1e9),
    ("Trade reached 7.2 billion dollars last year.", 7.2e9, "USD", 1e9),
    ("The plan costs €450m in all.", 450e6, "EUR", 1e6),
    ("The state set aside Rs 4,500 crore for roads.", 4500e7, "INR", 1e7),
    ("The deficit is £3.4bn this year.", 3.4e9, "GBP", 1e9),
    ("The fund holds NZ$400 million today.", 400e6, "NZD", 1e6),
    ("The grant is USD 12 million in total.", 12e6, "USD", 1e6),
    ("The city allocated 3.2 billion soms for heating.", 3.2e9, "KGS", 1e9),
    ("The project will cost 2.3 billion kronor in total.", 2.3e9, "SEK", 1e9),
    ("A loan of 1.5 lakh rupees was approved.", 1.5e5, "INR", 1e5),
    ("Spending rose to $1.2 trillion overall.", 1.2e12, "USD", 1e12),
    ("The grant was $13.6-million over four years.", 13.6e6, "USD", 1e6),
    ("Sales were 12.5 mln dlrs in the quarter.", 12.5e6, "USD", 1e6),
])
def test_money_formats(text: str, value: float, unit: str, scale: float) -> None:
    q = only(text)
    assert (q.kind, q.unit, q.scale) == ("money", unit, scale)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text, kind, value, unit", [
    ("Turnout was 61.3% on Sunday.", "percent", 61.3, "%"),
    ("Turnout was 61 per cent on Sunday.", "percent", 61, "%"),
    ("Turnout was 61 percent on Sunday.", "percent", 61, "%"),
    ("Rates fell by 0.5 percentage points on Sunday.", "points", 0.5, "pp"),
    ("Rates fell by 25 basis points on Sunday.", "points", 0.25, "pp"),
    ("The club has 1,200 members now.", "count", 1200, "member"),
    ("The club has twelve members now.", "count", 12, "member"),
    ("The club has twenty-five members now.", "count", 25, "member"),
    ("The club has a dozen members now.", "count", 12, "member"),
    ("The port handled 13.8 million containers.", "count", 13.8e6, "container"),
])
def test_shares_and_counts(text: str, kind: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.kind, q.unit) == (kind, unit)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text, kind, value", [
    ("Fuel made up a third of imports.", "fraction", 1 / 3),
    ("Fuel made up two-thirds of imports.", "fraction", 2 / 3),
    ("Fuel made up half of imports.", "fraction", 0.5),
    ("Fuel made up a quarter of imports.", "fraction", 0.25),
    ("Fuel made up three-quarters of imports.", "fraction", 0.75),
    ("Germany doubled its pledge.", "multiple", 2),
    ("Germany tripled its pledge.", "multiple", 3),
    ("Germany's pledge rose fourfold.", "multiple", 4),
])
def test_fractions_and_multiples(text: str, kind: str, value: float) -> None:
    q = only(text)
    assert q.kind == kind
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text, bound", [
    ("Trade was more than $66 billion.", "min"),
    ("Trade was over $45 billion.", "min"),
    ("Trade was at least $45 billion.", "min"),
    ("Trade was up to $45 billion.", "max"),
    ("Trade was about $45 billion.", "about"),
    ("Trade was nearly $45 billion.", "about"),
    ("Trade was some $45 billion.", "about"),
    ("Trade was $45 billion.", "exact"),
])
def test_bounds(text: str, bound: str) -> None:
    assert only(text).bound == bound


@pytest.mark.parametrize("text", [
    "The amendment was adopted in 1974.",
    "The summit was held on 6 November.",
    "The summit was held on November 6.",
    "The meeting started at 10:30 and ended at 4pm.",
    "Holm, 58, is a physicist.",
    "He is aged 45 and lives in Lund.",
    "A 21-year-old won the race.",
    "Call +44 20 7946 0958 for details.",
    "The hosts won 3-1 on Sunday.",
    "She finished 21st in the final.",
    "The T12 line and the C5+1 format and the H3 rocket were discussed.",
    "Article 5 of the treaty was invoked.",
])
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_durations_are_seconds_and_clock_times_are_not_quantities() -> None:
    q = only("She won in 2:03:41 on Sunday.")
    assert (q.kind, q.unit, q.value) == ("duration", "second", 7421)
    assert only("Her time of 1:52.31 was a record.").value == pytest.approx(112.31)


def test_european_decimal_comma() -> None:
    text = "Die Stadt gibt 7,5 Millionen aus, rund 2,5 % des Haushalts; 1.234,5 Tonnen wurden geliefert."
    assert uses_decimal_comma(text)
    assert parse_number("1.234,5", decimal_comma=True) == (1234.5, 1)
    values = [q.value for q in quantities(text)]
    assert 2.5 in values and 1234.5 in values


def test_point_decimals_stay_the_default() -> None:
    assert not uses_decimal_comma("Exports were 1,200 tonnes, worth $4.5bn, up 2.5% on the year.")
    assert parse_number("1,200") == (1200.0, 0)


def test_measure_subject_and_period() -> None:
    doc = doc_of("The trade turnover of the United States with the region in 2024 amounted to $7 billion.")
    q = describe(doc, doc.quantities[-1])
    assert q.measure == "trade turnover"
    assert q.subject.startswith("of the United States with the region")
    assert q.period == "2024"


def test_change_roles() -> None:
    found = quantities("Joblessness eased to 5.6% by June from 6.2% in March, a fall of 0.6 percentage points.")
    roles = {q.value: q.role for q in found}
    assert roles[5.6] == "to" and roles[6.2] == "from" and roles[0.6] == "change"


def test_list_members_share_the_unit() -> None:
    found = quantities("The grant brings 300 million kroner this spring, 250 million next spring and 150 million after.")
    assert [q.unit for q in found] == ["NOK"] * 3
    assert len({q.group for q in found}) == 1


def test_part_of_a_whole() -> None:
    found = quantities("The party takes 35 of the 90 seats, the Greens 27 and the Liberals 16.")
    assert found[0].whole is found[1] and found[1].role == "whole"
    assert [q.unit for q in found] == ["seat"] * 4


def test_range() -> None:
    q = quantities("Shipments of between 4.2 million and 4.6 million crates are likely.")[0]
    assert q.bound == "range" and q.high == pytest.approx(4.6e6) and q.unit == "crate"


@pytest.mark.parametrize("text, low, high, unit", [
    ("Growth of 10-15% is forecast.", 10, 15, "%"),
    ("The plan costs $5-6bn in all.", 5e9, 6e9, "USD"),
    ("The plan costs €5–6 million in all.", 5e6, 6e6, "EUR"),
])
def test_dash_ranges(text: str, low: float, high: float, unit: str) -> None:
    q = only(text)
    assert (q.bound, q.unit) == ("range", unit)
    assert (q.value, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text, count, items", [
    ("They signed with the eight governments: Denmark, Estonia, Finland and Norway.", 8, 4),
    ("Talks closed three chapters: customs, sanitary and phytosanitary rules, and small and medium-sized "
     "enterprises.", 3, 3),
    ("Leaders of the five countries: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan as well as Uzbekistan.", 5, 5),
    ("Two more parks are planned — in Bukhara and Navoi.", 2, 2),
    ("The three bidders: Acme (a unit of Baxter, Lloyd and Co), Brill and Crane.", 3, 3),
])
def test_enumerations(text: str, count: int, items: int) -> None:
    found = analyze_enumerations(doc_of(text))
    assert len(found) == 1
    assert int(found[0].count.value) == count and len(found[0].items) == items


def test_comparisons_and_superlatives() -> None:
    doc = doc_of("The largest of the four, the 520 MW plant, starts in May. Mills milled 2.4 million tonnes. "
                 "The total surpassed the record of 2.5 million tonnes.")
    superlatives, comparisons = analyze_comparisons(doc)
    assert superlatives[0].among == 4 and superlatives[0].quantity.value == 520
    assert [(c.left.value, c.right.value, c.direction) for c in comparisons] == [(2.4e6, 2.5e6, 1)]


# --- properties -------------------------------------------------------------------------------------

SCALE_WORDS = {1e3: ["thousand"], 1e6: ["million", "mn", "m"], 1e9: ["billion", "bn"], 1e12: ["trillion", "tn"]}
SIGNS = {"USD": ["$", "US$", "USD "], "EUR": ["€", "EUR "], "GBP": ["£"], "INR": ["Rs ", "₹"]}
WORDS = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "INR": "rupees"}


@st.composite
def written_money(draw):
    unit = draw(st.sampled_from(sorted(SIGNS)))
    scale = draw(st.sampled_from(sorted(SCALE_WORDS)))
    whole = draw(st.integers(min_value=1, max_value=999))
    decimals = draw(st.integers(min_value=0, max_value=2))
    fraction = draw(st.integers(min_value=0, max_value=10 ** decimals - 1)) if decimals else 0
    number = f"{whole}.{fraction:0{decimals}d}" if decimals else str(whole)
    style = draw(st.sampled_from(["sign", "word"]))
    if style == "sign":
        scale_word = draw(st.sampled_from(SCALE_WORDS[scale]))
        sign = draw(st.sampled_from(SIGNS[unit]))
        space = "" if scale_word in ("m", "bn", "mn", "tn") else " "
        written = f"{sign}{number}{space}{scale_word}"
    else:
        written = f"{number} {SCALE_WORDS[scale][0]} {WORDS[unit]}"
    return written, float(number) * scale, unit, scale


@given(written_money())
@settings(max_examples=200, deadline=None)
def test_money_round_trip(case) -> None:
    written, value, unit, scale = case
    q = only(f"The ministry said spending reached {written} in the period.")
    assert (q.unit, q.scale) == (unit, scale)
    assert q.value == pytest.approx(value)


@given(st.integers(min_value=0, max_value=10 ** 9), st.sampled_from(["%", " per cent", " percent"]))
@settings(max_examples=100, deadline=None)
def test_percent_and_count_round_trip(n: int, percent: str) -> None:
    share = n % 1000 / 10
    q = only(f"Support stood at {share:g}{percent} among voters.")
    assert (q.kind, q.value) == ("percent", pytest.approx(share))
    q = only(f"The agency counted {n:,} turbines at sea.")
    assert (q.kind, q.unit, q.value) == ("count", "turbine", n)


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=400))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text(text: str) -> None:
    doc = doc_of(text)
    found = doc.quantities
    def key(q: Quantity) -> tuple:
        return q.start, q.end, q.value, q.unit, q.kind, q.bound, q.role, q.group
    assert [key(q) for q in found] == [key(q) for q in doc_of(text).quantities]  # stable
    for q in found:
        assert 0 <= q.start < q.end <= len(doc.text)
    analyze_enumerations(doc)
    analyze_comparisons(doc)


NUMBERISH = st.text(alphabet="0123456789,.$€£%-– abcmnkMBtofhe:;()—\n", max_size=300)


@given(NUMBERISH)
@settings(max_examples=300, deadline=None)
def test_number_soup(text: str) -> None:
    doc = doc_of(text)
    for q in doc.quantities:
        assert 0 <= q.start < q.end <= len(doc.text)


@pytest.mark.parametrize("text", [
    "The largest grant, $3m, went to Arn, and the $400 million fund became the $450 million fund. " * 200,
    "Labour took 40%, the Tories 35% and others 30%. " * 400,
    "1,1,1,1,1,1,1.1.1.1 $$$ €€ £1£1 US$ NZ$1 Rs. USD1 " * 500,
    "The five countries: " + ", ".join(f"Land{i}" for i in range(3000)) + " and Last.",
    "Waterloo, which received the smallest of the three grants, got $4.5 million. " * 300,
    "\n\n".join("The county will spend €84m. Of this amount, €50m goes to repairs and €39m to lanes."
                for _ in range(300)),
    " ".join(["45% 45% 45% and"] * 2000),
    " ".join(["1,200 , 1,200 :"] * 2000),
    " ".join(["the $7bn 45% — 1,200 said Rubio, the largest of the three, ahead of 3,000"] * 800),
])
def test_pathological_texts_stay_fast(text: str) -> None:
    import time

    from tests.conftest import lint_text

    started = time.process_time()
    lint_text(text, select=["N"])
    assert time.process_time() - started < 3.0
