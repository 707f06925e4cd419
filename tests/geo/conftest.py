"""Fixtures for resolution tests: the real gazetteer index (built once into the user cache, then reused)."""

from __future__ import annotations

import pytest

from recoupe.geo.gazetteer import Gazetteer, open_gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return open_gazetteer()
