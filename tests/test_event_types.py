"""The event taxonomy and lexicon files: complete, PLOVER-coded, and a broken file fails at load."""

from __future__ import annotations

import pytest

from recoupe import event_types
from recoupe.errors import RecoupeError


def test_event_types_cover_the_contract_with_plover_codes() -> None:
    types = event_types.event_types()
    assert set(types) == set(event_types.CONTRACT_TYPES)
    assert types["meeting"].plover == "CONSULT" and types["military_action"].plover == "ASSAULT"
    assert event_types.plover("agreement", "happened") == "SUPPORT" and event_types.plover("agreement", "planned") == "AGREE"


def test_event_types_lexicon_types_exist() -> None:
    lex = event_types.load_triggers("fr")
    assert lex.verbs["rencontrer"]["type"] == "meeting" and lex.nouns["visite"]["type"] == "visit"


def test_event_types_broken_lexicon_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    real = event_types._read_json

    def broken(path: str) -> dict:
        data = real(path)
        if path.endswith("event_triggers.json"):
            data["verbs"] = {"rencontrer": {"type": "party"}}
        return data

    monkeypatch.setattr(event_types, "_read_json", broken)
    event_types.load_triggers.cache_clear()
    try:
        with pytest.raises(RecoupeError, match="unknown type 'party'"):
            event_types.load_triggers("fr")
    finally:
        event_types.load_triggers.cache_clear()
