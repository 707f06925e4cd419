"""Analyst corrections applied to a resolved dossier when it is presented, so they survive every rebuild."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from recoupe.errors import RecoupeError
from recoupe.model import make_id
from recoupe.model.text import fold

# Why at presentation time: each build rewrites the resolved tables (store.write_dossier), and ids are
# deterministic hashes of natural keys, so a correction recorded against an id still finds its record
# after a rebuild; an id a rebuild retired (a merge, an earlier article founding the record anew) is followed
# through the store's redirects (model.identity). A correction whose target no longer exists is kept and reported
# as "stale".

ACTIONS = ("merge_entities", "split_alias", "mark_claim", "mark_contradiction", "pin_place")
MARKS = ("confirmed", "rejected")



@dataclass
class Corrected:
    """The dossier with corrections applied, plus where merged ids went and which corrections did nothing."""

    dossier: dict[str, list[dict[str, Any]]]
    redirects: dict[str, str] = field(default_factory=dict)  # absorbed entity id -> surviving entity id
    stale: list[int] = field(default_factory=list)  # correction ids whose target is gone


def check(action: str, target: str, other: str | None, value: str | None) -> None:
    """Raise RecoupeError when a correction is malformed (before it is recorded)."""
    if action not in ACTIONS:
        raise RecoupeError(f"unknown correction {action!r}; expected one of {', '.join(ACTIONS)}")
    if not target:
        raise RecoupeError("a correction needs a target id")
    if action == "merge_entities" and (not other or other == target):
        raise RecoupeError("merge_entities needs `other`: the id of a second entity to merge into the target")
    if action == "split_alias" and not (value or "").strip():
        raise RecoupeError("split_alias needs `value`: the alias to split off")
    if action in ("mark_claim", "mark_contradiction") and value not in MARKS:
        raise RecoupeError(f"{action} needs `value`: one of {', '.join(MARKS)}")
    if action == "pin_place" and latlon(value) is None:
        raise RecoupeError("pin_place needs `value`: the place's latitude and longitude in degrees, \"LAT,LON\"")


def latlon(value: str | None) -> tuple[float, float] | None:
    """A pinned place's "LAT,LON" (degrees), or None when it is not one."""
    try:
        lat, lon = (float(x) for x in (value or "").split(","))
    except ValueError:
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def apply(dossier: dict[str, list[dict[str, Any]]], corrections: list[dict[str, Any]],
          retired: Mapping[str, str] | None = None) -> Corrected:
    """A copy of `dossier` (contract-shaped lists) with `corrections` (in recorded order) applied. `retired` are
    the ids earlier builds retired (the store's redirects): a correction made against one applies to the record
    that holds its members now."""
    out = {k: list(v) for k, v in dossier.items()}
    result = Corrected(out)
    built = retired or {}
    if not corrections:
        return result
    ents: dict[str, dict[str, Any]] = {e["id"]: e for e in out.get("entities", [])}
    copied: set[str] = set()

    def own(eid: str) -> dict[str, Any]:
        # copy-on-write: the cached dossier the corrections start from is never modified
        if eid not in copied:
            ents[eid] = copy.deepcopy(ents[eid])
            copied.add(eid)
        return ents[eid]

    def resolve_id(eid: str) -> str:
        seen = set()
        while eid not in seen and (eid in result.redirects or (eid in built and eid not in ents)):
            seen.add(eid)
            eid = result.redirects.get(eid) or built[eid]
        return eid

    marks: dict[tuple[str, str], dict[str, Any]] = {}
    for c in corrections:
        action = c["action"]
        if action == "merge_entities":
            keep, gone = resolve_id(c["target"]), resolve_id(c["other"] or "")
            if keep not in ents or gone not in ents or keep == gone:
                result.stale.append(c["id"])
                continue
            k, g = own(keep), ents.pop(gone)
            k["aliases"] = sorted(set(k.get("aliases", [])) | set(g.get("aliases", [])) | {g["name"]})
            k["mentions"] = sorted([*k.get("mentions", []), *g.get("mentions", [])],
                                   key=lambda s: (s["doc"], s["start"], s["end"]))
            if not k.get("geo") and g.get("geo"):
                k["geo"] = g["geo"]
            k.setdefault("corrections", []).append({"id": c["id"], "action": action, "other": gone, "note": c["note"], "at": c["at"]})
            result.redirects[gone] = keep
        elif action == "split_alias":
            eid = resolve_id(c["target"])
            alias = (c["value"] or "").strip()
            if eid not in ents:
                result.stale.append(c["id"])
                continue
            e = own(eid)
            key = fold(alias)
            # the exact surface form when the entity has it; otherwise every form that folds to it
            exact = alias in e.get("aliases", []) or any(m["text"] == alias for m in e.get("mentions", []))
            same: Callable[[str], bool] = (lambda t: t == alias) if exact else (lambda t: fold(t) == key)
            moved = [m for m in e.get("mentions", []) if same(m["text"])]
            if not moved and not any(same(a) for a in e.get("aliases", [])):
                result.stale.append(c["id"])
                continue
            e["mentions"] = [m for m in e.get("mentions", []) if not same(m["text"])]
            e["aliases"] = [a for a in e.get("aliases", []) if not same(a)]
            new_id = make_id("ent", "split", eid, key)
            forms = sorted({m["text"] for m in moved} | {alias})
            ents[new_id] = {"id": new_id, "name": max(forms, key=lambda f: (len(f), f)), "type": e["type"],
                            "aliases": forms, "mentions": moved, "geo": None,
                            "corrections": [{"id": c["id"], "action": action, "split_from": eid, "note": c["note"], "at": c["at"]}]}
            copied.add(new_id)
            e.setdefault("corrections", []).append({"id": c["id"], "action": action, "value": alias, "note": c["note"], "at": c["at"]})
        elif action == "pin_place":
            eid = resolve_id(c["target"])
            point = latlon(c["value"])
            if eid not in ents or point is None:
                result.stale.append(c["id"])
                continue
            e = own(eid)
            # the analyst's point replaces whatever geocoding said (a later pin replaces an earlier one)
            e["geo"] = {"lat": point[0], "lon": point[1], "source": f"correction:{c['id']}"}
            e["geo_status"] = "pinned"
            e.setdefault("corrections", []).append({"id": c["id"], "action": action, "value": c["value"], "note": c["note"], "at": c["at"]})
        elif action in ("mark_claim", "mark_contradiction"):
            table = "claims" if action == "mark_claim" else "contradictions"
            marks[(table, c["target"])] = {"status": c["value"], "note": c["note"], "at": c["at"], "correction": c["id"]}
    out["entities"] = list(ents.values())
    if result.redirects:
        def r(x: str | None) -> str | None:
            return resolve_id(x) if x else x

        out["events"] = [{**ev, "place": r(ev.get("place")),
                          "participants": list(dict.fromkeys(r(p) for p in ev.get("participants", [])))}
                         for ev in out.get("events", [])]
        out["quotes"] = [{**q, "speaker": r(q.get("speaker"))} for q in out.get("quotes", [])]
        out["claims"] = [{**cl, "attributed_to": r(cl.get("attributed_to")),
                          **({"entities": sorted({r(x) for x in cl["entities"]})} if cl.get("entities") else {})}
                         for cl in out.get("claims", [])]
        out["quantities"] = [{**q, **({"subject": r(q["subject"])} if q.get("subject") else {}),
                              **({"places": [{**p, "entity": r(p.get("entity"))} for p in q["places"]]} if q.get("places") else {})}
                             for q in out.get("quantities", [])]
    found: set[tuple[str, str]] = set()
    for table in ("claims", "contradictions"):
        rows = []
        for row in out.get(table, []):
            m = marks.get((table, row["id"]))
            if m:
                found.add((table, row["id"]))
                row = {**row, "review": m}
            rows.append(row)
        out[table] = rows
    result.stale += [m["correction"] for key, m in marks.items() if key not in found]
    return result
