"""Split an article's text into plain segments carrying highlight classes; the template escapes each segment."""

from __future__ import annotations

from dataclasses import dataclass, field

from recoupe.present.read import SpanRef

# Why segments and not markup: article text is untrusted, so it is never turned into HTML here. The
# template renders each segment's text through Jinja2's autoescape inside one <span>/<a> it builds itself.


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)  # kinds of the facts covering this stretch, sorted
    entity: str | None = None  # the entity named here, for a link
    refs: list[str] = field(default_factory=list)  # ids of the facts covering it (for titles and tests)
    focus: bool = False
    focus_start: bool = False  # first segment of the focused span: the anchor to scroll to


def segments(text: str, spans: list[SpanRef], focus: tuple[int, int] | None = None) -> list[Segment]:
    """Cut `text` at every span boundary; each piece knows which spans cover it and whether it is the focus."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    if focus is not None:
        fs, fe = max(0, focus[0]), min(n, focus[1])
        focus = (fs, fe) if fs < fe else None
    cuts = {0, n}
    for s in spans:
        cuts.add(s.start)
        cuts.add(s.end)
    if focus:
        cuts.update(focus)
    points = sorted(cuts)
    # a sweep over sorted boundaries: spans are opened when their start is reached, closed past their end
    by_start = sorted(spans, key=lambda s: s.start)
    active: list[SpanRef] = []
    i = 0
    out: list[Segment] = []
    focus_started = False
    for a, b in zip(points, points[1:]):
        while i < len(by_start) and by_start[i].start <= a:
            active.append(by_start[i])
            i += 1
        active = [s for s in active if s.end > a]
        in_focus = bool(focus and focus[0] <= a and b <= focus[1])
        seg = Segment(text[a:b], sorted({s.kind for s in active}),
                      next((s.ref for s in active if s.kind == "mention"), None),
                      sorted({s.ref for s in active}), in_focus, in_focus and not focus_started)
        focus_started = focus_started or in_focus
        if out and not seg.kinds and not out[-1].kinds and not seg.focus and not out[-1].focus:
            out[-1].text += seg.text  # merge neighbouring plain text
        else:
            out.append(seg)
    return out


def context(text: str, start: int, end: int, width: int = 90) -> tuple[str, str, str]:
    """(before, the span, after) with about `width` characters either side, cut at spaces."""
    a, b = max(0, start - width), min(len(text), end + width)
    before, after = text[a:start], text[end:b]
    if a > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if b < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return before, text[start:end], after
