"""The store's facts search (migration 0005) and analyst corrections table (migration 0004)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recoupe.model import Dossier
from recoupe.store import open_store
from tests.present.web.dossier_fixture import ARTICLES, add_documents, dossier, make_store

At = Callable[[str], str]
FACTS_INDEX = {"sqlite": "facts_fts", "postgresql": "facts"}  # the table each engine keeps its facts index in
# what undoes migration 0005 on each engine, to stand for a store written by an older recoupe
UNDO_FACTS_SEARCH = {
    "sqlite": ["DROP TABLE facts_fts"],
    "postgresql": ["DROP FUNCTION recoupe_facts_insert() CASCADE", "DROP FUNCTION recoupe_facts_delete() CASCADE", "DROP FUNCTION recoupe_fact_body(TEXT, JSONB)", "DROP TABLE facts"],
}


@pytest.mark.parametrize("query, kind, ref", [
    ("valparaiso", "entity", "ent-valpo"),
    ("VALPARAÍSO", "entity", "ent-valpo"),
    ("Mme Dube", "entity", "ent-dube"),  # an alias, accents folded
    ("historique", "quote", "q-reyes"),
    ("lithium", "claim", "cl-secret-spec"),
    ("Accord cuivre", "event", "ev-agreement"),
    ("durée", "contradiction", "ct-duration"),
])
def test_store_search_facts_folds_accents_and_case(store_at: At, query: str, kind: str, ref: str) -> None:
    with open_store(make_store(store_at("s.db"))) as store:
        assert (kind, ref) in {(k, r) for k, r, _ in store.search_facts(query)}


def test_store_search_facts_follows_every_write_of_the_dossier(store_at: At, engine: str) -> None:
    with open_store(make_store(store_at("s.db"))) as store:
        d = dossier()
        store.write_dossier(Dossier(entities=d.entities[:1]), "only-one")
        assert [r for _, r, _ in store.search_facts("Dubé")] == ["ent-dube"]
        assert store.search_facts("Valparaiso") == [] and store.search_facts("lithium") == []
        assert store._x(f"SELECT count(*) FROM {FACTS_INDEX[engine]}").fetchone()[0] == 1  # type: ignore[attr-defined]


def test_store_search_facts_snippet_marks(store_at: At) -> None:
    with open_store(make_store(store_at("s.db"))) as store:
        (_, _, snippet), *_ = store.search_facts("lithium", marks=("<<", ">>"))
        assert "<<lithium>>" in snippet


def test_store_facts_index_is_filled_for_a_store_built_before_the_migration(store_at: At, engine: str) -> None:
    db = store_at("old.db")
    with open_store(db) as store:
        add_documents(store, ARTICLES)
        store.write_dossier(dossier(), "fixture-1")
        # undo migration 0005 to stand for a store written by an older recoupe
        if engine == "sqlite":
            for (trigger,) in store._x("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_a%' "  # type: ignore[attr-defined]
                                       "AND name NOT LIKE 'documents%'").fetchall():
                store._x(f"DROP TRIGGER {trigger}")  # type: ignore[attr-defined]  # names read from the schema, not from input
        for statement in UNDO_FACTS_SEARCH[engine]:
            store._x(statement)  # type: ignore[attr-defined]
        store._x("DELETE FROM migrations WHERE name = '0005_facts_search'")  # type: ignore[attr-defined]
    with open_store(db) as store:
        assert "0005_facts_search" in store.migrations()
        assert ("entity", "ent-valpo") in {(k, r) for k, r, _ in store.search_facts("Valparaiso")}


def test_store_corrections_are_kept_across_dossier_writes(store_at: At) -> None:
    with open_store(make_store(store_at("s.db"))) as store:
        c = store.add_correction("mark_claim", "cl-sign-a", value="confirmed", note="vu")
        assert c["id"] == 1 and c["at"] and c["note"] == "vu"
        store.write_dossier(dossier(), "fixture-2")
        assert [x["target"] for x in store.corrections()] == ["cl-sign-a"]
        assert store.delete_correction(1) and not store.delete_correction(1)
        assert store.corrections() == []


def test_store_documents_meta_and_texts(store_at: At) -> None:
    with open_store(make_store(store_at("s.db"))) as store:
        meta = {d["id"]: d for d in store.documents_meta()}
        assert meta["doc-b"]["outlet"] == "Gazette de l'Est" and meta["doc-b"]["length"] == len(ARTICLES["doc-b"][3])
        assert store.document_texts(["doc-c", "nope"]) == {"doc-c": ARTICLES["doc-c"][3]}
