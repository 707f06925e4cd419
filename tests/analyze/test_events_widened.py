"""Issue 14's constructions, on sentences written for these tests: speech acts as statement events, the widened
trigger table (with `other` subtypes), contracted articles as determiners, dating and placing from the sentence."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze import nlp as nlp_mod
from tests.analyze.event_harness import analyze, one


@pytest.fixture(scope="module")
def nlp() -> Any:
    return nlp_mod.load()


def test_a_named_actors_announcement_is_a_statement(nlp: Any) -> None:
    text = "Le ministre Paul Mercier a annoncé mardi la fermeture du port."
    c = one(analyze(nlp, text, {"Paul Mercier": "person"}), "annoncé")
    assert c.type == "statement"
    assert [p.text for p in c.participants] == ["Paul Mercier"]


def test_a_speech_verb_with_no_named_actor_is_no_statement(nlp: Any) -> None:
    cues = analyze(nlp, "Il a été annoncé que la route serait fermée.", {})
    assert not [c for c in cues if c.type == "statement"]


@pytest.mark.parametrize("text,trigger", [
    ("Claire Fontaine a pris la parole devant les députés.", "pris"),
    ("Claire Fontaine a rompu le silence dans une vidéo.", "rompu"),
])
def test_light_constructions_of_speech_are_statements(nlp: Any, text: str, trigger: str) -> None:
    c = one(analyze(nlp, text, {"Claire Fontaine": "person"}), trigger)
    assert c.type == "statement"


@pytest.mark.parametrize("text,trigger,subtype", [
    ("L'avion de la compagnie Aérolac s'est écrasé près de Brionne.", "écrasé", "accident"),
    ("Le parlement de Valmorie a voté la loi jeudi.", "voté", "vote"),
])
def test_disasters_and_votes_are_other_with_a_subtype(nlp: Any, text: str, trigger: str, subtype: str) -> None:
    names = {"Brionne": "place", "Aérolac": "organization", "Valmorie": "country"}
    c = one(analyze(nlp, text, {k: v for k, v in names.items() if k in text}, times=[("jeudi", "2024-03-07", "day", "voté")]
                    if "jeudi" in text else None), trigger)
    assert c.type == "other"
    assert c.attrs["subtype"] == subtype


def test_a_contracted_article_counts_as_a_determiner(nlp: Any) -> None:
    # "au sommet" carries its article inside "au": the noun names one meeting, it is no bare topic
    text = "Les deux dirigeants se sont parlé au sommet de Brionne."
    cues = analyze(nlp, text, {"Brionne": "place"})
    assert any(c.span.text == "sommet" for c in cues)


def test_the_sentences_own_date_dates_a_cue(nlp: Any) -> None:
    text = "Lundi, devant des officiers, Marc Olivier a reconnu ses erreurs."
    c = one(analyze(nlp, text, {"Marc Olivier": "person"}, times=[("Lundi", "2024-03-04", "day", "devant")]), "reconnu")
    assert c.time is not None and c.time.value == "2024-03-04"


def test_the_sentences_place_places_a_cue(nlp: Any) -> None:
    text = "A Brionne, la ministre Julie Marchal a dénoncé ces attaques."
    c = one(analyze(nlp, text, {"Brionne": "place", "Julie Marchal": "person"}), "dénoncé")
    assert c.place is not None and c.place.text == "Brionne"


def test_a_place_in_a_measure_does_not_place_a_cue(nlp: Any) -> None:
    text = "A quelque 300 km de Brionne, Julie Marchal a dénoncé ces attaques."
    c = one(analyze(nlp, text, {"Brionne": "place", "Julie Marchal": "person"}), "dénoncé")
    assert c.place is None
