"""The one orchestrator: ingest -> analyze -> resolve -> store."""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from recoupe import analyze, executors, ingest, lang, resolve
from recoupe.errors import IngestError, RecoupeError
from recoupe.ingest.dedup import NearDuplicateIndex, signature
from recoupe.ingest.normalize import normalize_text, shown, split_sections
from recoupe.model import Analysis, Document, Dossier, EncodedAnalysis, identity, make_id
from recoupe.store import Store, is_database_url, open_store

WRITE_BATCH = 8
PROGRESS_MIN = 4  # show a progress bar from this many documents on
# The longest text analysed in one piece (stated in the README): a longer one, up to ingest.MAX_CHARS, is cut at
# paragraph breaks into sections of at most this length, each stored and analysed as a document of its own, so
# the memory one analysis takes stays bounded (one 985 000-character text took 4.2 GB in one piece).
MAX_SECTION_CHARS = 50_000


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit code."""

    db: str
    read: int = 0
    added: int = 0
    unchanged: int = 0
    replaced: int = 0  # old versions of edited sources retracted
    duplicates: int = 0
    analyzed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    dossier_written: bool = False
    dossier_rows: dict[str, int] = field(default_factory=dict)  # what the write did to the rows (kept, added, ...)
    ignored: int = 0  # files of other types inside the given folders
    analysis_errors: list[tuple[str, str]] = field(default_factory=list)  # (doc id, "component: error")
    passed_over: list[tuple[str, str]] = field(default_factory=list)  # (path, why): hidden entries, links to folders
    shared_source: list[tuple[str, str]] = field(default_factory=list)  # (where, source): a 2nd document of a source
    repeated: list[tuple[str, str]] = field(default_factory=list)  # (where, source): the same record again, read once
    notes: list[tuple[str, str]] = field(default_factory=list)  # (where, note): a field present but unusable
    sections: list[tuple[str, int]] = field(default_factory=list)  # (source, n): a long text cut into n sections

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.analysis_errors

    def skipped_by_reason(self) -> Counter[str]:
        return Counter(reason.split(" (")[0] for _, reason in self.skipped)


def build(sources: list[str], db: str | Path, *, jobs: int = 1, progress: bool | None = None,
          components: list[str] | None = None, log: Callable[[str], None] | None = None,
          executor: str = "process", scheduler: str | None = None) -> BuildReport:
    """Read every source into the store at `db` (a file: SQLite; a postgresql:// URL: PostgreSQL), analyze what
    is new or stale on the chosen executor (`process`: this process or `jobs` forked ones; `dask`: a Dask
    LocalCluster of `jobs` workers, or the cluster whose `scheduler` address is given), and resolve the dossier."""
    if executor not in executors.EXECUTORS:
        raise RecoupeError(f"--executor {executor}: unknown executor (expected one of {', '.join(executors.EXECUTORS)})")
    if scheduler and executor != "dask":
        raise RecoupeError(f"--scheduler {scheduler}: a scheduler address needs --executor dask")
    say = log or (lambda line: print(line, file=sys.stderr))
    report = BuildReport(db=str(db))
    store = open_store(db)
    try:
        _ingest(store, sources, report, say, progress)
        _analyze(store, report, jobs, progress, components, executor, scheduler)
        documents = list(store.documents())
        analyses = list(store.analyses())
        fp = resolve.fingerprint(analyses, documents)
        if store.get_meta("dossier_fingerprint") != fp:
            dossier = resolve.resolve(documents, analyses, pack=lang.pack("fr"))
            report.dossier_written = store.write_dossier(dossier, fp, _retired(store, dossier))
            report.dossier_rows = dict(store.last_write)
    finally:
        store.close()
    return report


def _retired(store: Store, dossier: Dossier) -> dict[str, str]:
    """The ids of the stored dossier that this one retires, each to the record holding its members now."""
    if store.get_meta("dossier_fingerprint") is None:
        return {}
    return identity.redirects(store.read_dossier().to_contract(), dossier.to_contract())


@dataclass
class _Reading:
    """What this build has read so far: per source, the documents it gave and from which record."""

    index: NearDuplicateIndex
    claimed: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # source -> [(doc id, record number)]
    records: int = 0


def _ingest(store: Store, sources: list[str], report: BuildReport, say: Callable[[str], None], progress: bool | None) -> None:
    """Read every file; each record gives one document (or its sections), or is reported. A source's documents
    that this build no longer read (the old version of an edited article) are retracted at the end."""
    reading = _Reading(NearDuplicateIndex())
    for doc_id, sig in store.signatures():
        reading.index.add(doc_id, sig)
    passed: list[tuple[str, str]] = []
    files = list(ingest.iter_files(sources, passed))
    for where, why in passed:
        if why.startswith("other file type"):
            report.ignored += 1
        else:
            report.passed_over.append((where, why))
            say(f"passed over {shown(where)}: {why}")
    bar = tqdm(files, desc="reading", unit="file", disable=_quiet(progress, len(files)), file=sys.stderr)
    for entry in bar:
        if isinstance(entry, IngestError):
            _skip(store, report, say, entry)
            continue
        path, source = entry
        store.clear_skipped(source)
        for item in ingest.read_file(path, source):
            if isinstance(item, IngestError):
                _skip(store, report, say, item)
                continue
            report.read += 1
            reading.records += 1
            where = item.where or item.source
            for note in item.notes:
                _note(report.notes, where, note, say)
            for doc in _documents(item, report, say, store):
                _store_document(store, reading, doc, report, where, say)
    _retract_old_versions(store, reading, report)


def _documents(raw: ingest.RawArticle, report: BuildReport, say: Callable[[str], None], store: Store) -> list[Document]:
    """The document of a raw article, or of each of its sections when its text is longer than MAX_SECTION_CHARS;
    the sections keep the article's source, outlet and publication date, and their title says which part."""
    where = raw.where or raw.source  # a record's problem is named by its file and line
    try:
        if len(raw.text) <= MAX_SECTION_CHARS:
            return [ingest.to_document(raw)]
        text = normalize_text(raw.text)
        if len(text) > ingest.MAX_CHARS:
            raise IngestError(where, f"text too long to analyze ({len(text)} characters; the limit is {ingest.MAX_CHARS}): split it into articles")
        pieces = split_sections(text, MAX_SECTION_CHARS)
        if len(pieces) <= 1:
            return [ingest.to_document(raw)]
    except IngestError as e:
        _skip(store, report, say, IngestError(where, e.reason))
        return []
    docs: list[Document] = []
    n = len(pieces)
    for k, (a, b) in enumerate(pieces, 1):
        part = f"(part {k} of {n})"
        try:
            doc = ingest.to_document(dataclasses.replace(raw, text=text[a:b], title=f"{raw.title} {part}" if raw.title else part))
        except IngestError as e:
            _skip(store, report, say, IngestError(f"{where} {part}", e.reason))
            continue
        if docs:  # the date is the article's, read from its head: later sections do not look for one of their own
            doc.published, doc.published_precision, doc.published_from = docs[0].published, docs[0].published_precision, docs[0].published_from
        docs.append(doc)
    report.sections.append((raw.source, n))
    return docs


def _store_document(store: Store, reading: _Reading, doc: Document, report: BuildReport, where: str,
                    say: Callable[[str], None]) -> None:
    """Store one document unless it is there already. One id per real document: a second record with the same
    source and another text is a second document (reported); the same record again is read once."""
    mine = reading.claimed.setdefault(doc.source, [])
    same_text = store.document_by_hash(doc.content_hash)
    known = next((i for i, src in same_text if src == doc.source), None)
    if known is not None and any(i == known for i, _ in mine):
        report.repeated.append((where, doc.source))
        say(f"note {shown(where)}: the same source and text as an earlier record: read once")
        return
    if any(rec != reading.records for _, rec in mine):  # sections of one record share its source
        report.shared_source.append((where, doc.source))
        say(f"note {shown(where)}: another document has the source {shown(doc.source)} (different text): kept as a second document")
    if known is not None:
        mine.append((known, reading.records))
        report.unchanged += 1
        return
    sig = signature(doc.text)
    if same_text:
        # The same text from another source: an exact copy, kept as its own document pointing at the first.
        doc.id = make_id("doc", doc.content_hash, doc.source)
        doc.duplicate_of = same_text[0][0]
    else:
        # never a copy of this source's old version, which this build retracts
        old = set(store.source_documents(doc.source)) - {i for i, _ in mine}
        doc.duplicate_of = reading.index.find(sig, skip=old)
    mine.append((doc.id, reading.records))
    if store.add_document(doc, sig):
        report.added += 1
        if doc.duplicate_of:
            report.duplicates += 1
        else:
            reading.index.add(doc.id, sig)
    else:
        report.unchanged += 1


def _retract_old_versions(store: Store, reading: _Reading, report: BuildReport) -> None:
    """Retract, for every source read, the stored documents this build did not read from it again."""
    for source, mine in reading.claimed.items():
        keep = {i for i, _ in mine}
        old = [i for i in store.source_documents(source) if i not in keep]
        if old:
            store.retract(old)
            report.replaced += len(old)


def _analyze(store: Store, report: BuildReport, jobs: int, progress: bool | None, components: list[str] | None,
             executor: str = "process", scheduler: str | None = None) -> None:
    version = analyze.pipeline_version(components)
    pending = store.pending_analysis(version)
    if not pending:
        return
    bar = tqdm(total=len(pending), desc="analyzing", unit="doc", disable=_quiet(progress, len(pending)), file=sys.stderr)
    if executor == "dask" and is_database_url(store.path):
        # the workers read the documents and write their analyses into the shared database themselves (each batch
        # in one transaction: an interrupted build keeps what they finished)
        try:
            for w in executors.stream_into_store(pending, store.path, jobs=jobs, names=components, scheduler=scheduler):
                report.analyzed += 1
                report.analysis_errors += [(w.doc, f"{c}: {e}") for c, e in w.errors]
                bar.update(1)
        finally:
            bar.close()
        return
    docs = (d for d in (store.document(i) for i in pending) if d is not None)
    batch: list[Analysis | EncodedAnalysis] = []
    try:
        for a in executors.stream(executor, docs, jobs=jobs, names=components, scheduler=scheduler, encoded=True):
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


def _save(store: Store, batch: list[Analysis | EncodedAnalysis], report: BuildReport) -> None:
    encoded = [a if isinstance(a, EncodedAnalysis) else a.encode() for a in batch]
    store.put_analyses(encoded)
    report.analyzed += len(encoded)
    for a in encoded:
        for component, error in a.errors:
            report.analysis_errors.append((a.doc, f"{component}: {error}"))


def _skip(store: Store, report: BuildReport, say: Callable[[str], None], err: IngestError) -> None:
    report.skipped.append((err.source, err.reason))
    store.log_skipped(err.source, err.reason)
    say(f"skipped {shown(err.source)}: {shown(err.reason)}")


def _note(notes: list[tuple[str, str]], where: str, note: str, say: Callable[[str], None]) -> None:
    notes.append((where, note))
    say(f"note {shown(where)}: {shown(note)}")


def _quiet(progress: bool | None, n: int) -> bool:
    if progress is None:
        return n < PROGRESS_MIN
    return not progress
