"""Claims reported in the passive with no agent (issue 15): sentences written for the tests."""

from __future__ import annotations

from tests.analyze.speech_harness import Run, claim_with


def test_claims_a_passive_report_before_a_place_is_reported(analyze_text: Run) -> None:
    a = analyze_text("Les premiers prisonniers ont quitté la prison ; des scènes de liesse sont rapportées à Ramallah.")
    assert claim_with(a, "des scènes de liesse").modality == "reported"


def test_claims_a_figure_related_to_a_noun_is_no_report(analyze_text: Run) -> None:
    a = analyze_text("Ce chiffre est rapporté à la population du pays.")
    assert claim_with(a, "Ce chiffre").modality == "asserted"


def test_claims_a_reflexive_explanation_reports_nothing(analyze_text: Run) -> None:
    a = analyze_text("Le choix de la ville s'explique sans doute par la proximité du port.")
    c = claim_with(a, "Le choix de la ville")
    assert c.source_text is None and c.modality == "speculative"


def test_claims_explaining_that_still_reports(analyze_text: Run) -> None:
    a = analyze_text("Le maire explique que le port restera ouvert tout l'hiver.")
    assert claim_with(a, "Le maire").modality == "reported"
