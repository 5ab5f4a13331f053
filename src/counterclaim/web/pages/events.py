"""The events list (``/``) and an event's page (``/events/{id}``)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from counterclaim.events import UnknownEvent
from counterclaim.report.wording import words
from counterclaim.web.api.models import brief_out
from counterclaim.web.charts import casualty_chart, graph_chart, timeline_chart
from counterclaim.web.listing import event_detail, events_page
from counterclaim.web.pages.forms import STANCES, filters
from counterclaim.web.workbench import Bench

router = APIRouter()
PAGE = 50


@router.get("/", response_class=HTMLResponse)
def events(
    request: Request,
    bench: Bench,
    date_from: str | None = None,
    date_to: str | None = None,
    actor: str | None = None,
    stance: str | None = None,
    offset: int = 0,
) -> HTMLResponse:
    chosen = filters(date_from, date_to, actor, stance)
    page = events_page(bench, chosen, PAGE, max(offset, 0))
    query = {k: v for k, v in request.query_params.items() if k != "offset" and v}
    return bench.render(
        request,
        "events.html",
        {"page": page, "filters": chosen, "stances": STANCES, "query": query, "size": PAGE},
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, bench: Bench, event_id: str) -> HTMLResponse:
    try:
        item, report = event_detail(bench, event_id)
    except UnknownEvent as err:
        raise HTTPException(404, f"no event {event_id!r}") from err
    context = {
        "event": item,
        "report": report,
        "brief": brief_out(report),
        "brief_title": words()["sections"]["brief"],
        "timeline": timeline_chart(report, bench.names),
        "graph": graph_chart(report, bench.names),
        "casualties": casualty_chart(report),
    }
    return bench.render(request, "event.html", context)
