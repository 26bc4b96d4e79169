"""Benchmark: factlint against proselint, interpreter start to exit, in one run.

    .venv/bin/python benchmarks/bench.py [--repeat 7]

Measures, each command several times (medians reported, with the peak memory of
the command's process from its rusage):
  1. the seed article (../shared/seed): factlint cold (--no-cache), factlint warm
     (served from the cache) and `proselint check`;
  2. the real corpus (../shared/corpus/real): the same three;
  3. one long article made of 1, 10 and 100 copies of fixtures/summit-translation.txt,
     linted in-process (start-up would drown the differences), to show that the time
     grows linearly with the length.
It is not a test; it skips cleanly when ../shared (or proselint, for its rows) is absent.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def tool(name: str) -> list[str] | None:
    """The command for a console script: the project's venv first, then PATH."""
    local = Path(sys.executable).with_name(name)
    if local.exists():
        return [str(local)]
    found = shutil.which(name)
    return [found] if found else None


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time from start to exit, and the peak resident memory (KB) of that process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped by wait4
    return time.perf_counter() - started, usage.ru_maxrss


def measure(command: list[str], cwd: Path, repeat: int, warmup: bool = False) -> tuple[float, int]:
    if warmup:
        timed(command, cwd)
    runs = [timed(command, cwd) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def row(label: str, seconds: float, peak_kb: int, base: float | None = None) -> None:
    ratio = f"{seconds / base:6.2f}x" if base else "       "
    print(f"  {label:<44} {seconds * 1000:9.1f} ms  {ratio}  peak {peak_kb / 1024:6.1f} MB")


def growth(repeat: int) -> None:
    """Lint one article of 1, 10 and 100 copies of a fixture in this process (no start-up noise), all checks on."""
    import datetime as dt

    from factlint.config import Settings
    from factlint.engine import Linter
    from factlint.registry import load_registry

    fixture = ROOT / "fixtures" / "summit-translation.txt"
    text = fixture.read_text(encoding="utf-8").rstrip("\n")
    linter = Linter(Settings(root=ROOT), load_registry(), dt.date(2025, 5, 20))
    print(f"\nOne long article of N copies of {fixture.name}, all checks, in-process, median of {repeat}:")
    per_copy = {}
    for copies in (1, 10, 100):
        data = ("\n".join([text] * copies) + "\n").encode("utf-8")
        linter.lint_bytes("warm-up.txt", data)
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            linter.lint_bytes("long.txt", data)
            runs.append(time.perf_counter() - started)
        seconds = statistics.median(runs)
        per_copy[copies] = seconds / copies * 1000
        print(f"  {copies:>3} copies ({len(data) // 1024:>4} KB) {seconds * 1000:9.1f} ms   "
              f"{per_copy[copies]:6.2f} ms per copy")
    verdict = "linear" if per_copy[100] <= 1.5 * per_copy[10] else "SUPERLINEAR"
    print(f"  per-copy time from 10 to 100 copies: {per_copy[10]:.2f} → {per_copy[100]:.2f} ms: growth is {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (the corpus: a third)")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is not here (the seed and the corpus live there)")
        return 0
    factlint = tool("factlint") or [sys.executable, "-m", "factlint"]
    # An installed wheel ships bytecode; an editable checkout may not have it yet (or run under
    # PYTHONDONTWRITEBYTECODE), and then every run would time the compiler instead of factlint.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factlint"), str(ROOT / "checks")],
                   check=False, stdout=subprocess.DEVNULL)
    proselint = tool("proselint")
    seed = SHARED / "seed" / "izvestia-c5-summit.txt"
    corpus = SHARED / "corpus" / "real"
    corpus_files = sorted(str(p) for p in corpus.glob("*.txt")) if corpus.is_dir() else []

    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        work = Path(tmp)  # its own cache folder, no project config
        article = work / seed.name
        shutil.copy(seed, article)
        print(f"Seed article ({seed.name}, {len(seed.read_text(encoding='utf-8').split())} words), "
              f"median of {args.repeat} runs, start to exit:")
        base = None
        if proselint:
            base, peak = measure([*proselint, "check", str(article)], work, args.repeat, warmup=True)
            row("proselint check", base, peak)
        else:
            print("  (proselint is not installed: pip install -e '.[dev]')")
        cold, peak = measure([*factlint, "--no-cache", str(article)], work, args.repeat, warmup=True)
        row("factlint, cold (--no-cache)", cold, peak, base)
        warm, peak = measure([*factlint, str(article)], work, args.repeat, warmup=True)
        row("factlint, warm (cache)", warm, peak, base)

        if corpus_files:
            repeat = max(1, args.repeat // 3)
            print(f"\nReal corpus ({len(corpus_files)} files), median of {repeat} runs:")
            base = None
            if proselint:
                base, peak = measure([*proselint, "check", *corpus_files], work, repeat)
                row("proselint check", base, peak)
            cold, peak = measure([*factlint, "--no-cache", *corpus_files], work, repeat)
            row("factlint, cold (--no-cache, every core)", cold, peak, base)
            warm, peak = measure([*factlint, *corpus_files], work, repeat, warmup=True)
            row("factlint, warm (cache)", warm, peak, base)

    growth(args.repeat)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"\nPeak memory of any child process: {children.ru_maxrss / 1024:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
