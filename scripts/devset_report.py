#!/usr/bin/env python3
"""List what a dossier misses on the development corpus, per metric, to find the general causes of misses.

    python3 scripts/devset_report.py DOSSIER.json [--devset ../shared/devset] [--lang fr] [--only events,quotes]

Uses the corpus's own scorer (score.py) for the matching, so a line here is a miss there: gold events not
found (or found with another type, date or place), quotes not found or with another speaker, claims not found
or with another modality, entity mentions not covered. Read the misses to find causes in general French; never
write a rule for one sentence.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

KINDS = ("events", "quotes", "claims", "entities", "places")


def _scorer(devset: Path) -> Any:
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _ctx(text: str, sp: tuple[int, int], width: int = 90) -> str:
    a, b = max(0, sp[0] - width), min(len(text), sp[1] + width)
    return " ".join((text[a:sp[0]] + "[[" + text[sp[0]:sp[1]] + "]]" + text[sp[1]:b]).split())


def report(dossier_path: Path, devset: Path, lang: str | None, only: set[str]) -> list[str]:
    S = _scorer(devset)
    dos = S.Dossier(str(dossier_path))
    raw = dos.raw
    records = json.loads((devset / "records.json").read_text("utf-8"))
    if lang:
        records = [r for r in records if r.get("language") == lang]
    out: list[str] = []
    # the scorer's own name forms: the canonical name, the gold's place mentions and the entity gold's surface forms
    place_forms: dict[str, set[str]] = {}
    for r in records:
        for gp in r["gold"].get("places", []):
            place_forms.setdefault(gp["canonical"], set()).add(gp["mention"])
    speaker_forms: dict[str, set[str]] = {}
    for e in json.loads((devset / "entities.json").read_text("utf-8")):
        if "canonical" in e:
            speaker_forms.setdefault(e["canonical"], set()).update(f for fs in e["mentions"].values() for f in fs)

    def forms(canon: str) -> set[str]:
        return {canon, *place_forms.get(canon, ())}
    for r in records:
        d = dos.doc_for(r["id"]) or dos.doc_for_text(r["text"])
        if not d:
            out.append(f"{r['id']}: document missing from the dossier")
            continue
        g = r["gold"]
        if "events" in only:
            for ge in g.get("events", []):
                sp = d.find(ge.get("evidence") or "")
                if not sp:
                    continue
                hits = [pe for pe in raw.get("events", []) if any(
                    s["doc"] == d.id and S.overlap((s["start"], s["end"]), sp) > 0 for s in pe.get("sources") or [])]
                what = f"{ge['type']} {ge.get('date') or '-'} @{ge.get('place') or '-'} {ge.get('participants') or []}"
                if not hits:
                    out.append(f"{r['id']} EVENT MISSED {what}: {_ctx(d.text, sp)}")
                    continue
                fam = S.FAMILY.get(ge["type"], ge["type"])
                if not any(S.FAMILY.get(h.get("type"), h.get("type")) == fam for h in hits):
                    out.append(f"{r['id']} EVENT TYPE {what} got {[h['type'] for h in hits]}: {_ctx(d.text, sp)}")
                    continue
                pe = S.best_event(hits, ge["type"], ge.get("participants"), forms, dos.ent_names)
                if ge.get("date") and not S.date_ok(pe.get("date"), ge["date"]):
                    out.append(f"{r['id']} EVENT DATE {what} got {pe.get('date')}: {_ctx(d.text, sp)}")
                if ge.get("place") and not S.names_match(forms(ge["place"]), dos.ent_names(pe.get("place"))):
                    out.append(f"{r['id']} EVENT PLACE {what} got {dos.ent_names(pe.get('place'))}: {_ctx(d.text, sp)}")
        if "quotes" in only:
            for gq in g.get("quotes", []):
                sp = S.quote_occurrence(d, gq.get("text_start") or "", record_text=r["text"], offset=gq.get("offset"))
                if not sp:
                    continue
                cand = [q for q in raw.get("quotes", []) if q.get("span") and q["span"]["doc"] == d.id
                        and S.overlap((q["span"]["start"], q["span"]["end"]), sp) > 0]
                if not cand:
                    out.append(f"{r['id']} QUOTE MISSED ({gq['speaker']}): {_ctx(d.text, sp)}")
                    continue
                q = cand[0]
                preds = dos.ent_names(q.get("speaker")) + ([q.get("speaker_text")] if q.get("speaker_text") else [])
                if not S.names_match(forms(gq["speaker"]) | speaker_forms.get(gq["speaker"], set()), preds):
                    out.append(f"{r['id']} QUOTE SPEAKER gold {gq['speaker']} got {preds}: {_ctx(d.text, sp)}")
        if "claims" in only:
            for gc in g.get("hedged_claims", []):
                sp = d.find(gc.get("evidence") or "")
                if not sp:
                    continue
                best, bo = S.best_claim(raw.get("claims", []), d, sp)
                if not (best and bo >= 0.5 * (sp[1] - sp[0])):
                    out.append(f"{r['id']} CLAIM MISSED {gc['modality']}: {_ctx(d.text, sp, 40)}")
                elif not S.modality_ok(best.get("modality"), gc):
                    out.append(f"{r['id']} CLAIM MODALITY gold {gc['modality']}{gc.get('modality_alt') or ''} got "
                               f"{best.get('modality')} (source {best.get('source_text')!r}): {_ctx(d.text, sp, 40)}")
    if "entities" in only or "places" in only:
        covered: dict[str, list[tuple[int, int, str]]] = {}
        for e in raw.get("entities", []):
            for s in e.get("mentions") or []:
                covered.setdefault(s["doc"], []).append((s["start"], s["end"], e["name"]))
        gold = json.loads((devset / "entities.json").read_text("utf-8"))
        byid = {r["id"]: r for r in records}
        for ge in gold:
            if "canonical" not in ge:
                continue
            for rid, fs in ge["mentions"].items():
                r = byid.get(rid)
                d = (dos.doc_for(rid) or dos.doc_for_text(r["text"])) if r else None
                if not d:
                    continue
                for f in fs:
                    sp = d.find(f)
                    if not sp:
                        continue
                    hit = [n for a, b, n in covered.get(d.id, []) if S.overlap((a, b), sp) > 0]
                    if not hit and "entities" in only:
                        out.append(f"{rid} MENTION MISSED {ge['type']} {ge['canonical']!r} {f!r}: {_ctx(d.text, sp, 50)}")
    if "places" in only:
        out += _place_misses(S, dos, devset, records)
    return out


def _place_misses(S: Any, dos: Any, devset: Path, records: list[dict[str, Any]]) -> list[str]:
    """Gold place mentions the scorer counts as wrong: not covered, not geocoded, or more than 25 km away."""
    import math
    truth = json.loads((devset / "places.json").read_text("utf-8"))
    metonyms = {(rid, f) for e in json.loads((devset / "entities.json").read_text("utf-8")) if e.get("type") == "country"
                for rid, fs in e["mentions"].items() for f in fs}
    mentions: dict[str, list[tuple[int, int, dict[str, Any]]]] = {}
    for e in dos.raw.get("entities", []):
        for s in e.get("mentions") or []:
            mentions.setdefault(s["doc"], []).append((s["start"], s["end"], e))
    out: list[str] = []
    for r in records:
        d = dos.doc_for(r["id"]) or dos.doc_for_text(r["text"])
        for gp in r["gold"].get("places", []) if d else []:
            if gp["canonical"] not in truth or (r["id"], gp["mention"]) in metonyms:
                continue
            sp = d.find(gp["mention"])
            if not sp:
                continue
            hit = [e for a, b, e in mentions.get(d.id, []) if S.overlap((a, b), sp) > 0]
            where = f"{gp['canonical']!r} {gp['mention']!r}: {_ctx(d.text, sp, 50)}"
            if not hit:
                out.append(f"{r['id']} PLACE NOT FOUND {where}")
                continue
            e = hit[0]
            geo = e.get("geo") or {}
            if geo.get("lat") is None:
                out.append(f"{r['id']} PLACE NOT GEOCODED (entity {e.get('name')!r}, {e.get('type')}) {where}")
                continue
            la, lo = truth[gp["canonical"]]
            p1, p2 = math.radians(la), math.radians(geo["lat"])
            h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(geo["lon"] - lo) / 2) ** 2
            km = 2 * 6371.0 * math.asin(math.sqrt(h))
            if km > 25:
                out.append(f"{r['id']} PLACE {km:.0f} KM OFF (entity {e.get('name')!r}, {geo.get('source')}, "
                           f"{geo.get('precision')}) {where}")
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dossier", type=Path)
    p.add_argument("--devset", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "devset")
    p.add_argument("--lang", default="fr")
    p.add_argument("--only", default=",".join(KINDS), help=f"comma-separated: {','.join(KINDS)}")
    args = p.parse_args()
    lines = report(args.dossier, args.devset, args.lang or None, set(args.only.split(",")))
    print("\n".join(lines))
    print(f"{len(lines)} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
