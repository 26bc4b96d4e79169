"""Bad input never shows a traceback: one line naming the file and the reason, and the other files still run."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

GOOD = "Title\n\nThe old quay.\n"


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("name, data, reason", [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt: binary file (contains NUL bytes), not a text article"),
    ("latin1.md", "Café au lait\n".encode("latin-1"), "latin1.md: not valid UTF-8 (byte 0xe9 at line 1); convert the file to UTF-8"),
    ("late.txt", b"line\n" * 5 + b"\xff\xfe bad\n", "late.txt: not valid UTF-8 (byte 0xff at line 6)"),
])
def test_undecodable_file_is_one_line_and_others_still_run(project, name, data, reason):
    project.write(name, data)
    project.write("good.txt", GOOD)
    code, out, err = project.run(name, "good.txt")
    assert code == 2 and one_line(err).startswith(f"factlint: {reason}")
    assert "good.txt:3:9: Z901" in out and "in 1 of 1 file" in out


def test_nothing_checkable_exits_2(project):
    project.write("binary.txt", b"\x00\x01")
    code, out, err = project.run("binary.txt")
    assert code == 2 and "binary.txt: binary file" in one_line(err) and out == "No findings in 0 files.\n"


def test_missing_path(project):
    code, _, err = project.run("nowhere.md")
    assert code == 2 and one_line(err) == "factlint: nowhere.md: no such file"


def test_unreadable_path(project, monkeypatch):
    target = project.write("secret.md", GOOD)
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, _, err = project.run("--no-cache", str(target))
    assert code == 2 and one_line(err).endswith("secret.md: permission denied")


def test_folder_without_articles_and_folder_with_some(project):
    (project.path / "empty").mkdir()
    project.write("full/a.txt", GOOD)
    code, out, err = project.run("empty", "full")
    assert code == 2 and one_line(err).startswith("factlint: empty: no articles in this folder")
    assert "full/a.txt:3:9: Z901" in out


def test_empty_and_blank_files(project):
    project.write("empty.md", "")
    project.write("blank.txt", "\n\n  \n")
    project.write("bom.html", b"\xef\xbb\xbf")
    code, out, err = project.run("empty.md", "blank.txt", "bom.html")
    assert (code, out, err) == (0, "No findings in 3 files.\n", "")


def test_too_large_file(project, monkeypatch):
    monkeypatch.setattr("factlint.source.MAX_BYTES", 1000)
    project.write("huge.txt", "word " * 400)
    code, _, err = project.run("huge.txt")
    assert code == 2 and "huge.txt: file is 0.0 MB, over the 0 MB limit" in one_line(err)


def test_five_megabyte_article(project):
    paragraph = ("The harbour board met on Tuesday and agreed, after a long debate about the cost of stone, "
                 "that the old quay would be rebuilt by June. ")
    text = "Title\n\n" + "\n\n".join(paragraph * 3 for _ in range(5_000_000 // (len(paragraph) * 3)))
    for name in ("big.txt", "big.md"):
        project.write(name, text)
    html = "<html><body><article>" + "".join(f"<p>{paragraph * 3}</p>\n" for _ in range(5_000_000 // 600)) + \
        "</article></body></html>"
    project.write("big.html", html)
    started = time.perf_counter()
    code, out, err = project.run("--no-cache", "--format", "json", "big.txt", "big.md", "big.html")
    assert code == 1 and err == ""
    findings = json.loads(out)["findings"]
    assert {f["path"] for f in findings} == {"big.txt", "big.md", "big.html"}
    assert len(findings) == 2 * text.count("quay") + html.count("quay")
    assert time.perf_counter() - started < 120


@pytest.mark.parametrize("front", ["---\ntitle: [unclosed\n---\n", "---\n: : :\n---\n", "---\ndate: 2024-13-45\n---\n",
                                   "---\n- just\n- a list\n---\n", "---\n!!python/object:os.system x\n---\n",
                                   "---\ntitle: x\n"])
def test_broken_front_matter_is_a_warning_and_the_body_is_checked(project, front):
    project.write("a.md", front + "\nThe old quay.\n")
    code, out, err = project.run("a.md")
    assert code == 1 and "Z901" in out
    assert one_line(err).startswith("factlint: a.md: front matter")


@pytest.mark.parametrize("text", [
    "<" * 50_000, "<!--" * 20_000, "[" * 50_000 + "](", "`" * 30_000 + "a", "*_" * 30_000, "> " * 10_000 + "quay",
    "- " * 10_000 + "quay", "|" * 30_000 + "\n|-|\n", "&#" * 30_000, "&" * 30_000 + ";", "\\" * 50_000,
    "http://" + "a" * 100_000 + "\n", "\r" * 10_000, "\u2028" * 10_000, "\ufeff" * 100, "\U0001F600" * 20_000,
    "<a " * 20_000, "<a href='" * 20_000, "<![CDATA[" * 20_000, "</" * 20_000, "<p>x</p><a " * 20_000,
    "<b><i>" * 20_000 + "</b>" * 20_000, "[a](" * 20_000, "![" * 20_000, "_a " * 30_000, "    " * 20_000 + "x",
    " " * 80_000, "\n" * 100_000, "\n\n" + " \n" * 50_000, "# x" + " " * 80_000 + "y", "![a][" * 20_000,
    "# factlint " * 10_000, "x\n\n" + " " * 50_000, "<!-- factlint: ignore -->" * 10_000, "factlint: ignore " * 20_000,
])
@pytest.mark.parametrize("suffix", [".md", ".html", ".txt"])
def test_pathological_markup_is_read_quickly(project, text, suffix):
    project.write("weird" + suffix, text)
    started = time.perf_counter()
    code, _, err = project.run("--no-cache", "weird" + suffix)
    assert code in (0, 1) and err == "", err
    assert time.perf_counter() - started < 10


def test_directory_named_as_a_file_argument_is_walked(project):
    project.write("news/a.md", GOOD)
    code, out, _ = project.run("news")
    assert code == 1 and out.startswith("news/a.md:3:9: Z901")


def test_interrupted_output_pipe_is_quiet(project, monkeypatch):
    project.write("a.txt", GOOD)

    def broken(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr("sys.stdout.write", broken, raising=False)
    assert project.run("a.txt")[0] == 0


def test_an_internal_error_is_one_line(project, monkeypatch):
    def explode(*args, **kwargs):
        raise KeyError("lost")

    monkeypatch.setattr("factlint.runner.run", explode)
    project.write("a.txt", GOOD)
    code, _, err = project.run("a.txt")
    assert code == 2 and one_line(err).startswith("factlint: internal error (KeyError: 'lost' at ")


def test_analyze_survives_a_failing_analyser(project, monkeypatch):
    import json

    from factlint.document import Document

    def broken(self):
        raise ValueError("half-built analyser")

    monkeypatch.setattr(Document, "quotes", property(broken))
    project.write("a.txt", GOOD)
    code, out, err = project.run("analyze", "--format", "json", "a.txt")
    assert code == 0 and err == ""
    assert json.loads(out)["quotes"] == [{"error": "ValueError: half-built analyser"}]


def test_a_check_that_never_ends_is_stopped(project, monkeypatch):
    monkeypatch.setattr("factlint.engine.CHECKS_TIME_LIMIT", 0.5)
    project.write("loop.py", '''
from factlint.api import Check, Issue

class Forever(Check):
    """
    What it checks: x
    Why an editor cares: x
    Fires on: x
    Passes: x
    """
    code, name, severity, summary = "X861", "forever", "warning", "never returns"

    def run(self, doc):
        while True:
            try:
                pass
            except Exception:
                pass
''')
    from tests.conftest import ENGINE_CHECKS

    project.config(plugins=[str(ENGINE_CHECKS), "loop.py"], select=["X861", "Z901"])
    project.write("a.txt", GOOD)
    started = time.perf_counter()
    code, out, err = project.run("a.txt")
    assert time.perf_counter() - started < 10
    assert one_line(err) == ("factlint: a.txt: checks stopped after 0.5 s on this file, in X861 forever; "
                             "findings of X861, Z901 are missing")
    assert code == 0 and out == "No findings in 1 file.\n"
