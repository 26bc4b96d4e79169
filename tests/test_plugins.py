"""The check API from outside: a third-party plugin package, local plugin files, and factlint's own wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ENGINE_CHECKS, ROOT

PLUGIN_SOURCE = ROOT / "tests" / "plugins" / "factlint-sample-plugin"
BUILD_LEFTOVERS = shutil.ignore_patterns(".venv", ".git", ".factlint_cache", ".pytest_cache", ".hypothesis",
                                         "build", "dist", "*.egg-info", "__pycache__")


def build_wheel(source: Path, tmp: Path) -> Path:
    """Build a wheel from a copy of ``source`` (so no build/ or egg-info lands in the tree), offline."""
    copy = tmp / f"src-{source.name}"
    shutil.copytree(source, copy, ignore=BUILD_LEFTOVERS)
    out = tmp / "wheels"
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(out), str(copy)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    wheels = sorted(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.mark.slow
def test_a_third_party_plugin_package_is_installed_and_runs(tmp_path):
    wheel = build_wheel(PLUGIN_SOURCE, tmp_path)
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site),
                           str(wheel)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (site / "factlint_sample_plugin" / "__init__.py").is_file()
    article = tmp_path / "story.md"
    article.write_text("# Budget\n\nThe minister said TODO about the budget.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(site))

    def factlint(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "factlint", *args], capture_output=True, text=True,
                              timeout=120, env=env, cwd=tmp_path)

    rules = factlint("rules")
    assert rules.returncode == 0 and "X801  leftover-todo" in rules.stdout
    assert "X801 leftover-todo (error, on by default)" in factlint("explain", "leftover-todo").stdout
    run = factlint("--no-cache", "--select", "X", "--format", "json", str(article))
    findings = json.loads(run.stdout)["findings"]
    assert run.returncode == 1 and [(f["code"], f["line"], f["column"]) for f in findings] == [("X801", 3, 19)]
    # Without the plugin on the path, the check is simply not there.
    plain = subprocess.run([sys.executable, "-m", "factlint", "rules"], capture_output=True, text=True, timeout=60,
                           cwd=tmp_path)
    assert "X801" not in plain.stdout


@pytest.mark.slow
def test_factlint_wheel_ships_checks_inside_the_package(tmp_path):
    wheel = build_wheel(ROOT, tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert "factlint/checks/__init__.py" in names and "factlint/checks/text.py" in names
    assert "factlint/analysis/sentences.py" in names and "factlint/reporters/sarif.py" in names
    assert not [n for n in names if n.split("/")[0] in ("checks", "tests", "fixtures", "benchmarks")]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[factlint.checks]" in text and "text = factlint.checks.text" in text
    # The wheel works on its own (without the editable install's finder): -S skips site's .pth files.
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    deps = next(p for p in sys.path if p.endswith("site-packages"))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), deps]))
    probe = subprocess.run([sys.executable, "-S", "-c", "import factlint.checks.text as t, factlint.cli as c; "
                            "print(t.__file__); raise SystemExit(c.main(['rules']))"],
                           capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.splitlines()[0].startswith(str(site)) and "T506" in probe.stdout


def test_the_editable_install_maps_checks_into_the_package():
    probe = subprocess.run([sys.executable, "-c", "import factlint, factlint.checks.text as t; "
                            "print(factlint.__file__); print(t.__file__)"],
                           capture_output=True, text=True, timeout=60, cwd="/")
    assert probe.returncode == 0, probe.stderr
    package, checks = probe.stdout.splitlines()
    assert Path(package) == ROOT / "factlint" / "__init__.py"
    assert Path(checks) == ROOT / "checks" / "text.py"
    assert subprocess.run([sys.executable, "-c", "import checks"], capture_output=True, cwd="/").returncode != 0


# --- local plugin files named in the config ----------------------------------------------

PLUGIN_HEAD = '''
from factlint.api import Check, Issue

DOC = """
What it checks: x
Why an editor cares: x
Fires on: x
Passes: x
"""
'''


def plugin(project, name: str, body: str) -> Path:
    return project.write(name, PLUGIN_HEAD + body)


TODO_CHECK = '''
class Todo(Check):
    __doc__ = DOC
    code, name, severity, summary = "X811", "local-todo", "warning", "a TODO in copy"

    def run(self, doc):
        i = doc.text.find("TODO")
        if i != -1:
            yield Issue(i, i + 4, "TODO left in")
'''


def test_local_plugin_file_from_config(project):
    plugin(project, "house_checks.py", TODO_CHECK)
    project.config(plugins=["house_checks.py"], select=["X8"])
    project.write("a.txt", "Intro.\nWe will TODO this.\n")
    code, out, err = project.run("a.txt")
    assert code == 1 and out.startswith("a.txt:2:9: X811 [warning] TODO left in") and err == ""
    assert "X811  local-todo" in project.run("rules")[1]


def test_plugin_that_fails_to_load_is_one_line_and_the_rest_runs(project):
    plugin(project, "good.py", TODO_CHECK)
    plugin(project, "broken.py", "raise RuntimeError('cannot find my data file')\n")
    project.config(plugins=["broken.py", "good.py", "missing.py"], select=["X8"])
    project.write("a.txt", "TODO.\n")
    code, out, err = project.run("a.txt")
    assert code == 1 and "X811" in out
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in err
    assert lines[0].endswith("broken.py: failed to load (RuntimeError: cannot find my data file)")
    assert lines[1].endswith("missing.py: failed to load (PluginError: no such file)")


@pytest.mark.parametrize("body, reason", [
    ("    def run(self, doc):\n        return 1 / 0\n", "failed (ZeroDivisionError: division by zero at crash.py:"),
    ("    def run(self, doc):\n        yield 'not an issue'\n", "failed (TypeError: yielded str, not an Issue"),
    ("    def __init__(self):\n        raise ValueError('no model')\n", "could not start (ValueError: no model"),
])
def test_plugin_that_raises_in_run_is_one_line_and_the_rest_runs(project, body, reason):
    plugin(project, "crash.py", TODO_CHECK + '''
class Crash(Check):
    __doc__ = DOC
    code, name, severity, summary = "X812", "crash", "warning", "crashes"

''' + body)
    project.config(plugins=["crash.py"], select=["X8"])
    project.write("a.txt", "TODO.\n")
    code, out, err = project.run("a.txt")
    assert code == 1 and out.startswith("a.txt:1:1: X811")
    assert len(err.strip().splitlines()) == 1 and reason in err and "X812 crash" in err


def test_plugin_with_spans_out_of_range_is_clamped_into_the_file(project):
    plugin(project, "wild.py", '''
class Wild(Check):
    __doc__ = DOC
    code, name, severity, summary = "X813", "wild", "warning", "spans anywhere"

    def run(self, doc):
        yield Issue(-5, 10**9, "everything")
        yield Issue(10**9, 10**9 + 3, "past the end")
''')
    project.config(plugins=["wild.py"], select=["X813"])
    project.write("a.txt", "One line.\nTwo lines.\n")
    findings = json.loads(project.run("--format", "json", "a.txt")[1])["findings"]
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in findings] == [(1, 1, 3, 1), (3, 1, 3, 1)]


@pytest.mark.parametrize("declaration, problem", [
    ('code, name, severity, summary = "bad", "x", "warning", "s"', "code 'bad' is not a family letter and 3 digits"),
    ('code, name, severity, summary = "X820", "Not_Kebab", "warning", "s"', "name 'Not_Kebab' is not kebab-case"),
    ('code, name, severity, summary = "X821", "x", "fatal", "s"', "severity 'fatal' is not error, warning or info"),
    ('code, name, severity, summary = "T506", "mine", "warning", "s"', "code T506 is already taken"),
])
def test_invalid_check_declarations_are_refused_with_a_reason(project, declaration, problem):
    plugin(project, "odd.py", f'''
class Odd(Check):
    __doc__ = DOC
    {declaration}

    def run(self, doc):
        return iter(())
''')
    project.config(plugins=[str(ENGINE_CHECKS), "odd.py"], select=["Z901"])
    project.write("a.txt", "Text.\n")
    code, _, err = project.run("a.txt")
    assert code == 0 and problem in err and "check Odd ignored" in err


def test_docstring_sections_are_required(project):
    project.write("nodoc.py", '''
from factlint.api import Check

class NoDoc(Check):
    """Just a line."""
    code, name, severity, summary = "X830", "no-doc", "warning", "s"
''')
    project.config(plugins=[str(ENGINE_CHECKS), "nodoc.py"], select=["Z901"])
    project.write("a.txt", "Text.\n")
    err = project.run("a.txt")[2]
    assert "docstring lacks the section 'What it checks'" in err
