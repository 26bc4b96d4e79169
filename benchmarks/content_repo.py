"""A newsroom's content repository, measured: factlint from the terminal and as a pre-commit hook.

Builds a temporary git repository of N Markdown articles (front matter with a headline, a
standfirst and a publication date; bodies taken from ../shared/corpus/real when it is there, else
written from a template) and a ``.gitignore``d ``public/`` build folder holding a rendered copy of
every article, then, for each factlint given (this worktree's, and e.g. main's), alternating and
taking medians:

- ``factlint --no-cache .``: files linted, findings, wall time;
- ``pre-commit run --all-files`` with a ``repo: local`` hook running that factlint with the hook
  definition of its own checkout (``require_serial`` as its ``.pre-commit-hooks.yaml`` says).

    python benchmarks/content_repo.py --factlint .venv/bin/factlint --factlint /work/main/.venv/bin/factlint
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
TEMPLATE = ("The council approved a plan for the harbour on Tuesday, {n} March, after a long debate. "
            "The works will cost €{n}m and finish next year, the mayor said.\n\nResidents asked for a "
            "second meeting before the summer.\n")


def build(folder: Path, articles: int) -> None:
    bodies = sorted(CORPUS.glob("*.txt"))[:articles] if CORPUS.is_dir() else []
    for n in range(articles):
        body = bodies[n].read_text(encoding="utf-8") if n < len(bodies) else TEMPLATE.format(n=n % 28 + 1)
        first = body.strip().split("\n", 1)[0][:70].replace('"', "'")
        page = (f'---\ntitle: "{first}"\ndescription: "Article {n} of the benchmark repository."\n'
                f"date: 2025-05-{n % 28 + 1:02d}\n---\n\n{body}")
        (folder / "content" / f"desk-{n % 5}").mkdir(parents=True, exist_ok=True)
        (folder / "content" / f"desk-{n % 5}" / f"article-{n:03d}.md").write_text(page, encoding="utf-8")
        (folder / "public" / f"article-{n:03d}").mkdir(parents=True, exist_ok=True)
        (folder / "public" / f"article-{n:03d}" / "index.html").write_text(
            f"<html><body><article><p>{body}</p></article></body></html>\n", encoding="utf-8")
    (folder / ".gitignore").write_text("public/\n.factlint_cache/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "."], cwd=folder, check=True)


def hook_config(factlint: str) -> str:
    """A local hook running ``factlint`` with the hook definition of the checkout it belongs to."""
    import yaml

    checkout = Path(factlint).parent.parent.parent  # <checkout>/.venv/bin/factlint (not resolved: a venv links python)
    manifest = yaml.safe_load((checkout / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = dict(next(h for h in manifest if h["id"] == "factlint"))
    hook.update(entry=str(Path(factlint).absolute()), language="system", args=["--no-cache"])
    hook.pop("minimum_pre_commit_version", None)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})


SUMMARY = re.compile(r"^(?:Found (\d+) findings? .* in \d+ of (\d+) files?|No findings in (\d+) files?)", re.M)


def lint_once(factlint: str, folder: Path) -> tuple[float, int, int]:
    """Wall time, findings and files linted (both read from the summary line, which every version prints)."""
    start = time.perf_counter()
    done = subprocess.run([factlint, "--no-cache", "--color", "never", "."], cwd=folder, capture_output=True,
                          text=True)
    elapsed = time.perf_counter() - start
    m = SUMMARY.search(done.stdout)
    if m is None:
        raise SystemExit(f"{factlint}: no summary line: {done.stdout[-300:]} {done.stderr[-300:]}")
    return elapsed, int(m[1] or 0), int(m[2] or m[3])


def hook_once(factlint: str, folder: Path, home: Path) -> tuple[float, int, str]:
    (folder / ".pre-commit-config.yaml").write_text(hook_config(factlint), encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose", "--color",
                           "never"], cwd=folder, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    summaries = [line for line in done.stdout.splitlines() if line.startswith(("Found ", "No findings"))]
    return elapsed, len(summaries), summaries[-1] if summaries else done.stdout[-300:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factlint", action="append", required=True, help="a factlint executable (repeat)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hook-rounds", type=int, default=3)
    args = parser.parse_args()
    args.factlint = [str(Path(f).absolute()) for f in args.factlint]
    with tempfile.TemporaryDirectory(prefix="factlint-repo-") as tmp:
        folder = Path(tmp) / "newsroom"
        folder.mkdir()
        build(folder, args.articles)
        print(f"repository: {args.articles} articles in content/, {args.articles} pages in the ignored public/")
        lint = {f: [] for f in args.factlint}
        hook = {f: [] for f in args.factlint}
        facts: dict[str, tuple] = {}
        for _ in range(args.rounds):
            for f in args.factlint:  # alternated, so both see the same machine load
                elapsed, findings, files = lint_once(f, folder)
                lint[f].append(elapsed)
                facts[f] = (findings, files)
        if shutil.which("git") and subprocess.run([sys.executable, "-m", "pre_commit", "--version"],
                                                  capture_output=True).returncode == 0:
            for _ in range(args.hook_rounds):
                for f in args.factlint:
                    elapsed, processes, summary = hook_once(f, folder, Path(tmp) / "pre-commit-home")
                    hook[f].append((elapsed, processes, summary))
        for f in args.factlint:
            findings, files = facts[f]
            print(f"\n{f}")
            print(f"  factlint .: {files} files linted, {findings} findings, "
                  f"median {statistics.median(lint[f]):.2f} s of {len(lint[f])} runs")
            if hook[f]:
                times = [h[0] for h in hook[f]]
                print(f"  pre-commit run --all-files: median {statistics.median(times):.2f} s, "
                      f"{hook[f][-1][1]} factlint summary line(s); last: {hook[f][-1][2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
