"""The one read model: the stored dossier with the analyst's corrections applied, and the indexes its readers need.

The CLI, the Python API, the web UI and every export read the dossier through `load()` (or `open_model()`), so a
correction made in the browser shows in `recoupe entities`, `recoupe claims` and every export alike; `as_built=True`
gives the dossier as the last build wrote it. A "contested" claim cluster is defined here once (`_cluster`)."""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import quote

from recoupe.present import corrections as corr
from recoupe.store import Store

T = TypeVar("T")
ACTOR_TYPES = ("person", "organization", "country")
MEMO_MAX = 256
PLACE_EVENTS = 8  # latest events listed with each place on the map (n_events counts them all)
# the tables corrections apply to (the `dates` table is read as built)
CORRECTED = ("entities", "events", "quotes", "claims", "contradictions", "quantities")


UNKNOWN_OUTLET = "(unknown outlet)"  # the key of documents with no outlet in the outlets' counts (pages show a label)

@dataclass(frozen=True)
class SpanRef:
    """A span of a document that some fact points at, for highlighting in the reader."""

    start: int
    end: int
    kind: str  # mention | quote | claim | event | contradiction | quantity
    ref: str  # the fact's id (entity id for a mention)


@dataclass
class ReadModel:
    """The dossier as its readers see it, computed once per version of the store (dossier, documents,
    corrections): contract-shaped records with the corrections applied (unless `as_built`), and indexes."""

    key: tuple[Any, ...]
    docs: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]
    quantities: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    corrections: list[dict[str, Any]]
    redirects: dict[str, str]
    stale: list[int]
    as_built: bool = False
    discrepancies: list[dict[str, Any]] = field(default_factory=list)  # differing statements that may all be true
    sources: list[dict[str, Any]] = field(default_factory=list)  # per document: outlet, credits, furniture, group
    source_groups: list[dict[str, Any]] = field(default_factory=list)  # documents that count as one source, and why
    furniture_entities: list[dict[str, Any]] = field(default_factory=list)  # named only in page furniture
    all_entities: list[dict[str, Any]] = field(default_factory=list)  # the story's and those, in order (the export)
    raw: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # the rows as stored, before corrections
    doc_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    source_by_doc: dict[str, dict[str, Any]] = field(default_factory=dict)
    group_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    ent_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    event_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    claim_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    quote_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    contradiction_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    entity_events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    entity_quotes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    entity_claims: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    doc_spans: dict[str, list[SpanRef]] = field(default_factory=dict)
    clusters: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    _graph: Any = None  # the web's entity graph (recoupe.present.graph.EntityGraph), computed on first use
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _memo: dict[Any, Any] = field(default_factory=dict)

    def memo(self, key: Any, fn: Callable[[], T]) -> T:
        """`fn()` computed once per view (the view is rebuilt whenever the store changes)."""
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            if len(self._memo) > MEMO_MAX:  # keys can come from query parameters: keep the memo bounded
                self._memo.clear()
            value = self._memo[key] = fn()
            return value

    # -- lookups -----------------------------------------------------------------------------------

    def entity(self, eid: str) -> dict[str, Any] | None:
        """The entity of this id, or of the record a retired id (a merge, a rebuild) redirects to."""
        seen = {eid}
        while eid not in self.ent_by_id and eid in self.redirects and self.redirects[eid] not in seen:
            eid = self.redirects[eid]
            seen.add(eid)
        return self.ent_by_id.get(eid)

    def entity_name(self, eid: str | None) -> str | None:
        e = self.entity(eid) if eid else None
        return e["name"] if e else None

    def doc_label(self, doc_id: str, date: Callable[[str], str] | None = None) -> str:
        """Outlet, day of publication and title of a document; `date` writes the day (a page's, in words)."""
        d = self.doc_by_id.get(doc_id)
        if not d:
            return doc_id
        day = date(d["published"]) if date and d["published"] else d["published"]
        return " · ".join(x for x in (self.doc_outlet(doc_id), day, self.doc_title(doc_id)) if x)

    def doc_title(self, doc_id: str) -> str:
        """A document's title, else its first words, else its file name."""
        d = self.doc_by_id.get(doc_id)
        if not d:
            return doc_id
        return str(d["title"] or lead_words(d.get("lead")) or d["source"].replace("\\", "/").rsplit("/", 1)[-1])

    def doc_short(self, doc_id: str, date: Callable[[str], str] | None = None) -> str:
        """Outlet (or the agency it rests on) and date of a document (its first words when it has neither)."""
        d = self.doc_by_id.get(doc_id)
        if not d:
            return doc_id
        day = date(d["published"]) if date and d["published"] else d["published"]
        return (" · ".join(x for x in (self.doc_outlet(doc_id), day) if x)
                or lead_words(d.get("lead"), 6) or d["source"].replace("\\", "/").rsplit("/", 1)[-1])

    def doc_outlet(self, doc_id: str) -> str | None:
        """The outlet of a document, else the agency whose dispatch it is (resolve.sources), else None."""
        d = self.doc_by_id.get(doc_id)
        if d and d["outlet"]:
            return str(d["outlet"])
        row = self.source_by_doc.get(doc_id)
        return " / ".join(row["rests_on"]) if row and row.get("rests_on") else None

    def source_group_of(self, doc_id: str) -> dict[str, Any] | None:
        row = self.source_by_doc.get(doc_id)
        return self.group_by_id.get(row["source_group"]) if row else None

    def single_source_of(self, record: dict[str, Any], doc_ids: list[str] | None = None) -> str | None:
        """The one original source an event or a claim cluster rests on (`rests_on`), when worth saying: not the
        label of the one document that alone reports it (its one independent source says so already). `doc_ids`:
        the documents reporting it (an event's sources' when not given)."""
        rests_on = record.get("rests_on") if record.get("single_source") else None
        docs = sorted(set(doc_ids if doc_ids is not None else [s["doc"] for s in record.get("sources", [])]))
        if not rests_on:
            return None
        if len(docs) == 1:
            group = self.source_group_of(docs[0])
            if group is not None and group.get("label") == rests_on:
                return None
        return str(rests_on)

    def source_listing(self) -> SourceListing:
        """Outlets, agencies, what is cited, and the groups of documents that count as one source, with why."""
        return self.memo("source_listing", lambda: _source_listing(self))

    def main_actors(self, n: int = 12) -> list[dict[str, Any]]:
        def compute() -> list[dict[str, Any]]:
            ents = [e for e in self.entities if e["type"] in ACTOR_TYPES]
            return sorted(ents, key=lambda e: (-len(e.get("mentions", [])), e["name"]))[:n]
        return self.memo(("actors", n), compute)

    def latest_events(self, n: int = 10) -> list[dict[str, Any]]:
        def compute() -> list[dict[str, Any]]:
            dated = [e for e in self.events if e.get("date")]
            return sorted(dated, key=lambda e: (e["date"], e["id"]), reverse=True)[:n]
        return self.memo(("latest", n), compute)

    def contested_clusters(self) -> list[dict[str, Any]]:
        return self.memo("contested", lambda: [c for c in self.clusters if c["contested"]])

    def outlets(self) -> list[tuple[str, int]]:
        return self.memo("outlets", lambda: Counter(d["outlet"] or UNKNOWN_OUTLET for d in self.docs).most_common())

    def publication_dates(self) -> list[tuple[str, int]]:
        return self.memo("dates", lambda: sorted(Counter(d["published"] or "(undated)" for d in self.docs).items()))

    # -- the timeline --------------------------------------------------------------------------------

    def timeline_items(self, *, entity: str | None = None, type: str | None = None, outlet: str | None = None,
                       start: str | None = None, end: str | None = None) -> list[dict[str, Any]]:
        """Dated items (events by their date, claims by their article's date), filtered; dates compare as ISO prefixes."""
        if entity:
            entity = self.redirects.get(entity, entity)
        if not (entity or type or outlet or start or end):
            return self.timeline
        # start from the smallest index list that applies, then check the other conditions
        idx = self.memo("timeline_index", self._timeline_index)
        lists = [self.timeline]
        if entity:
            lists.append(idx["entity"].get(entity, []))
        if type:
            lists.append(idx["type"].get(type, []))
        if outlet:
            lists.append(idx["outlet"].get(outlet, []))
        out = []
        for it in min(lists, key=len):
            if type and it["type"] != type and it["kind"] != type:
                continue
            if entity and entity not in it["entities"]:
                continue
            if outlet and outlet not in it["outlets"]:
                continue
            if start and it["date"] < start[: len(it["date"])]:
                continue
            if end and it["date"][: len(end)] > end:
                continue
            out.append(it)
        return out

    def _timeline_index(self) -> dict[str, dict[str, list[dict[str, Any]]]]:
        idx: dict[str, dict[str, list[dict[str, Any]]]] = {"entity": defaultdict(list), "type": defaultdict(list), "outlet": defaultdict(list)}
        for it in self.timeline:
            for e in set(it["entities"]):
                idx["entity"][e].append(it)
            for t in {it["type"], it["kind"]}:
                idx["type"][t].append(it)
            for o in it["outlets"]:
                idx["outlet"][o].append(it)
        return idx


def load(store: Store, previous: ReadModel | None = None, *, as_built: bool = False) -> ReadModel:
    """Read the store and build the model, the analyst's corrections applied unless `as_built`. When only the
    corrections changed since `previous`, its rows are reused instead of read and parsed again (the corrections
    work on copies)."""
    key = version_key(store)
    if previous is not None and previous.key[:2] == key[:2]:
        raw, docs = previous.raw, previous.docs
    else:
        raw, docs = store.read_dossier().to_contract(), store.documents_meta()
    correction_rows = store.corrections()
    retired = store.redirects()
    fixed = corr.apply({t: raw[t] for t in CORRECTED}, [] if as_built else correction_rows, retired)
    d = fixed.dossier
    # entities named only in page furniture (a page's author, photographer, cited sources: resolve.sources) are kept
    # apart: the export carries them, the lists, the graph and the briefing show the story's entities
    story = [e for e in d["entities"] if not e.get("page_furniture")]
    v = ReadModel(key=key, docs=docs, entities=story, events=d["events"], quotes=d["quotes"],
                  claims=d["claims"], contradictions=d["contradictions"], quantities=d["quantities"], dates=raw["dates"],
                  discrepancies=raw.get("discrepancies", []), sources=raw.get("sources", []),
                  source_groups=raw.get("source_groups", []),
                  furniture_entities=[e for e in d["entities"] if e.get("page_furniture")], all_entities=d["entities"],
                  corrections=correction_rows, redirects={**retired, **fixed.redirects}, stale=fixed.stale, as_built=as_built, raw=raw)
    _index(v)
    return v


def version_key(store: Store) -> tuple[Any, ...]:
    """Cheap to read; changes whenever the dossier, the documents or the corrections change."""
    cs = store.corrections()
    return (store.get_meta("dossier_fingerprint"), store.count_documents(), len(cs), cs[-1]["id"] if cs else 0)


@dataclass
class SourceListing:
    """The dossier's sources: its outlets, the agencies its articles rest on, and the groups of documents that count
    as one independent source, each with its documents and the reasons they count as one."""

    outlets: dict[str, int]  # outlet -> documents
    agencies: dict[str, int]  # agency -> documents resting on its dispatches
    cited: dict[str, int]  # agency or outlet cited as a source -> documents citing it
    groups: list[dict[str, Any]]  # each: id, label, documents [{id, label, outlet, title, author, url, published,
    # rests_on, cites, furniture}], reasons [{docs, why, detail, text}]
    independent: int  # the number of groups
    named_in_furniture: dict[str, list[str]]  # furniture kind -> names of the entities named only there


WHY = {"copy": "one is a copy of the other", "same_outlet": "the same outlet ({detail})",
       "same_dispatch": "both rest on the {detail} dispatch", "shared_text": "they share {detail} of their text"}


def reason_text(reason: dict[str, Any]) -> str:
    """Why two documents count as one source, in a sentence."""
    return WHY.get(reason["why"], reason["why"]).format(detail=reason.get("detail") or "?")


def _source_listing(m: ReadModel) -> SourceListing:
    outlets: Counter[str] = Counter()
    agencies: Counter[str] = Counter()
    cited: Counter[str] = Counter()
    for r in m.sources:
        if r.get("outlet"):
            outlets[r["outlet"]] += 1
        agencies.update(set(r.get("rests_on") or []))
        cited.update(set(r.get("cites") or []))
    groups = []
    for g in sorted(m.source_groups, key=lambda g: (-len(g["documents"]), g["label"], g["id"])):
        docs = []
        for doc in g["documents"]:
            r = m.source_by_doc.get(doc, {})
            furniture = Counter(f["kind"] for f in r.get("furniture", []))
            docs.append({"id": doc, "label": m.doc_label(doc), "outlet": m.doc_outlet(doc), "title": r.get("title"),
                         "author": r.get("author"), "url": r.get("url"), "published": r.get("published"),
                         "rests_on": r.get("rests_on", []), "cites": r.get("cites", []), "furniture": dict(furniture)})
        reasons = [{**x, "text": reason_text(x), "labels": [m.doc_short(d) for d in x["docs"]]} for x in g["reasons"]]
        groups.append({"id": g["id"], "label": g["label"], "documents": docs, "reasons": reasons})
    named: dict[str, list[str]] = defaultdict(list)
    for e in sorted(m.furniture_entities, key=lambda e: e["name"]):
        for k in e["page_furniture"]:
            named[k].append(e["name"])
    return SourceListing(dict(outlets.most_common()), dict(agencies.most_common()), dict(cited.most_common()), groups,
                         len(groups), dict(sorted(named.items())))


def lead_words(lead: str | None, words: int = 12) -> str | None:
    """The first words of a text's first line, as a label for a document without a title."""
    if not lead:
        return None
    first = lead.strip().split("\n", 1)[0].split()
    if not first:
        return None
    return " ".join(first[:words]) + ("…" if len(first) > words or len(lead) >= 160 else "")


def _index(v: ReadModel) -> None:
    v.doc_by_id = {d["id"]: d for d in v.docs}
    v.source_by_doc = {r["doc"]: r for r in v.sources}
    v.group_by_id = {g["id"]: g for g in v.source_groups}
    v.ent_by_id = {e["id"]: e for e in v.all_entities or v.entities}  # lookups find those of page furniture too
    v.event_by_id = {e["id"]: e for e in v.events}
    v.claim_by_id = {c["id"]: c for c in v.claims}
    v.quote_by_id = {q["id"]: q for q in v.quotes}
    v.contradiction_by_id = {c["id"]: c for c in v.contradictions}
    spans: dict[str, list[SpanRef]] = defaultdict(list)
    for e in v.entities:
        for m in e.get("mentions", []):
            spans[m["doc"]].append(SpanRef(m["start"], m["end"], "mention", e["id"]))
    ee: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in v.events:
        for eid in dict.fromkeys([*ev.get("participants", []), ev.get("place")]):
            if eid:
                ee[eid].append(ev)
        for s in ev.get("sources", []):
            spans[s["doc"]].append(SpanRef(s["start"], s["end"], "event", ev["id"]))
    eq: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in v.quotes:
        if q.get("speaker"):
            eq[q["speaker"]].append(q)
        s = q["span"]
        spans[s["doc"]].append(SpanRef(s["start"], s["end"], "quote", q["id"]))
    ec: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in v.claims:
        if c.get("attributed_to"):
            ec[c["attributed_to"]].append(c)
        by_cluster[c.get("cluster") or c["id"]].append(c)
        s = c["span"]
        spans[s["doc"]].append(SpanRef(s["start"], s["end"], "claim", c["id"]))
    in_contradiction: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c in v.contradictions:
        for s in c.get("statements", []):
            spans[s["doc"]].append(SpanRef(s["start"], s["end"], "contradiction", c["id"]))
            in_contradiction[s["doc"]].append((s["start"], s["end"]))
    for q in v.quantities:
        s = q["span"]
        spans[s["doc"]].append(SpanRef(s["start"], s["end"], "quantity", q["id"]))
    for lst in spans.values():
        lst.sort(key=lambda r: (r.start, -r.end))
    v.doc_spans = dict(spans)
    v.entity_events, v.entity_quotes, v.entity_claims = dict(ee), dict(eq), dict(ec)
    v.clusters = [_cluster(cid, cs, v, in_contradiction) for cid, cs in by_cluster.items()]
    v.clusters.sort(key=lambda c: (not c["contested"], -c["independent_sources"], -len(c["claims"]), c["text"]))
    v.timeline = _timeline(v)


def _overlaps(span: dict[str, Any], marked: dict[str, list[tuple[int, int]]]) -> bool:
    return any(s < span["end"] and span["start"] < e for s, e in marked.get(span["doc"], ()))


def _cluster(cid: str, claims: list[dict[str, Any]], v: ReadModel, in_contradiction: dict[str, list[tuple[int, int]]]) -> dict[str, Any]:
    modalities = Counter(c.get("modality") or "unknown" for c in claims)
    against = [c for c in claims if c.get("modality") == "denied"]
    support = [c for c in claims if c.get("modality") != "denied"]
    contradicted = bool(in_contradiction) and any(_overlaps(c["span"], in_contradiction) for c in claims)
    reviews = [c["review"]["status"] for c in claims if c.get("review")]
    return {
        "id": cid,
        "text": min(claims, key=lambda c: (len(c["text"]), c["id"]))["text"],
        "claims": claims,
        "modalities": dict(modalities),
        "independent_sources": max((c.get("independent_sources") or 0) for c in claims),
        "outlets": sorted({v.doc_by_id.get(c["span"]["doc"], {}).get("outlet") or "?" for c in claims}),
        "support": support,
        "against": against,
        "contested": bool(against and support) or contradicted,
        "contradicted": contradicted,
        "review": reviews[-1] if reviews else None,
    }


def _timeline(v: ReadModel) -> list[dict[str, Any]]:
    items = []
    for ev in v.events:
        if not ev.get("date"):
            continue
        docs = {s["doc"] for s in ev.get("sources", [])}
        place = v.ent_by_id.get(ev.get("place") or "")
        items.append({
            "kind": "event", "id": ev["id"], "type": ev.get("type") or "other", "date": ev["date"],
            "date_end": ev.get("date_end"), "label": ev.get("summary") or ev.get("type") or ev["id"],
            "status": ev.get("status"), "entities": [x for x in [*ev.get("participants", []), ev.get("place")] if x],
            "outlets": sorted({v.doc_by_id[d]["outlet"] for d in docs if d in v.doc_by_id and v.doc_by_id[d]["outlet"]}),
            "place": place["id"] if place else None,
            "geo": _latlon(place),
            "evidence": ev["sources"][0] if ev.get("sources") else None,
        })
    for c in v.claims:
        doc = v.doc_by_id.get(c["span"]["doc"])
        if not doc or not doc.get("published"):
            continue
        items.append({
            "kind": "claim", "id": c["id"], "type": "claim", "date": doc["published"], "date_end": None,
            "label": c.get("text") or "", "status": c.get("modality"),
            "entities": [c["attributed_to"]] if c.get("attributed_to") else [],
            "outlets": [doc["outlet"]] if doc.get("outlet") else [], "place": None, "geo": None,
            "evidence": c["span"],
        })
    items.sort(key=lambda it: (it["date"], it["kind"], it["id"]))
    for it in items:
        it["url"] = evidence_url(it["evidence"])
        it["entity_names"] = [v.ent_by_id[e]["name"] if e in v.ent_by_id else None for e in it["entities"][:6]]
    return items


def evidence_url(span: dict[str, Any] | None) -> str:
    """The reader's address for a span: the article, scrolled to and highlighting the evidence."""
    if not span:
        return "#"
    return f"/doc/{quote(span['doc'], safe='')}?start={int(span['start'])}&end={int(span['end'])}#focus"


def _latlon(ent: dict[str, Any] | None) -> list[float] | None:
    geo = (ent or {}).get("geo")
    if not geo or geo.get("lat") is None or geo.get("lon") is None:
        return None
    return [float(geo["lat"]), float(geo["lon"])]


def places(v: ReadModel) -> list[dict[str, Any]]:
    """Entities with coordinates, with the events that happened there."""
    return v.memo("places", lambda: _places(v))


def _places(v: ReadModel) -> list[dict[str, Any]]:
    out = []
    for e in v.entities:
        ll = _latlon(e)
        if ll is None:
            continue
        evs = [ev for ev in v.entity_events.get(e["id"], []) if ev.get("place") == e["id"]]
        n_events = len(evs)
        evs = sorted(evs, key=lambda ev: (ev.get("date") or "", ev["id"]), reverse=True)[:PLACE_EVENTS]
        out.append({"id": e["id"], "name": e["name"], "type": e["type"], "lat": ll[0], "lon": ll[1],
                    "mentions": len(e.get("mentions", [])), "source": (e.get("geo") or {}).get("source"), "n_events": n_events,
                    "events": [{"id": ev["id"], "date": ev.get("date"), "type": ev.get("type"), "summary": ev.get("summary"),
                                "url": evidence_url((ev.get("sources") or [None])[0])} for ev in evs]})
    return out
