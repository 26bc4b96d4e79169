"""Command line: ``factlint [check] PATH...``, ``rules``, ``explain``, ``analyze``, ``serve``.

Exit codes: 0 nothing reaches the failing severity, 1 something does,
2 usage, config or input errors. Imports stay inside functions so that a
one-article run in a pre-commit hook starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from factlint import __version__

SUBCOMMANDS = ("check", "rules", "explain", "analyze", "archive", "lsp", "serve")


class UsageError(Exception):
    pass


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, help="one config file for every path (otherwise each file's nearest "
                                                "factlint.toml, .factlint.toml or pyproject.toml with [tool.factlint])")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                   help="publication date (wins over front matter and HTML metadata)")
    p.add_argument("--facts", action="append", type=Path, default=[], metavar="FILE",
                   help="house fact base (YAML or TOML); may be repeated")


def build_parser() -> argparse.ArgumentParser:
    from factlint.commandline import EXAMPLES, HelpFormatter, add_repository_options, positive_int

    parser = argparse.ArgumentParser(prog="factlint", description="A fact-check and discrepancy linter for news "
                                     "articles.", epilog=EXAMPLES, formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint articles (the default command)", epilog=EXAMPLES,
                           formatter_class=HelpFormatter, usage="factlint [check] [options] PATH...",
                           description="Lint articles: files, folders, or '-' for standard input.")
    check.add_argument("paths", nargs="*", help="files or folders; '-' reads standard input")
    _common(check)
    from factlint.output import add_arguments

    add_arguments(check)  # --format/--output-format, --output-file, --statistics, --fix, --unsafe-fixes, --diff
    check.add_argument("--stdin-filename", metavar="NAME", help="the name for standard input: reported, picks its format and "
                                                "its config; implies '-'")
    check.add_argument("--select", help="comma-separated codes, family letters or names to run (replaces config)")
    check.add_argument("--extend-select", help="comma-separated checks to add to the selection")
    check.add_argument("--ignore", help="comma-separated checks to leave out")
    check.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="lowest severity that fails the run (default: the config's fail-on, else warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    check.add_argument("--baseline", type=Path, help="report only findings not recorded in this baseline file")
    check.add_argument("--write-baseline", type=Path, metavar="FILE", help="record today's findings as the baseline")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write .factlint_cache/")
    check.add_argument("--jobs", "-j", type=positive_int, metavar="N",
                       help="worker processes, 1 or more (default: every core this process may use)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text format ('auto': on a terminal, unless NO_COLOR is set)")
    add_repository_options(check)

    rules = sub.add_parser("rules", help="list every check: code, name, severity, on/off", formatter_class=HelpFormatter)
    rules.add_argument("--config", type=Path, help="the config whose selection and severities to show")
    rules.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    explain = sub.add_parser("explain", help="print a check's documentation", formatter_class=HelpFormatter)
    explain.add_argument("check", help="code or name, e.g. D101 or date-conflict")
    explain.add_argument("--config", type=Path, help="the config whose plugins to load")

    analyze = sub.add_parser("analyze", help="print what the analysers found in one article",
                             formatter_class=HelpFormatter)
    analyze.add_argument("path", help="a file, or '-' for standard input")
    _common(analyze)
    analyze.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    analyze.add_argument("--stdin-filename", help="the name for standard input (picks its format and config)")
    _archive_parser(sub)

    lsp = sub.add_parser("lsp", help="run the language server for editors (stdio; needs the lsp extra)")
    lsp.add_argument("--tcp", action="store_true", help="listen on TCP instead of stdio (for debugging)")
    lsp.add_argument("--host", default="127.0.0.1", help="TCP address to listen on")
    lsp.add_argument("--port", type=int, default=2087, help="TCP port")

    serve = sub.add_parser("serve", help="the editors' page: a local web page to lint and fix articles (serve extra)",
                           formatter_class=HelpFormatter)
    from factlint.serve import add_arguments as serve_arguments  # argparse only: the server loads on 'serve'

    serve_arguments(serve)
    return parser


def _archive_parser(sub) -> None:
    archive = sub.add_parser("archive", help="audit a whole archive on Dask (the 'archive' extra)",
                             description="Lint a folder or glob of articles, or JSON Lines / Parquet exports, on a "
                             "Dask cluster, and write one Parquet row per finding (and per article that could "
                             "not be linted) to a folder of parts.")
    archive.add_argument("sources", nargs="+", metavar="SOURCE",
                         help="a folder or glob of article files, or .jsonl/.ndjson/.parquet files")
    archive.add_argument("--out", required=True, metavar="FINDINGS.parquet",
                         help="the output folder (a Parquet dataset, one part per partition)")
    _common(archive)
    archive.add_argument("--workers", type=int, default=0,
                         help="worker processes of the local cluster (default: every core available)")
    archive.add_argument("--scheduler", metavar="ADDRESS",
                         help="an existing Dask scheduler (tcp://host:8786) instead of a local cluster")
    archive.add_argument("--resume", action="store_true", help="skip partitions already written to --out")
    archive.add_argument("--overwrite", action="store_true", help="replace the findings already in --out")
    archive.add_argument("--partition-size", type=int, default=500, metavar="N",
                         help="article files per partition (default: 500)")
    archive.add_argument("--block-size", type=float, default=16, metavar="MB",
                         help="megabytes of JSON Lines per partition (default: 16); Parquet: one row group each")
    archive.add_argument("--id-column", default="id", help="record field of the article id (default: id)")
    archive.add_argument("--text-column", default="text", help="record field of the article text (default: text)")
    archive.add_argument("--format-column", default="format",
                         help="record field of the format, md, txt or html (default: format)")
    archive.add_argument("--published-column", default="published",
                         help="record field of the publication date, YYYY-MM-DD (default: published)")
    archive.add_argument("--default-format", default="md", help="format of records without one (default: md)")
    archive.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def main(argv: list[str] | None = None) -> int:
    from factlint.commandline import command_suggestion

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (suggestion := command_suggestion(argv[0], SUBCOMMANDS)) and argv[0] not in SUBCOMMANDS:
        print(f"factlint: {argv[0]!r} is neither a command nor a file; did you mean '{suggestion}'?",
              file=sys.stderr)
        return 2
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] != "--version"):
        argv.insert(0, "check")  # 'factlint --help' is the help of the default command
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "explain":
            return cmd_explain(args)
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "archive":
            from factlint.archive import main as archive_main

            settings = _settings(args)
            _registry(settings)  # a selector typo or a plugin that fails stops the run here, not on every worker
            return archive_main(args, settings)
        if args.command == "lsp":  # imported only here: a check run never loads the server
            from factlint.lsp import main as lsp_main

            return lsp_main(args)
        if args.command == "serve":  # imported only here, like lsp
            from factlint.serve import main as serve

            return serve(args)
        return cmd_check(args)
    except UsageError as exc:
        print(f"factlint: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug of ours: one line, never a traceback
        from factlint.engine import _reason

        print(f"factlint: internal error ({_reason(exc)}); please report it", file=sys.stderr)
        return 2


# --- shared setup ---------------------------------------------------------------

def _settings(args: argparse.Namespace, resolver=None, path: Path | None = None):
    """The settings of ``path`` (its nearest config), or of the working directory."""
    from factlint.commandline import resolver_of
    from factlint.config import ConfigError

    resolver = resolver or resolver_of(args)
    try:
        return resolver.for_path(path) if path is not None else resolver.default()
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


_REGISTRIES: dict[tuple[Path, ...], object] = {}


def _registry(settings):
    """The checks of a configuration (built-in ones and its plugins), loaded once per set of plugins."""
    from factlint.registry import load_registry

    plugins = tuple(settings.root / p for p in settings.plugins)
    registry = _REGISTRIES.get(plugins)
    if registry is None:
        registry = _REGISTRIES[plugins] = load_registry(list(plugins))
        for problem in registry.problems:
            print(f"factlint: {problem}", file=sys.stderr)
    _check_selectors(settings, registry)
    return registry


def _check_selectors(settings, registry) -> None:
    """A selector that matches no check is a typo: say where it is instead of silently running nothing."""
    from factlint.engine import selector_matches

    checks = registry.sorted()
    places = [(key, value) for key in ("select", "extend_select", "ignore") for value in getattr(settings, key)]
    places += [("severity", key) for key in settings.severity]
    places += [(f"per-file-ignores.{glob}", value) for glob, values in settings.per_file_ignores.items()
               for value in values]
    for key, selector in places:
        if not any(selector_matches(selector, c) for c in checks):
            where = f"--{key.replace('_', '-')}" if key in settings.from_command_line else \
                f"{settings.path}: {key.replace('_', '-')}"
            raise UsageError(f"{where}: {selector!r} matches no check (see 'factlint rules')")


_FACTS: dict[tuple[Path, ...], object] = {}


def _facts(args: argparse.Namespace, settings):
    paths = tuple([Path(p) for p in getattr(args, "facts", [])] + [settings.root / p for p in settings.facts])
    if not paths:
        return None
    if paths in _FACTS:
        return _FACTS[paths]
    from factlint.facts import FactBaseError, load_fact_base

    try:
        facts = _FACTS[paths] = load_fact_base(list(paths))
    except FactBaseError as exc:
        raise UsageError(str(exc)) from None
    return facts


def _find_check(registry, key: str):
    for cls in registry.sorted():
        if key.upper() == cls.code or key.lower() == cls.name:
            return cls
    raise UsageError(f"no check with the code or name {key!r}; 'factlint rules' lists them")


# --- commands ---------------------------------------------------------------------

def cmd_rules(args: argparse.Namespace) -> int:
    from factlint.engine import select_checks, severity_for

    settings = _settings(args)
    registry = _registry(settings)
    enabled = set(select_checks(registry, settings))
    rows = [(c.code, c.name, severity_for(c, settings), "on" if c in enabled else "off", c.summary)
            for c in registry.sorted()]
    if args.format == "json":
        import json

        print(json.dumps([dict(zip(("code", "name", "severity", "state", "summary"), r)) for r in rows], indent=2))
        return 0
    width = max((len(r[1]) for r in rows), default=4)
    for code, name, severity, state, summary in rows:
        print(f"{code}  {name:<{width}}  {severity:<7}  {state:<3}  {summary}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    settings = _settings(args)
    cls = _find_check(_registry(settings), args.check)
    state = "on by default" if cls.enabled_by_default else "off by default"
    print(f"{cls.code} {cls.name} ({cls.severity}, {state})\n\n{cls.summary}\n\n{cls.documentation()}")
    return 0


def _read_input(path: str, stdin_filename: str | None) -> tuple[str, bytes | None]:
    if path == "-":
        return stdin_filename or "<stdin>", sys.stdin.buffer.read()
    return path, None


def cmd_analyze(args: argparse.Namespace) -> int:
    from factlint.analysis.report import analysis_json, analysis_text
    from factlint.readers import read
    from factlint.source import SourceError, decode

    name, data = _read_input(args.path, args.stdin_filename)
    if data is None:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise UsageError(f"{name}: cannot read ({exc.strerror or exc})") from None
    settings = _settings(args, path=Path(name) if name != "<stdin>" else None)
    try:
        doc = read(decode(name, data), args.published, settings)
    except SourceError as exc:
        raise UsageError(f"{name}: {exc}") from None
    doc.facts = _facts(args, settings)
    print(analysis_json(doc) if args.format == "json" else analysis_text(doc), end="")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from factlint.api import SEVERITY_RANK
    from factlint.baseline import BaselineError
    from factlint.commandline import apply_baseline, resolver_of, show_files, show_settings, verdict
    from factlint.config import ConfigError
    from factlint.discovery import discover
    from factlint.runner import run

    if args.stdin_filename and not args.paths:
        args.paths = ["-"]  # an editor pipes the buffer and names it
    if not args.paths and not args.show_settings:
        raise UsageError("no files given; try 'factlint --help'")
    if args.update_baseline and not args.baseline:
        raise UsageError("--update-baseline needs --baseline FILE")
    resolver = resolver_of(args)
    try:
        found = discover(args.paths, resolver, args.stdin_filename)
        if args.show_files or args.show_settings:
            sys.stdout.write(show_files(found) if args.show_files else show_settings(found, resolver))
            return 0
        stdin = sys.stdin.buffer.read() if "-" in args.paths else None
        outcome = run(args.paths, resolver, _registry, lambda settings: _facts(args, settings), args.published,
                      stdin=stdin, stdin_filename=args.stdin_filename, jobs=args.jobs,
                      use_cache=not args.no_cache, found=found)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    results = outcome.results
    if args.fix or args.diff:
        from factlint.engine import Linter
        from factlint.output import fix_step

        settings = resolver.default()  # the fixes are re-checked with the working directory's settings
        results, done = fix_step(args, results, settings.root, lambda: Linter(
            settings, outcome.registry or _registry(settings), args.published, _facts(args, settings)),
            (args.stdin_filename or "<stdin>", stdin) if stdin is not None else None)
        if done is not None:
            return done
    for problem in outcome.problems:
        print(f"factlint: {problem}", file=sys.stderr)
    for path in outcome.excluded:
        print(f"factlint: {path}: not linted: the configuration's exclude matches it", file=sys.stderr)
    errors = 0
    notes: dict[str, list[str]] = {}
    for r in results:
        if r.error:
            errors += 1
            print(f"factlint: {r.path}: {r.error}", file=sys.stderr)
        for w in r.warnings:
            print(f"factlint: {r.path}: {w}", file=sys.stderr)
        for note in r.notes:
            notes.setdefault(note, []).append(r.path)
    _print_notes(notes)
    fail_on = {r.path: s.fail_on for r, s in zip(results, outcome.settings)}
    findings = [f for r in results for f in r.findings]
    try:
        findings, baseline = apply_baseline(args, results, findings)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    failing = sum(1 for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on.get(f.path, "warning")])
    checked = [r.path for r in results if not r.error]
    summary = verdict(len(findings), failing, set(fail_on.values()) or {resolver.default().fail_on},
                      args.exit_zero, baseline)
    _print_report(args, findings, checked, resolver.default(), stdin,
                  lambda: outcome.registry or _registry(resolver.default()), summary)
    if errors:  # input errors: the other files were checked and reported, but the run did not succeed
        return 2
    return 0 if args.exit_zero or not failing else 1


NOTES_SHOWN = 5  # per note: the files named one by one before the rest are counted


def _print_notes(notes: dict[str, list[str]]) -> None:
    """An informational note once per file, but a folder of thousands gets a count, not a page of them."""
    for note, paths in notes.items():
        for path in paths[:NOTES_SHOWN]:
            print(f"factlint: {path}: {note}", file=sys.stderr)
        if len(paths) > NOTES_SHOWN:
            print(f"factlint: and {len(paths) - NOTES_SHOWN} more files: {note}", file=sys.stderr)


def _print_report(args: argparse.Namespace, findings, checked: list[str], settings, stdin: bytes | None,
                  registry, summary: str = "") -> None:
    """Write the report (factlint/output.py); ``registry`` is a callable, called only for rule metadata;
    ``summary`` ends the summary line (pass or fail under fail-on, what a baseline hid)."""
    from factlint.output import OutputError, Report, write_report

    report = Report(findings, checked, settings.root, registry,
                    (args.stdin_filename or "<stdin>", stdin) if stdin is not None else None, summary)
    to_stderr = args.fix and stdin is not None and args.output_file is None  # stdout holds the fixed text
    try:
        write_report(args.format, report, args.color, args.output_file, args.statistics,
                     stream=sys.stderr if to_stderr else None)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
