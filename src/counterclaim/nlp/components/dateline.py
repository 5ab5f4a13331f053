"""Parses a dateline and sets the reference date for relative dates."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.extensions import register_extensions


class Dateline:
    """Parses a dateline and sets the reference date for relative dates."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dateline = None
        return doc


@Language.factory("cc_dateline")
def make_dateline(nlp: Language, name: str) -> Dateline:
    return Dateline(nlp, name)
