"""``factlint archive`` on a real Dask LocalCluster with two workers.

The findings of an archive run, from a folder, JSON Lines or Parquet, must be the
findings ``factlint check --format json`` gives for the same articles; a broken
article is an error row and the run goes on; ``--resume`` relints only what is
missing. The corpus in ../shared is used when it is there, the fixtures otherwise.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, SHARED

pa = pytest.importorskip("pyarrow", reason="the 'archive' extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")
distributed = pytest.importorskip("distributed", reason="the 'archive' extra is not installed")

RAISING_CHECK = '''
from factlint.api import Check

class Explodes(Check):
    """
    What it checks:
        Nothing; it raises on articles that mention a walrus.

    Why an editor cares:
        It does not: it stands for a plugin with a bug.

    Fires on:
        A walrus.

    Passes:
        A seal.
    """

    code = "Z990"
    name = "explodes"
    summary = "raises on a walrus (test plugin)"

    def run(self, doc):
        if "walrus" in doc.text:
            raise RuntimeError("walrus not supported")
        return iter(())
'''


def articles() -> list[Path]:
    corpus = SHARED / "corpus" / "real"
    if corpus.is_dir():
        return sorted(corpus.glob("*.txt"))
    return sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md", ".html"))


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def cli_findings() -> dict[tuple, int]:
    """What ``factlint check --format json`` reports for the same articles, keyed by file name."""
    paths = [str(p) for p in articles()]
    run = subprocess.run([sys.executable, "-m", "factlint", "--format", "json", "--no-cache", *paths],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode in (0, 1), run.stderr
    return _counted(_key(Path(f["path"]).name, f) for f in json.loads(run.stdout)["findings"])


def _key(article: str, f: dict) -> tuple:
    related = tuple((r["line"], r["column"], r["end_line"], r["end_column"], r["message"]) for r in f["related"])
    return (article, f["code"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"], related,
            f["suggestion"])


def _counted(keys) -> dict[tuple, int]:
    out: dict[tuple, int] = {}
    for k in keys:
        out[k] = out.get(k, 0) + 1
    return out


def archive(*args: str, cwd: Path) -> tuple[int, str, str]:
    run = subprocess.run([sys.executable, "-m", "factlint", "archive", *args], capture_output=True, text=True,
                         cwd=cwd, timeout=600)
    return run.returncode, run.stdout, run.stderr


def rows(out: Path) -> list[dict]:
    return pq.read_table(out).to_pylist()


def archive_findings(out: Path) -> dict[tuple, int]:
    return _counted(_key(Path(r["article_id"]).name, r) for r in rows(out) if r["kind"] == "finding")


def write_jsonl(path: Path, extra: list[dict] = ()) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for p in articles():
            kind = {".md": "md", ".html": "html"}.get(p.suffix, "txt")
            fh.write(json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8"), "format": kind}) + "\n")
        for record in extra:
            fh.write(json.dumps(record) + "\n")


def test_jsonl_on_two_workers_equals_the_cli(tmp_path, scheduler, cli_findings):
    source = tmp_path / "articles.jsonl"
    write_jsonl(source)
    # small blocks, so that line-aligned byte ranges cut the file into many partitions
    code, out, err = archive(str(source), "--out", "found.parquet", "--scheduler", scheduler, "--block-size", "0.02",
                             cwd=tmp_path)
    assert code == 0, err
    assert f"{len(articles())} articles" in out
    assert archive_findings(tmp_path / "found.parquet") == cli_findings
    assert all(r["kind"] == "finding" for r in rows(tmp_path / "found.parquet"))


def test_parquet_on_two_workers_equals_the_cli(tmp_path, scheduler, cli_findings):
    paths = articles()
    table = pa.table({"doc_id": [p.name for p in paths], "body": [p.read_text(encoding="utf-8") for p in paths],
                      "format": [{".md": "md", ".html": "html"}.get(p.suffix, "txt") for p in paths]})
    pq.write_table(table, tmp_path / "export.parquet", row_group_size=100)
    code, out, err = archive("export.parquet", "--out", "found.parquet", "--scheduler", scheduler,
                             "--id-column", "doc_id", "--text-column", "body", cwd=tmp_path)
    assert code == 0, err
    assert archive_findings(tmp_path / "found.parquet") == cli_findings
    assert len(list((tmp_path / "found.parquet").glob("part-*.parquet"))) == -(-len(paths) // 100)


def test_a_folder_on_a_local_cluster_equals_the_cli(tmp_path, cli_findings):
    """The default path: factlint starts its own LocalCluster with --workers 2."""
    folder = tmp_path / "articles"
    folder.mkdir()
    chosen = articles()[:60]
    for p in chosen:
        (folder / p.name).write_bytes(p.read_bytes())
    code, out, err = archive("articles", "--out", "found.parquet", "--workers", "2", "--partition-size", "20",
                             cwd=tmp_path)
    assert code == 0, err
    names = {p.name for p in chosen}
    assert archive_findings(tmp_path / "found.parquet") == {k: n for k, n in cli_findings.items() if k[0] in names}


def test_broken_articles_become_error_rows_and_the_run_goes_on(tmp_path, scheduler):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "explodes.py").write_text(RAISING_CHECK, encoding="utf-8")
    (tmp_path / "factlint.toml").write_text('plugins = ["house/explodes.py"]\n', encoding="utf-8")
    good = "The council met on Monday. The the vote was close.\n"
    source = tmp_path / "mixed.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for record in ({"id": "ok", "text": good, "format": "txt"},
                       {"id": "binary", "text": "abc\u0000def", "format": "txt"},
                       {"id": "number", "text": 42},
                       {"id": "no-text"},
                       {"id": "odd-format", "text": good, "format": "docx"},
                       {"id": "bad-date", "text": good, "format": "txt", "published": "last spring"},
                       {"id": "walrus", "text": "A walrus. The the seal.", "format": "txt"}):
            fh.write(json.dumps(record) + "\n")
        fh.write("{not json\n")
        fh.write("[1, 2]\n")
    code, out, err = archive("mixed.jsonl", "--out", "found.parquet", "--scheduler", scheduler, cwd=tmp_path)
    assert code == 0, err
    by_id: dict[str, list[dict]] = {}
    for r in rows(tmp_path / "found.parquet"):
        by_id.setdefault(r["article_id"], []).append(r)
    assert [r["code"] for r in by_id["ok"]] == ["T506"]
    assert "binary" in by_id["binary"][0]["message"]
    assert "holds int, not text" in by_id["number"][0]["message"]
    assert "no text in column 'text'" in by_id["no-text"][0]["message"]
    assert "unknown format 'docx'" in by_id["odd-format"][0]["message"]
    assert any("is not YYYY-MM-DD" in r["message"] for r in by_id["bad-date"] if r["kind"] == "error")
    assert any(r["code"] == "T506" for r in by_id["bad-date"])  # linted all the same, without a date
    walrus = by_id["walrus"]
    assert any(r["kind"] == "error" and "Z990 explodes failed" in r["message"] for r in walrus)
    assert any(r["code"] == "T506" for r in walrus)  # the other checks' findings are kept
    broken = [r for k, v in by_id.items() if k.startswith("mixed.jsonl@") for r in v]
    assert sorted(r["message"].split(" (")[0] for r in broken) == ["not a JSON object", "not a JSON record"]
    assert "9 articles" in out and "8 errors" in out


def test_resume_lints_only_the_missing_partitions(tmp_path, scheduler):
    source = tmp_path / "a.jsonl"
    write_jsonl(source)
    base = ("a.jsonl", "--out", "found.parquet", "--scheduler", scheduler, "--block-size", "0.02")
    assert archive(*base, cwd=tmp_path)[0] == 0
    out = tmp_path / "found.parquet"
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) > 1
    before = archive_findings(out)
    parts[0].unlink()
    code, summary, err = archive(*base, "--resume", cwd=tmp_path)
    assert code == 0, err
    assert f"{len(parts) - 1} partitions already written were skipped" in summary
    assert archive_findings(out) == before

    code, _, err = archive(*base, cwd=tmp_path)  # neither --resume nor --overwrite: refuse to clobber
    assert code == 2 and "--resume continues that run" in err
    write_jsonl(tmp_path / "b.jsonl")
    code, _, err = archive("b.jsonl", "--out", "found.parquet", "--scheduler", scheduler, "--resume", cwd=tmp_path)
    assert code == 2 and "holds the findings of another run" in err
    code, _, err = archive(*base, "--overwrite", cwd=tmp_path)
    assert code == 0, err and archive_findings(out) == before


@pytest.mark.parametrize("args, message", [
    (["missing.jsonl", "--out", "o"], "missing.jsonl: no such file or folder"),
    (["empty", "--out", "o"], "no articles found in empty"),
    (["not.parquet", "--out", "o"], "not a readable Parquet file"),
    (["a.jsonl", "--out", "o", "--workers", "-1"], "--partition-size at least 1"),
    (["a.jsonl", "--out", "o", "--block-size", "0"], "--block-size more than 0"),
    (["a.jsonl", "--out", "o", "--default-format", "rtf"], "--default-format 'rtf'"),
])
def test_usage_errors_are_one_line(tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "not.parquet").write_bytes(b"plain bytes")
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "x"}\n', encoding="utf-8")
    code, out, err = archive(*args, cwd=tmp_path)
    assert code == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_the_base_install_does_not_need_the_extra():
    """dask and pyarrow are the 'archive' extra: not dependencies, never imported by a check run."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = " ".join(project["dependencies"]).lower()
    assert "dask" not in base and "pyarrow" not in base and "distributed" not in base
    assert any("dask" in d for d in project["optional-dependencies"]["archive"])
    probe = ("import sys, factlint.cli as c; c.main(['--no-cache', 'fixtures/summit-translation.txt']); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow')))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert run.stdout.strip().splitlines()[-1] == "[]"
