"""The events listing as the API and the events page both show it: facts, consensus line and counts.

The consensus comes from the store's cache (``report/collect.py``
``listed_consensus`` builds and caches it for an event that changed), the
counts from one grouped query per page, so a page costs a few queries
however large the store.
"""

from __future__ import annotations

from typing import Any

from counterclaim.events import EventSummary, UnknownEvent
from counterclaim.report import NarrativeReport
from counterclaim.report.collect import consensus, event_view, listed_consensus
from counterclaim.store.browse import Filters, Page, event_counts
from counterclaim.web import links
from counterclaim.web.workbench import Workbench


def events_page(bench: Workbench, filters: Filters, limit: int, offset: int) -> Page:
    """One page of events matching ``filters``, oldest attack first, each as the API's ``EventOut``."""
    store = bench.store
    listed = store.event_listing(limit, offset, filters)
    counts = store.read(event_counts, [e.summary.id for e in listed])
    items = [event_item(e.summary, listed_consensus(store, e, bench.names), counts[e.summary.id]) for e in listed]
    total = store.event_count(filters) if len(listed) == limit or offset else len(listed)
    return Page(items, total, limit, offset)


def event_item(summary: EventSummary, consensus: dict[str, Any], counts: dict[str, Any]) -> dict[str, Any]:
    """An event's facts, documents, consensus and counts."""
    return {
        **summary.identity().model_dump(),
        "documents": [{"id": d, "name": n} for d, n in zip(summary.document_ids, summary.document_names, strict=True)],
        "consensus": consensus,
        "counts": {**counts, "documents": len(summary.document_ids)},
        "page": links.event_url(summary.id),
    }


def event_detail(bench: Workbench, event_id: str) -> tuple[dict[str, Any], NarrativeReport]:
    """An event's listing item and its narrative report; :class:`UnknownEvent` if there is no such event."""
    store = bench.store
    try:
        summary = store.event_summary(event_id)
    except KeyError as err:
        raise UnknownEvent(event_id) from err
    view = event_view(store, summary, bench.names)
    return event_item(summary, consensus(view.narrative), view.counts), view.narrative
