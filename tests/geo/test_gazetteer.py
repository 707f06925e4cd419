"""Tests for the offline gazetteer: keys, transliteration variants, exonyms, sites, and the index build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from recoupe import lang
from recoupe.geo.gazetteer import Gazetteer, build_index, index_path, name_key, skeleton

WORDS = lang.pack("fr").geo


@pytest.mark.parametrize("text, key", [
    ("Saint-Pétersbourg", "saint petersbourg"),
    ("L’Haÿ-les-Roses", "l hay les roses"),
    ("Łódź", "lodz"),
    ("  Nijni   Novgorod ", "nijni novgorod"),
])
def test_gazetteer_name_key_folds_case_accents_and_punctuation(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize("french, english", [
    ("tchernigov", "Chernigov"),
    ("oussouriisk", "Ussuriysk"),
    ("krasnoiarsk", "Krasnoyarsk"),
    ("iaroslavl", "Yaroslavl"),
    ("jitomir", "Zhitomir"),
    ("chakhty", "Shakhty"),
    ("khassan", "Khasan"),
    ("svobodny", "Svobodnyy"),
])
def test_gazetteer_french_spelling_meets_english_transliteration(french: str, english: str) -> None:
    assert skeleton(WORDS.respell(french)) == skeleton(name_key(english))


@pytest.mark.parametrize("exonym, country, english", [
    ("Moscou", "RU", "Moscow"),
    ("Pékin", "CN", "Beijing"),
    ("Séoul", "KR", "Seoul"),
    ("Londres", "GB", "London"),
    ("Varsovie", "PL", "Warsaw"),
])
def test_gazetteer_french_exonyms_find_the_city(gazetteer: Gazetteer, exonym: str, country: str, english: str) -> None:
    top = max(gazetteer.lookup(exonym, features=("town",)), key=lambda p: p.population)
    assert (top.country_code, top.name) == (country, english)


@pytest.mark.parametrize("name, code", [("Norvège", "NO"), ("États-Unis", "US"), ("Etats-Unis", "US"),
                                        ("Corée du Sud", "KR"), ("Germany", "DE"),
                                        ("Birmanie", "MM"), ("Myanmar", "MM")])
def test_gazetteer_countries_by_french_and_english_name(gazetteer: Gazetteer, name: str, code: str) -> None:
    found = gazetteer.lookup(name, features=("country",), fuzzy=False)
    assert [p.country_code for p in found] == [code]


def test_gazetteer_transliteration_variant_is_marked(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Iekaterinbourg", features=("town",))
    assert found and found[0].name == "Yekaterinburg" and found[0].match == "variant"


def test_gazetteer_unknown_name_finds_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Zorblattville") == []


def test_gazetteer_sites_near_a_town(gazetteer: Gazetteer) -> None:
    town = max(gazetteer.lookup("Mourmansk", features=("town",)), key=lambda p: p.population)
    near = gazetteer.sites_near("seaport", town.lat, town.lon, 15)
    assert near and near[0][1].country_code == "RU" and near[0][0] < 15


def test_gazetteer_build_index_from_given_cities(tmp_path: Path) -> None:
    cities = [
        {"geonameid": 1, "name": "Alphaville", "latitude": 10.0, "longitude": 20.0, "countrycode": "FR",
         "population": 1200, "admin1code": "11", "alternatenames": ["Alfaville", "Альфавиль"]},
        {"geonameid": 2, "name": "Paris", "latitude": 48.85, "longitude": 2.35, "countrycode": "FR",
         "population": 2_000_000, "admin1code": "11", "alternatenames": []},
    ]
    path = build_index(tmp_path / "g.sqlite", WORDS, cities=cities, airports=False)
    assert not list(tmp_path.glob("*.tmp"))  # the temporary file was renamed, not left behind
    g = Gazetteer(path)
    try:
        assert [p.source for p in g.lookup("alfaville")] == ["geonames:1"]
        france = g.lookup("France", features=("country",))
        assert france and (france[0].lat, france[0].lon) == (48.85, 2.35)  # placed at its capital
        keys = {r[0] for r in sqlite3.connect(path).execute("SELECT key FROM alias")}
        assert "альфавиль" not in keys  # only Latin-script names are indexed
    finally:
        g.close()


def test_gazetteer_index_path_depends_on_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOUPE_CACHE", str(tmp_path))
    p = index_path(WORDS)
    assert p.parent == tmp_path and "geonames3.0.2" in p.name


@pytest.mark.parametrize("name, country", [
    ("Bavière", "DE"), ("Catalogne", "ES"), ("Caroline du Nord", "US"), ("Kraï de Khabarovsk", "RU"),
])
def test_gazetteer_french_region_names(gazetteer: Gazetteer, name: str, country: str) -> None:
    found = gazetteer.lookup(name, features=("region",), fuzzy=False)
    assert [p.country_code for p in found] == [country] and found[0].french


def test_gazetteer_french_region_name_without_its_designator(gazetteer: Gazetteer) -> None:
    # CLDR's "Oblast de Iaroslavl" is also "Iaroslavl", the French spelling of the region, not only of its town
    found = gazetteer.lookup("Iaroslavl", features=("region",), fuzzy=False)
    assert [(p.country_code, p.french) for p in found] == [("RU", True)]


def test_gazetteer_french_city_names_from_time_zones(gazetteer: Gazetteer) -> None:
    london = [p for p in gazetteer.lookup("Londres", features=("town",)) if p.country_code == "GB"]
    assert any(p.french and p.population > 1_000_000 for p in london)


def test_gazetteer_build_index_names_regions_from_the_region_table(tmp_path: Path) -> None:
    cities = [
        {"geonameid": 1, "name": "Alphaville", "latitude": 48.0, "longitude": 2.0, "countrycode": "FR",
         "population": 1200, "admin1code": "11", "alternatenames": []},
        {"geonameid": 2, "name": "Betaville", "latitude": 49.0, "longitude": 3.0, "countrycode": "FR",
         "population": 800, "admin1code": "11", "alternatenames": []},
    ]
    g = Gazetteer(build_index(tmp_path / "g.sqlite", WORDS, cities=cities, airports=False))
    try:
        region = g.lookup("Île-de-France", features=("region",), fuzzy=False)
        # placed at the mean of its towns, weighing what they weigh
        assert [(p.lat, p.lon, p.population) for p in region] == [(48.5, 2.5, 2000)]
    finally:
        g.close()


def test_gazetteer_spaceports_lie_in_their_country(gazetteer: Gazetteer) -> None:
    """The launch-site table was typed by hand: each site's nearest town must be in the site's country."""
    import csv
    from importlib import resources

    text = resources.files("recoupe.data").joinpath("geo/spaceports.tsv").read_text(encoding="utf-8")
    wrong = []
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        near = gazetteer.sites_near("town", float(row["lat"]), float(row["lon"]), 300.0)
        if not near or near[0][1].country_code != row["country_code"]:
            wrong.append(row["id"])
    assert wrong == []


def test_gazetteer_region_is_placed_at_the_centre_of_its_outline(monkeypatch: pytest.MonkeyPatch) -> None:
    from recoupe.geo import gazetteer

    # an L-shaped province whose towns all crowd its western arm: its outline says where its middle is
    towns = [(40.0 + i / 10, 10.0 + j / 10) for i in range(10) for j in range(3)] + [(40.1, 13.0)]
    outlines = {"ZZ": [(frozenset({"nordmark"}), 40.6, 11.9), (frozenset({"sudmark"}), 44.0, 18.0)]}
    monkeypatch.setattr(gazetteer, "_outline_centres", lambda: outlines)
    assert gazetteer.region_center("ZZ", ["nordmark"], towns) == (40.6, 11.9)
    # the outline's name in another spelling ("Nordmarck") is the same skeleton only when the letters agree
    assert gazetteer.region_center("ZZ", ["nordmarck"], towns) == gazetteer.area_center(towns)
    # an outline of the same name lying far from the region's towns is a namesake, not this region
    assert gazetteer.region_center("ZZ", ["sudmark"], towns) == gazetteer.area_center(towns)
    # two outlines bearing the name: none is chosen
    outlines["ZZ"].append((frozenset({"nordmark"}), 40.2, 10.2))
    assert gazetteer.region_center("ZZ", ["nordmark"], towns) == gazetteer.area_center(towns)


def test_gazetteer_outline_centres_join_their_regions_by_name() -> None:
    from recoupe.geo.gazetteer import _outline_centres, skeleton

    # the shipped table names each unit in Natural Earth's, GeoNames' and Where-On-Earth's spelling, designators
    # stripped too: a soft sign ending a romanised name is no part of it
    units = _outline_centres()
    assert len(units) > 200 and sum(map(len, units.values())) > 4000
    keys = {k for names, _, _ in units["UA"] for k in names}
    assert skeleton("donetska") in keys or skeleton("donetsk") in keys


def test_region_outline_script_centroid_of_a_ring_with_a_hole() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_region_outlines", Path(__file__).resolve().parents[2] / "scripts" / "make_region_outlines.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    lat, lon = mod.area_centroid([[square]])
    assert abs(lat - 2.0) < 0.01 and abs(lon - 2.0) < 0.01
    # a hole in the eastern half (wound the other way) moves the centre west
    hole = [(2.5, 1.0), (2.5, 3.0), (3.5, 3.0), (3.5, 1.0), (2.5, 1.0)]
    lat, lon = mod.area_centroid([[square, hole]])
    assert abs(lat - 2.0) < 0.01 and lon < 1.9


def test_gazetteer_fuzzy_match_survives_a_letter_dropped_in_the_first_four(tmp_path: Path) -> None:
    # a French spelling that drops the h of "zh" ("Bozenovo" for Bozhenovo) starts another four-letter block
    cities = [
        {"geonameid": 7, "name": "Bozhenovo", "latitude": 57.0, "longitude": 34.0, "countrycode": "RU",
         "population": 2500, "admin1code": "77", "alternatenames": []},
        {"geonameid": 8, "name": "Bozenbridge", "latitude": 52.0, "longitude": -1.0, "countrycode": "GB",
         "population": 2500, "admin1code": "ENG", "alternatenames": []},
    ]
    g = Gazetteer(build_index(tmp_path / "g.sqlite", WORDS, cities=cities, airports=False))
    try:
        found = g.lookup("Bozenovo", features=("town",))
        assert [(p.source, p.match) for p in found] == [("geonames:7", "fuzzy")]
        # a name close enough within its own block never looks further
        assert [p.source for p in g.lookup("Bozenbrige", features=("town",))] == ["geonames:8"]
    finally:
        g.close()
