"""Smoke runs of the benchmarks (slow lane): they must run and report sane figures, not be fast."""

from __future__ import annotations

import json
import os
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


@pytest.mark.slow
def test_benchmarks_build_on_dask_runs(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_build.py"), "--docs", "8", "--jobs", "2", "--executor", "dask",
                    "--json", str(out)], check=True, cwd=ROOT, timeout=900)
    res = json.loads(out.read_text())
    assert res["executor"] == "dask" and res["recoupe"]["docs"] == 8 and res["speed_ratio"] > 0


@pytest.mark.slow
def test_benchmarks_resolve_growth_runs(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_resolve.py"), "--sizes", "10", "20", "--json", str(out)],
                   check=True, cwd=ROOT, timeout=600)
    res = json.loads(out.read_text())
    assert [r["docs"] for r in res["rows"]] == [10, 20] and res["analysis_per_article_s"] > 0
    assert all(r["resolve_s"] > 0 and r["add_one_s"] > 0 and "entities" in r["steps_s"] for r in res["rows"])


@pytest.mark.slow
def test_benchmarks_store_runs(tmp_path: Path) -> None:
    from tests.store import pgcluster

    if pgcluster.server_binaries() is None and not os.environ.get(pgcluster.EXTERNAL):
        pytest.skip("no PostgreSQL server binaries (Debian's postgresql package)")
    out = tmp_path / "bench.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_store.py"), "--docs", "100", "--json", str(out)],
                   check=True, cwd=ROOT, timeout=600)
    res = json.loads(out.read_text())
    assert res["docs"] == 100 and set(res["ratios"]) >= {"add_document", "write_dossier", "search_facts_median"}
    assert all(v > 0 for v in res["ratios"].values())


@pytest.mark.slow
def test_benchmarks_long_doc_runs(tmp_path: Path) -> None:
    out = tmp_path / "long.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_long_doc.py"), "--chars", "12000", "--json", str(out)],
                   check=True, cwd=ROOT, timeout=900)
    res = json.loads(out.read_text())
    assert res["long"]["docs"] == 1 and res["short"]["docs"] > 1 and res["long"]["errors"] == 0
    assert abs(res["long"]["chars"] - res["short"]["chars"]) < 100 and res["time_ratio"] > 0 and res["memory_ratio"] > 0
