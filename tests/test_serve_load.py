"""factlint serve under load, on loopback: 8 concurrent clients send 400 lint requests of real articles
(../shared/corpus/real when present, the fixtures otherwise); every one is answered, with exactly the findings
the CLI reports for that article. Bounded in count and time; the figures go to tmp/artefacts/serve-load.json."""

from __future__ import annotations

import json

from tests.serve_support import ROOT, bench, need_serve_extra

CLIENTS, REQUESTS = 8, 400


def test_eight_clients_four_hundred_requests(tmp_path):
    need_serve_extra()
    corpus = ROOT.parent / "shared" / "corpus" / "real"
    files = bench.articles(corpus if corpus.is_dir() else ROOT / "fixtures", REQUESTS)
    bodies = [json.dumps(bench.lint_request(p)).encode("utf-8") for p in files]
    expected = bench.cli_findings(files, tmp_path)
    with bench.serving("--workers", "2", cwd=tmp_path) as server:
        outcome = bench.load(server.url, bodies, CLIENTS, REQUESTS, deadline=300)
        health = server.client().get("/health").json()
        assert "Traceback" not in server.stderr()
    assert len(outcome.results) == REQUESTS
    assert bench.mismatches(outcome, files, expected) == []
    assert health["restarts"] == 0
    figures = {"requests": REQUESTS, "clients": CLIENTS, "articles": len(files), "workers": health["workers"],
               "requests_per_second": round(outcome.per_second, 1),
               "p50_ms": round(outcome.percentile(50) * 1000, 1), "p99_ms": round(outcome.percentile(99) * 1000, 1)}
    (ROOT / "tmp" / "artefacts").mkdir(parents=True, exist_ok=True)
    (ROOT / "tmp" / "artefacts" / "serve-load.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(f"\nfactlint serve load: {figures}")
