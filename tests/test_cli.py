"""The command line: rules, explain, analyze, stdin, --published, help and version."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ENGINE_CHECKS, ROOT


def test_rules_lists_code_name_severity_state_summary(project):
    code, out, _ = project.run("rules")
    row = next(line for line in out.splitlines() if line.startswith("Z902"))
    assert code == 0 and row.split()[:4] == ["Z902", "link-quays", "error", "off"]
    assert row.endswith("flags the last 'quay' and relates it to the first (test check)")
    data = json.loads(project.run("rules", "--format", "json")[1])
    assert {"code": "Z901", "name": "mark-quay", "severity": "warning", "state": "on",
            "summary": "flags every 'quay' (test check)"} in data


def test_rules_lists_the_built_in_checks_with_valid_declarations():
    from factlint.api import CODE_PATTERN, NAME_PATTERN
    from factlint.registry import load_registry

    registry = load_registry()
    assert not registry.problems, registry.problems
    for cls in registry.sorted():
        assert CODE_PATTERN.fullmatch(cls.code) and NAME_PATTERN.fullmatch(cls.name) and not cls.problems()


def test_explain_by_code_and_by_name(project):
    code, out, _ = project.run("explain", "Z901")
    assert code == 0 and out.startswith("Z901 mark-quay (warning, on by default)")
    for section in ("What it checks:", "Why an editor cares:", "Fires on:", "Passes:"):
        assert section in out
    assert project.run("explain", "mark-quay")[1] == out
    assert project.run("explain", "z901")[1] == out


def test_explain_unknown_check(project):
    code, _, err = project.run("explain", "Q123")
    assert code == 2 and "no check with the code or name 'Q123'" in err


def test_stdin_with_a_filename_picks_the_reader(project, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"<p>The &amp; quay</p>")))
    code, out, _ = project.run("--stdin-filename", "story.html", "-")
    assert code == 1 and out.startswith("story.html:1:14: Z901")


def test_stdin_without_a_filename(project, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"A quay.\n")))
    assert project.run("-")[1].startswith("<stdin>:1:3: Z901")


def test_analyze_reports_the_document_and_published_option(project):
    project.write("a.md", "---\ndate: 2024-03-14\n---\n\nThe quay. A second sentence.\n")
    code, out, _ = project.run("analyze", "--format", "json", "a.md")
    data = json.loads(out)
    assert code == 0 and data["path"] == "a.md" and data["published"] == "2024-03-14"
    assert data["blocks"] == 1 and data["sentences"] == 2
    data = json.loads(project.run("analyze", "--format", "json", "--published", "2025-01-02", "a.md")[1])
    assert data["published"] == "2025-01-02"
    code, out, _ = project.run("analyze", "a.md")
    assert code == 0 and out.startswith("a.md: published 2024-03-14, 1 blocks, 2 sentences")


def test_analyze_bad_input(project):
    project.write("bin.txt", b"\x00\x01")
    code, _, err = project.run("analyze", "bin.txt")
    assert code == 2 and "bin.txt: binary file" in err
    assert project.run("analyze", "missing.txt")[0] == 2


def test_bad_published_value(project):
    code, _, err = project.run("--published", "7 Nov", "a.txt")
    assert code == 2 and "'7 Nov' is not a date in the form YYYY-MM-DD" in err


def test_help_and_version(project):
    assert project.run("--help")[0] == 0
    code, out, _ = project.run("--version")
    assert code == 0 and out.startswith("factlint ")


def test_console_script_and_module_entry_points():
    script = ROOT / ".venv" / "bin" / "factlint"
    fixture = str(ROOT / "fixtures" / "engine" / "lines.txt")
    for command in ([str(script)] if script.exists() else []) + [[sys.executable, "-m", "factlint"]]:
        command = command if isinstance(command, list) else [command]
        done = subprocess.run([*command, "--no-cache", "--select", "T", "--format", "json", fixture],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode in (0, 1), done.stderr
        assert json.loads(done.stdout)["findings"] is not None


# --- standard input keeps its format ------------------------------------------------------------

STORY = b"---\ntitle: The the quay\ndate: 2025-05-20\n---\n\nA quay.\n"


def stdin(monkeypatch, data: bytes) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_markdown_keeps_its_front_matter(project, monkeypatch):
    project.config(select=["Z901"])
    stdin(monkeypatch, STORY)
    code, out, _ = project.run("-", "--stdin-filename", "world/x.md")
    assert code == 1 and [line.split(": ")[0] for line in out.splitlines() if "Z901" in line] == \
        ["world/x.md:2:16", "world/x.md:6:3"]


def test_stdin_filename_alone_implies_standard_input(project, monkeypatch):
    stdin(monkeypatch, STORY)
    code, out, _ = project.run("--stdin-filename", "world/x.md")
    assert code == 1 and out.startswith("world/x.md:2:16: Z901")


@pytest.mark.parametrize("data, kind", [(STORY, "markdown"), (b"+++\ntitle = 'x'\n+++\nA quay.\n", "markdown"),
                                        (b"  <!DOCTYPE html><html><p>A quay.</p></html>", "html"),
                                        (b"<html><p>A quay.</p></html>", "html"), (b"A quay.\n", "text")])
def test_unnamed_stdin_is_sniffed(data, kind):
    from factlint.source import decode

    assert decode("<stdin>", data).kind == kind


def test_stdin_uses_the_config_nearest_its_name(project, monkeypatch):
    project.write("world/factlint.toml", f"select = ['Z903']\nplugins = ['{ENGINE_CHECKS.as_posix()}']\n")
    stdin(monkeypatch, b"A quay.\n")
    out = project.run("--stdin-filename", "world/x.txt")[1]
    assert "Z903" in out and "Z901" not in out


# --- help ----------------------------------------------------------------------------------------

def test_help_shows_defaults_exit_codes_and_examples(project):
    code, out, _ = project.run("--help")
    assert code == 0
    assert "(default: full)" in out and "(default: auto)" in out
    assert "exit codes:" in out and "  2  a usage, configuration or input error" in out
    assert out.count("\n  factlint ") >= 3  # three examples


def test_every_option_has_help_text():
    import argparse

    from factlint.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in [("factlint", parser), *subparsers.choices.items()]:
        for action in sub._actions:
            if not isinstance(action, argparse._SubParsersAction):
                assert action.help, f"{name}: {action.option_strings or action.dest} has no help"


@pytest.mark.parametrize("typo, meant", [("chek", "check"), ("rule", "rules"), ("explian", "explain"),
                                         ("analyse", "analyze")])
def test_a_mistyped_command_suggests_the_right_one(project, typo, meant):
    code, out, err = project.run(typo, "x")
    assert code == 2 and out == "" and f"did you mean '{meant}'?" in err


def test_a_file_named_like_a_command_is_still_a_file(project):
    project.write("rule", "A quay.\n")
    code, out, _ = project.run("rule")
    assert code == 1 and out.startswith("rule:1:3: Z901")


def test_shell_completion_is_generated_from_the_parser():
    shtab = pytest.importorskip("shtab")
    from factlint.cli import build_parser

    script = shtab.complete(build_parser(), shell="bash")
    assert "--stdin-filename" in script and "--report-unused-suppressions" in script
