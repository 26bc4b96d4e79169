"""``factlint serve``: the editors' page, a local web page where an editor pastes or opens an article,
sees every finding highlighted in place and accepts suggestions (README, "The editors' page").

The server is Starlette on uvicorn (the ``serve`` extra); linting runs in a small pool of worker
processes (``factlint.serve.worker``) through the Python API. This module holds only the command's
arguments and its start-up, so that ``factlint check`` never imports the server.
"""

from __future__ import annotations

import argparse
import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: 'factlint check' loads this module
if TYPE_CHECKING:
    from typing import Any

DEFAULT_PORT = 8765
DEFAULT_TIME_LIMIT = 20.0  # seconds for one request's linting (and fixing) in a worker
DEFAULT_MAX_BODY_MB = 2.0
MAX_ACTIVE = 64  # requests handled at once; more get a 503 (each waits for a worker anyway)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on; one that is not loopback needs --allow-remote")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="port; 0 picks a free one")
    p.add_argument("--open", action="store_true", help="open the page in the web browser once it is up")
    p.add_argument("--allow-remote", action="store_true",
                   help="allow a --host that is not a loopback address (anyone who can reach it can use the page)")
    p.add_argument("--workers", type=int, metavar="N", help="lint worker processes (default: one per core, at most 4)")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help="longest one request may lint before it is stopped")
    p.add_argument("--max-body-mb", type=float, default=DEFAULT_MAX_BODY_MB, metavar="MB",
                   help="largest request accepted, in MB; a larger one gets 413")
    p.add_argument("--access-log", action="store_true", help="log every request on standard error")
    p.add_argument("--config", type=_path, help="config file (default: the nearest one, as for 'factlint check')")
    p.add_argument("--facts", action="append", type=_path, default=[], metavar="FILE",
                   help="house fact base (YAML or TOML); may be repeated")


def _path(value: str) -> Any:
    from pathlib import Path

    return Path(value)


def is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def main(args: argparse.Namespace) -> int:
    """Run the server until Ctrl+C; exit 2 (a one-line message) when it cannot start."""
    from factlint.cli import UsageError, _facts, _registry, _settings

    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        raise UsageError("factlint serve needs the serve extra: pip install 'factlint[serve]'") from None
    loopback = is_loopback(args.host)
    if not loopback and not args.allow_remote:
        raise UsageError(f"--host {args.host} is not a loopback address, so anyone who can reach this machine could "
                         "use the page; add --allow-remote to listen there anyway")
    if (args.workers is not None and args.workers < 1) or args.time_limit <= 0 or args.max_body_mb <= 0 or \
            not 0 <= args.port <= 65535:
        raise UsageError("--workers, --time-limit and --max-body-mb need positive values, --port 0 to 65535")
    settings = _settings(args)  # a bad config, selector or fact base stops here, as it stops 'factlint check'
    checks = _checks(settings, _registry(settings))
    _facts(args, settings)
    sock = _bind(args.host, args.port)
    port = sock.getsockname()[1]
    host = "127.0.0.1" if args.host.lower() == "localhost" or args.host in ("0.0.0.0", "") else args.host
    host = "[::1]" if args.host in ("::", "[::]") else host
    url = f"http://[{host.strip('[]')}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    from factlint.serve.app import Service
    from factlint.serve.pool import Pool

    options = {"config": str(args.config) if args.config else None, "facts": [str(p) for p in args.facts],
               "check_time_limit": args.time_limit * 0.8}  # the engine stops a slow check first, with a warning
    workers = args.workers or min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else
                                  (os.cpu_count() or 1), 4)
    pool = Pool(workers, options, time_limit=args.time_limit, queue_limit=max(30.0, args.time_limit))
    service = Service(pool, max_body=int(args.max_body_mb * 1048576), checks=checks, loopback=loopback,
                      max_active=MAX_ACTIVE)
    config = uvicorn.Config(service.app(), log_config=_log_config(), access_log=args.access_log, http="h11",
                            lifespan="off", proxy_headers=False, server_header=False, timeout_keep_alive=5,
                            timeout_graceful_shutdown=5, ws="none")
    if not loopback:
        import sys

        print(f"factlint serve: warning: listening on {args.host}:{port}, not only on this machine: anyone who "
              "can reach that address can use the page (there is no login)", file=sys.stderr)
    import asyncio

    return asyncio.run(_serve(uvicorn.Server(config), pool, sock, url, args.open))


async def _serve(server: Any, pool: Any, sock: Any, url: str, open_browser: bool) -> int:
    import asyncio
    import sys

    from factlint.serve.pool import PoolError

    try:
        await pool.start()
    except PoolError as exc:
        print(f"factlint serve: {exc}", file=sys.stderr)
        return 2
    try:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.02)
        if server.started:
            print(f"factlint serve: the editors' page is at {url} (Ctrl+C stops it)", flush=True)
            if open_browser:
                import webbrowser

                opened = await asyncio.get_running_loop().run_in_executor(None, webbrowser.open, url)
                if not opened:
                    print("factlint serve: no web browser could be opened here; open the address above",
                          file=sys.stderr, flush=True)
        await task
        return 0 if server.started else 2
    finally:
        await pool.close()


def _bind(host: str, port: int) -> Any:
    """A listening socket, so that a busy port is one clear line and port 0's choice is known before start."""
    import socket

    from factlint.cli import UsageError

    name = "127.0.0.1" if host.lower() == "localhost" else host.strip("[]")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(name or None, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); choose another --port or "
                         "--host") from None
    return sock


def _checks(settings: Any, registry: Any) -> list[dict[str, Any]]:
    """Every check as the page lists it (what ``factlint rules`` and ``factlint explain`` print)."""
    from factlint.engine import select_checks, severity_for

    enabled = set(select_checks(registry, settings))
    return [{"code": c.code, "name": c.name, "severity": severity_for(c, settings), "enabled": c in enabled,
             "summary": c.summary, "explain": c.documentation(), "sections": sections(c.documentation())}
            for c in registry.sorted()]


EXAMPLE_SECTIONS = {"Fires on", "Passes"}  # the docstring sections of a check (DEVELOPERS.md) that hold examples


def sections(doc: str) -> list[dict[str, Any]]:
    """A check's documentation as ``{"title", "text", "examples"}`` sections: the prose of a section with
    its wrapped lines joined into paragraphs, the examples one a line, as written."""
    out: list[dict[str, Any]] = []
    for line in doc.splitlines():
        if line[:1].strip() and line.rstrip().endswith(":"):
            out.append({"title": line.strip()[:-1], "lines": []})
            continue
        if not out:
            out.append({"title": "", "lines": []})
        out[-1]["lines"].append(line.strip())
    for section in out:
        text = "\n".join(section.pop("lines")).strip()
        section["examples"] = section["title"] in EXAMPLE_SECTIONS
        if not section["examples"]:
            text = "\n\n".join(" ".join(paragraph.split()) for paragraph in text.split("\n\n"))
        section["text"] = text
    return [s for s in out if s["text"] or s["title"]]


def _log_config() -> dict[str, Any]:
    handler = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    return {"version": 1, "disable_existing_loggers": False,
            "formatters": {"plain": {"format": "factlint serve: %(message)s"}},
            "handlers": {"stderr": handler},
            "loggers": {"uvicorn": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
                        "uvicorn.access": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
                        "factlint.serve": {"handlers": ["stderr"], "level": "INFO", "propagate": False}}}
