"""--format html: one self-contained, script-free page; hostile article text stays text; checked in a real
headless Chromium (Debian's chromium, driven by Playwright) that finds the highlighted spans."""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

HOSTILE = ('# Notes <script>alert("title")</script>\n\n'
           'The minister said the the plan "><img src=x onerror=alert(1)> was ready &amp; fine.\n\n'
           "The firm intends to to start <b onclick=alert(2)>work</b> &lt;script&gt; &#60;i&#62;.\n")
SUMMIT = ("The harbour board met in Gdansk on 14 May 2025.\n\nOn the eve of the meeting, on 13 May, the unions "
          "spoke.\n\nOn 14 April 2025, the harbour board met in Gdansk, a spokesman said.\n")


class _Elements(HTMLParser):
    """Every element and attribute of a page, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


class _Report(type(Path())):
    findings = 0


@pytest.fixture
def report(project):
    project.config(select=["D", "T"])
    project.write("hostile.md", HOSTILE)
    project.write("summit.txt", SUMMIT)
    project.write("clean.txt", "Nothing to see here.\n")
    code, out, err = project.run("--format", "html", "--published", "2025-05-20", "-o", "report.html",
                                 "hostile.md", "summit.txt", "clean.txt")
    assert code == 1 and out == "", err
    import json

    findings = json.loads(project.run("--format", "json", "--published", "2025-05-20", "hostile.md", "summit.txt")[1])
    report = _Report(project.path / "report.html")
    report.findings = len(findings["findings"])  # type: ignore[attr-defined]
    return report


def test_article_text_never_becomes_markup(report):
    page = report.read_text(encoding="utf-8")
    parser = _Elements()
    parser.feed(page)
    tags = {tag for tag, _ in parser.tags}
    assert not tags & {"script", "img", "b", "i", "iframe", "link", "object"}
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in page or "&lt;script&gt;alert(" in page
    assert "&amp;lt;script&amp;gt;" in page  # an entity in the article is shown as written
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "http://" not in page and "https://" not in page.replace('content="https', "")  # nothing to fetch


def test_every_finding_has_its_span_card_and_links(report):
    page = report.read_text(encoding="utf-8")
    parser = _Elements()
    parser.feed(page)
    ids = {attrs["id"] for _, attrs in parser.tags if "id" in attrs}
    links = [attrs["href"][1:] for tag, attrs in parser.tags if tag == "a" and attrs.get("href", "").startswith("#")]
    assert links and set(links) <= ids  # every link lands
    primaries = [a for t, a in parser.tags if t == "mark" and "fl-primary" in a["class"] and "id" in a]
    assert len(primaries) == report.findings >= 3  # one highlighted span per finding
    assert any("fl-related" in a["class"] for t, a in parser.tags if t == "mark")
    assert "no findings" in page and "clean.txt" in page


def test_highlight_nests_overlapping_spans_and_escapes():
    from factlint.findings import Finding, RelatedLocation
    from factlint.reporters.highlight import highlight

    text = "a <b> & c"
    outer = Finding("x", 1, 1, 1, 10, "T501", "n", "warning", "m<", (RelatedLocation("x", 1, 9, 1, 10, "r", 8, 9),),
                    start=0, end=9)
    inner = Finding("x", 1, 3, 1, 6, "D101", "n", "error", 'say "hi"', start=2, end=5)
    out = highlight(text, [outer, inner], "p")
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert out.count("<mark") == 6 and out.count("</mark>") == 6  # 4 pieces, two of them under two spans
    assert 'title="D101 n: say &quot;hi&quot;"' in out
    assert 'id="p0-r0"' in out and 'href="#p1-card"' in out and 'href="#p0"' in out


FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it with apt-get where it can)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=FLAGS)
        yield b
        b.close()


def test_the_report_in_chromium(browser, report, tmp_path):
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    dialogs, requests = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    marks = page.locator("mark.fl-primary")
    assert marks.count() >= report.findings
    assert "the the" in page.locator("mark.fl-primary.fl-fam-T").first.inner_text()
    assert page.locator("img, script").count() == 0 and not dialogs
    assert "<script>" in page.locator("pre.fl-text").first.inner_text()  # shown as text
    assert requests == [report.as_uri()]
    # the D101 card links to the other side of the conflict
    card = page.locator(".fl-card.fl-fam-D").first
    card.locator(".fl-related-list a").first.click()
    target = page.evaluate("location.hash")
    assert target.endswith("-r0") and "14 May 2025" in page.locator(target).inner_text()
    # unticking a family hides its cards
    assert card.is_visible()
    page.locator("#fl-show-D").uncheck()
    assert not card.is_visible() and page.locator(".fl-card.fl-fam-T").first.is_visible()
    page.screenshot(path=str(tmp_path / "report.png"))
    if os.environ.get("FACTLINT_ARTEFACTS"):  # CI keeps the screenshot
        Path(os.environ["FACTLINT_ARTEFACTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / "report.png", Path(os.environ["FACTLINT_ARTEFACTS"]) / "html-report.png")
    page.close()
