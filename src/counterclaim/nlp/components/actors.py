"""Links actor mentions to the knowledge base."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.extensions import register_extensions


class ActorLinker:
    """Links actor mentions to the knowledge base."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actor_mentions = []
        return doc


@Language.factory("cc_actors")
def make_actors(nlp: Language, name: str) -> ActorLinker:
    return ActorLinker(nlp, name)
