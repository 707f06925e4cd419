"""The analysis executors (recoupe.executors): choosing one, and the errors of a wrong choice. That every
executor gives the same dossier is tests/store/test_store_engines.py's slow test."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe import executors, pipeline
from recoupe.cli import main
from recoupe.errors import RecoupeError


def test_executors_unknown_one_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(RecoupeError, match="--executor spark: unknown executor"):
        pipeline.build([str(tmp_path)], tmp_path / "x.db", executor="spark")
    assert not (tmp_path / "x.db").exists()


def test_executors_a_scheduler_needs_the_dask_executor(tmp_path: Path) -> None:
    with pytest.raises(RecoupeError, match="a scheduler address needs --executor dask"):
        pipeline.build([str(tmp_path)], tmp_path / "x.db", scheduler="tcp://127.0.0.1:8786")


def test_executors_cli_lists_the_choices(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["build", str(tmp_path), "--db", str(tmp_path / "x.db"), "--executor", "spark"])
    assert r.exit_code == 2 and "'process'" in r.output and "'dask'" in r.output


def test_executors_an_unreachable_scheduler_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executors, "CONNECT_SECONDS", 1)
    with pytest.raises(RecoupeError, match="--scheduler tcp://127.0.0.1:9: cannot reach a Dask scheduler"):
        list(executors.stream("dask", iter([]), scheduler="tcp://127.0.0.1:9"))
