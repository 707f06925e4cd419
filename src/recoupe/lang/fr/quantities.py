"""The French quantity lexicon (data/units.json): units and their forms, multipliers, number words, approximators
and the cues that say what a distance or a duration measures; compiled into matchers when the pack loads it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from recoupe.errors import RecoupeError

if TYPE_CHECKING:
    from recoupe.lang.fr.time import TimeWords

_APOS = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True)
class QuantityWords:
    """The French quantity lexicon of data/units.json, compiled into matchers."""

    unit_forms: list[tuple[str, str, bool]]  # (form, unit, case-sensitive), longest first
    dimensions: dict[str, str]  # unit -> dimension
    factors: dict[str, float]  # unit -> factor to its dimension's base unit
    multipliers: dict[str, float]
    case_sensitive: frozenset[str]
    vague: dict[str, tuple[float, float, float]]
    number_words: frozenset[str]
    approx_before: list[tuple[str, str]]
    approx_after: list[tuple[str, str]]
    tolerance: dict[str, float]
    skip_before: frozenset[str]
    months: frozenset[str]
    relative_date_before: tuple[str, ...]
    time_of_day_before: frozenset[str]
    adjectives_between: frozenset[str]
    geodesic_cues: tuple[str, ...]
    route_cues: tuple[str, ...]
    segment_stops: tuple[str, ...]
    word_number_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # a run of number words
    vague_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # "des dizaines", "un millier"
    # what a count is of, and how sure it is (read by the component and the comparison of sources)
    noun_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # counted noun (lemma) -> its groups
    generic_counted: frozenset[str] = frozenset()  # "personnes": the predicate says what they count
    predicate_groups: dict[str, str] = field(default_factory=dict)  # verb, participle or noun -> group
    casualty_groups: frozenset[str] = frozenset()  # groups whose "un X" is a count of one ("un soldat a été tué")
    partial_words: frozenset[str] = frozenset()  # "N autres", "dont N": a part, not the whole
    zero_words: frozenset[str] = frozenset()  # "aucun blessé"
    total_nouns: frozenset[str] = frozenset()  # "le nombre de X", "le bilan"
    measured_nouns: dict[str, str] = field(default_factory=dict)  # "d'altitude" -> altitude
    elevation_anaphors: tuple[str, ...] = ()  # "là-haut": the place just named
    capital_nouns: frozenset[str] = frozenset()  # "la capitale" as a distance's end
    magnitude_prepositions: frozenset[str] = frozenset()  # "se compter en dizaines"
    negation_before: frozenset[str] = frozenset()  # "pas en milliers"
    planned_predicates: frozenset[str] = frozenset()  # "l'accord prévoit 50 libérations"
    partial_after: tuple[str, ...] = ()  # "un jour de plus": an increment, not the whole
    bound_verbs: dict[str, str] = field(default_factory=dict)  # "dépasser N": at least N
    definite_determiners: frozenset[str] = frozenset()  # "les deux hommes": people named before, no count
    locative_prepositions: frozenset[str] = frozenset()  # "deux victimes à X": a count for one place
    denial_verbs: frozenset[str] = frozenset()  # from the modality lexicon: "je démens que nous ayons N disparus"
    unit_fractions: tuple[tuple[str, float], ...] = ()  # "une heure et demie": a fraction of the unit after it
    fixed_quantities: tuple[tuple[str, float, str], ...] = ()  # "une demi-heure": a quantity by itself
    activities: dict[str, str] = field(default_factory=dict)  # predicate or noun -> what a duration measures
    # function words around numbers (data/units.json "patterns")
    range_joiners: dict[str, tuple[str, str]] = field(default_factory=dict)  # joiner -> (opening word, required|optional|none)
    singular_determiners: frozenset[str] = frozenset()
    conjunction: str = ""
    day_ordinal: str = ""  # "1er mai"
    complementizers: frozenset[str] = frozenset()  # "je démens que ..."
    of_words: frozenset[str] = frozenset()  # "de", "d'" between a multiplier and its unit
    of_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # that preposition at the start of a string
    range_join_re: re.Pattern[str] = field(default=re.compile("(?!)"))
    conjunction_edges_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # "et" dangling at either end
    after_distance_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # "[à vol d'oiseau] [au sud] de X"
    separating_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # "séparant X de Y", "entre X et Y"
    pair_joiner_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # the word between X and Y
    between_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # "entre X et Y" anywhere
    journey_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # "de X à Y"
    multiplier_after_of_re: re.Pattern[str] = field(default=re.compile("(?!)"))  # "de millions" after a vague noun


def _with_space(words: list[str]) -> str:
    """An alternation of words each followed by a space, or glued when it ends with an apostrophe ("de ", "d'")."""
    ws = [w.translate(_APOS) for w in words]
    return "|".join(re.escape(w) + ("" if w.endswith("'") else " ") for w in sorted(ws, key=len, reverse=True))


def load(files: Callable[[str], Any], time: TimeWords) -> QuantityWords:
    """The quantity lexicon from the pack's units.json (validated by its schema, then cross-checked); month names
    come from the one month table (time.json), spelled out."""
    data = files("units.json")
    lang = "recoupe/lang/fr/data"
    cs = frozenset(data["case_sensitive"])
    forms: list[tuple[str, str, bool]] = []
    dims: dict[str, str] = {}
    factors: dict[str, float] = {}
    for unit, spec in data["units"].items():
        if not spec.get("forms") or "dimension" not in spec:
            raise RecoupeError(f"{lang}/units.json: unit {unit!r} needs a dimension and forms")
        dims[unit] = spec["dimension"]
        factors[unit] = float(spec.get("factor", 1))
        for f in spec["forms"]:
            forms.append((f.translate(_APOS), unit, f in cs))
    forms.sort(key=lambda t: -len(t[0]))
    for name, bound in [*data["approximators"].items(), *data["approximators_after"].items()]:
        if bound not in ("approx", "at_least", "at_most"):
            raise RecoupeError(f"{lang}/units.json: approximator {name!r} has unknown bound {bound!r}")
    vague = {k: tuple(float(x) for x in v) for k, v in data["vague_nouns"].items() if not k.startswith("_")}
    number_words = frozenset(data["number_words"])
    alt = "|".join(re.escape(w) for w in sorted(number_words, key=len, reverse=True))
    nouns = "|".join(sorted(vague, key=len, reverse=True))
    pat = data["patterns"]
    alt_ = lambda words: "|".join(re.escape(w.translate(_APOS)) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    of = [w.translate(_APOS) for w in pat["of"]]
    of_re = _with_space(of)
    of_any_apostrophe = alt_(of).replace("'", "['\u2019]")
    geo_cues = [c.translate(_APOS) for c in data["geodesic_cues"]]
    multipliers_plural = [k for k in data["multipliers"] if k.endswith("s") and k.islower() and len(k) > 3]
    groups: dict[str, list[str]] = {}
    for g, words in data["counted_nouns"].items():
        if g.startswith("_"):
            continue
        for f in words:
            groups.setdefault(f.translate(_APOS).lower(), []).append(g)
    preds: dict[str, str] = {}
    for g, words in data["predicate_groups"].items():
        if g.startswith("_"):
            continue
        for f in words:
            if preds.setdefault(f.lower(), g) != g:
                raise RecoupeError(f"{lang}/units.json: predicate {f!r} is in two predicate groups")
    casualty = frozenset(data["casualty_groups"])
    if not casualty <= set(preds.values()):
        raise RecoupeError(f"{lang}/units.json: casualty_groups must name predicate groups")
    measured = {f.lower(): m for m, words in data["measured_nouns"].items() if not m.startswith("_") for f in words}
    modality = files("modality.json")
    return QuantityWords(
        unit_forms=forms, dimensions=dims, factors=factors,
        multipliers={k: float(v) for k, v in data["multipliers"].items()}, case_sensitive=cs,
        vague=vague,  # type: ignore[arg-type]
        number_words=number_words,
        approx_before=sorted(((k.translate(_APOS), v) for k, v in data["approximators"].items()), key=lambda t: -len(t[0])),
        approx_after=sorted(((k, v) for k, v in data["approximators_after"].items()), key=lambda t: -len(t[0])),
        tolerance={k: float(v) for k, v in data["approx_tolerance"].items()},
        skip_before=frozenset(s.casefold() for s in data["skip_before"]),
        months=frozenset(m for m in time.months if not m.endswith(".")),
        relative_date_before=tuple(data["relative_date_before"]),
        time_of_day_before=frozenset(data["time_of_day_before"]),
        adjectives_between=frozenset(data["adjectives_between"]),
        geodesic_cues=tuple(c.translate(_APOS) for c in data["geodesic_cues"]),
        route_cues=tuple(data["route_cues"]),
        segment_stops=tuple(data["segment_stops"]),
        word_number_re=re.compile(rf"(?<![\w'’-])(?:{alt})(?:[\s-]+(?:{alt}))*(?![\w-])", re.IGNORECASE),
        vague_re=re.compile(rf"(?<![\w'’])(un|une|des|quelques|plusieurs|{alt_(data['magnitude_prepositions'])})\s+({nouns})(s?)(?!\w)", re.IGNORECASE),
        noun_groups={k: tuple(v) for k, v in groups.items()},
        generic_counted=frozenset(data["generic_counted"]),
        predicate_groups=preds, casualty_groups=casualty,
        partial_words=frozenset(data["partial_words"]), zero_words=frozenset(data["zero_words"]),
        total_nouns=frozenset(data["total_nouns"]), measured_nouns=measured,
        elevation_anaphors=tuple(a.translate(_APOS) for a in data["elevation_anaphors"]),
        capital_nouns=frozenset(data["capital_nouns"]),
        magnitude_prepositions=frozenset(data["magnitude_prepositions"]),
        negation_before=frozenset(data["negation_before"]),
        planned_predicates=frozenset(data["planned_predicates"]),
        partial_after=tuple(data["partial_after"]),
        bound_verbs={k: v for k, v in data["bound_verbs"].items() if not k.startswith("_")},
        definite_determiners=frozenset(data["definite_determiners"]),
        locative_prepositions=frozenset(data["locative_prepositions"]),
        denial_verbs=frozenset(modality["denial_verbs"]),
        unit_fractions=tuple(sorted(((k.translate(_APOS), float(v)) for k, v in data.get("unit_fractions", {}).items()),
                                    key=lambda t: -len(t[0]))),
        fixed_quantities=tuple(sorted(((k.translate(_APOS), float(v[0]), str(v[1])) for k, v in data.get("fixed_quantities", {}).items()),
                                      key=lambda t: -len(t[0]))),
        activities={w.lower(): g for g, ws in data.get("duration_activities", {}).items() for w in ws},
        range_joiners={k: (v[0], v[1]) for k, v in pat["range_joiners"].items()},
        singular_determiners=frozenset(pat["singular_determiners"]),
        conjunction=pat["conjunction"], day_ordinal=pat["day_ordinal"],
        complementizers=frozenset(c.translate(_APOS) for c in pat["complementizers"]),
        of_words=frozenset(of),
        of_re=re.compile(rf"(?:{of_re})"),
        range_join_re=re.compile(rf"^\s*(?:{alt_(pat['range_joiners'])})\s*$", re.IGNORECASE),
        conjunction_edges_re=re.compile(rf"^(?:{re.escape(pat['conjunction'])}[\s-]+)+|(?:[\s-]+{re.escape(pat['conjunction'])})+$", re.IGNORECASE),
        after_distance_re=re.compile(rf"\s*(?:,\s*)?(?:(?:{alt_(geo_cues)})\s*)?(?:,\s*)?(?:(?:{alt_(pat['directions'])}) )?({_with_space(pat['of_articles'])})"),
        separating_re=re.compile(rf"\s*(?:(?:{alt_(pat['relative_pronouns'])}) )?(?:{alt_(pat['separating'])})\s+(.*)"),
        pair_joiner_re=re.compile(rf"\s({alt_(pat['pair_joiners'])})\s"),
        between_re=re.compile(rf"(?<!\w){re.escape(pat['between'][0])}\s+(.{{1,60}}?)\s+{re.escape(pat['between'][1])}\s+(.{{1,60}})"),
        journey_re=re.compile(rf"(?<!\w)(?:{alt_(pat['journey_from'])})\s+(.{{1,60}}?)\s+(?:{alt_(pat['journey_to'])})\s+(.{{1,60}})"),
        multiplier_after_of_re=re.compile(rf"\s+(?:{of_any_apostrophe})\s*({alt_(multipliers_plural)})(?!\w)", re.IGNORECASE),
    )
