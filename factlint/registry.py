"""Discover checks: the ``factlint.checks`` entry points and local plugin files.

Built-in checks are found exactly like third-party ones, through the entry
point group. An entry point names either a Check subclass or a module, in
which case every Check subclass defined in that module is registered.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from factlint.api import Check

ENTRY_POINT_GROUP = "factlint.checks"


class PluginError(Exception):
    """A plugin could not be loaded or declares an invalid check."""


@dataclass
class Registry:
    checks: dict[str, type[Check]] = field(default_factory=dict)  # by code
    problems: list[str] = field(default_factory=list)  # plugins that failed to load, one line each

    def add(self, cls: type[Check], origin: str) -> None:
        problems = cls.problems()
        if problems:
            self.problems.append(f"{origin}: check {cls.__name__} ignored: {'; '.join(problems)}")
            return
        known = self.checks.get(cls.code)
        if known is not None and known is not cls:
            self.problems.append(f"{origin}: check {cls.__name__} ignored: code {cls.code} is already "
                                 f"taken by {known.__module__}.{known.__name__}")
            return
        self.checks[cls.code] = cls

    def add_object(self, obj: object, origin: str) -> None:
        if isinstance(obj, ModuleType):
            for _, member in inspect.getmembers(obj, inspect.isclass):
                if issubclass(member, Check) and member is not Check and member.__module__ == obj.__name__ \
                        and not inspect.isabstract(member) and "code" in member.__dict__:
                    self.add(member, origin)
        elif inspect.isclass(obj) and issubclass(obj, Check):
            self.add(obj, origin)
        else:
            self.problems.append(f"{origin}: does not name a module or a Check subclass")

    def by_name(self) -> dict[str, type[Check]]:
        return {cls.name: cls for cls in self.checks.values()}

    def sorted(self) -> list[type[Check]]:
        return [self.checks[code] for code in sorted(self.checks)]


def load_registry(plugin_files: list[Path] = ()) -> Registry:
    registry = Registry()
    for name, value in _entry_points(ENTRY_POINT_GROUP):
        origin = f"entry point {name} = {value}"
        try:
            registry.add_object(_resolve(value), origin)
        except Exception as exc:  # a broken plugin must not stop the run
            registry.problems.append(f"{origin}: failed to load ({type(exc).__name__}: {exc})")
    for path in plugin_files:
        try:
            registry.add_object(_load_file(path), f"plugin file {path}")
        except Exception as exc:
            registry.problems.append(f"plugin file {path}: failed to load ({type(exc).__name__}: {exc})")
    return registry


def _entry_points(group: str) -> list[tuple[str, str]]:
    """(name, value) of the group's entry points, sorted by value then name.

    Reads ``entry_points.txt`` of each distribution on ``sys.path`` directly (the
    first distribution of a name wins, as in importlib.metadata) because importing
    importlib.metadata costs more than the rest of a one-article run's start-up.
    Falls back to importlib.metadata when factlint's own metadata is not found
    that way (a zipped or unusual installation).
    """
    found: dict[str, str] = {}
    seen: set[str] = set()
    saw_factlint = False
    for folder in sys.path:
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            continue
        for entry in names:
            if not entry.endswith((".dist-info", ".egg-info")):
                continue
            dist = re.sub(r"[-_.]+", "-", entry.rsplit(".", 1)[0].split("-")[0]).lower()
            if dist in seen:
                continue
            seen.add(dist)
            saw_factlint = saw_factlint or dist == "factlint"
            try:
                with open(os.path.join(folder or ".", entry, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            for name, value in _section(text, group):
                found.setdefault(name, value)
    if not saw_factlint:
        from importlib.metadata import entry_points

        found = {ep.name: ep.value for ep in entry_points(group=group)}
    return sorted(found.items(), key=lambda item: (item[1], item[0]))


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of one ``[group]`` section of an entry_points.txt."""
    out: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            inside = line == f"[{group}]"
        elif inside and "=" in line and not line.startswith(("#", ";")):
            name, value = line.split("=", 1)
            out.append((name.strip(), value.strip()))
    return out


def _resolve(value: str) -> object:
    """Import ``module`` or ``module:attribute`` (the entry point value syntax)."""
    module_name, _, attribute = value.partition(":")
    obj: object = importlib.import_module(module_name.strip())
    for part in filter(None, attribute.strip().split(".")):
        obj = getattr(obj, part)
    return obj


def _load_file(path: Path) -> ModuleType:
    """Import a local plugin file under a name that is stable from run to run (the cache key uses it)."""
    resolved = path.resolve()
    digest = hashlib.blake2b(str(resolved).encode("utf-8", "surrogateescape"), digest_size=6).hexdigest()
    name = f"factlint_local_{resolved.stem.replace('-', '_')}_{digest}"
    if not resolved.is_file():
        raise PluginError("no such file")
    spec = importlib.util.spec_from_file_location(name, resolved)
    if spec is None or spec.loader is None:
        raise PluginError("not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
