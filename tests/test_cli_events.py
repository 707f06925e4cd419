"""`recoupe events`: filters, JSON output and errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from recoupe.cli import main


def test_cli_events_lists_and_filters(sample_db: Path) -> None:
    r = CliRunner().invoke(main, ["events", "--db", str(sample_db), "--json"])
    assert r.exit_code == 0, r.output
    evs = json.loads(r.stdout)
    assert evs and all(e["summary"] and e["sources"] for e in evs)
    r = CliRunner().invoke(main, ["events", "--db", str(sample_db), "--type", "meeting", "--json"])
    assert r.exit_code == 0 and all(e["type"] == "meeting" for e in json.loads(r.stdout))


def test_cli_events_unknown_type_is_one_line(sample_db: Path) -> None:
    r = CliRunner().invoke(main, ["events", "--db", str(sample_db), "--type", "party"])
    assert r.exit_code == 2 and "unknown event type" in r.output
