"""Latency of every web page and API call on a synthetic dossier of many articles (p50/p95 over bounded loops).

Run: PYTHONPATH=src python benchmarks/bench_web.py [--docs 10000] [--runs 30] [--db PATH] [--out FILE]
The dossier is generated straight into a store (short synthetic texts and contract-shaped rows, no spaCy),
then each URL is requested through FastAPI's TestClient (in-process: no network).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from recoupe.model import Document, Dossier
from recoupe.store import open_store

LIMIT_MS = 100  # the p95 every page and API call must stay under
SYLLABLES = ["ka", "lo", "mi", "ra", "to", "sé", "vu", "nè", "bar", "dor", "ïl", "pa", "quen", "zo", "lu", "fi", "gré", "han"]
EVENT_TYPES = ["meeting", "visit", "travel", "arrival", "departure", "statement", "agreement", "sanction", "launch"]
MODALITIES = ["asserted", "reported", "conditional", "speculative", "denied"]
VERBS = {"meeting": "a rencontré", "visit": "a visité", "travel": "s'est rendu à", "arrival": "est arrivé à",
         "departure": "a quitté", "statement": "a déclaré", "agreement": "a signé un accord avec", "sanction": "a sanctionné",
         "launch": "a lancé"}


def name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(parts))


class Text:
    """Builds an article piece by piece and returns the spans of the pieces it is asked to remember."""

    def __init__(self, doc: str) -> None:
        self.doc, self.parts, self.n = doc, [], 0

    def add(self, s: str) -> dict[str, Any]:
        span = {"doc": self.doc, "start": self.n, "end": self.n + len(s), "text": s}
        self.parts.append(s)
        self.n += len(s)
        return span

    def text(self) -> str:
        return "".join(self.parts)


def generate(db: Path, n_docs: int, seed: int = 7) -> dict[str, Any]:
    """Write a synthetic dossier of `n_docs` articles into a new store at `db`; return ids worth requesting."""
    rng = random.Random(seed)
    n_ent = max(50, n_docs // 5)
    ents: list[dict[str, Any]] = []
    for i in range(n_ent):
        typ = rng.choices(["person", "organization", "place", "country"], [5, 2, 3, 1])[0]
        nm = name(rng, 2 if typ == "person" else 1) + (f" {i}" if i % 7 == 0 else "")
        geo = {"lat": rng.uniform(-60, 70), "lon": rng.uniform(-170, 170), "source": "synthetic"} if typ in ("place", "country") else None
        ents.append({"id": f"ent-{i:06d}", "name": nm, "type": typ, "aliases": [nm], "mentions": [], "geo": geo})
    people = [e for e in ents if e["type"] in ("person", "organization")]
    places = [e for e in ents if e["type"] in ("place", "country")]
    outlets = [f"{name(rng, 1)} Presse" for _ in range(20)]
    events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    contradictions: list[dict[str, Any]] = []
    cluster_of: list[str] = []
    docs: list[Document] = []
    for d in range(n_docs):
        doc_id = f"doc-{d:06d}"
        t = Text(doc_id)
        a, b = rng.sample(people, 2)
        p = rng.choice(places)
        etype = rng.choice(EVENT_TYPES)
        day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        ma = t.add(a["name"])
        t.add(" ")
        trig = t.add(VERBS[etype])
        t.add(" ")
        mb = t.add(b["name"])
        t.add(" à ")
        mp = t.add(p["name"])
        t.add(f" le {day}. ")
        q_span = t.add(f"Nous avons parlé de {rng.choice(['commerce', 'sécurité', 'énergie', 'pêche', 'culture'])} pendant {rng.randint(1, 9)} heures")
        t.add(", a déclaré ")
        mq = t.add(a["name"])
        t.add(". ")
        claim_no = rng.randint(0, max(1, n_docs // 3))
        modality = rng.choice(MODALITIES)
        c_span = t.add(f"Le projet numéro {claim_no} {'n’est pas' if modality == 'denied' else 'est'} financé par {b['name']}")
        t.add(". " + " ".join(rng.choice(["Le", "texte", "continue", "ici", "avec", "des", "mots", "sans", "importance"]) for _ in range(40)) + ".")
        for e, m in ((a, ma), (b, mb), (p, mp), (a, mq)):
            e["mentions"].append(m)
        if d % 2 == 0:
            events.append({"id": f"ev-{d:06d}", "type": etype, "date": day, "place": p["id"], "participants": [a["id"], b["id"]],
                           "summary": f"{a['name']} {VERBS[etype]} {b['name']}", "status": "happened", "sources": [trig],
                           "independent_sources": 1})
        quotes.append({"id": f"q-{d:06d}", "speaker": a["id"], "speaker_text": a["name"], "text": q_span["text"], "span": q_span,
                       "attribution": None})
        claims.append({"id": f"cl-{d:06d}", "text": c_span["text"], "span": c_span, "attributed_to": None, "modality": modality,
                       "cluster": f"k-{claim_no:06d}", "independent_sources": 1})
        cluster_of.append(f"k-{claim_no:06d}")
        if d % 30 == 1:
            contradictions.append({"id": f"ct-{d:06d}", "kind": "duration", "about": f"durée de la rencontre {d}",
                                   "statements": [q_span, quotes[-2]["span"]], "expected": None,
                                   "explanation": "Deux durées différentes pour la même rencontre."})
        text = t.text()
        docs.append(Document(id=doc_id, source=f"synthetic://{doc_id}", text=text, title=f"{a['name']} et {b['name']} à {p['name']}",
                             outlet=rng.choice(outlets), language="fr", published=day,
                             content_hash=hashlib.sha1(text.encode()).hexdigest()))
    sizes: dict[str, int] = {}
    for c in cluster_of:
        sizes[c] = sizes.get(c, 0) + 1
    for c in claims:
        c["independent_sources"] = sizes[c["cluster"]]
    with open_store(db) as store:
        with store.transaction() as conn:
            # one transaction for the bulk load (add_document commits each document on its own)
            conn.executemany(
                "INSERT INTO documents(id, source, title, outlet, language, published, text, content_hash, added_at) VALUES (?,?,?,?,?,?,?,?,?)",
                [(x.id, x.source, x.title, x.outlet, x.language, x.published, x.text, x.content_hash, f"2024-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}")
                 for i, x in enumerate(docs)])
        store.write_dossier(Dossier.from_contract(dict(entities=ents, events=events, quotes=quotes, claims=claims, contradictions=contradictions)), f"synthetic-{n_docs}")
    top = max(ents, key=lambda e: len(e["mentions"]))
    neighbour = next(p for ev in events if top["id"] in ev["participants"] for p in ev["participants"] if p != top["id"])
    accented = next(e for e in ents if any(ch in e["name"] for ch in "éèï"))
    return {"entity": top["id"], "doc": claims[0]["span"]["doc"], "span": claims[0]["span"], "cluster": claims[0]["cluster"],
            "name_accented": accented["name"].split()[0],
            "name_plain": accented["name"].split()[0].replace("é", "e").replace("è", "e").replace("ï", "i"),
            "outlet": docs[0].outlet, "neighbour": neighbour,
            # the most mentioned name respelled as another language would ("ou" for "u", "y" for "i"): found by transliteration
            "translit": top["name"].split()[0].replace("u", "ou").replace("i", "y")}


def urls(ids: dict[str, Any]) -> list[str]:
    s = ids["span"]
    from urllib.parse import quote

    return [
        "/favicon.ico",  # baseline: an empty response, the cost of the request itself
        "/", "/timeline", "/map", "/graph", "/entities", "/entities?type=person&q=ka", f"/entity/{ids['entity']}", "/claims",
        "/claims?contested=true", "/sources", f"/doc/{ids['doc']}?start={s['start']}&end={s['end']}",
        f"/search?q={quote(ids['name_accented'])}", f"/search?q={quote(ids['name_plain'])}", "/corrections",
        "/api/overview", "/api/documents", f"/api/documents/{ids['doc']}", "/api/entities", f"/api/entities/{ids['entity']}",
        "/api/events", f"/api/events?entity={ids['entity']}", "/api/timeline", f"/api/timeline?entity={ids['entity']}",
        "/api/timeline?type=meeting&start=2023-03-01&end=2023-04-30", f"/api/timeline?outlet={quote(ids['outlet'])}",
        "/api/places", "/api/graph", "/api/graph?kind=events&limit=150", "/api/claims", "/api/claims?contested=true",
        "/api/contradictions", "/api/quotes", f"/api/quotes?speaker={ids['entity']}", f"/api/search?q={quote(ids['name_plain'])}",
        "/api/corrections", "/openapi.json",
        # the story pages (issue 19)
        "/events", "/events?sort=independent_sources&desc=1", f"/events?entity={ids['entity']}&type=meeting", "/events?q=ka&page=3",
        "/quotes", f"/quotes?speaker={ids['entity']}", "/quotes?sort=length&desc=1",
        "/claims?modality=denied", "/claims?single=true&sort=claims", f"/claims?entity={ids['entity']}", "/api/claims?modality=reported",
        f"/api/graph/link?a={ids['entity']}&b={ids['neighbour']}", "/api/search?q=Kalo", f"/search?q={quote(ids['translit'])}",
    ]


def measure(db: Path, ids: dict[str, Any], runs: int, budget_s: float) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    warnings.filterwarnings("ignore", message="Using `httpx`")
    from fastapi.testclient import TestClient

    from recoupe.present.web import create_app

    client = TestClient(base_url="http://localhost", app=create_app(db))
    t = time.perf_counter()
    assert client.get("/").status_code == 200
    cold_view = time.perf_counter() - t
    t = time.perf_counter()
    assert client.get("/api/graph").status_code == 200
    cold_graph = time.perf_counter() - t
    rows = []
    for url in urls(ids):
        r = client.get(url)
        assert r.status_code in (200, 204), (url, r.status_code, r.text[:300])
        times: list[float] = []
        started = time.perf_counter()
        for _ in range(runs):  # bounded in count and in time
            t = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            if time.perf_counter() - started > budget_s:
                break
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        rows.append({"url": url, "n": len(times), "p50_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1),
                     "max_ms": round(times[-1], 1), "bytes": len(r.content)})
    # downloads made on demand (the exports and the briefing): timed once each, apart from the pages' p95
    downloads = {}
    for url in ("/export/json", "/export/csv", "/export/graphml", "/export/jsonl", "/brief.html", "/brief.md"):
        t = time.perf_counter()
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        downloads[url] = {"s": round(time.perf_counter() - t, 2), "MB": round(len(r.content) / 1e6, 1)}
    return {"cold_view_s": round(cold_view, 2), "cold_graph_s": round(cold_graph, 2), "downloads": downloads}, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=30, help="requests per URL (bounded also by --budget seconds per URL)")
    ap.add_argument("--budget", type=float, default=20.0)
    ap.add_argument("--db", type=Path, default=None, help="where to write the synthetic store (default: a temp file)")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here too")
    args = ap.parse_args(argv)
    import tempfile

    db = args.db or Path(tempfile.mkdtemp()) / "bench_web.db"
    if db.exists():
        db.unlink()
    t = time.perf_counter()
    ids = generate(db, args.docs)
    gen_s = time.perf_counter() - t
    cold, rows = measure(db, ids, args.runs, args.budget)
    print(f"synthetic dossier: {args.docs} articles, generated in {gen_s:.1f}s; first page (view build) {cold['cold_view_s']}s; "
          f"entity graph first computed in {cold['cold_graph_s']}s")
    print(f"{'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'n':>4} {'KB':>7}  url")
    for r in rows:
        print(f"{r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f} {r['n']:4d} {r['bytes'] / 1024:7.1f}  {r['url']}")
    slow = [r for r in rows if r["p95_ms"] > LIMIT_MS]
    print(f"{len(rows) - len(slow)}/{len(rows)} URLs under {LIMIT_MS} ms at p95" + (": over: " + ", ".join(r["url"] for r in slow) if slow else ""))
    print("downloads (once each): " + ", ".join(f"{u} {d['s']}s {d['MB']} MB" for u, d in cold["downloads"].items()))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"docs": args.docs, "generate_s": round(gen_s, 1), **cold, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
