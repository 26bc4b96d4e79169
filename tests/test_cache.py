"""The content cache: a hit skips loading the checks; any change to file, settings or check code misses."""

from __future__ import annotations

import os

COUNTING = '''
from pathlib import Path
from factlint.api import Check, Issue

class Counting(Check):
    """
    What it checks: x
    Why an editor cares: x
    Fires on: x
    Passes: x
    """
    code, name, severity, summary = "X851", "counting", "warning", "counts its runs"

    def run(self, doc):
        with open(Path(__file__).with_name("runs.log"), "a") as log:
            log.write(doc.path + "\\n")
        yield Issue(0, 1, "seen")
'''


def runs(project) -> list[str]:
    log = project.path / "runs.log"
    return log.read_text().split() if log.exists() else []


def test_cache_hits_and_invalidation(project):
    project.write("counting.py", COUNTING)
    project.config(plugins=["counting.py"], select=["X851"])
    project.write("a.txt", "Text.\n")
    first = project.run("a.txt")
    assert first[0] == 1 and runs(project) == ["a.txt"]
    assert project.run("a.txt") == first and runs(project) == ["a.txt"]  # served from the cache
    assert project.run("--no-cache", "a.txt") == first and len(runs(project)) == 2
    project.write("a.txt", "Text changed.\n")
    project.run("a.txt")
    assert len(runs(project)) == 3  # the file changed
    project.run("--fail-on", "error", "a.txt")
    assert len(runs(project)) == 3  # fail-on only changes the exit code, not the findings
    project.run("--select", "counting", "a.txt")
    assert len(runs(project)) == 4  # other settings: miss
    plugin = project.path / "counting.py"
    stat = plugin.stat()
    os.utime(plugin, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    project.run("a.txt")
    assert len(runs(project)) == 5  # the check's code changed


def test_cache_folder_is_ignored_by_git(project):
    project.write("a.txt", "Text.\n")
    project.run("a.txt")
    assert (project.path / ".factlint_cache" / ".gitignore").read_text() == "*\n"


def test_results_with_a_failing_check_are_not_cached(project):
    project.write("boom.py", COUNTING.replace('yield Issue(0, 1, "seen")', "raise RuntimeError('flaky')"))
    project.config(plugins=["boom.py"], select=["X851"])
    project.write("a.txt", "Text.\n")
    assert "flaky" in project.run("a.txt")[2]
    assert "flaky" in project.run("a.txt")[2]
    assert len(runs(project)) == 2
