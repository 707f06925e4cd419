"""A small hand-made dossier (an invented story) written straight into a store, so every page has content."""

from __future__ import annotations

import hashlib
from pathlib import Path
from collections.abc import Callable
from typing import Any

from recoupe.model import Document, Dossier
from recoupe.store import Store, open_store

# An invented story (no real event): a Canadian minister's trip to Chile, told by three outlets.
ARTICLES = {
    "doc-a": ("Le Courrier du Sud", "2024-03-12", "Hélène Dubé attendue à Valparaíso",
              "La ministre canadienne Hélène Dubé est arrivée lundi à Valparaíso, au Chili, pour rencontrer le président "
              "Tomás Reyes. « Nous voulons un accord sur le cuivre avant l'été », a déclaré Mme Dubé. Selon l'agence "
              "Prensa Sur, les deux dirigeants signeront un accord mardi. Le voyage a duré 14 heures."),
    "doc-b": ("Gazette de l'Est", "2024-03-13", "Un accord sur le cuivre signé au Chili",
              "Hélène Dubé et Tomás Reyes ont signé mardi à Valparaiso un accord sur le cuivre. Le ministère chilien "
              "dément toute clause secrète. Le vol depuis Ottawa a duré 9 heures, selon la délégation. "
              "« C'est un jour historique », a affirmé M. Reyes."),
    "doc-c": ("Le Courrier du Sud", "2024-03-15", "Retour à Ottawa",
              "De retour à Ottawa, Hélène Dubé a défendu l'accord. Les deux dirigeants auraient discuté d'une clause "
              "secrète sur le lithium, selon des sources diplomatiques."),
}


def span(doc: str, text: str, nth: int = 0) -> dict[str, Any]:
    """The span of the nth occurrence of `text` in document `doc`."""
    body = ARTICLES[doc][3]
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return {"doc": doc, "start": start, "end": start + len(text), "text": text}


def entity(eid: str, name: str, typ: str, forms: list[tuple[str, str, int]], geo: tuple[float, float] | None = None) -> dict[str, Any]:
    mentions = [span(d, t, n) for d, t, n in forms]
    return {"id": eid, "name": name, "type": typ, "aliases": sorted({m["text"] for m in mentions}), "mentions": mentions,
            "geo": {"lat": geo[0], "lon": geo[1], "source": "test"} if geo else None}


def dossier() -> Dossier:
    ents = [
        entity("ent-dube", "Hélène Dubé", "person", [("doc-a", "Hélène Dubé", 0), ("doc-a", "Mme Dubé", 0),
                                                   ("doc-b", "Hélène Dubé", 0), ("doc-c", "Hélène Dubé", 0)]),
        entity("ent-reyes", "Tomás Reyes", "person", [("doc-a", "Tomás Reyes", 0), ("doc-b", "Tomás Reyes", 0), ("doc-b", "M. Reyes", 0)]),
        entity("ent-valpo", "Valparaíso", "place", [("doc-a", "Valparaíso", 0), ("doc-b", "Valparaiso", 0)], (-33.047, -71.613)),
        entity("ent-ottawa", "Ottawa", "place", [("doc-b", "Ottawa", 0), ("doc-c", "Ottawa", 0)], (45.421, -75.697)),
        entity("ent-chili", "Chili", "country", [("doc-a", "Chili", 0)], (-35.7, -71.5)),
        entity("ent-prensa", "Prensa Sur", "organization", [("doc-a", "Prensa Sur", 0)]),
    ]
    events = [
        {"id": "ev-arrival", "type": "arrival", "date": "2024-03-11", "place": "ent-valpo", "participants": ["ent-dube"],
         "summary": "Hélène Dubé arrive à Valparaíso", "status": "happened", "sources": [span("doc-a", "est arrivée")],
         "independent_sources": 1},
        {"id": "ev-agreement", "type": "agreement", "date": "2024-03-12", "place": "ent-valpo", "participants": ["ent-dube", "ent-reyes"],
         "summary": "Accord sur le cuivre signé", "status": "happened",
         "sources": [span("doc-a", "signeront"), span("doc-b", "ont signé")], "independent_sources": 2},
        {"id": "ev-return", "type": "travel", "date": "2024-03-14", "place": "ent-ottawa", "participants": ["ent-dube"],
         "summary": "Retour de Hélène Dubé à Ottawa", "status": "happened", "sources": [span("doc-c", "De retour à Ottawa")],
         "independent_sources": 1},
        {"id": "ev-undated", "type": "meeting", "date": None, "place": None, "participants": ["ent-dube", "ent-reyes"],
         "summary": "Rencontre Dubé–Reyes", "status": "planned", "sources": [span("doc-a", "pour rencontrer")], "independent_sources": 1},
    ]
    quotes = [
        {"id": "q-dube", "speaker": "ent-dube", "speaker_text": "Mme Dubé", "text": "Nous voulons un accord sur le cuivre avant l'été",
         "span": span("doc-a", "Nous voulons un accord sur le cuivre avant l'été"), "attribution": span("doc-a", "a déclaré Mme Dubé")},
        {"id": "q-reyes", "speaker": "ent-reyes", "speaker_text": "M. Reyes", "text": "C'est un jour historique",
         "span": span("doc-b", "C'est un jour historique"), "attribution": span("doc-b", "a affirmé M. Reyes")},
    ]
    claims = [
        {"id": "cl-sign-a", "text": "les deux dirigeants signeront un accord mardi", "span": span("doc-a", "les deux dirigeants signeront un accord mardi"),
         "attributed_to": "ent-prensa", "modality": "reported", "cluster": "k-sign", "independent_sources": 2},
        {"id": "cl-sign-b", "text": "Hélène Dubé et Tomás Reyes ont signé mardi à Valparaiso un accord sur le cuivre",
         "span": span("doc-b", "Hélène Dubé et Tomás Reyes ont signé mardi à Valparaiso un accord sur le cuivre"),
         "attributed_to": None, "modality": "asserted", "cluster": "k-sign", "independent_sources": 2},
        {"id": "cl-secret-deny", "text": "Le ministère chilien dément toute clause secrète", "span": span("doc-b", "Le ministère chilien dément toute clause secrète"),
         "attributed_to": None, "modality": "denied", "cluster": "k-secret", "independent_sources": 2},
        {"id": "cl-secret-spec", "text": "Les deux dirigeants auraient discuté d'une clause secrète sur le lithium",
         "span": span("doc-c", "Les deux dirigeants auraient discuté d'une clause secrète sur le lithium"),
         "attributed_to": None, "modality": "speculative", "cluster": "k-secret", "independent_sources": 2},
    ]
    contradictions = [
        {"id": "ct-duration", "kind": "duration", "about": "durée du voyage vers le Chili",
         "statements": [span("doc-a", "Le voyage a duré 14 heures"), span("doc-b", "Le vol depuis Ottawa a duré 9 heures")],
         "expected": None, "explanation": "Deux articles donnent des durées différentes pour le même trajet."},
    ]
    quantities = [
        {"id": "qt-14h", "value": 14, "unit": "h", "bound": "exact", "value_max": None, "about": "voyage", "span": span("doc-a", "14 heures")},
    ]
    return Dossier.from_contract(dict(entities=ents, events=events, quotes=quotes, claims=claims, contradictions=contradictions, quantities=quantities))


def add_documents(store: Store, articles: dict[str, tuple[str | None, str | None, str | None, str]], source_prefix: str = "test://") -> None:
    for doc_id, (outlet, published, title, text) in articles.items():
        store.add_document(Document(id=doc_id, source=source_prefix + doc_id, text=text, title=title, outlet=outlet, language="fr",
                                    published=published, content_hash=hashlib.sha1(text.encode()).hexdigest()), None)


def make_store(path: Path) -> Path:
    """Write the hand-made dossier into a new store at `path`."""
    with open_store(path) as store:
        add_documents(store, ARTICLES)
        store.write_dossier(dossier(), "fixture-1")
    return path


def rewrite(path: Path, edit: Callable[[dict[str, list[dict[str, Any]]]], None]) -> Path:
    """Change the dossier stored at `path`: `edit` modifies its contract-shaped tables in place."""
    with open_store(path) as store:
        d = store.read_dossier().to_contract()
        tables = {k: d[k] for k in ("entities", "events", "quotes", "claims", "contradictions", "quantities")}
        edit(tables)
        store.write_dossier(Dossier.from_contract(tables), "edited")
    return path


def unlocate(entity_id: str) -> Callable[[dict[str, list[dict[str, Any]]]], None]:
    """An edit for `rewrite`: the entity loses its coordinates."""
    def edit(d: dict[str, list[dict[str, Any]]]) -> None:
        for e in d["entities"]:
            if e["id"] == entity_id:
                e["geo"] = None
    return edit
