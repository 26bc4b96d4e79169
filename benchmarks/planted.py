"""The planted-error benchmark: recall of every check on real prose that nobody here wrote.

    .venv/bin/python benchmarks/planted.py [--per-check 40] [--seed 1] [--only D101,N] [--by-kind]
                                           [--keep DIR] [--json] [--cmd "..."] [--details]

It copies published articles from ../shared/corpus/real and plants exactly one error in each
copy: a date changed in one of its mentions, a part of a breakdown that no longer adds up, a
surname misspelt once, a closing quotation mark dropped, and so on (the kinds are listed with
`--list-kinds`, and described in benchmarks/planting/). Every copy is written in the case format
of ../shared/cases (`NAME.txt` + `NAME.expect.toml` with the spans an editor would mark and why),
the untouched originals of the sampled articles beside them as clean cases, and all of it is scored
by ../shared/tools/score.py, which runs factlint (`--cmd`, by default this worktree's
`.venv/bin/factlint --format json --no-cache`).

The table, per check: planted copies, how many of their errors the check found, recall, false
alarms on the planted copies (findings that meet no planted error, less those the clean original
also has on the same line) and false alarms on the clean originals (findings on the untouched
articles: in this corpus most are real errors of the published text). What is planted is read from
the article text with the benchmark's own patterns; nothing is imported from factlint, so the
benchmark stays independent of the code it measures. The sample depends only on the seed, the
corpus and --per-check: the same command plants the same copies.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from planting import KINDS, Article, Plant, load_corpus, publication_dates, sample  # noqa: E402,F401

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UNPLANTABLE = {"F601", "A403"}      # needs a house fact base; off by default and not an error
DEFAULT_CMD = f"{ROOT / '.venv' / 'bin' / 'factlint'} --format json --no-cache"


def catalogue(shared: Path) -> dict[str, str]:
    """code -> name, from the table in CHECKS.md."""
    rows = re.findall(r"^\| *([A-Z]\d{3}) *\| *([a-z0-9-]+) *\|", (shared / "CHECKS.md").read_text(encoding="utf-8"), re.M)
    return dict(rows)


def select(codes: dict[str, str], only: str | None) -> list[str]:
    """The plantable checks that --only names (codes, prefixes, family letters or names)."""
    plantable = [c for c in codes if c not in UNPLANTABLE]
    if not only:
        return plantable
    wanted = [w.strip() for w in only.split(",") if w.strip()]
    names = {name: code for code, name in codes.items()}
    out = [c for c in plantable if any(c.startswith(w) or names.get(w) == c for w in wanted)]
    unknown = [w for w in wanted if not any(c.startswith(w) or names.get(w) == c for c in codes)]
    if unknown:
        raise SystemExit(f"planted: --only names no check: {', '.join(unknown)}")
    return out


@dataclass
class Case:
    plant: Plant | None          # None for a clean original
    article: Article
    name: str
    lines: set[int] = field(default_factory=set)   # lines of the expectation's spans


def _toml(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _args(article: Article) -> list[str]:
    return ["--published", article.published.isoformat()] if article.published else []


def write_cases(plants: list[Plant], folder: Path, names: dict[str, str]) -> tuple[list[Case], dict[str, Case]]:
    """The planted copies and the clean originals of their articles, in the case format."""
    cases, originals, used = [], {}, collections.Counter()
    for plant in plants:
        base = f"{plant.check}-{plant.kind}-{plant.article.stem}"
        used[base] += 1
        name = base if used[base] == 1 else f"{base}-{used[base]}"
        lines = set()
        for span in plant.spans:
            if plant.text.count(span) != 1:
                raise AssertionError(f"{name}: span {span!r} is not unique")
            first = plant.text.count("\n", 0, plant.text.index(span)) + 1
            lines |= set(range(first, first + span.count("\n") + 1))
        (folder / f"{name}.txt").write_text(plant.text, encoding="utf-8")
        expect = [f"args = {_toml(_args(plant.article))}"] + ([f"allow = {_toml(list(plant.allow))}"] if plant.allow else []) + ["", "[[expect]]",
                  f"check = {_toml(names[plant.check])}", f"spans = {_toml(plant.spans)}",
                  f"why = {_toml(plant.why)}", f"kind = {_toml(plant.kind)}", ""]
        (folder / f"{name}.expect.toml").write_text("\n".join(expect), encoding="utf-8")
        cases.append(Case(plant, plant.article, name, lines))
        stem = plant.article.stem
        if stem not in originals:
            clean = f"clean-{stem}"
            (folder / f"{clean}.txt").write_text(plant.article.text, encoding="utf-8")
            (folder / f"{clean}.expect.toml").write_text(
                f"# the untouched original of {plant.article.name}\nargs = {_toml(_args(plant.article))}\n", encoding="utf-8")
            originals[stem] = Case(None, plant.article, clean)
    return cases, originals


_FALSE_ALARM = re.compile(r"^(?P<file>[^:]+)\.txt:(?P<line>\d+): unexpected (?P<code>\S+) (?P<name>\S+): (?P<message>.*)$", re.S)
_MISS = re.compile(r"^(?P<file>[^:]+)\.txt: missed ")


def run_score(folder: Path, cmd: str, score_py: Path, timeout: float) -> dict:
    proc = subprocess.run([sys.executable, str(score_py), "--cases", str(folder), "--cmd", cmd, "--json",
                           "--timeout", str(timeout)], capture_output=True, text=True)
    try:
        result, _ = json.JSONDecoder().raw_decode(proc.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"planted: score.py failed (exit {proc.returncode}): "
                         f"{(proc.stderr or proc.stdout).strip()[-2000:]}")
    return result


@dataclass
class Row:
    planted: int = 0
    found: int = 0
    excluded: int = 0             # the original already has a finding of the check on that line
    false_planted: int = 0        # false alarms of this check on planted copies
    false_clean: int = 0          # findings of this check on the clean originals

    @property
    def recall(self) -> float | None:
        return round(self.found / self.planted, 3) if self.planted else None

    def as_dict(self) -> dict:
        return {"planted": self.planted, "found": self.found, "recall": self.recall,
                "false_alarms_planted": self.false_planted, "false_alarms_clean": self.false_clean,
                "excluded": self.excluded}


@dataclass
class Report:
    checks: list[str]
    names: dict[str, str]
    per_check: dict[str, Row]
    per_kind: dict[tuple[str, str], Row]
    copies: int
    originals: int
    misses: list[str]
    false_alarms: list[str]
    seconds_planting: float = 0.0
    seconds_scoring: float = 0.0
    plants: list[Plant] = field(default_factory=list)

    @property
    def total(self) -> Row:
        out = Row()
        for row in self.per_check.values():
            for f in ("planted", "found", "excluded", "false_planted", "false_clean"):
                setattr(out, f, getattr(out, f) + getattr(row, f))
        return out


def tally(cases: list[Case], originals: dict[str, Case], result: dict, checks: list[str], names: dict[str, str]) -> Report:
    codes = {name: code for code, name in names.items()}
    missed = {m.group("file") for line in result.get("misses", []) if (m := _MISS.match(line))}
    alarms: dict[str, list[tuple[int, str, str]]] = collections.defaultdict(list)
    for line in result.get("false_alarms", []):
        m = _FALSE_ALARM.match(line)
        if m:
            code = m.group("code") if m.group("code") != "None" else codes.get(m.group("name"), m.group("name"))
            alarms[m.group("file")].append((int(m.group("line")), code, m.group("message")))
    per_check = {c: Row() for c in checks}
    per_kind: dict[tuple[str, str], Row] = {}
    for kinds in (KINDS.get(c, []) for c in checks):
        for k in kinds:
            per_kind[(k.check, k.name)] = Row()
    miss_lines, alarm_lines = [], []
    for original in originals.values():
        for line, code, message in alarms.get(original.name, []):
            per_check.setdefault(code, Row()).false_clean += 1
            alarm_lines.append(f"{original.name}.txt:{line}: {code} (clean original): {message}")
    for case in cases:
        plant = case.plant
        row, kind_row = per_check[plant.check], per_kind.setdefault((plant.check, plant.kind), Row())
        inherited = collections.Counter((line, code) for line, code, _ in alarms.get(originals[case.article.stem].name, []))
        owed = any(inherited[(plant.line_map.get(line), plant.check)] for line in case.lines if plant.line_map.get(line))
        if owed:
            row.excluded += 1
            kind_row.excluded += 1
        else:
            row.planted += 1
            kind_row.planted += 1
            if case.name not in missed:
                row.found += 1
                kind_row.found += 1
            else:
                miss_lines.append(f"{case.name}.txt: {plant.why}")
        for line, code, message in alarms.get(case.name, []):
            key = (plant.line_map.get(line), code)
            if key[0] is not None and inherited[key] > 0:
                inherited[key] -= 1
                continue
            per_check.setdefault(code, Row()).false_planted += 1
            kind_row.false_planted += 1
            alarm_lines.append(f"{case.name}.txt:{line}: {code}: {message}")
    return Report(checks, names, per_check, per_kind, len(cases), len(originals), miss_lines, alarm_lines)


def _fmt(value: float | None) -> str:
    return "   —" if value is None else f"{value:.2f}"


def print_report(report: Report, by_kind: bool, details: bool, out=sys.stdout) -> None:
    p = lambda s="": print(s, file=out)  # noqa: E731
    p(f"{'check':<6} {'name':<28} {'planted':>7} {'found':>5} {'recall':>6} {'FA planted':>10} {'FA clean':>8}")
    order = report.checks + sorted(c for c in report.per_check if c not in report.checks)
    for code in order:
        row = report.per_check[code]
        name = report.names.get(code, "")
        planted = f"{row.planted:>7}" if code in report.checks else f"{'—':>7}"
        p(f"{code:<6} {name:<28} {planted} {row.found:>5} {_fmt(row.recall):>6} {row.false_planted:>10} {row.false_clean:>8}")
    t = report.total
    p(f"{'total':<35} {t.planted:>7} {t.found:>5} {_fmt(t.recall):>6} {t.false_planted:>10} {t.false_clean:>8}")
    p()
    p(f"{report.copies} planted copies of {report.originals} articles, each with one error; FA planted = findings on "
      f"the copies that meet no planted error (less those the clean original has on the same line); FA clean = "
      f"findings on the {report.originals} untouched originals.")
    if t.excluded:
        p(f"{t.excluded} copies left out of the figures: the original already has a finding of the planted check "
          f"on the planted line, so a hit could not be told from it.")
    p(f"planting {report.seconds_planting:.1f} s, scoring {report.seconds_scoring:.1f} s")
    if by_kind:
        p()
        p(f"{'check':<6} {'kind':<40} {'planted':>7} {'found':>5} {'recall':>6} {'FA planted':>10}")
        for (check, kind), row in report.per_kind.items():
            p(f"{check:<6} {kind:<40} {row.planted:>7} {row.found:>5} {_fmt(row.recall):>6} {row.false_planted:>10}")
    if details:
        p()
        p("missed:")
        for line in report.misses:
            p(f"  {line}")
        p("false alarms:")
        for line in report.false_alarms:
            p(f"  {line}")


def report_json(report: Report, settings: dict) -> dict:
    return {
        "settings": settings,
        "copies": report.copies, "originals": report.originals,
        "per_check": {c: {"name": report.names.get(c, ""), **report.per_check[c].as_dict()} for c in report.per_check},
        "per_kind": [{"check": c, "kind": k, **row.as_dict()} for (c, k), row in report.per_kind.items()],
        "total": report.total.as_dict(),
        "seconds": {"planting": round(report.seconds_planting, 2), "scoring": round(report.seconds_scoring, 2)},
        "misses": report.misses, "false_alarms": report.false_alarms,
    }


def run(articles: list[Article], checks: list[str], names: dict[str, str], *, per_check: int, seed: int,
        cmd: str = DEFAULT_CMD, score_py: Path = SHARED / "tools" / "score.py", keep: Path | None = None,
        timeout: float = 3600) -> Report:
    """Plant, write, score and tally. The cases go to `keep` when given, else to a temporary folder."""
    started = time.perf_counter()
    plants = sample(articles, checks, per_check, seed)
    planted_at = time.perf_counter()
    folder = keep or Path(tempfile.mkdtemp(prefix="planted-"))
    try:
        cases, originals = write_cases(plants, folder, names)
        result = run_score(folder, cmd, score_py, timeout)
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    report = tally(cases, originals, result, checks, names)
    report.seconds_planting = planted_at - started
    report.seconds_scoring = time.perf_counter() - planted_at
    report.plants = plants
    return report


def _prepare_keep(folder: Path) -> Path:
    if folder.exists():
        strays = [p for p in folder.iterdir() if not (p.name.endswith(".txt") or p.name.endswith(".expect.toml"))]
        if strays:
            raise SystemExit(f"planted: --keep {folder} holds other files ({strays[0].name}); give an empty or new folder")
        for p in folder.iterdir():
            p.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-check", type=int, default=40, help="planted copies per check (default 40)")
    ap.add_argument("--seed", type=int, default=1, help="the sample's seed (default 1)")
    ap.add_argument("--only", help="checks to plant: codes, prefixes, family letters or names, comma-separated")
    ap.add_argument("--keep", type=Path, help="write the cases to this folder and keep them")
    ap.add_argument("--by-kind", action="store_true", help="add recall per mutation kind")
    ap.add_argument("--details", action="store_true", help="list every missed plant and false alarm")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--cmd", default=DEFAULT_CMD, help="the factlint command score.py runs (default: this worktree's)")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    ap.add_argument("--list-kinds", action="store_true", help="print the mutation kinds and exit")
    a = ap.parse_args(argv)
    score_py = SHARED / "tools" / "score.py"
    missing = [p for p in (SHARED / "CHECKS.md", score_py, a.corpus) if not p.exists()]
    if missing:
        print(f"planted: this benchmark needs the shared material beside the repository (../shared: CHECKS.md, "
              f"tools/score.py and the corpus); not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    program = shlex.split(a.cmd)[0] if a.cmd.strip() else ""
    if not (Path(program).exists() or shutil.which(program)):
        print(f"planted: the linter command is not there: {program!r}; set up this worktree's venv "
              f"(python3 -m venv .venv && .venv/bin/pip install -e '.[dev]') or give --cmd", file=sys.stderr)
        return 2
    names = catalogue(SHARED)
    checks = select(names, a.only)
    if a.list_kinds:
        for code in checks:
            for k in KINDS.get(code, []):
                print(f"{code} {k.name:<40} {'(needs a publication date) ' if k.needs_date else ''}{k.description}")
        return 0
    lacking = [c for c in checks if not KINDS.get(c)]
    if lacking:
        print(f"planted: no mutation kinds for {', '.join(lacking)}", file=sys.stderr)
    articles = load_corpus(a.corpus)
    if not articles:
        print(f"planted: no articles in {a.corpus}", file=sys.stderr)
        return 2
    keep = _prepare_keep(a.keep) if a.keep else None
    report = run(articles, checks, names, per_check=a.per_check, seed=a.seed, cmd=a.cmd, score_py=score_py, keep=keep)
    if a.json:
        settings = {"seed": a.seed, "per_check": a.per_check, "only": a.only, "cmd": a.cmd, "corpus": str(a.corpus)}
        print(json.dumps(report_json(report, settings), indent=2, ensure_ascii=False))
    else:
        print_report(report, a.by_kind, a.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
