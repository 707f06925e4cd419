"""The `values` check: the same measured thing given values in different sources that no approximation reconciles."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from recoupe.resolve.checks import check, contradiction, fmt, interval, settings, stated
from recoupe.resolve.registry import ResolveContext

LENGTH_UNITS = {"km": 1.0, "m": 0.001, "mi": 1.609344}


def _key(q: dict[str, Any]) -> tuple[Any, ...] | None:
    """What a quantity measures, when the dossier can tell: (subject entity, verb, unit) or (the two places, distance)."""
    dim = q.get("dimension")
    if dim == "length":
        ents = {p["entity"] for p in q.get("places") or [] if p.get("entity")}
        if len(ents) != 2:
            return None
        return ("distance", frozenset(ents))
    if q.get("subject") and q.get("verb") and q.get("unit"):
        return ("measure", q["subject"], q["verb"], q["unit"])
    return None


@check("values")
def values_check(ctx: ResolveContext) -> list[dict[str, Any]]:
    """Group quantities by what they measure; across different documents, flag values whose intervals do not overlap."""
    cfg = settings()["values"]
    dims = set(cfg["dimensions"])
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for q in ctx.dossier.quantities:
        if q.get("dimension") not in dims:
            continue
        k = _key(q)
        if k is not None:
            groups[k].append(q)
    out: list[dict[str, Any]] = []
    for key, qs in groups.items():
        docs = {q["span"]["doc"] for q in qs}
        if len(docs) < 2:
            continue
        for i, a in enumerate(qs):
            for b in qs[i + 1:]:
                if a["span"]["doc"] == b["span"]["doc"]:
                    continue
                fa = LENGTH_UNITS.get(a["unit"], 1.0) if key[0] == "distance" else 1.0
                fb = LENGTH_UNITS.get(b["unit"], 1.0) if key[0] == "distance" else 1.0
                alo, ahi = interval(a, fa)
                blo, bhi = interval(b, fb)
                if key[0] == "distance" and bool(a.get("geodesic")) != bool(b.get("geodesic")):
                    # a route is at least the crow-flies distance: only a route shorter than it conflicts
                    route, crow = (a, b) if b.get("geodesic") else (b, a)
                    rlo, rhi = (alo, ahi) if route is a else (blo, bhi)
                    clo, _chi = (alo, ahi) if crow is a else (blo, bhi)
                    if rhi >= clo:
                        continue
                elif ahi >= blo and bhi >= alo:
                    continue  # the stated approximations overlap: compatible
                what = a.get("about") or (f"{a.get('subject_text')} ({a.get('verb')}, {a['unit']})" if key[0] == "measure" else "distance")
                out.append(contradiction(
                    "distance" if key[0] == "distance" else "number", what, [a["span"], b["span"]],
                    f"Two sources measure the same thing differently: {stated(a)} against {stated(b)}"
                    f" ({fmt(alo)}–{fmt(ahi)} vs {fmt(blo)}–{fmt(bhi)} {a['unit']} once approximations are allowed).",
                    certainty=cfg["certainty"]))
    return out
