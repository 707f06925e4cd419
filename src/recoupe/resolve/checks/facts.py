"""The `facts` check: the same claim asserted in one source and denied in another."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from recoupe.resolve.checks import check, contradiction, settings
from recoupe.resolve.registry import ResolveContext

AFFIRMING = ("asserted", "reported")


@check("facts")
def facts_check(ctx: ResolveContext) -> list[dict[str, Any]]:
    """Per claim cluster, a denial in one document against an assertion (or report) in another."""
    cfg = settings()["facts"]
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in ctx.dossier.claims:
        if c.get("cluster"):
            clusters[c["cluster"]].append(c)
    out: list[dict[str, Any]] = []
    for cluster, claims in sorted(clusters.items()):
        denied = [c for c in claims if c.get("modality") == "denied"]
        affirmed = [c for c in claims if c.get("modality") in AFFIRMING]
        for d in denied:
            others = [a for a in affirmed if a["span"]["doc"] != d["span"]["doc"]]
            if not others:
                continue
            best = next((a for a in others if a["modality"] == "asserted"), others[0])
            out.append(contradiction(
                "fact", best.get("text") or cluster, [best["span"], d["span"]],
                f"One source {'states' if best['modality'] == 'asserted' else 'reports'} “{best.get('text')}”; another says it is denied (“{d.get('text')}”).",
                certainty=cfg["certainty_asserted" if best["modality"] == "asserted" else "certainty_reported"],
                cluster=cluster))
            break  # one contradiction per cluster is enough for the reader
    return out
