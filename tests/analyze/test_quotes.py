"""The quotes component: each quoting and attribution pattern, on sentences written for the tests."""

from __future__ import annotations

import pytest

from recoupe.analyze.quotes import scan_marks
from tests.analyze.speech_harness import Run, quote_starting


@pytest.mark.parametrize("text, quote, speaker", [
    # incise after the quote, compound past, name
    ("« Nous allons reconstruire le pont avant l'hiver », a déclaré Marie Dubois.", "Nous allons", "Marie Dubois"),
    # incise in the present with the addressee before the speaker
    ("« Les travaux commenceront en mars », confie à l'AFP Hugo Lambert, ingénieur à Lyon.", "Les travaux", "Hugo Lambert"),
    # inverted verb with a title as speaker
    ("« La digue a tenu », a indiqué le porte-parole de la préfecture.", "La digue", "le porte-parole de la préfecture"),
    # an agency named after its title
    ("« Le barrage est fermé », a rapporté mardi l'agence de presse Belga.", "Le barrage", "Belga"),
    # colon after a named speaker
    ("Le maire Jean Morel a prévenu : « Personne ne sera expulsé de son logement. »", "Personne ne", "Jean Morel"),
    # "selon X" with an apposed name
    ("Les fouilles dureront « plusieurs années », selon le directeur du musée, Paul Girard.", "plusieurs années", "Paul Girard"),
    # governing speech verb before the quote
    ("Claire Martin a affirmé que les usines restaient « pleinement opérationnelles malgré la grève ».",
     "pleinement", "Claire Martin"),
    # "Pour X," at the head of the sentence
    ("Pour Anne Petit, de l'université de Rennes, « la réforme arrive trop tard pour les agriculteurs ».",
     "la réforme", "Anne Petit"),
    # a quote spanning two sentences, attributed after it
    ("« Nous partons demain. Le convoi est prêt depuis lundi », a précisé Louis Garnier.", "Nous partons", "Louis Garnier"),
    # "pour citer X"
    ("La crise relève d'« une époque révolue de la diplomatie » pour citer Émile Rousseau.", "une époque", "Émile Rousseau"),
])
def test_quotes_speaker_patterns(analyze_text: Run, text: str, quote: str, speaker: str) -> None:
    q = quote_starting(analyze_text(text), quote)
    assert q.speaker_text == speaker
    assert q.speaker_span is not None and q.speaker_span.text == speaker
    assert q.attribution is not None and q.attribution.text in text


def test_quotes_inverted_pronoun_refers_to_the_person_before(analyze_text: Run) -> None:
    a = analyze_text("Pour l'économiste Paul Girard, les prix vont encore monter. "
                     "« Les loyers augmenteront de dix pour cent », dit-il à Reuters.")
    q = quote_starting(a, "Les loyers")
    assert q.speaker_text == "Paul Girard"
    assert q.attribution is not None and "dit-il" in q.attribution.text


def test_quotes_a_t_il_ajoute_carries_the_previous_speaker(analyze_text: Run) -> None:
    a = analyze_text("« Le stade sera prêt en juin », a assuré Marc Lefèvre. "
                     "« Les tribunes seront couvertes », a-t-il ajouté.")
    assert quote_starting(a, "Les tribunes").speaker_text == "Marc Lefèvre"


def test_quotes_bare_title_refers_to_the_previous_speaker(analyze_text: Run) -> None:
    a = analyze_text("« La récolte sera mauvaise », a averti Julie Moreau, agronome à Dijon. "
                     "Une telle baisse constituerait « un choc pour les éleveurs de la région », estime l'agronome.")
    assert quote_starting(a, "un choc").speaker_text == "Julie Moreau"


def test_quotes_unattributed_quote_after_a_quote_keeps_its_speaker(analyze_text: Run) -> None:
    a = analyze_text("« Le port restera ouvert toute la nuit », a annoncé Sarah Klein.\n\n"
                     "En cas de tempête, « les navires seront déroutés vers le nord du pays ».")
    q = quote_starting(a, "les navires")
    assert q.speaker_text == "Sarah Klein" and q.attribution is None


def test_quotes_interrupted_by_an_incise_are_two_quotes_with_one_speaker(analyze_text: Run) -> None:
    a = analyze_text("« La ville est prête », a affirmé Sophie Leroy, « et nous attendons les visiteurs dès samedi ».")
    first, second = quote_starting(a, "La ville"), quote_starting(a, "et nous")
    assert first.speaker_text == second.speaker_text == "Sophie Leroy"


def test_quotes_every_sentence_quote_shares_the_final_incise(analyze_text: Run) -> None:
    a = analyze_text("Cela ne changera pas « la donne » et « les électeurs s'en souviendront », a déclaré Pierre Blanc.")
    assert quote_starting(a, "la donne").speaker_text == "Pierre Blanc"
    assert quote_starting(a, "les électeurs").speaker_text == "Pierre Blanc"


@pytest.mark.parametrize("text", [
    "Le quartier est devenu une « zone grise » depuis la fermeture des usines.",
    "La ville vit une « renaissance » depuis le retour du tramway.",
    "Les fêtes du « Grand Pardon de la Mer » attirent chaque année des milliers de visiteurs.",
])
def test_quotes_scare_quotes_and_names_are_not_quotes(analyze_text: Run, text: str) -> None:
    assert analyze_text(text).quotes == []


def test_quotes_short_quote_counts_when_someone_said_it(analyze_text: Run) -> None:
    a = analyze_text("Le ministre Paul Roux a dénoncé une « provocation » lors de sa conférence de presse.")
    assert quote_starting(a, "provocation").speaker_text == "Paul Roux"


def test_quotes_nested_marks_stay_inside_the_outer_quote(analyze_text: Run) -> None:
    a = analyze_text("« Il m'a dit “courage” avant de monter dans le bus », raconte Anne Petit.")
    assert len(a.quotes) == 1
    assert a.quotes[0].span.text == "Il m'a dit “courage” avant de monter dans le bus"
    assert a.quotes[0].speaker_text == "Anne Petit"


@pytest.mark.parametrize("text, inner", [
    ("Elle a lancé : \"Nous ne céderons pas aux menaces du cartel.\"", "Nous ne céderons pas aux menaces du cartel."),
    ("Il a répondu : ‹ Nous verrons bien demain matin ›.", "Nous verrons bien demain matin"),
    ("« Dehors », dit-elle.", "Dehors"),
])
def test_quotes_all_mark_styles(analyze_text: Run, text: str, inner: str) -> None:
    a = analyze_text(text)
    assert [q.span.text for q in a.quotes] == [inner]


def test_quotes_spans_point_into_the_text(analyze_text: Run) -> None:
    text = "« La digue a cédé vers minuit », a expliqué le capitaine des pompiers, Luc Arnaud."
    a = analyze_text(text)
    for q in a.quotes:
        for s in (q.span, q.speaker_span, q.attribution):
            assert s is not None and text[s.start:s.end] == s.text


def test_quotes_reference_list_titles_are_not_quotes(analyze_text: Run) -> None:
    text = ("Bibliographie\nDUPONT Jean “Rivers and Floods in Northern Europe” Hydro Review 2021 disponible à : "
            "example.org/rivers, MARTIN Paul « La crue de la Seine » 2019 disponible à : example.org/seine")
    assert analyze_text(text).quotes == []


def test_quotes_scan_marks_ignores_an_unclosed_mark_at_line_end() -> None:
    pairs = {"«": "»", "“": "”", "\"": "\""}
    assert scan_marks("a « b\nc « d » e", pairs) == [(8, 12)]
    assert scan_marks("« a “b” c »", pairs) == [(0, 10)]


def test_quotes_bare_title_not_described_before_stays_itself(analyze_text: Run) -> None:
    a = analyze_text("« Nous fermerons trois services », a expliqué Agnès Roche devant les députés. "
                     "« Rien ne changera pour les patients », répond le directeur.")
    assert quote_starting(a, "Rien ne").speaker_text == "le directeur"


def test_quotes_plural_group_is_its_own_speaker(analyze_text: Run) -> None:
    a = analyze_text("« Nous fermerons trois services », a expliqué Agnès Roche. Les syndicats dénoncent une « trahison ».")
    assert quote_starting(a, "trahison").speaker_text == "Les syndicats"
