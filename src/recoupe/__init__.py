"""recoupe: turn a pile of news articles about one story into a sourced dossier.

The Python API::

    import recoupe
    report = recoupe.build(["articles/"], "story.db", jobs=2)     # read, analyze, resolve, store
    dossier = recoupe.export_dossier("story.db")                  # the contract's JSON, corrections applied
    for c in recoupe.claim_clusters("story.db", contested=True):  # what the CLI prints, as objects
        ...

Every reader takes `as_built=True` to see the dossier as the last build wrote it, without the analyst's corrections.
"""

from __future__ import annotations

from typing import Any

from recoupe.version import __version__

# name -> the module that defines it (imported on first use, so `import recoupe` stays cheap: spaCy loads only
# when a build runs)
_API = {
    "build": "recoupe.api", "build_sample": "recoupe.api", "sample_corpus": "recoupe.api", "BuildReport": "recoupe.api",
    "open_store": "recoupe.store", "Store": "recoupe.store",
    "export_dossier": "recoupe.present.queries", "summary": "recoupe.present.queries", "Summary": "recoupe.present.queries",
    "entities": "recoupe.present.queries", "entity_mentions": "recoupe.present.queries", "events": "recoupe.present.queries",
    "claim_clusters": "recoupe.present.queries", "ClaimCluster": "recoupe.present.queries",
    "list_quotes": "recoupe.present.queries", "contradictions": "recoupe.present.queries",
    "places": "recoupe.present.queries", "timeline": "recoupe.present.queries", "export_geojson": "recoupe.present.queries",
    "read_model": "recoupe.present.queries",
}

__all__ = ["__version__", "demo", *sorted(_API)]


def demo(db: str = "recoupe.db", *, jobs: int = 1, progress: bool | None = None) -> tuple[Any, Any]:
    """Build the bundled sample corpus into `db`; return the build report and the dossier's summary."""
    from recoupe.api import build_sample
    from recoupe.present.queries import summary

    report = build_sample(db, jobs=jobs, progress=progress)
    return report, summary(db)


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'recoupe' has no attribute {name!r}")
    import importlib

    attr = "model" if name == "read_model" else name
    return getattr(importlib.import_module(module), attr)
