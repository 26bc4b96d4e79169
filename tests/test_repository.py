"""A content repository as a newsroom keeps it: .gitignore, nested configs, many files, workers."""

from __future__ import annotations

import os
import subprocess
import shutil
from pathlib import Path

import pytest

from factlint.runner import SPAWNED_THRESHOLD, available_cpus
from tests.conftest import ENGINE_CHECKS

ARTICLE = "Headline\n\nThe old quay was busy.\n"


def linted(out: str) -> list[str]:
    return sorted({line.split(":")[0] for line in out.splitlines() if ": Z90" in line})


# --- what is linted -------------------------------------------------------------------------

def test_gitignore_and_ignore_files_are_honoured(project, monkeypatch):
    project.write(".gitignore", "build/\n*.draft.md\n!keep.draft.md\n/notes.txt\n")
    project.write("news/.gitignore", "scratch/\n")
    project.write("news/.ignore", "embargoed.md\n")
    for name in ("news/a.md", "build/a.md", "news/build/b.md", "news/x.draft.md", "news/keep.draft.md",
                 "notes.txt", "news/notes.txt", "news/scratch/c.md", "news/embargoed.md", "news/b.mdx"):
        project.write(name, ARTICLE)
    assert linted(project.run("--no-cache", ".")[1]) == ["news/a.md", "news/b.mdx", "news/keep.draft.md",
                                                         "news/notes.txt"]
    # from inside the tree, the repository's top-level .gitignore still applies
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(project.path)], check=True, capture_output=True)
    monkeypatch.chdir(project.path / "news")
    assert linted(project.run("--no-cache", ".")[1]) == ["news/a.md", "news/b.mdx", "news/keep.draft.md",
                                                         "news/notes.txt"]  # reported from the project root


def test_gitignore_can_be_switched_off(project):
    project.config(select=["Z901"], respect_gitignore=False)
    project.write(".gitignore", "build/\n")
    project.write("build/a.md", ARTICLE)
    assert linted(project.run("--no-cache", ".")[1]) == ["build/a.md"]


def test_double_star_globs_in_include_and_exclude(project):
    project.config(select=["Z901"], include=["news/**/*.md"], exclude=["**/wire/**", "news/*/old-*.md"])
    for name in ("news/a.md", "news/2025/05/b.md", "news/2025/wire/c.md", "news/2025/old-d.md", "other/e.md"):
        project.write(name, ARTICLE)
    assert linted(project.run("--no-cache", ".")[1]) == ["news/2025/05/b.md", "news/a.md"]


def test_show_files_lists_what_would_be_linted(project):
    project.write(".gitignore", "public/\n")
    for name in ("content/a.md", "content/b.txt", "public/a.html", "content/c.py"):
        project.write(name, ARTICLE)
    code, out, _ = project.run("--show-files", ".")
    assert code == 0 and out.splitlines() == ["content/a.md", "content/b.txt"]


def test_an_excluded_file_named_on_the_command_line_is_a_note(project):
    project.config(select=["Z901"], exclude=["drafts/"])
    project.write("drafts/a.md", ARTICLE)
    code, out, err = project.run("drafts/a.md")
    assert code == 0 and "drafts/a.md: not linted: the configuration's exclude matches it" in err


# --- the nearest configuration, per file ----------------------------------------------------------

@pytest.fixture
def two_desks(project):
    """world/ selects Z901 in its own config; sport/ uses the root's, which selects Z903."""
    project.config(select=["Z903"])
    project.write("world/factlint.toml", f"select = ['Z901']\nplugins = ['{ENGINE_CHECKS.as_posix()}']\n")
    project.write("world/a.txt", ARTICLE)
    project.write("sport/b.txt", ARTICLE)
    return project


def codes_by_file(out: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for line in out.splitlines():
        if ": Z90" in line:
            found.setdefault(Path(line.split(":")[0]).name, set()).add(line.split(": ")[1].split()[0])
    return found


def test_each_file_uses_its_nearest_config(two_desks, monkeypatch):
    expected = {"a.txt": {"Z901"}, "b.txt": {"Z903"}}
    assert codes_by_file(two_desks.run("--no-cache", ".")[1]) == expected
    assert codes_by_file(two_desks.run(".")[1]) == expected  # and so does the cache
    monkeypatch.chdir(two_desks.path / "sport")  # from another folder, as an editor would
    assert codes_by_file(two_desks.run("--no-cache", "../world/a.txt", "b.txt")[1]) == expected
    assert codes_by_file(two_desks.run("--no-cache", str(two_desks.path / "world" / "a.txt"))[1]) == \
        {"a.txt": {"Z901"}}


def test_command_line_config_and_selection_win_everywhere(two_desks):
    assert codes_by_file(two_desks.run("--no-cache", "--select", "Z901", ".")[1]) == \
        {"a.txt": {"Z901"}, "b.txt": {"Z901"}}
    other = two_desks.config("other.toml", select=["Z903"])
    assert codes_by_file(two_desks.run("--no-cache", "--config", str(other), ".")[1]) == \
        {"a.txt": {"Z903"}, "b.txt": {"Z903"}}


def test_show_settings_names_each_config(two_desks):
    code, out, _ = two_desks.run("--show-settings", "--ignore", "Z902", ".")
    assert code == 0
    assert f'config = "{two_desks.path / "world" / "factlint.toml"}"' in out
    assert f'config = "{two_desks.path / "factlint.toml"}"' in out
    assert 'select = ["Z901"]' in out and 'ignore = ["Z902"]  # from the command line' in out


def test_a_bad_config_in_a_subfolder_names_it(two_desks):
    two_desks.write("world/factlint.toml", "colour = 'red'\n")
    code, _, err = two_desks.run(".")
    assert code == 2 and "world/factlint.toml: invalid configuration: colour: unknown key" in err


# --- workers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_folder_runs_are_the_same_under_fork_and_spawn(project, monkeypatch, method):
    project.write("world/factlint.toml", f"select = ['Z901', 'Z903']\nplugins = ['{ENGINE_CHECKS.as_posix()}']\n")
    count = SPAWNED_THRESHOLD + 6  # enough for a pool under either start method
    for n in range(count):
        project.write(f"{'world' if n % 2 else 'sport'}/story-{n:03}.txt", ARTICLE.replace("old", f"old {n}"))
    serial = project.run("--no-cache", "--jobs", "1", ".")
    monkeypatch.setenv("FACTLINT_START_METHOD", method)
    pooled = project.run("--no-cache", "--jobs", "2", ".")
    assert pooled == serial and serial[0] == 1
    assert f"in {count} of {count} files" in serial[1]
    assert pooled == project.run("--jobs", "2", ".") == project.run(".")  # writing and reading the cache


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_below_one_is_refused(project, value):
    code, _, err = project.run("--jobs", value, ".")
    assert code == 2 and "--jobs" in err


def test_available_cpus_respects_affinity(monkeypatch):
    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this platform")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert available_cpus() == 1


def test_available_cpus_respects_the_cgroup_quota(monkeypatch, tmp_path):
    quota = tmp_path / "cpu.max"
    monkeypatch.setattr("factlint.runner.CGROUP_CPU_MAX", quota)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)), raising=False)
    quota.write_text("150000 100000\n")
    assert available_cpus() == 2
    quota.write_text("max 100000\n")
    assert available_cpus() == 8
