"""The web's view of the dossier: the one read model (recoupe.present.read) plus what only pages need, the
entity graph (recoupe.present.graph, computed on first use from the documents' texts)."""

from __future__ import annotations

from recoupe.present import graph as entity_graph
from recoupe.present.read import ReadModel, evidence_url, load, places, version_key
from recoupe.store import Store

DossierView = ReadModel

__all__ = ["DossierView", "ReadModel", "evidence_url", "graph", "load", "places", "version_key"]


def graph(v: ReadModel, store: Store) -> entity_graph.EntityGraph:
    """The entity graph of this view, computed once."""
    with v._lock:
        if v._graph is None:
            v._graph = entity_graph.build(v.entities, v.events, store.document_texts)
        return v._graph
