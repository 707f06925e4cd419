"""Benchmark: resolution (across articles) as the dossier grows, and what adding one article costs.

The sample corpus is analysed once; its documents and analyses are then cloned to N documents (each clone its own
id and a publication date one day later per round, so that copies are distinct articles that report the same
story day after day). For each N the whole resolution runs once (every step, timed apart); the cost of adding one
article to a dossier of N is a resolution of N + 1 (recoupe re-resolves the whole dossier on every build), set
against the analysis of that one article in the same run.

    python benchmarks/bench_resolve.py --sizes 250 500 1000 2000 [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any


def sample() -> tuple[list[Any], list[Any], float]:
    """The sample corpus's documents and analyses, and the seconds one article's analysis takes (model loaded)."""
    from recoupe import api
    from recoupe.analyze.runner import Analyzer
    from recoupe.ingest import to_document
    from recoupe.ingest.readers import read_txt

    docs = [to_document(next(read_txt(p, str(p)))) for p in sorted(api.sample_corpus().glob("*.txt"))]
    analyzer = Analyzer(None)
    analyzer.analyze_many(docs[:1])  # warm: the model and the components are loaded
    t = time.perf_counter()
    analyses = list(analyzer.analyze_many(docs))
    return docs, analyses, (time.perf_counter() - t) / len(docs)


def _renamed(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return new if value == old else value
    if isinstance(value, list):
        return [_renamed(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _renamed(v, old, new) for k, v in value.items()}
    return value


def cloned(docs: list[Any], analyses: list[Any], n: int) -> tuple[list[Any], list[Any]]:
    from recoupe.model import Analysis, Document

    by_doc = {a.doc: a.to_dict() for a in analyses}
    out_docs, out_an = [], []
    for i in range(n):
        d = docs[i % len(docs)]
        rnd = i // len(docs)
        new_id = f"{d.id}-{rnd:05d}"
        pub = d.published
        if pub and len(pub) == 10:
            pub = (date.fromisoformat(pub) + timedelta(days=rnd)).isoformat()
        out_docs.append(Document.from_dict({**d.to_dict(), "id": new_id, "published": pub, "content_hash": f"{d.content_hash}-{rnd}"}))
        out_an.append(Analysis.from_dict(_renamed(by_doc[d.id], d.id, new_id)))
    return out_docs, out_an


def timed_resolve(docs: list[Any], analyses: list[Any]) -> tuple[float, dict[str, float]]:
    from recoupe import lang
    from recoupe.resolve import _entity_record
    from recoupe.resolve.registry import ResolveContext, step_chain

    ctx = ResolveContext(documents=docs, analyses=analyses, pack=lang.pack())
    steps: dict[str, float] = {}
    t0 = time.perf_counter()
    for s in step_chain(None):
        t = time.perf_counter()
        s.obj(ctx)
        steps[s.name] = time.perf_counter() - t
    ctx.dossier.entities = [_entity_record(e) for e in ctx.entities]
    return time.perf_counter() - t0, steps


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    docs, analyses, per_article = sample()
    rows = []
    for n in args.sizes:
        d, a = cloned(docs, analyses, n + 1)
        secs, steps = timed_resolve(d[:n], a[:n])
        plus_one, _ = timed_resolve(d, a)
        rows.append({"docs": n, "resolve_s": secs, "per_article_ms": secs / n * 1000, "add_one_s": plus_one,
                     "steps_s": {k: round(v, 3) for k, v in sorted(steps.items(), key=lambda kv: -kv[1])},
                     "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
        top = ", ".join(f"{k} {v:.2f}" for k, v in list(rows[-1]["steps_s"].items())[:4])
        print(f"{n:>6} docs: resolve {secs:7.2f} s ({secs / n * 1000:6.1f} ms/article; {top}); "
              f"adding one: {plus_one:7.2f} s = {plus_one / per_article:6.1f}x its own analysis ({per_article:.2f} s)")
        sys.stdout.flush()
    first, last = rows[0], rows[-1]
    growth = (last["resolve_s"] / first["resolve_s"]) / (last["docs"] / first["docs"])
    print(f"time grows {last['resolve_s'] / first['resolve_s']:.1f}x for {last['docs'] / first['docs']:.0f}x the articles "
          f"(per-article cost x{growth:.2f})")
    if args.json:
        args.json.write_text(json.dumps({"analysis_per_article_s": per_article, "rows": rows, "growth": growth}, indent=2))


if __name__ == "__main__":
    main()
