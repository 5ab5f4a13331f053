"""Parallel NLP: a local process pool or a Dask cluster turns documents into records.

The parse is the cost, so only the NLP runs in parallel; the calling process
keeps reading inputs and stays the single writer to the store. Documents are
sent in batches with a bounded number of batches in flight, so memory stays
flat however large the corpus: nothing holds a list of all documents.

Each worker builds the pipeline once (``PipelineSpec.build``) and reuses it
for every batch it receives. A worker runs a batch through the runner's
:func:`~counterclaim.runner.analyse_batch`, so a component failing on one
document comes back as a :class:`~counterclaim.runner.ProcessError` value for
that document, exactly as in a serial run. Results come back in input order.
"""

from __future__ import annotations

import importlib.util
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from spacy.language import Language

from counterclaim.nlp import PieceProgress
from counterclaim.records import Document
from counterclaim.runner import DEFAULT_BATCH_SIZE, Result, analyse_batch, batched, process

#: Batches outstanding per worker: one being parsed, one queued so a worker never waits for the next.
IN_FLIGHT_PER_WORKER = 2

#: ``--dask local:N`` starts a LocalCluster of N worker processes on this machine.
LOCAL_PREFIX = "local:"

#: Seconds a scheduler address has to answer before ``--dask ADDRESS`` is refused.
DASK_CONNECT_S = 10

#: Seconds between a pool worker's checks that its parent is still alive.
PARENT_POLL_S = 0.5


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the same pipeline as the caller (picklable, hashable)."""

    model: str | None = None
    pipeline: str | None = None
    kb: tuple[str, ...] = field(default_factory=tuple)
    until: str | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    disabled_rules: tuple[str, ...] = field(default_factory=tuple)

    def build(self) -> Language:
        from counterclaim.nlp import build_pipeline

        return build_pipeline(self.model, self.pipeline, self.kb, until=self.until, disabled_rules=self.disabled_rules)


_WORKER_PIPELINES: dict[PipelineSpec, Language] = {}


def pipeline_for(spec: PipelineSpec) -> Language:
    """This process's pipeline for ``spec``, built on first use and kept for later batches."""
    nlp = _WORKER_PIPELINES.get(spec)
    if nlp is None:
        nlp = _WORKER_PIPELINES[spec] = spec.build()
    return nlp


def process_batch(spec: PipelineSpec, batch: list[Document]) -> list[Result]:
    """Worker side: records (or per-document errors) for one batch, with the worker's cached pipeline."""
    return analyse_batch(batch, pipeline_for(spec))


def results(
    documents: Iterable[Document],
    nlp: Language,
    spec: PipelineSpec,
    workers: int = 1,
    dask: str | None = None,
    progress: PieceProgress | None = None,
) -> Iterator[Result]:
    """Results of ``documents`` in input order: serially with ``nlp``, in ``workers`` processes, or on Dask.

    ``nlp`` is the caller's pipeline, already built from ``spec`` (so a bad
    model fails before any worker starts); forked pool workers inherit it
    instead of loading the model again. ``progress`` hears of each piece of a
    long document in a serial run (workers report only whole documents).
    """
    if dask:
        return dask_records(documents, spec, dask)
    if workers > 1:
        _WORKER_PIPELINES[spec] = nlp
        return pool_records(documents, spec, workers)
    return process(documents, nlp, spec.batch_size, progress)


def ordered_results(
    submit: Callable[[list[Document]], Future], documents: Iterable[Document], batch_size: int, in_flight: int
) -> Iterator[Result]:
    """Submit batches, keeping at most ``in_flight`` outstanding; yield results in input order."""
    queue: deque[Future] = deque()
    for batch in batched(documents, batch_size):
        queue.append(submit(batch))
        if len(queue) >= in_flight:
            yield from queue.popleft().result()
    while queue:
        yield from queue.popleft().result()


def pool_records(documents: Iterable[Document], spec: PipelineSpec, workers: int) -> Iterator[Result]:
    """Results from ``workers`` local processes (fork where available: workers inherit a preloaded pipeline)."""
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    context = mp.get_context(method)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=watch_parent, initargs=(os.getpid(),))
    with pool:
        yield from ordered_results(
            lambda batch: pool.submit(process_batch, spec, batch),
            documents,
            spec.batch_size,
            in_flight=IN_FLIGHT_PER_WORKER * workers,
        )


def watch_parent(parent: int) -> None:
    """Pool worker start-up: exit as soon as the process that started this worker is gone.

    A worker waits for batches on a pipe whose other end its siblings also
    hold, so a parent killed outright (SIGKILL, the OOM killer) would leave
    every worker blocked on it for ever, each holding a loaded pipeline. A
    daemon thread polls the parent's id instead; when the worker has been
    handed to another parent, it exits.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="counterclaim-parent-watch", daemon=True).start()


def check_dask_address(address: str) -> int | None:
    """The worker count of ``local:N``, ``None`` for a scheduler address; ``ValueError`` for a bad one.

    Checked before any document is read, so a typo, a missing Dask install or
    a scheduler that does not answer within :data:`DASK_CONNECT_S` is a
    one-line usage error rather than a failure halfway through a corpus.
    """
    if importlib.util.find_spec("distributed") is None:  # the dask extra is optional
        raise ValueError("--dask needs the dask extra: pip install 'counterclaim[dask]'")
    if not address.startswith(LOCAL_PREFIX):
        _reach_scheduler(address)
        return None
    count = address.removeprefix(LOCAL_PREFIX)
    if not count.isdigit() or int(count) < 1:
        raise ValueError(f"--dask {address!r}: expected local:N with N >= 1, or a scheduler address")
    return int(count)


def _reach_scheduler(address: str) -> None:
    """``ValueError`` unless a Dask scheduler answers at ``address`` within :data:`DASK_CONNECT_S`."""
    from dask.distributed import Client

    try:
        with Client(address, timeout=DASK_CONNECT_S):
            pass
    except (OSError, TimeoutError, ValueError) as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ValueError(f"--dask {address}: cannot reach the scheduler ({reason})") from err


def dask_records(documents: Iterable[Document], spec: PipelineSpec, address: str) -> Iterator[Result]:
    """Results from a Dask cluster: ``local:N`` starts a LocalCluster of N workers, else a scheduler address."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    n = check_dask_address(address)
    if n is not None:
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, dashboard_address=None, processes=True)
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from ordered_results(
            lambda batch: client.submit(process_batch, spec, batch, pure=False),
            documents,
            spec.batch_size,
            in_flight=IN_FLIGHT_PER_WORKER * workers,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
