"""factlint serve over HTTP: a real server process on loopback, its JSON API, its guards and hostile requests.

The browser tests are in test_serve_browser.py, the load test in test_serve_load.py.
"""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.serve_support import (  # noqa: F401 (fixtures)
    SEED,
    SEED_PUBLISHED,
    cases,
    cli_findings,
    client,
    server,
    unpathed,
    workdir,
)
from tests.test_html_report import _Elements

HOSTILE = ('# Notes <script>alert("title")</script>\n\n'
           'The minister said the the plan "><img src=x onerror=alert(1)> was ready &amp; fine.\n\n'
           "The firm intends to to start <b onclick=alert(2)>work</b> &lt;script&gt; &#60;i&#62;.\n")


def seed_request(**more) -> dict:
    return {"text": SEED.read_text(encoding="utf-8"), "kind": "txt", "published": SEED_PUBLISHED,
            "name": SEED.name, **more}


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


# --- the page and its files ------------------------------------------------------------------------

def test_health(client):
    answer = client.get("/health")
    assert answer.status == 200 and answer.json()["status"] == "ok"
    assert answer.json()["workers"] == 2


def test_the_page_runs_only_its_own_script_and_styles(client):
    answer = client.get("/")
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/html")
    csp = answer.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and answer.headers["x-content-type-options"] == "nosniff"
    page = answer.body.decode()
    tags = elements(page)
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert scripts and all(attrs.get("src", "").startswith("/static/") for attrs in scripts)  # no inline script
    assert not any(name.startswith("on") or name == "style" for _, attrs in tags for name in attrs)
    assert "<style" not in page and "http://" not in page and "https://" not in page  # nothing from elsewhere
    for tag, attrs in tags:
        ref = attrs.get("src") or (attrs.get("href") if tag == "link" else None)
        if ref:
            assert client.get(ref).status == 200, ref


def test_static_files_are_the_packages_own(client):
    from factlint.reporters.highlight import STYLE

    css = client.get("/static/highlight.css")
    assert css.status == 200 and css.body.decode() == STYLE  # one source of truth with --format html
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    for path in ("/static/../pyproject.toml", "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e/cli.py",
                 "/static/", "/static/worker.py", "/static/index.html", "/static/app.js%00.png",
                 "/static//etc/passwd", "/..%2f..%2fetc/passwd", "/static/....//....//etc/passwd"):
        answer = client.get(path)
        assert answer.status == 404, path
        assert "error" in answer.json() and b"import" not in answer.body


def test_checks_list_with_their_explanations(client):
    checks = {c["code"]: c for c in client.get("/api/checks").json()}
    assert checks["D101"]["name"] == "date-conflict" and checks["D101"]["enabled"]
    titles = [s["title"] for s in checks["D101"]["sections"]]
    assert titles[:2] == ["What it checks", "Why an editor cares"] and "Fires on" in titles
    assert "What it checks" in checks["D101"]["explain"]


# --- linting ---------------------------------------------------------------------------------------

def test_findings_are_the_clis(client, workdir):
    answer = client.post("/api/lint", seed_request())
    assert answer.status == 200, answer.body
    data = answer.json()
    expected = cli_findings([SEED], workdir, "--published", SEED_PUBLISHED)[str(SEED)]
    assert unpathed(data["findings"]) == expected
    assert data["summary"] == "6 findings (1 error, 5 warnings)" and data["complete"]
    assert data["published"] == SEED_PUBLISHED and data["published_from"] == "request"
    d101 = next(f for f in data["findings"] if f["code"] == "D101")
    marks = [a for t, a in elements(data["html"]["text"]) if t == "mark"]
    assert any(a.get("id") == "f0" and "fl-primary" in a["class"] for a in marks)  # the D101 span…
    assert any(a.get("id") == "f0-r0" and "fl-related" in a["class"] for a in marks)  # …and its other side
    assert d101["related"] and 'data-index="0"' in data["html"]["findings"] and "fl-accept" in data["html"]["findings"]
    assert data["html"]["filters"].count('type="checkbox"') == 2  # D and T


def test_the_articles_own_date_is_used_and_shown(client):
    text = "---\ntitle: Port\ndate: 2025-05-20\n---\n\nOn Monday, 19 May 2025, the port reopened.\n"
    data = client.post("/api/lint", {"text": text, "kind": "md", "published": None}).json()
    assert data["published"] == "2025-05-20" and data["published_from"] == "article"
    plain = client.post("/api/lint", {"text": "No date here.", "kind": "txt", "published": None}).json()
    assert plain["published"] is None and plain["published_from"] is None


def test_hostile_article_comes_back_escaped(client):
    data = client.post("/api/lint", {"text": HOSTILE, "kind": "md", "published": None}).json()
    assert data["findings"], "the doubled words are found"
    for html in data["html"].values():
        tags = elements(html)
        assert not {t for t, _ in tags} & {"script", "img", "b", "i", "iframe", "link", "object"}
        assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
    assert "&lt;script&gt;alert(" in data["html"]["text"] and "&amp;lt;script&amp;gt;" in data["html"]["text"]


def test_broken_front_matter_is_a_warning_not_an_error(client):
    text = "---\ntitle: [unclosed\ndate: 2025-05-20\n---\n\nThe the port reopened.\n"
    answer = client.post("/api/lint", {"text": text, "kind": "md", "published": None})
    assert answer.status == 200
    assert any("front matter is not valid YAML" in w for w in answer.json()["warnings"])


def test_html_articles(client):
    text = "<html><body><article><p>The minister said the the plan was ready.</p></article></body></html>"
    data = client.post("/api/lint", {"text": text, "kind": "html", "published": None}).json()
    [finding] = [f for f in data["findings"] if f["code"] == "T506"]
    assert text[finding["start"]:finding["end"]].lower().startswith("the")


# --- accepting suggestions ---------------------------------------------------------------------------

def test_accept_applies_one_fix_and_lints_again(client):
    data = client.post("/api/lint", seed_request()).json()
    d101 = next(f for f in data["findings"] if f["code"] == "D101")
    pick = {"code": "D101", "start": d101["start"], "end": d101["end"]}
    answer = client.post("/api/accept", seed_request(finding=pick))
    assert answer.status == 200, answer.body
    after = answer.json()
    text = SEED.read_text(encoding="utf-8")
    assert after["text"] == text[:d101["start"]] + "14 May 2025" + text[d101["end"]:]
    assert "D101" not in [f["code"] for f in after["findings"]]
    assert len(after["findings"]) == len(data["findings"]) - 1 and after["applied"][0]["code"] == "D101"


def test_accept_an_unsafe_fix_the_editor_chose(client):
    data = client.post("/api/lint", seed_request()).json()
    t503 = next(f for f in data["findings"] if f["code"] == "T503")
    assert t503["fix"]["applicability"] == "unsafe"
    after = client.post("/api/accept", seed_request(finding={"code": "T503", "start": t503["start"],
                                                              "end": t503["end"]})).json()
    assert "Переведено" not in after["text"] and "T503" not in [f["code"] for f in after["findings"]]


def test_accept_on_a_changed_text_is_a_conflict(client):
    answer = client.post("/api/accept", seed_request(finding={"code": "D101", "start": 3, "end": 9}))
    assert answer.status == 409 and "no longer" in answer.json()["error"]


def test_fix_applies_every_safe_fix(client):
    answer = client.post("/api/fix", seed_request())
    assert answer.status == 200, answer.body
    after = answer.json()
    assert {f["code"] for f in after["applied"]} >= {"D101", "T504", "T505"}
    assert not [f for f in after["findings"] if f["fix"] and f["fix"]["applicability"] == "safe"]
    assert "T503" in [f["code"] for f in after["findings"]]  # unsafe: left for the editor
    assert "14 May 2025, the Trans-Caspian" in after["text"] and "trans-Caspian" in after["text"]


def test_fix_when_the_name_says_another_format(client):
    after = client.post("/api/fix", {"text": "The the port reopened.\n", "kind": "md", "published": None,
                                     "name": "notes.txt"}).json()
    assert after["text"] == "The port reopened.\n"


# --- opening files -------------------------------------------------------------------------------------

def test_open_decodes_like_the_cli(client, workdir):
    raw = "\ufeffThe the port reopened.\r\n\r\nThe ministers met on 14 May.\r\n"
    for encoding in ("utf-8", "utf-16"):
        data = raw.encode(encoding) if encoding == "utf-16" else raw.encode("utf-8")
        answer = client.post("/api/open?name=notes.txt", data, {"Content-Type": "application/octet-stream"})
        assert answer.status == 200, answer.body
        body = answer.json()
        assert body["text"] == raw[1:] and body["kind"] == "txt"
        path = workdir / f"open-{encoding}.txt"
        path.write_bytes(data)
        assert unpathed(body["findings"]) == cli_findings([path], workdir)[str(path)]
    md = client.post("/api/open?name=a.md", b"---\ndate: 2025-05-20\n---\n\nThe the port.\n").json()
    assert md["kind"] == "md" and md["published"] == "2025-05-20"


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"Caf\xe9 au lait was served on 14 May.", "not valid UTF-8"),
    (b"\xff\xfe" + "odd".encode("utf-16-le") + b"\x00", "not valid UTF-16"),
])
def test_open_refuses_what_is_not_an_article(client, data, reason):
    answer = client.post("/api/open?name=bad.txt", data, {"Content-Type": "application/octet-stream"})
    assert answer.status == 422 and reason in answer.json()["error"]
    assert "Traceback" not in answer.json()["error"]


def test_open_rejects_bad_parameters(client):
    assert client.post("/api/open?name=a.txt&kind=docx", b"x").status == 400
    assert client.post("/api/open?name=a.txt&published=soon", b"x").status == 400
    assert client.post("/api/open?name=a.txt&extra=1", b"x").status == 400


# --- bad requests ---------------------------------------------------------------------------------

@pytest.mark.parametrize("body, status, words", [
    (b"{not json", 400, "Invalid JSON"),
    (b"[1, 2]", 400, "object"),
    (b'{"kind": "md"}', 400, "text"),
    (b'{"text": 5}', 400, "valid string"),
    (b'{"text": "a", "kind": "docx"}', 400, "kind"),
    (b'{"text": "a", "published": "2025-02-30"}', 400, "published"),
    (b'{"text": "a", "published": 1747699200}', 400, "published"),
    (b'{"text": "a", "surprise": true}', 400, "surprise"),
    (b'{"text": "a\\u0000b"}', 422, "NUL"),
    (b'{"text": "lone \\ud800 surrogate"}', 400, "Invalid JSON"),
    (b"\xff\xfe\x00", 400, "Invalid JSON"),
    (b"", 400, "Invalid JSON"),
])
def test_bad_lint_requests_get_json_errors(client, body, status, words):
    answer = client.post("/api/lint", body, {"Content-Type": "application/json"})
    assert answer.status == status, answer.body
    assert words in answer.json()["error"] and "Traceback" not in answer.json()["error"]


def test_bad_accept_requests(client):
    bad = client.post("/api/accept", seed_request(finding={"code": "D101", "start": -1, "end": 2}))
    assert bad.status == 400
    assert client.post("/api/accept", seed_request()).status == 400  # no finding named


def test_json_endpoints_want_json(client):
    answer = client.post("/api/lint", b"text=hello", {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 415 and "application/json" in answer.json()["error"]


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/api/lint", 405), ("PUT", "/api/lint", 405), ("DELETE", "/", 405), ("POST", "/", 405),
    ("POST", "/health", 405), ("GET", "/nowhere", 404), ("PATCH", "/api/checks", 405),
])
def test_wrong_methods_and_paths(client, method, path, status):
    answer = client.request(method, path)
    assert answer.status == status and "error" in answer.json()


def test_body_limit(client):
    big = {"text": "word " * (2 * 1024 * 1024 // 5 + 10), "kind": "txt", "published": None}
    answer = client.post("/api/lint", big)
    assert answer.status == 413 and "2.0 MB" in answer.json()["error"]
    assert client.post("/api/open?name=a.txt", b"x" * (2 * 1024 * 1024 + 1)).status == 413
    assert client.get("/health").status == 200  # the connection was closed; a new one works


def test_body_limit_without_a_declared_length(server):
    """A chunked body is counted as it arrives and cut off at the limit."""
    host, port = urlsplit(server.url).hostname, urlsplit(server.url).port
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(b"POST /api/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"x" * 65536
        try:
            for _ in range(40):  # 2.5 MB
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            s.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before the rest arrived
        reply = _read_reply(s)
    assert reply.startswith(b"HTTP/1.1 413") and b'"error"' in reply


def test_an_absurd_declared_length_is_refused_before_reading(server):
    host, port = urlsplit(server.url).hostname, urlsplit(server.url).port
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(b"POST /api/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 1000000000000\r\n\r\n{")
        reply = _read_reply(s)
    assert reply.startswith(b"HTTP/1.1 413") and b"Connection: close" in reply.replace(b"connection", b"Connection")


def _read_reply(s: socket.socket) -> bytes:
    data = b""
    try:
        while chunk := s.recv(65536):
            data += chunk
            if b"\r\n\r\n" in data and b"}" in data.split(b"\r\n\r\n", 1)[1]:
                break
    except (ConnectionResetError, TimeoutError):
        pass
    return data


def test_huge_headers_and_garbage_are_answered_cleanly(server, client):
    host, port = urlsplit(server.url).hostname, urlsplit(server.url).port
    for request in (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
                    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64,  # a TLS hello
                    b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                    b"NONSENSE\r\n\r\n"):
        with socket.create_connection((host, port), timeout=30) as s:
            try:
                s.sendall(request)
                reply = s.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                reply = b""
        assert reply == b"" or reply.startswith(b"HTTP/1.1 4"), reply[:100]
    assert client.get("/health").status == 200
    assert "Traceback" not in server.stderr()


def test_requests_for_another_host_or_from_another_site_are_refused(client):
    rebound = client.get("/", {"Host": "attacker.example:8765"})  # DNS rebinding
    assert rebound.status == 421 and "loopback" in rebound.json()["error"]
    foreign = client.post("/api/lint", seed_request(), {"Origin": "http://attacker.example"})
    assert foreign.status == 403
    assert client.get("/health", {"Host": "localhost:1"}).status == 200


def test_nothing_is_written_in_the_servers_folder(client, workdir):
    before = sorted(p.name for p in workdir.rglob("*"))
    client.post("/api/lint", seed_request())
    client.post("/api/fix", seed_request())
    client.post("/api/open?name=x.md", b"The the port.\n")
    assert sorted(p.name for p in workdir.rglob("*")) == before
    assert not (workdir / ".factlint_cache").exists()


def test_every_case_gets_the_clis_json_findings(client, cases):
    """The page's request for an opened file (/api/open) gives exactly the CLI's JSON findings, field for field."""
    wrong = []
    for case in cases:
        query = f"name={case.path.name}" + (f"&published={case.published}" if case.published else "")
        answer = client.post(f"/api/open?{query}", case.path.read_bytes(), {"Content-Type": "application/octet-stream"})
        if answer.status != 200 or unpathed(answer.json()["findings"]) != case.findings:
            wrong.append(case.path.name)
    assert not wrong, wrong
    assert client.get("/health").json()["restarts"] == 0


# --- robustness: any bytes in, a JSON answer out -----------------------------------------------------

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
MARKUP = st.sampled_from(["<", ">", "&amp;", "&#", "\"", "'", "---\n", "\n\n", "*", "[", "](", "<!--", "—", "\r\n",
                          "\ufeff", "\u2028", "𝔘", "14 May 2025", "the the", "<script>", "</p>"])


def _is_json_answer(answer, statuses) -> bool:
    body = answer.json()
    return answer.status in statuses and ("findings" in body if answer.status == 200 else "error" in body)


@ROBUST
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.md", "a.txt", "a.html", "a"]))
def test_any_bytes_opened(server, data, name):
    c = server.client()
    try:
        answer = c.post(f"/api/open?name={name}", data, {"Content-Type": "application/octet-stream"})
        assert _is_json_answer(answer, {200, 422}), answer.body[:300]
    finally:
        c.close()


@ROBUST
@given(text=st.lists(st.one_of(MARKUP, st.text(max_size=40)), max_size=40).map("".join),
       kind=st.sampled_from(["md", "txt", "html"]))
def test_any_text_linted_and_its_spans_inside_it(server, text, kind):
    c = server.client()
    try:
        answer = c.post("/api/lint", {"text": text, "kind": kind, "published": None})
        assert _is_json_answer(answer, {200, 422}), answer.body[:300]
        if answer.status == 200:
            for f in answer.json()["findings"]:
                assert 0 <= f["start"] <= f["end"] <= len(text)
    finally:
        c.close()


@ROBUST
@given(body=st.one_of(st.binary(max_size=500), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "kind", "published", "name", "finding", "code", "start", "end", "x"]), inner, max_size=5),
    max_leaves=12).map(lambda v: json.dumps(v).encode())),
    path=st.sampled_from(["/api/lint", "/api/accept", "/api/fix"]))
def test_any_json_posted(server, body, path):
    c = server.client()
    try:
        answer = c.post(path, body, {"Content-Type": "application/json"})
        assert _is_json_answer(answer, {200, 400, 409, 422}), answer.body[:300]
    finally:
        c.close()
