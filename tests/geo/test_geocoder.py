"""Tests for the geocode step on hand-made entities and sentences written for the tests."""

from __future__ import annotations

import re

import pytest

from recoupe.model import Analysis, Document, Entity, Span, make_id
from recoupe.geo.gazetteer import Gazetteer
from recoupe import lang
from recoupe.geo.geocoder import geocode_entities, lexicon

WORDS = lang.pack("fr").geo
from recoupe.resolve.registry import ResolveContext


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[.!?](\s+|$)", text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _entities(texts: dict[str, str], names: dict[str, str]) -> list[Entity]:
    """One entity per name (name -> type), with a mention at every occurrence in every text."""
    out = []
    for name, typ in names.items():
        spans = [Span(doc, m.start(), m.end(), m.group(0))
                 for doc, text in texts.items() for m in re.finditer(re.escape(name), text)]
        assert spans, name
        out.append(Entity(id=make_id("ent", name), name=name, type=typ, aliases=[name], mentions=spans))
    return out


def _geocode(texts: dict[str, str], names: dict[str, str], gaz: Gazetteer, words: object = WORDS) -> dict[str, Entity]:
    ents = _entities(texts, names)
    geocode_entities(ents, texts, {d: _sentences(t) for d, t in texts.items()}, gaz, words)  # type: ignore[arg-type]
    return {e.name: e for e in ents}


def test_geocode_homonym_follows_the_country_named_in_the_article(gazetteer: Gazetteer) -> None:
    texts = {"a": "Des milliers de manifestants ont défilé à Tripoli. Le Liban traverse une crise profonde."}
    got = _geocode(texts, {"Tripoli": "place", "Liban": "place"}, gazetteer)
    assert got["Tripoli"].attrs["country_code"] == "LB"
    texts = {"b": "Des milliers de manifestants ont défilé à Tripoli. La Libye traverse une crise profonde."}
    got = _geocode(texts, {"Tripoli": "place", "Libye": "place"}, gazetteer)
    assert got["Tripoli"].attrs["country_code"] == "LY"


def test_geocode_homonym_without_context_stays_ambiguous_with_candidates(gazetteer: Gazetteer) -> None:
    got = _geocode({"a": "Le convoi est arrivé à Tripoli dans la nuit."}, {"Tripoli": "place"}, gazetteer)
    e = got["Tripoli"]
    assert e.geo is None and e.attrs["geo_status"] == "ambiguous"
    assert {"LB", "LY"} <= {c["country_code"] for c in e.attrs["candidates"]}


@pytest.mark.parametrize("sentence, country", [
    ("Le festival se tient à Valence, en France, chaque été.", "FR"),
    ("Le festival se tient à Valence, en Espagne, chaque été.", "ES"),
    ("La délégation a fait escale à Londres, en Argentine, avant de repartir.", "AR"),
])
def test_geocode_located_in_country_picks_the_homonym(gazetteer: Gazetteer, sentence: str, country: str) -> None:
    name = "Valence" if "Valence" in sentence else "Londres"
    got = _geocode({"a": sentence}, {name: "place"}, gazetteer)
    assert got[name].attrs["country_code"] == country and got[name].geo is not None


@pytest.mark.parametrize("exonym, country, lat", [
    ("Moscou", "RU", 55.75), ("Pékin", "CN", 39.9), ("Séoul", "KR", 37.57), ("Londres", "GB", 51.5),
])
def test_geocode_french_exonyms(gazetteer: Gazetteer, exonym: str, country: str, lat: float) -> None:
    got = _geocode({"a": f"Le ministre s'est rendu à {exonym} la semaine dernière."}, {exonym: "place"}, gazetteer)
    e = got[exonym]
    assert e.attrs["country_code"] == country and e.attrs["precision"] == "town"
    assert e.geo is not None and abs(e.geo["lat"] - lat) < 0.2 and e.geo["source"].startswith("geonames:")


def test_geocode_site_through_its_category_word(gazetteer: Gazetteer) -> None:
    texts = {"a": "La fusée a décollé du cosmodrome de Baïkonour mardi. Un cargo a quitté le port de Mourmansk."}
    got = _geocode(texts, {"Baïkonour": "place", "Mourmansk": "place"}, gazetteer)
    cosmo, port = got["Baïkonour"], got["Mourmansk"]
    assert cosmo.attrs["precision"] == "site" and cosmo.attrs["category"] == "spaceport"
    assert cosmo.geo is not None and cosmo.geo["source"].startswith("spaceports:") and cosmo.attrs["country_code"] == "KZ"
    assert port.attrs["precision"] == "site" and port.geo is not None and port.geo["source"].startswith("seaports:")


def test_geocode_category_in_the_name_and_thing_becomes_place(gazetteer: Gazetteer) -> None:
    texts = {"a": "Les images montrent la gare de Mourmansk sous la neige. Le cosmodrome de Plessetsk est fermé."}
    got = _geocode(texts, {"gare de Mourmansk": "place", "cosmodrome de Plessetsk": "other"}, gazetteer)
    gare, cosmo = got["gare de Mourmansk"], got["cosmodrome de Plessetsk"]
    # no station list: the station is put at its town, and says so (site-approx, at that locality)
    assert gare.attrs["category"] == "rail_station" and gare.attrs["precision"] == "site-approx"
    assert gare.attrs["locality"] == "Murmansk"
    assert gare.attrs["country_code"] == "RU"
    assert cosmo.type == "place" and cosmo.attrs["precision"] == "site" and cosmo.attrs["geo_match"] == "variant"


def test_geocode_unknown_name_left_unresolved(gazetteer: Gazetteer) -> None:
    got = _geocode({"a": "Les troupes se sont repliées vers Zorblattville, en Norvège."},
                   {"Zorblattville": "place"}, gazetteer)
    e = got["Zorblattville"]
    assert e.geo is None and e.attrs["geo_status"] == "unresolved" and "candidates" not in e.attrs


def test_geocode_country_named_in_the_text_rules_out_other_countries(gazetteer: Gazetteer) -> None:
    # the only "Trípoli"-like candidates outside Greece must not be taken when the text says Greece
    got = _geocode({"a": "Le train s'est arrêté à Tripoli, en Grèce, pendant une heure."}, {"Tripoli": "place"}, gazetteer)
    assert got["Tripoli"].attrs["country_code"] == "GR"


def test_geocode_countries_become_countries(gazetteer: Gazetteer) -> None:
    texts = {"a": "Hier, la Norvège et la Fédération de Russie ont signé un accord."}
    got = _geocode(texts, {"la Norvège": "place", "Fédération de Russie": "place"}, gazetteer)
    assert got["la Norvège"].type == "country" and got["la Norvège"].attrs["country_code"] == "NO"
    assert got["Fédération de Russie"].attrs["country_code"] == "RU"
    assert got["Fédération de Russie"].attrs["precision"] == "country"


def test_geocode_nearby_town_settles_a_small_homonym(gazetteer: Gazetteer) -> None:
    # several villages share the name; "près de Valence" keeps the one near the French town
    texts = {"a": "Le dépôt se trouve à Étoile-sur-Rhône, près de Valence."}
    got = _geocode(texts, {"Étoile-sur-Rhône": "place"}, gazetteer)
    e = got["Étoile-sur-Rhône"]
    assert e.attrs["country_code"] == "FR" and e.geo is not None


def test_geocode_person_is_never_geocoded(gazetteer: Gazetteer) -> None:
    got = _geocode({"a": "Le gare de Paris a parlé hier."}, {"Paris": "person"}, gazetteer)
    assert got["Paris"].geo is None and "geo_status" not in got["Paris"].attrs


def test_geocode_step_runs_through_the_registry(gazetteer: Gazetteer) -> None:
    from recoupe.resolve import steps

    text = "Le sommet s'est tenu à Oslo, en Norvège."
    ctx = ResolveContext(documents=[Document(id="d", source="t", text=text)],
                         analyses=[Analysis(doc="d", version="t", sentences=_sentences(text))])
    ctx.entities = _entities({"d": text}, {"Oslo": "place"})
    steps()["geocode"].obj(ctx)
    assert ctx.entities[0].attrs["country_code"] == "NO"


def test_geocode_lexicon_loads_and_orders_longest_category_first() -> None:
    lex = lexicon(WORDS)
    words = [w for w, _ in lex.categories]
    assert words.index("base de lancement") < words.index("base")


def test_geocode_english_country_name_that_is_a_french_city_name(gazetteer: Gazetteer) -> None:
    texts = {"a": "Le président s'est rendu à Mexico puis a quitté le Mexique."}
    got = _geocode(texts, {"Mexico": "place", "Mexique": "place"}, gazetteer)
    assert got["Mexico"].type == "place" and got["Mexico"].attrs["precision"] == "town"
    assert got["Mexique"].type == "country" and got["Mexique"].attrs["country_code"] == "MX"


def test_geocode_falls_back_on_the_entity_aliases(gazetteer: Gazetteer) -> None:
    text = "La Confédération helvétique a voté. La Suisse reste neutre."
    e = Entity(id="e", name="Confédération helvétique", type="place", aliases=["Confédération helvétique", "Suisse"],
               mentions=[Span("a", 3, 27, "Confédération helvétique"), Span("a", 39, 45, "Suisse")])
    geocode_entities([e], {"a": text}, {"a": _sentences(text)}, gazetteer, WORDS)
    assert e.type == "country" and e.attrs["country_code"] == "CH"


def test_geocode_category_found_in_an_alias(gazetteer: Gazetteer) -> None:
    text = "Le cosmodrome de Plessetsk a repris ses tirs. Plessetsk est sous la neige."
    e = Entity(id="e", name="Plessetsk", type="place", aliases=["Plessetsk", "cosmodrome de Plessetsk"],
               mentions=[Span("a", 3, 26, "cosmodrome de Plessetsk"), Span("a", 46, 55, "Plessetsk")])
    assert text[3:26] == "cosmodrome de Plessetsk" and text[46:55] == "Plessetsk"
    geocode_entities([e], {"a": text}, {"a": _sentences(text)}, gazetteer, WORDS)
    assert e.attrs["category"] == "spaceport" and e.geo is not None and e.geo["source"] == "spaceports:plesetsk"


@pytest.mark.parametrize("sentence, name, feature, country", [
    ("L'avion s'est posé à l'aéroport de Vnoukovo vers minuit.", "Vnoukovo", "airport", "RU"),
    ("Des chasseurs ont quitté la base aérienne de Ramstein hier.", "Ramstein", "military_base", "DE"),
    ("Les passagers attendent à l'aéroport d'Orly depuis le matin.", "Orly", "airport", "FR"),
])
def test_geocode_airports_and_air_bases_through_their_category_word(
        gazetteer: Gazetteer, sentence: str, name: str, feature: str, country: str) -> None:
    e = _geocode({"a": sentence}, {name: "place"}, gazetteer)[name]
    assert e.geo is not None and e.geo["source"].startswith("airports:")
    assert e.attrs["precision"] == "site" and e.attrs["country_code"] == country


@pytest.mark.parametrize("name, code", [("RDC", "CD"), ("République démocratique du Congo", "CD"), ("EAU", "AE")])
def test_geocode_country_abbreviations_and_long_forms(gazetteer: Gazetteer, name: str, code: str) -> None:
    e = _geocode({"a": f"Selon le texte, {name} a signé."}, {name: "place"}, gazetteer)[name]
    assert e.type == "country" and e.attrs["country_code"] == code and e.attrs["precision"] == "country"


@pytest.mark.parametrize("sentence, name, country", [
    ("Le préfet du Finistère a fermé les écoles.", "Finistère", "FR"),  # the département, not the Spanish cape town
    ("Les manifestants ont défilé au Caire samedi.", "Caire", "EG"),
    ("Le match du Mans a été reporté.", "Mans", "FR"),
])
def test_geocode_article_before_a_name_rules_out_towns_without_one(
        gazetteer: Gazetteer, sentence: str, name: str, country: str | None) -> None:
    e = _geocode({"a": sentence}, {name: "place"}, gazetteer)[name]
    assert e.attrs.get("country_code") == country
    if name == "Finistère":
        assert e.attrs["precision"] == "region" and 47.5 < e.geo["lat"] < 49 and -5 < e.geo["lon"] < -3.5


def test_geocode_us_state_named_after_a_town_settles_the_homonym(gazetteer: Gazetteer) -> None:
    texts = {"a": "Le musée de Springfield, dans l'Illinois, a rouvert. Le Texas vote mardi."}
    got = _geocode(texts, {"Springfield": "place", "Texas": "place"}, gazetteer)
    spring, texas = got["Springfield"], got["Texas"]
    assert spring.attrs["country_code"] == "US" and spring.geo is not None
    assert abs(spring.geo["lat"] - 39.8) < 0.3 and abs(spring.geo["lon"] + 89.65) < 0.3  # Illinois' capital
    assert texas.attrs["precision"] == "region" and texas.attrs["country_code"] == "US"


@pytest.mark.parametrize("sentence, name, precision", [
    ("Des drones ont frappé Belgorod dans la nuit.", "Belgorod", "town"),
    ("Des drones ont frappé l'oblast de Belgorod dans la nuit.", "oblast de Belgorod", "region"),
    ("Des drones ont frappé la région de Belgorod dans la nuit.", "région de Belgorod", "region"),
])
def test_geocode_region_or_town_of_the_same_name(gazetteer: Gazetteer, sentence: str, name: str, precision: str) -> None:
    e = _geocode({"a": sentence}, {name: "place"}, gazetteer)[name]
    assert e.attrs["precision"] == precision and e.attrs["country_code"] == "RU" and e.geo is not None


@pytest.mark.parametrize("sentence, name, country", [
    ("Les inondations ont ravagé la Bavière ce week-end.", "Bavière", "DE"),
    ("Le gouverneur du kraï de Khabarovsk a démissionné.", "kraï de Khabarovsk", "RU"),
    ("Un ouragan a frappé la Caroline du Nord.", "Caroline du Nord", "US"),
])
def test_geocode_french_region_names(gazetteer: Gazetteer, sentence: str, name: str, country: str) -> None:
    e = _geocode({"a": sentence}, {name: "place"}, gazetteer)[name]
    assert e.attrs["precision"] == "region" and e.attrs["country_code"] == country and e.geo is not None


def test_geocode_name_after_an_equipment_noun_is_not_a_place(gazetteer: Gazetteer) -> None:
    e = _geocode({"a": "La marine a présenté le sous-marin Koursk au public."}, {"Koursk": "place"}, gazetteer)["Koursk"]
    assert e.geo is None and e.type == "equipment" and e.attrs["geo_status"] == "not a place"


def test_geocode_equipment_noun_then_preposition_keeps_the_place(gazetteer: Gazetteer) -> None:
    texts = {"a": "Des drones sur Koursk ont été abattus, selon la Russie."}
    e = _geocode(texts, {"Koursk": "place", "Russie": "country"}, gazetteer)["Koursk"]
    assert e.type == "place" and e.attrs["country_code"] == "RU" and e.geo is not None


def test_geocode_respelling_of_a_far_town_needs_its_country(gazetteer: Gazetteer) -> None:
    # "Zagrab" is one of Zagreb's alternate names, a respelling: with no Croatia in the dossier it stays off the map
    texts = {"a": "Le cargo a fait escale à Zagrab avant de rejoindre le Brésil."}
    e = _geocode(texts, {"Zagrab": "place", "Brésil": "country"}, gazetteer)["Zagrab"]
    assert e.geo is None
    texts = {"a": "Le cargo a fait escale à Zagrab avant de rejoindre le Brésil. La Croatie a protesté."}
    e = _geocode(texts, {"Zagrab": "place", "Brésil": "country", "Croatie": "country"}, gazetteer)["Zagrab"]
    assert e.attrs["country_code"] == "HR" and e.geo is not None


def test_geocode_french_transliteration_is_no_respelling(gazetteer: Gazetteer) -> None:
    # "Koursk" is the French transliteration of Kursk: no country needed, like any big town's own name
    e = _geocode({"a": "Le gouverneur est arrivé à Koursk mardi."}, {"Koursk": "place"}, gazetteer)["Koursk"]
    assert e.attrs["country_code"] == "RU" and e.geo is not None


def test_geocode_site_in_no_dataset_is_placed_at_the_town_the_text_gives(gazetteer: Gazetteer) -> None:
    texts = {"a": "Un camion a heurté le pont Wilson, à Tours, lundi. La France a ouvert une enquête."}
    got = _geocode(texts, {"pont Wilson": "place"}, gazetteer)
    e = got["pont Wilson"]
    assert e.attrs["precision"] == "site-approx" and e.attrs["locality"] == "Tours" and e.attrs["country_code"] == "FR"


def test_geocode_landmark_is_placed_at_its_articles_town(gazetteer: Gazetteer) -> None:
    texts = {"a": "Le sommet s'ouvre à Lyon. Lyon accueille quarante délégations en France. "
                  "Un dîner est prévu au musée Lumière, puis une réception."}
    got = _geocode(texts, {"Lyon": "place", "musée Lumière": "place"}, gazetteer)
    assert got["musée Lumière"].attrs["precision"] == "site-approx" and got["musée Lumière"].attrs["locality"] == "Lyon"


def test_geocode_site_far_from_the_town_the_text_gives_is_not_a_namesake(gazetteer: Gazetteer) -> None:
    # "Key" matches small towns elsewhere; the text says the bridge is in Baltimore
    texts = {"a": "Le pont Key, à Baltimore, s'est effondré. Les États-Unis ont ouvert une enquête."}
    got = _geocode(texts, {"pont Key": "place"}, gazetteer)
    assert got["pont Key"].attrs["locality"] == "Baltimore"


def test_geocode_a_name_only_places_take_is_a_place_even_when_called_a_person(gazetteer: Gazetteer) -> None:
    texts = {"a": "Des roquettes sont tombées à Ofakim dimanche. Israël a riposté. À Ofakim, les écoles sont fermées."}
    got = _geocode(texts, {"Ofakim": "person", "Israël": "country"}, gazetteer)
    assert got["Ofakim"].type == "place" and got["Ofakim"].attrs["country_code"] == "IL"


def test_geocode_a_person_is_still_never_geocoded(gazetteer: Gazetteer) -> None:
    texts = {"a": "Paris Hilton a parlé. Selon Paris Hilton, la France est belle."}
    got = _geocode(texts, {"Paris Hilton": "person"}, gazetteer)
    assert got["Paris Hilton"].geo is None and got["Paris Hilton"].type == "person"


@pytest.mark.parametrize("text, typ", [
    ("Les deux dirigeants se sont vus à l'Élysée.", "place"),
    # "l'Élysée a fait savoir": the presidency, an organisation, located where it sits; it stays an organisation
    ("L'Élysée a fait savoir mardi que le voyage était reporté.", "organization"),
])
def test_geocode_seat_of_power_is_in_its_capital(gazetteer: Gazetteer, text: str, typ: str) -> None:
    texts = {"a": text}
    ents = _entities(texts, {"Élysée": typ})
    ents[0].attrs["seat_of"] = "FR"
    geocode_entities(ents, texts, {d: _sentences(t) for d, t in texts.items()}, gazetteer, WORDS)
    e = ents[0]
    assert e.type == typ and e.geo is not None
    assert e.attrs["precision"] == "site-approx" and e.attrs["locality"] == "Paris"


def test_geocode_big_city_before_its_region_of_the_same_name(gazetteer: Gazetteer) -> None:
    texts = {"a": "Des sirènes ont retenti à Kiev. L'Ukraine a dénoncé une attaque."}
    got = _geocode(texts, {"Kiev": "place", "Ukraine": "country"}, gazetteer)
    assert got["Kiev"].attrs["precision"] == "town" and got["Kiev"].attrs["country_code"] == "UA"


def test_geocode_a_region_is_not_shadowed_by_a_town_of_another_name_inside_it(gazetteer: Gazetteer) -> None:
    # "X City" in the region X is no town "X": the region stays a candidate and is placed
    texts = {"a": "Les éleveurs du Oklahoma manifestent à Tulsa. Le gouverneur du Oklahoma promet des aides."}
    got = _geocode(texts, {"Oklahoma": "place", "Tulsa": "place"}, gazetteer)
    assert got["Oklahoma"].attrs["country_code"] == "US"
    assert got["Oklahoma"].attrs["precision"] == "region"


def test_geocode_nationality_adjective_settles_a_homonym(gazetteer: Gazetteer) -> None:
    # Tripoli: Lebanon's and Libya's; only an adjective says which country the article is about
    texts = {"a": "Des milliers de manifestants ont défilé à Tripoli. Le gouvernement libanais appelle au calme."}
    got = _geocode(texts, {"Tripoli": "place"}, gazetteer)
    assert got["Tripoli"].attrs["country_code"] == "LB"
    texts = {"b": "Des milliers de manifestants ont défilé à Tripoli. Les autorités libyennes appellent au calme."}
    got = _geocode(texts, {"Tripoli": "place"}, gazetteer)
    assert got["Tripoli"].attrs["country_code"] == "LY"


def test_geocode_bare_capital_name_is_the_capital(gazetteer: Gazetteer) -> None:
    got = _geocode({"a": "La délégation s'est rendue à Washington mardi pour des consultations."},
                   {"Washington": "place"}, gazetteer)
    e = got["Washington"]
    assert e.attrs["country_code"] == "US" and abs(e.geo["lat"] - 38.9) < 0.2 and abs(e.geo["lon"] + 77.04) < 0.2


def test_geocode_big_city_beats_a_village_whose_country_the_article_names_elsewhere(gazetteer: Gazetteer) -> None:
    # a country named elsewhere in the article (not in the sentence, not "X, au Canada") does not send a bare
    # city's name to a namesake village of that country, twenty times smaller than the city
    texts = {"a": "Le gouvernement canadien a publié un communiqué lundi. Le cargo a quitté Liverpool dans la nuit."}
    got = _geocode(texts, {"Liverpool": "place"}, gazetteer)
    assert got["Liverpool"].attrs["country_code"] == "GB"
    texts = {"c": "Le Canada a annoncé de nouvelles sanctions. Le cargo a quitté Liverpool dans la nuit."}
    got = _geocode(texts, {"Liverpool": "place", "Canada": "place"}, gazetteer)
    assert got["Liverpool"].attrs["country_code"] == "GB"
    # where the text puts it, the village is kept
    texts = {"b": "Le cargo a quitté Liverpool, au Canada, dans la nuit."}
    got = _geocode(texts, {"Liverpool": "place"}, gazetteer)
    assert got["Liverpool"].attrs["country_code"] == "CA"


@pytest.mark.parametrize("name, site", [("Londres-Heathrow", "Heathrow"), ("Milan-Malpensa", "Malpensa")])
def test_geocode_town_then_airport_name_is_the_airport(gazetteer: Gazetteer, name: str, site: str) -> None:
    # French names an airport after its town, then by its own name: the airport, when the town is beside it
    got = _geocode({"a": f"L'appareil s'est posé à {name} en fin de matinée."}, {name: "place"}, gazetteer)
    e = got[name]
    assert e.attrs["precision"] == "site" and site in e.attrs["geo_name"]


def test_geocode_town_then_airport_name_needs_the_town_beside_it(gazetteer: Gazetteer) -> None:
    got = _geocode({"a": "L'appareil s'est posé à Lyon-Heathrow en fin de matinée."}, {"Lyon-Heathrow": "place"}, gazetteer)
    assert got["Lyon-Heathrow"].attrs.get("precision") != "site"


@pytest.mark.parametrize("name, region, country", [
    ("État de Floride", "Florida", "US"), ("État de l'Oregon", "Oregon", "US"), ("État d'Israël", None, "IL"),
])
def test_geocode_state_of_is_a_country_or_a_federated_state(gazetteer: Gazetteer, name: str, region: str | None,
                                                           country: str) -> None:
    got = _geocode({"a": f"Les pompiers de tout l'{name} sont mobilisés depuis lundi."}, {name: "place"}, gazetteer)
    e = got[name]
    assert e.attrs["country_code"] == country
    assert e.attrs["precision"] == ("region" if region else "country")
    if region:
        assert e.attrs["geo_name"] == region


def test_geocode_english_name_ending_in_a_region_word_is_that_region(gazetteer: Gazetteer) -> None:
    en = lang.pack("en").geo
    texts = {"a": "Floods cut roads across the Tambov region on Monday, Russian officials said."}
    e = _geocode(texts, {"Tambov region": "place"}, gazetteer, en)["Tambov region"]
    assert e.attrs["precision"] == "region" and e.attrs["country_code"] == "RU"
    assert e.geo is not None and e.geo["source"].startswith("geonames-admin1:")
    # a whole name that is a country keeps its region word ("Dominican Republic"), and a name whose first words
    # name a region only in a country the article never names is left alone
    texts = {"b": "Ships from the Dominican Republic waited while the Harbour Patrol's First District said little."}
    got = _geocode(texts, {"Dominican Republic": "place", "First District": "place"}, gazetteer, en)
    assert got["Dominican Republic"].attrs["country_code"] == "DO"
    assert got["First District"].geo is None


def test_geocode_english_region_after_a_bare_comma_settles_the_town(gazetteer: Gazetteer) -> None:
    en = lang.pack("en").geo
    texts = {"a": "The start-up, based in Springfield, Illinois, hired forty engineers last year."}
    e = _geocode(texts, {"Springfield": "place"}, gazetteer, en)["Springfield"]
    assert e.geo is not None and e.attrs["country_code"] == "US"
    assert abs(e.geo["lat"] - 39.8) < 0.3 and abs(e.geo["lon"] + 89.65) < 0.3  # Illinois' Springfield
    # a list of towns reads alike: a region named next in the list narrows nothing when the town is not in it
    texts = {"b": "Sirens sounded in Kyiv, Kharkiv and Odesa overnight, Ukrainian officials said."}
    e = _geocode(texts, {"Kyiv": "place"}, gazetteer, en)["Kyiv"]
    assert e.geo is not None and e.attrs["country_code"] == "UA" and abs(e.geo["lat"] - 50.45) < 0.1


def test_geocode_an_s_with_no_noun_after_it_ends_the_name(gazetteer: Gazetteer) -> None:
    en = lang.pack("en").geo
    # the recogniser reads "St. John's" as a possessive: with nothing after it, the 's is the name's own
    texts = {"a": "Canada sent two frigates on Monday. Both later docked at St. John's."}
    e = _geocode(texts, {"St. John": "place", "Canada": "place"}, gazetteer, en)["St. John"]
    assert e.geo is not None and e.attrs["country_code"] == "CA" and abs(e.geo["lon"] + 52.7) < 0.2
    # before a noun it stays a possessive: the town is St. John, not a St. John's
    texts = {"b": "Canada sent two frigates on Monday. Both later docked at St. John's harbour."}
    e = _geocode(texts, {"St. John": "place", "Canada": "place"}, gazetteer, en)["St. John"]
    assert e.geo is None or abs(e.geo["lon"] + 52.7) > 1


def test_geocode_contradictory_readings_of_where_a_town_is_keep_the_town(gazetteer: Gazetteer) -> None:
    # one mention is put in the United States, another read as "in Paris" (a time zone in brackets): the town
    # still has to be in one of the countries named, not in both, so the town is not lost to a region
    texts = {"a": "Le match se jouera à Houston, aux États-Unis, samedi. Coup d'envoi à 20 heures à "
                  "Houston (Paris : 3 heures). Houston attend quarante mille spectateurs."}
    got = _geocode(texts, {"Houston": "place", "États-Unis": "country"}, gazetteer)
    e = got["Houston"]
    assert e.geo is not None and e.attrs["precision"] == "town" and abs(e.geo["lat"] - 29.76) < 0.1


def test_geocode_terminal_named_like_a_small_town_far_away_stands_in_the_article_town(tmp_path) -> None:
    from recoupe.geo.gazetteer import build_index

    # Harborton lies where a seaport of the shipped table is; Mill Reach, a hamlet far away, is also spelt
    # "Millreach", like the terminal
    cities = [
        {"geonameid": 11, "name": "Harborton", "latitude": 39.29, "longitude": -76.61, "countrycode": "US",
         "population": 600_000, "admin1code": "MD", "alternatenames": []},
        {"geonameid": 12, "name": "Mill Reach", "latitude": 40.13, "longitude": -74.03, "countrycode": "US",
         "population": 1800, "admin1code": "NJ", "alternatenames": ["Millreach"]},
    ]
    gaz = Gazetteer(build_index(tmp_path / "g.sqlite", WORDS, cities=cities, airports=False))
    try:
        en = lang.pack("en").geo
        texts = {"a": "The freighter left the Millreach Marine Terminal at dawn, United States officials said. "
                      "Harborton officials expect the terminal to reopen. Traffic in Harborton was light."}
        got = _geocode(texts, {"Millreach Marine Terminal": "place", "Harborton": "place",
                               "United States": "country"}, gaz, en)
        site = got["Millreach Marine Terminal"]
        assert site.geo is not None and site.geo["source"].startswith("seaports:")
        assert abs(site.geo["lat"] - 39.3) < 0.2  # at Harborton's port, not by the hamlet 240 km away
    finally:
        gaz.close()


@pytest.mark.parametrize("code, text", [
    ("fr", "Des incendies ravagent depuis lundi les régions de Koursk et de Belgorod, selon les pompiers russes."),
    ("en", "Wildfires have raged since Monday across the regions of Kursk and Belgorod, Russian firefighters said."),
])
def test_geocode_second_of_coordinated_regions_is_a_region_too(gazetteer: Gazetteer, code: str, text: str) -> None:
    e = _geocode({"a": text}, {"Belgorod": "place"}, gazetteer, lang.pack(code).geo)["Belgorod"]
    assert e.attrs["precision"] == "region" and e.geo is not None and e.geo["source"].startswith("geonames-admin1:RU")
    # a plain list of towns is no list of regions
    e = _geocode({"b": "Les trains circulent de nouveau entre Koursk et Belgorod, selon les chemins de fer russes."},
                 {"Belgorod": "place"}, gazetteer)["Belgorod"]
    assert e.attrs["precision"] == "town"


@pytest.mark.parametrize("code, text, name", [
    ("fr", "Une colonne de blindés a été aperçue près de la ville de Toula vendredi.", "Toula"),
    ("en", "A column of armour was seen near the town of Tula on Friday.", "Tula"),
])
def test_geocode_a_name_after_a_town_word_is_a_town_whatever_its_type(gazetteer: Gazetteer, code: str, text: str,
                                                                     name: str) -> None:
    # "la ville de X", "the town of X": the recogniser's "other" does not keep the town off the map
    got = _geocode({"a": text}, {name: "other"}, gazetteer, lang.pack(code).geo)
    e = got[name]
    assert e.type == "place" and e.attrs["country_code"] == "RU" and e.attrs["precision"] == "town"


def test_geocode_a_town_named_with_city_keeps_its_whole_name(gazetteer: Gazetteer) -> None:
    got = _geocode({"a": "Flights to Mexico City resumed on Monday."}, {"Mexico City": "place"}, gazetteer,
                   lang.pack("en").geo)
    assert got["Mexico City"].attrs["country_code"] == "MX" and got["Mexico City"].attrs["precision"] == "town"


def test_geocode_an_english_country_name_in_english_is_the_country(gazetteer: Gazetteer) -> None:
    # in French, a country's English name shared by a big town is the town ("Mexico"); in English it is the country
    got = _geocode({"a": "The storm hit Grenada overnight, the island's government said."}, {"Grenada": "place"},
                   gazetteer, lang.pack("en").geo)
    assert got["Grenada"].attrs["country_code"] == "GD"


def _km(e: Entity, lat: float, lon: float) -> float:
    from recoupe.geo.distance import distance_km

    assert e.geo is not None
    return distance_km(e.geo["lat"], e.geo["lon"], lat, lon)


def test_geocode_a_landmark_stands_in_the_area_its_article_centres_on(gazetteer: Gazetteer) -> None:
    # no town is named twice, but two of the three lie together: the museum is placed there, marked site-approx
    texts = {"a": "Le sommet s'ouvre à Lyon. Les délégués logent à Villeurbanne. Le ministre viendra de Marseille. "
                  "Un dîner est prévu au musée Fantôme."}
    got = _geocode(texts, {"Lyon": "place", "Villeurbanne": "place", "Marseille": "place", "musée Fantôme": "place"},
                   gazetteer)
    e = got["musée Fantôme"]
    assert e.attrs["precision"] == "site-approx" and _km(e, 45.76, 4.84) < 15


def test_geocode_a_natural_feature_stands_in_the_department_its_article_centres_on(gazetteer: Gazetteer) -> None:
    texts = {"a": "Les coureurs ont quitté Gap mardi matin. Les Hautes-Alpes attendent la neige. "
                  "L'étape franchira ensuite le col du Loup Gris sous les flocons."}
    got = _geocode(texts, {"Gap": "place", "Hautes-Alpes": "place", "col du Loup Gris": "place"}, gazetteer)
    e = got["col du Loup Gris"]
    assert e.attrs["precision"] == "site-approx" and e.attrs["category"] == "natural" and _km(e, 44.56, 6.08) < 40


def test_geocode_a_site_named_in_several_articles_goes_where_most_of_them_centre(gazetteer: Gazetteer) -> None:
    # one article centres on Paris, two on Gap and its département: the pass is in the second area
    texts = {"a": "Le président a reçu à Paris, puis à Paris encore, avant de partir pour le col du Loup Gris.",
             "b": "À Gap, la préfecture se prépare. Gap attend le cortège au col du Loup Gris.",
             "c": "Les Hautes-Alpes, et Gap en premier lieu, accueillent la visite au col du Loup Gris."}
    got = _geocode(texts, {"Paris": "place", "Gap": "place", "Hautes-Alpes": "place", "col du Loup Gris": "place"},
                   gazetteer)
    assert _km(got["col du Loup Gris"], 44.56, 6.08) < 40


def test_geocode_a_site_of_a_country_is_not_that_country(gazetteer: Gazetteer) -> None:
    texts = {"a": "Des manifestants se sont rassemblés devant l'ambassade de Chine, samedi."}
    got = _geocode(texts, {"ambassade de Chine": "place"}, gazetteer)
    assert got["ambassade de Chine"].attrs.get("precision") != "country"


def test_geocode_a_place_in_no_dataset_stands_in_the_area_named_near_it(gazetteer: Gazetteer) -> None:
    # a hamlet no dataset has, in an article about Grenoble that names Grenoble right before it: site-approx there
    texts = {"a": "Les pompiers de Grenoble sont intervenus mardi. Grenoble compte ses dégâts. "
                  "À Morbelans, tout près, les toits ont été arrachés."}
    got = _geocode(texts, {"Grenoble": "place", "Morbelans": "place"}, gazetteer)
    e = got["Morbelans"]
    assert e.attrs["precision"] == "site-approx" and _km(e, 45.19, 5.72) < 15


def test_geocode_a_place_in_no_dataset_named_far_from_its_articles_area_stays_off_the_map(gazetteer: Gazetteer) -> None:
    filler = "Les recherches se poursuivent sans relâche depuis dimanche, selon les autorités locales. " * 5
    texts = {"a": "Les pompiers de Grenoble sont intervenus mardi. Grenoble compte ses dégâts. " + filler
                  + "Le navire a sombré au large de Morbelans."}
    got = _geocode(texts, {"Grenoble": "place", "Morbelans": "place"}, gazetteer)
    assert got["Morbelans"].geo is None


def test_geocode_a_clock_zone_is_no_place_an_article_centres_on(gazetteer: Gazetteer) -> None:
    # "à l'heure de Paris" names a time zone: the ship that sank off an unknown cape is not put in Paris
    texts = {"a": "Il était 8 heures à l'heure de Paris, soit 2 heures à l'heure de Paris moins six, quand le "
                  "navire a sombré au large de Morbelans."}
    got = _geocode(texts, {"Paris": "place", "Morbelans": "place"}, gazetteer)
    assert got["Morbelans"].geo is None
    en = lang.pack("en").geo
    texts = {"a": "At 8 a.m. Paris time, or 2 a.m. Paris time minus six, the ship sank off Kelbrun."}
    got = _geocode(texts, {"Paris": "place", "Kelbrun": "place"}, gazetteer, en)
    assert got["Kelbrun"].geo is None


def test_geocode_a_site_placed_at_its_area_counts_as_named_there(gazetteer: Gazetteer) -> None:
    # the museum is placed at the area first; the hamlet named beside it, far from any mention of the town, follows
    filler = "Les préparatifs ont occupé les services toute la semaine, selon la préfecture. " * 5
    texts = {"a": "Grenoble accueille le sommet. Grenoble a bouclé son centre. " + filler
                  + "Les délégués se retrouvent au musée Fantôme, puis à Morbelans."}
    got = _geocode(texts, {"Grenoble": "place", "musée Fantôme": "place", "Morbelans": "place"}, gazetteer)
    assert got["musée Fantôme"].attrs["precision"] == "site-approx"
    assert got["Morbelans"].attrs["precision"] == "site-approx" and _km(got["Morbelans"], 45.19, 5.72) < 15


def test_geocode_a_site_followed_by_de_and_its_town_stands_in_that_town(gazetteer: Gazetteer) -> None:
    texts = {"a": "Le blessé a été transporté à l'hôpital Morbelans de Grenoble dans la nuit."}
    got = _geocode(texts, {"hôpital Morbelans": "place"}, gazetteer)
    e = got["hôpital Morbelans"]
    assert e.attrs["precision"] == "site-approx" and e.attrs["locality"] == "Grenoble"


@pytest.mark.parametrize("sentence, name", [
    ("Selon Morbelans, les dégâts sont considérables.", "Morbelans"),  # a source, not a place things are at
    ("Les secours ont été dépêchés dans l'Atlantique Nord.", "Atlantique Nord"),  # a compass word: a sea
    ("Les secours sont arrivés à 8 heures, avec un Morbelanais.", "Morbelanais"),  # not after a place word
    ("Les secours viennent aussi de la prison voisine, en Morbelanie.", "Morbelanie"),  # "en": a region or country
])
def test_geocode_a_name_no_dataset_has_is_placed_only_when_it_reads_as_a_locality(
        gazetteer: Gazetteer, sentence: str, name: str) -> None:
    texts = {"a": "Les pompiers de Grenoble sont intervenus mardi. Grenoble compte ses dégâts. " + sentence}
    got = _geocode(texts, {"Grenoble": "place", name: "place"}, gazetteer)
    assert got[name].geo is None


def test_geocode_a_landmark_with_no_area_stands_in_the_town_its_sentence_names_before_it(gazetteer: Gazetteer) -> None:
    # one town each: no area the article centres on; the museum's sentence names Grenoble before it
    texts = {"a": "Le président est arrivé lundi à Lyon. Jeudi, à Grenoble, il a visité le musée Fantôme."}
    got = _geocode(texts, {"Lyon": "place", "Grenoble": "place", "musée Fantôme": "place"}, gazetteer)
    e = got["musée Fantôme"]
    assert e.attrs["precision"] == "site-approx" and e.attrs["locality"] == "Grenoble"


def test_geocode_a_site_the_text_puts_in_an_unknown_place_is_not_put_at_its_articles_area(gazetteer: Gazetteer) -> None:
    texts = {"a": "Les pompiers de Grenoble sont intervenus mardi. Grenoble compte ses dégâts. "
                  "Des détenus ont quitté la prison Morbelans, en Kelbrunie, dans la nuit."}
    got = _geocode(texts, {"Grenoble": "place", "prison Morbelans": "place"}, gazetteer)
    assert got["prison Morbelans"].geo is None
