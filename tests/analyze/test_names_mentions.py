"""Mentions the recogniser misses or cuts, on sentences written for the tests: datelines and bylines, region and facility
heads, definite descriptions, a country's state, national bodies, enumerations of titles, seats of power as places."""

from __future__ import annotations

import pytest

from recoupe.analyze.runner import Analyzer
from recoupe.model import Document, Mention


def _analyzer(language: str):  # type: ignore[no-untyped-def]
    analyzer = Analyzer(["names"])

    def run(text: str) -> list[Mention]:
        return analyzer.analyze(Document(id="d", source="t", text=text, language=language)).mentions

    return run


@pytest.fixture(scope="module")
def analyze():  # type: ignore[no-untyped-def]
    return _analyzer("fr")


def _by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.span.text: m for m in mentions}


def test_names_dateline_place_and_agency(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("TROMSØ (Norvège), 4 mars 2021 (NTB) - Une avalanche a coupé la route du port."))
    assert got["TROMSØ"].label == "place"
    assert "NTB" in got  # the agency of the dispatch is named too


def test_names_dateline_after_a_stamp_on_the_same_line(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Mis à jour à 10h02 BERGEN (Norvège), 5 mars (NTB) - La route a rouvert."))
    assert got["BERGEN"].label == "place"


def test_names_byline_in_capitals_is_a_person(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Une tempête sur la côte\n\nPar MARTINE DELORME\n\nLa pluie n'a pas cessé depuis lundi."))
    assert got["MARTINE DELORME"].label == "person" and got["MARTINE DELORME"].attrs["furniture"] == "byline"


def test_names_photo_credit_names_the_photographer_and_the_agency(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Une tempête sur la côte\n\nPHOTO MARTINE DELORME / OUEST IMAGES – La digue après la tempête.\n\n"
                           "La pluie n'a pas cessé depuis lundi."))
    assert got["MARTINE DELORME"].label == "person" and got["MARTINE DELORME"].attrs["furniture"] == "photo"
    assert got["OUEST IMAGES"].attrs["furniture"] == "photo"
    assert "La digue après la tempête" not in got  # the caption is no name


def test_names_a_dateline_from_two_places_names_both(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("OSLO/BERGEN, 4 mars (NTB) - Une avalanche a coupé la route du port."))
    assert got["OSLO"].label == "place" and got["BERGEN"].label == "place"


def test_names_region_head_stays_on_the_place_name(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Des coupures d'électricité ont touché la région de Poltava dimanche."))
    assert "région de Poltava" in got and got["région de Poltava"].label == "place"


def test_names_facility_head_stays_on_the_place_name(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Un camion est tombé du pont de Tczew mardi soir."))
    assert "pont de Tczew" in got


@pytest.mark.parametrize(("text", "span", "classes"), [
    ("Le cargo Stella Maris a heurté un quai. Le navire a été remorqué.", "Le navire", ["ship"]),
    ("Lundi, Tarnów a fêté son maire. La ville compte 100 000 habitants.", "La ville", ["town"]),
    ("Le groupe Sokol a signé un contrat. Le groupe emploie 300 personnes.", "Le groupe", ["group", "company"]),
])
def test_names_definite_description_with_its_class(analyze, text: str, span: str, classes: list[str]) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze(text))
    assert got[span].kind == "description" and got[span].attrs["classes"] == classes


def test_names_description_with_a_complement_is_another_thing(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Le port de pêche a fermé. Le groupe de travail se réunira demain."))
    assert not any(m.kind == "description" for m in got.values())


def test_names_a_countrys_government_is_the_country(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Le gouvernement polonais a démenti, comme les autorités lituaniennes."))
    assert got["gouvernement polonais"].label == "country" and got["gouvernement polonais"].attrs["country"] == "PL"
    assert got["autorités lituaniennes"].attrs["country"] == "LT"


def test_names_national_body_is_one_organisation(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("L'armée polonaise a rappelé ses réservistes."))
    assert got["armée polonaise"].label == "organization" and got["armée polonaise"].head == "body:armee|PL"


def test_names_enumerated_titles_each_name_their_own_holder(analyze) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre Paul Durand et le gouverneur Jean Dupuis ont signé, comme le maire Luc Petit, le préfet Marc Roy."
    ms = analyze(text)
    apposed = {m.span.text: text[m.attrs["apposed"][0]:m.attrs["apposed"][1]] for m in ms if m.attrs.get("apposed")}
    assert apposed["Le ministre"] == "Paul Durand" and apposed["le gouverneur"] == "Jean Dupuis"
    assert apposed.get("le maire") == "Luc Petit" and apposed.get("le préfet") == "Marc Roy"


def test_names_a_comma_that_closes_a_phrase_is_no_apposition(analyze) -> None:  # type: ignore[no-untyped-def]
    ms = analyze("Selon le président chilien, Vega et ses conseillers sont partis. Le président chilien, Rodrigo Vega, a parlé.")
    by = {(m.span.text, m.span.start): m for m in ms}
    first = [m for (t, _), m in by.items() if t == "le président chilien"]
    second = [m for (t, _), m in by.items() if t == "Le président chilien"]
    assert first and not first[0].attrs.get("apposed")
    assert second and second[0].attrs.get("apposed")


@pytest.mark.parametrize(("text", "span", "country"), [
    ("Le président du Pérou a démissionné.", "Le président du Pérou", "PE"),
    ("Le maître du Kremlin a tranché.", "Le maître du Kremlin", "RU"),
])
def test_names_complement_naming_a_country_or_its_seat_gives_the_epithet_its_country(analyze, text, span, country) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze(text))
    assert got[span].kind == "epithet" and got[span].attrs["country"] == country


def test_names_role_with_a_body_complement(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Le patron de Sokol a démissionné."))
    e = got["Le patron de Sokol"]
    assert e.head == "patron||de sokol" and e.attrs.get("body_group") == "leader" and e.attrs["role_group"] is None


def test_names_seat_of_power_after_a_preposition_of_place_is_the_building(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Les deux hommes se sont retrouvés au Kremlin. Le Kremlin a démenti."))
    places = [m for m in analyze("Les deux hommes se sont retrouvés au Kremlin.") if m.span.text == "Kremlin"]
    assert places and places[0].label == "place" and places[0].attrs["seat_place"]
    assert got["Kremlin"].attrs.get("seat_of_power")


def test_names_country_name_in_a_heading(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("## Pérou : la crise s'aggrave\n\nLes manifestations continuent."))
    assert got["Pérou"].label == "country"


def test_names_a_name_a_class_noun_introduces_keeps_that_type_in_the_article(analyze) -> None:  # type: ignore[no-untyped-def]
    got = analyze("Le cyclone Belal a frappé lundi. Belal a tout détruit sur son passage.")
    assert {m.label for m in got if m.span.text.endswith("Belal")} <= {"other"}


def test_names_a_place_after_a_preposition_is_a_place_wherever_the_article_writes_it(analyze) -> None:  # type: ignore[no-untyped-def]
    got = analyze("À Tsingoni, l'eau manque. Deux victimes ont été recensées à Tsingoni, selon la mairie. Tsingoni attend.")
    assert {m.label for m in got if m.span.text == "Tsingoni"} == {"place"}


def test_names_an_article_and_common_words_are_no_name() -> None:
    from recoupe import lang
    from recoupe.analyze.names import _article_and_common_words

    det = lang.pack("fr").names.patterns["leading_det"]
    assert _article_and_common_words("Le même jour", det) and _article_and_common_words("La veille au soir", det)
    assert not _article_and_common_words("Le Havre", det) and not _article_and_common_words("La Paz", det)
    assert not _article_and_common_words("Lima", det)


def test_names_a_name_cut_before_its_last_proper_noun_takes_it_back() -> None:
    # the recogniser sometimes stops after the given name (and the parser starts a sentence at the surname)
    from spacy.tokens import Span as SpacySpan

    from recoupe.analyze.names import _extend_cut_name
    from recoupe.analyze.nlp import load

    sdoc = load("fr")("À 21 h 10, Ilan Varsanyi annonce la fin des recherches.")
    i = next(t.i for t in sdoc if t.text == "Ilan")
    sdoc.ents = [SpacySpan(sdoc, i, i + 1, label="LOC")]
    end = _extend_cut_name(sdoc, i + 1, sdoc[i].idx + len("Ilan"), frozenset({"lundi"}))
    assert sdoc.text[sdoc[i].idx:end] == "Ilan Varsanyi"
    sdoc2 = load("fr")("À 21 h 10, Ilan lundi annonce la fin des recherches.")
    j = next(t.i for t in sdoc2 if t.text == "Ilan")
    sdoc2.ents = [SpacySpan(sdoc2, j, j + 1, label="LOC")]
    assert _extend_cut_name(sdoc2, j + 1, sdoc2[j].idx + 4, frozenset({"lundi"})) == sdoc2[j].idx + 4


@pytest.fixture(scope="module")
def analyze_en():  # type: ignore[no-untyped-def]
    return _analyzer("en")


def test_names_proper_nouns_the_recogniser_left_out_are_names(analyze_en) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze_en("Flight-tracking data published by Skyradar24 suggest the descent was sudden."))
    assert got["Skyradar24"].kind == "name" and got["Skyradar24"].attrs.get("unrecognised")
    got = _by_text(analyze_en("The plane belonged to the company KTL-Aero."))
    assert "KTL-Aero" in got  # a hyphened name is one name


def test_names_capitalised_words_are_no_proper_nouns_at_a_sentence_start_or_as_a_title(analyze_en) -> None:  # type: ignore[no-untyped-def]
    assert not analyze_en("Recovery was staged in two phases.")
    got = _by_text(analyze_en("Lt. Gen. Paul Mercier said the channel was open."))
    assert "Lt" not in got and "Gen" not in got


def test_names_a_rubric_label_before_the_bar_is_no_name(analyze_en) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze_en("Brionne Harbour Brief No. 4 | Valmorie Freight Institute\n\nThe debris field lies near the wreck."))
    assert not any(t.startswith("Brionne") for t in got)
    got = _by_text(analyze_en("The debris field lies near the wreck, said the Brionne Harbour Brief No. 4 on Monday."))
    assert any(t.startswith("Brionne") for t in got)  # the same words in a sentence are a name


def test_names_a_word_shaped_as_a_name_is_one_whatever_the_tagger_says(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Outre le pilote figuraient à bord trois passagers, dans la région de Brionne, selon les "
                           "données du site de suivi Avionet24. Outre Mercier figuraient"))
    assert got["Avionet24"].attrs.get("unrecognised")
    # a phrase in capitals is a heading, a generic acronym no name
    got = _by_text(analyze("Les secours sont arrivés lundi.\n\n- À SUIVRE. Mardi, un nouvel échange est attendu. "
                           "Insuffisant, jugent les ONG."))
    assert "SUIVRE" not in got and "ONG" not in got


def test_names_an_organisation_phrase_the_recogniser_missed_whole_is_one_name(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Un avion de l'armée de l'Air s'était posé à Brionne vers 2h30."))
    assert got["armée de l'Air"].label == "organization"


def test_names_a_byline_after_a_rubrics_bar(analyze_en) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze_en("French troops leave Valmorie, ending a decade of deployments\n\nANALYSIS | By Tom MERCIER\n\n"
                              "The final contingent of soldiers left the country."))
    assert got["Tom MERCIER"].label == "person" and got["Tom MERCIER"].attrs["furniture"] == "byline"


def test_names_an_occupation_with_a_nationality_before_a_name_is_an_epithet(analyze_en) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze_en("On board were the pilot and Canadian businessman Paul Mercier, who had paid for the dive."))
    assert got["Canadian businessman"].kind == "epithet" and got["Canadian businessman"].attrs.get("apposed")


def test_names_an_english_national_body_puts_the_nationality_first(analyze_en) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze_en("The Norwegian army said the road to Brionne was cut."))
    assert got["Norwegian army"].attrs.get("body") == "army|NO"


def test_names_a_compound_of_capitalised_parts_opening_a_line_is_a_name(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Les marchés ont reculé.\n\nProche-Orient : les ports se vident, les navires restent au large."))
    assert "Proche-Orient" in got
    assert not analyze("Porte-parole du gouvernement, il a parlé lundi.")  # a common compound keeps a small letter


def test_names_a_time_zone_is_no_name(analyze, analyze_en) -> None:  # type: ignore[no-untyped-def]
    assert "GMT" not in _by_text(analyze("Le ferry a coulé mardi vers 2h du matin (1h GMT) au large de Brionne."))
    assert "GMT" not in _by_text(analyze_en("The ferry sank off Brionne at 2 a.m. (0100 GMT) on Tuesday."))


def test_names_a_hyphenated_place_name_cut_after_its_joining_word_is_whole(analyze) -> None:  # type: ignore[no-untyped-def]
    # the recogniser stops at "Charleville-sur-la"
    m = _by_text(analyze("Lire aussi : Charleville-sur-la-Meuse, un bourg de la vallée"))
    assert "Charleville-sur-la-Meuse" in m and m["Charleville-sur-la-Meuse"].label == "place"


def test_names_a_name_the_recogniser_cut_is_the_one_its_acronym_spells_out() -> None:
    text = "Un officier a lu un texte au nom d'un Conseil national pour la défense de la république (CNDR) lundi."
    # the recogniser read only "Conseil national" (as it does in long paragraphs)
    got = _names_with_ents(text, [("Conseil national", "ORG")])
    assert "Conseil national pour la défense de la république" in got and "Conseil national" not in got
    assert got["CNDR"].attrs["expansion"] == "Conseil national pour la défense de la république"


def test_names_a_nationality_beside_a_vehicle_or_a_flag_is_its_country(analyze) -> None:  # type: ignore[no-untyped-def]
    got = [(m.span.text, m.label, m.attrs.get("country")) for m in analyze(
        "Un hélicoptère danois a survolé la zone lundi. Le chalutier, battant pavillon islandais, a coulé. "
        "Le ministre danois a salué les secours.") if m.label == "country"]
    assert ("danois", "country", "DK") in got and ("islandais", "country", "IS") in got
    assert len(got) == 2  # (a minister's nationality belongs to his epithet)


def test_names_a_span_the_recogniser_ended_on_a_linking_word_joins_the_name_after_it() -> None:
    # the recogniser read "épave du" and "Lusitania" (as it does in long paragraphs)
    got = _names_with_ents("Les plongeurs ont rejoint lundi l'épave du Lusitania au large de Kinsale.",
                           [("épave du", "MISC"), ("Lusitania", "MISC")])
    assert "épave du Lusitania" in got and "épave du" not in got


def test_names_a_role_word_heading_a_compound_is_no_role(analyze) -> None:  # type: ignore[no-untyped-def]
    got = {(m.span.text, m.kind) for m in analyze("Les secours ont enfin rejoint le chef-lieu lundi soir.")}
    assert not any(k == "epithet" for _, k in got) and ("le chef-lieu", "description") in got


def test_names_a_holder_glued_to_the_end_of_his_title_is_cut_from_it() -> None:
    text = "La vidéo montre le général face au vice-ministre de la Santé Oleg Varnakov dans un couloir."
    # the recogniser read "Santé Oleg Varnakov" as one name
    got = _names_with_ents(text, [("Santé Oleg Varnakov", "PER")])
    assert "Oleg Varnakov" in got and "vice-ministre de la Santé" in got
    assert got["vice-ministre de la Santé"].attrs["apposed"] == [text.index("Oleg"), text.index(" dans")]


def _names_with_ents(text: str, ents: list[tuple[str, str]]) -> dict[str, Mention]:
    """The names component on a text whose recogniser output is set by hand (each a piece of the text and its label):
    the cut or glued spans a recogniser gives in long paragraphs, which short test sentences do not provoke."""
    from recoupe import lang
    from recoupe.analyze import nlp
    from recoupe.analyze.names import names
    from recoupe.analyze.registry import Context
    from recoupe.model import Analysis

    sdoc = nlp.load("fr")(text)
    sdoc.ents = [sdoc.char_span(text.index(piece), text.index(piece) + len(piece), label=label) for piece, label in ents]
    ctx = Context(document=Document(id="d", source="t", text=text, language="fr"), sdoc=sdoc,
                  analysis=Analysis(doc="d", version="t", sentences=[(0, len(text))]), pack=lang.pack("fr"))
    return {m.span.text: m for m in names(ctx)["mentions"]}


def test_names_a_byline_names_the_whole_author_the_recogniser_cut() -> None:
    # the recogniser read only the given name of the byline
    got = _names_with_ents("Le pont s'est effondré\nPar Mathilde GARNIER\nLe rapport a été publié mardi.",
                           [("Mathilde", "PER")])
    assert "Mathilde GARNIER" in got and got["Mathilde GARNIER"].attrs.get("furniture") == "byline"


def test_names_a_compound_of_capitalised_parts_cut_at_its_hyphen_is_whole() -> None:
    # the recogniser read "Proche" of "Proche-Orient", and "Chine" of "Chine-Japon" (a country: two names)
    got = _names_with_ents("Les tensions au Proche-Orient inquiètent. Le sommet Chine-Japon est reporté.",
                           [("Proche", "LOC"), ("Chine", "LOC")])
    assert "Proche-Orient" in got and "Proche" not in got and "Chine-Japon" not in got


def test_names_an_institution_written_with_one_capital_is_whole(analyze) -> None:  # type: ignore[no-untyped-def]
    # the head noun with its lower-case adjectives and complements, to the name closing them
    got = _by_text(analyze("Dans la soirée, le Comité d'enquête a ouvert une procédure contre deux pilotes de ligne. "
                           "Le rapport du Bureau de la sécurité des transports du Portugal sera publié en mars."))
    assert got["Comité d'enquête"].label == "organization"
    assert got["Bureau de la sécurité des transports du Portugal"].label == "organization"
    assert "Portugal" not in got  # a word of the institution's name, not a mention of its own
    # a capitalised head with no lower-case word after it is left as the recogniser read it
    got = _by_text(analyze("Le Conseil a voté hier soir à Lisbonne."))
    assert "Conseil a" not in got


def test_names_an_acronym_may_keep_a_short_word_s_initial_or_be_written_as_a_word(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Hier, la Communauté économique des États de l'Afrique centrale (Ceeac) a réuni ses membres à "
                           "Libreville. Le sommet de l'Union africaine (UA) suivra."))
    assert got["Ceeac"].attrs.get("expansion") == "Communauté économique des États de l'Afrique centrale"
    assert got["UA"].attrs.get("expansion") == "Union africaine"  # the name after its elided article
    got = _by_text(analyze("Le Fonds de développement des énergies rurales (FDDER) a été créé en mai."))
    assert got["FDDER"].attrs.get("expansion") == "Fonds de développement des énergies rurales"


def test_names_a_description_keeps_the_size_written_after_it(analyze) -> None:  # type: ignore[no-untyped-def]
    got = _by_text(analyze("Le cargo Polaris a quitté Brest lundi. Le navire de 190 mètres a heurté une digue. "
                           "L'ouvrage de 1,2 km a cédé. Le port de pêche est fermé."))
    assert got["Le navire de 190 mètres"].kind == "description"
    assert got["L'ouvrage de 1,2 km"].label == "place"
    assert not any(t.startswith("Le port") for t in got)  # another complement still makes it another thing
