"""What the CLI and the Python API ask of a stored dossier: every function reads it through the one read model
(recoupe.present.read), so the analyst's corrections apply everywhere unless `as_built=True`."""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from recoupe import chrono
from recoupe.errors import RecoupeError
from recoupe.model import TimeExpr
from recoupe.model.text import fold
from recoupe.present import read
from recoupe.present.export import dossier_json, validate
from recoupe.store import Store, open_store, store_exists

__all__ = ["ClaimCluster", "briefing", "Summary", "TimelineItem", "claim_clusters", "contradictions", "discrepancies", "document_labels", "entities",
           "entity_mentions", "evaluate", "evaluate_quotes_claims", "events", "export_dossier", "export_geojson",
           "iso_bounds", "list_quotes", "model", "places", "store_for", "summary", "timeline", "write_json"]


def require_store(db: str | Path) -> None:
    if not store_exists(db):
        raise RecoupeError(f"{db}: no such store; build one first with `recoupe build SOURCE... --db {db}`")


def store_for(db: str | Path) -> Store:
    """The store at `db`, which must exist (use it as a context manager)."""
    require_store(db)
    return open_store(db)


def model(db: str | Path, *, as_built: bool = False) -> read.ReadModel:
    """The read model of the dossier at `db` (corrections applied unless `as_built`)."""
    with store_for(db) as store:
        return read.load(store, as_built=as_built)


def write_json(obj: Any, out: str | Path | None) -> str:
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
    return text


def export_dossier(db: str | Path, *, check: bool = True, as_built: bool = False) -> dict[str, Any]:
    """The dossier stored at `db` in its contract JSON form (corrections applied unless `as_built`), validated
    against the contract unless `check` is False."""
    with store_for(db) as store:
        out = dossier_json(store, read.load(store, as_built=as_built))
    if check:
        validate(out)
    return out


@dataclass
class Summary:
    db: str
    documents: int
    duplicates: int
    dated: int
    languages: dict[str, int]
    entities: int
    entities_by_type: dict[str, int]
    top_names: list[tuple[str, str, int]]  # (name, type, mention count)
    events: int
    quotes: int
    claims: int
    contradictions: int
    skipped: list[tuple[str, str]]


def summary(db: str | Path, top: int = 10, *, as_built: bool = False) -> Summary:
    """Counts and the most mentioned names of the dossier at `db`."""
    with store_for(db) as store:
        m = read.load(store, as_built=as_built)
        skipped = store.skipped()
    ents = sorted(m.entities, key=lambda e: (-len(e["mentions"]), e["name"]))
    return Summary(
        db=str(db), documents=len(m.docs), duplicates=sum(1 for d in m.docs if d["duplicate_of"]),
        dated=sum(1 for d in m.docs if d["published"]), languages=dict(Counter(d["language"] or "?" for d in m.docs)),
        entities=len(ents), entities_by_type=dict(Counter(e["type"] for e in ents)),
        top_names=[(e["name"], e["type"], len(e["mentions"])) for e in ents[:top]],
        events=len(m.events), quotes=len(m.quotes), claims=len(m.claims),
        contradictions=len(m.contradictions), skipped=skipped,
    )


def _entity_matcher(entities: list[dict[str, Any]], query: str | None) -> set[str] | None:
    """Ids of the entities a user's query names (an id, or a name/alias containing the query), None for no filter."""
    if not query:
        return None
    q = fold(query)
    return {e["id"] for e in entities if e["id"] == query or any(q in fold(n) for n in [e["name"], *e.get("aliases", [])])}


def entities(db: str | Path, type: str | None = None, name: str | None = None, *, as_built: bool = False) -> list[dict[str, Any]]:
    """Entities of the dossier, most mentioned first, filtered by type and by a name pattern
    (case- and accent-insensitive substring of the name or any alias)."""
    return _entities(model(db, as_built=as_built), type, name)


def _entities(m: read.ReadModel, type: str | None, name: str | None) -> list[dict[str, Any]]:
    ents = m.entities
    if type:
        ents = [e for e in ents if e["type"] == type]
    if name:
        pat = fold(name)
        ents = [e for e in ents if any(pat in fold(a) for a in [e["name"], *e["aliases"]])]
    return sorted(ents, key=lambda e: (-len(e["mentions"]), e["name"]))


def entity_mentions(db: str | Path, ref: str, width: int = 60, *, as_built: bool = False) -> tuple[dict[str, Any], list[tuple[str, str, str, str]]]:
    """An entity (by id, or the best match of a name) and every mention in context: (source, before, text, after)."""
    with store_for(db) as store:
        m = read.load(store, as_built=as_built)
        found = m.entity(ref)
        match = [found] if found else _entities(m, None, ref)
        if not match:
            raise RecoupeError(f"no entity matches {ref!r}; list them with `recoupe entities --db {db}`")
        ent = match[0]
        texts = store.document_texts(sorted({s["doc"] for s in ent["mentions"]}))
    out = []
    for s in ent["mentions"]:
        t = texts.get(s["doc"])
        if t is None:
            continue
        source = m.doc_by_id[s["doc"]]["source"] if s["doc"] in m.doc_by_id else s["doc"]
        out.append((source, t[max(0, s["start"] - width):s["start"]].replace("\n", " "), t[s["start"]:s["end"]],
                    t[s["end"]:s["end"] + width].replace("\n", " ")))
    return ent, out


def evaluate(db: str | Path, gold: str | Path) -> dict[str, Any]:
    """Score the dossier at `db` against a hand-annotated gold file (see tests/data/dev/)."""
    from recoupe.evaluate import evaluate as run

    return run(export_dossier(db), _gold(gold))


def evaluate_quotes_claims(db: str | Path, gold: str | Path) -> dict[str, Any]:
    """Score the quotes and claims of the dossier at `db` against a gold file (see recoupe.evaluate.quotes)."""
    from recoupe.evaluate.quotes import score_quotes_claims

    return score_quotes_claims(export_dossier(db, check=False), _gold(gold))


def _gold(path: str | Path) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, json.JSONDecodeError) as e:
        raise RecoupeError(f"{path}: cannot read the gold file ({e})") from None


# --- timeline of dated expressions --------------------------------------------------------------


@dataclass
class TimelineItem:
    """One dated temporal expression with its evidence: the sentence it stands in and its document."""

    lo: str  # first day it can denote (ISO), the sort key
    hi: str  # last day it can denote (ISO)
    value: str
    precision: str | None
    kind: str
    text: str  # the expression as written
    sentence: str
    offset: int  # where the expression starts inside `sentence`
    doc: str
    source: str
    span: tuple[int, int]
    anchor: int | None
    attrs: dict[str, Any]

    def marked(self, left: str = "[[", right: str = "]]", width: int | None = None) -> str:
        """The sentence with the expression marked, cut to about `width` characters around it."""
        s, n = self.sentence, len(self.text)
        out = s[: self.offset] + left + s[self.offset: self.offset + n] + right + s[self.offset + n:]
        if width is None or len(out) <= width:
            return out
        a = max(0, self.offset - width // 2)
        b = min(len(out), a + width)
        return ("…" if a else "") + out[a:b] + ("…" if b < len(out) else "")


def iso_bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day an ISO value can denote: day, month, year, week (2023-W36), decade (198), interval a/b."""
    return chrono.bounds(value)


def timeline(db: str | Path, date_from: str | None = None, date_to: str | None = None) -> list[TimelineItem]:
    """The dated temporal expressions of the dossier at `db`, in date order, each with its sentence as evidence.

    `date_from`/`date_to` (ISO: 2023, 2023-09 or 2023-09-12) keep the items whose dates overlap that range.
    """
    lo_limit = _limit(date_from, 0, "--from")
    hi_limit = _limit(date_to, 1, "--to")
    items: list[TimelineItem] = []
    with store_for(db) as store:
        # expressions read against a writing day inferred across articles (resolve.reference), by (doc, start, end)
        late = {(r.doc, r.span.start, r.span.end): r for r in store.read_table("dates") if r.kind == "time"}  # type: ignore[attr-defined]
        for analysis in store.analyses():
            doc = store.document(analysis.doc)
            if doc is None:
                continue
            starts = [s for s, _ in analysis.sentences]
            for t in analysis.times:
                got = late.get((t.span.doc, t.span.start, t.span.end)) if t.value is None else None
                if got is not None:
                    t = TimeExpr(span=t.span, value=got.value, precision=got.precision, start=got.start,
                                 end=got.end, kind=got.time_kind or t.kind, anchor=t.anchor,
                                 attrs={**{k: v for k, v in t.attrs.items() if k not in ("unresolved", "groups")},
                                        "reference": "inferred", "reference_day": got.reference_day})
                bounds = iso_bounds(t.value)
                if bounds is None or t.value is None:
                    continue
                lo, hi = bounds
                if (lo_limit and hi < lo_limit) or (hi_limit and lo > hi_limit):
                    continue
                i = max(0, bisect.bisect_right(starts, t.span.start) - 1)
                s_start, s_end = analysis.sentences[i] if analysis.sentences else (t.span.start, t.span.end)
                s_end = max(s_end, t.span.end)
                items.append(TimelineItem(
                    lo=lo.isoformat(), hi=hi.isoformat(), value=t.value, precision=t.precision, kind=t.kind,
                    text=t.span.text, sentence=doc.text[s_start:s_end], offset=t.span.start - s_start,
                    doc=doc.id, source=doc.source, span=(t.span.start, t.span.end), anchor=t.anchor, attrs=t.attrs,
                ))
    items.sort(key=lambda it: (it.lo, it.hi, it.source, it.span))
    return items


def _limit(value: str | None, side: int, option: str) -> date | None:
    if value is None:
        return None
    b = iso_bounds(value.strip())
    if b is None or "/" in value:
        raise RecoupeError(f"{option} {value!r}: not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return b[side]


# --- places ---------------------------------------------------------------------------------------


def places(db: str | Path, *, as_built: bool = False) -> list[dict[str, Any]]:
    """The place and country entities of the dossier at `db`, located ones first, with coordinates and precision."""
    from recoupe.present.export import places as _places

    return _places(export_dossier(db, check=False, as_built=as_built))


def export_geojson(db: str | Path, *, as_built: bool = False) -> dict[str, Any]:
    """The dossier's located places and events as a GeoJSON FeatureCollection (opens in QGIS, kepler.gl)."""
    from recoupe.present.export import dossier_geojson

    return dossier_geojson(export_dossier(db, check=False, as_built=as_built))


# --- quotes and claims ------------------------------------------------------------------------------


@dataclass
class ClaimCluster:
    """Claims that state the same thing, with their modality mix and the outlets behind them (the read model's
    cluster, whose `contested` is the one definition)."""

    id: str
    claims: list[dict[str, Any]]
    modalities: dict[str, int]
    sources: list[str]  # outlet names (or document titles/sources when the outlet is unknown)
    independent_sources: int
    entities: list[str]  # entity names the claims are about or attributed to
    contested: bool
    review: dict[str, Any] | None = None


def claim_clusters(db: str | Path, *, contested: bool = False, entity: str | None = None, min_size: int = 1,
                   as_built: bool = False) -> list[ClaimCluster]:
    """The claim clusters of the dossier at `db`, largest first; optionally only contested ones or those about an entity."""
    m = model(db, as_built=as_built)
    wanted = _entity_matcher(m.entities, entity)
    out: list[ClaimCluster] = []
    for c in m.clusters:
        members = c["claims"]
        ents = {e for cl in members for e in [cl.get("attributed_to"), *cl.get("entities", [])] if e}
        if wanted is not None and not ents & wanted:
            continue
        outlets: list[str] = []
        for cl in members:
            d = m.doc_by_id.get(cl["span"]["doc"])
            label = (d["outlet"] or d["title"] or d["source"]) if d else cl["span"]["doc"]
            if label not in outlets:
                outlets.append(label)
        cl_ = ClaimCluster(id=c["id"], claims=members, modalities=dict(c["modalities"]), sources=outlets,
                           independent_sources=c["independent_sources"],
                           entities=sorted(m.entity_name(e) or e for e in ents), contested=c["contested"], review=c["review"])
        if len(members) >= min_size and (not contested or cl_.contested):
            out.append(cl_)
    out.sort(key=lambda c: (-c.independent_sources, -len(c.claims), c.id))
    return out


def list_quotes(db: str | Path, *, speaker: str | None = None, as_built: bool = False) -> list[dict[str, Any]]:
    """The quotes of the dossier at `db`, each with `speaker_name` (the resolved entity's name); optionally one speaker's."""
    m = model(db, as_built=as_built)
    wanted = _entity_matcher(m.entities, speaker)
    out = []
    for q in m.quotes:
        if wanted is not None and q["speaker"] not in wanted and not (speaker and q["speaker_text"] and fold(speaker) in fold(q["speaker_text"])):
            continue
        out.append({**q, "speaker_name": m.entity_name(q["speaker"]) if q["speaker"] else None})
    return out


def events(db: str | Path, *, entity: str | None = None, type: str | None = None, as_built: bool = False) -> list[dict[str, Any]]:
    """The dossier's events at `db`, optionally those involving `entity` (id, name or alias) or of one `type`."""
    from recoupe.model.event_types import CONTRACT_TYPES

    if type is not None and type not in CONTRACT_TYPES:
        raise RecoupeError(f"unknown event type {type!r}; known: {', '.join(CONTRACT_TYPES)}")
    m = model(db, as_built=as_built)
    evs = [dict(e) for e in m.events]
    if type is not None:
        evs = [e for e in evs if e["type"] == type]
    if entity is not None:
        want = entity.casefold()
        ids = {e["id"] for e in m.entities if e["id"] == entity or e["name"].casefold() == want
               or any(a.casefold() == want for a in e.get("aliases", []))}
        if not ids:
            raise RecoupeError(f"no entity named {entity!r} in {db}; try `recoupe export` to list them")
        evs = [e for e in evs if ids & ({*e["participants"], e["place"]} - {None})]
    for e in evs:
        e["participant_names"] = [m.entity_name(p) or p for p in e["participants"]]
        e["place_name"] = m.entity_name(e["place"]) if e["place"] else None
    return evs


def contradictions(db: str | Path, *, kind: str | None = None, min_certainty: float = 0.0, as_built: bool = False) -> list[dict[str, Any]]:
    """The contradictions of the dossier at `db`, most certain first (optionally one kind, above a certainty)."""
    m = model(db, as_built=as_built)
    rows = [r for r in m.contradictions if (kind is None or r.get("kind") == kind) and r.get("certainty", 0.0) >= min_certainty]
    return sorted(rows, key=lambda r: (-r.get("certainty", 0.0), r.get("kind", ""), r.get("id", "")))


def discrepancies(db: str | Path, *, kind: str | None = None, as_built: bool = False) -> list[dict[str, Any]]:
    """The discrepancies of the dossier at `db` (statements that differ but may all be true), kept apart from the
    contradictions (optionally one kind)."""
    m = model(db, as_built=as_built)
    rows = [r for r in m.discrepancies if kind is None or r.get("kind") == kind]
    return sorted(rows, key=lambda r: (r.get("kind", ""), r.get("about", ""), r.get("id", "")))


def briefing(db: str | Path, *, language: str | None = None, reader: str | None = None, as_built: bool = False) -> Any:
    """The briefing of the dossier at `db` (a recoupe.present.brief.Briefing; write it with brief.render or
    brief.write), in `language` (default: the corpus language), its notes linking to the reader at `reader`."""
    from recoupe.present import brief

    with store_for(db) as store:
        return brief.build(store, read.load(store, as_built=as_built), language=language, reader=reader or brief.READER)


def sources(db: str | Path) -> read.SourceListing:
    """Who published the dossier's documents and how independent they are (resolve.sources)."""
    return model(db, as_built=True).source_listing()


reason_text = read.reason_text


def document_labels(db: str | Path) -> dict[str, str]:
    """Document id -> a short label a reader recognises (title, else outlet, else source)."""
    with store_for(db) as store:
        return {d["id"]: (d["title"] or d["outlet"] or Path(d["source"]).name or d["id"]) for d in store.documents_meta()}
