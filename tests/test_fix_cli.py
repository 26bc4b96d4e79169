"""--fix, --unsafe-fixes and --diff on files: atomic, encodings and line ends kept, refused on a changed file."""

from __future__ import annotations

import os

import pytest

from factlint.fix_files import FixError, write_atomically

DOUBLED = "The minister said the the plan was ready.\nThe firm intends to to start work.\n"
FIXED = "The minister said the plan was ready.\nThe firm intends to start work.\n"
NOTICE = "The port deal was signed on Monday.\n\nTranslated by Google Translate\n"


@pytest.fixture
def real(project):
    """A project that runs the built-in checks."""
    project.config(select=["T"])
    return project


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    lambda t: b"\xfe\xff" + t.replace("\n", "\r\n").encode("utf-16-be"),
], ids=["utf-8", "utf-8-bom-crlf", "utf-16-le", "utf-16-be-crlf"])
def test_fix_keeps_encoding_bom_and_line_ends(real, encode):
    path = real.write("a.txt", encode(DOUBLED))
    mode = 0o640
    os.chmod(path, mode)
    code, out, err = real.run("--fix", "a.txt")
    assert path.read_bytes() == encode(FIXED)
    assert os.stat(path).st_mode & 0o777 == mode
    assert code == 0 and "No findings in 1 file." in out and "fixed 2 findings in 1 file" in err
    assert [p.name for p in real.path.iterdir() if p.name.startswith(".a.txt")] == []  # no temporary file left


def test_diff_shows_the_change_and_writes_nothing(real):
    path = real.write("a.txt", DOUBLED)
    code, out, err = real.run("--diff", "a.txt")
    assert code == 1 and path.read_text(encoding="utf-8") == DOUBLED
    assert out.splitlines()[:2] == ["--- a/a.txt", "+++ b/a.txt"]
    assert "-The minister said the the plan was ready." in out and "+The minister said the plan was ready." in out
    assert "would fix 2 findings in 1 file" in err
    real.write("clean.txt", "Nothing to fix.\n")
    assert real.run("--diff", "clean.txt")[:2] == (0, "")


def test_an_unsafe_fix_is_left_and_the_reason_given(real):
    path = real.write("a.txt", NOTICE)
    code, out, err = real.run("--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == NOTICE and code == 1
    assert "a.txt:3:1: T503 not fixed: not a safe fix: it deletes a passage" in err
    real.run("--fix", "--unsafe-fixes", "a.txt")
    assert "Translated" not in path.read_text(encoding="utf-8")


def test_a_display_only_suggestion_says_why(real):
    path = real.write("a.md", "The minister said the **the** plan was ready.\n")
    code, _, err = real.run("--fix", "a.md")
    assert code == 1 and "T506 not fixed: the flagged text contains markup" in err
    assert path.read_text(encoding="utf-8") == "The minister said the **the** plan was ready.\n"


def test_fix_through_markup_and_html(real):
    md = real.write("a.md", "# Title\n\n— We relaxed after the *second* goal, the coach said.\n")
    page = real.write("b.html", "<p>The trans-Caspian line.</p><p>The trans&mdash;Caspian route.</p>")
    real.run("--fix", "a.md", "b.html")
    assert md.read_text(encoding="utf-8") == '# Title\n\n"We relaxed after the *second* goal," the coach said.\n'
    assert page.read_text(encoding="utf-8") == "<p>The trans-Caspian line.</p><p>The trans-Caspian route.</p>"


def test_fix_on_standard_input_prints_the_fixed_text(real, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DOUBLED.encode())))
    code, out, err = real.run("--fix", "-")
    assert out == FIXED and code == 0 and "No findings" in err


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"edited meanwhile\n")
    with pytest.raises(FixError, match="changed since it was read"):
        write_atomically(str(path), b"fixed\n", b"as read\n")
    assert path.read_bytes() == b"edited meanwhile\n" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    write_atomically(str(path), b"fixed\n", b"edited meanwhile\n")
    assert path.read_bytes() == b"fixed\n"


def test_fix_refuses_when_the_file_changes_during_the_run(real, monkeypatch):
    import factlint.fix_files as fix_files

    path = real.write("a.txt", DOUBLED)
    original = fix_files.fix_text

    def meddle(*args, **kwargs):
        outcome = original(*args, **kwargs)
        path.write_text("Someone else's edit.\n", encoding="utf-8")
        return outcome

    monkeypatch.setattr(fix_files, "fix_text", meddle)
    code, _, err = real.run("--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == "Someone else's edit.\n"
    assert "a.txt: it changed since it was read; not fixed" in err


def test_a_symlink_is_fixed_in_its_target(real):
    target = real.write("real/a.txt", DOUBLED)
    link = real.path / "link.txt"
    link.symlink_to(target)
    real.run("--fix", "link.txt")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED
