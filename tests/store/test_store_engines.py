"""One corpus, every engine and executor, one dossier (issue 20): a build on SQLite and on PostgreSQL, with the
analysis in this process, in a fork pool, on a local Dask cluster and on a running Dask scheduler, export the same
JSON; the engine is chosen by the address alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recoupe import pipeline
from recoupe.errors import RecoupeError
from recoupe.present import queries
from recoupe.store import is_database_url, open_store, shown_address, store_exists
from tests.test_pipeline import A, B, C

At = Callable[[str], str]


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in (("a.txt", " date 2024-02-13 " + A), ("b.txt", B), ("c.txt", C)):
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_store_the_address_chooses_the_engine(store_at: At, engine: str) -> None:
    db = store_at("s.db")
    assert is_database_url(db) == (engine == "postgresql")
    assert not store_exists(db)
    with open_store(db) as s:
        assert type(s).__name__ == {"sqlite": "SQLiteStore", "postgresql": "PostgresStore"}[engine]
    assert store_exists(db)


def test_store_a_database_url_is_shown_without_its_password() -> None:
    assert shown_address("postgresql://ana:s3cret@db.local:5433/dossier") == "postgresql://ana:***@db.local:5433/dossier"
    assert shown_address("postgresql://ana@db.local/dossier") == "postgresql://ana@db.local/dossier"


def test_store_an_unreachable_server_is_one_clear_error() -> None:
    with pytest.raises(RecoupeError, match=r"postgresql://x:\*\*\*@127.0.0.1:9/none: cannot connect"):
        open_store("postgresql://x:pw@127.0.0.1:9/none", wait=1)


@pytest.mark.slow
def test_store_every_engine_and_executor_gives_the_same_dossier(tmp_path: Path, pg_server: str | None,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import LocalCluster

    src = str(_corpus(tmp_path))
    reference = tmp_path / "ref.db"
    pipeline.build([src], reference, progress=False, jobs=2)  # the process pool
    expected = queries.export_dossier(reference)
    assert expected["entities"] and expected["claims"]
    builds: list[tuple[str, dict]] = []
    dask_db = tmp_path / "dask.db"
    pipeline.build([src], dask_db, progress=False, jobs=2, executor="dask")  # a LocalCluster of its own
    builds.append(("sqlite, dask local", queries.export_dossier(dask_db)))
    if pg_server is not None:
        from tests.store import pgcluster

        with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None, host="127.0.0.1") as cluster:
            url = pgcluster.new_database(pg_server)
            from recoupe.store.postgres import PostgresStore

            def not_here(*_: object) -> None:
                raise AssertionError("on PostgreSQL the Dask workers write the analyses, not the builder")

            with monkeypatch.context() as m:  # the builder's process only: the workers are processes of their own
                m.setattr(PostgresStore, "put_analyses", not_here)
                report = pipeline.build([src], url, progress=False, executor="dask", scheduler=cluster.scheduler_address)
            assert report.analyzed == 3 and report.ok
            builds.append(("postgresql, dask scheduler, workers writing", queries.export_dossier(url)))
        url = pgcluster.new_database(pg_server)
        pipeline.build([src], url, progress=False)
        builds.append(("postgresql, this process", queries.export_dossier(url)))
    for what, got in builds:
        assert got == expected, what
