"""A Doc's text and its tokens' texts, built once: spaCy joins every token anew each time ``Doc.text`` is read.

Span helpers run once per candidate span, many per sentence; reading
``doc.text`` in each made them linear in the document's length, so the
whole component quadratic. A Doc's text never changes (retokenizing keeps
it), so caching it in the doc's memos (``nlp/doccache.py``) is always right.
"""

from __future__ import annotations

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH
from spacy.tokens import Doc, Span

from counterclaim.nlp.doccache import doc_cache, memo

_TEXT_KEY = "counterclaim.text"
_TOKENS_KEY = "counterclaim.token_texts"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on first use and kept with the doc."""
    text = doc_cache(doc).get(_TEXT_KEY)
    if text is None:
        text = doc_cache(doc)[_TEXT_KEY] = doc.text
    return text


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, sliced from :func:`doc_text` once per doc.

    A loop over ``doc`` builds a Token object per token, which costs more than
    the test most loops make; this list lets them build one only where it matters.
    """

    def compute() -> list[str]:
        text = doc_text(doc)
        # column by column: a 2-D array's tolist() builds a list per row and costs more than the slicing
        starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
        return [text[start : start + length] for start, length in zip(starts, lengths, strict=True)]

    return memo(doc, _TOKENS_KEY, compute)


_ENTS_KEY = "counterclaim.ents"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once while the entity annotation stays the same.

    ``Doc.ents`` makes fresh Span objects on every access, and several rules
    of each component ask for them. The entity tags are compared on each call
    (a pipe added later may change them), which costs far less than the Spans.
    """
    tags = doc.to_array([ENT_IOB, ENT_TYPE]).tobytes() if len(doc) else b""
    cached = doc_cache(doc).get(_ENTS_KEY)
    if cached is None or cached[0] != tags:
        cached = doc_cache(doc)[_ENTS_KEY] = (tags, tuple(doc.ents))
    return cached[1]


def in_quotation(doc: Doc, sentence_start: int, at: int) -> bool:
    """Whether double quotation marks opened between a sentence's start and ``at`` (character offsets) are still
    open there: the word at ``at`` is a speaker's own, not the report's. Single quotes are left out, since an
    apostrophe ("the militants' claim") looks like one."""
    before = doc_text(doc)[sentence_start:at]
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1
