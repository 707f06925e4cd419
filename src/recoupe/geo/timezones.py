"""Time zones of places, from the IANA database (tzdata's zone.tab): a country's zones with the point each is
named after; a place takes the zone of its country whose point is nearest. No table of our own."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_COORD = re.compile(r"([+-])(\d{2})(\d{2})(\d{2})?([+-])(\d{3})(\d{2})(\d{2})?")


def _degrees(sign: str, d: str, m: str, s: str | None) -> float:
    v = int(d) + int(m) / 60 + (int(s) / 3600 if s else 0)
    return -v if sign == "-" else v


@lru_cache(maxsize=1)
def _zones() -> dict[str, list[tuple[float, float, str]]]:
    """Country code -> [(lat, lon, IANA zone)], in zone.tab's order."""
    out: dict[str, list[tuple[float, float, str]]] = {}
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, OSError):
        return out
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        m = _COORD.fullmatch(parts[1])
        if not m:
            continue
        lat = _degrees(m.group(1), m.group(2), m.group(3), m.group(4))
        lon = _degrees(m.group(5), m.group(6), m.group(7), m.group(8))
        out.setdefault(parts[0].upper(), []).append((lat, lon, parts[2]))
    return out


def zone_of(country_code: str | None, lat: float | None = None, lon: float | None = None) -> str | None:
    """The IANA zone of a place in `country_code` (nearest zone point to lat/lon), or of the country when it has one
    zone only; None when unknown or ambiguous."""
    zones = _zones().get((country_code or "").upper())
    if not zones:
        return None
    if len(zones) == 1:
        return zones[0][2]
    if lat is None or lon is None:
        return None
    return min(zones, key=lambda z: (z[0] - lat) ** 2 + ((z[1] - lon) * _cos(lat)) ** 2)[2]


def _cos(lat: float) -> float:
    import math

    return max(0.1, math.cos(math.radians(lat)))


def utc_offset_minutes(zone: str, day: str) -> int | None:
    """The offset of `zone` from UTC on the day `day` (ISO), in minutes, summer time included; None when unknown."""
    try:
        tz = ZoneInfo(zone)
        d = dt.date.fromisoformat(day)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return None
    off = dt.datetime(d.year, d.month, d.day, 12, tzinfo=tz).utcoffset()
    return None if off is None else int(off.total_seconds() // 60)


@lru_cache(maxsize=4)
def _city_zones(language: str) -> dict[str, str]:
    """Folded city name -> the IANA zone named after it: the zone's own city ("Europe/Moscow": moscow) and its name in
    `language` from CLDR (babel: "Moscou"), for "heure de Moscou", "Moscow time"."""
    from recoupe.model.text import fold

    out: dict[str, str] = {}
    for zones in _zones().values():
        for _, _, tz in zones:
            out.setdefault(fold(tz.rsplit("/", 1)[-1].replace("_", " ")), tz)
    try:
        from babel import Locale

        for tz, z in Locale(language).time_zones.items():
            city = z.get("city")
            if city and "/" in tz:
                out.setdefault(fold(city), tz)
    except Exception:  # noqa: BLE001 - an unknown locale or no babel: the zone names alone
        pass
    return out


def zone_of_city(name: str, language: str = "en") -> str | None:
    """The IANA zone named after the city `name` ("Moscou", "New York"), in `language` or in English."""
    from recoupe.model.text import fold

    key = fold(name)
    return _city_zones(language).get(key) or _city_zones("en").get(key)
