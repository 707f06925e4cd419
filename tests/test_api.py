"""The Python API: the timeline read through the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe import api
from recoupe.present import queries
from recoupe.errors import RecoupeError
from recoupe.cli import main

ARTICLES = {
    "a.txt": " date 2024-03-20 Le maire de Rennes a démissionné lundi. Il avait été élu en 2014.\n\n"
             "Son successeur sera désigné le 2 avril.",
    "b.txt": " date 2024-03 La navigatrice est arrivée mardi à Brest. Elle était partie le 3 février 2024 de Lorient.",
    "c.txt": "Le festival a eu lieu dans les années 1990 à Arles, puis la semaine dernière.",
}


@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tl")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "tl.db"
    assert api.build([str(folder)], db, progress=False).ok
    return db


def test_api_timeline_orders_dated_items_with_evidence(timeline_db: Path) -> None:
    items = queries.timeline(timeline_db)
    got = [(it.value, it.text, Path(it.source).name) for it in items]
    assert got == [
        ("199", "dans les années 1990", "c.txt"),
        ("2014", "2014", "a.txt"),
        ("2024-02-03", "3 février 2024", "b.txt"),
        ("2024-03-18", "lundi", "a.txt"),
        ("2024-04-02", "2 avril", "a.txt"),
    ]
    monday = items[3]
    assert monday.sentence == "Le maire de Rennes a démissionné lundi."
    assert monday.marked() == "Le maire de Rennes a démissionné [[lundi]]."
    # unresolved ones are not on the timeline: "mardi" (publication known to the month), "la semaine dernière" (no date)
    assert not {"mardi", "la semaine dernière"} & {it.text for it in items}


@pytest.mark.parametrize(("date_from", "date_to", "expected"), [
    ("2024-03", None, ["lundi", "2 avril"]),
    (None, "2014", ["dans les années 1990", "2014"]),
    ("2024-02-03", "2024-03-18", ["3 février 2024", "lundi"]),
    ("1995", "1995", ["dans les années 1990"]),  # a decade overlaps its years
])
def test_api_timeline_filters_by_overlap(timeline_db: Path, date_from: str | None, date_to: str | None, expected: list[str]) -> None:
    assert [it.text for it in queries.timeline(timeline_db, date_from, date_to)] == expected


def test_api_timeline_rejects_a_bad_date(timeline_db: Path) -> None:
    with pytest.raises(RecoupeError, match="--from"):
        queries.timeline(timeline_db, "mars")


@pytest.mark.parametrize(("value", "bounds"), [
    ("2023-09-12", ("2023-09-12", "2023-09-12")),
    ("2023-02", ("2023-02-01", "2023-02-28")),
    ("2023-W36", ("2023-09-04", "2023-09-10")),
    ("198", ("1980-01-01", "1989-12-31")),
    ("2022-02/2022-12", ("2022-02-01", "2022-12-31")),
    ("2019/..", ("2019-01-01", "2019-12-31")),
])
def test_api_iso_bounds(value: str, bounds: tuple[str, str]) -> None:
    b = queries.iso_bounds(value)
    assert b is not None and (b[0].isoformat(), b[1].isoformat()) == bounds


def test_api_timeline_cli_help() -> None:
    r = CliRunner().invoke(main, ["timeline", "--help"])
    assert r.exit_code == 0 and "--from" in r.output and "--to" in r.output


def test_api_timeline_cli_prints_items(timeline_db: Path) -> None:
    r = CliRunner().invoke(main, ["timeline", "--db", str(timeline_db), "--from", "2024"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("2024-02-03") and "b.txt" in lines[0]
    assert "[[lundi]]" in r.output
    bad = CliRunner().invoke(main, ["timeline", "--db", str(timeline_db), "--to", "hier"])
    assert bad.exit_code == 2 and "--to" in bad.output


def test_api_timeline_on_sample_is_sorted_and_resolved(sample_db: Path) -> None:
    items = queries.timeline(sample_db)
    assert items and all(it.value for it in items)
    assert [it.lo for it in items] == sorted(it.lo for it in items)
