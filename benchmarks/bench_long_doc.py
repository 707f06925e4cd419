"""Benchmark: one long document against the same text as short articles, through the analysis (spaCy and every
component), same model, same process kind.

Each variant runs in its own subprocess so its peak memory is measured alone; the long document's time and memory
are reported as ratios to the short articles' (the baseline of the same run): a ratio near 1 means a long text
costs what its characters cost, no more.

    python benchmarks/bench_long_doc.py --chars 200000 [--profile FILE] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def bodies(chars: int) -> list[str]:
    """The sample corpus's articles repeated until they hold `chars` characters (each copy numbered)."""
    from recoupe import api
    from recoupe.ingest.normalize import normalize_text
    from recoupe.ingest.readers import read_txt

    base = [normalize_text(next(read_txt(p, str(p))).text) for p in sorted(api.sample_corpus().glob("*.txt"))]  # type: ignore[union-attr]
    out: list[str] = []
    n = 0
    while n < chars:
        b = f"Copie {len(out)}.\n\n{base[len(out) % len(base)]}"
        out.append(b)
        n += len(b) + 2
    return out


def child(variant: str, chars: int, profile: str | None) -> dict[str, float]:
    from recoupe.analyze.runner import Analyzer
    from recoupe.model import Document

    texts = bodies(chars)
    analyzer = Analyzer()
    if variant == "short":
        docs = [Document(id=f"d{i}", source="bench", text=t, language="fr") for i, t in enumerate(texts)]
    else:
        docs = [Document(id="long", source="bench", text="\n\n".join(texts), language="fr")]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    if profile:
        import cProfile

        cProfile.runctx("out = list(analyzer.analyze_many(docs))", globals(), {"analyzer": analyzer, "docs": docs}, profile)
        out = None
    else:
        out = list(analyzer.analyze_many(docs))
    secs = time.perf_counter() - t
    n = sum(len(d.text) for d in docs)
    errors = sum(len((a.attrs or {}).get("errors", [])) for a in out or [])
    return {"chars": n, "docs": len(docs), "s": round(secs, 2), "peak_MB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "model_MB": round(rss0 / 1024, 1), "errors": errors,
            "sentences": sum(len(a.sentences) for a in out or []), "mentions": sum(len(a.mentions) for a in out or [])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=200_000)
    ap.add_argument("--profile", default=None, help="write a cProfile of the long variant here")
    ap.add_argument("--json", default=None)
    ap.add_argument("--child", choices=["short", "long"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.chars, args.profile if args.child == "long" else None)))
        return 0
    res = {}
    for variant in ("short", "long"):
        cmd = [sys.executable, __file__, "--child", variant, "--chars", str(args.chars)] + (["--profile", args.profile] if args.profile else [])
        res[variant] = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    s, l = res["short"], res["long"]
    res["time_ratio"] = round((l["s"] / l["chars"]) / (s["s"] / s["chars"]), 2)
    res["memory_ratio"] = round((l["peak_MB"] - l["model_MB"]) / max(1.0, s["peak_MB"] - s["model_MB"]), 2)
    print(f"short articles: {s['docs']} docs, {s['chars']} chars, {s['s']} s, peak {s['peak_MB']} MB (model loaded: {s['model_MB']} MB)")
    print(f"one document:   {l['chars']} chars, {l['s']} s, peak {l['peak_MB']} MB (model loaded: {l['model_MB']} MB)")
    print(f"long/short: time per character x{res['time_ratio']}, memory above the model x{res['memory_ratio']}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
