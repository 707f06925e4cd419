"""The quotes component on the mess real pages have and on the speakers real articles name: sentences written for the
tests (other people, other stories)."""

from __future__ import annotations

import pytest

from recoupe import lang
from recoupe.analyze.quotes import quote_marks
from tests.analyze.speech_harness import Run, quote_starting


def _marks(text: str) -> list[str]:
    return [text[o + 1:c].strip() for o, c in quote_marks(text, lang.pack().speech)]


# -- finding the quoted words ---------------------------------------------------------------------

def test_straight_single_quotes_are_quotation_marks_and_apostrophes_are_not() -> None:
    assert _marks("Le maire promet 'une réouverture rapide du marché' d'ici l'été.") == ["une réouverture rapide du marché"]
    assert _marks("'Il s'agit d'une décision difficile', a-t-elle dit.") == ["Il s'agit d'une décision difficile"]
    assert _marks("Aujourd'hui l'usine d'Arles ferme, c'est l'avis de tous.") == []


def test_mismatched_marks_still_pair() -> None:
    assert _marks("Il juge le projet “trop coûteux» et « mal préparé”.") == ["trop coûteux", "mal préparé"]
    assert _marks("« Le pont “tiendra” encore », dit-il.") == ["Le pont “tiendra” encore"]


def test_a_quote_runs_over_a_line_when_the_next_line_closes_it() -> None:
    text = "« Nous reconstruirons l'école du village,\n\nnous le devons aux enfants », a promis Lise Caron."
    assert _marks(text) == ["Nous reconstruirons l'école du village,\n\nnous le devons aux enfants"]


def test_a_long_quote_reopened_at_each_paragraph_is_one_quote() -> None:
    text = "« Le premier paragraphe de son discours commence ici\n\n« et le second le termine », a-t-il conclu."
    assert _marks(text) == ["Le premier paragraphe de son discours commence ici\n\n« et le second le termine"]


def test_a_quote_whose_closing_mark_was_lost_ends_with_its_paragraph() -> None:
    text = "Pour la directrice, « les élèves reviendront en classe dès lundi matin\n\nLa mairie confirme."
    assert _marks(text) == ["les élèves reviendront en classe dès lundi matin"]
    assert _marks("Titre « court\nSuite du texte.") == []  # a stray mark before a word or two is no quotation


# -- speakers -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, quote, speaker", [
    # a one- or two-word quote whose speaker is a pronoun
    ("Marc Dubois a visité la digue. Selon lui, les murs sont « solides ».", "solides", "Marc Dubois"),
    # the clause's subject speaks the words quoted inside it
    ("Le maire Jean Morel n'a pas caché son « inquiétude » devant la crue.", "inquiétude", "Jean Morel"),
    ("La Fédération des pêcheurs avait « condamné la fermeture du port » dès mardi.", "condamné", "Fédération des pêcheurs"),
    # the passive agent
    ("Une réforme voulue « ambitieuse » par le gouvernement a été présentée hier.", "ambitieuse", "le gouvernement"),
    # a comparative incise
    ("Comme l'a rappelé la maire Anne Caron, le marché « restera ouvert tout l'été ».", "restera", "Anne Caron"),
    ("Le chantier a pris « trois mois de retard », comme l'a reconnu l'architecte Paul Vidal.", "trois mois", "Paul Vidal"),
    # an object clitic between the incise's comma and its verb
    ("« Du pain, du pain ! », l'ont supplié des habitants du quartier.", "Du pain", "des habitants du quartier"),
    # a place between the incise verb and its subject
    ("« Le port rouvrira bientôt », a annoncé à Marseille le préfet Louis Garnier.", "Le port", "Louis Garnier"),
    # an end-of-sentence incise after several commas, followed by a participle clause
    ("Les pompiers cherchaient « au moins trois personnes » dans le fleuve, a indiqué le capitaine du port, Marc Leroy, "
     "précisant que l'eau était glacée.", "au moins", "Marc Leroy"),
    # a "selon" for another clause does not take the quote from the verb that governs it
    ("Le bilan varie : douze blessés selon la police, tandis que le syndicat Force Ouvrière en annonçait « près d'une "
     "trentaine ».", "près d'une", "Force Ouvrière"),
    # who a pronoun, an ordinal or a participle clause stands for
    # "le premier" / "ce dernier" pick a member of the enumeration just named
    ("Les sénateurs Hugo Lenoir et Pierre Vallet ont visité le chantier. « Tout est en retard », a regretté le premier.",
     "Tout est", "Hugo Lenoir"),
    ("Les sénateurs Hugo Lenoir et Pierre Vallet ont visité le chantier. « Rien ne presse », a répondu le second.",
     "Rien ne", "Pierre Vallet"),
    # a participle clause takes the sentence's subject, not the subject of the clause it hangs on
    ("L'ordre des médecins a estimé que le directeur avait « sans doute exagéré », tout en jugeant « déplacées » les critiques.",
     "déplacées", "ordre des médecins"),
    # "elle" takes up the woman named before when no speaker did
    ("À la mairie, la conseillère Lucie Blanc, devenue adjointe, a fait voter un budget. « Je n'ai vu aucun opposant », "
     "affirme-t-elle.", "Je n'ai", "Lucie Blanc"),
    # "il" never takes up a group the words show feminine, nor a place named between
    ("Jeudi, à Vannes, sur la presqu'île, le député a été hué par une foule qui scandait « Dehors, dehors ! ». "
     "Pris à partie par un pêcheur, il a haussé le ton : « Laissez-moi parler, s'il vous plaît ! »", "Laissez-moi", "le député"),
    # a fronted time phrase the parse takes for the subject, the names it coordinates for its conjuncts
    ("La semaine suivante, Lisbonne et Madrid ont averti que la réforme resterait « un échec annoncé » sans leur accord.",
     "un échec", "Lisbonne"),
    # a participle clause after the quote is the subject's, not an incise naming its object
    ("Le soir du 3 mai, la fédération a suspendu le championnat « pour une durée indéterminée », citant des raisons de "
     "sécurité.", "pour une", "fédération"),
    # a verbless clause headed by a speech noun, before a colon: its complement speaks, even past another clause
    ("Réaction immédiate du syndicat des dockers : « Nous ne signerons jamais cet accord ».", "Nous ne", "syndicat des dockers"),
    ("16h10 – Confirmation du principal intéressé dans une vidéo : ses équipes auraient atteint 'le sommet nord' "
     "avant la nuit.", "le sommet", "principal intéressé"),
    # an incise closing the sentence, followed by a phrase set off by a comma
    ("Le bilan de la tempête se comptera « certainement » en dizaines de victimes, voire davantage, a prévenu dimanche le "
     "maire de la ville, au lendemain du passage de la tempête la plus violente qu'ait connue la région depuis un siècle.",
     "certainement", "le maire de la ville"),
    # an incise the writer left inside the marks, its pronoun taken up
    ("Le plongeur Marc Lefèvre a dirigé la première expédition en 1990. Il ne se faisait guère d'illusions sur les risques. "
     "« Que l'on soit à 10 mètres ou à 10 kilomètres de fond, si une pièce casse, le résultat est le même, confiait-il il y "
     "a quelques années à un magazine.\n\nSous l'eau, on est seul. »", "Que l'on", "Marc Lefèvre"),
])
def test_speakers_of_real_constructions(analyze_text: Run, text: str, quote: str, speaker: str) -> None:
    q = quote_starting(analyze_text(text), quote)
    assert q.speaker_text is not None and speaker in q.speaker_text, q.speaker_text


def test_a_document_speaks_for_who_issued_it(analyze_text: Run) -> None:
    a = analyze_text("La préfecture du Var a publié un nouveau bilan dans la soirée. "
                     "« Trois routes restent coupées », précise le communiqué.")
    assert "préfecture du Var" in (quote_starting(a, "Trois routes").speaker_text or "")
    a = analyze_text("Selon le rapport de l'inspection générale, les travaux « ont été menés trop vite ».")
    assert quote_starting(a, "ont été").speaker_text == "l'inspection générale"


def test_a_pronoun_takes_up_the_last_speaker_not_the_last_name(analyze_text: Run) -> None:
    a = analyze_text("« Le budget est prêt », a répondu Sophie Martin, en référence à Marc Petit. "
                     "Les crédits seront votés, « sans délai », a-t-elle ajouté.")
    assert quote_starting(a, "sans délai").speaker_text == "Sophie Martin"


def test_a_title_names_its_holder_not_the_organisation_inside_it(analyze_text: Run) -> None:
    q = quote_starting(analyze_text("« Rien n'est encore décidé », a déclaré le directeur de l'Agence nationale des routes."), "Rien")
    assert q.speaker_text == "le directeur de l'Agence nationale des routes"
    # the span resolution links: the role mention, never the organisation alone
    assert q.speaker_span is not None and q.speaker_span.text.startswith("le directeur")


def test_the_subject_of_a_passive_speech_verb_does_not_speak(analyze_text: Run) -> None:
    q = quote_starting(analyze_text("Les deux villes ont prévenu qu'une fermeture serait considérée comme « une provocation grave »."),
               "une provocation")
    assert q.speaker_text != "une fermeture"



def test_a_speech_noun_speaks_only_through_someone_who_can_speak(analyze_text: Run) -> None:
    q = quote_starting(analyze_text("Annonce de la fermeture de l'usine : « un drame pour toute la vallée »."), "un drame")
    assert q.speaker_text is None


def test_selon_lui_after_the_main_verb_stands_for_that_verb_s_subject(analyze_text: Run) -> None:
    before = "Lundi, le maire Paul Roux a déclaré : « Les travaux sont finis ». "
    a = analyze_text(before + "Le soir, la direction des pompiers a pourtant annoncé se retirer du chantier afin, selon "
                     "elle, d'éviter « un accident grave ».")
    assert quote_starting(a, "un accident").speaker_text == "la direction des pompiers"
    # a hyphenated speaker noun the tokenizer splits is read whole
    a = analyze_text(before + "Le soir, l'état-major de la brigade a pourtant décidé de se retirer afin, selon lui, "
                     "d'éviter « un accident grave ».")
    assert "état-major de la brigade" in quote_starting(a, "un accident").speaker_text
    # "lui" is one person, never the plural subject: the last speaker instead
    a = analyze_text(before + "Le soir, les syndicats ont appelé à la grève afin, selon lui, d'obtenir « un geste fort ».")
    assert quote_starting(a, "un geste").speaker_text == "Paul Roux"


def test_an_unnamed_spokesperson_of_a_body_speaks_for_it(analyze_text: Run) -> None:
    a = analyze_text("Le syndicat des pilotes a, de son côté, durci le ton. Le 3 mars, son porte-parole a accusé la "
                     "direction de vouloir « casser la grève ».")
    assert quote_starting(a, "casser").speaker_text == "Le syndicat des pilotes"
    # a role's spokesperson is not the role's holder: left as written
    a = analyze_text("Le ministre de l'Intérieur a parlé lundi. Le lendemain, son porte-parole a dénoncé une "
                     "« campagne de dénigrement ».")
    assert quote_starting(a, "campagne").speaker_text == "son porte-parole"
