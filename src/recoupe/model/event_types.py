"""The event taxonomy, language-neutral: the contract's types, their merge families and PLOVER codes (data/event_types.json),
loaded and checked once, on first use. The words that trigger each type live in the language packs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from recoupe.data import data_file
from recoupe.errors import RecoupeError

# The contract's event types (CONTRACT.md); the data file must cover exactly these.
CONTRACT_TYPES = ("meeting", "visit", "travel", "arrival", "departure", "statement", "transfer", "sanction",
                  "agreement", "invitation", "military_action", "launch", "other")
STATUSES = ("happened", "planned", "possible", "denied", "unknown")
PLOVER_2021 = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "DEMAND",
                         "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "OTHER"})


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    family: str
    plover: str
    plover_planned: str
    mode: str | None


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """The taxonomy from data/event_types.json, checked against the contract and PLOVER's categories."""
    raw = _read_json("event_types.json")
    types = raw.get("types")
    if not isinstance(types, dict):
        raise RecoupeError("data/event_types.json: missing the 'types' object")
    missing = set(CONTRACT_TYPES) - set(types)
    extra = set(types) - set(CONTRACT_TYPES)
    if missing or extra:
        raise RecoupeError(f"data/event_types.json: types must be the contract's; missing {sorted(missing)}, unknown {sorted(extra)}")
    out: dict[str, EventType] = {}
    for name, spec in types.items():
        for key in ("plover", "plover_planned"):
            if spec.get(key) not in PLOVER_2021:
                raise RecoupeError(f"data/event_types.json: {name}.{key} = {spec.get(key)!r} is not a PLOVER 2021 category")
        if not isinstance(spec.get("family"), str):
            raise RecoupeError(f"data/event_types.json: {name} has no family")
        out[name] = EventType(name, spec["family"], spec["plover"], spec["plover_planned"], spec.get("mode"))
    return out


def family(type_name: str) -> str:
    """The merge family of an event type (types of one family may describe the same happening)."""
    t = event_types().get(type_name)
    return t.family if t else type_name


def plover(type_name: str, status: str) -> str:
    """PLOVER category for an event of this type as reported with this status (intent is AGREE-like)."""
    t = event_types()[type_name]
    return t.plover if status in ("happened", "unknown") else t.plover_planned


def _read_json(path: str) -> dict[str, Any]:
    data = data_file(path)
    if not isinstance(data, dict):
        raise RecoupeError(f"data/{path}: must hold a JSON object")
    return data
