"""End to end: pytest-lsp's client talks to ``factlint lsp`` over stdio, as an editor would."""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import client_capabilities  # noqa: E402

import factlint  # noqa: E402
from factlint.lsp.text import UTF16, TextDocument  # noqa: E402
from tests.conftest import FIXTURES, ROOT  # noqa: E402
from tests.lsp_client import SERVER, change, make_client, open_document, published  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="function")
SEED = (FIXTURES / "summit-translation.txt").read_text(encoding="utf-8")
PLUGIN = ROOT / "tests" / "lsp_checks.py"


@contextlib.asynccontextmanager
async def session(root: Path, options: dict | None = None, capabilities: str = "visual-studio-code",
                  encodings: list[str] | None = None):
    client = make_client()
    await client.start_io(*SERVER, cwd=str(root))
    caps = client_capabilities(capabilities)
    if encodings is not None:
        caps.general = lsp.GeneralClientCapabilities(position_encodings=encodings)
    result = await client.initialize_session(lsp.InitializeParams(
        capabilities=caps, root_uri=root.as_uri(), initialization_options={"debounce": 20, **(options or {})}))
    client.server_info = result
    try:
        yield client
    finally:
        await client.shutdown_session()


async def open_seed(client, folder: Path) -> tuple[str, lsp.PublishDiagnosticsParams]:
    """Open the seed-like fixture and wait for its first diagnostics."""
    uri = open_document(client, folder / "summit.txt", SEED)
    _, params = await published(client, uri, 1)
    return uri, params


def diagnostics(params: lsp.PublishDiagnosticsParams, code: str | None = None) -> list[lsp.Diagnostic]:
    return [d for d in params.diagnostics if code is None or d.code == code]


def units16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def write_config(folder: Path, **keys) -> None:
    lines = [f"{key} = {json.dumps(value)}" for key, value in keys.items()]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "factlint.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


async def test_seed_fixture_gives_d101_with_its_related_location(tmp_path):
    async with session(tmp_path) as client:
        uri, params = await open_seed(client, tmp_path)
    (d101,) = diagnostics(params, "D101")
    assert params.version == 1
    assert d101.severity == lsp.DiagnosticSeverity.Error
    assert d101.source == "factlint"
    lines = SEED.split("\n")
    start, end = d101.range.start, d101.range.end
    assert lines[start.line][start.character:end.character] == "14 April 2025"
    assert "14 May 2025" in d101.message
    (related,) = d101.related_information
    assert related.location.uri == uri
    r = related.location.range
    assert lines[r.start.line][r.start.character:r.end.character] == "14 May 2025"
    href = d101.code_description.href
    assert href.startswith("file://") and "#L" in href
    doc_file = Path(href[len("file://"):].split("#")[0])
    assert doc_file.is_file() and "class DateConflict" in doc_file.read_text(encoding="utf-8") or \
        "date-conflict" in doc_file.read_text(encoding="utf-8")


async def test_fixing_the_date_clears_the_diagnostic(tmp_path):
    async with session(tmp_path) as client:
        uri, params = await open_seed(client, tmp_path)
        (d101,) = diagnostics(params, "D101")
        line = d101.range.start.line
        column = SEED.split("\n")[line].index("April")
        change(client, uri, 2, (line, column), (line, column + len("April")), "May")
        _, params = await published(client, uri, 2)
    assert diagnostics(params, "D101") == []
    assert diagnostics(params, "T504"), "the other findings stay"


def apply_edits(text: str, edits) -> str:
    """What the client does with a TextDocumentEdit: every range refers to the text before the edit."""
    doc = TextDocument("file:///x", "plaintext", 0, text)
    spans = [(doc.offset(e.range.start.line, e.range.start.character, UTF16),
              doc.offset(e.range.end.line, e.range.end.character, UTF16), e.new_text) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        doc.edit(start, end, new)
    return doc.text


async def test_a_code_action_applies_the_fix_model(tmp_path):
    async with session(tmp_path) as client:
        uri, params = await open_seed(client, tmp_path)
        (t504,) = diagnostics(params, "T504")
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=t504.range,
            context=lsp.CodeActionContext(diagnostics=[t504])))
        quick = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
        assert [(a.diagnostics[0].code, a.is_preferred) for a in quick] == [("T504", True)]
        assert quick[0].title == "T504: replace with 'trans-Caspian'"
        (edit,) = quick[0].edit.document_changes
        assert edit.text_document.version == 1
        fixed = apply_edits(SEED, edit.edits)
        assert "trans-Caspian route" in fixed and fixed.replace("trans-Caspian", "trans—Caspian") == SEED
        change(client, uri, 2, (0, 0), (len(SEED.split("\n")), 0), fixed)
        _, params = await published(client, uri, 2)
        assert diagnostics(params, "T504") == []
        (t503,) = diagnostics(params, "T503")
        unsafe = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=t503.range,
            context=lsp.CodeActionContext(diagnostics=[t503])))
        fix_all = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll"])))
    (action,) = [a for a in unsafe if a.kind == lsp.CodeActionKind.QuickFix]
    assert not action.is_preferred and "(unsafe: " in action.title
    (action,) = fix_all
    assert action.kind == "source.fixAll.factlint"
    expected = factlint.apply_fixes(fixed, factlint.lint_text(fixed, "txt")).text
    assert expected != fixed
    assert apply_edits(fixed, action.edit.document_changes[0].edits) == expected


NON_BMP = "Emoji 😀🎉 and CJK 北京 then 𠀋 and the the quay.\nThe 👩‍💻 desk said said so.\n"


@pytest.mark.parametrize(("encodings", "measure"), [
    (None, units16),
    (["utf-8"], lambda s: len(s.encode("utf-8"))),
    (["utf-32"], len),
])
async def test_positions_count_the_negotiated_code_units(tmp_path, encodings, measure):
    async with session(tmp_path, encodings=encodings) as client:
        assert client.server_info.capabilities.position_encoding == (encodings or ["utf-16"])[0]
        uri = open_document(client, tmp_path / "emoji.txt", NON_BMP)
        _, params = await published(client, uri, 1)
        found = diagnostics(params, "T506")
        assert len(found) == 2, params.diagnostics
        lines = NON_BMP.split("\n")
        for d, word in zip(sorted(found, key=lambda d: d.range.start.line), ("the the", "said said")):
            line = lines[d.range.start.line]
            at = line.index(word)
            assert d.range.start.character == measure(line[:at])
            # a hover at the flagged word's last unit finds it
            end = d.range.end.character - 1
            hover = await client.text_document_hover_async(lsp.HoverParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri),
                position=lsp.Position(line=d.range.start.line, character=end)))
            assert hover is not None and "T506" in hover.contents.value
        # an edit after the non-BMP characters lands where the client meant it
        line0 = lines[0]
        at = line0.index("quay")
        change(client, uri, 2, (0, measure(line0[:at])), (0, measure(line0[:at + 4])), "port")
        change(client, uri, 3, (0, measure(line0[:line0.index("the the")])),
               (0, measure(line0[:line0.index("the the") + 4])), "")
        _, params = await published(client, uri, 3)
    assert [d.range.start.line for d in diagnostics(params, "T506")] == [1]


async def test_line_breaks_are_lsp_line_breaks(tmp_path):
    """CR, CRLF and LF break lines; U+2028 and form feeds do not (pygls's own store gets this wrong)."""
    text = "Intro\u2028still line one.\r\nSecond line.\rThird line \x0c with the the word.\n"
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "breaks.txt", text)
        _, params = await published(client, uri, 1)
        (d,) = diagnostics(params, "T506")
        assert (d.range.start.line, d.range.start.character) == (2, len("Third line \x0c with "))
        change(client, uri, 2, (0, 0), (0, 0), "New ")
        change(client, uri, 3, (1, 0), (1, 0), "A ")
        _, params = await published(client, uri, 3)
    (d,) = diagnostics(params, "T506")
    assert (d.range.start.line, d.range.start.character) == (2, len("Third line \x0c with "))


async def test_hover_shows_factlint_explain(tmp_path):
    async with session(tmp_path) as client:
        uri, params = await open_seed(client, tmp_path)
        (d101,) = diagnostics(params, "D101")
        hover = await client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=d101.range.start))
        nothing = await client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=0, character=0)))
    explain = subprocess.run([sys.executable, "-m", "factlint", "explain", "D101"], capture_output=True,
                             text=True, cwd=tmp_path).stdout
    assert hover.contents.kind == lsp.MarkupKind.Markdown
    assert "**D101 date-conflict (error, on by default)**" in hover.contents.value
    for section in ("What it checks", "Why an editor cares", "Fires on", "Passes"):
        assert f"**{section}**" in hover.contents.value
    summary = explain.splitlines()[2]
    assert summary in hover.contents.value
    assert hover.range == d101.range
    assert nothing is None


async def test_project_config_is_read_per_file_and_editor_settings_win(tmp_path):
    write_config(tmp_path / "wire", ignore=["D101"])
    write_config(tmp_path / "desk", select=["T504"])
    async with session(tmp_path) as client:
        wire = open_document(client, tmp_path / "wire" / "a.txt", SEED)
        desk = open_document(client, tmp_path / "desk" / "a.txt", SEED)
        plain = open_document(client, tmp_path / "a.txt", SEED)
        codes = {}
        for uri in (wire, desk, plain):
            _, params = await published(client, uri, 1)
            codes[uri] = {d.code for d in params.diagnostics}
        assert "D101" not in codes[wire] and "T504" in codes[wire]
        assert codes[desk] == {"T504"}
        assert {"D101", "T504", "T503"} <= codes[plain]
        since = len(client.published)
        client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
            settings={"factlint": {"ignore": ["T504"], "debounce": 20}}))
        _, params = await published(client, plain, 1, since=since)
        assert "T504" not in {d.code for d in params.diagnostics}
        _, params = await published(client, desk, 1, since=since)
        assert {d.code for d in params.diagnostics} == set(), "the editor's ignore replaces the project's"
        # a config file edited on disk is honoured on the next lint
        write_config(tmp_path / "wire", select=["T503"])
        since = len(client.published)
        client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(
            uri=(tmp_path / "wire" / "factlint.toml").as_uri(), type=lsp.FileChangeType.Changed)]))
        _, params = await published(client, wire, 1, since=since)
        assert {d.code for d in params.diagnostics} == {"T503"}
        assert any(r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations)


async def test_settings_are_pulled_when_the_client_only_says_they_changed(tmp_path):
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", SEED)
        await published(client, uri, 1)
        client.set_configuration({"ignore": ["D101"]}, section="factlint")
        since = len(client.published)
        client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))
        _, params = await published(client, uri, 1, since=since)
    assert "D101" not in {d.code for d in params.diagnostics}


async def test_bad_settings_and_bad_config_are_reported_not_fatal(tmp_path):
    write_config(tmp_path / "broken", select=["NOPE"])
    (tmp_path / "toml").mkdir()
    (tmp_path / "toml" / "factlint.toml").write_text("select = [", encoding="utf-8")
    async with session(tmp_path, options={"debounce": "soon", "published": "2025-13-45", "colour": 1}) as client:
        broken = open_document(client, tmp_path / "broken" / "a.txt", SEED)
        toml = open_document(client, tmp_path / "toml" / "a.txt", SEED)
        ok = open_document(client, tmp_path / "a.txt", SEED)
        _, b = await published(client, broken, 1)
        _, t = await published(client, toml, 1)
        _, o = await published(client, ok, 1)
        logs = [m.message for m in client.log_messages]
    (only,) = b.diagnostics
    assert "'NOPE' matches no check" in only.message and only.range.start == lsp.Position(line=0, character=0)
    (only,) = t.diagnostics
    assert "not valid TOML" in only.message
    assert any(d.code == "D101" for d in o.diagnostics)
    assert any("settings not applied" in m and "debounce" in m and "published" in m for m in logs)
    assert any("unknown settings ignored: colour" in m for m in logs)


async def test_binary_huge_and_raising_documents_give_one_diagnostic(tmp_path):
    write_config(tmp_path, **{"plugins": [str(PLUGIN)], "extend-select": ["Z911", "Z914"]})
    huge = "Word " * (21 * 1024 * 1024 // 5)
    async with session(tmp_path) as client:
        binary = open_document(client, tmp_path / "b.txt", "PK\x03\x04\x00\x00binary")
        big = open_document(client, tmp_path / "huge.txt", huge)
        raising = open_document(client, tmp_path / "r.txt", "The plan may explode. The quay chat.\n")
        after = open_document(client, tmp_path / "s.txt", SEED)
        results = {}
        for uri in (binary, big, raising, after):
            _, params = await published(client, uri, 1)
            results[uri] = params.diagnostics
    (d,) = results[binary]
    assert "binary" in d.message and d.severity == lsp.DiagnosticSeverity.Warning
    (d,) = results[big]
    assert "over the 20 MB limit" in d.message
    failed = [d for d in results[raising] if d.code is None]
    assert len(failed) == 1 and "Z911" in failed[0].message and "RuntimeError: boom" in failed[0].message
    assert [d.code for d in results[raising] if d.code] == ["Z914"], "a check that prints cannot break the protocol"
    assert any(d.code == "D101" for d in results[after])


@pytest.mark.slow
async def test_the_time_limit_applies_and_a_stuck_check_is_ended(tmp_path):
    write_config(tmp_path, **{"plugins": [str(PLUGIN)], "extend-select": ["Z912", "Z913"]})
    async with session(tmp_path, options={"timeLimit": 1}) as client:
        slow = open_document(client, tmp_path / "slow.txt", "They linger at the quay.\n")
        _, params = await published(client, slow, 1, timeout=20)
        (d,) = params.diagnostics
        assert "checks stopped after 1 s" in d.message and "Z912" in d.message
        stuck = open_document(client, tmp_path / "stuck.txt", "A stubborn quay.\n")
        _, params = await published(client, stuck, 1, timeout=30)
        (d,) = params.diagnostics
        assert "gave no answer within" in d.message
        after = open_document(client, tmp_path / "after.txt", SEED)
        _, params = await published(client, after, 1, timeout=30)
    assert any(d.code == "D101" for d in params.diagnostics), "a new worker took over"


async def test_markdown_and_html_documents(tmp_path):
    md = "---\ntitle: A\n---\n\n# Forum\n\nThe the forum met in `the the` Baku.\n"
    html = "<html><body><p>The forum &amp; the the port.</p><script>the the</script></body></html>"
    async with session(tmp_path) as client:
        m = open_document(client, tmp_path / "a.md", md, "markdown")
        h = open_document(client, tmp_path / "a.html", html, "html")
        other = open_document(client, tmp_path / "a.py", "the the\n", "python")
        _, pm = await published(client, m, 1)
        _, ph = await published(client, h, 1)
        _, po = await published(client, other, 1)
    (d,) = diagnostics(pm, "T506")
    assert md.split("\n")[d.range.start.line][d.range.start.character:d.range.end.character] == "The the"
    (d,) = diagnostics(ph, "T506")
    assert html[d.range.start.character:d.range.end.character] == "the the"
    assert list(po.diagnostics) == []


async def test_close_clears_diagnostics_and_nothing_is_written(tmp_path):
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    write_config(tmp_path, ignore=["T506"])
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "unsaved.txt", SEED)
        await published(client, uri, 1)
        since = len(client.published)
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri)))
        _, params = await published(client, uri, since=since)
    assert list(params.diagnostics) == []
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert after == sorted([*before, Path("factlint.toml")]), "no cache, no config memo, no document written"


async def test_stale_results_are_not_published(tmp_path):
    async with session(tmp_path, options={"debounce": 0}) as client:
        uri = open_document(client, tmp_path / "a.txt", SEED)
        for version in range(2, 30):
            change(client, uri, version, (0, 0), (0, 0), "A")
        _, params = await published(client, uri, 29)
        versions = [p.version for _, p in client.published if p.uri == uri]
    assert versions == sorted(versions), "never an older version after a newer one"
    line = params.diagnostics[0].range.start.line
    assert any(d.code == "D101" for d in params.diagnostics) and line >= 0


async def test_a_check_that_ends_the_worker_does_not_end_the_server(tmp_path):
    write_config(tmp_path, **{"plugins": [str(PLUGIN)], "extend-select": ["Z915"]})
    async with session(tmp_path) as client:
        gone = open_document(client, tmp_path / "gone.txt", "The quay may vanish.\n")
        _, params = await published(client, gone, 1)
        (d,) = params.diagnostics
        assert "ended (exit code 3)" in d.message
        after = open_document(client, tmp_path / "after.txt", SEED)
        _, params = await published(client, after, 1)
    assert any(d.code == "D101" for d in params.diagnostics)


async def test_the_published_setting_reaches_the_checks(tmp_path):
    async with session(tmp_path, options={"published": "2025-05-20"}) as client:
        uri, params = await open_seed(client, tmp_path)
        (d101,) = diagnostics(params, "D101")
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=d101.range,
            context=lsp.CodeActionContext(diagnostics=[d101])))
    assert "the article is dated 20 May 2025" in d101.message
    (quick,) = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
    assert quick.is_preferred and apply_edits(SEED, quick.edit.document_changes[0].edits).count("14 May 2025") == 2
