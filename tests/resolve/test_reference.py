"""Writing days inferred across articles: an undated article placed by the events it shares with dated ones."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recoupe import api
from recoupe.present import queries
from recoupe.model import Document, Span, TimeExpr
from recoupe.resolve import reference

# 2021-05-04 is a Tuesday.
DATED = (" date 2021-05-07 Le président finlandais Mikko Salo est arrivé à Oslo le 4 mai 2021. "
         "Il a rencontré la Première ministre norvégienne Anna Berg le 5 mai 2021 à Oslo.\n")
UNDATED = ("Le président finlandais Mikko Salo est arrivé mardi à Oslo pour une visite de trois jours. "
           "Il doit rencontrer la Première ministre norvégienne Anna Berg dans les prochains jours. "
           "Il a quitté Helsinki dimanche soir à bord d'un avion officiel.\n")
ALONE = "Le maire de Tartu, Jaan Tamm, a inauguré mardi un nouveau pont sur le fleuve Emajõgi.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("reference")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "a_dated.txt").write_text(DATED, "utf-8")
    (corpus / "b_undated.txt").write_text(UNDATED, "utf-8")
    (corpus / "c_alone.txt").write_text(ALONE, "utf-8")
    db = root / "d.db"
    api.build([str(corpus)], db, progress=False, log=lambda _: None)
    return {"db": db, "dossier": queries.export_dossier(db)}  # validated against the contract


def _doc_id(db: Path, name: str) -> str:
    with queries.store_for(db) as store:
        return next(d.id for d in store.documents() if d.source.endswith(name))


def test_reference_undated_article_takes_the_week_of_a_shared_event(built: dict[str, Any]) -> None:
    db = built["db"]
    with queries.store_for(db) as store:
        rows = [r.to_contract() for r in store.read_table("dates")]
    b = _doc_id(db, "b_undated.txt")
    ref = next(r for r in rows if r["kind"] == "reference" and r["doc"] == b)
    # "arrivé mardi" is the arrival dated 4 May elsewhere; "doit rencontrer" comes before the 5 May meeting
    assert (ref["lo"], ref["hi"]) == ("2021-05-04", "2021-05-05")
    assert {x["rule"] for x in ref["basis"]} >= {"weekday"}
    read = {r["span"]["text"]: r["value"] for r in rows if r["kind"] == "time" and r["doc"] == b}
    assert read.get("mardi") == "2021-05-04"
    assert read.get("dimanche soir") == "2021-05-02"


def test_reference_nothing_shared_nothing_guessed(built: dict[str, Any]) -> None:
    db = built["db"]
    c = _doc_id(db, "c_alone.txt")
    with queries.store_for(db) as store:
        rows = [r.to_contract() for r in store.read_table("dates")]
    assert not [r for r in rows if r["doc"] == c]
    items = queries.timeline(db)
    assert not [it for it in items if it.doc == c and it.text == "mardi"]


def test_reference_timeline_and_events_use_the_inferred_day(built: dict[str, Any]) -> None:
    db = built["db"]
    b = _doc_id(db, "b_undated.txt")
    items = [it for it in queries.timeline(db) if it.doc == b]
    mardi = next(it for it in items if it.text == "mardi")
    assert mardi.value == "2021-05-04" and mardi.attrs["reference"] == "inferred"
    departures = [e for e in built["dossier"]["events"] if e["type"] == "departure"]
    assert any(e["date"] == "2021-05-02" for e in departures), [(e["summary"], e["date"]) for e in departures]
    doc = next(d for d in built["dossier"]["documents"] if d["id"] == b)
    assert doc["published"] is None and doc["published_inferred"]["lo"] == "2021-05-04"


def _t(text: str, rule: str, groups: dict[str, str], time_ref: str = "past") -> TimeExpr:
    return TimeExpr(span=Span("d", 0, len(text), text), value=None, precision=None,
                    attrs={"rule": rule, "groups": groups, "time_ref": time_ref, "tense": "compound_past", "unresolved": "x"})


def test_reference_weekdays_of_one_article_stay_within_a_week() -> None:
    from recoupe import chrono, lang

    words = lang.pack("fr").time

    def retime(t: TimeExpr, day: date) -> TimeExpr | None:
        return chrono.reread(t, day, words)

    lundi = _t("lundi", "weekday", {"wd": "lundi"})
    mardi = _t("mardi", "weekday", {"wd": "mardi"}, "future")
    # an event dated Sunday 2 May 2021 by others, told with "dimanche": written 2-8 May
    dimanche = _t("dimanche", "weekday", {"wd": "dimanche"})
    day = date(2021, 5, 2)
    cons = [reference.Constraint("weekday", day, 2, lambda r: (got := retime(dimanche, r)) is not None and got.value == "2021-05-02")]
    doc = Document(id="d", source="d", text="x", published="2021-05", published_precision="month")
    ref = reference._solve(doc, cons, [lundi, mardi, dimanche], retime)
    assert ref is not None
    # Sunday 2: "lundi" would be 26 April, a week before "mardi" (4 May); from Wednesday on "mardi" is the 11th
    assert [d.isoformat() for d in ref.days] == ["2021-05-03", "2021-05-04"]
    read = {t.span.text: t.value for t in reference.retimed(ref, [lundi, mardi, dimanche], words)}
    assert read == {"lundi": "2021-05-03", "mardi": "2021-05-04", "dimanche": "2021-05-02"}


def test_reference_group_mention_gives_its_members() -> None:
    from recoupe.model import Analysis, Mention
    from recoupe.resolve.registry import ResolveContext

    text = "Anna Berg a reçu Mikko Salo. Les deux dirigeants ont signé."
    def span(words: str) -> Span:
        s = text.index(words)
        return Span("d", s, s + len(words), words)
    group = Mention(span=span("Les deux dirigeants"), label="person", kind="group",
                    attrs={"members": [[span("Anna Berg").start, span("Anna Berg").end], [span("Mikko Salo").start, span("Mikko Salo").end]]})
    ctx = ResolveContext(documents=[Document(id="d", source="t", text=text)], analyses=[Analysis(doc="d", version="t", mentions=[group])])
    ctx.mention_entity[("d", *[span("Anna Berg").start, span("Anna Berg").end])] = "ent-a"
    ctx.mention_entity[("d", *[span("Mikko Salo").start, span("Mikko Salo").end])] = "ent-m"
    assert ctx.entities_at(span("Les deux dirigeants")) == ["ent-a", "ent-m"]
    assert ctx.entities_at(span("dirigeants")) == ["ent-a", "ent-m"]
    assert ctx.entities_at(span("Anna Berg")) == ["ent-a"]
    assert ctx.groups_in("d", 0, len(text)) == ["ent-a", "ent-m"]
    assert ctx.groups_in("d", 0, 10) == []


def test_reference_a_dateline_without_year_takes_the_year_its_weekdays_fit() -> None:
    from recoupe import chrono, lang

    words = lang.pack("en").time

    def retime(t: TimeExpr, day: date) -> TimeExpr | None:
        return chrono.reread(t, day, words)

    text = "LISBON, Oct 4 (Northwire) - Dockers walked out on Tuesday, the union said."
    doc = Document(id="d", source="d", text=text, language="en")
    stamp = TimeExpr(span=Span("d", 8, 13, "Oct 4"), value=None, precision=None, attrs={"rule": "date", "partial": "--10-04"})
    tuesday = _t("on Tuesday", "weekday", {"wd": "Tuesday"})
    assert reference._yearless_dateline(doc, [stamp, tuesday]) == (10, 4)
    # 4 October is a Tuesday in 2022 (the dispatch's own day), a Monday in 2021 (no fit), a Wednesday in 2023 (the
    # day after Tuesday: a weaker fit)
    ref = reference._solve_dateline(doc, (10, 4), [], [date(2021, 9, 1), date(2022, 11, 20)], [stamp, tuesday], retime)
    assert ref is not None and ref.value == "2022-10-04"
    assert "dateline" in {c.rule for c in ref.basis}
    # no weekday: the day nearest the dossier's dated articles, if within a month of one
    assert reference._solve_dateline(doc, (10, 4), [], [date(2023, 9, 20)], [stamp], retime).value == "2023-10-04"
    assert reference._solve_dateline(doc, (10, 4), [], [date(2023, 6, 20)], [stamp], retime) is None
    assert reference._solve_dateline(doc, (10, 4), [], [], [stamp, tuesday], retime) is None  # no dossier year


def test_reference_only_a_dateline_opening_its_line_counts() -> None:
    text = "The union met. Talks resumed Oct 4 (Monday) - and stalled."
    doc = Document(id="d", source="d", text=text, language="en")
    t = TimeExpr(span=Span("d", 29, 34, "Oct 4"), value=None, precision=None, attrs={"rule": "date", "partial": "--10-04"})
    assert reference._yearless_dateline(doc, [t]) is None


def test_reference_an_open_period_names_no_day_of_a_shared_event() -> None:
    # "repairs must be done by Friday" read against any writing day is an open period ending on a Friday: it covers
    # the day another article gives the event in every year before, so it cannot tell which year the article is of
    from types import SimpleNamespace

    from recoupe import chrono, lang

    words = lang.pack("en").time

    def retime(t: TimeExpr, day: date) -> TimeExpr | None:
        return chrono.reread(t, day, words)

    by_friday = _t("by Friday", "weekday", {"wd": "Friday"}, time_ref="future")
    by_friday.attrs["open"] = "start"
    by_friday.attrs["point_kind"] = "relative"
    on_friday = _t("on Friday", "weekday", {"wd": "Friday"})
    shared = date(2022, 3, 11)  # a Friday
    assert retime(by_friday, date(2024, 3, 9)).value.startswith("..")
    cue = SimpleNamespace(pending=by_friday, date=None)
    assert reference._constraint(cue, shared, retime) is None or not reference._constraint(cue, shared, retime).test(date(2024, 3, 9))
    cue = SimpleNamespace(pending=on_friday, date=None)
    assert reference._constraint(cue, shared, retime).test(date(2022, 3, 12))


def test_reference_a_cue_reads_the_time_it_chose_once_the_day_is_inferred(tmp_path: Path) -> None:
    # the dateline gives no year: "on Tuesday" is read at resolution, and the evacuation (a noun whose verb holds the
    # time) is dated by it, as it would be in a dated dispatch
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_dated.txt").write_text(DATED, "utf-8")
    (corpus / "b_dateline.txt").write_text(
        "BERGEN, May 4 (Northwire) - Officials decided on Tuesday to begin the evacuation of the coastal villages, "
        "the mayor said. The first evacuees landed in Oslo on Tuesday, a week after soldiers attacked the "
        "presidential palace.\n", "utf-8")
    db = tmp_path / "d.db"
    api.build([str(corpus)], db, progress=False, log=lambda _: None)
    dossier = queries.export_dossier(db)
    b = _doc_id(db, "b_dateline.txt")
    doc = next(d for d in dossier["documents"] if d["id"] == b)
    assert doc["published_inferred"]["value"] == "2021-05-04"
    evacuation = [e for e in dossier["events"] if "evacuation" in json.dumps(e["sources"])]
    assert evacuation and {e["date"] for e in evacuation} == {"2021-05-04"}, [(e["summary"], e["date"]) for e in evacuation]
    # counted back a week from the day read late
    attack = [e for e in dossier["events"] if e["type"] == "military_action"]
    assert [e["date"] for e in attack] == ["2021-04-27"], [(e["summary"], e["date"]) for e in attack]


def test_reference_days_told_without_their_year_follow_the_articles_dated_ones() -> None:
    from recoupe import chrono, lang

    words = lang.pack("fr").time

    def retime(t: TimeExpr, day: date) -> TimeExpr | None:
        return chrono.reread(t, day, words)

    # an undated note: "Le 2 mars 2022, le conseil a voté ... Le 9 mars, la cour a tranché ; le 20 mars, le parlement
    # a adopté ...", with "9 mars" tied to an event others date 9 March 2022 (the dossier's search starts there)
    dated = TimeExpr(span=Span("d", 0, 11, "2 mars 2022"), value="2022-03-02", precision="day", kind="date",
                     attrs={"rule": "date", "tense": "compound_past", "time_ref": "past"})
    ninth = _t("9 mars", "date", {"d": "9", "m": "mars"})
    twentieth = _t("20 mars", "date", {"d": "20", "m": "mars"})
    for t, part in ((ninth, "--03-09"), (twentieth, "--03-20")):
        t.attrs["partial"] = part
    shared = reference.Constraint("weekday", date(2022, 3, 9), 2,
                                  lambda r: (got := retime(ninth, r)) is not None and got.value == "2022-03-09")
    times = [dated, ninth, twentieth]
    cons = [shared, *reference._own_dates(times)]
    assert {(c.day.isoformat(), c.reach) for c in cons if c.rule == "own_date"} == {
        ("2022-03-02", False), ("2022-03-09", True), ("2022-03-20", True)}
    doc = Document(id="d", source="d", text="x")
    ref = reference._solve(doc, cons, times, retime)
    assert ref is not None and ref.days[0] == date(2022, 3, 20)  # written after the last day it tells as done
    read = {t.span.text: t.value for t in reference.retimed(ref, times, words)}
    assert read["20 mars"] == "2022-03-20" and read["9 mars"] == "2022-03-09"  # not 20 March of the year before
    # a day too far after the dated one, or told as to come, says nothing of when it was written
    far = _t("12 juillet", "date", {"d": "12", "m": "juillet"})
    far.attrs["partial"] = "--07-12"
    coming = _t("25 mars", "date", {"d": "25", "m": "mars"}, "future")
    coming.attrs.update(partial="--03-25", tense="future")
    assert [c.day for c in reference._own_dates([dated, far, coming])] == [date(2022, 3, 2)]
