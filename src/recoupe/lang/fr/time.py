"""French time words (data/time.json) and the patterns of French time expressions: what the `times` component
matches, and the vocabulary `recoupe.chrono` reads a matched expression with (words -> weekday, month, unit...)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from recoupe.errors import RecoupeError

_PARTS_OF_DAY = {"morning", "noon", "afternoon", "evening", "night"}
_UNITS = {"day", "week", "month", "year", "decade", "century"}
_CAL_UNITS = {"week", "month", "year", "weekend"}


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """The French temporal words and what they stand for (data/time.json)."""

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
    duration_relations: dict[str, int] = field(default_factory=dict)  # "after" -> -1: "two days after X" is before
    target_prepositions: tuple[str, ...] = ()  # "set for Dec. 23": a date something is set for, not when it was set
    # "ce jour-là", "that evening": the day the narrative last named, with the offset in days (0)
    narrative_demonstratives: dict[str, int] = field(default_factory=dict)
    # "trois jours plus tard", "two weeks later": a count from the day the narrative last named (its sign)
    narrative_counts: dict[str, int] = field(default_factory=dict)
    # "la même année", "the following year": a year counted from the year the narrative last named
    narrative_years: dict[str, int] = field(default_factory=dict)


def lexicon_from_dict(raw: dict[str, Any], path: str = "<lexicon>") -> TimeLexicon:
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
    return TimeLexicon(
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
        duration_relations=_offsets(raw.get("duration_relations", {}), path, "duration_relations"),
        target_prepositions=tuple(raw.get("target_prepositions", ())),
        narrative_demonstratives=_offsets(raw.get("narrative_demonstratives", {}), path, "narrative_demonstratives"),
        narrative_counts=_offsets(raw.get("narrative_counts", {}), path, "narrative_counts"),
        narrative_years=_offsets(raw.get("narrative_years", {}), path, "narrative_years"),
    )


def _offsets(raw: object, path: str, key: str = "event_relative") -> dict[str, int]:
    if not isinstance(raw, dict) or not all(isinstance(v, int) for v in raw.values()):
        raise RecoupeError(f"{path}: {key!r} must map words to offsets (integers)")
    return dict(raw)


def _seasons(raw: dict[str, Any], path: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for name, pair in raw.items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in pair)):
            raise RecoupeError(f"{path}: 'seasons.{name}' must be [first month, last month]")
        out[name] = (pair[0], pair[1])
    return out




def load(data: Callable[[str], Any]) -> TimeWords:
    """The time words from the pack's time.json (validated by its schema, then cross-checked)."""
    return TimeWords(lexicon_from_dict(data("time.json"), "recoupe/lang/fr/data/time.json"))


def _alt(words: Iterable[object]) -> str:
    """A regex alternation of these words, longest first so that 'après-midi' wins over 'midi'."""
    ws = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.sub(r"['’]", lambda _: "['’]", re.escape(w)) for w in ws)


def _key_words(phrases: Iterable[object]) -> frozenset[str]:
    """One word per phrase that every match of it contains (its longest word), lowercased."""
    out = set()
    for p in phrases:
        pieces = [w for w in re.split(r"\W+", str(p).lower()) if w]
        if pieces:
            out.add(max(pieces, key=len))
    return frozenset(out)


_B = r"(?<![\w-])"  # word start (a hyphen before means part of a compound: 'COVID-19')
_E = r"(?![\w])"  # word end
_I = re.IGNORECASE
DAY = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
YEAR = r"(?:1\d{3}|20\d\d|21\d\d)(?!\d)"
NUM = r"(?:\d+|[a-zéèêû]+(?:-[a-zéèêû]+)*)"
_MARGIN = 120  # longer than any expression, so a window never cuts one
_WORD_RE = re.compile(r"\w+")
_YEAR_AFTER_RE = re.compile(r"\s*(?:$|[.,;:!?)\]»\n–—-])")


@dataclass(slots=True)
class Candidate:
    """One match of a time pattern: its rule (a name `recoupe.chrono.read` knows), span and matched words."""

    rule: str
    start: int
    end: int
    groups: dict[str, str | None]


class TimeWords:
    """The French time vocabulary with its compiled patterns. Satisfies `recoupe.chrono.TimeVocabulary`."""

    code = "fr"
    date_order = "DMY"  # numeric dates: day first

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        # the vocabulary chrono reads words with
        self.weekdays, self.months, self.parts_of_day = lex.weekdays, lex.months, lex.parts_of_day
        self.day_words, self.this_day_parts, self.units = lex.day_words, lex.this_day_parts, lex.units
        self.calendar_units, self.past_words, self.future_words = lex.calendar_units, lex.past_words, lex.future_words
        self.month_parts, self.bounds, self.seasons = lex.month_parts, lex.bounds, lex.seasons
        self.event_relative = lex.event_relative
        # what a narrative's relative day words count by: "le lendemain" (+1) and "ce jour-là" (0) alike
        self.narrative_offsets = {**lex.event_relative, **lex.narrative_demonstratives}
        # the twelve month names as a date is written out ("septembre"), and every written form of a weekday or month
        first: dict[int, str] = {}
        for name, n in lex.months.items():
            first.setdefault(n, name)
        self.month_names: tuple[str, ...] = tuple(first[n] for n in range(1, 13))
        self.calendar_words: frozenset[str] = frozenset([*lex.weekdays, *lex.months])
        self._compile()

    # -- words -> values (chrono.TimeVocabulary) ---------------------------------------------------

    def number(self, s: str | None) -> int | None:
        """A cardinal written in digits or in French words ("trois", "vingt-quatre"); None if it is none."""
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

    def day(self, s: str) -> int:
        """The day of the month as written ("1er", "premier", "12")."""
        s = s.lower()
        return 1 if s in ("1er", "premier") else int(s)

    # -- the patterns ------------------------------------------------------------------------------

    def _compile(self) -> None:
        lex = self.lex
        WD = rf"(?:{_alt(lex.weekdays)})"
        MO = rf"(?:{_alt(lex.months)})"
        PART = rf"(?:{_alt(lex.parts_of_day)})"
        UNIT = rf"(?:{_alt(lex.units)})"
        PASTW = rf"(?:{_alt(lex.past_words)})"
        FUTW = rf"(?:{_alt(lex.future_words)})"
        DIRW = rf"(?:{PASTW}|{FUTW})"
        BOUND = rf"(?:{_alt(lex.bounds)})"
        MPART = rf"(?:{_alt(lex.month_parts)})"
        # one point in time as written inside a period: "mardi 12 septembre 2023", "février", "2019", "10"
        _PT = rf"(?:(?:{WD})\s+)?(?:(?:le\s+)?{DAY}\s+)?{MO}(?:\s+{YEAR})?|{YEAR}"
        self.point_pattern = re.compile(
            rf"(?:(?P<wd>{WD})\s+)?(?:le\s+)?(?:(?P<d>{DAY})\s+)?(?P<m>{MO})(?:\s+(?P<y>{YEAR}))?|(?P<yo>{YEAR})|(?P<do>{DAY})",
            re.IGNORECASE,
        )
        # (rule name, pattern); every match is a candidate, the longest non-overlapping ones are kept
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("between", re.compile(rf"{_B}entre\s+(?:le\s+)?(?P<a>{_PT}|{DAY})\s+et\s+(?:le\s+)?(?P<b>{_PT}){_E}", _I)),
            ("from_to", re.compile(rf"{_B}(?:du|de|d['’])\s*(?P<a>{_PT}|{DAY})\s+(?:au|à)\s+(?:la\s+fin\s+)?(?P<b>{_PT}){_E}", _I)),
            ("year_range", re.compile(rf"{_B}(?P<a>{YEAR})\s*[-–]\s*(?P<b>{YEAR}){_E}")),
            ("window", re.compile(
                rf"{_B}(?:(?P<prep>{_alt(lex.window)})\s+)?(?:(?P<bound>{BOUND})\s+)?(?:(?P<n>{NUM})\s+)?(?P<dir>{DIRW})\s+(?P<u>{UNIT}){_E}"
                rf"|{_B}(?:(?P<prep2>{_alt(lex.window)})\s+)(?:(?P<n2>{NUM})\s+)?(?P<u2>{UNIT})\s+(?P<dir2>{DIRW}){_E}", _I)),
            ("ago", re.compile(rf"{_B}il\s+y\s+a\s+(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}", _I)),
            ("in_n", re.compile(rf"{_B}dans\s+(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}", _I)),
            ("lasting", re.compile(rf"{_B}(?P<prep>{_alt(lex.durations_before)})\s+(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}", _I)),
            ("decade", re.compile(rf"{_B}(?:(?:les|des|dans\s+les|la|une)\s+)?(?:années|décennie)\s+(?P<y>1\d{{2}}0|20\d0|(?P<yy>[1-9]0))s?{_E}", _I)),
            ("cal_rel", re.compile(
                rf"{_B}(?:la|le|l['’])\s*(?P<u>{_alt(lex.calendar_units)})\s+(?P<dir>{DIRW}){_E}"
                rf"|{_B}(?P<this>{_alt(lex.this_words)})\s+(?P<u2>{_alt(lex.calendar_units)})(?:-ci)?{_E}", _I)),
            ("season", re.compile(
                rf"{_B}(?:(?P<this>{_alt(lex.this_words)})\s+|(?:au|en|à\s+l['’]|l['’])\s*)(?P<s>{_alt(lex.seasons)})"
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
            # "la nuit du 26", "dans la soirée du 5": a day of the month the narrative is in (read in its context)
            ("day_of", re.compile(rf"{_B}(?:(?:la|le|l['’])\s*)?(?P<part>{PART})\s+du\s+(?P<d>{DAY})(?!\s*(?:{MO}|\d|[/.]\d|au\s|e\b))", _I)),
            ("day_word", re.compile(rf"{_B}(?P<dw>{_alt(lex.day_words)})(?:\s+(?P<part>{PART}))?{_E}", _I)),
            ("this_part", re.compile(rf"{_B}(?P<tp>{_alt(lex.this_day_parts)}){_E}", _I)),
            ("weekday", re.compile(rf"{_B}(?P<this>{_alt(lex.this_words)}\s+)?(?P<wd>{WD})(?:\s+(?P<part>{PART}))?{_E}", _I)),
        ]
        self.rule_order = {name: i for i, (name, _) in enumerate(self.patterns)}
        # Every match of a rule contains one of its trigger words (or a number); the rule's full pattern runs only
        # around them: one pass over the words of the text instead of twenty case-insensitive patterns tried at
        # every character. rule -> (trigger words, minimum length of a number that also triggers it, or 0 for none)
        w_month, w_dir = _key_words(lex.months), _key_words([*lex.past_words, *lex.future_words])
        self.triggers: dict[str, tuple[frozenset[str], int]] = {
            "between": (w_month, 1), "from_to": (w_month, 1), "year_range": (frozenset(), 4), "window": (w_dir, 0),
            "ago": (frozenset({"y"}), 0), "in_n": (frozenset({"dans"}), 0), "lasting": (_key_words(lex.units), 0),
            "decade": (frozenset({"années", "décennie"}), 0), "cal_rel": (_key_words(lex.calendar_units), 0),
            "season": (_key_words(lex.seasons), 0), "dm_rel": (w_dir, 0), "m_rel": (w_dir, 0), "wd_rel": (w_dir, 0),
            "date": (w_month, 0), "numeric": (frozenset(), 1), "month_year": (w_month, 0), "month": (w_month, 0),
            "year": (frozenset(), 4), "day_word": (_key_words(lex.day_words), 0), "day_of": (_key_words(lex.parts_of_day), 0),
            "this_part": (_key_words(lex.this_day_parts), 0), "weekday": (_key_words(lex.weekdays), 0),
        }
        self._index_rules()
        # words before a point that make it an open period: "depuis mardi", "jusqu'à mercredi"
        self.since_re = re.compile(rf"(?<![\w'’-])(?:{_alt(lex.since)})\s*(?:le\s+|la\s+|l['’])?$", _I)
        self.until_re = re.compile(rf"(?<![\w'’-])(?:{_alt(lex.until)})\s*(?:le\s+|la\s+|l['’])?$", _I)
        self.habit_re = re.compile(rf"{_B}(?:{_alt(lex.habitual_before_weekday)})\s+$", _I)
        self.year_before_re = re.compile(rf"(?:(?<![\w'’-])(?:{_alt(w for w in lex.year_before if w[-1].isalpha())})|{_alt(w for w in lex.year_before if not w[-1].isalpha())})\s*$", _I)
        self.figurative_re = re.compile(rf"{_B}(?:{_alt(lex.figurative_before_day_words)})\s*$", _I)
        # "au lendemain de son arrivée": the event named after the word is dated from the clause's own date
        self.event_relative_re = re.compile(
            rf"{_B}(?:au|le|la|à\s+la|l['’])\s*(?P<w>{_alt(lex.event_relative)})\s+(?:de\s+l['’]|de\s+la|des|du|de|d['’])\s*", _I
        ) if lex.event_relative else None
        # "La veille, il avait signé ...": the day before the last day the text named
        # "deux jours après la marche": the event named after it happened that long before the clause's own time
        self.target_before_re = re.compile(rf"(?<![\w'’-])(?:{_alt(lex.target_prepositions)})\s+$", _I) if lex.target_prepositions else None
        self.duration_relative_re = re.compile(
            rf"{_B}(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<rel>{_alt(lex.duration_relations)}){_E}", _I
        ) if lex.duration_relations else None
        self.narrative_year_re = re.compile(
            rf"{_B}(?P<w>{_alt(lex.narrative_years)}){_E}", _I
        ) if lex.narrative_years else None
        self.narrative_count_re = re.compile(
            rf"{_B}(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<w>{_alt(lex.narrative_counts)}){_E}", _I
        ) if lex.narrative_counts else None
        demonstratives = rf"|(?P<d>{_alt(lex.narrative_demonstratives)})" if lex.narrative_demonstratives else ""
        self.narrative_relative_re = re.compile(
            rf"{_B}(?:(?:au\s+|à\s+la\s+)?(?:la|le|l['’])\s*(?P<w>{_alt(lex.event_relative)}){demonstratives}){_E}(?!\s+(?:de|du|des|d['’]))", _I
        ) if lex.event_relative else None
        # "mardi 12 septembre [2023]": a full date as a dateline writes it, and as the weekday check reads it
        # "mardi 13 septembre [2023]" as the weekday check reads it (any day number: it checks the calendar itself)
        self.weekday_date_re = re.compile(
            rf"(?<!\w)({_alt(lex.weekdays)})\s+(premier|1er|\d{{1,2}})\s+({_alt(lex.months)})(?:\s+(\d{{4}}))?(?!\w)", re.IGNORECASE)
        self.dateline_re = re.compile(rf"{_B}(?:(?P<wd>{WD})\s+)?(?P<d>{DAY})\s+(?P<m>{MO})(?:\s+(?P<y>{YEAR}))?{_E}", _I)

    def _index_rules(self) -> None:
        """The lookups from a word (or a number's length) to the rules it triggers, once `triggers` is set."""
        if set(self.triggers) != set(self.rule_order):
            raise RecoupeError(f"recoupe/lang/{self.code}/time.py: every time rule needs its trigger words")
        self.rules_by_word: dict[str, tuple[str, ...]] = {}
        for rule, (words, _) in self.triggers.items():
            for w in words:
                self.rules_by_word[w] = (*self.rules_by_word.get(w, ()), rule)
        self.digit_rules = {n: tuple(r for r, (_, d) in self.triggers.items() if d and d <= n) for n in range(1, 5)}

    # -- matching ----------------------------------------------------------------------------------

    def candidates(self, text: str) -> list[Candidate]:
        """Every pattern match, then the longest non-overlapping ones (earlier rules win ties)."""
        found: list[Candidate] = []
        windows = self._windows(text)
        for rule, pat in self.patterns:
            seen: set[tuple[int, int]] = set()
            for a, b in windows[rule]:
                for m in pat.finditer(text, a, b):
                    if (m.start(), m.end()) not in seen and self._plausible(rule, m, text):
                        seen.add((m.start(), m.end()))
                        found.append(Candidate(rule, m.start(), m.end(), m.groupdict()))
        found.sort(key=lambda c: (-(c.end - c.start), self.rule_order[c.rule], c.start))
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

    def _windows(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """For each rule, the merged stretches of text around its trigger words."""
        out: dict[str, list[tuple[int, int]]] = {rule: [] for rule in self.triggers}
        n = len(text)
        for m in _WORD_RE.finditer(text):
            w = m.group()
            rules = self.digit_rules[min(len(w), 4)] if w.isdigit() else self.rules_by_word.get(w.lower(), ())
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

    def _plausible(self, rule: str, m: re.Match[str], text: str) -> bool:
        """Filters that need the surrounding text: ambiguous month names, habits, figures of speech."""
        gd = m.groupdict()
        month = gd.get("m")
        if month and month.lower() in self.lex.months_need_context and month != month.lower():
            return False  # "Mars" with a capital is the planet or a name, not the month
        if (rule == "month" and month and month.lower() in self.lex.months_need_context
                and (gd.get("prep") or "").lower() in ("de", "d'", "d’") and re.match(r"\s+[a-zà-ÿœ]", text[m.end():m.end() + 3])):
            return False  # "près de sept nœuds": the number before the noun it counts, not the month
        before = text[max(0, m.start() - 20):m.start()]
        if rule == "weekday" and not gd.get("this") and self.habit_re.search(before):
            return False
        if rule == "year" and not (self.year_before_re.search(before) or _YEAR_AFTER_RE.match(text, m.end())):
            return False  # a bare number in running text: "dont 1589 détruits" counts, it does not date
        if rule == "day_word" and self.figurative_re.search(before):
            return False
        if rule in ("window",) and not (gd.get("n") or gd.get("n2") or gd.get("prep") or gd.get("prep2")):
            return False
        for key in ("n", "n2"):
            if gd.get(key) and self.number(gd[key]) is None:
                return False  # the word before the unit is not a number: not this pattern
        return True
