"""The French event lexicon: its types are the taxonomy's, and a broken file fails at load."""

from __future__ import annotations

import copy

import pytest

from recoupe import lang
from recoupe.errors import RecoupeError
from recoupe.lang.fr import triggers


def test_fr_triggers_types_exist() -> None:
    lex = lang.pack("fr").triggers
    assert lex.verbs["rencontrer"]["type"] == "meeting" and lex.nouns["visite"]["type"] == "visit"


def test_fr_triggers_unknown_type_fails() -> None:
    raw = copy.deepcopy(lang.pack("fr").data("event_triggers.json"))
    raw["verbs"] = {"rencontrer": {"type": "party"}}
    with pytest.raises(RecoupeError, match="unknown type 'party'"):
        triggers.load(lambda name: raw if name == "event_triggers.json" else lang.pack("fr").data(name))
