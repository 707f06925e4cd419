"""Smoke runs of the benchmarks (slow lane): they must run and report sane figures, not be fast."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_benchmarks_build_runs(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_build.py"), "--docs", "12", "--jobs", "2", "--json", str(out)],
                   check=True, cwd=ROOT, timeout=600)
    res = json.loads(out.read_text())
    assert res["recoupe"]["docs"] == 12 and res["speed_ratio"] > 0 and res["memory_ratio"] > 0
