"""What the quote and claim tests share: the analysis runner's type and finding a quote or a claim by its words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from recoupe.model import Analysis

Run = Callable[[str], Analysis]


def quote_starting(a: Analysis, start_words: str) -> Any:
    """The first quote whose words start with `start_words` (fails, listing the quotes found, if none)."""
    found = [q for q in a.quotes if q.span.text.startswith(start_words)]
    assert found, f"no quote starting {start_words!r} in {[q.span.text for q in a.quotes]}"
    return found[0]


def claim_with(a: Analysis, words: str) -> Any:
    """The first claim whose text holds `words` (fails, listing the claims found, if none)."""
    found = [c for c in a.claims if words in c.text]
    assert found, f"no claim with {words!r} in {[c.text for c in a.claims]}"
    return found[0]
