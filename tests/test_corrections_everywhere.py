"""A correction made in the browser shows in every reader: the CLI's lists, the Python API and every export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from recoupe.cli import main
from recoupe.present import queries
from recoupe.present.web import create_app


def _run(*args: str) -> str:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def test_corrections_made_in_the_browser_show_in_the_cli_and_every_export(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "corrected.db"
    shutil.copy(sample_db, db)
    people = queries.entities(db, type="person")
    keep, gone = people[0], people[1]
    claim = queries.claim_clusters(db)[0].claims[0]
    with TestClient(base_url="http://localhost", app=create_app(db)) as c:
        assert c.post("/api/corrections", json={"action": "merge_entities", "target": keep["id"], "other": gone["id"],
                                                "note": "one person"}).status_code == 201
        assert c.post("/api/corrections", json={"action": "mark_claim", "target": claim["id"], "value": "rejected"}).status_code == 201

    # recoupe entities: the absorbed entity is gone, its name is an alias of the one kept
    listed = _run("entities", "--db", str(db), "--type", "person", "--limit", "0")
    assert gone["id"] not in listed and keep["id"] in listed
    assert gone["id"] in _run("entities", "--db", str(db), "--type", "person", "--limit", "0", "--as-built")
    merged = next(e for e in queries.entities(db, type="person") if e["id"] == keep["id"])
    assert gone["name"] in merged["aliases"] and len(merged["mentions"]) == len(keep["mentions"]) + len(gone["mentions"])

    # recoupe claims: the review mark travels with the cluster
    clusters = json.loads(_run("claims", "--db", str(db), "--json"))
    marked = [cl for c in clusters for cl in c["claims"] if cl["id"] == claim["id"]]
    assert marked and marked[0]["review"]["status"] == "rejected"

    # recoupe events and quotes: references to the absorbed entity now point at the one kept
    for ev in json.loads(_run("events", "--db", str(db), "--json")):
        assert gone["id"] not in ev["participants"]
    for q in json.loads(_run("quotes", "--db", str(db), "--json")):
        assert q["speaker"] != gone["id"]

    # every export: the JSON dossier (validated against the contract) and GeoJSON
    out = tmp_path / "d.json"
    _run("export", "--db", str(db), "--format", "json", "--out", str(out))
    exported = json.loads(out.read_text("utf-8"))
    ids = {e["id"] for e in exported["entities"]}
    assert keep["id"] in ids and gone["id"] not in ids
    assert any(c.get("review", {}).get("status") == "rejected" for c in exported["claims"] if c["id"] == claim["id"])
    raw = tmp_path / "raw.json"
    _run("export", "--db", str(db), "--format", "json", "--out", str(raw), "--as-built")
    assert gone["id"] in {e["id"] for e in json.loads(raw.read_text("utf-8"))["entities"]}
    geo = json.loads(_run("export", "--db", str(db), "--format", "geojson"))
    assert all(gone["id"] not in f["properties"].get("participants", []) for f in geo["features"])


def test_corrections_a_pinned_place_shows_in_places_and_every_export(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "pinned.db"
    shutil.copy(sample_db, db)
    unlocated = next(p for p in queries.places(db) if p["geo"] is None and p["type"] == "place")
    with TestClient(base_url="http://localhost", app=create_app(db)) as c:
        r = c.post("/api/corrections", json={"action": "pin_place", "target": unlocated["id"], "value": "42.43,130.64",
                                             "note": "seen on a map"})
        assert r.status_code == 201, r.text
        assert c.post("/api/corrections", json={"action": "pin_place", "target": unlocated["id"], "value": "x"}).status_code == 400
        assert any(p["id"] == unlocated["id"] for p in c.get("/api/places").json()["items"])
    assert next(p for p in queries.places(db) if p["id"] == unlocated["id"])["geo"]["lat"] == 42.43
    assert unlocated["name"] in _run("places", "--db", str(db))
    geo = tmp_path / "p.geojson"
    _run("export", "--db", str(db), "--format", "geojson", "--out", str(geo))
    feats = [f for f in json.loads(geo.read_text("utf-8"))["features"] if f["properties"]["id"] == unlocated["id"]]
    assert feats and feats[0]["geometry"]["coordinates"] == [130.64, 42.43]
    raw = tmp_path / "raw.geojson"
    _run("export", "--db", str(db), "--format", "geojson", "--out", str(raw), "--as-built")
    assert unlocated["id"] not in raw.read_text("utf-8")
