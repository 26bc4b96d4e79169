"""`factlint serve` as a command: loopback by default, clear one-line refusals, --open, Ctrl+C, the time
limit (a check that runs away, which the engine stops, and one that no signal stops, whose worker process
the server ends)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.serve_support import ROOT, need_serve_extra, serving

MISBEHAVING = ROOT / "tests" / "lsp_checks.py"  # checks that raise, linger, ignore the time limit, print, crash


def run_cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factlint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def children(pid: int) -> list[int]:
    return [int(n) for n in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_a_host_that_is_not_loopback_needs_a_flag(tmp_path):
    done = run_cli("serve", "--host", "0.0.0.0", "--port", "0", cwd=tmp_path)
    assert done.returncode == 2 and "--allow-remote" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_allow_remote_warns(tmp_path):
    need_serve_extra()
    with serving("--host", "0.0.0.0", "--allow-remote", "--workers", "1", cwd=tmp_path) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert server.client().get("/health").status == 200
        assert "warning: listening on 0.0.0.0" in server.stderr()


def test_a_busy_port_is_one_line(tmp_path):
    need_serve_extra()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = run_cli("serve", "--port", str(port), cwd=tmp_path)
    assert done.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_factlint_folder_where_it_starts_does_not_shadow_the_package(tmp_path):
    """Started in a checkout (a folder holding factlint/), the workers still lint with the installed package."""
    need_serve_extra()
    (tmp_path / "factlint").mkdir()
    (tmp_path / "factlint" / "__init__.py").write_text('raise ImportError("a shadow of the package")\n')
    with serving("--workers", "1", cwd=tmp_path) as server:
        answer = server.client().post("/api/lint", {"text": "The the port reopened.", "kind": "txt",
                                                    "published": None})
        assert [f["code"] for f in answer.json()["findings"]] == ["T506"], answer.body


def test_a_bad_config_stops_the_start(tmp_path):
    (tmp_path / "factlint.toml").write_text('select = ["Q999"]\n')
    done = run_cli("serve", "--port", "0", cwd=tmp_path)
    assert done.returncode == 2 and "Q999" in done.stderr and "Traceback" not in done.stderr


def test_without_the_serve_extra(monkeypatch, capsys):
    from factlint.cli import main

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    assert main(["serve", "--port", "0"]) == 2
    assert "pip install 'factlint[serve]'" in capsys.readouterr().err


def test_check_runs_never_import_the_server(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The the port reopened.\n")
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "factlint", "--no-cache", str(article)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "factlint.serve" in imported  # the argparse part only
    assert not {m for m in imported if m.split(".")[0] in ("starlette", "uvicorn", "anyio", "h11")}
    assert not {"factlint.serve.app", "factlint.serve.pool", "factlint.serve.worker"} & imported


def test_open_starts_the_browser_on_the_page(tmp_path):
    need_serve_extra()
    seen = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text("import sys, pathlib\npathlib.Path(sys.argv[1]).write_text(sys.argv[2])\n")
    env = {**os.environ, "BROWSER": f"{sys.executable} {browser} {seen} %s"}
    with serving("--open", "--workers", "1", cwd=tmp_path, env=env) as server:
        for _ in range(100):
            if seen.exists() and seen.read_text():
                break
            time.sleep(0.1)
        assert seen.read_text() == server.url
        assert server.client().get("/").status == 200


def test_ctrl_c_stops_the_server_and_its_workers(tmp_path):
    need_serve_extra()
    with serving("--workers", "2", cwd=tmp_path) as server:
        workers = children(server.process.pid)
        assert len(workers) == 2
        server.process.send_signal(signal.SIGINT)
        assert server.process.wait(20) in (0, 130)
        assert "Traceback" not in server.stderr()
    for _ in range(50):
        if not any(Path(f"/proc/{pid}").exists() for pid in workers):
            break
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory):
    need_serve_extra()
    folder = tmp_path_factory.mktemp("serve-slow")
    (folder / "factlint.toml").write_text(f"plugins = [{json.dumps(str(MISBEHAVING))}]\n")
    with serving("--workers", "1", "--time-limit", "2", cwd=folder) as server:
        yield server


def lint(client, text: str):
    return client.post("/api/lint", {"text": text, "kind": "txt", "published": None})


def test_a_slow_check_is_stopped_by_the_engine_and_the_rest_reported(slow_server):
    answer = lint(slow_server.client(), "They linger: the the port.")
    assert answer.status == 200, answer.body
    data = answer.json()
    assert not data["complete"] and any("checks stopped after" in w for w in data["warnings"])


def test_a_failing_check_is_a_warning(slow_server):
    data = lint(slow_server.client(), "It may explode: the the port.").json()
    assert not data["complete"] and any("Z911 explodes failed" in w for w in data["warnings"])
    assert "T506" in [f["code"] for f in data["findings"]]


def test_a_check_that_prints_cannot_break_the_answer(slow_server):
    data = lint(slow_server.client(), "A chat: the the port.").json()
    assert {"Z914", "T506"} <= {f["code"] for f in data["findings"]}
    assert slow_server.client().get("/health").json()["restarts"] == 0


def _replaced(client, restarts: int) -> dict:
    for _ in range(100):  # a new worker is on its way
        health = client.get("/health").json()
        if health["idle"] == 1 and health["restarts"] == restarts:
            break
        time.sleep(0.1)
    return health


def test_a_check_no_signal_stops_ends_its_worker_not_the_server(slow_server):
    client = slow_server.client()
    restarts = client.get("/health").json()["restarts"]
    started = time.monotonic()
    answer = lint(client, "A stubborn port.")
    assert answer.status == 503 and "longer than the server's limit of 2 s" in answer.json()["error"]
    assert time.monotonic() - started < 10
    health = _replaced(client, restarts + 1)
    assert health["restarts"] == restarts + 1 and health["idle"] == 1
    after = lint(client, "The the port.")
    assert after.status == 200 and [f["code"] for f in after.json()["findings"]] == ["T506"]
    assert "Traceback" not in slow_server.stderr()


def test_a_crashing_worker_is_replaced(slow_server):
    client = slow_server.client()
    restarts = client.get("/health").json()["restarts"]
    answer = lint(client, "Ports vanish.")
    assert answer.status == 500 and "ended while checking this article" in answer.json()["error"]
    assert _replaced(client, restarts + 1)["idle"] == 1
    assert lint(client, "The the port.").status == 200


def test_the_server_is_an_extra_not_a_dependency():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.split(">")[0].split("<")[0].strip() in ("starlette", "uvicorn")]
    assert {d.split(">")[0].split("<")[0] for d in project["optional-dependencies"]["serve"]} == {"starlette", "uvicorn"}
