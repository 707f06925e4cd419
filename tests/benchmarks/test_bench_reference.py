"""Slow lane: the writing-day inference benchmark runs end to end (its timings are read by people, not asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


@pytest.mark.slow
def test_bench_reference_smoke() -> None:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_reference.py"
    spec = importlib.util.spec_from_file_location("bench_reference", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = mod.bench(sizes=(40, 80))
    # every undated article tells of a happening dated elsewhere with its weekday: that weekday is read in each
    assert [(n, read) for n, _, _, read in rows] == [(40, 20), (80, 40)]
