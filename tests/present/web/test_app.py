"""The web UI over a store, through FastAPI's TestClient: pages, the JSON API, search, corrections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.errors import RecoupeError
from recoupe.model import Dossier
from recoupe.present.web import create_app
from recoupe.present.labels import labels
from recoupe.store import open_store
from tests.present.web.dossier_fixture import ARTICLES, add_documents, dossier, span

PAGES = ["/", "/timeline", "/map", "/graph", "/entities", "/claims", "/claims?contested=true", "/sources", "/search?q=accord",
         "/corrections", "/entity/ent-dube", "/doc/doc-a", "/doc/doc-a?start=3&end=40"]
API = ["/api/overview", "/api/documents", "/api/documents/doc-a", "/api/entities", "/api/entities/ent-dube", "/api/events",
       "/api/timeline", "/api/places", "/api/graph", "/api/claims", "/api/contradictions", "/api/quotes", "/api/search?q=cuivre",
       "/api/corrections", "/openapi.json"]


@pytest.mark.parametrize("url", PAGES + API)
def test_app_every_page_and_api_answers(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert "script-src 'self'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("url", [u for u in PAGES + API if "ent-dube" not in u and "doc-a" not in u])
def test_app_sample_dossier_pages_answer(sample_client: TestClient, url: str) -> None:
    assert sample_client.get(url).status_code == 200


def test_app_sample_dossier_reader_and_entity_pages(sample_client: TestClient, sample_dossier: dict) -> None:
    ent = max(sample_dossier["entities"], key=lambda e: len(e["mentions"]))
    m = ent["mentions"][0]
    r = sample_client.get(f"/doc/{m['doc']}?start={m['start']}&end={m['end']}")
    assert r.status_code == 200 and 'id="focus"' in r.text
    assert sample_client.get(f"/entity/{ent['id']}").status_code == 200


@pytest.mark.parametrize("url", [u for u in PAGES[:10] + API if "doc-a" not in u and "ent-dube" not in u])
def test_app_empty_store_shows_empty_states(tmp_path: Path, url: str) -> None:
    db = tmp_path / "empty.db"
    open_store(db).close()
    with TestClient(base_url="http://localhost", app=create_app(db)) as c:
        r = c.get(url)
    assert r.status_code == 200
    if url in ("/", "/timeline", "/map", "/claims", "/sources"):
        assert "yet" in r.text  # "No … in this dossier yet"


def test_app_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(RecoupeError, match="no such store"):
        create_app(tmp_path / "none.db")


def test_app_overview_lists_actors_events_contested_and_outlets(client: TestClient) -> None:
    html = client.get("/").text
    for text in ("Hélène Dubé", "Tomás Reyes", "Accord sur le cuivre signé", "Le ministère chilien dément toute clause secrète",
                 "durée du voyage vers le Chili", "Le Courrier du Sud", "2024-03-13"):
        assert text in html
    counts = client.get("/api/overview").json()["counts"]
    assert counts["documents"] == 3 and counts["events"] == 4 and counts["contested"] == 1 and counts["places_on_map"] == 3


def test_app_every_fact_links_to_its_evidence(client: TestClient) -> None:
    html = client.get("/claims").text
    s = span("doc-b", "Le ministère chilien dément toute clause secrète")
    assert f'/doc/doc-b?start={s["start"]}&amp;end={s["end"]}#focus' in html


def test_app_reader_highlights_the_evidence(client: TestClient) -> None:
    s = span("doc-a", "Nous voulons un accord sur le cuivre avant l'été")
    html = client.get(f"/doc/doc-a?start={s['start']}&end={s['end']}").text
    focused = re.findall(r'class="seg [^"]*k-focus"[^>]*>([^<]*)<', html)
    assert "".join(focused) == "Nous voulons un accord sur le cuivre avant l&#39;été"
    body = html.index('id="text"')
    assert body < html.index('id="focus"') < html.index("Nous voulons", body)


def test_app_reader_links_mentions_to_entities(client: TestClient) -> None:
    html = client.get("/doc/doc-b").text
    assert 'href="/entity/ent-valpo"' in html and ">Valparaiso</a>" in html


def test_app_entity_page_lists_aliases_mentions_quotes_events(client: TestClient) -> None:
    html = client.get("/entity/ent-dube").text
    for text in ("Mme Dubé", "Nous voulons un accord", "Accord sur le cuivre signé", "Retour de Hélène Dubé à Ottawa", "Tomás Reyes"):
        assert text in html
    assert html.count("<mark>") == 4  # four mentions in context
    assert client.get("/entity/ent-nobody").status_code == 404


@pytest.mark.parametrize("query, kind, ref", [
    ("Valparaiso", "entity", "ent-valpo"),
    ("Valparaíso", "entity", "ent-valpo"),
    ("helene dube", "entity", "ent-dube"),
    ("HÉLÈNE", "entity", "ent-dube"),
    ("jour historique", "quote", "q-reyes"),
    ("lithium", "claim", "cl-secret-spec"),
    ("durée voyage", "contradiction", "ct-duration"),
])
def test_app_search_finds_facts_accents_folded(client: TestClient, query: str, kind: str, ref: str) -> None:
    res = client.get("/api/search", params={"q": query}).json()
    assert any(h["kind"] == kind and h["id"] == ref for h in res["facts"]), res


def test_app_search_finds_articles_accents_folded(client: TestClient) -> None:
    for q in ("Valparaiso", "Valparaíso", "helene"):
        docs = {h["id"] for h in client.get("/api/search", params={"q": q}).json()["documents"]}
        assert {"doc-a", "doc-b"} <= docs or q == "helene"
    html = client.get("/search", params={"q": "Tomas"}).text
    assert "<mark>Tomás</mark>" in html


@pytest.mark.parametrize("q", ['"; DROP TABLE documents; --', "NEAR(a b)", "a OR b AND", "*", "'", "title:x", "\x00"])
def test_app_search_input_never_reaches_sql(client: TestClient, q: str) -> None:
    assert client.get("/api/search", params={"q": q}).status_code == 200
    assert client.get("/search", params={"q": q}).status_code == 200
    assert client.get("/api/overview").json()["counts"]["documents"] == 3


@pytest.mark.parametrize("params, expected", [
    ({}, {"ev-arrival", "ev-agreement", "ev-return", "cl-sign-a", "cl-sign-b", "cl-secret-deny", "cl-secret-spec"}),
    ({"entity": "ent-reyes"}, {"ev-agreement"}),
    ({"type": "arrival"}, {"ev-arrival"}),
    ({"type": "claim"}, {"cl-sign-a", "cl-sign-b", "cl-secret-deny", "cl-secret-spec"}),
    ({"outlet": "Gazette de l'Est"}, {"ev-agreement", "cl-sign-b", "cl-secret-deny"}),
    ({"start": "2024-03-12", "end": "2024-03-13"}, {"ev-agreement", "cl-sign-a", "cl-sign-b", "cl-secret-deny"}),
    ({"start": "2024-03", "end": "2024-03"}, {"ev-arrival", "ev-agreement", "ev-return", "cl-sign-a", "cl-sign-b", "cl-secret-deny", "cl-secret-spec"}),
    ({"start": "2025-01-01"}, set()),
])
def test_app_timeline_filters(client: TestClient, params: dict, expected: set) -> None:
    res = client.get("/api/timeline", params=params).json()
    assert {it["id"] for it in res["items"]} == expected


def test_app_timeline_items_carry_place_and_evidence(client: TestClient) -> None:
    items = {it["id"]: it for it in client.get("/api/timeline").json()["items"]}
    assert items["ev-agreement"]["geo"] == [-33.047, -71.613]
    assert items["ev-agreement"]["url"].startswith("/doc/doc-a?start=")


def test_app_places_and_graph(client: TestClient) -> None:
    places = {p["id"]: p for p in client.get("/api/places").json()["items"]}
    assert set(places) == {"ent-valpo", "ent-ottawa"}  # a country is not a point on the map
    assert {e["id"] for e in places["ent-valpo"]["events"]} == {"ev-arrival", "ev-agreement"}
    g = client.get("/api/graph").json()
    edges = {(e["source"], e["target"]): e for e in g["edges"]}
    assert edges[("ent-dube", "ent-reyes")]["events"] == 2  # the agreement and the undated meeting
    assert edges[("ent-chili", "ent-valpo")]["sentences"] == 1 and edges[("ent-chili", "ent-valpo")]["events"] == 0
    assert g == client.get("/api/graph?kind=both").json()
    only_events = client.get("/api/graph?kind=events").json()
    assert all(e["sentences"] == 0 or e["events"] > 0 for e in only_events["edges"])


def test_app_claims_board_shows_clusters_for_and_against(client: TestClient) -> None:
    items = {c["id"]: c for c in client.get("/api/claims").json()["items"]}
    secret = items["k-secret"]
    assert secret["contested"] and [c["id"] for c in secret["against"]] == ["cl-secret-deny"]
    assert not items["k-sign"]["contested"] and items["k-sign"]["independent_sources"] == 2
    html = client.get("/claims").text
    assert "mod-denied" in html and "mod-speculative" in html and "2 independent" in html


def test_app_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/overview", "/api/timeline", "/api/search", "/api/corrections", "/api/graph", "/api/entities/{eid}"):
        assert path in spec["paths"]
    assert "CorrectionIn" in spec["components"]["schemas"]
    assert not any(p.startswith("/api") is False and p not in ("/openapi.json",) for p in spec["paths"])


def test_app_api_errors_have_one_shape(client: TestClient) -> None:
    for r in (client.get("/api/entities/nobody"), client.get("/api/documents/nothing"), client.delete("/api/corrections/999")):
        assert r.status_code == 404 and set(r.json()["error"]) == {"status", "message"}
    r = client.post("/api/corrections", json={"action": "merge_entities", "target": "ent-dube"})
    assert r.status_code == 400 and "other" in r.json()["error"]["message"]
    r = client.post("/api/corrections", json={"action": "delete_all", "target": "x"})
    assert r.status_code == 422 and "action" in r.json()["error"]["message"]
    r = client.get("/api/entities", params={"limit": "lots"})
    assert r.status_code == 422 and set(r.json()["error"]) == {"status", "message"}
    assert client.get("/doc/doc-a", params={"start": "-3"}).status_code == 422


def test_app_corrections_apply_and_survive_a_rebuild(fresh_db: Path) -> None:
    with TestClient(base_url="http://localhost", app=create_app(fresh_db)) as c:
        r = c.post("/api/corrections", json={"action": "merge_entities", "target": "ent-valpo", "other": "ent-chili", "note": "même lieu"})
        assert r.status_code == 201 and r.json()["at"]
        assert c.post("/api/corrections", json={"action": "split_alias", "target": "ent-dube", "value": "Mme Dubé"}).status_code == 201
        assert c.post("/api/corrections", json={"action": "mark_claim", "target": "cl-secret-deny", "value": "rejected", "note": "démenti tardif"}).status_code == 201
        assert c.post("/api/corrections", json={"action": "mark_claim", "target": "cl-nothing", "value": "rejected"}).status_code == 404
        assert c.get("/entity/ent-chili", follow_redirects=False).headers["location"] == "/entity/ent-valpo"
        assert "Chili" in c.get("/api/entities/ent-valpo").json()["aliases"]
        # a rebuild rewrites the resolved tables (here with one more article and a new fingerprint)
        with open_store(fresh_db) as store:
            add_documents(store, {"doc-d": ("Autre", "2024-03-20", "Suite", "Tomás Reyes commente l'accord.")})
            store.write_dossier(dossier(), "fixture-2")
        ent = c.get("/api/entities/ent-valpo").json()
        assert "Chili" in ent["aliases"] and len(ent["mentions"]) == 3
        assert "Mme Dubé" not in c.get("/api/entities/ent-dube").json()["aliases"]
        claims = {cl["id"]: cl for k in c.get("/api/claims").json()["items"] for cl in [*k["support"], *k["against"]]}
        assert claims["cl-secret-deny"]["review"]["status"] == "rejected"
        assert "démenti tardif" in c.get("/corrections").text
        # undo
        first = c.get("/api/corrections").json()[0]["id"]
        assert c.delete(f"/api/corrections/{first}").status_code == 204
        assert c.get("/entity/ent-chili").status_code == 200


def test_app_corrections_whose_target_vanished_are_stale(fresh_db: Path) -> None:
    with TestClient(base_url="http://localhost", app=create_app(fresh_db)) as c:
        assert c.post("/api/corrections", json={"action": "mark_contradiction", "target": "ct-duration", "value": "confirmed"}).status_code == 201
        d = dossier()
        with open_store(fresh_db) as store:
            store.write_dossier(Dossier(entities=d.entities, events=d.events, quotes=d.quotes, claims=d.claims), "fixture-3")
        assert "stale" in c.get("/corrections").text.split("<tbody>")[1]


def test_app_search_index_follows_rebuilds(fresh_db: Path) -> None:
    with TestClient(base_url="http://localhost", app=create_app(fresh_db)) as c:
        assert c.get("/api/search", params={"q": "lithium"}).json()["facts"]
        d = dossier()
        with open_store(fresh_db) as store:
            store.write_dossier(Dossier(entities=d.entities), "fixture-4")
        res = c.get("/api/search", params={"q": "lithium"}).json()
        assert res["facts"] == [] and res["documents"]  # the claim is gone; the article is still there


def test_app_maps_use_no_tile_server_unless_configured(web_db: Path) -> None:
    with TestClient(base_url="http://localhost", app=create_app(web_db)) as c:
        r = c.get("/map")
        assert 'data-tiles=""' in r.text and "img-src 'self' data:;" in r.headers["content-security-policy"]
    with TestClient(base_url="http://localhost", app=create_app(web_db, tiles="https://tiles.example.org/{z}/{x}/{y}.png")) as c:
        r = c.get("/map")
        assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in r.text
        assert "img-src 'self' data: https://tiles.example.org;" in r.headers["content-security-policy"]
    with pytest.raises(RecoupeError, match="tiles"):
        create_app(web_db, tiles="javascript:alert(1)")


def test_app_warm_builds_the_view_at_start(web_db: Path) -> None:
    import time

    app = create_app(web_db, warm=True)
    with TestClient(app, base_url="http://localhost"):
        deadline = time.monotonic() + 30
        while app.state.recoupe._view is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.state.recoupe._view is not None


def test_app_reader_shows_an_inferred_writing_day_with_its_evidence(sample_client: TestClient, sample_dossier: dict) -> None:
    refs = [r for r in sample_dossier["dates"] if r["kind"] == "reference"]
    assert refs, "the sample has undated articles placed through shared events"
    ref = refs[0]
    r = sample_client.get(f"/doc/{ref['doc']}")
    assert r.status_code == 200 and 'class="inferred-date"' in r.text
    assert labels("en").date(ref["lo"]) in r.text  # the page is labelled in English (conftest), its dates too
    first = next(b for b in ref["basis"] if b["evidence"])
    assert f"start={first['evidence']['start']}" in r.text  # each reason is one click from its words


def test_app_places_on_map_counts_places_not_organisations_located_where_they_sit(
        sample_client: TestClient, sample_dossier: dict) -> None:
    ents = [e for e in sample_dossier["entities"] if not e.get("page_furniture")]  # what the story shows
    assert any(e["type"] == "organization" and e.get("geo") for e in ents)  # "le Kremlin a dit": located, not drawn
    counts = sample_client.get("/api/overview").json()["counts"]
    assert counts["places_on_map"] == sum(1 for e in ents if e["type"] in ("place", "country")
                                          and (e.get("geo") or {}).get("lat") is not None)
