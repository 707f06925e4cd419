"""The `contradictions` step: run the registered checks over the resolved dossier (keep it last in DEFAULT_STEPS)."""

from __future__ import annotations

import hashlib
import json

from recoupe.resolve.checks import checks, run_all, settings
from recoupe.resolve.registry import ResolveContext, step


def _version() -> str:
    """Changes when a built-in check or the tolerances change, so a rebuild re-runs the checks."""
    key = json.dumps([sorted((c.name, c.version) for c in checks().values()), settings()], sort_keys=True)
    return "1." + hashlib.sha1(key.encode()).hexdigest()[:8]


@step("contradictions", version=_version(), requires=("entities", "geo", "events", "claims", "quantities"),
      assigns=("contradictions", "discrepancies"))
def resolve_contradictions(ctx: ResolveContext) -> None:
    """Fill `ctx.dossier.contradictions` and, apart, `ctx.dossier.discrepancies` (differing statements that may all
    be true), most certain first; checks to run may be set in ctx.state["checks"]."""
    ctx.dossier.contradictions, ctx.dossier.discrepancies = run_all(ctx, ctx.state.get("checks"))
