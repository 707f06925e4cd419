"""Score a dossier's events against a hand-annotated gold list: event recall, date, place and status accuracy."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from recoupe.evaluate import scorer
from recoupe.model.event_types import family
from recoupe.model.text import fold


@scorer("events")
def score_events(dossier: dict[str, Any], gold: dict[str, Any] | list[dict[str, Any]]) -> dict[str, Any]:
    """Match each gold event to the dossier event that best fits it and score what came out.

    A gold event: {"type" (or "types": [...]), "date" (ISO or null), "place": [accepted names] or null,
    "participants": [[accepted names of one participant], ...], "status" (or "statuses": [...]), "docs":
    [source file names that report it]}. A dossier event matches when its type is of the same family, at
    least one gold participant is among its participants (by name or alias) and, when the gold lists
    documents, one of its sources is in them. Date is right when the event's date is the gold date or
    more precise within it; place when the place entity's name or an alias is an accepted name.
    """
    items = gold["events"] if isinstance(gold, dict) else gold
    ents = {e["id"]: e for e in dossier.get("entities", [])}
    docs = {d["id"]: PurePath(str(d.get("source", ""))).name for d in dossier.get("documents", [])}
    per_event: list[dict[str, Any]] = []
    found = dated = date_ok = placed = place_ok = status_ok = duplicates = 0
    for g in items:
        cands = [e for e in dossier.get("events", []) if _matches(e, g, ents, docs)]
        best = max(cands, key=lambda e: (_date_right(e, g), _place_right(e, g, ents), _status_right(e, g), len(e["sources"])), default=None)
        row: dict[str, Any] = {"gold": g.get("id") or g.get("summary"), "matched": best["id"] if best else None,
                               "candidates": len(cands),
                               # e.g. a deal reported as possible that also comes out as having happened
                               "wrong_status_candidates": sum(1 for e in cands if not _status_right(e, g))}
        if g.get("date"):
            dated += 1
        if g.get("place"):
            placed += 1
        if best is not None:
            found += 1
            duplicates += max(0, len(cands) - 1)
            row.update(date=best["date"], date_right=_date_right(best, g), place=_entity_name(best["place"], ents),
                       place_right=_place_right(best, g, ents), status=best["status"], status_right=_status_right(best, g))
            date_ok += int(bool(g.get("date")) and row["date_right"])
            place_ok += int(bool(g.get("place")) and row["place_right"])
            status_ok += int(row["status_right"])
        per_event.append(row)
    n = len(items)
    return {
        "gold_events": n,
        "found": found,
        "event_recall": _ratio(found, n),
        "date_accuracy": _ratio(date_ok, dated),
        "place_accuracy": _ratio(place_ok, placed),
        "status_accuracy": _ratio(status_ok, found),
        "extra_matches": duplicates,  # dossier events beyond the first matching one gold event: unmerged duplicates
        "events": per_event,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None



def _names(eid: str | None, ents: dict[str, dict[str, Any]]) -> set[str]:
    if eid is None or eid not in ents:
        return set()
    e = ents[eid]
    return {fold(n, hyphens=True) for n in [e["name"], *e.get("aliases", [])]}


def _entity_name(eid: str | None, ents: dict[str, dict[str, Any]]) -> str | None:
    return ents[eid]["name"] if eid in ents else None


def _matches(e: dict[str, Any], g: dict[str, Any], ents: dict[str, dict[str, Any]], docs: dict[str, str]) -> bool:
    types = g.get("types") or [g["type"]]
    if family(e["type"]) not in {family(t) for t in types}:
        return False
    gparts = g.get("participants") or []
    if gparts:
        per = [_names(p, ents) for p in e["participants"]]
        matched = sum(1 for alts in gparts if any(fold(a, hyphens=True) in n for a in alts for n in per))
        # two-sided events must match on both sides when both sides are named
        if matched < min(2, len(gparts), len(per)) or matched == 0:
            return False
    gdocs = set(g.get("docs") or [])
    if gdocs and not any(docs.get(s["doc"]) in gdocs for s in e["sources"]):
        return False
    return True


def _date_right(e: dict[str, Any], g: dict[str, Any]) -> bool:
    gd, ed = g.get("date"), e.get("date")
    return bool(gd and ed and ed.startswith(gd))


def _place_right(e: dict[str, Any], g: dict[str, Any], ents: dict[str, dict[str, Any]]) -> bool:
    accepted = {fold(p, hyphens=True) for p in g.get("place") or []}
    names = _names(e.get("place"), ents)
    return bool(accepted and names and (accepted & names or any(a in n or n in a for a in accepted for n in names)))


def _status_right(e: dict[str, Any], g: dict[str, Any]) -> bool:
    return e["status"] in (g.get("statuses") or [g.get("status", "happened")])
