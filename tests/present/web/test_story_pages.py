"""The pages that tell the story, through FastAPI's TestClient: events and quotes tables with their downloads, the
claims board's filters, the graph's links, the map's journeys and country-level events, search across
transliterations, the reader's dimming, the export buttons and the briefing."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from recoupe.present import story
from recoupe.present.export import exporters
from recoupe.present.web import create_app
from tests.present.web.dossier_fixture import make_store, rewrite, span, unlocate


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr id="row-([^"]+)"', html)


def test_events_page_sorts_filters_and_downloads(client: TestClient) -> None:
    assert _rows(client.get("/events").text) == ["ev-arrival", "ev-agreement", "ev-return", "ev-undated"]  # by date, undated last
    assert _rows(client.get("/events?sort=date&desc=1").text)[:3] == ["ev-return", "ev-agreement", "ev-arrival"]
    assert _rows(client.get("/events?sort=independent_sources").text)[0] == "ev-agreement"  # numbers: largest first
    assert _rows(client.get("/events?type=agreement").text) == ["ev-agreement"]
    assert set(_rows(client.get("/events?entity=Tomás Reyes").text)) == {"ev-agreement", "ev-undated"}
    assert set(_rows(client.get("/events?entity=tomas reyes").text)) == {"ev-agreement", "ev-undated"}
    assert _rows(client.get("/events?start=2024-03-12&end=2024-03-13").text) == ["ev-agreement"]
    assert _rows(client.get("/events?q=cuivre").text) == ["ev-agreement"]
    assert _rows(client.get("/events?min_sources=2").text) == ["ev-agreement"]
    html = client.get("/events?type=agreement").text
    assert 'href="/events.csv?type=agreement"' in html and 'href="/events.json?type=agreement"' in html
    r = client.get("/events.csv?type=agreement")
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert [x["id"] for x in rows] == ["ev-agreement"] and rows[0]["participant_names"] == "Hélène Dubé; Tomás Reyes"
    data = client.get("/events.json?sort=date&desc=1").json()
    assert data["total"] == 4 and data["rows"][0]["id"] == "ev-return" and "summary" in data["columns"]


def test_quotes_page_sorts_filters_and_downloads(client: TestClient) -> None:
    assert _rows(client.get("/quotes").text) == ["q-dube", "q-reyes"]
    assert _rows(client.get("/quotes?sort=published&desc=1").text) == ["q-reyes", "q-dube"]
    assert _rows(client.get("/quotes?speaker=ent-reyes").text) == ["q-reyes"]
    assert _rows(client.get("/quotes?speaker=Mme Dubé").text) == ["q-dube"]
    assert _rows(client.get("/quotes?outlet=Gazette de l'Est").text) == ["q-reyes"]
    assert _rows(client.get("/quotes?q=historique").text) == ["q-reyes"]
    s = span("doc-a", "Nous voulons un accord sur le cuivre avant l'été")
    assert f'/doc/doc-a?start={s["start"]}&amp;end={s["end"]}#focus' in client.get("/quotes").text
    rows = list(csv.DictReader(io.StringIO(client.get("/quotes.csv?speaker=ent-dube").content.decode("utf-8-sig"))))
    assert [r["text"] for r in rows] == [s["text"]]
    assert client.get("/quotes.json").json()["total"] == 2
    assert client.get("/quotes.xml").status_code == 422


def _clusters(html: str) -> list[str]:
    return re.findall(r'id="cluster-([^"]+)"', html)


def test_claims_board_filters_sorts_and_shows_the_sentences(client: TestClient) -> None:
    html = client.get("/claims").text
    # each side lists its claims' sentences, each linking to its evidence
    for cid, doc in (("cl-secret-deny", "doc-b"), ("cl-secret-spec", "doc-c")):
        text = {"cl-secret-deny": "Le ministère chilien dément toute clause secrète",
                "cl-secret-spec": "Les deux dirigeants auraient discuté d'une clause secrète sur le lithium"}[cid]
        assert f'data-claim="{cid}"' in html
        assert text.replace("'", "&#39;") in html
    assert _clusters(client.get("/claims?contested=true").text) == ["k-secret"]
    assert _clusters(client.get("/claims?modality=denied").text) == ["k-secret"]
    assert set(_clusters(client.get("/claims?modality=asserted").text)) == {"k-sign"}
    assert _clusters(client.get("/claims?entity=Prensa Sur").text) == ["k-sign"]
    assert _clusters(client.get("/claims?single=true").text) == []  # both clusters have two independent sources
    assert _clusters(client.get("/claims?sort=text").text) == ["k-secret", "k-sign"]
    api = client.get("/api/claims?modality=denied").json()
    assert [c["id"] for c in api["items"]] == ["k-secret"] and api["items"][0]["against"][0]["span"]["text"].startswith("Le ministère")


def test_graph_link_gives_events_and_sentences(client: TestClient) -> None:
    r = client.get("/api/graph/link?a=ent-reyes&b=ent-dube").json()
    assert {e["id"] for e in r["events"]} == {"ev-agreement", "ev-undated"} and r["n_events"] == 2
    for s in r["sentences"]:
        assert "Dubé" in s["text"] and "Reyes" in s["text"] and s["url"].startswith(f"/doc/{s['doc']}?start={s['start']}&end={s['end']}")
    assert r["n_sentences"] >= 2
    assert client.get("/api/graph/link?a=ent-reyes&b=nobody").status_code == 404


def test_places_give_journeys_country_events_and_unlocated(client: TestClient) -> None:
    data = client.get("/api/places").json()
    (route,) = data["routes"]
    assert route["name"] == "Hélène Dubé" and [s["name"] for s in route["stops"]] == ["Valparaíso", "Ottawa"]
    assert [s["date"] for s in route["stops"]] == ["2024-03-11", "2024-03-14"]
    assert data["country_events"] == [] and data["unlocated"] == []
    assert data["dates"] == ["2024-03-11", "2024-03-14"] and data["period"] == ["2024-03-10", "2024-03-15"]


def test_story_routes_keep_date_order_and_break_long_gaps() -> None:
    ents = {"p": {"id": "p", "type": "person", "name": "P"},
            **{c: {"id": c, "type": "place", "name": c.upper(), "geo": {"lat": i, "lon": i}, "precision": "town"} for i, c in enumerate("abcd")},
            "k": {"id": "k", "type": "country", "name": "K", "geo": {"lat": 9, "lon": 9}, "precision": "country"}}
    ev = lambda i, t, d, place, status="happened": {"id": i, "type": t, "date": d, "place": place, "participants": ["p"], "status": status}  # noqa: E731
    events = [ev("3", "arrival", "2023-09-12", "b"), ev("1", "departure", "2023-09-10", "a"), ev("2", "meeting", "2023-09-10", "c"),
              ev("4", "visit", "2023-09-13", "k"), ev("5", "visit", "2023-09-14", "d", "planned"), ev("6", "visit", "2024-06-01", "a"),
              ev("7", "visit", "2024-06-03", "d"), ev("8", "visit", "2023-09", "d")]
    routes = story.routes(ents, events)
    assert [[s["place"] for s in r["stops"]] for r in routes] == [["a", "c", "b"], ["a", "d"]]
    assert story.densest_period(events) == ("2023-09-09", "2023-09-15")
    assert story.densest_period([]) is None


def test_country_level_events_are_listed_not_drawn(tmp_path: Path) -> None:
    db = rewrite(make_store(tmp_path / "c.db"), lambda d: d["events"].append(
        {"id": "ev-country", "type": "visit", "date": "2024-03-13", "place": "ent-chili", "participants": ["ent-dube"],
         "summary": "Visite au Chili", "status": "happened", "sources": [span("doc-a", "au Chili")], "independent_sources": 1}))
    with TestClient(base_url="http://localhost", app=create_app(db)) as c:
        data = c.get("/api/places").json()
    assert [e["id"] for e in data["country_events"]] == ["ev-country"] and data["country_events"][0]["place_name"] == "Chili"
    assert "ent-chili" not in {p["id"] for p in data["items"]}
    assert [s["place"] for s in data["routes"][0]["stops"]] == ["ent-valpo", "ent-ottawa"]  # the country is no stop


def test_unlocated_places_are_listed_for_pinning(tmp_path: Path) -> None:
    db = rewrite(make_store(tmp_path / "u.db"), unlocate("ent-ottawa"))
    with TestClient(base_url="http://localhost", app=create_app(db, language="en")) as c:
        assert [p["id"] for p in c.get("/api/places").json()["unlocated"]] == ["ent-ottawa"]
        assert "1 without" in c.get("/map").text
        assert c.post("/api/corrections", json={"action": "pin_place", "target": "ent-ottawa", "value": "45.42,-75.69"}).status_code == 201
        data = c.get("/api/places").json()
    assert data["unlocated"] == [] and "ent-ottawa" in {p["id"] for p in data["items"]}


@pytest.mark.parametrize("query, expect", [("Putin", "Vladimir Poutine"), ("Vostochny", "Vostotchny"), ("North Korea", "Corée du Nord")])
def test_search_finds_names_across_languages_and_transliterations(sample_client: TestClient, query: str, expect: str) -> None:
    res = sample_client.get("/api/search", params={"q": query}).json()
    entities = [h["title"] for h in res["facts"] if h["kind"] == "entity"]
    assert any(t.startswith(expect + " (") for t in entities), entities
    assert res["documents"], "the articles naming it in their own spelling"


def test_search_transliteration_on_made_names(client: TestClient) -> None:
    facts = client.get("/api/search?q=Valparayso").json()["facts"]
    assert facts and facts[0]["title"].startswith("Valparaíso")
    assert client.get("/api/search?q=zz").status_code == 200  # too short to match names: no error


def test_reader_dims_all_but_the_evidence(client: TestClient) -> None:
    s = span("doc-a", "Nous voulons un accord sur le cuivre avant l'été")
    html = client.get(f"/doc/doc-a?start={s['start']}&end={s['end']}").text
    assert 'class="text dimmed"' in html and 'id="dim-toggle"' in html
    plain = client.get("/doc/doc-a").text
    assert "dimmed" not in plain.split('id="text"')[0][-40:] and 'id="dim-toggle"' not in plain


def test_overview_has_an_export_button_for_every_format_and_the_briefing(client: TestClient) -> None:
    html = client.get("/").text
    for fmt in exporters():
        assert f'href="/export/{fmt}"' in html
    for fmt in ("html", "pdf", "md"):
        assert f'href="/brief.{fmt}"' in html


@pytest.mark.parametrize("fmt", sorted(set(exporters()) - {"ftm"}) + ["ftm"])
def test_export_buttons_download_each_format(client: TestClient, fmt: str) -> None:
    if fmt == "ftm":
        pytest.importorskip("followthemoney")
    r = client.get(f"/export/{fmt}")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    if fmt == "json":
        assert r.json()["format"] == "recoupe.dossier/1"
    elif fmt == "graphml":
        assert nx.read_graphml(io.BytesIO(r.content)).number_of_nodes() == 6
    assert client.get("/export/nope").status_code == 404


def test_briefing_from_the_browser(client: TestClient) -> None:
    r = client.get("/brief.html")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script" not in r.text and 'href="/doc/doc-' in r.text  # notes open this server's reader
    md = client.get("/brief.md")  # in the reader's language: the server's default (English here), or the one chosen
    assert md.text.startswith("# Briefing") and "attachment" in md.headers["content-disposition"]
    assert client.get("/brief.md?lang=fr").text.startswith("# Note de synthèse")
    pdf = client.get("/brief.pdf")
    assert pdf.status_code in (200, 400)  # 400: no Pango on this machine (one line saying so)
    if pdf.status_code == 200:
        assert pdf.content.startswith(b"%PDF-")
    else:
        assert "Pango" in json.dumps(pdf.json())
