"""The motion check: speed × duration against the journey's distance, on sentences written for the tests."""

from __future__ import annotations

import pytest

from recoupe.resolve.checks.motion import motion_check
from tests.resolve.checks.conftest import Build


@pytest.mark.parametrize(("text", "conflict"), [
    ("Il faut 2 heures pour aller de Paris à Lyon à 100 km/h.", True),    # 200 km, less than the ~392 km geodesic
    ("Il faut 5 heures pour aller de Paris à Lyon à 100 km/h.", False),   # 500 km: a plausible route
    ("Le camion a roulé 3 heures à 80 km/h sur les 600 km du trajet.", True),   # 240 km stated as 600 km
    ("Le camion a roulé 4 heures à 60 km/h sur les 250 km du trajet.", False),  # 240 km against 250 km: compatible
    ("Il faut au moins 2 heures pour aller de Paris à Lyon à environ 150 km/h.", False),  # at least ~300 km: open-ended
])
def test_motion_flags_only_incompatible_journeys(build_ctx: Build, text: str, conflict: bool) -> None:
    found = motion_check(build_ctx(text))
    assert bool(found) is conflict, found
    for c in found:
        assert c["kind"] == "duration" and len(c["statements"]) >= 2 and c["expected"]["unit"] == "km"


def test_motion_compares_with_a_distance_stated_in_another_article(build_ctx: Build) -> None:
    ctx = build_ctx("Il faut 2 heures pour aller de Paris à Lille à 100 km/h.",
                    "Le train a parcouru les 600 km séparant Paris de Lille.")
    found = motion_check(ctx)
    stated = [c for c in found if len(c["statements"]) == 3]
    assert stated and {s["doc"] for s in stated[0]["statements"]} == {"doc0", "doc1"}


def test_motion_other_article_with_a_compatible_distance_is_quiet(build_ctx: Build) -> None:
    ctx = build_ctx("Il faut 2 heures pour aller de Paris à Lille à 100 km/h.",
                    "Le train a parcouru les 220 km séparant Paris de Lille.")
    assert motion_check(ctx) == []
