"""The `events` component on sentences written for these tests (names given as mentions, so NER does not matter)."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze import nlp as nlp_mod
from tests.analyze.event_harness import analyze, one as only


@pytest.fixture(scope="module")
def nlp() -> Any:
    return nlp_mod.load()


@pytest.mark.parametrize("text, trigger, etype", [
    ("La ministre Anne Dupont a rencontré Olaf Berger à Genève.", "rencontré", "meeting"),
    ("Anne Dupont s'est rendue à Lisbonne.", "rendue", "visit"),
    ("Anne Dupont est arrivée à Lisbonne.", "arrivée", "arrival"),
    ("Anne Dupont a quitté Lisbonne.", "quitté", "departure"),
    ("Le Portugal a livré des blindés au Mali.", "livré", "transfer"),
    ("Le Portugal a signé un accord avec le Mali.", "signé", "agreement"),
    ("Anne Dupont a invité Olaf Berger.", "invité", "invitation"),
    ("L'armée du Mali a tiré des missiles.", "tiré", "launch"),
    ("La visite d'Anne Dupont à Lisbonne a duré deux jours.", "visite", "visit"),
])
def test_events_cue_types(nlp: Any, text: str, trigger: str, etype: str) -> None:
    names = {"Anne Dupont": "person", "Olaf Berger": "person", "Lisbonne": "place", "Genève": "place",
             "Portugal": "country", "Mali": "country"}
    assert only(analyze(nlp, text, names), trigger).type == etype


@pytest.mark.parametrize("text, trigger, status", [
    ("Anne Dupont est arrivée à Lisbonne.", "arrivée", "happened"),
    ("Anne Dupont arrivera à Lisbonne.", "arrivera", "planned"),
    ("Anne Dupont recevra Olaf Berger à Lisbonne.", "recevra", "planned"),
    ("Anne Dupont reçut Olaf Berger à Lisbonne.", "reçut", "happened"),
    ("Anne Dupont doit rencontrer Olaf Berger.", "rencontrer", "planned"),
    ("Anne Dupont devrait rencontrer Olaf Berger.", "rencontrer", "planned"),
    ("Anne Dupont pourrait rencontrer Olaf Berger.", "rencontrer", "possible"),
    ("Anne Dupont rencontrerait Olaf Berger, selon la presse.", "rencontrerait", "possible"),
    ("Anne Dupont aurait rencontré Olaf Berger.", "rencontré", "possible"),
    ("Anne Dupont n'a pas rencontré Olaf Berger.", "rencontré", "denied"),
    ("Le Portugal a démenti livrer des blindés au Mali.", "livrer", "denied"),
    ("Le Portugal a nié avoir vendu des blindés au Mali.", "vendu", "denied"),
    ("Anne Dupont a dit qu'elle se rendrait à Lisbonne.", "rendrait", "planned"),
    ("Une éventuelle rencontre entre Anne Dupont et Olaf Berger inquiète.", "rencontre", "possible"),
    ("Anne Dupont est venue à Lisbonne pour une rencontre avec Olaf Berger.", "rencontre", "planned"),
])
def test_events_status_by_tense_mood_and_negation(nlp: Any, text: str, trigger: str, status: str) -> None:
    names = {"Anne Dupont": "person", "Olaf Berger": "person", "Lisbonne": "place", "Portugal": "country", "Mali": "country"}
    assert only(analyze(nlp, text, names), trigger).status == status


def test_events_imperfect_is_not_conditional(nlp: Any) -> None:
    # "tirait" ends in -rait but is the imperfect of tirer; "tirerait" is its conditional
    names = {"Mali": "country"}
    assert only(analyze(nlp, "L'armée du Mali tirait des missiles chaque jour.", names), "tirait").status == "happened"
    assert only(analyze(nlp, "L'armée du Mali tirerait des missiles chaque jour.", names), "tirerait").status == "possible"


def test_events_participants_and_place(nlp: Any) -> None:
    text = "La ministre Anne Dupont a rencontré le chancelier Olaf Berger au palais de Ravenstein."
    c = only(analyze(nlp, text, {"Anne Dupont": "person", "Olaf Berger": "person", "Ravenstein": "place"}), "rencontré")
    assert {p.text for p in c.participants} == {"Anne Dupont", "Olaf Berger"}
    assert c.place is not None and c.place.text == "Ravenstein"
    assert c.attrs["place_phrase"] == "au palais de Ravenstein"


def test_events_departure_place_is_the_origin(nlp: Any) -> None:
    text = "Olaf Berger est parti de Lisbonne pour Madrid."
    c = only(analyze(nlp, text, {"Olaf Berger": "person", "Lisbonne": "place", "Madrid": "place"}), "parti")
    assert c.place is not None and c.place.text == "Lisbonne"


def test_events_time_is_the_expression_anchored_to_the_clause(nlp: Any) -> None:
    text = "Anne Dupont est arrivée à Lisbonne le 2 mars, avant de rencontrer Olaf Berger."
    cues = analyze(nlp, text, {"Anne Dupont": "person", "Olaf Berger": "person", "Lisbonne": "place"},
                   times=[("le 2 mars", "2024-03-02", "day", "arrivée")])
    assert only(cues, "arrivée").time is not None and only(cues, "arrivée").time.value == "2024-03-02"
    assert only(cues, "rencontrer").time is None


def test_events_old_dates_are_marked_historical(nlp: Any) -> None:
    text = "Anne Dupont avait rencontré Olaf Berger en 2015."
    c = only(analyze(nlp, text, {"Anne Dupont": "person", "Olaf Berger": "person"},
                     times=[("en 2015", "2015", "year", "rencontré")]), "rencontré")
    assert c.status == "happened" and c.attrs.get("historical") is True


def test_events_reference_time_only_for_a_safe_tense(nlp: Any) -> None:
    # a news tense in the narrative takes the article's day; a pluperfect (history) takes nothing
    names = {"Anne Dupont": "person", "Lisbonne": "place"}
    past = only(analyze(nlp, "Anne Dupont est arrivée à Lisbonne.", names), "arrivée")
    assert past.time is None and past.attrs.get("ref_date") == "2024-03-05" and past.attrs["time_source"] == "reference"
    old = only(analyze(nlp, "Anne Dupont était arrivée à Lisbonne.", names), "arrivée")
    assert "ref_date" not in old.attrs


def test_events_bare_noun_without_antecedent_is_dropped(nlp: Any) -> None:
    assert analyze(nlp, "La rencontre a duré deux heures.", {}) == []


def test_events_bare_noun_points_at_its_antecedent(nlp: Any) -> None:
    text = "Anne Dupont a rencontré Olaf Berger. La rencontre a duré deux heures."
    cues = analyze(nlp, text, {"Anne Dupont": "person", "Olaf Berger": "person"})
    ante = only(cues, "rencontré")
    assert only(cues, "rencontre").attrs["antecedent"] == ante.span.start


def test_events_spans_match_the_text(nlp: Any) -> None:
    text = "Anne Dupont est arrivée à Lisbonne.\n\nElle a rencontré Olaf Berger."
    for c in analyze(nlp, text, {"Anne Dupont": "person", "Olaf Berger": "person", "Lisbonne": "place"}):
        for s in [c.span, c.sentence, c.place, *c.participants]:
            if s is not None:
                assert text[s.start:s.end] == s.text


def test_events_departure_leaves_from_the_main_clause_place_unless_dated(nlp: Any) -> None:
    names = {"Anne Dupont": "person", "Olaf Berger": "person", "Ravenstein": "place"}
    same = analyze(nlp, "Anne Dupont a rencontré Olaf Berger à Ravenstein, avant de repartir.", names)
    assert only(same, "repartir").place is not None
    later = analyze(nlp, "Anne Dupont a rencontré Olaf Berger à Ravenstein, avant de repartir le 17 mai.", names)
    assert only(later, "repartir").place is None


def test_events_transfer_recipient_is_a_participant_not_a_place(nlp: Any) -> None:
    c = only(analyze(nlp, "Le Portugal a livré des blindés au Mali.", {"Portugal": "country", "Mali": "country"}), "livré")
    assert c.place is None and {p.text for p in c.participants} == {"Portugal", "Mali"}
    assert c.attrs["recipients"] == [[c.participants[1].start, c.participants[1].end]]


def test_events_pronoun_agrees_in_gender(nlp: Any) -> None:
    text = "La Norvège exporte des navires. Paul Martin le sait. Elle en a vendu au Chili."
    c = only(analyze(nlp, text, {"Norvège": "country", "Paul Martin": "person", "Chili": "country"}), "vendu")
    assert "Norvège" in {p.text for p in c.participants}


def test_events_noun_takes_the_time_inside_its_phrase(nlp: Any) -> None:
    text = "La visite d'Anne Dupont à Lisbonne en mai a été un succès."
    cues = analyze(nlp, text, {"Anne Dupont": "person", "Lisbonne": "place"},
                   times=[("en mai", "2024-05", "month", "été")])  # anchored on the main verb, not an event word
    assert only(cues, "visite").time is not None and only(cues, "visite").time.value == "2024-05"


def test_events_being_received_somewhere_is_an_arrival(nlp: Any) -> None:
    text = "Les images montrent Olaf Berger reçu par une délégation à la gare de Ravenstein."
    cues = analyze(nlp, text, {"Olaf Berger": "person", "gare de Ravenstein": "place"})
    c = only(cues, "reçu")
    assert c.type == "arrival" and c.place is not None and c.place.text == "gare de Ravenstein"


@pytest.mark.parametrize("text, trigger, status", [
    ("Le Mali accuse le Portugal de fournir des obus vendus au Niger.", "vendus", "possible"),
    ("Le Mali a mis en garde le Portugal contre toute vente de blindés au Niger.", "vente", "possible"),
])
def test_events_status_reaches_through_nouns_and_determiners(nlp: Any, text: str, trigger: str, status: str) -> None:
    names = {"Mali": "country", "Portugal": "country", "Niger": "country"}
    assert only(analyze(nlp, text, names), trigger).status == status


def test_events_reflexive_livrer_is_not_a_delivery(nlp: Any) -> None:
    assert analyze(nlp, "Le Portugal s'est livré à des provocations contre le Mali.", {"Portugal": "country", "Mali": "country"}) == []


def test_events_bare_noun_is_a_topic_not_an_event(nlp: Any) -> None:
    text = "Le sommet soulève des questions (livraisons d'armes au Mali, transferts de technologie)."
    assert [c.span.text for c in analyze(nlp, text, {"Mali": "country"}) if c.type == "transfer"] == []
