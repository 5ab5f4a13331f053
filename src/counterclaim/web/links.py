"""Where things live in the workbench: the one place page URLs are built, for the API's links and the pages'.

An evidence link opens the document with its span highlighted (``?span=``)
and scrolled into view (``#ev-``), so every record shown anywhere can be
checked against the words it was read from.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from counterclaim.events.actors import ActorNames


def event_url(event_id: str) -> str:
    return f"/events/{quote(event_id, safe='')}"


def document_url(document_id: str) -> str:
    return f"/documents/{quote(document_id, safe='')}"


def anchor(start: int, end: int) -> str:
    """The element id of a highlighted span on the document page."""
    return f"ev-{start}-{end}"


def evidence_url(document_id: str, start: int | None, end: int | None) -> str:
    """The document page with the span ``start``-``end`` highlighted and in view (the page alone without one)."""
    if start is None or end is None:
        return document_url(document_id)
    return f"{document_url(document_id)}?span={int(start)}-{int(end)}#{anchor(start, end)}"  # digits need no quoting


def actor_url(ref: str) -> str:
    """The actor page of a knowledge-base id or, for an actor the knowledge base does not know, a name."""
    return f"/actors/{quote(ref, safe='')}"


def actor_ref(names: ActorNames, name: str, actor_id: str | None = None) -> str:
    """What names an actor in a URL: its id when the record or the knowledge base has one, else its name."""
    if actor_id:
        return actor_id
    found = names.actor(name)
    return str(found.id) if found is not None else name


def search_url(query: str) -> str:
    return f"/search?{urlencode({'q': query})}"
