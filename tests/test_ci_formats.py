"""Reports for CI: paths from the project root, SARIF (schema, base ids, help), JUnit (read back by a
parser), GitLab Code Quality, --output-file, --statistics, the GitHub step summary; and colours."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

ARTICLE = "Title\n\nThe first quay,\nthen 100% of the last quay.\n"


@pytest.fixture
def nested(project, monkeypatch):
    """A project whose config is at the root, run from its subfolder news/."""
    project.config(select=["Z901", "Z902"])
    project.write("news/a.txt", ARTICLE)
    project.write("news/clean.txt", "Nothing to see.\n")
    monkeypatch.chdir(project.path / "news")
    return project


def test_paths_are_relative_to_the_project_root_in_every_format(nested):
    assert nested.run("--output-format", "concise", "a.txt")[1].startswith("news/a.txt:3:11: Z901")
    assert nested.run("a.txt")[1].startswith("news/a.txt:3:11: Z901")
    assert {f["path"] for f in json.loads(nested.run("--format", "json", "a.txt")[1])["findings"]} == {"news/a.txt"}
    assert "file=news/a.txt," in nested.run("--format", "github", "a.txt")[1]
    assert json.loads(nested.run("--format", "gitlab", "a.txt")[1])[0]["location"]["path"] == "news/a.txt"
    assert 'name="news/a.txt"' in nested.run("--format", "junit", "a.txt")[1]


def test_sarif_from_a_subfolder_validates_and_resolves_against_the_root(nested, shared):
    import jsonschema

    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(nested.run("--format", "sarif", "a.txt", "clean.txt")[1])
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    base = run["originalUriBaseIds"]["PROJECTROOT"]["uri"]
    assert base == nested.path.resolve().as_uri() + "/"
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "news/a.txt", "uriBaseId": "PROJECTROOT"}
    assert (nested.path / location["uri"]).is_file()
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["Z901"]["help"]["text"].startswith("Z901 mark-quay (warning, on by default)")
    info = run["tool"]["driver"]["informationUri"]
    assert info.startswith("https://") and "pypi.org" not in info
    assert rules["D101"]["helpUri"].endswith("docs/checks.md#d101-date-conflict")
    assert "helpUri" not in rules["Z901"]  # a plugin's check is not in factlint's documentation
    fix = run["results"][0]["fixes"][0]
    assert fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "harbour"


def test_docs_checks_lists_built_in_checks_under_their_anchors():
    from factlint.registry import load_registry
    from factlint.reporters.checks_doc import anchor, builtin

    doc = (Path(__file__).resolve().parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    headings = {line[3:] for line in doc.splitlines() if line.startswith("## ")}
    checks = {f"{c.code} {c.name}": c for c in load_registry().sorted() if builtin(c)}
    assert headings and headings <= set(checks), "regenerate: python -m factlint.reporters.checks_doc > docs/checks.md"
    assert anchor(checks["D101 date-conflict"]) == "d101-date-conflict"


def test_sarif_urls_come_from_the_package_metadata():
    from factlint.reporters.sarif import project_urls

    urls = project_urls()
    assert all(url.startswith("https://") for url in urls.values())
    assert not any("pypi.org" in url for url in urls.values())


def test_junit_is_read_back_by_a_junit_parser(nested, tmp_path):
    junitparser = pytest.importorskip("junitparser", reason="junitparser (dev extra) is not installed")
    report = tmp_path / "junit.xml"
    code, out, _ = nested.run("--format", "junit", "--output-file", str(report), "a.txt", "clean.txt")
    assert code == 1 and out == ""
    xml = junitparser.JUnitXml.fromfile(str(report))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {"news/a.txt", "news/clean.txt"}
    failed = [case for case in suites["news/a.txt"] if not case.is_passed]
    assert len(failed) == 3 and failed[0].result[0].type == "Z901 warning"
    assert failed[0].result[0].message == "'quay' found"
    assert [case.is_passed for case in suites["news/clean.txt"]] == [True]
    assert (xml.tests, xml.failures) == (4, 3)


GITLAB_SCHEMA = {  # the Code Quality report format of GitLab's documentation
    "type": "array",
    "items": {"type": "object",
              "required": ["description", "check_name", "fingerprint", "severity", "location"],
              "properties": {
                  "description": {"type": "string"}, "check_name": {"type": "string"},
                  "fingerprint": {"type": "string", "minLength": 1},
                  "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
                  "location": {"type": "object", "required": ["path"], "properties": {
                      "path": {"type": "string"},
                      "lines": {"type": "object", "required": ["begin"]},
                      "positions": {"type": "object", "required": ["begin"], "properties": {
                          "begin": {"type": "object", "required": ["line"]}}}},
                      "anyOf": [{"required": ["lines"]}, {"required": ["positions"]}]}}},
}


def test_gitlab_code_quality_shape(nested):
    import jsonschema

    issues = json.loads(nested.run("--format", "gitlab", "a.txt", "clean.txt")[1])
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert [i["severity"] for i in issues] == ["minor", "minor", "major"]
    assert len({i["fingerprint"] for i in issues}) == 3
    assert issues[0]["location"]["positions"]["begin"] == {"line": 3, "column": 11}


def test_statistics_per_check(nested):
    code, out, _ = nested.run("--statistics", "a.txt")
    assert code == 1 and out.splitlines() == ["2  Z901  mark-quay", "1  Z902  link-quays"]
    rows = json.loads(nested.run("--statistics", "--format", "json", "a.txt")[1])
    assert rows == [{"code": "Z901", "name": "mark-quay", "count": 2, "fixable": 0},
                    {"code": "Z902", "name": "link-quays", "count": 1, "fixable": 0}]


def test_output_file_and_its_errors(nested):
    code, out, _ = nested.run("--format", "json", "-o", "reports/out.json", "a.txt")
    assert out == "" and len(json.loads((nested.path / "news" / "reports" / "out.json").read_text())["findings"]) == 3
    nested.write("news/blocker", "a file where a folder should be")
    code, _, err = nested.run("--output-file", "blocker/out.txt", "a.txt")
    assert code == 2 and "blocker/out.txt: cannot write the report" in err and "Traceback" not in err


def test_github_step_summary_is_a_markdown_table(nested, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    nested.write("news/other.txt", "A quay.\n")
    nested.run("--format", "github", "a.txt", "other.txt")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### factlint\n\n4 findings in 2 of 2 files.")
    rows = [line for line in text.splitlines() if line.startswith("| news/")]
    assert len(rows) == 4 and all(line.count(" | ") == 5 for line in rows)
    nested.run("--format", "json", "a.txt")  # only the github format writes the summary
    assert summary.read_text(encoding="utf-8") == text


def test_step_summary_escapes_cells():
    from factlint.findings import Finding
    from factlint.reporters.github import step_summary

    f = Finding("a|b.md", 1, 1, 1, 2, "T506", "repeated-word", "warning", "one | two <b>x</b>\nthree", (), "y|z")
    row = step_summary([f], 1, 10_000).splitlines()[-2]
    assert row == "| a\\|b.md | 1:1 | T506 repeated-word | warning | one \\| two &lt;b&gt;x&lt;/b&gt;<br>three | y\\|z |"


def test_step_summary_is_capped_in_size():
    from factlint.findings import Finding
    from factlint.reporters.github import step_summary

    findings = [Finding("a.md", n, 1, n, 2, "T506", "repeated-word", "warning", "x" * 500) for n in range(1, 3000)]
    text = step_summary(findings, 1, 100_000)
    assert len(text.encode()) < 100_000 and "more findings are not shown" in text


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("env, choice, tty, expected", [
    ({}, "auto", True, True), ({}, "auto", False, False), ({"NO_COLOR": "1"}, "auto", True, False),
    ({"FORCE_COLOR": "1"}, "auto", False, True), ({"FORCE_COLOR": "0"}, "auto", True, True),
    ({"FORCE_COLOR": "0"}, "auto", False, False), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, "auto", False, False),
    ({"NO_COLOR": "1"}, "always", False, True), ({"FORCE_COLOR": "1"}, "never", True, False),
    ({"TERM": "dumb"}, "auto", True, False), ({"NO_COLOR": ""}, "auto", True, True),
])
def test_colour_follows_no_color_and_force_color(monkeypatch, env, choice, tty, expected):
    from factlint.output import use_colour

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_colour(choice, _Stream(tty)) is expected


def test_force_color_reaches_the_report(project, monkeypatch):
    project.write("a.txt", ARTICLE)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\033[" in project.run("a.txt")[1]
    assert "\033[" not in project.run("--color", "never", "a.txt")[1]
