"""Cross-check data/geo/spaceports.tsv against the independent datasets we ship: airfields and GeoNames towns.

No public launch-site catalogue is reachable offline (GCAT's sites.tsv needs the network), so each site is
checked against what is: the nearest GeoNames town (which must be in the site's country), the nearest
airfield of `airportsdata` (most launch sites have their own airstrip) and the GeoNames towns its aliases
name (Kourou, Baikonur, Tsiolkovsky...). A site whose nearest town is in another country, or with no airfield
or named town of its own country within --km kilometres, is reported: that catches a wrong sign, a swapped
latitude and longitude or a mistyped degree. It does not prove a site's position to better than that.
"""

from __future__ import annotations

import argparse
import csv
import sys

from recoupe.geo import distance_km
from recoupe import lang
from recoupe.geo.gazetteer import _supplement, open_gazetteer


def check(km: float) -> list[str]:
    """One line per site: its nearest airfield and nearest named town, flagged when neither is within `km`."""
    import airportsdata

    airports = [a for a in airportsdata.load("ICAO").values()]
    gaz = open_gazetteer(lang.pack("fr").geo)
    lines = []
    for row in csv.DictReader(_supplement("spaceports.tsv").splitlines(), delimiter="\t"):
        lat, lon, cc = float(row["lat"]), float(row["lon"]), row["country_code"]
        near_air = min(((distance_km(lat, lon, float(a["lat"]), float(a["lon"])), a["name"]) for a in airports
                        if a.get("country") == cc), default=(math_inf(), "-"))
        towns = [(distance_km(lat, lon, p.lat, p.lon), p.name) for alias in row["aliases"].split("|")
                 for p in gaz.lookup(alias, features=("town",), fuzzy=False) if p.country_code == cc]
        near_town = min(towns, default=(math_inf(), "-"))
        nearest = gaz.sites_near("town", lat, lon, 300.0)
        where = nearest[0][1].country_code if nearest else "--"
        flag = "" if min(near_air[0], near_town[0]) <= km and where == cc else "  <-- CHECK"
        lines.append(f"{row['id']:14} {cc}  nearest town in {where}  airfield {near_air[0]:6.1f} km "
                     f"({near_air[1][:34]})  named town {near_town[0]:6.1f} km ({near_town[1]}){flag}")
    return lines


def math_inf() -> float:
    return float("inf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--km", type=float, default=250.0, help="how far the nearest airfield or named town may be")
    args = ap.parse_args()
    lines = check(args.km)
    print("\n".join(lines))
    sys.exit(1 if any(line.endswith("CHECK") for line in lines) else 0)


if __name__ == "__main__":
    main()
