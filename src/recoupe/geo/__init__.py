"""Geography: the offline gazetteer, geocoding of place names in context, and geodesic distance.

Used by resolution (the `geocode` step, the distance checks) and by the presentation (maps); imports only `model`
and the shipped data."""

from recoupe.geo.distance import distance_km

__all__ = ["distance_km"]
