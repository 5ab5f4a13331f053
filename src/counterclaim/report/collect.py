"""Which reports a store yields: the narrative of one event, or the listing of all events.

The listing gives each event one entry (its facts, documents and consensus
line) and then the full report of every document in no event, so nothing
stored is ever silently left out. Statements reported by several outlets are
merged by the narrative (``events/merge_statements.py``), so the consensus
counts each speech act once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from counterclaim.events import EventSummary, UnknownEvent
from counterclaim.events.actors import ActorNames
from counterclaim.report.document import document_report
from counterclaim.report.narrative import NarrativeReport, build_narrative
from counterclaim.report.narrative_render import consensus_line
from counterclaim.store import Store


def event_narrative(store: Store, event: str | EventSummary, names: ActorNames | None = None) -> NarrativeReport:
    """The narrative report of a stored event (by id or summary); :class:`UnknownEvent` if the store lacks it."""
    if isinstance(event, str):
        try:
            event = store.event_summary(event)
        except KeyError as err:
            raise UnknownEvent(event) from err
    return build_narrative(store.iter_records(event.document_ids), event, names)


def event_entry(summary: EventSummary, narrative: NarrativeReport) -> dict[str, Any]:
    """An event as the listing shows it: facts, documents and who claimed, confirmed and accused whom."""
    return {
        "event": {
            "id": summary.id,
            "label": summary.label,
            "date": summary.date.isoformat() if summary.date else None,
            "place": ", ".join(p for p in (summary.city, summary.country) if p) or None,
            "attack_type": summary.attack_type,
        },
        "documents": summary.document_names,
        "consensus": {
            "line": consensus_line(narrative),
            "claimed_by": [line.party for line in narrative.claimed_by],
            "confirmed": [_party(line.party, line.speakers) for line in narrative.confirmed],
            "accused": [_party(line.party, line.speakers) for line in narrative.accused],
        },
    }


def _party(party: str, speakers: Iterable[Any]) -> dict[str, Any]:
    return {"party": party, "by": [s.name for s in speakers]}


def event_entries(store: Store, summaries: Iterable[EventSummary], names: ActorNames | None = None) -> Iterator[dict]:
    """The listing entry of each event (each built from its records' narrative)."""
    names = names or ActorNames()
    for summary in summaries:
        yield event_entry(summary, event_narrative(store, summary, names))


def reports_from_store(store: Store, event_id: str | None = None) -> Iterator[dict[str, Any]]:
    """The listing of every event (or of ``event_id`` only), then the reports of documents in no event."""
    if event_id is not None:
        try:
            summaries = [store.event_summary(event_id)]
        except KeyError as err:
            raise UnknownEvent(event_id) from err
    else:
        summaries = store.event_summaries()
    yield from event_entries(store, summaries)
    if event_id is None:
        yield from (document_report(record) for record in store.iter_records(store.unassigned_document_ids()))
