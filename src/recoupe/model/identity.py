"""Ids that survive a growing corpus: every entity, event and claim cluster is named after its founding member, and
an id that a rebuild retires points to the record that now holds its members (a redirect).

The founding member is the first one in arrival order: articles in the order of their publication (then by id, so
that the same input gives the same ids whatever order builds read it in), then by position in the article. An
article published later never changes the founder of what is already there, so adding it keeps every id, except
where it merges two records (the merged one keeps the older founder's id) or founds a record of its own. An article
that arrives late but was published earlier may found an existing record anew; its old id then redirects to the
new one, and so does the id of a record absorbed by a merge, so an analyst's corrections and bookmarks never go
stale through growth (`redirects`; the store keeps them, the read model follows them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from recoupe.model.records import Document

UNDATED = "~"  # sorts after every ISO date: an article without a date arrives after the dated ones


def arrival(published: str | None, doc_id: str) -> tuple[str, str]:
    """The order of an article's arrival: its publication date (undated last), then its id."""
    return (published or UNDATED, doc_id)


def founder(keys: Iterable[tuple[Any, ...]], docs: Mapping[str, Document]) -> tuple[Any, ...]:
    """The first of these member keys (doc id, then positions in it) in arrival order."""
    def published(doc_id: str) -> str | None:
        doc = docs.get(doc_id)
        return doc.published if doc is not None else None

    return min(keys, key=lambda k: (arrival(published(k[0]), k[0]), k[1:]))


def redirects(old: Mapping[str, list[dict[str, Any]]], new: Mapping[str, list[dict[str, Any]]]) -> dict[str, str]:
    """Old id -> new id for every entity, event and claim cluster of the dossier `old` (contract-shaped tables)
    whose id is gone from `new` while most of its members live on in one record of `new`."""
    out: dict[str, str] = {}
    span = _span_key
    out.update(_moved(((e["id"], [span(m) for m in e.get("mentions") or []]) for e in old.get("entities", [])),
                      {span(m): e["id"] for e in new.get("entities", []) for m in e.get("mentions") or []}))
    out.update(_moved(((ev["id"], [span(s) for s in ev.get("sources") or []]) for ev in old.get("events", [])),
                      {span(s): ev["id"] for ev in new.get("events", []) for s in ev.get("sources") or []}))
    old_clusters: dict[str, list[str]] = {}
    for c in old.get("claims", []):
        if c.get("cluster"):
            old_clusters.setdefault(c["cluster"], []).append(c["id"])
    out.update(_moved(old_clusters.items(), {c["id"]: c["cluster"] for c in new.get("claims", []) if c.get("cluster")}))
    return out


def _span_key(s: Mapping[str, Any]) -> tuple[str, int, int]:
    return (s["doc"], s["start"], s["end"])


def _moved(old: Iterable[tuple[str, list[Any]]], holder: dict[Any, str]) -> dict[str, str]:
    live = set(holder.values())
    out: dict[str, str] = {}
    for old_id, members in old:
        if old_id in live or not members:
            continue
        votes = Counter(holder[m] for m in members if m in holder)
        if not votes:
            continue  # its articles are gone: nothing holds its members any more
        best, n = max(votes.items(), key=lambda kv: (kv[1], kv[0] == old_id, kv[0]))
        if 2 * n > len(members) or len(votes) == 1:
            out[old_id] = best  # most of its members, or all that are left, are in one record now
    return out


def chain(stored: Mapping[str, str], added: Mapping[str, str], live: set[str]) -> dict[str, str]:
    """The redirects to keep after a rebuild: the stored ones and the new ones, each followed to its end (an id
    retired twice points to the last record); an id that is live again is no redirect any more."""
    merged = {**stored, **added}
    out: dict[str, str] = {}
    for old in merged:
        if old in live:
            continue
        target, seen = merged[old], {old}
        while target in merged and target not in live and target not in seen:
            seen.add(target)
            target = merged[target]
        out[old] = target
    return out
