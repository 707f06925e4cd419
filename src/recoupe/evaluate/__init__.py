"""Evaluation against hand-annotated gold files: each kind of gold has its own scorer, chosen by its `kind`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from recoupe.errors import RecoupeError

Scorer = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]
SCORERS: dict[str, Scorer] = {}


def scorer(kind: str) -> Callable[[Scorer], Scorer]:
    def deco(fn: Scorer) -> Scorer:
        SCORERS[kind] = fn
        return fn

    return deco


def evaluate(dossier: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Score a dossier (contract JSON) against a gold file; the gold's `kind` picks the scorer."""
    from recoupe.evaluate import entities, events, quotes  # noqa: F401  (they register their scorers)

    kind = gold.get("kind")
    if kind not in SCORERS:
        raise RecoupeError(f"gold file kind {kind!r} is not one of: {', '.join(sorted(SCORERS))}")
    return SCORERS[kind](dossier, gold)
