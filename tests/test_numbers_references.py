"""Back-references and comparisons across sentences: a restated figure tied to its sole antecedent by
"the"/"that", one finding per restatement, rounding ranges that only touch, "That was below ..." with its
subject in the sentence before, "the larger of the two" against the two listed, and "with X to Y" after
two names compared. Sentences and names are the team's own."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import lint_text

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOUNS = ["grant", "loan", "levy", "award", "settlement"]
PEOPLE = ["Okonjo", "Varga", "Lindqvist", "Abara", "Teller"]


def found(text: str, code: str) -> list:
    return [f for f in lint_text(text, select=[code]).findings if f.code == code]



# --- N203: a back-reference with one possible antecedent ------------------------------------------

@SETTINGS
@given(st.sampled_from(NOUNS), st.integers(1, 9), st.integers(1, 9), st.sampled_from(["The", "That"]),
       st.sampled_from(["m", " million"]))
def test_one_digit_restatement_found_in_every_form(noun, first, second, determiner, scale):
    if first == second:
        return
    text = (f"Council news.\n\nThe port agreed a ${first}00{scale} {noun} with the ministry in March.\n\n"
            f"Dockers were consulted on the terms.\n\n{determiner} ${second}00{scale} {noun} was signed on Friday.\n")
    assert len(found(text, "N203")) == 1


def test_one_digit_figure_with_two_possible_antecedents_is_left_alone():
    text = ("Council news.\n\nThe port took a $200m loan in March and a $500m loan in May.\n\n"
            "Dockers were consulted.\n\nThe $900m loan was signed on Friday.\n")
    assert found(text, "N203") == []


def test_one_digit_restatement_matching_an_earlier_figure_is_left_alone():
    text = ("Council news.\n\nThe port took a $200m loan in March.\n\nA $900m loan followed in May.\n\n"
            "The $900m loan was signed on Friday.\n")
    assert found(text, "N203") == []


def test_that_ties_a_share_to_its_antecedent():
    text = ("Market report.\n\nThe pension fund holds a 2% stake in the brewer.\n\n"
            "Analysts expect a vote soon.\n\nThat 7% stake could decide the result.\n")
    assert len(found(text, "N203")) == 1


def test_restatement_in_the_same_paragraph_by_the():
    text = ("Election notes.\n\nLeaflets went to the 412 wards. Results will be posted in the 812 wards "
            "within a week.\n")
    assert len(found(text, "N203")) == 1


def test_two_sets_in_one_sentence_are_not_a_restatement():
    text = "Election notes.\n\nLeaflets went to 412 wards and posters to 812 wards.\n"
    assert found(text, "N203") == []


def test_two_earlier_mentions_give_one_finding():
    text = ("Court report.\n\nInvestors will share £185m in compensation.\n\nEach claim of the £185m "
            "compensation is checked.\n\nAnyone accepting the £285m compensation waives the right to sue.\n")
    assert len(found(text, "N203")) == 1


def test_headline_figure_one_digit_from_the_only_body_figure():
    text = "# Utility pays $3bn to settle claims\n\nThe utility agreed to pay $2bn to settle the claims.\n"
    assert len(found(text, "N203")) == 1


def test_headline_figure_within_rounding_of_the_body():
    text = "# Utility pays $3bn to settle claims\n\nThe utility agreed to pay $2.6bn to settle the claims.\n"
    assert found(text, "N203") == []


# --- N206: comparisons whose figures are in another sentence or given respectively --------------

@SETTINGS
@given(st.sampled_from(PEOPLE), st.sampled_from(PEOPLE), st.integers(2, 9), st.integers(2, 9),
       st.sampled_from([("below", -1), ("above", 1)]))
def test_that_was_below_reads_the_sentence_before(a, b, x, y, word):
    if a == b or x == y:
        return
    verb, direction = word
    text = f"Spending review.\n\n{a} came in at ${x}00m. That was {verb} the ${y}00m of {b}.\n"
    wrong = (x - y) * direction < 0
    assert bool(found(text, "N206")) == wrong


@SETTINGS
@given(st.sampled_from(PEOPLE), st.sampled_from(PEOPLE), st.integers(2, 9), st.integers(2, 9),
       st.sampled_from([("larger", 1), ("smaller", -1)]))
def test_the_larger_of_the_two_against_the_two_listed(a, b, x, y, word):
    if a == b or x == y:
        return
    adjective, direction = word
    text = (f"Spending review.\n\nThe agency spent $950m last year. {a} stood at ${x}00m, and {b} at ${y}00m. "
            f"{a} was the {adjective} of the two.\n")
    wrong = (x - y) * direction < 0
    assert bool(found(text, "N206")) == wrong


@SETTINGS
@given(st.sampled_from(PEOPLE), st.sampled_from(PEOPLE), st.integers(11, 99), st.integers(11, 99),
       st.sampled_from([("overtook", 1), ("trailed", -1), ("beat", 1)]))
def test_with_x_to_y_after_two_names(a, b, x, y, word):
    if a == b or x == y:
        return
    verb, direction = word
    text = f"Poll result.\n\n{a} {verb} {b}, with {x},000 to {y},000.\n"
    wrong = (x - y) * direction < 0
    assert bool(found(text, "N206")) == wrong


def test_range_after_a_comparison_is_no_pair():
    text = "Poll result.\n\nTurnout was higher than in 2019, with 40 to 50 voters queuing at each booth.\n"
    assert found(text, "N206") == []


def test_restatement_that_matches_an_earlier_figure_has_its_antecedent():
    text = ("Housing plans.\n\nThe ministry approved 1,400 flats in May and another 1,900 in June. "
            "The 1,400 flats will be built first.\n")
    assert found(text, "N203") == []


# --- N202: the two sides of one question ------------------------------------------------------------

@SETTINGS
@given(st.integers(30, 70), st.integers(30, 70), st.sampled_from(["%", " percent", " per cent"]),
       st.sampled_from(["Support stood at {a}{u} against {b}{u} opposed.",
                        "Supporters were {a}{u}, with {b}{u} opposed.",
                        "{a}{u} were in favour and {b}{u} opposed."]))
def test_two_sides_of_one_question_cannot_pass_100(a, b, unit, form):
    if a + b > 125:
        return  # sums far past 100% are read as shares of different wholes
    text = "Ferry poll.\n\nIslanders were asked about the new ferry. " + form.format(a=a, b=b, u=unit) + "\n"
    assert bool(found(text, "N202")) == (a + b > 101)


def test_support_in_two_places_is_a_contrast_not_a_split():
    text = "Euro poll.\n\nSupport was 60% in Germany against 55% in France.\n"
    assert found(text, "N202") == []


# --- N201: bare parts before a cued total take its unit ---------------------------------------------

@SETTINGS
@given(st.integers(11, 49), st.integers(11, 49), st.integers(-3, 3), st.sampled_from(["barrels", "tonnes", "km"]),
       st.sampled_from(["for a combined", "for a total of", "making"]))
def test_bare_parts_take_the_unit_of_a_cued_total(a, b, off, unit, cue):
    text = f"Shipping report.\n\nIndia took {a},000 and Peru {b},000, {cue} {a + b + off},000 {unit}.\n"
    hits = found(text, "N201")
    if off == 0:
        assert hits == []
    elif cue == "for a combined":
        assert len(hits) == 1


@SETTINGS
@given(st.integers(40, 99), st.integers(10, 19), st.sampled_from(["split between", "divided between", "shared by"]))
def test_a_part_as_large_as_the_whole_it_divides(whole, other, cue):
    text = (f"Aid report.\n\nThe ${whole}m is {cue} the port, with ${other}m, and the railway, "
            f"with ${whole}m.\n")
    assert len(found(text, "N201")) == 1


def test_the_whole_named_again_is_no_part():
    text = ("Party funds.\n\nJust £8,170 of this was cash. £2,700, half of the £8,170, went to the regulator.\n")
    assert found(text, "N201") == []
