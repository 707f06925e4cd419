"""Quote speakers that stand behind the words (issue 15): an account the sentence before attributes, a spokesperson
who speaks for a body; sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.analyze.speech_harness import Run, quote_starting


@pytest.mark.parametrize("text, quote, speaker", [
    # a conditional clause goes on with the account a "selon X" opened in the sentence before
    ("Selon Martine Lebrun, tout s'est décidé dans la nuit. Le directeur aurait alors choisi une solution « brutale » "
     "pour l'usine.", "brutale", "Martine Lebrun"),
    # the account of a speech verb's subject
    ("Le syndicaliste Henri Vasseur a raconté la réunion de lundi. La direction aurait alors adopté un ton "
     "« glacial » face aux délégués.", "glacial", "Henri Vasseur"),
    # the conditional of a relative clause whose antecedent speaks
    ("La réunion a duré « près de deux heures », selon la préfecture de Valmorie. Le ministre y a écouté les "
     "explications des représentants des grévistes, qui auraient assuré être prêts à « reprendre le travail » dès lundi.",
     "reprendre le travail", "la préfecture de Valmorie"),
])
def test_quotes_conditional_clause_goes_on_with_the_account_before(analyze_text: Run, text: str, quote: str,
                                                                   speaker: str) -> None:
    assert quote_starting(analyze_text(text), quote).speaker_text == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    ("Selon Martine Lebrun, tout s'est décidé dans la nuit. Le ministre Paul Garnier a salué un accord "
     "« historique » pour la région.", "historique", "Paul Garnier"),
    ("La réunion a duré « près de deux heures », selon la préfecture de Valmorie. Le ministre y a écouté les "
     "explications des représentants des grévistes, qui ont assuré être prêts à « reprendre le travail » dès lundi.",
     "reprendre le travail", "des représentants des grévistes"),
])
def test_quotes_indicative_clause_keeps_its_own_subject(analyze_text: Run, text: str, quote: str, speaker: str) -> None:
    assert quote_starting(analyze_text(text), quote).speaker_text == speaker


def test_quotes_a_spokesperson_of_a_body_speaks_for_the_body(analyze_text: Run) -> None:
    a = analyze_text("« Les vols reprendront dès demain matin », a ajouté un porte-parole de l'agence régionale de santé.")
    q = quote_starting(a, "Les vols")
    assert q.speaker_text == "l'agence régionale de santé"
    assert q.attribution is not None and "porte-parole" in q.attribution.text


def test_quotes_a_spokesperson_of_a_person_stays_the_spokesperson(analyze_text: Run) -> None:
    a = analyze_text("« Le convoi partira lundi », a précisé un porte-parole du ministre de la Santé.")
    assert quote_starting(a, "Le convoi").speaker_text == "un porte-parole du ministre de la Santé"


def test_quotes_a_bare_description_refers_back_to_who_it_describes(analyze_text: Run) -> None:
    a = analyze_text("« Le pont sera rouvert dans un mois », a rapporté jeudi l'agence de presse officielle Belga. "
                     "« Les travaux ont déjà commencé sur la rive nord », a ajouté l'agence.")
    assert quote_starting(a, "Les travaux").speaker_text == "Belga"


def test_quotes_a_singular_bare_title_never_takes_up_a_plural_group(analyze_text: Run) -> None:
    a = analyze_text("D'après des experts, le chantier pourrait durer deux ans. "
                     "Un tel retard serait « un échec pour toute la région », estime l'expert.")
    assert quote_starting(a, "un échec").speaker_text == "l'expert"


def test_quotes_a_headline_quote_takes_the_speaker_of_the_body_quote_with_its_words(analyze_text: Run) -> None:
    a = analyze_text("Inondations : « un hiver très dur » attend la vallée\n\n"
                     "Les eaux ont commencé à baisser jeudi. « Ce sera un hiver très dur pour les agriculteurs », "
                     "a prévenu la préfète Hélène Barre.")
    assert quote_starting(a, "un hiver très dur").speaker_text == "Hélène Barre"


def test_quotes_a_first_sentence_is_no_headline(analyze_text: Run) -> None:
    a = analyze_text("Les eaux ont baissé, mais la vallée craint « un hiver très dur ».\n\n"
                     "« Ce sera un hiver très dur pour les agriculteurs », a prévenu la préfète Hélène Barre.")
    assert all(q.speaker_text != "Hélène Barre" for q in a.quotes if q.span.text == "un hiver très dur")


def test_quotes_elle_never_takes_up_a_name_nothing_shows_feminine(analyze_text: Run) -> None:
    a = analyze_text("Le sommet de Genève s'est achevé jeudi en présence de Marc Olivier. La rencontre laisse bien des "
                     "questions ouvertes, mais elle confirme un « tournant diplomatique majeur » dans la région.")
    assert quote_starting(a, "tournant").speaker_text != "Marc Olivier"


def test_quotes_a_pronoun_never_reaches_back_over_paragraphs(analyze_text: Run) -> None:
    a = analyze_text("Le romancier Paul Verdier a publié son dernier livre en mars.\n\n"
                     "Le port a rouvert ses quais au printemps.\n\n"
                     "Les ventes de poisson ont doublé depuis.\n\n"
                     "Le bilan est flatteur, et il parle d'une « saison exceptionnelle » pour la pêche.")
    assert quote_starting(a, "saison").speaker_text != "Paul Verdier"


def test_quotes_a_plural_title_with_a_name_in_its_complement_is_its_own_speaker(analyze_text: Run) -> None:
    a = analyze_text("« Nous irons jusqu'au bout », ont déclaré les avocats du chanteur Marc Lavoine.")
    q = quote_starting(a, "Nous irons")
    assert q.speaker_text == "les avocats du chanteur Marc Lavoine"
    assert q.speaker_span is not None and q.speaker_span.text == "les avocats"


def test_quotes_a_singular_title_keeps_the_name_beside_it(analyze_text: Run) -> None:
    a = analyze_text("« Nous irons jusqu'au bout », a déclaré le ministre des Affaires étrangères Sergueï Lavrov.")
    assert quote_starting(a, "Nous irons").speaker_text == "Sergueï Lavrov"


def test_quotes_a_straight_closing_quote_ends_its_sentence(analyze_text: Run) -> None:
    a = analyze_text('Le maire Paul Garnier a remercié les pompiers : "Ils ont sauvé le quartier." '
                     'Les habitants décrivent une nuit "terrible".')
    assert quote_starting(a, "Ils ont sauvé").speaker_text == "Paul Garnier"
    assert quote_starting(a, "terrible").speaker_text == "Les habitants"


@pytest.mark.parametrize("text, speaker", [
    ("« Le marché rouvrira », promettait la veille un commerçant de Rodez.", "un commerçant de Rodez"),
    ("« Tout est calme », racontait la nuit dernière une infirmière de l'hôpital.", "une infirmière de l'hôpital"),
])
def test_quotes_a_time_phrase_before_an_inverted_speaker_is_not_part_of_it(analyze_text: Run, text: str,
                                                                           speaker: str) -> None:
    assert analyze_text(text).quotes[0].speaker_text == speaker


def test_quotes_words_after_a_speech_nouns_named_complement_are_its_owners(analyze_text: Run) -> None:
    a = analyze_text("Le gouvernement a soutenu l'appel de Lucien Marchetti à une « trêve olympique » pendant les Jeux.")
    assert quote_starting(a, "trêve olympique").speaker_text == "Lucien Marchetti"
    a = analyze_text("Le maire Paul Mercier a soutenu l'appel de Claire Fontaine à une « trêve hivernale » dans la vallée. "
                     "Sur le budget, il a dit refuser tout plan visant à « fermer les lignes ».")
    assert quote_starting(a, "fermer").speaker_text == "Paul Mercier"  # "il": the subject, not the call's owner


@pytest.mark.parametrize("text, speaker", [
    ("Le maire Paul Mercier a répondu aux élus : « Vous n'avez rien fait pour Brionne ! », a-t-il lancé. Puis, selon "
     "plusieurs journalistes présents, cette phrase qui a fait le tour de la ville : « Je ne suis pas le coupable ! »",
     "Paul Mercier"),
    ("« Vous n'avez rien fait pour Brionne ! », a lancé Paul Mercier devant les élus. D'après des témoins, ces "
     "quelques mots ensuite : « Je ne suis pas le coupable ! »", "Paul Mercier"),
    # a verb the utterance is the subject of, inverted
    ("« Vous n'avez rien fait pour Brionne ! », a lancé Paul Mercier devant les élus. Puis est venue cette phrase, "
     "selon plusieurs témoins : « Je ne suis pas le coupable ! »", "Paul Mercier"),
    # a clause with a verb of its own keeps its subject
    ("« Vous n'avez rien fait pour Brionne ! », a lancé Paul Mercier devant les élus. Selon plusieurs journalistes "
     "présents, la salle a répondu : « Je ne suis pas d'accord ! »", "la salle"),
    ("« Vous n'avez rien fait pour Brionne ! », a lancé Paul Mercier devant les élus. Claire Fontaine a eu cette "
     "phrase : « Je ne suis pas d'accord ! »", "Claire Fontaine"),
])
def test_quotes_an_utterance_presented_by_a_demonstrative_goes_on_with_the_speaker_before(analyze_text: Run,
                                                                                           text: str, speaker: str) -> None:
    # who said the words before, not who heard them ("selon X")
    assert quote_starting(analyze_text(text), "Je ne suis pas").speaker_text == speaker
    headline = analyze_text("Brionne : « Je ne suis pas », le maire sous pression\n\n" + text)
    assert {q.speaker_text for q in headline.quotes if q.span.text.startswith("Je ne suis pas")} == {speaker}


_BEHALF = ("Entouré de ses adjoints, le capitaine Paul Mercier a lu un communiqué au nom d'un Comité pour le renouveau de "
           "Valmorie (CRV) jusqu'ici inconnu. ")


@pytest.mark.parametrize("text, quote, speaker", [
    # an unnamed group speaks for the body the statement is read on behalf of, before it or after it
    (_BEHALF + "Les mutins y dénoncent « la corruption généralisée » et « l'abandon des campagnes ».",
     "l'abandon", "CRV"),
    ("Des soldats ont annoncé dans la nuit à la radio avoir « pris le contrôle » du palais. La capitale est calme.\n\n"
     + _BEHALF, "pris le contrôle", "CRV"),
    # a named speaker stays who speaks
    (_BEHALF + "Claire Fontaine y dénonce « la corruption généralisée ».", "la corruption", "Claire Fontaine"),
    # a body named on behalf of whom nothing is said or issued speaks for nobody
    ("Le capitaine Paul Mercier a été arrêté au nom d'un Comité pour le renouveau de Valmorie (CRV). Les mutins "
     "dénoncent « la corruption généralisée ».", "la corruption", "Les mutins"),
    # the public is no body's members; a country spoken for is no body issuing a statement
    (_BEHALF + "Les habitants scandent « la fin de la corruption » devant la mairie.", "la fin", "Les habitants"),
    ("Le président Paul Mercier a déclaré au nom de la Valmorie que le pays resterait uni. Les soldats saluent "
     "« la fin de la corruption » dans les casernes.", "la fin", "Les soldats"),
    # two bodies spoken for around the group: no guess
    (_BEHALF + "La ministre Claire Fontaine a répondu par une déclaration au nom de l'Union des provinces (UDP). Les "
     "mutins dénoncent « la corruption généralisée ».", "la corruption", "Les mutins"),
])
def test_quotes_an_unnamed_group_speaks_for_the_body_a_statement_is_issued_on_behalf_of(
        analyze_text: Run, text: str, quote: str, speaker: str) -> None:
    assert quote_starting(analyze_text(text), quote).speaker_text == speaker
