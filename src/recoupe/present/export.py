"""Exports of a stored dossier, registered by name (kind "exporter"): the contract's JSON form (CONTRACT.md),
validated against its schema, and the formats other tools open. Every exporter takes the contract JSON as the
read model gives it (corrections applied unless the dossier was read as built)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from recoupe.version import __version__
from recoupe.errors import RecoupeError
from recoupe.present.read import ReadModel
from recoupe.registry import REGISTRY, Entry, register
from recoupe.store import Store


@dataclass(frozen=True)
class Exported:
    """What an exporter made: the file's content and a one-line account of it; an export of several files
    (csv: one per table) gives them in `files` too, by name, for writing into a folder, and its `content`
    is their zip archive."""

    content: str | bytes
    summary: str
    files: dict[str, bytes] | None = None


ExporterFn = Callable[[dict[str, Any]], Exported]


def exporter(name: str, *, suffix: str, media_type: str, description: str) -> Callable[[ExporterFn], ExporterFn]:
    """Register `fn(dossier contract JSON) -> Exported` as the export format `name` (the hook a plugin uses too)."""
    return register("exporter", name, suffix=suffix, media_type=media_type, description=description)


def exporters() -> dict[str, Entry]:
    """Every registered export format by name."""
    return REGISTRY.entries("exporter")


def export(dossier: dict[str, Any], fmt: str) -> Exported:
    """The dossier in the format `fmt` (one of `exporters()`)."""
    return REGISTRY.get("exporter", fmt).obj(dossier)  # type: ignore[no-any-return]

FORMAT = "recoupe.dossier/1"


def dossier_json(store: Store, model: ReadModel) -> dict[str, Any]:
    """The whole dossier as one JSON-ready object, per CONTRACT.md, as the read model gives it (corrections
    applied unless it was loaded as built); the documents' texts come from the store."""
    docs = [
        {"id": d.id, "source": d.source, "title": d.title, "outlet": d.outlet, "language": d.language,
         "published": d.published, "published_precision": d.published_precision, "text": d.text,
         "duplicate_of": d.duplicate_of, "url": d.url, "author": d.author}
        for d in store.documents()
    ]
    dossier = model
    inferred = {r["doc"]: r for r in dossier.dates if r.get("kind") == "reference"}
    for d in docs:
        ref = inferred.get(d["id"])
        if ref is not None:  # extension: the writing day learned from the events an article shares with dated ones
            d["published_inferred"] = {"value": ref["value"], "lo": ref["lo"], "hi": ref["hi"]}
    return {
        "format": FORMAT,
        "generator": f"recoupe {__version__}",
        "documents": docs,
        "entities": dossier.all_entities or dossier.entities,  # those named only in page furniture included
        "events": dossier.events,
        "quotes": dossier.quotes,
        "claims": dossier.claims,
        "contradictions": dossier.contradictions,
        "quantities": dossier.quantities,
        "dates": dossier.dates,
        "discrepancies": dossier.discrepancies,
        "sources": getattr(dossier, "sources", []),
        "source_groups": getattr(dossier, "source_groups", []),
    }


def _json_text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


@exporter("json", suffix=".json", media_type="application/json",
          description="the whole dossier in the contract's JSON form (CONTRACT.md)")
def export_json(dossier: dict[str, Any]) -> Exported:
    return Exported(_json_text(dossier), f"{len(dossier['documents'])} documents, {len(dossier['entities'])} entities")


@exporter("geojson", suffix=".geojson", media_type="application/geo+json",
          description="located places and the events at them, a GeoJSON FeatureCollection (QGIS, kepler.gl)")
def export_geojson(dossier: dict[str, Any]) -> Exported:
    geo = dossier_geojson(dossier)
    return Exported(_json_text(geo), f"{len(geo['features'])} features")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("recoupe.data").joinpath("dossier.schema.json").read_text("utf-8"))


def validate(dossier: dict[str, Any]) -> None:
    """Raise RecoupeError when the dossier breaks the contract: schema, spans, or references."""
    import jsonschema

    try:
        jsonschema.validate(dossier, schema())
    except jsonschema.ValidationError as e:
        path = "/".join(str(p) for p in e.absolute_path)
        raise RecoupeError(f"dossier breaks the contract at {path or '(top)'}: {e.message}") from None
    texts = {d["id"]: d["text"] for d in dossier["documents"]}
    for where, span in _spans(dossier):
        text = texts.get(span["doc"])
        if text is None:
            raise RecoupeError(f"{where}: span points at unknown document {span['doc']}")
        if not 0 <= span["start"] <= span["end"] <= len(text) or text[span["start"]:span["end"]] != span["text"]:
            raise RecoupeError(f"{where}: span text {span['text']!r} does not match the document at [{span['start']}:{span['end']}]")
    entity_ids = {e["id"] for e in dossier["entities"]}
    for ev in dossier["events"]:
        for ref in [ev["place"], *ev["participants"]]:
            if ref is not None and ref not in entity_ids:
                raise RecoupeError(f"event {ev['id']}: unknown entity {ref}")


def _spans(dossier: dict[str, Any]):  # type: ignore[no-untyped-def]
    for e in dossier["entities"]:
        for s in e["mentions"]:
            yield f"entity {e['id']}", s
    for ev in dossier["events"]:
        for s in ev["sources"]:
            yield f"event {ev['id']}", s
    for q in dossier["quotes"]:
        yield f"quote {q['id']}", q["span"]
        if q["attribution"]:
            yield f"quote {q['id']} attribution", q["attribution"]
    for c in dossier["claims"]:
        yield f"claim {c['id']}", c["span"]
    for c in dossier["contradictions"]:
        for s in c["statements"]:
            yield f"contradiction {c['id']}", s
    for c in dossier.get("discrepancies", ()):
        for s in c["statements"]:
            yield f"discrepancy {c['id']}", s
    for q in dossier["quantities"]:
        yield f"quantity {q['id']}", q["span"]
    for r in dossier.get("dates", ()):
        if r.get("span"):
            yield f"date {r['id']}", r["span"]
        for b in [*r.get("basis", ()), *r.get("outvoted", ())]:
            if b.get("evidence"):
                yield f"date {r['id']} basis", b["evidence"]


# --- GeoJSON ------------------------------------------------------------------------------------

GEO_FIELDS = ("country_code", "precision", "category", "geo_status", "geo_name")


def places(dossier: dict[str, Any]) -> list[dict[str, Any]]:
    """The dossier's place and country entities, each with its geocoding (coordinates or candidates); places named
    only in page furniture (a bibliography's, a caption's) are no places of the story and are left out."""
    out = []
    for e in dossier["entities"]:
        if e["type"] not in ("place", "country") or e.get("page_furniture"):
            continue
        row = {"id": e["id"], "name": e["name"], "type": e["type"], "mentions": len(e["mentions"]),
               "geo": e.get("geo")}
        row.update({k: e.get(k) for k in GEO_FIELDS})
        row["candidates"] = e.get("candidates") or []
        out.append(row)
    return sorted(out, key=lambda r: (r["geo"] is None, -r["mentions"], r["name"]))


def dossier_geojson(dossier: dict[str, Any]) -> dict[str, Any]:
    """Located places and the events that happened at them, as a GeoJSON FeatureCollection (RFC 7946)."""
    features: list[dict[str, Any]] = []
    located: dict[str, dict[str, Any]] = {}
    for p in places(dossier):
        geo = p["geo"]
        if not geo:
            continue
        located[p["id"]] = p
        props = {"kind": "place", "id": p["id"], "name": p["name"], "type": p["type"], "mentions": p["mentions"],
                 "source": geo["source"], **{k: p[k] for k in GEO_FIELDS}}
        features.append(_point(geo, props))
    for ev in dossier["events"]:
        place = located.get(ev.get("place") or "")
        if place is None:
            continue
        props = {"kind": "event", "id": ev["id"], "type": ev["type"], "date": ev.get("date"),
                 "date_end": ev.get("date_end"), "summary": ev.get("summary"), "status": ev.get("status"),
                 "place": place["id"], "place_name": place["name"], "precision": place["precision"],
                 "participants": ev.get("participants", []), "sources": len(ev.get("sources", []))}
        features.append(_point(place["geo"], props))
    return {"type": "FeatureCollection", "features": features}


def _point(geo: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    # GeoJSON orders coordinates longitude first
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [geo["lon"], geo["lat"]]},
            "properties": props}
