"""Which event cues the `events` component keeps, and with which participants and places, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze import nlp as nlp_mod
from recoupe.analyze.runner import Analyzer
from recoupe.model import Document, EventCue
from tests.analyze.event_harness import analyze, one


@pytest.fixture(scope="module")
def nlp() -> Any:
    return nlp_mod.load()


@pytest.fixture(scope="module")
def pipeline() -> Analyzer:
    """The whole default analysis, recogniser included, for what depends on the names it finds."""
    return Analyzer()


def names_of(c: EventCue) -> set[str]:
    return {p.text for p in c.participants}


def test_events_initial_participle_departure_has_origin_and_main_subject(nlp: Any) -> None:
    text = "Parti lundi matin de Lisbonne à bord d'un avion, Anne Dupont effectue sa première tournée à l'étranger."
    c = one(analyze(nlp, text, {"Lisbonne": "place", "Anne Dupont": "person"}), "Parti")
    assert c.type == "departure"
    assert c.place is not None and c.place.text == "Lisbonne"
    assert c.attrs["place_phrase"] == "de Lisbonne"
    assert "Anne Dupont" in names_of(c)


def test_events_departure_origin_inside_a_name_that_swallowed_the_trigger(nlp: Any) -> None:
    # the recogniser read "Parti ... de Lisbonne" as one name; the article also names Lisbonne on its own
    text = "Parti lundi matin de Lisbonne, Anne Dupont effectue sa première tournée. Lisbonne a salué ce voyage."
    names = {"Parti lundi matin de Lisbonne": "organization", "Anne Dupont": "person", "Lisbonne": "place"}
    c = one(analyze(nlp, text, names, drop_nested=True), "Parti")
    assert c.place is not None and c.place.start == text.rindex("Lisbonne")
    assert c.attrs["place_phrase"] == "de Lisbonne"
    assert c.attrs["place_from"] == "same name elsewhere in the article"


def test_events_vehicle_subject_takes_its_passenger(nlp: Any) -> None:
    text = ("Un avion transportant le ministre Paul Martin a décollé à l'aube. "
            "Selon la presse, l'avion aurait quitté dimanche soir la capitale Lyon.")
    c = one(analyze(nlp, text, {"Paul Martin": "person", "Lyon": "place"}), "quitté")
    assert c.type == "departure"
    assert names_of(c) == {"Paul Martin"}
    assert c.attrs["participants_from"] == "vehicle"
    assert c.place is not None and c.place.text == "Lyon"


def test_events_departure_leaves_where_one_arrived(nlp: Any) -> None:
    text = "Anne Dupont a rencontré Olaf Berger à Genève le 3 mars, au lendemain de son arrivée en Suisse, avant de repartir le 5 mars."
    names = {"Anne Dupont": "person", "Olaf Berger": "person", "Genève": "place", "Suisse": "country"}
    c = one(analyze(nlp, text, names), "repartir")
    assert c.place is not None and c.place.text == "Suisse"
    assert c.attrs["place_from"] == "arrival"


def test_events_feminine_pronoun_prefers_a_country_subject(nlp: Any) -> None:
    text = ("Pour Paul Martin, le marché est tendu. La Suède est un important exportateur d'armements. "
            "Elle en a vendu à la Pologne, une alliée de la Grèce.")
    names = {"Paul Martin": "person", "Suède": "country", "Pologne": "country", "Grèce": "country"}
    c = one(analyze(nlp, text, names), "vendu")
    assert "Suède" in names_of(c) and "Paul Martin" not in names_of(c)


def test_events_caption_date_in_another_paragraph_is_not_taken(nlp: Any) -> None:
    text = "La Suède en a vendu à la Pologne\n\nAnne Dupont et Paul Martin à Genève, le 23 août 2002."
    names = {"Suède": "country", "Pologne": "country", "Anne Dupont": "person", "Paul Martin": "person", "Genève": "place"}
    c = one(analyze(nlp, text, names, times=[("23 août 2002", "2002-08-23", "day", "vendu")]), "vendu")
    assert c.time is None


def test_events_pronoun_in_a_quote_is_not_its_speaker(nlp: Any) -> None:
    text = "Olaf Berger a quitté Berlin lundi. Paul Martin, le porte-parole, a commenté : « il est arrivé en Pologne mardi »."
    names = {"Olaf Berger": "person", "Paul Martin": "person", "Berlin": "place", "Pologne": "country"}
    c = one(analyze(nlp, text, names, quotes=[("il est arrivé en Pologne mardi", "Paul Martin")]), "arrivé")
    assert names_of(c) == {"Olaf Berger"}


@pytest.mark.parametrize("text, names, trigger, absent", [
    # the name of a visited site
    ("La visite d'Anne Dupont en Pologne d'une usine Orlen a duré deux heures.",
     {"Anne Dupont": "person", "Pologne": "country", "Orlen": "organization"}, "visite", "Orlen"),
    # countries that only qualify who meets
    ("Le sommet de Genève de mars 2024 entre les chefs d'États belge et suisse a été bref.",
     {"États belge": "place", "Genève": "place"}, "sommet", "États belge"),
    # a relative, not a party
    ("La signature d'un accord entre M. Dupont et Paul Martin, décédé en 2011, père et prédécesseur de M. Berger, relance les relations.",
     {"M. Dupont": "person", "Paul Martin": "person", "M. Berger": "person"}, "signature", "M. Berger"),
    # the places of a purpose clause belong to that clause
    ("La ministre a accepté de se rendre au Mali afin de renforcer les liens entre Paris et Bamako.",
     {"Mali": "country", "Paris": "place", "Bamako": "place"}, "rendre", "Paris"),
])
def test_events_participants_leave_out_what_only_qualifies(nlp: Any, text: str, names: dict[str, str], trigger: str, absent: str) -> None:
    assert absent not in names_of(one(analyze(nlp, text, names), trigger))


def test_events_surname_alone_is_the_person(nlp: Any) -> None:
    text = "Sergueï Martin est arrivé à Nice en juillet. Après la visite de Martin, le maire a parlé."
    c = one(analyze(nlp, text, {"Sergueï Martin": "person", "Martin": "place", "Nice": "place"}), "visite")
    assert names_of(c) == {"Martin"}
    assert c.place is None


def test_events_between_a_and_b_keeps_both_when_the_parse_splits_them(nlp: Any) -> None:
    text = "Certains analystes affirment qu'une éventuelle rencontre entre Berger et Dupont porterait davantage sur des gains symboliques."
    c = one(analyze(nlp, text, {"Berger": "person", "Dupont": "person"}), "rencontre")
    assert names_of(c) == {"Berger", "Dupont"}


def test_events_date_right_after_the_noun_phrase(nlp: Any) -> None:
    # the parser hangs "en 2019" on "lieu" here
    text = "La ville a également été le lieu de la première rencontre de Scholz avec Meloni en 2019."
    c = one(analyze(nlp, text, {"Scholz": "person", "Meloni": "person"}, times=[("2019", "2019", "year", "lieu")]), "rencontre")
    assert c.time is not None and c.time.value == "2019"


def test_events_meeting_that_would_take_place_is_not_a_fact(nlp: Any) -> None:
    text = "Selon des responsables, la France et le Mali organisaient une réunion entre leurs dirigeants qui aurait lieu ce mois-ci."
    c = one(analyze(nlp, text, {"France": "country", "Mali": "country"}), "réunion")
    assert c.status == "possible"


@pytest.mark.parametrize("text, names", [
    ("Que signifierait un accord entre la France et le Mali ?", {"France": "country", "Mali": "country"}),
    ("Le Mali poursuit ses essais de missiles.", {"Mali": "country"}),
    ("Une rencontre entre la France et le Mali est un signe de détente.", {"France": "country", "Mali": "country"}),
    ("Lorsque la France parcourt le monde à la recherche d'alliés, elle atterrit au Mali.", {"France": "country", "Mali": "country"}),
    ("Il faut vingt heures pour aller de Lyon à Nice, en partant de l'hypothèse que le train de M. Martin roule vite.",
     {"Lyon": "place", "Nice": "place", "M. Martin": "person"}),
])
def test_events_no_cue_for_questions_series_kinds_and_habits(nlp: Any, text: str, names: dict[str, str]) -> None:
    assert analyze(nlp, text, names) == []


def test_events_a_dated_plural_is_kept(nlp: Any) -> None:
    # a plural with its own date is a reported happening, not a habit
    text = "Le Mali a mené des essais de missiles en mars 2024."
    cues = analyze(nlp, text, {"Mali": "country"}, times=[("mars 2024", "2024-03", "month", "essais")])
    assert [c.span.text for c in cues] == ["essais"]


def test_events_person_quoted_in_an_earlier_sentence_is_not_the_owner(nlp: Any) -> None:
    text = ("« Le cadeau a voyagé dans l'espace », a indiqué Paul Martin. "
            "Les États-Unis soupçonnent la Suède de vouloir un accord pour soutenir son offensive en Norvège.")
    names = {"Paul Martin": "person", "États-Unis": "country", "Suède": "country", "Norvège": "country"}
    cues = analyze(nlp, text, names, quotes=[("Le cadeau a voyagé dans l'espace", "Paul Martin")])
    assert "Paul Martin" not in names_of(one(cues, "offensive"))


def test_events_headline_pair_with_a_place_is_two_participants(nlp: Any) -> None:
    text = "La rencontre Dupont-Berger de Genève\n\nAnne Dupont et Olaf Berger se sont vus à Genève le 2 mars."
    names = {"Dupont-Berger de Genève": "person", "Anne Dupont": "person", "Olaf Berger": "person", "Genève": "place"}
    c = one(analyze(nlp, text, names, drop_nested=True), "rencontre")
    assert names_of(c) == {"Anne Dupont", "Olaf Berger"}


def test_events_buyer_is_the_recipient_and_the_seller_a_participant(nlp: Any) -> None:
    text = "Les États-Unis achètent actuellement une partie de ces stocks à la Suède."
    c = one(analyze(nlp, text, {"États-Unis": "country", "Suède": "country"}), "achètent")
    assert names_of(c) == {"États-Unis", "Suède"}
    assert c.place is None
    start = text.index("États-Unis")
    assert c.attrs["recipients"] == [[start, start + len("États-Unis")]]


@pytest.mark.parametrize("text, trigger, status", [
    # the negation is about the question; the trip itself is taken for granted
    ("Anne Dupont n'a pas été interrogée sur le déplacement d'Olaf Berger.", "déplacement", "unknown"),
    # a negated outcome denies what it would have led to
    ("Le sommet n'avait pas abouti à un accord avec le Mali.", "accord", "denied"),
])
def test_events_negated_governor_of_a_noun(nlp: Any, text: str, trigger: str, status: str) -> None:
    c = one(analyze(nlp, text, {"Olaf Berger": "person", "Mali": "country"}), trigger)
    assert c.status == status


def test_events_possessive_in_an_infinitive_belongs_to_its_controller(nlp: Any) -> None:
    text = "Olaf Berger a d'autres soucis. Ce choix permet à Anne Dupont d'inscrire son périple dans un roman national."
    c = one(analyze(nlp, text, {"Anne Dupont": "person", "Olaf Berger": "person"}), "périple")
    assert names_of(c) == {"Anne Dupont"}


def test_events_country_acts_through_its_delegation(nlp: Any) -> None:
    text = "L'arrivée à Lisbonne d'une délégation de la République du Mali a été saluée."
    c = one(analyze(nlp, text, {"Lisbonne": "place", "République du Mali": "country"}), "arrivée")
    assert names_of(c) == {"République du Mali"}
    assert c.place is not None and c.place.text == "Lisbonne"


@pytest.mark.parametrize("text, trigger, who, status", [
    ("Les États-Unis accusent depuis l'année dernière la Suède de fournir à la Norvège des armes.", "fournir", "Suède", "possible"),
    ("Anne Dupont a invité Olaf Berger à visiter la Suède.", "visiter", "Olaf Berger", "planned"),
])
def test_events_object_of_a_control_verb_does_the_infinitive(nlp: Any, text: str, trigger: str, who: str, status: str) -> None:
    names = {"Anne Dupont": "person", "Olaf Berger": "person", "États-Unis": "country", "Suède": "country", "Norvège": "country"}
    c = one(analyze(nlp, text, names), trigger)
    assert who in names_of(c) and "États-Unis" not in names_of(c) and "Anne Dupont" not in names_of(c)
    assert c.status == status


def test_events_departure_keeps_its_destination_apart_from_its_origin(nlp: Any) -> None:
    text = "Olaf Berger est parti dimanche de Lisbonne pour la Suède."
    c = one(analyze(nlp, text, {"Olaf Berger": "person", "Lisbonne": "place", "Suède": "country"}), "parti")
    assert c.place is not None and c.place.text == "Lisbonne"
    start = text.index("Suède")
    assert c.attrs["destination"] == [start, start + len("Suède")]
    assert c.attrs["destination_phrase"] == "pour la Suède"


def test_events_cues_il_is_the_titled_subject_of_the_sentence_before(pipeline: Analyzer) -> None:
    text = ("Le président kényan William Ruto a quitté Charm el-Cheikh jeudi, au lendemain de sa rencontre avec "
            "António Guterres. Il avait atterri lundi à l'aéroport de la ville.")
    a = pipeline.analyze(Document(id="d", source="t", text=text, language="fr"))
    landed = next(c for c in a.event_cues if c.span.text == "atterri")
    assert [p.text for p in landed.participants] == ["William Ruto"]


def test_events_cues_an_organisation_inside_a_title_is_no_participant(pipeline: Analyzer) -> None:
    text = "La Première ministre doit rencontrer mercredi le secrétaire général de l'OTAN, Lars Berg, à Oslo."
    a = pipeline.analyze(Document(id="d", source="t", text=text, language="fr"))
    meet = next(c for c in a.event_cues if c.span.text == "rencontrer")
    assert "OTAN" not in [p.text for p in meet.participants]


def test_events_cues_a_verb_with_its_auxiliary_is_no_opening_participle(pipeline: Analyzer) -> None:
    text = ("Lima (AFP) – Le président péruvien Jorge Salas s'est rendu lundi à Quito pour un sommet, où il a appelé "
            "les pays voisins à financer la reconstruction de l'Amazonie.")
    a = pipeline.analyze(Document(id="d", source="t", text=text, language="fr"))
    went = next(c for c in a.event_cues if c.span.text == "rendu")
    assert "Amazonie" not in [p.text for p in went.participants]
