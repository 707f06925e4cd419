"""The checks registry: outside checks plug in by name; results come back deduplicated, most certain first."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.errors import RecoupeError
from recoupe.model import Document
from recoupe.resolve.checks import check, checks, contradiction, interval, run_checks
from recoupe.resolve.registry import ResolveContext

SPAN = {"doc": "d", "start": 0, "end": 3, "text": "abc"}


def test_registry_outside_check_runs_and_results_are_ordered() -> None:
    @check("test-outside")
    def outside(ctx: ResolveContext) -> list[dict[str, Any]]:
        return [contradiction("other", "weak", [SPAN], "w", certainty=0.2),
                contradiction("number", "strong", [SPAN], "s", certainty=0.9),
                contradiction("number", "strong", [SPAN], "s again", certainty=0.5)]  # same id: the surer one stays

    try:
        ctx = ResolveContext(documents=[Document(id="d", source="t", text="abc")], analyses=[])
        found = run_checks(ctx, ["test-outside"])
        assert [c["about"] for c in found] == ["strong", "weak"]
        assert found[0]["explanation"] == "s" and found[0]["check"] == "test-outside"
        assert "test-outside" in checks()
    finally:
        checks().pop("test-outside", None)


def test_registry_unknown_check_is_an_error() -> None:
    with pytest.raises(RecoupeError, match="unknown check"):
        run_checks(ResolveContext(documents=[], analyses=[]), ["no-such-check"])


@pytest.mark.parametrize(("q", "low", "high"), [
    ({"value": 100, "bound": "exact"}, 95, 105),
    ({"value": 100, "bound": "approx"}, 80, 120),
    ({"value": 450, "bound": "approx"}, 425, 475),      # "environ 450": rounded to 50
    ({"value": 600, "bound": "approx"}, 550, 650),      # rounded to 100
    ({"value": 2115, "bound": "exact"}, 2114.5, 2115.5),  # written to the unit
    ({"value": 10, "bound": "approx"}, 8, 12),          # rounding capped by "environ"'s share
    ({"value": 0, "bound": "exact"}, 0, 0),             # "aucun"
    ({"value": 100, "bound": "at_least"}, 95, float("inf")),
    ({"value": 100, "bound": "at_most"}, 0, 105),
    ({"value": 100, "value_max": 200, "bound": "range"}, 95, 210),
    ({"value": 1000, "bound": "approx", "vague": True}, 750, 1250),
])
def test_registry_interval_widens_by_the_stated_approximation(q: dict[str, Any], low: float, high: float) -> None:
    lo, hi = interval(q)
    assert lo == pytest.approx(low) and hi == pytest.approx(high)
