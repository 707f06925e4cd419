"""The `geocode` step: put every place and country entity of the dossier on the map (recoupe.geo does the work)."""

from __future__ import annotations

from recoupe import lang
from recoupe.geo.gazetteer import INDEX_VERSION, open_gazetteer
from recoupe.geo.geocoder import geocode_entities
from recoupe.resolve.registry import ResolveContext, step


# the step's version follows the gazetteer's, so a dossier is geocoded again when the gazetteer changes
@step("geocode", version=f"20+gazetteer{INDEX_VERSION}", requires=("entities",), assigns=("geo",))
def geocode(ctx: ResolveContext) -> None:
    """Set `geo`, `country_code`, `precision` (and `candidates` when context cannot choose) on place entities."""
    words = ctx.pack.geo  # the language's words around place names; geo/ never imports a pack
    # each article is read in the words of its own language, when recoupe has a pack for it
    known = set(lang.known())
    doc_words = {d.id: lang.pack(code).geo for d in ctx.documents
                 if (code := (d.language or "").split("-")[0].lower()) in known and code != ctx.pack.code}
    geocode_entities(ctx.entities, {d.id: d.text for d in ctx.documents},
                     {a.doc: a.sentences for a in ctx.analyses}, open_gazetteer(words), words, doc_words)
