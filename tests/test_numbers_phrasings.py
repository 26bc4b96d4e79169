"""The number mechanisms, stated in many structures and number forms: the same breakdown, change,
comparison, restatement or count must be read the same way whatever the phrasing, and an inconsistent
one must be found in every phrasing. Sentences and names are the team's own."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factlint.analysis.breakdowns import analyze_breakdowns
from factlint.readers import read
from factlint.source import decode
from tests.conftest import lint_text

LABELS = ["the harbour", "the tramway", "the library", "the clinic", "the depot"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def doc_of(text: str, name: str = "article.txt"):
    return read(decode(name, text.encode("utf-8")))


def codes(text: str, code: str, name: str = "article.txt") -> list[str]:
    return [f.code for f in lint_text(text, name=name, select=[code]).findings if f.code == code]


# --- number forms ----------------------------------------------------------------------------------

DIGIT_WORDS = "zero one two three four five six seven eight nine".split()


def money_forms(millions: int) -> list[str]:
    """Ways a newspaper writes the same sum of dollars (``millions`` a multiple of 10)."""
    forms = [f"${millions:,}m", f"${millions:,} million", f"US${millions:,} million", f"{millions:,} million dollars"]
    if millions >= 1000:
        billions = f"{millions / 1000:g}"
        forms += [f"${billions}bn", f"${billions} billion", f"{billions} billion dollars"]
        whole, _, tenth = billions.partition(".")
        if len(whole) == 1 and len(tenth) == 1:
            forms.append(f"{DIGIT_WORDS[int(whole)]} point {DIGIT_WORDS[int(tenth)]} billion dollars")
    return forms


@st.composite
def amount(draw, millions: int) -> str:
    return draw(st.sampled_from(money_forms(millions)))


@st.composite
def parts_in_millions(draw, count: int) -> list[int]:
    return [draw(st.integers(min_value=12, max_value=260)) * 10 for _ in range(count)]


# --- breakdowns: one whole, its parts, in every structure -------------------------------------------

def colon(whole: str, parts: list[str]) -> str:
    names = ["Ardo", "Belmar", "Corvi", "Dunsk"][:len(parts)]
    items = ", ".join(f"{n} {p}" for n, p in zip(names[:-1], parts[:-1])) + f" and {names[-1]} {parts[-1]}"
    return f"The {len(parts) == 3 and 'three' or 'four'} donors pledged {whole}: {items}."


def of_this(whole: str, parts: list[str]) -> str:
    items = ", ".join(f"{p} to {label}" for p, label in zip(parts[:-1], LABELS)) + f" and {parts[-1]} to {LABELS[4]}"
    return f"The town will spend {whole} next year. Of this amount, {items}."


def of_the(whole: str, parts: list[str]) -> str:
    items = ", ".join(f"{p} went on {label}" for p, label in zip(parts[:-1], LABELS)) + \
        f", and {parts[-1]} on {LABELS[4]}"
    return f"Of the {whole} raised, {items}."


def provenance(whole: str, parts: list[str]) -> str:
    payers = ["the state", "the region", "the port", "a charity"][:len(parts)]
    items = ", ".join(f"{n} ({p})" for n, p in zip(payers[:-1], parts[:-1])) + f" and {payers[-1]} ({parts[-1]})"
    return f"The {whole} refit is being paid for by {items}."


def spread(whole: str, parts: list[str]) -> str:
    middle = " ".join(f"A further {p} goes on {label}." for p, label in zip(parts[1:-1], LABELS[1:]))
    return (f"The council approved a {whole} plan on Monday.\n\nThe first stage, {parts[0]}, rebuilds the quay. "
            f"{middle}\n\nThe remaining {parts[-1]} pays for the library.")


def table(whole: str, parts: list[str]) -> str:
    rows = "\n".join(f"| {name} | {p} |" for name, p in zip(["Quay", "Depot", "Clinic", "Yard"], parts))
    return f"Where the money goes:\n\n| Item | Cost |\n|---|---:|\n{rows}\n| **Total** | **{whole}** |\n"


COMPLETE = {"colon": colon, "of this": of_this, "of the": of_the, "provenance": provenance, "spread": spread,
            "table": table}


@st.composite
def breakdown_case(draw):
    structure = draw(st.sampled_from(sorted(COMPLETE)))
    values = draw(parts_in_millions(draw(st.integers(min_value=3, max_value=4))))
    return structure, values


def written(draw, values: list[int]) -> list[str]:
    return [draw(amount(v)) for v in values]


def name_for(structure: str) -> str:
    return "article.md" if structure == "table" else "article.txt"


@given(breakdown_case(), st.data())
@SETTINGS
def test_a_breakdown_reads_the_same_in_every_structure_and_number_form(case, data) -> None:
    structure, values = case
    total = sum(values)
    text = COMPLETE[structure](data.draw(amount(total)), written(data.draw, values))
    found = [b for b in analyze_breakdowns(doc_of(text, name_for(structure))) if b.whole is not None]
    assert len(found) == 1, (text, found)
    b = found[0]
    assert b.whole.value == pytest.approx(total * 1e6)
    assert sorted(p.value for p in b.parts) == pytest.approx(sorted(v * 1e6 for v in values))
    assert b.counts == "USD" and b.complete
    assert codes(text, "N201", name_for(structure)) == []


@given(breakdown_case(), st.data(), st.sampled_from([-1, 1]), st.integers(min_value=20, max_value=30))
@SETTINGS
def test_an_inconsistent_breakdown_is_found_in_every_structure(case, data, sign, percent) -> None:
    structure, values = case
    total = sum(values)
    stated = round(total * (100 + sign * percent) / 100 / 10) * 10  # the whole misstated by a fifth or more
    assume(stated > max(values))  # a "whole" no larger than one of its parts is not read as their whole
    text = COMPLETE[structure](data.draw(amount(stated)), written(data.draw, values))
    assert codes(text, "N201", name_for(structure)) == ["N201"], text


@given(st.integers(min_value=2, max_value=4), st.data())
@SETTINGS
def test_parts_of_different_wholes_are_no_breakdown(regions, data) -> None:
    counts = [data.draw(st.integers(min_value=10, max_value=40)) for _ in range(regions)]
    listed = ", ".join(f"{c} posts in {place}" for c, place in zip(counts, ["Arle", "Bexa", "Cumbe", "Dovr"]))
    text = f"The agency will add {listed}. It will also create {sum(counts) - 5} new posts at its head office."
    assert codes(text, "N201") == []


@given(parts_in_millions(3), st.data())
@SETTINGS
def test_a_partial_breakdown_may_fall_short(values, data) -> None:
    whole = data.draw(amount(sum(values) + 400))
    parts = written(data.draw, values)
    text = f"The charity raised {whole}, of which {parts[0]} went on food, {parts[1]} on shelter and {parts[2]} on fuel."
    assert codes(text, "N201") == []
    text = f"The charity raised {whole}, including {parts[0]} for food, {parts[1]} for shelter and {parts[2]} for fuel."
    assert codes(text, "N201") == []


# --- shares of 100% ----------------------------------------------------------------------------------

SHARE_FORMS = {
    "further": lambda s: f"{s[0]}% of the total goes to Lima. A further {s[1]}% goes to Quito, and {s[2]}% to Cali.",
    "list": lambda s: f"Of the pupils asked, {s[0]}% walk to school, {s[1]}% take the bus and {s[2]}% are driven.",
    "sentences": lambda s: f"The Greens took {s[0]}% of the vote. The Reds won {s[1]}%. The Blues got {s[2]}%.",
    "items": lambda s: "The mix breaks down as follows:\n\n" + "\n".join(
        f"- {name}: {v}%" for name, v in zip(["Coal", "Gas", "Wind"], s)),
}


@given(st.sampled_from(sorted(SHARE_FORMS)), st.integers(min_value=20, max_value=45),
       st.integers(min_value=15, max_value=35), st.integers(min_value=4, max_value=12))
@SETTINGS
def test_shares_over_100_are_found_in_every_structure(form, a, b, over) -> None:
    c = 100 - a - b
    name = "article.md" if form == "items" else "article.txt"
    assert codes(SHARE_FORMS[form]([a, b, c]), "N202", name) == []
    assert codes(SHARE_FORMS[form]([a, b, c + over]), "N202", name) == ["N202"]


# --- changes: from / to / by --------------------------------------------------------------------------

CHANGE_FORMS = [
    "Fares rose from {old} to {new}, an increase of {pct}%.",
    "Fares rose {pct}% to {new} from {old}.",
    "Fares climbed to {new}, up {pct}% from {old}.",
    "Fares went up by {pct}% to {new}, from {old} a year earlier.",
    "Fares rose {pct}% from {old} to {new}.",
]
AMOUNT_FORMS = [
    "Members rose from {old:,} to {new:,}, an increase of {by:,}.",
    "Members rose by {by:,} to {new:,} from {old:,}.",
]


@given(st.sampled_from(CHANGE_FORMS), st.integers(min_value=200, max_value=900), st.integers(min_value=5, max_value=60),
       st.sampled_from([1.5, 2.0, 3.0]))
@SETTINGS
def test_a_percent_change_is_checked_in_every_phrasing(form, old, pct, error) -> None:
    new = round(old * (100 + pct) / 100)
    right = form.format(old=f"${old}m", new=f"${new}m", pct=pct)
    assert codes(right, "N204") == [], right
    wrong = form.format(old=f"${old}m", new=f"${new}m", pct=round(pct * error))
    assert codes(wrong, "N204") == ["N204"], wrong


@given(st.sampled_from(AMOUNT_FORMS), st.integers(min_value=1000, max_value=9000),
       st.integers(min_value=100, max_value=900))
@SETTINGS
def test_an_amount_change_is_checked_in_every_phrasing(form, old, by) -> None:
    assert codes(form.format(old=old, new=old + by, by=by), "N204") == []
    assert codes(form.format(old=old, new=old + by, by=by + 90), "N204") == ["N204"]


CHANGES = [
    ("Fares were cut from £2.50 to £4 this year.", True),
    ("Fares were cut from £4 to £2.50 this year.", False),
    ("Jobs rose to 77,000, from 85,000.", True),
    ("The bank raised its rate by 50 basis points to 4.75% from 4.5%.", True),
    ("The bank raised its rate by 25 basis points to 4.75% from 4.5%.", False),
    ("Support rose from 30% to 36%, an increase of 6 percentage points.", False),
    ("Support rose from 30% to 36%, an increase of 6%.", True),
    ("Support rose from 30% to 36%, an increase of 20%.", False),
    ("Sales doubled to €400m from €200m.", False),
    ("Sales doubled to €400m from €250m.", True),
    ("Sales halved to €100m from €200m.", False),
    ("Sales halved to €100m from €300m.", True),
    ("Sales fell by a third to €200m from €300m.", False),
    ("Sales fell by a third to €150m from €300m.", True),
    ("The town had 80 doctors in 2020 and 100 now, a quarter more.", False),
    ("The town had 80 doctors in 2020 and 100 now, a half more.", True),
    ("Of the €600m, €200m, or a third, is for rail.", False),
    ("Of the €600m, €200m, or a quarter, is for rail.", True),
]



@given(st.sampled_from(["a third", "33%", "one in three", "about a third"]), st.integers(min_value=30, max_value=90))
@SETTINGS
def test_a_fraction_in_words_is_a_share_with_its_rounding(share, total) -> None:
    part = total * 10
    right = f"The fund holds ${total * 30}m.\n\nSome ${part}m, or {share} of the total, goes to schools."
    assert codes(right, "N204") == [], right
    wrong = f"The fund holds ${total * 30}m.\n\nSome ${part * 2}m, or {share} of the total, goes to schools."
    assert codes(wrong, "N204") == ["N204"], wrong


# --- one quantity, two values ------------------------------------------------------------------------

RESTATED = [
    ("A grant of {a} will pay for the new lab.", "Bids for the {b} grant close in May."),
    ("The city set up a {a} grant for the lab.", "Scientists welcomed the {b} grant."),
    ("The lab will get a {a} grant, the minister said.", "Critics said the {b} grant came too late."),
]


@given(st.sampled_from(RESTATED), st.integers(min_value=20, max_value=90), st.data())
@SETTINGS
def test_one_quantity_stated_twice_is_matched_in_every_phrasing(pair, millions, data) -> None:
    first, second = pair
    a = data.draw(st.sampled_from([f"${millions}m", f"${millions} million", f"{millions} million dollars"]))
    same = data.draw(st.sampled_from([f"${millions} million", f"${millions}m"]))
    other = f"${millions + 10} million"
    assert codes(f"{first.format(a=a)}\n\n{second.format(b=same)}", "N203") == []
    assert codes(f"{first.format(a=a)}\n\n{second.format(b=other)}", "N203") == ["N203"]


@pytest.mark.parametrize("text", [
    "A grant of $40m was approved in 2023.\n\nA grant of $50m was approved in 2024.",
    "The lab's forecast puts next year's cost at $40m.\n\nThe cost was $50m, the audit found.",
    "A $40m grant for museums was approved.\n\nThe $50m grant for theatres was approved too.",
    "Unemployment was 5.2% in the north.\n\nIn the south, unemployment was 6.1%.",
])
def test_other_periods_labels_and_sets_are_kept_apart(text: str) -> None:
    assert codes(text, "N203") == []


# --- comparisons -------------------------------------------------------------------------------------

SUPERLATIVE_FORMS = [
    "The largest grant, {a}, went to Arn, while Bel received {b}.",
    "Arn's {a} was the largest grant; Bel received {b}.",
    "Arn, the biggest recipient, got {a}, while Bel got {b}.",
    "Bel received {b}. The largest grant, {a}, went to Arn.",
]


@given(st.sampled_from(SUPERLATIVE_FORMS), st.integers(min_value=2, max_value=40), st.integers(min_value=1, max_value=9))
@SETTINGS
def test_a_superlative_is_checked_in_either_order(form, base, gap) -> None:
    assert codes(form.format(a=f"€{base + gap}m", b=f"€{base}m"), "N206") == []
    assert codes(form.format(a=f"€{base}m", b=f"€{base + gap}m"), "N206") == ["N206"]


COMPARISONS = [
    ("The north, at 420 MW, is bigger than the south at 380 MW.", False),
    ("The north, at 380 MW, is bigger than the south at 420 MW.", True),
    ("The north, at 380 MW, is smaller than the south at 420 MW.", False),
    ("Exports of $5bn exceeded imports of $4bn.", False),
    ("Exports of $4bn exceeded imports of $5bn.", True),
    ("The busiest route, with 9,000 riders a day, is the 4; the 2 carries 7,000 riders a day.", False),
    ("The busiest route, with 7,000 riders a day, is the 4; the 2 carries 9,000 riders a day.", True),
    ("The cheapest flat, at £900 a month, is in Arn; Bel's costs £1,100.", False),
    ("The cheapest flat, at £1,100 a month, is in Arn; Bel's costs £900.", True),
    ("The interest on the loan was $5m, and the rest of the $9m went on fees.", False),
]



# --- counts against lists ----------------------------------------------------------------------------

NAMES = ["Arn", "Bel", "Cor", "Dun", "Esk", "Fal"]
COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}
LIST_FORMS = [
    "The {n} towns: {items}.",
    "The {n} towns — {items} — signed the pact.",
    "Leaders of the {n} towns ({items}) met.",
    "The {n} towns, {items}, signed the pact.",
]


def listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1]


@given(st.sampled_from(LIST_FORMS), st.integers(min_value=2, max_value=5), st.integers(min_value=-1, max_value=1))
@SETTINGS
def test_a_count_is_checked_against_its_list_in_every_layout(form, count, off) -> None:
    items = NAMES[:max(2, count + off)]
    text = form.format(n=COUNT_WORDS[count], items=listed(items))
    assert codes(text, "N205") == ([] if len(items) == count else ["N205"]), text


COLLECTIVES = [
    ("They met in Lima, Quito and Cali (three cities) last week.", False),
    ("They met in Lima, Quito, Cali and Oruro (three cities) last week.", True),
    ("The trio of lenders — Alpha, Beta, Gamma and Delta — signed.", True),
    ("The trio of lenders — Alpha, Beta and Gamma — signed.", False),
    ("The four towns, including Arn and Bel, signed.", False),
    ("The four towns, namely Arn, Bel and Cor, signed.", True),
]



@pytest.mark.parametrize("code, text, fires", [("N204", t, f) for t, f in CHANGES] + [
    ("N206", t, f) for t, f in COMPARISONS] + [("N205", t, f) for t, f in COLLECTIVES])
def test_each_sentence_fires_or_not(code: str, text: str, fires: bool) -> None:
    """Changes by points, multiples and fractions; comparatives and superlatives by morphology;
    collective counts and partial lists."""
    assert (codes(text, code) == [code]) is fires, text


# --- analyze shows what it read -----------------------------------------------------------------------

def test_analyze_lists_the_breakdowns_it_read() -> None:
    from factlint.analysis.report import collect

    doc = doc_of("The €9m refit is being paid for by the state (€5m), the city (€3m) and the port (€2m).")
    [record] = collect(doc)["breakdowns"]
    assert record["whole"]["text"] == "€9m" and [p["text"] for p in record["parts"]] == ["€5m", "€3m", "€2m"]
    assert record["counts"] == "EUR" and record["complete"] and record["sum"] == pytest.approx(10e6)
