"""score_events on a small hand-made dossier."""

from __future__ import annotations

from recoupe.evaluate.events import score_events


def test_events_score_recall_date_place() -> None:
    span = {"doc": "d1", "start": 0, "end": 1, "text": "x"}
    dossier = {
        "documents": [{"id": "d1", "source": "/x/a.txt"}],
        "entities": [
            {"id": "e1", "name": "Anne Dupont", "aliases": ["Mme Dupont"]},
            {"id": "e2", "name": "Olaf Berger", "aliases": []},
            {"id": "p1", "name": "Genève", "aliases": []},
        ],
        "events": [
            {"id": "v1", "type": "meeting", "date": "2024-03-02", "place": "p1", "participants": ["e1", "e2"],
             "status": "happened", "sources": [span]},
            {"id": "v2", "type": "transfer", "date": None, "place": None, "participants": ["e1"], "status": "happened", "sources": [span]},
        ],
    }
    gold = {"events": [
        {"type": "meeting", "date": "2024-03", "place": ["Genève"], "participants": [["Mme Dupont"]], "docs": ["a.txt"]},
        {"type": "visit", "date": "2024-04", "place": ["Berne"], "participants": [["Olaf Berger"]]},
        {"type": "transfer", "date": None, "participants": [["Anne Dupont"]], "status": "possible"},
    ]}
    r = score_events(dossier, gold)
    assert r["found"] == 2 and r["event_recall"] == 0.667
    assert r["date_accuracy"] == 0.5 and r["place_accuracy"] == 0.5
    assert r["events"][2]["wrong_status_candidates"] == 1
