"""The hostile-text crawl (issue 21, slow lane): articles full of markup and script payloads go through the real
`recoupe build`, then every page is opened in Debian's chromium and every page and API route is requested over
HTTP, asserting that no payload runs, that none renders as markup, and that every response carries the security
headers. Payloads call `__pwn(...)`, which the browser records (as well as any dialog), so a payload that ran is seen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from recoupe import api
from recoupe.present.web import create_app
from tests.present.web.test_security import Tags

pytestmark = [pytest.mark.slow]

# Each payload calls __pwn with its own tag; the sentences around them are written for this test.
PAYLOADS = ['<script>__pwn("script")</script>', '<img src=x onerror=__pwn("img")>', '"><svg onload=__pwn("svg")>',
            "<a href=\"javascript:__pwn('href')\">lien</a>", "'><iframe srcdoc=\"<script>parent.__pwn('iframe')</script>\">",
            '<b onmouseover=__pwn("hover")>gras</b>', "{{7*7}}${__pwn('tpl')}", '</textarea><style>*{display:none}</style>',
            "javascript:__pwn('url')", '<details open ontoggle=__pwn("toggle")>']


def _articles() -> dict[str, str]:
    p = PAYLOADS
    return {
        "a1.txt": f"Le ministre Paul {p[0]} Garnier est arrivé lundi 4 mars 2024 à Lyon {p[1]} pour rencontrer la maire "
                  f"Claire {p[2]} Vasseur. « Nous signerons un accord {p[3]} demain », a déclaré Paul Garnier. Selon "
                  f"l'agence {p[4]} Rhône Info, 300 personnes étaient présentes.\n\nLe lendemain, Claire Vasseur a signé "
                  f"l'accord à Lyon. {p[5]}",
        "a2.txt": f"Paul Garnier {p[6]} a quitté Lyon mardi 5 mars 2024 pour Grenoble {p[7]}. « Ce fut un jour utile "
                  f"{p[8]} », a affirmé Claire Vasseur. Selon la préfecture, 200 personnes étaient présentes. {p[9]}",
        "a3.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in [
            {"id": f"rec-{i}", "url": f"https://news.example/{i}", "title": f"Titre {p[i]}", "outlet": f"Le Journal {p[(i + 3) % 10]}",
             "published": "2024-03-06", "text": f"La maire Claire Vasseur a reçu {p[i]} le ministre Paul Garnier à Lyon "
                                                f"le 6 mars 2024. « Rien {p[(i + 1) % 10]} n'est décidé », a dit Paul Garnier."}
            for i in range(len(p))]) + "\n",
        "a4.html": "<html><head><title>Lyon &lt;script&gt;__pwn('title')&lt;/script&gt;</title>"
                   "<meta property=\"article:published_time\" content=\"2024-03-07\"></head><body><article><h1>Visite</h1>"
                   "<p>Paul Garnier a visité Grenoble le 7 mars 2024 avec Claire Vasseur &lt;img src=x onerror=__pwn('html')&gt;."
                   " « Le projet avance », a déclaré Claire Vasseur.</p><p>Selon la mairie, 150 personnes étaient là.</p>"
                   "</article></body></html>",
    }


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("crawl")
    src = root / "in"
    src.mkdir()
    for name, text in _articles().items():
        (src / name).write_text(text, encoding="utf-8")
    db = root / "hostile.db"
    report = api.build([str(src)], db, progress=False)
    assert report.added >= 12, report
    return db


def _routes(c: TestClient) -> list[str]:
    """Every page and API route of the app, its path parameters filled from the dossier, plus the hostile ones."""
    ov = c.get("/api/overview").json()
    ents = c.get("/api/entities", params={"limit": 1000}).json()["items"]
    docs = c.get("/api/documents", params={"limit": 1000}).json()["items"]
    claims = c.get("/api/claims", params={"limit": 1000}).json()["items"]
    assert ents and docs and ov["counts"]["quotes"] > 0
    fill = {"eid": [e["id"] for e in ents] + list(PAYLOADS), "doc_id": [d["id"] for d in docs] + list(PAYLOADS),
            "fmt": ["json", "csv", "graphml", "gexf", "jsonl", "md", "html", "pdf", PAYLOADS[0]], "cid": ["1", "2" * 30, "-1"]}
    urls: list[str] = []
    for r in c.app.routes:  # type: ignore[attr-defined]
        path = getattr(r, "path", "")
        if "GET" not in getattr(r, "methods", {"GET"}) or path.startswith("/static") or path in ("/openapi.json",):
            continue
        names = [p.split("}")[0] for p in path.split("{")[1:]]
        if not names:
            urls.append(path)
            continue
        (name,) = names
        for value in fill.get(name, []):
            urls.append(path.replace("{" + name + "}", quote(value, safe="")))
    a, b = ents[0]["id"], ents[-1]["id"]
    q = quote(PAYLOADS[0])
    urls += [f"/api/graph/link?a={quote(a)}&b={quote(b)}", f"/search?q={q}", f"/api/search?q={q}", "/search?q=pwn",
             "/api/search?q=__pwn", f"/entities?q={q}", f"/claims?entity={q}", f"/events?q={q}", f"/quotes?speaker={q}",
             f"/api/events?entity={q}", f"/api/timeline?type={q}", f"/claims?entity={quote(a)}", "/api/corrections",
             *[f"/doc/{quote(d['id'], safe='')}?start=0&end=40" for d in docs], f"/sources?outlet={quote(docs[0]['outlet'] or '')}",
             *[f"/api/claims?entity={quote(cl['id'])}" for cl in claims[:3]], "/openapi.json", "/static/util.js"]
    return urls


def test_hostile_crawl_every_route_over_http(hostile_db: Path) -> None:
    with TestClient(create_app(hostile_db), base_url="http://localhost", raise_server_exceptions=False) as c:
        urls = _routes(c)
        assert len(urls) > 100
        for url in urls:
            r = c.get(url)
            assert r.status_code in (200, 204, 404, 422), (url, r.status_code, r.text[:300])
            for h in ("content-security-policy", "x-content-type-options", "referrer-policy"):
                assert h in r.headers, (url, h)
            kind = r.headers.get("content-type", "")
            if r.status_code == 204:
                continue
            if kind.startswith("text/html"):
                tags = Tags()
                tags.feed(r.text)
                # the briefing is one self-contained file: its own style sheet and inline SVG charts are the only ones
                own = {"style", "svg"} if url.startswith("/brief.") else set()
                for tag, attrs in tags.tags:
                    assert tag in own or tag not in ("img", "iframe", "object", "embed", "svg", "style", "details"), (url, tag, attrs)
                    if tag == "script":  # a script from /static/, or the page's labels as data that never runs
                        a = dict(attrs)
                        assert (a.get("src") or "").startswith("/static/") or (
                            a == {"type": "application/json", "id": "labels"}), (url, attrs)
                    for n, v in attrs:
                        assert not n.lower().startswith("on"), (url, tag, n, v)
                        if n in ("href", "src", "action", "formaction"):
                            assert not (v or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), (url, n, v)
                assert tags.script_text == [], url
                # payload text is only ever inside a quoted attribute value or a link of this site (URL-encoded)
                assert not any("pwn" in n for _, attrs in tags.tags for n, _ in attrs), url
                assert all((v or "").startswith(("/", "#", "http://", "https://", "?")) or "__pwn" not in (v or "")
                           for _, attrs in tags.tags for n, v in attrs if n in ("href", "src", "action")), url
            elif "__pwn" in r.text:  # data: JSON, CSV, GraphML... never served as a page the browser would run
                assert not kind.startswith(("text/html", "image/svg")), (url, kind)
                assert r.headers["x-content-type-options"] == "nosniff"
        # the payloads are in the dossier (the crawl would prove nothing otherwise) and come back as text
        assert any("__pwn" in e["name"] or any("__pwn" in a for a in e["aliases"])
                   for e in c.get("/api/entities", params={"limit": 1000}).json()["items"]) or \
            "__pwn" in json.dumps(c.get("/api/quotes", params={"limit": 1000}).json())
        print(f"hostile crawl over HTTP: {len(urls)} requests, 0 failures")


@pytest.fixture(scope="module")
def live(hostile_db: Path) -> Iterator[Any]:
    from tests.present.web.test_browser import LiveServer

    with LiveServer(hostile_db) as srv:
        yield srv


@pytest.mark.browser
def test_hostile_crawl_in_the_browser_nothing_runs(live: Any) -> None:
    from tests.present.web import test_browser as tb  # skips when chromium or playwright is missing

    with tb.playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=tb.CHROMIUM, args=tb.ARGS)
        ctx = browser.new_context(viewport={"width": 1300, "height": 900})
        ran: list[str] = []
        ctx.expose_function("__pwn", lambda tag: ran.append(str(tag)))
        pg = ctx.new_page()
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        with TestClient(create_app(live.server.config.app.state.recoupe.db), base_url="http://localhost") as c:
            pages = [u for u in _routes(c) if not u.startswith(("/api/", "/export/", "/brief.", "/events.", "/quotes.", "/openapi",
                                                                "/static", "/favicon"))]
        assert len(pages) > 30
        for url in pages:
            pg.goto(live.url + url)
            pg.wait_for_load_state("networkidle")
            # hover everything that shows a tooltip (map pins, timeline items, graph nodes are drawn on canvas)
            for loc in pg.locator(".leaflet-marker-icon, .leaflet-interactive, .tl-item, [title]").all()[:15]:
                try:
                    loc.hover(timeout=500)
                except Exception:  # noqa: BLE001 (an element off screen or covered is no finding)
                    pass
            injected = pg.evaluate("""() => [...document.querySelectorAll('*')].filter(n =>
                ['IMG','IFRAME','OBJECT','EMBED','DETAILS'].includes(n.tagName) && !n.closest('.leaflet-pane')
                || [...n.attributes].some(a => a.name.startsWith('on'))).map(n => n.outerHTML.slice(0, 120))""")
            assert injected == [], (url, injected)
        assert ran == [] and dialogs == [], (ran, dialogs)
        browser.close()
        print(f"hostile crawl in chromium: {len(pages)} pages opened, 0 payloads ran")
