"""Resolution steps, registered by name and run in order over the whole dossier."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from recoupe.model import Analysis, Document, Dossier, Entity, Span


@dataclass
class ResolveContext:
    """What resolution steps read and fill: the inputs, the entities so far, and the dossier being built."""

    documents: list[Document]
    analyses: list[Analysis]
    entities: list[Entity] = field(default_factory=list)
    dossier: Dossier = field(default_factory=Dossier)
    # (doc, start, end) of a mention -> entity id, filled by the entity step for later steps
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_by_id(self) -> dict[str, Document]:
        cached = self.state.get("_docs_by_id")
        if cached is None:
            cached = self.state["_docs_by_id"] = {d.id: d for d in self.documents}
        return cached

    def entity_at(self, span: Span) -> str | None:
        """The entity whose mention covers this span (exactly, else the smallest mention containing it)."""
        eid = self.mention_entity.get((span.doc, span.start, span.end))
        if eid is not None:
            return eid
        best: tuple[int, str] | None = None
        for (doc, s, e), ent in self.mention_entity.items():
            if doc == span.doc and s <= span.start and span.end <= e and (best is None or e - s < best[0]):
                best = (e - s, ent)
        return best[1] if best else None


StepFn = Callable[[ResolveContext], None]


@dataclass(frozen=True)
class Step:
    name: str
    fn: StepFn
    version: str


STEPS: dict[str, Step] = {}
# "contradictions" reads what every other step produced: keep it last when appending steps.
DEFAULT_STEPS: list[str] = ["entities", "quantities", "contradictions"]


def step(name: str, version: str = "1") -> Callable[[StepFn], StepFn]:
    """Register a resolution step (the same hook an outside package would use)."""

    def deco(fn: StepFn) -> StepFn:
        STEPS[name] = Step(name, fn, version)
        return fn

    return deco
