"""Entity resolution scored with B-cubed precision, recall and F1 over gold mentions, plus alias recall."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from recoupe.errors import RecoupeError
from recoupe.evaluate import scorer
from recoupe.model.text import fold


def gold_mentions(text: str, forms: list[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, gold entity) for every annotated occurrence, longest forms first, no overlaps."""
    cands: list[tuple[int, int, str, str]] = []
    for f in forms:
        occ = [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w-]){re.escape(f['text'])}(?![\w-])", text)]
        keep = f.get("occurrences")
        for i, (s, e) in enumerate(occ):
            if keep is None or i in keep:
                cands.append((s, e, f["text"], f["entity"]))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, t, ent in cands:
        if any(a < e and s < b for a, b in taken):
            continue
        taken.append((s, e))
        out.append((s, e, t, ent))
    return sorted(out)


@scorer("entities")
def score_entities(dossier: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    docs = {Path(d["source"]).name: d for d in dossier["documents"]}
    system: dict[tuple[str, int, int], str] = {}
    aliases: dict[str, set[str]] = {}
    for e in dossier["entities"]:
        aliases[e["id"]] = {fold(a) for a in e["aliases"]}
        for m in e["mentions"]:
            system[(m["doc"], m["start"], m["end"])] = e["id"]
    items = []  # (mention key, gold entity, system entity or a singleton id)
    missing = []
    for name, forms in gold["documents"].items():
        doc = docs.get(name)
        if doc is None:
            raise RecoupeError(f"gold document {name} is not in the dossier")
        for s, e, t, ent in gold_mentions(doc["text"], forms):
            sys_ent = system.get((doc["id"], s, e))
            if sys_ent is None:
                missing.append((name, t, ent))
                sys_ent = f"_missing:{doc['id']}:{s}"
            items.append(((doc["id"], s, e), f"{ent}", sys_ent))
    gold_c: dict[str, set] = defaultdict(set)
    sys_c: dict[str, set] = defaultdict(set)
    for key, g, s in items:
        gold_c[g].add(key)
        sys_c[s].add(key)
    p = r = 0.0
    for key, g, s in items:
        inter = len(gold_c[g] & sys_c[s])
        p += inter / len(sys_c[s])
        r += inter / len(gold_c[g])
    n = len(items) or 1
    precision, recall = p / n, r / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # alias recall: the gold entity's surface forms found among the aliases of the system entity
    # that holds most of its mentions
    found = total = 0
    for g, keys in gold_c.items():
        best = Counter(s for k, gg, s in items if gg == g and not s.startswith("_missing")).most_common(1)
        forms = {fold(t) for name, fs in gold["documents"].items() for f in fs if f["entity"] == g for t in [f["text"]]}
        total += len(forms)
        if best:
            found += len(forms & aliases.get(best[0][0], set()))
    merged_people = [s for s, keys in sys_c.items() if not s.startswith("_missing") and len({g for k, g, ss in items if ss == s}) > 1]
    return {
        "kind": "entities", "mentions": len(items), "gold_entities": len(gold_c),
        "b3_precision": round(precision, 4), "b3_recall": round(recall, 4), "b3_f1": round(f1, 4),
        "alias_recall": round(found / total, 4) if total else None,
        "missing_mentions": len(missing), "missing": missing[:50],
        "system_entities_mixing_gold_entities": len(merged_people),
    }
