"""Fixtures for resolution tests: the real gazetteer index (built once into the user cache, then reused)."""

from __future__ import annotations

import pytest

from recoupe import lang
from recoupe.geo.gazetteer import Gazetteer, open_gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return open_gazetteer(lang.pack("fr").geo)
