"""Sources: what each document rests on, and which documents count as one source.

The first step ("sources") reads every document's page furniture and credits (recoupe.lang.pages), takes
whatever analysis found inside the furniture out of what later steps see (no event, claim, quote, date or quantity
comes from a byline, a caption, a related link, a footer or a bibliography; the text and every span stay as
stored; "source_entities", right after the entities, drops the entities named only there), and groups the documents into what they ultimately rest on:

- copies: a near-duplicate and its first version;
- one outlet's several articles;
- rewrites of one dispatch: documents crediting the same agency (a dateline, "(AFP)", "avec AFP", a byline), and
  the agency's own copy;
- shared text: documents one of which repeats at least half of the other's word sequences.

Every `independent_sources` count (events, claim clusters) counts these groups (`independent_sources()`), and each
group keeps the reasons that joined it, so a reader sees why two sources count as one. A later step
("source_marks") marks the claim clusters that rest on a single original source: one group, one cited agency or
outlet, or one attributed speaker (one government), whatever the number of articles repeating them.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from typing import Any

from recoupe import lang
from recoupe.lang import pages
from recoupe.lang.pages import Credit, Zone
from recoupe.model import Analysis, Document, Span, make_id
from recoupe.resolve.registry import ResolveContext, step

SHINGLE = 5
SHARED_MIN = 0.5  # share of the shorter text's word 5-grams found in the other: a rewrite of the same text
SHARED_MIN_COUNT = 20  # and at least this many of them (a long common quote is no rewrite)
COMMON_SHINGLE_DOCS = 50  # a 5-gram in more documents than this is boilerplate, not evidence of a copy
WIRE_KINDS = frozenset({"dateline", "credit", "byline"})  # credits that say the article is (partly) a dispatch
# furniture that is the page's machinery, whose "names" are misreadings
FOREIGN_KINDS = frozenset({"related", "published", "footer"})
PHOTO = frozenset({"photo"})
CITE_MARGIN = 40  # a citation this close to a claim's words is its source ("…, selon l'AFP")
_WORD = re.compile(r"\w+")


@dataclasses.dataclass
class Independence:
    """The documents' groups: doc id -> group id, the groups' members, labels and reasons."""

    group_of: dict[str, str]
    members: dict[str, list[str]]
    labels: dict[str, str]
    reasons: dict[str, list[dict[str, Any]]]
    credits: dict[str, list[Credit]]
    zones: dict[str, list[Zone]]

    def count(self, doc_ids: list[str] | set[str]) -> int:
        return len({self.group_of.get(d, d) for d in doc_ids})


class GroupedDocuments(dict[str, Document]):
    """The documents by id, carrying their independence groups once the sources step has made them (it installs
    this mapping as `ResolveContext.docs_by_id`, so every step that counts sources from that mapping sees them)."""

    independence: Independence | None = None


def independent_sources(docs: dict[str, Document], doc_ids: list[str] | set[str]) -> int:
    """How many independent sources these documents are: their groups (copies, one outlet, one dispatch, shared
    text count once). Without groups (a chain without the sources step), a copy counts as its first version, an
    outlet once, and a document without an outlet on its own."""
    ind = getattr(docs, "independence", None)
    if ind is not None:
        return int(ind.count(doc_ids))
    keys = set()
    for d in doc_ids:
        doc = docs.get(d)
        origin = docs.get(doc.duplicate_of or d, doc) if doc else None
        outlet = origin.outlet if origin else None
        keys.add(f"outlet:{outlet.casefold()}" if outlet else f"doc:{origin.id if origin else d}")
    return len(keys)


def _code(doc: Document) -> str:
    return doc.language if doc.language in lang.known() else lang.DEFAULT


@step("sources", version="3", requires=("documents", "analyses"), assigns=("sources",))
def resolve_sources(ctx: ResolveContext) -> None:
    """Furniture out of the analyses, credits read, documents grouped; the sources and groups tables filled."""
    zones: dict[str, list[Zone]] = {}
    credits: dict[str, list[Credit]] = {}
    for d in ctx.documents:
        code = _code(d)
        zones[d.id] = pages.zones(d.text, code)
        credits[d.id] = pages.credits(d.text, code, zones[d.id])
    captions = {a.doc: c for a in ctx.analyses if (c := _captions(a, zones.get(a.doc, []))) is not None}
    ctx.state["captions"] = captions  # weak evidence for an event's date or place (source_marks)
    ctx.analyses = [_without_furniture(a, zones.get(a.doc, [])) for a in ctx.analyses]
    ind = group_documents(ctx.documents, zones, credits)
    ctx.state["independence"] = ind
    by_id = GroupedDocuments(ctx.docs_by_id)
    by_id.independence = ind
    ctx.state["_docs_by_id"] = by_id
    for d in sorted(ctx.documents, key=lambda d: d.id):
        gid = ind.group_of[d.id]
        ctx.dossier.sources.append({
            "id": make_id("source", d.id),
            "doc": d.id,
            "title": d.title,
            "outlet": d.outlet,
            "author": d.author,
            "url": d.url,
            "published": d.published,
            "source_group": gid,
            "rests_on": sorted({c.source for c in credits[d.id] if c.kind in WIRE_KINDS}),
            "cites": sorted({c.source for c in credits[d.id] if c.kind in ("cites", "footnote")}),
            "credits": [{"kind": c.kind, "source": c.source, "agency": c.agency,
                         "span": _span(d, c.start, c.end)} for c in credits[d.id]],
            "furniture": [{"kind": z.kind, "span": _span(d, z.start, z.end)} for z in zones[d.id] if z.kind != "markdown"],
        })
    for gid in sorted(ind.members):
        docs = ind.members[gid]
        ctx.dossier.source_groups.append({
            "id": gid,
            "label": ind.labels[gid],
            "documents": docs,
            "outlets": sorted({o for o in (by_id[x].outlet for x in docs if x in by_id) if o}),
            "reasons": ind.reasons.get(gid, []),
        })


def _span(d: Document, start: int, end: int) -> dict[str, Any]:
    return {"doc": d.id, "start": start, "end": end, "text": d.text[start:end]}


def _without_furniture(a: Analysis, zs: list[Zone]) -> Analysis:
    """A copy of the analysis without what lies inside page furniture (the stored analysis is not changed)."""
    if not any(z.kind != "markdown" for z in zs):
        return a

    def keep(span: Any) -> bool:
        return not pages.in_zones(span.start, span.end, zs)

    return dataclasses.replace(  # mentions stay: an entity named in the text keeps its furniture mentions
        a,
        times=[t for t in a.times if keep(t.span)],
        quantities=[q for q in a.quantities if keep(q.span)],
        quotes=[q for q in a.quotes if keep(q.span)],
        claims=[c for c in a.claims if keep(c.span)],
        event_cues=[e for e in a.event_cues if keep(e.span)],
    )


@step("source_entities", version="1", requires=("sources", "entities"), assigns=("furniture_free",))
def drop_furniture_entities(ctx: ResolveContext) -> None:
    """Entities every mention of which lies in the page's machinery (the words of a "Lire aussi" label, a footer,
    a publication stamp) are misreadings: removed, with their mentions' links. The people and bodies a page names
    as its author, photographer or cited source (bylines, captions' credits, notes) and the names in a related
    article's headline are kept; the former are marked with the furniture they come from (`page_furniture`)."""
    ind: Independence | None = ctx.state.get("independence")
    if ind is None:
        return
    gone: set[str] = set()
    for e in ctx.entities:
        if not e.mentions:
            continue
        where = [_zone_kind(m.start, m.end, ind.zones.get(m.doc, [])) for m in e.mentions]
        if any(k is None or k == "headline" for k in where):
            continue
        if all(k in FOREIGN_KINDS for k in where):
            gone.add(e.id)
        else:
            e.attrs["page_furniture"] = sorted({str(k) for k in where})
    if not gone:
        return
    ctx.entities = [e for e in ctx.entities if e.id not in gone]
    for k in [k for k, v in ctx.mention_entity.items() if v in gone]:
        del ctx.mention_entity[k]
    ctx.state.pop("_mention_index", None)


def _zone_kind(start: int, end: int, zs: list[Zone]) -> str | None:
    """The furniture kind [start, end) lies in; a related link's headline (past its "Lire aussi") is another
    article's text, which names entities of the story: kind "headline"."""
    for z in zs:
        if z.start > start:
            break
        if end <= z.end and z.kind != "markdown":
            return "headline" if z.kind == "related" and start >= z.label_end else z.kind
    return None


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_documents(documents: list[Document], zones: dict[str, list[Zone]],
                    credits: dict[str, list[Credit]]) -> Independence:
    """Group the documents into what they rest on (copies, one outlet, one dispatch, shared text), with reasons."""
    docs = sorted(documents, key=lambda d: d.id)
    ids = {d.id for d in docs}
    uf = _Union()
    edges: list[tuple[str, str, dict[str, Any]]] = []

    def join(a: str, b: str, why: str, detail: str | None = None) -> None:
        uf.union(a, b)
        edges.append((a, b, {"why": why, "detail": detail}))

    agencies = pages.outlets()
    for d in docs:
        uf.find(d.id)
        if d.duplicate_of and d.duplicate_of in ids:
            join(d.id, d.duplicate_of, "copy")
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        if d.outlet:
            by_outlet[d.outlet.casefold()].append(d.id)
    for key, members in by_outlet.items():
        for other in members[1:]:
            join(other, members[0], "same_outlet", next(d.outlet for d in docs if d.id == members[0]))
    wire: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        names = {c.source for c in credits.get(d.id, []) if c.kind in WIRE_KINDS}
        own = agencies.agency(d.outlet) if d.outlet else None
        if own:
            names.add(own)
        for n in sorted(names):
            wire[n].append(d.id)
    for name, members in sorted(wire.items()):
        for other in members[1:]:
            join(other, members[0], "same_dispatch", name)
    for a, b, share in _shared_text(docs, zones):
        join(a, b, "shared_text", f"{round(share * 100)}%")
    members: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        members[uf.find(d.id)].append(d.id)
    group_of: dict[str, str] = {}
    out_members: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    reasons: dict[str, list[dict[str, Any]]] = defaultdict(list)
    root_gid: dict[str, str] = {}
    by_id = {d.id: d for d in docs}
    for root, ms in members.items():
        gid = make_id("group", min(ms))
        root_gid[root] = gid
        out_members[gid] = sorted(ms)
        for m in ms:
            group_of[m] = gid
        wires = sorted({n for n, ws in wire.items() if set(ws) & set(ms)})
        outlets = sorted({by_id[m].outlet for m in ms if by_id[m].outlet})
        first = by_id[min(ms)]
        labels[gid] = " / ".join(wires) if wires else (" / ".join(outlets) if outlets else (first.title or _first_words(first.text)))
    for a, b, why in edges:
        gid = root_gid[uf.find(a)]
        if a != b and not any(r["docs"] == sorted([a, b]) and r["why"] == why["why"] for r in reasons[gid]):
            reasons[gid].append({"docs": sorted([a, b]), **why})
    return Independence(group_of, out_members, labels, dict(reasons), credits, zones)


def _first_words(text: str, n: int = 10) -> str:
    words = text.strip().split("\n", 1)[0].split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def _shared_text(docs: list[Document], zones: dict[str, list[Zone]]) -> list[tuple[str, str, float]]:
    """Pairs of documents one of which repeats at least SHARED_MIN of the other's word 5-grams (furniture aside)."""
    grams: dict[str, set[int]] = {}
    for d in docs:
        if d.duplicate_of:
            continue  # a copy joins its first version already
        text = d.text
        for z in zones.get(d.id, []):
            if z.kind != "markdown":
                text = text[:z.start] + " " * (z.end - z.start) + text[z.end:]
        words = [w.casefold() for w in _WORD.findall(text)]
        grams[d.id] = {hash(" ".join(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}
    index: dict[int, list[str]] = defaultdict(list)
    for doc_id, gs in grams.items():
        for g in gs:
            index[g].append(doc_id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for holders in index.values():
        if 1 < len(holders) <= COMMON_SHINGLE_DOCS:
            for i, a in enumerate(holders):
                for b in holders[i + 1:]:
                    shared[(a, b) if a < b else (b, a)] += 1
    out = []
    for (a, b), n in sorted(shared.items()):
        smaller = min(len(grams[a]), len(grams[b]))
        if n >= SHARED_MIN_COUNT and smaller and n / smaller >= SHARED_MIN:
            out.append((a, b, n / smaller))
    return out


@step("source_marks", version="2", requires=("sources", "claims", "events"), assigns=("source_marks",))
def mark_single_sources(ctx: ResolveContext) -> None:
    """What the claims and events rest on. A claim whose sentence names no source but calls a note takes the
    note's cited source. Each claim cluster and each event is marked with whether it rests on a single original
    source, and which one: one agency or outlet every report cites, one speaker every report is attributed to (for
    an event other than a statement: the speech is the event), else one group of documents, whatever the number of
    articles repeating it. Photo captions confirm an event's date or place (weak evidence, never what sets them)."""
    ind: Independence | None = ctx.state.get("independence")
    if ind is None:
        return
    docs = ctx.docs_by_id
    names = {e.id: e.name for e in ctx.entities}
    _note_sources(ctx, ind, docs)
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in ctx.dossier.claims:
        by_cluster[c["cluster"]].append(c)
    for claims in by_cluster.values():
        rests_on = _rests_on(ind, names, [_cited(ind, c) for c in claims], [c.get("attributed_to") for c in claims],
                             {c["span"]["doc"] for c in claims})
        for c in claims:
            c["single_source"] = rests_on is not None
            c["rests_on"] = rests_on
    reporting: dict[str, list[Any]] = ctx.state.get("event_reporting", {})
    speakers = _claim_speakers(ctx.dossier.claims)
    captions: dict[str, _Captions] = ctx.state.get("captions", {})
    for ev in ctx.dossier.events:
        spans = reporting.get(ev["id"]) or [_AsSpan(s) for s in ev["sources"]]
        cited = [_cited_in(ind, sp.doc, sp.start, sp.end, 0) for sp in spans]
        said = [None if ev["type"] == "statement" else _speaker_of(speakers.get(sp.doc, ()), sp.start, sp.end)
                for sp in spans]
        rests_on = _rests_on(ind, names, cited, said, {sp.doc for sp in spans})
        ev["single_source"] = rests_on is not None
        ev["rests_on"] = rests_on
        evidence = _caption_evidence(ctx, ev, captions, docs)
        if evidence:
            ev["caption_evidence"] = evidence


def _rests_on(ind: Independence, names: dict[str, str], cited: list[str | None], speakers: list[Any],
              doc_ids: set[str]) -> str | None:
    """The one original source these reports rest on: the agency or outlet all cite, the one speaker all are
    attributed to, or their one group of documents; None when they are independent."""
    if cited and all(cited) and len(set(cited)) == 1:
        return cited[0]
    if speakers and all(speakers) and len(set(speakers)) == 1:
        return names.get(str(speakers[0]), str(speakers[0]))
    groups = {ind.group_of.get(d, d) for d in doc_ids}
    return ind.labels.get(next(iter(groups))) if len(groups) == 1 else None


@dataclasses.dataclass(frozen=True)
class _AsSpan:
    """A contract span (a dict) read as a Span."""

    raw: dict[str, Any]

    @property
    def doc(self) -> str:
        return str(self.raw["doc"])

    @property
    def start(self) -> int:
        return int(self.raw["start"])

    @property
    def end(self) -> int:
        return int(self.raw["end"])


def _claim_speakers(claims: list[dict[str, Any]]) -> dict[str, list[tuple[int, int, Any]]]:
    out: dict[str, list[tuple[int, int, Any]]] = defaultdict(list)
    for c in claims:
        out[c["span"]["doc"]].append((c["span"]["start"], c["span"]["end"], c.get("attributed_to")))
    return out


def _speaker_of(claims: Any, start: int, end: int) -> Any:
    """The one speaker the claims inside a sentence are all attributed to (None: none, or several, or one unattributed)."""
    who = {a for s, e, a in claims if start <= s and e <= end}
    return next(iter(who)) if len(who) == 1 else None


def _cited(ind: Independence, claim: dict[str, Any]) -> str | None:
    """The agency or outlet a claim cites as its source (a citation inside its span or its source's words)."""
    spans = [claim["span"]] + ([claim["source_span"]] if claim.get("source_span") else [])
    for sp in spans:
        found = _cited_in(ind, claim["span"]["doc"], sp["start"], sp["end"], CITE_MARGIN)
        if found:
            return found
    return None


def _cited_in(ind: Independence, doc: str, start: int, end: int, margin: int) -> str | None:
    for c in ind.credits.get(doc, []):
        if c.kind in ("cites", "footnote") and start - margin <= c.start and c.end <= end + margin:
            return c.source
    return None


def _note_sources(ctx: ResolveContext, ind: Independence, docs: dict[str, Document]) -> None:
    """A claim whose source is unnamed takes the source cited by a note its sentence calls ("[3]", "(3)", "³")."""
    sentences = {a.doc: a.sentences for a in ctx.analyses}
    cache: dict[str, dict[str, pages.Note]] = {}
    for c in ctx.dossier.claims:
        if c.get("source_text"):
            continue
        doc = docs.get(c["span"]["doc"])
        if doc is None or not any(z.kind in ("footnote", "bibliography") for z in ind.zones.get(doc.id, [])):
            continue
        if doc.id not in cache:
            cache[doc.id] = pages.notes(doc.text, _code(doc), ind.zones.get(doc.id, []))
        notes = cache[doc.id]
        start, end = c["span"]["start"], c["span"]["end"]
        sent = next(((a, b) for a, b in sentences.get(doc.id, []) if a <= start < b), None)
        called = pages.note_called(doc.text, start, end, sent)
        note = notes.get(called) if called else None
        if note is None or not note.source:
            continue
        span = _span(doc, note.start, note.end)
        c["source_text"] = note.source
        c["source_span"] = span
        eid = ctx.entity_at(Span(doc.id, note.start, note.end, span["text"]))
        if eid is not None and not c.get("attributed_to"):
            c["attributed_to"] = eid


@dataclasses.dataclass
class _Captions:
    """A document's photo captions: the dates read in them and the names they give."""

    times: list[tuple[str, Span]]
    mentions: list[Span]


def _captions(a: Analysis, zs: list[Zone]) -> _Captions | None:
    photo = [z for z in zs if z.kind == "photo"]
    if not photo:
        return None
    times = [(t.value, t.span) for t in a.times if t.value and pages.in_zones(t.span.start, t.span.end, photo, PHOTO)]
    mentions = [m.span for m in a.mentions if pages.in_zones(m.span.start, m.span.end, photo, PHOTO)]
    return _Captions(times, mentions) if times or mentions else None


def _caption_evidence(ctx: ResolveContext, ev: dict[str, Any], captions: dict[str, _Captions],
                      docs: dict[str, Document]) -> list[dict[str, Any]]:
    """The captions of the event's articles that give its date or its place: weak evidence that confirms them."""
    out: list[dict[str, Any]] = []
    for doc_id in sorted({s["doc"] for s in ev["sources"]}):
        cap, doc = captions.get(doc_id), docs.get(doc_id)
        if cap is None or doc is None:
            continue
        date = ev.get("date") if ev.get("date_source") == "text" else None
        for value, sp in cap.times:
            if date and "/" not in value and (value.startswith(date) or date.startswith(value)):
                out.append({"kind": "date", "span": _span(doc, sp.start, sp.end)})
        for sp in cap.mentions:
            if ev.get("place") and ctx.entity_at(sp) == ev["place"]:
                out.append({"kind": "place", "span": _span(doc, sp.start, sp.end)})
    return out


__all__ = ["Independence", "group_documents", "independent_sources", "mark_single_sources", "resolve_sources"]
