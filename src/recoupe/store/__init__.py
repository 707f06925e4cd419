"""Store: one interface (`Store`, in protocol.py) over the dossier's storage; SQLite and PostgreSQL implement it.

Everything outside this package types on `Store` and opens a store with `open_store()`, never an engine: the
address picks one (a `postgresql://` URL: PostgreSQL; anything else is a file path: SQLite)."""

from __future__ import annotations

from pathlib import Path

from recoupe.store.protocol import DOSSIER_TABLES, Store

SCHEMES = ("postgresql://", "postgres://")


def is_database_url(address: str | Path) -> bool:
    """Whether `address` names a PostgreSQL database rather than a SQLite file."""
    return str(address).startswith(SCHEMES)


def open_store(path: str | Path, *, wait: float | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `path`: a `postgresql://` URL (PostgreSQL) or a file
    path (SQLite). A write waits up to `wait` seconds (default 30) for another writer before raising
    StoreBusyError."""
    if is_database_url(path):
        from recoupe.store.postgres import WAIT_SECONDS as PG_WAIT, PostgresStore

        return PostgresStore(str(path), wait=PG_WAIT if wait is None else wait)
    from recoupe.store.sqlite import WAIT_SECONDS, SQLiteStore

    return SQLiteStore(path, wait=WAIT_SECONDS if wait is None else wait)


def shown_address(address: str | Path) -> str:
    """The address as messages show it: a database URL without its password."""
    if is_database_url(address):
        from recoupe.store.postgres import shown_url

        return shown_url(str(address))
    return str(address)


def store_exists(path: str | Path) -> bool:
    """Whether a store is there to read (a file; a database holding recoupe's tables), without creating one."""
    if is_database_url(path):
        from recoupe.store.postgres import store_exists as pg_exists

        return pg_exists(str(path))
    return Path(path).is_file()


__all__ = ["DOSSIER_TABLES", "Store", "is_database_url", "open_store", "shown_address", "store_exists"]
