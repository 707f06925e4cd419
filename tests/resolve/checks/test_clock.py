"""The times_of_day check: times of day of the same happening compared across articles, with their bounds ("vers",
"peu après", "shortly after"), their rounding, their time zones moved to UTC, on the same day; a plan against what
happened is a discrepancy. Sentences written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze import Analyzer
from recoupe.model import Document
from recoupe.resolve.checks.clock import allowed, times_of_day_check
from recoupe.resolve.entities import resolve_entities
from recoupe.resolve.quantities import resolve_quantities
from recoupe.resolve.registry import ResolveContext

DAY = "2024-07-11"  # a Thursday
STORY = {"fr": "Le président William Ruto a reçu à Mombasa le ministre Moses Kuria. ",
         "en": "President William Ruto received minister Moses Kuria in Mombasa. "}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(["names", "times", "quantities"])


def _ctx(analyzer: Analyzer, *texts: str, langs: tuple[str, ...] = ("fr", "fr"),
         published: tuple[str | None, ...] = (DAY, DAY)) -> ResolveContext:
    docs = [Document(id=f"doc{i}", source=f"t{i}", outlet=f"outlet{i}", text=STORY[langs[i]] + t, language=langs[i],
                     published=published[i]) for i, t in enumerate(texts)]
    ctx = ResolveContext(documents=docs, analyses=[analyzer.analyze(d) for d in docs])
    resolve_entities(ctx)
    resolve_quantities(ctx)
    return ctx


def _split(found: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return [c for c in found if not c.get("reason")], [c for c in found if c.get("reason")]


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("L'avion s'est écrasé mercredi vers 18h20, heure de Moscou.", "L'avion s'est écrasé mercredi vers 18h40, heure de Moscou.", True),
    ("L'avion s'est écrasé mercredi vers 18h20, heure de Moscou.", "L'avion s'est écrasé mercredi à 18h24, heure de Moscou.", False),
    # bounds: "peu après 1h30" is up to half an hour after
    ("L'avion a atterri mercredi peu après 1h30.", "L'avion a atterri mercredi vers 2h30.", True),
    ("L'avion a atterri mercredi peu après 1h30.", "L'avion a atterri mercredi vers 1h45.", False),
    ("L'avion a atterri mercredi après 1h30.", "L'avion a atterri mercredi vers 4h30.", False),  # open-ended
    # time zones: 10 h in Lisbon (UTC+1 in summer) is 11 h in Paris (UTC+2)
    ("L'avion a atterri mercredi à 10 heures, heure de Lisbonne.", "L'avion a atterri mercredi à 11h05, heure de Paris.", False),
    ("L'avion a atterri mercredi à 10 heures, heure de Lisbonne.", "L'avion a atterri mercredi à 10 heures, heure de Paris.", True),
    ("L'avion a atterri mercredi à 10 heures GMT.", "L'avion a atterri mercredi à midi, heure de Paris.", False),
    # parts of the day
    ("L'avion a atterri mercredi matin.", "L'avion a atterri mercredi soir.", True),
    ("William Ruto a atterri mercredi à 5 heures.", "William Ruto a atterri mercredi à 9 heures.", True),
    ("L'avion a atterri mercredi matin.", "L'avion a atterri mercredi vers 9h10.", False),
])
def test_clock_same_happening_different_times(analyzer: Analyzer, a: str, b: str, conflict: bool) -> None:
    contra, _ = _split(times_of_day_check(_ctx(analyzer, a, b)))
    assert bool(contra) is conflict, contra
    for c in contra:
        assert c["kind"] == "date" and {s["doc"] for s in c["statements"]} == {"doc0", "doc1"}
        assert len(c["sides"]) == 2 and c["explanation"]


@pytest.mark.parametrize(("a", "b"), [
    ("L'avion a atterri mercredi à 5 heures.", "L'avion a atterri jeudi à 9 heures."),           # not the same day
    ("L'avion s'est écrasé mercredi à 5 heures.", "L'avion a atterri mercredi à 9 heures."),      # not the same happening
    ("Le premier avion a atterri mercredi à 2h30.", "Le deuxième avion a atterri mercredi à 4h30."),  # two flights
    ("William Ruto a atterri mercredi à 5 heures.", "Moses Kuria a atterri mercredi à 9 heures."),   # two people
    ("William Ruto a atterri mercredi à 5 heures.", "L'avion a atterri mercredi à 9 heures."),       # someone, something
    ("L'avion a atterri mercredi vers 5 heures, heure de Paris.", "L'avion a atterri mercredi vers 9 heures, à l'heure européenne."),
    ("L'avion a atterri mercredi vers 5 heures, heure de Paris.", "L'avion a atterri mercredi vers 9 heures, heure de la côte Est."),
])
def test_clock_not_compared(analyzer: Analyzer, a: str, b: str) -> None:
    assert times_of_day_check(_ctx(analyzer, a, b)) == []


def test_clock_a_plan_against_what_happened_is_a_discrepancy(analyzer: Analyzer) -> None:
    contra, apart = _split(times_of_day_check(_ctx(analyzer, "La trêve a expiré mercredi à 7 heures.",
                                                   "La trêve devait expirer mercredi à 5 heures.")))
    assert contra == [] and len(apart) == 1 and apart[0]["reason"] == "plan_and_outcome"


def test_clock_across_languages_and_an_article_zone_carried_forward(analyzer: Analyzer) -> None:
    ctx = _ctx(analyzer, "L'avion s'est écrasé mercredi vers 18h20, heure de Moscou.",
               "The plane was tracked at 18:05 Moscow time on Wednesday. The plane crashed on Wednesday at around 18:40.",
               langs=("fr", "en"))
    contra, _ = _split(times_of_day_check(ctx))
    assert len(contra) == 1 and {s["text"] for s in contra[0]["statements"]} == {"vers 18h20", "at around 18:40"}
    assert all(s["unit"] == "min UTC" for s in contra[0]["sides"])


@pytest.mark.parametrize(("text", "low", "high"), [
    ("L'avion a atterri mercredi à 18h20.", 18 * 60 + 15, 18 * 60 + 25),     # half its rounding step
    ("L'avion a atterri mercredi à 18h23.", 18 * 60 + 22.5, 18 * 60 + 23.5),
    ("L'avion a atterri mercredi vers 18h20.", 18 * 60 + 11, 18 * 60 + 29),  # "vers": most of a step
    ("L'avion a atterri mercredi juste avant 5 heures.", 4 * 60 + 30, 5 * 60),
])
def test_clock_minutes_allowed_by_bound_and_rounding(analyzer: Analyzer, text: str, low: float, high: float) -> None:
    ctx = _ctx(analyzer, text, "Rien.")
    (q,) = [q for q in ctx.dossier.quantities if q.get("dimension") == "time_of_day"]
    assert allowed(q) == pytest.approx((low, high))


def test_clock_an_undated_article_s_weekday_matches_the_other_s_date(analyzer: Analyzer) -> None:
    texts = ("The plane landed shortly after 1:30 a.m. on Wednesday.", "L'avion a atterri mercredi vers 2h30 du matin.")
    contra, _ = _split(times_of_day_check(_ctx(analyzer, *texts, langs=("en", "fr"), published=(None, DAY))))
    assert len(contra) == 1
    texts = ("The plane landed shortly after 1:30 a.m. on Tuesday.", "L'avion a atterri mercredi vers 2h30 du matin.")
    assert times_of_day_check(_ctx(analyzer, *texts, langs=("en", "fr"), published=(None, DAY))) == []


@pytest.mark.parametrize(("fr", "en", "conflict"), [
    ("Le drone a volé environ une heure et demie.", "The drone had been airborne for less than half an hour.", True),
    ("Le drone a volé environ une demi-heure.", "The drone had been airborne for less than half an hour.", False),
])
def test_values_duration_of_one_activity_across_languages(analyzer: Analyzer, fr: str, en: str, conflict: bool) -> None:
    from recoupe.resolve.checks.values import values_check

    contra, _ = _split(values_check(_ctx(analyzer, fr, en, langs=("fr", "en"))))
    assert bool(contra) is conflict
    if conflict:
        assert contra[0]["about"] == "duration of the flight"
