"""Run the analysis pipeline over many documents, on one or several processes."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from recoupe import lang
from recoupe.version import __version__
from recoupe.analyze import nlp as nlp_mod
from recoupe.analyze.registry import DEFAULT_PIPELINE, Component, Context, resolve_pipeline, run_components
from recoupe.model import Analysis, Document

BATCH = 4  # measured: small batches are fastest for nlp.pipe on this model


def pipeline_version(names: list[str] | None = None) -> str:
    """A version string that changes whenever the analysis would: code version, model, components."""
    comps = resolve_pipeline(list(names or DEFAULT_PIPELINE))
    key = "|".join([__version__, nlp_mod.model_version()] + [f"{c.name}:{c.version}" for c in comps])
    return hashlib.sha1(key.encode()).hexdigest()[:12]


class Analyzer:
    """Analyze documents in one process: spaCy, then the registered components in order."""

    def __init__(self, names: list[str] | None = None) -> None:
        self.names = list(names or DEFAULT_PIPELINE)
        self.components: list[Component] = resolve_pipeline(self.names)
        self.version = pipeline_version(self.names)
        self.nlp = nlp_mod.load()
        self.pack = lang.pack("fr")  # choosing a pack per document's language is a later step

    def analyze_many(self, docs: list[Document]) -> Iterator[Analysis]:
        try:
            sdocs = list(self.nlp.pipe((d.text for d in docs), batch_size=BATCH))
        except Exception:
            # one document broke the parser: parse them one by one so that only that one is lost
            for doc in docs:
                try:
                    sdoc = self.nlp(doc.text)
                except Exception as e:
                    yield Analysis(doc=doc.id, version=self.version,
                                   attrs={"errors": [{"component": "spacy", "error": f"{type(e).__name__}: {e}".splitlines()[0][:300]}]})
                    continue
                yield self._finish(doc, sdoc)
            return
        for doc, sdoc in zip(docs, sdocs):
            yield self._finish(doc, sdoc)

    def analyze(self, doc: Document) -> Analysis:
        return self._finish(doc, self.nlp(doc.text))

    def _finish(self, doc: Document, sdoc: Any) -> Analysis:
        analysis = Analysis(doc=doc.id, version=self.version, sentences=[(s.start_char, s.end_char) for s in sdoc.sents])
        run_components(self.components, Context(document=doc, sdoc=sdoc, analysis=analysis, pack=self.pack))
        return analysis


_WORKER: Analyzer | None = None


def _init_worker(names: list[str]) -> None:
    global _WORKER
    _WORKER = Analyzer(names)


def _work(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert _WORKER is not None
    docs = [Document.from_dict(d) for d in batch]
    return [a.to_dict() for a in _WORKER.analyze_many(docs)]


def analyze_stream(docs: Iterable[Document], jobs: int = 1, names: list[str] | None = None) -> Iterator[Analysis]:
    """Analyses for the documents, in no guaranteed order when jobs > 1 (each carries its doc id)."""
    names = list(names or DEFAULT_PIPELINE)
    if jobs <= 1:
        analyzer = Analyzer(names)
        batch: list[Document] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= BATCH:
                yield from analyzer.analyze_many(batch)
                batch = []
        if batch:
            yield from analyzer.analyze_many(batch)
        return
    ctx = mp.get_context("fork")
    # Batches are read and submitted from this thread (the documents may come lazily from a store
    # connection that belongs to it), with a bounded number in flight so memory stays flat.
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(names,)) as pool:
        try:
            inflight: deque[Any] = deque()
            for batch in _batches(docs, BATCH):
                inflight.append(pool.apply_async(_work, (batch,)))
                while len(inflight) > jobs * 2:
                    yield from (Analysis.from_dict(a) for a in inflight.popleft().get())
            while inflight:
                yield from (Analysis.from_dict(a) for a in inflight.popleft().get())
        except BaseException:
            pool.terminate()
            raise


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for d in docs:
        batch.append(d.to_dict())
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
