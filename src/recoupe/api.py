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


# --- quotes and claims ----------------------------------------------------------------------------


@dataclass
class ClaimCluster:
    """Claims that state the same thing, with their modality mix and the outlets behind them."""

    id: str
    claims: list[dict[str, Any]]
    modalities: dict[str, int]
    sources: list[str]  # outlet names (or document titles/sources when the outlet is unknown)
    independent_sources: int
    entities: list[str]  # entity names the claims are about or attributed to

    @property
    def contested(self) -> bool:
        return "denied" in self.modalities and any(m != "denied" for m in self.modalities)


def _entity_matcher(entities: list[dict[str, Any]], query: str | None) -> set[str] | None:
    """Ids of the entities a user's query names (an id, or a name/alias containing the query), None for no filter."""
    if not query:
        return None
    from recoupe.resolve.text import fold

    q = fold(query)
    return {e["id"] for e in entities if e["id"] == query or any(q in fold(n) for n in [e["name"], *e.get("aliases", [])])}


def claim_clusters(db: str | Path, *, contested: bool = False, entity: str | None = None, min_size: int = 1) -> list[ClaimCluster]:
    """The claim clusters of the dossier at `db`, largest first; optionally only contested ones or those about an entity."""
    with store_for(db) as store:
        claims = store.read_table("claims")
        entities = store.read_table("entities")
        docs = {d.id: d for d in store.documents()}
    names = {e["id"]: e["name"] for e in entities}
    wanted = _entity_matcher(entities, entity)
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        groups.setdefault(c["cluster"] or c["id"], []).append(c)
    out: list[ClaimCluster] = []
    for cid, members in groups.items():
        ents = {e for c in members for e in [c.get("attributed_to"), *c.get("entities", [])] if e}
        if wanted is not None and not ents & wanted:
            continue
        outlets = []
        for c in members:
            d = docs.get(c["span"]["doc"])
            label = (d.outlet or d.title or d.source) if d else c["span"]["doc"]
            if label not in outlets:
                outlets.append(label)
        cl = ClaimCluster(
            id=cid, claims=members, modalities=dict(Counter(c["modality"] for c in members)), sources=outlets,
            independent_sources=max(c["independent_sources"] for c in members),
            entities=sorted(names.get(e, e) for e in ents),
        )
        if len(members) >= min_size and (not contested or cl.contested):
            out.append(cl)
    out.sort(key=lambda c: (-c.independent_sources, -len(c.claims), c.id))
    return out


def list_quotes(db: str | Path, *, speaker: str | None = None) -> list[dict[str, Any]]:
    """The quotes of the dossier at `db`, each with `speaker_name` (the resolved entity's name); optionally one speaker's."""
    from recoupe.resolve.text import fold

    with store_for(db) as store:
        quotes = store.read_table("quotes")
        entities = store.read_table("entities")
    names = {e["id"]: e["name"] for e in entities}
    wanted = _entity_matcher(entities, speaker)
    out = []
    for q in quotes:
        if wanted is not None and q["speaker"] not in wanted and not (speaker and q["speaker_text"] and fold(speaker) in fold(q["speaker_text"])):
            continue
        out.append({**q, "speaker_name": names.get(q["speaker"]) if q["speaker"] else None})
    return out


def evaluate_quotes_claims(db: str | Path, gold: str | Path) -> dict[str, Any]:
    """Score the quotes and claims of the dossier at `db` against a gold file (see recoupe.evaluate.quotes)."""
    from recoupe.evaluate.quotes import score_quotes_claims

    try:
        data = json.loads(Path(gold).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise RecoupeError(f"{gold}: cannot read the gold file ({e})") from None
    return score_quotes_claims(export_dossier(db, check=False), data)
