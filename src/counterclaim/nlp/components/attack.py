"""Builds the attack record: date, place, attack type, casualty reports."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.extensions import register_extensions


class AttackRecorder:
    """Builds the attack record: date, place, attack type, casualty reports."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.event = None
        return doc


@Language.factory("cc_attack")
def make_attack(nlp: Language, name: str) -> AttackRecorder:
    return AttackRecorder(nlp, name)
