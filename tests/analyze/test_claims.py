"""The claims component: each modality, sources as written, predicates, and what is not a claim."""

from __future__ import annotations

import pytest

from recoupe import lang
from tests.analyze.speech_harness import Run, claim_with


@pytest.mark.parametrize("text, modality", [
    # asserted: the outlet states it
    ("Le pont de la rivière a été inauguré en 2019 par la région.", "asserted"),
    # reported: attributed, indicative
    ("Selon la préfecture, le pont a été fermé lundi à la circulation.", "reported"),
    ("Le ministre Luc Bernard a déclaré que le pont restait fermé jusqu'à nouvel ordre.", "reported"),
    ("« Le pont restera fermé tout l'hiver », a indiqué Marie Dubois.", "reported"),
    # a conditional after a past report is its future, not a conditional
    ("Le ministre Luc Bernard a annoncé qu'il se rendrait sur place dès jeudi.", "reported"),
    # conditional: tagger's mood, modal, and the -rait ending of verbs the tagger misses
    ("Le pont aurait été endommagé par la crue de la semaine dernière.", "conditional"),
    ("La région pourrait financer la reconstruction du pont.", "conditional"),
    ("La mairie chercherait à vendre le terrain situé près de la gare.", "conditional"),
    ("Selon des ingénieurs, une telle réparation coûterait plusieurs millions d'euros.", "conditional"),
    # speculative: hedges, hedge phrases, belief frames, "sembler"
    ("Le barrage a probablement cédé sous la pression de l'eau.", "speculative"),
    ("Il est possible que la digue cède avant la fin de la semaine.", "speculative"),
    ("Les analystes estiment que la dette de la ville augmente rapidement.", "speculative"),
    ("Le chantier semble avoir pris du retard depuis le printemps.", "speculative"),
    ("La mairie craint que la digue ne cède avant l'été.", "speculative"),
    # denied: an actor denies it (denial verbs)
    ("La mairie a démenti avoir vendu le terrain à un promoteur.", "denied"),
    ("Le ministre nie toute implication dans la vente du terrain.", "denied"),
    # a plain negation is the outlet asserting that something did not happen: no denial
    ("Le pont n'a pas été fermé pendant la crue.", "asserted"),
    ("Aucun accord n'a été signé entre les deux villes.", "asserted"),
])
def test_claims_modality(analyze_text: Run, text: str, modality: str) -> None:
    a = analyze_text(text)
    assert len(a.claims) == 1, [c.text for c in a.claims]
    assert a.claims[0].modality == modality


@pytest.mark.parametrize("text, source", [
    ("Selon la préfecture, le pont a été fermé lundi à la circulation.", "Selon la préfecture"),
    ("D'après des experts, les réparations dureront au moins deux ans.", "D'après des experts"),
    ("Le ministre Luc Bernard a déclaré que le pont restait fermé jusqu'à nouvel ordre.", "Le ministre Luc Bernard a déclaré que"),
    ("Le barrage a été inspecté la semaine dernière, a précisé Julie Moreau.", "a précisé Julie Moreau"),
])
def test_claims_source_as_written(analyze_text: Run, text: str, source: str) -> None:
    c = analyze_text(text).claims[0]
    assert c.source_text == source
    assert c.source_span is not None and text[c.source_span.start:c.source_span.end] == source
    assert c.attrs.get("source_name")


def test_claims_outlet_assertion_has_no_source(analyze_text: Run) -> None:
    c = analyze_text("Le pont de la rivière a été inauguré en 2019 par la région.").claims[0]
    assert c.source_text is None and c.source_span is None


def test_claims_predicate_and_classes(analyze_text: Run) -> None:
    c = analyze_text("La Belgique pourrait livrer des chars et des munitions à la Lituanie.").claims[0]
    assert c.predicate == "livrer"
    assert c.attrs["predicate_class"] == "supply"
    assert "weapons" in c.attrs["object_classes"]


def test_claims_denial_frame_gives_the_denied_predicate(analyze_text: Run) -> None:
    c = analyze_text("Le gouvernement a toujours démenti fournir des armes aux rebelles.").claims[0]
    assert c.modality == "denied" and c.predicate == "fournir"


def test_claims_denial_of_these_allegations_refers_to_the_previous_claim(analyze_text: Run) -> None:
    a = analyze_text("Des ONG accusent la société de vendre des armes aux milices. La société a nié ces accusations.")
    denial = claim_with(a, "a nié")
    assert denial.modality == "denied"
    assert denial.attrs["refers_to"]["start"] == claim_with(a, "accusent").span.start
    assert denial.attrs["predicate_class"] == "supply"


def test_claims_two_clauses_joined_by_mais_are_two_claims(analyze_text: Run) -> None:
    a = analyze_text("Le club a toujours démenti vendre son stade, mais pourrait bientôt changer de position, selon des élus.")
    assert [c.modality for c in a.claims] == ["denied", "conditional"]


@pytest.mark.parametrize("text", [
    "Que va faire la mairie après la crue ?",
    "PHOTO JEAN DUPONT, AGENCE DU NORD",
    "Les habitants devant la mairie de Lille, le 3 mars 2021.",
    "Ce que l'on sait de la crue\n",
    "L'écrivain Paul Martin à Lyon a contribué à ce rapport.",
])
def test_claims_skips_questions_captions_headings_bylines(analyze_text: Run, text: str) -> None:
    assert analyze_text(text).claims == []


def test_claims_spans_point_into_the_text(analyze_text: Run) -> None:
    text = "Selon la préfecture, le pont a été fermé. La mairie aurait vendu le terrain, a précisé Julie Moreau."
    for c in analyze_text(text).claims:
        assert text[c.span.start:c.span.end] == c.text == c.span.text
        if c.source_span:
            assert text[c.source_span.start:c.source_span.end] == c.source_span.text


def test_claims_lexicon_files_are_complete() -> None:
    lex = lang.pack("fr").speech
    assert "démentir" in lex.modality["denial_verbs"] and "probablement" in lex.modality["hedge_words"]
    assert "déclarer" in lex.speech_verbs


def test_claims_apposition_before_the_verb_is_not_an_incise(analyze_text: Run) -> None:
    c = analyze_text("La ministre de la Santé, Agnès Roche, a annoncé mardi la fermeture de trois hôpitaux.").claims[0]
    assert c.source_text is not None and "Agnès Roche" in c.source_text and "hôpitaux" not in c.source_text


def test_claims_quotation_with_its_incise_is_attributed_to_the_speaker(analyze_text: Run) -> None:
    a = analyze_text("« Nous n'avons pas encore choisi le terrain », a expliqué Agnès Roche devant les députés.")
    assert a.claims[0].source_text == "a expliqué Agnès Roche"


def test_claims_selon_inside_a_relative_clause_does_not_source_the_sentence(analyze_text: Run) -> None:
    a = analyze_text("Le maire a inauguré le nouveau pont qui pourrait, selon les ingénieurs, durer un siècle.")
    assert a.claims[0].modality == "asserted"


def test_a_contrastive_tandis_que_clause_is_a_claim_of_its_own(analyze_text: Run) -> None:
    a = analyze_text("Les rumeurs sur l'incendie se sont multipliées, tandis que la société a démenti toute implication "
                     "dans le sinistre.")
    assert claim_with(a, "tandis que la société").modality == "denied"
    assert claim_with(a, "Les rumeurs").modality == "asserted"
