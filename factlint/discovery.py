"""Which files a run lints: the way the repository itself sees them.

Folders are walked with each folder's own settings (its nearest configuration):
``include`` and ``exclude`` are gitignore-style patterns relative to the
configuration's folder (``**`` included), and ``.gitignore`` and ``.ignore``
files are honoured the way git reads them, from the repository's top down, with
pathspec's gitwildmatch implementation. A file named on the command line is
linted whatever its extension (pre-commit passes them so), unless the
configuration excludes it, which is said in a one-line note.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.config import Resolver, Settings

IGNORE_FILES = (".gitignore", ".ignore")
ALWAYS_SKIPPED = {"node_modules", "__pycache__"}  # besides hidden folders


@dataclass
class Discovered:
    files: list[tuple[str, Settings]] = field(default_factory=list)  # in a stable order
    empty: list[tuple[str, Settings]] = field(default_factory=list)  # folders in which nothing matched
    excluded: list[str] = field(default_factory=list)  # files named on the command line that exclude left out


@functools.lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]) -> Any:
    import pathspec

    try:
        return pathspec.PathSpec.from_lines("gitignore", patterns)  # pathspec 1.x
    except KeyError:
        return pathspec.PathSpec.from_lines("gitwildmatch", patterns)


def _resolved(path: Path) -> Path:
    return _resolved_absolute(path.absolute())


@functools.lru_cache(maxsize=256)
def _resolved_absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _relative(path: Path, base: Path) -> str | None:
    """``path`` (absolute, resolved) relative to ``base`` (resolved on first use), or None outside it."""
    try:
        return path.relative_to(_resolved(base)).as_posix()
    except ValueError:
        return None


def excluded(path: Path, settings: Settings, is_dir: bool = False) -> bool:
    """True when an exclude pattern matches the path or one of its folders (relative to the config's folder)."""
    if not settings.exclude:
        return False
    rel = _relative(_absolute(path), settings.root) or path.as_posix()
    spec = _spec(tuple(settings.exclude))
    parts = rel.split("/")
    # A pattern that matches a folder excludes everything below it.
    prefixes = ["/".join(parts[:i]) + "/" for i in range(1, len(parts))]
    return any(spec.match_file(p) for p in prefixes) or spec.match_file(rel + ("/" if is_dir else ""))


def included(path: Path, settings: Settings) -> bool:
    rel = _relative(_absolute(path), settings.root) or path.name
    return _spec(tuple(settings.include)).match_file(rel)


def _absolute(path: Path) -> Path:
    """An absolute path with its folder resolved once (the walk asks about every file of a folder)."""
    return _resolved(path.parent) / path.name if path.name else _resolved(path)


class IgnoreFiles:
    """The .gitignore and .ignore files that apply to a folder of a walk.

    Inside a git repository they are read from the repository's top down (as git does); outside one,
    from the walked folder down.
    """

    def __init__(self, walked: Path) -> None:
        walked = _resolved(walked)
        self.top = next((f for f in (walked, *walked.parents) if (f / ".git").exists()), walked)
        self._by_folder: dict[Path, tuple[tuple[Path, Any], ...]] = {}

    def for_folder(self, folder: Path) -> tuple[tuple[Path, Any], ...]:
        folder = _resolved(folder)
        known = self._by_folder.get(folder)
        if known is not None:
            return known
        inherited: tuple[tuple[Path, Any], ...] = ()
        if folder != self.top and folder.parent != folder and self.top in folder.parents:
            inherited = self.for_folder(folder.parent)
        own = _read_ignore_files(folder)
        self._by_folder[folder] = found = inherited + ((folder, own),) if own is not None else inherited
        return found

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Git's answer: the deepest file with a matching pattern decides, its last matching pattern wins."""
        specs = self.for_folder(path.parent)
        if not specs:
            return False
        absolute = _absolute(path)
        for base, spec in reversed(specs):
            rel = _relative(absolute, base)
            if rel is None:
                continue
            result = spec.check_file(rel + ("/" if is_dir else ""))
            if result.include is not None:
                return bool(result.include)
        return False


def _read_ignore_files(folder: Path) -> Any:
    lines: list[str] = []
    for name in IGNORE_FILES:
        try:
            lines += (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
    if not lines:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


class OneSettings:
    """A resolver that gives every path the same settings (for callers that chose them already)."""

    def __init__(self, settings: Settings) -> None:
        self.settings, self.cwd = settings, Path.cwd()

    def for_path(self, path: Path) -> Settings:
        return self.settings

    for_folder = for_path

    def default(self) -> Settings:
        return self.settings


def discover(paths: list[str], resolver: Resolver | OneSettings, stdin_filename: str | None = None) -> Discovered:
    """Files named on the command line as given, folders walked; every file with the settings that apply to it."""
    out = Discovered()
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            name = Path(stdin_filename) if stdin_filename else resolver.cwd / "stdin"
            out.files.append(("-", resolver.for_path(name)))
            continue
        path = Path(raw)
        if not path.is_dir():
            settings = resolver.for_path(path)
            if excluded(path, settings):
                out.excluded.append(raw)
            elif raw not in seen:
                seen.add(raw)
                out.files.append((raw, settings))
            continue
        before = len(out.files)
        root_settings = resolver.for_folder(path)
        ignores = IgnoreFiles(path)
        for folder, dirs, files in os.walk(path):
            here = Path(folder)
            settings = resolver.for_folder(here)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ALWAYS_SKIPPED
                             and not excluded(here / d, settings, is_dir=True)
                             and not (settings.respect_gitignore and ignores.ignored(here / d, True)))
            for name in sorted(files):
                candidate = here / name
                key = candidate.as_posix()
                if key in seen or not included(candidate, settings) or excluded(candidate, settings):
                    continue
                if settings.respect_gitignore and ignores.ignored(candidate, False):
                    continue
                seen.add(key)
                out.files.append((key, settings))
        if len(out.files) == before:
            out.empty.append((raw, root_settings))
    return out
