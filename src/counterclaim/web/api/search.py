"""``/api/search``: full-text search over titles and texts (SQLite FTS5, PostgreSQL full text)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from counterclaim.store import browse
from counterclaim.web import links
from counterclaim.web.api.models import SearchHit
from counterclaim.web.workbench import Bench, Workbench

router = APIRouter(tags=["search"])


@router.get("/search", response_model=list[SearchHit])
def search(
    bench: Bench,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words that must all occur")],
    limit: Annotated[int, Query(ge=1, le=browse.MAX_PAGE)] = 20,
) -> list[dict]:
    """Documents holding every word of ``q``, best first, with a snippet."""
    return hits(bench, q, limit)


def hits(bench: Workbench, query: str, limit: int) -> list[dict]:
    """Search results with each document's event and page (the search page shows the same)."""
    found = bench.store.search(query, limit)
    events = bench.store.read(browse.events_of, [hit["id"] for hit in found])
    return [{**hit, "event_id": events.get(hit["id"]), "page": links.document_url(hit["id"])} for hit in found]
