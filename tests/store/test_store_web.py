"""The store's facts search (migration 0005) and analyst corrections table (migration 0004)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.model import Dossier
from recoupe.store import open_store
from tests.present.web.dossier_fixture import ARTICLES, add_documents, dossier, make_store


@pytest.mark.parametrize("query, kind, ref", [
    ("valparaiso", "entity", "ent-valpo"),
    ("VALPARAÍSO", "entity", "ent-valpo"),
    ("Mme Dube", "entity", "ent-dube"),  # an alias, accents folded
    ("historique", "quote", "q-reyes"),
    ("lithium", "claim", "cl-secret-spec"),
    ("Accord cuivre", "event", "ev-agreement"),
    ("durée", "contradiction", "ct-duration"),
])
def test_store_search_facts_folds_accents_and_case(tmp_path: Path, query: str, kind: str, ref: str) -> None:
    with open_store(make_store(tmp_path / "s.db")) as store:
        assert (kind, ref) in {(k, r) for k, r, _ in store.search_facts(query)}


def test_store_search_facts_follows_every_write_of_the_dossier(tmp_path: Path) -> None:
    with open_store(make_store(tmp_path / "s.db")) as store:
        d = dossier()
        store.write_dossier(Dossier(entities=d.entities[:1]), "only-one")
        assert [r for _, r, _ in store.search_facts("Dubé")] == ["ent-dube"]
        assert store.search_facts("Valparaiso") == [] and store.search_facts("lithium") == []
        assert store.conn.execute("SELECT count(*) FROM facts_fts").fetchone()[0] == 1


def test_store_search_facts_snippet_marks(tmp_path: Path) -> None:
    with open_store(make_store(tmp_path / "s.db")) as store:
        (_, _, snippet), *_ = store.search_facts("lithium", marks=("<<", ">>"))
        assert "<<lithium>>" in snippet


def test_store_facts_index_is_filled_for_a_store_built_before_the_migration(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with open_store(db) as store:
        add_documents(store, ARTICLES)
        store.write_dossier(dossier(), "fixture-1")
        # undo migration 0005 to stand for a store written by an older recoupe
        for (trigger,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_a%' "
                                             "AND name NOT LIKE 'documents%'").fetchall():
            store.conn.execute(f"DROP TRIGGER {trigger}")  # names read from the schema, not from input
        store.conn.execute("DROP TABLE facts_fts")
        store.conn.execute("DELETE FROM migrations WHERE name = '0005_facts_search'")
    with open_store(db) as store:
        assert "0005_facts_search" in store.migrations()
        assert ("entity", "ent-valpo") in {(k, r) for k, r, _ in store.search_facts("Valparaiso")}


def test_store_corrections_are_kept_across_dossier_writes(tmp_path: Path) -> None:
    with open_store(make_store(tmp_path / "s.db")) as store:
        c = store.add_correction("mark_claim", "cl-sign-a", value="confirmed", note="vu")
        assert c["id"] == 1 and c["at"] and c["note"] == "vu"
        store.write_dossier(dossier(), "fixture-2")
        assert [x["target"] for x in store.corrections()] == ["cl-sign-a"]
        assert store.delete_correction(1) and not store.delete_correction(1)
        assert store.corrections() == []


def test_store_documents_meta_and_texts(tmp_path: Path) -> None:
    with open_store(make_store(tmp_path / "s.db")) as store:
        meta = {d["id"]: d for d in store.documents_meta()}
        assert meta["doc-b"]["outlet"] == "Gazette de l'Est" and meta["doc-b"]["length"] == len(ARTICLES["doc-b"][3])
        assert store.document_texts(["doc-c", "nope"]) == {"doc-c": ARTICLES["doc-c"][3]}
