"""The typed records: plain-dict conversion (storage, transport between processes) and its inverse."""

from __future__ import annotations

import dataclasses
import pickle

from recoupe.model import Analysis, ClaimRec, EventCue, Mention, QuoteRec, Span, TimeExpr

TEXT = "Selon la mairie de Lyon, le pont Wilson rouvrira le 3 mars, a déclaré Claire Duval."


def _analysis() -> Analysis:
    who = Span("doc-1", 72, 84, "Claire Duval")
    when = TimeExpr(span=Span("doc-1", 45, 55, "le 3 mars"), value="2025-03-03", precision="day", attrs={"anchor_word": "rouvrira"})
    return Analysis(
        doc="doc-1", version="v1", sentences=[(0, len(TEXT))],
        mentions=[Mention(span=who, label="person", sentence=0, head="claire duval", attrs={"agentive": True, "epithets": ["maire"]}),
                  Mention(span=Span("doc-1", 18, 22, "Lyon"), label="place", attrs={"capital_of": None, "cues": ("de",)})],
        times=[when],
        quotes=[QuoteRec(span=Span("doc-1", 25, 55, "le pont Wilson rouvrira le 3 mars"), speaker_text="Claire Duval", speaker_span=who)],
        claims=[ClaimRec(span=Span("doc-1", 0, len(TEXT), TEXT), text=TEXT, modality="reported", source_span=who,
                         attrs={"lemmas": ["pont", "rouvrir"], "refers_to": {"start": 0, "end": 5}, "score": 0.5})],
        event_cues=[EventCue(span=Span("doc-1", 40, 48, "rouvrira"), type="reopening", time=when, participants=[who])],
        attrs={"errors": [], "published_refined": {"value": "2025-02-28", "precision": "day"}},
    )


def test_model_to_dict_is_what_asdict_gives() -> None:
    a = _analysis()
    # same values and the same container types (the tuples stay tuples), as pickling shows
    assert pickle.dumps(a.to_dict()) == pickle.dumps(dataclasses.asdict(a))


def test_model_to_dict_copies_containers() -> None:
    a = _analysis()
    d = a.to_dict()
    d["mentions"][0]["attrs"]["epithets"].append("adjointe")
    d["claims"][0]["attrs"]["refers_to"]["start"] = 99
    assert a.mentions[0].attrs["epithets"] == ["maire"]
    assert a.claims[0].attrs["refers_to"] == {"start": 0, "end": 5}


def test_model_from_dict_round_trips() -> None:
    a = _analysis()
    back = Analysis.from_dict(a.to_dict())
    assert back == a
    assert isinstance(back.event_cues[0].time, TimeExpr) and isinstance(back.event_cues[0].participants[0], Span)


def test_model_from_dict_ignores_removed_fields() -> None:
    d = _analysis().to_dict()
    d["mentions"][0]["obsolete"] = 1
    assert Analysis.from_dict(d).mentions[0].label == "person"
