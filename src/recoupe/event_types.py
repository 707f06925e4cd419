"""The event taxonomy (contract types, families, PLOVER codes) and the per-language trigger lexicons, loaded and checked once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from recoupe.errors import RecoupeError
from recoupe.data import data_file

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


@dataclass(frozen=True, slots=True)
class Triggers:
    """A language's event lexicon: trigger lemmas and the words that set status and places."""

    verbs: dict[str, dict[str, Any]]
    nouns: dict[str, dict[str, Any]]
    light_verbs: frozenset[str]
    status: dict[str, Any]
    places: dict[str, frozenset[str]]
    reflexive_pronouns: frozenset[str]
    summary_nouns: dict[str, str]
    summary_status: dict[str, str]
    summary_words: dict[str, Any]
    relocate: dict[str, str]  # "du cosmodrome" -> "au cosmodrome": a phrase of origin said as a location
    time_nouns: frozenset[str] = frozenset()  # days, months, parts of the day: words a place never hangs on
    vehicle_nouns: frozenset[str] = frozenset()  # "le train a quitté X": a vehicle's move is its passenger's
    habitual_markers: frozenset[str] = frozenset()  # "lorsque X arrive, ...": a present under these is a habit
    relation_nouns: frozenset[str] = frozenset()  # "le père de X", "l'avion de X": X is not the one who acts
    group_nouns: frozenset[str] = frozenset()  # "une délégation de X": X acts through the group
    object_control: frozenset[str] = frozenset()  # "X accuse Y de fournir": Y is who would supply

    def as_location(self, phrase: str) -> str:
        """The phrase with its preposition of origin turned into one of location ("de Vostotchny" -> "à Vostotchny")."""
        low = phrase.lower()
        for src in sorted(self.relocate, key=len, reverse=True):
            elided = src[-1:] in "'’"
            if low.startswith(src if elided else src + " "):
                rest = phrase[len(src):].lstrip()
                dst = self.relocate[src]
                return f"{dst}{rest}" if dst.endswith(("'", "’", " ")) else f"{dst} {rest}"
        return phrase

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.status.get(key, ()))


_STATUS_LISTS = ("negation_words", "negative_determiners", "hypothetical_determiners", "denial_governors", "planned_governors", "possible_governors",
                 "hedge_adverbs", "possible_adjectives", "planned_adjectives", "purpose_markers", "speech_governors",
                 "conditional_endings", "irregular_future_stems")
_PLACE_LISTS = ("destination_prepositions", "origin_prepositions", "participant_prepositions", "place_heads", "measure_nouns", "recipient_prepositions")


@lru_cache(maxsize=4)
def load_triggers(language: str = "fr") -> Triggers:
    """The trigger lexicon of `language` (data/<lang>/event_triggers.json), checked against the taxonomy."""
    raw = _read_json(f"{language}/event_triggers.json")
    types = event_types()
    for section in ("verbs", "nouns"):
        entries = raw.get(section)
        if not isinstance(entries, dict) or not entries:
            raise RecoupeError(f"data/{language}/event_triggers.json: missing {section!r}")
        for lemma, spec in entries.items():
            for key in ("type", "passive_type"):
                if key in spec and spec[key] not in types or key == "type" and key not in spec:
                    raise RecoupeError(f"data/{language}/event_triggers.json: {section}.{lemma} has unknown {key} {spec.get(key)!r}")
    status = raw.get("status", {})
    for key in _STATUS_LISTS:
        if not isinstance(status.get(key), list):
            raise RecoupeError(f"data/{language}/event_triggers.json: status.{key} must be a list")
    places = raw.get("places", {})
    for key in _PLACE_LISTS:
        if not isinstance(places.get(key), list):
            raise RecoupeError(f"data/{language}/event_triggers.json: places.{key} must be a list")
    nouns = raw.get("summary_nouns", {})
    if set(nouns) != set(CONTRACT_TYPES):
        raise RecoupeError(f"data/{language}/event_triggers.json: summary_nouns must name every contract type")
    months = raw.get("summary_words", {}).get("months")
    if not (isinstance(months, list) and len(months) == 12):
        raise RecoupeError(f"data/{language}/event_triggers.json: summary_words.months must list 12 month names")
    if set(raw.get("summary_status", {})) != set(STATUSES):
        raise RecoupeError(f"data/{language}/event_triggers.json: summary_status must name every status")
    return Triggers(
        verbs=raw["verbs"], nouns=raw["nouns"], light_verbs=frozenset(raw.get("light_verbs", ())), status=status,
        places={k: frozenset(v) for k, v in places.items() if isinstance(v, list)},
        relocate=dict(places.get("origin_to_location", {})),
        reflexive_pronouns=frozenset(raw.get("reflexive_pronouns", ())), summary_nouns=nouns,
        summary_status=raw["summary_status"], summary_words=raw.get("summary_words", {}),
        time_nouns=frozenset(raw.get("time_nouns", ())), vehicle_nouns=frozenset(raw.get("vehicle_nouns", ())),
        habitual_markers=frozenset(raw.get("habitual_markers", ())), relation_nouns=frozenset(raw.get("relation_nouns", ())),
        group_nouns=frozenset(raw.get("group_nouns", ())), object_control=frozenset(raw.get("object_control", ())),
    )


def _read_json(path: str) -> dict[str, Any]:
    data = data_file(path)
    if not isinstance(data, dict):
        raise RecoupeError(f"data/{path}: must hold a JSON object")
    return data
