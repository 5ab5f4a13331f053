"""``/api/events``: the events listing, one event's narrative, and corrections (merge, split, move, recluster).

Corrections go through :meth:`Store.decide`, the path ``counterclaim event
merge|split|move`` takes: the decision is recorded and replayed after every
re-clustering, so it survives new articles.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends, HTTPException, Request, Response

from counterclaim.events import (
    Assignment,
    Decision,
    EventIndex,
    UnknownEvent,
    find_document,
    merge_decision,
    move_decision,
    split_decision,
)
from counterclaim.web.api.models import (
    DecisionOut,
    EventDetail,
    EventOut,
    MergeIn,
    Moved,
    MoveIn,
    Page,
    ReclusterOut,
    SplitIn,
    brief_out,
)
from counterclaim.web.api.params import FilterParams, PageParams
from counterclaim.web.listing import event_detail, events_page
from counterclaim.web.security import require_token
from counterclaim.web.workbench import Bench

router = APIRouter(tags=["events"])
writes = [Depends(require_token)]


@router.get("/events", response_model=Page[EventOut])
def list_events(request: Request, bench: Bench, filters: FilterParams, paging: PageParams) -> dict:
    """Events (one attack across articles), oldest attack first, with consensus line and counts.

    ``actor`` and ``stance`` keep events in which some statement matches; dates bound the attack date.
    """
    page = events_page(bench, filters, paging.limit, paging.offset)
    return paging.wrap(request, page, page.items)


@router.get("/events/{event_id}", response_model=EventDetail)
def get_event(event_id: str, bench: Bench) -> Response:
    """An event, its brief and its narrative report: consensus, attribution matrix, divergences, omissions,
    timeline, casualty figures by source; every line with its evidence, every clause of the brief with links to
    the sentences it rests on."""
    try:
        item, narrative = event_detail(bench, event_id)
    except UnknownEvent as err:
        raise HTTPException(404, f"no event {event_id!r}") from err
    # serialised here: FastAPI would dump the report to dicts and validate it all over again
    body = EventDetail(
        event=EventOut.model_validate(item), brief=brief_out(narrative), narrative=narrative
    ).model_dump_json()
    return Response(body, media_type="application/json")


@router.post("/events/merge", response_model=DecisionOut, dependencies=writes)
def merge_events(body: MergeIn, bench: Bench) -> dict:
    """Merge two events that report the same attack."""
    first, second = body.events
    return _decide(bench, lambda index: merge_decision(index, first, second))


@router.post("/events/{event_id}/split", response_model=DecisionOut, dependencies=writes)
def split_event(event_id: str, body: SplitIn, bench: Bench) -> dict:
    """Take documents (names or ids) out of an event into a new event of their own."""
    return _decide(
        bench, lambda index: split_decision(index, event_id, [find_document(index, d) for d in body.documents])
    )


@router.post("/documents/{document}/move", response_model=DecisionOut, dependencies=writes)
def move_document(document: str, body: MoveIn, bench: Bench) -> dict:
    """Move a document (name or id) into another event."""
    return _decide(bench, lambda index: move_decision(index, find_document(index, document), body.event))


@router.post("/events/recluster", response_model=ReclusterOut, dependencies=writes)
def recluster(bench: Bench) -> dict:
    """Group every stored document into events from scratch, then replay every recorded decision."""
    with bench.writes:
        index = bench.store.recluster_events()
    return {"events": len(index.summaries()), "documents": len(index.assignments)}


def _decide(bench: Bench, make: Callable[[EventIndex], Decision]) -> dict:
    try:
        with bench.writes:
            decision, changed = bench.store.decide(make)
    except UnknownEvent as err:
        raise HTTPException(404, str(err.args[0])) from err
    return {"decision_id": decision.id, "action": decision.action, "moved": [_moved(a) for a in changed]}


def _moved(assignment: Assignment) -> Moved:
    return Moved(
        document_id=assignment.document_id, document_name=assignment.document_name, event_id=assignment.event_id
    )
