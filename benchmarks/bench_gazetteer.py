"""Time and memory of the gazetteer: building its index (with --build), opening it, and looking names up."""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["Moscou", "Pékin", "Séoul", "Londres", "Valence", "Tripoli", "Iekaterinbourg", "Oussouriisk",
         "Zorblattville", "Norvège", "Baïkonour", "Saint-Pétersbourg", "Nijni Novgorod", "Springfield"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", action="store_true", help="also build a fresh index in a temporary folder")
    args = ap.parse_args()
    from recoupe import lang
    from recoupe.geo import gazetteer as gz

    words = lang.pack("fr").geo

    if args.build:
        with tempfile.TemporaryDirectory() as d:
            t = time.perf_counter()
            path = gz.build_index(gz.index_path(words, Path(d)), words)
            print(f"build: {time.perf_counter() - t:.1f} s, peak RSS {rss_mb():.0f} MB, "
                  f"file {path.stat().st_size / 2**20:.0f} MB")
        return  # the peak RSS of a build hides the cost of opening: measure that in a fresh process
    t = time.perf_counter()
    g = gz.open_gazetteer(words)
    print(f"open: {(time.perf_counter() - t) * 1000:.0f} ms, peak RSS {rss_mb():.0f} MB ({g.path})")
    times = []
    for _ in range(5):
        for n in NAMES:
            t = time.perf_counter()
            g.lookup(n)
            times.append((time.perf_counter() - t) * 1000)
    print(f"lookup: median {statistics.median(times):.2f} ms, max {max(times):.2f} ms over {len(times)} lookups, "
          f"peak RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
