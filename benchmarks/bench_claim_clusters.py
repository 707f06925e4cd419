"""Claim clustering cost as the number of claims grows: it must stay near-linear (run by hand)."""

from __future__ import annotations

import random
import sys
import time

from recoupe.model import ClaimRec, Span
from recoupe.resolve.claims import _Item, cluster_claims

CLASSES = ["supply", "acquire", "meet", "travel", "agree", "invite", "support", "sanction", "attack", "warn"]
OBJECTS = ["weapons", "technology", "food_energy", "money"]


def synthetic(n: int, seed: int = 7) -> list[_Item]:
    rnd = random.Random(seed)
    entities = [f"ent-{i}" for i in range(max(50, n // 20))]
    words = [f"mot{i}" for i in range(2000)]
    items = []
    for i in range(n):
        text = " ".join(rnd.choices(words, k=18))
        rec = ClaimRec(span=Span(f"doc-{i // 30}", 0, len(text), text), text=text, modality="reported", predicate=rnd.choice(words))
        items.append(_Item(rec=rec, id=f"claim-{i}", doc=f"doc-{i // 30}", origin=f"doc-{i // 30}",
                           published=f"2023-{1 + i % 12:02d}-01", pclass=rnd.choice(CLASSES),
                           objects=frozenset(rnd.sample(OBJECTS, rnd.randint(0, 1))),
                           entities=frozenset(rnd.sample(entities, 2)), lemmas=frozenset(text.split()[:10])))
    return items


def main(sizes: list[int]) -> None:
    for n in sizes:
        items = synthetic(n)
        t0 = time.perf_counter()
        clusters = cluster_claims(items)
        dt = time.perf_counter() - t0
        print(f"{n:>7} claims  {dt:7.2f} s  {dt / n * 1e6:7.1f} us/claim  {len(set(clusters))} clusters")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 20000, 50000])
