"""Resolution steps, registered by name and run in order over the whole dossier."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from recoupe import lang
from recoupe.model import Analysis, Document, Entity, Span
from recoupe.model.identity import founder
from recoupe.registry import REGISTRY, Entry, register


@dataclass(slots=True)
class DossierDraft:
    """The dossier while resolution builds it: contract-shaped dicts per table, which later steps (the checks)
    read; `resolve()` turns it into typed records (model.Dossier) at the stage's boundary."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)  # inferred writing days and the expressions they read
    discrepancies: list[dict[str, Any]] = field(default_factory=list)  # differing statements that may all be true
    sources: list[dict[str, Any]] = field(default_factory=list)  # per document: outlet, credits, furniture, group
    source_groups: list[dict[str, Any]] = field(default_factory=list)  # documents that count as one source, and why


@dataclass
class ResolveContext:
    """What resolution steps read and fill: the inputs, the entities so far, and the dossier being built."""

    documents: list[Document]
    analyses: list[Analysis]
    entities: list[Entity] = field(default_factory=list)
    dossier: DossierDraft = field(default_factory=DossierDraft)
    # (doc, start, end) of a mention -> entity id, filled by the entity step for later steps
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    # the language whose words the steps read (summaries, titles, time words); per-document packs come later
    pack: lang.LanguagePack = field(default_factory=lang.pack)

    @property
    def docs_by_id(self) -> dict[str, Document]:
        cached = self.state.get("_docs_by_id")
        if cached is None:
            cached = self.state["_docs_by_id"] = {d.id: d for d in self.documents}
        return cached

    def founder(self, keys: Iterable[tuple[Any, ...]]) -> tuple[Any, ...]:
        """The first of these member keys (doc id, then positions) in arrival order (model.identity): what an
        entity, an event or a claim cluster is named after, so that its id survives a growing corpus."""
        return founder(keys, self.docs_by_id)

    def entity_at(self, span: Span) -> str | None:
        """The entity whose mention covers this span (exactly, else the smallest mention containing it)."""
        eid = self.mention_entity.get((span.doc, span.start, span.end))
        if eid is not None:
            return eid
        index = self._doc_index()
        best: tuple[int, str] | None = None
        for s, e, ent in index.get(span.doc, ()):
            if s > span.start:
                break
            if span.end <= e and (best is None or e - s < best[0]):
                best = (e - s, ent)
        return best[1] if best else None

    def entities_at(self, span: Span) -> list[str]:
        """Like `entity_at`, but a group mention ("les deux dirigeants") covering the span gives each of its members."""
        for s, e, members in self._groups().get(span.doc, ()):
            if s <= span.start and span.end <= e or span.start <= s and e <= span.end:
                out = self._member_entities(span.doc, members)
                if out:
                    return out
        eid = self.entity_at(span)
        return [eid] if eid is not None else []

    def groups_in(self, doc: str, start: int, end: int) -> list[str]:
        """The member entities of every group mention inside [start, end) of a document."""
        out: list[str] = []
        for s, e, members in self._groups().get(doc, ()):
            if start <= s and e <= end:
                out += self._member_entities(doc, members)
        return list(dict.fromkeys(out))

    def _member_entities(self, doc: str, members: list[tuple[int, int]]) -> list[str]:
        found = [eid for a, b in members if (eid := self.entity_at(Span(doc, a, b, ""))) is not None]
        return list(dict.fromkeys(found))

    def _groups(self) -> dict[str, list[tuple[int, int, list[tuple[int, int]]]]]:
        cached = self.state.get("_groups")
        if cached is None:
            cached = {}
            for a in self.analyses:
                rows = [(m.span.start, m.span.end, [(int(x), int(y)) for x, y in m.attrs.get("members", [])])
                        for m in a.mentions if m.kind == "group"]
                if rows:
                    cached[a.doc] = rows
            self.state["_groups"] = cached
        return cached

    def _doc_index(self) -> dict[str, list[tuple[int, int, str]]]:
        # mentions per document sorted by start, rebuilt when the mapping has grown
        cached = self.state.get("_mention_index")
        if cached is None or cached[0] != len(self.mention_entity):
            by_doc: dict[str, list[tuple[int, int, str]]] = {}
            for (doc, s, e), ent in self.mention_entity.items():
                by_doc.setdefault(doc, []).append((s, e, ent))
            for lst in by_doc.values():
                lst.sort()
            cached = self.state["_mention_index"] = (len(self.mention_entity), by_doc)
        return cached[1]


StepFn = Callable[[ResolveContext], None]
# A registered step: `obj` is its function; `requires`/`assigns` name what it reads and fills (recoupe.registry.Entry).
Step = Entry

# What resolution starts from, before any step runs.
PROVIDED = frozenset({"documents", "analyses"})
# Order matters: events read entities, geocoded places and resolved times; "contradictions" reads what
# every other step produced, so it stays last.
# "sources" comes first: it takes page furniture out of the analyses every other step reads, and groups the documents
# the independent-source counts count.
DEFAULT_STEPS: list[str] = ["sources", "entities", "source_entities", "geocode", "merge_places", "events", "quotes", "claims", "source_marks",
                            "quantities", "contradictions"]


def step(name: str, version: str = "1", *, requires: tuple[str, ...] = ("documents", "analyses"),
         assigns: tuple[str, ...] = ()) -> Callable[[StepFn], StepFn]:
    """Register a resolution step in the one registry (kind "step"), with what it requires and assigns
    (the names of the facts resolution builds: entities, geo, places, events, dates, quotes, claims, ...)."""
    return register("step", name, requires=requires, assigns=assigns, version=version)


def steps() -> dict[str, Step]:
    """Every registered resolution step by name (built-ins and plugins)."""
    return REGISTRY.entries("step")


def step_chain(names: list[str] | None = None) -> list[Step]:
    """The steps for these names (default: DEFAULT_STEPS), after checking each one's requirements come first."""
    return REGISTRY.chain("step", names or DEFAULT_STEPS, PROVIDED)
