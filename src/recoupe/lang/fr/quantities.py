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
        vague_re=re.compile(rf"(?<![\w'’])(un|une|des|quelques|plusieurs)\s+({nouns})(s?)(?!\w)", re.IGNORECASE),
    )
