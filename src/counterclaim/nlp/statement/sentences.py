"""Sentence lookup by token, computed once per document.

spaCy's ``Token.sent`` and ``Doc.sents`` walk the document on every call; the
statement rules ask for sentences of many tokens, so they share this index.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


class SentenceIndex:
    """The sentences of a document and which one each token belongs to."""

    def __init__(self, doc: Doc) -> None:
        self.all: list[Span] = list(doc.sents)
        self._of_token = [0] * len(doc)
        for number, sentence in enumerate(self.all):
            self._of_token[sentence.start : sentence.end] = [number] * (sentence.end - sentence.start)

    def number(self, token: Token) -> int:
        """Position of the token's sentence in the document."""
        return self._of_token[token.i]

    def of(self, token: Token) -> Span:
        """The sentence holding ``token``."""
        return self.all[self._of_token[token.i]]
