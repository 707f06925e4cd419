"""Which articles tell the same story, which source states a figure, and which day it is given for: what the
comparison of values needs to compare like with like."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from pathlib import PurePath
from typing import Any

from recoupe.model.text import fold
from recoupe.resolve.checks import settings
from recoupe.resolve.registry import ResolveContext

_NAME_TOKEN = re.compile(r"[a-z0-9]{3,}")


def _doc_names(ctx: ResolveContext) -> dict[str, set[str]]:
    """Per document, the words of the names of the entities it mentions (countries aside: every story has them)."""
    cached = ctx.state.get("_stories_names")
    if cached is None:
        names: dict[str, set[str]] = defaultdict(set)
        for e in ctx.entities:
            if e.type == "country":
                continue
            words = set(_NAME_TOKEN.findall(fold(e.name)))
            for m in e.mentions:
                names[m.doc] |= words
        cached = ctx.state["_stories_names"] = dict(names)
    return cached  # type: ignore[no-any-return]


def same_story(ctx: ResolveContext, a: str, b: str) -> bool:
    """Two articles tell the same story when they share several rare names: words of entity names found in few of
    the dossier's articles ("Bieuville", "Mamoudzou"), not those of figures every story names."""
    if a == b:
        return True
    cfg = settings()["stories"]
    names = _doc_names(ctx)
    df = ctx.state.get("_stories_df")
    if df is None:
        df = ctx.state["_stories_df"] = Counter(w for ws in names.values() for w in ws)
    n_docs = max(1, len(ctx.documents))
    rare = max(2.0, cfg["rare_share"] * n_docs)
    shared = [w for w in names.get(a, set()) & names.get(b, set()) if df[w] <= rare]
    return len(shared) >= cfg["shared_names"]


def copies(ctx: ResolveContext) -> dict[str, str]:
    """Document -> the document it is a copy of (itself otherwise): copies are one source, never two."""
    return {d.id: d.duplicate_of or d.id for d in ctx.documents}


class Sources:
    """Who states what: the claim around a span gives its source (the entity it is attributed to, else the words
    that name the source), the article's outlet otherwise."""

    def __init__(self, ctx: ResolveContext) -> None:
        self.by_doc: dict[str, list[tuple[int, int, dict[str, Any]]]] = defaultdict(list)
        for c in ctx.dossier.claims:
            s = c["span"]
            self.by_doc[s["doc"]].append((s["start"], s["end"], c))
        for v in self.by_doc.values():
            v.sort(key=lambda t: (t[0], -t[1]))
        self.starts = {d: [t[0] for t in v] for d, v in self.by_doc.items()}
        self.docs = ctx.docs_by_id
        self.names = {e.id: e.name for e in ctx.entities}

    def claim_at(self, span: dict[str, Any]) -> dict[str, Any] | None:
        rows = self.by_doc.get(span["doc"], [])
        i = bisect.bisect_right(self.starts.get(span["doc"], []), span["start"])
        for s, e, c in reversed(rows[max(0, i - 8):i]):
            if s <= span["start"] and span["end"] <= e:
                return c
        return None

    def of(self, span: dict[str, Any]) -> tuple[str | None, str]:
        """(key, label) of who states this span; key None when the article states it itself."""
        doc = self.docs.get(span["doc"])
        outlet = outlet_of(doc) if doc is not None else span["doc"]
        c = self.claim_at(span)
        if c is not None and c.get("attributed_to"):
            return "entity:" + c["attributed_to"], self.names.get(c["attributed_to"], c["attributed_to"])
        if c is not None and c.get("source_text"):
            return "text:" + fold(c["source_text"]), c["source_text"]
        return None, str(outlet)


def outlet_of(doc: Any) -> str:
    """A short name for an article's source: its outlet, else its title, else its file name."""
    return str(doc.outlet or doc.title or PurePath(doc.source).name or doc.id)


def sentence_days(ctx: ResolveContext) -> dict[tuple[str, int], str | None]:
    """(document, sentence index) -> the one day its time expressions name, or None when they name another time
    (several days, a month, an expression left unread: "le jour du cyclone")."""
    cached = ctx.state.get("_stories_days")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    days: dict[tuple[str, int], set[str | None]] = defaultdict(set)
    for a in ctx.analyses:
        starts = [s for s, _ in a.sentences]
        for t in a.times:
            if starts and t.kind != "duration":
                day = t.value if isinstance(t.value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value) else None
                days[(a.doc, bisect.bisect_right(starts, t.span.start) - 1)].add(day)
    cached = ctx.state["_stories_days"] = {k: (next(iter(v)) if len(v) == 1 else None) for k, v in days.items()}
    return cached


def sentence_entities(ctx: ResolveContext, q: dict[str, Any]) -> set[str]:
    """The entities named in a quantity's sentence."""
    index = ctx.state.get("_stories_sentence_entities")
    if index is None:
        index = ctx.state["_stories_sentence_entities"] = defaultdict(set)
        for a in ctx.analyses:
            starts = [s for s, _ in a.sentences]
            for m in a.mentions:
                eid = ctx.mention_entity.get((m.span.doc, m.span.start, m.span.end))
                if eid and starts:
                    index[(a.doc, bisect.bisect_right(starts, m.span.start) - 1)].add(eid)
    return set(index.get((q["span"]["doc"], q.get("sentence")), set()))


def day_of(ctx: ResolveContext, q: dict[str, Any]) -> str | None:
    """The day a figure is given for: the day its sentence names, else its article's publication day."""
    doc = q["span"]["doc"]
    days = sentence_days(ctx)
    where = (doc, q.get("sentence") if q.get("sentence") is not None else -1)
    if where in days:
        return days[where]
    d = ctx.docs_by_id.get(doc)
    if d is not None and d.published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.published):
        return d.published
    return None


def log_gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two intervals are, as the log of the ratio of their nearest ends (0 when they touch)."""
    lo, hi = (a, b) if a[1] < b[0] else (b, a)
    return abs(math.log(max(hi[0], 1e-9) / max(lo[1], 1e-9)))
