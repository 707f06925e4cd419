"""English quotes, speakers and claim modality: the constructions of English news copy (sentences written for the tests)."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from recoupe.analyze import nlp as nlp_mod
from recoupe.model import Document

pytestmark = pytest.mark.skipif(importlib.util.find_spec(nlp_mod.MODELS["en"]) is None, reason="English model not installed")


def _analyze(text: str) -> dict[str, Any]:
    from recoupe.analyze.runner import Analyzer

    doc = Document.from_dict({"id": "t1", "source": "t1.txt", "text": text, "language": "en",
                              "published": "2024-03-12", "precision": "day"})
    return Analyzer().analyze(doc).to_dict()


def _quote(a: dict[str, Any], start: str) -> dict[str, Any]:
    found = [q for q in a["quotes"] if q["span"]["text"].startswith(start)]
    assert found, [q["span"]["text"] for q in a["quotes"]]
    return found[0]


@pytest.mark.parametrize("text,start,speaker", [
    # an abbreviated rank keeps the name after it
    ('"The dam will hold through the winter," said Maj. Gen. Laura Pintor, the engineer in charge.', "The dam", "Laura Pintor"),
    ('"The talks were useful," Petra Lind told reporters.', "The talks", "Petra Lind"),  # who is told is no speaker
    # an exclamation inside the marks before the incise, as the comma
    ('The crowd gathered outside the town hall. "Bread, bread, bread!" the protesters shouted.', "Bread", "the protesters"),
])
def test_english_speakers(text: str, start: str, speaker: str) -> None:
    assert _quote(_analyze(text), start)["speaker_text"] == speaker


@pytest.mark.parametrize("rank", ["Sgt.", "Adm.", "Lt.", "Capt."])
def test_an_abbreviated_rank_does_not_end_the_sentence(rank: str) -> None:
    a = _analyze(f'The convoy left at dawn. "We moved fast and we moved quietly," {rank} Mark Evens told reporters.')
    assert _quote(a, "We moved fast")["speaker_text"] == "Mark Evens"


def test_told_reporters_names_the_addressee_not_the_speaker() -> None:
    a = _analyze('The ferry docked at noon. "The crossing was rough," a traveller, who asked to be identified only as '
                 'Nadia, told reporters at the pier. "We are glad to be home."')
    first = _quote(a, "The crossing was rough")
    assert first["speaker_text"] == "a traveller"
    assert _quote(a, "We are glad")["speaker_text"] == "a traveller"  # the next quote carries the speaker over


def test_a_short_quote_before_an_incise_that_ends_its_clause_at_a_semicolon() -> None:
    a = _analyze('The minister Ana Ruiz met the evacuees. "Nearly everyone" on the flight was Spanish, she said; '
                 'the rest came from Italy, Greece, Malta and Cyprus, according to the airline.')
    assert _quote(a, "Nearly everyone")["speaker_text"]


def test_a_body_that_voices_or_dismisses_in_quoted_words() -> None:
    a = _analyze('The union voiced its support for the "joint mediation", and the ministry dismissed the report as '
                 '"pure invention".')
    assert _quote(a, "joint mediation")["speaker_text"] == "The union"
    assert _quote(a, "pure invention")["speaker_text"] == "the ministry"


def _claim(a: dict[str, Any], words: str) -> dict[str, Any]:
    found = [c for c in a["claims"] if words in c["text"]]
    assert found, [c["text"] for c in a["claims"]]
    return found[0]


def test_a_relative_clause_that_reports_what_someone_says_is_a_reported_claim_of_its_own() -> None:
    a = _analyze("Spain keeps 900 soldiers in Chad, whose departure officials say is not planned.")
    rel = _claim(a, "whose departure officials say")
    assert rel["modality"] == "reported" and "soldiers" not in rel["text"]
    assert _claim(a, "Spain keeps 900 soldiers")["modality"] == "asserted"
    a = _analyze("The inquiry found a wiring fault, which the first report said had caused the fire.")
    assert _claim(a, "which the first report said")["modality"] == "reported"


def test_a_contrastive_while_clause_is_a_proposition_of_its_own() -> None:
    a = _analyze('Rumours about the fire have spread, while the company on Monday dismissed any suggestion of arson '
                 'as "a pure lie".')
    assert _claim(a, "while the company")["modality"] == "denied"
    assert _claim(a, "Rumours about the fire")["modality"] == "asserted"


@pytest.mark.parametrize("text,parts", [
    # a falsity word in an apposed relative does not deny the accusation
    ("The rebels accused the army on Sunday of shelling the market, a charge the general dismissed as false.",
     {"accused the army": "reported"}),
    # an English coordination splits after a comma, though its conjunction hangs on the first clause
    ("The bridge is closed to traffic, but engineers say that repairs will start next week.",
     {"The bridge is closed": "asserted", "engineers say": "reported"}),
])
def test_english_claim_parts(text: str, parts: dict[str, str]) -> None:
    a = _analyze(text)
    assert {words: _claim(a, words)["modality"] for words in parts} == parts


@pytest.mark.parametrize("sentence,modality", [
    ("The convoy was reportedly carrying fuel to the garrison.", "conditional"),  # the journalistic conditional
    ("The minister is widely expected to resign on Friday.", "conditional"),
    ("The pressure sensor may thus have failed during the dive.", "speculative"),  # an adverb inside "may have"
    ("The mayor urged residents to leave the coast before nightfall.", "asserted"),  # a request, not a proposition
    ("The ferry left the harbour at 6:15 a.m. on Monday, the coastguard said.", "reported"),  # "a.m." ends nothing
])
def test_english_modality_constructions(sentence: str, modality: str) -> None:
    assert [c["modality"] for c in _analyze(sentence)["claims"]] == [modality]


def test_an_open_question_after_a_semicolon_is_speculative() -> None:
    a = _analyze("The insurers have paid for the repairs so far; and whether the court will cap the remaining damages "
                 "is still open.")
    assert _claim(a, "whether the court")["modality"] == "speculative"


def test_a_footnote_marker_after_a_full_stop_ends_the_sentence() -> None:
    a = _analyze("The hull was tested by the yard in 2019.[2] The firm said the test had been a complete success.")
    assert _claim(a, "The firm said")["text"].startswith("The firm said")


def test_a_passive_judgement_keeps_the_short_quote_of_the_speaker_before() -> None:
    a = _analyze('The navy said its sensors had recorded "a loud anomaly" on the first day. The readings were judged '
                 '"not conclusive", and the search went on.')
    assert _quote(a, "not conclusive")["speaker_text"].lower().endswith("navy")
    assert _claim(a, "The readings were judged")["modality"] != "speculative"  # a passive judge believes nothing


@pytest.mark.parametrize("sentence,country", [
    ("Senior Brazilian diplomats said the border would stay open.", "BR"),  # the adjective before the noun
    ("U.S. officials said the border would stay open.", "US"),  # a country's abbreviation before the noun
    ("Kenyan authorities told reporters that the border would stay open.", "KE"),
    ("Senator Ana Ruiz said the border would stay open.", None),  # one person, no group
])
def test_a_nationality_group_speaks_for_its_country(sentence: str, country: str | None) -> None:
    (claim,) = _analyze(sentence)["claims"]
    assert claim["modality"] == "reported" and claim["attrs"].get("source_country") == country


def test_a_singular_pronoun_never_stands_for_a_plural_group() -> None:
    a = _analyze('Anna Berg, the fisheries minister, arrived late. The three ministers met for an hour. '
                 '"We agreed on the quotas," she told reporters.')
    assert _quote(a, "We agreed")["speaker_text"] == "Anna Berg"


@pytest.mark.parametrize("sentence,source", [
    ("Paul Lamb, a police spokesman, said the road would stay closed.", "Paul Lamb"),  # an apposed title, no incise
    ("The road will stay closed until Friday, a police spokesman said.", "a police spokesman"),  # an incise
])
def test_the_source_of_a_claim_with_an_apposed_title(sentence: str, source: str) -> None:
    (claim,) = _analyze(sentence)["claims"]
    assert claim["modality"] == "reported" and claim["attrs"]["source_name"]["text"] == source


def test_an_incise_closing_the_sentence_attributes_every_clause_before_it() -> None:
    a = _analyze("The noises were picked up on Tuesday by a patrol aircraft, and robots were sent down to find their "
                 "source, the coastguard said in posts on social media.")
    assert [(c["modality"], c["source_text"]) for c in a["claims"]] == [("reported", "the coastguard said")] * 2


def test_a_closing_english_relative_with_a_modality_of_its_own_is_a_claim_of_its_own() -> None:
    a = _analyze("The council hired a new contractor, which could finish the roof before the winter.")
    assert _claim(a, "which could finish")["modality"] == "conditional"
    assert _claim(a, "The council hired")["modality"] == "asserted"


def test_an_unnamed_english_spokesperson_of_a_body_speaks_for_it() -> None:
    a = _analyze('The pilots\' union toughened its stance on Monday. Its spokesman accused the airline of trying to '
                 '"break the strike".')
    assert _quote(a, "break the strike")["speaker_text"] == "The pilots' union"


@pytest.mark.parametrize("line", ["Then, according to several reporters, this line:",
                                  "Then came this line, according to several reporters:"])
def test_an_utterance_presented_by_a_demonstrative_goes_on_with_the_speaker_before(line: str) -> None:
    a = _analyze(f'"You have done nothing for Brionne!" Mayor Paul Mercier told the council. {line} "I am not the culprit!"')
    assert _quote(a, "I am not")["speaker_text"] == "Paul Mercier"


def test_an_unnamed_group_speaks_for_the_body_a_statement_is_read_on_behalf_of() -> None:
    a = _analyze("Surrounded by his deputies, Captain Paul Mercier read a statement on behalf of the Committee for the "
                 'Renewal of Valmorie (CRV). The officials denounced "widespread corruption" in the provinces.')
    assert _quote(a, "widespread")["speaker_text"] == "CRV"


def test_words_after_a_possessive_speech_noun_are_its_owners_and_he_stays_the_subject() -> None:
    a = _analyze("Mayor Paul Mercier also backed Claire Fontaine's call for a \"winter truce\" in the valley. On the "
                 'budget, he said the region opposed any plan "to cut the rail lines".')
    assert _quote(a, "winter truce")["speaker_text"] == "Claire Fontaine"
    assert _quote(a, "to cut")["speaker_text"] == "Paul Mercier"  # the subject before, not the owner of the call
