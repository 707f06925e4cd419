"""Tests read a resolved dossier in its contract form (the JSON the export writes)."""

from __future__ import annotations

from types import SimpleNamespace

from recoupe.model import Dossier


def contract(d: Dossier) -> SimpleNamespace:
    """The dossier's tables as lists of contract dicts, by attribute (`.entities`, `.claims`, ...)."""
    return SimpleNamespace(**d.to_contract())
