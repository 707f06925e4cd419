"""FollowTheMoney export (Aleph, OpenAleph, `ftm` tools): one entity per line, made and cleaned by the
followthemoney library (an optional extra: `pip install "recoupe[ftm]"`).

Articles are `Article`s; people `Person`; organisations `Organization`; places and countries `Address`
(coordinates and country code); events `Event` (participants `involved`, place `addressEntity`, articles
`proof`); each name an entity goes by in an article a `Mention` of it in that `Article`. Equipment and other
entities have no FollowTheMoney schema of their own and are left out (the summary line counts them)."""

from __future__ import annotations

import json
from typing import Any

from recoupe.errors import RecoupeError
from recoupe.present.export import Exported, exporter

SCHEMA = {"person": "Person", "organization": "Organization", "place": "Address", "country": "Address"}
LEGAL = ("Person", "Organization")  # what a Mention may resolve to, and an Event involve (LegalEntity)
PREFIX = "recoupe"


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError:
        raise RecoupeError('the ftm export needs the followthemoney library: pip install "recoupe[ftm]" '
                           "(or pip install followthemoney)") from None
    return model


def ftm_entities(dossier: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """The dossier's FollowTheMoney entities (as dicts) and how many entities had no schema."""
    model = _model()
    out: list[Any] = []
    arts: dict[str, Any] = {}
    for d in dossier["documents"]:
        a = model.make_entity("Article")
        a.make_id(PREFIX, "doc", d["id"])
        a.add("title", d.get("title") or d["source"])
        a.add("publisher", d.get("outlet"))
        a.add("publishedAt", d.get("published"))
        a.add("language", d.get("language"))
        a.add("bodyText", d["text"])
        if d["source"].startswith(("http://", "https://")):
            a.add("sourceUrl", d["source"])
        else:
            a.add("fileName", d["source"])
        arts[d["id"]] = a
        out.append(a)
    made: dict[str, Any] = {}
    left_out = 0
    for e in dossier["entities"]:
        schema = SCHEMA.get(e["type"])
        if schema is None:
            left_out += 1
            continue
        p = model.make_entity(schema)
        p.make_id(PREFIX, "entity", e["id"])
        p.add("name", e["name"])
        p.add("alias", [a for a in e.get("aliases", []) if a != e["name"]])
        if schema == "Address":
            p.add("full", e.get("geo_name") or e["name"])
            geo = e.get("geo") or {}
            if geo.get("lat") is not None:
                p.add("latitude", str(geo["lat"]))
                p.add("longitude", str(geo["lon"]))
        if e.get("country_code"):
            p.add("country", e["country_code"].lower())
        made[e["id"]] = p
        out.append(p)
        for doc_id, text in dict.fromkeys((m["doc"], m["text"]) for m in e.get("mentions", [])):
            if doc_id not in arts:
                continue
            mention = model.make_entity("Mention")
            mention.make_id(PREFIX, "mention", e["id"], doc_id, text)
            mention.add("name", text)
            mention.add("document", arts[doc_id].id)
            mention.add("detectedSchema", schema)
            if schema in LEGAL:
                mention.add("resolved", p.id)
            out.append(mention)
    for ev in dossier["events"]:
        x = model.make_entity("Event")
        x.make_id(PREFIX, "event", ev["id"])
        x.add("name", ev.get("summary") or ev["type"])
        x.add("summary", ev.get("summary"))
        x.add("date", ev.get("date"))
        x.add("endDate", ev.get("date_end"))
        x.add("keywords", [ev["type"], ev.get("status")])
        for pid in ev.get("participants", []):
            ent = made.get(pid)
            if ent is None:
                continue
            if ent.schema.name in LEGAL:
                x.add("involved", ent.id)
            elif ent.get("country"):
                x.add("country", ent.get("country"))
        place = made.get(ev.get("place") or "")
        if place is not None:
            x.add("addressEntity", place.id)
            x.add("location", place.first("full") or place.caption)
            x.add("country", place.get("country"))
        x.add("proof", sorted({arts[s["doc"]].id for s in ev.get("sources", []) if s["doc"] in arts}))
        out.append(x)
    return [e.to_dict() for e in out], left_out


@exporter("ftm", suffix=".ftm.json", media_type="application/x-ndjson",
          description="FollowTheMoney entities, one per line (Aleph): Article, Person, Organization, Address, Event, "
                      "Mention; needs the followthemoney library (pip install \"recoupe[ftm]\")")
def export_ftm(dossier: dict[str, Any]) -> Exported:
    ents, left_out = ftm_entities(dossier)
    text = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in ents)
    note = f" ({left_out} equipment/other entities have no FollowTheMoney schema)" if left_out else ""
    return Exported(text, f"{len(ents)} FollowTheMoney entities{note}")
