"""What every exporter walks: the store's events, one at a time, each with the records of its documents.

An event is a handful of articles, so its records are loaded together (the
narrative and the event-level facts need them all); events are read a page at
a time through the store's listing, so a store of any size is exported with
the memory of one page of summaries and one event's records. Documents in no
event (a crash between storing and grouping leaves some) follow, one unit
each, so nothing stored is silently left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from counterclaim.events import EventSummary, UnknownEvent
from counterclaim.events.actors import ActorNames
from counterclaim.records import ArticleRecord, EventRef
from counterclaim.report.narrative import NarrativeReport, build_narrative
from counterclaim.report.narrative_render import consensus_line
from counterclaim.store import Store

#: Events read per round trip of the listing.
EVENT_PAGE = 200


@dataclass
class ExportUnit:
    """One event and its documents' records (or one document in no event): the unit every exporter writes."""

    event: EventSummary | None
    records: list[ArticleRecord]
    ingested: dict[str, dt.datetime]
    names: ActorNames
    cached_consensus: dict[str, Any] | None = None
    _narrative: NarrativeReport | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        """The event's id, or ``document-ID`` for a document in no event."""
        return self.event.id if self.event else f"document-{self.records[0].document.id}"

    @property
    def event_id(self) -> str | None:
        return self.event.id if self.event else None

    @property
    def ref(self) -> EventRef | None:
        """The event as exported records name it."""
        if self.event is None:
            return None
        return self.event.identity()

    @property
    def narrative(self) -> NarrativeReport:
        """The event's narrative report (built once, only for the exporters that need it)."""
        if self._narrative is None:
            self._narrative = build_narrative(self.records, self.event, self.names)
        return self._narrative

    @property
    def label(self) -> str:
        return self.event.label if self.event else self.narrative.label

    @property
    def consensus(self) -> str:
        """Who claimed, confirmed and accused, in one line: the store's cache, else from the narrative."""
        if self.cached_consensus is not None:
            return str(self.cached_consensus["line"])
        return consensus_line(self.narrative)


@dataclass
class ExportCounts:
    """What an export wrote, for the summary line."""

    events: int = 0
    documents: int = 0
    statements: int = 0
    #: Called with each unit as it is read (a progress bar advances on it).
    listener: Callable[[ExportUnit], None] | None = None

    def add(self, unit: ExportUnit) -> None:
        self.events += unit.event is not None
        self.documents += len(unit.records)
        self.statements += sum(len(r.statements) for r in unit.records)
        if self.listener is not None:
            self.listener(unit)

    def __str__(self) -> str:
        counted = ((self.events, "event"), (self.documents, "document"), (self.statements, "statement"))
        return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counted)


def export_units(store: Store, event_id: str | None = None, counts: ExportCounts | None = None) -> Iterator[ExportUnit]:
    """The units of an export: ``event_id``'s alone, or every event then every document in no event.

    An unknown ``event_id`` raises :class:`UnknownEvent` here, before the
    first byte of output, so a caller (the CLI, the web API) can refuse the
    request instead of sending a broken file.
    """
    names = ActorNames()
    if event_id is not None:
        try:
            chosen = store.event_summary(event_id)
        except KeyError as err:
            raise UnknownEvent(event_id) from err
        return _counted(iter([_unit(store, chosen, None, names)]), counts)
    return _counted(_all_units(store, names), counts)


def _all_units(store: Store, names: ActorNames) -> Iterator[ExportUnit]:
    offset = 0
    while page := store.event_listing(EVENT_PAGE, offset):
        for listed in page:
            yield _unit(store, listed.summary, listed.consensus, names)
        offset += len(page)
    for document_id in store.unassigned_document_ids():
        yield _document_unit(store, document_id, names)


def _unit(store: Store, summary: EventSummary, consensus: dict[str, Any] | None, names: ActorNames) -> ExportUnit:
    records = list(store.iter_records(summary.document_ids))
    return ExportUnit(summary, records, store.ingestion_times(summary.document_ids), names, consensus)


def _document_unit(store: Store, document_id: str, names: ActorNames) -> ExportUnit:
    return ExportUnit(None, [store.load_record(document_id)], store.ingestion_times([document_id]), names)


def _counted(units: Iterator[ExportUnit], counts: ExportCounts | None) -> Iterator[ExportUnit]:
    for unit in units:
        if counts is not None:
            counts.add(unit)
        yield unit
