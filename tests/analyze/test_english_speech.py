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


def test_an_abbreviated_rank_keeps_the_name_after_it() -> None:
    a = _analyze('"The dam will hold through the winter," said Maj. Gen. Laura Pintor, the engineer in charge.')
    assert _quote(a, "The dam will hold")["speaker_text"] == "Laura Pintor"


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


def test_told_reporters_after_a_named_subject() -> None:
    a = _analyze('"The talks were useful," Petra Lind told reporters.')
    assert _quote(a, "The talks were useful")["speaker_text"] == "Petra Lind"


def test_an_exclamation_inside_the_marks_before_the_incise() -> None:
    a = _analyze('The crowd gathered outside the town hall. "Bread, bread, bread!" the protesters shouted.')
    assert _quote(a, "Bread, bread")["speaker_text"] == "the protesters"


def test_a_short_quote_before_an_incise_that_ends_its_clause_at_a_semicolon() -> None:
    a = _analyze('The minister Ana Ruiz met the evacuees. "Nearly everyone" on the flight was Spanish, she said; '
                 'the rest came from Italy, Greece, Malta and Cyprus, according to the airline.')
    assert _quote(a, "Nearly everyone")["speaker_text"]


def test_a_body_that_voices_or_dismisses_in_quoted_words() -> None:
    a = _analyze('The union voiced its support for the "joint mediation", and the ministry dismissed the report as '
                 '"pure invention".')
    assert _quote(a, "joint mediation")["speaker_text"] == "The union"
    assert _quote(a, "pure invention")["speaker_text"] == "the ministry"
