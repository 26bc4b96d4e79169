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
    assert (code, out) == (0, "No findings in 1 file.\nThe baseline hid 1.\n")


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
    assert (code, out) == (0, "No findings in 1 file.\nThe baseline hid 1.\n")


def test_bad_baseline_files(project):
    project.write("story.txt", ARTICLE)
    code, _, err = project.run("--baseline", "missing.json", "story.txt")
    assert code == 2 and err.strip().endswith("missing.json: cannot read the baseline (No such file or directory)")
    project.write("bad.json", "[1, 2]")
    code, _, err = project.run("--baseline", "bad.json", "story.txt")
    assert code == 2 and "bad.json: not a factlint baseline" in err
    assert "Traceback" not in err


def test_summary_counts_hidden_and_stale_entries_and_update_drops_them(project):
    project.write("a.txt", ARTICLE + "\nAnother quay.\n")
    project.write("b.txt", ARTICLE)
    project.run("--write-baseline", "baseline.json", "a.txt", "b.txt")
    project.write("a.txt", ARTICLE)  # the second quay was fixed
    code, out, _ = project.run("--baseline", "baseline.json", "a.txt")
    assert (code, out) == (0, "No findings in 1 file.\nThe baseline hid 1; 1 of its entries no longer matches "
                              "(--update-baseline drops it).\n")
    # b.txt was not part of that run: its entry is not stale
    code, out, _ = project.run("--baseline", "baseline.json", "--update-baseline", "a.txt")
    assert out == "No findings in 1 file.\nThe baseline hid 1; 1 of its entries no longer matched and was dropped.\n"
    assert json.loads((project.path / "baseline.json").read_text())["findings"] == \
        ["a.txt\tZ901\tquay\t0", "b.txt\tZ901\tquay\t0"]
    (project.path / "b.txt").unlink()  # a file that is gone: its entries are stale whatever the run
    project.run("--baseline", "baseline.json", "--update-baseline", "a.txt")
    assert json.loads((project.path / "baseline.json").read_text())["findings"] == ["a.txt\tZ901\tquay\t0"]


def test_summary_says_pass_or_fail_under_fail_on(project):
    def verdict(out: str) -> list[str]:
        lines = out.splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith(("Found ", "No findings")))
        return lines[at:at + 2]

    project.write("a.txt", ARTICLE)
    assert verdict(project.run("a.txt")[1]) == ["Found 1 finding (1 warning) in 1 of 1 file.",
                                                "Failed: 1 at or above fail-on 'warning'."]
    code, out, _ = project.run("--fail-on", "error", "a.txt")
    assert code == 0 and verdict(out)[1] == "Passed: none at or above fail-on 'error'."
    code, out, _ = project.run("--exit-zero", "--format", "concise", "a.txt")
    assert code == 0 and verdict(out)[1] == "Failed: 1 at or above fail-on 'warning' (exit 0: --exit-zero)."


def test_update_baseline_needs_a_baseline(project):
    project.write("a.txt", ARTICLE)
    code, _, err = project.run("--update-baseline", "a.txt")
    assert code == 2 and "--update-baseline needs --baseline FILE" in err
