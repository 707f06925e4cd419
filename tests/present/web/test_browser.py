"""Browser tests: Debian's chromium driven by Playwright over a live `recoupe serve` on a free localhost port."""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from recoupe.present.labels import labels
from tests.present.web.dossier_fixture import make_store, rewrite, span, unlocate
from tests.present.web.hostile import DOC as HOSTILE_DOC
from tests.present.web.hostile import make_hostile_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("RECOUPE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
# screenshots for a person to look at, never committed (tmp/ is ignored by git)
SHOTS = Path(os.environ.get("RECOUPE_ARTIFACTS", Path(__file__).resolve().parents[3] / "tmp" / "artifacts")) / "screenshots"

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


# headings in the corpus language (French: the servers are started without --lang), from the labels file
_T = labels("fr")
PAGES = [("overview", "/", _T("web.titles.overview")), ("timeline", "/timeline", _T("web.titles.timeline")),
         ("map", "/map", _T("web.titles.map")), ("graph", "/graph", _T("web.titles.graph")),
         ("entities", "/entities", _T("web.titles.entities")), ("claims", "/claims", _T("web.titles.claims")),
         ("sources", "/sources", _T("web.titles.sources")), ("search", "/search?q=Kim", _T("web.titles.search")),
         ("corrections", "/corrections", _T("web.titles.corrections"))]


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
    # four dated events, and the claims as one mark per article (three articles)
    playwright_api.expect(page.locator(".tl-item.kind-event")).to_have_count(3)
    playwright_api.expect(page.locator(".tl-item.kind-claims")).to_have_count(3)
    page.wait_for_selector("#tl-map path.leaflet-interactive")
    page.select_option("select[name=entity]", label="Tomás Reyes")
    page.click("#tl-filters button[type=submit]")
    playwright_api.expect(page.locator(".tl-item")).to_have_count(1)
    assert "entity=ent-reyes" in page.url
    page.locator(".tl-item").first.click()
    # the event's place is highlighted on the map (a thick yellow ring)
    page.wait_for_selector('#tl-map path.leaflet-interactive[stroke="#f1c40f"]')
    assert "Accord sur le cuivre" in page.inner_text("#tl-detail")
    shot(page, "made-timeline-filtered")
    page.select_option("select[name=entity]", value="")
    page.select_option("select[name=type]", value="claim")
    page.click("#tl-filters button[type=submit]")
    playwright_api.expect(page.locator(".tl-item")).to_have_count(3)  # four claims in three articles
    page.fill("input[name=start]", "2024-03-13")
    page.click("#tl-filters button[type=submit]")
    playwright_api.expect(page.locator(".tl-item")).to_have_count(2)
    page.click("#tl-zoom-in")
    page.click("#tl-fit")
    page.select_option("select[name=type]", value="")
    page.fill("input[name=start]", "")
    page.click("#tl-filters button[type=submit]")
    page.locator(".tl-item.kind-event").first.click()
    page.click("#tl-evidence")
    page.wait_for_url(re.compile(r"/doc/"))
    assert page.locator(".text .k-focus").count() >= 1
    assert page.errors == []


def test_browser_map_draws_outlines_and_places(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/map")
    page.wait_for_selector("path.leaflet-interactive")
    assert page.locator("svg path").count() > 100  # country outlines
    assert page.locator("path.leaflet-interactive.place").count() == 2  # the country is not drawn on its capital
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


# --- the story at a glance (issue 19) -------------------------------------------------------------------------


def _slide(pg: Any, selector: str, value: int) -> None:
    """Move a range input as a person dragging it would (the input event included)."""
    pg.locator(selector).evaluate("(e, v) => { e.value = String(v); e.dispatchEvent(new Event('input', {bubbles: true})); }", value)


def _window(pg: Any) -> list[str]:
    """The ticks of the timeline's axis, as ISO dates (they are written in words, in the page's language)."""
    return pg.locator("#timeline .tick").evaluate_all("ts => ts.map(t => t.dataset.date)")


def test_browser_timeline_opens_on_the_densest_period_in_lanes(page: Any, sample: LiveServer) -> None:
    page.goto(sample.url + "/timeline")
    page.wait_for_selector(".tl-item.kind-event")
    ticks = _window(page)
    assert ticks and all(t.startswith("2023-09") for t in ticks), ticks  # not 2000-2023: the trip's days
    lanes = page.locator(".tl-lane").evaluate_all("ls => ls.map(l => l.dataset.lane)")
    assert lanes == ["events", "claims"]
    assert page.locator(".tl-lane").all_text_contents() == [_T("web.js.timeline.events_lane"), _T("web.js.timeline.claims_lane")]
    rows = page.locator(".tl-row").evaluate_all("rs => rs.map(r => r.dataset.row)")
    assert {"departure", "arrival", "meeting"} <= set(rows) and rows[-1] == "claim"
    # the summit is a point of its own, in the meeting row, and clickable
    summit = page.locator(".tl-item.kind-event.t-meeting", has_text="Vostotchny").first
    summit.click()
    playwright_api.expect(page.locator("#tl-detail")).to_contain_text(_T.date("2023-09-13"))
    assert page.locator("#tl-evidence").get_attribute("href").startswith("/doc/")
    shot(page, "sample-timeline-densest")
    assert page.errors == []


def test_browser_timeline_clusters_part_on_zoom(page: Any, sample: LiveServer) -> None:
    page.goto(sample.url + "/timeline")
    page.wait_for_selector(".tl-item")
    page.click("#tl-fit")  # every item, 2000 to 2023: the days of September 2023 gather into clusters
    clusters = page.locator(".tl-cluster").count()  # a count, not the live locator
    assert clusters >= 1
    shot(page, "sample-timeline-all-clustered")
    before = page.locator(".tl-item").count()
    for _ in range(8):  # clicking a cluster zooms in on it, until its items part
        if page.locator(".tl-cluster").count() == 0:
            break
        page.locator(".tl-cluster").first.click()
    assert page.locator(".tl-item").count() > before or page.locator(".tl-cluster").count() < clusters
    # every cluster drawn stays inside the timeline, even one of periods that began before the window
    box = page.locator(".timeline").first.bounding_box()
    for k in range(page.locator(".tl-cluster").count()):
        c = page.locator(".tl-cluster").nth(k).bounding_box()
        assert box["x"] <= c["x"] and c["x"] + c["width"] <= box["x"] + box["width"] + 1
    page.click("#tl-dense")
    assert all(t.startswith("2023-09") for t in _window(page))
    shot(page, "sample-timeline-zoomed")
    assert page.errors == []


def test_browser_timeline_and_map_slider_follow_each_other(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/timeline")
    page.wait_for_selector(".tl-item.kind-event")
    page.wait_for_selector("#tl-slider input[type=range]")
    # the slider moves the timeline's cursor (the map's date), and fades what had not happened yet
    _slide(page, "#tl-slider input", 0)
    playwright_api.expect(page.locator("#tl-slider output")).to_have_attribute("data-date", "2024-03-11")
    playwright_api.expect(page.locator("#tl-slider output")).to_have_text(_T("web.js.map.up_to", date=_T.date("2024-03-11")))
    page.wait_for_selector(".tl-cursor")
    assert page.locator("#tl-map path.route").count() == 0  # one stop only so far
    _slide(page, "#tl-slider input", 3)
    page.wait_for_selector("#tl-map path.route")
    # clicking an item moves the slider to its date
    page.locator(".tl-item.kind-event.t-agreement").click()
    playwright_api.expect(page.locator("#tl-slider output")).to_have_attribute("data-date", "2024-03-12")
    shot(page, "made-timeline-slider")
    assert page.errors == []


def test_browser_map_labels_routes_country_list_and_slider(page: Any, sample: LiveServer) -> None:
    page.goto(sample.url + "/map")
    page.wait_for_selector(".leaflet-tooltip.place-label")
    labels = page.locator(".leaflet-tooltip.place-label").all_inner_texts()
    assert "Pyongyang" in labels and "Vostotchny" in labels
    assert "Russie" not in labels and "Corée du Nord" not in labels  # countries are not drawn on their capitals
    # Kim's journey in date order
    page.wait_for_selector("path.route")
    journey = page.locator("#journeys li").first.inner_text()
    assert journey.index("Pyongyang") < journey.index("Vostotchny")
    # country-level events listed beside the map
    country = page.locator("#country-events").inner_text()
    assert "Départ de Kim Jong-un de Russie" in country
    shot(page, "sample-map")
    _slide(page, "#map-slider input", 0)  # the first day: no journey yet, places faded
    playwright_api.expect(page.locator("path.route")).to_have_count(0)
    assert page.locator("#to-timeline").get_attribute("href").startswith("/timeline?at=")
    shot(page, "sample-map-slider-start")
    assert page.errors == []
    only_local(page, sample)


def test_browser_map_pins_an_unlocated_place(page: Any, tmp_path: Path) -> None:
    with LiveServer(rewrite(make_store(tmp_path / "pin.db"), unlocate("ent-ottawa"))) as srv:
        page.on("dialog", lambda dlg: dlg.accept("sur la carte de la délégation"))
        page.goto(srv.url + "/map")
        page.locator('button.pin[data-entity="ent-ottawa"]').click()
        playwright_api.expect(page.locator("#pin-status")).to_contain_text("Ottawa")
        page.locator("#map").click(position={"x": 300, "y": 200})
        page.wait_for_url(re.compile(r"/map\?pinned=ent-ottawa"))
        page.wait_for_selector(".leaflet-tooltip.place-label")
        playwright_api.expect(page.locator("#unlocated")).to_contain_text(_T("web.js.none"))
        assert "Ottawa" in page.locator("#place-list").inner_text()
        shot(page, "made-map-pinned")
        page.goto(srv.url + "/corrections")
        assert page.locator('table.list td[data-value="pin_place"]').count() == 1 and "sur la carte" in page.inner_text("table.list")
        assert _T("web.actions.pin_place") in page.inner_text("table.list")


def test_browser_events_table_sorts_filters_and_downloads(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/events")
    rows = lambda: page.locator("#listing tbody tr").evaluate_all("rs => rs.map(r => r.id)")  # noqa: E731
    assert rows()[0] == "row-ev-arrival"
    page.click('#listing th a[data-sort="independent_sources"]')
    page.wait_for_url(re.compile(r"sort=independent_sources"))
    assert rows()[0] == "row-ev-agreement"
    page.select_option("select[name=type]", value="travel")
    page.click("#listing-filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=travel"))
    assert rows() == ["row-ev-return"]
    with page.expect_download() as dl:
        page.click("a.download >> text=CSV")
    path = dl.value.path()
    assert "ev-return" in Path(path).read_text("utf-8-sig") and dl.value.suggested_filename == "events.csv"
    page.locator("#listing a.evidence").first.click()
    page.wait_for_url(re.compile(r"/doc/doc-c\?start="))
    shot(page, "made-events-to-reader")


def test_browser_quotes_table_sorts_filters_and_downloads(page: Any, sample: LiveServer) -> None:
    page.goto(sample.url + "/quotes")
    n = page.locator("#listing tbody tr").count()
    assert n > 10
    page.fill("input[name=speaker]", "Dmitri Peskov")
    page.click("#listing-filters button[type=submit]")
    page.wait_for_url(re.compile(r"speaker="))
    speakers = set(page.locator('#listing td[data-col="speaker_name"]').all_inner_texts())
    assert speakers == {"Dmitri Peskov"}
    page.click('#listing th a[data-sort="length"]')
    lengths = [int(x) for x in page.locator('#listing td[data-col="length"]').all_inner_texts()]
    assert lengths == sorted(lengths, reverse=True)
    with page.expect_download() as dl:
        page.click("a.download >> text=JSON")
    data = json.loads(Path(dl.value.path()).read_text("utf-8"))
    assert data["total"] == len(lengths) and {r["speaker_name"] for r in data["rows"]} == {"Dmitri Peskov"}
    shot(page, "sample-quotes")


def test_browser_claims_board_shows_sentences_and_filters(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/claims")
    against = page.locator("#cluster-k-secret .against q.sentence").all_inner_texts()
    assert against == ["Le ministère chilien dément toute clause secrète"]
    assert "clause secrète sur le lithium" in page.locator("#cluster-k-secret .for").inner_text()
    page.select_option("select[name=modality]", value="asserted")
    page.click("#claim-filters button[type=submit]")
    page.wait_for_url(re.compile(r"modality=asserted"))
    assert page.locator("article.card").evaluate_all("cs => cs.map(c => c.id)") == ["cluster-k-sign"]
    page.goto(made.url + "/claims")
    page.check("input[name=contested]")
    page.click("#claim-filters button[type=submit]")
    assert page.locator("article.card").count() == 1 and page.locator("article.card.contested").count() == 1
    page.fill("input[name=entity]", "Prensa Sur")
    page.uncheck("input[name=contested]")
    page.click("#claim-filters button[type=submit]")
    assert page.locator("article.card").evaluate_all("cs => cs.map(c => c.id)") == ["cluster-k-sign"]
    shot(page, "made-claims-filtered")
    page.goto(made.url + "/claims?sort=sources")
    sources = [int(x) for x in page.locator("article.card").evaluate_all("cs => cs.map(c => c.dataset.sources)")]
    assert sources == sorted(sources, reverse=True)


def test_browser_graph_opens_on_events_and_a_link_opens_its_sentences(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/graph")
    page.wait_for_selector("#graph canvas")
    assert page.locator("select[name=kind]").input_value() == "events"
    page.wait_for_function("window.recoupeGraph && window.recoupeGraph.edges().length > 0")
    point = page.evaluate("""() => {
      const cy = window.recoupeGraph, e = cy.edges().filter(x => [x.source().id(), x.target().id()].sort().join() === 'ent-dube,ent-reyes')[0];
      const p = e.renderedMidpoint(), box = cy.container().getBoundingClientRect();
      return {x: p.x + box.left, y: p.y + box.top};
    }""")
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#graph-link")
    playwright_api.expect(panel).to_be_visible()
    playwright_api.expect(panel).to_contain_text("Accord sur le cuivre signé")
    assert panel.locator("ul.sentences q").count() >= 2
    shot(page, "made-graph-link")
    panel.locator("ul.sentences a.evidence").first.click()
    page.wait_for_url(re.compile(r"/doc/doc-.\?start="))
    assert page.locator(".text .k-focus").count() >= 1
    assert page.errors == []


def test_browser_reader_dims_all_but_the_evidence(page: Any, made: LiveServer) -> None:
    s = span("doc-a", "Nous voulons un accord sur le cuivre avant l'été")
    page.goto(made.url + f"/doc/doc-a?start={s['start']}&end={s['end']}")
    color = lambda sel: page.locator(sel).first.evaluate("e => getComputedStyle(e).color")  # noqa: E731
    focus, rest = color(".text .k-focus"), color(".text .k-mention:not(.k-focus)")
    assert focus != rest
    text_color = page.locator("#text").evaluate("e => getComputedStyle(e).color")
    assert text_color == rest  # the rest of the text is dimmed alike
    shot(page, "made-reader-dimmed")
    page.click("#dim-toggle")
    assert "dimmed" not in page.locator("#text").get_attribute("class")
    assert color(".text .k-mention:not(.k-focus)") != rest


@pytest.mark.parametrize("query, expect", [("Putin", "Vladimir Poutine"), ("Vostochny", "Vostotchny"), ("North Korea", "Corée du Nord")])
def test_browser_search_across_languages_and_transliterations(page: Any, sample: LiveServer, query: str, expect: str) -> None:
    page.goto(sample.url + "/")
    page.fill("header form.search input", query)
    page.press("header form.search input", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    facts = page.locator("#facts ul.hits a").all_inner_texts()
    assert any(t.startswith(expect + " (") for t in facts), facts
    assert page.locator("#documents ul.hits li").count() >= 1
    shot(page, "sample-search-" + query.replace(" ", "_"))


def test_browser_export_buttons_and_briefing(page: Any, made: LiveServer) -> None:
    page.goto(made.url + "/")
    buttons = page.locator("#exports a.button").evaluate_all("bs => bs.map(b => b.dataset.format)")
    assert {"csv", "ftm", "gexf", "graphml", "json", "jsonl", "geojson", "brief-html", "brief-pdf", "brief-md"} <= set(buttons)
    with page.expect_download() as dl:
        page.click('#exports a[data-format="csv"]')
    assert dl.value.suggested_filename == "dossier.zip"
    import zipfile

    assert "events.csv" in zipfile.ZipFile(dl.value.path()).namelist()
    page.click('#exports a[data-format="brief-html"]')
    page.wait_for_url(re.compile(r"/brief\.html"))
    assert page.locator("h1").inner_text() == "Note de synthèse"
    assert page.locator("#charts svg").count() >= 2
    shot(page, "made-briefing")
    page.locator("ol.notes a").first.click()
    page.wait_for_url(re.compile(r"/doc/doc-.\?start="))
    assert page.locator(".text .k-focus").count() >= 1
    only_local(page, made)


# --- the development corpus --------------------------------------------------------------------------------

DEVSET = Path(__file__).resolve().parents[2] / "data" / "devset" / "txt"


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from recoupe import api

    db = tmp_path_factory.mktemp("dev") / "dev.db"
    assert api.build([str(DEVSET)], db, progress=False, log=lambda _: None).ok
    with LiveServer(db) as srv:
        yield srv


@pytest.mark.parametrize("name, path, ready", [
    ("timeline", "/timeline", ".tl-item"), ("map", "/map", ".leaflet-tooltip.place-label"), ("events", "/events", "#listing"),
    ("quotes", "/quotes", "#listing"), ("claims", "/claims", "article.card"), ("graph", "/graph", "#graph canvas"),
    ("search", "/search?q=Putin", "#facts"), ("overview", "/", "#exports"), ("briefing", "/brief.html", "#notes")])
def test_browser_dev_corpus_story_pages(page: Any, dev: LiveServer, name: str, path: str, ready: str) -> None:
    page.goto(dev.url + path)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    shot(page, f"dev-{name}")
    assert page.errors == []
    only_local(page, dev)


def test_browser_dev_corpus_timeline_opens_on_its_densest_period(page: Any, dev: LiveServer) -> None:
    page.goto(dev.url + "/timeline")
    page.wait_for_selector(".tl-item")
    period = page.evaluate("() => fetch('/api/timeline?limit=1').then(r => r.json()).then(d => d.period)")
    ticks = _window(page)
    assert ticks and all(period[0][:7] <= t[:7] <= period[1][:7] for t in ticks), (ticks, period)
    page.locator(".tl-item.kind-event").first.click()
    assert page.locator("#tl-evidence").count() == 1


def test_browser_language_switch_relabels_pages_and_scripts(page: Any, made: LiveServer) -> None:
    """The header's switch: the pages and the words their scripts write follow it, and it is remembered."""
    page.goto(made.url + "/timeline")
    page.wait_for_selector(".tl-lane")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.click('nav.langs a[data-lang="en"]')
    page.wait_for_selector(".tl-lane")
    assert page.locator("html").get_attribute("lang") == "en"
    en = labels("en")
    assert page.locator(".tl-lane").all_text_contents() == [en("web.js.timeline.events_lane"), en("web.js.timeline.claims_lane")]
    assert en.date("2024-03-12") in page.inner_text("#tl-list")  # dates written by the script, in English
    page.goto(made.url + "/map")  # remembered: no ?lang= here
    page.wait_for_selector("#journeys li")
    assert page.locator("h1").inner_text().startswith(en("web.titles.map"))
    assert page.errors == []
