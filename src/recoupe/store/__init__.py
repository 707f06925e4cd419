"""Store: one interface (`Store`, in protocol.py) over the dossier's storage; SQLite implements it today.

Everything outside this package types on `Store` and opens a store with `open_store()`, never an engine."""

from __future__ import annotations

from pathlib import Path

from recoupe.store.protocol import DOSSIER_TABLES, Store


def open_store(path: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at `path` (a file path: SQLite)."""
    from recoupe.store.sqlite import SQLiteStore

    return SQLiteStore(path)


__all__ = ["DOSSIER_TABLES", "Store", "open_store"]
