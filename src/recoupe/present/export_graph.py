"""Graph exports for Gephi, Cytoscape or networkx itself: the entity graph (recoupe.present.graph) as GraphML and
GEXF, and a bipartite variant where events are nodes too, linked to their participants and place."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from recoupe.present import graph as entity_graph
from recoupe.present.export import Exported, exporter
from recoupe.present.tables import SEP


def _nx() -> Any:
    try:
        import networkx
    except ImportError:  # a dependency of recoupe; only a broken install lacks it
        from recoupe.errors import RecoupeError

        raise RecoupeError("the graph exports need networkx: pip install networkx") from None
    return networkx


def _entity_attrs(e: dict[str, Any]) -> dict[str, Any]:
    # GraphML and GEXF hold scalars only: the aliases are joined
    attrs: dict[str, Any] = {"label": e["name"], "kind": "entity", "type": e["type"], "aliases": SEP.join(e.get("aliases", [])),
                             "mentions": len(e.get("mentions", []))}
    geo = e.get("geo") or {}
    if geo.get("lat") is not None:
        attrs.update(lat=float(geo["lat"]), lon=float(geo["lon"]))
    return attrs


def entity_graph_nx(dossier: dict[str, Any]) -> Any:
    """Entities as nodes (type, aliases, mentions, coordinates); links weighted by shared events and sentences."""
    nx = _nx()
    texts = {d["id"]: d["text"] for d in dossier["documents"]}
    g = entity_graph.build(dossier["entities"], dossier["events"], lambda ids: {i: texts.get(i, "") for i in ids})
    out = nx.Graph(name="recoupe entity graph")
    for e in dossier["entities"]:
        out.add_node(e["id"], **_entity_attrs(e))
    for (a, b), w in g.weights("both").items():
        out.add_edge(a, b, weight=float(w), events=g.events.get((a, b), 0), sentences=g.sentences.get((a, b), 0),
                     kind="events" if g.events.get((a, b)) else "sentences")
    return out


def bipartite_nx(dossier: dict[str, Any]) -> Any:
    """Entities and events as the two sides (attribute `bipartite` 0 and 1); an entity is linked to each event it
    takes part in or that happens at it (attribute `role`)."""
    nx = _nx()
    out = nx.Graph(name="recoupe entities and events")
    for e in dossier["entities"]:
        out.add_node(e["id"], bipartite=0, **_entity_attrs(e))
    known = set(out.nodes)
    for ev in dossier["events"]:
        out.add_node(ev["id"], bipartite=1, label=ev.get("summary") or ev["type"], kind="event", type=ev["type"],
                     date=ev.get("date") or "", status=ev.get("status") or "", independent_sources=ev.get("independent_sources") or 0,
                     sources=len(ev.get("sources", [])))
        for eid in ev.get("participants", []):
            if eid in known:
                out.add_edge(eid, ev["id"], role="participant", weight=1.0)
        if ev.get("place") in known:
            out.add_edge(ev["place"], ev["id"], role="place", weight=1.0)
    return out


def _write(g: Any, writer: Callable[..., None]) -> bytes:
    buf = io.BytesIO()
    writer(g, buf)
    return buf.getvalue()


def _summary(g: Any) -> str:
    return f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"


def _graphml(g: Any) -> Exported:
    return Exported(_write(g, _nx().write_graphml), _summary(g))


def _gexf(g: Any) -> Exported:
    return Exported(_write(g, _nx().write_gexf), _summary(g))


@exporter("graphml", suffix=".graphml", media_type="application/graphml+xml",
          description="entity graph (co-participation in events, co-occurrence in sentences; weighted) as GraphML")
def export_graphml(dossier: dict[str, Any]) -> Exported:
    return _graphml(entity_graph_nx(dossier))


@exporter("gexf", suffix=".gexf", media_type="application/xml",
          description="entity graph (co-participation in events, co-occurrence in sentences; weighted) as GEXF (Gephi)")
def export_gexf(dossier: dict[str, Any]) -> Exported:
    return _gexf(entity_graph_nx(dossier))


@exporter("graphml-bipartite", suffix=".graphml", media_type="application/graphml+xml",
          description="entities and events as the two sides of a bipartite graph, as GraphML")
def export_graphml_bipartite(dossier: dict[str, Any]) -> Exported:
    return _graphml(bipartite_nx(dossier))


@exporter("gexf-bipartite", suffix=".gexf", media_type="application/xml",
          description="entities and events as the two sides of a bipartite graph, as GEXF (Gephi)")
def export_gexf_bipartite(dossier: dict[str, Any]) -> Exported:
    return _gexf(bipartite_nx(dossier))
