"""Resolves statements about responsibility: stance, speaker, target, date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.extensions import register_extensions


class StatementResolver:
    """Resolves statements about responsibility: stance, speaker, target, date."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = []
        return doc


@Language.factory("cc_statements")
def make_statements(nlp: Language, name: str) -> StatementResolver:
    return StatementResolver(nlp, name)
