"""Every store test runs on each engine: `store_at` gives a new store address, a SQLite file or a PostgreSQL
database on a throwaway server (skipped when no PostgreSQL server binaries are installed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
import os
from pathlib import Path

import pytest

from tests.store import pgcluster

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str | None]:
    with pgcluster.server() as url:
        yield url


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_at(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[str], str]]:
    """A function giving the address of a new, empty store for a name (the same name: the same store)."""
    made: dict[str, str] = {}
    base: str | None = None
    if engine == "postgresql":
        base = request.getfixturevalue("pg_server")
        if base is None:
            if os.environ.get("RECOUPE_REQUIRE_POSTGRES") == "1":
                pytest.fail("RECOUPE_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries (scripts/install_postgres.sh)")
            pytest.skip("no PostgreSQL server binaries (Debian's postgresql package) and no RECOUPE_TEST_POSTGRES")

    def at(name: str) -> str:
        if name not in made:
            made[name] = str(tmp_path / name) if base is None else pgcluster.new_database(base)
        return made[name]

    yield at
    if base is not None and pgcluster.EXTERNAL in os.environ:  # a throwaway server goes with its databases
        for url in made.values():
            pgcluster.drop_database(url)
