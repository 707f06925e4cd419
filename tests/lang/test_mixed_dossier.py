"""A dossier that mixes French and English articles: each is read in its own language, and resolution merges what
the two languages say of one entity. The corpus is written for this test."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from recoupe import pipeline
from recoupe.analyze import nlp as nlp_mod
from recoupe.present import queries
from recoupe.present.export import validate

pytestmark = pytest.mark.skipif(importlib.util.find_spec(nlp_mod.MODELS["en"]) is None, reason="English model not installed")

FR = """Le Monde du Nord — 14 mars 2022

Le président finlandais Mikko Laine a rencontré lundi à Helsinki la Première ministre norvégienne Ingrid Solheim.
« Nous partageons la même inquiétude sur la mer Baltique », a déclaré Mikko Laine à la presse après l'entretien.
Selon des diplomates, la Norvège pourrait livrer des patrouilleurs à la Finlande avant l'été.
"""

EN = """Northern Wire — March 15, 2022

HELSINKI, March 15 (Northern Wire) - Finnish President Mikko Laine met Norwegian Prime Minister Ingrid Solheim in
Helsinki on Monday, his office said. "Our two countries see the Baltic the same way," Laine told reporters after the
meeting. Norway could reportedly deliver patrol boats to Finland before the summer, according to diplomats.
"""


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("mixed")
    (d / "fr.txt").write_text(FR, encoding="utf-8")
    (d / "en.txt").write_text(EN, encoding="utf-8")
    db = d / "mixed.db"
    pipeline.build([str(d)], db, progress=False, log=lambda line: None)
    out: dict[str, Any] = queries.export_dossier(db)
    return out


def test_each_article_is_read_in_its_language(dossier: dict[str, Any]) -> None:
    validate(dossier)
    langs = {Path(d["source"]).name: d.get("language") for d in dossier["documents"]}
    assert langs == {"fr.txt": "fr", "en.txt": "en"}
    en_doc = next(d["id"] for d in dossier["documents"] if d["source"].endswith("en.txt"))
    speakers = {q.get("speaker_name") or q.get("speaker") for q in dossier["quotes"] if q["span"]["doc"] == en_doc}
    assert speakers and None not in speakers


def test_one_entity_across_the_two_languages(dossier: dict[str, Any]) -> None:
    def holders(name: str) -> list[dict[str, Any]]:
        return [e for e in dossier["entities"] if any(name in m["text"] for m in e["mentions"])]

    for name in ("Mikko Laine", "Ingrid Solheim", "Helsinki"):
        found = holders(name)
        assert len(found) == 1, (name, [e["name"] for e in found])
        assert {m["doc"] for m in found[0]["mentions"]} == {d["id"] for d in dossier["documents"]}, name
    norway = [e for e in dossier["entities"] if any(m["text"] in ("Norvège", "Norway") for m in e["mentions"])]
    assert len(norway) == 1 and {m["text"] for m in norway[0]["mentions"]} >= {"Norvège", "Norway"}


def test_a_claim_and_its_translation_cluster_together(dossier: dict[str, Any]) -> None:
    # "la Norvège pourrait livrer des patrouilleurs à la Finlande" and "Norway could reportedly deliver patrol boats
    # to Finland": the same entities, predicate class and object class, in two languages
    delivery = [c for c in dossier["claims"] if "livrer" in c["text"] or "deliver" in c["text"]]
    assert {c["span"]["doc"] for c in delivery} == {d["id"] for d in dossier["documents"]}
    assert len({c["cluster"] for c in delivery}) == 1, [(c["text"], c["cluster"]) for c in delivery]
    assert delivery[0]["independent_sources"] == 2
