"""Tests for geodesic distances."""

from __future__ import annotations

import pytest

from recoupe.geo import distance_km


@pytest.mark.parametrize("a, b, km", [
    ((48.8566, 2.3522), (51.5074, -0.1278), 343.9),  # Paris - London
    ((40.7128, -74.0060), (34.0522, -118.2437), 3944.4),  # New York - Los Angeles
    ((0.0, 0.0), (0.0, 1.0), 111.32),  # one degree along the equator
])
def test_geo_distance_km_matches_known_distances(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert distance_km(*a, *b) == pytest.approx(km, rel=0.002)


def test_geo_distance_km_is_symmetric_and_zero_on_a_point() -> None:
    assert distance_km(10, 20, 30, 40) == pytest.approx(distance_km(30, 40, 10, 20))
    assert distance_km(45.0, 7.0, 45.0, 7.0) == 0.0
