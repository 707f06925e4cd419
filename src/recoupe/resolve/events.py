"""The `events` step: event cues mapped to entities and merged across articles into one event per happening."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from recoupe import chrono
from recoupe.chrono import period_bounds
from recoupe import lang
from recoupe.lang import LanguagePack
from recoupe.model import Document, Span, TimeExpr, make_id
from recoupe.model.identity import founder
from recoupe.model.event_types import CONTRACT_TYPES, family, plover
from recoupe.model.vocab import Tense
from recoupe.resolve import reference
from recoupe.resolve.registry import ResolveContext, step
from recoupe.resolve.sources import independent_sources
from recoupe.model.text import fold

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}
MAX_CANDIDATES = 32  # per blocking key: bounds the work per cue, so merging stays near-linear
CONFLICT_DAYS = 3  # same participants and place, dates this close: one event whose sources disagree on the day
HISTORICAL_DAYS = 366
STATUS_ORDER = ("happened", "planned", "possible", "denied", "unknown")
# families whose reports are many and alike (who said what; accidents, votes, decisions): two cues are one event only
# when they give the same day and share an actor or a place, never by closeness alone
STRICT_FAMILIES = frozenset({"statement", "other"})
NOT_PLACES = frozenset({"person", "organization", "equipment"})
WINDOW_DAYS = 92  # an undated cue joins only events within this many days before its article
# where a cue's place came from when its own words name none: the sentence around it, the article's dateline
BORROWED_PLACES = frozenset({"sentence", "dateline"})
INFERRED_SLACK_DAYS = 14  # what an article whose day was inferred tells as done starts at most this long after that day


@dataclass
class CueItem:
    """One event cue, its spans mapped to entity ids: what merging works on (built from analyses or, in benchmarks, directly)."""

    key: tuple[str, int]  # (doc, trigger start): the cue's natural key
    type: str
    status: str
    participants: frozenset[str]
    place: str | None = None
    date: str | None = None  # from the text
    precision: str | None = None
    ref_date: str | None = None  # the article's reference time, a weak bound
    historical: bool = False
    pluperfect: bool = False
    antecedent: tuple[str, int] | None = None  # an anaphoric cue ("la rencontre") points at its antecedent cue
    source: Span | None = None
    outlet: str = ""  # the independence key of its document
    place_phrase: str | None = None
    participant_order: tuple[str, ...] = ()
    place_name: str | None = None  # to see that "Vostotchny" and "cosmodrome de Vostotchny" are one place
    ref_hint: str | None = None  # the article's month (undated: the dossier's usual month): compatibility only, never a date
    ref_own: bool = False  # the hint is the article's own publication month
    recipients: frozenset[str] = frozenset()  # for transfers: the receiving side
    place_is_country: bool = False  # "en Russie" does not contradict "à la gare de Khassan"
    family: str = ""
    tense: str = ""
    pending: TimeExpr | None = None  # "mardi" in an article with no publication day: read once its day is inferred
    leg: str = ""  # "return" for "repartir", "rentrer": not the outward departure of the same trip
    place_cc: str | None = None  # the place's country code, when the gazetteer placed it
    subtype: str = ""  # what kind of `other` event (accident, vote, decision ...)
    headline: bool = False  # the cue stands in the article's title line: it heads a report, it is none
    place_borrowed: bool = False  # its place is its sentence's or its dateline's, not named in its own phrase

    def __post_init__(self) -> None:
        if not self.family:
            self.family = family(self.type)


@dataclass
class Cluster:
    """A merged event under construction."""

    cid: int
    family: str
    members: list[CueItem] = field(default_factory=list)
    participants: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    statuses: set[str] = field(default_factory=set)
    historical: bool = False
    # a member told as history or in a pluperfect with no day of the story to date it: the event is not dated by
    # its articles' days (a pluperfect the analysis gave the story's named day is that day's, "had seized overnight")
    undated_past: bool = False
    place_names: dict[str, str] = field(default_factory=dict)
    recipients: Counter[str] = field(default_factory=Counter)
    countries: set[str] = field(default_factory=set)
    place_ccs: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)  # the articles of its members, kept as they join
    own_places: set[str] = field(default_factory=set)  # places its members name in their own phrase

    _best: str | None = None

    def best_date(self) -> str | None:
        return self._best

    def add(self, it: CueItem) -> None:
        self.members.append(it)
        self.docs.add(it.key[0])
        self.participants.update(it.participants)
        self.recipients.update(it.recipients)
        if it.place:
            self.places[it.place] += 1
            if not it.place_borrowed:
                self.own_places.add(it.place)
            if it.place_is_country:
                self.countries.add(it.place)
            if it.place_cc:
                self.place_ccs.add(it.place_cc)
            if it.place_name:
                self.place_names.setdefault(it.place, fold(it.place_name, hyphens=True))
        if it.date:
            self.dates[it.date] += 1
            self._best = _consensus_date(self.dates)[0]
        if it.status != "unknown":
            self.statuses.add(it.status)
        self.historical = self.historical or it.historical or it.pluperfect
        self.undated_past = self.undated_past or it.historical or (it.pluperfect and not it.ref_date)


MAX_ROUNDS = 4  # an inferred day can date an event that places another article: a few rounds reach a fixed point


@step("events", version="10", requires=("entities", "geo", "places"), assigns=("events", "dates"))
def resolve_events(ctx: ResolveContext) -> None:
    """Build the dossier's events from every analysis's event cues, inferring the writing day of undated articles."""
    lex = ctx.pack.triggers
    docs = ctx.docs_by_id
    legs = {lemma: spec.get("leg", "") for table in (lex.verbs, lex.nouns) for lemma, spec in table.items()}
    times = {a.doc: a.times for a in ctx.analyses}
    overrides: dict[str, dict[tuple[int, int], TimeExpr]] = {}
    refs: dict[str, reference.DocReference] = {}
    written: dict[str, str] = {}  # an undated article -> the writing day inferred for it
    for _ in range(MAX_ROUNDS):
        items = _return_origins(list(cue_items(ctx, docs, overrides, legs, written)))
        clusters = merge_cues(items)
        words = ctx.pack.time
        refs = reference.infer(docs, items, [c.members for c in clusters], _links(items, clusters), times, words)
        new = {d: {(t.span.start, t.span.end): t for t in reference.retimed(r, times.get(d, ()), words)} for d, r in refs.items()}
        new = {d: v for d, v in new.items() if v}
        days = {d: r.value for d, r in refs.items() if r.value}
        if _same(new, overrides) and days == written:
            break
        overrides, written = new, days
    ctx.dossier.dates = date_records(refs, overrides)
    names = {e.id: e.name for e in ctx.entities}
    types = {e.id: e.type for e in ctx.entities}
    fineness = {e.id: _FINENESS.get(str(e.attrs.get("precision")), len(_FINENESS)) for e in ctx.entities}
    days = written_days(docs, refs)
    records = [event_record(c, docs, names, types, ctx.pack, fineness, days) for c in clusters]
    # what each event's reporting rests on is marked later (resolve.sources "source_marks", once claims are known)
    ctx.state["event_reporting"] = {r["id"]: [m.source for m in _reporting(c, r["status"], days) if m.source is not None]
                                    for c, r in zip(clusters, records)}
    ctx.dossier.events = sorted(records, key=lambda r: (r["date"] or "9999", r["id"]))


def _links(items: list[CueItem], clusters: list[Cluster]) -> dict[tuple[str, int], int]:
    """Cue -> the event it tells of: its own cluster, or for a cue whose day is still unread and which stayed apart
    only for its hedge ("aurait quitté dimanche" beside "a quitté"), the event it would join without the hedge."""
    link = {m.key: c.cid for c in clusters for m in c.members}
    # blocking: the events of a family dated to the day, by month; a weekday can only name a day near the article
    by_month: dict[tuple[str, str], list[int]] = defaultdict(list)
    for c in clusters:
        day = c.best_date()
        if day and len(day) == 10:
            by_month[(c.family, day[:7])].append(c.cid)
    for it in items:
        if it.pending is None or it.date is not None or it.antecedent is not None or not it.ref_hint:
            continue
        own = clusters[link[it.key]] if it.key in link else None
        if own is not None and own.best_date():
            continue
        plain = replace(it, status="unknown")
        best: tuple[tuple[int, ...], int] | None = None
        for cid in by_month.get((it.family, it.ref_hint[:7]), [])[:MAX_CANDIDATES]:
            score = _compatible(plain, clusters[cid])
            if score is not None and (best is None or (*score, -cid) > best[0]):
                best = ((*score, -cid), cid)
        if best is not None:
            link[it.key] = best[1]
    return link


def _return_origins(items: list[CueItem]) -> list[CueItem]:
    """A way back with no place named ("avant de repartir le 17") leaves from where its traveller arrived: the
    nearest arrival before it in the same article with a shared participant and a place."""
    arrivals: dict[str, list[CueItem]] = defaultdict(list)
    for it in items:
        if it.family == "arrival" and it.place and it.participants and it.antecedent is None:
            arrivals[it.key[0]].append(it)
    out = []
    for it in items:
        if it.family == "departure" and it.leg == "return" and it.place is None and it.participants:
            before = [a for a in arrivals.get(it.key[0], ()) if a.key[1] < it.key[1] and a.participants & it.participants]
            if before:
                src = max(before, key=lambda a: a.key[1])
                it = replace(it, place=src.place, place_name=src.place_name, place_is_country=src.place_is_country)
        out.append(it)
    return out


NOUN_REACH = 50  # characters from an event noun to an expression that ends its phrase ("sa visite à X en octobre")


def _attach_to_nouns(a: Any, unread: dict[int, TimeExpr]) -> None:
    """An unread expression that the parse hung on the clause's verb but that closes an event noun's phrase
    ("fut suivie d'une visite de X en octobre") belongs to that noun, as analysis would have said had it been read."""
    cues = sorted((c for c in a.event_cues if c.time is None), key=lambda c: c.span.start)
    starts = {c.span.start for c in a.event_cues}
    for t in a.times:
        if t.value is not None or "groups" not in t.attrs or t.anchor in starts:
            continue
        before = [c for c in cues if c.span.end <= t.span.start]
        if not before:
            continue
        c = before[-1]
        sent = c.sentence or c.span
        if c.attrs.get("pos") == "noun" and t.span.start - c.span.end <= NOUN_REACH and sent.start <= t.span.start < sent.end \
                and c.span.start not in unread:
            unread[c.span.start] = t


def _same(a: dict[str, dict[tuple[int, int], TimeExpr]], b: dict[str, dict[tuple[int, int], TimeExpr]]) -> bool:
    def flat(x: dict[str, dict[tuple[int, int], TimeExpr]]) -> set[tuple[str, int, int, str | None]]:
        return {(d, s, e, t.value) for d, ts in x.items() for (s, e), t in ts.items()}
    return flat(a) == flat(b)


def date_records(refs: dict[str, reference.DocReference], overrides: dict[str, dict[tuple[int, int], TimeExpr]]) -> list[dict[str, Any]]:
    """The dossier's `dates` rows: each inferred writing day with its basis, and each expression it let us read."""
    rows = [r.record() for _, r in sorted(refs.items())]
    for doc_id in sorted(overrides):
        for (s, e), t in sorted(overrides[doc_id].items()):
            rows.append({
                "id": make_id("date", doc_id, s, e), "kind": "time", "doc": doc_id, "span": t.span.to_dict(),
                "value": t.value, "precision": t.precision, "start": t.start, "end": t.end, "time_kind": t.kind,
                "anchor": t.anchor, "reference_day": t.attrs.get("reference_day"), "reference": f"ref-{doc_id}",
            })
    return json.loads(json.dumps(rows))


def cue_items(ctx: ResolveContext, docs: dict[str, Document], overrides: dict[str, dict[tuple[int, int], TimeExpr]] | None = None,
              legs: dict[str, str] | None = None, written: dict[str, str] | None = None) -> Iterable[CueItem]:
    """Every cue of every analysis, with its participant and place spans mapped to entity ids.

    `overrides` holds expressions read later against an inferred writing day; an expression left unread and
    anchored to a cue's word travels with the cue as `pending`, for that inference. `written` holds the writing
    days inferred for undated articles: a cue that analysis would have dated by the article's day (`ref_pending`)
    takes that day (or its month) as its weak reference date."""
    names = {e.id: e.name for e in ctx.entities}
    countries = {e.id for e in ctx.entities if e.type == "country"}
    kinds = {e.id: e.type for e in ctx.entities}
    ccs = {e.id: e.attrs.get("country_code") for e in ctx.entities if e.attrs.get("country_code")}
    precisions = {e.id: str(e.attrs.get("precision") or "") for e in ctx.entities}
    hint = corpus_month(ctx.documents)
    for a in ctx.analyses:
        doc = docs.get(a.doc)
        if doc is None:
            continue
        outlet = independence_key(doc, docs)
        history = _pack_of(doc, ctx.pack).grammar.history_tenses
        day = (written or {}).get(a.doc)
        read = (overrides or {}).get(a.doc, {})
        unread: dict[int, TimeExpr] = {}
        for t in a.times:
            if t.anchor is not None and t.value is None and "groups" in t.attrs and t.anchor not in unread:
                unread[t.anchor] = t
        _attach_to_nouns(a, unread)
        by_span = {(t.span.start, t.span.end): t for t in a.times}
        for c in a.event_cues:
            parts: list[str] = []
            for s in c.participants:
                for eid in ctx.entities_at(s):  # "les deux dirigeants" stands for both
                    if eid not in parts:
                        parts.append(eid)
            place = ctx.entity_at(c.place) if c.place else None
            if place is not None and kinds.get(place) in NOT_PLACES:
                place = None  # the words were resolved to someone, not somewhere
            org = c.attrs.get("place_org")
            if org and (place is None or c.attrs.get("place_from") == "dateline"):
                # a name read as a body where the cue happens: a place when its entity is one ("à X"), the body
                # itself at its seat ("devant l'Assemblée", "depuis la Maison Blanche"), before a dateline's town
                eid = ctx.entity_at(Span(c.span.doc, int(org[0]), int(org[1]), ""))
                if eid is not None and (kinds.get(eid) not in NOT_PLACES or (
                        c.attrs.get("place_seat") and kinds.get(eid) == "organization")):
                    place = eid
            if place is None and c.attrs.get("place_antecedents"):
                # a description of an area no entity was found for ("dans le pays", "le territoire"): the latest place
                # named before it whose kind fits its class
                place = _area_antecedent(ctx, c, kinds, precisions)
            if place in parts:
                parts.remove(place)
            recipients = set()
            for start, end in c.attrs.get("recipients", []):
                eid = ctx.entity_at(Span(c.span.doc, int(start), int(end), ""))
                if eid:
                    recipients.add(eid)
            t = c.time
            pending = None
            if t is None:
                # the unread time analysis chose for the cue (None: it chose none), else (an analysis that did not
                # choose) the one on its word
                chosen = c.attrs.get("pending_time")
                if chosen:
                    pending = by_span.get((int(chosen[0]), int(chosen[1])))
                elif "pending_time" not in c.attrs:
                    pending = unread.get(c.span.start)
            if pending is not None:
                late = read.get((pending.span.start, pending.span.end))
                if late is not None and late.value and "/" not in late.value:
                    t = _counted(late, c.attrs.get("time_offset"))  # read against the inferred day: a date like any
                    # other (an open period is no date), moved by the count it is told from ("a week after ...")
            ante = c.attrs.get("antecedent")
            yield CueItem(
                key=(c.span.doc, c.span.start), type=c.type if c.type in CONTRACT_TYPES else "other", status=c.status,
                participants=frozenset(parts), place=place,
                date=t.value if t is not None and t.value else None, precision=t.precision if t is not None else None,
                ref_date=c.attrs.get("ref_date") or _pending_reference(c.attrs.get("ref_pending"), day, c.attrs.get("time_offset")),
                historical=bool(c.attrs.get("historical")),
                pluperfect=c.attrs.get("tense") == Tense.PLUPERFECT,
                antecedent=(c.span.doc, int(ante)) if ante is not None else None,
                source=c.sentence or c.span, outlet=outlet, place_phrase=c.attrs.get("place_phrase"),
                participant_order=tuple(parts), place_name=names.get(place) if place else None,
                recipients=frozenset(recipients), place_is_country=place in countries,
                # the article's month (or, undated, the dossier's usual month) bounds a cue in a news tense:
                # used to keep it out of older events, never shown as its date
                ref_hint=((doc.published or "")[:7] or (day or "")[:7] or hint) if (not c.attrs.get("historical")
                                                                 and c.attrs.get("tense") not in history) else None,
                ref_own=bool(doc.published),
                tense=str(c.attrs.get("tense") or ""), pending=pending,
                leg=(legs or {}).get(str(c.attrs.get("trigger") or ""), ""), place_cc=ccs.get(place) if place else None,
                subtype=str(c.attrs.get("subtype") or ""), headline=_in_title(doc, c.span.start),
                place_borrowed=place is not None and c.attrs.get("place_from") in BORROWED_PLACES,
            )


# the kinds an area's description may stand for: its entity's type, or the precision the geocoder placed it at
# ("le pays": a country; "l'enclave": a territory or the town it is named after; "le territoire": a region or a
# country, never a town)
AREA_FITS = {"country": frozenset({"country"}), "enclave": frozenset({"region", "town"}),
             "region": frozenset({"region", "country"})}


def _area_antecedent(ctx: ResolveContext, c: Any, kinds: dict[str, str], precisions: dict[str, str]) -> str | None:
    """The first of a cue's area antecedents (analysis lists them, the latest first) whose entity fits its class."""
    fits = set().union(*(AREA_FITS.get(cl, frozenset()) for cl in c.attrs.get("place_classes") or ()))
    for start, end in c.attrs.get("place_antecedents") or ():
        eid = ctx.entity_at(Span(c.span.doc, int(start), int(end), ""))
        if eid is None or kinds.get(eid) in NOT_PLACES:
            continue
        kind = "country" if kinds.get(eid) == "country" else precisions.get(eid, "")
        if kind in fits:
            return eid
    return None


def _pack_of(doc: Document, default: LanguagePack) -> LanguagePack:
    """The language pack of the document's language, or the dossier's when recoupe has none for it."""
    code = (doc.language or "").split("-")[0].lower()
    return lang.pack(code) if code and code in lang.known() else default


def _pending_reference(precision: Any, day: str | None, offset: Any = None) -> str | None:
    """The weak date of a cue dated by its article's day (or month) once an undated article's day is inferred
    (moved by the count it is told from: "a week after ...")."""
    if not day or precision not in ("day", "month"):
        return None
    if precision == "day" and offset:
        moved = chrono.shift_day(day[:10], int(offset["n"]), str(offset["unit"]))
        return moved[0] if moved else None
    return day[:10] if precision == "day" else day[:7]


def _counted(t: TimeExpr, offset: Any) -> TimeExpr:
    """A time read late, moved by the count the cue is told from ("a week after ..."), as analysis moves a read one."""
    if not offset:
        return t
    moved = chrono.shift_day(t.value, int(offset["n"]), str(offset["unit"]))
    if moved is None:
        return t
    return replace(t, value=moved[0], precision=moved[1], kind="event_relative",
                   attrs={**t.attrs, "rule": "duration_relative", "offset": offset})


def corpus_month(documents: list[Document]) -> str | None:
    """The median publication month of the dated documents, or None."""
    months = sorted(d.published[:7] for d in documents if d.published and len(d.published) >= 7)
    return months[len(months) // 2] if months else None


def independence_key(doc: Document, docs: dict[str, Document]) -> str:
    """What counts once for independence: a copy counts as its original; an outlet counts once; no outlet, the document."""
    seen = set()
    while doc.duplicate_of and doc.duplicate_of in docs and doc.id not in seen:
        seen.add(doc.id)
        doc = docs[doc.duplicate_of]
    return f"outlet:{doc.outlet.casefold()}" if doc.outlet else f"doc:{doc.id}"


# -- merging ---------------------------------------------------------------------------------------


def merge_cues(items: list[CueItem]) -> list[Cluster]:
    """Group cues into events with blocking keys (family x participant or place, date bucket): never all pairs."""
    anaphoric = [it for it in items if it.antecedent is not None]
    direct = [it for it in items if it.antecedent is None and (it.participants or it.place or it.date)]
    # the most precisely dated cues first, so the undated ones attach to events whose date is settled; cues that
    # name only a place ("la rencontre de X") last, so they find the events that name their participants
    direct.sort(key=lambda it: (PRECISION_RANK.get(it.precision or "", 9) if it.date else 9, not it.participants, it.key))
    clusters: list[Cluster] = []
    by_key: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    registered: set[tuple[tuple[Any, ...], int]] = set()
    owner: dict[tuple[str, int], int] = {}
    for it in direct:
        best = _best_candidate(it, clusters, by_key)
        if best is None:
            best = Cluster(cid=len(clusters), family=it.family)
            clusters.append(best)
        best.add(it)
        owner[it.key] = best.cid
        for k in _keys(best):
            if (k, best.cid) not in registered:
                registered.add((k, best.cid))
                by_key[k].append(best.cid)
    for it in items:
        if it.antecedent is None and it.key not in owner:
            # nothing to merge on (no name, place or date of its own): an event of its own, never another's evidence
            clusters.append(Cluster(cid=len(clusters), family=it.family))
            clusters[-1].add(it)
            owner[it.key] = clusters[-1].cid
    for it in sorted(anaphoric, key=lambda it: it.key):
        cid = owner.get(it.antecedent) if it.antecedent else None
        if cid is None:
            continue
        clusters[cid].members.append(it)  # evidence only: an anaphor does not vote on date, status or type
        clusters[cid].docs.add(it.key[0])
        owner[it.key] = cid
    return clusters


def _keys(c: Cluster | CueItem) -> list[tuple[Any, ...]]:
    if isinstance(c, Cluster):
        parts = sorted(c.participants)  # sorted: set order varies between runs, merging must not
        places = sorted(c.places)
        dated = c.best_date()
    else:
        parts = sorted(c.participants)
        places = [c.place] if c.place else []
        dated = c.date
    out: list[tuple[Any, ...]] = [(c.family, "p", p) for p in parts]
    # so that a cue naming only the place ("la rencontre de X") finds the event, under any name of that place
    out += [(c.family, "@", w) for w in _place_words(c)]
    if dated:
        out += [(k + (dated[:7],)) for k in list(out)]
        if len(dated) == 10:
            out.append((c.family, "d", dated))  # so that a cue naming no one ("le train a quitté X dimanche") finds it
        if len(dated) >= 7:
            out.append((c.family, "m", dated[:7]))  # ... or "la visite d'une délégation à X en juillet"
    return out


def _place_words(c: Cluster | CueItem) -> list[str]:
    """Blocking words of a place: its id and the capitalised words of its name ("cosmodrome de Vostotchny" -> Vostotchny)."""
    if isinstance(c, Cluster):
        pairs = [(p, c.place_names.get(p)) for p in sorted(c.places)]
    else:
        pairs = [(c.place, fold(c.place_name, hyphens=True) if c.place_name else None)] if c.place else []
    out: set[str] = set()
    for pid, name in pairs:
        out.add(pid)
        raw = c.place_name if isinstance(c, CueItem) else None
        words = (raw or "").split() if raw else []
        out.update(fold(w, hyphens=True) for w in words if w[:1].isupper())
        if name and not words:
            out.update(w for w in name.split() if len(w) > 3)
    return sorted(out)


def _lookup_keys(it: CueItem) -> list[tuple[Any, ...]]:
    base: list[tuple[Any, ...]] = [(it.family, "p", p) for p in sorted(it.participants)]
    if not it.participants and it.place:
        base = [(it.family, "@", w) for w in _place_words(it)]
    if not it.date:
        return base
    by_day = [(it.family, "d", it.date)] if not it.participants and len(it.date) == 10 else []
    if not it.participants and len(it.date) >= 7:
        by_day.append((it.family, "m", it.date[:7]))
    months = {it.date[:7]}
    if it.precision == "day":
        months |= {_shift(it.date, -CONFLICT_DAYS)[:7], _shift(it.date, CONFLICT_DAYS)[:7]}
    if len(it.date) >= 7:
        return [k + (m,) for k in base for m in sorted(months)] + by_day
    return base  # a year-only date: the undated index holds the candidates


def _best_candidate(it: CueItem, clusters: list[Cluster], by_key: dict[tuple[Any, ...], list[int]]) -> Cluster | None:
    seen: set[int] = set()
    best: tuple[tuple[int, ...], Cluster] | None = None
    for k in _lookup_keys(it):
        for cid in reversed(by_key.get(k, ())[-MAX_CANDIDATES:]):
            if cid in seen:
                continue
            seen.add(cid)
            c = clusters[cid]
            score = _compatible(it, c)
            if score is not None:
                ranked = (*score, -c.cid)  # ties go to the oldest event, whatever the lookup order
                if best is None or ranked > best[0]:
                    best = (ranked, c)
    return best[1] if best else None


def _compatible(it: CueItem, c: Cluster) -> tuple[int, ...] | None:
    """None when the cue cannot be this event; else a score (higher is a better match)."""
    if c.family != it.family:
        return None
    if it.leg != c.members[0].leg:
        return None  # "repartir" is the way back: never the outward departure it mirrors
    if it.subtype != c.members[0].subtype:
        return None  # a crash and a vote are both `other`, never one event
    if it.family in STRICT_FAMILIES and not _strict_match(it, c):
        return None
    if it.key[0] not in c.docs and not _anchored_alike(it, c):
        return None  # across articles, a shared actor alone does not make one happening: a day, month or place must
    # a denial is its own event: the contradictions stage compares it with what others say happened
    if (it.status == "denied") != ("denied" in c.statuses):
        if it.status != "unknown" and c.statuses:
            return None
    cdate = c.best_date()
    both_dated = bool(it.date and cdate)
    if it.status not in ("unknown",) and c.statuses and it.status not in c.statuses and not both_dated:
        # "planned" and "happened" are one event when their dates say so, or when a plan for this month names
        # the same two parties as a meeting that happened this month (the plan came true)
        came_true = (it.status == "planned" and "happened" in c.statuses and it.date is None and cdate is not None
                     and len(it.participants) >= 2 and it.participants <= set(c.participants)
                     and it.ref_hint is not None and _prefix_compatible(it.ref_hint[:7], cdate[:7]))
        if not came_true:
            return None
    overlap = len(it.participants & set(c.participants))
    smaller = min(len(it.participants), len(c.participants))
    if it.participants and c.participants:
        if overlap == 0 or (smaller >= 2 and overlap < 2):
            return None
    cplace = c.places.most_common(1)[0][0] if c.places else None
    if it.place and c.places and it.place not in c.places and not _same_place(it.place_name, c.place_names.values()):
        # a country and a place in it are not a conflict (which country holds which city is the geocoder's
        # knowledge, not ours): only two specific places that differ keep cues apart
        specific = [p for p in c.places if p not in c.countries]
        if not it.place_is_country and specific:
            return None
        if it.place_cc and c.place_ccs and it.place_cc not in c.place_ccs:
            return None  # the gazetteer puts them in different countries
    date_score = 0
    if both_dated:
        assert it.date is not None and cdate is not None
        if _prefix_compatible(it.date, cdate):
            date_score = 2
        elif _near_days(it.date, cdate) and it.place and it.place == cplace and it.participants \
                and it.participants == frozenset(c.participants):
            date_score = -1  # the same happening, reported with a different day: kept, and the conflict recorded
        else:
            return None
    elif it.date is None:
        if it.ref_hint and cdate and not _within_reference(it.ref_hint, cdate, it.ref_own and it.status == "happened",
                                                           it.ref_own and it.status == "unknown"):
            return None
        if (not it.ref_own and it.status == "happened" and cdate and it.ref_date and len(it.ref_date) == 10
                and _starts_after(cdate, it.ref_date, INFERRED_SLACK_DAYS)):
            return None  # an article dated only by inference still cannot tell as done what came weeks after it
        if (it.historical or it.pluperfect) != c.historical and not cdate:
            return None
        if it.pluperfect and cdate and it.ref_date and cdate[:7] == it.ref_date[:7]:
            return None  # "il avait rencontré" is not this month's meeting
    else:
        if c.historical and not cdate:
            return None
    return (overlap, int(bool(it.place and it.place == cplace)), date_score)



def _strict_match(it: CueItem, c: Cluster) -> bool:
    """A statement or an `other` cue joins an event only when both give the same day and it shares an actor or a
    place with it: "Putin said" in June and "Putin said" in July are two statements, whatever their words."""
    cdate = c.best_date()
    if not it.date or not cdate or len(it.date) != 10 or it.date != cdate:
        return False
    if it.key[0] in c.docs:
        return False  # one article tells two statements in two sentences
    shared = bool(it.participants & set(c.participants)) or bool(it.place and (it.place in c.places or
                                                                              _same_place(it.place_name, c.place_names.values())))
    return shared


def _anchored_alike(it: CueItem, c: Cluster) -> bool:
    """Whether a cue and an event reported elsewhere share what pins a happening down: a text date they agree on,
    or a place (the same, or one named inside the other)."""
    cdate = c.best_date()
    if it.pending is not None or (not it.ref_own and cdate):
        # an article with no date of its own: what it shares with dated reports is how its day is inferred (an
        # unread "mardi" names a day the inference reads); an event with no date teaches it nothing, and a shared
        # actor alone does not make two undated reports one happening
        return True
    if it.date and cdate and len(it.date) >= 7 and len(cdate) >= 7 and _prefix_compatible(it.date, cdate):
        return True
    if not (it.place and c.places) or it.place_borrowed or not c.own_places:
        return False  # a place the cue's sentence names around it, not the cue itself, pins nothing down
    # places that conflict were told apart before (a country holds its cities); but a country is where countless
    # happenings are: named by two reports with no actor in common, it does not make them one
    if it.place_is_country and not it.participants & set(c.participants):
        return False
    return True


def _reporting(c: Cluster, status: str, written: dict[str, str] | None = None) -> list[CueItem]:
    """The cues that report the event itself: not a headline's, nor, for what happened, those of an article that
    only said it might or would happen, or that was written before its day (all of them when none is left).
    `written`: the latest day each article can have been written on (`written_days`), by document id."""
    reporting = [m for m in c.members if not m.headline]
    if status == "happened":
        # an article that tells the event as to come ("se trouve en Russie pour une rencontre", "could meet") and
        # never as done previews it, whatever its other words naming it without a tense ("la rencontre")
        told: dict[str, set[str]] = defaultdict(set)
        for m in reporting:
            told[m.key[0]].add(m.status)
        previews = {d for d, st in told.items() if "happened" not in st and st & {"planned", "possible"}}
        day = c.best_date()
        if day and len(day) == 10 and written:
            previews |= {d for d in told if len(written.get(d, "")) == 10 and written[d] < day}
        firm = [m for m in reporting if m.status in ("happened", "unknown") and m.key[0] not in previews]
        reporting = firm or reporting
    return reporting or list(c.members)


def _reporting_docs(c: Cluster, status: str, written: dict[str, str] | None = None) -> list[str]:
    """The documents that report the event itself (`_reporting`; their sources are counted by resolve.sources)."""
    return [m.key[0] for m in _reporting(c, status, written)]


def written_days(docs: dict[str, Document], refs: dict[str, reference.DocReference]) -> dict[str, str]:
    """The latest day each article can have been written on: its publication day, else the last of the days its
    inferred reference leaves."""
    out = {d: r.days[-1].isoformat() for d, r in refs.items() if r.days}
    out.update({d: doc.published for d, doc in docs.items() if doc.published and len(doc.published) == 10})
    return out


def _subtype(voters: list[CueItem]) -> str | None:
    subs = Counter(m.subtype for m in voters if m.subtype)
    return min(subs, key=lambda k: (-subs[k], k)) if subs else None


def _in_title(doc: Document, offset: int) -> bool:
    """Whether an offset lies on the article's first line when that line is a title (short, no final stop)."""
    first = doc.text.split("\n", 1)[0]
    return offset < len(first) and len(first) <= 200 and not first.rstrip().endswith(".")


def _same_place(name: str | None, others: Iterable[str]) -> bool:
    """One place named shorter or longer ("Vostotchny", "cosmodrome de Vostotchny"): whole words contained."""
    if not name:
        return False
    a = f" {fold(name, hyphens=True)} "
    return any(a in f" {o} " or f" {o} " in a for o in others if o)


def _within_reference(ref: str, value: str, reported_after: bool, unknown: bool = False) -> bool:
    """Can an undated cue written around `ref` be about an event dated `value`? Not if the event is over a year
    older (it would carry a date or a past-perfect), nor, for what the article says happened, later than the article;
    nor, for what it tells with no status (a noun with no verb: "sa visite"), further after it than the window
    before it (a plan says it is one; a happening months after the article is not what the article told)."""
    try:
        start, end = period_bounds(value)
        rstart, rend = period_bounds(ref)
    except ValueError:
        return True
    if (rstart - end).days > WINDOW_DAYS:
        return False
    if unknown and (start - rend).days > WINDOW_DAYS:
        return False
    return not (reported_after and start > rend)


def _starts_after(value: str, day: str, slack: int) -> bool:
    """Whether a period starts more than `slack` days after a day."""
    try:
        start, _ = period_bounds(value)
        return (start - date.fromisoformat(day)).days > slack
    except ValueError:
        return False


def _prefix_compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _near_days(a: str, b: str) -> bool:
    """Two day-precision dates at most CONFLICT_DAYS apart (False for anything that is not a plain day)."""
    if len(a) != 10 or len(b) != 10:
        return False
    try:
        return abs(_days(a) - _days(b)) <= CONFLICT_DAYS
    except ValueError:
        return False


def _days(iso: str) -> int:
    y, m, d = (int(x) for x in iso[:10].split("-"))
    return date(y, m, d).toordinal()


def _shift(iso: str, days: int) -> str:
    if len(iso) < 10:
        return iso
    try:
        return date.fromordinal(_days(iso) + days).isoformat()
    except ValueError:
        return iso


def _consensus_date(dates: Counter[str]) -> tuple[str | None, list[str]]:
    """The most precise date the most sources agree with (a day agrees with its month); the dates that disagree."""
    if not dates:
        return None, []
    cands = []
    for d in dates:
        support = sum(n for o, n in dates.items() if _prefix_compatible(d, o))
        cands.append((support, len(d), dates[d], d))
    cands.sort(key=lambda c: (-c[0], -c[1], -c[2], c[3]))
    chosen = cands[0][3]
    return chosen, sorted(d for d in dates if not _prefix_compatible(d, chosen))


# -- records ---------------------------------------------------------------------------------------


def event_record(c: Cluster, docs: dict[str, Document], names: dict[str, str], types: dict[str, str],
                 pack: LanguagePack, fineness: dict[str, int] | None = None,
                 written: dict[str, str] | None = None) -> dict[str, Any]:
    """The contract's Event for a merged cluster, with extra fields for later stages (`written`: the day each
    article was written, `written_days`)."""
    voters = [m for m in c.members if m.antecedent is None]
    type_counts = Counter(m.type for m in voters)
    etype = min(type_counts, key=lambda t: (-type_counts[t], CONTRACT_TYPES.index(t)))
    statuses = Counter(m.status for m in voters)
    status = next((s for s in STATUS_ORDER if statuses.get(s)), "unknown")
    raw_date, conflicts = _consensus_date(c.dates)
    date_value = _contract_date(raw_date)  # "201X" (a decade) or "2023-09-XX" are not contract dates: keep what is
    date_source = "text" if date_value else None
    if date_value is None:
        refs = Counter(m.ref_date for m in voters if m.ref_date)
        if refs and not c.undated_past:
            date_value = refs.most_common(1)[0][0]
            date_source = "publication"
    place = _choose_place(c, types, fineness or {})
    parts = [p for p, _ in sorted(c.participants.items(), key=lambda kv: (-kv[1], _first_index(c, kv[0]), kv[0]))]
    if place in parts:
        parts.remove(place)
    sources: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int]] = set()
    for m in sorted(c.members, key=lambda m: m.key):
        if m.source is None:
            continue
        k = (m.source.doc, m.source.start, m.source.end)
        if k not in seen:
            seen.add(k)
            sources.append(m.source.to_dict())
    reporting = _reporting_docs(c, status, written)
    latest = max((docs[m.key[0]].published or "" for m in c.members if m.key[0] in docs), default="")
    historical = (c.historical and not (date_source == "publication" and not c.undated_past)) or bool(date_value and latest and _days_between(date_value, latest) > HISTORICAL_DAYS)
    phrase = _place_phrase(c, place, docs, pack.code)
    if phrase and family(etype) != "departure":
        phrase = pack.triggers.as_location(phrase)  # "la rencontre de Vostotchny" -> "Rencontre ... à Vostotchny"
    rec: dict[str, Any] = {
        "id": make_id("evt", etype, *founder((m.key for m in c.members), docs)),
        "type": etype,
        "date": date_value,
        "place": place,
        "participants": parts,
        "summary": pack.phrasing.summary(etype, status, [names.get(p, p) for p in parts if p not in c.recipients],
                                         phrase or (names.get(place) if place else None), date_value, historical,
                                         recipients=[names.get(p, p) for p in parts if p in c.recipients]),
        "recipients": [p for p in parts if p in c.recipients],
        "status": status,
        "sources": sources,
        # the groups of resolve.sources (copies, one outlet, one dispatch count once) among the reporting documents
        "independent_sources": independent_sources(docs, reporting),
        "independent_sources_by_status": {
            s: independent_sources(docs, [m.key[0] for m in voters if m.status == s and not m.headline])
            for s in sorted(statuses)},
        "subtype": _subtype(voters) if etype == "other" else None,
        "plover": plover(etype, status),
        "date_precision": _precision(date_value),
        "date_text_value": raw_date if raw_date != date_value else None,
        "date_source": date_source,
        "date_conflicts": [
            {"date": d, "sources": [m.source.to_dict() for m in c.members if m.date == d and m.source is not None]} for d in conflicts
        ],
        "place_conflicts": sorted(p for p in c.places if p != place and types.get(p) != "country" and types.get(place or "") != "country"),
        "statuses": dict(sorted(statuses.items())),
        "historical": historical,
    }
    return json.loads(json.dumps(rec))


def _first_index(c: Cluster, pid: str) -> int:
    for i, m in enumerate(c.members):
        if pid in m.participants:
            return i * 100 + (m.participant_order.index(pid) if pid in m.participant_order else 99)
    return 1 << 30


# geocoding's precision of a place, finest first: between places reported as often, the finer one says more
_FINENESS = {"site": 0, "site-approx": 1, "town": 2, "region": 3, "country": 4}


def _choose_place(c: Cluster, types: dict[str, str], fineness: dict[str, int]) -> str | None:
    """The most reported place, a specific one (a city, a site) before a country; between places reported as often,
    the finer one (the airport before its city), then the one named first (never whichever id sorts first: ids
    follow the corpus' growth)."""
    if not c.places:
        return None
    first: dict[str, int] = {}
    for i, m in enumerate(sorted(c.members, key=lambda m: m.key)):
        if m.place is not None:
            first.setdefault(m.place, i)
    return min(c.places, key=lambda p: (types.get(p) == "country", -c.places[p], fineness.get(p, len(_FINENESS)),
                                        first.get(p, len(first)), p))


def _place_phrase(c: Cluster, place: str | None, docs: dict[str, Document], code: str) -> str | None:
    """How the reports word the event's place, in the summary's language ("à Vostotchny"; an English "from X" is
    no words for a French summary, which then names the place)."""
    if place is None:
        return None
    phrases = Counter(m.place_phrase for m in c.members if m.place == place and m.place_phrase
                      and (m.key[0] not in docs or (docs[m.key[0]].language or code) == code))
    if not phrases:
        return None
    return min(phrases, key=lambda p: (-phrases[p], len(p), p))


_CONTRACT_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _contract_date(value: str | None) -> str | None:
    """The longest prefix of an ISO value that the contract accepts (YYYY, YYYY-MM, YYYY-MM-DD), else None."""
    if not value:
        return None
    for n in (10, 7, 4):
        head = value[:n]
        if len(head) == n and _CONTRACT_DATE.fullmatch(head):
            try:
                period_bounds(head)
            except ValueError:
                continue
            return head
    return None


def _precision(value: str | None) -> str | None:
    if not value:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "day" if len(value) > 10 else None)


def _days_between(a: str, b: str) -> int:
    try:
        return (period_bounds(b)[1] - period_bounds(a)[1]).days
    except ValueError:
        return 0
