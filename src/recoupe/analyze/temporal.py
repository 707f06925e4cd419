"""The `times` component: temporal expressions found as spans and normalised against the publication date and the verb's tense."""

from __future__ import annotations

import bisect
import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any

from recoupe.analyze.registry import Context, component
from recoupe.errors import RecoupeError
from recoupe.model import Span, TimeExpr

# --- the lexicon (data/fr/time.json), loaded and checked once at import -------------------------

_PARTS_OF_DAY = {"morning", "noon", "afternoon", "evening", "night"}
_UNITS = {"day", "week", "month", "year", "decade", "century"}
_CAL_UNITS = {"week", "month", "year", "weekend"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The French temporal words and what they stand for."""

    weekdays: dict[str, int]
    months: dict[str, int]
    months_need_context: frozenset[str]
    parts_of_day: dict[str, str]
    day_words: dict[str, int]
    figurative_before_day_words: tuple[str, ...]
    this_day_parts: dict[str, str]
    units: dict[str, str]
    calendar_units: dict[str, str]
    past_words: frozenset[str]
    future_words: frozenset[str]
    this_words: frozenset[str]
    month_parts: dict[str, str]
    since: tuple[str, ...]
    until: tuple[str, ...]
    window: tuple[str, ...]
    durations_before: tuple[str, ...]
    bounds: dict[str, str]
    future_modals: frozenset[str]
    habitual_before_weekday: tuple[str, ...]
    etre_verbs: frozenset[str]
    year_before: tuple[str, ...]
    seasons: dict[str, tuple[int, int]]
    event_relative: dict[str, int] = field(default_factory=dict)


def load_lexicon(language: str = "fr") -> Lexicon:
    """Read and check `data/<language>/time.json`; a broken file fails here, at start-up."""
    path = resources.files("recoupe.data").joinpath(language, "time.json")
    try:
        raw: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise RecoupeError(f"{path}: cannot read the temporal lexicon ({e})") from None
    return lexicon_from_dict(raw, str(path))


def lexicon_from_dict(raw: dict[str, Any], path: str = "<lexicon>") -> Lexicon:
    """Check a temporal lexicon's content and build it; every problem is one line naming the key."""

    def need(key: str, kind: type) -> Any:
        v = raw.get(key)
        if not isinstance(v, kind) or not v:
            raise RecoupeError(f"{path}: {key!r} must be a non-empty {kind.__name__}")
        return v

    weekdays = need("weekdays", dict)
    if sorted(weekdays.values()) != list(range(7)):
        raise RecoupeError(f"{path}: 'weekdays' must name each day 0-6 exactly once")
    months = need("months", dict)
    if set(months.values()) != set(range(1, 13)):
        raise RecoupeError(f"{path}: 'months' must cover the months 1-12")
    parts = need("parts_of_day", dict)
    if not set(parts.values()) <= _PARTS_OF_DAY:
        raise RecoupeError(f"{path}: 'parts_of_day' values must be among {sorted(_PARTS_OF_DAY)}")
    this_parts = need("this_day_parts", dict)
    if not set(this_parts.values()) <= _PARTS_OF_DAY:
        raise RecoupeError(f"{path}: 'this_day_parts' values must be among {sorted(_PARTS_OF_DAY)}")
    units = need("units", dict)
    if not set(units.values()) <= _UNITS:
        raise RecoupeError(f"{path}: 'units' values must be among {sorted(_UNITS)}")
    cal = need("calendar_units", dict)
    if not set(cal.values()) <= _CAL_UNITS:
        raise RecoupeError(f"{path}: 'calendar_units' values must be among {sorted(_CAL_UNITS)}")
    ctx_months = set(need("months_need_context", list))
    if not ctx_months <= set(months):
        raise RecoupeError(f"{path}: 'months_need_context' must list month names from 'months'")
    day_words = need("day_words", dict)
    if not all(isinstance(v, int) for v in day_words.values()):
        raise RecoupeError(f"{path}: 'day_words' values must be day offsets (integers)")
    sp = need("span_prepositions", dict)
    for key in ("since", "until", "window"):
        if not isinstance(sp.get(key), list) or not sp[key]:
            raise RecoupeError(f"{path}: 'span_prepositions.{key}' must be a non-empty list")
    return Lexicon(
        weekdays=weekdays, months=months, months_need_context=frozenset(ctx_months), parts_of_day=parts,
        day_words=day_words, figurative_before_day_words=tuple(need("figurative_before_day_words", list)),
        this_day_parts=this_parts, units=units, calendar_units=cal,
        past_words=frozenset(need("past_words", list)), future_words=frozenset(need("future_words", list)),
        this_words=frozenset(need("this_words", list)), month_parts=need("month_parts", dict),
        since=tuple(sp["since"]), until=tuple(sp["until"]), window=tuple(sp["window"]),
        durations_before=tuple(need("durations_before", list)), bounds=need("bounds", dict),
        future_modals=frozenset(need("future_modals", list)),
        habitual_before_weekday=tuple(need("habitual_before_weekday", list)),
        etre_verbs=frozenset(need("etre_verbs", list)),
        year_before=tuple(need("year_before", list)),
        seasons=_seasons(need("seasons", dict), path),
        event_relative=_offsets(raw.get("event_relative", {}), path),
    )


def _offsets(raw: object, path: str) -> dict[str, int]:
    if not isinstance(raw, dict) or not all(isinstance(v, int) for v in raw.values()):
        raise RecoupeError(f"{path}: 'event_relative' must map words to day offsets (integers)")
    return dict(raw)


def _seasons(raw: dict[str, Any], path: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for name, pair in raw.items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in pair)):
            raise RecoupeError(f"{path}: 'seasons.{name}' must be [first month, last month]")
        out[name] = (pair[0], pair[1])
    return out


LEX = load_lexicon()


def _alt(words: object) -> str:
    """A regex alternation of these words, longest first so that 'après-midi' wins over 'midi'."""
    ws = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.sub(r"['’]", lambda _: "['’]", re.escape(w)) for w in ws)


_B = r"(?<![\w-])"  # word start (a hyphen before means part of a compound: 'COVID-19')
_E = r"(?![\w])"  # word end
WD = rf"(?:{_alt(LEX.weekdays)})"
MO = rf"(?:{_alt(LEX.months)})"
PART = rf"(?:{_alt(LEX.parts_of_day)})"
DAY = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
YEAR = r"(?:1\d{3}|20\d\d|21\d\d)(?!\d)"
NUM = r"(?:\d+|[a-zéèêû]+(?:-[a-zéèêû]+)*)"
UNIT = rf"(?:{_alt(LEX.units)})"
PASTW = rf"(?:{_alt(LEX.past_words)})"
FUTW = rf"(?:{_alt(LEX.future_words)})"
DIRW = rf"(?:{PASTW}|{FUTW})"
BOUND = rf"(?:{_alt(LEX.bounds)})"
MPART = rf"(?:{_alt(LEX.month_parts)})"

# one point in time as written inside a period: "mardi 12 septembre 2023", "février", "2019", "10"
_PT = rf"(?:(?:{WD})\s+)?(?:(?:le\s+)?{DAY}\s+)?{MO}(?:\s+{YEAR})?|{YEAR}"
_PT_NAMED = re.compile(
    rf"(?:(?P<wd>{WD})\s+)?(?:le\s+)?(?:(?P<d>{DAY})\s+)?(?P<m>{MO})(?:\s+(?P<y>{YEAR}))?|(?P<yo>{YEAR})|(?P<do>{DAY})",
    re.IGNORECASE,
)

_I = re.IGNORECASE
# (rule name, pattern); every match is a candidate, the longest non-overlapping ones are kept
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("between", re.compile(rf"{_B}entre\s+(?:le\s+)?(?P<a>{_PT}|{DAY})\s+et\s+(?:le\s+)?(?P<b>{_PT}){_E}", _I)),
    ("from_to", re.compile(rf"{_B}(?:du|de|d['’])\s*(?P<a>{_PT}|{DAY})\s+(?:au|à)\s+(?:la\s+fin\s+)?(?P<b>{_PT}){_E}", _I)),
    ("year_range", re.compile(rf"{_B}(?P<a>{YEAR})\s*[-–]\s*(?P<b>{YEAR}){_E}")),
    ("window", re.compile(
        rf"{_B}(?:(?P<prep>{_alt(LEX.window)})\s+)?(?:(?P<bound>{BOUND})\s+)?(?:(?P<n>{NUM})\s+)?(?P<dir>{DIRW})\s+(?P<u>{UNIT}){_E}"
        rf"|{_B}(?:(?P<prep2>{_alt(LEX.window)})\s+)(?:(?P<n2>{NUM})\s+)?(?P<u2>{UNIT})\s+(?P<dir2>{DIRW}){_E}", _I)),
    ("ago", re.compile(rf"{_B}il\s+y\s+a\s+(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}", _I)),
    ("in_n", re.compile(rf"{_B}dans\s+(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}", _I)),
    ("lasting", re.compile(rf"{_B}(?P<prep>{_alt(LEX.durations_before)})\s+(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}", _I)),
    ("decade", re.compile(rf"{_B}(?:(?:les|des|dans\s+les|la|une)\s+)?(?:années|décennie)\s+(?P<y>1\d{{2}}0|20\d0|(?P<yy>[1-9]0))s?{_E}", _I)),
    ("cal_rel", re.compile(
        rf"{_B}(?:la|le|l['’])\s*(?P<u>{_alt(LEX.calendar_units)})\s+(?P<dir>{DIRW}){_E}"
        rf"|{_B}(?P<this>{_alt(LEX.this_words)})\s+(?P<u2>{_alt(LEX.calendar_units)})(?:-ci)?{_E}", _I)),
    ("season", re.compile(
        rf"{_B}(?:(?P<this>{_alt(LEX.this_words)})\s+|(?:au|en|à\s+l['’]|l['’])\s*)(?P<s>{_alt(LEX.seasons)})"
        rf"(?:\s+(?P<y>{YEAR})|\s+(?P<dir>{DIRW}))?{_E}", _I)),
    ("dm_rel", re.compile(rf"{_B}(?:(?P<wd>{WD})\s+)?(?P<d>{DAY})\s+(?P<m>{MO})\s+(?P<dir>{DIRW}){_E}", _I)),
    ("m_rel", re.compile(rf"{_B}(?P<m>{MO})\s+(?P<dir>{DIRW}){_E}", _I)),
    ("wd_rel", re.compile(rf"{_B}(?P<wd>{WD})\s+(?P<dir>{DIRW}){_E}", _I)),
    ("date", re.compile(
        rf"{_B}(?:(?P<wd>{WD})\s+)?(?P<d>{DAY})\s+(?P<m>{MO})(?:\s+(?P<y>{YEAR}))?(?:\s+(?:au\s+)?(?P<part>{PART}))?{_E}", _I)),
    ("numeric", re.compile(r"(?<![\w/.-])(?:(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d))(?![\w/-])")),
    ("month_year", re.compile(rf"{_B}(?:(?P<mp>{MPART})\s*)?(?P<m>{MO})\s+(?P<y>{YEAR}){_E}", _I)),
    ("month", re.compile(rf"{_B}(?P<prep>en|depuis|d['’]|de|{MPART})\s*(?P<m>{MO}){_E}", _I)),
    ("year", re.compile(rf"{_B}(?P<y>{YEAR})(?![\w-]|[.,]\d|\s*%)")),
    ("day_word", re.compile(rf"{_B}(?P<dw>{_alt(LEX.day_words)})(?:\s+(?P<part>{PART}))?{_E}", _I)),
    ("this_part", re.compile(rf"{_B}(?P<tp>{_alt(LEX.this_day_parts)}){_E}", _I)),
    ("weekday", re.compile(rf"{_B}(?P<this>{_alt(LEX.this_words)}\s+)?(?P<wd>{WD})(?:\s+(?P<part>{PART}))?{_E}", _I)),
]
_RULE_ORDER = {name: i for i, (name, _) in enumerate(PATTERNS)}

# Every match of a rule contains one of its trigger words (or a number); the rule's full pattern runs only around
# them: one pass over the words of the text instead of twenty case-insensitive patterns tried at every character.
def _key_words(phrases: object) -> frozenset[str]:
    """One word per phrase that every match of it contains (its longest word), lowercased."""
    out = set()
    for p in phrases:  # type: ignore[attr-defined]
        pieces = [w for w in re.split(r"\W+", str(p).lower()) if w]
        if pieces:
            out.add(max(pieces, key=len))
    return frozenset(out)


_W_MONTH, _W_DIR = _key_words(LEX.months), _key_words([*LEX.past_words, *LEX.future_words])
# rule -> (trigger words, minimum length of a number that also triggers it, or 0 for none)
TRIGGERS: dict[str, tuple[frozenset[str], int]] = {
    "between": (_W_MONTH, 1), "from_to": (_W_MONTH, 1), "year_range": (frozenset(), 4), "window": (_W_DIR, 0),
    "ago": (frozenset({"y"}), 0), "in_n": (frozenset({"dans"}), 0), "lasting": (_key_words(LEX.units), 0),
    "decade": (frozenset({"années", "décennie"}), 0), "cal_rel": (_key_words(LEX.calendar_units), 0),
    "season": (_key_words(LEX.seasons), 0), "dm_rel": (_W_DIR, 0), "m_rel": (_W_DIR, 0), "wd_rel": (_W_DIR, 0), "date": (_W_MONTH, 0),
    "numeric": (frozenset(), 1), "month_year": (_W_MONTH, 0), "month": (_W_MONTH, 0), "year": (frozenset(), 4),
    "day_word": (_key_words(LEX.day_words), 0), "this_part": (_key_words(LEX.this_day_parts), 0),
    "weekday": (_key_words(LEX.weekdays), 0),
}
_MARGIN = 120  # longer than any expression, so a window never cuts one
assert set(TRIGGERS) == set(_RULE_ORDER), "every rule needs a trigger"
_WORD_RE = re.compile(r"\w+")


_RULES_BY_WORD: dict[str, tuple[str, ...]] = {}
for _rule, (_words, _) in TRIGGERS.items():
    for _w in _words:
        _RULES_BY_WORD[_w] = (*_RULES_BY_WORD.get(_w, ()), _rule)
_DIGIT_RULES = {n: tuple(r for r, (_, d) in TRIGGERS.items() if d and d <= n) for n in range(1, 5)}


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the merged stretches of text around its trigger words."""
    out: dict[str, list[tuple[int, int]]] = {rule: [] for rule in TRIGGERS}
    n = len(text)
    for m in _WORD_RE.finditer(text):
        w = m.group()
        rules = _DIGIT_RULES[min(len(w), 4)] if w.isdigit() else _RULES_BY_WORD.get(w.lower(), ())
        if not rules:
            continue
        a, b = max(0, m.start() - _MARGIN), min(n, m.end() + _MARGIN)
        for rule in rules:
            spans = out[rule]
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
    return out
_SINCE_RE = re.compile(rf"(?<![\w'’-])(?:{_alt(LEX.since)})\s*(?:le\s+|la\s+|l['’])?$", _I)
_UNTIL_RE = re.compile(rf"(?<![\w'’-])(?:{_alt(LEX.until)})\s*(?:le\s+|la\s+|l['’])?$", _I)
_HABIT_RE = re.compile(rf"{_B}(?:{_alt(LEX.habitual_before_weekday)})\s+$", _I)
_YEAR_BEFORE_RE = re.compile(rf"(?:(?<![\w'’-])(?:{_alt(w for w in LEX.year_before if w[-1].isalpha())})|{_alt(w for w in LEX.year_before if not w[-1].isalpha())})\s*$", _I)
_YEAR_AFTER_RE = re.compile(r"\s*(?:$|[.,;:!?)\]»\n–—-])")
_FIGURATIVE_RE = re.compile(rf"{_B}(?:{_alt(LEX.figurative_before_day_words)})\s*$", _I)


# --- the reference date -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reference:
    """What the publication date allows: an interval [lo, hi] of possible days, at its precision."""

    lo: date | None = None
    hi: date | None = None
    precision: str | None = None  # "day" | "month" | "year" | None

    @classmethod
    def from_published(cls, value: str | None, precision: str | None) -> Reference:
        if not value:
            return cls()
        parts = [int(p) for p in value.split("-")]
        try:
            if len(parts) >= 3:
                d = date(parts[0], parts[1], parts[2])
                return cls(d, d, "day")
            if len(parts) == 2:
                return cls(date(parts[0], parts[1], 1), _month_end(parts[0], parts[1]), "month")
            return cls(date(parts[0], 1, 1), date(parts[0], 12, 31), "year")
        except ValueError:
            return cls()

    @property
    def day(self) -> date | None:
        return self.lo if self.precision == "day" else None

    @property
    def month(self) -> tuple[int, int] | None:
        return (self.lo.year, self.lo.month) if self.precision in ("day", "month") and self.lo else None

    @property
    def year(self) -> int | None:
        return self.lo.year if self.precision and self.lo else None

    def distance(self, lo: date, hi: date) -> int:
        """Days between the interval [lo, hi] and this reference's interval (0 when they overlap)."""
        assert self.lo and self.hi
        if hi < self.lo:
            return (self.lo - hi).days
        if lo > self.hi:
            return (lo - self.hi).days
        return 0


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit] * n
    y, m = _add_months(d.year, d.month, months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


# --- tense and anchor from the parse ------------------------------------------------------------

_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "cop", "aux:caus")


def find_anchor(sdoc: Any, start: int, end: int) -> Any | None:
    """The verb (or predicate with an auxiliary or copula) that the expression at [start, end) modifies."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if any(c.dep_ in _AUX_DEPS for c in root.children):
        return root  # "il sera vendredi à Sotchi": the expression is itself the predicate
    t = root.head
    for _ in range(12):  # a parse is a tree, but never trust a loop on data
        if t.pos_ in ("VERB", "AUX") or any(c.dep_ in _AUX_DEPS for c in t.children):
            return t
        if t.head is t:
            return t
        t = t.head
    return t


def tense_of(tok: Any, lex: Lexicon = LEX, depth: int = 0) -> tuple[str, str]:
    """(tense name, time reference: past|present|future|none) of a predicate, from spaCy's morphology."""
    if tok is None or depth > 4:
        return "unknown", "none"
    children = list(tok.children)
    vf = tok.morph.get("VerbForm")
    tense = tok.morph.get("Tense")
    if "Inf" in vf:
        head = tok.head
        if head is not tok and head.pos_ in ("VERB", "AUX"):
            name, ref = _finite(head, lex)
            if head.lemma_ in lex.future_modals and ref in ("present", "future"):
                return f"{head.lemma_}+infinitif", "future"
            if ref != "none":
                return name, ref
            return tense_of(head, lex, depth + 1)
        return "infinitif", "none"
    if "Part" in vf and "Past" in tense:
        tense_aux = [c for c in children if c.dep_ in ("aux:tense", "aux")]
        if tense_aux:
            a = tense_aux[0].morph
            if "Fut" in a.get("Tense"):
                return "futur antérieur", "future"
            if "Cnd" in a.get("Mood"):
                return "conditionnel passé", "past"
            if "Imp" in a.get("Tense"):
                return "plus-que-parfait", "past"
            return "passé composé", "past"
        pass_aux = [c for c in children if c.dep_ == "aux:pass"]
        if pass_aux:
            reflexive = any("Yes" in c.morph.get("Reflex") for c in children)
            if tok.lemma_ in lex.etre_verbs or reflexive:
                # the parser labels être + participle passive; for these verbs it is a compound past
                name, _ = _finite(pass_aux[0], lex)
                return {"futur": ("futur antérieur", "future"), "imparfait": ("plus-que-parfait", "past"),
                        "conditionnel": ("conditionnel passé", "past")}.get(name, ("passé composé", "past"))
            return _finite(pass_aux[0], lex)
        if tok.pos_ == "VERB" and tok.dep_ == "ROOT" and tok.morph.get("Person"):
            return "passé simple", "past"
        return "participe passé", "past"
    if "Fin" in vf:
        return _finite(tok, lex)
    # a noun or adjective predicate: the tense is on its copula or auxiliary
    for c in children:
        if c.dep_ in _AUX_DEPS and "Fin" in c.morph.get("VerbForm"):
            return _finite(c, lex)
    if tok.head is not tok and tok.pos_ not in ("VERB", "AUX"):
        return tense_of(tok.head, lex, depth + 1)
    return "unknown", "none"


def _finite(tok: Any, lex: Lexicon) -> tuple[str, str]:
    m = tok.morph
    if "Cnd" in m.get("Mood"):
        return "conditionnel", "future"
    if "Sub" in m.get("Mood"):
        return "subjonctif", "none"
    t = m.get("Tense")
    if "Fut" in t:
        return "futur", "future"
    if "Imp" in t:
        return "imparfait", "past"
    if "Past" in t:
        return "passé simple", "past"
    if "Pres" in t:
        if tok.lemma_ in lex.future_modals and any(c.morph.get("VerbForm") == ["Inf"] for c in tok.children):
            return f"{tok.lemma_}+infinitif", "future"
        return "présent", "present"
    return "unknown", "none"


# --- resolution ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Resolved:
    """A normalised reading: the TimeExpr fields other than span and anchor."""

    value: str | None
    precision: str | None
    kind: str
    start: str | None = None
    end: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    lo: date | None = None  # calendar bounds, to serve as local context for later partial dates
    hi: date | None = None


@dataclass(slots=True)
class Point:
    """A calendar point as written: any of weekday, day, month, year, and the day part."""

    wd: int | None = None
    d: int | None = None
    m: int | None = None
    y: int | None = None


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.lower()
    if s.isdigit():
        return int(s)
    if s in ("un", "une"):
        return 1
    try:
        from text_to_num import text2num

        return int(text2num(s, "fr"))
    except (ValueError, ImportError):
        return None


def _day(s: str) -> int:
    s = s.lower()
    return 1 if s in ("1er", "premier") else int(s)


def _month(s: str) -> int:
    return LEX.months[_key(s, LEX.months)]


def _parse_point(s: str) -> Point | None:
    m = _PT_NAMED.fullmatch(s.strip())
    if not m:
        return None
    if m.group("yo"):
        return Point(y=int(m.group("yo")))
    if m.group("do"):
        return Point(d=_day(m.group("do")))
    return Point(
        wd=LEX.weekdays[m.group("wd").lower()] if m.group("wd") else None,
        d=_day(m.group("d")) if m.group("d") else None,
        m=_month(m.group("m")),
        y=int(m.group("y")) if m.group("y") else None,
    )


def _point_bounds(p: Point) -> tuple[date, date, str] | None:
    """Calendar bounds and precision of a point with a year."""
    if p.y is None:
        return None
    try:
        if p.m is None:
            return date(p.y, 1, 1), date(p.y, 12, 31), "year"
        if p.d is None:
            return date(p.y, p.m, 1), _month_end(p.y, p.m), "month"
        d = date(p.y, p.m, p.d)
        return d, d, "day"
    except ValueError:
        return None


def _iso(lo: date, precision: str) -> str:
    if precision == "day":
        return lo.isoformat()
    if precision == "month":
        return f"{lo.year:04d}-{lo.month:02d}"
    if precision == "year":
        return f"{lo.year:04d}"
    if precision == "week":
        return _iso_week(lo)
    if precision == "decade":
        return f"{lo.year // 10:03d}"
    return lo.isoformat()


def _complete_year(p: Point, ref: Reference, mode: str) -> tuple[Point | None, dict[str, Any]]:
    """Give a day-month or month with no year a year: the reading closest to the reference.

    mode "past"/"future" (from a clear tense) keep only readings on that side of the publication date when one
    exists; "last"/"next" ("le 13 septembre dernier", "en juillet prochain") require it, strictly.
    """
    if p.y is not None:
        return p, {}
    if ref.year is None or ref.lo is None or ref.hi is None:
        return None, {"unresolved": "no publication date"}
    cands: list[tuple[int, int, Point, bool]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        q = Point(p.wd, p.d, p.m, y)
        b = _point_bounds(q)
        if b is None:
            continue
        lo, hi, _ = b
        if p.wd is not None and p.d is not None and lo.weekday() != p.wd:
            continue  # the weekday written with the date picks the year
        fits = True
        if mode in ("past", "last") and lo > ref.hi:
            fits = False
        if mode in ("future", "next") and hi < ref.lo:
            fits = False
        if mode == "last" and ref.precision == "day" and hi >= ref.lo and p.d is None:
            fits = False  # "en juillet dernier" written in July means last year's July
        if mode == "next" and ref.precision == "day" and lo <= ref.hi and p.d is None:
            fits = False
        if not fits and mode in ("last", "next"):
            continue
        cands.append((ref.distance(lo, hi), -y if mode in ("past", "last") else y, q, fits))
    if not cands and p.wd is not None:
        # the weekday fits none of the nearby years: trust the day and month, flag the weekday
        q, extra = _complete_year(Point(None, p.d, p.m, None), ref, mode)
        return (Point(p.wd, q.d, q.m, q.y) if q else None), extra
    if not cands:
        return None, {"unresolved": "no reading fits the publication date"}
    cands.sort(key=lambda c: (not c[3], c[0], c[1]))
    return cands[0][2], {"year_from": "published"}


def _resolve_point(p: Point, ref: Reference, mode: str, part: str | None = None) -> Resolved:
    attrs: dict[str, Any] = {}
    if part:
        attrs["part_of_day"] = part
    q, extra = _complete_year(p, ref, mode)
    attrs.update(extra)
    if q is None:
        if p.m is not None:
            attrs["partial"] = f"--{p.m:02d}" + (f"-{p.d:02d}" if p.d else "")
        return Resolved(None, None, "date", attrs=attrs)
    b = _point_bounds(q)
    if b is None:
        return Resolved(None, None, "date", attrs={**attrs, "unresolved": "not a calendar date"})
    lo, hi, precision = b
    if q.wd is not None and precision == "day" and lo.weekday() != q.wd:
        attrs["weekday_mismatch"] = True
    return Resolved(_iso(lo, precision), precision, "date", attrs=attrs, lo=lo, hi=hi)


def _weekday(wd: int, ref: Reference, direction: str, strict: bool = False) -> tuple[date | None, dict[str, Any]]:
    """The news reading of a weekday: this week's, in the past for past tenses, in the future for future ones."""
    base = ref.day
    if base is None:
        why = "publication day unknown" if ref.precision else "no publication date"
        return None, {"unresolved": why}
    back = (base.weekday() - wd) % 7
    fwd = (wd - base.weekday()) % 7
    if strict:  # "mardi dernier" / "mardi prochain": never the publication day itself
        back = back or 7
        fwd = fwd or 7
    if direction == "past":
        return base - timedelta(days=back), {"weekday_rule": "past"}
    if direction == "future":
        return base + timedelta(days=fwd), {"weekday_rule": "future"}
    # present or no verb: the nearer of the two
    if back <= fwd:
        return base - timedelta(days=back), {"weekday_rule": "nearest"}
    return base + timedelta(days=fwd), {"weekday_rule": "nearest"}


def _dir(word: str | None) -> int:
    if word is None:
        return 0
    w = word.lower()
    if w in LEX.past_words:
        return -1
    if w in LEX.future_words:
        return 1
    return 0


# tenses that place an event clearly before or after the moment of writing; a bare participle ("prévu le 4") does not
CLEAR_TENSES = frozenset({"passé composé", "plus-que-parfait", "passé simple", "imparfait", "futur", "futur antérieur",
                          "devoir+infinitif", "aller+infinitif"})


def _mode(direction: str, tense: str) -> str:
    return direction if tense in CLEAR_TENSES and direction in ("past", "future") else "closest"


def resolve(rule: str, g: dict[str, str | None], ref: Reference, direction: str, lex: Lexicon = LEX,
            tense: str = "unknown") -> Resolved | None:
    """Normalise one matched expression; None when the match turns out not to be temporal."""
    if rule in ("between", "from_to", "year_range"):
        a, b = _parse_point(g["a"] or ""), _parse_point(g["b"] or "")
        if a is None or b is None or (b.m is None and b.y is None):
            return None
        if a.y is None and a.m is None and a.d is None:
            return None
        # the second bound lends the first what it leaves out: "du 10 au 17 septembre", "entre février et décembre 2022"
        if a.m is None and a.d is not None:
            a.m = b.m
        if a.y is None and (a.m is not None) and b.y is not None:
            a.y = b.y if (a.m, a.d or 0) <= (b.m or 12, b.d or 31) else b.y - 1
        ra, rb = _resolve_point(a, ref, "closest"), _resolve_point(b, ref, "closest")
        attrs = {"from": g["a"], "to": g["b"]}
        if ra.value is None or rb.value is None:
            return Resolved(None, None, "period", attrs={**attrs, "unresolved": ra.attrs.get("unresolved") or rb.attrs.get("unresolved")})
        precision = _finer(ra.precision, rb.precision)
        return Resolved(f"{ra.value}/{rb.value}", precision, "period", ra.value, rb.value, attrs, ra.lo, rb.hi)

    if rule == "window":
        n_s, u_s, d_s = (g["n"], g["u"], g["dir"]) if g.get("u") else (g["n2"], g["u2"], g["dir2"])
        unit = lex.units[u_s.lower()]  # type: ignore[union-attr]
        n = _num(n_s) if n_s else None
        if n_s and n is None:
            return None
        sign = _dir(d_s)
        if sign == 0:
            return None
        attrs: dict[str, Any] = {"direction": "past" if sign < 0 else "future"}
        if g.get("bound"):
            attrs["bound"] = lex.bounds[g["bound"].lower()]  # type: ignore[union-attr]
        if n is None:
            attrs["vague"] = True
            return Resolved(None, None, "duration", attrs=attrs)
        attrs["duration"] = _iso_duration(n, unit)
        precision = _unit_precision(unit)
        base = _base_for(precision, ref)
        if base is None:
            attrs["unresolved"] = "publication date too coarse" if ref.precision else "no publication date"
            return Resolved(None, None, "duration", attrs=attrs)
        other = _shift(base, sign * n, unit)
        lo, hi = (other, base) if sign < 0 else (base, other)
        s, e = _iso(lo, precision), _iso(hi, precision)
        return Resolved(f"{s}/{e}", precision, "duration", s, e, attrs, lo, hi)

    if rule in ("ago", "in_n"):
        unit = lex.units[g["u"].lower()]  # type: ignore[union-attr]
        n = _num(g["n"])
        if n is None:
            return None
        attrs = {"duration": _iso_duration(n, unit)}
        if g.get("bound"):
            attrs["bound"] = lex.bounds[g["bound"].lower()]  # type: ignore[union-attr]
        precision = _unit_precision(unit)
        base = _base_for(precision, ref)
        if base is None:
            attrs["unresolved"] = "publication date too coarse" if ref.precision else "no publication date"
            return Resolved(None, None, "relative", attrs=attrs)
        d = _shift(base, n if rule == "in_n" else -n, unit)
        lo, hi = _bounds_at(d, precision)
        return Resolved(_iso(d, precision), precision, "relative", attrs=attrs, lo=lo, hi=hi)

    if rule == "lasting":
        unit = lex.units[g["u"].lower()]  # type: ignore[union-attr]
        n = _num(g["n"])
        if n is None:
            return None
        prep = (g["prep"] or "").lower()
        attrs = {"duration": _iso_duration(n, unit)}
        if g.get("bound"):
            attrs["bound"] = lex.bounds[g["bound"].lower()]  # type: ignore[union-attr]
        if prep == "depuis":  # "depuis trois ans": from three years before publication until it
            precision = _unit_precision(unit)
            base = _base_for(precision, ref)
            if base is None:
                attrs["unresolved"] = "publication date too coarse" if ref.precision else "no publication date"
                return Resolved(None, None, "duration", attrs=attrs)
            lo = _shift(base, -n, unit)
            s, e = _iso(lo, precision), _iso(base, precision)
            return Resolved(f"{s}/{e}", precision, "duration", s, e, attrs, lo, base)
        return Resolved(None, None, "duration", attrs=attrs)

    if rule == "decade":
        if g.get("yy"):
            y = 1900 + int(g["yy"])  # type: ignore[arg-type]
        else:
            y = int(g["y"])  # type: ignore[arg-type]
        lo, hi = date(y, 1, 1), date(y + 9, 12, 31)
        return Resolved(f"{y // 10:03d}", "decade", "date", f"{y:04d}", f"{y + 9:04d}", {}, lo, hi)

    if rule == "cal_rel":
        u_s = g.get("u") or g.get("u2")
        unit = lex.calendar_units[u_s.lower()]  # type: ignore[union-attr]
        sign = _dir(g.get("dir")) if g.get("u") else 0
        if g.get("u") and sign == 0:
            return None
        attrs = {"offset": sign, "unit": unit}
        if unit in ("week", "weekend"):
            base = ref.day
            if base is None:
                attrs["unresolved"] = "publication day unknown" if ref.precision else "no publication date"
                return Resolved(None, None, "relative", attrs=attrs)
            monday = base - timedelta(days=base.weekday()) + timedelta(weeks=sign)
            if unit == "week":
                sunday = monday + timedelta(days=6)
                return Resolved(_iso_week(monday), "week", "relative", monday.isoformat(), sunday.isoformat(), attrs, monday, sunday)
            sat = monday + timedelta(days=5)
            if sign == 0 and direction == "past" and sat > base:
                sat -= timedelta(weeks=1)  # "ce week-end" with a past tense, written before Saturday: the last one
            sun = sat + timedelta(days=1)
            return Resolved(f"{sat.isoformat()}/{sun.isoformat()}", "day", "relative", sat.isoformat(), sun.isoformat(), attrs, sat, sun)
        if unit == "month":
            if ref.month is None:
                attrs["unresolved"] = "no publication date"
                return Resolved(None, None, "relative", attrs=attrs)
            y, m = _add_months(*ref.month, sign)
            return Resolved(f"{y:04d}-{m:02d}", "month", "relative", attrs=attrs, lo=date(y, m, 1), hi=_month_end(y, m))
        if ref.year is None:
            attrs["unresolved"] = "no publication date"
            return Resolved(None, None, "relative", attrs=attrs)
        y = ref.year + sign
        return Resolved(f"{y:04d}", "year", "relative", attrs=attrs, lo=date(y, 1, 1), hi=date(y, 12, 31))

    if rule == "season":
        return _season(g, ref, lex, _mode(direction, tense))

    if rule == "dm_rel":
        sign = _dir(g["dir"])
        if sign == 0:
            return None
        p = Point(LEX.weekdays[g["wd"].lower()] if g.get("wd") else None, _day(g["d"]), _month(g["m"]))  # type: ignore[arg-type]
        r = _resolve_point(p, ref, "last" if sign < 0 else "next")
        r.kind = "relative"
        return r

    if rule == "m_rel":
        sign = _dir(g["dir"])
        if sign == 0:
            return None
        r = _resolve_point(Point(m=_month(g["m"])), ref, "last" if sign < 0 else "next")  # type: ignore[arg-type]
        r.kind = "relative"
        return r

    if rule == "wd_rel":
        sign = _dir(g["dir"])
        if sign == 0:
            return None
        d, attrs = _weekday(LEX.weekdays[g["wd"].lower()], ref, "past" if sign < 0 else "future", strict=True)  # type: ignore[union-attr]
        if d is None:
            return Resolved(None, None, "relative", attrs=attrs)
        return Resolved(d.isoformat(), "day", "relative", attrs=attrs, lo=d, hi=d)

    if rule == "date":
        p = Point(LEX.weekdays[g["wd"].lower()] if g.get("wd") else None, _day(g["d"]), _month(g["m"]),  # type: ignore[arg-type]
                  int(g["y"]) if g.get("y") else None)
        part = lex.parts_of_day[g["part"].lower()] if g.get("part") else None
        return _resolve_point(p, ref, _mode(direction, tense), part)

    if rule == "numeric":
        return _numeric(g)

    if rule == "month_year":
        p = Point(m=_month(g["m"]), y=int(g["y"]))  # type: ignore[arg-type]
        r = _resolve_point(p, ref, "closest")
        if g.get("mp"):
            r.attrs["part_of_month"] = lex.month_parts[g["mp"].lower()]  # type: ignore[union-attr]
        return r

    if rule == "month":
        r = _resolve_point(Point(m=_month(g["m"])), ref, _mode(direction, tense))  # type: ignore[arg-type]
        prep = (g.get("prep") or "").lower()
        if prep in lex.month_parts:
            r.attrs["part_of_month"] = lex.month_parts[prep]
        return r

    if rule == "year":
        y = int(g["y"])  # type: ignore[arg-type]
        return Resolved(f"{y:04d}", "year", "date", attrs={}, lo=date(y, 1, 1), hi=date(y, 12, 31))

    if rule in ("day_word", "this_part"):
        if rule == "day_word":
            offset = lex.day_words[_key(g["dw"], lex.day_words)]
            part = lex.parts_of_day[g["part"].lower()] if g.get("part") else None
        else:
            offset, part = 0, lex.this_day_parts[_key(g["tp"], lex.this_day_parts)]
        attrs = {"offset_days": offset}
        if part:
            attrs["part_of_day"] = part
        if ref.day is None:
            attrs["unresolved"] = "publication day unknown" if ref.precision else "no publication date"
            return Resolved(None, None, "relative", attrs=attrs)
        d = ref.day + timedelta(days=offset)
        return Resolved(d.isoformat(), "day", "relative", attrs=attrs, lo=d, hi=d)

    if rule == "weekday":
        wd = LEX.weekdays[g["wd"].lower()]  # type: ignore[union-attr]
        part = lex.parts_of_day[g["part"].lower()] if g.get("part") else None
        d, attrs = _weekday(wd, ref, direction)
        if part:
            attrs["part_of_day"] = part
        if d is None:
            return Resolved(None, None, "relative", attrs=attrs)
        return Resolved(d.isoformat(), "day", "relative", attrs=attrs, lo=d, hi=d)
    return None


def _key(s: str | None, table: dict[str, Any]) -> str:
    """The lexicon key for a matched word, whichever apostrophe and case the text used."""
    s = (s or "").lower()
    for k in (s, s.replace("’", "'"), s.replace("'", "’")):
        if k in table:
            return k
    raise KeyError(s)


def _season(g: dict[str, str | None], ref: Reference, lex: Lexicon, mode: str) -> Resolved:
    """'l'été dernier', 'cet automne', 'au printemps 2022': a period of months; winter straddles the new year."""
    name = _key(g["s"], lex.seasons)
    first, last = lex.seasons[name]
    sign = _dir(g.get("dir"))
    attrs: dict[str, Any] = {"season": name}

    def bounds(y: int) -> tuple[date, date]:  # the season that starts in year y
        return date(y, first, 1), _month_end(y + (1 if last < first else 0), last)

    if g.get("y"):
        lo, hi = bounds(int(g["y"]))  # type: ignore[arg-type]
    elif ref.month is None or ref.lo is None or ref.hi is None:
        attrs["unresolved"] = "publication date too coarse" if ref.precision else "no publication date"
        return Resolved(None, None, "period", attrs=attrs)
    else:
        cands = [bounds(y) for y in (ref.lo.year - 2, ref.lo.year - 1, ref.lo.year, ref.lo.year + 1)]
        if sign < 0:
            cands = [c for c in cands if c[1] < ref.lo]
            lo, hi = max(cands)
        elif sign > 0:
            cands = [c for c in cands if c[0] > ref.hi]
            lo, hi = min(cands)
        else:
            fits = [c for c in cands if (mode != "past" or c[0] <= ref.hi) and (mode != "future" or c[1] >= ref.lo)]
            lo, hi = min(fits or cands, key=lambda c: (ref.distance(*c), -c[0].toordinal()))
    s, e = _iso(lo, "month"), _iso(hi, "month")
    return Resolved(f"{s}/{e}", "month", "period" if sign == 0 else "relative", s, e, attrs, lo, hi)


def _numeric(g: dict[str, str | None]) -> Resolved | None:
    """Numeric dates ("12/09/2023", "2023-09-12"): dateparser reads these well, day first for French."""
    import dateparser

    y, m, d = (g["y"], g["m"], g["d"]) if g.get("y") else (g["y2"], g["m2"], g["d2"])
    text = f"{d}/{m}/{y}"
    parsed = dateparser.parse(text, languages=["fr"], settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        return None
    dd = parsed.date()
    return Resolved(dd.isoformat(), "day", "date", attrs={"parser": "dateparser"}, lo=dd, hi=dd)


def _finer(a: str | None, b: str | None) -> str | None:
    order = ["day", "week", "month", "year", "decade"]
    cands = [p for p in (a, b) if p in order]
    return min(cands, key=order.index) if cands else None


def _unit_precision(unit: str) -> str:
    return {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year", "century": "decade"}[unit]


def _base_for(precision: str, ref: Reference) -> date | None:
    """The publication date at the precision a computation needs, or None when it is not known that finely."""
    if precision in ("day", "week"):
        return ref.day
    if precision == "month":
        return ref.lo if ref.month else None
    return ref.lo if ref.year else None


def _bounds_at(d: date, precision: str) -> tuple[date, date]:
    if precision == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        return date(d.year, d.month, 1), _month_end(d.year, d.month)
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if precision == "decade":
        y = d.year // 10 * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    return d, d


def _iso_duration(n: int, unit: str) -> str:
    return {"day": f"P{n}D", "week": f"P{n}W", "month": f"P{n}M", "year": f"P{n}Y", "decade": f"P{n * 10}Y", "century": f"P{n * 100}Y"}[unit]


# --- matching ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    rule: str
    start: int
    end: int
    groups: dict[str, str | None]


def find_candidates(text: str, lex: Lexicon = LEX) -> list[Candidate]:
    """Every pattern match, then the longest non-overlapping ones (earlier rules win ties)."""
    found: list[Candidate] = []
    windows = _windows(text)
    for rule, pat in PATTERNS:
        seen: set[tuple[int, int]] = set()
        for a, b in windows[rule]:
            for m in pat.finditer(text, a, b):
                if (m.start(), m.end()) not in seen and _plausible(rule, m, text, lex):
                    seen.add((m.start(), m.end()))
                    found.append(Candidate(rule, m.start(), m.end(), m.groupdict()))
    found.sort(key=lambda c: (-(c.end - c.start), _RULE_ORDER[c.rule], c.start))
    taken: list[tuple[int, int]] = []
    kept: list[Candidate] = []
    for c in found:
        i = bisect.bisect_left(taken, (c.start, c.end))
        if (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end):
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def _plausible(rule: str, m: re.Match[str], text: str, lex: Lexicon) -> bool:
    """Filters that need the surrounding text: ambiguous month names, habits, figures of speech."""
    gd = m.groupdict()
    month = gd.get("m")
    if month and month.lower() in lex.months_need_context and month != month.lower():
        return False  # "Mars" with a capital is the planet or a name, not the month
    before = text[max(0, m.start() - 20):m.start()]
    if rule == "weekday" and not gd.get("this") and _HABIT_RE.search(before):
        return False
    if rule == "year" and not (_YEAR_BEFORE_RE.search(before) or _YEAR_AFTER_RE.match(text, m.end())):
        return False  # a bare number in running text: "dont 1589 détruits" counts, it does not date
    if rule == "day_word" and _FIGURATIVE_RE.search(before):
        return False
    if rule in ("window",) and not (gd.get("n") or gd.get("n2") or gd.get("prep") or gd.get("prep2")):
        return False
    for key in ("n", "n2"):
        if gd.get(key) and _num(gd[key]) is None:
            return False  # the word before the unit is not a number: not this pattern
    return True


def _wrap_since_until(text: str, c: Candidate, r: Resolved) -> tuple[int, Resolved]:
    """'depuis 2019', 'dès mardi', 'jusqu'à mercredi': an open period from or until the point."""
    if r.kind in ("period", "duration"):
        return c.start, r
    before = text[max(0, c.start - 30):c.start]
    for regex, side in ((_SINCE_RE, "since"), (_UNTIL_RE, "until")):
        m = regex.search(before)
        if not m:
            continue
        start = c.start - (len(before) - m.start())
        return start, _open_period(r, "end" if side == "since" else "start")
    return c.start, r


def _open_period(r: Resolved, open_side: str) -> Resolved:
    """A point made into a period open at one side: 'depuis X' is X/.., 'jusqu'à X' is ../X."""
    attrs = {**r.attrs, "open": open_side, "point_kind": r.attrs.get("point_kind", r.kind)}
    if r.value is None:
        return Resolved(None, None, "period", attrs=attrs)
    lo_s = r.start or (r.value.split("/")[0] if "/" in r.value else r.value)
    hi_s = r.end or (r.value.split("/")[-1] if "/" in r.value else r.value)
    if open_side == "end":
        return Resolved(f"{lo_s}/..", r.precision, "period", lo_s, None, attrs, r.lo, None)
    return Resolved(f"../{hi_s}", r.precision, "period", None, hi_s, attrs, None, r.hi)


_PATTERN_GROUPS = {rule: tuple(pat.groupindex) for rule, pat in PATTERNS}


def retime(t: TimeExpr, day: date) -> TimeExpr | None:
    """The same expression read against a reference day learned later (an article's day inferred across articles).

    Only expressions left unresolved for want of a publication day carry what this needs (their rule and matched
    words); None when the expression still does not resolve. A pure function: the resolution stage calls it.
    """
    rule, groups = t.attrs.get("rule"), t.attrs.get("groups")
    if rule not in _PATTERN_GROUPS or not isinstance(groups, dict):
        return None
    g: dict[str, str | None] = dict.fromkeys(_PATTERN_GROUPS[rule])
    g.update({k: v for k, v in groups.items() if k in g and isinstance(v, str)})
    r = resolve(rule, g, Reference(day, day, "day"), t.attrs.get("time_ref", "none"), tense=t.attrs.get("tense", "unknown"))
    if r is None or r.value is None:
        return None
    if t.attrs.get("open") in ("start", "end"):
        r = _open_period(r, t.attrs["open"])
    attrs = {k: v for k, v in t.attrs.items() if k not in ("unresolved", "groups")}
    attrs.update(r.attrs)
    attrs["reference"] = "inferred"
    attrs["reference_day"] = day.isoformat()
    return TimeExpr(span=t.span, value=r.value, precision=r.precision, start=r.start, end=r.end, kind=r.kind,
                    anchor=t.anchor, attrs=attrs)


# "au lendemain de son arrivée": the event named after the word is dated from the clause's own date
_EVENT_REL_RE = re.compile(
    rf"{_B}(?:au|le|la|à\s+la|l['’])\s*(?P<w>{_alt(LEX.event_relative)})\s+(?:de\s+l['’]|de\s+la|des|du|de|d['’])\s*", _I
) if LEX.event_relative else None


def _names_a_day(t: TimeExpr) -> bool:
    """A point the text dates to the day (not a period): what "au lendemain de", "la veille" count from."""
    return t.precision == "day" and bool(t.value) and len(t.value or "") == 10 and t.kind in ("date", "relative")


def event_relative(doc_id: str, text: str, sdoc: Any, found: list[TimeExpr]) -> list[TimeExpr]:
    """Dates of events named only relative to a dated clause: in "reçu le 13 mai, au lendemain de son arrivée", the
    arrival is dated 12 May. The new expression spans the event's words ("son arrivée") and is anchored to its noun."""
    if _EVENT_REL_RE is None:
        return []
    out: list[TimeExpr] = []
    by_anchor: dict[int, list[TimeExpr]] = {}
    for t in found:
        if t.anchor is not None and _names_a_day(t):
            by_anchor.setdefault(t.anchor, []).append(t)
    for m in _EVENT_REL_RE.finditer(text):
        head = find_anchor(sdoc, m.start(), m.end() - 1)
        dated = by_anchor.get(head.idx) if head is not None else None
        if not dated:
            continue
        noun = _noun_after(sdoc, m.end())
        if noun is None:
            continue
        ref = min(dated, key=lambda t: abs(t.span.start - m.start()))
        offset = LEX.event_relative[_key(m.group("w"), LEX.event_relative)]
        try:
            value = (date.fromisoformat(ref.value or "") - timedelta(days=offset)).isoformat()
        except ValueError:
            continue
        start = m.end()
        out.append(TimeExpr(
            span=Span(doc_id, start, noun.idx + len(noun.text), text[start:noun.idx + len(noun.text)]), value=value,
            precision="day", kind="event_relative", anchor=noun.idx,
            attrs={"rule": "event_relative", "relation": m.group("w").lower(), "offset_days": -offset,
                   "from": ref.span.to_dict(), "tense": ref.attrs.get("tense", "unknown"),
                   "time_ref": ref.attrs.get("time_ref", "none")},
        ))
    return out


# "La veille, il avait signé ...": the day before the last day the text named
_NARRATIVE_REL_RE = re.compile(
    rf"{_B}(?:au\s+|à\s+la\s+)?(?:la|le|l['’])\s*(?P<w>{_alt(LEX.event_relative)}){_E}(?!\s+(?:de|du|des|d['’]))", _I
) if LEX.event_relative else None
NARRATIVE_REACH = 400  # characters back to the day it counts from: the same paragraph, or about


def narrative_relative(doc_id: str, text: str, sdoc: Any, found: list[TimeExpr]) -> list[TimeExpr]:
    """'la veille', 'le lendemain' standing alone count from the last day the text gave just before (a narrative's
    own time line), not from the publication date; without such a day nearby they are left out, not guessed."""
    if _NARRATIVE_REL_RE is None:
        return []
    days = sorted((t for t in found if _names_a_day(t)), key=lambda t: t.span.start)
    starts = [t.span.start for t in days]
    out: list[TimeExpr] = []
    for m in _NARRATIVE_REL_RE.finditer(text):
        i = bisect.bisect_left(starts, m.start()) - 1
        if i < 0 or m.start() - days[i].span.end > NARRATIVE_REACH:
            continue
        ref = days[i]
        offset = LEX.event_relative[_key(m.group("w"), LEX.event_relative)]
        try:
            value = (date.fromisoformat(ref.value or "") + timedelta(days=offset)).isoformat()
        except ValueError:
            continue
        anchor_tok = find_anchor(sdoc, m.start(), m.end())
        tense, direction = tense_of(anchor_tok)
        out.append(TimeExpr(
            span=Span(doc_id, m.start(), m.end(), text[m.start():m.end()]), value=value, precision="day", kind="relative",
            anchor=anchor_tok.idx if anchor_tok is not None else None,
            attrs={"rule": "narrative_relative", "offset_days": offset, "from": ref.span.to_dict(), "tense": tense,
                   "time_ref": direction},
        ))
    return out


def _noun_after(sdoc: Any, start: int) -> Any | None:
    """The noun (or infinitive) that the words at `start` introduce: 'son arrivée', 'la signature'."""
    span = sdoc.char_span(start, min(len(sdoc.text), start + 60), alignment_mode="expand")
    if span is None:
        return None
    for tok in list(span)[:4]:
        if tok.pos_ in ("NOUN", "VERB"):
            return tok
        if tok.pos_ not in ("DET", "PRON", "ADJ"):
            return None
    return None


def _rejected_by_parse(c: Candidate, sdoc: Any) -> bool:
    """A year that counts something ('1500 km', 'entre 1500 et 2000 soldats') is a quantity, not a date."""
    if c.rule not in ("year", "between", "from_to", "year_range"):
        return False
    span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any(t.like_num and t.dep_ == "nummod" and t.head.i >= span.end for t in span)


# --- publication date completion -----------------------------------------------------------------

_DATELINE_RE = re.compile(rf"{_B}(?P<wd>{WD})\s+(?P<d>{DAY})\s+(?P<m>{MO})(?:\s+(?P<y>{YEAR}))?{_E}", _I)
DATELINE_WINDOW = 300  # characters at the top of an article where a dateline can stand


def refine_published(doc_id: str, text: str, published: str | None, precision: str | None) -> dict[str, Any] | None:
    """The publication day, when the date is known only to the month (or year) and a dateline near the top gives it.

    A dateline is "weekday day month [year]" in the first lines, consistent with the known month and with its own
    weekday; only one such date may be there, otherwise it is not unambiguous. Usable by ingest as well (pure function).
    """
    if precision not in ("month", "year") or not published:
        return None
    ref = Reference.from_published(published, precision)
    hits: list[tuple[date, re.Match[str]]] = []
    for m in _DATELINE_RE.finditer(text[:DATELINE_WINDOW]):
        p = Point(LEX.weekdays[m.group("wd").lower()], _day(m.group("d")), _month(m.group("m")),
                  int(m.group("y")) if m.group("y") else None)
        q, _ = _complete_year(p, ref, "closest")
        if q is None or q.y is None or q.m is None or q.d is None:
            continue
        try:
            d = date(q.y, q.m, q.d)
        except ValueError:
            continue
        if d.weekday() != p.wd or ref.lo is None or ref.hi is None or not (ref.lo <= d <= ref.hi):
            continue
        hits.append((d, m))
    if len({d for d, _ in hits}) != 1:
        return None
    d, m = hits[0]
    return {"value": d.isoformat(), "precision": "day", "rule": "dateline",
            "evidence": Span(doc_id, m.start(), m.end(), text[m.start():m.end()]).to_dict()}


# --- the component -------------------------------------------------------------------------------


_EXPLICIT_YEAR_RULES = frozenset({"date", "month_year", "numeric", "between", "from_to"})


def extract(doc_id: str, text: str, sdoc: Any, published: str | None, precision: str | None,
            sentences: list[tuple[int, int]] | None = None) -> tuple[list[TimeExpr], dict[str, Any] | None]:
    """Temporal expressions of one text, normalised; and the refined publication date if the text gives one."""
    refined = refine_published(doc_id, text, published, precision)
    ref = Reference.from_published(refined["value"], "day") if refined else Reference.from_published(published, precision)
    sent_starts = [s for s, _ in (sentences or [(s.start_char, s.end_char) for s in sdoc.sents])]
    out: list[TimeExpr] = []
    context: dict[int, Resolved] = {}  # per sentence: the last expression that carried its own year
    for c in find_candidates(text):
        if _rejected_by_parse(c, sdoc):
            continue
        anchor_tok = find_anchor(sdoc, c.start, c.end)
        tense, direction = tense_of(anchor_tok)
        r = resolve(c.rule, c.groups, ref, direction, tense=tense)
        if r is None:
            continue
        sent = max(0, bisect.bisect_right(sent_starts, c.start) - 1)
        if c.rule in ("date", "month") and sent in context and c.groups.get("y") is None:
            # the sentence gave a full date just before: "le 13 septembre 2023 ... avant de repartir le 17
            # septembre"; a reader takes the year from it rather than from the publication date
            local = context[sent]
            lref = Reference(local.lo, local.hi, "day" if local.lo == local.hi else "month")
            r2 = resolve(c.rule, c.groups, lref, direction)  # tense speaks of the writing time, not of that date
            if r2 is not None and r2.value is not None:
                r2.attrs["year_from"] = "sentence"
                r2.attrs.pop("unresolved", None)
                r = r2
        if c.rule in _EXPLICIT_YEAR_RULES and r.lo is not None and r.value is not None and "year_from" not in r.attrs:
            context[sent] = r
        start, r = _wrap_since_until(text, c, r)
        attrs = dict(r.attrs)
        if r.value is None and "unresolved" in attrs:
            # what `retime` needs to read it again once the article's day is known from other articles
            attrs["groups"] = {k: v for k, v in c.groups.items() if v}
        attrs["rule"] = c.rule
        attrs["tense"] = tense
        attrs["time_ref"] = direction
        if refined is not None:
            attrs["reference"] = "published_refined"
        out.append(TimeExpr(
            span=Span(doc_id, start, c.end, text[start:c.end]), value=r.value, precision=r.precision,
            start=r.start, end=r.end, kind=r.kind, anchor=anchor_tok.idx if anchor_tok is not None else None,
            attrs=attrs,
        ))
    derived = event_relative(doc_id, text, sdoc, out)
    taken = [(t.span.start, t.span.end) for t in out]
    derived += [t for t in narrative_relative(doc_id, text, sdoc, out)
                if not any(a < t.span.end and t.span.start < b for a, b in taken)]
    if derived:
        out = sorted(out + derived, key=lambda t: (t.span.start, t.span.end))
    return out, refined


@component("times", requires=("spacy",), assigns=("times", "attrs"), version="3")
def times(ctx: Context) -> dict[str, Any]:
    doc = ctx.document
    found, refined = extract(doc.id, doc.text, ctx.sdoc, doc.published, doc.published_precision, ctx.analysis.sentences)
    out: dict[str, Any] = {"times": found}
    if refined is not None:
        out["attrs"] = {"published_refined": refined}
    return out
