"""The SQLite store: one file, migrations recorded, every write in a transaction."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from recoupe.errors import StoreBusyError, StoreError
from recoupe.store.migrations import MIGRATIONS
from recoupe.store.sql import SEARCH_SECONDS, SQLStore, fold_terms

# How long a writer waits for another one (a build and a server share a store): SQLite's busy timeout on every
# statement, and retries of a transaction's start with backoff until the same deadline.
WAIT_SECONDS = 30.0
# A search stops after SEARCH_SECONDS and returns the rows found so far; checked between rows by SQLite's progress
# handler (read from this module at each search, so a test may lower it).


def _busy(e: sqlite3.OperationalError) -> bool:
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(e) or "busy" in str(e)


class SQLiteStore(SQLStore):
    """The store interface over one SQLite file (the shared SQL in sql.py; here the lock, migrations, search)."""

    def __init__(self, path: str | Path, wait: float = WAIT_SECONDS) -> None:
        self.path = str(path)
        self.wait = wait
        if self.path != ":memory:":
            p = Path(self.path)
            if p.exists() and p.is_dir():
                raise StoreError(f"{self.path}: is a folder, not a store file")
            p.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=wait)
            self._retrying(lambda: self.conn.execute("PRAGMA journal_mode=WAL"))
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except StoreBusyError:
            raise
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a recoupe store ({e})") from None

    # -- plumbing --------------------------------------------------------------------------------

    def _retrying(self, op: Any) -> Any:
        """Run `op`, trying again while another writer holds the store (SQLite's busy timeout waits inside each
        try; some busy answers come back at once), until `wait` seconds have passed: then StoreBusyError."""
        deadline = time.monotonic() + self.wait
        pause = 0.01
        while True:
            try:
                return op()
            except sqlite3.OperationalError as e:
                if not _busy(e):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusyError(f"{self.path}: busy: another process kept the store locked for over "
                                         f"{self.wait:g} s; try again when it is done") from None
            time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
            pause = min(pause * 2, 0.5) * (0.5 + random.random())

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The one write path: everything inside commits together or not at all. Waits for another writer (a
        build, a server) rather than failing: StoreBusyError only after `wait` seconds."""
        self._retrying(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")

        def run(c: sqlite3.Connection, sql: str) -> None:
            for stmt in _statements(sql):
                c.execute(stmt)

        self._apply_migrations(MIGRATIONS, run)
        self._index_article_text()

    # -- search ----------------------------------------------------------------------------------

    def search_documents(self, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")) -> list[tuple[str, str]]:
        """(doc id, snippet) for a free-text query; the query is quoted as FTS5 terms, never spliced into SQL."""
        fts_query = _fts_query(query)
        if not fts_query:
            return []
        return self._budgeted(
            "SELECT d.id, snippet(documents_fts, 1, ?, ?, '…', 12) FROM documents_fts "
            "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (marks[0], marks[1], fts_query, limit))

    def search_facts(self, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")) -> list[tuple[str, str, str]]:
        """(kind, id, snippet) of the facts (entities, quotes, claims, events, contradictions) matching a query."""
        fts_query = _fts_query(query)
        if not fts_query:
            return []
        return self._budgeted(
            "SELECT kind, ref, snippet(facts_fts, 2, ?, ?, '…', 16) FROM facts_fts WHERE facts_fts MATCH ? ORDER BY rank LIMIT ?",
            (marks[0], marks[1], fts_query, limit))

    def _budgeted(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        """The rows of a read query found within SEARCH_SECONDS (the best ranked first), then it is interrupted."""
        deadline = time.monotonic() + SEARCH_SECONDS
        rows: list[Any] = []
        self.conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 100)
        try:
            for row in self.conn.execute(sql, args):
                rows.append(row)
        except sqlite3.OperationalError as e:
            if "interrupt" not in str(e):
                raise
        finally:
            self.conn.set_progress_handler(None, 0)
        return rows

def _fts_query(query: str) -> str:
    """A user's words as quoted FTS5 terms (operators and quotes lose their meaning); longer words match as prefixes."""
    terms = fold_terms(query)
    return " ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in terms)


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    out, buf = [], []
    for line in sql.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and (("BEGIN" not in joined.upper()) or joined.upper().endswith("END;")):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out
