"""The entity evaluation: B-cubed over gold mentions, on the sample dev set and on hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

from recoupe.evaluate import evaluate
from recoupe.evaluate.entities import gold_mentions

DEV = Path(__file__).parent / "data" / "dev" / "entities_gold.json"


def test_evaluate_gold_mentions_longest_first_and_occurrences() -> None:
    text = "Jean Roux et Roux. Roux."
    forms = [{"text": "Roux", "entity": "A", "occurrences": [0]}, {"text": "Roux", "entity": "B", "occurrences": [1]},
             {"text": "Jean Roux", "entity": "A"}]
    assert [(t, e) for _, _, t, e in gold_mentions(text, forms)] == [("Jean Roux", "A"), ("Roux", "B")]


def test_evaluate_b3_perfect_and_merged() -> None:
    doc = {"id": "d", "source": "x/a.txt", "text": "Anne Roy et Paul Roy."}
    gold = {"kind": "entities", "documents": {"a.txt": [{"text": "Anne Roy", "entity": "A"}, {"text": "Paul Roy", "entity": "P"}]}}
    span = lambda s, e: {"doc": "d", "start": s, "end": e, "text": doc["text"][s:e]}  # noqa: E731
    good = {"documents": [doc], "entities": [{"id": "1", "aliases": ["Anne Roy"], "mentions": [span(0, 8)]},
                                             {"id": "2", "aliases": ["Paul Roy"], "mentions": [span(12, 20)]}]}
    merged = {"documents": [doc], "entities": [{"id": "1", "aliases": ["Anne Roy", "Paul Roy"], "mentions": [span(0, 8), span(12, 20)]}]}
    assert evaluate(good, gold)["b3_f1"] == 1.0
    bad = evaluate(merged, gold)
    assert bad["b3_precision"] == 0.5 and bad["b3_recall"] == 1.0


def test_evaluate_sample_dev_set_meets_the_floor(sample_dossier: dict) -> None:
    res = evaluate(sample_dossier, json.loads(DEV.read_text("utf-8")))
    # quality gate: fails when entity resolution gets worse than measured (0.92 when written)
    assert res["b3_f1"] >= 0.88, res
    assert res["alias_recall"] >= 0.8, res
