"""Building a dossier: the orchestrator's entry points for the Python API and the CLI (reading a built dossier is
`recoupe.present.queries`; `recoupe/__init__.py` exposes both)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from recoupe.pipeline import BuildReport, build

__all__ = ["DEFAULT_DB", "BuildReport", "build", "build_sample", "sample_corpus"]

DEFAULT_DB = "recoupe.db"


def sample_corpus() -> Path:
    """The folder of bundled sample articles (see its NOTICE)."""
    return Path(str(resources.files("recoupe.data").joinpath("sample")))


def build_sample(db: str | Path = DEFAULT_DB, *, jobs: int = 1, progress: bool | None = None) -> BuildReport:
    """Build the bundled sample corpus into `db`."""
    return build([str(sample_corpus())], db, jobs=jobs, progress=progress)


