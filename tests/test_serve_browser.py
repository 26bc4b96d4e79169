"""The editors' page in a real browser: Debian's chromium driven by Playwright (never Playwright's own
browser download), against a real ``factlint serve`` on loopback.

Every test's page must fetch nothing but the server's own address, break no Content-Security-Policy rule
and raise no script error. A screenshot of the page with findings is saved under tmp/artefacts/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) is not installed").expect

from tests.serve_support import (  # noqa: F401 (fixtures)
    ROOT,
    SEED,
    SEED_PUBLISHED,
    cases,
    server,
    workdir,
)
from tests.test_html_report import browser  # noqa: F401 (the chromium fixture, shared with the HTML report)
from tests.test_serve import HOSTILE

ARTEFACTS = ROOT / "tmp" / "artefacts"


@pytest.fixture
def page(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    problems: list[str] = []
    elsewhere: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith((server.url, "blob:" + server.url.rstrip("/")))
            else elsewhere.append(r.url))
    page.goto(server.url)
    settle(page)
    yield page
    context.close()
    assert not elsewhere, f"the page fetched from elsewhere: {elsewhere}"
    assert not [p for p in problems if not any(f"status of {n}" in p for n in (409, 413, 422))], problems  # provoked


def settle(page) -> None:
    """Wait until no check is scheduled or on its way (selectors, not scripts: the page's CSP forbids eval)."""
    page.locator("body[data-busy='0']").wait_for(state="attached", timeout=30000)


def status_starts(page, prefix: str) -> None:
    expect(page.locator("#status")).to_have_text(re.compile("^" + re.escape(prefix)), timeout=30000)


def paste(page, text: str, kind: str = "txt", published: str | None = SEED_PUBLISHED) -> None:
    page.select_option("#kind", kind)
    page.fill("#published", published or "")
    page.fill("#text", text)
    settle(page)


def test_paste_the_seed_and_see_d101_with_its_other_side(page):
    text = SEED.read_text(encoding="utf-8")
    paste(page, text)
    assert page.inner_text("#status").startswith("6 findings (1 error, 5 warnings)")
    d101 = page.locator("mark.fl-primary.fl-fam-D")
    assert d101.first.inner_text() == "14 April 2025"
    assert "14 May 2025" in d101.first.get_attribute("title")  # the message, on hover
    related = page.locator('mark.fl-related[data-finding="f0"]')
    assert related.count() == 1 and related.inner_text() == "14 May 2025"
    assert page.inner_text(".fl-family.fl-fam-D h3") == "dates 1" and page.inner_text(".fl-family.fl-fam-T h3") == "text 5"

    d101.first.click()
    detail = page.locator("#detail")
    assert detail.is_visible()
    assert "D101 date-conflict [error] at 4:4" in page.inner_text("#detail-title")
    assert "'14 April 2025'" in page.inner_text("#detail-message")
    assert "What it checks" in page.inner_text("#detail-explain")
    assert "fl-selected" in related.get_attribute("class")  # both sides of the conflict light up
    page.click("#detail-related a")
    assert page.evaluate("location.hash") == "#f0-r0"

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "serve-page.png"), full_page=True)
    readme_image = os.environ.get("FACTLINT_README_SCREENSHOT")  # how docs/serve-page.png was made
    if readme_image:
        small = page.context.browser.new_context(viewport={"width": 1280, "height": 880}, device_scale_factor=0.6)
        shot = small.new_page()
        shot.goto(page.url)
        paste(shot, text)
        shot.locator("mark.fl-primary.fl-fam-D").first.click()
        shot.screenshot(path=readme_image)
        small.close()


def test_accept_changes_the_text_and_the_finding_goes(page):
    text = SEED.read_text(encoding="utf-8")
    paste(page, text)
    page.click('#f0-card button.fl-accept')
    settle(page)
    value = page.input_value("#text")
    assert "On 14 May 2025, the Trans-Caspian Transport Forum was held" in value and "14 April" not in value
    assert page.locator("mark.fl-fam-D").count() == 0 and page.locator(".fl-card.fl-fam-D").count() == 0
    assert page.inner_text("#status").startswith("Accepted D101. 5 findings")
    page.focus("#text")
    page.keyboard.press("Control+z")  # the accepted suggestion is one edit of the text area
    assert page.input_value("#text") == text


def test_accept_from_the_detail_panel_and_fix_all(page):
    paste(page, SEED.read_text(encoding="utf-8"))
    page.click(".fl-card.fl-fam-T .fl-code >> text=T504")
    page.click("#detail-accept")
    settle(page)
    assert "The trans-Caspian route" in page.input_value("#text")
    page.click("#fix-all")
    settle(page)
    assert page.inner_text("#status").startswith("Applied")
    codes = page.locator(".fl-card .fl-code").all_inner_texts()
    assert codes == ["T503"]  # the unsafe deletion is left to the editor
    assert page.is_disabled("#fix-all")


def test_upload_a_file(page, tmp_path):
    article = tmp_path / "harbour.md"
    article.write_text("---\ntitle: Harbour\ndate: 2025-05-20\n---\n\nThe the harbour reopened on "
                       "Tuesday, 19 May 2025.\n", encoding="utf-8")
    page.fill("#published", "")
    settle(page)
    page.set_input_files("#file", str(article))
    status_starts(page, "Opened harbour.md")
    settle(page)
    assert page.input_value("#text") == article.read_text(encoding="utf-8")
    assert page.input_value("#kind") == "md"
    assert page.inner_text("#article-date") == "dated 2025-05-20 in the article"
    assert {"T506", "D102"} <= set(page.locator(".fl-card .fl-code").all_inner_texts())
    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename == "harbour.md"
    assert Path(download.value.path()).read_text(encoding="utf-8") == page.input_value("#text")


def test_a_file_that_is_not_an_article(page, tmp_path):
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    page.set_input_files("#file", str(picture))
    page.locator("#status[data-state='error']").wait_for(state="attached")
    assert "binary file" in page.inner_text("#status")


def test_a_file_over_the_limit_gets_the_servers_message(page, tmp_path):
    big = tmp_path / "long.txt"
    big.write_text("The port reopened. " * 150_000, encoding="utf-8")  # 2.7 MB
    page.set_input_files("#file", str(big))
    page.locator("#status[data-state='error']").wait_for(state="attached")
    assert "over this server's limit of 2.0 MB" in page.inner_text("#status")


def test_a_hostile_article_is_shown_as_text(page):
    paste(page, HOSTILE, kind="md", published=None)
    assert page.locator("#article script, #article img, #article b, #article i, #findings img").count() == 0
    assert shown_text(page) == HOSTILE  # character for character, entities as written
    hostile_html = '<p>The the plan "><img src=x onerror=alert(3)><script>alert(4)</script></p>'
    paste(page, hostile_html, kind="html", published=None)
    assert page.locator("#article img, #article script").count() == 0
    assert shown_text(page) == hostile_html
    assert page.locator("mark.fl-fam-T").count() >= 1


def shown_text(page) -> str:
    """The article as the page shows it, without the small links after each highlight."""
    return page.locator("#article pre").evaluate(
        "pre => { const c = pre.cloneNode(true); c.querySelectorAll('a.fl-ref').forEach(a => a.remove()); "
        "return c.textContent; }")


def test_findings_appear_as_the_editor_types(page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if r.url.endswith("/api/lint") else None)
    page.select_option("#kind", "txt")
    settle(page)
    requests.clear()
    page.click("#text")
    page.keyboard.type("The minister said the the plan was ready.", delay=15)
    settle(page)
    assert page.locator("mark.fl-fam-T").inner_text() == "the the"
    assert 1 <= len(requests) <= 5  # debounced: not one request a keystroke


def test_the_check_button_when_not_checking_as_one_types(page):
    page.uncheck("#live")
    page.fill("#text", "The the port reopened.")
    page.wait_for_timeout(800)
    assert page.locator("mark.fl-mark").count() == 0
    page.click("#check")
    settle(page)
    assert page.locator("mark.fl-fam-T").count() == 1


def test_family_filters_hide_a_family(page):
    paste(page, SEED.read_text(encoding="utf-8"))
    page.uncheck("#fl-show-T")
    assert not page.locator(".fl-family.fl-fam-T").is_visible()
    assert page.locator(".fl-family.fl-fam-D").is_visible()


def test_copy(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page.url.rstrip("/"))
    paste(page, "The the port reopened.")
    page.click("#copy")
    expect(page.locator("#status")).to_contain_text("clipboard")
    assert page.evaluate("navigator.clipboard.readText()") == "The the port reopened."


def test_the_page_shows_the_clis_findings_for_every_case(page, cases):
    """Each file of ../shared/cases opened on the page lists the findings the CLI reports for it."""
    wrong = []
    for case in cases:
        page.fill("#published", case.published or "")
        settle(page)
        page.set_input_files("#file", str(case.path))
        status_starts(page, f"Opened {case.path.name}")
        settle(page)
        shown = page.eval_on_selector_all(".fl-card", """cards => cards.map(c => [
            c.querySelector('a').textContent, c.querySelector('.fl-code').textContent, c.textContent])""")
        shown.sort(key=lambda s: (tuple(map(int, s[0].split(":"))), s[1]))
        cli = sorted(case.findings, key=lambda f: (f["line"], f["column"], f["code"]))
        if [(s[0], s[1]) for s in shown] != [(f"{f['line']}:{f['column']}", f["code"]) for f in cli] or \
                not all(f["message"] in s[2] for s, f in zip(shown, cli)):
            wrong.append(case.path.name)
        marks = page.locator("mark.fl-primary[id]").count()
        if marks != len(cli):
            wrong.append(f"{case.path.name}: {marks} highlighted spans for {len(cli)} findings")
    assert not wrong, wrong
