"""Configuration: ``[tool.factlint]`` in pyproject.toml, factlint.toml or .factlint.toml.

The nearest one is found per file, upward from the file's folder (as ruff does),
so a run from another folder or from an editor gives the same result; or one is
named with ``--config`` for every file. Each is validated with pydantic, so that
a typo names the file, the key and the reason instead of being silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.api import Severity

CONFIG_NAMES = ("factlint.toml", ".factlint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.mdx", "*.txt", "*.html", "*.htm"]
DEFAULT_FRONT_MATTER_TEXT = ["title", "description", "summary", "subtitle", "dek", "excerpt"]
DEFAULT_DATE_KEYS = ["date", "pubDate", "publishDate", "published", "published_at", "datePublished"]
# Settings the command line may set over every configuration file.
COMMAND_LINE_KEYS = ("select", "extend_select", "ignore", "fail_on", "report_unused_suppressions")


class ConfigError(Exception):
    """The configuration is unusable; the message names the file, the key and the reason."""


@dataclass
class Settings:
    """The effective configuration, as plain data (what the engine and the cache key use)."""

    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    fail_on: Severity = "warning"
    plugins: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    front_matter_text: list[str] = field(default_factory=lambda: list(DEFAULT_FRONT_MATTER_TEXT))
    date_keys: list[str] = field(default_factory=lambda: list(DEFAULT_DATE_KEYS))
    respect_gitignore: bool = True  # skip what .gitignore and .ignore files exclude when walking folders
    report_unused_suppressions: bool = False
    root: Path = field(default_factory=Path.cwd)  # the folder the config's paths are relative to
    path: Path | None = None  # the config file, when there is one
    from_command_line: set[str] = field(default_factory=set)  # keys the command line set (for messages)

    def __post_init__(self) -> None:
        self.apply_flags()

    def apply_flags(self) -> None:
        """``report-unused-suppressions`` is the S002 check, off by default, turned on."""
        if self.report_unused_suppressions and "S002" not in self.extend_select:
            self.extend_select = [*self.extend_select, "S002"]


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above ``start`` that configures factlint, with its table."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                table = _read_table(candidate)
                if table is not None:
                    return candidate, table
    return None


def _read_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("factlint") if isinstance(tool, dict) and "factlint" in tool else None
    return data.get("tool", {}).get("factlint", data) if isinstance(data.get("tool"), dict) else data


class Resolver:
    """The settings of each file: its nearest configuration (or the one given), with the command line's over it.

    Folders are looked up once each; files under one configuration share one Settings object.
    """

    def __init__(self, config: Path | None, cwd: Path, memo: bool = True,
                 overrides: dict[str, Any] | None = None) -> None:
        self.config, self.cwd, self.memo = config, cwd, memo
        self.overrides = overrides or {}
        self._by_folder: dict[Path, Settings] = {}
        self._by_config: dict[Path | None, Settings] = {}

    def for_path(self, path: Path) -> Settings:
        """The settings of a file (or, for a folder, of the files directly in it)."""
        return self.for_folder(path if path.is_dir() else path.parent)

    def for_folder(self, folder: Path) -> Settings:
        try:
            folder = (self.cwd / folder).resolve()
        except (OSError, RuntimeError):
            folder = self.cwd
        found = self._by_folder.get(folder)
        if found is None:
            found = self._by_folder[folder] = self._lookup(folder)
        return found

    def default(self) -> Settings:
        """The settings of the working directory: what run-level options (baseline, cache) start from."""
        return self.for_folder(self.cwd)

    def _lookup(self, folder: Path) -> Settings:
        if self.config is not None:
            key: Path | None = self.config
        else:
            key = None
            for candidate in (folder, *folder.parents):
                known = self._by_folder.get(candidate)
                if known is not None:
                    key = known.path
                    break
                if (config := _config_file(candidate)) is not None:
                    key = config
                    break
        settings = self._by_config.get(key)
        if settings is None:
            settings = load_settings(key, self.cwd, self.memo) if key is not None else Settings(root=self.cwd)
            for name, value in self.overrides.items():
                setattr(settings, name, value)
            settings.from_command_line = set(self.overrides)
            settings.apply_flags()
            self._by_config[key] = settings
        return settings


def _config_file(folder: Path) -> Path | None:
    """The file in ``folder`` that configures factlint, if any (a pyproject.toml without the table does not)."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and _read_table(candidate) is not None:
            return candidate
    return None


def load_settings(config: Path | None, cwd: Path, memo: bool = True) -> Settings:
    """The effective settings; ``memo`` lets a configuration pydantic already accepted skip pydantic."""
    if config is not None:
        if not config.is_file():
            raise ConfigError(f"{config}: config file not found")
        table = _read_table(config)
        found = (config, table or {})
    else:
        found = find_config(cwd)
    if found is None:
        return Settings(root=cwd)
    path, table = found
    return _validate_memoised(path, table) if memo else _validate(path, table)


def _validate_memoised(path: Path, table: dict[str, Any]) -> Settings:
    """Validate once per distinct configuration: importing pydantic costs more than a cached run.

    The validated values are kept in ``.factlint_cache/`` beside the config, keyed
    by the table's content; a config never seen before goes through pydantic.
    """
    import hashlib
    import json

    from factlint import __version__

    schema = Path(__file__).with_name("reporters") / "schema.py"
    try:
        schema_mtime = schema.stat().st_mtime_ns
    except OSError:
        schema_mtime = 0
    key = repr((__version__, schema_mtime, sorted(table.items())))
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    memo = path.parent / ".factlint_cache" / f"config-{digest}.json"
    try:
        values = json.loads(memo.read_text(encoding="utf-8"))
        return Settings(root=path.parent, path=path, **values)
    except (OSError, ValueError, TypeError):
        pass
    settings = _validate(path, table)
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        values = {k: v for k, v in vars(settings).items() if k not in ("root", "path", "from_command_line")}
        memo.write_text(json.dumps(values), encoding="utf-8")
    except OSError:
        pass  # a read-only tree works without the memo
    return settings


def _validate(path: Path, table: dict[str, Any]) -> Settings:
    from pydantic import ValidationError

    from factlint.reporters.schema import ConfigModel

    try:
        model = ConfigModel.model_validate(table)
    except ValidationError as exc:
        reasons = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "(top level)"
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            reasons.append(f"{key}: {msg}")
        raise ConfigError(f"{path}: invalid configuration: " + "; ".join(reasons)) from None
    return Settings(root=path.parent, path=path, **model.model_dump())
