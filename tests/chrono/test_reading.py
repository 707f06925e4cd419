"""Reading unresolved expressions again once a writing day is known (`chrono.reread`, as resolution does)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from recoupe import lang
from recoupe.chrono import reread
from recoupe.model import Span, TimeExpr
from tests.analyze.temporal_harness import expr

WORDS = lang.pack("fr").time


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
    # counted from a day that is itself unread: read with it
    ("Le conseil s'est réuni lundi. Le soir même, le maire a démissionné.", "Le soir même", "2022-06-13"),
    ("Le conseil a voté mardi. La veille, le maire avait démissionné.", "La veille", "2022-06-13"),
])
def test_reading_reread_reads_against_an_inferred_day(parse: Any, text: str, words: str, value: str) -> None:
    t = expr(parse, text, words)
    assert t.value is None and "groups" in t.attrs  # undated article: left unread, with what a re-reading needs
    got = reread(t, date(2022, 6, 15), WORDS)
    assert got is not None and got.value == value
    assert got.span == t.span and got.attrs["reference"] == "inferred" and "groups" not in got.attrs


def test_reading_reread_leaves_alone_what_needs_no_day(parse: Any) -> None:
    t = expr(parse, "Le traité a été signé en 1995.", "1995")
    assert "groups" not in t.attrs and reread(t, date(2022, 6, 15), WORDS) is None
    bare = TimeExpr(span=Span("t", 0, 5, "lundi"), value=None, precision=None, attrs={"rule": "weekday"})
    assert reread(bare, date(2022, 6, 15), WORDS) is None  # nothing recorded to read it with


def test_reading_partial_dates_have_bounds_precision_and_shift() -> None:
    from recoupe.chrono import PartialDate, bounds, period_bounds

    assert PartialDate.parse("2024-02").bounds == (date(2024, 2, 1), date(2024, 2, 29))
    assert PartialDate.parse("2023-W37").bounds == (date(2023, 9, 11), date(2023, 9, 17))
    assert PartialDate.parse("198").bounds == (date(1980, 1, 1), date(1989, 12, 31))
    assert PartialDate.parse("2023-01").shift(-1, "month").iso == "2022-12"
    assert PartialDate.parse("2023-09-12").precision == "day"
    assert bounds("2023-09-10/..") == (date(2023, 9, 10), date(2023, 9, 10)) and bounds("x") is None
    assert period_bounds("2023-09-12T10:00") == (date(2023, 9, 12), date(2023, 9, 12))
    with pytest.raises(ValueError):
        PartialDate.parse("septembre")
