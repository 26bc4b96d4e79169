"""A real LSP client (pytest-lsp's) that records every publishDiagnostics with its arrival time.

Shared by tests/test_lsp*.py and benchmarks/lsp_soak.py.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "factlint", "lsp"]


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # (arrival time, PublishDiagnosticsParams)

    def publish(client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append((time.perf_counter(), params))

    def register(client: LanguageClient, params: lsp.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    client.registrations = []
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                                   lsp.CLIENT_REGISTER_CAPABILITY: register})
    return client


async def published(client: LanguageClient, uri: str, version: int | None = None, since: int = 0,
                    timeout: float = 60.0) -> tuple[float, lsp.PublishDiagnosticsParams]:
    """The first diagnostics for ``uri`` (at ``version``, when given) among those received from index ``since``."""
    deadline = time.monotonic() + timeout
    while True:
        for arrival, params in client.published[since:]:
            if params.uri == uri and (version is None or params.version == version):
                return arrival, params
        if time.monotonic() > deadline:
            raise AssertionError(f"no diagnostics for {uri} version {version} within {timeout} s")
        await asyncio.sleep(0.002)


def open_document(client: LanguageClient, path: Path, text: str, language: str = "plaintext",
                  version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, start: tuple[int, int], end: tuple[int, int],
           text: str) -> None:
    """An incremental edit: replace the range (line, character)–(line, character) with ``text``."""
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(line=start[0], character=start[1]),
                            end=lsp.Position(line=end[0], character=end[1])), text=text)]))


def rss_kib(pid: int) -> int:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out
