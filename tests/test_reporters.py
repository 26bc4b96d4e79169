"""Output formats: text, json, sarif (schema-validated), github; exit codes."""

from __future__ import annotations

import json

import pytest

ARTICLE = "Title\n\nThe first quay,\nthen 100% of the last quay.\n"


@pytest.fixture
def linked(project):
    project.config(select=["Z901", "Z902"])
    project.write("a.txt", ARTICLE)
    return project


def test_json_is_exactly_version_and_findings(linked):
    from factlint import __version__
    from factlint.reporters.schema import ReportModel

    code, out, _ = linked.run("--format", "json", "a.txt")
    report = json.loads(out)
    assert code == 1 and list(report) == ["version", "findings"] and report["version"] == __version__
    ReportModel.model_validate(report)
    assert [set(f) for f in report["findings"]] == [{"path", "line", "column", "end_line", "end_column", "code",
                                                     "name", "severity", "message", "related", "suggestion",
                                                     "start", "end", "fix"}] * 3
    last = report["findings"][-1]
    assert (last["code"], last["line"], last["column"], last["end_column"]) == ("Z902", 4, 23, 27)
    assert ARTICLE[last["start"]:last["end"]] == "quay"
    assert last["related"] == [{"path": "a.txt", "line": 3, "column": 11, "end_line": 3, "end_column": 15,
                                "message": "the first 'quay'", "start": 17, "end": 21}]
    assert last["suggestion"] is None and last["fix"] is None
    first = report["findings"][0]
    assert first["suggestion"] == "harbour" and first["fix"] == {
        "applicability": "unsafe", "reason": "the check does not declare that the text decides its suggestion",
        "edits": [{"start": 17, "end": 21, "line": 3, "column": 11, "end_line": 3, "end_column": 15,
                   "original": "quay", "replacement": "harbour"}]}


def test_json_with_no_findings(project):
    project.write("a.txt", "Nothing to see.\n")
    code, out, _ = project.run("--format", "json", "a.txt")
    assert code == 0 and json.loads(out) == {"version": json.loads(out)["version"], "findings": []}


def test_sarif_is_valid_against_the_schema(linked, shared):
    import jsonschema

    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    code, out, _ = linked.run("--format", "sarif", "a.txt")
    log = json.loads(out)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"Z901", "Z902"} <= set(rules) and rules["Z902"]["name"] == "link-quays"
    assert "What it checks" in rules["Z901"]["fullDescription"]["text"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["Z901", "Z901", "Z902"]
    assert run["tool"]["driver"]["rules"][results[2]["ruleIndex"]]["id"] == "Z902"
    assert results[2]["level"] == "error"
    region = results[2]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 4, "startColumn": 23, "endLine": 4, "endColumn": 27}
    related = results[2]["relatedLocations"][0]
    assert related["physicalLocation"]["region"]["startLine"] == 3 and related["message"]["text"] == "the first 'quay'"
    fingerprints = [r["partialFingerprints"]["factlintFinding/v1"] for r in results]
    assert len(set(fingerprints)) == 3
    linked.write("a.txt", "Title\n\nA new paragraph above.\n\n" + ARTICLE.split("\n\n", 1)[1])
    moved = json.loads(linked.run("--format", "sarif", "a.txt")[1])["runs"][0]["results"]
    assert [r["partialFingerprints"]["factlintFinding/v1"] for r in moved] == fingerprints
    fix = results[0]["fixes"][0]["artifactChanges"][0]
    assert fix["artifactLocation"]["uri"] == "a.txt"
    assert fix["replacements"][0]["insertedContent"]["text"] == "harbour"


def test_sarif_without_findings_is_valid(project, shared):
    import jsonschema

    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    project.write("a.txt", "Nothing.\n")
    jsonschema.validate(json.loads(project.run("--format", "sarif", "a.txt")[1]), schema)


def test_github_workflow_commands(linked):
    code, out, _ = linked.run("--format", "github", "a.txt")
    lines = out.splitlines()
    assert lines[0] == ("::warning file=a.txt,line=3,col=11,endLine=3,endColumn=15,title=Z901 mark-quay::"
                        "'quay' found%0Asuggestion: harbour")
    assert lines[2] == ("::error file=a.txt,line=4,col=23,endLine=4,endColumn=27,title=Z902 link-quays::"
                        "the last 'quay'%0Aa.txt:3:11: the first 'quay'")


def test_github_escapes_properties_and_data():
    from factlint.findings import Finding
    from factlint.reporters.github import render

    f = Finding("dir,x:y.md", 1, 2, 1, 3, "Z901", "mark-quay", "info", "100% sure\nreally", ())
    assert render([f]) == ("::notice file=dir%2Cx%3Ay.md,line=1,col=2,endLine=1,endColumn=3,"
                           "title=Z901 mark-quay::100%25 sure%0Areally\n")


def test_concise_format_is_the_one_line_form(linked):
    code, out, _ = linked.run("--output-format", "concise", "a.txt")
    assert out.splitlines() == [
        "a.txt:3:11: Z901 [warning] 'quay' found",
        "    suggestion: harbour",
        "a.txt:4:23: Z901 [warning] 'quay' found",
        "    suggestion: harbour",
        "a.txt:4:23: Z902 [error] the last 'quay'",
        "    a.txt:3:11: the first 'quay'",
        "Found 3 findings (1 error, 2 warnings) in 1 of 1 file.",
        "Failed: 3 at or above fail-on 'warning'.",
    ]
    assert "\033[" not in out


def test_text_colour_only_when_asked_or_on_a_terminal(linked):
    for fmt in ("full", "concise"):
        assert "\033[" in linked.run("--format", fmt, "--color", "always", "a.txt")[1]
        assert "\033[" not in linked.run("--format", fmt, "--color", "auto", "a.txt")[1]  # not a terminal


def test_exit_codes(linked):
    assert linked.run("a.txt")[0] == 1
    assert linked.run("--exit-zero", "a.txt")[0] == 0
    assert linked.run("--fail-on", "error", "--select", "Z901", "a.txt")[0] == 0
    assert linked.run("--fail-on", "error", "a.txt")[0] == 1
    linked.write("clean.txt", "Nothing.\n")
    assert linked.run("clean.txt")[0] == 0
    assert linked.run("missing.txt")[0] == 2
    assert linked.run("a.txt", "missing.txt")[0] == 2
    assert linked.run("--format", "yaml", "a.txt")[0] == 2
    assert linked.run()[0] == 2


def test_findings_are_sorted_by_file_then_position(linked):
    linked.write("b/z.txt", ARTICLE)
    linked.write("b/c.txt", ARTICLE)
    out = linked.run("--format", "json", "b", "a.txt")[1]
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(out)["findings"]]
    assert [k[0] for k in keys] == ["b/c.txt"] * 3 + ["b/z.txt"] * 3 + ["a.txt"] * 3
    assert keys == [k for path in ("b/c.txt", "b/z.txt", "a.txt") for k in sorted(k for k in keys if k[0] == path)]
