"""Run the linter over many paths: discovery, a content cache, and every core.

Results come back in the order of the discovered paths whatever the worker
scheduling, so output is stable. The cache is keyed by the file's bytes, its
path, the effective settings, the fact base, the checks and factlint's version;
entries are written atomically, so concurrent runs can share the folder.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factlint import __version__
from factlint.config import Settings
from factlint.engine import FileResult, Linter
from factlint.findings import Finding, RelatedLocation
from factlint.registry import Registry

CACHE_DIR = ".factlint_cache"
PACKAGE_DIR = Path(__file__).resolve().parent
PARALLEL_THRESHOLD = 8  # below this many files, worker start-up costs more than it saves
_WORKER: Linter | None = None


def discover(paths: list[str], settings: Settings) -> tuple[list[str], list[str]]:
    """Explicit files as given, folders walked with the include globs; exclude globs apply to both.

    Returns the files and the folders in which nothing matched.
    """
    out: list[str] = []
    empty: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            out.append(raw)
            continue
        path = Path(raw)
        if not path.is_dir():
            if raw not in seen and not _excluded(path, settings):
                seen.add(raw)
                out.append(raw)
            continue
        before = len(out)
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__")
                             and not _excluded(Path(folder, d), settings))
            for name in sorted(files):
                candidate = Path(folder, name)
                if any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(candidate.as_posix(), g)
                       for g in settings.include) and not _excluded(candidate, settings):
                    key = candidate.as_posix()
                    if key not in seen:
                        seen.add(key)
                        out.append(key)
        if len(out) == before:
            empty.append(raw)
    return out, empty


def _excluded(path: Path, settings: Settings) -> bool:
    """True when an exclude glob matches the path or one of its folders (relative to the project root)."""
    if not settings.exclude:
        return False
    try:
        rel = path.resolve().relative_to(settings.root.resolve()).as_posix()
    except (ValueError, OSError):
        rel = path.as_posix()
    parts = rel.split("/")
    candidates = {rel, path.name} | {"/".join(parts[:i + 1]) for i in range(len(parts))} | set(parts)
    return any(fnmatch.fnmatch(c, g) for c in candidates for g in settings.exclude)


class Cache:
    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = root / CACHE_DIR
        self.fingerprint = fingerprint

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.blake2b(digest_size=20)
        h.update(self.fingerprint.encode())
        h.update(path.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, key: str) -> FileResult | None:
        try:
            raw = (self.folder / key[:2] / key).read_text(encoding="utf-8")
            return _result_from_json(json.loads(raw))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: FileResult) -> None:
        folder = self.folder / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not (self.folder / ".gitignore").exists():
                (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(_result_to_json(result), fh, ensure_ascii=False)
            os.replace(tmp, folder / key)
        except OSError:
            pass  # a read-only tree lints fine without a cache


def _result_to_json(r: FileResult) -> dict:
    return {"path": r.path, "error": r.error, "warnings": r.warnings,
            "findings": [dict(f.public(), excerpt=f.excerpt) for f in r.findings]}


def _result_from_json(d: dict) -> FileResult:
    findings = [Finding(**{**f, "related": tuple(RelatedLocation(**r) for r in f["related"])}) for f in d["findings"]]
    return FileResult(d["path"], findings, d["error"], d["warnings"])


def fingerprint(settings: Settings, published: dt.date | None, facts: object) -> str:
    """What a cached result depends on besides the file: version, settings, checks and the code itself.

    Computed without importing any check (a run where every file hits the cache
    never pays for importing the analysers): the registered entry points, the
    modification times of every module and data file of the package (analysers
    included), of each entry point's module and of the local plugin files. Editing
    any of them invalidates the cache without a version bump.
    """
    import importlib.util

    from factlint.registry import ENTRY_POINT_GROUP, _entry_points

    parts = [__version__, repr(sorted((k, repr(v)) for k, v in vars(settings).items()
                                      if k not in ("root", "path", "from_command_line", "fail_on"))),
             repr(published), repr(getattr(facts, "digest", facts is not None))]
    files = set(PACKAGE_DIR.rglob("*.py")) | set((PACKAGE_DIR / "data").glob("*"))
    files |= {settings.root / p for p in settings.plugins}
    for name, value in _entry_points(ENTRY_POINT_GROUP):
        parts.append(f"{name}={value}")
        try:
            spec = importlib.util.find_spec(value.partition(":")[0].strip())
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin:
            files.add(Path(spec.origin))
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            parts.append(f"{path}:missing")
            continue
        parts.append(f"{path}:{stat.st_mtime_ns}:{stat.st_size}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def _lint_worker(job: tuple[str, bytes | None]) -> FileResult:
    assert _WORKER is not None
    path, data = job
    return _WORKER.lint_bytes(path, data) if data is not None else _WORKER.lint_path(path)


@dataclass
class Run:
    results: list[FileResult]  # folders without articles first, then every file in discovery order
    registry: Registry | None  # None when every file came from the cache
    problems: list[str]  # checks that could not start, one line each


def run(paths: list[str], settings: Settings, load_registry: Callable[[], Registry], published: dt.date | None,
        facts: object, stdin: bytes | None = None, stdin_filename: str | None = None, jobs: int = 0,
        use_cache: bool = True) -> Run:
    """Lint every discovered file, from the cache when it can; the checks are loaded only on a miss."""
    global _WORKER
    files, empty = discover(paths, settings)
    results: dict[int, FileResult] = {}
    todo: list[tuple[int, str, bytes | None]] = []
    cache = Cache(settings.root, fingerprint(settings, published, facts)) if use_cache else None
    keys: dict[int, str] = {}
    for i, path in enumerate(files):
        data = None
        if path == "-":
            path, data = stdin_filename or "<stdin>", stdin or b""
        elif cache is not None:
            try:
                data = Path(path).read_bytes()
            except OSError:
                pass  # lint_path reports the reason
        if cache is not None and data is not None:
            keys[i] = cache.key(path, data)
            hit = cache.get(keys[i])
            if hit is not None:
                results[i] = hit
                continue
        todo.append((i, path, data))
    registry, problems = None, []
    if todo:
        registry = load_registry()
        linter = Linter(settings, registry, published, facts)
        problems = linter.problems
        workers = jobs if jobs > 0 else (os.cpu_count() or 1)
        if len(todo) >= PARALLEL_THRESHOLD and workers > 1:
            import multiprocessing

            _WORKER = linter
            context = multiprocessing.get_context("fork")
            with context.Pool(min(workers, len(todo))) as pool:
                done = pool.map(_lint_worker, [(p, d) for _, p, d in todo],
                                chunksize=max(1, len(todo) // (workers * 8)))
            _WORKER = None
        else:
            done = [linter.lint_bytes(p, d) if d is not None else linter.lint_path(p) for _, p, d in todo]
        cacheable = cache is not None and not registry.problems and not problems
        for (i, _, _), result in zip(todo, done):
            results[i] = result
            if cacheable and i in keys and result.error is None and result.complete:
                cache.put(keys[i], result)
    folders = [FileResult(d, error="no articles in this folder (include: " + ", ".join(settings.include) + ")")
               for d in empty]
    return Run(folders + [results[i] for i in range(len(files))], registry, problems)
