"""Front matter: the headline and standfirst are linted in place; every common date key and format is read."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings, strategies as st

from factlint.config import Settings
from factlint.readers import read
from factlint.source import decode
from tests.conftest import lint_text, lint_with
from tests.engine_checks import MarkQuay


def doc_of(text: str, name: str = "a.md", options: Settings | None = None):
    return read(decode(name, text.encode("utf-8")), None, options)


def where(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text``, found without the engine."""
    before = text[:text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


# --- the headline is prose, at its place in the file ------------------------------------------------

HEADLINES = {
    "yaml plain": "---\ntitle: Ministers back the the harbour plan\ndate: 2025-05-20\n---\n\nBody text.\n",
    "yaml double": '---\ntitle: "Ministers back the the harbour plan"\n---\n\nBody text.\n',
    "yaml single": "---\ntitle: 'Ministers back the the harbour plan'\n---\n\nBody text.\n",
    "yaml folded": "---\ntitle: >\n  Ministers back\n  the the harbour plan\n---\n\nBody text.\n",
    "yaml wrapped": "---\ntitle: Ministers back\n  the the harbour plan\n---\n\nBody text.\n",
    "toml basic": '+++\ntitle = "Ministers back the the harbour plan"\n+++\n\nBody text.\n',
    "toml literal": "+++\ntitle = 'Ministers back the the harbour plan'\n+++\n\nBody text.\n",
    "toml multi-line": '+++\ntitle = """\nMinisters back the the harbour plan"""\n+++\n\nBody text.\n',
    "json": '{\n  "date": "2025-05-20",\n  "title": "Ministers back the the harbour plan"\n}\n\nBody text.\n',
    "crlf": "---\r\ntitle: Ministers back the the harbour plan\r\n---\r\n\r\nBody text.\r\n",
}


@pytest.mark.parametrize("form", HEADLINES)
def test_a_repeated_word_in_the_headline_is_found_where_it_is(form):
    text = HEADLINES[form]
    result = lint_text(text, "story.md", select=["T506"])
    assert [(f.code, f.line, f.column) for f in result.findings] == [("T506", *where(text, "the the"))]


@pytest.mark.parametrize("form", HEADLINES)
def test_the_headline_is_a_heading_block(form):
    doc = doc_of(HEADLINES[form])
    first = doc.blocks[0]
    assert first.kind == "heading" and " ".join(doc.text[first.start:first.end].split()) == \
        "Ministers back the the harbour plan"
    assert "title" not in doc.text and "date" not in doc.text


def test_standfirst_keys_are_paragraphs_and_other_keys_stay_out():
    text = ("---\ntitle: Port deal signed\ndescription: The port authority signed the deal on Monday.\n"
            "author: Ana Stone\ntags: [port]\n---\n\nBody.\n")
    doc = doc_of(text)
    assert [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks] == [
        ("heading", "Port deal signed"), ("paragraph", "The port authority signed the deal on Monday."),
        ("paragraph", "Body.")]
    assert "Ana Stone" not in doc.text and "port]" not in doc.text


def test_front_matter_text_is_configurable():
    text = "---\ntitle: The the quay\nkicker: A a quay\n---\n\nBody.\n"
    doc = doc_of(text, options=Settings(front_matter_text=["kicker"]))
    assert [doc.text[b.start:b.end] for b in doc.blocks] == ["A a quay", "Body."]


def test_a_date_in_the_standfirst_against_the_body():
    text = ("---\ntitle: Forum opens with call for joint borrowing\n"
            "description: The finance ministers' forum opened in Vilnius on 4 May.\ndate: 2025-05-20\n---\n\n"
            "The finance ministers' forum opened in Vilnius on 14 May with a call for joint borrowing.\n")
    result = lint_text(text, "story.md", select=["D101"])
    assert len(result.findings) == 1
    finding = result.findings[0]
    places = {(finding.line, finding.column)} | {(r.line, r.column) for r in finding.related}
    assert places == {where(text, "4 May"), where(text, "14 May")}


def test_a_name_in_the_headline_against_the_body():
    text = ("---\ntitle: Saprynskaya wins the Lakeside mayoral race\ndate: 2025-05-20\n---\n\n"
            "Daria Saprinskaya won the mayoral race in Lakeside on Sunday. Saprinskaya thanked her staff.\n")
    result = lint_text(text, "story.md", select=["E301"])
    lines = {f.line for f in result.findings} | {r.line for f in result.findings for r in f.related}
    assert result.findings and 2 in lines


def test_escapes_in_the_headline_map_to_the_source():
    text = "---\ntitle: 'The quay''s \"new\" quay'\n---\n\nA quay.\n"
    result = lint_with([MarkQuay], text, "a.md")
    source = text.split("\n")
    spans = [source[f.line - 1][f.column - 1:f.end_column - 1] for f in result.findings]
    assert spans == ["quay", "quay", "quay"] and [f.line for f in result.findings] == [2, 2, 5]
    doc = doc_of(text)
    assert doc.text[doc.blocks[0].start:doc.blocks[0].end] == "The quay's \"new\" quay"
    double = '---\ntitle: "A \\"quay\\" and \\u00e9 quay"\n---\n\nBody quay.\n'
    result = lint_with([MarkQuay], double, "a.md")
    headline = double.split("\n")[1]
    assert [(f.line, f.column) for f in result.findings] == [(2, headline.index("quay") + 1),
                                                            (2, headline.rindex("quay") + 1), (5, 6)]


def test_a_value_that_is_not_text_is_not_linted():
    for front in ("title: 2025", "title: [a, b]", "title:", "title: null"):
        doc = doc_of(f"---\n{front}\n---\n\nBody.\n")
        assert [doc.text[b.start:b.end] for b in doc.blocks] == ["Body."]


def test_json_front_matter_is_only_an_object_that_ends_a_line():
    doc = doc_of('{"title": "Quay"} and more text on the line.\n')
    assert doc.meta == {} and "Quay" in doc.text  # not front matter: ordinary Markdown
    doc = doc_of('{not json}\n\nBody.\n')
    assert doc.meta == {}


# Headlines as generators would write them, in every style the formats have.
HEADLINE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)


def _yaml_forms(value: str) -> list[str]:
    import yaml

    return [yaml.safe_dump({"title": value}, allow_unicode=allow, default_style=style, width=width)
            for allow in (True, False) for style in (None, '"', "'") for width in (20, 200)]


@settings(max_examples=150, deadline=None)
@given(HEADLINE_TEXT)
def test_every_word_of_a_generated_headline_maps_back(value):
    import re
    import tomllib

    forms = ["---\n" + y + "---\n\nBody.\n" for y in _yaml_forms(value)]
    forms.append("{\n" + f'"title": {json.dumps(value)}' + "\n}\n\nBody.\n")
    forms.append("{\n" + f'"title": {json.dumps(value, ensure_ascii=False)}' + "\n}\n\nBody.\n")
    toml_value = json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string here
    try:
        if tomllib.loads(f"title = {toml_value}")["title"] == value:
            forms.append(f"+++\ntitle = {toml_value}\n+++\n\nBody.\n")
    except tomllib.TOMLDecodeError:
        pass
    words = re.compile(r"\w+")
    for text in forms:
        doc = doc_of(text)
        for block in doc.blocks[:-1]:  # the headline (the last block is the body)
            assert doc.text[block.start:block.end].split() == value.split()
            for m in words.finditer(doc.text, block.start, block.end):
                start, end = doc.to_source(m.start()), doc.to_source_end(m.end())
                assert text[start:end] == m.group() or "\\" in text[start:end] or "''" in text[start:end]
        assert any(b.kind == "heading" for b in doc.blocks) or not value.strip()


# --- the publication date ----------------------------------------------------------------------

@pytest.mark.parametrize("front", [
    "---\ndate: 2025-05-20\n---\n", "---\npubDate: 2025-05-20\n---\n", "---\npublishDate: 2025-05-20\n---\n",
    "---\npublished: 2025-05-20\n---\n", "---\npublished_at: 2025-05-20T10:00:00Z\n---\n",
    "---\ndatePublished: '2025-05-20'\n---\n", "---\npubdate: 'Tue, 20 May 2025 09:00:00 +0100'\n---\n",
    "---\ndate: 2025-05-20T23:30:00-05:00\n---\n",  # the article's own calendar day, not UTC's
    "---\ndate: 'Tuesday, 20 May 2025'\n---\n", "---\ndate: '20.05.2025'\n---\n",
    "---\npublished: true\ndate: 2025-05-20\n---\n",
    "+++\ndate = 2025-05-20T09:00:00+02:00\n+++\n", "+++\npublishDate = \"2025-05-20\"\n+++\n",
    '{\n "pubDate": "2025-05-20T09:00:00+02:00"\n}\n',
])
def test_publication_date_keys_and_formats(front):
    doc = doc_of(front + "\nBody.\n")
    assert doc.published == dt.date(2025, 5, 20) and not doc.warnings


def test_date_keys_are_configurable_and_ordered():
    text = "---\nissued: 2025-05-21\ndate: 2025-05-20\n---\n\nBody.\n"
    assert doc_of(text).published == dt.date(2025, 5, 20)
    assert doc_of(text, options=Settings(date_keys=["issued", "date"])).published == dt.date(2025, 5, 21)


def test_a_date_key_that_is_not_a_date_is_said():
    doc = doc_of("---\npubDate: next week\n---\n\nBody.\n")
    assert doc.published is None and "pubDate 'next week' is not a date" in doc.warnings[0]


def test_html_publication_date_sources():
    for head in ('<meta property="article:published_time" content="2025-05-20T08:00:00+02:00">',
                 '<meta name="publishdate" content="2025-05-20">',
                 '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-05-20"}</script>'):
        assert doc_of(f"<html><head>{head}</head><body><p>Body.</p></body></html>", "a.html").published == \
            dt.date(2025, 5, 20)
    page = '<article><time datetime="2025-05-20T10:00">20 May</time><p>Body.</p></article>'
    assert doc_of(page, "a.html").published == dt.date(2025, 5, 20)


def test_a_missing_publication_date_is_said_once_per_file(project):
    project.config(select=["D104"], plugins=[])
    project.write("a.md", "---\ntitle: Council meets\n---\n\nThe council will meet on 3 March.\n")
    project.write("b.md", "---\ndate: 2025-03-10\n---\n\nThe council will meet on 3 March.\n")
    code, out, err = project.run("--no-cache", "a.md", "b.md")
    notes = [line for line in err.splitlines() if "no publication date" in line]
    assert notes == ["factlint: a.md: info: no publication date (no front-matter date key, HTML date metadata or "
                     "--published); checks that count from it said nothing about such dates"]
    assert "b.md:5" in out  # the dated article is checked against its date
    code, out, err = project.run("--no-cache", "--select", "T506", "a.md")
    assert "no publication date" not in err  # no check that ran needed one


def test_settings_reach_the_reader_through_the_cli(project):
    project.config(select=["Z901"], front_matter_text=["kicker"])
    project.write("a.md", "---\ntitle: A quay\nkicker: Another quay\n---\n\nBody.\n")
    out = project.run("--no-cache", "a.md")[1]
    assert out.startswith("a.md:3:17: Z901") and "a.md:2:" not in out


def test_repository_root_fixtures_parse(shared):
    """Every shared case with front matter gets its title as a heading block (when it has one)."""
    for path in sorted((shared / "cases").glob("*.md")):
        doc = read(decode(path.name, path.read_bytes()))
        title = doc.meta.get("title")
        if isinstance(title, str):
            assert doc.blocks[0].kind == "heading" and doc.text[doc.blocks[0].start:doc.blocks[0].end] == title.strip()



def test_a_folder_of_undated_articles_gets_a_count_after_the_first_few(project):
    project.config(select=["D104"], plugins=[])
    for n in range(8):
        project.write(f"a{n}.md", "---\ntitle: Council meets\n---\n\nThe council will meet on 3 March.\n")
    code, out, err = project.run("--no-cache", "--jobs", "1", ".")
    notes = [line for line in err.splitlines() if "no publication date" in line]
    assert [n.split(":")[1].strip() for n in notes[:5]] == [f"a{n}.md" for n in range(5)]
    assert notes[5].startswith("factlint: and 3 more files: info: no publication date")
    assert len(notes) == 6
