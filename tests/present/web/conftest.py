"""Fixtures for the web UI: the hand-made dossier in a store, and TestClients over it and the sample."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.present.web import create_app
from tests.present.web.dossier_fixture import make_store


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made dossier (read-only for tests: copy it to change it)."""
    return make_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    """A private copy of the hand-made dossier, for tests that record corrections."""
    return make_store(tmp_path / "fresh.db")


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(base_url="http://localhost", app=create_app(web_db, language="en")) as c:  # English labels (test_i18n: both)
        yield c


@pytest.fixture(scope="session")
def sample_client(sample_db: Path) -> Iterator[TestClient]:
    with TestClient(base_url="http://localhost", app=create_app(sample_db, language="en")) as c:
        yield c
