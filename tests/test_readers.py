"""Readers: what counts as prose, how it is split into blocks, and the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from factlint.readers import read
from factlint.source import SourceError, decode
from tests.conftest import FIXTURES


def doc_of(text: str, name: str = "a.md", published: dt.date | None = None):
    return read(decode(name, text.encode("utf-8")), published)


def block_texts(doc) -> list[str]:
    return [" ".join(doc.text[b.start:b.end].split()) for b in doc.blocks]


# --- Markdown ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def markup():
    return read(decode("markup.md", (FIXTURES / "engine" / "markup.md").read_bytes()))


def test_markdown_keeps_the_source_length(markup):
    assert len(markup.text) == len(markup.source.text)
    assert markup.text.count("\n") == markup.source.text.count("\n")


def test_markdown_headings_atx_and_setext(markup):
    headings = [t for b, t in zip(markup.blocks, block_texts(markup)) if b.kind == "heading"]
    assert headings == ["Harbour works: a second look", "Harbour works run late again", "Dockside council"]


@pytest.mark.parametrize("hidden", ["title:", '"Harbour works', "2024-03-14", "port, budget", "harbour-phase-2", "https://example.org/harbour",
                                    "Harbour project", "a map of the quay", "quay.png", "check this",
                                    "this is code", "indented code", "raw HTML block", "https://example.org/minutes",
                                    "https://example.net/path", "[m1]", "**", "_April_", "nbsp"])
def test_markdown_non_prose_is_blanked(markup, hidden):
    assert hidden not in markup.text


@pytest.mark.parametrize("kept", ["project page", "June", "April", "five per cent", "Café owners",
                                  "naïve optimists", "Residents asked for  minutes", "compensation",
                                  "First phase: the north wall", "Second phase: dredging",
                                  '"We were promised a finished quay," said a trader.',
                                  "A quote inside a quote.", "A list item that quotes someone.",
                                  "snake_case_name", "2*3*4", "*stars *", "North wall"])
def test_markdown_prose_is_kept(markup, kept):
    assert kept in markup.text


def test_markdown_blocks(markup):
    texts = block_texts(markup)
    assert texts[4:6] == ["Residents asked for minutes of every meeting",
                          "Shopkeepers want compensation for the months of closure"]
    assert ["Phase", "Cost", "Note", "North wall", "12", "done | paid", "Dredging", "7", "late"] == \
        [t for t in texts if t in {"Phase", "Cost", "Note", "North wall", "12", "done | paid", "Dredging", "7", "late"}]
    assert texts[-1].startswith("See or for details.")


def test_markdown_front_matter_is_meta(markup):
    assert markup.meta["title"] == "Harbour works: a second look"
    assert markup.published == dt.date(2024, 3, 14)


def test_markdown_broken_front_matter_warns_and_reads_the_body():
    doc = doc_of("---\ntitle: [unclosed\n---\n\nThe body is read.\n")
    assert block_texts(doc) == ["The body is read."]
    assert len(doc.warnings) == 1 and "front matter is not valid YAML" in doc.warnings[0]


@pytest.mark.parametrize("front, reason", [("date: 2024-02-30", "cannot be read"),
                                           ("- a list", "not a mapping"),
                                           ("date: soon", "is not a date")])
def test_markdown_bad_front_matter_values_warn(front, reason):
    doc = doc_of(f"---\n{front}\n---\nBody.\n")
    assert doc.published is None and block_texts(doc) == ["Body."]
    assert reason in doc.warnings[0]


@pytest.mark.parametrize("text", ["---\n---\nBody.\n", "---\r\n---\r\nBody.\r\n", "---\nkind: x\n...\nBody.\n"])
def test_markdown_empty_and_dotted_front_matter(text):
    doc = doc_of(text)
    assert block_texts(doc) == ["Body."] and doc.warnings == []


def test_markdown_unclosed_front_matter_is_body():
    doc = doc_of("---\ntitle: x\n\nThe body.\n")
    assert "never closed" in doc.warnings[0]


def test_markdown_crlf_front_matter():
    doc = doc_of("---\r\ndate: 2023-05-06\r\n---\r\n\r\nBody text.\r\n")
    assert doc.published == dt.date(2023, 5, 6)
    assert block_texts(doc) == ["Body text."]


# --- HTML ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def page():
    return read(decode("page.html", (FIXTURES / "engine" / "page.html").read_bytes()))


def test_html_blocks(page):
    assert block_texts(page) == [
        "Harbour works run late again",
        "By a staff reporter, 13 March",
        "The council said on Tuesday that the works will finish in June rather than April. Costs rose by five "
        "per cent, the council’s treasurer said — “not more”.",
        "Café owners near the Quai d’Orsay were unconvinced. One of them said the quay was the the busiest in years.",
        "North wall: done", "Dredging: late", "Phase", "Cost", "North wall", "12 €",
        "An unclosed paragraph about naïve plans",
        "A stray & ampersand, an &unknown; entity and a <tag> in text.",
        "The quay in February — before the works.",
    ]
    assert page.blocks[0].kind == "heading"


@pytest.mark.parametrize("chrome", ["Home", "The Coast Gazette", "Related", "Copyright", "©", "hidden note",
                                    "not prose", "margin", "Page title"])
def test_html_chrome_scripts_and_styles_are_skipped(page, chrome):
    assert chrome not in page.text


def test_html_single_br_breaks_a_line_two_break_the_paragraph():
    doc = doc_of("<p>One line<br>next line<br/><br>new paragraph</p>", "a.html")
    assert block_texts(doc) == ["One line next line", "new paragraph"]
    assert "One line\nnext line" in doc.text


def test_html_directive_comment(page):
    assert [(d.action, sorted(d.codes)) for d in page.directives] == [("ignore", ["T506"])]


def test_html_unclosed_tags_do_not_swallow_the_rest():
    doc = doc_of("<nav><ul><li>Menu</ul></nav><p>Body <b>bold <i>both</b> after</p><p>Next</p>", "a.html")
    assert block_texts(doc) == ["Body bold both after", "Next"]


def test_html_without_article_reads_the_body():
    doc = doc_of("<html><body><h2>Sub</h2><div>Text in a div.</div></body></html>", "a.htm")
    assert block_texts(doc) == ["Sub", "Text in a div."]
    assert doc.blocks[0].kind == "heading"


# --- plain text -------------------------------------------------------------------

def test_text_paragraphs_split_by_blank_lines():
    doc = doc_of((FIXTURES / "engine" / "wrapped.txt").read_text(), "w.txt")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert block_texts(doc)[1].startswith("The council said") and block_texts(doc)[1].endswith("five per cent.")


def test_text_one_paragraph_a_line_without_blank_lines():
    doc = doc_of((FIXTURES / "engine" / "lines.txt").read_text(), "l.txt")
    assert len(doc.blocks) == 5
    assert block_texts(doc)[-1] == "A second trader said the the same."


def test_text_unwrapped_lines_inside_blank_line_paragraphs_are_paragraphs():
    long = "This is a long unwrapped paragraph that goes on well past any hard-wrap width that an editor would ever use."
    doc = doc_of(f"Headline\n\n{long}\n{long}\n\nLast.\n", "a.txt")
    assert block_texts(doc) == ["Headline", long, long, "Last."]


def test_text_crlf_and_bom():
    doc = read(decode("a.txt", b"\xef\xbb\xbfTitle\r\n\r\nBody one.\r\n\r\nBody two.\r\n"))
    assert block_texts(doc) == ["Title", "Body one.", "Body two."]
    assert doc.text.startswith("Title")


def test_text_directive_lines_are_not_prose():
    doc = doc_of("Title\n# factlint: disable T506 -- quoted verbatim\nBody.\nfactlint: enable\n", "a.txt")
    assert "factlint" not in doc.text
    assert [(d.action, sorted(d.codes)) for d in doc.directives] == [("disable", ["T506"]), ("enable", [])]


# --- sources ------------------------------------------------------------------------

@pytest.mark.parametrize("data, reason", [(b"\x00\x01\x02binary", "binary"), (b"caf\xe9 au lait", "not valid UTF-8"),
                                          (b"ok\n" * 3 + b"\xff", "line 4")])
def test_undecodable_sources_are_refused(data, reason):
    with pytest.raises(SourceError, match=reason):
        decode("x.txt", data)


def test_utf16_with_bom_is_read():
    doc = read(decode("a.txt", "\ufeffTitle\n\nBody ü.\n".encode("utf-16")))
    assert block_texts(doc) == ["Title", "Body ü."]


# --- publication date ------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [("2024-03-14", dt.date(2024, 3, 14)),
                                             ("'2024-03-14T09:00:00+01:00'", dt.date(2024, 3, 14)),
                                             ("2024-03-14 09:00:00", dt.date(2024, 3, 14)),
                                             ("'14 March 2024'", dt.date(2024, 3, 14)),
                                             ("'March 14, 2024'", dt.date(2024, 3, 14))])
def test_published_from_front_matter(value, expected):
    assert doc_of(f"---\ndate: {value}\n---\nBody.\n").published == expected


@pytest.mark.parametrize("head, expected", [
    ('<meta name="date" content="2023-01-02">', dt.date(2023, 1, 2)),
    ('<meta property="article:published_time" content="2023-01-03T10:00:00Z">', dt.date(2023, 1, 3)),
    ('<meta itemprop="datePublished" content="2023-01-04">', dt.date(2023, 1, 4)),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-01-05T08:00"}</script>',
     dt.date(2023, 1, 5)),
])
def test_published_from_html_metadata(head, expected):
    doc = doc_of(f"<html><head>{head}</head><body><p>Body.</p></body></html>", "a.html")
    assert doc.published == expected and block_texts(doc) == ["Body."]


def test_published_from_the_articles_time_element():
    page = ('<body><header><time datetime="2030-01-01">today</time></header>'
            '<aside><time datetime="2020-01-01">old</time></aside>'
            '<article><p>Posted <time datetime="2023-06-07T12:00">7 June</time></p></article></body>')
    assert doc_of(page, "a.html").published == dt.date(2023, 6, 7)


def test_meta_wins_over_time_element():
    page = '<head><meta name="date" content="2023-01-02"></head><article><time datetime="2023-06-07">x</time></article>'
    assert doc_of(page, "a.html").published == dt.date(2023, 1, 2)


@pytest.mark.parametrize("name, text", [("a.md", "---\ndate: 2024-03-14\n---\nBody.\n"),
                                        ("a.html", '<meta name="date" content="2024-03-14"><p>Body.</p>'),
                                        ("a.txt", "Body.\n")])
def test_published_option_wins(name, text):
    assert doc_of(text, name, published=dt.date(2025, 1, 2)).published == dt.date(2025, 1, 2)


def test_no_date_anywhere_is_none():
    assert doc_of("Body.\n", "a.txt").published is None
    assert doc_of("<p>Body.</p>", "a.html").published is None
