"""Benchmark: time to merge N synthetic event cues (no spaCy), to show that merging grows near-linearly."""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.model import Span  # noqa: E402
from recoupe.resolve.events import CueItem, merge_cues  # noqa: E402

TYPES = ("meeting", "visit", "arrival", "departure", "transfer", "agreement", "invitation", "launch")
STATUSES = ("happened", "happened", "happened", "planned", "possible", "denied", "unknown")


def synthetic_cues(n: int, seed: int = 7) -> list[CueItem]:
    """n cues over n/4 underlying happenings among n/10 actors and n/20 places: each happening reported ~4 times."""
    rng = random.Random(seed)
    actors = [f"ent-a{i}" for i in range(max(4, n // 10))]
    places = [f"ent-p{i}" for i in range(max(2, n // 20))]
    happenings = []
    start = date(2020, 1, 1)
    for h in range(max(1, n // 4)):
        parts = frozenset(rng.sample(actors, rng.choice((1, 2, 2, 3))))
        day = start + timedelta(days=rng.randrange(1500))
        happenings.append((rng.choice(TYPES), parts, rng.choice(places), day, rng.choice(STATUSES)))
    out = []
    for i in range(n):
        t, parts, place, day, status = happenings[rng.randrange(len(happenings))]
        prec = rng.choice(("day", "day", "month", None))
        value = day.isoformat() if prec == "day" else day.isoformat()[:7] if prec == "month" else None
        doc = f"doc-{i // 5}"
        out.append(CueItem(
            key=(doc, i), type=t, status=status, participants=parts, place=place if rng.random() < 0.7 else None,
            date=value, precision=prec, source=Span(doc, i, i + 1, "x"), outlet=f"outlet:{rng.randrange(50)}",
        ))
    return out


def bench(sizes: tuple[int, ...] = (1000, 2000, 4000, 8000), repeat: int = 3) -> list[tuple[int, float, int]]:
    rows = []
    for n in sizes:
        cues = synthetic_cues(n)
        best = float("inf")
        events = 0
        for _ in range(repeat):
            t0 = time.perf_counter()
            events = len(merge_cues(list(cues)))
            best = min(best, time.perf_counter() - t0)
        rows.append((n, best, events))
    return rows


def main() -> None:
    rows = bench()
    print(f"{'cues':>6} {'seconds':>9} {'events':>7} {'x time':>7} {'x size':>7}")
    prev = None
    for n, t, ev in rows:
        ratio = f"{t / prev[1]:.2f}" if prev else "-"
        size = f"{n / prev[0]:.1f}" if prev else "-"
        print(f"{n:6d} {t:9.4f} {ev:7d} {ratio:>7} {size:>7}")
        prev = (n, t)
    first, last = rows[0], rows[-1]
    print(f"time per cue: {first[1] / first[0] * 1e6:.1f} us at {first[0]}, {last[1] / last[0] * 1e6:.1f} us at {last[0]}")


if __name__ == "__main__":
    main()
