"""The browser UI over a dossier store: `create_app(db)` builds the FastAPI app that `recoupe serve` runs."""

from __future__ import annotations

from recoupe.present.web.app import create_app

__all__ = ["create_app"]
