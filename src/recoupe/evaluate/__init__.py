"""Evaluation: score a dossier (contract JSON) against hand-annotated gold data."""

from recoupe.evaluate.events import score_events

__all__ = ["score_events"]
