"""Times of day as quantities (dimension `time_of_day`), so that sources are compared on when something happened.

A clock time ("vers 18h20", "shortly after 1:30 a.m.") or a part of the day ("dimanche matin") becomes a quantity
whose value is minutes after midnight as written (a part of the day: its range of minutes, from the pack's
`part_of_day_minutes`), with:

- its bound as the words before it give it (the pack's `bounds_before`: "vers" approximate, "peu après" shortly
  after), kept in `clock_bound`; the quantity's `bound` is the contract's nearest (at_least for "after");
- its time zone: named right after it ("heure de Moscou", "Moscow time", "GMT", "heure locale"), or by a convention
  the article states before it ("Les heures sont données à l'heure de Paris"), or the zone the article last named
  (`zone_inherited`); a place is kept as a span for resolution to find its zone;
- what it dates: the event class (type and subtype of the pack's triggers) of the predicate it modifies, an ordinal
  of the clause ("le premier vol", "a second aircraft": two flights are two events), and how it is told (planned).

Every word comes from the pack's clock.json; this module holds no language.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

from recoupe import lang as languages
from recoupe.analyze.temporal import find_anchor
from recoupe.model import QuantityRec, Span, TimeExpr

_APOS = str.maketrans({"’": "'", "‘": "'"})
_QUOTES = "»”\" "
UNIT = "min"  # minutes after midnight


class ClockWords:
    """The pack's clock.json, compiled."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.clock = [re.compile(p, re.I) for p in data["clock_patterns"]]
        self.named_hours = {k.lower(): v for k, v in data["named_hours"].items()}
        self.bounds = sorted(((k.lower().translate(_APOS), v) for k, v in data["bounds_before"].items()),
                             key=lambda kv: -len(kv[0]))
        self.halves = sorted(((k.lower().translate(_APOS), v) for k, v in data["day_halves"].items()), key=lambda kv: -len(kv[0]))
        self.zone = [re.compile(p) for p in data["zone_patterns"]]
        self.convention = [re.compile(p) for p in data["convention_patterns"]]
        self.local = frozenset(w.lower() for w in data["local_words"])
        self.abbreviations = dict(data["zone_abbreviations"])
        self.ordinals = {k.lower(): v for k, v in data["ordinal_words"].items()}
        self.parts = {k: (int(v[0]), int(v[1])) for k, v in data["part_of_day_minutes"].items()}


@lru_cache(maxsize=8)
def words(code: str) -> ClockWords:
    return ClockWords(languages.pack(code).data("clock.json"))


def _bound_before(text: str, start: int, w: ClockWords) -> tuple[int, str] | None:
    before = text[max(0, start - 30):start].translate(_APOS).lower()
    for form, kind in w.bounds:
        if before.endswith(form + " ") or before.endswith(form + "\u00a0"):
            s = start - len(form) - 1
            if s == 0 or not text[s - 1].isalnum():
                return s, kind
    return None


def words_after(text: str, end: int, forms: Any, space: str = r"\s?") -> tuple[int, Any] | None:
    """The first of `forms` ((words, value) pairs, longest first) written right after `end`: (its end, its value)."""
    after = text[end:end + 24].translate(_APOS).lower()
    for form, value in forms:
        m = re.match(rf"{space}{re.escape(form)}(?!\w)", after)
        if m:
            return end + m.end(), value
    return None


def _half_after(text: str, end: int, w: ClockWords) -> tuple[int, str] | None:
    return words_after(text, end, w.halves)


def zone_after(text: str, end: int, w: ClockWords) -> dict[str, Any] | None:
    """The time zone named right after a time: {"text", and "place" (a span) | "adj" | "zone" | "local"}."""
    k = end
    while k < len(text) and k < end + 3 and text[k] in _QUOTES:
        k += 1
    window = text[k:k + 80]
    for rx in w.zone:
        m = rx.match(window)
        if m:
            return _zone(m, k, w)
    return None


def _zone(m: re.Match[str], offset: int, w: ClockWords) -> dict[str, Any] | None:
    g = m.groupdict()
    out: dict[str, Any] = {"text": m.group(0).strip(" ,(")}
    if g.get("place"):
        s, e = offset + m.start("place"), offset + m.end("place")
        out["place"] = {"start": s, "end": e, "text": m.group("place")}
    elif g.get("adj"):
        if g["adj"].lower() in w.local:
            out["local"] = True
        else:
            out["adj"] = g["adj"]
    elif g.get("abbr"):
        out["zone"] = w.abbreviations.get(g["abbr"], g["abbr"])
    elif g.get("local"):
        out["local"] = True
    elif g.get("unknown"):
        out["unknown"] = True  # a zone named in words we cannot place: the time is not compared
    else:
        return None
    return out


def _conventions(text: str, w: ClockWords) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for rx in w.convention:
        for m in rx.finditer(text):
            z = _zone(m, 0, w)
            if z is not None:
                out.append((m.start(), z))
    return out


def _event_class(tok: Any, pack: languages.LanguagePack) -> tuple[str, str | None, str] | None:
    """(type, subtype, lemma) of the trigger a time dates: the verb it modifies, else a trigger noun it governs."""
    if tok is None:
        return None
    trig = pack.triggers
    cands = [tok] + [c for c in tok.children if c.dep_ in ("obj", "nsubj", "nsubj:pass", "nmod", "obl", "dobj")]
    for t in cands:
        table = trig.verbs if t.pos_ in ("VERB", "AUX") else trig.nouns
        spec = table.get(t.lemma_.lower())
        if spec and spec.get("type") != "statement":
            return str(spec["type"]), spec.get("subtype"), t.lemma_.lower()
    return None


def _subject(tok: Any, text: str) -> dict[str, Any] | None:
    """Who or what the dated predicate is told of (its subject's words), so that two people's arrivals stay two."""
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubj:pass"):
            toks = list(c.subtree)
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if e - s <= 120:
                return {"start": s, "end": e, "text": text[s:e]}
    return None


def _ordinal(tok: Any, w: ClockWords) -> int | None:
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubj:pass", "obj", "dobj"):
            for t in c.subtree:
                if t.lower_ in w.ordinals:
                    return w.ordinals[t.lower_]
    return None


def clock_times(doc_id: str, text: str, sdoc: Any, pack: languages.LanguagePack,
                sentences: list[tuple[int, int]], times: list[TimeExpr], status_of: Any = None) -> list[QuantityRec]:
    """The times of day of one text as quantities (see the module's docstring). `status_of(start, end)` gives how
    the clause tells it (planned, forecast) when the caller knows."""
    w = words(pack.code)
    starts = [s for s, _ in sentences] or [0]
    found: list[tuple[int, int, dict[str, Any]]] = []  # (start, end, attrs)
    taken: list[tuple[int, int]] = []
    for rx in w.clock:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken) or (s > 0 and (text[s - 1].isalnum() or text[s - 1] in ":.,")):
                continue
            b = _bound_before(text, s, w)
            if b is None:
                continue  # a bare time is a live blog's stamp or a quoted clock, not when something happened
            hour = m.group("h")
            h = w.named_hours[hour.lower()] if hour.lower() in w.named_hours else int(hour)
            mins = int(m.group("m")) if "m" in m.groupdict() and m.group("m") else 0
            half = None
            if "half" in m.groupdict() and m.group("half"):
                half = next((v for k, v in w.halves if k == m.group("half").lower()), None)
            else:
                ha = _half_after(text, e, w)
                if ha:
                    e, half = ha
            if half == "pm" and h < 12:
                h += 12
            elif half == "am" and h == 12:
                h = 0
            taken.append((s, e))
            found.append((b[0], e, {"minutes": h * 60 + mins, "clock_bound": b[1], "minute_written": mins,
                                    "hour_only": not (m.groupdict().get("m"))}))
    for t in times:
        part = (t.attrs or {}).get("part_of_day")
        if part in w.parts and t.precision == "day" and t.value:
            found.append((t.span.start, t.span.end, {"part_of_day": part, "day": t.value}))
    conventions = sorted(_conventions(text, w), key=lambda c: c[0])
    out: list[QuantityRec] = []
    last_zone: tuple[int, dict[str, Any]] | None = None
    for s, e, a in sorted(found, key=lambda f: f[0]):
        zone = zone_after(text, e, w)
        conv = [c for c in conventions if c[0] < s]
        attrs: dict[str, Any] = {"dimension": "time_of_day", "sentence": max(0, bisect.bisect_right(starts, s) - 1)}
        if zone is not None:
            last_zone = (s, zone)
        else:
            # the article's stated convention first ("Les heures sont données à l'heure de Paris"), else the zone it
            # last named ("at 18:19 Moscow time ... at around 18:40")
            inherited = conv[-1] if conv else last_zone
            if inherited is not None:
                zone = dict(inherited[1])
                attrs["zone_inherited"] = True
        if zone is not None:
            attrs["zone_words"] = zone
        anchor = find_anchor(sdoc, s, e) if sdoc is not None else None
        cls = _event_class(anchor, pack)
        if cls is None and sdoc is not None:
            # a parse broken by a long name ("Roissy-Charles-de-Gaulle"), its sentence cut with it: the last verb
            # before it since the last full stop
            sent_start = max(text.rfind(stop, 0, s) for stop in (". ", "! ", "? ", "\n")) + 1
            verbs = [t for t in sdoc if sent_start <= t.idx < s and t.pos_ == "VERB"]
            if verbs:
                anchor = verbs[-1]
                cls = _event_class(anchor, pack)
        if cls is not None:
            attrs["event_type"], attrs["event_subtype"], attrs["predicate"] = cls
        subject = _subject(anchor, text)
        if subject is not None:
            attrs["subject"] = subject
        ordinal = _ordinal(anchor, w)
        if ordinal is not None:
            attrs["ordinal"] = ordinal
        if status_of is not None:
            st = status_of(s, e)
            if st:
                attrs["status"] = st
        if "part_of_day" in a:
            lo, hi = w.parts[a["part_of_day"]]
            attrs.update({"part_of_day": a["part_of_day"], "day": a["day"]})
            value, vmax, bound = float(lo), float(hi), "range"
        else:
            value, vmax = float(a["minutes"]), None
            bound = {"exact": "exact", "approx": "approx", "shortly_after": "at_least", "after": "at_least",
                     "shortly_before": "at_most", "before": "at_most"}[a["clock_bound"]]
            attrs.update({"clock_bound": a["clock_bound"], "minute_written": a["minute_written"],
                          "hour_only": a["hour_only"]})
        out.append(QuantityRec(span=Span(doc_id, s, e, text[s:e]), value=value, unit=UNIT, bound=bound,
                               value_max=vmax, about=None, attrs=attrs))
    return out
