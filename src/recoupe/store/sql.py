"""What the SQL engines share: every method of the store interface that is plain SQL, written once with `?`
placeholders. An engine (sqlite.py, postgres.py) opens the connection, runs its own migrations, owns the write
lock (`transaction`) and the full-text search, and says how its placeholders and row order are spelt."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any

import numpy as np

from recoupe.errors import StoreError
from recoupe.lang import pages
from recoupe.model import Analysis, ContractRecord, Document, Dossier, EncodedAnalysis
from recoupe.model.dossier import RECORD_TYPES
from recoupe.model import identity
from recoupe.store.protocol import DOSSIER_TABLES

DOC_COLUMNS = ("id", "source", "title", "outlet", "language", "published", "published_precision",
               "published_from", "text", "content_hash", "duplicate_of", "url", "author")
ARTICLE_TEXT_MIGRATION = "0011_search_article_text"  # the migration that gave documents their `search_text`
CHUNK = 500  # ids bound in one statement (under SQLite's bound-parameter limit)
# How long one search query may run, on either engine (snippets of many words in long documents can take seconds
# each): SQLite returns the rows found by then, PostgreSQL cancels the statement (statement_timeout).
SEARCH_SECONDS = 1.0


def _article_text(text: str, language: str | None) -> str | None:
    """What search indexes for a document: its text with the page furniture blanked (None: the text itself)."""
    searched = pages.article_text(text, language)
    return None if searched == text else searched


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def scalar(v: Any) -> Any:
    return v if v is None or isinstance(v, (str, int, float)) else json.dumps(v)


def fold_terms(query: str) -> list[str]:
    """A user's words as plain terms: control characters (NUL ends a string in a query parser) and double quotes
    become spaces, so no word can carry a search operator."""
    cleaned = "".join(" " if c == '"' or ord(c) < 32 or ord(c) == 127 else c for c in query)
    return cleaned.split()


class SQLStore:
    """The engine-neutral part of a store. Subclasses set `conn` and implement the hooks below."""

    path: str
    conn: Any
    ROW_ORDER = "pos"  # the column that keeps a dossier table's rows in the dossier's order (migration 0012)
    last_write: dict[str, int] = {}  # what the last write_dossier did to the rows: kept, moved, replaced, added, deleted

    # -- hooks an engine implements ---------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        """`sql` in the engine's placeholder style (written here with `?`)."""
        return sql

    def transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _blob(self, value: Any) -> bytes:
        return bytes(value)

    # -- plumbing ---------------------------------------------------------------------------------

    def _x(self, sql: str, args: Any = ()) -> Any:
        """Run one statement on the store's connection (outside any transaction: a read)."""
        return self.conn.execute(self._sql(sql), args)

    def _in(self, c: Any, sql: str, args: Any = ()) -> Any:
        """Run one statement inside a transaction `c`."""
        return c.execute(self._sql(sql), args)

    def _many(self, c: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            c.cursor().executemany(self._sql(sql), rows)

    def _apply_migrations(self, steps: list[tuple[str, str]], run: Any) -> None:
        """Apply the steps not recorded yet, each in its own transaction with its record; `run(c, body)` runs one
        step's statements."""
        done = {r[0] for r in self._x("SELECT name FROM migrations")}
        for name, body in steps:
            if name in done:
                continue
            with self.transaction() as c:
                if self._in(c, "SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                    continue  # another process opening the same new store applied it first
                run(c, body)
                self._in(c, "INSERT INTO migrations(name, applied_at) VALUES (?, ?)", (name, now()))

    def _index_article_text(self) -> None:
        """Fill `search_text` (what search indexes: the text without its page furniture) for the documents stored
        before it existed or before the way furniture is read changed (ARTICLE_TEXT_VERSION, kept in meta)."""
        if self.get_meta("article_text") == pages.ARTICLE_TEXT_VERSION or ARTICLE_TEXT_MIGRATION not in self.migrations():
            return
        with self.transaction() as c:
            done = self._in(c, "SELECT value FROM meta WHERE key = 'article_text'").fetchone()
            if done is not None and done[0] == pages.ARTICLE_TEXT_VERSION:
                return  # another process opening the store did it first
            rows = self._in(c, "SELECT id, text, language, search_text FROM documents").fetchall()
            for doc_id, text, language, current in rows:
                new = _article_text(text, language)
                if new != current:
                    self._in(c, "UPDATE documents SET search_text = ? WHERE id = ?", (new, doc_id))
            self.set_meta("article_text", pages.ARTICLE_TEXT_VERSION, c)

    def migrations(self) -> list[str]:
        return [r[0] for r in self._x("SELECT name FROM migrations ORDER BY name")]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents --------------------------------------------------------------------------------

    def document_by_hash(self, content_hash: str) -> list[tuple[str, str]]:
        """(id, source) of the stored documents with this exact text."""
        return [tuple(r) for r in self._x("SELECT id, source FROM documents WHERE content_hash = ? ORDER BY seq, id", (content_hash,))]

    def source_documents(self, source: str) -> list[str]:
        """Ids of the stored documents read from `source`, in the order they were read."""
        return [r[0] for r in self._x("SELECT id FROM documents WHERE source = ? ORDER BY seq, id", (source,))]

    def has_document(self, doc_id: str) -> bool:
        return self._x("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, signature: np.ndarray | None) -> bool:
        """Insert a document; False when its id is already there (nothing changes)."""
        with self.transaction() as c:
            if self._in(c, "SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
                return False
            self._in(c,
                f"INSERT INTO documents({', '.join(DOC_COLUMNS)}, search_text, signature, added_at) "
                f"VALUES ({', '.join('?' * (len(DOC_COLUMNS) + 3))})",
                (*(getattr(doc, k) for k in DOC_COLUMNS), _article_text(doc.text, doc.language),
                 signature.astype("<u8").tobytes() if signature is not None else None, now()),
            )
            self._in(c, "DELETE FROM skipped WHERE source = ?", (doc.source,))
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
                row = self._in(c, "SELECT duplicate_of FROM documents WHERE id = ?", (doc_id,)).fetchone()
                if row is None:
                    continue
                first = row[0]  # a copy's copies go to its own first version
                if first is None:
                    head = self._in(c, "SELECT id FROM documents WHERE duplicate_of = ? ORDER BY seq, id LIMIT 1", (doc_id,)).fetchone()
                    if head is not None:
                        first = head[0]
                        self._in(c, "UPDATE documents SET duplicate_of = NULL WHERE id = ?", (first,))
                        promoted.append(first)
                self._in(c, "UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", (first, doc_id))
                self._in(c, "DELETE FROM documents WHERE id = ?", (doc_id,))
        gone = set(doc_ids)
        return [p for p in promoted if p not in gone]

    def set_published(self, doc_id: str, value: str, precision: str, how: str) -> None:
        """Record a more precise publication date found by analysis (never a less precise one)."""
        with self.transaction() as c:
            self._in(c, "UPDATE documents SET published = ?, published_precision = ?, published_from = ? "
                        "WHERE id = ? AND coalesce(published_precision, '') != 'day'", (value, precision, how, doc_id))

    def documents(self) -> Iterator[Document]:
        """Every document, by id: the same documents give the same order, whatever order the builds read them in."""
        cur = self._x(f"SELECT {', '.join(DOC_COLUMNS)} FROM documents ORDER BY id")
        for row in cur:
            yield Document(**dict(zip(DOC_COLUMNS, row)))

    def document(self, doc_id: str) -> Document | None:
        row = self._x(f"SELECT {', '.join(DOC_COLUMNS)} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document(**dict(zip(DOC_COLUMNS, row))) if row else None

    def count_documents(self) -> int:
        return int(self._x("SELECT count(*) FROM documents").fetchone()[0])

    def signatures(self, doc_ids: list[str] | None = None) -> Iterator[tuple[str, np.ndarray]]:
        """(id, MinHash signature) of the first versions (documents that are no copy), or of these documents."""
        if doc_ids is None:
            rows = self._x("SELECT id, signature FROM documents WHERE signature IS NOT NULL AND duplicate_of IS NULL ORDER BY seq, id")
            for doc_id, blob in rows.fetchall():
                yield doc_id, np.frombuffer(self._blob(blob), dtype="<u8").astype(np.uint64)
            return
        for i in range(0, len(doc_ids), CHUNK):
            chunk = doc_ids[i:i + CHUNK]
            marks = ", ".join("?" * len(chunk))
            for doc_id, blob in self._x(f"SELECT id, signature FROM documents WHERE signature IS NOT NULL "
                                        f"AND id IN ({marks}) ORDER BY seq, id", chunk).fetchall():
                yield doc_id, np.frombuffer(self._blob(blob), dtype="<u8").astype(np.uint64)

    # -- analyses ---------------------------------------------------------------------------------

    def pending_analysis(self, version: str) -> list[str]:
        """Ids of documents with no analysis at this pipeline version (new, stale or interrupted)."""
        rows = self._x(
            "SELECT d.id FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id "
            "WHERE a.doc_id IS NULL OR a.version != ? ORDER BY d.seq, d.id",
            (version,),
        )
        return [r[0] for r in rows]

    def put_analyses(self, analyses: list[Analysis] | list[EncodedAnalysis]) -> None:
        with self.transaction() as c:
            self._many(c,
                "INSERT INTO analyses(doc_id, version, data) VALUES (?, ?, ?) "
                "ON CONFLICT(doc_id) DO UPDATE SET version = excluded.version, data = excluded.data",
                [(e.doc, e.version, e.data) for e in (a if isinstance(a, EncodedAnalysis) else a.encode() for a in analyses)],
            )

    def analyses(self) -> Iterator[Analysis]:
        for (data,) in self._x("SELECT a.data FROM analyses a JOIN documents d ON d.id = a.doc_id ORDER BY d.id"):
            yield Analysis.from_dict(json.loads(data))

    def analysis(self, doc_id: str) -> Analysis | None:
        row = self._x("SELECT data FROM analyses WHERE doc_id = ?", (doc_id,)).fetchone()
        return Analysis.from_dict(json.loads(row[0])) if row else None

    # -- skipped sources --------------------------------------------------------------------------

    def log_skipped(self, source: str, reason: str) -> None:
        with self.transaction() as c:
            self._in(c, "INSERT INTO skipped(source, reason, at) VALUES (?, ?, ?) "
                        "ON CONFLICT(source) DO UPDATE SET reason = excluded.reason, at = excluded.at", (source, reason, now()))

    def clear_skipped(self, source: str) -> None:
        """Forget what was skipped in `source` (the file, and its records `source:LINE`) before it is read again,
        so the list tells what the last reading of each file skipped."""
        prefix = source + ":"
        q = "FROM skipped WHERE source = ? OR substr(source, 1, ?) = ?"
        args = (source, len(prefix), prefix)
        if self._x(f"SELECT 1 {q} LIMIT 1", args).fetchone():
            with self.transaction() as c:
                self._in(c, f"DELETE {q}", args)

    def skipped(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self._x("SELECT source, reason FROM skipped ORDER BY source")]

    # -- meta -------------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._x("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str, conn: Any = None) -> None:
        sql = "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        if conn is None:
            with self.transaction() as c:
                self._in(c, sql, (key, value))
        else:
            self._in(conn, sql, (key, value))

    # -- the resolved dossier ---------------------------------------------------------------------

    def write_dossier(self, dossier: Dossier, fingerprint: str, redirects: dict[str, str] | None = None) -> bool:
        """Bring the resolved tables to this dossier in one transaction, with the redirects of the ids it retired
        (model.identity); False if identical already. Row by row: a row whose JSON is unchanged stays as it is
        (given its new position if it moved), a changed one is replaced, a gone one deleted, so a rebuild that
        changes a few records writes a few rows and search re-indexes only those (`last_write` counts them)."""
        if self.get_meta("dossier_fingerprint") == fingerprint:
            return False
        counts: Counter[str] = Counter()
        with self.transaction() as c:
            self._put_redirects(c, dossier, redirects or {})
            for table, cols in DOSSIER_TABLES.items():
                counts.update(self._sync_table(c, table, cols, [r.to_contract() for r in dossier.table(table)]))
            self.set_meta("dossier_fingerprint", fingerprint, c)
        self.last_write = dict(counts)
        return True

    def _sync_table(self, c: Any, table: str, cols: tuple[str, ...], rows: list[dict[str, Any]]) -> Counter[str]:
        """Make `table` hold `rows` in this order (`pos`), touching only the rows that differ from the stored ones.
        `table` and `cols` come from DOSSIER_TABLES, never from input."""
        stored = {r[0]: (r[1], r[2]) for r in self._in(c, f"SELECT id, pos, digest FROM {table}").fetchall()}
        fresh: list[tuple[Any, ...]] = []
        moved: list[tuple[int, str]] = []
        seen: set[str] = set()
        for pos, r in enumerate(rows):
            data = json.dumps(r, ensure_ascii=False)
            digest = hashlib.sha1(data.encode()).hexdigest()
            seen.add(r["id"])
            old = stored.get(r["id"])
            if old is None or old[1] != digest:
                fresh.append((r["id"], *(scalar(r.get(k)) for k in cols), data, pos, digest))
            elif old[0] != pos:
                moved.append((pos, r["id"]))
        replaced = [row[0] for row in fresh if row[0] in stored]
        gone = [i for i in stored if i not in seen]
        dropped = gone + replaced
        for i in range(0, len(dropped), CHUNK):
            ids = dropped[i:i + CHUNK]
            self._in(c, f"DELETE FROM {table} WHERE id IN ({', '.join('?' * len(ids))})", ids)
        self._many(c, f"UPDATE {table} SET pos = ? WHERE id = ?", moved)
        self._insert_rows(c, table, (*cols, "data", "pos", "digest"), fresh)
        return Counter({"kept": len(seen) - len(fresh) - len(moved), "moved": len(moved),
                        "replaced": len(replaced), "added": len(fresh) - len(replaced), "deleted": len(gone)})

    def _insert_rows(self, c: Any, table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows (id first, then `cols`) into a dossier table; an engine may send them its faster way."""
        self._many(c, f"INSERT INTO {table}(id, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))})", rows)

    def _put_redirects(self, c: Any, dossier: Dossier, added: dict[str, str]) -> None:
        """Keep the stored redirects and the new ones, each followed to a record of `dossier`'s."""
        live = {r.id for t in ("entities", "events") for r in dossier.table(t)} | {
            r.cluster for r in dossier.table("claims") if getattr(r, "cluster", None)}
        kept = identity.chain(self.redirects(), added, live)
        self._in(c, "DELETE FROM redirects")
        self._many(c, "INSERT INTO redirects(old_id, new_id) VALUES (?, ?)", sorted(kept.items()))

    def redirects(self) -> dict[str, str]:
        """Ids earlier builds retired -> the record that holds their members now."""
        return {r[0]: r[1] for r in self._x("SELECT old_id, new_id FROM redirects ORDER BY old_id")}

    def read_table(self, table: str) -> list[ContractRecord]:
        """The typed records of one dossier table, in the order they were written."""
        if table not in DOSSIER_TABLES:
            raise StoreError(f"unknown dossier table {table!r}")
        cls = RECORD_TYPES[table]
        return [cls.from_contract(json.loads(r[0])) for r in self._x(f"SELECT data FROM {table} ORDER BY {self.ROW_ORDER}")]

    def read_dossier(self) -> Dossier:
        return Dossier(**{t: self.read_table(t) for t in DOSSIER_TABLES})

    # -- document listings without their text (for indexes and pages) -----------------------------

    def documents_meta(self) -> list[dict[str, Any]]:
        """id, title, outlet, published, language, duplicate_of, text length, url, author and the text's first
        characters (`lead`, a label for a document without a title) of every document, in order."""
        cur = self._x("SELECT id, source, title, outlet, published, language, duplicate_of, length(text), url, author, "
                      "substr(text, 1, 160) FROM documents ORDER BY id")
        keys = ("id", "source", "title", "outlet", "published", "language", "duplicate_of", "length", "url", "author", "lead")
        return [dict(zip(keys, r)) for r in cur]

    def document_texts(self, doc_ids: list[str]) -> dict[str, str]:
        """The texts of these documents (ids not found are left out)."""
        out: dict[str, str] = {}
        for i in range(0, len(doc_ids), CHUNK):
            chunk = doc_ids[i:i + CHUNK]
            marks = ", ".join("?" * len(chunk))
            out.update((r[0], r[1]) for r in self._x(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk).fetchall())
        return out

    # -- analyst corrections (kept apart from the resolved tables, so they survive a rebuild) -----

    def add_correction(self, action: str, target: str, other: str | None = None, value: str | None = None,
                       note: str = "") -> dict[str, Any]:
        with self.transaction() as c:
            row_id = self._in(c, "INSERT INTO corrections(at, action, target, other, value, note) VALUES (?, ?, ?, ?, ?, ?) "
                                 "RETURNING id", (now(), action, target, other, value, note)).fetchone()[0]
        return next(c for c in self.corrections() if c["id"] == row_id)

    def corrections(self) -> list[dict[str, Any]]:
        keys = ("id", "at", "action", "target", "other", "value", "note")
        return [dict(zip(keys, r)) for r in self._x(
            "SELECT id, at, action, target, other, value, note FROM corrections ORDER BY id")]

    def delete_correction(self, correction_id: int) -> bool:
        with self.transaction() as c:
            return self._in(c, "DELETE FROM corrections WHERE id = ?", (correction_id,)).rowcount > 0
