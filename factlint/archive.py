"""``factlint archive``: audit a whole archive of articles on Dask.

The archive is cut into partitions that a worker can read by itself (a slice of
the file list, a line-aligned byte range of a JSON Lines file, a row group of a
Parquet file), so nothing but a few small descriptions travels from the client
to the workers. Each partition lints its articles one by one and writes its
findings to its own Parquet file, atomically; ``--resume`` skips partitions
whose file is already there. An article that cannot be linted (binary, badly
encoded, a check that raises) becomes an error row with its reason: one
article never stops the run.

Dask, distributed and pyarrow are the optional ``archive`` extra; nothing here
is imported by ``factlint check``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.config import Settings

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
KINDS = {"md": "markdown", "markdown": "markdown", "mdx": "markdown", "txt": "text", "text": "text",
         "plain": "text", "html": "html", "htm": "html"}
MANIFEST = "_manifest.json"


class ArchiveError(Exception):
    """The run cannot start (bad source, bad columns, an output folder of another run); one line."""


@dataclass(frozen=True)
class Columns:
    """Where each field of an article is in a JSON Lines record or a Parquet row."""

    id: str = "id"
    text: str = "text"
    format: str = "format"
    published: str = "published"


@dataclass(frozen=True)
class Partition:
    """A piece of the archive a worker reads by itself: files, a byte range of a JSONL file, a row group."""

    index: int
    source: str  # "files" | "jsonl" | "parquet"
    paths: tuple[str, ...] = ()  # absolute, since a worker's folder is not the client's
    names: tuple[str, ...] = ()  # files: each path as given, which is the article's id (as `check` reports it)
    start: int = 0  # byte offset (jsonl) or row group (parquet)
    end: int = 0

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}.parquet"


@dataclass(frozen=True)
class Job:
    """What every partition needs besides its own description (small, picklable)."""

    settings: Settings
    columns: Columns
    default_format: str
    published: dt.date | None
    facts: tuple[str, ...]
    out: str


@dataclass
class PartitionSummary:
    articles: int = 0
    errors: int = 0
    per_check: Counter = field(default_factory=Counter)
    skipped: bool = False


# --- planning (client side) ----------------------------------------------------------

def plan(sources: list[str], settings: Settings, partition_size: int, block_bytes: int) -> list[Partition]:
    """Partitions for every source, in a stable order (so a resumed run names them the same).

    Folders are walked as ``factlint check`` walks them (the config's include and exclude).
    """
    from factlint.runner import discover

    files: list[str] = []
    partitions: list[Partition] = []

    def add(source: str, **kw: Any) -> None:
        partitions.append(Partition(index=len(partitions), source=source, **kw))

    for raw in sources:
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        if not matches:
            raise ArchiveError(f"{raw}: no such file or folder")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                files += discover([match], settings)[0]
            elif not path.is_file():
                raise ArchiveError(f"{match}: no such file or folder")
            elif path.suffix.lower() in JSONL_SUFFIXES:
                size = path.stat().st_size
                for start in range(0, size, block_bytes):
                    add("jsonl", paths=(str(path.resolve()),), start=start, end=min(start + block_bytes, size))
            elif path.suffix.lower() in PARQUET_SUFFIXES:
                for group in range(_parquet_row_groups(match)):
                    add("parquet", paths=(str(path.resolve()),), start=group, end=group + 1)
            else:
                files.append(match)
    for start in range(0, len(files), partition_size):
        chunk = files[start:start + partition_size]
        add("files", paths=tuple(str(Path(f).resolve()) for f in chunk), names=tuple(chunk))
    return partitions


def _parquet_row_groups(path: str) -> int:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).num_row_groups
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise ArchiveError(f"{path}: not a readable Parquet file ({' '.join(str(exc).split())[:200]})") from None


# --- reading (worker side) --------------------------------------------------------------

@dataclass
class Article:
    id: str
    source: str
    data: bytes | None  # None when the record itself was unusable (see error)
    kind: str | None
    published: dt.date | None
    error: str | None = None
    path: str | None = None  # the file to lint it as (files: absolute, for per-file-ignores), else its id


def articles(partition: Partition, job: Job):
    """The articles of one partition, in order; a broken record is an Article with its error."""
    if partition.source == "files":
        for path, name in zip(partition.paths, partition.names):
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                yield Article(name, name, None, None, None, f"cannot read ({exc.strerror or exc})")
                continue
            yield Article(name, name, data, None, job.published, path=path)
    elif partition.source == "jsonl":
        yield from _jsonl_articles(partition, job)
    else:
        yield from _parquet_articles(partition, job)


def _jsonl_articles(partition: Partition, job: Job):
    path = partition.paths[0]
    name = Path(path).name
    with open(path, "rb") as fh:
        # a line belongs to the partition in which its first byte lies
        if partition.start > 0:
            fh.seek(partition.start - 1)
            fh.readline()
        while fh.tell() < partition.end:
            offset = fh.tell()
            line = fh.readline()
            if not line:
                break
            if not line.strip():
                continue
            fallback_id = f"{name}@{offset}"
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield Article(fallback_id, path, None, None, None, f"not a JSON record ({exc})")
                continue
            if not isinstance(record, dict):
                yield Article(fallback_id, path, None, None, None, "not a JSON object")
                continue
            yield _record_article(record, fallback_id, path, job)


def _parquet_articles(partition: Partition, job: Job):
    import pyarrow.parquet as pq

    path = partition.paths[0]
    file = pq.ParquetFile(path)
    names = set(file.schema_arrow.names)
    if job.columns.text not in names:
        raise ArchiveError(f"{path}: no text column {job.columns.text!r} (columns: {', '.join(sorted(names))})")
    wanted = [c for c in (job.columns.id, job.columns.text, job.columns.format, job.columns.published) if c in names]
    table = file.read_row_group(partition.start, columns=list(dict.fromkeys(wanted)))
    name = Path(path).name
    for row_number, record in enumerate(table.to_pylist()):
        yield _record_article(record, f"{name}#{partition.start}:{row_number}", path, job)


def _record_article(record: dict, fallback_id: str, source: str, job: Job) -> Article:
    columns = job.columns
    raw_id = record.get(columns.id)
    article_id = fallback_id if raw_id is None else str(raw_id)
    text = record.get(columns.text)
    if isinstance(text, str):
        data = text.encode("utf-8", "surrogatepass")
    elif isinstance(text, bytes):
        data = text
    else:
        return Article(article_id, source, None, None, None,
                       f"no text in column {columns.text!r}" if text is None else
                       f"column {columns.text!r} holds {type(text).__name__}, not text")
    fmt = record.get(columns.format) or job.default_format
    kind = KINDS.get(str(fmt).lower().lstrip("."))
    if kind is None:
        return Article(article_id, source, None, None, None,
                       f"unknown format {fmt!r} (md, txt or html)")
    published, error = _published(record.get(columns.published), job.published)
    return Article(article_id, source, data, kind, published, error)


def _published(value: Any, default: dt.date | None) -> tuple[dt.date | None, str | None]:
    if value is None or value == "":
        return default, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    try:
        return dt.date.fromisoformat(str(value)[:10]), None
    except ValueError:
        return None, f"publication date {str(value)[:40]!r} is not YYYY-MM-DD"


# --- linting (worker side) ----------------------------------------------------------------

_FACTS: dict[tuple[str, ...], Any] = {}


def _facts(job: Job) -> Any:
    """The job's fact base, loaded once per worker process."""
    if job.facts and job.facts not in _FACTS:
        from factlint.facts import load_fact_base

        _FACTS[job.facts] = load_fact_base([Path(p) for p in job.facts])
    return _FACTS.get(job.facts)


def lint_partition(partition: Partition, job: Job, resume: bool = False) -> PartitionSummary:
    """Lint one partition and write its rows; with ``resume``, a partition already written is skipped."""
    target = Path(job.out) / partition.name
    summary = PartitionSummary()
    if resume and target.exists():
        summary.skipped = True
        return summary
    rows: list[dict] = []
    try:
        for article in articles(partition, job):
            summary.articles += 1
            rows += _article_rows(article, job, summary)
    except ArchiveError as exc:
        summary.errors += 1
        rows.append(_error_row(f"{partition.name}", partition.paths[0] if partition.paths else "", str(exc)))
    except Exception as exc:  # a source that breaks mid-read: the partition says so, the run goes on
        from factlint.engine import _reason

        summary.errors += 1
        rows.append(_error_row(partition.name, partition.paths[0] if partition.paths else "",
                               f"partition could not be read ({_reason(exc)})"))
    _write_rows(target, rows)
    return summary


def _article_rows(article: Article, job: Job, summary: PartitionSummary) -> list[dict]:
    if article.data is None:
        summary.errors += 1
        return [_error_row(article.id, article.source, article.error or "unreadable")]
    rows = []
    if article.error:  # usable, but something in the record was wrong
        rows.append(_error_row(article.id, article.source, article.error))
        summary.errors += 1
    import factlint
    from factlint.source import SourceError, decode

    try:
        source = decode(article.path or article.id, article.data, article.kind)
        result = factlint.lint(source.text, source.kind, article.published, job.settings,
                               path=article.path or article.id, facts=_facts(job))
    except (SourceError, factlint.InputError) as exc:
        summary.errors += 1
        return rows + [_error_row(article.id, article.source, str(exc))]
    except Exception as exc:  # a bug of ours: this article's row says so, the run goes on
        from factlint.engine import _reason

        summary.errors += 1
        return rows + [_error_row(article.id, article.source, f"could not be linted ({_reason(exc)})")]
    for warning in result.warnings:  # a check that raised or ran out of time is an error; a reader's note is not
        failed = warning.startswith(("check ", "checks "))
        summary.errors += failed
        rows.append(_error_row(article.id, article.source, warning, "error" if failed else "warning"))
    for f in result.findings:
        summary.per_check[f"{f.code} {f.name}"] += 1
        rows.append({
            "article_id": article.id, "source": article.source, "kind": "finding", "code": f.code,
            "name": f.name, "severity": f.severity, "line": f.line, "column": f.column,
            "end_line": f.end_line, "end_column": f.end_column, "span_text": f.excerpt, "message": f.message,
            "related": [{"line": r.line, "column": r.column, "end_line": r.end_line, "end_column": r.end_column,
                         "message": r.message} for r in f.related],
            "suggestion": f.suggestion,
        })
    return rows


def _error_row(article_id: str, source: str, reason: str, kind: str = "error") -> dict:
    return {"article_id": article_id, "source": source, "kind": kind, "code": None, "name": None,
            "severity": None, "line": None, "column": None, "end_line": None, "end_column": None,
            "span_text": None, "message": reason, "related": [], "suggestion": None}


def schema():
    import pyarrow as pa

    position = [pa.field(n, pa.int32()) for n in ("line", "column", "end_line", "end_column")]
    related = pa.list_(pa.struct([*position, pa.field("message", pa.string())]))
    return pa.schema([
        pa.field("article_id", pa.string(), nullable=False), pa.field("source", pa.string()),
        pa.field("kind", pa.string(), nullable=False), pa.field("code", pa.string()), pa.field("name", pa.string()),
        pa.field("severity", pa.string()), *position, pa.field("span_text", pa.string()),
        pa.field("message", pa.string()), pa.field("related", related), pa.field("suggestion", pa.string()),
    ])


def _write_rows(target: Path, rows: list[dict]) -> None:
    """Write a partition's rows to a temporary file beside the target, then rename (atomic)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema())
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".parquet")
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --- the run (client side) -----------------------------------------------------------------

@dataclass
class Outcome:
    partitions: int
    skipped: int
    articles: int
    errors: int
    per_check: Counter
    seconds: float


def prepare_output(out: Path, description: dict, resume: bool, overwrite: bool) -> None:
    """Create the output folder, or check that a resumed run continues the same archive."""
    manifest = out / MANIFEST
    if out.exists() and not out.is_dir():
        raise ArchiveError(f"{out}: exists and is not a folder of Parquet parts")
    if out.is_dir() and any(out.glob("part-*.parquet")):
        if resume:
            try:
                previous = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                previous = None
            if previous != json.loads(json.dumps(description)):
                raise ArchiveError(f"{out}: holds the findings of another run (other sources, columns or "
                                   "settings); choose another --out or use --overwrite")
            return
        if not overwrite:
            raise ArchiveError(f"{out}: already holds findings; --resume continues that run, --overwrite "
                               "replaces it")
        for old in out.glob("part-*.parquet"):
            old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(description, indent=2, sort_keys=True), encoding="utf-8")


def describe(sources: list[str], partitions: list[Partition], job: Job) -> dict:
    """What identifies a run, for --resume: the sources, their partitions and what the linter is told."""
    return {
        "sources": sources,
        "partitions": [[p.source, list(p.names or p.paths), p.start, p.end] for p in partitions],
        "columns": vars(job.columns), "default_format": job.default_format,
        "published": job.published.isoformat() if job.published else None, "facts": list(job.facts),
        "settings": sorted((k, repr(v)) for k, v in vars(job.settings).items()
                           if k not in ("path", "from_command_line", "fail_on")),
    }


def run(partitions: list[Partition], job: Job, client: Any, resume: bool, progress: bool) -> Outcome:
    """Submit every partition to the cluster behind ``client`` and gather the summaries."""
    started = time.perf_counter()
    futures = client.map(lint_partition, partitions, job=job, resume=resume, pure=False)
    if progress:
        from distributed import progress as progress_bar

        progress_bar(futures)
        print(file=sys.stderr)
    summaries = client.gather(futures)
    per_check: Counter = Counter()
    for s in summaries:
        per_check.update(s.per_check)
    return Outcome(len(partitions), sum(s.skipped for s in summaries), sum(s.articles for s in summaries),
                   sum(s.errors for s in summaries), per_check, time.perf_counter() - started)


def summary_text(outcome: Outcome, out: Path) -> str:
    lines = [f"{outcome.articles} articles in {outcome.partitions - outcome.skipped} partitions linted in "
             f"{outcome.seconds:.1f} s ({outcome.articles / max(outcome.seconds, 1e-9):.0f} articles/s)"
             + (f"; {outcome.skipped} partitions already written were skipped" if outcome.skipped else "")]
    total = sum(outcome.per_check.values())
    lines.append(f"{total} findings, {outcome.errors} errors, written to {out}")
    for check, count in sorted(outcome.per_check.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {count:8d}  {check}")
    return "\n".join(lines) + "\n"


def start_client(scheduler: str | None, workers: int) -> Any:
    """A client of the given scheduler, or of a local cluster of single-threaded worker processes."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler, timeout="30s")
    # one thread a worker: linting is pure Python, so threads would only share one core
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster)


def main(args: Any, settings: Settings) -> int:
    """The ``factlint archive`` command (``args`` from the CLI parser); returns the exit code."""
    try:
        import dask  # noqa: F401  (the extra is installed)
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        print(f"factlint: archive needs the 'archive' extra (pip install 'factlint[archive]'): {exc}",
              file=sys.stderr)
        return 2
    if args.workers < 0 or args.partition_size < 1 or args.block_size <= 0:
        print("factlint: --workers must be 0 (every core) or more, --partition-size at least 1 and --block-size "
              "more than 0", file=sys.stderr)
        return 2
    workers = args.workers or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                               else os.cpu_count() or 1)
    columns = Columns(args.id_column, args.text_column, args.format_column, args.published_column)
    facts = tuple(str(Path(p).resolve()) for p in args.facts) + \
        tuple(str((settings.root / p).resolve()) for p in settings.facts)
    out = Path(args.out)
    job = Job(settings, columns, args.default_format, args.published, facts, str(out.resolve()))
    try:
        if facts:  # a broken fact base stops the run here, once, not in every partition
            from factlint.facts import FactBaseError, load_fact_base

            try:
                load_fact_base([Path(p) for p in facts])
            except FactBaseError as exc:
                raise ArchiveError(str(exc)) from None
        if KINDS.get(args.default_format.lower()) is None:
            raise ArchiveError(f"--default-format {args.default_format!r}: use md, txt or html")
        partitions = plan(args.sources, settings, args.partition_size, max(1, int(args.block_size * 1024 * 1024)))
        if not partitions:
            raise ArchiveError("no articles found in " + ", ".join(args.sources))
        prepare_output(out, describe(args.sources, partitions, job), args.resume, args.overwrite)
    except ArchiveError as exc:
        print(f"factlint: {exc}", file=sys.stderr)
        return 2
    client = start_client(args.scheduler, workers)
    try:
        outcome = run(partitions, job, client, args.resume, progress=sys.stderr.isatty() and not args.quiet)
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and not args.scheduler:
            cluster.close()
    sys.stdout.write(summary_text(outcome, out))
    return 0
