"""Which reports a store yields: per event once events exist, else per document.

Documents not (yet) assigned to an event are still reported, after the
events, so nothing stored is ever silently left out of a report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from counterclaim.report.document import document_report, event_report
from counterclaim.store import Store


class UnknownEvent(KeyError):
    """``--event`` named an event the store does not hold."""


def reports_from_store(
    store: Store, event_id: str | None = None, document_ids: Iterable[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Report dicts for one event, for the given documents, or for everything stored."""
    if document_ids is not None:
        yield from (document_report(record) for record in store.iter_records(document_ids))
        return
    events = store.events()
    if event_id is not None:
        chosen = [event for event in events if str(event["id"]) == event_id]
        if not chosen:
            raise UnknownEvent(event_id)
        events = chosen
    in_events: set[str] = set()
    for event in events:
        ids = store.event_document_ids(event["id"])
        in_events.update(ids)
        yield event_report(event, store.iter_records(ids))
    if event_id is None:
        yield from (document_report(r) for r in store.iter_records() if r.document.id not in in_events)
