"""Benchmark: `factlint archive` on 1 and 2 Dask workers against the plain CLI, in one run.

    .venv/bin/python benchmarks/archive_bench.py [--copies 4]

The real corpus (../shared/corpus/real, fixtures when it is absent) is repeated ``--copies`` times
(each copy a distinct article id) into JSON Lines and into article files. Measured: the CLI over
the files with --jobs 1 and --jobs 2 (--no-cache), and `factlint archive` over the JSON Lines on a
LocalCluster of 1 and 2 workers: wall time from start to exit (cluster start included) and the
lint phase alone (the summary's own timing), with each worker's peak memory. Not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FACTLINT = [str(Path(sys.executable).with_name("factlint"))]


def articles() -> list[Path]:
    corpus = SHARED / "corpus" / "real"
    if corpus.is_dir():
        return sorted(corpus.glob("*.txt"))
    return sorted(p for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".txt", ".md", ".html"))


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed: {run.stderr}")
    return time.perf_counter() - started, run.stdout


def worker_memory(workers: int, source: Path, cwd: Path) -> float:
    """Peak resident memory (MB) of the busiest worker after linting the source once."""
    import resource

    from distributed import Client, LocalCluster

    from factlint.archive import Columns, Job, lint_partition, plan
    from factlint.config import Settings

    settings = Settings(root=cwd)
    out = cwd / "memory.parquet"
    out.mkdir(exist_ok=True)
    job = Job(settings, Columns(), "txt", None, (), str(out))
    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.gather(client.map(lint_partition, plan([str(source)], settings, 500, 4 << 20), job=job, pure=False))
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return max(peaks.values()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()
    base = articles()
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        folder = cwd / "files"
        folder.mkdir()
        source = cwd / "archive.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for copy in range(args.copies):
                for p in base:
                    text = p.read_text(encoding="utf-8")
                    name = f"{copy:02d}-{p.name}"
                    (folder / name).write_text(text, encoding="utf-8")
                    fh.write(json.dumps({"id": name, "text": text, "format": p.suffix.lstrip(".")}) + "\n")
        n = len(base) * args.copies
        print(f"{n} articles ({len(base)} x {args.copies}), {source.stat().st_size / 1e6:.1f} MB of JSON Lines")
        print(f"  {'run':<34} {'wall':>8} {'lint phase':>11} {'articles/s':>11}")
        for jobs in (1, 2):
            wall, _ = timed([*FACTLINT, "--format", "json", "--no-cache", "--jobs", str(jobs), "files"], cwd)
            print(f"  {'factlint check --jobs ' + str(jobs):<34} {wall:7.2f}s {'':>11} {n / wall:11.0f}")
        for workers in (1, 2):
            out = f"out-{workers}.parquet"
            wall, summary = timed([*FACTLINT, "archive", "archive.jsonl", "--out", out, "--workers", str(workers),
                                   "--block-size", "4", "-q"], cwd)
            phase = float(re.search(r"linted in ([\d.]+) s", summary).group(1))
            print(f"  {'factlint archive --workers ' + str(workers):<34} {wall:7.2f}s {phase:10.2f}s "
                  f"{n / phase:11.0f}")
        print(f"  peak memory of a worker: {worker_memory(1, source, cwd):.0f} MB")


if __name__ == "__main__":
    main()
