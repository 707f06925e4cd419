"""Partial ISO dates: a day, an ISO week, a month, a year or a decade, with the days it spans, its precision, and
the calendar arithmetic on them (shifting by units, months of unequal length). The one place recoupe computes
date bounds."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from recoupe.model.vocab import Precision

_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DECADE = re.compile(r"^(\d{3})$")
_LEADING = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?!\d|-W)")
# months in a unit, for shifting by calendar units
_MONTHS_IN = {"month": 1, "year": 12, "decade": 120, "century": 1200}


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to a precision: its first and last day and the unit its ISO form names."""

    lo: date
    hi: date
    precision: Precision

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """"2023-09-12" (day), "2023-W37" (week), "2023-09" (month), "2023" (year), "202" (decade); ValueError else."""
        if m := _DAY.match(value):
            y, mo, d = int(m.group(1)), m.group(2), m.group(3)
            if d:
                day = date(y, int(mo), int(d))
                return cls(day, day, Precision.DAY)
            if mo:
                return cls.month(y, int(mo))
            return cls(date(y, 1, 1), date(y, 12, 31), Precision.YEAR)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return cls(monday, monday + timedelta(days=6), Precision.WEEK)
        if m := _DECADE.match(value):
            y = int(m.group(1)) * 10
            return cls(date(y, 1, 1), date(y + 9, 12, 31), Precision.DECADE)
        raise ValueError(f"not a partial ISO date: {value!r}")

    @classmethod
    def month(cls, year: int, month: int) -> PartialDate:
        return cls(date(year, month, 1), month_end(year, month), Precision.MONTH)

    @classmethod
    def at(cls, d: date, precision: str) -> PartialDate:
        """The day, week, month, year or decade that contains `d`."""
        lo, hi = bounds_at(d, precision)
        return cls(lo, hi, Precision(precision))

    @property
    def iso(self) -> str:
        return iso(self.lo, self.precision)

    @property
    def bounds(self) -> tuple[date, date]:
        return self.lo, self.hi

    def contains(self, d: date) -> bool:
        return self.lo <= d <= self.hi

    def distance(self, lo: date, hi: date) -> int:
        """Days between [lo, hi] and this date's span (0 when they overlap)."""
        if hi < self.lo:
            return (self.lo - hi).days
        if lo > self.hi:
            return (lo - self.hi).days
        return 0

    def shift(self, n: int, unit: str) -> PartialDate:
        """The same precision, `n` units later (earlier when negative): the month after "2023-09" is "2023-10"."""
        return PartialDate.at(shift(self.lo, n, unit), self.precision)


def bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day an ISO value can denote, a period "a/b" included (an open one, "a/.." or "../b", is placed
    at its known end); None when it is no date."""
    if not value:
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        ba, bb = bounds(a) if a != ".." else None, bounds(b) if b != ".." else None
        if ba and bb:
            return ba[0], bb[1]
        return ba or bb
    try:
        return PartialDate.parse(value).bounds
    except ValueError:
        return None


def period_bounds(value: str) -> tuple[date, date]:
    """The bounds of a value by its leading ISO date ("2023-09-12/2023-09-14" and "2023-09-12T10:00" are that day;
    "2023-W37" and "202" a week and a decade); ValueError when it starts with none."""
    m = _LEADING.match(value)
    return PartialDate.parse(m.group(1) if m else value).bounds


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def shift(d: date, n: int, unit: str) -> date:
    """`d` moved by `n` days, weeks, months, years, decades or centuries (a month's end stays in its month)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    y, m = add_months(d.year, d.month, _MONTHS_IN[unit] * n)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift_day(value: str | None, n: int, unit: str) -> tuple[str, str] | None:
    """A day ("2023-08-02") moved by `n` units, with the precision the count keeps: a count of days or weeks keeps
    the day, one of months or years only the month or year ("two months after" is a month, not a day). None for a
    value that is not one day."""
    if not value or len(value) != 10:
        return None
    try:
        d = shift(date.fromisoformat(value), n, unit)
    except (ValueError, KeyError):
        return None
    if unit in ("day", "week"):
        return d.isoformat(), "day"
    return (d.isoformat()[:7], "month") if unit == "month" else (str(d.year), "year")


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def iso(lo: date, precision: str) -> str:
    """The ISO form of the day, week, month, year or decade starting at `lo`."""
    if precision == "day":
        return lo.isoformat()
    if precision == "month":
        return f"{lo.year:04d}-{lo.month:02d}"
    if precision == "year":
        return f"{lo.year:04d}"
    if precision == "week":
        return iso_week(lo)
    if precision == "decade":
        return f"{lo.year // 10:03d}"
    return lo.isoformat()


def bounds_at(d: date, precision: str) -> tuple[date, date]:
    """The first and last day of the week, month, year or decade containing `d` (the day itself otherwise)."""
    if precision == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        return date(d.year, d.month, 1), month_end(d.year, d.month)
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if precision == "decade":
        y = d.year // 10 * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    return d, d


def finer(a: str | None, b: str | None) -> str | None:
    """The finer of two precisions (day before week, month, year, decade)."""
    order = ["day", "week", "month", "year", "decade"]
    cands = [p for p in (a, b) if p in order]
    return min(cands, key=order.index) if cands else None
