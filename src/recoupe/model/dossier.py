"""The resolved dossier as typed records: what resolution hands to the store and the store hands to presentation.

Each record declares every key it may carry: the contract's (CONTRACT.md) first, then recoupe's extensions. A
field whose default is `UNSET` is an optional key: it is left out of the contract form until it is set (to a
value or to None). `to_contract()` gives exactly the JSON that the export, the store and the web have always
used; `from_contract()` reads it back and refuses a key that no record declares, so a new key is declared here
before any stage can emit it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Final, TypedDict, TypeVar

from recoupe.errors import RecoupeError
from recoupe.model.records import Record, Span
from recoupe.model.records import _field_names as _fields

R = TypeVar("R", bound="ContractRecord")


class _Unset:
    """The marker of an optional key that is not there (None is a value: the key is there, set to null)."""

    _instance: ClassVar[_Unset | None] = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False

    def __deepcopy__(self, memo: dict[int, Any]) -> _Unset:
        return self


UNSET: Final = _Unset()


class SpanDict(TypedDict):
    """A span in its contract form."""

    doc: str
    start: int
    end: int
    text: str


class Geo(TypedDict):
    lat: float
    lon: float
    source: str


class Expected(TypedDict):
    value: float
    unit: str | None
    method: str


def _span_out(v: Any) -> Any:
    if isinstance(v, Span):
        return {"doc": v.doc, "start": v.start, "end": v.end, "text": v.text}
    if isinstance(v, list):
        return [_span_out(x) for x in v]
    return v


def _span_in(v: Any) -> Any:
    if isinstance(v, dict):
        return Span(v["doc"], int(v["start"]), int(v["end"]), v["text"])
    if isinstance(v, list):
        return [_span_in(x) for x in v]
    return v


class ContractRecord(Record):
    """Mixin of the dossier records: conversion to and from the contract's JSON form."""

    # fields holding a Span, a list of Spans or None, converted to and from span dicts
    SPAN_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def to_contract(self) -> dict[str, Any]:
        """The record as the contract's JSON object (optional keys that are UNSET left out)."""
        out: dict[str, Any] = {}
        for f in _fields(type(self)):
            v = getattr(self, f)
            if v is UNSET:
                continue
            out[f] = _span_out(v) if f in self.SPAN_FIELDS else v
        return out

    @classmethod
    def from_contract(cls: type[R], data: dict[str, Any]) -> R:
        """The record for a contract JSON object; a key that the record does not declare is an error."""
        names = _fields(cls)
        unknown = [k for k in data if k not in names]
        if unknown:
            raise RecoupeError(f"{cls.__name__} {data.get('id', '?')}: undeclared keys {sorted(unknown)} "
                               "(declare them in recoupe/model/dossier.py)")
        kwargs = {k: (_span_in(v) if k in cls.SPAN_FIELDS else v) for k, v in data.items()}
        try:
            return cls(**kwargs)
        except TypeError as e:  # a required contract key is missing
            raise RecoupeError(f"{cls.__name__} {data.get('id', '?')}: {e}") from None


@dataclass(slots=True)
class DossierEntity(ContractRecord):
    """An entity with every name the press uses for it (CONTRACT.md Entity)."""

    SPAN_FIELDS: ClassVar[frozenset[str]] = frozenset({"mentions"})

    id: str
    name: str
    type: str  # EntityType
    aliases: list[str]
    mentions: list[Span]
    geo: Geo | None | _Unset = UNSET  # places and countries only
    # extensions
    mention_count: int | _Unset = UNSET  # mentions of the place entities merged into this one
    epithets: list[str] | _Unset = UNSET  # roles learned for it ("le président russe")
    country_code: str | None | _Unset = UNSET
    precision: str | _Unset = UNSET  # geocoding precision: country, region, town, site, ...
    geo_status: str | _Unset = UNSET  # resolved | ambiguous | unresolved | not a place
    geo_match: str | _Unset = UNSET  # how the gazetteer matched: exact, alternate, respelling, ...
    geo_name: str | _Unset = UNSET  # the gazetteer's name of the place chosen
    category: str | _Unset = UNSET  # a site category ("spaceport", "station", "region")
    candidates: list[dict[str, Any]] | _Unset = UNSET  # gazetteer places context could not choose between
    locality: str | _Unset = UNSET  # the town a site is placed at when no dataset has the site (precision site-approx)
    seat_of: str | _Unset = UNSET  # the country whose government a seat of power stands for ("Kremlin": RU)
    # named only in page furniture: the kinds (byline, photo, footnote, bibliography, contributed): an author,
    # a photographer or a cited source of the page, not an actor of the story (resolve.sources)
    page_furniture: list[str] | _Unset = UNSET


@dataclass(slots=True)
class Event(ContractRecord):
    """One real-world happening, however many articles report it (CONTRACT.md Event)."""

    SPAN_FIELDS: ClassVar[frozenset[str]] = frozenset({"sources"})

    id: str
    type: str  # EventTypeName
    date: str | None
    place: str | None
    participants: list[str]
    summary: str
    status: str  # EventStatus
    sources: list[Span]
    independent_sources: int
    date_end: str | None | _Unset = UNSET
    # extensions
    recipients: list[str] | _Unset = UNSET  # participants on the receiving end (of a transfer, a sanction)
    plover: str | _Unset = UNSET  # the PLOVER event code
    date_precision: str | None | _Unset = UNSET
    date_text_value: str | None | _Unset = UNSET  # the date as the text gives it, when resolution refined it
    date_source: str | None | _Unset = UNSET  # where the date came from: text, event_relative, publication, ...
    date_conflicts: list[dict[str, Any]] | _Unset = UNSET  # other dates sources give, with their spans
    place_conflicts: list[str] | _Unset = UNSET  # other places sources give (entity ids)
    statuses: dict[str, int] | _Unset = UNSET  # how many cues report each status
    historical: bool | _Unset = UNSET  # told as history (long before the articles)
    subtype: str | None | _Unset = UNSET  # for `other`: accident, disaster, vote, decision, inspection, ...
    # outlets reporting the event with each status ("planned" by one, "happened" by three): headlines never count
    independent_sources_by_status: dict[str, int] | _Unset = UNSET
    # every report rests on one original source (one cited agency or outlet, one speaker for what is not a statement,
    # one group of documents), however many articles repeat it; `rests_on` names it (resolve.sources)
    single_source: bool | _Unset = UNSET
    rests_on: str | None | _Unset = UNSET
    # photo captions giving its date or place: weak evidence confirming them, never setting them ({kind, span})
    caption_evidence: list[dict[str, Any]] | _Unset = UNSET


@dataclass(slots=True)
class Quote(ContractRecord):
    """Quoted words with their speaker (CONTRACT.md Quote)."""

    SPAN_FIELDS: ClassVar[frozenset[str]] = frozenset({"span", "attribution", "speaker_span"})

    id: str
    speaker: str | None
    speaker_text: str | None
    text: str
    span: Span
    attribution: Span | None
    speaker_span: Span | None | _Unset = UNSET  # the words naming the speaker


@dataclass(slots=True)
class Claim(ContractRecord):
    """A proposition, who asserts it and how firmly (CONTRACT.md Claim)."""

    SPAN_FIELDS: ClassVar[frozenset[str]] = frozenset({"span", "source_span", "hedge_span"})

    id: str
    text: str
    span: Span
    attributed_to: str | None
    modality: str  # Modality
    cluster: str
    independent_sources: int
    source_text: str | None | _Unset = UNSET  # who the article attributes it to, as written
    source_span: Span | None | _Unset = UNSET
    predicate: str | None | _Unset = UNSET  # the predicate class used for clustering
    entities: list[str] | _Unset = UNSET  # entities the claim is about
    # the hedge the claim carries, whatever its modality ("aurait livré …, selon Séoul": conditional hedge, reported
    # source): "conditional" or "speculative", and the hedging words
    hedge_kind: str | None | _Unset = UNSET
    hedge_span: Span | None | _Unset = UNSET
    # the cluster rests on a single original source (one group of documents, one cited agency or outlet, one
    # speaker), however many articles repeat it; `rests_on` names it (resolve.sources)
    single_source: bool | _Unset = UNSET
    rests_on: str | None | _Unset = UNSET


@dataclass(slots=True)
class Contradiction(ContractRecord):
    """Statements that cannot all be true, or one that conflicts with a computed value (CONTRACT.md)."""

    SPAN_FIELDS: ClassVar[frozenset[str]] = frozenset({"statements", "contexts"})

    id: str
    kind: str  # ContradictionKind
    about: str
    statements: list[Span]
    explanation: str
    expected: Expected | None | _Unset = UNSET
    # extensions
    certainty: float | _Unset = UNSET  # 0-1, how sure the check is
    computed: dict[str, Any] | _Unset = UNSET  # the check's own figures (e.g. geodesic_km, stated_km)
    check: str | _Unset = UNSET  # the registered check that found it
    contexts: list[Span] | _Unset = UNSET  # the sentence around each statement
    cluster: str | _Unset = UNSET  # the claim cluster it is about
    event: str | _Unset = UNSET  # the event it is about
    sides: list[dict[str, Any]] | _Unset = UNSET  # each side: its statements, the values they allow, their sources


@dataclass(slots=True)
class Discrepancy(Contradiction):
    """Statements that differ but may all be true (a plan against an outcome, counts on different days, a part
    against a whole, one source's successive figures): shown apart, never counted as a contradiction. The shape of
    a Contradiction, with the reason they may all hold."""

    reason: str = ""  # DiscrepancyReason


@dataclass(slots=True)
class Quantity(ContractRecord):
    """A stated number with its unit and bound (CONTRACT.md Quantity)."""

    SPAN_FIELDS: ClassVar[frozenset[str]] = frozenset({"span"})

    id: str
    value: float
    unit: str | None
    bound: str  # Bound
    value_max: float | None
    about: str | None
    span: Span
    # extensions, read by the checks
    dimension: str | None | _Unset = UNSET  # distance, speed, duration, count, money, ...
    sentence: int | None | _Unset = UNSET
    places: list[dict[str, Any]] | _Unset = UNSET  # places the sentence names, with their role and entity
    subject: str | None | _Unset = UNSET  # the entity measured
    subject_text: str | _Unset = UNSET
    verb: str | _Unset = UNSET
    geodesic: bool | _Unset = UNSET  # "à vol d'oiseau"
    route: bool | _Unset = UNSET
    journey: bool | _Unset = UNSET
    vague: bool | _Unset = UNSET
    target: str | _Unset = UNSET
    place_words: list[str] | _Unset = UNSET
    # what it measures, normalised so that sources are compared like with like
    holder: str | None | _Unset = UNSET  # the entity the measure belongs to ("le col X, à N mètres"; "un marin du Dali")
    holder_text: str | _Unset = UNSET
    measure: str | _Unset = UNSET  # a length's meaning when the text says it: altitude, depth, length, width
    groups: list[str] | _Unset = UNSET  # a count's counted noun in normalised groups: troops, dead, hostages, ...
    predicate: str | _Unset = UNSET  # the verb or noun it is counted by ("libérer", "libération")
    predicate_group: str | _Unset = UNSET  # that predicate's group: freed, dead, injured, sent, ...
    status: str | _Unset = UNSET  # planned ("prévoit", "doit"), forecast (future, conditional) or denied; unset for a fact
    negated: bool | _Unset = UNSET  # "pas en milliers": the values it excludes
    partial: bool | _Unset = UNSET  # "N autres", "dont N": a part of a larger count
    parsed: bool | _Unset = UNSET  # read from the parse ("aucun blessé" = 0, "un marin a été blessé" = 1)
    anaphoric: bool | _Unset = UNSET  # "les deux hommes": people named before, no figure stated
    nationality: str | _Unset = UNSET  # a count of people of one country ("10 Thaïlandais": TH)
    where: str | None | _Unset = UNSET  # the place a count is given for ("deux victimes à X"), an entity id
    where_text: str | _Unset = UNSET
    activity: str | _Unset = UNSET  # what a duration measures, from its predicate: flight, trip, visit
    source_words: str | _Unset = UNSET  # the source a figure is given by in an enumeration ("16 selon le gouvernement")
    # a time of day (dimension time_of_day, unit "min": minutes after midnight as written)
    event_type: str | _Unset = UNSET  # the trigger type of the predicate it dates ("arrival", "other")
    event_subtype: str | None | _Unset = UNSET  # and its subtype ("accident")
    ordinal: int | _Unset = UNSET  # "le premier vol", "a second aircraft" (-1: the last)
    clock_bound: str | _Unset = UNSET  # exact, approx, shortly_after, shortly_before, after, before
    minute_written: int | _Unset = UNSET  # the minutes as written, for the rounding they imply
    hour_only: bool | _Unset = UNSET  # "à 10 heures": no minutes written
    part_of_day: str | _Unset = UNSET  # morning, afternoon, evening, night, noon ("dimanche matin")
    day: str | _Unset = UNSET  # the day a part of the day is told of
    zone: str | _Unset = UNSET  # the IANA zone it is given in, "local", or "unknown" when named but not known
    zone_text: str | _Unset = UNSET  # the zone words ("heure de Moscou", "GMT")
    actors: list[str] | _Unset = UNSET  # people and organisations its subject names (entity ids)
    zone_inherited: bool | _Unset = UNSET  # the zone comes from the article's convention or the zone it last named


@dataclass(slots=True)
class DateRow(ContractRecord):
    """A row of the `dates` table: an article's inferred writing day (kind "reference") with its basis, or an
    expression read against it (kind "time")."""

    SPAN_FIELDS: ClassVar[frozenset[str]] = frozenset({"span"})

    id: str
    kind: str  # reference | time
    doc: str
    value: str | None | _Unset = UNSET
    lo: str | _Unset = UNSET
    hi: str | _Unset = UNSET
    basis: list[dict[str, Any]] | _Unset = UNSET
    outvoted: list[dict[str, Any]] | _Unset = UNSET
    span: Span | _Unset = UNSET
    precision: str | None | _Unset = UNSET
    start: str | None | _Unset = UNSET
    end: str | None | _Unset = UNSET
    time_kind: str | _Unset = UNSET
    anchor: int | None | _Unset = UNSET
    reference_day: str | None | _Unset = UNSET
    reference: str | _Unset = UNSET


@dataclass(slots=True)
class SourceRow(ContractRecord):
    """A row of the `sources` table: who published one document and what it rests on (resolve.sources)."""

    id: str
    doc: str
    title: str | None
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    source_group: str  # the SourceGroup it counts in
    rests_on: list[str]  # the agencies whose dispatch it is (partly): datelines, wire credits, bylines
    cites: list[str]  # agencies and outlets it cites as a source, footnotes included
    credits: list[dict[str, Any]]  # each: kind (dateline | credit | byline | cites | footnote), source, agency, span
    furniture: list[dict[str, Any]]  # each: kind (byline | photo | related | published | footer | contributed |
    # bibliography | footnote), span: page furniture, kept out of entities, events, claims and dates


@dataclass(slots=True)
class SourceGroup(ContractRecord):
    """Documents that count as one source, and why (resolve.sources)."""

    id: str
    label: str  # the agency, outlet or title it stands for
    documents: list[str]
    outlets: list[str]
    reasons: list[dict[str, Any]]  # each: docs (two ids), why (copy | same_outlet | same_dispatch | shared_text), detail


RECORD_TYPES: dict[str, type[ContractRecord]] = {
    "entities": DossierEntity, "events": Event, "quotes": Quote, "claims": Claim,
    "contradictions": Contradiction, "quantities": Quantity, "dates": DateRow, "discrepancies": Discrepancy,
    "sources": SourceRow, "source_groups": SourceGroup,
}


@dataclass(slots=True)
class Dossier(Record):
    """The resolved, cross-article view: typed records per table (documents are kept apart, by the store)."""

    entities: list[DossierEntity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRow] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    source_groups: list[SourceGroup] = field(default_factory=list)

    TABLES: ClassVar[tuple[str, ...]] = tuple(RECORD_TYPES)

    def table(self, name: str) -> list[Any]:
        return getattr(self, name)  # type: ignore[no-any-return]

    def to_contract(self) -> dict[str, list[dict[str, Any]]]:
        """Every table as lists of contract JSON objects."""
        return {t: [r.to_contract() for r in self.table(t)] for t in self.TABLES}

    @classmethod
    def from_contract(cls, tables: dict[str, list[dict[str, Any]]]) -> Dossier:
        return cls(**{t: [RECORD_TYPES[t].from_contract(r) for r in tables.get(t, [])] for t in cls.TABLES})
