"""The `dates` check: sources giving different days for one event, and weekdays that do not match their date."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from recoupe.model import Span
from recoupe.resolve.checks import check, contradiction, settings
from recoupe.resolve.registry import ResolveContext

WEEKDAY_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@check("dates")
def dates_check(ctx: ResolveContext) -> list[dict[str, Any]]:
    return _event_dates(ctx) + _weekdays(ctx)


def _event_dates(ctx: ResolveContext) -> list[dict[str, Any]]:
    """One event, several sources, different days: the minority days conflict with the majority."""
    cfg = settings()["dates"]
    cues: dict[str, list[Any]] = {a.doc: a.event_cues for a in ctx.analyses}
    out: list[dict[str, Any]] = []
    for ev in ctx.dossier.events:
        dated: list[tuple[str, dict[str, Any]]] = []  # (day, evidence span)
        for d in ev.get("dates") or []:  # an events step may list each source's own date
            day, span = d.get("date") or d.get("value"), d.get("source") or d.get("span")
            if _is_day(day) and span:
                dated.append((day, span))
        if not dated:
            for s in ev.get("sources", []):
                if _is_day(s.get("date")):
                    dated.append((s["date"], s))
                    continue
                for c in cues.get(s["doc"], []):
                    t = c.time
                    if t is not None and _is_day(t.value) and s["start"] <= c.span.start and c.span.end <= s["end"]:
                        dated.append((t.value, t.span.to_dict() if isinstance(t.span, Span) else s))
                        break
        per_doc: dict[str, str] = {}
        for day, span in dated:
            per_doc.setdefault(span["doc"], day)
        days = Counter(per_doc.values())
        if len(days) < 2:
            continue
        majority, n = days.most_common(1)[0]
        tie = sum(1 for c in days.values() if c == n) > 1
        spans = []
        for day in sorted(days):
            spans.append(next(sp for d, sp in dated if d == day))
        listing = "; ".join(f"{d} ({c} source{'s' if c > 1 else ''})" for d, c in sorted(days.items()))
        out.append(contradiction(
            "date", f"date of: {ev.get('summary') or ev['id']}", spans,
            f"The sources give different days for the same event: {listing}.",
            certainty=cfg["certainty_sources"] * (0.8 if tie else 1.0),
            expected=None if tie else {"value": majority, "unit": None, "method": f"majority of {sum(days.values())} sources"},
            event=ev["id"]))
    return out


def weekday_number(w: Any, names: dict[str, int]) -> int | None:
    """0 = Monday, from an int or a weekday name (the pack's or English), as a time component may store it."""
    if isinstance(w, int) and not isinstance(w, bool) and 0 <= w <= 6:
        return w
    if isinstance(w, str):
        low = w.strip().lower()
        if low in names:
            return names[low]
        english = [d.lower() for d in WEEKDAY_EN]
        if low in english:
            return english.index(low)
    return None


def _is_day(v: Any) -> bool:
    return isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) is not None


def _weekdays(ctx: ResolveContext) -> list[dict[str, Any]]:
    """"Mardi 13 septembre 2023" when 13 September 2023 was a Wednesday; the year may come from the publication date."""
    cfg = settings()["dates"]
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int]] = set()
    words = ctx.pack.time
    wd, mo, pat = words.weekdays, words.months, words.weekday_date_re
    for doc in ctx.documents:
        if (doc.language or ctx.pack.code) != ctx.pack.code:
            continue
        pub_year = int(doc.published[:4]) if doc.published else None
        pub_month = int(doc.published[5:7]) if doc.published and len(doc.published) >= 7 else None
        for m in pat.finditer(doc.text):
            weekday = wd[m.group(1).lower()]
            day = 1 if not m.group(2).isdigit() else int(m.group(2))
            month = mo[m.group(3).lower()]
            year = int(m.group(4)) if m.group(4) else None
            inferred = year is None
            if year is None:
                if pub_year is None or pub_month is None or month > pub_month + 1:
                    continue  # without a year we only trust the publication year for recent months
                year = pub_year
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            seen.add((doc.id, m.start(), m.end()))
            if date.weekday() == weekday:
                continue
            text = m.group(0)
            out.append(contradiction(
                "date", f"weekday of {date.isoformat()}",
                [{"doc": doc.id, "start": m.start(), "end": m.end(), "text": text}],
                f"“{text}”: {date.strftime('%d %B %Y').lstrip('0')} was a {WEEKDAY_EN[date.weekday()]}, not a {WEEKDAY_EN[weekday]}"
                + (" (year taken from the publication date)." if inferred else "."),
                certainty=cfg["certainty_weekday_inferred_year" if inferred else "certainty_weekday"],
                expected={"value": WEEKDAY_EN[date.weekday()], "unit": None, "method": f"calendar for {date.isoformat()}"}))
    # weekdays a time component resolved itself (TimeExpr.attrs["weekday"], 0 = Monday)
    for a in ctx.analyses:
        for t in a.times:
            w = weekday_number((t.attrs or {}).get("weekday"), wd)
            if w is None or not _is_day(t.value) or (t.span.doc, t.span.start, t.span.end) in seen:
                continue
            if any(s <= t.span.start and t.span.end <= e for (d, s, e) in seen if d == t.span.doc):
                continue
            date = dt.date.fromisoformat(t.value)  # type: ignore[arg-type]
            if date.weekday() != w:
                out.append(contradiction(
                    "date", f"weekday of {date.isoformat()}", [t.span.to_dict()],
                    f"“{t.span.text}”: {date.isoformat()} was a {WEEKDAY_EN[date.weekday()]}, not a {WEEKDAY_EN[w]}.",
                    certainty=cfg["certainty_weekday_inferred_year"],
                    expected={"value": WEEKDAY_EN[date.weekday()], "unit": None, "method": f"calendar for {date.isoformat()}"}))
    return out
