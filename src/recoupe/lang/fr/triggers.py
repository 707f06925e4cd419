"""The French event lexicon (data/event_triggers.json): trigger lemmas with their types, and the words that set an
event's status, participants and places; checked against the neutral taxonomy when the pack loads it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from recoupe.errors import RecoupeError
from recoupe.model.event_types import CONTRACT_TYPES, STATUSES, event_types


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
    clause: dict[str, Any] = field(default_factory=dict)  # words read around a trigger (clause_words)
    # verb lemma -> object nouns that make it a statement ("prendre la parole", "rompre le silence")
    statement_constructions: dict[str, frozenset[str]] = field(default_factory=dict)

    def clause_words(self, key: str) -> frozenset[str]:
        """A list of `clause_words` as a set (empty when the pack has none)."""
        return frozenset(self.clause.get(key, ()))

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


def load(data: Callable[[str], Any]) -> Triggers:
    """The trigger lexicon from the pack's event_triggers.json (validated by its schema), checked against the taxonomy."""
    raw = data("event_triggers.json")
    where = "recoupe/lang/fr/data/event_triggers.json"
    types = event_types()
    for section in ("verbs", "nouns"):
        entries = raw.get(section)
        if not isinstance(entries, dict) or not entries:
            raise RecoupeError(f"{where}: missing {section!r}")
        for lemma, spec in entries.items():
            for key in ("type", "passive_type"):
                if key in spec and spec[key] not in types or key == "type" and key not in spec:
                    raise RecoupeError(f"{where}: {section}.{lemma} has unknown {key} {spec.get(key)!r}")
            # the alternative readings: by what the verb acts on, by its subject, by its particle ("take off")
            alts = [(k, spec[k]) for k in ("by_object", "by_vehicle", "by_crowd", "by_hazard", "by_nmod") if k in spec]
            alts += [(f"particles.{p}", a) for p, a in (spec.get("particles") or {}).items()]
            for key, alt in alts:
                if not isinstance(alt, dict) or alt.get("type") not in types:
                    raise RecoupeError(f"{where}: {section}.{lemma}.{key} has unknown type {alt.get('type') if isinstance(alt, dict) else alt!r}")
    status = raw.get("status", {})
    for key in _STATUS_LISTS:
        if not isinstance(status.get(key), list):
            raise RecoupeError(f"{where}: status.{key} must be a list")
    places = raw.get("places", {})
    for key in _PLACE_LISTS:
        if not isinstance(places.get(key), list):
            raise RecoupeError(f"{where}: places.{key} must be a list")
    nouns = raw.get("summary_nouns", {})
    if set(nouns) != set(CONTRACT_TYPES):
        raise RecoupeError(f"{where}: summary_nouns must name every contract type")
    if set(raw.get("summary_status", {})) != set(STATUSES):
        raise RecoupeError(f"{where}: summary_status must name every status")
    verbs = dict(raw["verbs"])
    stm = raw.get("statements", {})
    excluded = set(stm.get("speech_verbs_excluded", ()))
    speech = data("speech.json").get("speech_verbs", ()) if stm else ()
    reflexive = set(stm.get("reflexive_extra", ()))
    for lemma in [*speech, *stm.get("extra_verbs", ())]:
        if " " in lemma or lemma in excluded or lemma in verbs:
            continue  # a verb the table types otherwise ("conclure un accord") keeps its type
        verbs[lemma] = {"type": "statement", "needs_participant": True, **({"reflexive": True} if lemma in reflexive else {})}
    return Triggers(
        verbs=verbs, nouns=raw["nouns"], light_verbs=frozenset(raw.get("light_verbs", ())), status=status,
        places={k: frozenset(v) for k, v in places.items() if isinstance(v, list)},
        relocate=dict(places.get("origin_to_location", {})),
        reflexive_pronouns=frozenset(raw.get("reflexive_pronouns", ())), summary_nouns=nouns,
        summary_status=raw["summary_status"], summary_words=raw.get("summary_words", {}),
        time_nouns=frozenset(raw.get("time_nouns", ())), vehicle_nouns=frozenset(raw.get("vehicle_nouns", ())),
        habitual_markers=frozenset(raw.get("habitual_markers", ())), relation_nouns=frozenset(raw.get("relation_nouns", ())),
        group_nouns=frozenset(raw.get("group_nouns", ())), object_control=frozenset(raw.get("object_control", ())),
        clause=dict(raw.get("clause_words", {})),
        statement_constructions={k: frozenset(v) for k, v in stm.get("light_constructions", {}).items()},
    )
