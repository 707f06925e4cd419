"""Evaluation against hand-annotated gold files: each kind of gold has its own scorer, chosen by its `kind`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from recoupe.errors import RecoupeError
from recoupe.registry import REGISTRY, register

Scorer = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def scorer(kind: str) -> Callable[[Scorer], Scorer]:
    """Register a scorer for gold files of this `kind` in the one registry (kind "scorer")."""
    return register("scorer", kind)


def evaluate(dossier: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Score a dossier (contract JSON) against a gold file; the gold's `kind` picks the scorer."""
    known = REGISTRY.entries("scorer")
    kind = gold.get("kind")
    if kind not in known:
        raise RecoupeError(f"gold file kind {kind!r} is not one of: {', '.join(sorted(known))}")
    return known[kind].obj(dossier, gold)
