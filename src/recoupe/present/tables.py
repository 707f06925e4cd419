"""The dossier as flat tables (one row per record, one table per relation): what the CSV export writes and what
the web's events and quotes pages list, sort, filter and download. One definition of each row for both."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]
SEP = "; "  # joins several values in one cell


@dataclass(frozen=True)
class Names:
    """What rows need besides a record: entity names and documents' outlet and date."""

    entity_name: Callable[[str | None], str | None]
    doc: Callable[[str], dict[str, Any] | None]

    @classmethod
    def of_dossier(cls, dossier: dict[str, Any]) -> Names:
        ents = {e["id"]: e["name"] for e in dossier["entities"]}
        docs = {d["id"]: d for d in dossier["documents"]}
        return cls(lambda eid: ents.get(eid) if eid else None, docs.get)


def _span_cols(span: dict[str, Any] | None, names: Names, prefix: str = "") -> Row:
    if not span:
        return {f"{prefix}doc": None, f"{prefix}start": None, f"{prefix}end": None, f"{prefix}text": None}
    return {f"{prefix}doc": span["doc"], f"{prefix}start": span["start"], f"{prefix}end": span["end"], f"{prefix}text": span["text"]}


def _doc_cols(doc_id: str | None, names: Names) -> Row:
    d = names.doc(doc_id) if doc_id else None
    return {"outlet": (d or {}).get("outlet"), "published": (d or {}).get("published")}


def event_row(ev: dict[str, Any], names: Names) -> Row:
    first = (ev.get("sources") or [None])[0]
    return {"id": ev["id"], "date": ev.get("date"), "date_end": ev.get("date_end"), "type": ev.get("type"),
            "status": ev.get("status"), "summary": ev.get("summary"), "place": ev.get("place"),
            "place_name": names.entity_name(ev.get("place")),
            "participants": SEP.join(ev.get("participants", [])),
            "participant_names": SEP.join(names.entity_name(p) or p for p in ev.get("participants", [])),
            "independent_sources": ev.get("independent_sources"), "sources": len(ev.get("sources", [])),
            "single_source": ev.get("single_source"), "rests_on": ev.get("rests_on"),
            **{f"first_source_{k}": v for k, v in _span_cols(first, names).items()}}


def quote_row(q: dict[str, Any], names: Names) -> Row:
    return {"id": q["id"], "speaker": q.get("speaker"), "speaker_name": names.entity_name(q.get("speaker")),
            "speaker_text": q.get("speaker_text"), "text": q.get("text"), **_span_cols(q["span"], names),
            **_doc_cols(q["span"]["doc"], names), "attribution": (q.get("attribution") or {}).get("text")}


def claim_row(c: dict[str, Any], names: Names) -> Row:
    return {"id": c["id"], "text": c.get("text"), "modality": c.get("modality"), "attributed_to": c.get("attributed_to"),
            "attributed_name": names.entity_name(c.get("attributed_to")), "cluster": c.get("cluster"),
            "independent_sources": c.get("independent_sources"), "single_source": c.get("single_source"),
            "rests_on": c.get("rests_on"), **{f"span_{k}": v for k, v in _span_cols(c["span"], names).items()},
            **_doc_cols(c["span"]["doc"], names), "review": (c.get("review") or {}).get("status")}


def _documents(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for doc in d["documents"]:
        inf = doc.get("published_inferred") or {}
        yield {"id": doc["id"], "source": doc["source"], "title": doc["title"], "outlet": doc["outlet"],
               "language": doc["language"], "published": doc["published"], "published_inferred_lo": inf.get("lo"),
               "published_inferred_hi": inf.get("hi"), "duplicate_of": doc["duplicate_of"], "text": doc["text"]}


def _entities(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for e in d["entities"]:
        geo = e.get("geo") or {}
        yield {"id": e["id"], "name": e["name"], "type": e["type"], "aliases": SEP.join(e.get("aliases", [])),
               "mentions": len(e.get("mentions", [])), "lat": geo.get("lat"), "lon": geo.get("lon"), "geo_source": geo.get("source"),
               "country_code": e.get("country_code"), "precision": e.get("precision"), "geo_status": e.get("geo_status")}


def _aliases(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for e in d["entities"]:
        for a in e.get("aliases", []):
            yield {"entity": e["id"], "alias": a}


def _mentions(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for e in d["entities"]:
        for m in e.get("mentions", []):
            yield {"entity": e["id"], **_span_cols(m, names)}


def _event_participants(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for ev in d["events"]:
        if ev.get("place"):
            yield {"event": ev["id"], "entity": ev["place"], "role": "place"}
        for p in ev.get("participants", []):
            yield {"event": ev["id"], "entity": p, "role": "participant"}


def _event_sources(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for ev in d["events"]:
        for s in ev.get("sources", []):
            yield {"event": ev["id"], **_span_cols(s, names)}


def _contradictions(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for c in d["contradictions"]:
        exp = c.get("expected") or {}
        yield {"id": c["id"], "kind": c.get("kind"), "about": c.get("about"), "explanation": c.get("explanation"),
               "expected_value": exp.get("value"), "expected_unit": exp.get("unit"), "expected_method": exp.get("method"),
               "certainty": c.get("certainty"), "statements": len(c.get("statements", [])),
               "review": (c.get("review") or {}).get("status")}


def _contradiction_statements(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for c in d["contradictions"]:
        for s in c.get("statements", []):
            yield {"contradiction": c["id"], **_span_cols(s, names)}


def _quantities(d: dict[str, Any], names: Names) -> Iterator[Row]:
    for q in d["quantities"]:
        yield {"id": q["id"], "value": q.get("value"), "unit": q.get("unit"), "bound": q.get("bound"),
               "value_max": q.get("value_max"), "about": q.get("about"), **_span_cols(q["span"], names)}


# table name -> rows of the contract dossier
TABLES: dict[str, Callable[[dict[str, Any], Names], Iterator[Row]]] = {
    "documents": _documents,
    "entities": _entities,
    "aliases": _aliases,
    "mentions": _mentions,
    "events": lambda d, n: (event_row(ev, n) for ev in d["events"]),
    "event_participants": _event_participants,
    "event_sources": _event_sources,
    "quotes": lambda d, n: (quote_row(q, n) for q in d["quotes"]),
    "claims": lambda d, n: (claim_row(c, n) for c in d["claims"]),
    "contradictions": _contradictions,
    "contradiction_statements": _contradiction_statements,
    "quantities": _quantities,
}


def tables(dossier: dict[str, Any]) -> dict[str, list[Row]]:
    """Every table of the dossier, by name."""
    names = Names.of_dossier(dossier)
    return {name: list(fn(dossier, names)) for name, fn in TABLES.items()}
