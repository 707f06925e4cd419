"""GeoJSON export and the `places` listing."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from recoupe.cli import main
from recoupe.present.export import dossier_geojson, places


def _dossier() -> dict:
    span = {"doc": "d", "start": 0, "end": 4, "text": "Oslo"}
    return {
        "documents": [],
        "entities": [
            {"id": "e1", "name": "Oslo", "type": "place", "aliases": ["Oslo"], "mentions": [span, span],
             "geo": {"lat": 59.91, "lon": 10.75, "source": "geonames:3143244"}, "country_code": "NO",
             "precision": "town", "geo_status": "resolved", "geo_name": "Oslo"},
            {"id": "e2", "name": "Zorblattville", "type": "place", "aliases": [], "mentions": [span],
             "geo": None, "geo_status": "unresolved"},
            {"id": "e3", "name": "Jeanne", "type": "person", "aliases": [], "mentions": [span]},
        ],
        "events": [
            {"id": "v1", "type": "meeting", "date": "2021-05-04", "place": "e1", "participants": ["e3"],
             "summary": "Jeanne meets in Oslo", "status": "happened", "sources": [span], "independent_sources": 1},
            {"id": "v2", "type": "meeting", "date": None, "place": "e2", "participants": [], "summary": "",
             "status": "unknown", "sources": [], "independent_sources": 0},
        ],
    }


def test_export_geojson_has_located_places_and_events_lon_first() -> None:
    fc = dossier_geojson(_dossier())
    assert fc["type"] == "FeatureCollection"
    kinds = [(f["properties"]["kind"], f["properties"]["id"]) for f in fc["features"]]
    assert kinds == [("place", "e1"), ("event", "v1")]  # nothing for the unlocated place or its event
    assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [10.75, 59.91]}
    assert fc["features"][1]["properties"]["place_name"] == "Oslo"


def test_export_places_lists_located_first_and_skips_other_types() -> None:
    rows = places(_dossier())
    assert [r["id"] for r in rows] == ["e1", "e2"]
    assert rows[0]["precision"] == "town" and rows[1]["geo"] is None


def test_cli_places_and_geojson_on_the_sample(sample_db: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["places", "--db", str(sample_db), "--all"])
    assert r.exit_code == 0, r.output
    assert "places located" in r.output and "geonames:" in r.output
    out = tmp_path / "p.geojson"
    r = CliRunner().invoke(main, ["export", "--db", str(sample_db), "--format", "geojson", "--out", str(out)])
    assert r.exit_code == 0, r.output
    fc = json.loads(out.read_text("utf-8"))
    assert fc["type"] == "FeatureCollection" and fc["features"]
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
