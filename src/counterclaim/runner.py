"""Runs the NLP pipeline over a stream of Documents and yields their ArticleRecords.

Streaming throughout: documents are taken in batches of ``batch_size``, so a
corpus of any size runs in constant memory. :func:`analyse_batch` is the seam
for parallel back-ends (a process pool, Dask): it turns one batch of Documents
into records and holds no state between calls.

A component failing on one document must not lose the other documents of its
batch: the batch is then re-run one document at a time and the culprit comes
back as a :class:`ProcessError` value, reported like a bad input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from spacy.language import Language

from counterclaim.nlp import PieceProgress, records_from_documents
from counterclaim.records import ArticleRecord, Document

#: Documents per ``nlp.pipe`` batch, and records per store transaction in ``analyze``: large enough to
#: amortise spaCy's per-batch cost and the store's commits, small enough that a slow batch still moves
#: the progress bar.
DEFAULT_BATCH_SIZE = 32

T = TypeVar("T")


@dataclass(frozen=True)
class ProcessError:
    """A document the pipeline failed on: its name and the error in one line."""

    document: Document
    reason: str

    def __str__(self) -> str:
        return f"{self.document.name}: analysis failed: {self.reason}"


Result = ArticleRecord | ProcessError


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive batches of at most ``size`` items (documents, records), read lazily from the stream."""
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def process(
    docs: Iterable[Document], nlp: Language, batch_size: int = DEFAULT_BATCH_SIZE, progress: PieceProgress | None = None
) -> Iterator[Result]:
    """The record of each document of ``docs``, in order, analysed by ``nlp`` (``progress``: see ``nlp``)."""
    for batch in batched(docs, batch_size):
        yield from analyse_batch(batch, nlp, progress)


def analyse_batch(batch: Sequence[Document], nlp: Language, progress: PieceProgress | None = None) -> list[Result]:
    """Records for one batch; if a component raises, each document is retried alone to isolate it."""
    try:
        return _pipe(batch, nlp, progress)
    except Exception:  # a component bug: find the document that triggers it, keep the others
        return [_one(document, nlp, progress) for document in batch]


def _one(document: Document, nlp: Language, progress: PieceProgress | None) -> Result:
    try:
        return _pipe([document], nlp, progress)[0]
    except Exception as err:  # reported per document; the batch goes on
        return ProcessError(document, f"{type(err).__name__}: {err}".splitlines()[0])


def _pipe(batch: Sequence[Document], nlp: Language, progress: PieceProgress | None) -> list[ArticleRecord]:
    return list(records_from_documents(nlp, batch, batch_size=len(batch), progress=progress))
