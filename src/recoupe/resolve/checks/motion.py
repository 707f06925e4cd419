"""The `motion` check: speed × duration against the distance stated or computable for the same journey."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from recoupe.resolve.checks import check, contradiction, fmt, interval, settings, stated
from recoupe.resolve.checks.distance import LENGTH_TO_KM
from recoupe.resolve.checks.places import endpoints, geodesic_km, source_of
from recoupe.resolve.registry import ResolveContext

TIME_TO_H = {"h": 1.0, "min": 1 / 60, "d": 24.0, "week": 168.0}
SPEED_TO_KMH = {"km/h": 1.0}


def _pair_key(q: dict[str, Any]) -> frozenset[str] | None:
    ents = [p["entity"] for p in q.get("places") or [] if p.get("entity")]
    return frozenset(ents) if len(set(ents)) == 2 else None


@check("motion")
def motion_check(ctx: ResolveContext) -> list[dict[str, Any]]:
    """Within one sentence, a speed and a duration imply a distance; flag it when the journey's distance disagrees."""
    cfg = settings()["motion"]
    dcfg = settings()["distance"]
    by_sentence: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
    routes_by_pair: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for q in ctx.dossier.quantities:
        by_sentence[(q["span"]["doc"], q.get("sentence"))].append(q)
        key = _pair_key(q)
        if key and q.get("unit") in LENGTH_TO_KM and not q.get("geodesic"):
            routes_by_pair[key].append(q)
    out: list[dict[str, Any]] = []
    for (_doc, _sent), qs in sorted(by_sentence.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        speeds = [q for q in qs if q.get("unit") in SPEED_TO_KMH]
        times = [q for q in qs if q.get("unit") in TIME_TO_H]
        if not speeds or not times:
            continue
        for s in speeds:
            for t in times:
                slo, shi = interval(s, SPEED_TO_KMH[s["unit"]])
                tlo, thi = interval(t, TIME_TO_H[t["unit"]])
                lo, hi = slo * tlo, shi * thi
                implied = f"{stated(s)} for {stated(t)} makes {fmt(lo)}" + ("" if math.isinf(hi) else f" to {fmt(hi)}") + " km" + (" or more" if math.isinf(hi) else "")
                journey = s if s.get("places") else t
                # (a) a distance stated for the same journey: in this sentence, or elsewhere between the same places
                same = [q for q in qs if q.get("unit") in LENGTH_TO_KM and not q.get("geodesic")]
                key = _pair_key(journey)
                if key:
                    same += [q for q in routes_by_pair.get(key, []) if q not in same]
                for dq in same:
                    dlo, dhi = interval(dq, LENGTH_TO_KM[dq["unit"]])
                    if dhi < lo or dlo > hi:
                        out.append(contradiction(
                            "duration", _about(journey), [s["span"], t["span"], dq["span"]],
                            f"{implied}, but the journey is given as {stated(dq)}.",
                            certainty=cfg["certainty"], expected={"value": round(s["value"] * t["value"] * TIME_TO_H[t["unit"]]), "unit": "km", "method": "speed × duration"}))
                # (b) the geodesic between the journey's places: a route is never shorter
                ends = endpoints(ctx, journey)
                if ends is None:
                    continue
                (ea, *pa), (eb, *pb) = ends
                d = geodesic_km((pa[0], pa[1]), (pb[0], pb[1]))
                expected = {"value": round(d), "unit": "km", "method": f"geodesic (WGS84) between {source_of(ea)} and {source_of(eb)}"}
                if hi < d * (1 - dcfg["geodesic_tolerance"]):
                    out.append(contradiction(
                        "duration", f"journey {ea.name} – {eb.name}", [s["span"], t["span"]],
                        f"{implied}, less than the {fmt(d)} km between {ea.name} and {eb.name} as the crow flies.",
                        certainty=cfg["certainty"], expected=expected))
                elif lo > d * dcfg["route_max_factor"]:
                    out.append(contradiction(
                        "duration", f"journey {ea.name} – {eb.name}", [s["span"], t["span"]],
                        f"{implied}, more than {dcfg['route_max_factor']:g} times the {fmt(d)} km between {ea.name} and {eb.name} as the crow flies.",
                        certainty=cfg["certainty_too_long"], expected=expected))
    return out


def _about(q: dict[str, Any]) -> str:
    places = [p["text"] for p in q.get("places") or []]
    return "journey " + " – ".join(places) if places else "journey"
