"""The quotation analysis: pairs, continued quotes, stray marks, dialogue-dash speech."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.readers import read
from factlint.source import decode


def analyse(text: str, name: str = "article.txt"):
    doc = read(decode(name, text.encode("utf-8")))
    return doc, doc.quotes


def inner(doc, q) -> str:
    return doc.text[q.inner_start:q.inner_end]


def test_straight_and_curly_pairs_with_attribution():
    doc, qa = analyse('"We will build it," the mayor said. She called it “a promise”.\n')
    assert [inner(doc, q) for q in qa.quotes] == ["We will build it,", "a promise"]
    first = qa.quotes[0]
    assert (first.open_mark, first.close_mark, first.level) == ('"', '"', 0)
    assert doc.text[slice(*first.attribution)] == "the mayor said"
    assert qa.unpaired == []


def test_nested_quote_has_level_one():
    doc, qa = analyse("“He told me ‘never again’ and left,” she said.\n")
    assert [(inner(doc, q), q.level) for q in qa.quotes] == [("He told me ‘never again’ and left,", 0),
                                                             ("never again", 1)]


def test_apostrophes_and_primes_are_not_quotes():
    doc, qa = analyse("It's rock 'n' roll from the '90s; the students' books; Trump’s plan; he is 5' 11\" tall.\n")
    assert qa.quotes == [] and qa.unpaired == []


def test_multi_paragraph_quote_reopens_each_paragraph():
    doc, qa = analyse('"The first part runs on.\n\n"The second part ends here," he said.\n')
    assert qa.unpaired == []
    assert qa.quotes[0].continues and qa.quotes[0].close_mark == ""


def test_merged_paragraphs_reopen_mid_block():
    doc, qa = analyse('"The first part runs on. "The second part ends here," he said.\n')
    assert qa.unpaired == []
    assert [q.continues for q in qa.quotes] == [True, False]


def test_stray_closing_mark_belongs_to_dialogue_dash_speech():
    doc, qa = analyse("— The region matters to us. It is a partner,\" Ivan Petrov, an analyst, told the paper.\n")
    assert len(qa.speech) == 1 and len(qa.unpaired) == 1
    stray = qa.unpaired[0]
    assert (stray.mark, stray.role, stray.speech) == ('"', "close", 0)
    assert inner(doc, qa.speech[0]) == "The region matters to us. It is a partner,"
    assert "told the paper" in doc.text[slice(*qa.speech[0].attribution)]


def test_dash_continuation_after_attribution():
    doc, qa = analyse('"We must wait," she said. — So far, nothing has changed.\n')
    assert [inner(doc, s) for s in qa.speech] == ["So far, nothing has changed."]


def test_dash_bullets_are_not_speech():
    doc, qa = analyse("Plans:\n- Roads and bridges.\n- Two new schools.\n")
    assert qa.speech == []


def test_unclosed_quote_and_bracket():
    doc, qa = analyse('"We are ready, the minister said (in a statement.\n\nThe council disagreed.\n')
    assert sorted((s.mark, s.role) for s in qa.unpaired) == [('"', "open"), ("(", "open")]


def test_list_numbering_is_not_a_bracket():
    doc, qa = analyse("The plan has two parts: a) roads and b) rail (and ports).\n")
    assert qa.unpaired == []


def test_attribution_before_the_quote():
    doc, qa = analyse('The harbour master, Ruth Okafor, said: "The boats are back."\n')
    [q] = qa.quotes
    assert doc.text[slice(*q.attribution)].endswith("Ruth Okafor, said")


def test_doubled_marks_count_as_one():
    doc, qa = analyse("''Breaking up is hard,\" he said. The deal was \"\"unfair\" to them.\n")
    assert qa.unpaired == []
    assert [q.open_mark for q in qa.quotes] == ["''", '""']


def test_quote_closed_in_the_next_paragraph_without_reopening():
    doc, qa = analyse('She said: "The first part runs on.\n\nAnd it closes here," she added.\n')
    assert qa.unpaired == []
    first, second = qa.quotes
    assert first.continues and second.open_mark == "" and second.close_mark == '"'
    assert doc.text[slice(*second.attribution)] == "she added"


def test_quote_runs_across_a_caption():
    for caption in ("The mayor at the pier in May (photo: A. Berg)", "Dockers hold a banner at the gate on Monday."):
        text = f'"The first part runs on.\n\n{caption}\n\n"And ends here," he said.\n'
        doc, qa = analyse(text)
        assert qa.unpaired == [] and qa.quotes[0].continues, caption
    text = '"The first part runs on.\n\nThe mayor at the pier in May.\n\n"And ends here," he said.\n'
    doc, qa = analyse(text)
    assert qa.unpaired == [] and qa.quotes[0].continues


def test_a_paragraph_of_prose_ends_a_running_quote():
    # a short paragraph in the reporter's words between: the quotation did not run on
    for prose in ("The mayor left early.", "Officials spoke to the crews. Then the talks began."):
        text = f'"The first part runs on.\n\n{prose}\n\n"A new quote," he said.\n'
        doc, qa = analyse(text)
        [stray] = qa.unpaired
        assert stray.certain and stray.start == 0, prose


def test_certainty_of_stray_marks():
    # runs to the end of its paragraph and the next paragraph does not reopen it: unclosed
    doc, qa = analyse('"The port will stay open.\n\nThe council met on Monday.\n')
    [stray] = qa.unpaired
    assert stray.certain and stray.next_block == 1
    # reopened in another style: a new quotation, so the first one never closed
    doc, qa = analyse('„Die Zeit läuft, and we must hurry.\n\n"We are ready," said the engineer.\n')
    [stray] = qa.unpaired
    assert stray.mark == "„" and stray.certain
    # a single mark that opens speech after a colon is a quotation mark, not an apostrophe
    doc, qa = analyse("The judge told them: ‘You knew what you were doing.\n\nHe jailed both men.\n")
    [stray] = qa.unpaired
    assert stray.kind == "single" and stray.certain
    # an attribution inside shows where it ended
    doc, qa = analyse('"The port will stay open, the mayor said.\n\nThe council met on Monday.\n')
    [stray] = qa.unpaired
    assert stray.certain and doc.text[stray.close_at - 1] == ","
    # a closing mark with a speaker after it
    doc, qa = analyse('The port will stay open," the mayor said.\n')
    assert [s.certain for s in qa.unpaired] == [True]
    # a closing mark with no opening one: its quotation lost the opening mark
    doc, qa = analyse('The port will stay open" for now.\n')
    assert [s.certain for s in qa.unpaired] == [True]
    # where the opening belongs: the start of the sentence the mark closes
    doc, qa = analyse('The council met. The port will stay open." The mayor left.\n')
    [stray] = qa.unpaired
    assert doc.text[stray.open_at:].startswith("The port")


def test_mismatched_single_and_double_marks():
    doc, qa = analyse('"We will stay open,\' the mayor said.\n')
    [stray] = [s for s in qa.unpaired if s.kind == "double"]
    assert stray.role == "open" and stray.certain and doc.text[stray.close_at] == "'"


def test_dash_list_in_the_third_person_is_not_speech():
    text = "Key points:\n— Rates stay, the bank said.\n— Wages rise, unions said.\n— Prices fall, it said.\n"
    assert analyse(text)[1].speech == []
    text = "Key points:\n— We keep rates, the bank said.\n— Wages rise, unions said.\n— Prices fall, it said.\n"
    assert len(analyse(text)[1].speech) == 1


def test_continued_speech_takes_the_earlier_attribution():
    doc, qa = analyse('"We must wait," minister Olli Rinne said. — The review takes two years.\n')
    [s] = qa.speech
    assert doc.text[slice(*s.attribution)] == "minister Olli Rinne said"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab 1.,\n\"'“”‘’„«»()[]—–-sS") + ["said ", "he ", "\n\n", "So"]),
                max_size=80).map("".join))
def test_any_text_gives_spans_inside_the_text(text):
    doc, qa = analyse(text)
    n = len(doc.text)
    for q in qa.quotes + qa.speech:
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= n
        if q.attribution:
            assert 0 <= q.attribution[0] <= q.attribution[1] <= n
    for s in qa.unpaired:
        assert 0 <= s.start < s.end <= n and doc.text[s.start:s.end] == s.mark
    assert analyse(text)[1].records() == qa.records()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300))
def test_any_unicode_text_is_safe(text):
    analyse(text)
