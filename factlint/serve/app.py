"""The HTTP side of ``factlint serve`` (Starlette): the page, its static files, the JSON API, the guards.

    GET  /                 the page (static HTML; its script and styles are files of this package)
    GET  /static/NAME      app.js, page.css, highlight.css (the shared renderer's STYLE)
    GET  /health           {"status": "ok", "version", "workers", "idle", "restarts"}
    GET  /api/checks       every check: code, name, severity, enabled, summary, explain
    POST /api/lint         {"text", "kind": "md"|"txt"|"html", "published": "YYYY-MM-DD"|null, "name"}
    POST /api/open?name=a.md[&kind=][&published=]   the file's bytes: decoded as the CLI decodes files
    POST /api/accept       a lint request plus "finding": {"code", "start", "end"}: apply that fix
    POST /api/fix          a lint request: apply every safe fix, as --fix does

Every answer of the API is JSON; an error is ``{"error": "..."}`` with a 4xx/5xx status, never a
traceback. Every response carries a Content-Security-Policy that lets the page run only its own script
and styles and connect only to this server; article text reaches the page as escaped HTML of the
shared renderer, and the page's script also drops any element or attribute the renderer never makes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from factlint import __version__
from factlint.api_text import KINDS
from factlint.serve.pool import Pool, PoolError
from factlint.serve.worker import API_KINDS

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'none'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"), (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "[::1]", "::1"}
BODY_TIME_LIMIT = 30.0  # seconds to receive a request body (a client that stalls is cut off)
DRAIN_LIMIT = 32 * 1048576  # bytes past the body limit still read, to answer 413 to a client still sending
ASSETS = {"app.js": "text/javascript; charset=utf-8", "page.css": "text/css; charset=utf-8",
          "index.html": "text/html; charset=utf-8", "icon.svg": "image/svg+xml"}


class Article(BaseModel):
    """A lint request: the article's text and how to read it."""

    model_config = ConfigDict(extra="forbid", strict=True)
    text: str
    kind: Literal["md", "txt", "html"] = "md"
    published: dt.date | None = None
    name: str = Field("<text>", min_length=1, max_length=255)


class Pick(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    code: str = Field(max_length=32)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class AcceptRequest(Article):
    finding: Pick


class OpenQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field("article.txt", min_length=1, max_length=255)
    kind: Literal["md", "txt", "html"] | None = None
    published: dt.date | None = None


class Failure(Exception):
    """An HTTP error to answer with ``{"error": message}``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.headers = status, headers


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status, headers=headers)


def _sized(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n / 1024:.0f} KB"


class Guard:
    """Security headers on every response; the Host (DNS rebinding) and Origin (cross-site) checks; at most
    ``max_active`` requests at once."""

    def __init__(self, app: ASGIApp, loopback: bool, max_active: int) -> None:
        self.app, self.loopback, self.max_active = app, loopback, max_active
        self.active = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        host = headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if self.loopback and name.lower() not in LOOPBACK_NAMES:
            await error(421, f"this server answers only to its loopback address, not to {host[:100]!r}")(
                scope, receive, secured)
            return
        origin = headers.get("origin")
        if scope["method"] not in ("GET", "HEAD") and origin is not None and origin not in (
                f"http://{host}", f"https://{host}"):
            await error(403, "requests from another site are refused")(scope, receive, secured)
            return
        if self.active >= self.max_active:
            await error(503, f"the server is handling {self.max_active} requests already; try again in a moment",
                        {"Retry-After": "1"})(scope, receive, secured)
            return
        self.active += 1
        try:
            await self.app(scope, receive, secured)
        finally:
            self.active -= 1


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 when it passes ``limit`` bytes.

    A body somewhat over the limit is still read to its end (and dropped) before the answer, so that the
    client, still sending, gets the 413 and its message rather than a connection reset; past
    ``DRAIN_LIMIT`` the connection is closed at once.
    """
    declared = request.headers.get("content-length", "")
    too_large = Failure(413, f"the request is over this server's limit of {_sized(limit)} (factlint serve "
                             "--max-body-mb); split the article or raise the limit", {"Connection": "close"})
    over = declared.isdigit() and int(declared) > limit
    if over and int(declared) > limit + DRAIN_LIMIT:
        raise too_large
    chunks, size = [], 0
    try:
        async with asyncio.timeout(BODY_TIME_LIMIT):
            async for chunk in request.stream():
                size += len(chunk)
                over = over or size > limit
                if not over:
                    chunks.append(chunk)
                elif size > limit + DRAIN_LIMIT:
                    break
    except TimeoutError:
        raise Failure(408, f"the request body did not arrive within {BODY_TIME_LIMIT:g} s",
                      {"Connection": "close"}) from None
    except ClientDisconnect:
        raise Failure(400, "the client went away before the request body arrived") from None
    if over:
        raise too_large
    return b"".join(chunks)


def _invalid(exc: ValidationError) -> str:
    """Pydantic's errors as one line: ``published: Input should be a valid date; ...``."""
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(x) for x in err["loc"])
        parts.append(f"{where}: {err['msg']}" if where else err["msg"])
    return "; ".join(parts)


class Service:
    """The routes, over one pool of lint workers."""

    def __init__(self, pool: Pool, *, max_body: int, checks: list[dict[str, Any]], loopback: bool,
                 max_active: int = 64) -> None:
        from factlint.reporters.highlight import STYLE

        self.pool, self.max_body, self.loopback, self.max_active = pool, max_body, loopback, max_active
        self.checks = json.dumps(checks, ensure_ascii=False).encode("utf-8")
        folder = resources.files("factlint.serve") / "static"
        self.assets = {name: ((folder / name).read_bytes(), media) for name, media in ASSETS.items()}
        self.assets["highlight.css"] = (STYLE.encode("utf-8"), "text/css; charset=utf-8")

    def app(self) -> ASGIApp:
        routes = [
            Route("/", self.page, methods=["GET"]),
            Route("/static/{name}", self.static, methods=["GET"]),
            Route("/health", self.health, methods=["GET"]),
            Route("/api/checks", self.list_checks, methods=["GET"]),
            Route("/api/lint", self.json_route(Article, "lint"), methods=["POST"]),
            Route("/api/accept", self.json_route(AcceptRequest, "accept"), methods=["POST"]),
            Route("/api/fix", self.json_route(Article, "fix"), methods=["POST"]),
            Route("/api/open", self.open_file, methods=["POST"]),
        ]
        app = Starlette(routes=routes,
                        exception_handlers={HTTPException: self.http_error, Exception: self.internal_error})
        return Guard(app, self.loopback, self.max_active)

    async def http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        messages = {404: f"no such page: {request.url.path[:200]}",
                    405: f"{request.method} is not allowed here"}
        return error(exc.status_code, messages.get(exc.status_code, exc.detail), dict(exc.headers or {}))

    async def internal_error(self, request: Request, exc: Exception) -> Response:
        from factlint.engine import _reason

        return error(500, f"internal error ({_reason(exc)}); please report it")

    async def page(self, request: Request) -> Response:
        body, media = self.assets["index.html"]
        return Response(body, media_type=media, headers={"Cache-Control": "no-cache"})

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in self.assets or name == "index.html":  # only the package's own files, by name
            return error(404, f"no such file: {name[:100]}")
        body, media = self.assets[name]
        return Response(body, media_type=media, headers={"Cache-Control": "no-cache"})

    async def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "workers": self.pool.size,
                             "idle": self.pool.idle, "restarts": self.pool.restarts},
                            headers={"Cache-Control": "no-store"})

    async def list_checks(self, request: Request) -> Response:
        return Response(self.checks, media_type="application/json")

    def json_route(self, model: type[Article], op: str) -> Callable[[Request], Any]:
        async def route(request: Request) -> Response:
            try:
                media = request.headers.get("content-type", "").split(";")[0].strip().lower()
                if media != "application/json":
                    raise Failure(415, "send the request as JSON (Content-Type: application/json); "
                                       "a file's bytes go to /api/open")
                try:
                    article = model.model_validate_json(await read_body(request, self.max_body))
                except ValidationError as exc:
                    raise Failure(400, f"bad request: {_invalid(exc)}") from None
                extra = {"finding": article.finding.model_dump()} if isinstance(article, AcceptRequest) else {}
                return await self.lint(op, article, **extra)
            except Failure as exc:
                return error(exc.status, str(exc), exc.headers)
        return route

    async def open_file(self, request: Request) -> Response:
        """A file the editor opened, as bytes: decoded as ``factlint check`` decodes files, then linted."""
        from factlint.source import SourceError, decode

        try:
            try:
                query = OpenQuery.model_validate(dict(request.query_params))
            except ValidationError as exc:
                raise Failure(400, f"bad request: {_invalid(exc)}") from None
            data = await read_body(request, self.max_body)
            try:
                source = decode(query.name, data, KINDS[query.kind] if query.kind else None)
            except SourceError as exc:
                raise Failure(422, f"{query.name}: {exc}") from None
            article = Article(text=source.text, kind=API_KINDS[source.kind], published=query.published,
                              name=query.name)
            return await self.lint("lint", article, echo=True)
        except Failure as exc:
            return error(exc.status, str(exc), exc.headers)

    async def lint(self, op: str, article: Article, **extra: Any) -> Response:
        # Text the API refuses (NUL characters) comes back as 422 from the worker; lone surrogates never get
        # here (the JSON parser refuses them, decoding never makes them).
        request = {"op": op, "text": article.text, "kind": article.kind, "name": article.name,
                   "published": article.published.isoformat() if article.published else None, **extra}
        try:
            status, body = await self.pool.call(request)
        except PoolError as exc:
            raise Failure(exc.status, str(exc)) from None
        return Response(body, status, media_type="application/json", headers={"Cache-Control": "no-store"})
