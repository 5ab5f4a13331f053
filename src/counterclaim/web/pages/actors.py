"""An actor's page: every statement it made and every statement naming it, across events."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from counterclaim.store import browse
from counterclaim.web.workbench import Bench

router = APIRouter()
LIMIT = browse.MAX_PAGE


@router.get("/actors/{ref:path}", response_class=HTMLResponse)
def actor(request: Request, bench: Bench, ref: str) -> HTMLResponse:
    store = bench.store
    try:
        found = store.read(browse.actor, ref)
    except KeyError as err:
        raise HTTPException(404, f"no actor {ref!r}: no statement names it") from err
    page = store.read(browse.statements, browse.Filters(actor=ref), LIMIT, 0)
    own = {ref.lower(), found["name"].lower()}
    made, naming = [], []
    for row in page.items:
        spoke = row["speaker_actor_id"] == ref or row["speaker_name"].lower() in own
        (made if spoke else naming).append(row)
    events = list(dict.fromkeys(row["event_id"] for row in page.items if row["event_id"]))
    context = {"actor": found, "made": made, "naming": naming, "total": page.total, "limit": LIMIT, "events": events}
    return bench.render(request, "actor.html", context)
