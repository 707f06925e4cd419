"""Benchmark: the PostgreSQL store against the SQLite store, the same operations on the same data in one run.

The data is bench_web's synthetic dossier (articles, entities, events, quotes, claims, contradictions), read
back from a SQLite store it writes; each engine then gets, on a new store: every document added one by one (one
transaction each, as a build adds them), an analysis per document written in batches of the build's size, the
dossier written (and its search index with it), the dossier read back, the dossier written again with one row
in a hundred changed (the row-by-row write: only those rows are rewritten), and searches of documents and facts.
Figures are seconds and PostgreSQL/SQLite ratios (above 1: PostgreSQL is slower).

    python benchmarks/bench_store.py --docs 2000 [--postgres postgresql://USER@HOST:PORT]

Without --postgres it starts a throwaway PostgreSQL server (tests/store/pgcluster.py; Debian's postgresql).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.store.pgcluster

QUERIES = ["rencontre", "Nous avons parlé", "financé", "énergie", "projet numéro 12", "sécurité pêche"]


def _data(n_docs: int, tmp: Path) -> tuple[list[Any], list[Any], Any]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_web", ROOT / "benchmarks" / "bench_web.py")
    assert spec and spec.loader
    bench_web = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_web)
    generate = bench_web.generate
    from recoupe.model import Analysis
    from recoupe.store import open_store

    seed = tmp / "seed.db"
    generate(seed, n_docs)
    with open_store(seed) as s:
        docs = list(s.documents())
        dossier = s.read_dossier()
    analyses = [Analysis(doc=d.id, version="bench", sentences=[(0, len(d.text))]) for d in docs]
    return docs, analyses, dossier


def _timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


FIELD = {"entities": "name", "events": "summary", "quotes": "text", "claims": "text"}


def _touched(dossier: Any) -> Any:
    """The dossier with one row in a hundred of its entities, events, quotes and claims changed (as a rebuild
    after a few new articles changes a few records): the row-by-row write rewrites only those."""
    from recoupe.model import Dossier

    d = dossier.to_contract()
    for table, key in FIELD.items():
        for row in d.get(table, [])[::100]:
            row[key] = (row.get(key) or "") + " (mis à jour)"
    return Dossier.from_contract(d)


def run(address: str, docs: list[Any], analyses: list[Any], dossier: Any) -> dict[str, float]:
    from recoupe.pipeline import WRITE_BATCH
    from recoupe.store import open_store

    out: dict[str, float] = {}
    with open_store(address) as s:
        out["add_document"] = _timed(lambda: [s.add_document(d, None) for d in docs])
        out["put_analyses"] = _timed(lambda: [s.put_analyses(analyses[i:i + WRITE_BATCH]) for i in range(0, len(analyses), WRITE_BATCH)])
        out["write_dossier"] = _timed(lambda: s.write_dossier(dossier, "bench-1"))
        out["read_dossier"] = _timed(s.read_dossier)
        changed = _touched(dossier)
        out["write_dossier_1pct_changed"] = _timed(lambda: s.write_dossier(changed, "bench-2"))
        assert s.last_write["replaced"] > 0 and s.last_write["kept"] > 50 * s.last_write["replaced"]
        doc_times, fact_times = [], []
        for _ in range(5):
            for q in QUERIES:
                doc_times.append(_timed(lambda: s.search_documents(q)))
                fact_times.append(_timed(lambda: s.search_facts(q)))
        out["search_documents_median"] = statistics.median(doc_times)
        out["search_facts_median"] = statistics.median(fact_times)
        assert s.count_documents() == len(docs) and s.search_facts("rencontre")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--postgres", help="a server URL without a database name (default: a throwaway server)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    from tests.store import pgcluster

    with tempfile.TemporaryDirectory() as tmp, (nullcontext(args.postgres.rstrip("/")) if args.postgres else pgcluster.server()) as server:
        if server is None:
            print("bench_store: no PostgreSQL server binaries (install Debian's postgresql) and no --postgres", file=sys.stderr)
            return 2
        docs, analyses, dossier = _data(args.docs, Path(tmp))
        sqlite = run(str(Path(tmp) / "bench.db"), docs, analyses, dossier)
        postgres = run(f"{server}/bench_{uuid.uuid4().hex[:12]}", docs, analyses, dossier)
    ratios = {k: postgres[k] / sqlite[k] for k in sqlite if sqlite[k] > 0}
    rows = sum(len(dossier.table(t)) for t in ("entities", "events", "quotes", "claims", "contradictions"))
    print(f"documents: {len(docs)}, dossier rows: {rows}")
    print(f"  {'operation':26s} {'SQLite s':>10s} {'PostgreSQL s':>13s} {'ratio':>7s}")
    for k in sqlite:
        print(f"  {k:26s} {sqlite[k]:10.4f} {postgres[k]:13.4f} {ratios.get(k, float('nan')):7.2f}")
    if args.json:
        args.json.write_text(json.dumps({"docs": len(docs), "rows": rows, "sqlite": sqlite, "postgresql": postgres, "ratios": ratios}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
