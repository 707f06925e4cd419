"""The `times` component: temporal expressions found as spans (the language pack's patterns) and read against the
publication date and the verb's tense (`recoupe.chrono`)."""

from __future__ import annotations

import bisect
from datetime import date, timedelta
from typing import Any

from recoupe import lang
from recoupe.analyze.nlp import text_of
from recoupe.analyze.registry import Context, component
from recoupe.chrono import Reference, Resolved, open_period, read, shift_day
from recoupe.chrono.reading import word_key
from recoupe.model import Span, TimeExpr

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


def _wrap_since_until(text: str, c: Any, r: Resolved, pack: lang.LanguagePack) -> tuple[int, Resolved]:
    """'depuis 2019', 'dès mardi', 'jusqu'à mercredi': an open period from or until the point."""
    if r.kind in ("period", "duration"):
        return c.start, r
    before = text[max(0, c.start - 30):c.start]
    for regex, side in ((pack.time.since_re, "since"), (pack.time.until_re, "until")):
        m = regex.search(before)
        if not m:
            continue
        start = c.start - (len(before) - m.start())
        return start, open_period(r, "end" if side == "since" else "start")
    return c.start, r




def _names_a_day(t: TimeExpr) -> bool:
    """A point the text dates to the day (not a period): what "au lendemain de", "la veille" count from."""
    return t.precision == "day" and bool(t.value) and len(t.value or "") == 10 and t.kind in ("date", "relative")


def _opens_on_a_day(t: TimeExpr) -> bool:
    """A period open from a day on ("dès mercredi", "from 1 April"): "2023-07-26/.."."""
    v = t.value or ""
    return len(v) == 13 and v.endswith("/..") and t.precision == "day"


def event_relative(doc_id: str, text: str, sdoc: Any, found: list[TimeExpr], pack: lang.LanguagePack) -> list[TimeExpr]:
    """Dates of events named only relative to a dated clause: in "reçu le 13 mai, au lendemain de son arrivée", the
    arrival is dated 12 May. The new expression spans the event's words ("son arrivée") and is anchored to its noun."""
    words = pack.time
    if words.event_relative_re is None:
        return []
    out: list[TimeExpr] = []
    by_anchor: dict[int, list[TimeExpr]] = {}
    for t in found:
        if t.anchor is not None and _names_a_day(t):
            by_anchor.setdefault(t.anchor, []).append(t)
    for m in words.event_relative_re.finditer(text):
        head = find_anchor(sdoc, m.start(), m.end() - 1)
        dated = by_anchor.get(head.idx) if head is not None else None
        if not dated:
            continue
        noun = _noun_after(sdoc, m.end())
        if noun is None:
            continue
        ref = min(dated, key=lambda t: abs(t.span.start - m.start()))
        offset = words.event_relative[word_key(m.group("w"), words.event_relative)]
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


NARRATIVE_REACH = 400  # characters back to the day it counts from: the same paragraph, or about


def narrative_relative(doc_id: str, text: str, sdoc: Any, found: list[TimeExpr], pack: lang.LanguagePack) -> list[TimeExpr]:
    """'la veille', 'le lendemain' standing alone count from the last day the text gave just before (a narrative's
    own time line), not from the publication date; without such a day nearby they are left out, not guessed."""
    words = pack.time
    if words.narrative_relative_re is None:
        return []
    # a period open from a day ("dès mercredi", "from Monday") names that day too: "le même jour" after it is it
    # a day left unread for want of the article's day ("lundi" in an undated article) is the day named too: what
    # counts from it is read with it once that day is known (`counted_from`, `chrono.reread`)
    days = sorted((t for t in found if _names_a_day(t) or _opens_on_a_day(t) or _day_unread(t)), key=lambda t: t.span.start)
    starts = [t.span.start for t in days]
    out: list[TimeExpr] = []
    found_words: list[tuple[Any, int, str]] = []  # (match, offset, unit)
    for m in words.narrative_relative_re.finditer(text):
        found_words.append((m, words.narrative_offsets[word_key(m.group("w") or m.groupdict().get("d"), words.narrative_offsets)], "day"))
    count_re = getattr(words, "narrative_count_re", None)
    for m in (count_re.finditer(text) if count_re is not None else ()):
        # "three days later", "deux semaines plus tard": that count from the last day named
        n, unit = words.number(m.group("n")), words.units.get(m.group("u").lower())
        if n and unit in ("day", "week", "month"):
            found_words.append((m, n * words.lex.narrative_counts[word_key(m.group("w"), words.lex.narrative_counts)], unit))
    out.extend(_narrative_years(doc_id, text, sdoc, found, pack))
    for m, offset, unit in sorted(found_words, key=lambda x: x[0].start()):
        ref = _last_named(days, starts, m.start())
        if ref is None:
            continue
        if ref.value is None:
            if unit == "day":
                out.append(_counted_unread(doc_id, text, sdoc, pack, m, ref, offset))
            continue
        moved = shift_day((ref.value or "")[:10], offset, unit)
        if moved is None:
            continue
        out.append(_narrative_expr(doc_id, text, sdoc, pack, m, moved[0], moved[1], ref,
                                   "offset_days" if unit == "day" else f"offset_{unit}s", offset))
    return out


_DAY_RULES = frozenset({"weekday", "wd_rel", "date", "day_word"})  # the rules that name one day


def _day_unread(t: TimeExpr) -> bool:
    """An expression naming one day that is left unread until the article's day is known."""
    return t.value is None and t.attrs.get("rule") in _DAY_RULES and "groups" in t.attrs


def _counted_unread(doc_id: str, text: str, sdoc: Any, pack: lang.LanguagePack, m: Any, ref: TimeExpr,
                    offset: int) -> TimeExpr:
    """'le soir même', 'la veille' after a day still unread: unread too, with what reading it needs."""
    t = _narrative_expr(doc_id, text, sdoc, pack, m, "", "day", ref, "offset_days", offset)
    t.value, t.precision = None, None
    t.attrs.update({"unresolved": "reference", "groups": {}, "counted_from": {
        "rule": ref.attrs["rule"], "groups": ref.attrs["groups"], "time_ref": ref.attrs.get("time_ref", "none"),
        "tense": ref.attrs.get("tense", "unknown"), "offset_days": offset}})
    return t


def _narrative_years(doc_id: str, text: str, sdoc: Any, found: list[TimeExpr], pack: lang.LanguagePack) -> list[TimeExpr]:
    """"La même année", "the following year" standing alone: a year counted from the last year the text named
    before, within NARRATIVE_REACH; left out with no such year nearby."""
    words = pack.time
    pattern = getattr(words, "narrative_year_re", None)
    if pattern is None:
        return []
    years = sorted((t for t in found if t.value and t.value[:4].isdigit() and t.kind in ("date", "relative", None)
                    and t.precision in ("year", "month", "day")), key=lambda t: t.span.start)
    starts = [t.span.start for t in years]
    out: list[TimeExpr] = []
    for m in pattern.finditer(text):
        ref = _last_named(years, starts, m.start())
        if ref is None:
            continue
        offset = words.lex.narrative_years[word_key(m.group("w"), words.lex.narrative_years)]
        out.append(_narrative_expr(doc_id, text, sdoc, pack, m, str(int((ref.value or "")[:4]) + offset), "year", ref,
                                   "offset_years", offset))
    return out


def _last_named(exprs: list[TimeExpr], starts: list[int], at: int) -> TimeExpr | None:
    """The last of `exprs` (sorted, their `starts`) before `at`, when it ends within NARRATIVE_REACH of it."""
    i = bisect.bisect_left(starts, at) - 1
    if i < 0 or at - exprs[i].span.end > NARRATIVE_REACH:
        return None
    return exprs[i]


def _narrative_expr(doc_id: str, text: str, sdoc: Any, pack: lang.LanguagePack, m: Any, value: str, precision: str,
                    ref: TimeExpr, offset_key: str, offset: int) -> TimeExpr:
    """The expression a narrative's relative words make, counted from `ref`, anchored to the word they hang on."""
    anchor_tok = find_anchor(sdoc, m.start(), m.end())
    tense, direction = pack.grammar.clause_tense(anchor_tok)
    return TimeExpr(
        span=Span(doc_id, m.start(), m.end(), text[m.start():m.end()]), value=value, precision=precision, kind="relative",
        anchor=anchor_tok.idx if anchor_tok is not None else None,
        attrs={"rule": "narrative_relative", offset_key: offset, "from": ref.span.to_dict(), "tense": tense,
               "time_ref": direction},
    )


def _noun_after(sdoc: Any, start: int) -> Any | None:
    """The noun (or infinitive) that the words at `start` introduce: 'son arrivée', 'la signature'."""
    span = sdoc.char_span(start, min(len(text_of(sdoc)), start + 60), alignment_mode="expand")
    if span is None:
        return None
    for tok in list(span)[:4]:
        if tok.pos_ in ("NOUN", "VERB"):
            return tok
        if tok.pos_ not in ("DET", "PRON", "ADJ"):
            return None
    return None


def _rejected_by_parse(c: Any, sdoc: Any) -> bool:
    """A year that counts something ('1500 km', 'entre 1500 et 2000 soldats') is a quantity, not a date."""
    if c.rule not in ("year", "between", "from_to", "year_range"):
        return False
    span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any(t.like_num and t.dep_ == "nummod" and t.head.i >= span.end for t in span)


_TARGET_RULES = frozenset({"date", "weekday", "month"})  # a day or month something can be set for
TARGET_REACH = 24  # characters before an expression where "for", "pour" sit


def _set_for(text: str, start: int, words: Any) -> bool:
    """Whether a time expression is one something is set for ("a vote for 23 December", "prévu pour le 4")."""
    pattern = getattr(words, "target_before_re", None)
    return pattern is not None and pattern.search(text[max(0, start - TARGET_REACH):start]) is not None


def _modifier(sdoc: Any, end: int) -> bool:
    """Whether the expression ending at `end` modifies the noun after it ("for the 5 May attack", "Sunday's vote")."""
    span = sdoc.char_span(end, min(len(text_of(sdoc)), end + 30), alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    return first.pos_ in ("NOUN", "PART") or first.text in ("'s", "’s")


_EXPLICIT_YEAR_RULES = frozenset({"date", "month_year", "numeric", "between", "from_to"})


def extract(doc_id: str, text: str, sdoc: Any, published: str | None, precision: str | None,
            sentences: list[tuple[int, int]] | None = None, pack: lang.LanguagePack | None = None) -> list[TimeExpr]:
    """Temporal expressions of one text, normalised against its publication date."""
    pack = pack or lang.pack()
    words = pack.time
    ref = Reference.from_published(published, precision)
    sent_starts = [s for s, _ in (sentences or [(s.start_char, s.end_char) for s in sdoc.sents])]
    out: list[TimeExpr] = []
    context: dict[int, Resolved] = {}  # per sentence: the last expression that carried its own year
    named: Resolved | None = None  # the last day or month the text named with its year
    point: Resolved | None = None  # the last day or month the text named, its year read or given
    for c in words.candidates(text):
        if _rejected_by_parse(c, sdoc):
            continue
        anchor_tok = find_anchor(sdoc, c.start, c.end)
        tense, direction = pack.grammar.clause_tense(anchor_tok)
        target = c.rule in _TARGET_RULES and _set_for(text, c.start, words) and not _modifier(sdoc, c.end)
        if target:
            direction = "none"  # "a day of mourning for Dec. 23": the nearest 23 December, whatever the tense
        r = read(c.rule, c.groups, ref, direction, words, tense=tense)
        if c.rule == "day_of" and point is not None:
            # "Le 25 mars, ... Puis vient la nuit du 26": the month of the day the text named last, not the writing's
            lref = Reference(point.lo, point.hi, "day" if point.lo == point.hi else "month")
            r = read(c.rule, c.groups, lref, "none", words)
            if r is not None and r.value is not None:
                r.attrs["month_from"] = "text"
        if r is None:
            continue
        sent = max(0, bisect.bisect_right(sent_starts, c.start) - 1)
        if c.rule in ("date", "month") and sent in context and c.groups.get("y") is None:
            # the sentence gave a full date just before: "le 13 septembre 2023 ... avant de repartir le 17
            # septembre"; a reader takes the year from it rather than from the publication date
            local = context[sent]
            lref = Reference(local.lo, local.hi, "day" if local.lo == local.hi else "month")
            r2 = read(c.rule, c.groups, lref, direction, words)  # tense speaks of the writing time, not of that date
            if r2 is not None and r2.value is not None:
                r2.attrs["year_from"] = "sentence"
                r2.attrs.pop("unresolved", None)
                r = r2
        if c.rule in ("date", "month", "from_to") and r.value is None and ref.year is None and named is not None and c.groups.get("y") is None:
            # an article that gives no date of its own but names one with its year ("Le 30 juillet 2023, ... Le 31
            # juillet, ..."): a reader takes a day-month's year from the last such date before it, the nearest reading
            lref = Reference(named.lo, named.hi, "day" if named.lo == named.hi else "month")
            r2 = read(c.rule, c.groups, lref, "none", words)
            if r2 is not None and r2.value is not None:
                r2.attrs["year_from"] = "text"
                r2.attrs.pop("unresolved", None)
                r = r2
        if r.value is not None and r.kind == "date" and r.precision in ("day", "month") and r.lo is not None:
            point = r
        if c.rule in _EXPLICIT_YEAR_RULES and r.lo is not None and r.value is not None and "year_from" not in r.attrs:
            context[sent] = r
            if r.precision == "day":  # a full date anchors the narrative; "en octobre 2022" is often its background
                named = r
        start, r = _wrap_since_until(text, c, r, pack)
        attrs = dict(r.attrs)
        if r.value is None and "unresolved" in attrs:
            # what `chrono.reread` needs to read it again once the article's day is known from other articles
            attrs["groups"] = {k: v for k, v in c.groups.items() if v}
        attrs["rule"] = c.rule
        if target:
            attrs["target"] = True
        attrs["tense"] = tense
        attrs["time_ref"] = direction
        out.append(TimeExpr(
            span=Span(doc_id, start, c.end, text[start:c.end]), value=r.value, precision=r.precision,
            start=r.start, end=r.end, kind=r.kind, anchor=anchor_tok.idx if anchor_tok is not None else None,
            attrs=attrs,
        ))
    derived = event_relative(doc_id, text, sdoc, out, pack)
    for t in narrative_relative(doc_id, text, sdoc, out, pack):
        over = [o for o in out if o.span.start < t.span.end and t.span.start < o.span.end]
        if all(t.span.start <= o.span.start and o.span.end <= t.span.end and o.span.end - o.span.start < t.span.end - t.span.start
               for o in over):
            # "ce soir-là" is that evening, not this one: the longer narrative words replace the reading inside them
            out = [o for o in out if o not in over]
            derived.append(t)
    if derived:
        out = sorted(out + derived, key=lambda t: (t.span.start, t.span.end))
    return out


@component("times", requires=("spacy",), assigns=("times",), version="13")
def times(ctx: Context) -> dict[str, Any]:
    doc = ctx.document
    return {"times": extract(doc.id, doc.text, ctx.sdoc, doc.published, doc.published_precision, ctx.analysis.sentences,
                             ctx.pack)}
