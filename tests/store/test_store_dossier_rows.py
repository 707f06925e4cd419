"""A dossier is written row by row (migration 0012): a rebuild touches only the rows that changed, keeps the
dossier's order, and keeps the facts index in step; a store written before keeps its order."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from recoupe.model import Dossier
from recoupe.store import open_store
from tests.present.web.dossier_fixture import ARTICLES, add_documents, dossier, make_store
from tests.store.test_store_hardening import ENGINE_MIGRATIONS

At = Callable[[str], str]


def _edited(edit: Callable[[dict[str, list[dict[str, Any]]]], None]) -> Dossier:
    d = dossier().to_contract()
    edit(d)
    return Dossier.from_contract(d)


def _rows(d: Dossier) -> int:
    return sum(len(t) for t in (d.entities, d.events, d.quotes, d.claims, d.contradictions, d.quantities))


def test_store_a_rebuild_rewrites_only_the_rows_that_changed(store_at: At) -> None:
    def edit(d: dict[str, list[dict[str, Any]]]) -> None:
        d["entities"][2]["name"] = "Valparaíso, port franc"
        d["events"] = [e for e in d["events"] if e["id"] != "ev-undated"]
        q = dict(d["quotes"][0], id="q-dube-2", text="Le cuivre attendra l'automne")
        d["quotes"].append(q)

    new = _edited(edit)
    with open_store(make_store(store_at("s.db"))) as store:  # type: ignore[arg-type]
        assert store.write_dossier(new, "fixture-2")
        assert store.last_write == {"kept": _rows(new) - 2, "moved": 0, "replaced": 1, "added": 1, "deleted": 1}
        assert store.read_dossier().to_contract() == new.to_contract()  # the dossier's content and order
        assert ("entity", "ent-valpo") in {(k, r) for k, r, _ in store.search_facts("franc")}
        assert ("quote", "q-dube-2") in {(k, r) for k, r, _ in store.search_facts("automne")}
        assert "ev-undated" not in {r for _, r, _ in store.search_facts("Rencontre")}


def test_store_rows_that_only_moved_are_renumbered_not_rewritten(store_at: At) -> None:
    def edit(d: dict[str, list[dict[str, Any]]]) -> None:
        d["entities"].reverse()

    new = _edited(edit)
    with open_store(make_store(store_at("s.db"))) as store:  # type: ignore[arg-type]
        store.write_dossier(new, "fixture-2")
        assert store.last_write == {"kept": _rows(new) - 6, "moved": 6, "replaced": 0, "added": 0, "deleted": 0}
        assert [e.id for e in store.read_table("entities")] == [e.id for e in new.entities]
        assert ("entity", "ent-valpo") in {(k, r) for k, r, _ in store.search_facts("Valparaiso")}


def test_store_the_same_dossier_under_a_new_fingerprint_writes_no_row(store_at: At) -> None:
    with open_store(make_store(store_at("s.db"))) as store:  # type: ignore[arg-type]
        assert store.write_dossier(dossier(), "fixture-2")
        assert store.last_write == {"kept": _rows(dossier()), "moved": 0, "replaced": 0, "added": 0, "deleted": 0}
        assert not store.write_dossier(dossier(), "fixture-2")  # the same fingerprint: nothing to do at all


def test_store_written_before_rows_had_positions_keeps_its_order(store_at: At, engine: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db = store_at("old.db")
    where, steps = ENGINE_MIGRATIONS[engine]
    monkeypatch.setattr(where, [m for m in steps if m[0] < "0012"])
    ents = list(reversed(dossier().to_contract()["entities"]))  # an order that is not the ids' order
    with open_store(db) as store:
        add_documents(store, ARTICLES)
        with store.transaction() as c:
            for e in ents:  # as an older recoupe wrote them: in order, without position or digest
                store._in(c, "INSERT INTO entities(id, type, name, data) VALUES (?, ?, ?, ?)",  # type: ignore[attr-defined]
                          (e["id"], e["type"], e["name"], json.dumps(e, ensure_ascii=False)))
    monkeypatch.undo()
    with open_store(db) as store:
        assert "0012_dossier_rows" in store.migrations()
        assert [e.id for e in store.read_table("entities")] == [e["id"] for e in ents]
        store.write_dossier(dossier(), "fixture-1")
        assert store.last_write["replaced"] == len(ents)  # no digest yet: every old row is written once more
        assert store.read_dossier().to_contract() == dossier().to_contract()
        assert ("entity", "ent-ottawa") in {(k, r) for k, r, _ in store.search_facts("Ottawa")}
