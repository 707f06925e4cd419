"""The `distance` check: a stated distance between two geocoded places against their geodesic distance."""

from __future__ import annotations

import math
from typing import Any

from recoupe.resolve.checks import check, contradiction, fmt, interval, settings, stated
from recoupe.resolve.checks.places import endpoints, geodesic_km, source_of
from recoupe.resolve.registry import ResolveContext

LENGTH_TO_KM = {"km": 1.0, "m": 0.001, "mi": 1.609344}


@check("distance")
def distance_check(ctx: ResolveContext) -> list[dict[str, Any]]:
    """Flag a distance shorter than the geodesic (impossible), off it when stated "à vol d'oiseau", or far longer than any route."""
    cfg = settings()["distance"]
    out: list[dict[str, Any]] = []
    for q in ctx.dossier.quantities:
        factor = LENGTH_TO_KM.get(q.get("unit") or "")
        if factor is None:
            continue
        ends = endpoints(ctx, q)
        if ends is None:
            continue  # one end is not a geocoded point (a border, a region, an unresolved name): nothing to compute
        (ea, *pa), (eb, *pb) = ends
        d = geodesic_km((pa[0], pa[1]), (pb[0], pb[1]))
        lo, hi = interval(q, factor)
        expected = {"value": round(d), "unit": "km", "method": f"geodesic (WGS84) between {source_of(ea)} and {source_of(eb)}"}
        about = f"distance {ea.name} – {eb.name}"
        tol = cfg["geodesic_tolerance"]
        said = f"{stated(q)} between {ea.name} and {eb.name}"
        if q.get("geodesic"):
            if hi < d * (1 - tol) or lo > d * (1 + tol):
                gap = abs(math.log(max(lo, 1e-9) / d)) if lo > d else abs(math.log(d / hi))
                out.append(contradiction(
                    "distance", about, [q["span"]],
                    f"The article gives {said} as the crow flies; the map gives {fmt(d)} km.",
                    certainty=cfg["certainty_geodesic"] * min(1.0, 0.6 + gap), expected=expected,
                    computed={"geodesic_km": round(d, 1), "stated_km": [round(lo, 1), None if math.isinf(hi) else round(hi, 1)]}))
            continue
        if hi < d * (1 - tol):
            gap = math.log(d / hi)
            route = "route" if q.get("route") else "distance"
            out.append(contradiction(
                "distance", about, [q["span"]],
                f"The article gives {said}, but they are {fmt(d)} km apart as the crow flies: no {route} between them can be that short.",
                certainty=cfg["certainty_impossible"] * min(1.0, 0.6 + gap), expected=expected,
                computed={"geodesic_km": round(d, 1), "stated_km": [round(lo, 1), None if math.isinf(hi) else round(hi, 1)]}))
        elif lo > d * cfg["route_max_factor"]:
            out.append(contradiction(
                "distance", about, [q["span"]],
                f"The article gives {said}, more than {cfg['route_max_factor']:g} times the {fmt(d)} km between them as the crow flies; even a winding route is rarely that long.",
                certainty=cfg["certainty_too_long"], expected=expected,
                computed={"geodesic_km": round(d, 1), "stated_km": [round(lo, 1), None]}))
    return out
