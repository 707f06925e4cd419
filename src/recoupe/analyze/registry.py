"""Analysis components, registered by name, each declaring what it requires and what it assigns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from recoupe import lang
from recoupe.errors import RecoupeError
from recoupe.model import Analysis, Document
from recoupe.registry import REGISTRY, Entry, register

# What the runner itself provides before any component runs.
PROVIDED = frozenset({"document", "spacy", "sentences"})


@dataclass(slots=True)
class Context:
    """What a component reads: the document, its spaCy parse, the analysis so far (read-only by convention) and the
    language pack whose words and rules it applies."""

    document: Document
    sdoc: Any  # spacy.tokens.Doc
    analysis: Analysis
    config: dict[str, Any] = field(default_factory=dict)
    pack: lang.LanguagePack = field(default_factory=lang.pack)


ComponentFn = Callable[[Context], dict[str, Any]]
# A registered component: `obj` is its function, `requires`/`assigns` name Analysis fields (recoupe.registry.Entry).
Component = Entry

# The default pipeline, in order. Later capabilities append their component names here.
DEFAULT_PIPELINE: list[str] = ["names", "times", "quantities", "quotes", "claims", "events"]


def component(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (), version: str = "1") -> Callable[[ComponentFn], ComponentFn]:
    """Register `fn(ctx) -> {field: [records]}` under `name` in the one registry (kind "component"); what it
    assigns must be fields of Analysis."""
    fields = set(Analysis.__dataclass_fields__)
    bad = [a for a in assigns if a not in fields]
    if bad:
        raise RecoupeError(f"component {name!r} assigns unknown Analysis fields: {bad}")
    return register("component", name, requires=requires, assigns=assigns, version=version)


def components() -> dict[str, Component]:
    """Every registered analysis component by name (built-ins and plugins)."""
    return REGISTRY.entries("component")


def resolve_pipeline(names: list[str]) -> list[Component]:
    """The components for these names, after checking every requirement is produced upstream."""
    return REGISTRY.chain("component", names, PROVIDED)


def run_components(components: list[Component], ctx: Context) -> None:
    """Compute each component's output, then write it back into the analysis (compute and write-back separate)."""
    for comp in components:
        try:
            produced = comp.obj(ctx)
        except Exception as e:  # one component failing on odd text must not lose the document's other results
            ctx.analysis.attrs.setdefault("errors", []).append(
                {"component": comp.name, "error": f"{type(e).__name__}: {e}".splitlines()[0][:300]})
            continue
        for key, records in produced.items():
            if key not in comp.assigns:
                raise RecoupeError(f"component {comp.name!r} produced {key!r} but does not declare it")
            target = getattr(ctx.analysis, key)
            if isinstance(target, dict):  # `attrs`: a component adds keys rather than records
                target.update(records)
            else:
                target.extend(records)
