"""Slow lane: the merge benchmark runs end to end (its timings are read by people, not asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


@pytest.mark.slow
def test_bench_merge_smoke() -> None:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_merge.py"
    spec = importlib.util.spec_from_file_location("bench_merge", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = mod.bench(sizes=(200, 400), repeat=1)
    # each happening is reported about four times: merging must find far fewer events than cues
    assert [n for n, _, _ in rows] == [200, 400] and all(0 < ev < n for n, _, ev in rows)
