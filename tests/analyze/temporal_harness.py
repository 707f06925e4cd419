"""One helper for tests of time expressions: the expression a text's times component finds for some words."""

from __future__ import annotations

from typing import Any

from recoupe.analyze.temporal import extract
from recoupe.model import TimeExpr


def expr(parse: Any, text: str, words: str, published: str | None = None, precision: str | None = None) -> TimeExpr:
    found = extract("t", text, parse(text), published, precision)
    hits = [t for t in found if t.span.text == words]
    assert hits, f"{words!r} not in {[t.span.text for t in found]}"
    return hits[0]
