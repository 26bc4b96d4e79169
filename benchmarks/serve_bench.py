"""Load benchmark of ``factlint serve``: concurrent clients post real articles to /api/lint over loopback.

    .venv/bin/python benchmarks/serve_bench.py [--clients 8] [--requests 400] [--workers N] [FOLDER]

Starts ``factlint serve --port 0`` in a temporary folder (no project config), has ``--clients`` threads
(each with its own keep-alive connection) send ``--requests`` requests in all, cycling through the
articles of FOLDER (default ../shared/corpus/real, else fixtures/), and prints requests per second and the
50th/99th percentile latency. Every answer is checked against ``factlint --format json --no-cache`` run on
the same files: the same findings, field for field. The suite's load test (tests/test_serve_load.py) runs
this with the numbers of the issue; it is bounded in count and time and talks only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import json
import os
import re
import selectors
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KINDS = {".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html"}
REQUEST_TIMEOUT = 60.0  # seconds for one answer: a client never waits longer


@dataclass
class Running:
    """A ``factlint serve`` process started by ``serving``."""

    url: str
    process: subprocess.Popen
    log: Path  # its standard error

    def client(self) -> Client:
        return Client(self.url)

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def serving(*args: str, cwd: Path, env: dict[str, str] | None = None, start_timeout: float = 120.0
            ) -> Iterator[Running]:
    """Run ``factlint serve --port 0 ARGS`` in ``cwd`` until the block ends (then Ctrl+C, as a user would)."""
    log = Path(tempfile.mkstemp(prefix="factlint-serve-", suffix=".log")[1])
    script = Path(sys.executable).with_name("factlint")  # the console script, as a user runs it
    command = [str(script)] if script.exists() else [sys.executable, "-m", "factlint"]
    with log.open("w") as err:
        process = subprocess.Popen([*command, "serve", "--port", "0", *args], cwd=cwd,
                                   stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL, text=True, env=env)
    try:
        line = _first_line(process, start_timeout)
        found = re.search(r"(http://\S+/)", line)
        if not found:
            raise RuntimeError(f"factlint serve did not start: {line!r} {log.read_text()[-2000:]}")
        yield Running(found.group(1), process, log)
    finally:
        stop(process)
        log.unlink(missing_ok=True)


def stop(process: subprocess.Popen, timeout: float = 20.0) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


def _first_line(process: subprocess.Popen, timeout: float) -> str:
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            return ""
    return process.stdout.readline()  # type: ignore[union-attr]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Client:
    """One keep-alive HTTP/1.1 connection to the server (reconnects once when the server closed it)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)

    def request(self, method: str, path: str, body: bytes | dict | None = None,
                headers: dict[str, str] | None = None) -> Answer:
        headers = dict(headers or {})
        if isinstance(body, dict):
            body = json.dumps(body).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                if response.getheader("connection", "").lower() == "close":
                    self.conn.close()
                return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, body: bytes | dict, headers: dict[str, str] | None = None) -> Answer:
        return self.request("POST", path, body, headers)

    def close(self) -> None:
        self.conn.close()


def articles(folder: Path, limit: int | None = None) -> list[Path]:
    """The articles (.md, .txt, .html) in ``folder`` and its subfolders, as absolute paths, in name order."""
    files = sorted(p.resolve() for p in folder.rglob("*")
                   if p.suffix.lower() in KINDS and p.is_file() and not p.name.upper().startswith("README"))
    return files[:limit] if limit else files


def lint_request(path: Path, published: str | None = None) -> dict[str, Any]:
    return {"text": path.read_text(encoding="utf-8-sig"), "kind": KINDS[path.suffix.lower()],
            "published": published, "name": path.name}


def unpathed(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings without their paths (the CLI names the file, the page its own name): the rest must agree."""
    out = []
    for f in findings:
        f = {k: v for k, v in f.items() if k != "path"}
        f["related"] = [{k: v for k, v in r.items() if k != "path"} for r in f["related"]]
        out.append(f)
    return out


def cli_findings(files: list[Path], cwd: Path, *extra: str) -> dict[str, list[dict[str, Any]]]:
    """``factlint --format json --no-cache`` on ``files`` (absolute): their findings by path, paths left out."""
    done = subprocess.run([sys.executable, "-m", "factlint", "--format", "json", "--no-cache", *extra,
                           *map(str, files)], cwd=cwd, capture_output=True, text=True, timeout=600)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"factlint failed ({done.returncode}): {done.stderr[-2000:]}")
    by_path: dict[str, list[dict[str, Any]]] = {str(p): [] for p in files}
    for f in json.loads(done.stdout)["findings"]:
        by_path[str((cwd / f["path"]).resolve())].append(f)  # paths under cwd come back relative
    return {path: unpathed(found) for path, found in by_path.items()}


@dataclass
class Load:
    """What a load run measured: each request's article index, status, seconds and findings."""

    seconds: float = 0.0
    results: list[tuple[int, int, float, Any]] = field(default_factory=list)

    @property
    def latencies(self) -> list[float]:
        return sorted(r[2] for r in self.results)

    def percentile(self, q: float) -> float:
        values = self.latencies
        return values[min(len(values) - 1, max(0, round(q / 100 * len(values) + 0.5) - 1))]

    @property
    def per_second(self) -> float:
        return len(self.results) / self.seconds if self.seconds else 0.0


def load(url: str, bodies: list[bytes], clients: int, requests: int, deadline: float = 600.0) -> Load:
    """``requests`` posts to /api/lint from ``clients`` threads, request k carrying ``bodies[k % len]``."""
    numbers = itertools.count()
    lock = threading.Lock()
    outcome = Load()
    stop_at = time.monotonic() + deadline

    def client() -> None:
        c = Client(url)
        try:
            while time.monotonic() < stop_at:
                with lock:
                    k = next(numbers)
                if k >= requests:
                    return
                i = k % len(bodies)
                started = time.perf_counter()
                try:
                    answer = c.post("/api/lint", bodies[i], {"Content-Type": "application/json"})
                    status, data = answer.status, answer.json()
                except Exception as exc:  # noqa: BLE001 (an error is a result here)
                    status, data = 0, {"error": f"{type(exc).__name__}: {exc}"}
                elapsed = time.perf_counter() - started
                with lock:
                    outcome.results.append((i, status, elapsed, data))
        finally:
            c.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(1.0, stop_at - time.monotonic() + 5))
    outcome.seconds = time.perf_counter() - started
    return outcome


def mismatches(outcome: Load, files: list[Path], expected: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every request that failed or whose findings differ from the CLI's for its article."""
    bad = []
    for i, status, _, data in outcome.results:
        if status != 200:
            bad.append(f"{files[i].name}: HTTP {status} {str(data.get('error'))[:200]}")
        elif unpathed(data["findings"]) != expected[str(files[i])]:
            bad.append(f"{files[i].name}: findings differ from the CLI's")
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="articles (default ../shared/corpus/real, else fixtures)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=0, help="factlint serve --workers (default: its own)")
    parser.add_argument("--articles", type=int, default=0, help="use only the first N articles (default: as many as requests)")
    args = parser.parse_args()
    folder = args.folder or (SHARED / "corpus" / "real" if (SHARED / "corpus" / "real").is_dir() else
                             ROOT / "fixtures")
    files = articles(folder, args.articles or args.requests)
    if not files:
        print(f"no articles in {folder}")
        return 2
    bodies = [json.dumps(lint_request(p)).encode("utf-8") for p in files]
    with tempfile.TemporaryDirectory(prefix="factlint-serve-bench-") as tmp:
        started = time.perf_counter()
        expected = cli_findings(files, Path(tmp))
        cli_seconds = time.perf_counter() - started
        extra = ["--workers", str(args.workers)] if args.workers else []
        with serving(*extra, cwd=Path(tmp)) as server:
            health = server.client().get("/health").json()
            outcome = load(server.url, bodies, args.clients, args.requests)
            alone = load(server.url, bodies, 1, min(50, args.requests))  # one editor typing: nothing queues
    bad = mismatches(outcome, files, expected) + mismatches(alone, files, expected)
    size = statistics.mean(len(b) for b in bodies) / 1024
    print(f"{len(outcome.results)} requests of {len(files)} articles from {folder} (mean {size:.1f} KB), "
          f"{args.clients} clients, {health['workers']} lint workers, {os.cpu_count()} cores:")
    print(f"  {outcome.per_second:.1f} requests/s; latency p50 {outcome.percentile(50) * 1000:.0f} ms, "
          f"p99 {outcome.percentile(99) * 1000:.0f} ms, max {outcome.latencies[-1] * 1000:.0f} ms")
    print(f"  one client alone: latency p50 {alone.percentile(50) * 1000:.0f} ms, "
          f"p99 {alone.percentile(99) * 1000:.0f} ms")
    print(f"  the CLI on the same {len(files)} articles in one run (--no-cache, every core, start to exit): "
          f"{len(files) / cli_seconds:.1f} articles/s; the server gives {outcome.per_second * cli_seconds / len(files):.2f}x that")
    print(f"  {len(bad)} errors or answers that differ from the CLI's" + (":" if bad else ""))
    for line in bad[:20]:
        print(f"    {line}")
    return 1 if bad or len(outcome.results) != args.requests else 0


if __name__ == "__main__":
    sys.exit(main())
