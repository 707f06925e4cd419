"""Fixtures shared by the analysis tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recoupe.analyze.runner import Analyzer
from recoupe.model import Analysis, Document

Run = Callable[[str], Analysis]


@pytest.fixture(scope="module")
def analyze_text() -> Run:
    """Analyze a text written for the test with names, quotes and claims (the spaCy model is cached per process)."""
    analyzer = Analyzer(["names", "quotes", "claims"])

    def run(text: str) -> Analysis:
        return analyzer.analyze(Document(id="doc-test", source="test.txt", text=text, language="fr"))

    return run
