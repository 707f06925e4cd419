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
    assert [q.span.text for q in _analyze(analyzer, text).quantities] == []


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
