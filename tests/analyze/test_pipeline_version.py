"""The analysis version a store compares: it changes when a language pack's data changes, so that a word added to
a lexicon re-analyses the documents of an existing store."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.analyze import runner


def test_the_pipeline_version_follows_the_packs_data(monkeypatch: pytest.MonkeyPatch) -> None:
    runner._pack_data_digest.cache_clear()
    before = runner.pipeline_version()
    assert runner.pipeline_version() == before  # stable in a process
    real = Path.read_bytes

    def edited(self: Path) -> bytes:
        data = real(self)
        return data + b" " if self.name == "speech.json" and self.parent.parent.name == "fr" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    runner._pack_data_digest.cache_clear()
    try:
        assert runner.pipeline_version() != before
    finally:
        monkeypatch.undo()
        runner._pack_data_digest.cache_clear()
    assert runner.pipeline_version() == before
