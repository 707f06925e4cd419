"""The `values` check: figures that sources give for the same thing, compared like with like.

What a figure is about is read from the dossier's quantities, normalised: a distance between two places, a height or
depth of one place ("le col X, à N mètres d'altitude"), the duration or speed of a journey or of a named thing, and
counts of one group of people or things (the counted noun through its synonyms, "soldats" and "militaires" both
count troops; a generic noun through its predicate, "N personnes ont disparu" counts the missing), counted by the
same kind of predicate (freed, killed, sent). Two figures of the same thing are compared within the values their
bounds and rounding allow (`interval`); when no value satisfies both, they are

- a **contradiction** when both cannot be true: told as facts (or both as forecasts) by different sources, of a
  thing that does not change (a distance, a height, a finished journey), or of a count for the same day — or a
  figure denied against the same figure stated, a count of none against a count of some;
- a **discrepancy** otherwise, with its reason: a plan or forecast against an outcome, counts given on different
  days (a toll grows), a part against a whole ("N autres", "dont N"), or one source's successive figures.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Any

from recoupe.model.text import fold
from recoupe.model.vocab import DiscrepancyReason
from recoupe.resolve.checks import check, contradiction, discrepancy, fmt, interval, settings, stated
from recoupe.resolve.checks.stories import Sources, copies, day_of, log_gap, outlet_of, same_story, sentence_entities
from recoupe.resolve.registry import ResolveContext

# base units per dimension, for the comparison: factors come from the pack's unit lexicon
_DIMENSION_KIND = {"length": "distance", "duration": "duration", "date": "date"}
_STATIC = frozenset({"length", "speed", "duration", "mass", "power", "yield"})  # measures that do not change


def _factor(ctx: ResolveContext, q: dict[str, Any]) -> float:
    return float(ctx.pack.quantities.factors.get(q.get("unit") or "", 1.0))


def keys(q: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What a quantity is about, as comparison keys (several for a count of a noun in several groups)."""
    dim = q.get("dimension")
    places = frozenset(p["entity"] for p in q.get("places") or [] if p.get("entity"))
    if dim == "length":
        if q.get("measure") and q.get("holder"):
            return [("measure", q["measure"], q["holder"])]
        if len(places) == 2 and not q.get("measure"):
            return [("distance", places)]
        return []
    if dim in ("speed", "duration"):
        if dim == "duration" and q.get("activity") and not q.get("partial"):
            return [(dim, "activity", q["activity"])]  # "après avoir volé une heure", "airborne for half an hour"
        if len(places) == 2 and q.get("journey"):
            return [(dim, "journey", places)]
        if q.get("subject"):
            return [(dim, "subject", q["subject"], q.get("verb"))]
        thing = q.get("holder_text") or q.get("subject_text")
        if thing and len(thing) <= 40:
            return [(dim, "thing", fold(thing))]
        return []
    if dim == "count":
        if q.get("anaphoric"):
            return []
        groups = list(q.get("groups") or [])
        if not groups and q.get("unit") and (q.get("nationality") or q.get("predicate_group")):
            groups = [q["unit"]]  # "10 Thaïlandais", "trois enfants tués": the noun itself
        casualty = _casualty(q)
        out = [("count", g, casualty) for g in groups if g not in _GENERIC or q.get("predicate_group")]
        if q.get("subject") and q.get("unit"):
            out.append(("owned", q["subject"], q["unit"], casualty))  # "la Norvège possède N chars"
        return out
    if dim is not None and q.get("subject") and q.get("verb") and q.get("unit"):
        return [("measure", q["subject"], q["verb"], q["unit"])]
    return []


_CASUALTIES = frozenset({"dead", "injured", "missing"})
_GENERIC = frozenset({"people"})  # counted in general: compared only with what the count is of (freed, killed, ...)


def _casualty(q: dict[str, Any]) -> str | None:
    """The casualty a count tells ("tués", "blessés", "disparus"), from its predicate or its noun: counts of the
    wounded and counts of the crew located are not the same figure."""
    if q.get("predicate_group") in _CASUALTIES:
        return str(q["predicate_group"])
    found = [g for g in q.get("groups") or [] if g in _CASUALTIES]
    return found[0] if found else None


def _anchored(key: tuple[Any, ...]) -> bool:
    """Keys that name their thing themselves (places, an entity); others need the articles to tell one story."""
    return key[0] in ("distance", "measure", "owned") or (len(key) > 1 and key[1] in ("journey", "subject"))


@check("values", version="3")
def values_check(ctx: ResolveContext) -> list[dict[str, Any]]:
    """Group quantities by what they measure; pairs whose allowed values cannot meet are contradictions or
    discrepancies (see the module's docstring); each connected group of conflicting figures is one record."""
    cfg = settings()["values"]
    dims = set(cfg["dimensions"])
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for q in ctx.dossier.quantities:
        if q.get("dimension") in dims:
            for k in keys(q):
                groups[k].append(q)
    sources = Sources(ctx)
    copy_of = copies(ctx)
    conflicts: dict[str, list[tuple[dict[str, Any], dict[str, Any], tuple[Any, ...], str | None]]] = defaultdict(list)
    for key, qs in groups.items():
        if len(qs) < 2 or len(qs) > cfg["max_group"]:
            continue  # a group this large is a word too vague to compare ("personnes" everywhere)
        for a, b in combinations(qs, 2):
            verdict = compare(ctx, a, b, key, sources, copy_of)
            if verdict is not None:
                conflicts["contradiction" if verdict is True else "discrepancy"].append((a, b, key, None if verdict is True else verdict))
    out: list[dict[str, Any]] = []
    seen: set[frozenset[str]] = set()
    for kind in ("contradiction", "discrepancy"):
        for comp in _components(conflicts[kind]):
            ids = frozenset(q["id"] for q in comp["quantities"])
            if ids in seen:
                continue
            seen.add(ids)
            out.append(_record(ctx, comp, kind, sources, cfg))
    return out


def compare(ctx: ResolveContext, a: dict[str, Any], b: dict[str, Any], key: tuple[Any, ...], sources: Sources,
            copy_of: dict[str, str]) -> bool | str | None:
    """None when the two figures agree or are not about the same thing; True when both cannot be true; else the
    reason they may (a DiscrepancyReason)."""
    da, db = a["span"]["doc"], b["span"]["doc"]
    own = _own_sources(a, b)
    if da == db and a.get("sentence") == b.get("sentence") and not own:
        return None  # an enumeration or a range told in one sentence
    if copy_of.get(da, da) == copy_of.get(db, db) and da != db:
        return None  # a copy of the same dispatch
    if a.get("predicate_group") and b.get("predicate_group") and a["predicate_group"] != b["predicate_group"]:
        return None  # hostages freed and hostages held are two counts
    if key[0] == "count" and any(_unnamed_holder(q) for q in (a, b)):
        return None  # a count that belongs to someone unnamed ("père de deux enfants") is no figure of the story
    if not (a.get("holder") or b.get("holder")) and a.get("holder_text") and b.get("holder_text") and \
            fold(a["holder_text"]) != fold(b["holder_text"]):
        return None
    if a.get("holder") and b.get("holder") and a["holder"] != b["holder"]:
        return None
    if a.get("where") and b.get("where") and a["where"] != b["where"]:
        return None  # counts for two places
    if key[0] == "distance" and bool(a.get("geodesic")) != bool(b.get("geodesic")):
        route, crow = (b, a) if a.get("geodesic") else (a, b)
        if interval(route, _factor(ctx, route))[1] >= interval(crow, _factor(ctx, crow))[0]:
            return None  # a route is at least the crow-flies distance
    elif not _conflict(ctx, a, b):
        return None
    if da != db and not _anchored(key) and not same_story(ctx, da, db):
        return None
    # both cannot be true, or may they?
    if a.get("partial") or b.get("partial") or _one_place(ctx, a, b) or _one_place(ctx, b, a):
        return DiscrepancyReason.PART_AND_WHOLE.value  # "N autres", "dont N", a count for one place against all
    denial = (a.get("status") == "denied") != (b.get("status") == "denied")
    sa, sb = _told(a), _told(b)
    if not denial and sa != sb and a.get("dimension") != "length":
        return DiscrepancyReason.PLAN_AND_OUTCOME.value  # a distance or a height does not depend on a plan
    if da == db and own:
        return True  # "16 selon le gouvernement, 18 pour d'autres médias": each figure has its source
    if da == db:
        ka, kb = sources.of(a["span"])[0], sources.of(b["span"])[0]
        if ka is None or kb is None or ka == kb:
            return DiscrepancyReason.SAME_SOURCE.value  # one article's own figures, or one source's
        return True
    if a.get("dimension") not in _STATIC and not denial and sa != "forecast":
        zero = (float(a["value"]) == 0) != (float(b["value"]) == 0)
        if not zero:
            da_, db_ = day_of(ctx, a), day_of(ctx, b)
            if da_ is None or da_ != db_:
                return DiscrepancyReason.DIFFERENT_TIMES.value  # a count that grows or is revised
    return True


def _own_sources(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Both figures name their own, different sources in the sentence ("16 selon X, 18 pour Y")."""
    sa, sb = a.get("source_words"), b.get("source_words")
    return bool(sa and sb and fold(str(sa)) != fold(str(sb)))


def _one_place(ctx: ResolveContext, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """`a` is a count for one place ("deux victimes à X") and `b`'s sentence names no such place."""
    return bool(a.get("where")) and not b.get("where") and a["where"] not in sentence_entities(ctx, b)


def _unnamed_holder(q: dict[str, Any]) -> bool:
    """A holder that is a common noun ("père", "la matinée") and no entity."""
    text = q.get("holder_text") or ""
    return bool(text) and not q.get("holder") and not text[:1].isupper()


def _told(q: dict[str, Any]) -> str | None:
    """How a figure is told: planned, forecast, or as a fact (None); a denial is compared as what it denies."""
    st = q.get("status")
    return None if st == "denied" else st


def _conflict(ctx: ResolveContext, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether no value satisfies both, given bounds, rounding, negation ("pas en milliers") and denial."""
    ia, ib = interval(a, _factor(ctx, a)), interval(b, _factor(ctx, b))
    if a.get("dimension") == "count" and b.get("dimension") == "count":
        ia, ib = _whole(ia), _whole(ib)  # a count is a whole number: "21" and "22" share none
    overlap = ia[1] >= ib[0] and ib[1] >= ia[0]
    na, nb = bool(a.get("negated")), bool(b.get("negated"))
    xa, xb = a.get("status") == "denied", b.get("status") == "denied"
    if (na and nb) or (xa and xb):
        return False
    if na or nb:
        neg, pos = (ia, ib) if na else (ib, ia)
        return neg[0] <= pos[0] and pos[1] <= neg[1]  # the other figure lies wholly among the excluded values
    if xa or xb:
        return overlap  # a figure denied against the same figure stated
    return not overlap


def _whole(iv: tuple[float, float]) -> tuple[float, float]:
    """The whole numbers an interval of counts allows, as an interval (empty ones keep their middle)."""
    lo, hi = math.ceil(iv[0] - 1e-9), math.floor(iv[1] + 1e-9) if iv[1] != math.inf else math.inf
    return (float(lo), float(hi)) if lo <= hi else ((iv[0] + iv[1]) / 2, (iv[0] + iv[1]) / 2)


def _components(pairs: list[tuple[dict[str, Any], dict[str, Any], tuple[Any, ...], str | None]]) -> list[dict[str, Any]]:
    """Connected groups of conflicting quantities (one record each): their quantities, key and reasons."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # one component per comparison key: a quantity in two keys ("personnes disparues": missing, people) joins no
    # two unrelated groups
    node = lambda key, q: f"{key!r}|{q['id']}"  # noqa: E731
    by_node: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}
    for a, b, key, _reason in pairs:
        by_node[node(key, a)], by_node[node(key, b)] = (key, a), (key, b)
        parent[find(node(key, a))] = find(node(key, b))
    comps: dict[str, dict[str, Any]] = {}
    for a, _b, key, reason in pairs:
        c = comps.setdefault(find(node(key, a)), {"quantities": {}, "key": key, "reasons": []})
        if reason:
            c["reasons"].append(reason)
    for n, (key, q) in by_node.items():
        comps[find(n)]["quantities"][q["id"]] = q
    out = []
    for c in comps.values():
        c["quantities"] = sorted(c["quantities"].values(), key=lambda q: (q["span"]["doc"], q["span"]["start"]))
        out.append(c)
    return out


def _what(key: tuple[Any, ...], q: dict[str, Any]) -> str:
    if key[0] == "distance":
        return q.get("about") or "distance " + " – ".join(p["text"] for p in q.get("places") or [])
    if key[0] == "measure" and len(key) == 3:
        return f"{key[1]} of {q.get('holder_text') or 'the same place'}"
    if key[0] == "owned":
        return f"number of {q.get('unit')} of {q.get('subject_text')}"
    if key[0] == "count":
        what = key[1]
        told = key[2] or q.get("predicate_group")
        if told and told != what:
            what += f" {told}"
        return f"number of {what}" + (f" ({q['holder_text']})" if q.get("holder_text") else "")
    if len(key) > 1 and key[1] == "activity":
        return f"duration of the {key[2]}"
    if len(key) > 1 and key[1] == "journey":
        return f"{key[0]} of the journey " + " – ".join(p["text"] for p in q.get("places") or [])
    thing = q.get("subject_text") or q.get("holder_text") or ""
    return f"{key[0]} of {thing}".strip()


def _record(ctx: ResolveContext, comp: dict[str, Any], kind: str, sources: Sources, cfg: dict[str, Any]) -> dict[str, Any]:
    key = comp["key"]
    iv = {q["id"]: interval(q, _factor(ctx, q)) for q in comp["quantities"]}
    qs: list[dict[str, Any]] = sorted(comp["quantities"], key=lambda q: iv[q["id"]][0])
    units = {q.get("unit") for q in qs}
    dims = ctx.pack.quantities.dimensions
    # shown in the unit the sources share, else in the dimension's base unit
    if len(units) == 1:
        shown, per = (qs[0].get("unit") or ""), (lambda q: 1 / _factor(ctx, q))
    else:
        shown = {"length": "km", "speed": "km/h", "duration": "h"}.get(dims.get(qs[0].get("unit") or "", ""), "")
        per = lambda q: 1.0  # noqa: E731
    sides = []
    for q in qs:
        lo, hi = iv[q["id"]]
        k = per(q)
        label = q.get("source_words") or sources.of(q["span"])[1]
        doc = ctx.docs_by_id.get(q["span"]["doc"])
        low, high = lo * k, hi * k
        if q.get("dimension") == "count" and high != float("inf"):
            low, high = float(math.ceil(low - 1e-9)), float(math.floor(high + 1e-9))  # a count is a whole number
        sides.append({"statement": q["span"], "quantity": q["id"], "low": round(low, 6),
                      "high": None if high == float("inf") else round(high, 6), "unit": shown, "source": label,
                      "outlet": outlet_of(doc) if doc is not None else q["span"]["doc"],
                      **({"status": q["status"]} if q.get("status") else {}), **({"negated": True} if q.get("negated") else {})})
    what = _what(key, qs[0])
    said = "; ".join(f"{stated(q)} ({s['source']}: {_allowed(s)})" for q, s in zip(qs, sides))
    ckind = _DIMENSION_KIND.get(qs[0].get("dimension") or "", "number")
    spans = [q["span"] for q in qs]
    if kind == "contradiction":
        gaps = [log_gap(iv[a["id"]], iv[b["id"]]) for a, b in combinations(qs, 2)
                if iv[a["id"]][1] < iv[b["id"]][0] or iv[b["id"]][1] < iv[a["id"]][0]]
        certainty = cfg["certainty"] * min(1.0, 0.7 + (max(gaps) if gaps else 0.0))
        explanation = (f"Sources give the {what} differently, and no value satisfies them all once each figure's bound and "
                       f"rounding are allowed: {said}.")
        if any(q.get("status") == "denied" or q.get("negated") for q in qs):
            explanation = f"One source rules out the {what} that another gives: {said}."
        return contradiction(ckind, what, spans, explanation, certainty=certainty, sides=sides,
                             computed={"method": "values each figure allows, from its bound word and its rounding", "unit": shown})
    reason = max(sorted(set(comp["reasons"])), key=comp["reasons"].count)
    why = {
        "plan_and_outcome": "one tells a plan or a forecast, the other what happened",
        "different_times": "the figures are given on different days, and such a count grows or is revised",
        "part_and_whole": "one counts only a part",
        "same_source": "they are one source's own figures, told at different points",
    }[reason]
    return discrepancy(ckind, what, spans, f"The {what} differs: {said}; both may hold, as {why}.", reason,
                       certainty=cfg["certainty_discrepancy"], sides=sides)


def _allowed(side: dict[str, Any]) -> str:
    hi = side["high"]
    rng = f"{fmt(side['low'])} or more" if hi is None else fmt(hi) if hi == side["low"] else f"{fmt(side['low'])}–{fmt(hi)}"
    if side.get("negated"):
        rng = "not " + rng
    if side.get("status") == "denied":
        rng = "denied: " + rng
    return f"{rng} {side['unit']}".strip()
