"""The repository-facing parts of ``factlint check``: help, settings per file, discovery views, baselines, verdict.

Kept apart from ``cli.py`` (which wires the commands and the output formats)
so that each stays small; nothing here imports a check or an analyser.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXAMPLES = """\
exit codes:
  0  no finding reaches the failing severity (--fail-on, default warning)
  1  a finding does
  2  a usage, configuration or input error (the other files are still checked)

examples:
  factlint articles/                            lint a folder (.md, .mdx, .txt, .html), as git sees it
  factlint --published 2025-05-20 story.txt     check dates against the publication date
  factlint --stdin-filename world/story.md      lint an editor's buffer from standard input

commands: check (the default), rules, explain CODE|NAME, analyze FILE; 'factlint COMMAND --help' for each.
Shell completion: 'shtab --shell=bash factlint.cli.build_parser' (pip install shtab)."""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Shows each option's default (when it has a meaningful one) and keeps the epilog's layout."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if "%(default)" in text or default in (None, False, [], argparse.SUPPRESS) or action.nargs == 0:
            return text
        return f"{text} (default: %(default)s)"


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is below 1 (leave it out to use every available core)")
    return number


def add_repository_options(check: argparse.ArgumentParser) -> None:
    """The options of ``check`` that concern the repository: what is linted, with which settings, against a baseline."""
    check.add_argument("--update-baseline", action="store_true",
                       help="with --baseline: rewrite it without the entries that no longer match")
    check.add_argument("--report-unused-suppressions", action="store_true",
                       help="report suppression comments that hid no finding (S002)")
    check.add_argument("--show-files", action="store_true", help="list the files that would be linted, and stop")
    check.add_argument("--show-settings", action="store_true",
                       help="print the settings that apply to the given paths (their nearest config), and stop")


def command_suggestion(word: str, commands: tuple[str, ...]) -> str | None:
    """'chek' → 'check': a first argument that is neither a command nor an existing path but close to a command."""
    if word.startswith("-") or "/" in word or "." in word or Path(word).exists():
        return None
    import difflib

    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    return close[0] if close else None


def resolver_of(args: argparse.Namespace):
    from factlint.config import COMMAND_LINE_KEYS, Resolver

    overrides: dict[str, Any] = {}
    for key in COMMAND_LINE_KEYS:
        value = getattr(args, key, None)
        if value in (None, False):
            continue
        if key in ("select", "extend_select", "ignore"):
            value = [v.strip() for v in value.split(",") if v.strip()]
        overrides[key] = value
    return Resolver(getattr(args, "config", None), Path.cwd(), memo=not getattr(args, "no_cache", False),
                    overrides=overrides)


def show_files(found) -> str:
    return "".join(f"{path}\n" for path, _ in found.files if path != "-")


def show_settings(found, resolver) -> str:
    """Each configuration the paths use, with the files under it: what factlint will apply."""
    groups: dict[int, tuple[Any, list[str]]] = {}
    for path, settings in found.files or [(".", resolver.default())]:
        groups.setdefault(id(settings), (settings, []))[1].append(path)
    out = []
    for settings, paths in groups.values():
        shown = paths[:3] + ([f"… {len(paths) - 3} more"] if len(paths) > 3 else [])
        out.append(f"# {', '.join(shown)}")
        out.append(f"config = {json.dumps(str(settings.path) if settings.path else None)}"
                   f"{'' if settings.path else '  # none found: the defaults'}")
        out.append(f"root = {json.dumps(str(settings.root))}")
        for key, value in vars(settings).items():
            if key in ("root", "path", "from_command_line"):
                continue
            note = "  # from the command line" if key in settings.from_command_line else ""
            out.append(f"{key.replace('_', '-')} = {json.dumps(value, ensure_ascii=False)}{note}")
        out.append("")
    return "\n".join(out)


@dataclass
class BaselineCounts:
    hidden: int = 0
    stale: int = 0
    updated: bool = False


def apply_baseline(args: argparse.Namespace, results, findings: list) -> tuple[list, BaselineCounts | None]:
    """The findings left to report after --baseline / --write-baseline, and what the baseline did."""
    from factlint.baseline import filter_baseline, update_baseline, write_baseline

    if args.write_baseline:
        everything = [f for r in results for f in r.findings]
        write_baseline(args.write_baseline, everything)
        print(f"factlint: recorded {len(everything)} finding{'s' if len(everything) != 1 else ''} in "
              f"{args.write_baseline}", file=sys.stderr)
        return [], None
    if not args.baseline:
        return findings, None
    outcome = filter_baseline(args.baseline, findings, [r.path for r in results if r.error is None])
    counts = BaselineCounts(outcome.hidden, len(outcome.stale))
    if args.update_baseline and outcome.stale:
        update_baseline(args.baseline, outcome.stale)
        counts.updated = True
    return outcome.findings, counts


def verdict(reported: int, failing: int, fail_on: set[str], exit_zero: bool, baseline: BaselineCounts | None) -> str:
    """The end of the summary line: what the baseline hid, and whether the run passes under fail-on."""
    parts = []
    if baseline is not None:
        stale = ""
        if baseline.stale:
            entries = f"{baseline.stale} of its entries"
            stale = (f"; {entries} no longer matched and {'were' if baseline.stale != 1 else 'was'} dropped"
                     if baseline.updated else
                     f"; {entries} no longer match{'es' if baseline.stale == 1 else ''} (--update-baseline drops "
                     f"{'them' if baseline.stale != 1 else 'it'})")
        parts.append(f"The baseline hid {baseline.hidden}{stale}.")
    threshold = f"fail-on '{next(iter(fail_on))}'" if len(fail_on) == 1 else "their fail-on"
    if failing:
        parts.append(f"Failed: {failing} at or above {threshold}{' (exit 0: --exit-zero)' if exit_zero else ''}.")
    elif reported:
        parts.append(f"Passed: none at or above {threshold}.")
    return " ".join(parts)  # a clean run without a baseline says nothing more than "No findings"
