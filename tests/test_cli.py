"""The command line: exit codes, one-line errors, help on every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli import main


@pytest.mark.parametrize("cmd", [[], ["build"], ["export"], ["demo"], ["places"], ["check"]])
def test_cli_help(cmd: list[str]) -> None:
    r = CliRunner().invoke(main, [*cmd, "--help"])
    assert r.exit_code == 0 and "Usage" in r.output


def test_cli_export_missing_store_is_one_line(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2
    assert r.output.count("\n") == 1 and "no such store" in r.output


def test_cli_export_writes_the_dossier(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    r = CliRunner().invoke(main, ["export", "--db", str(sample_db), "--format", "json", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert json.loads(out.read_text("utf-8"))["format"] == "recoupe.dossier/1"


def test_cli_build_exit_code_says_something_failed(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    r = CliRunner().invoke(main, ["build", str(tmp_path / "bad.txt"), "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 1
    assert "skipped" in r.output and "empty file" in r.output


def test_cli_check_prints_contradictions_most_certain_first(tmp_path: Path) -> None:
    from recoupe.model import Document, Dossier
    from recoupe.store import open_store

    db = tmp_path / "c.db"
    span = {"doc": "d1", "start": 0, "end": 6, "text": "700 km"}
    rows = [{"id": f"con-{i}", "kind": "distance", "about": f"about {i}", "statements": [span], "expected": None,
             "explanation": f"explanation {i}", "certainty": c} for i, c in enumerate([0.3, 0.9, 0.6])]
    with open_store(db) as store:
        store.add_document(Document(id="d1", source="s", text="700 km", content_hash="h"), None)
        store.write_dossier(Dossier.from_contract(dict(contradictions=rows)), "fp")
    r = CliRunner().invoke(main, ["check", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert r.output.index("about 1") < r.output.index("about 2") < r.output.index("about 0")
    r = CliRunner().invoke(main, ["check", "--db", str(db), "--min-certainty", "0.5", "--json"])
    assert [c["id"] for c in json.loads(r.output)] == ["con-1", "con-2"]


def test_cli_check_on_the_sample_runs(sample_db: Path) -> None:
    r = CliRunner().invoke(main, ["check", "--db", str(sample_db)])
    assert r.exit_code == 0, r.output
