"""Typing names from the words around them: press titles, weapon models, generic words inside a role."""

from __future__ import annotations

import pytest

from recoupe.analyze.runner import Analyzer
from recoupe.model import Document


@pytest.fixture(scope="module")
def mentions():  # type: ignore[no-untyped-def]
    analyzer = Analyzer(["names"])

    def run(text: str) -> dict[str, tuple[str, str]]:
        a = analyzer.analyze(Document(id="d", source="t", text=text, language="fr"))
        return {m.span.text: (m.label, m.kind) for m in a.mentions}

    return run


@pytest.mark.parametrize(("text", "name"), [
    ("Selon le quotidien Bild, le contrat serait signé en mai.", "Bild"),
    ("L'hebdomadaire Der Spiegel révèle un autre document.", "Der Spiegel"),
    ("L'agence sud-coréenne Yonhap cite un responsable.", "Yonhap"),
])
def test_names_a_name_after_an_organisation_noun_is_that_organisation(mentions, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert mentions(text)[name][0] == "organization"


@pytest.mark.parametrize(("text", "name"), [
    ("Le Brésil pourrait livrer des missiles de croisière Taurus à l'Argentine.", "Taurus"),
    ("L'armée a reçu des drones Shahed la semaine dernière.", "Shahed"),
])
def test_names_a_name_after_a_weapon_noun_is_its_model(mentions, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert mentions(text)[name] == ("equipment", "equipment")


def test_names_generic_words_inside_a_role_name_no_one(mentions) -> None:  # type: ignore[no-untyped-def]
    got = mentions("« Nous tiendrons parole », a affirmé le chef de l'État portugais.")
    assert got.get("le chef de l'État portugais", ("", ""))[1] == "epithet"
    assert "État portugais" not in got
    kept = mentions("Le porte-parole du Kremlin, Dmitri Peskov, a répondu.")
    assert kept["Kremlin"][0] == "organization"  # a real name inside an epithet stays


def test_names_the_two_leaders_are_the_last_two_people_named() -> None:
    analyzer = Analyzer(["names"])
    text = ("La Première ministre danoise Mette Holm a reçu lundi le président chilien Rodrigo Vega. "
            "Les deux dirigeants ont signé un accord. Mme Holm a salué un texte historique.")
    a = analyzer.analyze(Document(id="d", source="t", text=text, language="fr"))
    group = [m for m in a.mentions if m.kind == "group"]
    assert [m.span.text for m in group] == ["Les deux dirigeants"]
    members = [text[s:e] for s, e in group[0].attrs["members"]]
    assert [m.split()[-1] for m in members] == ["Holm", "Vega"]  # the epithets apposed to them are the same two people


def test_names_no_group_without_two_people_before() -> None:
    analyzer = Analyzer(["names"])
    text = "Le ministre Paulo Sousa est arrivé à Lisbonne. Les deux hommes se connaissent depuis longtemps."
    a = analyzer.analyze(Document(id="d", source="t", text=text, language="fr"))
    assert not [m for m in a.mentions if m.kind == "group"]


@pytest.mark.parametrize(("text", "name"), [
    ("Tunis (AFP) – Le président ghanéen Kwame Mensah s'est rendu lundi à Dakar.", "Kwame Mensah"),
    ("La ministre norvégienne Ingrid Dahl a signé le texte.", "Ingrid Dahl"),
])
def test_names_the_holder_after_a_title_is_a_person_even_when_the_recogniser_misses_it(mentions, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert mentions(text)[name] == ("person", "name")


def test_names_a_title_before_a_country_is_no_holder(mentions) -> None:  # type: ignore[no-untyped-def]
    got = mentions("Le président de la Colombie a parlé.")
    assert not [k for k, (label, _) in got.items() if label == "person" and k.startswith("Colombie")]


def test_names_a_name_does_not_end_with_a_weekday(mentions) -> None:  # type: ignore[no-untyped-def]
    got = mentions("Le ministre a quitté Port-Louis jeudi, au lendemain du sommet.")
    assert not [k for k in got if k.endswith("jeudi")]


def test_names_a_ministry_with_its_nationality_is_one_organisation(mentions) -> None:  # type: ignore[no-untyped-def]
    got = mentions("Les pertes seraient moindres, d'après le ministère ghanéen de l'Agriculture.")
    assert got["ministère ghanéen de l'Agriculture"][0] == "organization"
    assert "Agriculture" not in got


@pytest.mark.parametrize("text", [
    "Les navires attendaient à 80 kilomètres au sud de Sohag.",
    "Le camp se trouve au nord-est d'Ilorin.",
])
def test_names_a_lone_name_where_only_a_place_can_stand_is_a_place(mentions, text: str) -> None:  # type: ignore[no-untyped-def]
    got = mentions(text)
    name = text.rstrip(".").split()[-1].split("'")[-1]
    assert got[name][0] == "place"


@pytest.mark.parametrize(("text", "name"), [
    # a settlement noun types the name it introduces
    ("Les secours ont atteint le hameau Ker Anna, près de la côte.", "Ker Anna"),
    ("Des tirs ont visé le kibboutz Beit Shalom dans la nuit.", "Beit Shalom"),
    # a name enumerated with a place, with no sign of a person, is a place
    ("Les sirènes ont retenti vers Haïfa et Dimona dans la matinée.", "Dimona"),
])
def test_names_a_settlement_noun_or_an_enumeration_with_places_makes_a_place(mentions, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert mentions(text)[name][0] == "place"


def test_names_a_person_after_a_place_and_a_conjunction_stays_a_person(mentions) -> None:  # type: ignore[no-untyped-def]
    got = mentions("Le train reliait Lyon et Claude Bernard Martin ne l'a jamais pris.")
    assert got["Claude Bernard Martin"][0] == "person"


@pytest.mark.parametrize(("language", "text", "name"), [
    ("en", "The trucks left the Halverson Grain Terminal before dawn.", "Halverson Grain Terminal"),
    ("en", "Talks were held at the Ursuline Convent on Monday.", "Ursuline Convent"),
    ("en", "A tanker hit the Old Mill Bridge on Friday, officials said.", "Old Mill Bridge"),
    ("fr", "Les camions ont quitté le Terminal Saint-Rémi à l'aube.", "Terminal Saint-Rémi"),
])
def test_names_a_name_whose_class_word_is_a_sites_is_a_place(language: str, text: str, name: str) -> None:
    # the class word where the language writes it: last in English, first in French
    a = Analyzer(["names"]).analyze(Document(id="d", source="t", text=text, language=language))
    assert {m.span.text: m.label for m in a.mentions}[name] == "place"


def test_names_a_site_word_elsewhere_in_the_name_does_not_make_a_place() -> None:
    a = Analyzer(["names"]).analyze(Document(id="d", source="t", text="Shares of Harbor Point Holdings fell.", language="en"))
    assert {m.span.text: m.label for m in a.mentions}["Harbor Point Holdings"] == "organization"


@pytest.mark.parametrize(("text", "name"), [
    ("Les blindés ont quitté dans la nuit le centre de Roquebrune-sur-Orbe.", "Roquebrune-sur-Orbe"),
    ("Le centre de Châtillon-en-Vaudois a été évacué lundi.", "Châtillon-en-Vaudois"),
])
def test_names_a_hyphenated_name_joined_by_a_word_of_place_names_is_a_place(mentions, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert mentions(text)[name] == ("place", "name")


def test_names_the_joining_words_of_place_names_are_the_packs() -> None:
    from recoupe import lang
    assert lang.pack("fr").names.patterns["toponym"].fullmatch("Brives-sur-Charente")
    assert lang.pack("en").names.patterns["toponym"].fullmatch("Ashby-upon-Wold")
    assert not lang.pack("fr").names.patterns["toponym"].fullmatch("Jean-Pierre")
