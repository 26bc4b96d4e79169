"""Baselines: record today's findings, then report only new ones, surviving edits elsewhere."""

from __future__ import annotations

import json

ARTICLE = "Title\n\nThe old quay was busy.\n\nA second paragraph.\n"


def test_baseline_hides_recorded_findings_and_survives_edits_elsewhere(project):
    project.write("story.txt", ARTICLE)
    code, out, err = project.run("--write-baseline", "baseline.json", "story.txt")
    assert code == 0 and out == "No findings in 1 file.\n" and "recorded 1 finding in baseline.json" in err
    data = json.loads((project.path / "baseline.json").read_text())
    assert data["findings"] == ["story.txt\tZ901\tquay\t0"]

    assert project.run("--baseline", "baseline.json", "story.txt")[0] == 0
    # Lines added above move the finding: still known.
    project.write("story.txt", "Title\n\nA new first paragraph.\n\nMore.\n\n" + ARTICLE.split("\n\n", 1)[1])
    code, out, _ = project.run("--baseline", "baseline.json", "story.txt")
    assert (code, out) == (0, "No findings in 1 file. The baseline hid 1.\n")


def test_a_second_occurrence_is_new(project):
    project.write("story.txt", ARTICLE)
    project.run("--write-baseline", "baseline.json", "story.txt")
    project.write("story.txt", ARTICLE + "\nAnother quay here.\n")
    code, out, _ = project.run("--baseline", "baseline.json", "story.txt")
    assert code == 1
    assert out.splitlines()[0].startswith("story.txt:7:9: Z901")


def test_baseline_is_per_file(project):
    project.write("a.txt", ARTICLE)
    project.run("--write-baseline", "baseline.json", "a.txt")
    project.write("b.txt", ARTICLE)
    code, out, _ = project.run("--baseline", "baseline.json", "a.txt", "b.txt")
    assert code == 1 and [line.split(":")[0] for line in out.splitlines() if ": Z901" in line] == ["b.txt"]


def test_baseline_paths_are_relative_to_the_project(project, monkeypatch):
    project.write("news/story.txt", ARTICLE)
    project.run("--write-baseline", "baseline.json", "news/story.txt")
    monkeypatch.chdir(project.path / "news")
    code, out, _ = project.run("--baseline", "../baseline.json", "story.txt")
    assert (code, out) == (0, "No findings in 1 file. The baseline hid 1.\n")


def test_bad_baseline_files(project):
    project.write("story.txt", ARTICLE)
    code, _, err = project.run("--baseline", "missing.json", "story.txt")
    assert code == 2 and err.strip().endswith("missing.json: cannot read the baseline (No such file or directory)")
    project.write("bad.json", "[1, 2]")
    code, _, err = project.run("--baseline", "bad.json", "story.txt")
    assert code == 2 and "bad.json: not a factlint baseline" in err
    assert "Traceback" not in err
