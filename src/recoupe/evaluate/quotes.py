"""Scores quotes (recall, speaker accuracy) and claims (recall, modality accuracy) of a dossier against a gold file.

The gold file (see tests/data/dev/quotes_claims_gold.json) names documents by the end of their source path
and gives, per document, `quotes` ({"text": a snippet of the quoted words, "speaker": accepted speaker
words, or null when the text names nobody}) and `claims` ({"text": a snippet of the claim's sentence,
"modality"}). A gold item matches the predicted quote or claim whose span holds the snippet; one
predicted quote answers one gold quote, a predicted claim may answer several (a sentence left whole).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

from recoupe.evaluate import scorer
from recoupe.model.text import fold

_APOS = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_APOS)


def _fold(text: str) -> str:
    return fold(_norm(text))


def _occurrences(text: str, snippet: str) -> list[int]:
    out, i = [], text.find(snippet)
    while i >= 0:
        out.append(i)
        i = text.find(snippet, i + 1)
    return out


def _speaker_ok(pred: dict[str, Any], accepted: list[str] | None, names: dict[str, str]) -> bool:
    said = [s for s in (pred.get("speaker_text"), names.get(pred.get("speaker") or "")) if s]
    if accepted is None:
        return not said
    for s in said:
        fs = _fold(s)
        for a in accepted:
            fa = _fold(a)
            if fs == fa or (min(len(fs), len(fa)) >= 3 and (fs in fa or fa in fs)):
                return True
    return False


@scorer("quotes_claims")
def score_quotes_claims(dossier: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Quote recall and precision, speaker accuracy, claim recall and modality accuracy (with the confusions)."""
    docs = dossier["documents"]
    names = {e["id"]: e["name"] for e in dossier.get("entities", [])}
    q_gold = q_found = q_speaker = q_pred = q_pred_ok = 0
    c_gold = c_found = c_modality = 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[dict[str, Any]] = []
    for key, g in gold["documents"].items():
        doc = next((d for d in docs if d["id"] == key or _norm(d["source"]).endswith(_norm(key))), None)
        if doc is None:
            misses.append({"document": key, "error": "not in the dossier"})
            q_gold += len(g.get("quotes", []))
            c_gold += len(g.get("claims", []))
            continue
        text = _norm(doc["text"])
        quotes = sorted((q for q in dossier["quotes"] if q["span"]["doc"] == doc["id"]), key=lambda q: q["span"]["start"])
        used: set[int] = set()
        if "quotes" in g:
            q_pred += len(quotes)
        for item in g.get("quotes", []):
            q_gold += 1
            hit = None
            for pos in _occurrences(text, _norm(item["text"])):
                for k, q in enumerate(quotes):
                    if k not in used and q["span"]["start"] <= pos and pos + len(item["text"]) <= q["span"]["end"]:
                        hit = k
                        break
                if hit is not None:
                    break
            if hit is None:
                misses.append({"document": key, "quote": item["text"], "error": "not found"})
                continue
            used.add(hit)
            q_found += 1
            if _speaker_ok(quotes[hit], item["speaker"], names):
                q_speaker += 1
            else:
                misses.append({"document": key, "quote": item["text"], "expected": item["speaker"],
                               "got": quotes[hit].get("speaker_text")})
        q_pred_ok += len(used)
        claims = [c for c in dossier["claims"] if c["span"]["doc"] == doc["id"]]
        for item in g.get("claims", []):
            c_gold += 1
            hit_c = None
            for pos in _occurrences(text, _norm(item["text"])):
                hit_c = next((c for c in claims if c["span"]["start"] <= pos and pos + len(item["text"]) <= c["span"]["end"]), None)
                if hit_c is not None:
                    break
            if hit_c is None:
                misses.append({"document": key, "claim": item["text"], "error": "not found"})
                continue
            c_found += 1
            confusion[(item["modality"], hit_c["modality"])] += 1
            if hit_c["modality"] == item["modality"]:
                c_modality += 1
            else:
                misses.append({"document": key, "claim": item["text"], "expected": item["modality"], "got": hit_c["modality"]})

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "quotes": {"gold": q_gold, "found": q_found, "predicted": q_pred,
                   "recall": ratio(q_found, q_gold), "precision": ratio(q_pred_ok, q_pred),
                   "speaker_accuracy": ratio(q_speaker, q_found)},
        "claims": {"gold": c_gold, "found": c_found, "recall": ratio(c_found, c_gold),
                   "modality_accuracy": ratio(c_modality, c_found),
                   "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}},
        "errors": misses,
    }
