"""Shared fixtures: the sample corpus built once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe import api
from recoupe.present import queries


@pytest.fixture(scope="module")
def parse() -> Any:
    """The spaCy pipeline (loaded once per process), to parse a sentence written for a test."""
    from recoupe.analyze import nlp

    return nlp.load()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the bundled sample corpus (built once; tests must not modify it)."""
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    report = api.build([str(api.sample_corpus())], db, progress=False)
    assert report.ok and report.added == 5
    return db


@pytest.fixture(scope="session")
def sample_dossier(sample_db: Path) -> dict:
    return queries.export_dossier(sample_db)
