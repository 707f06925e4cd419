"""After geocoding, names that the gazetteer put on the same place are one entity ("Pékin" and "Beijing",
"Vostotchny" and "le cosmodrome de Vostotchny", "RPDC" and "Corée du Nord")."""

from __future__ import annotations

from collections import defaultdict

from recoupe.model import Entity
from recoupe.resolve.registry import ResolveContext, step


@step("merge_places", version="2", requires=("entities", "geo"), assigns=("places",))
def merge_places(ctx: ResolveContext) -> None:
    groups: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in ctx.entities:
        source = (e.geo or {}).get("source")
        if e.type in ("place", "country") and source and e.attrs.get("precision") != "site-approx":
            # a site placed at its town (site-approx) is not that town: it keeps its own entity
            groups[(e.type, source)].append(e)
    drop: set[str] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        # the most mentioned name leads; ties go to the longer name, then the text, for stable output
        members.sort(key=lambda e: (-len(e.mentions), -len(e.name), e.name))
        lead = members[0]
        for other in members[1:]:
            lead.mentions = sorted(lead.mentions + other.mentions, key=lambda s: (s.doc, s.start, s.end))
            lead.aliases = sorted(set(lead.aliases) | set(other.aliases))
            for m in other.mentions:
                ctx.mention_entity[(m.doc, m.start, m.end)] = lead.id
            drop.add(other.id)
        lead.attrs["mention_count"] = len(lead.mentions)
    if drop:
        ctx.entities[:] = [e for e in ctx.entities if e.id not in drop]
