"""Soak the language server: many edits of one document, then many documents, through a real LSP client.

    .venv/bin/python benchmarks/lsp_soak.py [--edits 1000] [--documents 200] [--debounce MS]

Starts ``factlint lsp`` over stdio with pytest-lsp's client, opens
fixtures/summit-translation.txt, types one character at a time (each edit waits
for the diagnostics of its version), then opens that many more documents (each
a variant of the article) and waits for all their diagnostics. Prints the
median and 99th percentile time from ``didChange`` to ``publishDiagnostics``,
the time to lint the opened documents, and the resident memory of the server
and of its lint worker at the start (after the first document) and the end.
``--debounce`` sets the server's quiet period (default 0: the figures are the
server's own work; the editor default, 150 ms, adds itself to each).
Needs the dev extra (pytest-lsp). It is not a test; tests/test_lsp_soak.py runs it bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import client_capabilities  # noqa: E402

from tests.lsp_client import SERVER, change, children, make_client, open_document, published, rss_kib  # noqa: E402

ARTICLE = (ROOT / "fixtures" / "summit-translation.txt").read_text(encoding="utf-8")


def memory(pid: int) -> dict[str, int]:
    workers = children(pid)
    return {"server": rss_kib(pid), "worker": sum(rss_kib(w) for w in workers)}


def problems(params: lsp.PublishDiagnosticsParams) -> list[str]:
    """Diagnostics that are not findings: the document could not be checked, or a check failed."""
    return [d.message for d in params.diagnostics if d.code is None]


async def soak(edits: int = 1000, documents: int = 200, debounce: int = 0) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        client = make_client()
        await client.start_io(*SERVER, cwd=folder)
        await client.initialize_session(lsp.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(),
            initialization_options={"debounce": debounce}))
        pid = client._server.pid
        errors: list[str] = []
        uri = open_document(client, root / "article.txt", ARTICLE)
        _, params = await published(client, uri, 1)
        errors += problems(params)
        start = memory(pid)
        lines = ARTICLE.split("\n")
        line, column = 2, len(lines[2])  # type at the end of the third line, deleting every fifth time
        latencies = []
        for version in range(2, edits + 2):
            since = len(client.published)
            sent = time.perf_counter()
            if version % 5:
                change(client, uri, version, (line, column), (line, column), "x")
                column += 1
            else:
                change(client, uri, version, (line, column - 1), (line, column), "")
                column -= 1
            arrival, params = await published(client, uri, version, since=since)
            latencies.append(arrival - sent)
            errors += problems(params)
        after_edits = memory(pid)
        opened = time.perf_counter()
        uris = [open_document(client, root / f"doc{n:03}.txt", ARTICLE.replace("2025", str(1900 + n)))
                for n in range(documents)]
        for u in uris:
            _, params = await published(client, u, 1)
            errors += problems(params)
        open_time = time.perf_counter() - opened
        end = memory(pid)
        errors += [m.message for m in client.log_messages if m.type == lsp.MessageType.Error]
        await client.shutdown_session()
        latencies.sort()
        return {
            "edits": edits, "documents": documents, "debounce_ms": debounce, "errors": errors,
            "median_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
            "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else 0.0,
            "open_s": open_time, "memory_kib": {"start": start, "after_edits": after_edits, "end": end},
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--debounce", type=int, default=0, help="the server's debounce, milliseconds")
    args = parser.parse_args()
    r = asyncio.run(soak(args.edits, args.documents, args.debounce))
    mem = r["memory_kib"]
    print(f"{r['edits']} edits of one document (debounce {r['debounce_ms']} ms): didChange to publishDiagnostics "
          f"median {r['median_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms")
    print(f"{r['documents']} documents opened: all diagnostics in {r['open_s']:.2f} s")
    for key in ("start", "after_edits", "end"):
        print(f"resident memory {key:<11}: server {mem[key]['server'] / 1024:.1f} MiB, "
              f"worker {mem[key]['worker'] / 1024:.1f} MiB")
    print(f"errors: {len(r['errors'])}" + "".join(f"\n  {e}" for e in r["errors"][:10]))


if __name__ == "__main__":
    main()
