"""Issue 14, the round on articles nobody tuned for: constructions found missing on unseen articles, pinned on
sentences written for these tests (releases and hand-overs, take-offs, meals and mediations, kidnappings, closures,
finds; a happening told with no name in it; the narrative day of an article)."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze import nlp as nlp_mod
from tests.analyze.event_harness import analyze, one


@pytest.fixture(scope="module")
def nlp() -> Any:
    return nlp_mod.load()


@pytest.mark.parametrize("text,trigger,etype", [
    ("Le gouvernement de Valmorie a relâché douze détenus mardi.", "relâché", "transfer"),
    ("Quatre marins ont été libérés par les rebelles de Valmorie.", "libérés", "transfer"),
    ("Les ravisseurs ont remis deux otages à la Croix-Verte de Valmorie.", "remis", "transfer"),
    ("Le ministre Paul Mercier s'est envolé pour Brionne.", "envolé", "departure"),
    ("L'avion de Paul Mercier a décollé de Brionne à l'aube.", "décollé", "departure"),
    ("Les deux délégations ont ensuite rejoint Brionne en train.", "rejoint", "travel"),
    ("Des hommes armés ont enlevé Paul Mercier devant son domicile.", "enlevé", "military_action"),
    ("La marine de Valmorie a intercepté un drone au large de Brionne.", "intercepté", "military_action"),
    ("Les autorités de Valmorie ont fermé la frontière jeudi.", "fermé", "other"),
    ("Les secouristes ont découvert des débris près de Brionne.", "découvert", "other"),
])
def test_widened_verbs(nlp: Any, text: str, trigger: str, etype: str) -> None:
    names = {"Valmorie": "country", "Brionne": "place", "Paul Mercier": "person", "Claire Fontaine": "person",
             "Aérolac": "organization", "Croix-Verte": "organization"}
    c = one(analyze(nlp, text, {k: v for k, v in names.items() if k in text}), trigger)
    assert c.type == etype


@pytest.mark.parametrize("text,trigger,etype", [
    ("La libération des otages de Brionne a eu lieu dimanche.", "libération", "transfer"),
    ("La médiation de Paul Mercier a échoué.", "médiation", "meeting"),
    ("La fermeture de l'aéroport de Brionne a surpris les voyageurs.", "fermeture", "other"),
    ("Un long déjeuner a réuni Paul Mercier et ses hôtes à Brionne.", "déjeuner", "meeting"),
])
def test_widened_nouns(nlp: Any, text: str, trigger: str, etype: str) -> None:
    names = {"Brionne": "place", "Paul Mercier": "person"}
    c = one(analyze(nlp, text, {k: v for k, v in names.items() if k in text}), trigger)
    assert c.type == etype


def test_the_same_verbs_off_their_sense_are_no_trigger(nlp: Any) -> None:
    # "se remettre" is recovering, "fermer les yeux" closes nothing on a timeline
    cues = analyze(nlp, "Paul Mercier s'est remis de sa blessure et a fermé les yeux.", {"Paul Mercier": "person"})
    assert not [c for c in cues if c.span.text in ("remis", "fermé")]


@pytest.mark.parametrize("text,trigger", [
    ("Reprise des débats : Paul Mercier a repris la parole.", "repris"),
    ("Le capitaine du navire de la compagnie Aérolac a lancé l'alerte.", "lancé"),
])
def test_more_light_constructions_of_speech(nlp: Any, text: str, trigger: str) -> None:
    names = {"Paul Mercier": "person", "Aérolac": "organization"}
    c = one(analyze(nlp, text, {k: v for k, v in names.items() if k in text}), trigger)
    assert c.type == "statement"


def test_a_happening_with_no_name_in_it_is_its_own_event(nlp: Any) -> None:
    # nobody is named and no earlier event stands for it: the clause still reports a landing
    c = one(analyze(nlp, "Le couple royal a atterri vers midi.", {}), "atterri")
    assert c.type == "arrival" and not c.participants
    assert c.attrs.get("unanchored") and "antecedent" not in c.attrs


def test_a_described_noun_with_no_antecedent_is_its_own_event(nlp: Any) -> None:
    c = one(analyze(nlp, "L'entretien téléphonique entre les deux présidents a duré une heure.", {}), "entretien")
    assert c.type == "meeting" and c.attrs.get("unanchored")


def test_a_later_definite_noun_still_stands_for_the_earlier_event(nlp: Any) -> None:
    text = "Paul Mercier a rencontré Claire Fontaine lundi. La longue rencontre a duré deux heures."
    cues = analyze(nlp, text, {"Paul Mercier": "person", "Claire Fontaine": "person"})
    c = one(cues, "rencontre")
    assert c.attrs.get("antecedent") == text.index("rencontré")


def test_an_undated_cue_takes_the_day_its_story_last_named(nlp: Any) -> None:
    # published Wednesday; the story is Tuesday's: the landing after "mardi" is Tuesday's too
    text = "Mardi, Paul Mercier a accueilli Claire Fontaine à Brionne. Leur avion avait atterri vers midi."
    cues = analyze(nlp, text, {"Paul Mercier": "person", "Claire Fontaine": "person", "Brionne": "place"},
                   published="2024-03-06", times=[("Mardi", "2024-03-05", "day", "accueilli")])
    c = one(cues, "atterri")
    assert c.time is None and c.attrs["ref_date"] == "2024-03-05" and c.attrs["time_from"] == "narrative"


def test_an_old_day_does_not_carry_over_and_the_publication_day_is_the_last_resort(nlp: Any) -> None:
    text = "Le 3 janvier, Paul Mercier a accueilli Claire Fontaine à Brionne. Claire Fontaine a ensuite visité Orval."
    cues = analyze(nlp, text, {"Paul Mercier": "person", "Claire Fontaine": "person", "Brionne": "place", "Orval": "place"},
                   published="2024-03-06", times=[("3 janvier", "2024-01-03", "day", "accueilli")])
    assert one(cues, "visité").attrs["ref_date"] == "2024-03-06"


def test_an_announced_event_takes_no_narrative_day(nlp: Any) -> None:
    text = "Mardi, Paul Mercier a accueilli Claire Fontaine. Paul Mercier se rendra à Brionne."
    cues = analyze(nlp, text, {"Paul Mercier": "person", "Claire Fontaine": "person", "Brionne": "place"},
                   published="2024-03-06", times=[("Mardi", "2024-03-05", "day", "accueilli")])
    c = one(cues, "rendra")
    assert c.status == "planned" and "ref_date" not in c.attrs


def test_a_pluperfect_takes_only_a_day_the_text_names(nlp: Any) -> None:
    names = {"Paul Mercier": "person", "Brionne": "place"}
    alone = one(analyze(nlp, "Paul Mercier était arrivé à Brionne.", names, published="2024-03-06"), "arrivé")
    assert "ref_date" not in alone.attrs


# -- where a statement is made: its own phrase, not what it says -------------------------------------------------

_WHERE = {"Valmorie": "country", "Brionne": "place", "Castelnau": "place", "Paul Mercier": "person",
          "Claire Fontaine": "person"}


def _place_of(nlp: Any, text: str, trigger: str) -> str | None:
    c = one(analyze(nlp, text, {k: v for k, v in _WHERE.items() if k in text}), trigger)
    return c.place.text if c.place else None


def test_a_statement_is_placed_by_its_own_phrase_not_by_what_it_says(nlp: Any) -> None:
    text = "À Castelnau, le ministre Paul Mercier a assuré que Brionne n'avait rien à cacher."
    assert _place_of(nlp, text, "assuré") == "Castelnau"


def test_an_unaccented_capital_preposition_still_places_the_sentence(nlp: Any) -> None:
    # French capitals often lose their accent ("A Brionne" for "À Brionne"); taggers take the "A" for a noun
    text = "A Castelnau, le ministre Paul Mercier a assuré que Brionne n'avait rien à cacher."
    assert _place_of(nlp, text, "assuré") == "Castelnau"


def test_a_place_in_a_relative_clause_on_another_place_yields_to_it(nlp: Any) -> None:
    text = "Depuis Castelnau, où il assistait à un sommet régional à Brionne, Paul Mercier a dénoncé l'accord."
    assert _place_of(nlp, text, "dénoncé") == "Castelnau"


def test_a_place_that_only_says_what_time_it_was_there_is_no_place(nlp: Any) -> None:
    text = "Paul Mercier a déclaré : « Nous partirons à l'aube » (6 h 30 à Castelnau)."
    assert _place_of(nlp, text, "déclaré") != "Castelnau"


def test_what_a_speaker_says_of_where_they_are_still_places_them_when_nothing_else_does(nlp: Any) -> None:
    text = "Paul Mercier affirme se trouver à Brionne avec ses troupes."
    assert _place_of(nlp, text, "affirme") == "Brionne"


@pytest.mark.parametrize("text,trigger", [
    ("Un cargo a percuté une pile du pont Valère mardi.", "percuté"),
    ("Des avions ont bombardé un hangar du dépôt Valère dans la nuit.", "bombardé"),
])
def test_the_site_an_attack_or_an_accident_hits_is_its_place(nlp: Any, text: str, trigger: str) -> None:
    c = one(analyze(nlp, text, {"pont Valère": "place", "dépôt Valère": "place"}), trigger)
    assert c.place is not None and c.place.text.endswith("Valère")


def test_a_site_named_with_its_town_is_the_events_place(nlp: Any) -> None:
    text = "L'avion s'est posé à Castelnau, à l'aéroport Valère, dans la nuit."
    c = one(analyze(nlp, text, {"Castelnau": "place", "aéroport Valère": "place"}), "posé")
    assert c.place is not None and c.place.text == "aéroport Valère"


@pytest.mark.parametrize("text,trigger,etype", [
    ("Des soldats ont enfermé le maire de Brionne dans la mairie.", "enfermé", "military_action"),
    ("Les ouvriers ont démonté la tribune installée à Brionne.", "démonté", "other"),
    ("Trois rescapés ont été retrouvés près de Brionne mercredi.", "retrouvés", "other"),
])
def test_confining_dismantling_and_finding(nlp: Any, text: str, trigger: str, etype: str) -> None:
    # confining someone is a hostile act like sequestering; 'être retrouvé' is a find, not a meeting
    c = one(analyze(nlp, text, {"Brionne": "place"}), trigger)
    assert c.type == etype


@pytest.mark.parametrize("text,trigger,etype", [
    ("Des milliers de manifestants ont envahi la mairie de Brionne samedi.", "envahi", "other"),
    ("Des émeutiers ont attaqué le commissariat de Brionne samedi.", "attaqué", "other"),
    ("Les blindés ont attaqué Brionne samedi.", "attaqué", "military_action"),
])
def test_a_crowds_attack_is_unrest(nlp: Any, text: str, trigger: str, etype: str) -> None:
    c = one(analyze(nlp, text, {"Brionne": "place"}), trigger)
    assert c.type == etype


@pytest.mark.parametrize("text,agreement", [
    ("Paul Mercier et Claire Fontaine sont convenus jeudi d'un nouveau calendrier.", True),
    ("Les deux pays ont convenu de rouvrir la frontière.", True),
    ("Paul Mercier convient que le calendrier est serré.", False),
])
def test_agreeing_together_is_an_agreement(nlp: Any, text: str, agreement: bool) -> None:
    names = {"Paul Mercier": "person", "Claire Fontaine": "person"}
    cues = analyze(nlp, text, {k: v for k, v in names.items() if k in text})
    assert bool([c for c in cues if c.span.text.startswith("conv") and c.type == "agreement"]) == agreement


@pytest.mark.parametrize("text,trigger,found", [
    ("Les autorités portuaires ont indiqué mardi que le quai resterait fermé.", "indiqué", True),
    ("Le parquet a annoncé jeudi l'ouverture d'une enquête.", "annoncé", True),
    ("On a annoncé jeudi l'ouverture d'une enquête.", "annoncé", False),
    ("Voici ce qu'ont annoncé les autorités portuaires.", "annoncé", False),
])
def test_a_statement_by_an_unnamed_but_definite_speaker(nlp: Any, text: str, trigger: str, found: bool) -> None:
    # the authorities, the prosecutor's office: someone the text sets apart speaks, though unnamed
    cues = [c for c in analyze(nlp, text, {}) if c.type == "statement" and c.span.text == trigger]
    assert bool(cues) == found and all(not c.participants for c in cues)


@pytest.mark.parametrize("text,trigger,etype", [
    ("Valmorie a suspendu lundi son aide budgétaire à Brionne.", "suspendu", "sanction"),
    ("Valmorie a suspendu lundi la séance du conseil.", "suspendu", "other"),
    ("Valmorie a gelé les avoirs de Paul Mercier.", "gelé", "sanction"),
    ("Valmorie a expulsé deux diplomates jeudi.", "expulsé", "sanction"),
    ("Paul Mercier a accepté la proposition de Claire Fontaine.", "accepté", "agreement"),
])
def test_what_a_decision_acts_on_can_make_it_a_sanction(nlp: Any, text: str, trigger: str, etype: str) -> None:
    names = {"Valmorie": "country", "Brionne": "place", "Paul Mercier": "person", "Claire Fontaine": "person"}
    c = one(analyze(nlp, text, {k: v for k, v in names.items() if k in text}), trigger)
    assert c.type == etype


def test_a_past_told_under_an_announcement_happened(nlp: Any) -> None:
    names = {"Paul Mercier": "person", "Claire Fontaine": "person"}
    text = "La présidence annonce que Paul Mercier a accepté la proposition de Claire Fontaine."
    c = one(analyze(nlp, text, names), "accepté")
    assert c.status == "happened"
    text = "La présidence annonce que Paul Mercier acceptera la proposition de Claire Fontaine."
    assert one(analyze(nlp, text, names), "acceptera").status == "planned"


@pytest.mark.parametrize("text,trigger,etype,found", [
    ("Un nouveau sommet a ordonné mardi le retrait des troupes.", "sommet", "meeting", True),
    ("Un sommet reste possible.", "sommet", "meeting", False),
    ("Les ministres, réunis lundi à Brionne, ont adopté un plan.", "réunis", "meeting", True),
    ("Des signaux de détresse ont été captés dans la nuit.", "captés", "other", True),
])
def test_happenings_told_without_a_name(nlp: Any, text: str, trigger: str, etype: str, found: bool) -> None:
    # a happening that did something is an event of its own; a convened body's participle is its meeting
    cues = [c for c in analyze(nlp, text, {"Brionne": "place"} if "Brionne" in text else {}) if c.span.text == trigger]
    assert bool(cues) == found and all(c.type == etype for c in cues)


@pytest.mark.parametrize("text,trigger", [
    ("L'atterrissage à l'aéroport de Brionne était prévu à midi. L'avion du ministre s'y est posé dès 11h20.", "posé"),
    ("L'avion s'est écrasé près de Brionne. Huit corps ont été retrouvés sur les lieux.", "retrouvés"),
])
def test_a_place_said_by_y_or_sur_les_lieux_is_the_one_named_before(nlp: Any, text: str, trigger: str) -> None:
    names = {"aéroport de Brionne": "place"} if "aéroport" in text else {"Brionne": "place"}
    c = one(analyze(nlp, text, names), trigger)
    # ("sur les lieux" is the scene: here the crash's own place, which is the one named before)
    assert c.place is not None and "Brionne" in c.place.text and c.attrs.get("place_from") in ("anaphor", "scene")


@pytest.mark.parametrize("text,trigger,etype,status", [
    ("Des assaillants ont ouvert le feu lundi devant la mairie.", "ouvert", "military_action", "happened"),
    ("Valmorie a annoncé avoir libéré douze prisonniers.", "libéré", "transfer", "happened"),
    ("Valmorie a annoncé vouloir libérer douze prisonniers.", "libérer", "transfer", "not happened"),
    ("Valmorie a confirmé mardi une prolongation de la trêve.", "prolongation", "agreement", None),
    ("Les deux camps ont prolongé la trêve de deux jours.", "prolongé", "agreement", "happened"),
])
def test_opening_fire_freeing_people_extending_a_truce(nlp: Any, text: str, trigger: str, etype: str, status: str | None) -> None:
    c = one(analyze(nlp, text, {"Valmorie": "country"} if "Valmorie" in text else {}), trigger)
    assert c.type == etype
    assert status is None or (c.status != "happened" if status == "not happened" else c.status == status)


@pytest.mark.parametrize("text,trigger,etype,status,found", [
    ("Le cyclone a frappé le nord du pays dimanche.", "frappé", "other", "happened", True),
    ("La tempête a balayé la côte dans la nuit.", "balayé", "other", "happened", True),
    ("Le ministre a balayé les critiques.", "balayé", "other", None, False),
    ("Paul Mercier est attendu jeudi à Brionne.", "attendu", "arrival", "planned", True),
    ("Le rapport est attendu jeudi.", "attendu", "arrival", None, False),
    ("Les secours attendent des renforts à Brionne.", "attendent", "arrival", None, False),
    ("Le convoi a pris la route de Brionne vers midi.", "pris", "travel", "happened", True),
])
def test_storms_striking_expected_arrivals_taking_the_road(nlp: Any, text: str, trigger: str, etype: str,
                                                             status: str | None, found: bool) -> None:
    names = {k: v for k, v in {"Paul Mercier": "person", "Brionne": "place"}.items() if k in text}
    cues = [c for c in analyze(nlp, text, names) if c.span.text == trigger]
    assert bool(cues) == found
    assert all(c.type == etype and (status is None or c.status == status) for c in cues)


@pytest.mark.parametrize("text,trigger,etype,subtype", [
    ("Le maire réclame une enquête indépendante.", "réclame", "statement", None),
    ("Les plongeurs reprendront une opération de récupération des corps à Brionne.", "opération", "other", "rescue"),
    ("Dimanche, les plongeurs ont retrouvé le corps d'une victime.", "retrouvé", "other", "rescue"),
    ("Lundi, des charges explosives ont abattu la travée du pont.", "abattu", "other", "demolition"),
    ("Les forces ont abattu un drone lundi.", "abattu", "military_action", None),
])
def test_regular_forms_and_readings_by_what_is_acted_on(nlp: Any, text: str, trigger: str, etype: str, subtype: str | None) -> None:
    # "réclame" lemmatised as the noun is still the verb; a rescue operation, a body found, a span brought down
    c = one(analyze(nlp, text, {"Brionne": "place"} if "Brionne" in text else {}), trigger)
    assert c.type == etype and c.attrs.get("subtype") == subtype


@pytest.mark.parametrize("text,trigger,etype,found", [
    ("Le président a réuni lundi les responsables de la sécurité.", "réuni", "meeting", True),
    ("Le comité a réuni des fonds lundi.", "réuni", "meeting", False),
    ("La préfecture avait ouvert samedi des abris dans les écoles.", "ouvert", "other", True),
])
def test_convening_people_and_opening_shelters(nlp: Any, text: str, trigger: str, etype: str, found: bool) -> None:
    cues = [c for c in analyze(nlp, text, {}) if c.span.text == trigger]
    assert bool(cues) == found and all(c.type == etype for c in cues)


@pytest.mark.parametrize("text,found", [
    ("Paul Mercier ira à Brionne la semaine prochaine.", True),
    ("Ça va mieux à Brionne.", False),
])
def test_going_somewhere_is_a_journey(nlp: Any, text: str, found: bool) -> None:
    names = {k: v for k, v in {"Paul Mercier": "person", "Brionne": "place"}.items() if k in text}
    cues = [c for c in analyze(nlp, text, names) if c.attrs.get("trigger") == "aller"]
    assert bool(cues) == found and all(c.type == "travel" for c in cues)


@pytest.mark.parametrize("text,place", [
    ("Les secours ont ratissé lundi une zone plus vaste que la Brionne.", None),
    ("La tempête la plus violente que la Brionne ait connue a frappé lundi la côte de Brionne.", "Brionne"),
])
def test_a_place_something_is_compared_with_is_no_place(nlp: Any, text: str, place: str | None) -> None:
    cues = [c for c in analyze(nlp, text, {"Brionne": "place"}) if c.type == "other"]
    assert cues and all((c.place.text if c.place else None) == place for c in cues[:1])


def test_a_minute_of_silence_is_a_ceremony(nlp: Any) -> None:
    c = one(analyze(nlp, "Paul Mercier a fait observer une minute de silence devant la mairie.", {"Paul Mercier": "person"}), "minute")
    assert c.type == "other" and c.attrs.get("subtype") == "ceremony"


def test_voicing_reservations_is_a_statement(nlp: Any) -> None:
    c = one(analyze(nlp, "Paul Mercier a émis des réserves sur le projet.", {"Paul Mercier": "person"}), "émis")
    assert c.type == "statement"


def test_a_light_verbs_noun_the_tagger_calls_an_adjective(nlp: Any) -> None:
    # "a fait escale": the French tagger reads "escale" as an adjective
    text = "L'avion a fait escale dans la nuit sur la base de Brionne."
    assert [t.pos_ for t in nlp(text) if t.text == "escale"] == ["ADJ"]
    cues = analyze(nlp, text, {"base de Brionne": "place"}, times=[("dans la nuit", "2024-03-04", "day", "fait")])
    assert [c for c in cues if c.attrs.get("trigger") == "escale"]


def test_an_event_nouns_subject_phrase_keeps_its_own_time_and_place(nlp: Any) -> None:
    # the visit's place and month are not those of the meeting it announced
    text = "La visite d'une délégation à Brionne en juillet annonçait une rencontre entre Paul Mercier et Claire Fontaine."
    names = {"Brionne": "place", "Paul Mercier": "person", "Claire Fontaine": "person"}
    cues = analyze(nlp, text, names, published="2023-09-12", times=[("en juillet", "2023-07", "month", "annonçait")])
    meeting = one(cues, "rencontre")
    assert meeting.place is None and (meeting.time is None or meeting.time.value != "2023-07")


@pytest.mark.parametrize("text", [
    "Paul Mercier a présenté des missiles conçus pour cibler Valmorie.",
    "L'armée a montré des drones capables de cibler Valmorie.",
])
def test_what_a_thing_is_made_to_do_is_no_happening(nlp: Any, text: str) -> None:
    names = {k: v for k, v in {"Paul Mercier": "person", "Valmorie": "country"}.items() if k in text}
    assert not [c for c in analyze(nlp, text, names) if c.type == "military_action"]


@pytest.mark.parametrize(("text", "trigger"), [
    ("La cérémonie de remise des prix est prévue samedi à Brionne.", "cérémonie"),
    ("Les négociations sont programmées pour la semaine prochaine à Brionne.", "négociations"),
])
def test_an_event_said_to_be_scheduled_is_planned(nlp: Any, text: str, trigger: str) -> None:
    # a participle written agreeing with its subject ("prévue", "programmées") is the pack's planned predicate
    assert one(analyze(nlp, text, {"Brionne": "place"}), trigger).status == "planned"


@pytest.mark.parametrize(("text", "etype"), [
    ("La ministre Anne Dupont a livré mardi son analyse de la crise devant les députés.", "statement"),
    ("L'armée de Valmorie a livré des obus aux rebelles mardi.", "transfer"),
])
def test_delivering_ones_account_is_speaking(nlp: Any, text: str, etype: str) -> None:
    # "livrer sa version, son analyse": to give an account; "livrer des obus": to hand over goods
    names = {"Anne Dupont": "person", "Valmorie": "country"}
    assert one(analyze(nlp, text, names), "livré").type == etype
