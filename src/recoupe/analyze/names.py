"""The `names` component: proper-name mentions from spaCy's recogniser, cleaned, as spans."""

from __future__ import annotations

from typing import Any

from recoupe.analyze.registry import Context, component
from recoupe.model import Mention, Span

LABELS = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "other"}
_STRIP = " \t\n,;:.!?«»\"'“”‘’()[]{}-–—*#"


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim punctuation and spaces that the recogniser sometimes includes at a span's edges."""
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    # keep a closing parenthesis or bracket that belongs to the name
    return start, end


@component("names", requires=("spacy",), assigns=("mentions",), version="1")
def names(ctx: Context) -> dict[str, list[Any]]:
    text = ctx.document.text
    sent_starts = [s for s, _ in ctx.analysis.sentences]
    out: list[Mention] = []
    for ent in ctx.sdoc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = clean_span(text, ent.start_char, ent.end_char)
        if end <= start or not any(c.isalpha() for c in text[start:end]):
            continue
        sent = _sentence_index(sent_starts, start)
        out.append(Mention(span=Span(ctx.document.id, start, end, text[start:end]), label=label, kind="name", sentence=sent))
    return {"mentions": out}


def _sentence_index(starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)
