"""An analyzer shared by the analysis tests (the spaCy model loads once)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recoupe.analyze.runner import Analyzer
from recoupe.model import Analysis, Document


@pytest.fixture(scope="session")
def analyze_text() -> Callable[[str], Analysis]:
    analyzer = Analyzer(["names", "quotes", "claims"])

    def run(text: str) -> Analysis:
        return analyzer.analyze(Document(id="doc-test", source="test.txt", text=text, language="fr"))

    return run
