"""Regenerate src/recoupe/data/geo/region_outlines.tsv: the centre of every first-level administrative unit's outline.

usage:
    python scripts/make_region_outlines.py [PATH/TO/world_map.gpkg]

The outlines are Natural Earth's 1:10m "admin 1 states, provinces" (public domain), as the QGIS project ships them in
resources/data/world_map.gpkg, layer states_provinces (Debian package qgis-common 3.22.16: installed at
/usr/share/qgis/resources/data/world_map.gpkg, the default path). Each row gives the unit's country, its names
(Natural Earth's name, its GeoNames name and its Where-On-Earth name) and the area centroid of its outline: the
centre of mass of the polygons on the sphere, approximated per ring in an equal-area projection (x = longitude times
the cosine of latitude), which is what the map shows as the middle of the region. Only the point is kept, rounded to
0.001 degree (about 100 m); no outline is shipped.
"""

from __future__ import annotations

import csv
import math
import sqlite3
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/recoupe/data/geo/region_outlines.tsv"
DEFAULT = Path("/usr/share/qgis/resources/data/world_map.gpkg")
# GeoPackage binary header: envelope size by the envelope indicator of the flags byte
_ENVELOPE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def polygons(blob: bytes) -> list[list[list[tuple[float, float]]]]:
    """The polygons (rings of (lon, lat)) of a GeoPackage geometry: Polygon or MultiPolygon WKB."""
    wkb = blob[8 + _ENVELOPE[(blob[3] >> 1) & 7]:]
    out: list[list[list[tuple[float, float]]]] = []

    def read(off: int) -> int:
        order = "<" if wkb[off] == 1 else ">"
        kind = struct.unpack_from(order + "I", wkb, off + 1)[0] % 1000
        off += 5
        count = struct.unpack_from(order + "I", wkb, off)[0]
        off += 4
        if kind == 6:  # MultiPolygon: each part is a whole Polygon WKB
            for _ in range(count):
                off = read(off)
            return off
        if kind != 3:
            raise ValueError(f"not a polygon: WKB type {kind}")
        rings = []
        for _ in range(count):
            n = struct.unpack_from(order + "I", wkb, off)[0]
            off += 4
            xy = struct.unpack_from(order + f"{2 * n}d", wkb, off)
            off += 16 * n
            rings.append(list(zip(xy[0::2], xy[1::2])))
        out.append(rings)
        return off

    read(0)
    return out


def area_centroid(polys: list[list[list[tuple[float, float]]]]) -> tuple[float, float]:
    """(lat, lon) of the centre of mass of these polygons (holes subtract: rings are signed by their direction)."""
    area = sx = sy = 0.0
    lon0 = polys[0][0][0][0]
    for rings in polys:
        for ring in rings:
            # longitudes relative to the first point, so that a unit across the 180th meridian stays whole
            pts = [(((lo - lon0 + 540) % 360 - 180) * math.cos(math.radians(la)), la) for lo, la in ring]
            for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
                cross = x1 * y2 - x2 * y1
                area += cross
                sx += (x1 + x2) * cross
                sy += (y1 + y2) * cross
    lat = sy / (3 * area)
    lon = sx / (3 * area) / math.cos(math.radians(lat)) + lon0
    return lat, (lon + 540) % 360 - 180


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else DEFAULT
    con = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    rows = []
    for cc, name, gn, woe, blob in con.execute(
            "SELECT iso_a2, name, gn_name, woe_name, geom FROM states_provinces ORDER BY iso_a2, name, fid"):
        if not cc or len(cc) != 2 or cc == "-9" or not name or blob is None:
            continue
        lat, lon = area_centroid(polygons(blob))
        alts = sorted({n for n in (gn, woe) if n and n != name})
        rows.append((cc, name, "|".join(alts), f"{lat:.3f}", f"{lon:.3f}"))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(("country_code", "name", "aliases", "lat", "lon"))
        w.writerows(rows)
    print(f"{len(rows)} outline centres -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
