"""The distance check: stated distances against the geodesic, on sentences written for the tests."""

from __future__ import annotations

import pytest

from recoupe.model import Entity
from recoupe.resolve.checks.distance import distance_check
from tests.resolve.checks.conftest import Build


@pytest.mark.parametrize(("text", "conflict"), [
    ("Le train a parcouru les 200 km séparant Paris de Lyon.", True),     # a route shorter than the geodesic (~392 km)
    ("Le train a parcouru les 460 km séparant Paris de Lyon.", False),    # longer than the geodesic: plausible
    ("Lyon est à 600 km à vol d'oiseau de Paris.", True),                 # "as the crow flies" but 50 % off
    ("Lyon se trouve à environ 400 km à vol d'oiseau de Paris.", False),  # within the approximation
    ("La distance entre Paris et Marseille est de 1 900 km.", True),      # far beyond any route (~660 km geodesic)
    ("La distance entre Paris et Marseille est de 780 km.", False),
    ("Le village est à 10 km de la frontière.", False),                   # no point to measure from: skipped
])
def test_distance_flags_only_incompatible_statements(build_ctx: Build, text: str, conflict: bool) -> None:
    found = distance_check(build_ctx(text))
    assert bool(found) is conflict, found
    for c in found:
        assert c["kind"] == "distance" and c["expected"]["unit"] == "km" and "geodesic" in c["expected"]["method"]
        assert c["statements"][0]["text"] in text and c["explanation"]


def test_distance_impossible_route_gives_the_geodesic(build_ctx: Build) -> None:
    (c,) = distance_check(build_ctx("Le train a parcouru les 200 km séparant Paris de Lyon."))
    assert 385 <= c["expected"]["value"] <= 400
    assert c["certainty"] >= 0.8 and "that short" in c["explanation"]


def test_distance_implicit_place_comes_from_the_event(build_ctx: Build) -> None:
    # "à 50 km de Lyon" names one end; the other is the place of the event the sentence reports (Paris, ~390 km away)
    ctx = build_ctx("Le sommet s'est tenu à 50 km de Lyon.")
    ctx.entities.append(Entity(id="ent-paris", name="Paris", type="place", geo={"lat": 48.86, "lon": 2.35, "source": "test"}))
    ctx.state.clear()
    source = {"doc": "doc0", "start": 3, "end": 9, "text": "sommet"}
    ctx.dossier.events = [{"id": "ev1", "place": "ent-paris", "sources": [source]}]
    (c,) = distance_check(ctx)
    assert c["about"] == "distance Paris – Lyon"
    ctx.dossier.events = [{"id": "ev1", "place": None, "sources": [source]}]
    assert distance_check(ctx) == []


@pytest.mark.parametrize("kind", ["country", "region"])
def test_distance_to_an_area_is_skipped(build_ctx: Build, kind: str) -> None:
    ctx = build_ctx("Le train a parcouru les 20 km séparant Paris de Lyon.")
    lyon = next(e for e in ctx.entities if e.name == "Lyon")
    assert distance_check(ctx)  # between two points: flagged
    if kind == "country":
        lyon.type = "country"
    else:
        lyon.geo = {**(lyon.geo or {}), "kind": "region"}
    assert distance_check(ctx) == []
