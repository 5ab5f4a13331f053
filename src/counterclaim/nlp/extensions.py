"""The ``Doc`` extensions counterclaim's components read and write.

Registered once, on import, so a user who adds one of our components to their
own pipeline gets the attributes too. List-valued extensions default to
``None`` (spaCy shares defaults between docs, so a mutable default would leak);
each component sets a fresh value.
"""

from __future__ import annotations

from spacy.tokens import Doc

from counterclaim.nlp import serialise  # noqa: F401  (registers the msgpack hooks Doc.to_bytes needs)

#: name -> what it holds; the single place the set of extensions is defined.
DOC_EXTENSIONS: dict[str, str] = {
    "document_id": "id of the counterclaim Document the text came from (set by the runner)",
    "published": "publication date (datetime.date): the runner's metadata, else what cc_dateline reads in the header",
    "published_evidence": "Evidence of where cc_dateline read the publication date, or None (metadata or not found)",
    "recased": "True when cc_truecase re-cased a text written in capitals (every offset kept), else None",
    "content_end": "character offset where article content ends and boilerplate begins",
    "furniture": "list of (start, end) character ranges inside the content that are page furniture (captions, ...)",
    "dateline": "dict with place, outlet and date parsed from a dateline, or None",
    "reference_date": "the date relative expressions are resolved against",
    "actor_mentions": "list[Mention]: actors named in the text, linked to the knowledge base",
    "attributions": "list[Attribution]: reported speech as source, cue and content spans",
    "statements": "list[Statement]: speech acts about responsibility",
    "event": "Event or None: the attack the article is about",
    "event_mentions": "list[Event]: other attacks the article mentions",
}


def register_extensions() -> None:
    """Register every counterclaim ``Doc`` extension (idempotent)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
