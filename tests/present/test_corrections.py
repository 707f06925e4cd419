"""Analyst corrections applied to a dossier: merge, split an alias off, mark, and stale targets."""

from __future__ import annotations

import copy

import pytest

from recoupe.errors import RecoupeError
from recoupe.present import corrections as corr
from tests.present.web.dossier_fixture import dossier


def _d() -> dict:
    d = dossier().to_contract()
    return {k: d[k] for k in ("entities", "events", "quotes", "claims", "contradictions", "quantities")}


def _c(i: int, action: str, target: str, other: str | None = None, value: str | None = None) -> dict:
    return {"id": i, "at": "2024-01-01T00:00:00+00:00", "action": action, "target": target, "other": other, "value": value, "note": "n"}


def test_corrections_merge_moves_mentions_and_rewrites_references() -> None:
    d = _d()
    before = copy.deepcopy(d)
    out = corr.apply(d, [_c(1, "merge_entities", "ent-valpo", "ent-chili")])
    ents = {e["id"]: e for e in out.dossier["entities"]}
    assert "ent-chili" not in ents and out.redirects == {"ent-chili": "ent-valpo"}
    assert "Chili" in ents["ent-valpo"]["aliases"] and len(ents["ent-valpo"]["mentions"]) == 3
    assert d == before  # the input is never modified


def test_corrections_merge_rewrites_event_participants() -> None:
    out = corr.apply(_d(), [_c(1, "merge_entities", "ent-reyes", "ent-dube")])
    agreement = next(e for e in out.dossier["events"] if e["id"] == "ev-agreement")
    assert agreement["participants"] == ["ent-reyes"]
    assert next(q for q in out.dossier["quotes"] if q["id"] == "q-dube")["speaker"] == "ent-reyes"


def test_corrections_split_alias_makes_a_new_entity() -> None:
    out = corr.apply(_d(), [_c(1, "split_alias", "ent-dube", value="Mme Dubé")])
    ents = {e["id"]: e for e in out.dossier["entities"]}
    assert "Mme Dubé" not in ents["ent-dube"]["aliases"] and len(ents["ent-dube"]["mentions"]) == 3
    new = [e for e in ents.values() if e["aliases"] == ["Mme Dubé"]]
    assert len(new) == 1 and new[0]["type"] == "person" and len(new[0]["mentions"]) == 1


def test_corrections_split_matches_accent_free_alias() -> None:
    out = corr.apply(_d(), [_c(1, "split_alias", "ent-valpo", value="valparaiso")])
    ents = {e["id"]: e for e in out.dossier["entities"]}
    assert ents["ent-valpo"]["mentions"] == [] and len(ents) == 7


def test_corrections_split_exact_form_only_when_it_exists() -> None:
    out = corr.apply(_d(), [_c(1, "split_alias", "ent-valpo", value="Valparaiso")])
    ents = {e["id"]: e for e in out.dossier["entities"]}
    assert ents["ent-valpo"]["aliases"] == ["Valparaíso"] and len(ents["ent-valpo"]["mentions"]) == 1


def test_corrections_mark_claim_and_contradiction() -> None:
    out = corr.apply(_d(), [_c(1, "mark_claim", "cl-secret-deny", value="confirmed"),
                            _c(2, "mark_contradiction", "ct-duration", value="rejected"),
                            _c(3, "mark_claim", "cl-secret-deny", value="rejected")])
    claim = next(c for c in out.dossier["claims"] if c["id"] == "cl-secret-deny")
    assert claim["review"]["status"] == "rejected"  # the latest mark wins
    assert out.dossier["contradictions"][0]["review"]["status"] == "rejected"


@pytest.mark.parametrize("c", [
    _c(1, "merge_entities", "ent-dube", "ent-gone"),
    _c(1, "split_alias", "ent-gone", value="x"),
    _c(1, "split_alias", "ent-dube", value="never seen"),
    _c(1, "mark_claim", "cl-gone", value="confirmed"),
])
def test_corrections_stale_targets_are_reported(c: dict) -> None:
    out = corr.apply(_d(), [c])
    assert out.stale == [1]


@pytest.mark.parametrize("action, target, other, value", [
    ("delete_everything", "x", None, None),
    ("merge_entities", "a", None, None),
    ("merge_entities", "a", "a", None),
    ("split_alias", "a", None, " "),
    ("mark_claim", "a", None, "maybe"),
])
def test_corrections_check_refuses_malformed(action: str, target: str, other: str | None, value: str | None) -> None:
    with pytest.raises(RecoupeError):
        corr.check(action, target, other, value)


def test_corrections_pin_place_locates_an_unlocated_place() -> None:
    d = _d()
    assert next(e for e in d["entities"] if e["id"] == "ent-prensa")["geo"] is None
    out = corr.apply(d, [_c(1, "pin_place", "ent-prensa", value="-33.45,-70.66"), _c(2, "pin_place", "ent-gone", value="1,2")])
    e = next(e for e in out.dossier["entities"] if e["id"] == "ent-prensa")
    assert e["geo"] == {"lat": -33.45, "lon": -70.66, "source": "correction:1"} and e["geo_status"] == "pinned"
    assert e["corrections"][0]["action"] == "pin_place"
    assert out.stale == [2]
    assert next(e for e in d["entities"] if e["id"] == "ent-prensa")["geo"] is None  # the input is untouched


def test_corrections_pin_place_follows_a_merge() -> None:
    out = corr.apply(_d(), [_c(1, "merge_entities", "ent-valpo", "ent-chili"), _c(2, "pin_place", "ent-chili", value="-33,-71.6")])
    e = next(e for e in out.dossier["entities"] if e["id"] == "ent-valpo")
    assert e["geo"]["source"] == "correction:2" and out.stale == []


@pytest.mark.parametrize("value", [None, "", "north", "91,0", "0,181", "1;2", "1,2,3"])
def test_corrections_pin_place_needs_a_point(value: str | None) -> None:
    with pytest.raises(RecoupeError, match="LAT,LON"):
        corr.check("pin_place", "ent-prensa", None, value)
