"""The PostgreSQL store: one database named by a `postgresql://` URL, the same interface and behaviour as the
SQLite store (the shared SQL in sql.py), through psycopg 3.

Writers take one transaction-scoped advisory lock, as SQLite's BEGIN IMMEDIATE takes its write lock: writes are
serialised across builders and servers, reads never wait, and a writer that waited over `wait` seconds gets
StoreBusyError. Full-text search uses the `tsvector` columns and GIN indexes of migrations_postgres.py."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors, sql

from recoupe.errors import StoreBusyError, StoreError
from recoupe.store.migrations_postgres import POSTGRES_MIGRATIONS
from recoupe.store.sql import SEARCH_SECONDS, SQLStore, fold_terms

WAIT_SECONDS = 30.0
# The advisory lock every writer of a recoupe database takes (an arbitrary 64-bit key: "recoupe" in ASCII).
WRITE_LOCK = 0x7265636F757065


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _reason(e: Exception) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


class PostgresStore(SQLStore):
    """The store interface over one PostgreSQL database (created on first use when the server allows it)."""


    def __init__(self, url: str, wait: float = WAIT_SECONDS) -> None:
        self.path = str(url)
        self.wait = wait
        self._depth = 0
        self.conn = self._connect()
        try:
            self.conn.execute(sql.SQL("SET lock_timeout = {}").format(sql.Literal(f"{max(1, int(wait * 1000))}ms")))
            self._migrate()
        except StoreBusyError:
            self.conn.close()
            raise
        except psycopg.Error as e:
            self.conn.close()
            raise StoreError(f"{shown_url(self.path)}: not a recoupe store ({_reason(e)})") from None

    # -- plumbing --------------------------------------------------------------------------------

    def _connect(self) -> psycopg.Connection[Any]:
        """Connect, creating the database when the server has none of that name (several processes may try at
        once: CREATE DATABASE fails for all but one, and the others connect once it is there)."""
        deadline = time.monotonic() + self.wait
        while True:
            try:
                return psycopg.connect(self.path, autocommit=True, connect_timeout=max(2, int(self.wait)))
            except psycopg.OperationalError as e:
                if "does not exist" not in str(e) or time.monotonic() >= deadline:
                    raise StoreError(f"{shown_url(self.path)}: cannot connect ({_reason(e)})") from None
                made = _create_database(self.path)
                if made is None:
                    raise StoreError(f"{shown_url(self.path)}: cannot connect ({_reason(e)}; and this user may not create it)") from None
                if not made:
                    time.sleep(0.05)
            except psycopg.ProgrammingError as e:  # a malformed URL
                raise StoreError(f"{shown_url(self.path)}: not a usable PostgreSQL address ({_reason(e)})") from None

    def _sql(self, query: str) -> str:
        # psycopg's placeholders are %s; the shared statements hold no literal % or ?
        return query.replace("?", "%s")

    def _blob(self, value: Any) -> bytes:
        return bytes(value)

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """The one write path: everything inside commits together or not at all. Waits for another writer (a
        build, a server) rather than failing: StoreBusyError only after `wait` seconds."""
        with self.conn.transaction():
            if self._depth == 0:
                try:
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                except errors.LockNotAvailable:
                    raise StoreBusyError(f"{shown_url(self.path)}: busy: another process kept the store locked for over "
                                         f"{self.wait:g} s; try again when it is done") from None
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1

    def _migrate(self) -> None:
        if self.conn.execute("SELECT to_regclass('migrations') IS NULL").fetchone()[0]:
            with self.transaction() as c:  # under the write lock: two processes creating one store at once
                c.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        # no parameters: a step's statements run in one go
        self._apply_migrations(POSTGRES_MIGRATIONS, lambda c, body: c.execute(body.encode()))
        self._index_article_text()

    # -- the resolved dossier --------------------------------------------------------------------

    def _insert_rows(self, c: Any, table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        """Send a dossier table's new rows with COPY (`table` and `cols` from DOSSIER_TABLES, never from input)."""
        if not rows:
            return
        with c.cursor().copy(f"COPY {table} (id, {', '.join(cols)}) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)

    # -- search ----------------------------------------------------------------------------------

    def search_documents(self, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")) -> list[tuple[str, str]]:
        """(doc id, snippet) for a free-text query; the words are quoted as tsquery terms, never spliced into SQL."""
        return self._search("SELECT d.id, ts_headline('recoupe_search', coalesce(d.search_text, d.text), q.q, %s) FROM documents d, q "
                            "WHERE d.search @@ q.q ORDER BY ts_rank(d.search, q.q) DESC, d.id LIMIT %s", query, limit, marks, 12)

    def search_facts(self, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")) -> list[tuple[str, str, str]]:
        """(kind, id, snippet) of the facts (entities, quotes, claims, events, contradictions) matching a query."""
        return self._search("SELECT f.kind, f.ref, ts_headline('recoupe_search', f.body, q.q, %s) FROM facts f, q "
                            "WHERE f.search @@ q.q ORDER BY ts_rank(f.search, q.q) DESC, f.kind, f.ref LIMIT %s",
                            query, limit, marks, 16)

    def _search(self, select: str, query: str, limit: int, marks: tuple[str, str], words: int) -> list[Any]:
        """Rows of `select` (which reads the query as `q.q`, then takes the headline options and the limit), within
        SEARCH_SECONDS: a query the server cancels for its time gives no rows, as SQLite's interrupted one does."""
        tsq = _ts_query(query)
        if not tsq:
            return []
        try:
            with self.conn.transaction():  # SET LOCAL: the budget ends with this read
                self.conn.execute(sql.SQL("SET LOCAL statement_timeout = {}").format(
                    sql.Literal(f"{max(1, int(SEARCH_SECONDS * 1000))}ms")))
                rows = self.conn.execute("WITH q AS (SELECT to_tsquery('recoupe_search', %s) AS q) " + select,
                                         (tsq, _headline_options(marks, words), limit)).fetchall()
        except errors.QueryCanceled:
            return []  # over its budget: the server cancelled it (a sorted query has no rows to give before its end)
        return [tuple(r) for r in rows]


def _ts_query(query: str) -> str:
    """A user's words as quoted tsquery terms joined by AND (operators lose their meaning); longer words match as
    prefixes, as SQLite's FTS5 query does. Words the parser reduces to nothing are left out."""
    out = []
    for t in fold_terms(query):
        words = [w for w in re.split(r"[^\w]+", t) if w]  # the same word characters both tokenizers keep
        for w in words:
            lexeme = "'" + w.replace("\\", "\\\\").replace("'", "''") + "'"
            out.append(lexeme + ":*" if len(w) >= 3 else lexeme)
    return " & ".join(out)


def _headline_options(marks: tuple[str, str], words: int) -> str:
    def q(v: str) -> str:
        return '"' + v.replace('"', '""') + '"'
    return (f"StartSel={q(marks[0])}, StopSel={q(marks[1])}, MaxWords={words}, MinWords={max(1, words // 2)}, "
            f"ShortWord=0, HighlightAll=false, MaxFragments=1, FragmentDelimiter={q('…')}")


def _create_database(url: str) -> bool | None:
    """Create the database a URL names, through the server's maintenance database: True when it is there now,
    False when trying again may work (another process is creating one), None when it cannot (no right to)."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name == "postgres":
        return None
    admin = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except errors.DuplicateDatabase:
        return True  # another process created it first
    except (errors.InsufficientPrivilege, psycopg.OperationalError):
        return None
    except psycopg.Error:
        return False
    return True


def store_exists(url: str) -> bool:
    """Whether the URL names a reachable database holding a recoupe store (its migrations table)."""
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
            return conn.execute("SELECT to_regclass('migrations') IS NOT NULL").fetchone()[0]
    except psycopg.Error:
        return False
