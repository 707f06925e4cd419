"""The sources pages and `recoupe sources` on the sample corpus: titles and outlets (or the agency an article rests
on, or its first words), never file paths; the groups of one source with why."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from recoupe.cli import main
from recoupe.present import queries


def test_groups_page(sample_client: TestClient) -> None:
    r = sample_client.get("/sources/groups")
    assert r.status_code == 200
    assert "Independent sources" in r.text and "rests on Associated Press" in r.text
    assert ".txt" not in r.text  # labels, never file names


def test_sources_page_shows_no_paths(sample_client: TestClient) -> None:
    r = sample_client.get("/sources")
    assert r.status_code == 200 and "data/sample" not in r.text and ".txt" not in r.text


def test_listing_and_cli(sample_db: Path) -> None:
    listing = queries.sources(sample_db)
    assert listing.independent == len(listing.groups) == 5
    assert listing.agencies == {"Associated Press": 1}
    out = CliRunner().invoke(main, ["sources", "--db", str(sample_db)])
    assert out.exit_code == 0, out.output
    assert "5 independent source(s) among 5 documents" in out.output and ".txt" not in out.output


def test_the_sample_has_titles_and_authors(sample_db: Path) -> None:
    rows = queries.model(sample_db).sources
    assert sum(1 for r in rows if r["title"]) >= 2 and sum(1 for r in rows if r["author"]) >= 2


def test_furniture_names_are_kept_apart_from_the_story(sample_db: Path, sample_dossier: dict) -> None:
    m = queries.model(sample_db)
    assert m.furniture_entities and not any(e.get("page_furniture") for e in m.entities)
    exported = {e["id"] for e in sample_dossier["entities"]}
    assert {e["id"] for e in m.furniture_entities} <= exported  # the export keeps them, marked
    assert m.source_listing().named_in_furniture


def test_an_unknown_outlet_is_said_plainly(sample_client: TestClient, sample_db: Path) -> None:
    page = sample_client.get("/").text
    assert "outlet unknown" in page and "0</b><span>outlets" not in page
    out = CliRunner().invoke(main, ["sources", "--db", str(sample_db)])
    assert "outlets: unknown for 4 of 5 document(s)" in out.output  # the fifth is Associated Press's dispatch


def test_events_say_the_one_source_they_rest_on(sample_db: Path) -> None:
    evs = queries.events(sample_db)
    assert all(isinstance(e["single_source"], bool) for e in evs)
    assert all(e["rests_on"] for e in evs if e["single_source"])
    assert any(not e["single_source"] for e in evs) and any(e["single_source"] for e in evs)
    out = CliRunner().invoke(main, ["events", "--db", str(sample_db)])
    assert out.exit_code == 0 and "single source: KCNA" in out.output
