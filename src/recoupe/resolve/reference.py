"""Reference days learned across articles: an article that gives no publication day is placed by the events it shares with dated articles, so that its "mardi" or "dimanche soir" can be read."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from recoupe import chrono, lang
from recoupe.chrono import TimeVocabulary, period_bounds
from recoupe.model import Document, Span, TimeExpr
from recoupe.model.vocab import Tense

Retime = Callable[[TimeExpr, date], "TimeExpr | None"]

# tenses that say the event was over when the article was written, or still to come
PAST_TENSES = frozenset({Tense.COMPOUND_PAST, Tense.SIMPLE_PAST, Tense.PLUPERFECT, Tense.IMPERFECT})
FUTURE_TENSES = frozenset({Tense.FUTURE, Tense.FUTURE_PERFECT, Tense.PERIPHRASTIC_FUTURE, Tense.CONDITIONAL})
MARGIN_DAYS = 7  # an undated article is searched for within a week of the dated events it shares
WEEK_SPAN = 6  # the bare weekdays of one article name days of one week: at most six days apart
YEARLESS_REACH_DAYS = 62  # a day told without its year follows the article's latest dated one by at most this
MAX_WINDOW_DAYS = 31  # weekday anchors further apart than this disagree; the latest one is kept
EQUAL_WEIGHT = 2  # "arrivé mardi" about an event dated elsewhere fixes the day more than a tense bounds it
EVE_WEIGHT = 0.5  # a dispatch's weekday names its own day more often than the day before
DATELINE_TOP = 400  # characters at the top of an article where its dateline stands
# a dateline: its place opens the line ("BOSTON, ", "MAMOUDZOU, Mayotte, "), its agency and a dash follow the date
_DATELINE_PLACE = re.compile(r"[ \t]*[A-Z][^\n()]{1,60},[ \t]*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—]")
_PARTIAL_DAY = re.compile(r"--(\d\d)-(\d\d)")


class CueLike(Protocol):
    """What inference reads of an event cue (resolve.events.CueItem has it)."""

    key: tuple[str, int]
    status: str
    date: str | None
    precision: str | None
    antecedent: tuple[str, int] | None
    source: Span | None
    tense: str
    pending: TimeExpr | None


@dataclass
class Constraint:
    """One thing an article's text says about when it was written, against an event dated by other articles."""

    rule: str  # "weekday" (its weekday names that event's day), "after" (reports it as done), "before" (as to come), "own_date"
    day: date
    weight: int
    test: Callable[[date], bool]
    evidence: Span | None = None
    reach: bool = False  # the days searched must reach it (a day the article tells as done without its year)

    def record(self) -> dict[str, Any]:
        return {"rule": self.rule, "date": self.day.isoformat(),
                "evidence": self.evidence.to_dict() if self.evidence is not None else None}


@dataclass
class DocReference:
    """The days an article may have been written on, as narrowed by constraints, and what narrowed them."""

    doc: str
    days: list[date]
    basis: list[Constraint] = field(default_factory=list)
    ignored: list[Constraint] = field(default_factory=list)
    reader: Retime | None = None  # the article's memoised re-reading, so `retimed` does not read again

    @property
    def value(self) -> str | None:
        return self.days[0].isoformat() if len(self.days) == 1 else None

    def record(self) -> dict[str, Any]:
        return {
            "id": f"ref-{self.doc}", "kind": "reference", "doc": self.doc, "value": self.value,
            "lo": self.days[0].isoformat(), "hi": self.days[-1].isoformat(),
            "basis": [c.record() for c in self.basis], "outvoted": [c.record() for c in self.ignored],
        }


def needs_reference(doc: Document) -> bool:
    """Whether the article's own date leaves its relative expressions ("mardi", "hier") unread."""
    return not doc.published or (doc.published_precision or "day") != "day" or len(doc.published) < 10


def _vocabulary(doc: Document, default: TimeVocabulary) -> TimeVocabulary:
    """The time words of the document's language (its pack's), or the dossier's default when recoupe has none."""
    code = (doc.language or "").split("-")[0].lower()
    if code and code != getattr(default, "code", None) and code in lang.known():
        words: TimeVocabulary = lang.pack(code).time
        return words
    return default


def infer(docs: dict[str, Document], items: Iterable[CueLike], events: list[list[CueLike]],
          owner: dict[tuple[str, int], int], times: dict[str, list[TimeExpr]], words: TimeVocabulary) -> dict[str, DocReference]:
    """For every article without a publication day, the days its text and the dossier's dated events allow.

    `events` are the merged events as lists of their cues; `owner` maps a cue's key to the event it tells of;
    `words` is the vocabulary an expression is read again with (`chrono.reread`)."""
    by_doc: dict[str, list[CueLike]] = {}
    for it in items:
        by_doc.setdefault(it.key[0], []).append(it)
    out: dict[str, DocReference] = {}
    days_of = _EventDays(events)
    dated = sorted({b[0] for d in docs.values() if d.published and (b := _bounds(d.published)) is not None})
    for doc_id, doc in docs.items():
        if not needs_reference(doc):
            continue
        # each expression read once per candidate day, with the time words of the language it was written in
        retime = _memo(lambda t, day, v=_vocabulary(doc, words): chrono.reread(t, day, v))
        cons: list[Constraint] = []
        for it in by_doc.get(doc_id, ()):
            if it.antecedent is not None or it.key not in owner:
                continue
            day = days_of.others(owner[it.key], doc_id)
            if day is not None:
                c = _constraint(it, day, retime)
                if c is not None:
                    cons.append(c)
        cons += _own_dates(times.get(doc_id, ()))
        dateline = _yearless_dateline(doc, times.get(doc_id, ()))
        if dateline is not None and not doc.published:
            ref = _solve_dateline(doc, dateline, cons, dated, times.get(doc_id, ()), retime)
        else:
            ref = _solve(doc, cons, times.get(doc_id, ()), retime)
        if ref is not None:
            out[doc_id] = ref
    return out


def _memo(fn: Retime) -> Retime:
    cache: dict[tuple[int, date], TimeExpr | None] = {}

    def read(t: TimeExpr, day: date) -> TimeExpr | None:
        key = (id(t), day)
        if key not in cache:
            cache[key] = fn(t, day)
        return cache[key]

    return read


class _EventDays:
    """The days each event's cues give, gathered once per event (an event told by many articles was
    recounted for every undated cue of it, which grew with the square of the corpus)."""

    def __init__(self, events: list[list[CueLike]]) -> None:
        self.events = events
        self.told: dict[int, dict[str, set[str]]] = {}  # event -> day -> the articles giving it

    def others(self, event: int, doc_id: str) -> date | None:
        """The day other articles agree this event happened on, or None (no day, or two days said)."""
        told = self.told.get(event)
        if told is None:
            told = self.told[event] = {}
            for m in self.events[event]:
                if m.antecedent is None and m.date and len(m.date) == 10 and m.precision == "day":
                    told.setdefault(m.date, set()).add(m.key[0])
        days = [d for d, docs in told.items() if len(docs) > 1 or doc_id not in docs]
        if len(days) != 1:
            return None
        try:
            return date.fromisoformat(next(iter(days)))
        except ValueError:
            return None


def _constraint(it: CueLike, day: date, retime: Retime) -> Constraint | None:
    if it.pending is not None:
        pending = it.pending

        def same_day(r: date) -> bool:
            # an open period ("by Wednesday": ../X) covers every day before X in any year: it tells no day
            t = retime(pending, r)
            return t is not None and t.value is not None and ".." not in t.value and _covers(t.value, day)

        return Constraint("weekday", day, EQUAL_WEIGHT, same_day, pending.span)
    if it.date is not None:
        return None  # dated by its own words: nothing to learn about the writing day
    if it.status == "happened" and it.tense in PAST_TENSES:
        return Constraint("after", day, 1, lambda r: r >= day, it.source)
    if it.status == "planned" or (it.status == "possible" and it.tense in FUTURE_TENSES):
        return Constraint("before", day, 1, lambda r: r <= day, it.source)
    return None


def _own_dates(times: Iterable[TimeExpr]) -> list[Constraint]:
    """Dates the article gives itself: written after what it tells in a past tense or cites with its year ("octobre
    2023" in a caption or a reference), before what it announces in a future tense; and after the days it tells in
    a past tense without their year, read in the year of its latest such date ("Le 30 juillet 2023, ... Le 10 août,
    un sommet a ordonné" was written after 10 August 2023), when they follow that date within YEARLESS_REACH_DAYS."""
    times = list(times)
    out = _dated_own(times)
    told = [c.day for c in out if not c.test(c.day - timedelta(days=1))]  # "written after": what it told as done
    if not told:
        return out
    base = max(told)
    for t in times:
        partial = t.attrs.get("partial")
        if t.value or not isinstance(partial, str) or not partial.startswith("--") or t.attrs.get("time_ref") != "past" \
                or t.attrs.get("tense") not in PAST_TENSES or t.attrs.get("open"):
            continue
        try:
            day = date(base.year, int(partial[2:4]), int(partial[5:7]))
        except ValueError:
            continue
        if 0 < (day - base).days <= YEARLESS_REACH_DAYS:
            out.append(Constraint("own_date", day, 1, lambda r, d=day: r >= d, t.span, reach=True))
    return out


def _dated_own(times: list[TimeExpr]) -> list[Constraint]:
    out = []
    for t in times:
        if not t.value or t.kind not in ("date", "relative") or t.attrs.get("reference") == "inferred":
            continue
        rule, ref, tense = t.attrs.get("rule"), t.attrs.get("time_ref"), t.attrs.get("tense")
        explicit_year = rule in ("date", "numeric", "month_year") and "year_from" not in t.attrs
        if rule not in ("date", "dm_rel", "numeric", "month_year") or "/" in t.value:
            continue
        try:
            lo, hi = period_bounds(t.value)
        except ValueError:
            continue
        if ref == "future" and tense in FUTURE_TENSES:
            out.append(Constraint("own_date", hi, 1, lambda r, d=hi: r <= d, t.span))
        elif (ref == "past" and tense in PAST_TENSES) or (explicit_year and ref != "future"):
            out.append(Constraint("own_date", lo, 1, lambda r, d=lo: r >= d, t.span))
    return out


def _window(doc: Document, cons: list[Constraint]) -> list[date]:
    lo = hi = None
    if doc.published:
        try:
            lo, hi = period_bounds(doc.published[:7])  # its header month (or year)
        except ValueError:
            lo = hi = None
    # an article is searched for near the dated events it shares with the dossier: a weekday tied to a dated event
    # places it best, else the latest event it shares bounds it; an undated one that shares none is taken to be
    # written within a week after the latest day it cites itself (said so in its basis). The window stays a few
    # weeks long whatever the article cites, so the search costs little per article
    if not cons:
        return []
    anchors = [c.day for c in cons if c.rule == "weekday"] or [max(c.day for c in cons if c.rule != "own_date")] \
        if any(c.rule != "own_date" for c in cons) else [max(c.day for c in cons)]
    if (max(anchors) - min(anchors)).days > MAX_WINDOW_DAYS:
        anchors = [max(anchors)]
    near_lo, near_hi = min(anchors) - timedelta(days=MARGIN_DAYS), max(anchors) + timedelta(days=MARGIN_DAYS)
    floor = max((c.day for c in cons if c.reach), default=None)
    if floor is not None and floor > near_hi:
        near_hi = floor + timedelta(days=MARGIN_DAYS)  # written after the last day it tells: searched up to a week on
    lo = max(lo, near_lo) if lo else near_lo
    hi = min(hi, near_hi) if hi else near_hi
    return [lo + timedelta(days=i) for i in range((hi - lo).days + 1)] if lo <= hi else []


def _solve(doc: Document, cons: list[Constraint], times: Iterable[TimeExpr], retime: Retime) -> DocReference | None:
    """The writing days that satisfy the most (weighted) constraints, then keep the article's weekdays within a week."""
    shared = any(c.rule in ("weekday", "after", "before") for c in cons)
    if not shared and (doc.published or not cons):
        return None  # nothing learned from the dossier; a partial date of its own has been used by analysis already
    window = _window(doc, cons)
    if not window:
        return None
    scored = [(sum(c.weight for c in cons if c.test(r)), r) for r in window]
    best = max(s for s, _ in scored)
    if best == 0:
        return None
    days = [r for s, r in scored if s == best]
    weekdays = [t for t in times if t.attrs.get("rule") == "weekday" and "groups" in t.attrs]
    if len(days) > 1 and len(weekdays) > 1:
        tight = [r for r in days if _week_span(weekdays, r, retime) <= WEEK_SPAN]
        days = tight or days
    kept = [c for c in cons if all(c.test(r) for r in days)]
    dropped = [c for c in cons if not any(c.test(r) for r in days)]
    return DocReference(doc.id, days, kept, dropped, retime)


def _bounds(value: str) -> tuple[date, date] | None:
    try:
        return period_bounds(value)
    except ValueError:
        return None


def _yearless_dateline(doc: Document, times: Iterable[TimeExpr]) -> tuple[int, int] | None:
    """(month, day) of a dateline that gives no year ("PARIS, Aug 2 (Agency) -", "GENÈVE, 13 mars -"): the day the
    dispatch was written, its year unknown; None if the article opens with no such dateline."""
    for t in times:
        m = _PARTIAL_DAY.fullmatch(str(t.attrs.get("partial") or ""))
        if m is None or t.span.start >= DATELINE_TOP:
            continue
        line = doc.text[doc.text.rfind("\n", 0, t.span.start) + 1:t.span.start]
        if _DATELINE_PLACE.fullmatch(line) and _DATELINE_AFTER.match(doc.text, t.span.end):
            return int(m.group(1)), int(m.group(2))
    return None


def _solve_dateline(doc: Document, dateline: tuple[int, int], cons: list[Constraint], dated: list[date],
                    times: Iterable[TimeExpr], retime: Retime) -> DocReference | None:
    """The writing day of an article whose dateline gives its month and day but no year: that day in the year the
    dossier and the article agree on. Candidates are that day in the years of the dossier's dated articles (and
    the years either side) and of the dated events it shares; each is scored by the constraints above, and by the
    news convention that the weekdays a dispatch tells in the past name its own day (or, weaker, the day before:
    "PARIS, Aug 2 - ... landed on Wednesday"). Equal scores go to the day nearest a dated article of the dossier;
    with nothing in the text to score, only a day within a month of one is taken."""
    month, dom = dateline
    cands: set[date] = set()
    for y in {*(d.year for d in dated), *(c.day.year for c in cons if c.rule != "own_date")}:
        for yy in (y - 1, y, y + 1):  # a dispatch of early January in a dossier of December
            try:
                cands.add(date(yy, month, dom))
            except ValueError:
                continue
    weekdays = [t for t in times if t.attrs.get("rule") == "weekday" and "groups" in t.attrs
                and (t.attrs.get("time_ref") == "past" or t.attrs.get("tense") in PAST_TENSES)]

    def fits(r: date) -> float:
        own, eve = r.isoformat(), (r - timedelta(days=1)).isoformat()
        got = [x.value for t in weekdays if (x := retime(t, r)) is not None]
        return got.count(own) + EVE_WEIGHT * got.count(eve)

    def distance(r: date) -> int:
        return min((abs((r - d).days) for d in dated), default=MAX_WINDOW_DAYS + 1)

    scored = sorted(((sum(c.weight for c in cons if c.test(r)) + fits(r), -distance(r), r) for r in cands), reverse=True)
    if not scored or (len(scored) > 1 and scored[1][:2] == scored[0][:2]):
        return None
    score, near, best = scored[0]
    if score == 0 and -near > MAX_WINDOW_DAYS:
        return None
    basis = [c for c in cons if c.test(best)]
    basis.append(Constraint("dateline", best, 0, lambda r, d=best: r == d, None))
    return DocReference(doc.id, [best], basis, [c for c in cons if not c.test(best)], retime)


def _week_span(weekdays: list[TimeExpr], r: date, retime: Retime) -> int:
    vals = []
    for t in weekdays:
        got = retime(t, r)
        # "dès mardi" (2023-09-12/..) and "jusqu'à mercredi" (../2023-09-13) name their day too
        for part in (got.value or "").split("/") if got is not None else ():
            if len(part) == 10:
                vals.append(date.fromisoformat(part))
    return (max(vals) - min(vals)).days if vals else 0


def retimed(ref: DocReference, times: Iterable[TimeExpr], words: TimeVocabulary) -> list[TimeExpr]:
    """The article's unresolved expressions that every allowed writing day reads the same way, read that way."""
    out = []
    reader = ref.reader or (lambda t, day: chrono.reread(t, day, words))
    for t in times:
        if "groups" not in t.attrs:
            continue
        readings = [reader(t, r) for r in ref.days]
        if any(x is None for x in readings):
            continue
        values = {(x.value, x.precision) for x in readings if x is not None}
        if len(values) != 1:
            continue
        first = readings[0]
        assert first is not None
        first.attrs["reference_day"] = ref.value or f"{ref.days[0].isoformat()}/{ref.days[-1].isoformat()}"
        out.append(first)
    return out


def _covers(value: str, day: date) -> bool:
    """Whether an ISO value (a day, a coarser prefix, or an open or closed period) contains the day."""
    iso = day.isoformat()
    if "/" in value:
        lo, hi = value.split("/", 1)
        return (lo == ".." or iso[:len(lo)] >= lo) and (hi == ".." or iso[:len(hi)] <= hi)
    return iso.startswith(value)
