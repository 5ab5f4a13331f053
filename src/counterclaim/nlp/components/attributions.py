"""Finds reported speech: source, cue and content spans."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.extensions import register_extensions


class AttributionFinder:
    """Finds reported speech: source, cue and content spans."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = []
        return doc


@Language.factory("cc_attributions")
def make_attributions(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp, name)
