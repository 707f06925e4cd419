"""The dates check: one event dated differently by its sources; weekdays that do not match their date."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.model import Analysis, Document, EventCue, Span, TimeExpr
from recoupe.resolve.checks.dates import dates_check
from recoupe.resolve.registry import ResolveContext


def _ctx(texts: list[str], published: str | None = None) -> ResolveContext:
    docs = [Document(id=f"doc{i}", source=f"t{i}", text=t, language="fr", published=published) for i, t in enumerate(texts)]
    return ResolveContext(documents=docs, analyses=[Analysis(doc=d.id, version="t") for d in docs])


@pytest.mark.parametrize(("text", "published", "conflict"), [
    ("Le conseil se réunira le mercredi 14 mars 2023 à Dijon.", None, True),     # 14 March 2023 was a Tuesday
    ("Le conseil se réunira le mardi 14 mars 2023 à Dijon.", None, False),
    ("Le match aura lieu le samedi 1er avril 2023.", None, False),              # "1er": a Saturday indeed
    ("Le vote est prévu vendredi 16 mars.", "2023-03-10", True),               # year from the publication: a Thursday
    ("Le vote est prévu jeudi 16 mars.", "2023-03-10", False),
    ("Le vote est prévu vendredi 16 mars.", None, False),                      # no year at all: nothing to check
])
def test_dates_weekday_must_match_its_date(text: str, published: str | None, conflict: bool) -> None:
    found = dates_check(_ctx([text], published))
    assert bool(found) is conflict, found
    for c in found:
        assert c["kind"] == "date" and c["statements"][0]["text"] in text
        assert c["expected"]["value"] in ("Tuesday", "Thursday")


def test_dates_inferred_year_is_less_certain() -> None:
    (explicit,) = dates_check(_ctx(["Le vote est prévu vendredi 16 mars 2023."]))
    (inferred,) = dates_check(_ctx(["Le vote est prévu vendredi 16 mars."], "2023-03-10"))
    assert inferred["certainty"] < explicit["certainty"]


def _event_ctx(days: list[str | None]) -> ResolveContext:
    texts = [f"La délégation est arrivée à Oslo ce jour-là (source {i})." for i in range(len(days))]
    ctx = _ctx(texts)
    sources = []
    for a, d, day in zip(ctx.analyses, ctx.documents, days):
        trig = Span(d.id, 17, 24, d.text[17:24])  # "arrivée"
        t = TimeExpr(span=Span(d.id, 36, 47, d.text[36:47]), value=day, precision="day" if day and len(day) == 10 else "month")
        a.event_cues.append(EventCue(span=trig, type="arrival", time=t))
        sources.append({"doc": d.id, "start": 0, "end": len(d.text), "text": d.text})
    ctx.dossier.events = [{"id": "ev-1", "type": "arrival", "summary": "arrivée à Oslo", "sources": sources}]
    return ctx


@pytest.mark.parametrize(("days", "conflict"), [
    (["2023-03-14", "2023-03-15"], True),
    (["2023-03-14", "2023-03-14", "2023-03-15"], True),
    (["2023-03-14", "2023-03-14"], False),
    (["2023-03-14", "2023-03"], False),  # a month is not a different day
])
def test_dates_sources_disagreeing_on_one_event(days: list[str], conflict: bool) -> None:
    found = dates_check(_event_ctx(days))
    assert bool(found) is conflict, found
    if conflict:
        (c,) = found
        assert c["event"] == "ev-1" and len(c["statements"]) == 2
        if days.count("2023-03-14") == 2:
            assert c["expected"]["value"] == "2023-03-14"


def test_dates_events_may_list_each_source_date() -> None:
    ctx = _ctx(["Arrivée le 3 mai.", "Arrivée le 4 mai."])
    spans = [{"doc": d.id, "start": 0, "end": 7, "text": "Arrivée"} for d in ctx.documents]
    ctx.dossier.events = [{"id": "ev-2", "summary": "arrivée", "sources": spans,
                           "dates": [{"date": "2023-05-03", "source": spans[0]}, {"date": "2023-05-04", "source": spans[1]}]}]
    (c,) = dates_check(ctx)
    assert c["expected"] is None  # a tie: no majority to point at


@pytest.mark.parametrize(("weekday", "conflict"), [(2, True), (1, False), ("mercredi", True), ("Tuesday", False), ("?", False)])
def test_dates_weekday_from_a_time_expression(weekday: object, conflict: bool) -> None:
    ctx = _ctx(["La réunion de demain est confirmée."])
    span = Span("doc0", 11, 17, "demain")
    ctx.analyses[0].times.append(TimeExpr(span=span, value="2023-03-14", precision="day", attrs={"weekday": weekday}))
    assert bool(dates_check(ctx)) is conflict


# -- one happening told on two days by two articles ------------------------------------------------------------

_RUTO = "Le président William Ruto a reçu à Mombasa le ministre Moses Kuria. "


@pytest.fixture(scope="module")
def whole() -> Any:
    from recoupe.analyze import Analyzer

    return Analyzer()


def _resolved(whole: Any, texts: list[str], days: list[str]) -> Any:
    from recoupe.model import Document
    from recoupe.resolve import resolve

    docs = [Document(id=f"doc{i}", source=f"t{i}", outlet=f"outlet{i}", text=_RUTO + t, language="fr", published=p)
            for i, (t, p) in enumerate(zip(texts, days))]
    return resolve(docs, [whole.analyze(d) for d in docs])


@pytest.mark.parametrize(("second", "found"), [
    # the same words few articles use, the same actor, a day apart: one statement dated twice
    ("Selon William Ruto, qui s'exprimait mercredi 10 juillet à Nairobi devant des étudiants, l'État "
     "subventionnait discrètement les minoteries.", True),
    # the same actor a day later, saying something else: two statements
    ("Selon William Ruto, qui s'exprimait mercredi 10 juillet à Nairobi, les routes seront goudronnées.", False),
    # the same words, but weeks apart: he said it again
    ("Selon William Ruto, qui s'exprimait mercredi 26 juin à Nairobi devant des étudiants, l'État "
     "subventionnait discrètement les minoteries.", False),
])
def test_dates_one_happening_told_on_two_days(whole: Any, second: str, found: bool) -> None:
    first = "Mardi déjà, devant des étudiants, William Ruto avait reconnu que l'État subventionnait discrètement les minoteries."
    dossier = _resolved(whole, [first, second], ["2024-07-12", "2024-07-11"])
    hits = [c for c in dossier.contradictions if c.check == "dates" and c.kind == "date" and len(c.statements) == 2]
    assert bool(hits) is found, [c.explanation for c in dossier.contradictions]
    if found:
        assert {s.doc for s in hits[0].statements} == {"doc0", "doc1"} and "2024-07-09" in hits[0].explanation
