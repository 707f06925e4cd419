"""The `claims`, `quotes` and `eval-quotes` commands over a built store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe import api
from recoupe.present import queries
from recoupe.cli import main

GOLD = Path(__file__).parent / "data" / "dev" / "quotes_claims_gold.json"


@pytest.mark.parametrize("cmd", [["claims"], ["quotes"], ["eval-quotes"]])
def test_cli_claims_help(cmd: list[str]) -> None:
    r = CliRunner().invoke(main, [*cmd, "--help"])
    assert r.exit_code == 0 and "Usage" in r.output


def test_cli_claims_lists_clusters_with_modality_mix(sample_db: Path) -> None:
    r = CliRunner().invoke(main, ["claims", "--db", str(sample_db), "--min-size", "2"])
    assert r.exit_code == 0, r.output
    assert "independent source(s)" in r.output and "[" in r.output


def test_cli_claims_contested_only_shows_contested(sample_db: Path) -> None:
    r = CliRunner().invoke(main, ["claims", "--db", str(sample_db), "--contested", "--json"])
    assert r.exit_code == 0, r.output
    clusters = json.loads(r.stdout)
    assert clusters and all(c["contested"] for c in clusters)
    everything = json.loads(CliRunner().invoke(main, ["claims", "--db", str(sample_db), "--json"]).stdout)
    # one definition (the read model's): a denial against a statement, or a claim caught in a contradiction
    denied_and_not = {c["id"] for c in everything if "denied" in c["modalities"] and len(c["modalities"]) > 1}
    assert denied_and_not <= {c["id"] for c in clusters}


def test_cli_quotes_filters_by_speaker(sample_db: Path) -> None:
    everyone = queries.list_quotes(sample_db)
    assert everyone and all(q["span"]["text"] == q["text"] for q in everyone)
    speaker = next(q["speaker_text"] for q in everyone if q["speaker_text"])
    r = CliRunner().invoke(main, ["quotes", "--db", str(sample_db), "--speaker", speaker])
    assert r.exit_code == 0, r.output
    assert speaker in r.output
    assert len(queries.list_quotes(sample_db, speaker=speaker)) < len(everyone)


def test_cli_claims_entity_filter_keeps_clusters_about_it(sample_db: Path) -> None:
    all_clusters = queries.claim_clusters(sample_db)
    name = next(e for c in all_clusters for e in c.entities)
    some = queries.claim_clusters(sample_db, entity=name)
    assert some and len(some) < len(all_clusters)
    assert all(name in c.entities or any(name.casefold() in e.casefold() for e in c.entities) for c in some)


def test_cli_eval_quotes_prints_scores(sample_db: Path) -> None:
    r = CliRunner().invoke(main, ["eval-quotes", "--db", str(sample_db), "--gold", str(GOLD)])
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert set(report) == {"quotes", "claims"} and report["quotes"]["recall"] is not None
