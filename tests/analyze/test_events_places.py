"""Where a cue's event happens, read from its own words and its sentence (issue 14): sentences written for these
tests."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze import nlp as nlp_mod
from recoupe.analyze.runner import Analyzer
from recoupe.model import Document
from tests.analyze.event_harness import analyze, one


@pytest.fixture(scope="module")
def nlp() -> Any:
    return nlp_mod.load()


def test_events_place_in_a_role_name_gives_way_to_the_place_the_sentence_tells(nlp: Any) -> None:
    text = "Pendant l'incendie, le maire de Lyon a fait état de trois victimes à Villeurbanne."
    names = {"le maire de Lyon": "person", "Lyon": "place", "Villeurbanne": "place"}
    c = one(analyze(nlp, text, names), "incendie")
    assert c.place is not None and c.place.text == "Villeurbanne"


def test_events_place_in_a_role_name_is_taken_when_the_sentence_names_no_other(nlp: Any) -> None:
    text = "Pendant l'incendie, le maire de Lyon a demandé aux habitants de rester chez eux."
    names = {"le maire de Lyon": "person", "Lyon": "place"}
    c = one(analyze(nlp, text, names), "incendie")
    assert c.place is not None and c.place.text == "Lyon"


def test_events_place_of_quoted_words_is_not_where_the_speaker_speaks(nlp: Any) -> None:
    text = "« Elle est libre et elle est en Suisse », s'est réjoui Paul Martin depuis Lisbonne."
    names = {"Paul Martin": "person", "Suisse": "country", "Lisbonne": "place"}
    c = one(analyze(nlp, text, names, quotes=[("Elle est libre et elle est en Suisse", "Paul Martin")]), "réjoui")
    assert c.place is not None and c.place.text == "Lisbonne"


def test_events_place_a_noun_of_a_disaster_befalls_a_site(nlp: Any) -> None:
    text = "Une enquête vise l'effondrement du pont de Nantes, survenu en mai."
    c = one(analyze(nlp, text, {"pont de Nantes": "place"}), "effondrement")
    assert c.place is not None and c.place.text == "pont de Nantes"


def test_events_place_a_capital_after_a_noun_of_attack_is_not_its_place(nlp: Any) -> None:
    # "l'offensive de X": a capital acting for its government, not a site the offensive hits
    text = "Le ministre a dénoncé mardi l'offensive de Berlin."
    c = one(analyze(nlp, text, {"Berlin": "place", "Le ministre": "person"}), "offensive")
    assert c.place is None or c.place.text != "Berlin"


def test_events_place_a_description_is_said_by_its_name(nlp: Any) -> None:
    text = "Anne Dupont a quitté dimanche l'aéroport régional de Rennes pour Oslo."
    names = {"Anne Dupont": "person", "aéroport": "place", "Rennes": "place", "Oslo": "place"}
    c = one(analyze(nlp, text, names, described={"aéroport": ["airport"]}), "quitté")
    assert c.place is not None and c.place.text == "Rennes"
    assert "aéroport" in c.attrs["place_phrase"]


def test_events_place_where_after_a_name_is_that_place(nlp: Any) -> None:
    text = "Anne Dupont a quitté Rome vendredi pour Dakar, où elle devait partager un repas avec les soldats."
    names = {"Anne Dupont": "person", "Rome": "place", "Dakar": "place"}
    c = one(analyze(nlp, text, names), "repas")
    assert c.place is not None and c.place.text == "Dakar"


def test_events_place_where_is_not_the_place_of_a_happening_the_clause_only_dates(nlp: Any) -> None:
    text = "Paul Martin a gagné Lyon, où il a rencontré Anne Dupont mardi, au lendemain de son arrivée en France."
    names = {"Paul Martin": "person", "Anne Dupont": "person", "Lyon": "place", "France": "country"}
    c = one(analyze(nlp, text, names), "arrivée")
    assert c.place is None or c.place.text != "Lyon"


def test_events_place_from_where_is_where_a_departure_starts(nlp: Any) -> None:
    text = "Le soir, le cortège est redescendu vers Nantes, d'où Paul Martin s'est envolé pour Oslo."
    names = {"Paul Martin": "person", "Nantes": "place", "Oslo": "place"}
    c = one(analyze(nlp, text, names), "envolé")
    assert c.place is not None and c.place.text == "Nantes"


def test_events_place_a_country_description_lists_the_countries_named_as_places_before(nlp: Any) -> None:
    text = ("Les soldats portugais sont déployés au Mali depuis 2015. La France a salué leur travail. "
            "Le ministre a annoncé mardi que les soldats quitteraient le pays avant l'été.")
    names = {"Mali": "country", "France": "country", "le pays": "country", "Le ministre": "person"}
    c = one(analyze(nlp, text, names, described={"le pays": ["country"]}), "quitteraient")
    assert c.place is not None and c.place.text == "le pays"
    # "la France a salué": a country acting, not named as a place
    assert [text[a:b] for a, b in c.attrs["place_antecedents"]] == ["Mali"]
    assert c.attrs["place_classes"] == ["country"]


def test_events_place_an_island_description_lists_nothing(nlp: Any) -> None:
    text = "Le ministre est arrivé lundi à Ajaccio. Il a quitté l'île mardi soir."
    names = {"Ajaccio": "place", "l'île": "place", "Le ministre": "person"}
    c = one(analyze(nlp, text, names, described={"l'île": ["island"]}), "quitté")
    assert "place_antecedents" not in c.attrs
    assert c.place is not None and c.place.text == "l'île"  # a place named once is no island the article is about


def test_events_place_an_island_description_is_the_island_the_article_names_most(nlp: Any) -> None:
    # "l'île" is the island the story is about (named twice), not the town named last, which lies on it
    story = ("Le cyclone a frappé la Guadeloupe samedi. En Guadeloupe, les écoles restent fermées à Pointe-à-Pitre. "
             "La ministre Anne Dupont se rendra sur l'île mardi.")
    cues = analyze(nlp, story, dict.fromkeys(("Guadeloupe", "Pointe-à-Pitre", "l'île"), "place") | {"Anne Dupont": "person"},
                   described={"l'île": ["island"]})
    visit = one(cues, "rendra")
    assert (visit.place.text if visit.place else None, visit.attrs["place_from"]) == ("Guadeloupe", "island of the article")


def _pipeline(language: str, published: str) -> Any:
    """The cues the whole analysis finds in a text of that language, published that day."""
    analyzer = Analyzer()

    def run(text: str) -> list[Any]:
        return analyzer.analyze(Document(id=f"doc-{language}", source="t.txt", text=text, language=language,
                                         published=published, published_precision="day")).event_cues

    return run


@pytest.fixture(scope="module")
def english() -> Any:
    return _pipeline("en", "2022-10-05")


@pytest.fixture(scope="module")
def french() -> Any:
    return _pipeline("fr", "2024-03-05")


def test_events_place_a_town_that_qualifies_a_bridge_gives_way_to_the_bridge(english: Any) -> None:
    cues = english("A cargo ship slammed into a pier of Boston's Tobin Memorial Bridge on Monday, officials said.")
    c = next(c for c in cues if c.span.text == "slammed")
    assert c.place is not None and "Bridge" in c.place.text


def test_events_place_a_body_before_which_people_gather_is_its_seat(nlp: Any) -> None:
    text = "Mardi, des centaines de manifestants se sont rassemblés devant l'Assemblée nationale."
    c = one(analyze(nlp, text, {"Assemblée nationale": "organization"}), "rassemblés")
    start = text.index("Assemblée nationale")
    assert c.attrs["place_org"] == [start, start + len("Assemblée nationale")] and c.attrs["place_seat"] is True
    assert not c.attrs.get("anaphoric")  # a place of its own: not another event's mention


def test_events_place_a_fronted_body_is_the_sentence_seat(nlp: Any) -> None:
    text = "À la Maison Blanche, Paul Martin a annoncé mardi un plan d'aide."
    c = one(analyze(nlp, text, {"Maison Blanche": "organization", "Paul Martin": "person"}), "annoncé")
    assert c.attrs["place_seat"] is True and text[slice(*c.attrs["place_org"])] == "Maison Blanche"


def test_events_place_a_body_spoken_to_is_no_seat(nlp: Any) -> None:
    text = "Paul Martin a confirmé mardi à l'Agence Nordique qu'il partirait."
    c = one(analyze(nlp, text, {"Agence Nordique": "organization", "Paul Martin": "person"}), "confirmé")
    assert not c.attrs.get("place_seat")


def test_events_place_a_country_in_the_possessive_owns_the_site(english: Any) -> None:
    cues = english("Three diplomats were hurt in the bombing of Peru's embassy in Lisbon on Monday, officials said.")
    c = next(c for c in cues if c.span.text == "bombing")
    assert c.place is None or c.place.text != "Peru"
    assert c.place is not None or c.attrs.get("place_org")  # Lisbon, as a place or a name read as a body


@pytest.mark.parametrize(("text", "trigger"), [
    ("Les soldats belges déployés à Gao partiront avant l'été, a annoncé le ministre.", "partiront"),
    ("Les soldats qui avaient été déployés à Gao sont repartis dimanche.", "repartis"),
])
def test_events_place_a_departure_leaves_where_a_clause_on_its_subject_puts_the_leavers(nlp: Any, text: str, trigger: str) -> None:
    c = one(analyze(nlp, text, {"Gao": "place", "le ministre": "person"}), trigger)
    assert c.place is not None and c.place.text == "Gao"
    assert c.attrs["place_from"] == "where the leavers were"


def test_events_a_story_told_in_the_present_takes_the_day_it_names(french: Any) -> None:
    # the historical present: the paragraph names the day, then tells what happened that day in the present
    told = "Le 12 mai 2019, la délégation quitte Paris. Puis vient la nuit du 13. Vers minuit, le ministre Paul Mercier arrive à Lyon."
    arrive = next(c for c in french(told) if c.span.text == "arrive")
    assert (arrive.time.value if arrive.time else None, arrive.attrs.get("time_from")) == ("2019-05-13", "historical present")
    # a clause in a past tense after that day is not told in the present: the day does not reach it
    past = "Le 12 mai 2019, la délégation quitte Paris. Le ministre Paul Mercier est arrivé à Lyon."
    arrived = next(c for c in french(past) if c.span.text == "arrivé")
    assert arrived.attrs.get("time_from") != "historical present"


def test_events_place_a_place_phrase_after_a_town_locates_the_town(nlp: Any) -> None:
    # "à Lannion, en Bretagne, ...": the region says where the town is; the town is where it happens
    text = "À Lannion, en Bretagne, la foule était dense quand le ministre Paul Mercier a été hué."
    c = one(analyze(nlp, text, {"Lannion": "place", "Bretagne": "place", "Paul Mercier": "person"}), "hué")
    assert (c.place.text if c.place else None, c.attrs["place_from"]) == ("Lannion", "sentence")


@pytest.mark.parametrize(("subject", "label", "venue"), [("Brionne", "place", True), ("la Valmorie", "country", False)])
def test_events_place_a_town_that_receives_someone_is_where_they_meet(nlp: Any, subject: str, label: str, venue: bool) -> None:
    # a town or a site that hosts is the venue; a country that receives someone acts (its government)
    text = f"{subject[0].upper() + subject[1:]} a accueilli samedi le ministre Paul Mercier."
    name = subject.split()[-1]
    c = one(analyze(nlp, text, {name: label, "Paul Mercier": "person"}), "accueilli")
    assert (c.place is not None and c.place.text == name) is venue
    assert any(p.text == name for p in c.participants) is not venue


@pytest.mark.parametrize(("text", "site"), [
    ("Dimanche, les convois de vivres ont traversé le pont de Narva.", "pont de Narva"),
    ("Les convois humanitaires sont entrés mardi dans Brionne.", "Brionne"),
])
def test_events_place_a_shipment_is_where_the_verb_it_is_the_subject_of_takes_it(nlp: Any, text: str, site: str) -> None:
    c = one(analyze(nlp, text, {site: "place"}), "convois")
    assert c.place is not None and c.place.text == site


def test_events_an_event_that_does_something_was_on_when_it_did(nlp: Any) -> None:
    # the time of the verb an event noun is the active subject of is the event's, even when that verb is a trigger
    text = "Le 4 mars, la réunion des ministres a adopté un plan de relance pour la Valmorie."
    cues = analyze(nlp, text, {"Valmorie": "country"}, times=[("4 mars", "2021-03-04", "day", "adopté")])
    meeting = one(cues, "réunion")
    assert (meeting.time.value if meeting.time else None, meeting.attrs.get("time_from")) == ("2021-03-04", "its verb")


def test_events_place_a_place_a_past_participle_describes_is_what_befell_it(nlp: Any) -> None:
    # "la Valmorie dévastée": the country the disaster struck, where it happened, not a party to it
    text = "Crue historique : la Valmorie dévastée, deux morts à Brionne"
    c = one(analyze(nlp, text, {"Valmorie": "country", "Brionne": "place"}), "dévastée")
    assert (c.place.text if c.place else None, [p.text for p in c.participants]) == ("Valmorie", [])


def test_events_a_participle_on_the_subject_is_told_on_the_day_of_its_clause(nlp: Any) -> None:
    # "Le jet, parti de X, s'est écrasé mardi": the departure the participle tells is that day's
    text = "Le jet privé, parti de Nice dans la matinée, s'est écrasé mardi près de Turin."
    cues = analyze(nlp, text, {"Nice": "place", "Turin": "place"}, times=[("mardi", "2024-03-05", "day", "écrasé")])
    left = one(cues, "parti")
    assert (left.time.value if left.time else None, left.attrs.get("time_from")) == ("2024-03-05", "the clause it describes")


def test_events_place_the_scene_is_where_the_last_accident_happened(nlp: Any) -> None:
    # "sur les lieux": the scene of the crash, not the town the text named last
    text = ("Un hélicoptère s'est écrasé lundi près de Brionne. Le préfet Paul Mercier est arrivé à Valmont dans la "
            "soirée. Deux corps ont été retrouvés sur les lieux.")
    c = one(analyze(nlp, text, {"Brionne": "place", "Valmont": "place", "Paul Mercier": "person"}), "retrouvés")
    assert (c.place.text if c.place else None, c.attrs.get("place_from")) == ("Brionne", "scene")


def test_events_place_where_the_source_speaks_is_not_where_the_cue_happens(nlp: Any) -> None:
    # the incise that attributes the cue names where its source speaks ("lors d'un point de presse à Y")
    text = ("Le navire de ravitaillement a perdu le contact avec le sous-marin vers midi, ont indiqué les garde-côtes "
            "lors d'un point de presse à Brest.")
    cues = analyze(nlp, text, {"Brest": "place", "garde-côtes": "organization"})
    lost, said = one(cues, "perdu"), one(cues, "indiqué")
    assert lost.place is None and said.place is not None and said.place.text == "Brest"


def test_events_place_what_is_done_to_an_event_happens_where_it_does(nlp: Any) -> None:
    # the object of "suspendre" is an event with a place of its own: the suspension is about that place
    text = ("Les médiateurs de la Valmorie espèrent que les deux armées accepteront de suspendre les bombardements "
            "de la semaine dans le delta de Brionne.")
    c = one(analyze(nlp, text, {"delta de Brionne": "place", "Valmorie": "country"}), "suspendre")
    assert (c.place.text if c.place else None, c.attrs.get("place_from")) == ("delta de Brionne", "the event it acts on")


def test_events_a_participle_told_in_passing_does_not_move_the_narrative_day(nlp: Any) -> None:
    # published Tuesday 5 March 2024: "décrétée lundi" dates the decree, not the story told after it
    text = "La mesure, décrétée lundi à Brionne, reste en vigueur. Le ministre Paul Mercier a reçu les élus de la ville dans la soirée."
    cues = analyze(nlp, text, {"Brionne": "place", "Le ministre Paul Mercier": "person"},
                   times=[("lundi", "2024-03-04", "day", "décrétée")])
    assert one(cues, "reçu").attrs.get("ref_date") == "2024-03-05"
