"""Where the analysis stage runs (docs/DESIGN.md, "Executors"). Analysis is a pure Document -> Analysis, so any
pool of workers gives the same analyses: `process` is analyze.analyze_stream (this process, or a fork pool with
--jobs); `dask` sends batches of documents to a Dask cluster, a LocalCluster of `jobs` worker processes unless a
scheduler's address is given. Each worker loads the model once and keeps it for every batch it is given.

On a PostgreSQL store (`stream_into_store`), a Dask task carries only document ids: the worker reads the documents
from the database, analyses them and writes the analyses itself, so neither texts nor analyses pass through the
scheduler and the builder; the builder receives a line per document (`Written`: its id and its errors)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from collections.abc import Iterable, Iterator
from typing import Any

from recoupe import analyze
from recoupe.analyze.runner import _batches  # the runner's batching, shared
from recoupe.errors import RecoupeError
from recoupe.model import Analysis, Document

EXECUTORS = ("process", "dask")
BATCH = 4  # documents per task: the runner's batch for nlp.pipe
CONNECT_SECONDS = 20  # how long to wait for a scheduler given by address
IN_FLIGHT_PER_WORKER = 2  # tasks submitted ahead per worker, so memory stays flat on a big corpus

# One analyzer per worker process and component list, loaded by the first task that needs it.
_ANALYZERS: dict[tuple[str, ...], Any] = {}


def analyze_batch(batch: list[dict[str, Any]], names: list[str]) -> list[dict[str, Any]]:
    """A Dask task: the analyses (as dicts) of a batch of documents (as dicts), on this worker's analyzer."""
    from recoupe.analyze.runner import Analyzer

    key = tuple(names)
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _ANALYZERS[key] = Analyzer(names)
    return [a.to_dict() for a in analyzer.analyze_many([Document.from_dict(d) for d in batch])]


@dataclass(frozen=True)
class Written:
    """An analysis a worker wrote into the store itself: which document, and the errors of its components."""

    doc: str
    errors: tuple[tuple[str, str], ...] = ()


_STORES: dict[str, Any] = {}  # one open store per worker process and address


def analyze_into_store(ids: list[str], names: list[str], address: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """A Dask task on a shared database: read these documents, analyse them, write the analyses (one transaction),
    and return (doc id, [(component, error)]) for each."""
    from recoupe.analyze.runner import Analyzer
    from recoupe.store import open_store

    store = _STORES.get(address)
    if store is None:
        store = _STORES[address] = open_store(address)
    key = tuple(names)
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _ANALYZERS[key] = Analyzer(names)
    docs = [d for d in (store.document(i) for i in ids) if d is not None]
    analyses = list(analyzer.analyze_many(docs))
    store.put_analyses(analyses)
    return [(a.doc, [(e["component"], e["error"]) for e in a.attrs.get("errors", [])]) for a in analyses]


def stream_into_store(ids: list[str], address: str, *, jobs: int = 1, names: list[str] | None = None,
                      scheduler: str | None = None) -> Iterator[Written]:
    """Analyse the documents of these ids on a Dask cluster whose workers read and write the database at `address`
    themselves; yields one `Written` per document as its batch finishes."""
    task_names = list(names or analyze.DEFAULT_PIPELINE)
    batches = ([ids[i:i + BATCH]] for i in range(0, len(ids), BATCH))
    for out in _on_dask(batches, lambda client, b: client.submit(analyze_into_store, b[0], task_names, address, pure=False),
                        jobs=jobs, scheduler=scheduler):
        for doc, errors in out:
            yield Written(doc, tuple((c, e) for c, e in errors))


def stream(executor: str, docs: Iterable[Document], *, jobs: int = 1, names: list[str] | None = None,
           scheduler: str | None = None, encoded: bool = False) -> Iterator[Any]:
    """The analyses of the documents, in no guaranteed order (each carries its doc id), on the chosen executor;
    with `encoded`, the process executor gives them as EncodedAnalysis (encoded by its workers; the others may
    still give Analysis: a store takes both)."""
    if executor == "process":
        yield from analyze.analyze_stream(docs, jobs=jobs, names=names, encoded=encoded)
    elif executor == "dask":
        yield from _dask_stream(docs, jobs=jobs, names=list(names or analyze.DEFAULT_PIPELINE), scheduler=scheduler)
    else:
        raise RecoupeError(f"--executor {executor}: unknown executor (expected one of {', '.join(EXECUTORS)})")


def _dask_stream(docs: Iterable[Document], *, jobs: int, names: list[str], scheduler: str | None) -> Iterator[Analysis]:
    for out in _on_dask(_batches(docs, BATCH), lambda client, b: client.submit(analyze_batch, b, names, pure=False),
                        jobs=jobs, scheduler=scheduler):
        for a in out:
            yield Analysis.from_dict(a)


def _on_dask(tasks: Iterable[Any], submit: Any, *, jobs: int, scheduler: str | None) -> Iterator[Any]:
    """The results of one task per item of `tasks` (`submit(client, item)` submits it), on the cluster at
    `scheduler` or on a LocalCluster of `jobs` workers, with a bounded number of tasks in flight."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - pinned in requirements.txt
        raise RecoupeError("--executor dask needs the dask and distributed packages (pip install 'dask[distributed]')") from None
    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
            except (OSError, TimeoutError) as e:
                raise RecoupeError(f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({e})") from None
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                   host="127.0.0.1", silence_logs=logging.ERROR)
            client = Client(cluster)
        with client:
            workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
            limit = workers * IN_FLIGHT_PER_WORKER
            done = as_completed()
            pending = 0
            try:
                for item in tasks:
                    done.add(submit(client, item))
                    pending += 1
                    while pending >= limit:
                        yield next(done).result()
                        pending -= 1
                for future in done:
                    yield future.result()
            except BaseException:
                client.cancel(list(done.futures))
                raise
    finally:
        if cluster is not None:
            cluster.close()
