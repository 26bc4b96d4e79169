"""Every fix round-trips: applied alone, then the text linted again, the finding is gone, no new finding
appears, and only the edited spans changed. Over the bundled fixtures, sentences written for each check
that offers a safe fix, and ../shared/cases when present.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import _REGISTRY, FIXTURES
from factlint.config import Settings
from factlint.engine import Linter
from factlint.findings import Finding
from factlint.fix_apply import apply_fixes
from factlint.fixes import SAFE_CHECKS
from factlint.source import Source, decode

ARTICLE_SUFFIXES = (".md", ".txt", ".html", ".htm")
FACTS = FIXTURES / "facts" / "newsroom.yaml"

# One short article per check that offers a safe fix (written for these tests), with its kind and date.
PER_CHECK = {
    "D101": ("txt", "2025-05-20", "On 14 May 2025, the harbour board met in Gdansk.\n\n"
                                  "On the eve of the meeting, on 13 May, the unions published their demands.\n\n"
                                  "Two days after the meeting, on 16 May, the works began.\n\n"
                                  "On 14 April 2025, the harbour board met in Gdansk, a spokesman said.\n"),
    "D102": ("md", None, "The auction closed on Friday 29 May 2025, the auctioneers said.\n"),
    "A401": ("md", None, "The World Trade Organization (WTA) opened its ministerial meeting in Geneva on Monday.\n"),
    "A402": ("md", None, "Ministers from Russia, Belarus and Kazakhstan met in Minsk. The three members of the EEA "
                         "agreed on common customs tariffs and a single market for gas.\n"),
    "T502": ("txt", None, "The new stadium in Vilnius will seat 15,000 fans, the city\u0441ouncil said.\n\n"
                          "The \u0441ity council approved the plan on Tuesday.\n"),
    "T504": ("html", None, "<p>The trans-Caspian route is short.</p><p>The trans&mdash;Caspian line opened.</p>"),
    "T505": ("md", None, "Orlov was blunt after the match.\n\n— We relaxed after the *second* goal, he said.\n"),
    "T506": ("txt", None, "The minister said the the plan was ready.\r\nThe firm intends to to start work.\r\n"),
}


def _linter(published: dt.date | None = None, facts: object = None) -> Linter:
    return Linter(Settings(root=FIXTURES), _REGISTRY, published, facts)


def _key(f: Finding) -> tuple[str, str]:
    return f.code, f.excerpt


def check_round_trip(linter: Linter, source: Source, where: str) -> list[str]:
    """Apply each safe fix alone and lint again; return the codes fixed (asserting on the way)."""
    result = linter.lint_source(source)
    assert result.error is None, f"{where}: {result.error}"
    before = Counter(_key(f) for f in result.findings)
    fixed = []
    for f in result.findings:
        if not f.fixable:
            continue
        done = apply_fixes(source.text, [f])
        assert done.applied == (f,), f"{where}: {f.code} at {f.line}:{f.column} not applied: {done.skipped}"
        _only_spans_changed(source.text, done.text, f, where)
        after = linter.lint_source(Source(source.path, done.text, source.kind))
        assert after.error is None
        edits = f.fix.edits
        lo = edits[0].start
        hi = edits[-1].end + sum(len(e.replacement) - (e.end - e.start) for e in edits)
        assert not [g for g in after.findings if g.code == f.code and g.start < max(hi, lo + 1) and g.end > lo], \
            f"{where}: {f.code} at {f.line}:{f.column} still there after its fix"
        now = Counter(_key(g) for g in after.findings)
        # a finding the fix brings in must itself be fixable: --fix applies it on its next pass
        new = [g for g in after.findings if now[_key(g)] > before[_key(g)] and not g.fixable]
        assert not new, (f"{where}: the fix of {f.code} at {f.line}:{f.column} brought in "
                         + "; ".join(f"{g.code} {g.message}" for g in new))
        fixed.append(f.code)
    return fixed


def check_fix_run(linter: Linter, path: str, data: bytes, where: str) -> None:
    """What --fix does to a file: no fixed finding left, no new finding, every fix kept, bytes re-encoded."""
    from factlint.fix_files import encode_like, fix_text

    outcome = fix_text(linter, path, data, unsafe=False)
    assert not [reason for _, reason in outcome.skipped if "would have a finding" in reason], where
    before = Counter(_key(f) for f in linter.lint_bytes(path, data).findings)
    after = Counter(_key(f) for f in outcome.result.findings)
    assert not [k for k, n in after.items() if n > before[k]], f"{where}: new findings after --fix"
    assert not [f for f in outcome.result.findings if f.fixable], f"{where}: fixable findings left after --fix"
    written = encode_like(outcome.after, data)
    assert decode(path, written).text == outcome.after
    if outcome.after == outcome.before:
        assert written == data, f"{where}: bytes changed without a fix"


def _only_spans_changed(old: str, new: str, f: Finding, where: str) -> None:
    pieces, at = [], 0
    for e in f.fix.edits:
        assert old[e.start:e.end] == e.original, where
        assert f.start <= e.start <= e.end <= f.end, f"{where}: an edit of {f.code} lies outside its span"
        pieces += [old[at:e.start], e.replacement]
        at = e.end
    assert new == "".join(pieces) + old[at:], where


@pytest.mark.parametrize("code", sorted(PER_CHECK))
def test_each_check_with_a_safe_fix_round_trips(code):
    kind, published, text = PER_CHECK[code]
    linter = _linter(dt.date.fromisoformat(published) if published else None)
    fixed = check_round_trip(linter, Source(f"a.{kind}", text, {"md": "markdown", "txt": "text"}.get(kind, kind)), code)
    assert code in fixed


def test_every_safe_check_is_exercised():
    assert set(PER_CHECK) == set(SAFE_CHECKS)


def test_the_fact_base_spelling_fix_round_trips():
    from factlint.facts import load_fact_base

    text = "Julie Stuft, the US ambassador to Kazakhstan, arrived in Astana on Monday.\n"
    linter = _linter(dt.date(2025, 9, 1), load_fact_base([FACTS]))
    assert "F601" in check_round_trip(linter, Source("a.md", text, "markdown"), "F601")


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file())


@pytest.mark.parametrize("path", _articles(FIXTURES), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixtures_round_trip(path):
    data = path.read_bytes()
    for variant in (data, data.replace(b"\n", b"\r\n"), b"\xef\xbb\xbf" + data, "\ufeff".encode("utf-16-le")
                    + data.decode("utf-8").encode("utf-16-le")):
        check_round_trip(_linter(), decode(str(path), variant), path.name)
        check_fix_run(_linter(), str(path), variant, path.name)


def test_shared_cases_round_trip(shared):
    fixed = Counter()
    for path, published in _cases(shared):
        data = path.read_bytes()
        fixed.update(check_round_trip(_linter(published), decode(str(path), data), path.name))
        check_fix_run(_linter(published), str(path), data, path.name)
    assert fixed, "no case has a safe fix"


def _cases(shared: Path) -> list[tuple[Path, dt.date | None]]:
    out = []
    for path in _articles(shared / "cases"):
        expect = path.with_name(path.name.split(".")[0] + ".expect.toml")
        if not expect.exists():
            continue
        args = tomllib.loads(expect.read_text(encoding="utf-8")).get("args", [])
        out.append((path, dt.date.fromisoformat(args[args.index("--published") + 1]) if "--published" in args
                    else None))
    return out
