"""Epithets and descriptions resolved across an article and the dossier, on articles written for the tests: a bare role
to the one holder an article names, a counterpart, descriptions by their class, names found again where the
recogniser missed them; what is ambiguous stays unresolved."""

from __future__ import annotations

import pytest

from recoupe.analyze.runner import Analyzer
from tests.resolve.test_entities import _dossier, analyzer  # noqa: F401  (the fixture, shared)


def _with(ents: list[dict], alias: str) -> list[dict]:
    return [e for e in ents if alias in e["aliases"]]


def test_entities_bare_role_is_the_one_holder_the_article_names(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le président chilien Rodrigo Vega a inauguré lundi un barrage près de Santiago.",
                    "Rodrigo Vega a reçu mardi des syndicalistes. Le président a promis une hausse des salaires.")
    (e,) = _with(ents, "Le président")
    assert e["name"] == "Rodrigo Vega"


def test_entities_bare_role_with_two_possible_holders_stays_unresolved(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le président chilien Rodrigo Vega a reçu le président argentin Marcos Ruiz.",
                    "Rodrigo Vega et Marcos Ruiz ont dîné ensemble. Le président a ensuite parlé.")
    assert not _with(ents, "Le président")


def test_entities_someone_named_since_whose_role_is_unknown_keeps_a_bare_role_unresolved(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le Premier ministre islandais Jón Gunnarsson a parlé lundi.",
                    "Jón Gunnarsson a salué l'accord. Plus tard, Erla Magnúsdóttir a pris la parole. "
                    "Le Premier ministre a conclu la réunion.")
    assert not _with(ents, "Le Premier ministre")


def test_entities_bare_role_is_who_the_article_itself_called_so(analyzer: Analyzer) -> None:
    # the article's own "le président bolivien" tells who its later "le président" is; a person named in between
    # as an object (not a subject) does not take the role over
    ents = _dossier(analyzer,
                    "Le président bolivien Carlos Medina a visité Sucre lundi.",
                    "Carlos Medina a parlé mardi à Potosí. Le président bolivien a cité le nom d'Ana Torres devant "
                    "les mineurs. Le président a ensuite quitté la ville.")
    (e,) = _with(ents, "Le président")
    assert e["name"] == "Carlos Medina"


def test_entities_bare_role_stays_unresolved_when_a_qualifier_told_two_holders_apart(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le président chilien Rodrigo Vega a parlé à Santiago. Le président argentin Marcos Ruiz était absent.",
                    "Rodrigo Vega a reçu Marcos Ruiz mardi. Le président argentin a salué l'accueil. "
                    "Le président a ensuite pris la parole.")
    assert not _with(ents, "Le président")


def test_entities_counterpart_holds_the_possessors_role_on_the_other_side(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le président chilien Rodrigo Vega a parlé à Santiago. Le président argentin Marcos Ruiz était absent.",
                    "Rodrigo Vega a reçu son homologue argentin à Santiago. Marcos Ruiz a salué l'accueil.")
    (e,) = _with(ents, "son homologue argentin")
    assert e["name"] == "Marcos Ruiz"


def test_entities_epithet_with_a_country_continues_the_subject_just_named(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Marcos Ruiz arrive lundi à Madrid. Le président argentin rencontrera le roi mardi.")
    (e,) = _with(ents, "Le président argentin")
    assert e["name"] == "Marcos Ruiz"


def test_entities_synonym_roles_of_one_body(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le chef de Sokol, Igor Belov, a démissionné lundi.",
                    "Le patron de Sokol a quitté Moscou mardi pour une destination inconnue.")
    (e,) = _with(ents, "Le patron de Sokol")
    assert e["name"] == "Igor Belov"


def test_entities_description_joins_the_entity_named_with_its_class(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le cargo Stella Maris a heurté un quai du port de Gdynia. Le navire a été remorqué dans la soirée.")
    (e,) = _with(ents, "Le navire")
    assert any("Stella Maris" in a for a in e["aliases"])


def test_entities_the_town_is_the_one_the_article_named(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Une crue a frappé Tarnów lundi. La ville reste privée d'électricité.")
    (e,) = _with(ents, "La ville")
    assert e["name"] == "Tarnów"


def test_entities_a_countrys_government_joins_the_country(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "La Pologne a protesté. Le gouvernement polonais a convoqué l'ambassadeur.")
    (e,) = _with(ents, "gouvernement polonais")
    assert e["type"] == "country" and e.get("country_code") == "PL"


def test_entities_a_known_name_is_found_again_where_the_recogniser_missed_it(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Gdynia : le port rouvre\n\nLe port de Gdynia a rouvert lundi. Gdynia attend des cargos.",
                    "Les dockers de Gdynia ont repris le travail. À Gdynia, le trafic reprend.")
    mentions = [m for e in ents for m in e["mentions"] if m["text"] == "Gdynia"]
    assert any(m["start"] == 0 for m in mentions)  # the title, where the recogniser saw nothing


def test_entities_a_name_an_article_introduces_with_a_class_noun_is_that_kind_everywhere(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le groupe Sokolov a revendiqué lundi l'attaque du dépôt de carburant.",
                    "Selon Sokolov, les combattants sont rentrés à leur base. Un porte-parole du groupe a refusé de "
                    "commenter.")
    (e,) = [e for e in ents if e["name"] == "Sokolov"]
    assert e["type"] == "organization"
    assert any(a.endswith("groupe") for a in e["aliases"])


def test_entities_leader_of_a_body_continues_the_subject_just_named_across_the_dossier(analyzer: Analyzer) -> None:
    # no apposition anywhere: the article's subject just named is who "le chef de Sokol" is, and the dossier learns it
    ents = _dossier(analyzer,
                    "Igor Belov a quitté Moscou lundi avec ses hommes. Le chef de Sokol a promis de rentrer vite.",
                    "Les combattants sont arrivés mardi à Minsk. Le patron de Sokol a remercié ses hôtes.")
    (e,) = _with(ents, "Le chef de Sokol")
    assert e["name"] == "Igor Belov"
    assert "Le patron de Sokol" in e["aliases"]


def test_entities_a_countrys_leader_is_not_taken_for_the_leader_of_a_body(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le président russe Pavel Orlov a parlé lundi à Moscou.",
                    "Pavel Orlov a reçu mardi des généraux. Le chef de Sokol a dénoncé la réunion.")
    assert not [e for e in _with(ents, "Le chef de Sokol") if e["name"] == "Pavel Orlov"]


def test_entities_description_right_before_a_name_is_that_name_with_its_adjectives(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le brise-glace polaire Aurora Borealis est arrivé lundi à Tromsø avec quarante chercheurs.")
    (e,) = _with(ents, "Le brise-glace polaire")
    assert e["name"] == "Aurora Borealis"


def test_entities_description_with_its_name_in_an_apposition(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Un cargo a percuté un quai à Gdynia. Le navire, le Skagen Star, long de 200 mètres, "
                              "battait pavillon maltais.")
    (e,) = _with(ents, "Le navire")
    assert e["name"] == "Skagen Star"


def test_entities_a_things_name_with_its_class_noun_is_the_bare_name(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le cyclone Belna a frappé la côte est de Madagascar lundi soir.",
                    "Belna a détruit des milliers de maisons. Selon les secours, Belna a fait douze morts.")
    (e,) = _with(ents, "cyclone Belna")
    assert "Belna" in e["aliases"]


def test_entities_a_common_word_opening_a_live_entry_is_no_name(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Mardi 12/03 – 18h35\nRebondissement. Selon la police de Toamasina, le bilan s'alourdit.")
    assert not _with(ents, "Rebondissement")
    assert _with(ents, "police de Toamasina")


def test_entities_bare_role_continues_the_subject_just_named_when_nothing_contradicts_it(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Rania Haddad est arrivée lundi à Beyrouth. La Première ministre a aussitôt réuni son cabinet.")
    (e,) = _with(ents, "La Première ministre")
    assert e["name"] == "Rania Haddad"


def test_entities_bare_role_is_not_the_subject_just_named_when_known_in_another_role(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le président chilien Rodrigo Vega a parlé lundi à Santiago.",
                    "Rodrigo Vega a reçu des syndicalistes mardi. Le ministre a promis une hausse des salaires.")
    assert not [e for e in _with(ents, "Le ministre") if e["name"] == "Rodrigo Vega"]


def test_entities_bare_role_in_an_article_naming_no_one_is_the_dossiers_one_holder(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le préfet Olivier Marchal a ordonné lundi l'évacuation de la vallée.",
                    "Mardi soir, le préfet a réclamé des renforts.")
    (e,) = _with(ents, "le préfet")
    assert e["name"] == "Olivier Marchal"


def test_entities_a_photo_credit_names_no_one_before_a_bare_role(analyzer: Analyzer) -> None:
    # the photographer of a credit line is the page's furniture, not someone the article speaks of
    ents = _dossier(analyzer, "Le préfet Olivier Marchal a ordonné lundi l'évacuation de la vallée.",
                    "Crue dans la vallée\n\nPHOTO MARTINE DELORME / OUEST IMAGES\n\nMardi soir, le préfet a réclamé des renforts.")
    (e,) = _with(ents, "le préfet")
    assert e["name"] == "Olivier Marchal"


def test_entities_bare_role_named_long_before_and_someone_else_just_before_stays_unresolved(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le Premier ministre norvégien Lars Holm a salué l'accord lundi. Les négociations avaient duré "
                    "trois jours. Les syndicats ont approuvé le texte. Les marchés ont progressé. Les ferries ont "
                    "repris mardi. Les secouristes ont retrouvé Ingrid Solheim mercredi. « Nous tiendrons bon », a "
                    "insisté le Premier ministre.")
    assert not _with(ents, "le Premier ministre")



@pytest.mark.parametrize("before, joins", [
    ("Les secouristes sont arrivés en Norvège mardi.", True),
    ("Les secouristes sont venus de Suède en Norvège mardi.", False),  # two countries: either army may be meant
])
def test_entities_a_national_body_without_nationality_is_the_named_countrys(analyzer: Analyzer, before: str, joins: bool) -> None:
    ents = _dossier(analyzer, "L'armée norvégienne a envoyé des renforts lundi dans le nord.",
                    f"{before} L'armée précise que la route reste coupée.")
    got = _with(ents, "L'armée")
    assert bool(got) == joins and all("armée norvégienne" in e["aliases"] for e in got)



@pytest.mark.parametrize("first, before, role, holder", [
    # someone the dossier knows in another role named before
    ("Le gouverneur Paul Mercier a salué les secours lundi.",
     "Le gouverneur Paul Mercier a salué les secours. Claire Fontaine s'exprime depuis Brionne.", "La présidente",
     "Claire Fontaine"),
    # someone named before only as an object, not as a subject
    ("Les secours sont arrivés à Brionne lundi.",
     "Les secours ont retrouvé Paul Mercier, 84 ans, dans les décombres. Luc Varda s'est rendu sur place.",
     "Le Premier ministre", "Luc Varda"),
    # a ship the recogniser read as a person
    ("Les secours sont arrivés à Brionne lundi.",
     "Le porte-conteneurs Hélène Varda a heurté le pont de Brionne. Paul Mercier s'exprime depuis la capitale.",
     "Le président", "Paul Mercier"),
])
def test_entities_who_cannot_hold_a_bare_role_does_not_keep_it_from_the_subject(
        analyzer: Analyzer, first: str, before: str, role: str, holder: str) -> None:
    ents = _dossier(analyzer, first, f"{before} {role} parle d'un terrible accident.")
    (e,) = _with(ents, role)
    assert e["name"] == holder


def test_entities_a_role_whose_complement_names_nothing_is_the_bare_roles_holder(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le préfet Olivier Marchal a ordonné lundi l'évacuation de la vallée.",
                    "Les pluies vont durer, a prévenu dimanche le préfet de la région, au lendemain de la crue. "
                    "Olivier Marchal a demandé des renforts.")
    (e,) = _with(ents, "le préfet de la région")
    assert e["name"] == "Olivier Marchal"


@pytest.mark.parametrize("text, phrase, holder", [
    # after the name, with its complement naming another entity
    ("Le capitaine serait Hugo Lambert, le fondateur de Maristel, selon la presse locale.", "le fondateur de Maristel",
     "Hugo Lambert"),
    # after the name and an age, a phrase coordinated within itself
    ("Hugo Lambert, 61 ans, ancien officier de marine et spécialiste des grands fonds, a dirigé la plongée.",
     "ancien officier de marine et spécialiste des grands fonds", "Hugo Lambert"),
    # before the name
    ("Un conseiller de Maristel, Hugo Lambert, a confirmé la panne mardi.", "Un conseiller de Maristel", "Hugo Lambert"),
    # a place, the phrase read as the verb's second object
    ("Les secours ont rejoint Brionne, une petite commune de la vallée, dans la nuit.",
     "une petite commune de la vallée", "Brionne"),
])
def test_entities_a_phrase_in_apposition_to_a_name_is_a_mention_of_it(
        analyzer: Analyzer, text: str, phrase: str, holder: str) -> None:
    ents = _dossier(analyzer, text)
    (e,) = _with(ents, phrase)
    assert e["name"] == holder


@pytest.mark.parametrize("text, phrase", [
    # a plural phrase is a group, not the name beside it
    ("Les dirigeants de Maristel, Hugo Lambert en tête, ont quitté la salle.", "Les dirigeants de Maristel"),
    # a clause with its own subject is no description of the name
    ("Le syndicat a dénoncé le plan Varennes, une mesure qui vise les ouvriers de Maristel.",
     "une mesure qui vise les ouvriers de Maristel"),
    # an age is no description
    ("Hugo Lambert, 61 ans, a dirigé la plongée.", "61 ans"),
])
def test_entities_what_is_no_apposed_description_stays_out(analyzer: Analyzer, text: str, phrase: str) -> None:
    assert not _with(_dossier(analyzer, text), phrase)


def test_entities_the_island_is_the_island_country_the_article_named(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le ministre italien a atterri lundi à Malte pour une visite de deux jours. "
                              "Il a quitté l'île mardi soir pour regagner Rome.")
    (e,) = _with(ents, "l'île")
    assert e["type"] == "country" and e["name"] == "Malte"


def test_entities_the_island_is_no_town_named_without_the_word(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le ministre a atterri lundi à Palerme pour une visite de deux jours. "
                              "Il a quitté l'île mardi soir.")
    assert not _with(ents, "l'île")


def test_entities_a_noun_apposed_to_a_name_tells_what_a_later_description_stands_for(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le Marlin, un navire océanographique de l'institut, a appareillé lundi de Brest avec "
                              "douze chercheurs. Le navire doit atteindre la zone jeudi.")
    (e,) = _with(ents, "Le navire")
    assert e["name"] == "Marlin"


def test_entities_a_headlines_description_is_the_one_thing_of_its_class_the_article_names(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le navire a lancé un appel de détresse\n\n"
                              "Le porte-conteneurs Aurora a heurté un quai lundi à Anvers. Le capitaine a donné l'alerte.")
    (e,) = _with(ents, "Le navire")
    assert "Aurora" in e["name"]



@pytest.mark.parametrize("text, phrase, holder", [
    ("Hugo Lambert a vendu sa société Dorvex en mai.", "sa société", "Dorvex"),
    ("Le ministère parle de dix blessés, tandis que l'agence lituanienne BNS en annonçait vingt.", "l'agence lituanienne",
     "BNS"),
])
def test_entities_a_phrase_right_before_a_name_that_says_what_it_is_is_a_mention_of_it(
        analyzer: Analyzer, text: str, phrase: str, holder: str) -> None:
    (e,) = _with(_dossier(analyzer, text), phrase)
    assert e["name"] == holder


def test_entities_a_phrase_before_a_name_that_says_nothing_of_it_stays_out(analyzer: Analyzer) -> None:
    # a meeting is not the person it is named after, nor a weekday
    ents = _dossier(analyzer, "Une rencontre Hugo Lambert aura lieu à Brest. Le maire a reçu lundi Hugo Lambert.")
    assert not _with(ents, "Une rencontre") and not _with(ents, "lundi")


def test_entities_the_strongman_of_a_capital_is_its_countrys_leader(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le président moldave Ion Rusu a reçu lundi des diplomates à Chisinau.",
                    "Les négociations ont repris mardi à Bruxelles. L'homme fort de Chisinau a promis des réformes.")
    (e,) = _with(ents, "L'homme fort de Chisinau")
    assert e["name"] == "Ion Rusu"


def test_entities_a_phrase_before_a_name_and_its_article_in_apposition_is_a_mention_of_it(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Les recherches ont commencé dimanche. Son navire de soutien, le Nordic Star, a perdu le "
                              "contact avec lui.")
    (e,) = _with(ents, "Son navire de soutien")
    assert e["name"] == "Nordic Star"


def test_entities_a_site_description_in_an_article_naming_none_is_the_one_site_of_its_noun(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Les blessés ont été conduits à l'hôpital de Tromsø lundi soir, selon la mairie.",
                    "La tempête a frappé la Norvège. Douze blessés ont été soignés à l'hôpital, a indiqué un médecin.")
    (e,) = _with(ents, "l'hôpital")
    assert e["name"] == "hôpital de Tromsø"
    # two sites of that noun in the dossier: either may be meant
    ents = _dossier(analyzer,
                    "Les blessés ont été conduits à l'hôpital de Tromsø lundi soir.",
                    "D'autres ont été soignés à l'hôpital de Bodø mardi.",
                    "La tempête a frappé la Norvège. Douze blessés ont été soignés à l'hôpital, a indiqué un médecin.")
    assert not _with(ents, "l'hôpital")


def test_entities_a_possessive_resolves_through_the_country_it_is_relative_to(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "L'ambassadeur de Norvège, Lars Holm, a quitté Minsk lundi. L'armée norvégienne a défilé à Oslo.",
                    "La Norvège a décidé de rappeler son ambassadeur. La Norvège protégera son armée, a dit un porte-parole.")
    (e,) = _with(ents, "son ambassadeur")
    assert e["name"] == "Lars Holm"
    (e,) = _with(ents, "son armée")
    assert "armée norvégienne" in e["aliases"]
    # a possessor that is no subject ("arrivé en Norvège, selon son armée") tells nothing
    ents = _dossier(analyzer,
                    "L'armée norvégienne a défilé à Oslo lundi.",
                    "Un pêcheur est arrivé en Norvège, selon son armée, qui l'a recueilli.")
    assert not _with(ents, "son armée")


def test_entities_a_holder_named_only_after_a_bare_role_does_not_make_it_ambiguous(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le président chilien Rodrigo Vega a reçu le président argentin Marcos Ruiz à Santiago.",
                    "Le président chilien Rodrigo Vega a parlé lundi à Valparaíso. Le chef de l'État a promis des routes. "
                    "Il a ensuite appelé Marcos Ruiz.")
    (e,) = _with(ents, "Le chef de l'État")
    assert e["name"] == "Rodrigo Vega"


def test_entities_an_indefinite_vehicle_is_the_one_of_its_class_named_after_it(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Un porte-conteneurs a percuté une digue à Gdansk lundi. Le cargo Polaris transportait du blé "
                    "vers Riga. Une ville entière est privée d'eau.")
    (e,) = _with(ents, "Un porte-conteneurs")
    assert "cargo Polaris" in e["aliases"]
    assert not _with(ents, "Une ville")  # some town, not one the article names
    # a ship named before it: "un navire" is another one
    ents = _dossier(analyzer,
                    "Le cargo Polaris a heurté une digue à Gdansk lundi. Un porte-conteneurs est venu à son secours.")
    assert not _with(ents, "Un porte-conteneurs")


def test_entities_a_groups_description_is_the_one_organisation_just_named(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Lima accuse le Front national de libération d'avoir attaqué une caserne ; le mouvement rebelle "
                    "dément toute implication.")
    (e,) = _with(ents, "le mouvement rebelle")
    assert e["name"] == "Front national de libération"
    # named sentences before: either it or some other group may be meant
    ents = _dossier(analyzer,
                    "Lima accuse le Front national de libération d'avoir attaqué une caserne. La pluie est tombée toute "
                    "la nuit. Les routes sont coupées. Le mouvement rebelle dément toute implication.")
    assert not _with(ents, "Le mouvement rebelle")


def test_entities_a_surname_is_found_again_where_the_recogniser_missed_it_in_the_article_naming_the_person(
        analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le bilan du port est publié.\n\n## 3. Brzęczyszczak réapparaît\n\nLe ministre polonais des Transports, "
                    "Tomasz Brzęczyszczak, s'est montré lundi à Gdańsk.")
    (e,) = _with(ents, "Tomasz Brzęczyszczak")
    assert sum(m["text"] == "Brzęczyszczak" for m in e["mentions"]) == 1  # the heading's, joined to the full name
