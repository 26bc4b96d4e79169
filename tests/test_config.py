"""Configuration: where it is found, what it selects, and one-line errors for bad values."""

from __future__ import annotations

import pytest

from tests.conftest import ENGINE_CHECKS

ARTICLE = "Title\n\nThe old quay was busy.\n"


def finding_codes(out: str) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in out.splitlines() if line.startswith(("a.", "sub/", "news/"))]


def test_config_found_upward_from_a_subfolder(project, monkeypatch):
    project.write("sub/deeper/a.txt", ARTICLE)
    monkeypatch.chdir(project.path / "sub" / "deeper")
    code, out, _ = project.run("a.txt")
    assert code == 1 and "a.txt:3:9: Z901" in out


@pytest.mark.parametrize("name", ["factlint.toml", ".factlint.toml", "pyproject.toml"])
def test_each_config_file_name(project, name):
    (project.path / "factlint.toml").unlink()
    project.config(name, select=["Z903"])
    project.write("a.txt", ARTICLE)
    assert finding_codes(project.run("a.txt")[1]) == ["Z903", "Z903"]


def test_pyproject_without_the_table_is_passed_over(project, monkeypatch):
    project.write("sub/pyproject.toml", "[project]\nname = 'x'\n")
    project.write("sub/a.txt", ARTICLE)
    monkeypatch.chdir(project.path / "sub")
    assert finding_codes(project.run("a.txt")[1]) == ["Z901"]


def test_explicit_config(project):
    project.config("other.toml", select=["Z903"])
    project.write("a.txt", ARTICLE)
    assert finding_codes(project.run("--config", "other.toml", "a.txt")[1]) == ["Z903", "Z903"]


@pytest.mark.parametrize("keys, expected", [
    ({"select": ["Z"]}, ["Z903", "Z903", "Z901"]),
    ({"select": ["Z90"], "ignore": ["info-every-block"]}, ["Z901"]),
    ({"select": ["mark-quay"], "extend-select": ["Z903"]}, ["Z903", "Z903", "Z901"]),
    ({"select": ["Z"], "ignore": ["Z9"]}, []),
])
def test_select_ignore_extend_select(project, keys, expected):
    project.config(**keys)
    project.write("a.txt", ARTICLE)
    assert finding_codes(project.run("a.txt")[1]) == expected


def test_command_line_select_replaces_config(project):
    project.write("a.txt", ARTICLE)
    assert finding_codes(project.run("--select", "Z903", "a.txt")[1]) == ["Z903", "Z903"]
    assert finding_codes(project.run("--extend-select", "Z903", "--ignore", "Z901", "a.txt")[1]) == ["Z903", "Z903"]


def test_per_check_severity_and_fail_on(project):
    project.config(select=["Z901", "Z903"], severity={"Z901": "info", "info-every-block": "error"})
    project.write("a.txt", ARTICLE)
    code, out, _ = project.run("a.txt")
    assert code == 1 and "Z901 [info]" in out and "Z903 [error]" in out
    project.config(select=["Z901"], severity={"Z901": "info"})
    assert project.run("a.txt")[0] == 0  # info does not reach the default failing severity (warning)
    project.config(select=["Z901"], severity={"Z901": "info"}, fail_on="info")
    assert project.run("a.txt")[0] == 1
    assert project.run("--fail-on", "error", "a.txt")[0] == 0


def test_severity_by_family_prefix_and_exact_code(project):
    project.config(select=["Z"], severity={"Z": "info", "Z90": "warning", "Z903": "error"})
    project.write("a.txt", ARTICLE)
    out = project.run("a.txt")[1]
    assert "Z901 [warning]" in out and "Z903 [error]" in out
    project.config(select=["Z"], severity={"ALL": "info"})
    assert "[warning]" not in project.run("a.txt")[1]


def test_per_file_ignores(project):
    project.config(select=["Z901"], per_file_ignores={"news/archive/*": ["mark-quay"]})
    project.write("news/archive/old.txt", ARTICLE)
    project.write("news/new.txt", ARTICLE)
    code, out, _ = project.run("news")
    assert code == 1 and [line.split(":")[0] for line in out.splitlines() if "Z901" in line] == ["news/new.txt"]


def test_include_and_exclude_globs(project):
    project.config(select=["Z901"], include=["*.md"], exclude=["drafts", "*.skip.md"])
    for name in ("news/a.md", "news/b.txt", "news/c.skip.md", "drafts/d.md", ".hidden/e.md"):
        project.write(name, ARTICLE)
    out = project.run("--no-cache", ".")[1]
    assert [line.split(":")[0] for line in out.splitlines() if "Z901" in line] == ["news/a.md"]
    # exclude also applies to files named on the command line (as pre-commit passes them), with a note
    code, out, err = project.run("drafts/d.md")
    assert (code, out) == (0, "No findings in 0 files.\n")
    assert err == "factlint: drafts/d.md: not linted: the configuration's exclude matches it\n"


@pytest.mark.parametrize("body, message", [
    ("colour = 'red'\n", "factlint.toml: invalid configuration: colour: unknown key"),
    ("select = 'Z901'\n", "factlint.toml: invalid configuration: select: Input should be a valid list"),
    ("fail-on = 'fatal'\n", "factlint.toml: invalid configuration: fail-on: Input should be 'error', 'warning' or 'info'"),
    ("[severity]\nZ901 = 'loud'\n", "factlint.toml: invalid configuration: severity.Z901: Input should be"),
    ("select = ['Q999']\n", "factlint.toml: select: 'Q999' matches no check"),
    ("ignore = ['no-such-check']\n", "factlint.toml: ignore: 'no-such-check' matches no check"),
    ("[per-file-ignores]\n'*.md' = ['Q9']\n", "factlint.toml: per-file-ignores.*.md: 'Q9' matches no check"),
    ("select = [\n", "factlint.toml: not valid TOML"),
])
def test_bad_config_is_one_line_naming_file_key_and_reason(project, body, message):
    (project.path / "factlint.toml").write_text(f"plugins = ['{ENGINE_CHECKS.as_posix()}']\n{body}")
    project.write("a.txt", ARTICLE)
    code, out, err = project.run("a.txt")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err


def test_missing_explicit_config(project):
    code, _, err = project.run("--config", "nope.toml", "a.txt")
    assert code == 2 and "nope.toml: config file not found" in err


def test_config_applies_to_rules_and_explain(project):
    code, out, _ = project.run("rules")
    assert code == 0
    rows = {line.split()[0]: line.split() for line in out.splitlines()}
    assert rows["Z901"][3] == "on" and rows["Z903"][3] == "off"


def test_facts_paths_are_relative_to_the_config_and_errors_are_one_line(project, monkeypatch):
    project.config(select=["Z901"], facts=["house/facts.yaml"])
    project.write("sub/a.txt", ARTICLE)
    monkeypatch.chdir(project.path / "sub")
    code, out, err = project.run("a.txt")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and str(project.path / "house" / "facts.yaml") in err


def test_validated_config_is_memoised_and_a_changed_one_is_validated_again(project):
    project.write("a.txt", ARTICLE)
    assert project.run("--no-cache", "a.txt")[0] == 1
    assert not list(project.path.glob(".factlint_cache/config-*.json"))
    assert project.run("a.txt")[0] == 1
    assert len(list(project.path.glob(".factlint_cache/config-*.json"))) == 1
    assert project.run("a.txt")[0] == 1
    project.config(select=["Z901"], fail_on="fatal")
    code, _, err = project.run("a.txt")
    assert code == 2 and "fail-on: Input should be" in err
