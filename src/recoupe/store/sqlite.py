"""The SQLite store: one file, migrations recorded, every write in a transaction."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from recoupe.errors import StoreBusyError, StoreError
from recoupe.model import Analysis, ContractRecord, Document, Dossier
from recoupe.model.dossier import RECORD_TYPES
from recoupe.store.migrations import MIGRATIONS
from recoupe.store.protocol import DOSSIER_TABLES

_DOC_COLUMNS = ("id", "source", "title", "outlet", "language", "published", "published_precision",
                "published_from", "text", "content_hash", "duplicate_of", "url", "author")


# How long a writer waits for another one (a build and a server share a store): SQLite's busy timeout on every
# statement, and retries of a transaction's start with backoff until the same deadline.
WAIT_SECONDS = 30.0
# A search stops after this long and returns the rows found so far (FTS5's snippets of many words in long
# documents can take seconds each); checked between rows by SQLite's progress handler.
SEARCH_SECONDS = 1.0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _busy(e: sqlite3.OperationalError) -> bool:
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(e) or "busy" in str(e)


class SQLiteStore:
    """The store interface over one SQLite file. Other engines implement the same methods."""

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
        done = {r[0] for r in self.conn.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.transaction() as c:
                if c.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                    continue  # another process opening the same new store applied it first
                for stmt in _statements(sql):
                    c.execute(stmt)
                c.execute("INSERT INTO migrations(name, applied_at) VALUES (?, ?)", (name, _now()))

    def migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents -------------------------------------------------------------------------------

    def document_by_hash(self, content_hash: str) -> list[tuple[str, str]]:
        """(id, source) of the stored documents with this exact text."""
        return list(self.conn.execute("SELECT id, source FROM documents WHERE content_hash = ? ORDER BY seq, id", (content_hash,)))

    def source_documents(self, source: str) -> list[str]:
        """Ids of the stored documents read from `source`, in the order they were read."""
        return [r[0] for r in self.conn.execute("SELECT id FROM documents WHERE source = ? ORDER BY seq, id", (source,))]

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, signature: np.ndarray | None) -> bool:
        """Insert a document; False when its id is already there (nothing changes)."""
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
                return False
            c.execute(
                f"INSERT INTO documents({', '.join(_DOC_COLUMNS)}, signature, added_at) VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 2))})",
                (*(getattr(doc, k) for k in _DOC_COLUMNS), signature.astype("<u8").tobytes() if signature is not None else None, _now()),
            )
            c.execute("DELETE FROM skipped WHERE source = ?", (doc.source,))
        return True

    def remove_source(self, source: str) -> int:
        """Retract every document read from `source`; returns how many."""
        ids = self.source_documents(source)
        self.retract(ids)
        return len(ids)

    def retract(self, doc_ids: list[str]) -> list[str]:
        """Delete these documents (an old version of an edited article) with their analyses, in one transaction.
        No pointer is left dangling: the copies of a retracted document are regrouped under the first of them
        (in reading order), which becomes a first version itself. Returns those new first versions."""
        promoted: list[str] = []
        with self.transaction() as c:
            for doc_id in doc_ids:
                row = c.execute("SELECT duplicate_of FROM documents WHERE id = ?", (doc_id,)).fetchone()
                if row is None:
                    continue
                first = row[0]  # a copy's copies go to its own first version
                if first is None:
                    head = c.execute("SELECT id FROM documents WHERE duplicate_of = ? ORDER BY seq, id LIMIT 1", (doc_id,)).fetchone()
                    if head is not None:
                        first = head[0]
                        c.execute("UPDATE documents SET duplicate_of = NULL WHERE id = ?", (first,))
                        promoted.append(first)
                c.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", (first, doc_id))
                c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        gone = set(doc_ids)
        return [p for p in promoted if p not in gone]

    def set_published(self, doc_id: str, value: str, precision: str, how: str) -> None:
        """Record a more precise publication date found by analysis (never a less precise one)."""
        with self.transaction() as c:
            c.execute("UPDATE documents SET published = ?, published_precision = ?, published_from = ? "
                      "WHERE id = ? AND coalesce(published_precision, '') != 'day'", (value, precision, how, doc_id))

    def documents(self) -> Iterator[Document]:
        """Every document, by id: the same documents give the same order, whatever order the builds read them in."""
        cur = self.conn.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents ORDER BY id")
        for row in cur:
            yield Document(**dict(zip(_DOC_COLUMNS, row)))

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document(**dict(zip(_DOC_COLUMNS, row))) if row else None

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def signatures(self, doc_ids: list[str] | None = None) -> Iterator[tuple[str, np.ndarray]]:
        """(id, MinHash signature) of the first versions (documents that are no copy), or of these documents."""
        if doc_ids is None:
            rows = self.conn.execute("SELECT id, signature FROM documents WHERE signature IS NOT NULL AND duplicate_of IS NULL ORDER BY seq, id")
            for doc_id, blob in rows.fetchall():
                yield doc_id, np.frombuffer(blob, dtype="<u8").astype(np.uint64)
            return
        for i in range(0, len(doc_ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = doc_ids[i:i + 500]
            marks = ", ".join("?" * len(chunk))
            for doc_id, blob in self.conn.execute(f"SELECT id, signature FROM documents WHERE signature IS NOT NULL "
                                                  f"AND id IN ({marks}) ORDER BY seq, id", chunk).fetchall():
                yield doc_id, np.frombuffer(blob, dtype="<u8").astype(np.uint64)

    # -- analyses --------------------------------------------------------------------------------

    def pending_analysis(self, version: str) -> list[str]:
        """Ids of documents with no analysis at this pipeline version (new, stale or interrupted)."""
        rows = self.conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id "
            "WHERE a.doc_id IS NULL OR a.version != ? ORDER BY d.seq, d.id",
            (version,),
        )
        return [r[0] for r in rows]

    def put_analyses(self, analyses: list[Analysis]) -> None:
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO analyses(doc_id, version, data) VALUES (?, ?, ?) "
                "ON CONFLICT(doc_id) DO UPDATE SET version = excluded.version, data = excluded.data",
                [(a.doc, a.version, json.dumps(a.to_dict(), ensure_ascii=False)) for a in analyses],
            )

    def analyses(self) -> Iterator[Analysis]:
        for (data,) in self.conn.execute("SELECT a.data FROM analyses a JOIN documents d ON d.id = a.doc_id ORDER BY d.id"):
            yield Analysis.from_dict(json.loads(data))

    def analysis(self, doc_id: str) -> Analysis | None:
        row = self.conn.execute("SELECT data FROM analyses WHERE doc_id = ?", (doc_id,)).fetchone()
        return Analysis.from_dict(json.loads(row[0])) if row else None

    # -- skipped sources -------------------------------------------------------------------------

    def log_skipped(self, source: str, reason: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO skipped(source, reason, at) VALUES (?, ?, ?) "
                      "ON CONFLICT(source) DO UPDATE SET reason = excluded.reason, at = excluded.at", (source, reason, _now()))

    def clear_skipped(self, source: str) -> None:
        """Forget what was skipped in `source` (the file, and its records `source:LINE`) before it is read again,
        so the list tells what the last reading of each file skipped."""
        prefix = source + ":"
        q = "FROM skipped WHERE source = ? OR substr(source, 1, ?) = ?"
        args = (source, len(prefix), prefix)
        if self.conn.execute(f"SELECT 1 {q} LIMIT 1", args).fetchone():
            with self.transaction() as c:
                c.execute(f"DELETE {q}", args)

    def skipped(self) -> list[tuple[str, str]]:
        return list(self.conn.execute("SELECT source, reason FROM skipped ORDER BY source"))

    # -- meta ------------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str, conn: sqlite3.Connection | None = None) -> None:
        (conn or self.conn).execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    # -- the resolved dossier --------------------------------------------------------------------

    def write_dossier(self, dossier: Dossier, fingerprint: str) -> bool:
        """Replace the resolved tables with this dossier in one transaction; False if identical already."""
        if self.get_meta("dossier_fingerprint") == fingerprint:
            return False
        with self.transaction() as c:
            for table, cols in DOSSIER_TABLES.items():
                c.execute(f"DELETE FROM {table}")  # table names come from the constant above, never from input
                rows = [r.to_contract() for r in dossier.table(table)]
                c.executemany(
                    f"INSERT INTO {table}(id, {', '.join(cols)}, data) VALUES (?, {', '.join('?' * len(cols))}, ?)",
                    [(r["id"], *(_scalar(r.get(k)) for k in cols), json.dumps(r, ensure_ascii=False)) for r in rows],
                )
            self.set_meta("dossier_fingerprint", fingerprint, c)
        return True

    def read_table(self, table: str) -> list[ContractRecord]:
        """The typed records of one dossier table, in the order they were written."""
        if table not in DOSSIER_TABLES:
            raise StoreError(f"unknown dossier table {table!r}")
        cls = RECORD_TYPES[table]
        return [cls.from_contract(json.loads(r[0])) for r in self.conn.execute(f"SELECT data FROM {table} ORDER BY rowid")]

    def read_dossier(self) -> Dossier:
        return Dossier(**{t: self.read_table(t) for t in DOSSIER_TABLES})

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

    # -- document listings without their text (for indexes and pages) -----------------------------

    def documents_meta(self) -> list[dict[str, Any]]:
        """id, title, outlet, published, language, duplicate_of, text length, url, author and the text's first
        characters (`lead`, a label for a document without a title) of every document, in order."""
        cur = self.conn.execute("SELECT id, source, title, outlet, published, language, duplicate_of, length(text), url, author, "
                                "substr(text, 1, 160) FROM documents ORDER BY id")
        keys = ("id", "source", "title", "outlet", "published", "language", "duplicate_of", "length", "url", "author", "lead")
        return [dict(zip(keys, r)) for r in cur]

    def document_texts(self, doc_ids: list[str]) -> dict[str, str]:
        """The texts of these documents (ids not found are left out)."""
        out: dict[str, str] = {}
        for i in range(0, len(doc_ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = doc_ids[i:i + 500]
            marks = ", ".join("?" * len(chunk))
            out.update(self.conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk).fetchall())
        return out

    # -- analyst corrections (kept apart from the resolved tables, so they survive a rebuild) ----

    def add_correction(self, action: str, target: str, other: str | None = None, value: str | None = None,
                       note: str = "") -> dict[str, Any]:
        with self.transaction() as c:
            cur = c.execute("INSERT INTO corrections(at, action, target, other, value, note) VALUES (?, ?, ?, ?, ?, ?)",
                            (_now(), action, target, other, value, note))
            row_id = cur.lastrowid
        return next(c for c in self.corrections() if c["id"] == row_id)

    def corrections(self) -> list[dict[str, Any]]:
        keys = ("id", "at", "action", "target", "other", "value", "note")
        return [dict(zip(keys, r)) for r in self.conn.execute(
            "SELECT id, at, action, target, other, value, note FROM corrections ORDER BY id")]

    def delete_correction(self, correction_id: int) -> bool:
        with self.transaction() as c:
            return c.execute("DELETE FROM corrections WHERE id = ?", (correction_id,)).rowcount > 0


def _fts_query(query: str) -> str:
    """A user's words as quoted FTS5 terms (operators and quotes lose their meaning); longer words match as prefixes."""
    # control characters (NUL ends a string in FTS5's query parser) and quotes become spaces
    cleaned = "".join(" " if c == '"' or ord(c) < 32 or ord(c) == 127 else c for c in query)
    terms = cleaned.split()
    return " ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in terms)


def _scalar(v: Any) -> Any:
    return v if v is None or isinstance(v, (str, int, float)) else json.dumps(v)


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
