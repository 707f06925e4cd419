"""The `quantities` step: every quantity of every article in the contract's shape, its places, subject and holder
resolved to entities, and what it measures normalised so that sources can be compared like with like."""

from __future__ import annotations

from typing import Any

from recoupe.geo.distance import distance_km
from recoupe.geo.timezones import zone_of, zone_of_city
from recoupe.model import Analysis, Entity, QuantityRec, Span, make_id
from recoupe.model.text import fold
from recoupe.resolve.registry import ResolveContext, step

_COPIED = ("verb", "geodesic", "route", "journey", "vague", "target", "place_words", "measure", "groups", "predicate",
           "predicate_group", "status", "negated", "partial", "parsed", "anaphoric", "nationality",
           "event_type", "event_subtype", "ordinal", "clock_bound", "minute_written", "hour_only", "part_of_day", "day",
           "zone_inherited", "source_words", "activity")
_CAPITAL_KM = 2.0  # a country is placed at its capital: the town within this distance of that point is the capital


@step("quantities", version="2", requires=("entities",), assigns=("quantities",))
def resolve_quantities(ctx: ResolveContext) -> None:
    """Fill `ctx.dossier.quantities`: the contract's fields, plus the resolved entities the checks read."""
    out: list[dict[str, Any]] = []
    for a in sorted(ctx.analyses, key=lambda a: a.doc):
        for q in a.quantities:
            out.append(quantity_record(ctx, a, q))
    ctx.dossier.quantities = out


def quantity_record(ctx: ResolveContext, a: Analysis, q: QuantityRec) -> dict[str, Any]:
    """One contract Quantity; extra keys: dimension, sentence, places (with entity ids), subject, holder, what it
    measures (measure, groups, predicate), how it is told (status, negated, partial) and cues."""
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
    frm = attrs.get("from_place")
    # the far end names no entity of its own ("la capitale" read as a bare description): the capital rule completes it
    far_known = any(p["entity"] for p in places if p["role"] == "to")
    if attrs.get("target_capital") and frm and not far_known:
        span = Span(q.span.doc, frm["start"], frm["end"], frm["text"])
        capital = capital_of(ctx, ctx.entity_at(span))
        if capital is not None:  # "X, à 600 km au sud de la capitale": the capital of the country X is in
            places = [{"role": "from", "entity": ctx.entity_at(span), "text": frm["text"], "span": span.to_dict()},
                      {"role": "to", "entity": capital.id, "text": attrs.get("target") or capital.name, "resolved": "capital"}]
    if places:
        rec["places"] = places
    subj = attrs.get("subject")
    if subj:
        span = Span(q.span.doc, subj["start"], subj["end"], subj["text"])
        rec["subject"] = _entity_inside(ctx, a, span)
        rec["subject_text"] = subj["text"]
    holder = attrs.get("holder")
    if holder:
        span = Span(q.span.doc, holder["start"], holder["end"], holder["text"])
        rec["holder"] = _entity_inside(ctx, a, span)
        rec["holder_text"] = holder["text"]
    where = attrs.get("where")
    if where:
        span = Span(q.span.doc, where["start"], where["end"], where["text"])
        rec["where"] = _entity_inside(ctx, a, span)
        rec["where_text"] = where["text"]
    for key in _COPIED:
        if key in attrs:
            rec[key] = attrs[key]
    if attrs.get("dimension") == "time_of_day" and subj:
        # the people and organisations its subject names ("le Falcon du président français"): a time of day of
        # one actor's arrival is no time of another's
        kinds = ctx.state.setdefault("_quantities_kinds", {e.id: e.type for e in ctx.entities})
        actors = {eid for m in a.mentions if m.span.start < subj["end"] and subj["start"] < m.span.end
                  and (eid := ctx.mention_entity.get((m.span.doc, m.span.start, m.span.end)))
                  and kinds.get(eid) in ("person", "organization")}
        if actors:
            rec["actors"] = sorted(actors)
    if attrs.get("zone_words"):
        rec["zone_text"] = attrs["zone_words"].get("text")
        rec["zone"] = zone_of_words(ctx, q.span.doc, attrs["zone_words"])
    return rec


def zone_of_words(ctx: ResolveContext, doc: str, words: dict[str, Any]) -> str:
    """The IANA zone a time's zone words name: a place's (its country's zone nearest to it), a nationality's (a
    country of one zone), an abbreviation's; "local" for local time, "unknown" when it cannot be told."""
    if words.get("zone"):
        return str(words["zone"])
    if words.get("local"):
        return "local"
    if words.get("unknown"):
        return "unknown"
    cc, lat, lon = None, None, None
    if words.get("place"):
        p = words["place"]
        named = zone_of_city(p["text"], ctx.pack.code)  # the zone is named after the city ("heure de Moscou")
        if named:
            return named
        eid = ctx.entity_at(Span(doc, p["start"], p["end"], p["text"]))
        by_id = ctx.state.setdefault("_quantities_entities", {e.id: e for e in ctx.entities})
        ent = by_id.get(eid) if eid else None
        if ent is not None:
            cc = ent.attrs.get("country_code")
            if ent.geo:
                lat, lon = float(ent.geo["lat"]), float(ent.geo["lon"])
    elif words.get("adj"):
        cc = ctx.pack.lexicon.nationality.get(fold(str(words["adj"])))
    return zone_of(cc, lat, lon) or "unknown"


def capital_of(ctx: ResolveContext, entity_id: str | None) -> Entity | None:
    """The capital of the country a place is in: the town the gazetteer puts where it places the country."""
    if entity_id is None:
        return None
    by_id = ctx.state.setdefault("_quantities_entities", {e.id: e for e in ctx.entities})
    place = by_id.get(entity_id)
    code = place.attrs.get("country_code") if place is not None else None
    if not code:
        return None
    country = next((e for e in ctx.entities if e.type == "country" and e.attrs.get("country_code") == code and e.geo), None)
    if country is None:
        return None
    here = (float(country.geo["lat"]), float(country.geo["lon"]))  # type: ignore[index]
    for e in ctx.entities:
        if e.type == "place" and e.geo and e.attrs.get("country_code") == code and e.attrs.get("precision") == "town":
            if distance_km(here[0], here[1], float(e.geo["lat"]), float(e.geo["lon"])) <= _CAPITAL_KM:
                return e
    return None


def _entity_inside(ctx: ResolveContext, a: Analysis, span: Span) -> str | None:
    """The entity of the first mention inside `span` ("La Russie" in "La Russie"), else one covering it."""
    for m in sorted(a.mentions, key=lambda m: m.span.start):
        if span.start <= m.span.start and m.span.end <= span.end:
            eid = ctx.mention_entity.get((m.span.doc, m.span.start, m.span.end))
            if eid:
                return eid
    return ctx.entity_at(span)
