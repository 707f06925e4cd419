"""The quantities step: every analysed quantity in the contract's shape, with stable ids, on the sample corpus."""

from __future__ import annotations

from typing import Any


def test_quantities_sample_dossier_has_contract_quantities(sample_dossier: dict[str, Any]) -> None:
    qs = sample_dossier["quantities"]
    assert qs, "the sample corpus states distances, speeds and sums"
    texts = {d["id"]: d["text"] for d in sample_dossier["documents"]}
    for q in qs:
        assert set(q) >= {"id", "value", "unit", "bound", "value_max", "about", "span"}
        s = q["span"]
        assert texts[s["doc"]][s["start"]:s["end"]] == s["text"]
    assert len({q["id"] for q in qs}) == len(qs)
    units = {q["unit"] for q in qs}
    assert {"km", "km/h", "h", "USD", "%"} <= units
    # no year, day or footnote number was taken for a quantity
    assert not [q for q in qs if q["unit"] is None and 1900 <= q["value"] <= 2100]


def test_quantities_sample_distances_name_their_places(sample_dossier: dict[str, Any]) -> None:
    dists = [q for q in sample_dossier["quantities"] if q["unit"] == "km" and q.get("places")]
    assert any(q.get("geodesic") for q in dists)  # "à vol d'oiseau"
    assert all(len(q["places"]) == 2 for q in dists)
