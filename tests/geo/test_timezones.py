"""Time zones of places from the IANA database: a city's zone by its name (in English or in French, CLDR), a place's
by its country and coordinates, and the offset on a given day (summer time included)."""

from __future__ import annotations

import pytest

from recoupe.geo.timezones import utc_offset_minutes, zone_of, zone_of_city


@pytest.mark.parametrize(("name", "language", "zone"), [
    ("Moscou", "fr", "Europe/Moscow"), ("Moscow", "en", "Europe/Moscow"), ("Londres", "fr", "Europe/London"),
    ("New York", "en", "America/New_York"), ("Atlantide", "fr", None),
])
def test_timezones_city_names(name: str, language: str, zone: str | None) -> None:
    assert zone_of_city(name, language) == zone


def test_timezones_country_and_coordinates() -> None:
    assert zone_of("FR") == "Europe/Paris"                      # one zone for the country
    assert zone_of("US") is None                                 # several, and no coordinates to choose
    assert zone_of("US", 41.9, -87.6) == "America/Chicago"       # the nearest zone point
    assert zone_of("RU", 56.0, 37.5) == "Europe/Moscow"


def test_timezones_offsets_follow_summer_time() -> None:
    assert utc_offset_minutes("Europe/Paris", "2024-07-11") == 120
    assert utc_offset_minutes("Europe/Paris", "2024-01-11") == 60
    assert utc_offset_minutes("America/St_Johns", "2024-07-11") == -150
    assert utc_offset_minutes("Nowhere/Town", "2024-07-11") is None
