"""What tells the story at a glance, for the browser and the briefing alike: the period where events are densest,
each traveller's route in date order, and which events happened at the scale of a country (listed, never drawn
on a capital)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

DENSE_DAYS = 14  # the width of the window searched for the densest period, for events dated to the day
DENSE_DAYS_COARSE = 92  # the same when no two events are dated to the day
ROUTE_GAP_DAYS = 60  # two stops further apart than this are two journeys, not one
COUNTRY_PRECISION = "country"
# on one day, the order in which a journey's events happen
LEG_ORDER = {"departure": 0, "travel": 1, "arrival": 2, "visit": 3, "meeting": 4}


def day(value: str | None) -> date | None:
    """The first day an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) can denote."""
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def densest_period(events: list[dict[str, Any]]) -> tuple[str, str] | None:
    """(first day, last day) of the period where dated events are densest: the window of DENSE_DAYS holding the
    most events dated to the day (or of DENSE_DAYS_COARSE over every dated event when fewer than two are dated to
    the day), narrowed to the events inside it and widened by a day on each side."""
    exact = sorted(d for ev in events if len(ev.get("date") or "") == 10 and (d := day(ev["date"])))
    width = DENSE_DAYS
    if len(exact) < 2:
        exact = sorted(d for ev in events if (d := day(ev.get("date"))))
        width = DENSE_DAYS_COARSE
    if not exact:
        return None
    best, best_n, j = (exact[0], exact[0]), 0, 0
    for i, first in enumerate(exact):  # two pointers over the sorted days
        while j < len(exact) and exact[j] <= first + timedelta(days=width):
            j += 1
        if j - i > best_n:
            best, best_n = (first, exact[j - 1]), j - i
    return (best[0] - timedelta(days=1)).isoformat(), (best[1] + timedelta(days=1)).isoformat()


def country_level(place: dict[str, Any] | None) -> bool:
    """A place that is a whole country (an event there is not at its capital)."""
    return bool(place) and (place.get("type") == "country" or place.get("precision") == COUNTRY_PRECISION)  # type: ignore[union-attr]


def point(place: dict[str, Any] | None) -> tuple[float, float] | None:
    """A place's (lat, lon) when it has coordinates and is not a whole country."""
    geo = (place or {}).get("geo") or {}
    if geo.get("lat") is None or geo.get("lon") is None or country_level(place):
        return None
    return float(geo["lat"]), float(geo["lon"])


def routes(entities: dict[str, dict[str, Any]], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each person's journeys: the located places of the events they took part in, dated to the day, that
    happened (not planned, denied or historical), in date order; a stop longer than ROUTE_GAP_DAYS starts a new
    journey. Only journeys through two places or more are kept, longest first."""
    by_person: dict[str, list[tuple[date, int, dict[str, Any]]]] = defaultdict(list)
    for ev in events:
        d = day(ev.get("date")) if len(ev.get("date") or "") == 10 else None
        place = entities.get(ev.get("place") or "")
        if d is None or ev.get("status") not in ("happened", None) or ev.get("historical") or point(place) is None:
            continue
        for pid in ev.get("participants", []):
            if (entities.get(pid) or {}).get("type") == "person":
                by_person[pid].append((d, LEG_ORDER.get(ev.get("type") or "", 9), ev))
    out = []
    for pid, legs in by_person.items():
        legs.sort(key=lambda x: (x[0], x[1], x[2]["id"]))
        journeys: list[list[dict[str, Any]]] = []
        last: date | None = None
        for d, _, ev in legs:
            place = entities[ev["place"]]
            stop = {"place": place["id"], "name": place["name"], "lat": point(place)[0], "lon": point(place)[1],  # type: ignore[index]
                    "date": ev["date"], "event": ev["id"], "summary": ev.get("summary"), "type": ev.get("type")}
            if last is None or (d - last).days > ROUTE_GAP_DAYS:
                journeys.append([stop])
            elif journeys[-1][-1]["place"] == stop["place"]:
                journeys[-1][-1].setdefault("also", []).append(ev["id"])
            else:
                journeys[-1].append(stop)
            last = d
        for stops in journeys:
            if len(stops) >= 2:
                out.append({"person": pid, "name": entities[pid]["name"], "stops": stops})
    out.sort(key=lambda r: (-len(r["stops"]), r["stops"][0]["date"], r["name"]))
    return out
