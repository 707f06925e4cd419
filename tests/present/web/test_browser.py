"""Browser tests: Debian's chromium driven by Playwright over a live `recoupe serve` on a free localhost port."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.present.web.dossier_fixture import make_store, span
from tests.present.web.hostile import DOC as HOSTILE_DOC
from tests.present.web.hostile import make_hostile_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("RECOUPE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[3] / "artifacts" / "screenshots"

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -r requirements.txt)")


class LiveServer:
    """uvicorn serving create_app(db) in a thread, on a free port of 127.0.0.1."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from recoupe.present.web import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(make_store(tmp_path_factory.mktemp("browser") / "made.db")) as srv:
        yield srv


@pytest.fixture(scope="module")
def sample(sample_db: Path) -> Iterator[LiveServer]:
    with LiveServer(sample_db) as srv:
        yield srv


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that records script errors and every request it makes (to prove nothing leaves localhost)."""
    ctx = browser.new_context(viewport={"width": 1300, "height": 900})
    pg = ctx.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    ctx.close()


def shot(pg: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def in_view(pg: Any, loc: Any) -> None:
    """The element is on screen, below the sticky header (the reader scrolled to it)."""
    pg.wait_for_timeout(300)  # the reader re-centres the evidence after the load event
    box = loc.bounding_box()
    header = pg.locator("header.top").bounding_box()
    assert box is not None and header is not None
    assert header["height"] <= box["y"] and box["y"] + box["height"] <= 900, box


def only_local(pg: Any, srv: LiveServer) -> None:
    outside = [u for u in pg.requests if not (u.startswith(srv.url) or u.startswith("data:"))]
    assert outside == [], outside


PAGES = [("overview", "/", "Dossier overview"), ("timeline", "/timeline", "Timeline"), ("map", "/map", "Map"),
         ("graph", "/graph", "Entity graph"), ("entities", "/entities", "Entities"), ("claims", "/claims", "Claims board"),
         ("sources", "/sources", "Sources"), ("search", "/search?q=Kim", "Search"), ("corrections", "/corrections", "Analyst corrections")]


@pytest.mark.parametrize("name, path, heading", PAGES)
def test_browser_sample_pages_open(page: Any, sample: LiveServer, name: str, path: str, heading: str) -> None:
    page.goto(sample.url + path)
    page.wait_for_load_state("networkidle")
    assert heading in page.locator("h1").first.inner_text()
    shot(page, f"sample-{name}")
    assert page.errors == []
    only_local(page, sample)


@pytest.mark.parametrize("name, path, heading", PAGES + [("entity", "/entity/ent-dube", "Hélène Dubé"), ("reader", "/doc/doc-b", "Un accord")])
def test_browser_made_pages_open(page: Any, made: LiveServer, name: str, path: str, heading: str) -> None:
    page.goto(made.url + path)
    page.wait_for_load_state("networkidle")
    assert heading in page.locator("h1").first.inner_text()
    shot(page, f"made-{name}")
    assert page.errors == []
    only_local(page, made)


def test_browser_sample_fact_clicks_through_to_its_sentence(page: Any, sample: LiveServer) -> None:
    page.goto(sample.url + "/entities")
    page.locator("table.list a.ent").first.click()
    page.wait_for_load_state()
    link = page.locator("ul.kwic a").first
    expected = link.locator("mark").inner_text()
    link.click()
    page.wait_for_load_state()
    focus = page.locator(".text .k-focus")
    assert "".join(focus.all_inner_texts()) == expected
    in_view(page, focus.first)
    shot(page, "sample-reader-focus")


def test_browser_made_claim_clicks_through_to_highlighted_sentence(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/claims")
    s = span("doc-b", "Le ministère chilien dément toute clause secrète")
    page.locator(f'a.evidence[href*="start={s["start"]}&end={s["end"]}"]').first.click()
    page.wait_for_url(re.compile(r"/doc/doc-b\?start="))
    focus = page.locator(".text .k-focus")
    assert "".join(focus.all_inner_texts()) == s["text"]
    in_view(page, focus.first)
    shot(page, "made-reader-focus")


@pytest.mark.parametrize("query, expect", [("Valparaiso", "Valparaíso"), ("Valparaíso", "Valparaíso"),
                                           ("helene dube", "Hélène Dubé"), ("Hélène", "Hélène Dubé")])
def test_browser_search_with_and_without_accents(page: Any, made: LiveServer, query: str, expect: str) -> None:
    page.goto(made.url + "/")
    page.fill("header form.search input", query)
    page.press("header form.search input", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    facts = page.locator("#facts ul.hits a")
    assert any(t.startswith(expect) for t in facts.all_inner_texts())
    assert page.locator("#documents ul.hits li").count() >= 1
    shot(page, "made-search-" + re.sub(r"\W+", "_", query.encode("ascii", "replace").decode()))


def test_browser_sample_search_with_and_without_accents(page: Any, sample: LiveServer, sample_dossier: dict) -> None:
    # a name of the sample that carries an accent, found with and without it
    import unicodedata

    names = [a for e in sample_dossier["entities"] for a in e["aliases"] if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", a))]
    if not names:
        pytest.skip("no accented name in the sample dossier")
    name = names[0]
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    counts = []
    for q in (name, plain):
        page.goto(sample.url + "/search?q=" + q)
        counts.append(page.locator("ul.hits li").count())
    assert counts[0] >= 1 and counts[0] == counts[1]


def test_browser_timeline_filter_and_map_link(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/timeline")
    page.wait_for_selector(".tl-item")
    playwright_api.expect(page.locator(".tl-item")).to_have_count(7)
    page.wait_for_selector("#tl-map path.leaflet-interactive")
    page.select_option("select[name=entity]", label="Tomás Reyes")
    page.click("#tl-filters button[type=submit]")
    playwright_api.expect(page.locator(".tl-item")).to_have_count(1)
    assert "entity=ent-reyes" in page.url
    page.locator(".tl-item").first.click()
    # the event's place is highlighted on the map (a red, larger circle)
    page.wait_for_selector('#tl-map path.leaflet-interactive[stroke="#c0392b"]')
    assert "Accord sur le cuivre" in page.inner_text("#tl-detail")
    shot(page, "made-timeline-filtered")
    page.select_option("select[name=entity]", value="")
    page.select_option("select[name=type]", value="claim")
    page.click("#tl-filters button[type=submit]")
    playwright_api.expect(page.locator(".tl-item")).to_have_count(4)
    page.fill("input[name=start]", "2024-03-13")
    page.click("#tl-filters button[type=submit]")
    playwright_api.expect(page.locator(".tl-item")).to_have_count(3)
    page.click("#tl-zoom-in")
    page.click("#tl-fit")
    page.locator(".tl-item").first.click()
    page.click("#tl-evidence")
    page.wait_for_url(re.compile(r"/doc/"))
    assert page.locator(".text .k-focus").count() >= 1
    assert page.errors == []


def test_browser_map_draws_outlines_and_places(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/map")
    page.wait_for_selector("path.leaflet-interactive")
    assert page.locator("svg path").count() > 100  # country outlines
    assert page.locator("path.leaflet-interactive").count() == 3
    page.locator("#place-list a").first.wait_for()
    only_local(page, made)


def test_browser_graph_draws_nodes(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/graph")
    page.wait_for_selector("#graph canvas")
    assert page.errors == []


def test_browser_corrections_from_the_claims_board(page: Any, browser: Any, tmp_path: Path) -> None:
    with LiveServer(make_store(tmp_path / "c.db")) as srv:
        page.on("dialog", lambda d: d.accept("vérifié auprès du ministère") if d.type == "prompt" else d.accept())
        page.goto(srv.url + "/claims")
        page.locator('#contradiction-ct-duration button.mark[data-value="confirmed"]').click()
        page.wait_for_selector("#contradiction-ct-duration .review-confirmed")
        page.goto(srv.url + "/corrections")
        assert "vérifié auprès du ministère" in page.inner_text("table.list")
        shot(page, "made-corrections")


def test_browser_merge_and_split_from_the_entity_page(page: Any, tmp_path: Path) -> None:
    with LiveServer(make_store(tmp_path / "m.db")) as srv:
        page.on("dialog", lambda d: d.accept("deux graphies du même lieu") if d.type == "prompt" else d.accept())
        page.goto(srv.url + "/entity/ent-valpo")
        page.fill("form.merge input[name=other]", "Chili")
        page.fill("form.merge input[name=note]", "le pays pour la ville")
        page.click("form.merge button[type=submit]")
        playwright_api.expect(page.locator("ul.aliases")).to_contain_text("Chili")
        page.locator('button.split[data-alias="Valparaiso"]').click()
        playwright_api.expect(page.locator("ul.aliases")).not_to_contain_text("Valparaiso")
        page.goto(srv.url + "/corrections")
        assert page.locator("table.list tbody tr").count() == 2
        shot(page, "made-corrections-entities")


def test_browser_hostile_article_is_inert(page: Any, tmp_path: Path) -> None:
    with LiveServer(make_hostile_store(tmp_path / "h.db")) as srv:
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        for path in [f"/doc/{HOSTILE_DOC}", "/", "/claims", "/entity/ent-h", "/timeline", "/map", "/search?q=script"]:
            page.goto(srv.url + path)
            page.wait_for_load_state("networkidle")
        page.goto(srv.url + f"/doc/{HOSTILE_DOC}")
        assert "<script>alert(\"pwned-script\")</script>" in page.inner_text(".text")
        shot(page, "hostile-reader")
        page.locator(".text a.k-mention").first.click()  # the hostile mention links to its entity page, nothing else
        page.wait_for_url(re.compile(r"/entity/ent-h"))
        assert page.dialogs == []
        only_local(page, srv)
