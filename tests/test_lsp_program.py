"""The language server as a program: protocol exit codes, TCP, lazy import, the missing extra."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types as lsp  # noqa: E402

from tests.conftest import FIXTURES, ROOT  # noqa: E402
from tests.lsp_client import SERVER, make_client, open_document, published  # noqa: E402

SEED = (FIXTURES / "summit-translation.txt").read_text(encoding="utf-8")


def test_shutdown_and_exit_follow_the_protocol(tmp_path):
    async def run(shutdown: bool) -> int:
        client = make_client()
        await client.start_io(*SERVER, cwd=str(tmp_path))
        await client.initialize_session(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
        uri = open_document(client, tmp_path / "a.txt", SEED)
        await published(client, uri, 1)
        if shutdown:
            assert await client.shutdown_async(None) is None
        client.exit(None)
        code = await asyncio.wait_for(client._server.wait(), 10)
        await client.stop()
        return code

    assert asyncio.run(run(True)) == 0
    assert asyncio.run(run(False)) == 1


def test_tcp_serves_one_client(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([*SERVER, "--tcp", "--port", str(port)], cwd=tmp_path, stderr=subprocess.PIPE)

    async def talk() -> dict:
        for _ in range(100):
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.1)

        async def send(message: dict) -> None:
            body = json.dumps(message).encode()
            writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            await writer.drain()

        async def receive() -> dict:
            header = await reader.readuntil(b"\r\n\r\n")
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            return json.loads(await reader.readexactly(length))

        await send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                    "params": {"processId": None, "rootUri": None, "capabilities": {}}})
        answer = await receive()
        await send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        assert (await receive())["id"] == 2
        await send({"jsonrpc": "2.0", "method": "exit"})
        writer.close()
        return answer

    try:
        answer = asyncio.run(talk())
        assert answer["result"]["serverInfo"]["name"] == "factlint"
        assert answer["result"]["capabilities"]["hoverProvider"]
        assert server.wait(timeout=10) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_check_runs_never_import_the_server(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SEED, encoding="utf-8")
    probe = ("import sys; from factlint.cli import main; main(['--no-cache', sys.argv[1]]); "
             "print(sorted(m for m in sys.modules if m.startswith(('pygls', 'lsprotocol', 'factlint.lsp'))))")
    out = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True).stdout
    assert out.strip().endswith("[]")


def test_without_the_extra_the_command_says_what_to_install(tmp_path):
    probe = ("import sys; sys.modules['pygls'] = None; from factlint.cli import main; sys.exit(main(['lsp']))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 2
    assert "pip install 'factlint[lsp]'" in done.stderr and "Traceback" not in done.stderr


def test_the_vscode_extension_offers_exactly_the_servers_settings():
    from factlint.lsp.server import EditorSettings

    manifest = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    offered = {key.removeprefix("factlint.") for key in manifest["contributes"]["configuration"]["properties"]}
    known = {field.alias or name for name, field in EditorSettings.model_fields.items()}
    assert offered == known
    defaults = EditorSettings()
    assert manifest["contributes"]["configuration"]["properties"]["factlint.debounce"]["default"] == defaults.debounce
    node = shutil.which("node")
    if node:
        done = subprocess.run([node, "--check", str(ROOT / "editors" / "vscode" / "extension.js")],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_notifications_leave_no_futures_behind():
    """pygls 2 keeps a future for each notification with a generator handler (every didChange); ours does not."""
    from factlint.lsp.server import build_server

    protocol = build_server().protocol
    params = lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri="file:///gone.txt"))
    for _ in range(50):
        protocol._handle_notification(lsp.TEXT_DOCUMENT_DID_CLOSE, params)
    assert protocol._request_futures == {}
