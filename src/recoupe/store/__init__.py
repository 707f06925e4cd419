"""Store: one interface over the dossier's storage (SQLite now; PostgreSQL later behind the same methods)."""

from __future__ import annotations

from pathlib import Path

from recoupe.store.sqlite import SQLiteStore

Store = SQLiteStore


def open_store(path: str | Path) -> SQLiteStore:
    """Open (creating and migrating as needed) the store at `path`."""
    return SQLiteStore(path)


__all__ = ["SQLiteStore", "Store", "open_store"]
