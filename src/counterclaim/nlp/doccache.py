"""Per-doc memos of derived data (the text, word arrays, date hits), kept with a Doc but never serialised with it.

Components share work through these memos: the text is built once, a
sentence's dates are scanned once. They hold Spans and other values msgpack
cannot write, and they are cheap to rebuild, so they live in one object in
``doc.user_data`` that :mod:`counterclaim.nlp.serialise` writes as nothing:
``Doc.to_bytes()`` (and so ``nlp.pipe(n_process=N)`` and ``DocBin``) works on
our docs, and a doc read back simply rebuilds what it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")

_KEY = "counterclaim.cache"


class DocCache:
    """A holder for one doc's memos; deliberately not a dict, so msgpack hands it to our encoder."""

    __slots__ = ("memos",)

    def __init__(self) -> None:
        self.memos: dict[Any, Any] = {}


def doc_cache(doc: Doc) -> dict[Any, Any]:
    """The memo dict of ``doc`` (empty for a new doc, or one read back from bytes)."""
    holder = doc.user_data.get(_KEY)
    if not isinstance(holder, DocCache):
        holder = doc.user_data[_KEY] = DocCache()
    return holder.memos


def memo(doc: Doc, key: Any, compute: Callable[[], T]) -> T:
    """``compute()`` for ``doc``, run on the first call with ``key`` and kept for the later ones."""
    memos = doc_cache(doc)
    if key not in memos:
        memos[key] = compute()
    return memos[key]
