"""Text-integrity checks T501–T506: what fires, what passes, on the team's own sentences and fixtures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, codes, lint_text


def findings(text: str, code: str, name: str = "article.txt"):
    return [f for f in lint_text(text, name=name, select=[code]).findings if f.code == code]


def fires(code: str, text: str, name: str = "article.txt") -> bool:
    return bool(findings(text, code, name))


# --- T501 unbalanced-quotes -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a quote that opens and never closes before its attribution
    '"The bridge will open in May, the mayor told reporters on Monday.\n\nTraffic is expected to fall.\n',
    # a closing mark with no opening one, followed by the speaker
    'The team lost its nerve in the second half," coach Mara Ilic said.\n',
    # speech opened with a dialogue dash and closed with a quotation mark
    '— The river is higher than last year. We are ready," the engineer said.\n',
    # a curly quote that never closes
    '“The port will stay open all winter, said the harbour master, Ana Lind.\n',
    # a bracket that never closes
    'The fund (about $2 billion over five years will open in March.\n',
    'The fund is about $2 billion) and will open in March.\n',
    # mismatched marks: opened with a single mark, closed with a double one
    "'We will not sell the club,\" the owner said.\n",
    # British single quotes that never close before the attribution
    "‘We will not sell the club, the owner said on Friday.\n\nFans were relieved.\n",
    # a French single guillemet, spaced inside as French sets it, that never closes
    "Le titre était « Le port ‹ une histoire » .\n",
    # TeX-style marks typed in ASCII
    "``We will not sell the club, the owner said.\n",
    # a closing mark after a code, not an inch mark
    'Fill in form R85", the bank said, and send it back.\n',
])
def test_unbalanced_fires(text):
    assert fires("T501", text)


@pytest.mark.parametrize("text", [
    "It's rock 'n' roll from the '90s, and the students' books are back in Jones' shop.\n",
    'The new striker is 6\' 2" tall and wears a 12" badge.\n',
    'The plan has a) a budget, b) a timetable and c) a review.\n',
    '"The first half of the quote ends here.\n\n"The second half ends here," she said.\n',
    '"The first half ends here. "The second half ends here," she said.\n',
    '"The quote runs on through a crosshead.\n\n## Harbour works\n\n"And it ends here," he said.\n',
    '"A quote that goes on in the next paragraph.\n\nAnd closes there without reopening," he said.\n',
    "He called it a ‘temporary’ measure and the “final” word.\n",
    '„Wir schaffen das“, sagte sie.\n',
    'Ce n’est pas «la fin», dit-il.\n',
    "“He told me ‘never again’ and left,” she said.\n",
    "‘We will not sell the club,’ the owner said. 'Rock 'n' roll,' he added, 'em all.\n",
    "The fans' chants, the players' wages and the clubs' debts, the report said.\n",
    '"Jaw jaw" is better than "war war," he said.\n',
    "The deal (signed in 2021 [and amended in 2023]) stays in force.\n",
    'The notes mark each bullet (" - point") with a hyphen.\n',
    "``We will appeal,'' the lawyer said. ``The ruling is wrong.''\n",
    "He called it ``a `temporary' measure'' on Monday.\n",
    "``The first half of the quote.\n\n``And the second half,'' she said.\n",
    'Type it as shown [" and then "] to search for a phrase.\n',
])
def test_unbalanced_passes(text):
    name = "article.md" if "##" in text else "article.txt"
    assert not fires("T501", text, name), findings(text, "T501", name)


def test_unbalanced_message_names_the_mark_and_the_dash():
    [f] = findings('— The river is higher than last year. We are ready," the engineer said.\n', "T501")
    assert "closing quotation mark" in f.message and "dialogue dash" in f.message
    assert f.related and f.related[0].column == 1


def test_unclosed_quote_points_where_it_should_close():
    [f] = findings('"The bridge will open in May, the mayor told reporters.\n\nTraffic will fall.\n', "T501")
    assert "opening quotation mark" in f.message and "the mayor told reporters" in f.message
    assert f.related[0].column == len('"The bridge will open in May,')  # after the comma


# --- T502 mixed-script ------------------------------------------------------------------------

def test_mixed_script_names_the_letter_and_suggests_latin():
    [f] = findings("The plant processes ur\u0430nium ore.\n", "T502")
    assert "U+0430" in f.message and "looks like Latin 'a'" in f.message
    assert f.suggestion == "uranium"


def test_mixed_script_in_a_cyrillic_word_suggests_cyrillic():
    [f] = findings("The sign read Мocква.\n", "T502")  # Latin M and o in a Russian word
    assert f.suggestion == "Москва"


def test_stray_cyrillic_letter_from_the_keyboard_layout():
    [f] = findings("The goal is growth and stabilityю The rest can wait.\n", "T502")
    assert f.suggestion == "stability."


@pytest.mark.parametrize("text", [
    "Doctors prescribed β-blockers to the patients.\n",
    "The particles measure 5 μm across.\n",
    "The NF-κB pathway was studied.\n",
    "The city of Москва is Moscow in Russian.\n",
    "The σ bond and the π bond differ.\n",
])
def test_mixed_script_passes(text):
    assert not fires("T502", text), findings(text, "T502")


# --- T503 translation-residue -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The talks ended on Friday.\nПереведено сервисом «Яндекс Переводчик»\n",
    "The talks ended on Friday.\nTranslated from Russian by Google Translate.\n",
    "The talks ended on Friday.\nThis article was machine translated.\n",
    "The talks ended on Friday.\nTraducido por DeepL.\n",
    "The talks ended on Friday.\nТекст је аутоматски преведен.\n",
    "The ministers met in Baku on Tuesday for the third round of talks on the border.\n"
    "Стороны обсудили вопросы безопасности на границе.\n",
    "The ministers met (translator's note: the Russian text says 'conferred') in Baku.\n",
    "The ministers met in Baku [Translator's note: a city on the Caspian].\n",
    "The ministers met in Baku (прим. пер.).\n",
    "The ministers met in Baku on Tuesday for the third round of talks (Стороны обсудили границу.) today.\n",
    "The minister spoke [TN: the deputy minister] at noon.\n",
    "The ministers met in Baku on Tuesday for the third round of talks.\nФото: ТАСС\n",
    "The delegation arrived from Beijing on Monday for two days of talks with the ministers.\n"
    "双方讨论了贸易问题和投资合作。\n",
])
def test_translation_residue_fires(text):
    assert fires("T503", text), text


@pytest.mark.parametrize("text", [
    "The daily Izvestia («Известия») reported the meeting.\n",
    "Their motto, «Мир и труд» (peace and labour), hangs in the hall.\n",
    "Google Translate now covers more than 200 languages, the company said in a statement.\n",
    "Many firms rely on machine translation, which has improved, researchers say.\n",
    "The minister, Sergei Lavrov (Сергей Лавров), spoke first.\n",
    # a sentence about translation has a verb of its own; English words that share a stem
    "The ferries ran late.\n\nTranslation by Google is improving, experts say.\n",
    "The ferries ran late.\n\nPrevented by Google from buying the app, the firm sued.\n",
    # stories about translation, not notices: the sentence has words of its own
    "The ferries ran late.\n\nAutomatic translation remains patchy for Welsh.\n",
    "The ferries ran late.\n\nTranslators at Yandex went on strike.\n",
    "The ferries ran late.\n\nTranslated by Google, the letter read oddly.\n",
])
def test_translation_residue_passes(text):
    assert not fires("T503", text), findings(text, "T503")


def test_a_russian_article_is_not_residue():
    text = "Министр заявил, что переговоры продолжатся на следующей неделе в Москве.\n"
    assert not fires("T503", text)


# --- T504 dash-in-word ------------------------------------------------------------------------

@pytest.mark.parametrize("text, fix", [
    ("The country follows a multi—vector foreign policy.\n", "multi-vector"),
    ("The cross—border trade fell.\n", "cross-border"),
    ("They signed a long—term contract.\n", "long-term"),
    ("A state—owned bank lent the money.\n", "state-owned"),
    ("The post—Soviet states met.\n", "post-Soviet"),
    ("The long—awaited bridge opened.\n", "long-awaited"),
    ("An export—oriented economy.\n", "export-oriented"),
    ("The follow-up talks were set. The follow—up was delayed.\n", "follow-up"),
])
def test_dash_in_word_fires(text, fix):
    [f] = findings(text, "T504")
    assert f.suggestion == fix


@pytest.mark.parametrize("text", [
    "The Jackson–Vanik amendment was repealed.\n",
    "The 2024–25 season and pages 5–7.\n",
    "The plan—which failed—was dropped.\n",
    "He did it well—very well, in fact.\n",
    "The company—owned by the state—was sold.\n",
    "The plan—run by the state—failed.\n",
    "The result — a draw — pleased nobody.\n",
])
def test_dash_in_word_passes(text):
    assert not fires("T504", text), findings(text, "T504")


# --- T505 dash-quotation ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The mayor spoke after the vote.\n— We will rebuild the pier by summer, the mayor said.\n",
    '"The money is there," she said. — The permits are not.\n',
    "The coach was blunt.\n– We relaxed after the second goal, – said Ivan Orlov.\n",
    "Coach Orlov was blunt:\n— We relaxed after the second goal.\n",
    "Orlov told reporters after the match:\n— The team was tired in the second half.\n",
])
def test_dash_quotation_fires(text):
    assert fires("T505", text), text


def test_dash_quotation_suggests_quotation_marks():
    [f] = findings("The mayor spoke.\n— We will rebuild the pier, the mayor said.\n", "T505")
    assert f.suggestion == '"We will rebuild the pier,"'


@pytest.mark.parametrize("text", [
    "The result — a draw — pleased nobody, the coach said.\n",
    "Plans for the year:\n- New roads in the north.\n- Two schools.\n- A hospital wing.\n",
    "Key points:\n— Inflation will fall, the bank said.\n— Wages will rise, unions said.\n"
    "— Rates stay at 4%, the governor said.\n",
    "She waited — and then she said nothing.\n",
    "The plan has two parts:\n— New roads in the north.\n— Two schools.\n",
    "Orlov was blunt:\n— The team was tired.\n",
])
def test_dash_quotation_passes(text):
    assert not fires("T505", text), findings(text, "T505")


# --- T506 repeated-word -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The minister said the the plan was ready.\n",
    "The firm intends to to start work in May.\n",
])
def test_repeated_word_fires(text):
    [f] = findings(text, "T506")
    assert f.suggestion in ("the", "to")


@pytest.mark.parametrize("text", [
    "She had had enough of the delays.\n",
    "He said that that plan would fail.\n",
    "What it is is a compromise.\n",
    "Very very few people came, and the fans sang bye bye.\n",
    "Duran Duran played in Walla Walla.\n",
    "The 20 20 vision test.\n",
    "He kept tweeting bing bing bing all morning.\n",
    "One of the events she will take part in in London.\n",
    "They gave her her medal.\n",
])
def test_repeated_word_passes(text):
    assert not fires("T506", text), findings(text, "T506")


# --- fixtures ---------------------------------------------------------------------------------

def test_translated_fixture_findings_by_line():
    result = lint_text((FIXTURES / "text" / "translated-port-deal.txt").read_text(encoding="utf-8"),
                       select=["T"])
    found = sorted((f.line, f.code) for f in result.findings)
    assert found == [(2, "T504"), (4, "T501"), (4, "T505"), (6, "T505"), (7, "T502"), (7, "T504"),
                     (8, "T503"), (9, "T503"), (10, "T506"), (11, "T503")]


def test_clean_fixture_is_silent():
    text = (FIXTURES / "text" / "clean-quotes.md").read_text(encoding="utf-8")
    assert codes(lint_text(text, name="clean-quotes.md", select=["T"])) == []


def test_html_dialogue_dash():
    html = ("<html><body><article><p>The coach was blunt.</p>"
            "<p>&mdash; We relaxed after the second goal,&quot; Ivan Orlov said.</p></article></body></html>")
    result = lint_text(html, name="article.html", select=["T"])
    assert sorted(codes(result)) == ["T501", "T505"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", " ", "\n", "\n\n", '"', "“", "”", "'", "’", "(", ")", "—", "–",
                                 "-", "said", "he", ",", ".", "multi", "а", "о", "Привет", "Translated by Google",
                                 "我们", "is", "a)", "5'", '11"']), max_size=60).map("".join))
def test_text_checks_never_raise_and_stay_inside(text):
    result = lint_text(text, select=["T"])
    assert result.complete and not result.warnings, result.warnings
    lines = text.split("\n")
    for f in result.findings:
        assert 1 <= f.line <= f.end_line <= len(lines)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300))
def test_text_checks_on_any_unicode(text):
    first = lint_text(text, select=["T"])
    assert first.complete and not any("failed" in w for w in first.warnings), first.warnings
    assert [f.public() for f in lint_text(text, select=["T"]).findings] == [f.public() for f in first.findings]
