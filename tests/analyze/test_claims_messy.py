"""The claims component on what real articles do: denials and plain negations, hedges, sources kept apart from the
modality, propositions inside a sentence, and the mess of real pages. Sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.analyze.speech_harness import Run, claim_with


@pytest.mark.parametrize("text, modality", [
    # a plain negation, "n'a pas été confirmé", a negated speech verb: no denial
    ("L'information n'a pas été confirmée par la mairie de Tulle.", "asserted"),
    ("La direction de l'usine n'a pas commenté les rumeurs de fermeture.", "asserted"),
    ("Le maire n'a pas démenti la fermeture prochaine de l'école.", "asserted"),
    # an actor denies: denial verbs, falsity words, a denial of what its object calls a claim
    ("Le ministre a qualifié de « mensonge » l'idée d'une fermeture du port.", "denied"),
    ("« C'est faux », a répondu la direction de l'usine.", "denied"),
    ("La société rejette les accusations de fraude fiscale.", "denied"),
    ("Le conseil municipal a rejeté le projet de budget présenté par le maire.", "asserted"),
    # hedges read by the grammar, not copied from an article
    ("Il est tout à fait plausible que la digue cède avant l'hiver.", "speculative"),
    ("Il n'est pas exclu que le pont ferme pendant les travaux.", "speculative"),
    ("Le nouveau stade est censé rouvrir au mois de mars.", "speculative"),
    ("Des estimations situent le nombre de sinistrés entre deux cents et trois cents.", "speculative"),
    # a judgement with an object and its attribute is a verdict said, not a belief
    ("Le ministre a jugé la décision du tribunal « inacceptable ».", "reported"),
    # a passive speech verb reports, even with no one named
    ("Des scènes de liesse sont rapportées dans le centre-ville.", "reported"),
    # an incise after a verbless answer
    ("Une vingtaine de blessés, a affirmé un pompier à la radio locale.", "reported"),
    # a speech verb with an infinitive its own "ne" negates: the speech is not negated
    ("Le maire Jean Roux avait ajouté ne rien savoir de leur organisation.", "reported"),
    ("Le maire Jean Roux n'avait rien ajouté sur leur organisation.", "asserted"),
])
def test_modality_of_real_constructions(analyze_text: Run, text: str, modality: str) -> None:
    a = analyze_text(text)
    assert [c.modality for c in a.claims] == [modality], [(c.text, c.modality) for c in a.claims]


def test_a_negated_speech_verb_sources_nothing(analyze_text: Run) -> None:
    c = analyze_text("La direction de l'usine n'a pas commenté les rumeurs de fermeture.").claims[0]
    assert c.source_text is None and "source_name" not in c.attrs


def test_a_conditional_with_a_source_keeps_both(analyze_text: Run) -> None:
    c = analyze_text("La mairie aurait vendu le terrain du stade, selon le journal local.").claims[0]
    assert c.modality == "conditional"
    assert c.source_text == "selon le journal local"
    assert c.attrs["hedge"]["kind"] == "conditional" and c.attrs["hedge"]["text"] == "aurait"


def test_a_speculative_claim_keeps_its_hedge_words(analyze_text: Run) -> None:
    text = "Le barrage a probablement cédé sous la pression de l'eau."
    c = analyze_text(text).claims[0]
    i = text.index("probablement")
    assert c.attrs["hedge"] == {"kind": "speculative", "doc": "doc-test", "start": i, "end": i + 12, "text": "probablement"}


def test_the_proposition_a_source_noun_reports_is_a_claim(analyze_text: Run) -> None:
    a = analyze_text("La mairie n'a pas commenté les informations selon lesquelles le terrain aurait été vendu.")
    assert [(c.text, c.modality) for c in a.claims] == [
        ("La mairie n'a pas commenté les informations", "asserted"), ("le terrain aurait été vendu.", "conditional")]


def test_a_possibility_is_a_speculative_claim(analyze_text: Run) -> None:
    a = analyze_text("Le préfet a évoqué la possibilité que les écoles restent fermées toute la semaine.")
    assert claim_with(a, "la possibilité que").modality == "speculative"


def test_a_nationality_group_speaks_for_its_country(analyze_text: Run) -> None:
    c = analyze_text("Des responsables canadiens ont affirmé que le navire avait coulé près de la côte.").claims[0]
    assert c.modality == "reported" and c.attrs.get("source_country") == "CA"


def test_a_full_stop_glued_to_the_next_sentence_ends_it(analyze_text: Run) -> None:
    a = analyze_text("Le train de nuit est arrivé à la gare.Le maire a accueilli les voyageurs sur le quai.")
    assert len(a.claims) == 2


def test_clauses_a_semicolon_separates_are_two_claims(analyze_text: Run) -> None:
    a = analyze_text("Le maire accuse la région d'avoir retardé les travaux ; la région le nie fermement depuis lundi.")
    assert [c.modality for c in a.claims] == ["reported", "denied"]


def test_a_participle_clause_of_speech_is_a_claim_of_the_same_speaker(analyze_text: Run) -> None:
    a = analyze_text("La préfète Anne Leroy a confirmé la fermeture du pont, ajoutant que les travaux dureraient deux mois.")
    second = claim_with(a, "ajoutant")
    assert second.modality == "reported"
    assert second.attrs["source_name"]["text"] == "Anne Leroy"


def test_a_participle_clause_after_an_incise_has_the_incise_speaker(analyze_text: Run) -> None:
    a = analyze_text("« Nous sommes sur place », a indiqué un porte-parole de la police, ajoutant qu'aucune autre "
                     "information ne serait rendue publique.")
    second = claim_with(a, "ajoutant")
    # a passive in the conditional after a past frame is the future of the report, not a conditional
    assert second.modality == "reported"
    assert "porte-parole de la police" in (second.source_text or "")
    a = analyze_text("« Le chantier est immense », a-t-il insisté, précisant que les fouilles portaient sur trois sites.")
    assert claim_with(a, "précisant").modality == "reported"
    a = analyze_text("Le gouvernement a expulsé le consul, lui reprochant d'avoir ignoré une convocation.")
    assert claim_with(a, "reprochant").modality == "reported"


def test_a_paragraph_opening_with_par_ailleurs_is_no_byline(analyze_text: Run) -> None:
    assert len(analyze_text("Par ailleurs, la mairie a annoncé la réouverture du marché couvert.").claims) == 1
    assert analyze_text("Par Julie MARTIN\n\nLe marché rouvre.").claims == [] or all(
        "Julie" not in c.text for c in analyze_text("Par Julie MARTIN\n\nLe marché rouvre.").claims)


def test_a_long_line_without_a_final_stop_is_no_heading(analyze_text: Run) -> None:
    text = ("Les pompiers du département ont secouru une dizaine de familles bloquées par la montée des eaux dans "
            "les quartiers bas de la ville pendant la nuit\n\nLa suite.")
    assert any("pompiers" in c.text for c in analyze_text(text).claims)


def test_a_pronoun_source_takes_up_the_last_named_source(analyze_text: Run) -> None:
    a = analyze_text("Selon Paul Girard, le port restera fermé. Les quais, selon lui, seront reconstruits avant l'été.")
    assert claim_with(a, "Les quais").attrs["source_name"]["text"] == "Paul Girard"


def test_a_compound_incise_with_its_inverted_pronoun_reports(analyze_text: Run) -> None:
    # "…, a-t-il ajouté": the pronoun stands between the auxiliary and the participle
    a = analyze_text("La préfète Anne Morel a visité le chantier. Les riverains seront relogés, « dans les meilleurs "
                     "délais », a-t-elle ajouté.")
    c = claim_with(a, "riverains")
    assert c.modality == "reported"
    assert c.source_text == "a-t-elle ajouté"


def test_a_closing_relative_with_a_modality_of_its_own_is_a_claim_of_its_own(analyze_text: Run) -> None:
    a = analyze_text("Le maire a reçu les délégués du syndicat, qui auraient promis de reprendre le travail lundi.")
    assert [(c.text[:12], c.modality) for c in a.claims] == [("Le maire a r", "asserted"), ("qui auraient", "conditional")]
    # the conditional of the main clause does not reach a relative that states a plain fact
    a = analyze_text("Selon la préfecture, deux mille personnes vivraient dans la forêt, dont la superficie est de trois "
                     "cents hectares.")
    assert [c.modality for c in a.claims] == ["conditional", "asserted"]


@pytest.mark.parametrize("text", [
    "Le rapport a été remis au maire, qui a lancé les travaux dès le lendemain.",  # nothing sets the relative apart
    "Le chef du syndicat, qui aurait reçu des menaces, a appelé à la grève.",  # the sentence resumes after it
])
def test_a_relative_that_does_not_close_apart_stays_in_its_sentence(analyze_text: Run, text: str) -> None:
    assert len(analyze_text(text).claims) == 1


def test_a_full_stop_glued_to_an_elided_article_ends_the_sentence(analyze_text: Run) -> None:
    a = analyze_text("« Nous ne partirons pas », a-t-il lancé.L'aveu met fin à des mois de silence "
                     "sur ce dossier.")
    assert [c.text for c in a.claims] == ["« Nous ne partirons pas », a-t-il lancé.",
                                          "L'aveu met fin à des mois de silence sur ce dossier."]
    assert a.claims[1].modality == "asserted" and a.claims[1].source_text is None


def test_a_tag_before_a_heading_does_not_make_it_a_sentence(analyze_text: Run) -> None:
    a = analyze_text("DIRECT. Inondations à Lyon : trois quartiers évacués dans la nuit\n\nLes pompiers sont sur place.")
    assert [c.text for c in a.claims] == ["Les pompiers sont sur place."]


def test_the_closing_marks_of_a_bold_phrase_do_not_open_the_next_sentence(analyze_text: Run) -> None:
    a = analyze_text("**Notre avis : INEXACT.** Aucun document ne prouve la perte de 300 emplois, qui toucherait la "
                     "moitié de l'usine.")
    assert [(c.text[:12], c.modality) for c in a.claims] == [("Aucun docume", "asserted"), ("qui touchera", "conditional")]


def test_a_colon_between_a_hedged_clause_and_a_plain_one_makes_two_claims(analyze_text: Run) -> None:
    a = analyze_text("Le bilan pourrait être bien plus lourd : une bonne partie de la population vit dans des maisons en bois.")
    assert [(c.text[:10], c.modality) for c in a.claims] == [("Le bilan p", "conditional"), ("une bonne ", "asserted")]
    # nothing sets the clauses apart, or the first introduces what the second says: one claim
    assert len(analyze_text("La situation est simple : le pont est fermé depuis lundi.").claims) == 1
    assert len(analyze_text("Le maire a prévenu : la ville pourrait fermer le pont.").claims) == 1
