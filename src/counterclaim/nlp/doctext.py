"""A Doc's text, built once: spaCy joins every token anew each time ``Doc.text`` is read.

Span helpers run once per candidate span, many per sentence; reading
``doc.text`` in each made them linear in the document's length, so the
whole component quadratic. A Doc's text never changes (retokenizing keeps
it), so caching it in ``doc.user_data`` is always right.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "counterclaim.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on first use and kept with the doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
