"""The `times_of_day` check: sources that give different times of day for the same happening.

Times of day are the quantities of dimension `time_of_day` (analyze/clock.py): a clock time with its bound ("vers
18h20", "shortly after 1:30 a.m.") or a part of the day ("dimanche matin"), the time zone it is given in, the class
of the event it dates (the trigger type of its predicate) and an ordinal of its clause ("le premier vol"). Two of
them are compared when they come from two articles of one story (not copies), date events of the same class with
no conflicting ordinal, on the same day; each is turned into the minutes it allows (data/checks.json "clock": a
figure stands for what it rounds to, "vers" widens it, "peu après" is up to `shortly_minutes` after), moved to UTC
with its zone's offset on that day (zoneinfo), and when no minute satisfies both they are

- a **contradiction** when both are told alike (both as facts, or both as plans);
- a **discrepancy** (plan against outcome) when one is a plan or a forecast and the other is not.

Times told of people or organisations (their predicate's subject names them) are compared only when they share one;
a time told of someone is not compared with one told of a thing ("le Falcon", "le premier vol").
Times whose zone cannot be told ("à l'heure européenne") are not compared, and a time with a zone is compared with
one without only when the article of the latter names none at all (both then read as the place's local time).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from itertools import combinations
from typing import Any

from recoupe import lang
from recoupe.geo.timezones import utc_offset_minutes
from recoupe.model.vocab import DiscrepancyReason
from recoupe.resolve.checks import check, contradiction, discrepancy, settings, stated
from recoupe.resolve.checks.dates import weekday_number
from recoupe.resolve.checks.stories import Sources, copies, outlet_of, same_story, sentence_days
from recoupe.resolve.registry import ResolveContext

DIMENSION = "time_of_day"
_DAY = 1440


def _step(q: dict[str, Any], cfg: dict[str, Any]) -> float:
    """The step a clock time is rounded to as written: on the hour, on the half or ten minutes, five, one."""
    steps = cfg["step_minutes"]
    if q.get("hour_only"):
        return float(steps["hour"])
    m = int(q.get("minute_written") or 0)
    if m % 10 == 0:
        return float(steps["ten"])
    if m % 5 == 0:
        return float(steps["five"])
    return float(steps["minute"])


def allowed(q: dict[str, Any], cfg: dict[str, Any] | None = None) -> tuple[float, float]:
    """The minutes after local midnight a time of day allows, (low, high); either may be infinite."""
    cfg = cfg or settings()["clock"]
    v = float(q["value"])
    if q.get("part_of_day") or q.get("bound") == "range":
        return v, float(q["value_max"] if q.get("value_max") is not None else v)
    kind = q.get("clock_bound") or "exact"
    if kind == "shortly_after":
        return v, v + cfg["shortly_minutes"]
    if kind == "shortly_before":
        return v - cfg["shortly_minutes"], v
    if kind == "after":
        return v, math.inf
    if kind == "before":
        return -math.inf, v
    h = _step(q, cfg) * cfg["half_width"]["approx" if kind == "approx" else "exact"]
    return v - h, v + h


def _day(ctx: ResolveContext, q: dict[str, Any]) -> str | None:
    if q.get("day"):
        return str(q["day"])
    return sentence_days(ctx).get(_where(q))


def _where(q: dict[str, Any]) -> tuple[str, int]:
    sent = q.get("sentence")
    return str(q["span"]["doc"]), int(sent) if sent is not None else -1


def _weekdays(ctx: ResolveContext) -> dict[tuple[str, int], int]:
    """(document, sentence) -> the weekday (0 = Monday) a sentence names without a date it could be read to (an
    article whose own day is unknown: "on Wednesday")."""
    cached = ctx.state.get("_clock_weekdays")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: dict[tuple[str, int], int] = {}
    for a in ctx.analyses:
        doc = ctx.docs_by_id.get(a.doc)
        names = lang.pack((doc.language if doc is not None else None) or ctx.pack.code).time.weekdays
        starts = [s for s, _ in a.sentences]
        for t in a.times:
            wd = ((t.attrs or {}).get("groups") or {}).get("wd")
            if t.value is None and wd and starts:
                n = weekday_number(wd, names)
                if n is not None:
                    out[(a.doc, bisect.bisect_right(starts, t.span.start) - 1)] = n
    ctx.state["_clock_weekdays"] = out
    return out


def same_day(ctx: ResolveContext, a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """The day both times are told of: the same date, or one date and, where the other article's day is unknown,
    its sentence's weekday that this date falls on. None when they are not known to be one day."""
    da, db = _day(ctx, a), _day(ctx, b)
    if da is not None and db is not None:
        return da if da == db else None
    other = b if da is not None else a
    day = da or db
    if day is None:
        return None
    wd = _weekdays(ctx).get(_where(other))
    try:
        return day if wd is not None and dt.date.fromisoformat(day).weekday() == wd else None
    except ValueError:
        return None


def _zoned(q: dict[str, Any]) -> str | None:
    """The IANA zone of a time, "" when none is named (local), None when named but unknown."""
    z = q.get("zone")
    if z is None or z == "local":
        return ""
    return None if z == "unknown" else str(z)


def utc_interval(q: dict[str, Any], day: str, zone: str, cfg: dict[str, Any]) -> tuple[float, float] | None:
    lo, hi = allowed(q, cfg)
    if not zone:
        return lo, hi
    off = utc_offset_minutes(zone, day)
    if off is None:
        return None
    return lo - off, hi - off


def _told(q: dict[str, Any]) -> str | None:
    st = q.get("status")
    return st if st in ("planned", "forecast") else None


def _clock(x: float) -> str:
    if math.isinf(x):
        return "…"
    x = round(x)
    d, m = divmod(int(x), _DAY)
    s = f"{m // 60:02d}:{m % 60:02d}"
    return s + (f" (day {d:+d})" if d else "")


@check("times_of_day", version="3")
def times_of_day_check(ctx: ResolveContext) -> list[dict[str, Any]]:
    cfg = settings()["clock"]
    times = [q for q in ctx.dossier.quantities if q.get("dimension") == DIMENSION and q.get("event_type")]
    copy_of = copies(ctx)
    sources = Sources(ctx)
    docs_zoned: dict[str, bool] = {}
    for q in times:
        docs_zoned[q["span"]["doc"]] = docs_zoned.get(q["span"]["doc"], False) or bool(q.get("zone") and q["zone"] != "local")
    classes: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for q in times:
        classes.setdefault((q["event_type"], q.get("event_subtype")), []).append(q)
    pairs = [p for qs in classes.values() if len(qs) <= cfg["max_group"] for p in combinations(qs, 2)]
    out: list[dict[str, Any]] = []
    for a, b in pairs:
        da, db = a["span"]["doc"], b["span"]["doc"]
        if da == db or copy_of.get(da, da) == copy_of.get(db, db):
            continue
        oa, ob = a.get("ordinal"), b.get("ordinal")
        if oa != ob and ((oa is not None and ob is not None) or (oa or ob or 0) > 1 or (oa or ob or 0) < 0):
            continue  # "le premier vol", "a second aircraft": two happenings
        if bool(a.get("actors")) != bool(b.get("actors")) or (a.get("actors") and not set(a["actors"]) & set(b["actors"])):
            continue  # two people's arrivals, or one person's against a thing's
        day = same_day(ctx, a, b)
        if day is None:
            continue
        za, zb = _zoned(a), _zoned(b)
        if za is None or zb is None:
            continue
        if bool(za) != bool(zb) and docs_zoned.get(db if za else da, False):
            continue  # one zoned, the other's article names some zone elsewhere: it may be given in another
        if bool(za) != bool(zb):
            za = zb = ""  # read both as local
        ia, ib = utc_interval(a, day, za, cfg), utc_interval(b, day, zb, cfg)
        if ia is None or ib is None or (ia[1] >= ib[0] and ib[1] >= ia[0]):
            continue
        if not same_story(ctx, da, db):
            continue
        out.append(_record(ctx, a, b, ia, ib, bool(za or zb), _told(a) != _told(b), sources, cfg, day))
    return out


def _record(ctx: ResolveContext, a: dict[str, Any], b: dict[str, Any], ia: tuple[float, float], ib: tuple[float, float],
            utc: bool, plan: bool, sources: Sources, cfg: dict[str, Any], day: str) -> dict[str, Any]:
    what = f"time of day of the {a['event_type']}" + (f" ({a['event_subtype']})" if a.get("event_subtype") else "")
    sides, said = [], []
    for q, iv in ((a, ia), (b, ib)):
        doc = ctx.docs_by_id.get(q["span"]["doc"])
        label = sources.of(q["span"])[1]
        zone = q.get("zone_text") or ("local time" if not utc else "")
        sides.append({"statement": q["span"], "quantity": q["id"], "low": None if math.isinf(iv[0]) else iv[0],
                      "high": None if math.isinf(iv[1]) else iv[1], "unit": "min UTC" if utc else "min",
                      "source": label, "outlet": outlet_of(doc) if doc is not None else q["span"]["doc"],
                      **({"zone": q["zone"]} if q.get("zone") else {}), **({"status": q["status"]} if q.get("status") else {})})
        said.append(f"{stated(q)}{' (' + zone + ')' if zone else ''} ({label}: {_clock(iv[0])}–{_clock(iv[1])}"
                    f"{' UTC' if utc else ''})")
    spans = [a["span"], b["span"]]
    listing = "; ".join(said)
    method = "minutes each time allows from its bound word and its rounding" + (", moved to UTC by its zone's offset that day" if utc else "")
    if plan:
        return discrepancy("date", what, spans, f"The {what} differs: {listing}; both may hold, as one tells a plan "
                           "or a forecast, the other what happened.", DiscrepancyReason.PLAN_AND_OUTCOME.value,
                           certainty=cfg["certainty_discrepancy"], sides=sides)
    return contradiction("date", what, spans, f"Sources give the {what} on the same day differently, and no minute "
                         f"satisfies both once each time's bound and rounding are allowed: {listing}.",
                         certainty=cfg["certainty"], sides=sides, computed={"method": method, "day": day})
