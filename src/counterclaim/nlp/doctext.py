"""A Doc's text and its tokens' texts, built once: spaCy joins every token anew each time ``Doc.text`` is read.

Span helpers run once per candidate span, many per sentence; reading
``doc.text`` in each made them linear in the document's length, so the
whole component quadratic. A Doc's text never changes (retokenizing keeps
it), so caching it in ``doc.user_data`` is always right.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

_TEXT_KEY = "counterclaim.text"
_TOKENS_KEY = "counterclaim.token_texts"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on first use and kept with the doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, sliced from :func:`doc_text` once per doc.

    A loop over ``doc`` builds a Token object per token, which costs more than
    the test most loops make; this list lets them build one only where it matters.
    """
    texts = doc.user_data.get(_TOKENS_KEY)
    if texts is None:
        text = doc_text(doc)
        spans = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        texts = doc.user_data[_TOKENS_KEY] = [text[start : start + length] for start, length in spans]
    return texts
