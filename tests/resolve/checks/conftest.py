"""Helpers for the checks' tests: articles written for the tests, analysed, resolved, with hand-made coordinates."""

from __future__ import annotations

from collections.abc import Callable
import pytest

from recoupe.analyze import Analyzer
from recoupe.model import Document
from recoupe.resolve.claims import resolve_claims
from recoupe.resolve.entities import resolve_entities
from recoupe.resolve.quantities import resolve_quantities
from recoupe.resolve.registry import ResolveContext
from recoupe.model.text import fold

# Hand-made coordinates for the test places (rounded; only the tests use them).
COORDS = {"paris": (48.86, 2.35), "lyon": (45.76, 4.84), "marseille": (43.30, 5.37), "lille": (50.63, 3.06)}


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer(["names", "quantities"])


Build = Callable[..., ResolveContext]


def _build(analyzer: Analyzer, texts: tuple[str, ...], published: str | list[str | None] | None, claims: bool) -> ResolveContext:
    days = published if isinstance(published, list) else [published] * len(texts)
    docs = [Document(id=f"doc{i}", source=f"t{i}", outlet=f"outlet{i}" if claims else None, text=t, language="fr",
                     published=days[i]) for i, t in enumerate(texts)]
    ctx = ResolveContext(documents=docs, analyses=[analyzer.analyze(d) for d in docs])
    resolve_entities(ctx)
    for e in ctx.entities:
        c = COORDS.get(fold(e.name))
        if c:
            e.geo = {"lat": c[0], "lon": c[1], "source": "test"}
    if claims:
        resolve_claims(ctx)
    resolve_quantities(ctx)
    return ctx


@pytest.fixture(scope="session")
def build_ctx(analyzer: Analyzer) -> Build:
    """ResolveContext for these article texts: entities resolved, test places geocoded, quantities resolved."""
    return lambda *texts, published=None: _build(analyzer, texts, published, claims=False)


@pytest.fixture(scope="session")
def full_analyzer() -> Analyzer:
    return Analyzer(["names", "times", "quantities", "quotes", "claims"])


@pytest.fixture(scope="session")
def build_full(full_analyzer: Analyzer) -> Build:
    """As `build_ctx`, with times and claims too (who states a figure, the day it is given for); `published` may
    give each article its own day."""
    return lambda *texts, published=None: _build(full_analyzer, texts, published, claims=True)
