"""Merging event cues across articles: what merges, what stays apart, dates, sources and summaries."""

from __future__ import annotations

import re
from typing import Any

import pytest

from recoupe import lang
from recoupe.model import Analysis, Document, Entity, EventCue, Span, TimeExpr
from recoupe.resolve.events import (CueItem, _return_origins, event_record, independence_key, merge_cues, resolve_events,
                                    written_days)
from recoupe.resolve.registry import ResolveContext


def cue(doc: str, start: int, type: str = "meeting", parts: tuple[str, ...] = ("A", "B"), place: str | None = "P",
        date: str | None = None, status: str = "happened", outlet: str | None = None, **kw: object) -> CueItem:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date)) if date else None
    return CueItem(key=(doc, start), type=type, status=status, participants=frozenset(parts), place=place, date=date,
                   precision=precision, source=Span(doc, start, start + 1, "x"), outlet=outlet or f"doc:{doc}",
                   participant_order=parts, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("a, b, merged", [
    (cue("d1", 1, date="2024-03-02"), cue("d2", 1, date="2024-03"), True),         # a day within its month
    (cue("d1", 1, date="2024-03-02"), cue("d2", 1), True),                         # undated joins the dated one
    (cue("d1", 1, type="visit"), cue("d2", 1, type="travel"), True),               # one family
    (cue("d1", 1, date="2024-03-02"), cue("d2", 1, date="2024-06-10"), False),     # different dates
    (cue("d1", 1), cue("d2", 1, type="transfer"), False),                          # different families
    (cue("d1", 1, parts=("A", "B")), cue("d2", 1, parts=("A", "C")), False),       # two pairs sharing one actor
    (cue("d1", 1, place="P"), cue("d2", 1, place="Q"), False),                     # different places
    (cue("d1", 1), cue("d2", 1, status="denied"), False),                          # a denial stays apart
    (cue("d1", 1), cue("d2", 1, status="planned"), False),                         # planned vs happened, undated
    (cue("d1", 1, date="2024-03-02"), cue("d2", 1, date="2024-03-02", status="planned"), True),  # same dated event
    (cue("d1", 1, parts=("A",)), cue("d2", 1, parts=("A", "B")), True),            # one actor named, both named
    (cue("d1", 1, date="2019"), cue("d2", 1, pluperfect=True), True),              # history with history
    (cue("d1", 1, date="2019-03"), cue("d2", 1, ref_hint="2024-05", ref_own=True), False),  # too old for a news tense
    (cue("d1", 1, date="2024-06"), cue("d2", 1, ref_hint="2024-05", ref_own=True), False),  # reported before it happened
    (cue("d1", 1, date="2024-03"), cue("d2", 1, ref_hint="2024-05", ref_own=True), True),   # reported two months on
    (cue("d1", 1, date="2024-12-19"), cue("d2", 1, status="unknown", ref_hint="2024-05", ref_own=True), False),  # a noun told months before
    (cue("d1", 1, date="2024-06-02"), cue("d2", 1, status="unknown", ref_hint="2024-05", ref_own=True), True),   # ... or just before
    (cue("d1", 1, date="2024-07-20"), cue("d2", 1, ref_date="2024-05-28", ref_hint="2024-05"), False),  # told as done weeks before it, day inferred
    (cue("d1", 1, date="2024-06-03"), cue("d2", 1, ref_date="2024-05-28", ref_hint="2024-05"), True),   # ... or within the slack of the inference
    (cue("d1", 1, type="departure", place=None), cue("d2", 1, type="departure", place=None, leg="return"), False),  # out vs back
    (cue("d1", 1, type="departure", leg="return"), cue("d2", 1, type="departure", leg="return"), True),  # one way back
    (cue("d1", 1, place=None, ref_own=True), cue("d2", 1, place=None, ref_own=True), False),  # dated articles, one pair, no day or place alike
    (cue("d1", 1, date="2024-03-02"), cue("d2", 1, parts=(), place="P", date="2024-03-02"), True),  # no one named, same day
    (cue("d1", 1, date="2024-03", place="C", place_is_country=True, place_cc="CL"),
     cue("d2", 1, parts=(), place="T", date="2024-03", place_cc="CL"), True),   # no one named, a town of that country
    (cue("d1", 1, date="2024-03", place="C", place_is_country=True, place_cc="CL"),
     cue("d2", 1, parts=(), place="T", date="2024-03", place_cc="PE"), False),  # a town the gazetteer puts elsewhere
    # undated, across articles: a country named by both, with no actor in common, is no anchor; with one it is
    (cue("d1", 1, parts=(), place="C", place_is_country=True), cue("d2", 1, parts=(), place="C", place_is_country=True), False),
    (cue("d1", 1, parts=("A",), place="C", place_is_country=True), cue("d2", 1, parts=("A",), place="C", place_is_country=True), True),
    # ... a place the cue's sentence names around it (not the cue itself) pins nothing down, on either side
    (cue("d1", 1, parts=("A",)), cue("d2", 1, parts=("A",), place_borrowed=True), False),
    (cue("d1", 1, parts=("A",), place_borrowed=True), cue("d2", 1, parts=("A",)), False),
    (cue("d1", 1, parts=("A",), place_borrowed=True), cue("d2", 1, parts=("A",), date="2024-03-02"), True),  # a day does
])
def test_events_merging_pairs(a: CueItem, b: CueItem, merged: bool) -> None:
    assert (len(merge_cues([a, b])) == 1) is merged


def test_a_pluperfect_given_the_storys_day_is_dated_by_it() -> None:
    # "the rebels had taken the airport during the night": the analysis gave the cue the day its story names
    names = {"A": "Anne Dupont", "B": "Olaf Berger", "P": "Genève"}
    told = merge_cues([cue("d1", 1, pluperfect=True, ref_date="2024-03-02")])
    assert event_record(told[0], {}, names, {}, lang.pack("en"))["date"] == "2024-03-02"
    # a pluperfect with no day of the story, or history, is not dated by the article's day
    bare = merge_cues([cue("d1", 1, pluperfect=True), cue("d1", 5, ref_date="2024-03-02", historical=True)])
    assert [event_record(c, {}, names, {}, lang.pack("en"))["date"] for c in bare] == [None] * len(bare)


def test_events_conflicting_days_are_kept_and_recorded() -> None:
    items = [cue("d1", 1, date="2024-03-02"), cue("d2", 1, date="2024-03-02"), cue("d3", 1, date="2024-03-03")]
    clusters = merge_cues(items)
    assert len(clusters) == 1
    rec = event_record(clusters[0], {}, {"A": "Anne Dupont", "B": "Olaf Berger", "P": "Genève"}, {}, lang.pack("fr"))
    assert rec["date"] == "2024-03-02"  # the majority, not an average
    assert [c["date"] for c in rec["date_conflicts"]] == ["2024-03-03"]


def test_events_most_precise_agreed_date_wins() -> None:
    clusters = merge_cues([cue("d1", 1, date="2024-03"), cue("d2", 1, date="2024-03-02"), cue("d3", 1, date="2024")])
    rec = event_record(clusters[0], {}, {}, {}, lang.pack("fr"))
    assert rec["date"] == "2024-03-02" and rec["date_precision"] == "day" and rec["date_conflicts"] == []


def test_events_anaphor_joins_its_antecedent_without_voting() -> None:
    a = cue("d1", 10, date="2024-03-02")
    b = cue("d1", 50, parts=(), place=None, status="planned", antecedent=("d1", 10))
    clusters = merge_cues([a, b])
    assert len(clusters) == 1 and len(clusters[0].members) == 2
    assert event_record(clusters[0], {}, {}, {}, lang.pack("fr"))["status"] == "happened"


def test_events_independent_sources_collapse_copies_and_outlets() -> None:
    docs = {d.id: d for d in [
        Document(id="o1", source="a", text="", outlet="Le Soir"),
        Document(id="o2", source="b", text="", outlet="le soir"),       # same outlet
        Document(id="o3", source="c", text="", outlet="La Voix"),
        Document(id="c1", source="d", text="", outlet="Autre", duplicate_of="o3"),  # a copy of o3
        Document(id="n1", source="e", text=""),                          # no outlet: counts alone
        Document(id="n2", source="f", text=""),
    ]}
    items = [cue(d, 1, outlet=independence_key(docs[d], docs)) for d in docs]
    clusters = merge_cues(items)
    assert len(clusters) == 1
    assert event_record(clusters[0], docs, {}, {}, lang.pack("fr"))["independent_sources"] == 4


def test_events_a_preview_is_not_a_report_of_what_happened() -> None:
    # d1 and d2 report the meeting of 5 March as done; d3 only announced it ("arrive pour une rencontre") and
    # names it elsewhere without a tense; d4, written on 4 March, names it without a tense: neither reports it
    docs = {d: Document(id=d, source=d, text="", published=day) for d, day in
            [("d1", "2024-03-06"), ("d2", "2024-03-07"), ("d3", None), ("d4", "2024-03-04")]}
    items = [cue("d1", 1, date="2024-03-05"), cue("d2", 1, date="2024-03-05"),
             cue("d3", 1, date="2024-03-05", status="planned"), cue("d3", 9, date="2024-03-05", status="unknown"),
             cue("d4", 1, date="2024-03-05", status="unknown")]
    clusters = merge_cues(items)
    assert len(clusters) == 1
    rec = event_record(clusters[0], docs, {}, {}, lang.pack("fr"), written=written_days(docs, {}))
    assert rec["status"] == "happened" and rec["independent_sources"] == 2
    assert rec["independent_sources_by_status"]["planned"] == 1  # the announcement stays in the event's history
    # what was only announced, by every article, is counted as announced
    planned = merge_cues([cue("d3", 1, date="2024-03-05", status="planned"), cue("d4", 1, date="2024-03-05", status="planned")])
    assert event_record(planned[0], docs, {}, {}, lang.pack("fr"), written=written_days(docs, {}))["independent_sources"] == 2


def test_events_summary_in_french() -> None:
    clusters = merge_cues([cue("d1", 1, date="2024-03-02", place_phrase="au palais de Ravenstein")])
    rec = event_record(clusters[0], {}, {"A": "Anne Dupont", "B": "Olaf Berger", "P": "Ravenstein"}, {}, lang.pack("fr"))
    assert rec["summary"] == "Rencontre entre Anne Dupont et Olaf Berger au palais de Ravenstein, 2 mars 2024"
    assert rec["plover"] == "CONSULT"


def test_a_summary_takes_place_words_only_in_its_own_language() -> None:
    # an English report's "from Ravenstein" is no French words: the French summary names the place
    docs = {"d1": Document(id="d1", source="a.txt", text="x", language="en", published="2024-03-05")}
    clusters = merge_cues([cue("d1", 1, type="departure", date="2024-03-02", place_phrase="from Ravenstein")])
    rec = event_record(clusters[0], docs, {"A": "Anne Dupont", "B": "Olaf Berger", "P": "Ravenstein"}, {}, lang.pack("fr"))
    assert "from" not in rec["summary"] and "Ravenstein" in rec["summary"]


def test_events_ids_are_deterministic() -> None:
    items = [cue("d1", 1, date="2024-03-02"), cue("d2", 7)]
    one = [event_record(c, {}, {}, {}, lang.pack("fr"))["id"] for c in merge_cues(list(items))]
    two = [event_record(c, {}, {}, {}, lang.pack("fr"))["id"] for c in merge_cues(list(reversed(items)))]
    assert one == two


def test_events_step_maps_spans_to_entities() -> None:
    text = "Anne Dupont a rencontré Olaf Berger à Genève le 2 mars."
    doc = Document(id="d1", source="a.txt", text=text, language="fr", published="2024-03-05")

    def sp(word: str) -> Span:
        s = text.index(word)
        return Span("d1", s, s + len(word), word)

    t = TimeExpr(span=sp("le 2 mars"), value="2024-03-02", precision="day", anchor=text.index("rencontré"))
    c = EventCue(span=sp("rencontré"), type="meeting", sentence=Span("d1", 0, len(text), text), status="happened", time=t,
                 participants=[sp("Anne Dupont"), sp("Olaf Berger")], place=sp("Genève"), attrs={"place_phrase": "à Genève"})
    ctx = ResolveContext(documents=[doc], analyses=[Analysis(doc="d1", version="t", event_cues=[c])])
    for name, typ in (("Anne Dupont", "person"), ("Olaf Berger", "person"), ("Genève", "place")):
        ent = Entity(id=f"ent-{name}", name=name, type=typ, mentions=[sp(name)])
        ctx.entities.append(ent)
        ctx.mention_entity[("d1", sp(name).start, sp(name).end)] = ent.id
    resolve_events(ctx)
    [ev] = ctx.dossier.events
    assert ev["participants"] == ["ent-Anne Dupont", "ent-Olaf Berger"] and ev["place"] == "ent-Genève"
    assert ev["date"] == "2024-03-02" and ev["status"] == "happened" and ev["independent_sources"] == 1
    assert ev["summary"] == "Rencontre entre Anne Dupont et Olaf Berger à Genève, 2 mars 2024"


def test_events_place_only_cue_joins_the_event_at_that_place() -> None:
    place_only = cue("d1", 1, parts=(), place="P1", place_name="Ravenstein")
    named = cue("d2", 1, place="P2", place_name="palais de Ravenstein")
    assert len(merge_cues([place_only, named])) == 1


@pytest.mark.parametrize("value", ["201X", "2023-09-XX", "2023-13", "19"])
def test_events_odd_date_values_do_not_break_merging(value: str) -> None:
    items = [cue("d1", 1, date=value), cue("d2", 1, date="2023-09-12"), cue("d3", 1, ref_hint="2023-09", ref_own=True)]
    clusters = merge_cues(items)
    assert sum(len(c.members) for c in clusters) == 3
    pattern = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # the contract's date form
    for c in clusters:
        rec = event_record(c, {}, {}, {}, lang.pack("fr"))
        assert rec["date"] is None or pattern.match(rec["date"])


def test_events_country_and_city_are_not_a_conflict() -> None:
    city = cue("d1", 1, place="C", place_name="Ravenstein")
    country = cue("d2", 1, place="K", place_name="Norvège", place_is_country=True)
    clusters = merge_cues([city, country])
    assert len(clusters) == 1
    rec = event_record(clusters[0], {}, {}, {"K": "country", "C": "place"}, lang.pack("fr"))
    assert rec["place"] == "C" and rec["place_conflicts"] == []
    other_city = cue("d3", 1, place="D", place_name="Bergen")
    assert len(merge_cues([city, other_city])) == 2


def test_events_way_back_leaves_from_where_the_traveller_arrived() -> None:
    arrival = cue("d1", 10, type="arrival", parts=("A",), place="Lyon", place_name="Lyon")
    other = cue("d1", 20, type="arrival", parts=("B",), place="Nice", place_name="Nice")
    back = cue("d1", 40, type="departure", parts=("A",), place=None, leg="return")
    outward = cue("d1", 50, type="departure", parts=("A",), place=None)
    got = {it.key: it for it in _return_origins([arrival, other, back, outward])}
    assert got[("d1", 40)].place == "Lyon"  # the way back starts where A arrived, not where B did
    assert got[("d1", 50)].place is None  # an outward departure is not guessed


def _area_context(text: str, kinds: dict[str, tuple[str, str]]) -> tuple[ResolveContext, Any]:
    doc = Document(id="d1", source="a.txt", text=text, language="fr", published="2024-03-05")

    def sp(word: str) -> Span:
        s = text.index(word)
        return Span("d1", s, s + len(word), word)

    ctx = ResolveContext(documents=[doc], analyses=[])
    for name, (typ, precision) in kinds.items():
        ent = Entity(id=f"ent-{name}", name=name, type=typ, mentions=[sp(name)], attrs={"precision": precision})
        ctx.entities.append(ent)
        ctx.mention_entity[("d1", sp(name).start, sp(name).end)] = ent.id
    return ctx, sp


@pytest.mark.parametrize("classes, expected", [
    (["country"], "ent-Mali"),           # "le pays": the latest country before it
    (["region"], "ent-Mali"),            # "le territoire": a country, not the town named later
])
def test_events_area_description_takes_the_latest_place_whose_kind_fits(classes: list[str], expected: str) -> None:
    text = "Les soldats sont déployés au Mali, puis à Gao. Ils quitteront le pays."
    ctx, sp = _area_context(text, {"Mali": ("country", "country"), "Gao": ("place", "town")})
    c = EventCue(span=sp("quitteront"), type="departure", sentence=sp("Ils quitteront le pays."), status="planned",
                 participants=[], place=sp("le pays"),
                 attrs={"place_antecedents": [[sp("Gao").start, sp("Gao").end], [sp("Mali").start, sp("Mali").end]],
                        "place_classes": classes})
    ctx.analyses.append(Analysis(doc="d1", version="t", event_cues=[c]))
    resolve_events(ctx)
    [ev] = ctx.dossier.events
    assert ev["place"] == expected


def test_events_area_description_resolved_as_an_entity_keeps_its_entity() -> None:
    text = "Les soldats sont déployés au Mali, puis au Niger. Ils quitteront le pays."
    ctx, sp = _area_context(text, {"Mali": ("country", "country"), "Niger": ("country", "country")})
    ctx.mention_entity[("d1", sp("le pays").start, sp("le pays").end)] = "ent-Mali"  # entity resolution chose
    c = EventCue(span=sp("quitteront"), type="departure", sentence=sp("Ils quitteront le pays."), status="planned",
                 participants=[], place=sp("le pays"),
                 attrs={"place_antecedents": [[sp("Niger").start, sp("Niger").end]], "place_classes": ["country"]})
    ctx.analyses.append(Analysis(doc="d1", version="t", event_cues=[c]))
    resolve_events(ctx)
    [ev] = ctx.dossier.events
    assert ev["place"] == "ent-Mali"


@pytest.mark.parametrize("kind, seat, expected", [
    ("organization", True, "ent-Sénat"),   # "devant le Sénat": the body's seat
    ("organization", False, None),         # "à l'agence X": someone spoken to, not a place
    ("place", False, "ent-Sénat"),         # a town the recogniser read as a body
    ("person", True, None),
])
def test_events_a_body_is_a_place_at_its_seat_only(kind: str, seat: bool, expected: str | None) -> None:
    text = "Des manifestants se sont rassemblés devant le Sénat."
    ctx, sp = _area_context(text, {"Sénat": (kind, "")})
    c = EventCue(span=sp("rassemblés"), type="other", sentence=sp(text), status="happened", participants=[],
                 place=None, time=TimeExpr(span=sp("Des"), value="2024-03-04", precision="day", anchor=0),
                 attrs={"place_org": [sp("Sénat").start, sp("Sénat").end], "place_seat": seat})
    ctx.analyses.append(Analysis(doc="d1", version="t", event_cues=[c]))
    resolve_events(ctx)
    [ev] = ctx.dossier.events
    assert ev["place"] == expected
