"""The Python API: every CLI command is a thin layer over one of these functions."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from recoupe.errors import RecoupeError
from recoupe.pipeline import BuildReport, build
from recoupe.present.export import dossier_json, validate
from recoupe.store import SQLiteStore, open_store

__all__ = ["BuildReport", "Summary", "build", "demo", "export_dossier", "open_store", "sample_corpus", "summary"]

DEFAULT_DB = "recoupe.db"


def sample_corpus() -> Path:
    """The folder of bundled sample articles (see its NOTICE)."""
    return Path(str(resources.files("recoupe.data").joinpath("sample")))


def export_dossier(db: str | Path, *, check: bool = True) -> dict[str, Any]:
    """The dossier stored at `db` in its contract JSON form, validated unless `check` is False."""
    _require_store(db)
    with open_store(db) as store:
        out = dossier_json(store)
    if check:
        validate(out)
    return out


@dataclass
class Summary:
    db: str
    documents: int
    duplicates: int
    dated: int
    languages: dict[str, int]
    entities: int
    entities_by_type: dict[str, int]
    top_names: list[tuple[str, str, int]]  # (name, type, mention count)
    events: int
    quotes: int
    claims: int
    contradictions: int
    skipped: list[tuple[str, str]]


def summary(db: str | Path, top: int = 10) -> Summary:
    """Counts and the most mentioned names of the dossier at `db`."""
    _require_store(db)
    with open_store(db) as store:
        docs = list(store.documents())
        dossier = store.read_dossier()
        skipped = store.skipped()
    ents = sorted(dossier.entities, key=lambda e: (-len(e["mentions"]), e["name"]))
    return Summary(
        db=str(db), documents=len(docs), duplicates=sum(1 for d in docs if d.duplicate_of),
        dated=sum(1 for d in docs if d.published), languages=dict(Counter(d.language or "?" for d in docs)),
        entities=len(ents), entities_by_type=dict(Counter(e["type"] for e in ents)),
        top_names=[(e["name"], e["type"], len(e["mentions"])) for e in ents[:top]],
        events=len(dossier.events), quotes=len(dossier.quotes), claims=len(dossier.claims),
        contradictions=len(dossier.contradictions), skipped=skipped,
    )


def demo(db: str | Path = DEFAULT_DB, *, jobs: int = 1, progress: bool | None = None) -> tuple[BuildReport, Summary]:
    """Build the bundled sample corpus into `db` and summarise it."""
    report = build([str(sample_corpus())], db, jobs=jobs, progress=progress)
    return report, summary(db)


def write_json(obj: Any, out: str | Path | None) -> str:
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
    return text


def _require_store(db: str | Path) -> None:
    if not Path(db).is_file():
        raise RecoupeError(f"{db}: no such store; build one first with `recoupe build SOURCE... --db {db}`")


def store_for(db: str | Path) -> SQLiteStore:
    _require_store(db)
    return open_store(db)


def contradictions(db: str | Path, *, kind: str | None = None, min_certainty: float = 0.0) -> list[dict[str, Any]]:
    """The contradictions of the dossier at `db`, most certain first (optionally one kind, above a certainty)."""
    _require_store(db)
    with open_store(db) as store:
        rows = store.read_table("contradictions")
    rows = [r for r in rows if (kind is None or r.get("kind") == kind) and r.get("certainty", 0.0) >= min_certainty]
    return sorted(rows, key=lambda r: (-r.get("certainty", 0.0), r.get("kind", ""), r.get("id", "")))


def document_labels(db: str | Path) -> dict[str, str]:
    """Document id -> a short label a reader recognises (title, else outlet, else source)."""
    _require_store(db)
    with open_store(db) as store:
        return {d.id: (d.title or d.outlet or Path(d.source).name or d.id) for d in store.documents()}
