"""The pre-commit hook, proven by a real ``pre-commit try-repo`` run against a temporary content repository.

pre-commit builds a virtual environment for the hook and pip-installs this
repository into it, so the test needs git, pre-commit and the package index
(or the local wheel cache pip is configured with). It skips with the reason
when one of them is missing; it is slow (it builds a venv) but stays in the suite.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

INSTALL_FAILURES = ("Could not find a version", "No matching distribution", "Failed to establish a new connection",
                    "Temporary failure in name resolution", "ConnectionError", "Network is unreachable")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.mark.slow
def test_pre_commit_try_repo_runs_factlint_on_articles_only(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[dev]')")
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout, so pre-commit cannot use it as a hook repository")
    # The hook repository: a clone of the committed state (try-repo wants a repository it can check out).
    hooks = tmp_path / "hooks"
    git(tmp_path, "clone", "--quiet", str(ROOT), str(hooks))
    content = tmp_path / "content"
    content.mkdir()
    git(content, "init", "--quiet")
    (content / "factlint.toml").write_text('select = ["T506"]\n', encoding="utf-8")
    (content / "story.md").write_text("# Budget day\n\nThe minister said the the budget was ready.\n",
                                      encoding="utf-8")
    (content / "notes.txt").write_text("Nothing wrong here.\n", encoding="utf-8")
    (content / "page.html").write_text("<p>A clean page.</p>\n", encoding="utf-8")
    (content / "script.py").write_text("# the the: code is not an article\n", encoding="utf-8")
    git(content, "add", ".")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    env.pop("VIRTUAL_ENV", None)

    def try_repo() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "factlint",
                               "--all-files", "--verbose", "--color", "never"],
                              cwd=content, env=env, capture_output=True, text=True, timeout=900)

    done = try_repo()
    output = done.stdout + done.stderr
    if done.returncode not in (0, 1) or "An unexpected error has occurred" in output:
        if any(marker in output for marker in INSTALL_FAILURES):
            pytest.skip(f"pre-commit could not install the hook's dependencies (no package index?): "
                        f"{output.strip().splitlines()[-1]}")
    assert done.returncode == 1, output
    assert "story.md:3:19: T506 [warning]" in output and "in 1 of 3 files" in output
    assert "script.py" not in output
    assert "- hook id: factlint" in output and "Failed" in output

    (content / "story.md").write_text("# Budget day\n\nThe minister said the budget was ready.\n", encoding="utf-8")
    git(content, "add", ".")
    done = try_repo()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def _content_repository(tmp_path: Path, articles: int) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    git(content, "init", "--quiet")
    (content / "factlint.toml").write_text('select = ["T506"]\n', encoding="utf-8")
    (content / ".gitignore").write_text("public/\n", encoding="utf-8")
    for n in range(articles):
        (content / "news" / f"story-{n:02}.md").parent.mkdir(exist_ok=True)
        body = "The minister said the the budget was ready." if n == 3 else f"Story {n} is clean."
        (content / "news" / f"story-{n:02}.md").write_text(f"---\ntitle: Story {n}\n---\n\n{body}\n",
                                                           encoding="utf-8")
    (content / "news" / "feature.mdx").write_text("---\ntitle: A a feature\n---\n\nText.\n", encoding="utf-8")
    return content


@pytest.mark.slow
def test_pre_commit_run_is_one_serial_process_over_more_files_than_cores(tmp_path):
    """A real ``pre-commit run`` with this repository as the hook repository (a local clone, no network)."""
    if shutil.which("git") is None or importlib.util.find_spec("pre_commit") is None:
        pytest.skip("needs git and pre-commit (pip install -e '.[dev]')")
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout, so pre-commit cannot use it as a hook repository")
    hooks = tmp_path / "hooks"
    git(tmp_path, "clone", "--quiet", str(ROOT), str(hooks))
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, capture_output=True, text=True,
                         check=True).stdout.strip()
    articles = 4 * (os.cpu_count() or 2) + 3  # pre-commit would split these over every core unless serial
    content = _content_repository(tmp_path, articles)
    (content / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: factlint\n", encoding="utf-8")
    git(content, "add", ".")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose", "--color",
                           "never"], cwd=content, env=env, capture_output=True, text=True, timeout=900)
    output = done.stdout + done.stderr
    if done.returncode not in (0, 1) and any(marker in output for marker in INSTALL_FAILURES):
        pytest.skip(f"pre-commit could not install the hook's dependencies: {output.strip().splitlines()[-1]}")
    assert done.returncode == 1, output
    summaries = [line for line in output.splitlines() if line.startswith(("Found ", "No findings"))]
    assert summaries == [f"Found 2 findings (2 warnings) in 2 of {articles + 1} files."], output
    assert "Failed: 2 at or above fail-on 'warning'." in output
    assert "news/story-03.md:5:19: T506" in output and "news/feature.mdx:2:8: T506" in output


def test_readme_snippet_names_a_rev_with_this_hook_definition():
    """The README's pre-commit snippet must work as pasted: its rev exists and has the serial hook."""
    import re

    import yaml

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## pre-commit"):]
    snippet = yaml.safe_load(section.split("```yaml", 1)[1].split("```", 1)[0])
    hook_repo = snippet["repos"][0]
    rev = hook_repo["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", rev), rev
    shown = subprocess.run(["git", "show", f"{rev}:.pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True, text=True)
    assert shown.returncode == 0, f"rev {rev} is not in this repository: {shown.stderr}"
    hook = next(h for h in yaml.safe_load(shown.stdout) if h["id"] == "factlint")
    assert hook["require_serial"] is True and "mdx" in hook["types_or"]
    assert "verbose: true" in section and "fail-on" in section
