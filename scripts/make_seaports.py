"""Regenerate src/recoupe/data/geo/seaports.tsv from the ports table that the `searoute` package ships."""

from __future__ import annotations

import json
import sys
from pathlib import Path

# usage: python scripts/make_seaports.py PATH/TO/searoute/data/ports.geojson
OUT = Path(__file__).resolve().parents[1] / "src/recoupe/data/geo/seaports.tsv"


def main(src: str) -> None:
    feats = json.loads(Path(src).read_text(encoding="utf-8"))["features"]
    rows = []
    for f in feats:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"][:2]
        code = p["port"]
        name = " ".join(p["name"].split())
        if not code or not name or "\t" in name:
            continue
        rows.append((code, name, code[:2], f"{lat:.5f}", f"{lon:.5f}"))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as out:
        out.write("id\tname\tcountry_code\tlat\tlon\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} ports -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
