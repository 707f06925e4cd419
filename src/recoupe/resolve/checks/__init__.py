"""Consistency checks, registered by name: each reads the resolved dossier and returns contradictions."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from recoupe.model import make_id
from recoupe.registry import REGISTRY, Entry, register
from recoupe.resolve.registry import ResolveContext
from recoupe.data import data_file

CheckFn = Callable[[ResolveContext], list[dict[str, Any]]]
# A registered check: `obj` is its function, `requires` names the resolved facts it reads (recoupe.registry.Entry).
Check = Entry

DEFAULT_CHECKS: list[str] = ["distance", "motion", "dates", "values", "facts"]
# What the `contradictions` step has before it runs the checks (its own requirements).
AVAILABLE = ("entities", "geo", "events", "claims", "quantities")


def check(name: str, version: str = "1", *, requires: tuple[str, ...] = AVAILABLE) -> Callable[[CheckFn], CheckFn]:
    """Register `fn(ctx) -> [contradiction]` under `name` in the one registry (kind "check")."""
    return register("check", name, requires=requires, version=version)


def checks() -> dict[str, Check]:
    """Every registered check by name (built-ins and plugins)."""
    return REGISTRY.entries("check")


def run_checks(ctx: ResolveContext, names: list[str] | None = None) -> list[dict[str, Any]]:
    """Every contradiction the checks find, deduplicated by id, most certain first."""
    return run_all(ctx, names)[0]


def run_all(ctx: ResolveContext, names: list[str] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(contradictions, discrepancies) the checks find, each deduplicated by id, most certain first. A check returns
    both kinds; a discrepancy is a record with a `reason` (see `discrepancy`)."""
    known = checks()
    wanted = names if names is not None else list(DEFAULT_CHECKS) + sorted(set(known) - set(DEFAULT_CHECKS))
    found: dict[str, dict[str, Any]] = {}
    apart: dict[str, dict[str, Any]] = {}
    for entry in REGISTRY.chain("check", wanted, AVAILABLE):
        for rec in entry.obj(ctx):
            rec.setdefault("check", entry.name)
            rec.setdefault("contexts", [_sentence_of(ctx, st) for st in rec["statements"]])
            into = apart if rec.get("reason") else found
            prev = into.get(rec["id"])
            if prev is None or rec.get("certainty", 0) > prev.get("certainty", 0):
                into[rec["id"]] = rec
    order = lambda r: (-r.get("certainty", 0.0), r["kind"], r["id"])  # noqa: E731
    return sorted(found.values(), key=order), sorted(apart.values(), key=order)


def _sentence_of(ctx: ResolveContext, span: dict[str, Any]) -> dict[str, Any]:
    """The sentence around a statement, so a reader sees it in context (the statement itself when unknown)."""
    from recoupe.resolve.checks.places import sentence_bounds

    doc = ctx.docs_by_id.get(span["doc"])
    bounds = sentence_bounds(ctx, span["doc"], span["start"])
    if doc is None or bounds is None:
        return dict(span)
    s, e = min(bounds[0], span["start"]), max(bounds[1], span["end"])
    while e > s and doc.text[e - 1].isspace():
        e -= 1
    return {"doc": span["doc"], "start": s, "end": e, "text": doc.text[s:e]}


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The checks' tolerances (data/checks.json), loaded once."""
    return data_file("checks.json")


def contradiction(kind: str, about: str, statements: list[dict[str, Any]], explanation: str, *,
                  certainty: float, expected: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """A contradiction in the contract's shape; its id is a hash of its kind and statement spans."""
    keys = sorted((s["doc"], s["start"], s["end"]) for s in statements)
    rec: dict[str, Any] = {
        "id": make_id("con", kind, about if len(keys) == 1 else "", *keys),
        "kind": kind, "about": about,
        "statements": [{"doc": s["doc"], "start": s["start"], "end": s["end"], "text": s["text"]} for s in statements],
        "expected": expected, "explanation": explanation, "certainty": round(max(0.0, min(1.0, certainty)), 3),
    }
    rec.update(extra)
    return rec


def discrepancy(kind: str, about: str, statements: list[dict[str, Any]], explanation: str, reason: str, *,
                certainty: float, **extra: Any) -> dict[str, Any]:
    """A discrepancy: statements that differ but may all be true, for `reason` (model.vocab.DiscrepancyReason);
    shaped like a contradiction, kept apart from them."""
    rec = contradiction(kind, about, statements, explanation, certainty=certainty, **extra)
    rec["id"] = "dis" + rec["id"][3:]
    rec["reason"] = reason
    return rec


def rounding_step(x: float) -> float:
    """The step a figure is rounded to as written: 2 115 to 1, 450 to 50, 600 to 100, 86,4 to 0,1."""
    x = abs(x)
    if x == 0:
        return 0.0
    if not float(x).is_integer():
        decimals = len(f"{x:.6f}".rstrip("0").split(".")[1])
        return float(10 ** -decimals)
    n, k = int(x), 0
    while n % 10 == 0:
        n //= 10
        k += 1
    return float((5 if k and n % 10 == 5 else 1) * 10 ** k)


def half_width(x: float, cap: float) -> float:
    """How far a stated figure may be from the truth: half its rounding step, at most `cap` of it."""
    return min(rounding_step(x) / 2, cap * abs(x))


def interval(q: dict[str, Any], factor: float = 1.0) -> tuple[float, float]:
    """The values a quantity allows, (low, high), high may be inf. A figure stands for any value it rounds
    ("450" for 425 to 475, "600" for 550 to 650), within a share of it that its bound word allows (data/checks.json
    "tolerance": plainly stated 5 %, "environ" 20 %); an order of magnitude ("une vingtaine") allows its share
    outright; "plus de N" is N or more, "moins de N" N or less, a range its two ends."""
    tol = settings()["tolerance"]
    v = float(q["value"])
    vmax = float(q["value_max"]) if q.get("value_max") is not None else v
    bound = q.get("bound") or "exact"
    cap = tol["approx"] if bound == "approx" else tol["exact"]
    if q.get("vague"):
        def h(x: float) -> float:
            return tol["vague"] * abs(x)
    else:
        def h(x: float) -> float:
            return half_width(x, cap)
    if bound == "at_least":
        return (v - h(v)) * factor, math.inf
    if bound == "at_most":
        return 0.0, (v + h(v)) * factor
    if bound == "range":
        return (v - h(v)) * factor, (vmax + h(vmax)) * factor
    return (v - h(v)) * factor, (v + h(v)) * factor


def fmt(x: float) -> str:
    """A number the way a reader expects it: thin grouping, no needless decimals."""
    if math.isinf(x):
        return "∞"
    if abs(x) >= 100 or float(x).is_integer():
        return f"{round(x):,}".replace(",", " ")
    return f"{x:.1f}"


def stated(q: dict[str, Any]) -> str:
    """The quantity as written, in quotes, for explanations."""
    return f"“{q['span']['text']}”"
