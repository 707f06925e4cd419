"""Resolve: across all analyses of a dossier, build its entities, events, claims and contradictions."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from recoupe import lang
from recoupe.version import __version__
from recoupe.model import Analysis, Document, Dossier, Entity
from recoupe.resolve.registry import DEFAULT_STEPS, ResolveContext, step, step_chain, steps

__all__ = ["DEFAULT_STEPS", "ResolveContext", "fingerprint", "resolve", "step", "step_chain", "steps"]


def resolve(documents: list[Document], analyses: list[Analysis], steps: list[str] | None = None,
            pack: lang.LanguagePack | None = None) -> Dossier:
    """The cross-article view of these documents and their analyses, read with `pack` (French by default)."""
    ctx = ResolveContext(documents=documents, analyses=analyses, pack=pack or lang.pack())
    for s in step_chain(steps):
        s.obj(ctx)
    ctx.dossier.entities = [_entity_record(e) for e in ctx.entities]
    d = ctx.dossier
    return Dossier.from_contract({"entities": d.entities, "events": d.events, "quotes": d.quotes, "claims": d.claims,
                                  "contradictions": d.contradictions, "quantities": d.quantities, "dates": d.dates,
                                  "discrepancies": d.discrepancies, "sources": d.sources,
                                  "source_groups": d.source_groups})


def fingerprint(analyses: list[Analysis], documents: list[Document]) -> str:
    """Hash of everything resolution reads and does, so an unchanged input skips rewriting the dossier."""
    h = hashlib.sha1(__version__.encode())
    h.update("|".join(f"{s.name}:{s.version}" for s in step_chain(None)).encode())
    for d in sorted(documents, key=lambda d: d.id):
        h.update(f"{d.id}|{d.duplicate_of}|{d.published}|{d.outlet}\n".encode())
    for a in sorted(analyses, key=lambda a: a.doc):
        h.update(f"{a.doc}|{a.version}\n".encode())
    return h.hexdigest()


def _entity_record(e: Entity) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases,
        "mentions": [m.to_dict() for m in e.mentions],
    }
    if e.type in ("place", "country") or e.geo:
        rec["geo"] = e.geo  # an organisation has one where it sits (a seat of power: "le Kremlin a dit")
    rec.update({k: v for k, v in e.attrs.items() if k not in rec})
    return json.loads(json.dumps(rec))
