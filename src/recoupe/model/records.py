"""Typed records that flow between the stages: ingest -> analyze -> resolve -> store -> present."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


def make_id(prefix: str, *parts: object) -> str:
    """Deterministic id from natural keys, so that a rebuild gives the same ids."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{h}"


class Record:
    """Mixin: plain-dict conversion for storing records as JSON and sending them between processes."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _plain(self)  # what dataclasses.asdict gives, faster
        return out

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        return _build(cls, data)


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names in order, looked up once per class."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _plain(obj: Any) -> Any:
    """What `dataclasses.asdict` returns, step for step, without its generic cost per value (it was a good part of
    storing and sending analyses): plain scalars are returned as they are, which is what asdict's deepcopy does."""
    cls = type(obj)
    if cls in _SCALARS:
        return obj
    if hasattr(cls, "__dataclass_fields__"):
        return {name: _plain(getattr(obj, name)) for name in _field_names(cls)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a namedtuple
        return cls(*[_plain(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return cls(_plain(v) for v in obj)
    if isinstance(obj, dict):
        return cls((_plain(k), _plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def _build(cls: Any, data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    names = _field_names(cls)
    for name, value in data.items():
        if name not in names:
            continue  # a field removed since the record was stored: ignore, do not fail
        sub = _NESTED.get((cls.__name__, name))
        if sub is not None and value is not None:
            if isinstance(value, list):
                value = [_build(sub, v) for v in value]
            else:
                value = _build(sub, value)
        kwargs[name] = value
    return cls(**kwargs)


# --- ingest -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Document(Record):
    """One article, its text normalised once: every span in every later record indexes into `text`."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None  # ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    published_precision: str | None = None  # "day" | "month" | "year"
    published_from: str | None = None  # where the date came from: header, metadata, dateline, jsonl
    content_hash: str = ""
    duplicate_of: str | None = None
    url: str | None = None  # the address it was published at, when the input gives one
    author: str | None = None  # as the metadata, front matter or byline gives it


# --- analyze ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Span(Record):
    doc: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention(Record):
    """A name or a description of an entity in one document."""

    span: Span
    label: str  # "person" | "organization" | "place" | "country" | "equipment" | "other"
    kind: str = "name"  # "name" | "epithet" | "acronym" | ...
    sentence: int = -1
    head: str | None = None  # normalised key used by resolution
    role: str | None = None  # a role learned for this mention (epithet attached by apposition)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class TimeExpr(Record):
    """A temporal expression normalised against the article's publication date."""

    span: Span
    value: str | None  # ISO value at its precision ("2023-09-12", "2023-W36", "198", "2022-02/2022-12"), or None when unresolved
    precision: str | None  # "day" | "week" | "month" | "year" | "decade" | None
    start: str | None = None  # for periods
    end: str | None = None
    kind: str = "date"  # "date" | "period" | "duration" | "relative" | ...
    anchor: int | None = None  # char offset of the verb/clause head it modifies
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class QuantityRec(Record):
    span: Span
    value: float
    unit: str | None
    bound: str = "exact"  # exact | approx | at_least | at_most | range
    value_max: float | None = None
    about: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)  # dimension, sentence, places, subject, cues


@dataclass(slots=True)
class QuoteRec(Record):
    span: Span  # the quoted words, marks excluded
    speaker_text: str | None = None
    speaker_span: Span | None = None
    attribution: Span | None = None


@dataclass(slots=True)
class ClaimRec(Record):
    span: Span
    text: str
    modality: str  # asserted | reported | conditional | speculative | denied
    source_text: str | None = None  # who the article attributes it to, as written
    source_span: Span | None = None
    predicate: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class EventCue(Record):
    span: Span  # the trigger word
    type: str
    sentence: Span | None = None
    status: str = "unknown"
    time: TimeExpr | None = None
    participants: list[Span] = field(default_factory=list)
    place: Span | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Analysis(Record):
    """Everything recoupe learns from one document on its own."""

    doc: str
    version: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[QuantityRec] = field(default_factory=list)
    quotes: list[QuoteRec] = field(default_factory=list)
    claims: list[ClaimRec] = field(default_factory=list)
    event_cues: list[EventCue] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    def encode(self) -> EncodedAnalysis:
        """This analysis as the store keeps it (its JSON), with its doc id, version and component errors."""
        return EncodedAnalysis(self.doc, self.version, json.dumps(self.to_dict(), ensure_ascii=False),
                               tuple((e["component"], e["error"]) for e in self.attrs.get("errors", [])))


@dataclass(frozen=True, slots=True)
class EncodedAnalysis:
    """An analysis already encoded as the store's JSON by the worker process that made it, so that the builder only
    writes the text (decoding and re-encoding every analysis in the one builder process was a good part of its
    time next to its workers). `decode()` gives the Analysis."""

    doc: str
    version: str
    data: str
    errors: tuple[tuple[str, str], ...] = ()

    def decode(self) -> Analysis:
        return Analysis.from_dict(json.loads(self.data))


# which nested fields hold which record type, for from_dict
_NESTED: dict[tuple[str, str], type] = {
    ("Mention", "span"): Span,
    ("TimeExpr", "span"): Span,
    ("QuantityRec", "span"): Span,
    ("QuoteRec", "span"): Span,
    ("QuoteRec", "speaker_span"): Span,
    ("QuoteRec", "attribution"): Span,
    ("ClaimRec", "span"): Span,
    ("ClaimRec", "source_span"): Span,
    ("EventCue", "span"): Span,
    ("EventCue", "sentence"): Span,
    ("EventCue", "time"): TimeExpr,
    ("EventCue", "participants"): Span,
    ("EventCue", "place"): Span,
    ("Analysis", "mentions"): Mention,
    ("Analysis", "times"): TimeExpr,
    ("Analysis", "quantities"): QuantityRec,
    ("Analysis", "quotes"): QuoteRec,
    ("Analysis", "claims"): ClaimRec,
    ("Analysis", "event_cues"): EventCue,
}


# --- resolve ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Entity(Record):
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    geo: dict[str, Any] | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


_NESTED[("Entity", "mentions")] = Span
