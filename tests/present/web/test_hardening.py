"""Issue 21, the web side: a query's cost is bounded, a busy store answers 503 with Retry-After, ids are validated,
every response (errors and refusals included) carries the security headers, the Host header is checked, and no
script of the front end writes HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.present.web import app as web_app
from recoupe.present.web import create_app, guard, search
from recoupe.store import sqlite as sqlite_store
from tests.store.test_store_hardening import _locked_by_another_writer

STATIC = Path(web_app.__file__).parent / "static"
HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


def _secured(r) -> None:  # type: ignore[no-untyped-def]
    for h in HEADERS:
        assert h in r.headers, (r.status_code, r.url, h)
    assert "script-src 'self'" in r.headers["content-security-policy"]


# ---------------------------------------------------------------------------------------------- search


def test_hardening_a_long_query_searches_a_bounded_number_of_distinct_words() -> None:
    words = [f"mot{i}" for i in range(200)]
    q, cut = search.bounded_query(" ".join(["Mot0", "mot0", "MÔT0"] + words))
    assert q.split() == ["Mot0"] + words[1:search.MAX_TERMS] and cut
    assert search.bounded_query("deux mots") == ("deux mots", False)
    long_word, cut = search.bounded_query("x" * 400)
    assert long_word == "x" * search.MAX_TERM_CHARS and cut
    assert search.bounded_query("   \t ") == ("", False)


def test_hardening_the_store_is_asked_only_the_bounded_words(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    for name in ("search_documents", "search_facts"):  # on the class: each request thread has its own connection
        real = getattr(sqlite_store.SQLiteStore, name)
        monkeypatch.setattr(sqlite_store.SQLiteStore, name,
                            lambda self, q, *a, _real=real, **k: (asked.append(q), _real(self, q, *a, **k))[1])
    q = " ".join(f"w{i:03d}{'é' * (i % 3)}" for i in range(120))[:500]
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200 and r.json()["truncated"] is True
    assert asked and all(len(a.split()) <= search.MAX_TERMS and max(map(len, a.split())) <= search.MAX_TERM_CHARS for a in asked)
    assert r.json()["searched"] == " ".join(q.split()[:search.MAX_TERMS])
    page = client.get("/search", params={"q": q})
    assert page.status_code == 200 and 'id="search-truncated"' in page.text


@pytest.mark.parametrize("q", ['"', 'a OR b', 'NEAR(a b)', 'title:x', '* ^ - + ( )', 'AND', "\x00\x01", "é" * 500,
                               "'; DROP TABLE documents; --", "{a b} : c", "Valpara*"])
def test_hardening_fts_syntax_in_a_query_is_only_words(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200, r.text
    _secured(r)


def test_hardening_a_search_past_its_time_budget_returns_what_it_found(fresh_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from recoupe.store import open_store

    with open_store(fresh_db) as s:
        assert s.search_documents("accord") and s.search_facts("accord")
        monkeypatch.setattr(sqlite_store, "SEARCH_SECONDS", -1.0)  # the deadline has passed before the first row
        assert s.search_documents("accord") == [] and s.search_facts("accord") == []
        monkeypatch.undo()
        assert s.search_documents("accord")  # the handler is removed: later queries are whole
        assert s.count_documents() == 3


# ---------------------------------------------------------------------------------------------- busy store


def test_hardening_a_correction_while_a_build_holds_the_store_gets_503(fresh_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_app, "WAIT_SECONDS", 0.3)
    with TestClient(base_url="http://localhost", app=create_app(fresh_db)) as c:
        assert c.get("/api/overview").status_code == 200  # the store is opened before the build takes the lock
        with _locked_by_another_writer(fresh_db, 2.0):
            r = c.post("/api/corrections", json={"action": "mark_claim", "target": "cl-sign-a", "value": "confirmed"})
            assert r.status_code == 503, r.text
            assert r.headers["retry-after"] == str(guard.RETRY_AFTER)
            assert "busy" in r.json()["error"]["message"] and "try again" in r.json()["error"]["message"]
            _secured(r)
            d = c.delete("/api/corrections/1")
            assert d.status_code == 503 and d.headers["retry-after"]
            assert c.get("/api/overview").status_code == 200  # reading goes on while a build writes
        assert c.post("/api/corrections", json={"action": "mark_claim", "target": "cl-sign-a", "value": "confirmed"}).status_code == 201


# ---------------------------------------------------------------------------------------------- ids, errors, headers


@pytest.mark.parametrize("cid", ["99999999999999999999999999", str(2**63), "-1", "0", "abc", "1e9"])
def test_hardening_a_correction_id_out_of_range_is_refused_with_headers(client: TestClient, cid: str) -> None:
    r = client.delete(f"/api/corrections/{cid}")
    assert r.status_code == 422 and r.json()["error"]["status"] == 422
    _secured(r)


def test_hardening_an_unknown_correction_id_is_404_with_headers(client: TestClient) -> None:
    r = client.delete(f"/api/corrections/{2**63 - 1}")
    assert r.status_code == 404
    _secured(r)


def test_hardening_an_internal_error_is_one_line_with_the_security_headers(web_db: Path) -> None:
    app = create_app(web_db)

    def broken() -> None:
        raise RuntimeError("boom\nwith a second line")

    app.state.recoupe.view = broken
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as c:
        r = c.get("/api/overview")
        assert r.status_code == 500 and r.json()["error"]["message"].startswith("internal error") and "boom" not in r.text
        _secured(r)
        page = c.get("/")
        assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
        _secured(page)


@pytest.mark.parametrize("url", ["/nope", "/api/nope", "/entity/nope", "/doc/nope?start=-1", "/static/nope.js",
                                 "/api/documents?limit=0", "/claims?page=0", "/export/nope", "/favicon.ico", "/static/util.js"])
def test_hardening_every_response_has_the_security_headers(client: TestClient, url: str) -> None:
    _secured(client.get(url))


# ---------------------------------------------------------------------------------------------- Host


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST."])
def test_hardening_local_hosts_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/overview", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example",
                                  "", "[::2]:80", "\x1b[31mred"])
def test_hardening_other_hosts_are_refused_with_headers(client: TestClient, host: str) -> None:
    for url in ("/api/overview", "/"):
        r = client.get(url, headers={"host": host})
        assert r.status_code == 400 and "is not served here" in r.text and "--allowed-host" in r.text, (host, r.text)
        assert "\x1b" not in r.text
        _secured(r)


def test_hardening_allowed_hosts_are_configurable(web_db: Path) -> None:
    with TestClient(create_app(web_db, allowed_hosts=["dossier.lan", "0.0.0.0"]), base_url="http://dossier.lan:8000") as c:
        assert c.get("/api/overview").status_code == 200
        assert c.get("/api/overview", headers={"host": "localhost"}).status_code == 200
        assert c.get("/api/overview", headers={"host": "0.0.0.0"}).status_code == 400  # a listening address, not a name
        assert c.get("/api/overview", headers={"host": "other.lan"}).status_code == 400
    with TestClient(create_app(web_db, allowed_hosts=["*"]), base_url="http://anything.example") as c:
        assert c.get("/api/overview").status_code == 200


def test_hardening_serve_passes_its_host_and_allowed_names(monkeypatch: pytest.MonkeyPatch, web_db: Path) -> None:
    from click.testing import CliRunner

    import uvicorn
    from recoupe.cli import main

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    res = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--host", "192.168.1.5", "--allowed-host", "dossier.lan"])
    assert res.exit_code == 0, res.output
    with TestClient(seen["app"], base_url="http://192.168.1.5:8000") as c:
        assert c.get("/api/overview").status_code == 200
        assert c.get("/api/overview", headers={"host": "dossier.lan"}).status_code == 200
        assert c.get("/api/overview", headers={"host": "evil.example"}).status_code == 400


# ---------------------------------------------------------------------------------------------- front end


def test_hardening_no_script_of_the_front_end_writes_html() -> None:
    scripts = sorted(p for p in STATIC.glob("*.js"))
    assert len(scripts) >= 5
    for p in scripts:
        src = p.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser", "createContextualFragment",
                     "eval(", "new Function", "setTimeout(\"", "html("):
            assert sink not in src, (p.name, sink)
        # Leaflet and friends render a string as HTML: tooltips, popups and labels are given DOM nodes only
        for m in re.finditer(r"\.(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent)\(\s*([^,)]{0,40})", src):
            assert m.group(2).startswith("el("), (p.name, m.group(0))
