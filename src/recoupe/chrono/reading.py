"""Reading a time expression against a reference day: a matched rule and its words (from a language pack's patterns)
give a normalised value with its precision, following news conventions (this week's weekday, the year closest to
publication, moved by the verb's tense). Language-neutral: the words are looked up in a `TimeVocabulary` that the
language pack provides; this module imports only `model`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from recoupe.chrono.dates import PartialDate, add_months, bounds_at, finer, iso, iso_week, month_end, shift
from recoupe.model import TimeExpr
from recoupe.model.vocab import Tense

# the rules a pack's patterns may be named after, each read below
RULES = frozenset({"between", "from_to", "year_range", "window", "ago", "in_n", "lasting", "decade", "cal_rel", "season",
                   "dm_rel", "m_rel", "wd_rel", "date", "numeric", "month_year", "month", "year", "day_word", "this_part",
                   "weekday"})


class TimeVocabulary(Protocol):
    """The words of one language that reading needs, mapped to language-neutral values (a pack's `time`)."""

    code: str  # ISO 639-1, for the numeric-date parser
    date_order: str  # "DMY" or "MDY": how a numeric date orders its parts
    weekdays: dict[str, int]  # 0 = Monday
    months: dict[str, int]
    parts_of_day: dict[str, str]
    day_words: dict[str, int]  # "hier" -> -1
    this_day_parts: dict[str, str]
    units: dict[str, str]
    calendar_units: dict[str, str]
    past_words: frozenset[str]
    future_words: frozenset[str]
    month_parts: dict[str, str]
    bounds: dict[str, str]
    seasons: dict[str, tuple[int, int]]
    point_pattern: re.Pattern[str]  # one point inside a period, groups wd d m y | yo | do

    def number(self, s: str | None) -> int | None: ...

    def day(self, s: str) -> int: ...


@dataclass(frozen=True, slots=True)
class Reference:
    """What the publication date allows: an interval [lo, hi] of possible days, at its precision."""

    lo: date | None = None
    hi: date | None = None
    precision: str | None = None  # "day" | "month" | "year" | None

    @classmethod
    def from_published(cls, value: str | None, precision: str | None) -> Reference:
        """The reference a publication date gives (its precision is that of the value itself)."""
        if not value:
            return cls()
        try:
            p = PartialDate.parse(value)
        except ValueError:
            return cls()
        if p.precision not in ("day", "month", "year"):
            return cls()
        return cls(p.lo, p.hi, str(p.precision))

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


def _parse_point(s: str, v: TimeVocabulary) -> Point | None:
    m = v.point_pattern.fullmatch(s.strip())
    if not m:
        return None
    if m.group("yo"):
        return Point(y=int(m.group("yo")))
    if m.group("do"):
        return Point(d=v.day(m.group("do")))
    return Point(
        wd=v.weekdays[m.group("wd").lower()] if m.group("wd") else None,
        d=v.day(m.group("d")) if m.group("d") else None,
        m=_month_of(m.group("m"), v),
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
            return date(p.y, p.m, 1), month_end(p.y, p.m), "month"
        d = date(p.y, p.m, p.d)
        return d, d, "day"
    except ValueError:
        return None


def _month_of(s: str, v: TimeVocabulary) -> int:
    return v.months[word_key(s, v.months)]


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


def _day_of_month(d: int | None, ref: Reference, mode: str, part: str | None) -> Resolved:
    """A day of the month with no month ("la nuit du 26"): that day in the reference's month or a month next to it,
    the reading closest to the reference (on the side the tense says, when it says one)."""
    attrs: dict[str, Any] = {"part_of_day": part} if part else {}
    if d is None or ref.lo is None or ref.hi is None or ref.precision not in ("day", "month"):
        return Resolved(None, None, "date", attrs={**attrs, "unresolved": "no month to read the day in"})
    cands = []
    for k in (-1, 0, 1):
        y, m = divmod(ref.lo.year * 12 + ref.lo.month - 1 + k, 12)
        try:
            day = date(y, m + 1, d)
        except ValueError:
            continue
        if (mode in ("past", "last") and day > ref.hi) or (mode in ("future", "next") and day < ref.lo):
            continue
        cands.append((ref.distance(day, day), day))
    if not cands:
        return Resolved(None, None, "date", attrs={**attrs, "unresolved": "no reading fits the reference"})
    day = min(cands)[1]
    return Resolved(day.isoformat(), "day", "date", attrs=attrs, lo=day, hi=day)


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
    return Resolved(iso(lo, precision), precision, "date", attrs=attrs, lo=lo, hi=hi)


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


def _dir(word: str | None, v: TimeVocabulary) -> int:
    if word is None:
        return 0
    w = word.lower()
    if w in v.past_words:
        return -1
    if w in v.future_words:
        return 1
    return 0


# tenses that place an event clearly before or after the moment of writing; a bare participle ("prévu le 4") does not
CLEAR_TENSES = frozenset({Tense.COMPOUND_PAST, Tense.PLUPERFECT, Tense.SIMPLE_PAST, Tense.IMPERFECT, Tense.FUTURE,
                          Tense.FUTURE_PERFECT, Tense.PERIPHRASTIC_FUTURE})


def _mode(direction: str, tense: str) -> str:
    return direction if tense in CLEAR_TENSES and direction in ("past", "future") else "closest"


def read(rule: str, g: dict[str, str | None], ref: Reference, direction: str, v: TimeVocabulary,
         tense: str = Tense.UNKNOWN) -> Resolved | None:
    """Normalise one matched expression; None when the match turns out not to be temporal."""
    if rule in ("between", "from_to", "year_range"):
        a, b = _parse_point(g["a"] or "", v), _parse_point(g["b"] or "", v)
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
        precision = finer(ra.precision, rb.precision)
        return Resolved(f"{ra.value}/{rb.value}", precision, "period", ra.value, rb.value, attrs, ra.lo, rb.hi)

    if rule == "window":
        n_s, u_s, d_s = (g["n"], g["u"], g["dir"]) if g.get("u") else (g["n2"], g["u2"], g["dir2"])
        unit = v.units[u_s.lower()]  # type: ignore[union-attr]
        n = v.number(n_s) if n_s else None
        if n_s and n is None:
            return None
        sign = _dir(d_s, v)
        if sign == 0:
            return None
        attrs: dict[str, Any] = {"direction": "past" if sign < 0 else "future"}
        if g.get("bound"):
            attrs["bound"] = v.bounds[g["bound"].lower()]  # type: ignore[union-attr]
        if n is None:
            attrs["vague"] = True
            return Resolved(None, None, "duration", attrs=attrs)
        attrs["duration"] = _iso_duration(n, unit)
        precision = _unit_precision(unit)
        base = _base_for(precision, ref)
        if base is None:
            attrs["unresolved"] = "publication date too coarse" if ref.precision else "no publication date"
            return Resolved(None, None, "duration", attrs=attrs)
        other = shift(base, sign * n, unit)
        lo, hi = (other, base) if sign < 0 else (base, other)
        s, e = iso(lo, precision), iso(hi, precision)
        return Resolved(f"{s}/{e}", precision, "duration", s, e, attrs, lo, hi)

    if rule in ("ago", "in_n"):
        unit = v.units[g["u"].lower()]  # type: ignore[union-attr]
        n = v.number(g["n"])
        if n is None:
            return None
        attrs = {"duration": _iso_duration(n, unit)}
        if g.get("bound"):
            attrs["bound"] = v.bounds[g["bound"].lower()]  # type: ignore[union-attr]
        precision = _unit_precision(unit)
        base = _base_for(precision, ref)
        if base is None:
            attrs["unresolved"] = "publication date too coarse" if ref.precision else "no publication date"
            return Resolved(None, None, "relative", attrs=attrs)
        d = shift(base, n if rule == "in_n" else -n, unit)
        lo, hi = bounds_at(d, precision)
        return Resolved(iso(d, precision), precision, "relative", attrs=attrs, lo=lo, hi=hi)

    if rule == "lasting":
        unit = v.units[g["u"].lower()]  # type: ignore[union-attr]
        n = v.number(g["n"])
        if n is None:
            return None
        prep = (g["prep"] or "").lower()
        attrs = {"duration": _iso_duration(n, unit)}
        if g.get("bound"):
            attrs["bound"] = v.bounds[g["bound"].lower()]  # type: ignore[union-attr]
        if prep == "depuis":  # "depuis trois ans": from three years before publication until it
            precision = _unit_precision(unit)
            base = _base_for(precision, ref)
            if base is None:
                attrs["unresolved"] = "publication date too coarse" if ref.precision else "no publication date"
                return Resolved(None, None, "duration", attrs=attrs)
            lo = shift(base, -n, unit)
            s, e = iso(lo, precision), iso(base, precision)
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
        unit = v.calendar_units[u_s.lower()]  # type: ignore[union-attr]
        sign = _dir(g.get("dir"), v) if g.get("u") else 0
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
                return Resolved(iso_week(monday), "week", "relative", monday.isoformat(), sunday.isoformat(), attrs, monday, sunday)
            sat = monday + timedelta(days=5)
            if sign == 0 and direction == "past" and sat > base:
                sat -= timedelta(weeks=1)  # "ce week-end" with a past tense, written before Saturday: the last one
            sun = sat + timedelta(days=1)
            return Resolved(f"{sat.isoformat()}/{sun.isoformat()}", "day", "relative", sat.isoformat(), sun.isoformat(), attrs, sat, sun)
        if unit == "month":
            if ref.month is None:
                attrs["unresolved"] = "no publication date"
                return Resolved(None, None, "relative", attrs=attrs)
            y, m = add_months(*ref.month, sign)
            return Resolved(f"{y:04d}-{m:02d}", "month", "relative", attrs=attrs, lo=date(y, m, 1), hi=month_end(y, m))
        if ref.year is None:
            attrs["unresolved"] = "no publication date"
            return Resolved(None, None, "relative", attrs=attrs)
        y = ref.year + sign
        return Resolved(f"{y:04d}", "year", "relative", attrs=attrs, lo=date(y, 1, 1), hi=date(y, 12, 31))

    if rule == "season":
        return _season(g, ref, v, _mode(direction, tense))

    if rule == "dm_rel":
        sign = _dir(g["dir"], v)
        if sign == 0:
            return None
        p = Point(v.weekdays[g["wd"].lower()] if g.get("wd") else None, v.day(g["d"]), _month_of(g["m"], v))  # type: ignore[arg-type]
        r = _resolve_point(p, ref, "last" if sign < 0 else "next")
        r.kind = "relative"
        return r

    if rule == "m_rel":
        sign = _dir(g["dir"], v)
        if sign == 0:
            return None
        r = _resolve_point(Point(m=_month_of(g["m"], v)), ref, "last" if sign < 0 else "next")  # type: ignore[arg-type]
        r.kind = "relative"
        return r

    if rule == "wd_rel":
        sign = _dir(g["dir"], v)
        if sign == 0:
            return None
        d, attrs = _weekday(v.weekdays[g["wd"].lower()], ref, "past" if sign < 0 else "future", strict=True)  # type: ignore[union-attr]
        if d is None:
            return Resolved(None, None, "relative", attrs=attrs)
        return Resolved(d.isoformat(), "day", "relative", attrs=attrs, lo=d, hi=d)

    if rule == "date":
        p = Point(v.weekdays[g["wd"].lower()] if g.get("wd") else None, v.day(g["d"]), _month_of(g["m"], v),  # type: ignore[arg-type]
                  int(g["y"]) if g.get("y") else None)
        part = v.parts_of_day[g["part"].lower()] if g.get("part") else None
        return _resolve_point(p, ref, _mode(direction, tense), part)

    if rule == "day_of":
        return _day_of_month(v.day(g["d"]), ref, _mode(direction, tense),  # type: ignore[arg-type]
                             v.parts_of_day[g["part"].lower()] if g.get("part") else None)

    if rule == "numeric":
        return _numeric(g, v)

    if rule == "month_year":
        p = Point(m=_month_of(g["m"], v), y=int(g["y"]))  # type: ignore[arg-type]
        r = _resolve_point(p, ref, "closest")
        if g.get("mp"):
            r.attrs["part_of_month"] = v.month_parts[g["mp"].lower()]  # type: ignore[union-attr]
        return r

    if rule == "month":
        r = _resolve_point(Point(m=_month_of(g["m"], v)), ref, _mode(direction, tense))  # type: ignore[arg-type]
        prep = (g.get("prep") or "").lower()
        if prep in v.month_parts:
            r.attrs["part_of_month"] = v.month_parts[prep]
        return r

    if rule == "year":
        y = int(g["y"])  # type: ignore[arg-type]
        return Resolved(f"{y:04d}", "year", "date", attrs={}, lo=date(y, 1, 1), hi=date(y, 12, 31))

    if rule in ("day_word", "this_part"):
        if rule == "day_word":
            offset = v.day_words[word_key(g["dw"], v.day_words)]
            part = v.parts_of_day[g["part"].lower()] if g.get("part") else None
        else:
            offset, part = 0, v.this_day_parts[word_key(g["tp"], v.this_day_parts)]
        attrs = {"offset_days": offset}
        if part:
            attrs["part_of_day"] = part
        if ref.day is None:
            attrs["unresolved"] = "publication day unknown" if ref.precision else "no publication date"
            return Resolved(None, None, "relative", attrs=attrs)
        d = ref.day + timedelta(days=offset)
        return Resolved(d.isoformat(), "day", "relative", attrs=attrs, lo=d, hi=d)

    if rule == "weekday":
        wd = v.weekdays[g["wd"].lower()]  # type: ignore[union-attr]
        part = v.parts_of_day[g["part"].lower()] if g.get("part") else None
        d, attrs = _weekday(wd, ref, direction)
        if part:
            attrs["part_of_day"] = part
        if d is None:
            return Resolved(None, None, "relative", attrs=attrs)
        return Resolved(d.isoformat(), "day", "relative", attrs=attrs, lo=d, hi=d)
    return None


def word_key(s: str | None, table: dict[str, Any]) -> str:
    """The lexicon key for a matched word, whichever apostrophe and case the text used."""
    s = (s or "").lower()
    for k in (s, s.replace("’", "'"), s.replace("'", "’")):
        if k in table:
            return k
    raise KeyError(s)


def _season(g: dict[str, str | None], ref: Reference, v: TimeVocabulary, mode: str) -> Resolved:
    """'l'été dernier', 'cet automne', 'au printemps 2022': a period of months; winter straddles the new year."""
    name = word_key(g["s"], v.seasons)
    first, last = v.seasons[name]
    sign = _dir(g.get("dir"), v)
    attrs: dict[str, Any] = {"season": name}

    def bounds(y: int) -> tuple[date, date]:  # the season that starts in year y
        return date(y, first, 1), month_end(y + (1 if last < first else 0), last)

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
    s, e = iso(lo, "month"), iso(hi, "month")
    return Resolved(f"{s}/{e}", "month", "period" if sign == 0 else "relative", s, e, attrs, lo, hi)


def _numeric(g: dict[str, str | None], v: TimeVocabulary) -> Resolved | None:
    """Numeric dates ("12/09/2023", "2023-09-12"): dateparser reads these well, day first for French."""
    import dateparser

    y, m, d = (g["y"], g["m"], g["d"]) if g.get("y") else (g["y2"], g["m2"], g["d2"])
    text = f"{d}/{m}/{y}"
    parsed = dateparser.parse(text, languages=[v.code], settings={"DATE_ORDER": v.date_order, "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        return None
    dd = parsed.date()
    return Resolved(dd.isoformat(), "day", "date", attrs={"parser": "dateparser"}, lo=dd, hi=dd)


def _unit_precision(unit: str) -> str:
    return {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year", "century": "decade"}[unit]


def _base_for(precision: str, ref: Reference) -> date | None:
    """The publication date at the precision a computation needs, or None when it is not known that finely."""
    if precision in ("day", "week"):
        return ref.day
    if precision == "month":
        return ref.lo if ref.month else None
    return ref.lo if ref.year else None


def _iso_duration(n: int, unit: str) -> str:
    return {"day": f"P{n}D", "week": f"P{n}W", "month": f"P{n}M", "year": f"P{n}Y", "decade": f"P{n * 10}Y", "century": f"P{n * 100}Y"}[unit]


def open_period(r: Resolved, open_side: str) -> Resolved:
    """A point made into a period open at one side: 'depuis X' is X/.., 'jusqu'à X' is ../X."""
    attrs = {**r.attrs, "open": open_side, "point_kind": r.attrs.get("point_kind", r.kind)}
    if r.value is None:
        return Resolved(None, None, "period", attrs=attrs)
    lo_s = r.start or (r.value.split("/")[0] if "/" in r.value else r.value)
    hi_s = r.end or (r.value.split("/")[-1] if "/" in r.value else r.value)
    if open_side == "end":
        return Resolved(f"{lo_s}/..", r.precision, "period", lo_s, None, attrs, r.lo, None)
    return Resolved(f"../{hi_s}", r.precision, "period", None, hi_s, attrs, None, r.hi)


def reread(t: TimeExpr, day: date, v: TimeVocabulary) -> TimeExpr | None:
    """The same expression read against a reference day learned later (an article's day inferred across articles).

    Only expressions left unresolved for want of a publication day carry what this needs (their rule and matched
    words, `attrs["groups"]`: data, read with the vocabulary of the language they were written in); None when the
    expression still does not resolve."""
    base = t.attrs.get("counted_from")
    if isinstance(base, dict):
        # "le soir même", "la veille" after a day that was unread: that day read, then counted from
        inner = TimeExpr(span=t.span, value=None, precision=None, anchor=t.anchor,
                         attrs={"rule": base.get("rule"), "groups": base.get("groups"),
                                "time_ref": base.get("time_ref", "none"), "tense": base.get("tense", Tense.UNKNOWN)})
        got = reread(inner, day, v)
        if got is None or not got.value or len(got.value) != 10:
            return None
        moved = date.fromisoformat(got.value) + timedelta(days=int(base.get("offset_days", 0)))
        attrs = {k: x for k, x in t.attrs.items() if k not in ("unresolved", "groups", "counted_from")}
        attrs.update({"reference": "inferred", "reference_day": day.isoformat()})
        return TimeExpr(span=t.span, value=moved.isoformat(), precision="day", kind="relative", anchor=t.anchor, attrs=attrs)
    rule, groups = t.attrs.get("rule"), t.attrs.get("groups")
    if rule not in RULES or not isinstance(groups, dict):
        return None
    g = _Groups({k: v_ for k, v_ in groups.items() if isinstance(v_, str)})
    r = read(rule, g, Reference(day, day, "day"), t.attrs.get("time_ref", "none"), v, tense=t.attrs.get("tense", Tense.UNKNOWN))
    if r is None or r.value is None:
        return None
    if t.attrs.get("open") in ("start", "end"):
        r = open_period(r, t.attrs["open"])
    attrs = {k: x for k, x in t.attrs.items() if k not in ("unresolved", "groups")}
    attrs.update(r.attrs)
    attrs["reference"] = "inferred"
    attrs["reference_day"] = day.isoformat()
    return TimeExpr(span=t.span, value=r.value, precision=r.precision, start=r.start, end=r.end, kind=r.kind,
                    anchor=t.anchor, attrs=attrs)


class _Groups(dict):  # type: ignore[type-arg]
    """A pattern's matched groups as recorded (only those that matched): the others read as None."""

    def __missing__(self, key: str) -> None:
        return None
