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


@check("dates", version="2")
def dates_check(ctx: ResolveContext) -> list[dict[str, Any]]:
    return _event_dates(ctx) + _weekdays(ctx) + _one_happening_two_days(ctx)


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


_WORD = re.compile(r"[a-z]{%d,}")


def _told_words(ctx: ResolveContext, cfg: dict[str, Any]) -> tuple[Any, Counter[str], set[str]]:
    """What an event's statement tells, as word stems (folded words of its sentence and the next, names aside), with
    each stem's document frequency: a stem few articles use is what two accounts of one happening share."""
    from recoupe.model.text import fold

    cached = ctx.state.get("_dates_told")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    word = re.compile(_WORD.pattern % cfg["min_word"])
    names: set[str] = set()
    for e in ctx.entities:
        names |= set(word.findall(fold(e.name)))
    cut = cfg["stem"]

    def stems(text: str) -> set[str]:
        return {w[:cut] for w in word.findall(fold(text)) if w not in names}

    df: Counter[str] = Counter()
    for d in ctx.documents:
        df.update(stems(d.text))
    cached = ctx.state["_dates_told"] = (stems, df, names)
    return cached


def _written(cfg: dict[str, Any], text: str, shared: set[str]) -> list[str]:
    """The words of `text` whose stems are `shared`, as written, for a reader."""
    from recoupe.model.text import fold

    out: dict[str, str] = {}
    for w in re.findall(r"[^\W\d_]+", text):
        st = fold(w)[:cfg["stem"]]
        if st in shared and len(w) >= cfg["min_word"]:
            out.setdefault(st, w)
    return [out.get(st, st) for st in sorted(shared)]


def _window(ctx: ResolveContext, span: dict[str, Any]) -> str:
    """The sentence of a statement and the one after it (what was said often follows who said it, and when)."""
    import bisect

    doc = ctx.docs_by_id.get(span["doc"])
    sents = next((a.sentences for a in ctx.analyses if a.doc == span["doc"]), None) if doc is not None else None
    if doc is None or not sents:
        return str(span.get("text") or "")
    starts = [s for s, _ in sents]
    i = max(0, bisect.bisect_right(starts, span["start"]) - 1)
    return doc.text[sents[i][0]:sents[min(len(sents) - 1, i + 1)][1]]


def _one_happening_two_days(ctx: ResolveContext) -> list[dict[str, Any]]:
    """Two articles tell one happening on two days: events of the same type and subtype, with an actor in common,
    each dated to a day by its own article's text (weekdays read against its publication date), a few days apart,
    whose statements share words few articles use ("financer intégralement"). Both told as done: a contradiction;
    one planned, the other done: a discrepancy (plan against outcome)."""
    from itertools import combinations

    from recoupe.model.vocab import DiscrepancyReason
    from recoupe.resolve.checks import discrepancy
    from recoupe.resolve.checks.stories import copies, same_story

    cfg = settings()["dates"]["one_happening"]
    stems, df, _ = _told_words(ctx, cfg)
    rare = max(2.0, cfg["rare_share"] * len(ctx.documents))
    copy_of = copies(ctx)
    dated = [e for e in ctx.dossier.events if e.get("date_source") == "text" and e.get("date_precision") == "day"
             and _is_day(e.get("date")) and e.get("status") in ("happened", "planned")]
    told: dict[tuple[str, int, int], set[str]] = {}

    def words_of(span: dict[str, Any]) -> set[str]:
        k = (span["doc"], span["start"], span["end"])
        if k not in told:
            told[k] = {w for w in stems(_window(ctx, span)) if df[w] <= rare}
        return told[k]

    # candidate pairs share a type, a subtype and an actor: events bucketed by them, never all pairs
    buckets: dict[tuple[Any, ...], list[int]] = {}
    for i, e in enumerate(dated):
        for who in set(e.get("participants") or ()):
            buckets.setdefault((e["type"], e.get("subtype"), who), []).append(i)
    pairs = sorted({(i, j) for ids in buckets.values() for i, j in combinations(ids, 2)})
    out: list[dict[str, Any]] = []
    for i, j in pairs:
        a, b = dated[i], dated[j]
        if a["date"] == b["date"]:
            continue
        gap = abs((dt.date.fromisoformat(a["date"]) - dt.date.fromisoformat(b["date"])).days)
        if gap > cfg["max_days"]:
            continue
        best: tuple[set[str], dict[str, Any], dict[str, Any]] | None = None
        for sa in a.get("sources") or ():
            for sb in b.get("sources") or ():
                if copy_of.get(sa["doc"], sa["doc"]) == copy_of.get(sb["doc"], sb["doc"]):
                    continue
                shared = words_of(sa) & words_of(sb)
                if len(shared) >= cfg["shared_words"] and (best is None or len(shared) > len(best[0])) \
                        and same_story(ctx, sa["doc"], sb["doc"]):
                    best = (shared, sa, sb)
        if best is None:
            continue
        shared, sa, sb = best
        written = _written(cfg, _window(ctx, sa), shared)
        what = f"date of: {a.get('summary') or a['id']}"
        listing = f"{a['date']} (“{sa['text'][:80]}”) and {b['date']} (“{sb['text'][:80]}”)"
        if a["status"] != b["status"]:
            out.append(discrepancy("date", what, [sa, sb], f"Two articles date what reads as one {a['type']} differently: "
                                   f"{listing}; both may hold, as one tells a plan, the other what happened.",
                                   DiscrepancyReason.PLAN_AND_OUTCOME.value, certainty=cfg["certainty_discrepancy"],
                                   event=a["id"]))
            continue
        out.append(contradiction(
            "date", what, [sa, sb],
            f"Two articles tell what reads as one {a['type']} (the same actor, and words few articles use: "
            f"{', '.join(written)}) on different days: {listing}.",
            certainty=cfg["certainty"], expected=None, event=a["id"],
            computed={"method": "same type and actor, shared rare words in the statements, days read against each "
                                "article's publication date", "days": sorted({a["date"], b["date"]})}))
    return out
