"""The search page: documents by full text, and actors by name."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from counterclaim.store import browse
from counterclaim.web.api.search import hits
from counterclaim.web.workbench import Bench

router = APIRouter()
RESULTS = 50


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, bench: Bench, q: str = "") -> HTMLResponse:
    q = q.strip()[:500]
    found = [{**hit, "parts": snippet_parts(hit["snippet"] or "")} for hit in hits(bench, q, RESULTS)] if q else []
    actors = bench.store.read(browse.actor_list, q, 20, 0).items if q else []
    return bench.render(request, "search.html", {"q": q, "hits": found, "actors": actors})


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces: the store marks matched words with [ and ]."""
    return [(part.strip("[]"), part.startswith("[")) for part in re.split(r"(\[[^\[\]]*\])", snippet) if part]
