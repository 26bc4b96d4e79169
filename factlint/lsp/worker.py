"""The process that lints for the language server: one request a line on stdin, one answer a line on stdout.

Linting happens here rather than in the server so that the server keeps
answering (hover, code actions, new edits) while a check runs; so that the
engine's per-document time limit works (its SIGALRM needs the main thread,
which this process gives it); and so that the server can end a check no signal
stops (a pattern stuck in C code) or a crash, by ending this process and
starting another. Documents arrive as text and are linted in memory: nothing is
written, and the result cache of ``factlint check`` is neither read nor written.

The text goes through the public API (``factlint.lint``) and its fixes through the
shared fix model (``Finding.fix``, ``factlint.apply_fixes``). A request is
``{"id", "text", "name", "path", "language", "root", "options"}``; the answer
``{"id", "findings", "fix_all", "warnings", "error", "skipped", "checks"}``, every span
a code-point offset into the request's text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections import OrderedDict
from pathlib import Path
from typing import Any

from factlint.config import CONFIG_NAMES, ConfigError, Settings, load_settings

# LSP language identifiers factlint reads; any other document is linted only when its name matches `include`.
KINDS = {"markdown": "markdown", "mdx": "markdown", "plaintext": "text", "text": "text", "html": "html"}
API_KINDS = {"markdown": "md", "text": "txt", "html": "html"}  # factlint.lint's names for them
MEMO_SIZE = 16  # projects (configurations) kept ready at once
_DEFAULT_TIME_LIMIT: float | None = None  # the engine's own limit, used when the editor sets none


class ProjectError(Exception):
    """The document's project cannot be linted (bad config, fact base or editor setting); the message says why."""


def _stamp(paths) -> tuple:
    """What changes when one of ``paths`` is created, edited or removed."""
    out = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


class _Memo(OrderedDict):
    """A small least-recently-used map, so that many projects keep memory bounded."""

    def get_or_make(self, key, make):
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = make()
        while len(self) > MEMO_SIZE:
            self.popitem(last=False)
        return value


class Session:
    def __init__(self) -> None:
        self._settings = _Memo()
        self._registries = _Memo()
        self._facts = _Memo()
        self._checks: dict[str, dict] = {}

    def lint(self, request: dict[str, Any]) -> dict[str, Any]:
        from factlint.runner import _excluded
        from factlint.source import kind_for

        options = request.get("options") or {}
        path = Path(request["path"]) if request.get("path") else None
        name = request.get("name") or "untitled"
        folder = path.parent if path else Path(request.get("root") or os.getcwd())
        try:
            settings, registry, facts, published = self._project(folder, options)
        except ProjectError as exc:
            return {"error": str(exc)}
        kind = KINDS.get(request.get("language", ""))
        if kind is None:
            import fnmatch

            if not any(fnmatch.fnmatch(Path(name).name, glob) for glob in settings.include):
                return {"skipped": "not an article this project lints (include)"}
            kind = kind_for(name)
        if path is not None and _excluded(path, settings):
            return {"skipped": "excluded by the project's configuration"}
        from factlint import InputError, apply_fixes

        text = request["text"]
        try:
            result = lint_document(text, name, kind, settings, published, facts, options.get("timeLimit"))
        except InputError as exc:
            return {"error": str(exc), "warnings": list(registry.problems)}
        findings = [{
            "code": f.code, "name": f.name, "severity": f.severity, "message": f.message,
            "start": f.start, "end": f.end, "suggestion": f.suggestion,
            "related": [{"start": r.start, "end": r.end, "message": r.message} for r in f.related],
            "fix": _fix(f.fix),
        } for f in result.findings]
        fix_all = [_edit(e) for f in apply_fixes(text, result.findings).applied for e in f.fix.edits]
        checks = {code: self._describe(registry, code) for code in sorted({f.code for f in result.findings})}
        return {"findings": findings, "fix_all": list({tuple(e.items()): e for e in fix_all}.values()),
                "warnings": result.warnings, "checks": checks}

    def _project(self, folder: Path, options: dict) -> tuple[Settings, Any, Any, dt.date | None]:
        """What lints a document in ``folder``: its nearest config, then the editor's settings."""
        config = Path(options["config"]) if options.get("config") else None
        candidates = [config] if config else [d / n for d in (folder, *folder.parents) for n in CONFIG_NAMES]
        try:
            base = self._settings.get_or_make(("settings", config, folder, _stamp(candidates)),
                                              lambda: load_settings(config, folder, memo=False))
        except ConfigError as exc:
            raise ProjectError(str(exc)) from None
        settings = _with_editor_settings(base, options)
        plugins = [settings.root / p for p in settings.plugins]
        registry = self._registries.get_or_make(("registry", _stamp(plugins), tuple(plugins)),
                                                lambda: _load_registry(plugins))
        _check_selectors(settings, registry)
        facts_paths = [Path(p) for p in options.get("facts") or []] + [settings.root / p for p in settings.facts]
        facts = self._facts.get_or_make(("facts", tuple(facts_paths), _stamp(facts_paths)),
                                        lambda: _load_facts(facts_paths))
        if isinstance(facts, _Broken):
            raise ProjectError(facts.reason)
        published = dt.date.fromisoformat(options["published"]) if options.get("published") else None
        return settings, registry, facts, published

    def _describe(self, registry, code: str) -> dict:
        """What hover and codeDescription show for a check: ``factlint explain`` and where its documentation lives."""
        if code in self._checks:
            return self._checks[code]
        import inspect

        check = registry.checks[code]
        try:
            source = inspect.getsourcefile(check)
            line = inspect.getsourcelines(check)[1]
            href = Path(source).resolve().as_uri() + f"#L{line}" if source else None
        except (OSError, TypeError):
            href = None
        self._checks[code] = {
            "code": check.code, "name": check.name, "severity": check.severity,
            "enabled_by_default": check.enabled_by_default, "summary": check.summary,
            "documentation": check.documentation(), "href": href,
        }
        return self._checks[code]


def lint_document(text: str, name: str, kind: str, settings: Settings, published, facts, time_limit):
    """Lint one document's text in memory with the public API (findings with offsets into ``text``, warnings)."""
    import factlint
    from factlint import engine

    global _DEFAULT_TIME_LIMIT
    if _DEFAULT_TIME_LIMIT is None:
        _DEFAULT_TIME_LIMIT = engine.CHECKS_TIME_LIMIT
    engine.CHECKS_TIME_LIMIT = float(time_limit) if time_limit else _DEFAULT_TIME_LIMIT
    return factlint.lint(text, API_KINDS[kind], published, settings, path=name, facts=facts)


def _edit(edit) -> dict:
    return {"start": edit.start, "end": edit.end, "text": edit.replacement}


def _fix(fix) -> dict | None:
    """A fix the editor can apply (safe, or unsafe with its reason); display-only suggestions have none."""
    if fix is None or fix.applicability == "display-only" or not fix.edits:
        return None
    return {"safe": fix.applicability == "safe", "reason": fix.reason, "edits": [_edit(e) for e in fix.edits]}


def _with_editor_settings(base: Settings, options: dict) -> Settings:
    """The editor's select/extendSelect/ignore act as the command-line options of the same names do."""
    import copy

    settings = copy.copy(base)
    settings.from_command_line = set()
    for key, attr in (("select", "select"), ("extendSelect", "extend_select"), ("ignore", "ignore")):
        if options.get(key) is not None:
            setattr(settings, attr, list(options[key]))
            settings.from_command_line.add(attr)
    return settings


def _load_registry(plugins: list[Path]):
    from factlint.registry import load_registry

    return load_registry(plugins)


def _check_selectors(settings: Settings, registry) -> None:
    from factlint.cli import UsageError, _check_selectors as check

    try:
        check(settings, registry)
    except UsageError as exc:
        raise ProjectError(str(exc)) from None


def _load_facts(paths: list[Path]):
    if not paths:
        return None
    from factlint.facts import FactBaseError, load_fact_base

    try:
        return load_fact_base(paths)
    except FactBaseError as exc:
        return _Broken(str(exc))


class _Broken:
    """A fact base that failed to load, remembered (until its files change) so the error is not re-read each edit."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def main() -> None:
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")  # answers only
    os.dup2(2, 1)  # whatever a check prints goes to stderr, the editor's log, not into the answers
    sys.stdout = sys.stderr
    session = Session()
    for raw in sys.stdin.buffer:
        request: dict = {}
        try:
            request = json.loads(raw)
            answer = session.lint(request)
        except Exception as exc:  # a bug of ours: one line back to the server, and the next request
            from factlint.engine import _reason

            answer = {"error": f"internal error ({_reason(exc)}); please report it"}
        channel.write(json.dumps({"id": request.get("id"), **answer}) + "\n")
        channel.flush()


if __name__ == "__main__":
    main()
