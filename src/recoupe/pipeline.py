"""The one orchestrator: ingest -> analyze -> resolve -> store."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from recoupe import analyze, ingest, lang, resolve
from recoupe.errors import IngestError
from recoupe.ingest.dedup import NearDuplicateIndex, signature
from recoupe.model import Analysis, Document, make_id
from recoupe.store import Store, open_store

WRITE_BATCH = 8
PROGRESS_MIN = 4  # show a progress bar from this many documents on


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit code."""

    db: str
    read: int = 0
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    duplicates: int = 0
    analyzed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    dossier_written: bool = False
    ignored: int = 0  # files of other types inside the given folders
    analysis_errors: list[tuple[str, str]] = field(default_factory=list)  # (doc id, "component: error")

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.analysis_errors

    def skipped_by_reason(self) -> Counter[str]:
        return Counter(reason.split(" (")[0] for _, reason in self.skipped)


def build(sources: list[str], db: str | Path, *, jobs: int = 1, progress: bool | None = None,
          components: list[str] | None = None, log: Callable[[str], None] | None = None) -> BuildReport:
    """Read every source into the store at `db`, analyze what is new or stale, and resolve the dossier."""
    say = log or (lambda line: print(line, file=sys.stderr))
    report = BuildReport(db=str(db))
    store = open_store(db)
    try:
        _ingest(store, sources, report, say, progress)
        _analyze(store, report, jobs, progress, components)
        documents = list(store.documents())
        analyses = list(store.analyses())
        fp = resolve.fingerprint(analyses, documents)
        if store.get_meta("dossier_fingerprint") != fp:
            dossier = resolve.resolve(documents, analyses, pack=lang.pack("fr"))
            report.dossier_written = store.write_dossier(dossier, fp)
    finally:
        store.close()
    return report


def _ingest(store: Store, sources: list[str], report: BuildReport, say: Callable[[str], None], progress: bool | None) -> None:
    index = NearDuplicateIndex()
    for doc_id, sig in store.signatures():
        index.add(doc_id, sig)
    ignored: list[str] = []
    files = list(ingest.iter_files(sources, ignored))
    report.ignored = len(ignored)
    bar = tqdm(files, desc="reading", unit="file", disable=_quiet(progress, len(files)), file=sys.stderr)
    for path, source in bar:
        for item in ingest.read_file(path, source):
            if isinstance(item, IngestError):
                _skip(store, report, say, item)
                continue
            report.read += 1
            try:
                doc = ingest.to_document(item)
            except IngestError as e:
                _skip(store, report, say, e)
                continue
            _store_document(store, index, doc, report)


def _store_document(store: Store, index: NearDuplicateIndex, doc: Document, report: BuildReport) -> None:
    same_text = store.document_by_hash(doc.content_hash)
    if any(src == doc.source for _, src in same_text):
        report.unchanged += 1
        return
    sig = None
    if same_text:
        # The same text from another source: an exact copy, kept as its own document pointing at the first.
        doc.id = make_id("doc", doc.content_hash, doc.source)
        if store.has_document(doc.id):
            report.unchanged += 1
            return
        doc.duplicate_of = same_text[0][0]
    else:
        sig = signature(doc.text)
        doc.duplicate_of = index.find(sig)
    if store.remove_source(doc.source):
        report.replaced += 1
    if store.add_document(doc, sig):
        report.added += 1
        if doc.duplicate_of:
            report.duplicates += 1
        elif sig is not None:
            index.add(doc.id, sig)


def _analyze(store: Store, report: BuildReport, jobs: int, progress: bool | None, components: list[str] | None) -> None:
    version = analyze.pipeline_version(components)
    pending = store.pending_analysis(version)
    if not pending:
        return
    docs = (d for d in (store.document(i) for i in pending) if d is not None)
    bar = tqdm(total=len(pending), desc="analyzing", unit="doc", disable=_quiet(progress, len(pending)), file=sys.stderr)
    batch: list[Analysis] = []
    try:
        for a in analyze.analyze_stream(docs, jobs=jobs, names=components):
            batch.append(a)
            bar.update(1)
            if len(batch) >= WRITE_BATCH:
                _save(store, batch, report)
                batch = []
    finally:
        # whatever finished is kept, so an interrupted build resumes where it stopped
        if batch:
            _save(store, batch, report)
        bar.close()


def _save(store: Store, batch: list[Analysis], report: BuildReport) -> None:
    store.put_analyses(batch)
    report.analyzed += len(batch)
    for a in batch:
        for err in a.attrs.get("errors", []):
            report.analysis_errors.append((a.doc, f"{err['component']}: {err['error']}"))


def _skip(store: Store, report: BuildReport, say: Callable[[str], None], err: IngestError) -> None:
    report.skipped.append((err.source, err.reason))
    store.log_skipped(err.source, err.reason)
    say(f"skipped {err.source}: {err.reason}")


def _quiet(progress: bool | None, n: int) -> bool:
    if progress is None:
        return n < PROGRESS_MIN
    return not progress
