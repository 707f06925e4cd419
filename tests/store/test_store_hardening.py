"""The store under edits, shared ids and concurrency (issue 21): retraction leaves no dangling pointer, documents
come out in one order whatever the history of builds, writers wait for each other instead of failing."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest

from recoupe.errors import StoreBusyError
from recoupe.model import Document
from recoupe.store import Store, migrations, open_store
from recoupe.store.migrations_postgres import POSTGRES_MIGRATIONS

At = Callable[[str], str]
# each engine's migrations, by the module attribute its store reads them from
ENGINE_MIGRATIONS = {"sqlite": ("recoupe.store.sqlite.MIGRATIONS", migrations.MIGRATIONS),
                     "postgresql": ("recoupe.store.postgres.POSTGRES_MIGRATIONS", POSTGRES_MIGRATIONS)}


def _doc(doc_id: str, source: str, text: str = "", dup: str | None = None) -> Document:
    return Document(id=doc_id, source=source, text=text or f"texte de {doc_id}", content_hash=f"h-{doc_id}", duplicate_of=dup)


def _sql(store: Store, query: str, args: Any = ()) -> list[tuple[Any, ...]]:
    """Rows of a statement written with `?` placeholders, run straight on the store's connection."""
    cur = store._x(query, args)  # type: ignore[attr-defined]
    return [tuple(r) for r in cur.fetchall()] if cur.description else []


def _dangling(store: Store) -> list[tuple[str, str]]:
    return _sql(store, ("SELECT id, duplicate_of FROM documents d WHERE duplicate_of IS NOT NULL "
                                   "AND NOT EXISTS (SELECT 1 FROM documents o WHERE o.id = d.duplicate_of)"))




def test_store_retract_regroups_copies_under_the_first_of_them(store_at: At) -> None:
    with open_store(store_at("s.db")) as s:
        sig = np.arange(64, dtype=np.uint64)
        s.add_document(_doc("a", "src-a"), sig)
        s.add_document(_doc("b", "src-b", dup="a"), sig)
        s.add_document(_doc("c", "src-c", dup="a"), sig)
        s.add_document(_doc("d", "src-d", dup="b"), sig)  # a copy of a copy
        assert s.retract(["a"]) == ["b"]
        assert {d.id: d.duplicate_of for d in s.documents()} == {"b": None, "c": "b", "d": "b"}
        assert s.retract(["c"]) == []  # a copy retracted: nothing else moves
        assert {d.id: d.duplicate_of for d in s.documents()} == {"b": None, "d": "b"}
        assert not _dangling(s)
        assert [i for i, _ in s.signatures()] == ["b"]


def test_store_remove_source_retracts_cleanly(store_at: At) -> None:
    with open_store(store_at("s.db")) as s:
        s.add_document(_doc("a", "x"), None)
        s.add_document(_doc("b", "y", dup="a"), None)
        assert s.remove_source("x") == 1
        assert [(d.id, d.duplicate_of) for d in s.documents()] == [("b", None)]


def test_store_documents_come_out_by_id_and_seq_follows_reading(store_at: At) -> None:
    with open_store(store_at("s.db")) as s:
        for i in ("c", "a", "b"):
            s.add_document(_doc(i, f"src-{i}"), None)
        assert [d.id for d in s.documents()] == ["a", "b", "c"]
        assert [r["id"] for r in s.documents_meta()] == ["a", "b", "c"]
        assert _sql(s, "SELECT id FROM documents ORDER BY seq") == [("c",), ("a",), ("b",)]
        # a row written by hand (as the web benchmark does) is numbered too
        _sql(s, "INSERT INTO documents(id, source, text, content_hash, added_at) VALUES ('z', 'q', 't', 'h', 'now')")
        assert _sql(s, "SELECT seq FROM documents WHERE id = 'z'") == [(4,)]


def test_store_migration_numbers_an_old_store_in_its_old_order(store_at: At, engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db = store_at("old.db")
    where, steps = ENGINE_MIGRATIONS[engine]
    monkeypatch.setattr(where, [m for m in steps if m[0] < "0007"])
    with open_store(db) as s:
        for i, at in (("b", "2024-01-01T00:00:02"), ("a", "2024-01-01T00:00:02"), ("c", "2024-01-01T00:00:01")):
            _sql(s, "INSERT INTO documents(id, source, text, content_hash, added_at) VALUES (?, ?, 't', 'h', ?)", (i, i, at))
    monkeypatch.undo()
    with open_store(db) as s:
        assert "0007_document_order" in s.migrations()
        assert _sql(s, "SELECT id, seq FROM documents ORDER BY seq") == [("c", 1), ("a", 2), ("b", 3)]


def test_store_engines_share_their_migration_names() -> None:
    assert [n for n, _ in POSTGRES_MIGRATIONS] == [n for n, _ in migrations.MIGRATIONS]


@contextmanager
def _locked_by_another_writer(db: str, seconds: float) -> Iterator[None]:
    """A new store at `db` whose write lock another connection holds for `seconds` (from a thread)."""
    open_store(db).close()
    started = threading.Event()

    def hold() -> None:
        with open_store(db) as other, other.transaction():
            other.set_meta("holder", "x", other.conn)  # type: ignore[attr-defined]
            started.set()
            time.sleep(seconds)

    t = threading.Thread(target=hold)
    t.start()
    started.wait(5)
    try:
        yield
    finally:
        t.join()


def test_store_a_writer_waits_for_another_one(store_at: At) -> None:
    db = store_at("s.db")
    with _locked_by_another_writer(db, 1.0), open_store(db, wait=20) as s:
        t0 = time.monotonic()
        assert s.add_document(_doc("a", "x"), None)
        assert time.monotonic() - t0 >= 0.5  # it waited for the lock instead of failing
        s.add_correction("reject", "claim-1")


def test_store_a_writer_gives_up_with_a_clear_error_after_its_wait(store_at: At) -> None:
    db = store_at("s.db")
    with _locked_by_another_writer(db, 2.0), open_store(db, wait=0.3) as s:
        with pytest.raises(StoreBusyError, match="busy: another process kept the store locked"):
            s.add_correction("reject", "claim-1")


def test_store_two_processes_creating_one_store_at_once(store_at: At) -> None:
    db = store_at("new.db")
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            open_store(db).close()
        except BaseException as e:  # noqa: BLE001 (collected for the assertion)
            errors.append(e)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(db) as s:
        assert s.migrations() == sorted(name for name, _ in migrations.MIGRATIONS)


def test_store_skipped_entries_of_a_file_are_cleared_before_it_is_read_again(store_at: At) -> None:
    with open_store(store_at("s.db")) as s:
        s.log_skipped("in/a.jsonl:3", "malformed JSON")
        s.log_skipped("in/a.jsonl", "empty file")
        s.log_skipped("in/a.jsonl.bak:1", "other")
        s.log_skipped("in/b.txt", "empty file")
        s.clear_skipped("in/a.jsonl")
        assert s.skipped() == [("in/a.jsonl.bak:1", "other"), ("in/b.txt", "empty file")]


def test_store_a_search_past_its_time_budget_gives_no_rows_and_the_budget_ends_with_it(
        store_at: At, engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(store_at("s.db")) as s:
        for i in range(40):  # enough rows for SQLite's progress handler to be asked between them
            s.add_document(_doc(f"d{i:02}", f"src-{i}", text=f"Les négociations du traité ont repris à Genève ({i})."), None)
        assert len(s.search_documents("traité", limit=50)) == 40
        if engine == "sqlite":
            monkeypatch.setattr("recoupe.store.sqlite.SEARCH_SECONDS", -1.0)  # past its deadline before any row
            assert s.search_documents("traité") == []
        else:  # the server cancels a statement that runs past the budget (a query made slow on purpose)
            monkeypatch.setattr("recoupe.store.postgres.SEARCH_SECONDS", 0.2)
            started = time.monotonic()
            slow = "SELECT d.id, %s FROM documents d, q, pg_sleep(5) WHERE d.search @@ q.q LIMIT %s"
            assert s._search(slow, "traité", 5, ("[", "]"), 12) == []  # type: ignore[attr-defined]
            assert time.monotonic() - started < 4
            assert s._x("SHOW statement_timeout").fetchone()[0] == "0"  # type: ignore[attr-defined]
        monkeypatch.undo()
        assert len(s.search_documents("traité", limit=50)) == 40  # later searches are whole
