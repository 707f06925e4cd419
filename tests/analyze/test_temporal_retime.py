"""Reading unresolved expressions again once a writing day is known, and dates counted from another event."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from recoupe.analyze import nlp, time_resolver
from recoupe.analyze.temporal import extract, retime
from recoupe.model import Span, TimeExpr


@pytest.fixture(scope="module")
def parse() -> Any:
    return nlp.load()


def expr(parse: Any, text: str, words: str, published: str | None = None, precision: str | None = None) -> TimeExpr:
    found, _ = extract("t", text, parse(text), published, precision)
    hits = [t for t in found if t.span.text == words]
    assert hits, f"{words!r} not in {[t.span.text for t in found]}"
    return hits[0]


# 2022-06-15 is a Wednesday.
@pytest.mark.parametrize(("text", "words", "value"), [
    ("La délégation est arrivée lundi à Lisbonne.", "lundi", "2022-06-13"),
    ("La délégation était partie dimanche soir de Porto.", "dimanche soir", "2022-06-12"),
    ("Le ministre se rendra vendredi à Madrid.", "vendredi", "2022-06-17"),
    ("La commission a publié son rapport la semaine dernière.", "la semaine dernière", "2022-W23"),
    ("Le maire a démissionné hier.", "hier", "2022-06-14"),
    ("Le port a été inauguré en juillet.", "en juillet", "2021-07"),
    ("La ville a été fondée il y a 300 ans.", "il y a 300 ans", "1722"),
    ("Le salon restera ouvert jusqu'à samedi.", "jusqu'à samedi", "../2022-06-18"),
])
def test_temporal_retime_reads_against_an_inferred_day(parse: Any, text: str, words: str, value: str) -> None:
    t = expr(parse, text, words)
    assert t.value is None and "groups" in t.attrs  # undated article: left unread, with what a re-reading needs
    got = retime(t, date(2022, 6, 15))
    assert got is not None and got.value == value
    assert got.span == t.span and got.attrs["reference"] == "inferred" and "groups" not in got.attrs


def test_temporal_retime_leaves_alone_what_needs_no_day(parse: Any) -> None:
    t = expr(parse, "Le traité a été signé en 1995.", "1995")
    assert "groups" not in t.attrs and retime(t, date(2022, 6, 15)) is None
    bare = TimeExpr(span=Span("t", 0, 5, "lundi"), value=None, precision=None, attrs={"rule": "weekday"})
    assert retime(bare, date(2022, 6, 15)) is None  # nothing recorded to read it with


def test_temporal_retime_is_what_analysis_hands_to_resolution() -> None:
    assert time_resolver() is retime


@pytest.mark.parametrize(("text", "words", "value"), [
    ("La ministre a signé l'accord à Vienne le 8 mars 2019, au lendemain de son arrivée en Autriche.", "son arrivée", "2019-03-07"),
    ("Les négociateurs se sont séparés le 2 avril 2018, à la veille du sommet de Genève.", "sommet", "2018-04-03"),
    ("Le chef d'état-major a inspecté la base le 20 octobre 2015, au surlendemain de sa nomination.", "sa nomination", "2015-10-18"),
])
def test_temporal_event_relative_dates_the_named_event(parse: Any, text: str, words: str, value: str) -> None:
    found, _ = extract("t", text, parse(text), None, None)
    rel = [t for t in found if t.kind == "event_relative"]
    assert rel, [t.span.text for t in found]
    t = rel[0]
    assert t.span.text.endswith(words) and t.value == value and t.precision == "day"
    assert text[t.span.start:t.span.end] == t.span.text
    assert t.anchor == text.index(words.split()[-1], t.span.start)  # anchored to the event's noun


def test_temporal_event_relative_needs_a_dated_clause(parse: Any) -> None:
    text = "La ministre est repartie au lendemain de son arrivée en Autriche."
    found, _ = extract("t", text, parse(text), "2019-03", "month")
    assert not [t for t in found if t.kind == "event_relative"]


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Le traité a été signé le 4 mai 2021 à Vienne. La veille, les ministres avaient rompu les négociations.", "La veille", "2021-05-03"),
    ("Il est arrivé le 10 mars 2020 à Rome, et le lendemain il rencontrait le pape.", "le lendemain", "2020-03-11"),
    ("Le scrutin a eu lieu le 30 décembre 2018. Le surlendemain, les résultats ont été publiés.", "Le surlendemain", "2019-01-01"),
])
def test_temporal_narrative_relative_counts_from_the_last_day_named(parse: Any, text: str, words: str, value: str) -> None:
    t = expr(parse, text, words)
    assert t.value == value and t.attrs["rule"] == "narrative_relative"


def test_temporal_narrative_relative_without_a_day_before_is_left_out(parse: Any) -> None:
    text = "Le lendemain, la délégation a quitté la ville."
    found, _ = extract("t", text, parse(text), "2021-05-06", "day")
    assert not [t for t in found if t.attrs.get("rule") == "narrative_relative"]
