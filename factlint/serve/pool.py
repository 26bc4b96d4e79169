"""A pool of lint worker processes (``factlint.serve.worker``) for the server's event loop.

Each worker takes one request at a time. A request waits for an idle worker (at most ``queue_limit``
seconds: then the server is busy), and the worker has ``time_limit`` seconds to answer; a worker that
runs over, dies or is interrupted mid-request is killed and replaced, so whatever an article does to a
worker, the server and the other requests go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from typing import Any

from factlint.serve.worker import READY

LINE_LIMIT = 1 << 28  # the longest answer line read from a worker (a 2 MB article's answer is far below)
START_LIMIT = 120.0  # seconds for a worker to load the checks and report ready
log = logging.getLogger("factlint.serve")


class PoolError(Exception):
    """A request the pool could not answer; ``status`` is the HTTP status to send, the message says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Worker:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()


class Pool:
    def __init__(self, size: int, options: dict[str, Any], time_limit: float, queue_limit: float) -> None:
        self.size, self.options = size, options
        self.time_limit, self.queue_limit = time_limit, queue_limit
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._closed = False
        self._replacing: set[asyncio.Task] = set()
        self.restarts = 0

    async def start(self) -> None:
        """Start every worker; raise PoolError with the worker's own message when one cannot start."""
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)), return_exceptions=True)
        failed = next((w for w in workers if isinstance(w, BaseException)), None)
        for w in workers:
            if isinstance(w, _Worker):
                self._idle.put_nowait(w)
        if failed is not None:
            await self.close()
            raise failed

    async def _spawn(self) -> _Worker:
        # -P: the server's working folder is not put on sys.path, so a checkout of factlint (or any folder
        # named factlint) there cannot shadow the installed package in the worker.
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-P", "-m", "factlint.serve.worker", json.dumps(self.options),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            limit=LINE_LIMIT)
        worker = _Worker(process)
        self._all.add(worker)
        try:
            line = await asyncio.wait_for(process.stdout.readline(), START_LIMIT)  # type: ignore[union-attr]
        except TimeoutError:
            line = b""
        if line != READY:
            worker.kill()
            self._all.discard(worker)
            err = (await process.stderr.read()).decode("utf-8", "replace").strip()  # type: ignore[union-attr]
            raise PoolError(500, err.splitlines()[-1] if err else "the lint worker did not start")
        # From here on the worker's standard error is passed on to the server's (a reader keeps the pipe empty).
        asyncio.get_running_loop().create_task(_relay(process.stderr))
        return worker

    @property
    def idle(self) -> int:
        return self._idle.qsize()

    async def call(self, request: dict[str, Any]) -> tuple[int, bytes]:
        """Send one request to an idle worker; its (status, JSON body)."""
        if self._closed:
            raise PoolError(503, "the server is shutting down")
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.queue_limit)
        except TimeoutError:
            raise PoolError(503, f"every lint worker has been busy for {self.queue_limit:g} s; try again "
                                 "in a moment") from None
        healthy = False
        try:
            process = worker.process
            process.stdin.write(json.dumps(request).encode("utf-8") + b"\n")  # type: ignore[union-attr]
            await process.stdin.drain()  # type: ignore[union-attr]
            line = await asyncio.wait_for(process.stdout.readline(), self.time_limit)  # type: ignore[union-attr]
            status, _, body = line.partition(b" ")
            if not line.endswith(b"\n") or not status.isdigit():
                raise PoolError(500, "the lint worker ended while checking this article (it was restarted); "
                                     "please report it")
            healthy = True
            return int(status), body.rstrip(b"\n")
        except TimeoutError:
            raise PoolError(503, f"checking this article took longer than the server's limit of "
                                 f"{self.time_limit:g} s (factlint serve --time-limit); the check was stopped") from None
        except (ConnectionError, BrokenPipeError):
            raise PoolError(500, "the lint worker ended while checking this article (it was restarted); "
                                 "please report it") from None
        finally:  # also on cancellation: a worker with an answer pending is never reused
            if healthy:
                self._idle.put_nowait(worker)
            else:
                self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._all.discard(worker)
        if self._closed:
            return
        self.restarts += 1
        task = asyncio.get_running_loop().create_task(self._respawn())
        self._replacing.add(task)
        task.add_done_callback(self._replacing.discard)

    async def _respawn(self) -> None:
        delay = 0.5
        while not self._closed:
            try:
                self._idle.put_nowait(await self._spawn())
                return
            except Exception as exc:  # keep serving with fewer workers; try again a little later
                log.error("factlint serve: a lint worker could not be restarted (%s); trying again", exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)

    async def close(self) -> None:
        self._closed = True
        for task in list(self._replacing):
            task.cancel()
        for worker in list(self._all):
            stdin = worker.process.stdin
            if stdin is not None and not stdin.is_closing():
                stdin.close()  # end of input: the worker leaves its loop and exits
        for worker in list(self._all):
            try:
                await asyncio.wait_for(worker.process.wait(), 3.0)
            except TimeoutError:
                worker.kill()
                await worker.process.wait()
        self._all.clear()


async def _relay(stream: asyncio.StreamReader | None) -> None:
    if stream is None:
        return
    while line := await stream.readline():
        sys.stderr.write(line.decode("utf-8", "replace"))
        sys.stderr.flush()
