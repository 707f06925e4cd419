"""Quantities: French numbers, units, bounds and the places a distance refers to, on sentences written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze import Analyzer
from recoupe import lang
from recoupe.analyze.quantities import find_quantities, parse_number_words
from recoupe.model import Analysis, Document


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(["names", "quantities"])


def _analyze(analyzer: Analyzer, text: str) -> Analysis:
    return analyzer.analyze(Document(id="t", source="t", text=text, language="fr"))


# (sentence, expected span text, value, value_max, unit, bound)
CASES: list[tuple[str, str, float, float | None, str | None, str]] = [
    ("Le convoi a parcouru 1 500 km en trois jours.", "1 500 km", 1500, None, "km", "exact"),
    ("Le convoi a parcouru 1 500 km en trois jours.", "trois jours", 3, None, "d", "exact"),
    ("Les ventes ont progressé de 86,4 % en un an.", "86,4 %", 86.4, None, "%", "exact"),
    ("Le barrage de la vallée produit 1.500 MW.", "1.500 MW", 1500, None, "MW", "exact"),
    ("La métropole compte 1 500 000 habitants.", "1 500 000 habitants", 1_500_000, None, "habitant", "exact"),
    ("Un millier de manifestants ont défilé à Nantes.", "Un millier de manifestants", 1000, None, "manifestant", "approx"),
    ("Le club a dépensé deux millions d'euros pour son attaquant.", "deux millions d'euros", 2_000_000, None, "EUR", "exact"),
    ("Les pirates ont dérobé des dizaines de millions de dollars.", "des dizaines de millions de dollars", 20_000_000, 99_000_000, "USD", "range"),
    ("La garnison comptait mille deux cents soldats.", "mille deux cents soldats", 1200, None, "soldat", "exact"),
    ("Le ferry avance à environ 30 km/h par mer calme.", "environ 30 km/h", 30, None, "km/h", "approx"),
    ("La traversée dure au moins 20 heures.", "au moins 20 heures", 20, None, "h", "at_least"),
    ("Le port a exporté plus de 10 millions de tonnes de blé.", "plus de 10 millions de tonnes", 10_000_000, None, "t", "at_least"),
    ("Le sentier fait entre 5 et 10 km selon la saison.", "entre 5 et 10 km", 5, 10, "km", "range"),
    ("Le refuge se trouve à près de 300 kilomètres de la côte.", "près de 300 kilomètres", 300, None, "km", "approx"),
    ("La start-up a levé 1,5 million de dollars.", "1,5 million de dollars", 1_500_000, None, "USD", "exact"),
    ("Le budget atteint 12,5 Mds$ cette année.", "12,5 Mds$", 12_500_000_000, None, "USD", "exact"),
    ("L'usine emploie moins de 400 ouvriers.", "moins de 400 ouvriers", 400, None, "ouvrier", "at_most"),
    ("Le stade a coûté 3 milliards de dollars.", "3 milliards de dollars", 3_000_000_000, None, "USD", "exact"),
    ("La sonde a tiré des centaines d'obus.", "des centaines d'obus", 200, 999, "obus", "range"),
    ("Le chantier a duré de 5 à 8 jours.", "de 5 à 8 jours", 5, 8, "d", "range"),
    ("Les grévistes tiennent depuis les 17 derniers mois.", "17 derniers mois", 17, None, "month", "exact"),
    ("La manifestation a réuni 3 000 000 de personnes.", "3 000 000 de personnes", 3_000_000, None, "personne", "exact"),
    ("Le parti a obtenu quinze pour cent des voix.", "quinze pour cent", 15, None, "%", "exact"),
    ("La réparation a pris une heure.", "une heure", 1, None, "h", "exact"),
    ("La crue a touché de deux à trois millions de foyers.", "de deux à trois millions de foyers", 2_000_000, 3_000_000, "foyer", "range"),
    ("Le projet coûtera entre 4 et 6 milliards d'euros.", "entre 4 et 6 milliards d'euros", 4e9, 6e9, "EUR", "range"),
]


@pytest.mark.parametrize(("text", "span", "value", "value_max", "unit", "bound"), CASES)
def test_quantities_reads_value_unit_and_bound(analyzer: Analyzer, text: str, span: str, value: float,
                                               value_max: float | None, unit: str | None, bound: str) -> None:
    qs = {q.span.text: q for q in _analyze(analyzer, text).quantities}
    assert span in qs, f"{span!r} not among {list(qs)}"
    q = qs[span]
    assert q.value == pytest.approx(value)
    assert (q.value_max is None) if value_max is None else q.value_max == pytest.approx(value_max)
    assert q.unit == unit
    assert q.bound == bound
    assert text[q.span.start:q.span.end] == q.span.text


@pytest.mark.parametrize("text", [
    "Le traité fut signé le 14 juillet 2021 à Genève.",
    "En 1998, la ville a accueilli la finale.",
    "Le gouvernement a utilisé l'article 49 pour faire passer le texte.",
    "L'armée de l'air a commandé des Su-35 et des F-16.",
    "La réunion commence à 18 heures précises.",
    "Le pont a été construit il y a 20 ans.",
    "Comme le rappelle la note [3], la guerre (1914-1918) a tout changé.",
    "Un homme a été arrêté dans les années 1980.",
    "Elle habite au 3e étage et le rendez-vous est à 14h30.",
    "Le 2ème tour a lieu dimanche.",
])
def test_quantities_skips_dates_years_codes_and_articles(analyzer: Analyzer, text: str) -> None:
    # a time of day is no measured quantity: it is kept apart, as dimension time_of_day (see below)
    assert [q.span.text for q in _analyze(analyzer, text).quantities if q.attrs.get("dimension") != "time_of_day"] == []


@pytest.mark.parametrize(("words", "value"), [
    ("deux millions", 2_000_000), ("mille deux cents", 1200), ("trois cent mille", 300_000),
    ("vingt et un", 21), ("et", None), ("quatre-vingt-dix", 90),
])
def test_quantities_number_words_wrap_text2num(words: str, value: float | None) -> None:
    assert parse_number_words(words) == value


def test_quantities_without_parse_still_reads_units() -> None:
    qs = find_quantities("Le vol couvre 9 000 km sans escale.")
    assert [(q.value, q.attrs["unit"]) for q in qs] == [(9000, "km")]


def _places(q: Any) -> list[tuple[str, str]]:
    return [(p["role"], p["text"]) for p in q.attrs.get("places", [])]


@pytest.mark.parametrize(("text", "places", "cue"), [
    ("Le train a parcouru les 460 km séparant Paris de Lyon.", [("from", "Paris"), ("to", "Lyon")], "route"),
    ("Lyon se trouve à environ 400 km à vol d'oiseau de Paris.", [("from", "Lyon"), ("to", "Paris")], "geodesic"),
    ("La distance entre Bordeaux et Toulouse est de 210 km.", [("from", "Bordeaux"), ("to", "Toulouse")], None),
    ("Le sommet s'est tenu à 50 km de Lyon.", [("to", "Lyon")], None),
])
def test_quantities_distance_knows_its_places(analyzer: Analyzer, text: str, places: list[tuple[str, str]], cue: str | None) -> None:
    (q,) = [q for q in _analyze(analyzer, text).quantities if q.unit == "km"]
    assert _places(q) == places
    if cue:
        assert q.attrs.get(cue) is True
    assert q.about and q.about.startswith("distance")


def test_quantities_border_is_kept_as_words_not_a_place(analyzer: Analyzer) -> None:
    (q,) = _analyze(analyzer, "Le village est à 10 km de la frontière.").quantities
    assert "places" not in q.attrs and q.attrs["target"] == "frontière"


def test_quantities_journey_of_speed_and_duration(analyzer: Analyzer) -> None:
    qs = _analyze(analyzer, "Il faut 2 heures pour aller de Paris à Lyon à 100 km/h.").quantities
    assert {q.unit for q in qs} == {"h", "km/h"}
    for q in qs:
        assert _places(q) == [("from", "Paris"), ("to", "Lyon")] and q.attrs["journey"]


def test_quantities_subject_of_a_count(analyzer: Analyzer) -> None:
    (q,) = _analyze(analyzer, "La Norvège possède 300 chars.").quantities
    assert q.attrs["subject"]["text"] == "La Norvège" and q.attrs["verb"] == "posséder"


def test_quantities_lexicon_loads_and_is_consistent() -> None:
    lex = lang.pack("fr").quantities
    assert {u for _, u, _ in lex.unit_forms} == set(lex.dimensions)
    assert all(b in ("approx", "at_least", "at_most") for _, b in lex.approx_before)


def test_quantities_sentence_made_of_the_quantity_ends(analyzer: Analyzer) -> None:
    # regression: climbing the parse from a quantity that is its sentence's root looped for ever
    qs = _analyze(analyzer, "Trois cents kilomètres.").quantities
    assert [(q.value, q.unit) for q in qs] == [(300, "km")]


# -- what a figure is about, and how it is told (read by the comparison of sources) --------------------------


def _one(analyzer: Analyzer, text: str, span: str) -> Any:
    qs = {q.span.text: q for q in _analyze(analyzer, text).quantities}
    assert span in qs, f"{span!r} not among {list(qs)}"
    return qs[span]


@pytest.mark.parametrize(("text", "span", "unit", "dimension"), [
    ("Le chalutier filait à 12 nœuds au large.", "12 nœuds", "kn", "speed"),
    ("Le voilier a couvert 40 milles nautiques dans la nuit.", "40 milles nautiques", "nmi", "length"),
    ("L'avion volait à 30 000 pieds au-dessus du désert.", "30 000 pieds", "ft", "length"),
    ("La voiture a atteint 200 mph sur l'anneau.", "200 mph", "mph", "speed"),
    ("Le pont s'est effondré en 30 secondes.", "30 secondes", "s", "duration"),
    ("Le vote a recueilli 52 % des voix.", "52 %", "%", "percentage"),
])
def test_quantities_units_and_dimensions(analyzer: Analyzer, text: str, span: str, unit: str, dimension: str) -> None:
    q = _one(analyzer, text, span)
    assert q.unit == unit and q.attrs["dimension"] == dimension


@pytest.mark.parametrize(("text", "span", "groups"), [
    ("Le Tchad a envoyé 300 soldats vers la frontière.", "300 soldats", ["troops"]),
    ("Le Tchad a envoyé 300 militaires vers la frontière.", "300 militaires", ["troops"]),
    ("Le Tchad a envoyé 300 hommes vers la frontière.", "300 hommes", ["troops", "people"]),
    ("Les 18 membres d'équipage ont quitté le navire.", "18 membres d'équipage", ["crew"]),
    ("Trois personnes ont été tuées dans l'explosion.", "Trois personnes", ["dead", "people"]),
    ("On compte désormais 40 disparus dans la vallée.", "40 disparus", ["missing"]),
])
def test_quantities_counted_nouns_in_groups(analyzer: Analyzer, text: str, span: str, groups: list[str]) -> None:
    assert _one(analyzer, text, span).attrs["groups"] == groups


def test_quantities_predicate_of_a_count(analyzer: Analyzer) -> None:
    q = _one(analyzer, "L'accord prévoit la libération de 40 otages.", "40 otages")
    assert q.attrs["predicate_group"] == "freed" and q.attrs["status"] == "planned"
    q = _one(analyzer, "Le gouverneur évoque 15 otages libérés.", "15 otages")
    assert q.attrs["predicate_group"] == "freed" and "status" not in q.attrs


def test_quantities_zero_and_one_from_the_parse(analyzer: Analyzer) -> None:
    q = _one(analyzer, "Les 12 passagers ont été évacués et aucun n'a été blessé.", "aucun n'a été blessé")
    assert q.value == 0 and q.attrs["groups"] == ["passengers"] and q.attrs["predicate_group"] == "injured"
    q = _one(analyzer, "Sur place, il n'y avait aucun blessé.", "aucun blessé")
    assert q.value == 0 and q.attrs["groups"] == ["injured"] and not q.attrs.get("negated")
    q = _one(analyzer, "Un soldat a été tué près du poste.", "Un soldat")
    assert q.value == 1 and q.attrs["predicate_group"] == "dead"
    assert [q.span.text for q in _analyze(analyzer, "Un homme a traversé la rue.").quantities] == []


def test_quantities_orders_of_magnitude_negated_and_quoted(analyzer: Analyzer) -> None:
    text = "Le ministre pense que le nombre de morts se compterait en centaines et pas en milliers."
    a, b = _one(analyzer, text, "en centaines"), _one(analyzer, text, "en milliers")
    assert (a.value, a.value_max, a.unit, a.attrs["status"]) == (200, 999, "mort", "forecast")
    assert b.attrs["negated"] is True and b.unit == "mort"
    q = _one(analyzer, "« Plusieurs milliers » de manifestants ont défilé, selon les organisateurs.", "Plusieurs milliers")
    assert q.unit == "manifestant"


def test_quantities_denied_figure(analyzer: Analyzer) -> None:
    q = _one(analyzer, "« Je démens que nous ayons 200 blessés », a dit le maire.", "200 blessés")
    assert q.attrs["status"] == "denied"


def test_quantities_what_a_length_measures(analyzer: Analyzer) -> None:
    q = _one(analyzer, "Le refuge du Goûter, à 3 835 mètres d'altitude, a rouvert.", "3 835 mètres")
    assert q.attrs["measure"] == "altitude" and "Goûter" in q.attrs["holder"]["text"] and "places" not in q.attrs
    q = _one(analyzer, "Les alpinistes ont atteint le refuge du Goûter. Là-haut, à 3 800 mètres, il gelait.", "3 800 mètres")
    assert q.attrs["measure"] == "altitude" and "Goûter" in q.attrs["holder"]["text"]


def test_quantities_parts_bounds_and_groups_named_before(analyzer: Analyzer) -> None:
    assert _one(analyzer, "Le car transportait cinq autres passagers.", "cinq autres passagers").attrs["partial"] is True
    assert _one(analyzer, "La grève a tenu un jour de plus.", "un jour").attrs["partial"] is True
    assert _one(analyzer, "Les rafales ont dépassé 150 km/h dans la nuit.", "150 km/h").bound == "at_least"
    assert _one(analyzer, "Les deux hommes se sont parlé longuement.", "deux hommes").attrs["anaphoric"] is True


def test_quantities_place_and_people_of_a_count(analyzer: Analyzer) -> None:
    q = _one(analyzer, "Deux habitants ont été tués à Dakar dans la nuit.", "Deux habitants")
    assert q.attrs["where"]["text"] == "Dakar"
    assert _one(analyzer, "Trois Sénégalais ont été libérés samedi.", "Trois Sénégalais").attrs["nationality"] == "SN"


def test_quantities_distance_to_the_capital(analyzer: Analyzer) -> None:
    q = _one(analyzer, "Dans la région de Poltava, à quelque 300 km à l'est de la capitale, une usine brûle.", "quelque 300 km")
    assert q.attrs["target_capital"] is True and q.attrs["from_place"]["text"] in ("Poltava", "région de Poltava")


# -- times of day (analyze/clock.py) --------------------------------------------------------------------


@pytest.fixture(scope="module")
def timed() -> Analyzer:
    return Analyzer(["names", "times", "quantities"])


def _clock(analyzer: Analyzer, text: str, language: str = "fr") -> list[Any]:
    a = analyzer.analyze(Document(id="t", source="t", text=text, language=language, published="2024-07-11"))
    return [q for q in a.quantities if (q.attrs or {}).get("dimension") == "time_of_day"]


@pytest.mark.parametrize(("language", "text", "span", "minutes", "bound", "zone"), [
    ("fr", "L'hélicoptère a atterri vers 21h50, heure de Lisbonne.", "vers 21h50", 1310, "approx", "Lisbonne"),
    ("fr", "L'hélicoptère a atterri peu après 3h15 du matin.", "peu après 3h15 du matin", 195, "shortly_after", None),
    ("fr", "L'hélicoptère a atterri à 9 heures du soir.", "à 9 heures du soir", 1260, "exact", None),
    ("en", "The helicopter landed shortly after 3:15 a.m. Lisbon time.", "shortly after 3:15 a.m.", 195, "shortly_after", "Lisbon"),
    ("en", "The helicopter landed at 9 p.m. GMT.", "at 9 p.m.", 1260, "exact", "UTC"),
])
def test_quantities_time_of_day_value_bound_and_zone(timed: Analyzer, language: str, text: str, span: str, minutes: int,
                                                     bound: str, zone: str | None) -> None:
    (q,) = _clock(timed, text, language)
    assert (q.span.text, q.value, q.attrs["clock_bound"], q.unit) == (span, minutes, bound, "min")
    words = q.attrs.get("zone_words") or {}
    assert (words.get("place", {}).get("text") or words.get("zone")) == zone
    assert q.attrs["event_type"] == "arrival"


def test_quantities_time_of_day_needs_a_bound_word(timed: Analyzer) -> None:
    assert _clock(timed, "14h05 – Le ministre est arrivé au palais.") == []  # a live blog's stamp


def test_quantities_time_of_day_zone_from_the_article_convention(timed: Analyzer) -> None:
    (q,) = _clock(timed, "Toutes les heures sont données à l'heure de Lisbonne. Le navire est arrivé au port à 8h10.")
    assert q.attrs["zone_inherited"] and q.attrs["zone_words"]["place"]["text"] == "Lisbonne"


def test_quantities_time_of_day_ordinal_plan_and_part_of_day(timed: Analyzer) -> None:
    (q,) = _clock(timed, "Le deuxième hélicoptère a atterri à 8h10.")
    assert q.attrs["ordinal"] == 2
    (q,) = _clock(timed, "Le vol doit atterrir à 8h10.")
    assert q.attrs["status"] in ("planned", "forecast")
    (q,) = _clock(timed, "Le vol a atterri lundi soir.")
    assert (q.attrs["part_of_day"], q.value, q.value_max, q.attrs["day"]) == ("evening", 1080, 1440, "2024-07-08")


def test_quantities_an_enumeration_of_figures_with_their_sources(analyzer: Analyzer) -> None:
    a = _analyze(analyzer, "Le nombre de contrats conclus diffère selon les sources : 14 selon la mairie, 19 pour les syndicats.")
    got = [(q.span.text, q.unit, q.attrs.get("source_words")) for q in a.quantities]
    assert got == [("14", "contrat", "la mairie"), ("19", "contrat", "les syndicats")]
    assert [q.span.text for q in _analyze(analyzer, "Les sources : 14 selon la mairie, 19 pour les syndicats.").quantities] == []


@pytest.mark.parametrize(("language", "text", "span", "value", "bound", "activity"), [
    ("fr", "Le drone a volé environ deux heures et demie au-dessus du lac.", "environ deux heures et demie", 2.5, "approx", "flight"),
    ("fr", "Le ballon a volé une demi-heure.", "une demi-heure", 0.5, "exact", "flight"),
    ("fr", "Le ministre a entamé une visite de trois jours.", "trois jours", 3, "exact", "visit"),
    ("en", "The drone was airborne for less than half an hour.", "less than half an hour", 0.5, "at_most", "flight"),
    ("en", "The drone flew for an hour and a half.", "an hour and a half", 1.5, "exact", "flight"),
])
def test_quantities_durations_fractions_and_what_they_measure(timed: Analyzer, language: str, text: str, span: str,
                                                               value: float, bound: str, activity: str) -> None:
    a = timed.analyze(Document(id="t", source="t", text=text, language=language))
    (q,) = [q for q in a.quantities if q.attrs.get("dimension") == "duration"]
    assert (q.span.text, q.value, q.bound, q.attrs.get("activity")) == (span, value, bound, activity)
