"""Run the `events` component on a sentence written for a test, with its mentions, times and quotes given by hand
(so that neither the recogniser nor the times component decides what the test is about)."""

from __future__ import annotations

from typing import Any

from recoupe.analyze.events import events as events_component
from recoupe.analyze.registry import Context
from recoupe.model import Analysis, Document, EventCue, Mention, QuoteRec, Span, TimeExpr


def analyze(nlp: Any, text: str, names: dict[str, str], published: str | None = "2024-03-05",
            times: list[tuple[str, str, str, str]] | None = None, quotes: list[tuple[str, str]] | None = None,
            drop_nested: bool = False, reparse: Any = None,
            described: dict[str, list[str]] | None = None) -> list[EventCue]:
    """The component on `text` with `names` (surface -> label) as mentions, `times` as (surface, value, precision,
    anchor word) and `quotes` as (quoted words, speaker); `drop_nested` keeps only the longest of nested mentions;
    `reparse(sdoc)` may rehang tokens, to give the component a parse the model makes on other sentences;
    `described` makes the mentions of these surfaces descriptions of those classes ("le pays": ["country"])."""
    doc = Document(id="doc-t", source="t.txt", text=text, language="fr", published=published)
    sdoc = nlp(text)
    if reparse is not None:
        reparse(sdoc)
    mentions = []
    for surface, label in names.items():
        start = text.find(surface)
        while start >= 0:
            classes = (described or {}).get(surface)
            mentions.append(Mention(span=Span("doc-t", start, start + len(surface), surface), label=label,
                                    kind="description" if classes else "name",
                                    attrs={"classes": list(classes)} if classes else {}))
            start = text.find(surface, start + 1)
    if drop_nested:
        mentions = [m for m in mentions if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                                   for o in mentions)]
    tx = []
    for surface, value, precision, anchor in times or []:
        s = text.index(surface)
        tx.append(TimeExpr(span=Span("doc-t", s, s + len(surface), surface), value=value, precision=precision,
                           anchor=text.index(anchor)))
    qs = []
    for words, speaker in quotes or []:
        s, p = text.index(words), text.index(speaker)
        qs.append(QuoteRec(span=Span("doc-t", s, s + len(words), words), speaker_text=speaker,
                           speaker_span=Span("doc-t", p, p + len(speaker), speaker)))
    a = Analysis(doc="doc-t", version="t", sentences=[(x.start_char, x.end_char) for x in sdoc.sents],
                 mentions=mentions, times=tx, quotes=qs)
    return events_component(Context(document=doc, sdoc=sdoc, analysis=a))["event_cues"]


def one(cues: list[EventCue], trigger: str) -> EventCue:
    """The single cue whose trigger is `trigger` (the assertion lists every cue when there is not exactly one)."""
    found = [c for c in cues if c.span.text == trigger]
    assert len(found) == 1, [(c.span.text, c.type) for c in cues]
    return found[0]
