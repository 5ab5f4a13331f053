"""Stable ids of exported rows and objects, so a re-export names the same thing the same way.

The store numbers statements, mentions and attacks with autoincrement keys
that differ between two stores holding the same articles; exports instead name
each row by its document id (a hash of the text) and its position in the
record, and every STIX object by a UUIDv5 of such a name. Re-analysing the
same text with the same pipeline therefore gives the same ids, and OpenCTI or
MISP update an object instead of duplicating it.
"""

from __future__ import annotations

import uuid

#: Namespace of counterclaim's UUIDv5 ids (itself a UUIDv5 of the project's name in the URL namespace).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "counterclaim:stix")


def statement_id(document_id: str, position: int) -> str:
    """The id of a document's ``position``-th statement."""
    return f"{document_id}-s{position}"


def mention_id(document_id: str, position: int) -> str:
    return f"{document_id}-m{position}"


def attribution_id(document_id: str, position: int) -> str:
    return f"{document_id}-a{position}"


def attack_id(document_id: str, position: int) -> str:
    """The id of an attack a document reports: position 0 is its main attack when it has one."""
    return f"{document_id}-k{position}"


def casualty_id(attack: str, position: int) -> str:
    return f"{attack}-c{position}"


def stix_id(object_type: str, key: str) -> str:
    """A STIX id for the object of ``object_type`` that counterclaim knows as ``key`` (deterministic)."""
    return f"{object_type}--{uuid.uuid5(NAMESPACE, f'{object_type}:{key}')}"
