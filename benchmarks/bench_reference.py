"""Benchmark: inferring writing days for undated articles (resolve/reference.py) grows near-linearly with the dossier.

Synthetic dossier (no spaCy): happenings dated to the day by dated articles, and as many undated articles that
tell of one of them with a past weekday ("arrivé mardi") plus two more weekday expressions. Each size is timed
against merging the same cues (the baseline, run in the same process), and per undated article.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe import lang  # noqa: E402
from recoupe.model import Document, Span, TimeExpr  # noqa: E402
from recoupe.resolve import reference  # noqa: E402
from recoupe.resolve.events import CueItem, merge_cues  # noqa: E402

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _weekday(doc: str, start: int, day: date) -> TimeExpr:
    word = WEEKDAYS[day.weekday()]
    return TimeExpr(span=Span(doc, start, start + len(word), word), value=None, precision=None, anchor=start,
                    attrs={"rule": "weekday", "groups": {"wd": word}, "time_ref": "past", "tense": "compound_past",
                           "unresolved": "no publication date"})


def synthetic(n_docs: int, seed: int = 11) -> tuple[dict[str, Document], list[CueItem], dict[str, list[TimeExpr]]]:
    """n_docs/2 dated articles each dating a happening; n_docs/2 undated ones telling of one with a weekday."""
    rng = random.Random(seed)
    start = date(2021, 1, 4)
    docs: dict[str, Document] = {}
    items: list[CueItem] = []
    times: dict[str, list[TimeExpr]] = {}
    happenings = [(f"ent-a{i}", start + timedelta(days=rng.randrange(700))) for i in range(max(1, n_docs // 2))]
    for i, (actor, day) in enumerate(happenings):
        d = f"dated-{i}"
        docs[d] = Document(id=d, source=d, text="x", published=(day + timedelta(days=1)).isoformat(), published_precision="day")
        items.append(CueItem(key=(d, 0), type="arrival", status="happened", participants=frozenset({actor}),
                             date=day.isoformat(), precision="day", source=Span(d, 0, 1, "x"), outlet=f"doc:{d}"))
    for i in range(n_docs - len(happenings)):
        actor, day = happenings[rng.randrange(len(happenings))]
        d = f"undated-{i}"
        docs[d] = Document(id=d, source=d, text="x")
        told = _weekday(d, 10, day)
        extra = [_weekday(d, 40 + 10 * k, day - timedelta(days=rng.randrange(1, 4))) for k in range(2)]
        times[d] = [told, *extra]
        items.append(CueItem(key=(d, 10), type="arrival", status="happened", participants=frozenset({actor}),
                             source=Span(d, 10, 11, "x"), outlet=f"doc:{d}", tense="compound_past", pending=told,
                             ref_hint=day.isoformat()[:7]))
    return docs, items, times


def bench(sizes: tuple[int, ...] = (200, 400, 800, 1600)) -> list[tuple[int, float, float, int]]:
    words = lang.pack("fr").time
    rows = []
    for n in sizes:
        docs, items, times = synthetic(n)
        t0 = time.perf_counter()
        clusters = merge_cues(list(items))
        t_merge = time.perf_counter() - t0
        owner = {m.key: c.cid for c in clusters for m in c.members}
        t0 = time.perf_counter()
        refs = reference.infer(docs, items, [c.members for c in clusters], owner, times, words)
        read = sum(len(reference.retimed(r, times.get(d, ()), words)) for d, r in refs.items())
        t_infer = time.perf_counter() - t0
        rows.append((n, t_merge, t_infer, read))
    return rows


def main() -> None:
    rows = bench()
    print(f"{'docs':>6} {'merge s':>8} {'infer s':>8} {'infer/merge':>11} {'ms/undated doc':>15} {'read':>6}")
    for n, tm, ti, read in rows:
        print(f"{n:6d} {tm:8.4f} {ti:8.4f} {ti / tm:11.2f} {ti / (n - n // 2) * 1e3:15.3f} {read:6d}")
    first, last = rows[0], rows[-1]
    print(f"per undated article: {first[2] / (first[0] - first[0] // 2) * 1e3:.3f} ms at {first[0]} docs, "
          f"{last[2] / (last[0] - last[0] // 2) * 1e3:.3f} ms at {last[0]} docs")


if __name__ == "__main__":
    main()
