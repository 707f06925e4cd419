"""The closed vocabularies of the records, as string enums: a value compares equal to, and serialises as, the
plain string the contract and the store have always used ("reported" == Modality.REPORTED)."""

from __future__ import annotations

from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    COUNTRY = "country"
    EQUIPMENT = "equipment"
    OTHER = "other"


class MentionKind(StrEnum):
    """How a mention names its entity."""

    NAME = "name"  # a proper name ("Vladimir Poutine", "Poutine")
    EPITHET = "epithet"  # a description standing for it ("le président russe")
    ACRONYM = "acronym"  # an acronym defined in the text ("ONU")
    EQUIPMENT = "equipment"  # a weapon, vehicle or model ("obus d'artillerie")
    GROUP = "group"  # several entities named before ("les deux dirigeants")


class Modality(StrEnum):
    """How firmly a claim is stated (CONTRACT.md)."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    CONDITIONAL = "conditional"
    SPECULATIVE = "speculative"
    DENIED = "denied"


class EventStatus(StrEnum):
    """Whether an event happened, as its sources report it (CONTRACT.md)."""

    HAPPENED = "happened"
    PLANNED = "planned"
    POSSIBLE = "possible"
    DENIED = "denied"
    UNKNOWN = "unknown"


class EventTypeName(StrEnum):
    """The contract's event types."""

    MEETING = "meeting"
    VISIT = "visit"
    TRAVEL = "travel"
    ARRIVAL = "arrival"
    DEPARTURE = "departure"
    STATEMENT = "statement"
    TRANSFER = "transfer"
    SANCTION = "sanction"
    AGREEMENT = "agreement"
    INVITATION = "invitation"
    MILITARY_ACTION = "military_action"
    LAUNCH = "launch"
    OTHER = "other"


class Precision(StrEnum):
    """How precise a date is: the unit of its ISO form."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


class TimeKind(StrEnum):
    """What a temporal expression denotes."""

    DATE = "date"  # a point, read against the article's day ("le 12 septembre", "mardi")
    RELATIVE = "relative"  # counted from the moment of writing ("hier", "il y a deux jours")
    EVENT_RELATIVE = "event_relative"  # counted from another event ("au lendemain de son arrivée")
    PERIOD = "period"  # a span with a start and an end
    DURATION = "duration"  # a length of time, no position


class Bound(StrEnum):
    """What a stated quantity allows (CONTRACT.md)."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"


class ContradictionKind(StrEnum):
    DISTANCE = "distance"
    DATE = "date"
    NUMBER = "number"
    DURATION = "duration"
    FACT = "fact"
    OTHER = "other"


class Dimension(StrEnum):
    """What a quantity measures (`Quantity.dimension`): its unit's dimension, or a count of a counted noun."""

    LENGTH = "length"
    SPEED = "speed"
    DURATION = "duration"
    COUNT = "count"
    MONEY = "money"
    PERCENTAGE = "percentage"
    DATE = "date"
    MASS = "mass"
    POWER = "power"
    YIELD = "yield"
    TIME_OF_DAY = "time_of_day"  # minutes after midnight, as written (analyze/clock.py)


class DiscrepancyReason(StrEnum):
    """Why two differing statements may both be true (`Discrepancy.reason`)."""

    PLAN_AND_OUTCOME = "plan_and_outcome"  # one is planned or expected, the other told as done
    DIFFERENT_TIMES = "different_times"  # counts given on different days: a toll, a tally that grows
    PART_AND_WHOLE = "part_and_whole"  # "N autres", "dont N"
    SAME_SOURCE = "same_source"  # one source's successive figures in one article


class Tense(StrEnum):
    """The tense (and mood) a language pack's grammar reads on a verb or a clause: one vocabulary for every
    component. Named in English; a pack maps its language's forms onto these ("passé composé" is COMPOUND_PAST)."""

    PRESENT = "present"
    IMPERFECT = "imperfect"
    SIMPLE_PAST = "simple_past"
    COMPOUND_PAST = "compound_past"  # "a signé", "est arrivé"
    PLUPERFECT = "pluperfect"  # "avait signé"
    FUTURE = "future"
    FUTURE_PERFECT = "future_perfect"  # "aura signé"
    PERIPHRASTIC_FUTURE = "periphrastic_future"  # a future modal with an infinitive: "va signer", "doit partir"
    CONDITIONAL = "conditional"
    PAST_CONDITIONAL = "past_conditional"  # "aurait signé"
    SUBJUNCTIVE = "subjunctive"
    INFINITIVE = "infinitive"
    PARTICIPLE = "participle"  # a past participle standing alone: "prévu le 4"
    UNKNOWN = "unknown"


class TimeRef(StrEnum):
    """Where a tense places what it tells, against the moment of writing."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NONE = "none"
