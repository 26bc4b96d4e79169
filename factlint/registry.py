"""Discover checks: the ``factlint.checks`` entry points and local plugin files.

Built-in checks are found exactly like third-party ones, through the entry
point group. An entry point names either a Check subclass or a module, in
which case every Check subclass defined in that module is registered.
"""

from __future__ import annotations

import importlib.util
import inspect
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
    from importlib.metadata import entry_points

    registry = Registry()
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.value, e.name)):
        origin = f"entry point {ep.name} = {ep.value}"
        try:
            registry.add_object(ep.load(), origin)
        except Exception as exc:  # a broken plugin must not stop the run
            registry.problems.append(f"{origin}: failed to load ({type(exc).__name__}: {exc})")
    for path in plugin_files:
        try:
            registry.add_object(_load_file(path), f"plugin file {path}")
        except Exception as exc:
            registry.problems.append(f"plugin file {path}: failed to load ({type(exc).__name__}: {exc})")
    return registry


def _load_file(path: Path) -> ModuleType:
    name = f"factlint_local_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PluginError(f"{path} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
