"""The one registry: every kind registers and is found the same way; requirements are checked in order."""

from __future__ import annotations

import pytest

from recoupe.errors import RecoupeError
from recoupe.registry import KINDS, REGISTRY, Registry


def test_registry_builtins_of_every_stage_are_found_through_entry_points() -> None:
    assert {"names", "times", "quantities", "quotes", "claims", "events"} <= set(REGISTRY.names("component"))
    assert {"entities", "geocode", "merge_places", "events", "quotes", "claims", "quantities", "contradictions"} <= set(REGISTRY.names("step"))
    assert {"distance", "motion", "dates", "values", "facts"} <= set(REGISTRY.names("check"))
    assert {".txt", ".html", ".jsonl"} <= set(REGISTRY.names("reader"))
    assert {"entities", "events", "quotes_claims"} <= set(REGISTRY.names("scorer"))
    assert {"fr", "en"} <= set(REGISTRY.names("language"))
    assert {"json", "geojson"} <= set(REGISTRY.names("exporter"))


def test_registry_chain_checks_requirements_in_order() -> None:
    reg = Registry()
    reg._loaded.update(KINDS)  # a private registry: no entry points
    reg.add("step", "a", object(), assigns=("x",))
    reg.add("step", "b", object(), requires=("x",), assigns=("y",))
    assert [e.name for e in reg.chain("step", ["a", "b"])] == ["a", "b"]
    with pytest.raises(RecoupeError, match="step 'b' requires \\['x'\\]"):
        reg.chain("step", ["b", "a"])
    with pytest.raises(RecoupeError, match="unknown step 'c'; known: a, b"):
        reg.get("step", "c")
    with pytest.raises(RecoupeError, match="unknown registry kind"):
        reg.add("widget", "w", object())


def test_registry_default_resolve_steps_satisfy_each_others_requirements() -> None:
    from recoupe.resolve.registry import DEFAULT_STEPS, step_chain

    chain = step_chain(None)
    assert [s.name for s in chain] == DEFAULT_STEPS
    assert all(s.requires for s in chain) and all(s.assigns for s in chain)


def test_registry_default_analysis_pipeline_satisfies_its_requirements() -> None:
    from recoupe.analyze.registry import DEFAULT_PIPELINE, resolve_pipeline

    assert [c.name for c in resolve_pipeline(DEFAULT_PIPELINE)] == DEFAULT_PIPELINE
    with pytest.raises(RecoupeError, match="requires"):
        resolve_pipeline(["claims"])  # claims read quotes and names, which nothing before them assigns
