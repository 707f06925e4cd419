"""Every export format, opened or validated by the library of the tool it is for: csv (the csv module, from a zip
and from a folder), jsonl (json per line), graphml and gexf (networkx, as Gephi's formats), ftm (followthemoney)."""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from recoupe.cli import main
from recoupe.errors import RecoupeError
from recoupe.present import queries
from recoupe.present.export import export, exporters
from recoupe.store import open_store
from tests.present.web.dossier_fixture import make_store

FORMATS = ("csv", "ftm", "gexf", "gexf-bipartite", "graphml", "graphml-bipartite", "json", "jsonl", "geojson")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("exports") / "made.db")


@pytest.fixture(scope="module")
def dossier(made: Path) -> dict[str, Any]:
    return queries.export_dossier(made)


def _run(*args: str) -> str:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.output


def test_exports_every_format_is_registered_and_listed_by_the_cli() -> None:
    assert set(FORMATS) <= set(exporters())
    helptext = _run("export", "--help")
    for f in FORMATS:
        assert f in helptext


def _csv_tables(files: dict[str, bytes]) -> dict[str, list[dict[str, str]]]:
    return {name.removesuffix(".csv"): list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")))) for name, data in files.items()}


def _check_csv(tables: dict[str, list[dict[str, str]]], d: dict[str, Any]) -> None:
    assert len(tables["documents"]) == len(d["documents"]) and len(tables["entities"]) == len(d["entities"])
    assert len(tables["events"]) == len(d["events"]) and len(tables["quotes"]) == len(d["quotes"])
    assert len(tables["claims"]) == len(d["claims"])
    assert len(tables["mentions"]) == sum(len(e["mentions"]) for e in d["entities"])
    texts = {r["id"]: r["text"] for r in tables["documents"]}
    for name, doc_col, prefix in (("mentions", "doc", ""), ("event_sources", "doc", ""), ("quotes", "doc", ""),
                                  ("claims", "span_doc", "span_"), ("contradiction_statements", "doc", "")):
        for r in tables[name]:
            assert texts[r[doc_col]][int(r[prefix + "start"]):int(r[prefix + "end"])] == r[prefix + "text"], (name, r)


def test_exports_csv_zip_opens_with_the_csv_module(made: Path, dossier: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "d.zip"
    _run("export", "--db", str(made), "--format", "csv", "--out", str(out))
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
        tables = _csv_tables({n: z.read(n) for n in z.namelist()})
    _check_csv(tables, dossier)
    agreement = next(r for r in tables["events"] if r["id"] == "ev-agreement")
    assert agreement["participant_names"] == "Hélène Dubé; Tomás Reyes" and agreement["place_name"] == "Valparaíso"


def test_exports_csv_folder(made: Path, dossier: dict[str, Any], tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    _run("export", "--db", str(made), "--format", "csv", "--out", str(folder) + "/")
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert "entities.csv" in files and "event_participants.csv" in files
    _check_csv(_csv_tables(files), dossier)


def test_exports_csv_of_the_sample(sample_dossier: dict[str, Any]) -> None:
    done = export(sample_dossier, "csv")
    _check_csv(_csv_tables(done.files or {}), sample_dossier)


def test_exports_jsonl_one_record_per_line(dossier: dict[str, Any]) -> None:
    lines = [json.loads(x) for x in export(dossier, "jsonl").content.splitlines()]  # type: ignore[union-attr]
    assert lines[0]["table"] == "dossier" and lines[0]["format"] == "recoupe.dossier/1"
    by_table: dict[str, list[dict[str, Any]]] = {}
    for rec in lines[1:]:
        by_table.setdefault(rec.pop("table"), []).append(rec)
    for t in ("documents", "entities", "events", "quotes", "claims", "contradictions", "quantities"):
        assert by_table.get(t, []) == dossier[t]


def _read(fmt: str, d: dict[str, Any]) -> Any:
    data = export(d, fmt).content
    assert isinstance(data, bytes)
    return (nx.read_graphml if fmt.startswith("graphml") else nx.read_gexf)(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exports_entity_graph_opens_in_networkx(dossier: dict[str, Any], fmt: str) -> None:
    g = _read(fmt, dossier)
    assert set(g.nodes) == {e["id"] for e in dossier["entities"]}
    dube = g.nodes["ent-dube"]
    assert dube["type"] == "person" and "Mme Dubé" in dube["aliases"] and dube.get("label") == "Hélène Dubé"
    assert float(g.nodes["ent-valpo"]["lat"]) == pytest.approx(-33.047)
    e = g.edges["ent-dube", "ent-reyes"]
    # two shared events (the agreement and the undated meeting), and sentences naming both
    assert int(e["events"]) == 2 and int(e["sentences"]) >= 1
    assert float(e["weight"]) == int(e["events"]) + int(e["sentences"])


@pytest.mark.parametrize("fmt", ["graphml-bipartite", "gexf-bipartite"])
def test_exports_bipartite_graph_opens_in_networkx(dossier: dict[str, Any], fmt: str) -> None:
    g = _read(fmt, dossier)
    events = {n for n, a in g.nodes(data=True) if a.get("kind") == "event"}
    assert events == {ev["id"] for ev in dossier["events"]}
    assert nx.is_bipartite(g)
    assert {int(a["bipartite"]) for _, a in g.nodes(data=True)} == {0, 1}
    assert set(g.neighbors("ev-agreement")) == {"ent-dube", "ent-reyes", "ent-valpo"}
    assert g.edges["ent-valpo", "ev-agreement"]["role"] == "place"


def test_exports_graphs_of_the_sample_open(sample_dossier: dict[str, Any]) -> None:
    for fmt in ("graphml", "gexf", "graphml-bipartite", "gexf-bipartite"):
        g = _read(fmt, sample_dossier)
        assert g.number_of_nodes() >= len(sample_dossier["entities"]) and g.number_of_edges() > 0


def _ftm(d: dict[str, Any]) -> list[dict[str, Any]]:
    return [json.loads(x) for x in export(d, "ftm").content.splitlines()]  # type: ignore[union-attr]


def _check_ftm(ents: list[dict[str, Any]]) -> None:
    model = pytest.importorskip("followthemoney").model
    ids = {e["id"] for e in ents}
    for data in ents:
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate(data) is None  # raises InvalidData on a bad value
        assert proxy.to_dict()["properties"] == data["properties"]  # already clean
        for prop, values in proxy.properties.items():
            p = proxy.schema.get(prop)
            if p.type.name == "entity":  # every reference points at an emitted entity of the right schema
                for v in values:
                    assert v in ids, (data["schema"], prop, v)
                    target = next(e for e in ents if e["id"] == v)
                    assert model.get(target["schema"]).is_a(p.range), (prop, target["schema"])


def test_exports_ftm_validated_by_followthemoney(dossier: dict[str, Any]) -> None:
    ents = _ftm(dossier)
    _check_ftm(ents)
    schemata = {e["schema"] for e in ents}
    assert {"Article", "Person", "Organization", "Address", "Event", "Mention"} <= schemata
    dube = next(e for e in ents if e["schema"] == "Person" and e["properties"]["name"] == ["Hélène Dubé"])
    agreement = next(e for e in ents if e["schema"] == "Event" and "Accord sur le cuivre signé" in e["properties"]["name"])
    assert dube["id"] in agreement["properties"]["involved"] and agreement["properties"]["date"] == ["2024-03-12"]
    assert len(agreement["properties"]["proof"]) == 2  # both articles
    valpo = next(e for e in ents if e["schema"] == "Address" and e["properties"]["name"] == ["Valparaíso"])
    assert valpo["properties"]["latitude"] == ["-33.047"]
    mentions = [e for e in ents if e["schema"] == "Mention" and e["properties"].get("resolved") == [dube["id"]]]
    assert {m["properties"]["name"][0] for m in mentions} == {"Hélène Dubé", "Mme Dubé"}


def test_exports_ftm_of_the_sample_validated(sample_dossier: dict[str, Any]) -> None:
    _check_ftm(_ftm(sample_dossier))


def test_exports_ftm_without_the_library_is_one_clear_line(dossier: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "followthemoney", None)  # import followthemoney now raises ImportError
    with pytest.raises(RecoupeError, match=r'followthemoney library: pip install "recoupe\[ftm\]"'):
        export(dossier, "ftm")


def _names_in(fmt: str, path: Path) -> set[str]:
    """The entity names an export file holds, read back by its library."""
    if fmt == "csv":
        with zipfile.ZipFile(path) as z:
            return {r["name"] for r in _csv_tables({"entities.csv": z.read("entities.csv")})["entities"]}
    if fmt == "graphml":
        return {a["label"] for _, a in nx.read_graphml(path).nodes(data=True)}
    recs = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    if fmt == "ftm":
        return {n for r in recs if r["schema"] in ("Person", "Organization", "Address") for n in r["properties"]["name"]}
    return {r["name"] for r in recs if r["table"] == "entities"}


@pytest.mark.parametrize("fmt", ["csv", "graphml", "ftm", "jsonl"])
def test_exports_apply_corrections_unless_as_built(tmp_path: Path, fmt: str) -> None:
    if fmt == "ftm":
        pytest.importorskip("followthemoney")
    db = make_store(tmp_path / "c.db")
    with open_store(db) as store:
        store.add_correction("merge_entities", "ent-valpo", "ent-chili", note="test")
    out, raw = tmp_path / f"out.{fmt}", tmp_path / f"raw.{fmt}"
    _run("export", "--db", str(db), "--format", fmt, "--out", str(out))
    _run("export", "--db", str(db), "--format", fmt, "--out", str(raw), "--as-built")
    assert "Chili" not in _names_in(fmt, out) and "Valparaíso" in _names_in(fmt, out)
    assert "Chili" in _names_in(fmt, raw)
