"""The quality gate: the development corpus, built and scored end to end, stays above the floors in floors.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from recoupe import api
from recoupe.present import queries

HERE = Path(__file__).parent
DEVSET = HERE.parent / "data" / "devset"


@pytest.mark.slow
@pytest.mark.parametrize("source", ["txt", "corpus.jsonl"])
def test_gate_development_corpus_scores_stay_above_their_floors(tmp_path: Path, source: str) -> None:
    # the corpus as plain text files (what a folder of saved pages gives) and as JSON lines with each record's
    # outlet, URL and publication day (what a feed gives): both forms build, export a valid dossier, and score
    floors = json.loads((HERE / "floors.json").read_text("utf-8"))
    db = tmp_path / "dev.db"
    report = api.build([str(DEVSET / source)], db, progress=False, log=lambda _: None)
    assert report.ok, report.skipped + report.analysis_errors
    out = tmp_path / "dev.json"
    queries.write_json(queries.export_dossier(db), out)  # validated against the contract
    overrides = floors["jsonl_overrides"] if source.endswith(".jsonl") else {}
    for code, need in ((floors["lang"], floors["need"]), ("en", floors["need_en"])):
        need = {**need, **overrides.get(code, {})}
        needs = [arg for k, cond in need.items() for arg in ("--need", f"{k}{cond}")]
        r = subprocess.run([sys.executable, str(DEVSET / "score.py"), str(out), "--lang", code, *needs],
                           capture_output=True, text=True)
        scores = r.stdout[: r.stdout.rindex("}") + 1]
        print(scores)
        assert r.returncode == 0, f"{code}: below the floors: {r.stdout.strip().splitlines()[-1]}\n{scores}"
