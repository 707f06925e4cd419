"""Ids that survive a growing corpus (issue 20): entities, events and claim clusters are named after their founding
member in arrival order; an article published later keeps every id; an id a rebuild retires redirects to the record
holding its members, so corrections made before a build still apply after it."""

from __future__ import annotations

from pathlib import Path

from recoupe import pipeline
from recoupe.model.identity import chain, redirects
from recoupe.present import queries
from recoupe.store import open_store

FIRST = ("La ministre Hélène Vasseur a visité mardi le port de Brest avec le préfet Marc Oriol. Selon la préfecture, "
         "le chantier naval emploiera quatre cents personnes l'an prochain.")
LATER = ("Hélène Vasseur a de nouveau rencontré Marc Oriol à Brest. Selon la préfecture, le chantier naval "
         "emploiera quatre cents personnes l'an prochain, a confirmé la ministre.")
EARLIER = ("Avant sa nomination, Hélène Vasseur avait déjà plaidé pour le port de Brest, selon un élu local.")
# the third build reads an article published before the others: it founds the minister's entity anew


def _write(d: Path, name: str, published: str, body: str) -> None:
    d.mkdir(exist_ok=True)
    (d / name).write_text(f"---\ntitle: {name}\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def _ids(db: Path) -> dict[str, dict[str, str]]:
    d = queries.export_dossier(db, as_built=True)
    return {"entities": {e["name"]: e["id"] for e in d["entities"]},
            "clusters": {c["id"]: c["cluster"] for c in d["claims"]},
            "events": {ev["id"]: ev["type"] for ev in d["events"]}}


def _person(db: Path, surname: str) -> str:
    return next(e["id"] for e in queries.export_dossier(db)["entities"] if surname in e["name"] and e["type"] == "person")


def test_stable_ids_a_later_article_keeps_every_id(tmp_path: Path) -> None:
    d, db = tmp_path / "in", tmp_path / "s.db"
    _write(d, "a.txt", "2024-05-14", FIRST)
    pipeline.build([str(d)], db, progress=False)
    before = _ids(db)
    vasseur = _person(db, "Vasseur")
    _write(d, "b.txt", "2024-05-20", LATER)  # the same people and claim again, published later
    pipeline.build([str(d)], db, progress=False)
    after = _ids(db)
    assert _person(db, "Vasseur") == vasseur
    for name, eid in before["entities"].items():
        assert eid in after["entities"].values(), name
    assert set(before["events"]) <= set(after["events"])
    assert set(before["clusters"].values()) <= set(after["clusters"].values())
    with open_store(db) as s:
        assert s.redirects() == {}


def test_stable_ids_an_earlier_article_founds_anew_and_corrections_follow(tmp_path: Path) -> None:
    d, db = tmp_path / "in", tmp_path / "s.db"
    _write(d, "a.txt", "2024-05-14", FIRST)
    pipeline.build([str(d)], db, progress=False)
    vasseur = _person(db, "Vasseur")
    brest = next(e["id"] for e in queries.export_dossier(db)["entities"] if e["name"] == "port de Brest")
    with open_store(db) as s:
        pin = s.add_correction("pin_place", brest, value="48.39,-4.49", note="the harbour")
        note = s.add_correction("split_alias", vasseur, value="La ministre", note="not her title here")
    _write(d, "0.txt", "2023-11-02", EARLIER)  # arrives last, published first: it founds both entities anew
    pipeline.build([str(d)], db, progress=False)
    new_vasseur, new_brest = _person(db, "Vasseur"), next(
        e["id"] for e in queries.export_dossier(db)["entities"] if e["name"] == "port de Brest")
    assert new_vasseur != vasseur  # founded anew by the earlier article
    with open_store(db) as s:
        moved = s.redirects()
    assert moved[vasseur] == new_vasseur and moved.get(brest, brest) == new_brest
    from recoupe.present import read
    with open_store(db) as s:
        v = read.load(s)
    assert pin["id"] not in v.stale and note["id"] not in v.stale  # both corrections still find their record
    assert v.entity(brest)["geo"]["source"] == f"correction:{pin['id']}"  # type: ignore[index]
    assert v.entity(vasseur)["id"] == new_vasseur  # type: ignore[index]
    assert any(c.get("action") == "split_alias" for c in v.entity(vasseur).get("corrections", []))  # type: ignore[union-attr]
    # a rebuild of the same input in one go gives the same ids as this history
    fresh = tmp_path / "fresh.db"
    pipeline.build([str(d)], fresh, progress=False)
    assert _ids(fresh) == _ids(db)


def test_stable_ids_redirects_follow_members_and_chains() -> None:
    old = {"entities": [{"id": "ent-a", "mentions": [{"doc": "d1", "start": 0, "end": 4}, {"doc": "d2", "start": 5, "end": 9}]},
                        {"id": "ent-b", "mentions": [{"doc": "d3", "start": 0, "end": 3}]},
                        {"id": "ent-gone", "mentions": [{"doc": "d9", "start": 0, "end": 3}]}],
           "events": [{"id": "evt-x", "sources": [{"doc": "d1", "start": 10, "end": 20}]}],
           "claims": [{"id": "claim-1", "cluster": "cluster-1"}, {"id": "claim-2", "cluster": "cluster-1"}]}
    new = {"entities": [{"id": "ent-a", "mentions": [{"doc": "d1", "start": 0, "end": 4}, {"doc": "d2", "start": 5, "end": 9},
                                                      {"doc": "d3", "start": 0, "end": 3}]}],  # b merged into a
           "events": [{"id": "evt-y", "sources": [{"doc": "d0", "start": 1, "end": 2}, {"doc": "d1", "start": 10, "end": 20}]}],
           "claims": [{"id": "claim-0", "cluster": "cluster-0"}, {"id": "claim-1", "cluster": "cluster-0"},
                      {"id": "claim-2", "cluster": "cluster-0"}]}
    assert redirects(old, new) == {"ent-b": "ent-a", "evt-x": "evt-y", "cluster-1": "cluster-0"}  # ent-gone: no members left
    # an id retired twice points to the last record; an id live again is no redirect
    assert chain({"ent-old": "ent-b", "ent-a": "ent-z"}, {"ent-b": "ent-a"}, live={"ent-a"}) == {"ent-old": "ent-a", "ent-b": "ent-a"}
