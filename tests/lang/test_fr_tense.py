"""French tenses read from a parse: être with a verb that builds its past with avoir is a passive, whatever label the
parser gives the auxiliary. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe import lang
from recoupe.analyze import nlp as nlp_mod
from recoupe.model.vocab import Tense


@pytest.fixture(scope="module")
def nlp() -> Any:
    return nlp_mod.load("fr")


@pytest.mark.parametrize("text,verb,tense", [
    ("Le cortège est attendu samedi devant la mairie.", "attendu", Tense.PRESENT),   # a passive present
    ("Le cortège est arrivé samedi devant la mairie.", "arrivé", Tense.COMPOUND_PAST),  # être builds this past
    ("La délégation s'est installée samedi à l'hôtel.", "installée", Tense.COMPOUND_PAST),  # a reflexive's past
])
def test_etre_with_an_avoir_verb_is_a_passive(nlp: Any, text: str, verb: str, tense: Tense) -> None:
    sdoc = nlp(text)
    tok = next(t for t in sdoc if t.text == verb)
    for c in tok.children:
        if c.lemma_ == "être":
            c.dep_ = "aux:tense"  # the label the parser sometimes gives a passive's être
    assert lang.pack("fr").grammar.clause_tense(tok)[0] == tense


def test_a_future_the_tagger_reads_as_a_participle_is_a_future(nlp: Any) -> None:
    # "rejoindra" comes tagged VerbForm=Part: no participle ends like a future on its verb's stem
    grammar = lang.pack("fr").grammar
    sdoc = nlp("La délégation rejoindra ensuite la gare.")
    tok = next(t for t in sdoc if t.text == "rejoindra")
    assert (grammar.verb_tense(tok, []), grammar.future_form(tok, [])) == (Tense.FUTURE, True)
    arrived = next(t for t in nlp("La délégation est arrivée à la gare.") if t.text == "arrivée")
    assert grammar.verb_tense(arrived, []) == Tense.PARTICIPLE  # a participle proper stays one
