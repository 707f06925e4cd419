"""A hostile article and facts pointing into it, to prove the UI renders untrusted text as inert text."""

from __future__ import annotations

import hashlib
from pathlib import Path

from recoupe.model import Document, Dossier
from recoupe.store import open_store

SCRIPT = '<script>alert("pwned-script")</script>'
IMG = "<img src=x onerror=alert('pwned-img')>"
LINK = '<a href="javascript:alert(\'pwned-link\')">cliquez</a>'
SVG = "<svg onload=alert('pwned-svg')><script>alert('pwned-bare')</script></svg>"  # in no fact's span
HUGE = "A" * 1_000_000
TEXT = f"Début {SCRIPT} puis {IMG} et {LINK} fin. {SVG}\n\n{HUGE}"
DOC = "doc-hostile"


def sp(text: str) -> dict:
    start = TEXT.index(text)
    return {"doc": DOC, "start": start, "end": start + len(text), "text": text}


def make_hostile_store(path: Path) -> Path:
    with open_store(path) as store:
        store.add_document(Document(id=DOC, source="javascript:alert('pwned-source')", text=TEXT, title=SCRIPT,
                                    outlet="<b onmouseover=alert('pwned-outlet')>Outlet</b>", language="fr", published="2024-05-01",
                                    content_hash=hashlib.sha1(TEXT.encode()).hexdigest()), None)
        ents = [{"id": "ent-h", "name": IMG, "type": "person", "aliases": [IMG, LINK], "mentions": [sp(IMG), sp(LINK)],
                 "geo": {"lat": 1.0, "lon": 2.0, "source": SCRIPT}},
                {"id": "ent-h2", "name": "A" * 40, "type": "place", "aliases": ["AAAA"], "mentions": [sp(HUGE)],
                 "geo": {"lat": 3.0, "lon": 4.0, "source": None}}]
        events = [{"id": "ev-h", "type": "meeting", "date": "2024-05-01", "place": "ent-h", "participants": ["ent-h", "ent-h2"],
                   "summary": SCRIPT, "status": "happened", "sources": [sp(SCRIPT)], "independent_sources": 1}]
        quotes = [{"id": "q-h", "speaker": "ent-h", "speaker_text": IMG, "text": LINK, "span": sp(LINK), "attribution": None}]
        claims = [{"id": "cl-h", "text": SCRIPT, "span": sp(SCRIPT), "attributed_to": "ent-h", "modality": "denied",
                   "cluster": "k-h", "independent_sources": 1},
                  {"id": "cl-h2", "text": IMG, "span": sp(IMG), "attributed_to": None, "modality": "asserted",
                   "cluster": "k-h", "independent_sources": 1}]
        contradictions = [{"id": "ct-h", "kind": "fact", "about": IMG, "statements": [sp(SCRIPT), sp(IMG)],
                           "expected": {"value": 1, "unit": SCRIPT, "method": LINK}, "explanation": LINK}]
        store.write_dossier(Dossier.from_contract(dict(entities=ents, events=events, quotes=quotes, claims=claims, contradictions=contradictions)), "hostile")
        store.add_correction("mark_claim", "cl-h", None, "confirmed", note=SCRIPT + IMG)
    return path
