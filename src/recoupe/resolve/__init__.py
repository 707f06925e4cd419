"""Resolve: across all analyses of a dossier, build its entities, events, claims and contradictions."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from recoupe import __version__, lang
from recoupe.errors import RecoupeError
from recoupe.model import Analysis, Document, Dossier, Entity
from recoupe.resolve.registry import DEFAULT_STEPS, STEPS, ResolveContext, step

__all__ = ["DEFAULT_STEPS", "STEPS", "ResolveContext", "fingerprint", "resolve", "step"]


def _load_builtins() -> None:
    from recoupe.resolve import entities  # noqa: F401
    from recoupe.resolve import geocode  # noqa: F401
    from recoupe.resolve import merge_places  # noqa: F401
    from recoupe.resolve import claims  # noqa: F401
    from recoupe.resolve import events  # noqa: F401
    from recoupe.resolve import contradictions, quantities  # noqa: F401


def resolve(documents: list[Document], analyses: list[Analysis], steps: list[str] | None = None,
            pack: lang.LanguagePack | None = None) -> Dossier:
    """The cross-article view of these documents and their analyses, read with `pack` (French by default)."""
    ctx = ResolveContext(documents=documents, analyses=analyses, pack=pack or lang.pack())
    for s in _steps(steps):
        s.fn(ctx)
    ctx.dossier.entities = [_entity_record(e) for e in ctx.entities]
    return ctx.dossier


def _steps(names: list[str] | None):  # type: ignore[no-untyped-def]
    _load_builtins()
    out = []
    for n in names or DEFAULT_STEPS:
        if n not in STEPS:
            raise RecoupeError(f"unknown resolution step {n!r}; known: {', '.join(sorted(STEPS))}")
        out.append(STEPS[n])
    return out


def fingerprint(analyses: list[Analysis], documents: list[Document]) -> str:
    """Hash of everything resolution reads and does, so an unchanged input skips rewriting the dossier."""
    h = hashlib.sha1(__version__.encode())
    h.update("|".join(f"{s.name}:{s.version}" for s in _steps(None)).encode())
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
    if e.type in ("place", "country"):
        rec["geo"] = e.geo
    rec.update({k: v for k, v in e.attrs.items() if k not in rec})
    return json.loads(json.dumps(rec))
