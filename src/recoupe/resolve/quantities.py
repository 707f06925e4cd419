"""The `quantities` step: every quantity of every article in the contract's shape, its places and subject resolved."""

from __future__ import annotations

from typing import Any

from recoupe.model import Analysis, QuantityRec, Span, make_id
from recoupe.resolve.registry import ResolveContext, step


@step("quantities", version="1", requires=("entities",), assigns=("quantities",))
def resolve_quantities(ctx: ResolveContext) -> None:
    """Fill `ctx.dossier.quantities`: the contract's fields, plus the resolved entities the checks read."""
    out: list[dict[str, Any]] = []
    for a in sorted(ctx.analyses, key=lambda a: a.doc):
        for q in a.quantities:
            out.append(quantity_record(ctx, a, q))
    ctx.dossier.quantities = out


def quantity_record(ctx: ResolveContext, a: Analysis, q: QuantityRec) -> dict[str, Any]:
    """One contract Quantity; extra keys: dimension, sentence, places (with entity ids), subject, cues."""
    attrs = q.attrs or {}
    rec: dict[str, Any] = {
        "id": make_id("qty", q.span.doc, q.span.start, q.span.end),
        "value": q.value, "unit": q.unit, "bound": q.bound, "value_max": q.value_max, "about": q.about,
        "span": q.span.to_dict(),
        "dimension": attrs.get("dimension"),
        "sentence": attrs.get("sentence"),
    }
    places = []
    for p in attrs.get("places", []):
        span = Span(q.span.doc, p["start"], p["end"], p["text"])
        places.append({"role": p["role"], "entity": ctx.entity_at(span), "text": p["text"], "span": span.to_dict()})
    if places:
        rec["places"] = places
    subj = attrs.get("subject")
    if subj:
        span = Span(q.span.doc, subj["start"], subj["end"], subj["text"])
        rec["subject"] = _entity_inside(ctx, a, span)
        rec["subject_text"] = subj["text"]
    for key in ("verb", "geodesic", "route", "journey", "vague", "target", "place_words"):
        if key in attrs:
            rec[key] = attrs[key]
    return rec


def _entity_inside(ctx: ResolveContext, a: Analysis, span: Span) -> str | None:
    """The entity of the first mention inside `span` ("La Russie" in "La Russie"), else one covering it."""
    for m in sorted(a.mentions, key=lambda m: m.span.start):
        if span.start <= m.span.start and m.span.end <= span.end:
            eid = ctx.mention_entity.get((m.span.doc, m.span.start, m.span.end))
            if eid:
                return eid
    return ctx.entity_at(span)
