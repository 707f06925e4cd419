"""The reader's segments: cut at every span boundary, the text reassembled exactly, the focus marked once."""

from __future__ import annotations

import pytest

from recoupe.present.web.highlight import context, segments
from recoupe.present.read import SpanRef

TEXT = "Marta Lind a visité Tromsø hier."


@pytest.mark.parametrize("spans, focus", [
    ([], None),
    ([SpanRef(0, 10, "mention", "e1")], None),
    ([SpanRef(0, 10, "mention", "e1"), SpanRef(0, 31, "claim", "c1")], (20, 26)),
    ([SpanRef(20, 26, "mention", "e2"), SpanRef(15, 30, "event", "v1")], (0, 999)),
    ([SpanRef(5, 3, "mention", "bad"), SpanRef(0, 999, "claim", "out")], (-5, 3)),
])
def test_highlight_segments_reassemble_the_text(spans: list[SpanRef], focus: tuple[int, int] | None) -> None:
    segs = segments(TEXT, spans, focus)
    assert "".join(s.text for s in segs) == TEXT
    assert sum(s.focus_start for s in segs) == (1 if focus else 0)


def test_highlight_overlapping_spans_carry_both_kinds() -> None:
    segs = segments(TEXT, [SpanRef(0, 10, "mention", "e1"), SpanRef(0, 31, "claim", "c1")], (20, 26))
    first = segs[0]
    assert first.text == "Marta Lind" and first.kinds == ["claim", "mention"] and first.entity == "e1"
    focused = [s for s in segs if s.focus]
    assert "".join(s.text for s in focused) == "Tromsø" and focused[0].kinds == ["claim"]


def test_highlight_invalid_focus_is_ignored() -> None:
    assert not any(s.focus for s in segments(TEXT, [], (10, 10)))
    assert not any(s.focus for s in segments(TEXT, [], (50, 60)))


def test_highlight_context_cuts_at_spaces() -> None:
    text = "un deux trois quatre cinq six sept huit neuf dix onze douze"
    before, hit, after = context(text, text.index("six"), text.index("six") + 3, width=12)
    assert hit == "six" and before.startswith("…") and after.endswith("…")
    assert before.endswith("cinq ") and after.startswith(" sept")
