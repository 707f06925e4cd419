"""The facts check: a claim asserted in one source and denied in another."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.model import Document
from recoupe.resolve.checks.facts import facts_check
from recoupe.resolve.registry import ResolveContext


def _claim(doc: str, text: str, modality: str, cluster: str | None) -> dict[str, Any]:
    return {"id": f"cl-{doc}-{modality}", "text": text, "span": {"doc": doc, "start": 0, "end": len(text), "text": text},
            "attributed_to": None, "modality": modality, "cluster": cluster, "independent_sources": 1}


def _ctx(claims: list[dict[str, Any]]) -> ResolveContext:
    ctx = ResolveContext(documents=[Document(id=c["span"]["doc"], source="t", text=c["text"]) for c in claims], analyses=[])
    ctx.dossier.claims = claims
    return ctx


@pytest.mark.parametrize(("claims", "conflict"), [
    ([_claim("a", "Le ministre a signé l'accord", "asserted", "k1"), _claim("b", "Le ministre n'a pas signé l'accord", "denied", "k1")], True),
    ([_claim("a", "Le ministre aurait signé l'accord", "reported", "k1"), _claim("b", "Le ministre dément avoir signé", "denied", "k1")], True),
    ([_claim("a", "Le ministre a signé l'accord", "asserted", "k1"), _claim("b", "Le ministre a signé le texte", "asserted", "k1")], False),
    ([_claim("a", "Le ministre a signé l'accord", "asserted", "k1"), _claim("a", "Il dément", "denied", "k1")], False),  # same source
    ([_claim("a", "Le ministre a signé l'accord", "asserted", "k1"), _claim("b", "Le maire n'a rien signé", "denied", "k2")], False),
    ([_claim("a", "Le ministre pourrait signer", "speculative", "k1"), _claim("b", "Il ne signera pas", "denied", "k1")], False),
])
def test_facts_asserted_here_denied_there(claims: list[dict[str, Any]], conflict: bool) -> None:
    found = facts_check(_ctx(claims))
    assert bool(found) is conflict, found
    for c in found:
        assert c["kind"] == "fact" and len(c["statements"]) == 2


def test_facts_asserted_outranks_reported() -> None:
    strong = facts_check(_ctx([_claim("a", "X", "asserted", "k"), _claim("b", "non X", "denied", "k")]))[0]
    weak = facts_check(_ctx([_claim("a", "X", "reported", "k"), _claim("b", "non X", "denied", "k")]))[0]
    assert strong["certainty"] > weak["certainty"]
