"""Store: one interface (`Store`, in protocol.py) over the dossier's storage; SQLite implements it today.

Everything outside this package types on `Store` and opens a store with `open_store()`, never an engine."""

from __future__ import annotations

from pathlib import Path

from recoupe.store.protocol import DOSSIER_TABLES, Store


def open_store(path: str | Path, *, wait: float | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `path` (a file path: SQLite). A write waits up to
    `wait` seconds (default 30) for another writer before raising StoreBusyError."""
    from recoupe.store.sqlite import WAIT_SECONDS, SQLiteStore

    return SQLiteStore(path, wait=WAIT_SECONDS if wait is None else wait)


__all__ = ["DOSSIER_TABLES", "Store", "open_store"]
