"""Dates counted from another event ("au lendemain de son arrivée") or from the last day a narrative named."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze.temporal import extract
from tests.analyze.temporal_harness import expr


@pytest.mark.parametrize(("text", "words", "value"), [
    ("La ministre a signé l'accord à Vienne le 8 mars 2019, au lendemain de son arrivée en Autriche.", "son arrivée", "2019-03-07"),
    ("Les négociateurs se sont séparés le 2 avril 2018, à la veille du sommet de Genève.", "sommet", "2018-04-03"),
    ("Le chef d'état-major a inspecté la base le 20 octobre 2015, au surlendemain de sa nomination.", "sa nomination", "2015-10-18"),
])
def test_temporal_event_relative_dates_the_named_event(parse: Any, text: str, words: str, value: str) -> None:
    found = extract("t", text, parse(text), None, None)
    rel = [t for t in found if t.kind == "event_relative"]
    assert rel, [t.span.text for t in found]
    t = rel[0]
    assert t.span.text.endswith(words) and t.value == value and t.precision == "day"
    assert text[t.span.start:t.span.end] == t.span.text
    assert t.anchor == text.index(words.split()[-1], t.span.start)  # anchored to the event's noun


def test_temporal_event_relative_needs_a_dated_clause(parse: Any) -> None:
    text = "La ministre est repartie au lendemain de son arrivée en Autriche."
    found = extract("t", text, parse(text), "2019-03", "month")
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
    found = extract("t", text, parse(text), "2021-05-06", "day")
    assert not [t for t in found if t.attrs.get("rule") == "narrative_relative"]


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Le comité a voté le 6 juin 2017. Le soir même, le président a démissionné.", "Le soir même", "2017-06-06"),
    ("Les deux équipes se sont affrontées le 9 février 2016 et le même jour la fédération a publié le calendrier.",
     "le même jour", "2016-02-09"),
    ("Dès lundi 4 mars 2019, le syndicat avait dénoncé la fermeture. La direction a répondu le même jour.", "le même jour", "2019-03-04"),
])
def test_temporal_the_same_day_is_the_day_last_named(parse: Any, text: str, words: str, value: str) -> None:
    t = expr(parse, text, words)
    assert t.value == value and t.attrs["rule"] == "narrative_relative"


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Le conseil s'est réuni le 14 octobre 2018. Ce soir-là, le maire a annoncé sa démission.", "Ce soir-là", "2018-10-14"),
])
def test_temporal_that_day_is_the_day_last_named(parse: Any, text: str, words: str, value: str) -> None:
    t = expr(parse, text, words)
    assert t.value == value and t.attrs["rule"] == "narrative_relative"


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Le navire a sombré le 3 mai 2019. Trois jours plus tard, les plongeurs ont trouvé l'épave.", "Trois jours plus tard", "2019-05-06"),
    ("Le traité a été signé le 20 juin 2016 ; deux semaines plus tôt, les ministres s'étaient vus.", "deux semaines plus tôt", "2016-06-06"),
])
def test_temporal_a_count_later_is_from_the_day_last_named(parse: Any, text: str, words: str, value: str) -> None:
    t = expr(parse, text, words)
    assert t.value == value and t.attrs["rule"] == "narrative_relative"


@pytest.mark.parametrize(("text", "words", "value"), [
    ("En 2016, le navire a heurté un quai. L'année suivante, il a été réparé.", "L'année suivante", "2017"),
    ("Le club a été fondé en 1998. La même année, il a gagné la coupe.", "La même année", "1998"),
])
def test_temporal_the_same_year_is_the_year_last_named(parse: Any, text: str, words: str, value: str) -> None:
    t = expr(parse, text, words)
    assert t.value == value and t.precision == "year" and t.attrs["rule"] == "narrative_relative"
