"""Run the analysis pipeline over many documents, on one or several processes."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from recoupe import lang
from recoupe.version import __version__
from recoupe.analyze import nlp as nlp_mod
from recoupe.analyze.registry import DEFAULT_PIPELINE, Component, Context, resolve_pipeline, run_components
from recoupe.model import Analysis, Document, EncodedAnalysis

BATCH = 4  # measured: small batches are fastest for nlp.pipe on this model


def pipeline_version(names: list[str] | None = None) -> str:
    """A version string that changes whenever the analysis would: code version, model, components, and the
    language packs' data (a word added to a lexicon re-analyses a store's documents as a component's version does)."""
    comps = resolve_pipeline(list(names or DEFAULT_PIPELINE))
    models = [nlp_mod.model_version(code) for code in sorted(nlp_mod.MODELS)]
    key = "|".join([__version__, *models] + [f"{c.name}:{c.version}" for c in comps] + [_pack_data_digest()])
    return hashlib.sha1(key.encode()).hexdigest()[:12]


@lru_cache(maxsize=1)
def _pack_data_digest() -> str:
    """A digest of every installed language pack's data files."""
    h = hashlib.sha1()
    root = Path(lang.__file__).parent
    for f in sorted(root.glob("*/data/*")):
        if f.is_file():
            h.update(f.relative_to(root).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def language_of(doc: Document) -> str:
    """The language a document is analysed in: its detected language when recoupe has a pack and a model for it,
    else the default (French)."""
    code = (doc.language or lang.DEFAULT).split("-")[0].lower()
    return code if code in nlp_mod.MODELS and code in lang.known() else lang.DEFAULT


class Analyzer:
    """Analyze documents in one process: spaCy, then the registered components in order, each document with the
    model and language pack of its detected language."""

    def __init__(self, names: list[str] | None = None) -> None:
        self.names = list(names or DEFAULT_PIPELINE)
        self.components: list[Component] = resolve_pipeline(self.names)
        self.version = pipeline_version(self.names)
        self.nlp = nlp_mod.load()
        self.pack = lang.pack(lang.DEFAULT)
        self._missing: dict[str, str] = {}  # language -> the one line said when its model is missing

    def _pipeline(self, code: str) -> tuple[Any, Any] | None:
        """(spaCy model, language pack) for a language, or None when its model is not installed (said once)."""
        if code == lang.DEFAULT:
            return self.nlp, self.pack
        if code in self._missing:
            return None
        try:
            return nlp_mod.load(code), lang.pack(code)
        except nlp_mod.ModelMissing as e:
            self._missing[code] = str(e)
            print(f"recoupe: {e}; documents in this language are kept but not analysed", file=sys.stderr)
            return None

    def analyze_many(self, docs: list[Document]) -> Iterator[Analysis]:
        by_lang: dict[str, list[Document]] = {}
        for d in docs:
            by_lang.setdefault(language_of(d), []).append(d)
        for code, group in by_lang.items():
            pipe = self._pipeline(code)
            if pipe is None:
                for doc in group:
                    yield Analysis(doc=doc.id, version=self.version,
                                   attrs={"errors": [{"component": "spacy", "error": self._missing[code]}]})
                continue
            yield from self._analyze_group(group, *pipe)

    def _analyze_group(self, docs: list[Document], nlp: Any, pack: Any) -> Iterator[Analysis]:
        try:
            sdocs = list(nlp.pipe((d.text for d in docs), batch_size=BATCH))
        except Exception:
            # one document broke the parser: parse them one by one so that only that one is lost
            for doc in docs:
                try:
                    sdoc = nlp(doc.text)
                except Exception as e:
                    yield Analysis(doc=doc.id, version=self.version,
                                   attrs={"errors": [{"component": "spacy", "error": f"{type(e).__name__}: {e}".splitlines()[0][:300]}]})
                    continue
                yield self._finish(doc, sdoc, pack)
            return
        for doc, sdoc in zip(docs, sdocs):
            yield self._finish(doc, sdoc, pack)

    def analyze(self, doc: Document) -> Analysis:
        return next(iter(self.analyze_many([doc])))

    def _finish(self, doc: Document, sdoc: Any, pack: Any) -> Analysis:
        analysis = Analysis(doc=doc.id, version=self.version, sentences=[(s.start_char, s.end_char) for s in sdoc.sents])
        run_components(self.components, Context(document=doc, sdoc=sdoc, analysis=analysis, pack=pack))
        return analysis


_WORKER: Analyzer | None = None  # the analyzer of a forked worker: loaded by the parent before the fork, inherited


def _work(batch: list[dict[str, Any]], encoded: bool = False) -> list[dict[str, Any]] | list[EncodedAnalysis]:
    assert _WORKER is not None
    docs = [Document.from_dict(d) for d in batch]
    if encoded:  # the store's JSON made here, in the worker, not in the builder
        return [a.encode() for a in _WORKER.analyze_many(docs)]
    return [a.to_dict() for a in _WORKER.analyze_many(docs)]


def analyze_stream(docs: Iterable[Document], jobs: int = 1, names: list[str] | None = None,
                   encoded: bool = False) -> Iterator[Any]:
    """Analyses for the documents, in no guaranteed order when jobs > 1 (each carries its doc id); with `encoded`,
    as EncodedAnalysis (the store's JSON, made by the worker) rather than Analysis."""
    names = list(names or DEFAULT_PIPELINE)
    if jobs <= 1:
        analyzer = Analyzer(names)
        out = (lambda a: a.encode()) if encoded else (lambda a: a)
        batch: list[Document] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= BATCH:
                yield from map(out, analyzer.analyze_many(batch))
                batch = []
        if batch:
            yield from map(out, analyzer.analyze_many(batch))
        return
    global _WORKER
    ctx = mp.get_context("fork")
    # The model and the components are loaded once, here, before the fork: the workers inherit them (copy-on-write)
    # instead of each loading its own, which costs as much as analysing dozens of documents. Batches are read and
    # submitted from this thread (the documents may come lazily from a store connection that belongs to it), with
    # a bounded number in flight so memory stays flat.
    _WORKER = Analyzer(names)
    try:
        with ctx.Pool(jobs) as pool:
            try:
                inflight: deque[Any] = deque()
                take = (lambda r: r) if encoded else (lambda r: (Analysis.from_dict(a) for a in r))
                for batch in _batches(docs, BATCH):
                    inflight.append(pool.apply_async(_work, (batch, encoded)))
                    while len(inflight) > jobs * 2:
                        yield from take(inflight.popleft().get())
                while inflight:
                    yield from take(inflight.popleft().get())
            except BaseException:
                pool.terminate()
                raise
    finally:
        _WORKER = None  # the builder itself analyses nothing: its copy goes before resolution


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for d in docs:
        batch.append(d.to_dict())
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
