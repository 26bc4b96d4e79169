"""Run the linter over many paths: discovery, a content cache, and every core.

Results come back in the order of the discovered paths whatever the worker
scheduling, so output is stable. The cache is keyed by the file's bytes, its
path, the effective settings, the fact base, the checks and factlint's version;
entries are written atomically, so concurrent runs can share the folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factlint import __version__
from factlint.config import Resolver, Settings
from factlint import discovery
from factlint.discovery import Discovered
from factlint.engine import FileResult, Linter
from factlint.findings import Finding, RelatedLocation
from factlint.registry import Registry

CACHE_DIR = ".factlint_cache"
PACKAGE_DIR = Path(__file__).resolve().parent
# Below this many files, starting workers costs more than it saves: a forked worker starts at once,
# a spawned one (Windows, macOS) imports factlint and its checks again first.
PARALLEL_THRESHOLD = {"fork": 8}
SPAWNED_THRESHOLD = 64
CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")  # cgroup v2: "<quota> <period>" or "max <period>"
START_METHOD_VARIABLE = "FACTLINT_START_METHOD"  # fork | spawn | forkserver: how workers start (tests use it)


def discover(paths: list[str], settings: Settings) -> tuple[list[str], list[str]]:
    """The files and the folders without articles under one set of settings (as ``factlint archive`` asks)."""
    found = discovery.discover(paths, discovery.OneSettings(settings))
    return [p for p, _ in found.files], [p for p, _ in found.empty]


def _excluded(path: Path, settings: Settings) -> bool:
    """Whether ``exclude`` leaves the file out (the language server asks before linting a document)."""
    return discovery.excluded(path, settings)


def available_cpus() -> int:
    """The cores this process may use: its CPU affinity and, on Linux, its cgroup's CPU quota."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        count = getattr(os, "process_cpu_count", os.cpu_count)  # process_cpu_count: Python 3.13
        cpus = count() or 1
    try:
        quota, period = CGROUP_CPU_MAX.read_text().split()[:2]
        if quota != "max":
            cpus = min(cpus, max(1, -(-int(quota) // int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cpus)


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
    return {"path": r.path, "error": r.error, "warnings": r.warnings, "notes": r.notes,
            "findings": [dict(f.public(), excerpt=f.excerpt) for f in r.findings]}


def _result_from_json(d: dict) -> FileResult:
    findings = [Finding(**{**f, "related": tuple(RelatedLocation(**r) for r in f["related"])}) for f in d["findings"]]
    return FileResult(d["path"], findings, d["error"], d["warnings"], notes=d.get("notes", []))


def _settings_fingerprint(settings: Settings, published: dt.date | None, facts: object, code: str) -> str:
    parts = [code, repr(sorted((k, repr(v)) for k, v in vars(settings).items()
                               if k not in ("root", "path", "from_command_line", "fail_on"))),
             str(settings.root), repr(published), repr(getattr(facts, "digest", facts is not None))]
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def code_fingerprint(plugins: tuple[Path, ...]) -> str:
    """factlint's version and code, the checks' code and the local plugin files.

    Computed without importing any check (a run where every file hits the cache
    never pays for importing the analysers): the registered entry points, the
    modification times of every module and data file of the package (analysers
    included), of each entry point's module and of the local plugin files. Editing
    any of them invalidates the cache without a version bump.
    """
    import importlib.util

    from factlint.registry import ENTRY_POINT_GROUP, _entry_points

    parts = [__version__]
    files = set(PACKAGE_DIR.rglob("*.py")) | set((PACKAGE_DIR / "data").glob("*")) | set(plugins)
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


# --- workers: everything they need comes through the initializer, so fork and spawn behave alike ---

_LINTERS: list[Linter] = []  # set in each worker process by _start_worker


def _start_worker(groups: list[tuple[Settings, object]], published: dt.date | None) -> None:
    from factlint.registry import load_registry

    registries: dict[tuple[Path, ...], Registry] = {}
    _LINTERS.clear()
    for settings, facts in groups:
        plugins = tuple(settings.root / p for p in settings.plugins)
        if plugins not in registries:
            registries[plugins] = load_registry(list(plugins))
        _LINTERS.append(Linter(settings, registries[plugins], published, facts))


def _lint_job(job: tuple[int, str, bytes | None]) -> FileResult:
    group, path, data = job
    linter = _LINTERS[group]
    return linter.lint_bytes(path, data) if data is not None else linter.lint_path(path)


def _start_method() -> str:
    import multiprocessing

    wanted = os.environ.get(START_METHOD_VARIABLE, "").strip().lower()
    return wanted if wanted in multiprocessing.get_all_start_methods() else multiprocessing.get_start_method()


@dataclass
class Group:
    """Files that share one configuration: one linter, one cache fingerprint."""

    settings: Settings
    facts: object
    cache: Cache | None
    linter: Linter | None = None


@dataclass
class Run:
    results: list[FileResult]  # folders without articles first, then every file in discovery order
    settings: list[Settings]  # the settings of each result (its fail-on decides whether it fails the run)
    registry: Registry | None  # None when every file came from the cache
    problems: list[str]  # checks that could not start, one line each
    excluded: list[str]  # files named on the command line that the configuration excludes


def run(paths: list[str], resolver: Resolver, load_registry: Callable[[Settings], Registry],
        load_facts: Callable[[Settings], object], published: dt.date | None, stdin: bytes | None = None,
        stdin_filename: str | None = None, jobs: int | None = None, use_cache: bool = True,
        found: Discovered | None = None) -> Run:
    """Lint every discovered file, from the cache when it can; the checks are loaded only on a miss.

    ``load_registry`` and ``load_facts`` give the checks and the fact base of one configuration.
    """
    found = found or discovery.discover(paths, resolver, stdin_filename)
    groups: dict[int, int] = {}
    group_list: list[Group] = []
    codes: dict[tuple[Path, ...], str] = {}
    results: dict[int, FileResult] = {}
    todo: list[tuple[int, int, str, bytes | None]] = []
    keys: dict[int, str] = {}
    for i, (path, settings) in enumerate(found.files):
        g = groups.get(id(settings))
        if g is None:
            facts = load_facts(settings)
            cache = None
            if use_cache:
                plugins = tuple(settings.root / p for p in settings.plugins)
                if plugins not in codes:
                    codes[plugins] = code_fingerprint(plugins)
                cache = Cache(settings.root, _settings_fingerprint(settings, published, facts, codes[plugins]))
            g = groups[id(settings)] = len(group_list)
            group_list.append(Group(settings, facts, cache))
        group = group_list[g]
        data = None
        if path == "-":
            path, data = stdin_filename or "<stdin>", stdin or b""
        elif group.cache is not None:
            try:
                data = Path(path).read_bytes()
            except OSError:
                pass  # lint_path reports the reason
        if group.cache is not None and data is not None:
            keys[i] = group.cache.key(path, data)
            hit = group.cache.get(keys[i])
            if hit is not None:
                results[i] = hit
                continue
        todo.append((i, g, path, data))
    registry, problems, broken = None, [], set()
    if todo:
        for g in sorted({g for _, g, _, _ in todo}):
            group = group_list[g]
            group_registry = load_registry(group.settings)
            registry = registry or group_registry
            group.linter = Linter(group.settings, group_registry, published, group.facts)
            problems += [p for p in group.linter.problems if p not in problems]
            if group_registry.problems or group.linter.problems:
                broken.add(g)
        done = _lint_all(todo, group_list, published, jobs)
        for (i, g, _, _), result in zip(todo, done):
            results[i] = result
            cache = group_list[g].cache
            if cache is not None and g not in broken and i in keys and result.error is None and result.complete:
                cache.put(keys[i], result)
    folders = [FileResult(d, error="no articles in this folder (include: " + ", ".join(s.include) + ")")
               for d, s in found.empty]
    return Run(folders + [results[i] for i in range(len(found.files))],
               [s for _, s in found.empty] + [s for _, s in found.files], registry, problems, found.excluded)


def _lint_all(todo: list[tuple[int, int, str, bytes | None]], groups: list[Group], published: dt.date | None,
              jobs: int | None) -> list[FileResult]:
    """Every job's result in order: in this process, or on a pool of workers when there are enough files."""
    workers = min(jobs or available_cpus(), len(todo))
    method = _start_method() if workers > 1 else ""
    if workers <= 1 or len(todo) < PARALLEL_THRESHOLD.get(method, SPAWNED_THRESHOLD):
        out = []
        for _, g, path, data in todo:
            linter = groups[g].linter
            assert linter is not None
            out.append(linter.lint_bytes(path, data) if data is not None else linter.lint_path(path))
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    used = sorted({g for _, g, _, _ in todo})
    index = {g: n for n, g in enumerate(used)}
    payload = [(groups[g].settings, groups[g].facts) for g in used]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                             initargs=(payload, published)) as pool:
        jobs_list = [(index[g], path, data) for _, g, path, data in todo]
        return list(pool.map(_lint_job, jobs_list, chunksize=max(1, len(todo) // (workers * 8))))
