"""Benchmark: `recoupe build` against bare spaCy `nlp.pipe` on the same texts, same model and processes.

Each variant runs in its own subprocess so that its peak memory (itself plus its worker processes) is
measured alone; figures are reported as ratios to the bare-spaCy baseline of the same run.

    python benchmarks/bench_build.py --docs 500 --jobs 2 [--executor dask]

With --executor dask the build's analysis runs on a Dask LocalCluster of --jobs workers (its start and the
workers' model loads are inside the timed build; nlp.pipe's model load is not).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def corpus(n: int) -> list[str]:
    """The sample corpus repeated to n documents, each copy made distinct by a numbered first line."""
    from recoupe import api
    from recoupe.ingest.normalize import normalize_text
    from recoupe.ingest.readers import read_txt

    bodies = []
    for p in sorted(api.sample_corpus().glob("*.txt")):
        bodies.append(normalize_text(next(read_txt(p, str(p))).text))  # type: ignore[union-attr]
    return [f"Copie {i}.\n\n{bodies[i % len(bodies)]}" for i in range(n)]


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_nlp(n: int, jobs: int) -> dict:
    from recoupe.analyze import nlp as nlp_mod
    from recoupe.analyze.runner import BATCH

    texts = corpus(n)
    nlp = nlp_mod.load()
    t = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=BATCH, n_process=jobs):
        words += len(doc)
    secs = time.perf_counter() - t
    return {"variant": "spacy nlp.pipe", "docs": n, "seconds": secs, "docs_per_s": n / secs, "tokens": words, "peak_mb": peak_rss_mb()}


def run_build(n: int, jobs: int, executor: str = "process") -> dict:
    from recoupe import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for i, text in enumerate(corpus(n)):
            (src / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        t = time.perf_counter()
        report = pipeline.build([str(src)], Path(tmp) / "b.db", jobs=jobs, progress=False, log=lambda _: None, executor=executor)
        secs = time.perf_counter() - t
        assert report.added == n, report
    return {"variant": f"recoupe build ({executor})", "docs": n, "seconds": secs, "docs_per_s": n / secs, "peak_mb": peak_rss_mb()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--executor", choices=["process", "dask"], default="process")
    ap.add_argument("--variant", choices=["nlp", "build"], help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    if args.variant:
        res = run_nlp(args.docs, args.jobs) if args.variant == "nlp" else run_build(args.docs, args.jobs, args.executor)
        print(json.dumps(res))
        return
    results = {}
    for variant in ("nlp", "build"):
        out = subprocess.run([sys.executable, __file__, "--variant", variant, "--docs", str(args.docs), "--jobs", str(args.jobs),
                              "--executor", args.executor],
                             check=True, capture_output=True, text=True)
        results[variant] = json.loads(out.stdout.strip().splitlines()[-1])
    base, ours = results["nlp"], results["build"]
    summary = {
        "docs": args.docs, "jobs": args.jobs, "executor": args.executor, "baseline": base, "recoupe": ours,
        "speed_ratio": ours["docs_per_s"] / base["docs_per_s"],
        "memory_ratio": ours["peak_mb"] / base["peak_mb"],
    }
    print(f"documents: {args.docs}, processes: {args.jobs}")
    print(f"  bare nlp.pipe  : {base['docs_per_s']:7.2f} docs/s  peak {base['peak_mb']:7.0f} MB  ({base['tokens'] / base['seconds']:.0f} tokens/s)")
    print(f"  recoupe build ({args.executor}): {ours['docs_per_s']:7.2f} docs/s  peak {ours['peak_mb']:7.0f} MB")
    print(f"  ratio (recoupe / baseline): speed {summary['speed_ratio']:.2f}, peak memory {summary['memory_ratio']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
