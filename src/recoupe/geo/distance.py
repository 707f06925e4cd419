"""Geodesic distances on the WGS84 ellipsoid, for the contradictions stage, the API and geocoding."""

from __future__ import annotations

from geographiclib.geodesic import Geodesic

_WGS84 = Geodesic.WGS84


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Shortest distance over the Earth's surface between two points, in kilometres (Karney's geodesic)."""
    return float(_WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"]) / 1000.0
