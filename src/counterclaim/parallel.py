"""Parallel NLP: a local process pool or a Dask cluster turns documents into records.

The parse is the cost, so only the NLP runs in parallel; the calling process
keeps reading inputs and stays the single writer to the store. Documents are
sent in batches with a bounded number of batches in flight, so memory stays
flat however large the corpus: nothing holds a list of all documents.

Each worker builds the pipeline once (``PipelineSpec.build``) and reuses it
for every batch it receives. Results come back in input order.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from counterclaim.records import ArticleRecord, Document


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the same pipeline as the caller (picklable)."""

    model: str | None = None
    pipeline: str | None = None
    kb: tuple[str, ...] = field(default_factory=tuple)
    batch_size: int = 32

    def build(self):
        from counterclaim.nlp import build_pipeline

        return build_pipeline(self.model, self.pipeline, self.kb)


_WORKER_PIPELINES: dict[PipelineSpec, object] = {}


def process_batch(spec: PipelineSpec, batch: list[Document]) -> list[ArticleRecord]:
    """Worker side: records for one batch, with the worker's cached pipeline."""
    from counterclaim.nlp import records_from_documents

    nlp = _WORKER_PIPELINES.get(spec)
    if nlp is None:
        nlp = _WORKER_PIPELINES[spec] = spec.build()
    return list(records_from_documents(nlp, batch, batch_size=spec.batch_size))


def batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def ordered_results(
    submit: Callable[[list[Document]], Future], documents: Iterable[Document], batch_size: int, in_flight: int
) -> Iterator[ArticleRecord]:
    """Submit batches, keeping at most ``in_flight`` outstanding; yield records in input order."""
    queue: deque[Future] = deque()
    for batch in batched(documents, batch_size):
        queue.append(submit(batch))
        if len(queue) >= in_flight:
            yield from queue.popleft().result()
    while queue:
        yield from queue.popleft().result()


def pool_records(documents: Iterable[Document], spec: PipelineSpec, workers: int) -> Iterator[ArticleRecord]:
    """Records from ``workers`` local processes (fork where available: the model loads once per worker)."""
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method)) as pool:
        yield from ordered_results(
            lambda batch: pool.submit(process_batch, spec, batch), documents, spec.batch_size, in_flight=2 * workers
        )


def dask_records(documents: Iterable[Document], spec: PipelineSpec, address: str) -> Iterator[ArticleRecord]:
    """Records from a Dask cluster: ``local:N`` starts a LocalCluster of N workers, else a scheduler address."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # the dask extra is optional
        raise RuntimeError("--dask needs the dask extra: pip install 'counterclaim[dask]'") from exc

    cluster = None
    if address.startswith("local:"):
        n = int(address.split(":", 1)[1] or 2)
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
            in_flight=2 * workers,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
