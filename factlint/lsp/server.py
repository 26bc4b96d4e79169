"""``factlint lsp``: findings as diagnostics while the writer types, on pygls.

The server holds the open documents (``text.TextDocument``), debounces edits
and sends each document's text to a worker process (``worker.py``) that lints
it in memory; answers come back as code-point offsets, which become LSP ranges
in the negotiated encoding here. A document that changed while it was being
linted is linted again rather than shown with stale positions.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from factlint import __version__
from factlint.config import CONFIG_NAMES
from factlint.lsp.text import UTF8, UTF16, UTF32, TextDocument
from factlint.source import MAX_BYTES

log = logging.getLogger("factlint.lsp")

SEVERITIES = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
              "info": lsp.DiagnosticSeverity.Information}
FIX_ALL = "source.fixAll.factlint"
WORKER_GRACE = 5.0  # seconds past the time limit before a silent worker is ended
ANSWER_LIMIT = 1 << 28  # bytes of one worker answer (findings of a 20 MB document fit)
WARM_UP = "On Monday, 3 March 2025, the council met in the town hall.\n"


class EditorSettings(BaseModel):
    """The ``factlint`` settings an editor sends (initializationOptions, didChangeConfiguration, workspace/configuration)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    command: list[str] | None = None  # how the editor starts the server (editors/vscode); not read here
    config: str | None = None  # a config file, as --config (else the nearest one to each document)
    select: list[str] | None = None  # as --select: replaces the project's selection
    extend_select: list[str] | None = Field(None, alias="extendSelect")
    ignore: list[str] | None = None
    facts: list[str] = []  # as --facts, added to the project's
    published: dt.date | None = None  # YYYY-MM-DD, as --published
    time_limit: float | None = Field(None, alias="timeLimit", gt=0)  # seconds for one document's checks
    debounce: int = Field(150, ge=0, le=10_000)  # milliseconds of quiet after an edit before linting


@dataclass(eq=False)
class Linted:
    """What the worker said about one version of a document, kept for code actions and hover."""

    version: int
    findings: list[dict] = field(default_factory=list)
    fix_all: list[dict] = field(default_factory=list)  # the safe fixes' edits, as factlint.apply_fixes takes them
    diagnostics: list[lsp.Diagnostic] = field(default_factory=list)  # one per finding, same order


@dataclass(eq=False)
class OpenDocument:
    doc: TextDocument
    path: str | None
    timer: asyncio.TimerHandle | None = None
    linted: Linted | None = None


class FactlintProtocol(LanguageServerProtocol):
    """pygls's protocol without its own copy of the documents (the server keeps one, see ``text``), and
    without its leak: pygls 2 files the future of every notification whose handler is a generator or a
    coroutine (didChange among them) under a fresh id and never removes it, about 2 KB an edit."""

    def _handle_notification(self, method_name: str, params: Any) -> None:
        before = set(self._request_futures)
        super()._handle_notification(method_name, params)
        for key in set(self._request_futures) - before:
            self._request_futures[key].add_done_callback(lambda _, key=key: self._request_futures.pop(key, None))

    def _user(self, method: str, params: Any):
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: lsp.DidOpenTextDocumentParams):
        yield from self._user(lsp.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        yield from self._user(lsp.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: lsp.DidCloseTextDocumentParams):
        yield from self._user(lsp.TEXT_DOCUMENT_DID_CLOSE, params)

    @lsp_method(lsp.EXIT)
    def lsp_exit(self, *args):
        """Over TCP, end the connection's loop rather than raise SystemExit inside asyncio's callback."""
        if not getattr(self._server, "tcp", False):
            yield from super().lsp_exit(*args)
            return
        self._server._stop_event.set()


class Worker:
    """The lint process: started on first use, ended and restarted when it hangs or dies."""

    def __init__(self) -> None:
        self._proc: asyncio.subprocess.Process | None = None
        self._lock = asyncio.Lock()
        self._ids = 0

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    async def lint(self, request: dict, timeout: float) -> dict:
        async with self._lock:
            try:
                return await self._ask(request, timeout)
            except (OSError, ValueError, asyncio.LimitOverrunError) as exc:
                await self.stop()
                return {"error": f"the checking process failed ({type(exc).__name__}: {exc}); it was restarted"}

    async def _ask(self, request: dict, timeout: float) -> dict:
        if self._proc is None or self._proc.returncode is not None:
            self._proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "factlint.lsp.worker", stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE, limit=ANSWER_LIMIT)
        self._ids += 1
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps({**request, "id": self._ids}).encode() + b"\n")
        await self._proc.stdin.drain()
        try:
            line = await asyncio.wait_for(self._proc.stdout.readline(), timeout)
        except asyncio.TimeoutError:
            await self.stop()
            return {"error": f"its checks gave no answer within {timeout:g} s and were stopped"}
        if not line:
            code = await self._proc.wait()
            self._proc = None
            return {"error": f"the checking process ended (exit code {code}) on it; it was restarted"}
        return json.loads(line)

    async def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.returncode is not None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), 2)
        except asyncio.TimeoutError:
            proc.kill()
            await proc.wait()


class LintQueue:
    """Documents waiting to be linted, each once; edited and saved ones go before merely opened ones."""

    def __init__(self) -> None:
        self._pending: dict[str, bool] = {}
        self._wake = asyncio.Event()

    def put(self, uri: str, urgent: bool) -> None:
        self._pending[uri] = self._pending.get(uri, False) or urgent
        self._wake.set()

    def discard(self, uri: str) -> None:
        self._pending.pop(uri, None)

    async def next(self) -> str:
        while not self._pending:
            self._wake.clear()
            await self._wake.wait()
        uri = next((u for u, urgent in self._pending.items() if urgent), next(iter(self._pending)))
        del self._pending[uri]
        return uri


def _capability(obj: Any, path: str) -> Any:
    for name in path.split("."):
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


class FactlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("factlint", __version__, protocol_cls=FactlintProtocol,
                         text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.documents: dict[str, OpenDocument] = {}
        self.settings = EditorSettings()
        self.root: Path = Path.cwd()
        self.worker = Worker()
        self.queue = LintQueue()
        self.checks: dict[str, dict] = {}  # code -> explain text and documentation link, from the worker
        self._logged: set[str] = set()
        self._loop_task: asyncio.Task | None = None
        self.shut_down = False  # a shutdown request came before exit (the exit code says so)
        self.tcp = False

    # --- helpers --------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        value = str(self.workspace.position_encoding or UTF16)
        return {"utf-8": UTF8, "utf-32": UTF32}.get(value, UTF16)

    def client_supports(self, path: str) -> bool:
        return bool(_capability(self.client_capabilities, path))

    def log_once(self, message: str, kind: lsp.MessageType = lsp.MessageType.Warning) -> None:
        if message in self._logged:
            return
        if len(self._logged) > 1000:
            self._logged.clear()
        self._logged.add(message)
        self.window_log_message(lsp.LogMessageParams(type=kind, message=f"factlint: {message}"))

    def apply_settings(self, raw: Any) -> None:
        """Take the client's settings: the ``factlint`` section, or the object itself when it has none."""
        if isinstance(raw, dict) and isinstance(raw.get("factlint"), dict):
            raw = raw["factlint"]
        if not isinstance(raw, dict):
            return
        known = {f.alias or name for name, f in EditorSettings.model_fields.items()} | set(EditorSettings.model_fields)
        unknown = sorted(set(raw) - known)
        if unknown:  # another tool's keys in the same section, or a typo: said, and the rest applied
            self.log_once(f"unknown settings ignored: {', '.join(map(str, unknown))} "
                          f"(known: {', '.join(sorted(f.alias or n for n, f in EditorSettings.model_fields.items()))})")
            raw = {k: v for k, v in raw.items() if k in known}
        try:
            settings = EditorSettings.model_validate(raw)
        except ValidationError as exc:
            reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in exc.errors())
            self.log_once(f"settings not applied: {reasons}", lsp.MessageType.Error)
            return
        self.settings = settings
        self.relint_all()

    def _options(self) -> dict:
        """The editor settings the worker reads, with paths made absolute from the workspace root."""
        s = self.settings
        absolute = (lambda p: str(self.root / Path(p).expanduser()))
        return {"config": absolute(s.config) if s.config else None, "select": s.select,
                "extendSelect": s.extend_select, "ignore": s.ignore, "facts": [absolute(p) for p in s.facts],
                "published": s.published.isoformat() if s.published else None, "timeLimit": s.time_limit}

    def relint_all(self) -> None:
        for uri in self.documents:
            self.queue.put(uri, urgent=False)

    def range(self, doc: TextDocument, start: int, end: int) -> lsp.Range:
        (sl, sc), (el, ec) = doc.position(start, self.encoding), doc.position(end, self.encoding)
        return lsp.Range(start=lsp.Position(line=sl, character=sc), end=lsp.Position(line=el, character=ec))

    # --- linting ----------------------------------------------------------------------

    def schedule(self, uri: str, delay: float | None = None) -> None:
        item = self.documents[uri]
        if item.timer is not None:
            item.timer.cancel()
            item.timer = None
        if not delay:
            self.queue.put(uri, urgent=True)
            return
        item.timer = asyncio.get_running_loop().call_later(delay, self.queue.put, uri, True)

    def start(self) -> None:
        if self._loop_task is None:
            self._loop_task = asyncio.get_running_loop().create_task(self._lint_loop())

    async def _lint_loop(self) -> None:
        await self._lint_text(WARM_UP, "warm-up.txt", None, "plaintext")  # import checks, compile patterns
        while True:
            uri = await self.queue.next()
            item = self.documents.get(uri)
            if item is None:
                continue
            doc = item.doc
            version = doc.version
            try:
                answer = await self._lint_text(doc.text, item.path or uri, item.path, doc.language_id)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # never let one document stop the loop
                log.exception("linting %s failed", uri)
                answer = {"error": f"internal error ({type(exc).__name__}: {exc}); please report it"}
            current = self.documents.get(uri)
            if current is item and doc.version == version:
                self.publish(item, answer)

    async def _lint_text(self, text: str, name: str, path: str | None, language: str) -> dict:
        if len(text) > MAX_BYTES:  # every character is at least a byte: over the limit without encoding it
            return {"error": f"document is over the {MAX_BYTES // 1048576} MB limit"}
        limit = self.settings.time_limit or 60.0
        request = {"text": text, "name": name, "path": path, "language": language, "root": str(self.root),
                   "options": self._options()}
        return await self.worker.lint(request, limit + WORKER_GRACE + len(text) / 1e6)

    def publish(self, item: OpenDocument, answer: dict) -> None:
        doc = item.doc
        self.checks.update(answer.get("checks") or {})
        start = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0))
        diagnostics: list[lsp.Diagnostic] = []
        if answer.get("error"):
            message = f"factlint did not check this document: {answer['error']}"
            diagnostics.append(lsp.Diagnostic(range=start, message=message, source="factlint",
                                              severity=lsp.DiagnosticSeverity.Warning))
            self.log_once(f"{item.path or doc.uri}: {answer['error']}")
        for warning in answer.get("warnings") or []:
            diagnostics.append(lsp.Diagnostic(range=start, message=f"factlint: {warning}", source="factlint",
                                              severity=lsp.DiagnosticSeverity.Information))
            self.log_once(f"{item.path or doc.uri}: {warning}")
        linted = Linted(doc.version, answer.get("findings") or [], answer.get("fix_all") or [])
        related_ok = self.client_supports("text_document.publish_diagnostics.related_information")
        for finding in linted.findings:
            diagnostic = self._diagnostic(doc, finding, related_ok)
            linted.diagnostics.append(diagnostic)
            diagnostics.append(diagnostic)
        item.linted = linted
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=doc.uri, diagnostics=diagnostics, version=doc.version))

    def _diagnostic(self, doc: TextDocument, finding: dict, related_ok: bool) -> lsp.Diagnostic:
        href = (self.checks.get(finding["code"]) or {}).get("href")
        related = [lsp.DiagnosticRelatedInformation(
            location=lsp.Location(uri=doc.uri, range=self.range(doc, r["start"], r["end"])), message=r["message"])
            for r in finding["related"]]
        message = finding["message"]
        if related and not related_ok:  # say where the other side is in the message itself
            message += "".join(f" (line {r.location.range.start.line + 1}: {r.message})" for r in related)
        return lsp.Diagnostic(
            range=self.range(doc, finding["start"], finding["end"]), message=message,
            severity=SEVERITIES.get(finding["severity"], lsp.DiagnosticSeverity.Warning), source="factlint",
            code=finding["code"], code_description=lsp.CodeDescription(href=href) if href else None,
            related_information=related if related and related_ok else None)

    # --- requests ---------------------------------------------------------------------

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        """Quick fixes from the fix model (safe ones preferred, unsafe ones with their reason) and fix-all (safe)."""
        item = self.documents.get(params.text_document.uri)
        if item is None or item.linted is None or item.linted.version != item.doc.version:
            return []  # findings of an older text: their spans no longer hold
        doc, enc = item.doc, self.encoding
        lo = doc.offset(params.range.start.line, params.range.start.character, enc)
        hi = doc.offset(params.range.end.line, params.range.end.character, enc)
        only = params.context.only
        wanted = (lambda kind: not only or any(kind == k or kind.startswith(f"{k}.") for k in only))
        actions = []
        if wanted(lsp.CodeActionKind.QuickFix):
            for finding, diagnostic in zip(item.linted.findings, item.linted.diagnostics):
                fix = finding.get("fix")
                if fix and finding["start"] <= hi and lo <= finding["end"]:
                    actions.append(lsp.CodeAction(
                        title=_fix_title(finding, doc.text[finding["start"]:finding["end"]], fix),
                        kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic], is_preferred=fix["safe"],
                        edit=self._edit(doc, fix["edits"])))
        fix_all = item.linted.fix_all
        if wanted(FIX_ALL) and fix_all and (only or any(a.is_preferred for a in actions)):
            actions.append(lsp.CodeAction(title=f"factlint: apply the {_count(len(fix_all), 'safe fix')} in this "
                                          "document", kind=FIX_ALL, edit=self._edit(doc, fix_all)))
        return actions

    def _edit(self, doc: TextDocument, fixes: list[dict]) -> lsp.WorkspaceEdit:
        edits = [lsp.TextEdit(range=self.range(doc, f["start"], f["end"]), new_text=f["text"]) for f in fixes]
        if self.client_supports("workspace.workspace_edit.document_changes"):
            return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version),
                edits=edits)])
        return lsp.WorkspaceEdit(changes={doc.uri: edits})

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        item = self.documents.get(params.text_document.uri)
        if item is None or item.linted is None or item.linted.version != item.doc.version:
            return None
        at = item.doc.offset(params.position.line, params.position.character, self.encoding)
        hits = [f for f in item.linted.findings if f["start"] <= at < max(f["end"], f["start"] + 1)]
        codes = list(dict.fromkeys(f["code"] for f in hits if f["code"] in self.checks))
        if not codes:
            return None
        formats = _capability(self.client_capabilities, "text_document.hover.content_format") or []
        markdown = lsp.MarkupKind.Markdown in formats
        value = ("\n\n---\n\n" if markdown else "\n\n").join(
            explain(self.checks[c], markdown) for c in codes)
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown if markdown
                                                    else lsp.MarkupKind.PlainText, value=value),
                         range=self.range(item.doc, hits[0]["start"], hits[0]["end"]))


def explain(check: dict, markdown: bool) -> str:
    """``factlint explain CODE`` for a check; in Markdown, its docstring's sections as headings."""
    state = "on by default" if check["enabled_by_default"] else "off by default"
    head = f"{check['code']} {check['name']} ({check['severity']}, {state})"
    if not markdown:
        return f"{head}\n\n{check['summary']}\n\n{check['documentation']}"
    lines = []
    for line in check["documentation"].splitlines():
        stripped = line.strip()
        if line and not line[0].isspace() and stripped.endswith(":"):
            lines.append(f"**{stripped[:-1]}**")
        else:
            lines.append(stripped.replace("*", r"\*").replace("_", r"\_"))
    return f"**{head}**\n\n{check['summary']}\n\n" + "\n".join(lines).replace("**\n", "**\n\n")


def _fix_title(finding: dict, flagged: str, fix: dict) -> str:
    short = (lambda s: " ".join(s.split()) if len(s) <= 40 else " ".join(s[:39].split()) + "…")
    new = finding["suggestion"] or ""
    title = f"{finding['code']}: delete '{short(flagged)}'" if not new else f"{finding['code']}: replace with '{short(new)}'"
    return title if fix["safe"] else f"{title} (unsafe: {fix['reason']})"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}es" if noun.endswith("x") else f"{n} {noun}s"


def build_server() -> FactlintServer:
    server = FactlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: FactlintServer, params: lsp.InitializeParams) -> None:
        folders = params.workspace_folders or []
        root = folders[0].uri if folders else params.root_uri
        if root and to_fs_path(root):
            ls.root = Path(to_fs_path(root))
        elif params.root_path:
            ls.root = Path(params.root_path)
        ls.apply_settings(params.initialization_options)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: FactlintServer, params: lsp.InitializedParams) -> None:
        ls.start()
        if ls.client_supports("workspace.did_change_watched_files.dynamic_registration"):
            watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            try:
                await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[lsp.Registration(
                    id="factlint-config", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
            except Exception as exc:  # config changes are then seen on the next edit
                log.warning("could not watch the config files: %s", exc)
        await _pull_settings(ls)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: FactlintServer, params: lsp.DidChangeConfigurationParams) -> None:
        if isinstance(params.settings, dict) and params.settings:
            ls.apply_settings(params.settings)
        else:  # the pull model: the notification only says that something changed
            await _pull_settings(ls)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: FactlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        d = params.text_document
        path = to_fs_path(d.uri) if d.uri.startswith("file:") else None
        ls.documents[d.uri] = OpenDocument(TextDocument(d.uri, d.language_id, d.version, d.text), path)
        ls.start()
        ls.queue.put(d.uri, urgent=False)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        item = ls.documents.get(params.text_document.uri)
        if item is None:
            return
        doc, enc = item.doc, ls.encoding
        for change in params.content_changes:
            if isinstance(change, lsp.TextDocumentContentChangePartial):
                r = change.range
                doc.edit(doc.offset(r.start.line, r.start.character, enc),
                         doc.offset(r.end.line, r.end.character, enc), change.text)
            else:
                doc.edit(0, len(doc.text), change.text)
        doc.version = params.text_document.version
        ls.schedule(doc.uri, ls.settings.debounce / 1000)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if Path(to_fs_path(params.text_document.uri) or "").name in CONFIG_NAMES:
            ls.relint_all()
        elif params.text_document.uri in ls.documents:
            ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        item = ls.documents.pop(params.text_document.uri, None)
        ls.queue.discard(params.text_document.uri)
        if item is not None:
            if item.timer is not None:
                item.timer.cancel()
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=item.doc.uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: FactlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params)

    @server.feature(lsp.SHUTDOWN)
    async def shutdown(ls: FactlintServer, params: None) -> None:
        ls.shut_down = True
        if ls._loop_task is not None:
            ls._loop_task.cancel()
        for item in ls.documents.values():
            if item.timer is not None:
                item.timer.cancel()
        await ls.worker.stop()

    return server


async def _pull_settings(ls: FactlintServer) -> None:
    if not ls.client_supports("workspace.configuration"):
        return
    try:
        values = await ls.workspace_configuration_async(lsp.ConfigurationParams(
            items=[lsp.ConfigurationItem(section="factlint")]))
    except Exception as exc:  # a client that cannot answer keeps the settings it gave before
        log.warning("workspace/configuration failed: %s", exc)
        return
    if values and isinstance(values[0], dict):
        ls.apply_settings(values[0])


def serve(tcp: bool = False, host: str = "127.0.0.1", port: int = 2087) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="factlint lsp: %(message)s")
    server = build_server()
    if tcp:
        server.tcp = True
        server.start_tcp(host, port)
    else:
        channel = os.fdopen(os.dup(1), "wb")  # the protocol only
        os.dup2(2, 1)  # anything else printed goes to stderr, the editor's log
        sys.stdout = sys.stderr
        server.start_io(sys.stdin.buffer, channel)
    return 0 if server.shut_down else 1  # LSP: exit without a shutdown request first is an error
