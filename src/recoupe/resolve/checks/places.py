"""Place helpers for the checks: entities by id, their coordinates, and geodesic distances between them."""

from __future__ import annotations

from typing import Any

from geographiclib.geodesic import Geodesic

from recoupe.model import Entity
from recoupe.resolve.registry import ResolveContext

PLACE_TYPES = ("place", "country", "organization", "other")  # a site is often labelled as an organization


def entities_by_id(ctx: ResolveContext) -> dict[str, Entity]:
    cached = ctx.state.get("_checks_entities")
    if cached is None:
        cached = ctx.state["_checks_entities"] = {e.id: e for e in ctx.entities}
    return cached


def point(ctx: ResolveContext, entity_id: str | None) -> tuple[Entity, float, float] | None:
    """The entity and its (lat, lon) when geocoding gave it a point, else None."""
    if entity_id is None:
        return None
    e = entities_by_id(ctx).get(entity_id)
    if e is None or not e.geo or e.type not in PLACE_TYPES:
        return None
    try:
        return e, float(e.geo["lat"]), float(e.geo["lon"])
    except (KeyError, TypeError, ValueError):
        return None


# Geocoder hints that a point stands for an area (GeoNames feature class "A", a country, a region): the
# distance to an area is to its nearest point, which a single coordinate cannot give.
AREA_KINDS = frozenset({"a", "country", "region", "admin", "admin1", "admin2", "area", "continent", "state", "province", "l"})


def is_area(e: Entity) -> bool:
    if e.type == "country":
        return True
    geo = e.geo or {}
    hints = [geo.get("kind"), geo.get("feature_class"), geo.get("precision"), e.attrs.get("place_kind"), e.attrs.get("feature_class")]
    return any(isinstance(h, str) and h.lower() in AREA_KINDS for h in hints)


def geodesic_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance on the WGS84 ellipsoid, in km."""
    return float(Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"]) / 1000.0


def source_of(e: Entity) -> str:
    src = (e.geo or {}).get("source")
    return f"{e.name} ({src})" if src else e.name


def endpoints(ctx: ResolveContext, q: dict[str, Any]) -> tuple[tuple[Entity, float, float], tuple[Entity, float, float]] | None:
    """The two geocoded places a distance, speed or duration refers to, when the dossier knows both."""
    places = q.get("places") or []
    frm = next((p for p in places if p["role"] == "from"), None)
    to = next((p for p in places if p["role"] == "to"), None)
    b = point(ctx, to["entity"]) if to else None
    a = point(ctx, frm["entity"]) if frm else None
    if a is None and b is not None:
        a = implicit_place(ctx, q)
    if a is None or b is None or a[0].id == b[0].id or is_area(a[0]) or is_area(b[0]):
        return None  # an unknown end, the same place twice, or an area: nothing precise to compute
    return a, b


def implicit_place(ctx: ResolveContext, q: dict[str, Any]) -> tuple[Entity, float, float] | None:
    """"À 700 km de X" with no other place named: the place of the event reported in the same sentence."""
    span = q["span"]
    sent = sentence_bounds(ctx, span["doc"], span["start"])
    if sent is None:
        return None
    for ev in ctx.dossier.events:
        if not ev.get("place"):
            continue
        for s in ev.get("sources", []):
            if s["doc"] == span["doc"] and s["start"] < sent[1] and sent[0] < s["end"]:
                p = point(ctx, ev["place"])
                if p is not None:
                    return p
    return None


def sentence_bounds(ctx: ResolveContext, doc: str, offset: int) -> tuple[int, int] | None:
    cache = ctx.state.setdefault("_checks_sentences", {})
    if not cache:
        for a in ctx.analyses:
            cache[a.doc] = a.sentences
    for s, e in cache.get(doc, []):
        if s <= offset < e:
            return s, e
    return None
