"""The values check: figures for the same thing compared like with like, with bounds and rounding; contradictions
(both cannot be true) apart from discrepancies (they differ but may both hold). Sentences written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.resolve.checks.values import values_check
from tests.resolve.checks.conftest import Build

DAY = "2024-03-02"


def _split(found: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return [c for c in found if not c.get("reason")], [c for c in found if c.get("reason")]


def _texts(found: list[dict[str, Any]]) -> set[str]:
    return {s["text"] for c in found for s in c["statements"]}


# -- what a figure is about -----------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("La Norvège possède 300 chars.", "La Norvège possède 900 chars.", True),
    ("La Norvège possède environ 300 chars.", "La Norvège possède 330 chars.", False),   # within "environ"
    ("La Norvège possède entre 250 et 400 chars.", "La Norvège possède 300 chars.", False),  # inside the range
    ("La Norvège possède 300 chars.", "La Norvège possède 900 avions.", False),         # not the same thing
    ("La Norvège possède 300 chars.", "La Suède possède 900 chars.", False),            # not the same subject
    ("La Norvège possède plus de 300 chars.", "La Norvège possède 900 chars.", False),   # "plus de" is open-ended
    ("La Norvège possède 21 chars.", "La Norvège possède 22 chars.", True),             # a count is a whole number
    ("La Norvège possède environ 20 chars.", "La Norvège possède 22 chars.", False),
])
def test_values_same_thing_different_values(build_full: Build, a: str, b: str, conflict: bool) -> None:
    contra, _ = _split(values_check(build_full(a, b, published=DAY)))
    assert bool(contra) is conflict, contra
    for c in contra:
        assert c["kind"] == "number" and {s["doc"] for s in c["statements"]} == {"doc0", "doc1"}


STORY = "Le président William Ruto a reçu à Mombasa le ministre Moses Kuria. "


@pytest.mark.parametrize("noun", ["militaires", "troupes", "hommes"])
def test_values_counted_nouns_are_normalised_through_synonyms(build_full: Build, noun: str) -> None:
    ctx = build_full(STORY + "Le Kenya a déployé 400 soldats à Lodwar.", STORY + f"Le Kenya a déployé 1 500 {noun} à Lodwar.",
                     published=DAY)
    (c,), _ = _split(values_check(ctx))
    assert c["about"] == "number of troops sent" and _texts([c]) == {"400 soldats", f"1 500 {noun}"}
    ctx = build_full(STORY + "Le Kenya a déployé 400 soldats à Lodwar.", STORY + f"Le Kenya a déployé environ 400 {noun} à Lodwar.",
                     published=DAY)
    assert values_check(ctx) == []


def test_values_a_generic_noun_counts_what_its_predicate_says(build_full: Build) -> None:
    ctx = build_full(STORY + "Selon la préfecture, 40 personnes ont disparu à Lodwar.",
                     STORY + "Selon la Croix-Rouge, on compte 900 disparus à Lodwar.", published=DAY)
    (c,), _ = _split(values_check(ctx))
    assert c["about"].startswith("number of missing")


def test_values_killed_and_located_are_not_one_count(build_full: Build) -> None:
    ctx = build_full(STORY + "Douze marins ont été retrouvés à Lamu.", STORY + "Deux marins ont été tués à Lamu.", published=DAY)
    assert _split(values_check(ctx))[0] == []


# -- bounds and rounding --------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("plus de deux heures", "plus de cinq heures", False),   # both lower bounds: both may be true
    ("environ 60 km/h", "50 km/h", True),                    # beyond the rounding of "environ 60"
    ("environ 60 km/h", "57 km/h", False),
    ("20 nœuds", "37 km/h", False),                          # 20 knots are 37 km/h
    ("20 nœuds", "60 km/h", True),
    ("deux jours", "48 heures", False),                      # units: hours and days
    ("une semaine", "sept jours", False),
    ("moins de deux heures", "trois heures", True),
])
def test_values_bounds_rounding_and_units(build_full: Build, a: str, b: str, conflict: bool) -> None:
    verb = "roulé à" if ("km/h" in a + b or "nœuds" in a + b) else "duré"
    ctx = build_full(f"Le convoi est allé de Paris à Lyon et a {verb} {a}.", f"Le convoi est allé de Paris à Lyon et a {verb} {b}.")
    contra, _ = _split(values_check(ctx))
    assert bool(contra) is conflict, (contra, ctx.dossier.quantities)


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("quelque 450 km", "quelque 600 km", True),   # 450 rounds to 50, 600 to 100: 425-475 against 550-650
    ("470 km", "environ 450 km", False),
    ("300 miles", "480 km", False),               # 300 miles are 483 km
])
def test_values_distances_between_the_same_places(build_full: Build, a: str, b: str, conflict: bool) -> None:
    ctx = build_full(f"Le car a parcouru les {a} séparant Paris de Lyon.", f"Le train a parcouru les {b} séparant Paris de Lyon.")
    contra, _ = _split(values_check(ctx))
    assert bool(contra) is conflict
    assert all(c["kind"] == "distance" for c in contra)


def test_values_height_of_one_place(build_full: Build) -> None:
    a = "C'est sous la pluie que le col de la Bonette, à 2 715 mètres d'altitude, a accueilli les coureurs."
    b = "Les coureurs ont rejoint le col de la Bonette. Là-haut, à quelque 2 800 mètres, la pluie tombait."
    (c,), _ = _split(values_check(build_full(a, b)))
    assert c["about"].startswith("altitude of") and _texts([c]) == {"2 715 mètres", "quelque 2 800 mètres"}
    b = "Les coureurs ont rejoint le col de la Bonette. Là-haut, à quelque 2 700 mètres, la pluie tombait."
    assert _split(values_check(build_full(a, b)))[0] == []


def test_values_show_the_computation_and_the_sources(build_full: Build) -> None:
    ctx = build_full("Le car a parcouru les quelque 450 km séparant Paris de Lyon.", "Le train a parcouru les 600 km séparant Paris de Lyon.")
    (c,), _ = _split(values_check(ctx))
    lows = sorted((s["low"], s["high"]) for s in c["sides"])
    assert lows == [(425, 475), (570, 630)] and {s["outlet"] for s in c["sides"]} == {"outlet0", "outlet1"}
    assert "425–475" in c["explanation"] and "570–630" in c["explanation"]


# -- contradiction or discrepancy -----------------------------------------------------------------


def test_values_two_sources_in_one_article(build_full: Build) -> None:
    text = ("Selon la police, 3 000 manifestants ont défilé à Nantes. "
            "Les syndicats de Nantes évoquent pour leur part 12 000 manifestants.")
    (c,), _ = _split(values_check(build_full(text, published=DAY)))
    assert _texts([c]) == {"3 000 manifestants", "12 000 manifestants"}
    _, (d,) = _split(values_check(build_full("La police a compté 3 000 manifestants. Puis elle a compté 12 000 manifestants.")))
    assert d["reason"] == "same_source"


@pytest.mark.parametrize(("text", "conflict"), [
    ("Le nombre de contrats conclus diffère selon les sources : 14 selon la mairie, 19 pour les syndicats.", True),
    ("Le nombre de contrats conclus diffère selon les sources : 14 selon la mairie, 14 pour les syndicats.", False),
])
def test_values_an_enumeration_each_with_its_source(build_full: Build, text: str, conflict: bool) -> None:
    contra, _ = _split(values_check(build_full(text, published=DAY)))
    assert bool(contra) is conflict
    if conflict:
        assert contra[0]["about"] == "number of agreements" and _texts(contra) == {"14", "19"}
        assert {s["source"] for s in contra[0]["sides"]} == {"la mairie", "les syndicats"}


def test_values_a_plan_against_what_happened_is_a_discrepancy(build_full: Build) -> None:
    ctx = build_full(STORY + "L'accord prévoit la libération de 50 prisonniers à Mombasa.",
                     STORY + "À Mombasa, 24 prisonniers ont été libérés.", published=DAY)
    contra, (d,) = _split(values_check(ctx))
    assert contra == [] and d["reason"] == "plan_and_outcome"


def test_values_counts_on_different_days_are_a_discrepancy(build_full: Build) -> None:
    a, b = STORY + "À Lodwar, 14 personnes ont été tuées.", STORY + "À Lodwar, 39 personnes ont été tuées."
    contra, (d,) = _split(values_check(build_full(a, b, published=["2024-03-02", "2024-03-09"])))
    assert contra == [] and d["reason"] == "different_times"
    contra, _ = _split(values_check(build_full(a, b, published=DAY)))
    assert contra  # the same day: both cannot be right


def test_values_a_part_is_no_contradiction_of_the_whole(build_full: Build) -> None:
    ctx = build_full(STORY + "L'avion transportait sept passagers.", STORY + "L'avion transportait cinq autres passagers.", published=DAY)
    contra, (d,) = _split(values_check(ctx))
    assert contra == [] and d["reason"] == "part_and_whole"


def test_values_none_against_some(build_full: Build) -> None:
    a = ("Le cargo Helvetia de l'armateur Nordvik a heurté le quai d'Anvers. L'armateur a indiqué que les 20 membres "
         "d'équipage avaient été localisés et qu'aucun n'était blessé.")
    b = ("Le rapport sur le cargo Helvetia de l'armateur Nordvik à Anvers est paru. Un marin du cargo a été légèrement "
         "blessé, selon le rapport.")
    (c,), _ = _split(values_check(build_full(a, b, published=["2024-03-02", "2024-05-10"])))
    assert _texts([c]) == {"aucun n'était blessé", "Un marin"} and c["about"] == "number of crew injured"


def test_values_a_denied_figure_and_an_excluded_magnitude(build_full: Build) -> None:
    a = STORY + "Des publications affirment que 5 000 personnes auraient disparu à Lodwar."
    b = STORY + "« Je démens que nous ayons 5 000 disparus à Lodwar », a déclaré le préfet."
    (c,), _ = _split(values_check(build_full(a, b, published=DAY)))
    assert "rules out" in c["explanation"]
    a = STORY + "« Il y aura certainement plusieurs centaines » de morts, a déclaré le préfet."
    b = STORY + "Le ministre a estimé que le nombre de victimes se compterait « en dizaines et pas en milliers »."
    (c,), _ = _split(values_check(build_full(a, b, published=["2024-03-02", "2024-03-09"])))  # two forecasts
    assert _texts([c]) == {"plusieurs centaines", "en dizaines"}
