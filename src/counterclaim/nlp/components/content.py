"""Finds where article content ends (site navigation, tag lists)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.extensions import register_extensions


class ContentBoundary:
    """Finds where article content ends (site navigation, tag lists)."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.content_end = len(doc.text)
        return doc


@Language.factory("cc_content")
def make_content(nlp: Language, name: str) -> ContentBoundary:
    return ContentBoundary(nlp, name)
