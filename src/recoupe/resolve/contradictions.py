"""The `contradictions` step: run the registered checks over the resolved dossier (keep it last in DEFAULT_STEPS)."""

from __future__ import annotations

from recoupe.resolve.checks import run_checks
from recoupe.resolve.registry import ResolveContext, step


@step("contradictions", version="1")
def resolve_contradictions(ctx: ResolveContext) -> None:
    """Fill `ctx.dossier.contradictions`, most certain first; checks to run may be set in ctx.state["checks"]."""
    ctx.dossier.contradictions = run_checks(ctx, ctx.state.get("checks"))
