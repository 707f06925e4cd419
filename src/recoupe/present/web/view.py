"""The web's view of the dossier: the one read model (recoupe.present.read) plus what only pages need, the
entity graph (weighted co-participation and co-occurrence, computed on first use from the documents' texts)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from recoupe.present.read import ReadModel, evidence_url, load, places, version_key
from recoupe.store import Store

DossierView = ReadModel
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
# A "sentence" naming more entities than this is a list (a bibliography, a line of credits), not a relation.
MAX_SENTENCE_ENTITIES = 8

__all__ = ["DossierView", "ReadModel", "evidence_url", "graph", "load", "places", "version_key"]


def graph(v: ReadModel, store: Store) -> dict[str, Any]:
    """The entity graph of this view, computed once."""
    with v._lock:
        if v._graph is None:
            v._graph = _build_graph(v, store)
        return v._graph


def _build_graph(v: ReadModel, store: Store) -> dict[str, Any]:
    """Weighted entity pairs: co-participation in events, and co-occurrence in one sentence of an article."""
    events_w: Counter[tuple[str, str]] = Counter()
    for ev in v.events:
        ids = sorted({x for x in [*ev.get("participants", []), ev.get("place")] if x and x in v.ent_by_id})
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                events_w[(a, b)] += 1
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in v.entities:
        for m in e.get("mentions", []):
            by_doc[m["doc"]].append((m["start"], m["end"], e["id"]))
    multi = [d for d, ms in by_doc.items() if len({x[2] for x in ms}) > 1]
    texts = store.document_texts(multi)
    sent_w: Counter[tuple[str, str]] = Counter()
    for doc_id in multi:
        text = texts.get(doc_id, "")
        ms = sorted(by_doc[doc_id])
        group: set[str] = set()
        prev_end = None
        for start, end, eid in ms:
            # a sentence boundary between two mentions closes the group
            if prev_end is not None and _SENTENCE_END.search(text, prev_end, max(prev_end, start)):
                _pairs(group, sent_w)
                group = set()
            group.add(eid)
            prev_end = end
        _pairs(group, sent_w)
    degree: Counter[str] = Counter()
    # per entity: neighbour -> (events shared, sentences shared), for the entity pages
    adjacency: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for slot, counter in ((0, events_w), (1, sent_w)):
        for (a, b), w in counter.items():
            degree[a] += w
            degree[b] += w
            adjacency[a].setdefault(b, [0, 0])[slot] += w
            adjacency[b].setdefault(a, [0, 0])[slot] += w
    return {"events": events_w, "sentences": sent_w, "degree": degree, "adjacency": dict(adjacency)}


def _pairs(group: set[str], counter: Counter[tuple[str, str]]) -> None:
    if len(group) > MAX_SENTENCE_ENTITIES:
        return
    ids = sorted(group)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            counter[(a, b)] += 1
