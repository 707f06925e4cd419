"""The event taxonomy: complete, PLOVER-coded."""

from __future__ import annotations

from recoupe.model import event_types


def test_event_types_cover_the_contract_with_plover_codes() -> None:
    types = event_types.event_types()
    assert set(types) == set(event_types.CONTRACT_TYPES)
    assert types["meeting"].plover == "CONSULT" and types["military_action"].plover == "ASSAULT"
    assert event_types.plover("agreement", "happened") == "SUPPORT" and event_types.plover("agreement", "planned") == "AGREE"
