"""English time words (data/time.json) and the patterns of English time expressions, read by `recoupe.chrono` with
the same rule names as the French ones. Month and day come in either order ("September 13", "13 September"), so
the patterns are compiled with `regex`, which lets both alternatives name their groups alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from recoupe.lang.fr.time import _B, _E, TimeWords, _alt, _key_words, lexicon_from_dict

_I = regex.IGNORECASE
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1\d{3}|20\d\d|21\d\d)(?!\d)"
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
          "several": 3, "a few": 3, "few": 3, "couple of": 2, "a couple of": 2}
NUM = rf"(?:\d+|{'|'.join(sorted(map(regex.escape, _SMALL), key=len, reverse=True))}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+)"


def load(data: Callable[[str], Any]) -> EnglishTimeWords:
    return EnglishTimeWords(lexicon_from_dict(data("time.json"), "recoupe/lang/en/data/time.json"))


class EnglishTimeWords(TimeWords):
    """The English time vocabulary with its compiled patterns. Satisfies `recoupe.chrono.TimeVocabulary`."""

    code = "en"
    date_order = "MDY"  # numeric dates: month first (US wire style)

    def number(self, s: str | None) -> int | None:
        """A cardinal in digits or in English words ("three", "twenty-four"); None if it is none."""
        if s is None:
            return None
        s = s.lower().strip()
        if s.isdigit():
            return int(s)
        if s in _SMALL:
            return _SMALL[s]
        if "-" in s:
            a, _, b = s.partition("-")
            if a in _SMALL and b in _SMALL and _SMALL[b] < 10:
                return _SMALL[a] + _SMALL[b]
        return None

    def day(self, s: str) -> int:
        """The day of the month as written ("1st", "13", "22nd")."""
        return int(regex.sub(r"(?i)(st|nd|rd|th)$", "", s))

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
        WDC = rf"(?:{WD},?\s+)"
        # "Tuesday, September 13, 2023", "13 September 2023", "Sept. 13", "September"
        _PT = rf"(?:{WDC})?(?:{MO}\s+{DAY}|(?:the\s+)?{DAY}(?:\s+of)?\s+{MO}|{MO})(?:,?\s+{YEAR})?|{YEAR}"
        self.point_pattern = regex.compile(
            rf"(?:(?P<wd>{WD}),?\s+)?(?:(?P<m>{MO})\s+(?P<d>{DAY})|(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MO})|(?P<m>{MO}))(?:,?\s+(?P<y>{YEAR}))?"
            rf"|(?P<yo>{YEAR})|(?P<do>{DAY})", _I)
        date_core = rf"(?:(?P<wd>{WD}),?\s+)?(?:(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MO})|(?P<m>{MO})\s+(?P<d>{DAY})(?![\d,]\d))"
        self.patterns: list[tuple[str, Any]] = [
            ("between", regex.compile(rf"{_B}between\s+(?P<a>{_PT}|{DAY})\s+and\s+(?P<b>{_PT}){_E}", _I)),
            ("from_to", regex.compile(rf"{_B}from\s+(?P<a>{_PT}|{DAY})\s+(?:to|until|through|till)\s+(?:the\s+end\s+of\s+)?(?P<b>{_PT}){_E}", _I)),
            ("year_range", regex.compile(rf"{_B}(?P<a>{YEAR})\s*[-–]\s*(?P<b>{YEAR}){_E}")),
            ("window", regex.compile(
                rf"{_B}(?:(?P<prep>{_alt(lex.window)})\s+)?(?:(?P<bound>{BOUND})\s+)?(?P<dir>{DIRW})\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT}){_E}", _I)),
            ("ago", regex.compile(rf"{_B}(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})\s+ago{_E}", _I)),
            ("in_n", regex.compile(rf"{_B}(?:in|within)\s+(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})(?!\s+(?:ago|of|before|after)){_E}", _I)),
            ("lasting", regex.compile(rf"{_B}(?P<prep>{_alt(lex.durations_before)})\s+(?:(?P<bound>{BOUND})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}", _I)),
            ("decade", regex.compile(rf"{_B}(?:(?:the|in\s+the|during\s+the)\s+)?(?:(?P<y>1\d{{2}}0|20\d0)|['’](?P<yy>[1-9]0))['’]?s{_E}", _I)),
            ("cal_rel", regex.compile(
                rf"{_B}(?P<dir>{DIRW})\s+(?P<u>{_alt(lex.calendar_units)}){_E}"
                rf"|{_B}(?P<this>{_alt(lex.this_words)})\s+(?P<u2>{_alt(lex.calendar_units)}){_E}", _I)),
            ("season", regex.compile(
                rf"{_B}(?:(?P<this>{_alt(lex.this_words)})\s+|(?P<dir>{DIRW})\s+|(?:in|during|the|in\s+the|over\s+the)\s+)(?P<s>{_alt(lex.seasons)})"
                rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?{_E}", _I)),
            ("dm_rel", regex.compile(rf"{_B}(?P<dir>{DIRW})\s+(?:(?P<wd>{WD}),?\s+)?(?:(?P<m>{MO})\s+(?P<d>{DAY})|(?P<d>{DAY})\s+(?P<m>{MO})){_E}", _I)),
            ("m_rel", regex.compile(rf"{_B}(?P<dir>{DIRW})\s+(?P<m>{MO}){_E}", _I)),
            ("wd_rel", regex.compile(rf"{_B}(?P<dir>{DIRW})\s+(?P<wd>{WD}){_E}", _I)),
            ("date", regex.compile(
                rf"{_B}{date_core}(?:,?\s+(?P<y>{YEAR}))?(?:\s+(?:in\s+the\s+|at\s+)?(?P<part>{PART}))?{_E}", _I)),
            ("numeric", regex.compile(r"(?<![\w/.-])(?:(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d))(?![\w/-])")),
            ("month_year", regex.compile(rf"{_B}(?:(?P<mp>{MPART})\s*)?(?P<m>{MO}),?\s+(?:of\s+)?(?P<y>{YEAR}){_E}", _I)),
            ("month", regex.compile(rf"{_B}(?P<prep>in|since|of|by|until|from|{MPART})\s*(?P<m>{MO}){_E}", _I)),
            ("year", regex.compile(rf"{_B}(?P<y>{YEAR})(?![\w-]|[.,]\d|\s*%)")),
            ("day_word", regex.compile(rf"{_B}(?P<dw>{_alt(lex.day_words)})(?:\s+(?P<part>{PART}))?{_E}", _I)),
            ("this_part", regex.compile(rf"{_B}(?P<tp>{_alt(lex.this_day_parts)}){_E}", _I)),
            ("weekday", regex.compile(rf"{_B}(?:on\s+)?(?P<this>{_alt(lex.this_words)}\s+)?(?P<wd>{WD})(?:\s+(?P<part>{PART}))?{_E}", _I)),
        ]
        self.rule_order = {name: i for i, (name, _) in enumerate(self.patterns)}
        w_month, w_dir = _key_words(lex.months), _key_words([*lex.past_words, *lex.future_words])
        self.triggers = {
            "between": (frozenset({"between"}), 0), "from_to": (frozenset({"from"}), 0), "year_range": (frozenset(), 4), "window": (w_dir, 0),
            "ago": (frozenset({"ago"}), 0), "in_n": (frozenset({"in", "within"}), 0), "lasting": (_key_words(lex.units), 0),
            "decade": (frozenset({f"{y}s" for y in range(1000, 2200, 10)} | {f"{y:02d}s" for y in range(0, 100, 10)}), 0), "cal_rel": (_key_words(lex.calendar_units), 0),
            "season": (_key_words(lex.seasons), 0), "dm_rel": (w_dir, 0), "m_rel": (w_dir, 0), "wd_rel": (w_dir, 0),
            "date": (w_month, 0), "numeric": (frozenset(), 1), "month_year": (w_month, 0), "month": (w_month, 0),
            "year": (frozenset(), 4), "day_word": (_key_words(lex.day_words), 0),
            "this_part": (_key_words(lex.this_day_parts), 0), "weekday": (_key_words(lex.weekdays), 0),
        }
        self._index_rules()
        self.since_re = regex.compile(rf"(?<![\w'’-])(?:{_alt(lex.since)})\s*(?:the\s+)?$", _I)
        self.until_re = regex.compile(rf"(?<![\w'’-])(?:{_alt(lex.until)})\s*(?:the\s+)?$", _I)
        self.habit_re = regex.compile(rf"{_B}(?:{_alt(lex.habitual_before_weekday)})\s+$", _I)
        self.year_before_re = regex.compile(rf"(?:(?<![\w'’-])(?:{_alt(w for w in lex.year_before if w[-1].isalpha())})|{_alt(w for w in lex.year_before if not w[-1].isalpha())})\s*$", _I)
        self.figurative_re = regex.compile(rf"(?:{_alt(lex.figurative_before_day_words)})\s*$", _I)
        self.event_relative_re = regex.compile(rf"{_B}(?:on\s+)?the\s+(?P<w>{_alt(lex.event_relative)})\s+(?:of\s+the|of)\s+", _I)
        # "two days after the crash": the event named after it happened that long before the clause's own time
        self.target_before_re = regex.compile(rf"(?<![\w'’-])(?:{_alt(lex.target_prepositions)})\s+$", _I) if lex.target_prepositions else None
        self.duration_relative_re = regex.compile(
            rf"{_B}(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<rel>{_alt(lex.duration_relations)}){_E}", _I
        ) if lex.duration_relations else None
        self.narrative_year_re = regex.compile(rf"{_B}(?P<w>{_alt(lex.narrative_years)}){_E}", _I) if lex.narrative_years else None
        self.narrative_count_re = regex.compile(
            rf"{_B}(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<w>{_alt(lex.narrative_counts)}){_E}", _I
        ) if lex.narrative_counts else None
        # "the next day" counts from the last day named; so does "that day", "that same evening" (the demonstratives)
        demonstratives = rf"|(?P<d>{_alt(lex.narrative_demonstratives)})" if lex.narrative_demonstratives else ""
        self.narrative_relative_re = regex.compile(
            rf"{_B}(?:on\s+)?(?:the\s+(?P<w>{_alt(lex.event_relative)}){demonstratives}){_E}(?!\s+(?:of|the))", _I)
        self.weekday_date_re = regex.compile(
            rf"(?<!\w)({_alt(lex.weekdays)}),?\s+(?=(?:{_alt(lex.months)})\s+(\d{{1,2}}))({_alt(lex.months)})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?!\w)", _I)
        self.dateline_re = regex.compile(
            rf"{_B}(?:(?P<wd>{WD}),?\s+)?(?:(?P<d>{DAY})\s+(?P<m>{MO})(?:,?\s+(?P<y>{YEAR}))?|(?P<m2>{MO})\s+(?P<d2>{DAY})(?:,?\s+(?P<y2>{YEAR}))?){_E}", _I)

    def _plausible(self, rule: str, m: Any, text: str) -> bool:
        gd = m.groupdict()
        month = gd.get("m")
        if month and month.lower() in self.lex.months_need_context and month == month.lower():
            return False  # "may" lowercase is the modal, not the month
        return super()._plausible(rule, _Lowered(m), text)


class _Lowered:
    """A match whose context-needing month is already checked (the French rule reads capitals the other way)."""

    def __init__(self, m: Any) -> None:
        self._m = m
        self._gd = dict(m.groupdict())
        self._gd.pop("m", None)

    def groupdict(self) -> dict[str, Any]:
        return self._gd

    def start(self, *a: Any) -> int:
        return int(self._m.start(*a))

    def end(self, *a: Any) -> int:
        return int(self._m.end(*a))
