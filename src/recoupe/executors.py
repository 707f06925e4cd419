"""Where the analysis stage runs (docs/DESIGN.md, "Executors"). Analysis is a pure Document -> Analysis, so any
pool of workers gives the same analyses: `process` is analyze.analyze_stream (this process, or a fork pool with
--jobs); `dask` sends batches of documents to a Dask cluster, a LocalCluster of `jobs` worker processes unless a
scheduler's address is given. Each worker loads the model once and keeps it for every batch it is given."""

from __future__ import annotations

import logging
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


def stream(executor: str, docs: Iterable[Document], *, jobs: int = 1, names: list[str] | None = None,
           scheduler: str | None = None) -> Iterator[Analysis]:
    """The analyses of the documents, in no guaranteed order (each carries its doc id), on the chosen executor."""
    if executor == "process":
        yield from analyze.analyze_stream(docs, jobs=jobs, names=names)
    elif executor == "dask":
        yield from _dask_stream(docs, jobs=jobs, names=list(names or analyze.DEFAULT_PIPELINE), scheduler=scheduler)
    else:
        raise RecoupeError(f"--executor {executor}: unknown executor (expected one of {', '.join(EXECUTORS)})")


def _dask_stream(docs: Iterable[Document], *, jobs: int, names: list[str], scheduler: str | None) -> Iterator[Analysis]:
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
                for batch in _batches(docs, BATCH):
                    done.add(client.submit(analyze_batch, batch, names, pure=False))
                    pending += 1
                    while pending >= limit:
                        yield from _results(next(done))
                        pending -= 1
                for future in done:
                    yield from _results(future)
            except BaseException:
                client.cancel(list(done.futures))
                raise
    finally:
        if cluster is not None:
            cluster.close()


def _results(future: Any) -> Iterator[Analysis]:
    for a in future.result():
        yield Analysis.from_dict(a)
