"""The values check: the same measured thing given incompatible values in different sources."""

from __future__ import annotations

import pytest

from recoupe.resolve.checks.values import values_check
from tests.resolve.checks.conftest import Build


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("La Norvège possède 300 chars.", "La Norvège possède 900 chars.", True),
    ("La Norvège possède environ 300 chars.", "La Norvège possède 330 chars.", False),   # within "environ"
    ("La Norvège possède entre 250 et 400 chars.", "La Norvège possède 300 chars.", False),  # inside the range
    ("La Norvège possède 300 chars.", "La Norvège possède 900 avions.", False),         # not the same thing
    ("La Norvège possède 300 chars.", "La Suède possède 900 chars.", False),            # not the same subject
    ("La Norvège possède plus de 300 chars.", "La Norvège possède 900 chars.", False),   # "plus de" is open-ended
])
def test_values_same_thing_different_values(build_ctx: Build, a: str, b: str, conflict: bool) -> None:
    found = values_check(build_ctx(a, b))
    assert bool(found) is conflict, found
    for c in found:
        assert c["kind"] == "number" and {s["doc"] for s in c["statements"]} == {"doc0", "doc1"}


def test_values_one_article_alone_is_not_a_conflict(build_ctx: Build) -> None:
    assert values_check(build_ctx("La Norvège possède 300 chars. Plus tard, la Norvège possède 900 chars.")) == []


def test_values_distances_between_the_same_places(build_ctx: Build) -> None:
    ctx = build_ctx("Le train a parcouru les 470 km séparant Paris de Lyon.", "Le train a parcouru les 900 km séparant Paris de Lyon.")
    (c,) = values_check(ctx)
    assert c["kind"] == "distance"
    ctx = build_ctx("Le train a parcouru les 470 km séparant Paris de Lyon.", "Le car a parcouru les 480 km séparant Paris de Lyon.")
    assert values_check(ctx) == []
