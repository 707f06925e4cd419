"""The entity graph of a dossier, one definition for the web page and the graph exports (GraphML, GEXF):
entities linked by co-participation in events and by co-occurrence in one sentence of an article, each link
keeping the events and the sentences behind it (a bounded number of each) so a reader can open them."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
# A "sentence" naming more entities than this is a list (a bibliography, a line of credits), not a relation.
MAX_SENTENCE_ENTITIES = 8
EVIDENCE_PER_LINK = 20  # events and sentences kept per link (the weights count them all)

Pair = tuple[str, str]


@dataclass
class EntityGraph:
    """Weighted entity pairs (a < b): `events[pair]` shared events, `sentences[pair]` shared sentences; the ids of
    the first events and the first sentence spans behind each pair; per entity, its neighbours' weights."""

    events: Counter[Pair] = field(default_factory=Counter)
    sentences: Counter[Pair] = field(default_factory=Counter)
    event_ids: dict[Pair, list[str]] = field(default_factory=lambda: defaultdict(list))
    sentence_spans: dict[Pair, list[tuple[str, int, int]]] = field(default_factory=lambda: defaultdict(list))
    degree: Counter[str] = field(default_factory=Counter)
    adjacency: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # entity -> neighbour -> [events, sentences]

    def weights(self, kind: str = "both") -> Counter[Pair]:
        """Link weights counting events, sentences or both."""
        out: Counter[Pair] = Counter()
        if kind in ("both", "events"):
            out.update(self.events)
        if kind in ("both", "sentences"):
            out.update(self.sentences)
        return out


def pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def build(entities: list[dict[str, Any]], events: list[dict[str, Any]],
          texts: Callable[[list[str]], dict[str, str]]) -> EntityGraph:
    """The graph of these contract-shaped entities and events; `texts(doc_ids)` gives the documents' texts (only
    those with mentions of two entities or more are asked for), to find sentence boundaries."""
    g = EntityGraph()
    known = {e["id"] for e in entities}
    for ev in events:
        ids = sorted({x for x in [*ev.get("participants", []), ev.get("place")] if x and x in known})
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                g.events[(a, b)] += 1
                if len(g.event_ids[(a, b)]) < EVIDENCE_PER_LINK:
                    g.event_ids[(a, b)].append(ev["id"])
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in e.get("mentions", []):
            by_doc[m["doc"]].append((m["start"], m["end"], e["id"]))
    multi = [d for d, ms in by_doc.items() if len({x[2] for x in ms}) > 1]
    got = texts(multi)
    for doc_id in multi:
        _sentences(g, doc_id, got.get(doc_id, ""), sorted(by_doc[doc_id]))
    for slot, counter in ((0, g.events), (1, g.sentences)):
        for (a, b), w in counter.items():
            g.degree[a] += w
            g.degree[b] += w
            g.adjacency.setdefault(a, {}).setdefault(b, [0, 0])[slot] += w
            g.adjacency.setdefault(b, {}).setdefault(a, [0, 0])[slot] += w
    return g


def _sentences(g: EntityGraph, doc_id: str, text: str, mentions: list[tuple[int, int, str]]) -> None:
    # sentence boundaries, except those inside a mention ("M. Kim" is one name, not two sentences)
    covered: list[list[int]] = []  # the mentions' spans, merged
    for s, e, _ in mentions:
        if covered and s <= covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], e)
        else:
            covered.append([s, e])
    starts = [c[0] for c in covered]
    cuts = [c for c in (m.end() for m in _SENTENCE_END.finditer(text)) if not _inside(covered, starts, c)]
    groups: dict[int, set[str]] = defaultdict(set)
    for start, _, eid in mentions:
        groups[bisect.bisect_right(cuts, start)].add(eid)
    for i, group in groups.items():
        if len(group) < 2 or len(group) > MAX_SENTENCE_ENTITIES:
            continue
        a0 = cuts[i - 1] if i > 0 else 0
        b0 = cuts[i] if i < len(cuts) else len(text)
        seg = text[a0:b0]
        a = a0 + (len(seg) - len(seg.lstrip()))
        b = b0 - (len(seg) - len(seg.rstrip()))
        ids = sorted(group)
        for j, x in enumerate(ids):
            for y in ids[j + 1:]:
                g.sentences[(x, y)] += 1
                if len(g.sentence_spans[(x, y)]) < EVIDENCE_PER_LINK:
                    g.sentence_spans[(x, y)].append((doc_id, a, b))


def _inside(covered: list[list[int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_left(starts, pos) - 1
    return i >= 0 and covered[i][0] < pos < covered[i][1]


def top(g: EntityGraph, names: dict[str, dict[str, Any]], limit: int, min_weight: int, kind: str) -> dict[str, Any]:
    """The `limit` best-connected entities and the links between them (weights at least `min_weight`)."""
    weights = g.weights(kind)
    degree: Counter[str] = Counter()
    for (a, b), w in weights.items():
        if w >= min_weight:
            degree[a] += w
            degree[b] += w
    ranked = [e for e, _ in degree.most_common(limit) if e in names]
    keep = set(ranked)
    nodes = [{"id": e, "name": names[e]["name"], "type": names[e]["type"], "weight": degree[e],
              "mentions": len(names[e].get("mentions", []))} for e in ranked]
    edges = [{"source": a, "target": b, "events": g.events.get((a, b), 0), "sentences": g.sentences.get((a, b), 0), "weight": w}
             for (a, b), w in weights.items() if w >= min_weight and a in keep and b in keep]
    return {"nodes": nodes, "edges": edges}
