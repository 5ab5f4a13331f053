"""Which reports a store yields: the narrative of one event, or the listing of all events.

The listing gives each event one entry (its facts, documents and consensus
line) and then the full report of every document in no event, so nothing
stored is ever silently left out. Statements reported by several outlets are
merged by the narrative (``events/merge_statements.py``), so the consensus
counts each speech act once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import suppress
from functools import cache
from importlib.metadata import version
from typing import Any, NamedTuple

from pydantic import ValidationError

from counterclaim.events import EventSummary, UnknownEvent
from counterclaim.events.actors import ActorNames
from counterclaim.report.document import document_report
from counterclaim.report.narrative import NarrativeReport, build_narrative
from counterclaim.report.narrative_render import consensus_line
from counterclaim.store import Store
from counterclaim.store.browse import event_counts
from counterclaim.store.store import ListedEvent


class EventView(NamedTuple):
    """What an event's page shows besides its facts: the narrative, and its members' statement counts and top toll."""

    narrative: NarrativeReport
    counts: dict[str, Any]


def event_view(store: Store, event: str | EventSummary, names: ActorNames | None = None) -> EventView:
    """The narrative and counts of a stored event (by id or summary); :class:`UnknownEvent` if the store lacks it.

    The store keeps both as last built (``event_narratives``); they are read
    back while the event's members, counterclaim's version and the knowledge
    base are unchanged, and rebuilt from the members' records (and kept)
    otherwise: reading every record of an event is most of the cost of its
    page on a large store.
    """
    names = names or ActorNames()
    event_id = event if isinstance(event, str) else event.id
    built_with = narrative_builder(names)
    try:
        kept = store.kept_narrative(event_id, built_with)
    except KeyError as err:
        raise UnknownEvent(event_id) from err
    if kept.narrative is not None and kept.counts is not None:
        with suppress(ValidationError):  # kept by a version whose report had another shape
            return EventView(NarrativeReport.model_validate_json(kept.narrative), kept.counts)
    summary = store.event_summary(event_id) if isinstance(event, str) else event
    narrative = build_narrative(store.iter_records(summary.document_ids), summary, names)
    counts = store.read(event_counts, [event_id])[event_id]
    store.keep_narrative(event_id, kept._replace(narrative=narrative.model_dump_json(), counts=counts), built_with)
    return EventView(narrative, counts)


def event_narrative(store: Store, event: str | EventSummary, names: ActorNames | None = None) -> NarrativeReport:
    """The narrative report of a stored event (by id or summary), kept or built (see :func:`event_view`)."""
    return event_view(store, event, names).narrative


def narrative_builder(names: ActorNames) -> str:
    """What builds a narrative, as ``event_narratives.built_with`` records it: counterclaim's version and the KB's."""
    return f"{_version()}/{names.fingerprint}"


@cache
def _version() -> str:
    """counterclaim's installed version (read once: reading package metadata costs a millisecond)."""
    return version("counterclaim")


def event_entry(summary: EventSummary, narrative: NarrativeReport) -> dict[str, Any]:
    """An event as the listing shows it: facts, documents and who claimed, confirmed and accused whom."""
    return listing_entry(summary, consensus(narrative))


def consensus(narrative: NarrativeReport) -> dict[str, Any]:
    """The listing's consensus of an event: its line, and who claimed, confirmed and accused (the cached form)."""
    return {
        "line": consensus_line(narrative),
        "claimed_by": [line.party for line in narrative.claimed_by],
        "confirmed": [_party(line.party, line.speakers) for line in narrative.confirmed],
        "accused": [_party(line.party, line.speakers) for line in narrative.accused],
    }


def listing_entry(summary: EventSummary, consensus_: dict[str, Any]) -> dict[str, Any]:
    """The listing entry of an event whose consensus is known (built or cached)."""
    return {
        "event": summary.headline(),
        "documents": summary.document_names,
        "consensus": consensus_,
    }


def _party(party: str, speakers: Iterable[Any]) -> dict[str, Any]:
    return {"party": party, "by": [s.name for s in speakers]}


def event_entries(store: Store, summaries: Iterable[EventSummary], names: ActorNames | None = None) -> Iterator[dict]:
    """The listing entry of each event (each built from its records' narrative)."""
    names = names or ActorNames()
    for summary in summaries:
        yield event_entry(summary, event_narrative(store, summary, names))


def listed_consensus(store: Store, event: ListedEvent, names: ActorNames | None = None) -> dict[str, Any]:
    """A listed event's consensus: the store's cached one, else built once from its narrative and cached."""
    if event.consensus is not None:
        return event.consensus
    found = consensus(event_narrative(store, event.summary, names))
    store.save_consensus(event, found)
    return found


def stored_entries(store: Store, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
    """The listing entries of a page of stored events, then a ``more`` entry if events are left out.

    Consensus comes from the store's cache; an event whose cache was cleared
    (its members changed) has its narrative built once and cached, so a
    listing reads records only for events that changed since the last one.
    """
    names = ActorNames()
    listed = store.event_listing(limit, offset)
    for event in listed:
        yield listing_entry(event.summary, listed_consensus(store, event, names))
    if limit is not None:
        left = store.event_count() - offset - len(listed)
        if left > 0:
            yield {"more": left, "offset": offset + len(listed)}


def reports_from_store(
    store: Store, event_id: str | None = None, limit: int | None = None, offset: int = 0
) -> Iterator[dict[str, Any]]:
    """The listing of every event (a page: ``limit``/``offset``; or of ``event_id`` only).

    After the last page come the reports of documents in no event, then of
    documents not in English (stored, not analysed), so nothing stored is ever
    silently left out.
    """
    if event_id is not None:
        try:
            summary = store.event_summary(event_id)
        except KeyError as err:
            raise UnknownEvent(event_id) from err
        yield from event_entries(store, [summary])
        return
    more = False
    for entry in stored_entries(store, limit, offset):
        more = more or "more" in entry
        yield entry
    if not more:
        left = [*store.unassigned_document_ids(), *store.unanalysed_document_ids()]
        yield from (document_report(record) for record in store.iter_records(left))
