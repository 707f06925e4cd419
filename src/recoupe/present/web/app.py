"""The web UI: FastAPI app factory, server-rendered pages and the JSON API under /api/."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi import FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from recoupe.model.text import fold
from recoupe.version import __version__
from recoupe.errors import RecoupeError, StoreBusyError
from recoupe.present import brief as briefs
from recoupe.present import corrections as corr
from recoupe.present import graph as entity_graph
from recoupe.present import story
from recoupe.present.export import dossier_json, exporters
from recoupe.present.export import export as run_export
from recoupe.present.labels import FALLBACK, Labels, available, corpus_language, labels
from recoupe.present.read import UNKNOWN_OUTLET
from recoupe.present.web import guard, highlight, listing, search, view
from recoupe.present.web.view import evidence_url
from recoupe.store import Store, open_store, store_exists

HERE = Path(__file__).parent
PAGE = 100  # rows per page in long lists
MAX_SEARCH = 50
MAX_TIMELINE = 600  # items sent to the timeline at once; filters narrow it
CLAIMS_PAGE = 20  # claim clusters per page of the board (each lists its sources)
# Defence in depth on top of escaping: no inline script, nothing from another origin.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{tiles}; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
MARKS = ("\x02", "\x03")  # FTS snippet markers that cannot occur in normalised text, split out before escaping
WAIT_SECONDS = 5.0  # how long a request waits for a build holding the store's write lock before answering 503
MAX_ID = 2**63 - 1  # ids are SQLite integers
LANG_COOKIE = "recoupe_lang"  # the reader's choice of language, remembered (a year) once made with ?lang=
LANG_MAX_AGE = 365 * 24 * 3600
# what the scripts of the pages need of the labels (embedded as JSON in every page): dates, vocabularies, web.js
JS_LABELS = ("language", "zero_is_singular", "months", "date_day", "date_first_day", "date_month", "date_year", "undated",
             "event_types", "entity_types", "modalities", "web.event_status", "web.js")


class CorrectionIn(BaseModel):
    """An analyst's correction. merge_entities: merge `other` into `target`; split_alias: split alias `value`
    off entity `target`; mark_claim / mark_contradiction: set `value` (confirmed|rejected) on `target`;
    pin_place: put the place `target` at `value` ("LAT,LON" in degrees)."""

    action: Literal["merge_entities", "split_alias", "mark_claim", "mark_contradiction", "pin_place"]
    target: str = Field(min_length=1, max_length=200)
    other: str | None = Field(default=None, max_length=200)
    value: str | None = Field(default=None, max_length=500)
    note: str = Field(default="", max_length=2000)


class Correction(CorrectionIn):
    id: int
    at: str


class SearchHit(BaseModel):
    kind: str  # document | entity | quote | claim | event | contradiction
    id: str
    title: str
    snippet: list[tuple[str, bool]]  # (text, matched) pieces of the snippet
    url: str


class SearchResult(BaseModel):
    query: str
    searched: str = ""  # the words actually searched: at most search.MAX_TERMS distinct ones, each cut to MAX_TERM_CHARS
    truncated: bool = False  # True when words of the query were left out (or cut) to bound its cost
    documents: list[SearchHit]
    facts: list[SearchHit]


class App:
    """Holds the store path, one connection per thread, and the cached view of the dossier."""

    def __init__(self, db: str | Path) -> None:
        self.db = str(db)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._view: view.DossierView | None = None

    def store(self) -> Store:
        # sqlite3 connections belong to the thread that opened them; FastAPI runs handlers in a pool
        s = getattr(self._local, "store", None)
        if s is None:
            s = open_store(self.db, wait=WAIT_SECONDS)
            self._local.store = s
        return s

    def warm(self) -> None:
        """Build the view and the entity graph ahead of the first request."""
        view.graph(self.view(), self.store())

    def view(self) -> view.DossierView:
        store = self.store()
        key = view.version_key(store)
        v = self._view
        if v is not None and v.key == key:
            return v
        with self._lock:
            if self._view is None or self._view.key != key:
                self._view = view.load(store, self._view)
            return self._view


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.ChainableUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["evidence_url"] = evidence_url
    env.filters["safe_href"] = safe_href
    env.globals["UNKNOWN_OUTLET"] = UNKNOWN_OUTLET
    return env


def js_labels(lab: Labels) -> dict[str, Any]:
    """The labels the pages' scripts read (JS_LABELS), nested as in the labels file."""
    out: dict[str, Any] = {}
    for key in JS_LABELS:
        *path, last = key.split(".")
        node = out
        for part in path:
            node = node.setdefault(part, {})
        node[last] = lab.raw(key)
    return out


def lang_links(request: Request) -> list[tuple[str, str]]:
    """For each language, this page's address with ?lang= set to it (its other parameters kept)."""
    params = [(k, x) for k, x in request.query_params.multi_items() if k != "lang"]
    return [(code, request.url.path + "?" + urlencode([*params, ("lang", code)])) for code in available()]


def safe_href(url: str | None) -> str | None:
    """A document's source as a link only when it is an http(s) address (never javascript: or data:)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def create_app(db: str | Path, tiles: str | None = None, warm: bool = False,
               allowed_hosts: list[str] | tuple[str, ...] | None = None, language: str | None = None) -> FastAPI:
    """The web UI over the store at `db` (which must exist). `tiles`: an optional map tile URL template
    (e.g. "https://tiles.example.org/{z}/{x}/{y}.png") drawn under the bundled country outlines; without it
    the maps contact no server. `warm`: build the in-memory view in the background as soon as the server
    starts, so that the first page does not wait for it (seconds on a dossier of 10 000 articles). `allowed_hosts`: the
    names the server answers to in the Host header (default: localhost, 127.0.0.1 and ::1; "*" for any), so that a
    page of another site whose name resolves to this machine (DNS rebinding) cannot read the API. `language`: the
    language the pages are labelled in by default (labels/LANG.json; default: the corpus language, as the briefing's);
    a reader overrides it with ?lang= (remembered in a cookie)."""
    if language is not None and language not in available():
        raise RecoupeError(f"--lang {language}: expected one of {', '.join(available())}")
    if not store_exists(db):
        raise RecoupeError(f"{db}: no such store; build one first with `recoupe build SOURCE... --db {db}`")
    tiles_origin = ""
    if tiles:
        parts = urlsplit(tiles)
        if parts.scheme not in ("http", "https") or not parts.netloc or "{z}" not in tiles:
            raise RecoupeError(f"--tiles {tiles}: expected an http(s) URL template with {{z}}, {{x}} and {{y}}")
        tiles_origin = f"{parts.scheme}://{parts.netloc}"
    csp = CSP.format(tiles=" " + tiles_origin if tiles_origin else "")
    state = App(db)
    templates = Jinja2Templates(env=_env())
    # Swagger UI and ReDoc would load their scripts from a CDN: only the OpenAPI document is served.
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(target=state.warm, name="recoupe-warm", daemon=True).start()
        yield

    app = FastAPI(title="recoupe", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The dossier of a news story: entities, events, quotes, claims, contradictions, "
                              "each with its evidence span. Read-only except for analyst corrections.")
    app.state.recoupe = state
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # Outermost first: every response, errors and refused hosts included, carries the security headers.
    app.add_middleware(guard.HostCheck, allowed=guard.allowed_hosts(allowed_hosts))
    app.add_middleware(guard.SecurityHeaders, headers=guard.security_headers(csp))

    def default_language() -> str:
        if language:
            return language
        v = state.view()
        return v.memo("corpus_language", lambda: corpus_language(v.docs))

    def chosen(request: Request) -> tuple[Labels, str | None]:
        """The labels of the reader's language: ?lang= (to be remembered), else the cookie, else the default. A
        language with no labels file is ignored (the page shows in the language it would have had)."""
        asked = request.query_params.get("lang")
        if asked in available():
            return labels(asked), asked
        remembered = request.cookies.get(LANG_COOKIE)
        if remembered in available():
            return labels(remembered), None
        try:
            return labels(default_language()), None
        except Exception:  # the store cannot be read (an error page is being made): the fallback language
            return labels(FALLBACK), None

    def labelled(request: Request, response: Response, remember: str | None) -> Response:
        if remember:
            response.set_cookie(LANG_COOKIE, remember, max_age=LANG_MAX_AGE, samesite="lax", httponly=True)
        return response

    def chrome(request: Request, lab: Labels) -> dict[str, Any]:
        """What base.html needs of every page: the labels, the language switch and the scripts' labels."""
        return {"L": lab, "lang_links": lang_links(request), "js_labels": js_labels(lab)}

    def error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        """One error shape: JSON under /api/, the error page elsewhere; the message is one line (a page not found
        says so in the reader's language, without the server's English detail)."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)
        lab, remember = chosen(request)
        ctx = {"status": status, "message": "" if status in (404, 503) else message, "nav": "", **chrome(request, lab)}
        return labelled(request, templates.TemplateResponse(request, "error.html", ctx, status_code=status, headers=headers),
                        remember)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        # one error shape for the API (FastAPI's default is a list under "detail")
        message = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors())
        return error(request, 422, message)

    @app.exception_handler(StoreBusyError)
    async def store_busy(request: Request, exc: StoreBusyError) -> Response:
        # a build holds the store's write lock: the request can simply be made again a little later
        return error(request, 503, f"the dossier is busy (a build is writing it); nothing was changed: try again in "
                                   f"{guard.RETRY_AFTER} s", {"Retry-After": str(guard.RETRY_AFTER)})

    @app.exception_handler(RecoupeError)
    async def recoupe_error(request: Request, exc: RecoupeError) -> Response:
        return error(request, 400, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # runs outside the other middleware: the security headers are set here too
        r = error(request, 500, "internal error: the server could not answer this request")
        r.headers.update(guard.security_headers(csp))
        return r

    def page(request: Request, name: str, nav: str, **ctx: Any) -> HTMLResponse:
        lab, remember = chosen(request)
        response = templates.TemplateResponse(request, name, {"nav": nav, "v": state.view(), "tiles": tiles or "",
                                                              **chrome(request, lab), **ctx})
        return labelled(request, response, remember)  # type: ignore[return-value]

    # ---------------------------------------------------------------------------------- pages

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request) -> HTMLResponse:
        v = state.view()
        return page(request, "overview.html", "overview", counts=_counts(v), actors=v.main_actors(),
                    latest=v.latest_events(), contested=v.contested_clusters()[:10],
                    contradictions=v.contradictions[:10], outlets=v.outlets()[:20], dates=v.publication_dates()[-30:],
                    exports=sorted((name, e.meta.get("description", "")) for name, e in exporters().items()))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request) -> HTMLResponse:
        v = state.view()
        ents, types, outlets = v.memo("timeline_facets", lambda: _timeline_facets(v))
        period = v.memo("period", lambda: story.densest_period(v.events))
        return page(request, "timeline.html", "timeline", entities=ents, types=types, outlets=outlets, total=len(v.timeline),
                    period=period)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        v = state.view()
        return page(request, "map.html", "map", n_places=len(view.places(v)),
                    n_unlocated=sum(1 for e in v.entities if e["type"] == "place" and not _has_geo(e)))

    @app.get("/graph", response_class=HTMLResponse, include_in_schema=False)
    def graph_page(request: Request) -> HTMLResponse:
        return page(request, "graph.html", "graph")

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, type: str | None = None, q: str | None = None, page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        rows = _entities(state.view(), type, q)
        types = state.view().memo("entity_types", lambda: Counter(e["type"] for e in state.view().entities))
        return page(request, "entities.html", "entities", rows=rows[(page_no - 1) * PAGE: page_no * PAGE], total=len(rows),
                    page_no=page_no, pages=max(1, -(-len(rows) // PAGE)), type=type, q=q or "", types=sorted(types.items()))

    @app.get("/entity/{eid}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, eid: str, page_no: int = Query(1, alias="page", ge=1)) -> Response:
        v = state.view()
        if eid not in v.ent_by_id and eid in v.redirects and (moved := v.entity(eid)) is not None:
            return RedirectResponse(f"/entity/{quote(moved['id'], safe='')}", status_code=303)
        e = v.ent_by_id.get(eid)
        if e is None:
            raise HTTPException(404, f"no entity {eid}")
        mentions = e.get("mentions", [])
        shown = mentions[(page_no - 1) * PAGE: page_no * PAGE]
        texts = state.store().document_texts(sorted({m["doc"] for m in shown}))
        ctx = [(m, highlight.context(texts.get(m["doc"], ""), m["start"], m["end"])) for m in shown]
        return page(request, "entity.html", "entities", e=e, mentions=ctx, n_mentions=len(mentions), page_no=page_no,
                    pages=max(1, -(-len(mentions) // PAGE)), quotes=v.entity_quotes.get(eid, [])[:200],
                    events=sorted(v.entity_events.get(eid, []), key=lambda x: (x.get("date") or "9999", x["id"]))[:200],
                    claims=v.entity_claims.get(eid, [])[:200],
                    neighbours=_neighbours(v, state.store(), eid))

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, contested: bool = False, single: bool = False,
                    modality: Literal["", "asserted", "reported", "conditional", "speculative", "denied"] = "",
                    entity: str = Query("", max_length=200), sort: Literal["sources", "claims", "text"] = "sources",
                    page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        v = state.view()
        clusters = _claim_clusters(v, contested=contested, single=single, modality=modality, entity=entity, sort=sort)
        n = CLAIMS_PAGE
        params = {"contested": "true" if contested else "", "single": "true" if single else "", "modality": modality,
                  "entity": entity, "sort": sort if sort != "sources" else ""}
        base = "/claims?" + "".join(f"{k}={quote(x)}&" for k, x in params.items() if x)
        # contradictions are paged along with the clusters, so every page stays small
        return page(request, "claims.html", "claims", clusters=clusters[(page_no - 1) * n: page_no * n],
                    total=len(clusters), all=len(v.clusters), page_no=page_no, params=params, base=base,
                    modalities=("asserted", "reported", "conditional", "speculative", "denied"),
                    pages=max(1, -(-len(clusters) // n), -(-len(v.contradictions) // n), -(-len(v.discrepancies) // n)),
                    contradictions=v.contradictions[(page_no - 1) * n: page_no * n],
                    discrepancies=v.discrepancies[(page_no - 1) * n: page_no * n])

    for spec in (listing.EVENTS, listing.QUOTES):
        _listing_routes(app, state, spec, page)

    @app.get("/export/{fmt}", include_in_schema=False)
    def export_file(fmt: str) -> Response:
        entry = exporters().get(fmt)
        if entry is None:
            raise HTTPException(404, f"no export format {fmt}")
        done = run_export(dossier_json(state.store(), state.view()), fmt)
        body = done.content.encode("utf-8") if isinstance(done.content, str) else done.content
        return Response(body, media_type=entry.meta.get("media_type", "application/octet-stream"),
                        headers={"Content-Disposition": f'attachment; filename="dossier{entry.meta.get("suffix", "")}"'})

    @app.get("/brief.{fmt}", include_in_schema=False)
    def brief_file(request: Request, fmt: Literal["md", "html", "pdf"]) -> Response:
        v = state.view()
        lang = chosen(request)[0].language  # the briefing is labelled in the reader's language too
        b = v.memo(("brief", lang), lambda: briefs.build(state.store(), v, language=lang, reader=""))  # notes link to this server's reader
        data = briefs.render(b, fmt)
        media = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}[fmt]
        disposition = "inline" if fmt == "html" else f'attachment; filename="briefing.{fmt}"'
        return Response(data, media_type=media, headers={"Content-Disposition": disposition})

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request, outlet: str | None = None, page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        v = state.view()
        docs = v.memo(("sources", outlet), lambda: sorted(
            (d for d in v.docs if outlet is None or (d["outlet"] or UNKNOWN_OUTLET) == outlet),
            key=lambda d: (d["published"] or "", d["outlet"] or "", d["title"] or ""), reverse=True))
        return page(request, "sources.html", "sources", docs=docs[(page_no - 1) * PAGE: page_no * PAGE], total=len(docs),
                    page_no=page_no, pages=max(1, -(-len(docs) // PAGE)), outlet=outlet, outlets=v.outlets())

    @app.get("/sources/groups", response_class=HTMLResponse, include_in_schema=False)
    def source_groups_page(request: Request) -> HTMLResponse:
        """The groups of documents that count as one independent source, with why; outlets and agencies."""
        listing = state.view().source_listing()
        return page(request, "source_groups.html", "sources", listing=listing)

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def reader_page(request: Request, doc_id: str, start: int | None = Query(None, ge=0), end: int | None = Query(None, ge=0)) -> HTMLResponse:
        v = state.view()
        doc = state.store().document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id}")
        focus = (start, end) if start is not None and end is not None and start < end else None
        segs = highlight.segments(doc.text, v.doc_spans.get(doc_id, []), focus)
        facts = _doc_facts(v, doc_id)
        inferred = next((r for r in v.dates if r.get("kind") == "reference" and r.get("doc") == doc_id), None)
        return page(request, "reader.html", "sources", doc=doc, segments=segs, focus=focus, inferred=inferred, dim=focus is not None,
                    focus_text=doc.text[focus[0]:focus[1]] if focus else None, facts=facts, source_href=safe_href(doc.source))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = Query("", max_length=500)) -> HTMLResponse:
        res = _search(state, q, chosen(request)[0]) if q.strip() else None
        return page(request, "search.html", "search", q=q, res=res)

    @app.get("/corrections", response_class=HTMLResponse, include_in_schema=False)
    def corrections_page(request: Request) -> HTMLResponse:
        v = state.view()
        return page(request, "corrections.html", "corrections", rows=list(reversed(v.corrections)), stale=set(v.stale))

    # ---------------------------------------------------------------------------------- API

    @app.get("/api/overview", tags=["dossier"], summary="Counts, main actors, latest events, contested claims, sources")
    def api_overview() -> JSONResponse:
        v = state.view()
        return _json({"counts": _counts(v),
                     "main_actors": [_ent_brief(e) for e in v.main_actors()],
                     "latest_events": v.latest_events(),
                     "contested_claims": [_cluster_brief(c) for c in v.contested_clusters()[:20]],
                     "contradictions": v.contradictions[:20],
                     "outlets": [{"outlet": o, "documents": n} for o, n in v.outlets()],
                     "dates": [{"date": d, "documents": n} for d, n in v.publication_dates()]})

    @app.get("/api/documents", tags=["documents"], summary="Documents (without text), filtered by outlet")
    def api_documents(outlet: str | None = None, limit: int = Query(PAGE, ge=1, le=1000), offset: int = Query(0, ge=0)) -> JSONResponse:
        docs = [d for d in state.view().docs if outlet is None or d["outlet"] == outlet]
        return _json({"total": len(docs), "items": docs[offset: offset + limit]})

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document with its text and the spans of facts in it")
    def api_document(doc_id: str) -> JSONResponse:
        doc = state.store().document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id}")
        spans = state.view().doc_spans.get(doc_id, [])
        return _json({"id": doc.id, "source": doc.source, "title": doc.title, "outlet": doc.outlet, "language": doc.language,
                     "published": doc.published, "duplicate_of": doc.duplicate_of, "text": doc.text,
                     "spans": [{"start": s.start, "end": s.end, "kind": s.kind, "ref": s.ref} for s in spans]})

    @app.get("/api/entities", tags=["entities"], summary="Entities by mention count, filtered by type and name")
    def api_entities(type: str | None = None, q: str | None = Query(None, max_length=200), limit: int = Query(PAGE, ge=1, le=1000),
                     offset: int = Query(0, ge=0)) -> JSONResponse:
        rows = _entities(state.view(), type, q)
        return _json({"total": len(rows), "items": [_ent_brief(e) for e in rows[offset: offset + limit]]})

    @app.get("/api/entities/{eid}", tags=["entities"], summary="One entity with its mentions, quotes, events and claims")
    def api_entity(eid: str) -> JSONResponse:
        v = state.view()
        e = v.entity(eid)
        if e is None:
            raise HTTPException(404, f"no entity {eid}")
        return _json({**e, "quotes": v.entity_quotes.get(e["id"], []), "events": v.entity_events.get(e["id"], []),
                     "claims": v.entity_claims.get(e["id"], [])})

    @app.get("/api/events", tags=["facts"], summary="Events, filtered by entity, type, outlet and date range")
    def api_events(entity: str | None = None, type: str | None = None, outlet: str | None = None,
                   start: str | None = Query(None, max_length=10), end: str | None = Query(None, max_length=10),
                   limit: int = Query(PAGE, ge=1, le=5000), offset: int = Query(0, ge=0)) -> JSONResponse:
        v = state.view()
        if entity:
            entity = v.redirects.get(entity, entity)
        items = v.timeline_items(entity=entity, type=type, outlet=outlet, start=start, end=end)
        rows = [v.event_by_id[it["id"]] for it in items if it["kind"] == "event"]
        if not (start or end or outlet):  # undated events have no place on a date range; outlets are checked on dated ones only
            undated = v.memo("undated_events", lambda: [ev for ev in v.events if not ev.get("date")])
            rows += [ev for ev in undated if (not type or ev.get("type") == type)
                     and (not entity or entity in ev.get("participants", []) or entity == ev.get("place"))]
        return _json({"total": len(rows), "items": rows[offset: offset + limit]})

    @app.get("/api/timeline", tags=["facts"], summary="Dated items (events, claims by article date) for the timeline")
    def api_timeline(entity: str | None = None, type: str | None = None, outlet: str | None = None,
                     start: str | None = Query(None, max_length=10), end: str | None = Query(None, max_length=10),
                     limit: int = Query(MAX_TIMELINE, ge=1, le=10000)) -> JSONResponse:
        v = state.view()
        items = v.timeline_items(entity=entity, type=type, outlet=outlet, start=start, end=end)
        return _json({"total": len(items), "truncated": len(items) > limit, "items": items[:limit],
                      "period": v.memo("period", lambda: story.densest_period(v.events))})

    @app.get("/api/places", tags=["facts"], summary="Places with coordinates and the events there; journeys; country-level events")
    def api_places() -> JSONResponse:
        v = state.view()
        return _json(v.memo("api_places", lambda: _places_payload(v)))

    @app.get("/api/graph", tags=["entities"], summary="Entity graph: co-participation in events and co-occurrence in sentences")
    def api_graph(limit: int = Query(40, ge=2, le=500), min_weight: int = Query(1, ge=1),
                  kind: Literal["both", "events", "sentences"] = "both") -> JSONResponse:
        v = state.view()
        return _json(v.memo(("graph", limit, min_weight, kind), lambda: entity_graph.top(view.graph(v, state.store()), v.ent_by_id, limit, min_weight, kind)))

    @app.get("/api/graph/link", tags=["entities"], summary="What links two entities: the events they share and the sentences naming both")
    def api_graph_link(a: str = Query(..., max_length=200), b: str = Query(..., max_length=200)) -> JSONResponse:
        v = state.view()
        a, b = v.redirects.get(a, a), v.redirects.get(b, b)
        if a not in v.ent_by_id or b not in v.ent_by_id:
            raise HTTPException(404, "no such entity")
        g = view.graph(v, state.store())
        key = entity_graph.pair(a, b)
        evs = [v.event_by_id[e] for e in g.event_ids.get(key, []) if e in v.event_by_id]
        spans = g.sentence_spans.get(key, [])
        texts = state.store().document_texts(sorted({d for d, _, _ in spans}))
        sentences = [{"doc": d, "start": s0, "end": e0, "text": texts.get(d, "")[s0:e0], "source": v.doc_short(d),
                      "url": evidence_url({"doc": d, "start": s0, "end": e0})} for d, s0, e0 in spans]
        return _json({"a": _ent_brief(v.ent_by_id[a]), "b": _ent_brief(v.ent_by_id[b]),
                      "events": [{"id": ev["id"], "date": ev.get("date"), "type": ev.get("type"), "summary": ev.get("summary"),
                                  "url": evidence_url((ev.get("sources") or [None])[0])} for ev in evs],
                      "n_events": g.events.get(key, 0), "sentences": sentences, "n_sentences": g.sentences.get(key, 0)})


    @app.get("/api/claims", tags=["facts"], summary="Claim clusters with modalities, corroboration, sources for and against")
    def api_claims(contested: bool = False, single: bool = False,
                   modality: Literal["", "asserted", "reported", "conditional", "speculative", "denied"] = "",
                   entity: str = Query("", max_length=200), sort: Literal["sources", "claims", "text"] = "sources",
                   limit: int = Query(PAGE, ge=1, le=5000), offset: int = Query(0, ge=0)) -> JSONResponse:
        v = state.view()
        clusters = _claim_clusters(v, contested=contested, single=single, modality=modality, entity=entity, sort=sort)
        return _json({"total": len(clusters), "items": [_cluster_brief(c, full=True) for c in clusters[offset: offset + limit]]})

    @app.get("/api/contradictions", tags=["facts"], summary="Contradictions with their statements")
    def api_contradictions(limit: int = Query(PAGE, ge=1, le=5000), offset: int = Query(0, ge=0)) -> JSONResponse:
        v = state.view()
        return _json({"total": len(v.contradictions), "items": v.contradictions[offset: offset + limit]})

    @app.get("/api/quotes", tags=["facts"], summary="Quotes, filtered by speaker")
    def api_quotes(speaker: str | None = None, limit: int = Query(PAGE, ge=1, le=5000), offset: int = Query(0, ge=0)) -> JSONResponse:
        v = state.view()
        rows = v.entity_quotes.get(v.redirects.get(speaker, speaker), []) if speaker else v.quotes
        return _json({"total": len(rows), "items": rows[offset: offset + limit]})

    @app.get("/api/search", tags=["search"], summary="Full-text search over articles and facts, accents folded", response_model=SearchResult)
    def api_search(request: Request, q: str = Query(..., min_length=1, max_length=500)) -> SearchResult:
        return _search(state, q, chosen(request)[0])

    @app.get("/api/corrections", tags=["corrections"], summary="The analyst's corrections, oldest first", response_model=list[Correction])
    def api_corrections() -> list[dict[str, Any]]:
        return state.store().corrections()

    @app.post("/api/corrections", tags=["corrections"], status_code=201, response_model=Correction,
              summary="Record a correction (applied whenever the dossier is presented, so it survives rebuilds)")
    def api_add_correction(c: CorrectionIn) -> dict[str, Any]:
        v = state.view()
        corr.check(c.action, c.target, c.other, c.value)
        exists = {"merge_entities": v.entity, "split_alias": v.entity, "pin_place": v.entity, "mark_claim": v.claim_by_id.get,
                  "mark_contradiction": v.contradiction_by_id.get}[c.action]
        for ref in [c.target, c.other] if c.action == "merge_entities" else [c.target]:
            if exists(ref or "") is None:
                raise HTTPException(404, f"{c.action}: no such record {ref}")
        return state.store().add_correction(c.action, c.target, c.other, c.value, c.note)

    @app.delete("/api/corrections/{cid}", tags=["corrections"], status_code=204, summary="Undo a correction")
    def api_delete_correction(cid: int = PathParam(ge=1, le=MAX_ID)) -> Response:
        if not state.store().delete_correction(cid):
            raise HTTPException(404, f"no correction {cid}")
        return Response(status_code=204)

    return app


# -------------------------------------------------------------------------------------- helpers


def _json(obj: Any) -> JSONResponse:
    """The response as JSON straight away: the rows are already plain JSON data, so FastAPI's encoder is skipped."""
    return JSONResponse(obj)


def _counts(v: view.DossierView) -> dict[str, int]:
    return v.memo("counts", lambda: _compute_counts(v))


def _compute_counts(v: view.DossierView) -> dict[str, int]:
    return {"documents": len(v.docs), "duplicates": sum(1 for d in v.docs if d["duplicate_of"]),
            "outlets": len({d["outlet"] for d in v.docs if d["outlet"]}), "entities": len(v.entities),
            # places and countries: an organisation located where it sits ("le Kremlin a dit") is not drawn
            "places_on_map": sum(1 for e in v.entities if e["type"] in ("place", "country") and _has_geo(e)),
            "events": len(v.events), "quotes": len(v.quotes), "claims": len(v.claims), "claim_clusters": len(v.clusters),
            "contested": len(v.contested_clusters()), "contradictions": len(v.contradictions),
            "discrepancies": len(v.discrepancies),
            "quantities": len(v.quantities), "corrections": len(v.corrections)}


def _timeline_facets(v: view.DossierView) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    counts = Counter(e for it in v.timeline for e in it["entities"])
    ents = sorted((v.ent_by_id[e] for e, _ in counts.most_common(300) if e in v.ent_by_id), key=lambda e: e["name"].casefold())
    return ents, sorted({it["type"] for it in v.timeline}), sorted({o for it in v.timeline for o in it["outlets"]})


def _ent_brief(e: dict[str, Any]) -> dict[str, Any]:
    return {"id": e["id"], "name": e["name"], "type": e["type"], "aliases": e.get("aliases", []),
            "mentions": len(e.get("mentions", [])), "geo": e.get("geo")}


def _cluster_brief(c: dict[str, Any], full: bool = False) -> dict[str, Any]:
    out = {k: c[k] for k in ("id", "text", "modalities", "independent_sources", "outlets", "contested", "contradicted", "review")}
    out["claims"] = len(c["claims"])
    if full:
        out["support"], out["against"] = c["support"], c["against"]
    return out


def _entities(v: view.DossierView, type: str | None, q: str | None) -> list[dict[str, Any]]:
    """Entities of a type (or all), most mentioned first, whose name or an alias contains `q` (accents folded)."""
    def ranked() -> list[tuple[dict[str, Any], str]]:
        rows = [e for e in v.entities if not type or e["type"] == type]
        rows.sort(key=lambda e: (-len(e.get("mentions", [])), e["name"].casefold()))
        return [(e, " | ".join(fold(a) for a in [e["name"], *e.get("aliases", [])])) for e in rows]

    rows = v.memo(("entities", type or ""), ranked)
    if q and q.strip():
        key = fold(q)
        return [e for e, folded in rows if key in folded]
    return [e for e, _ in rows]


def _neighbours(v: view.DossierView, store: Store, eid: str, n: int = 15) -> list[tuple[dict[str, Any], int, int]]:
    """The entities most often seen with `eid`: (entity, events shared, sentences shared)."""
    near = view.graph(v, store).adjacency.get(eid, {})
    best = sorted(near.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))[:n]
    return [(v.ent_by_id[o], w[0], w[1]) for o, w in best if o in v.ent_by_id]


def _doc_facts(v: view.DossierView, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """The facts whose evidence lies in this document, for the reader's side panel."""
    kinds: dict[str, list[Any]] = {"event": [], "quote": [], "claim": [], "contradiction": []}
    seen: set[tuple[str, str]] = set()
    lookup = {"event": v.event_by_id, "quote": v.quote_by_id, "claim": v.claim_by_id, "contradiction": v.contradiction_by_id}
    for s in v.doc_spans.get(doc_id, []):
        if s.kind in kinds and (s.kind, s.ref) not in seen:
            seen.add((s.kind, s.ref))
            rec = lookup[s.kind].get(s.ref)
            if rec:
                kinds[s.kind].append((rec, {"doc": doc_id, "start": s.start, "end": s.end}))
    ents = Counter(s.ref for s in v.doc_spans.get(doc_id, []) if s.kind == "mention")
    kinds["entities"] = [(v.ent_by_id[e], n) for e, n in ents.most_common(30) if e in v.ent_by_id]
    return kinds


def _split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """An FTS snippet as (text, matched) pieces, so the template escapes the text and marks the matches."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MARKS[0])):
        if i == 0:
            if part:
                out.append((part.replace(MARKS[1], ""), False))
            continue
        hit, _, rest = part.partition(MARKS[1])
        out.append((hit, True))
        if rest:
            out.append((rest, False))
    return out


def _search(state: App, query: str, lab: Labels) -> SearchResult:
    v = state.view()
    store = state.store()
    q, truncated = search.bounded_query(query)
    if not q:
        return SearchResult(query=query, documents=[], facts=[])
    # names across languages and transliterations ("Putin" finds "Vladimir Poutine"), through the entities' aliases
    named = search.entity_matches(v, q)
    docs = []
    found: set[str] = set()
    # the articles with the words asked for, then those naming the entities found under another spelling
    for words in [q, *[e["name"] for e, _ in named[:3] if fold(e["name"]) != fold(q)]]:
        for doc_id, snip in store.search_documents(words, MAX_SEARCH, marks=MARKS):
            if doc_id in found or len(docs) >= MAX_SEARCH:
                continue
            found.add(doc_id)
            d = v.doc_by_id.get(doc_id)
            docs.append(SearchHit(kind="document", id=doc_id, title=v.doc_label(doc_id, lab.date) if d else doc_id,
                                  snippet=_split_snippet(snip), url=f"/doc/{quote(doc_id, safe='')}"))
    facts = []
    seen: set[tuple[str, str]] = set()
    for e, form in named:
        seen.add(("entity", e["id"]))
        others = [a for a in e.get("aliases", []) if a not in (form, e["name"])][:4]
        facts.append(SearchHit(kind="entity", id=e["id"], title=lab("web.search.entity_title", name=e["name"], type=lab.term("entity_types", e["type"])),
                               snippet=[(lab("web.search.as") + " ", False), (form, True),
                                        *([(" · " + lab("web.search.also", names=", ".join(others)), False)] if others else [])],
                               url=f"/entity/{quote(e['id'], safe='')}"))
    for kind, ref, snip in store.search_facts(q, MAX_SEARCH, marks=MARKS):
        hit = _fact_hit(v, kind, ref, snip, lab)
        if hit and (hit.kind, hit.id) not in seen:
            seen.add((hit.kind, hit.id))
            facts.append(hit)
    return SearchResult(query=query, searched=q, truncated=truncated, documents=docs, facts=facts)


def _fact_hit(v: view.DossierView, kind: str, ref: str, snip: str, lab: Labels) -> SearchHit | None:
    pieces = _split_snippet(snip)
    if kind == "entity":
        e = v.entity(ref)
        if e is None:
            return None
        return SearchHit(kind=kind, id=e["id"], title=lab("web.search.entity_title", name=e["name"], type=lab.term("entity_types", e["type"])), snippet=pieces, url=f"/entity/{quote(e['id'], safe='')}")
    rec = {"quote": v.quote_by_id, "claim": v.claim_by_id, "event": v.event_by_id, "contradiction": v.contradiction_by_id}[kind].get(ref)
    if rec is None:
        return None
    span = rec.get("span") or (rec.get("sources") or rec.get("statements") or [None])[0]
    if kind == "quote":
        title = lab("web.search.quote_title", speaker=v.entity_name(rec.get("speaker")) or rec.get("speaker_text")
                    or lab("web.search.unknown_speaker"))
    elif kind == "claim":
        title = lab("web.search.claim_title", modality=lab.term("modalities", rec.get("modality")), source=v.doc_label(span["doc"], lab.date))
    elif kind == "event":
        title = lab("web.search.event_title", type=lab.term("event_types", rec.get("type")),
                    date=lab.date(rec["date"]) if rec.get("date") else "").strip()
    else:
        title = lab("web.search.contradiction_title", kind=lab.term("contradiction_kinds", rec.get("kind")))
    return SearchHit(kind=kind, id=ref, title=title, snippet=pieces, url=evidence_url(span))


def _listing_routes(app: FastAPI, state: App, spec: listing.Listing, page: Any) -> None:
    """The page of a listing (/events) and its downloads (/events.csv, /events.json), with the same filters."""
    def params_of(request: Request) -> dict[str, str]:
        return {k: v[:200] for k, v in request.query_params.items() if k in (*spec.filters, "sort", "desc")}

    def show(request: Request, page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        v = state.view()
        params = params_of(request)
        rows = v.memo(("listing", spec.name, tuple(sorted(params.items()))), lambda: spec.query(v, params))
        key, desc = spec.order(params)
        base = "/" + spec.name + "?" + "".join(f"{k}={quote(x)}&" for k, x in params.items() if x)
        return page(request, "listing.html", spec.name, t=spec, rows=rows[(page_no - 1) * PAGE: page_no * PAGE], total=len(rows),
                    all=len(v.memo(("listing", spec.name), lambda: spec.rows(v))), params=params, sort=key, desc=desc,
                    page_no=page_no, pages=max(1, -(-len(rows) // PAGE)), base=base, filters=_listing_filters(v, spec))

    def download(request: Request, fmt: Literal["csv", "json"]) -> Response:
        v = state.view()
        return spec.download(spec.query(v, params_of(request)), fmt)

    app.add_api_route(f"/{spec.name}", show, methods=["GET"], response_class=HTMLResponse, include_in_schema=False)
    app.add_api_route(f"/{spec.name}.{{fmt}}", download, methods=["GET"], include_in_schema=False)


def _listing_filters(v: view.DossierView, spec: listing.Listing) -> list[dict[str, Any]]:
    """The filter controls of a listing's page: a select where the values are few, else a text or date input."""
    def options(col: str) -> list[str]:
        rows = v.memo(("listing", spec.name), lambda: spec.rows(v))
        return sorted({r[col] for r in rows if r.get(col)}, key=str.casefold)

    if spec is listing.EVENTS:  # labels: web.filters.NAME
        return [{"name": "q", "label": "summary", "type": "search", "options": None},
                {"name": "type", "label": "type", "options": options("type"), "terms": "event_types"},
                {"name": "status", "label": "status", "options": options("status"), "terms": "web.event_status"},
                {"name": "entity", "label": "entity", "type": "search", "options": None},
                {"name": "start", "label": "start", "type": "date", "options": None},
                {"name": "end", "label": "end", "type": "date", "options": None},
                {"name": "min_sources", "label": "min_sources", "type": "number", "options": None}]
    return [{"name": "q", "label": "quote", "type": "search", "options": None},
            {"name": "speaker", "label": "speaker", "type": "search", "options": None},
            {"name": "outlet", "label": "outlet", "options": options("outlet")}]


def _claim_clusters(v: view.DossierView, *, contested: bool, single: bool, modality: str, entity: str, sort: str) -> list[dict[str, Any]]:
    """Claim clusters filtered (contested, resting on one source, having a claim of a modality, about an entity: its
    id or a name or alias) and sorted (independent sources, number of claims, or text)."""
    def compute() -> list[dict[str, Any]]:
        rows = v.contested_clusters() if contested else v.clusters
        if single:
            rows = [c for c in rows if c["independent_sources"] <= 1]
        if modality:
            rows = [c for c in rows if modality in c["modalities"]]
        if entity.strip():
            wanted = _entity_ids(v, entity)
            rows = [c for c in rows if any({cl.get("attributed_to"), *cl.get("entities", [])} & wanted for cl in c["claims"])]
        if sort == "claims":
            return sorted(rows, key=lambda c: (-len(c["claims"]), -c["independent_sources"], c["id"]))
        if sort == "text":
            return sorted(rows, key=lambda c: (fold(c["text"]), c["id"]))
        return sorted(rows, key=lambda c: (-c["independent_sources"], -len(c["claims"]), not c["contested"], c["id"]))
    return v.memo(("claims", contested, single, modality, entity, sort), compute)


def _entity_ids(v: view.DossierView, query: str) -> set[str]:
    """The entities a query names: an id, or a name or alias equal to it (accents and case aside)."""
    q = query.strip()
    if v.entity(q):
        return {v.entity(q)["id"]}  # type: ignore[index]
    key = fold(q)
    index = v.memo("names_index", lambda: _names_index(v))
    return set(index.get(key, ()))


def _names_index(v: view.DossierView) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in v.entities:
        for n in {fold(x) for x in [e["name"], *e.get("aliases", [])]}:
            out.setdefault(n, []).append(e["id"])
    return out


def _has_geo(e: dict[str, Any]) -> bool:
    return (e.get("geo") or {}).get("lat") is not None


def _places_payload(v: view.DossierView) -> dict[str, Any]:
    """What the map draws: located places (not whole countries) with their events, each traveller's journeys,
    events that happened at the scale of a country (listed beside the map), and the places with no coordinates
    (which an analyst may pin)."""
    items = []
    for p in view.places(v):
        if story.country_level(v.ent_by_id.get(p["id"])):
            continue
        dates = [ev["date"] for ev in v.entity_events.get(p["id"], []) if ev.get("place") == p["id"] and ev.get("date")]
        items.append({**p, "first": min(dates) if dates else None})
    country: list[dict[str, Any]] = []
    for ev in v.events:
        place = v.ent_by_id.get(ev.get("place") or "")
        if place and story.country_level(place):
            country.append({"id": ev["id"], "date": ev.get("date"), "type": ev.get("type"), "summary": ev.get("summary"),
                            "place": place["id"], "place_name": place["name"], "url": evidence_url((ev.get("sources") or [None])[0])})
    country.sort(key=lambda e: (e["date"] or "9999", e["id"]))
    unlocated = sorted(({"id": e["id"], "name": e["name"], "mentions": len(e.get("mentions", [])), "geo_status": e.get("geo_status")}
                        for e in v.entities if e["type"] == "place" and not _has_geo(e)), key=lambda e: (-e["mentions"], e["name"]))
    dates = sorted(d.isoformat() for ev in v.events if (d := story.day(ev.get("date"))))
    return {"items": items, "routes": story.routes(v.ent_by_id, v.events), "country_events": country[:500],
            "n_country_events": len(country), "unlocated": unlocated[:300], "n_unlocated": len(unlocated),
            "dates": [dates[0], dates[-1]] if dates else None, "period": v.memo("period", lambda: story.densest_period(v.events))}
