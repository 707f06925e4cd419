"""Entity resolution: group mentions across documents into entities."""

from __future__ import annotations

from collections import Counter, defaultdict

from recoupe.model import Entity, Mention, make_id
from recoupe.resolve.registry import ResolveContext, step
from recoupe.resolve.text import fold


@step("entities", version="1")
def resolve_entities(ctx: ResolveContext) -> None:
    """One entity per distinct normalised name; its type is the label its mentions carry most often."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for a in ctx.analyses:
        for m in a.mentions:
            groups[fold(m.span.text)].append(m)
    for key in sorted(groups):
        ms = sorted(groups[key], key=lambda m: (m.span.doc, m.span.start))
        label = Counter(m.label for m in ms).most_common(1)[0][0]
        forms = Counter(m.span.text for m in ms)
        name = max(forms, key=lambda f: (forms[f], len(f), f))
        ent = Entity(id=make_id("ent", key), name=name, type=label, aliases=sorted(forms), mentions=[m.span for m in ms])
        ctx.entities.append(ent)
        for m in ms:
            ctx.mention_entity[(m.span.doc, m.span.start, m.span.end)] = ent.id
