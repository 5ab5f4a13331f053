"""User decisions about events (merge, split, move) that survive re-analysis.

Event ids change when documents are re-clustered, so a decision is recorded in
terms of documents: "these documents belong together", "these documents stand
apart", "this document goes with those". Replaying the decisions, in the order
they were made, after an automatic clustering reproduces what the user asked
for even though the ids are new. Decisions are plain data (action + JSON
payload) so the store keeps them in its ``event_decisions`` table.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from counterclaim.events.cluster import Assignment, EventIndex, arrival_order
from counterclaim.records import ArticleRecord

Action = Literal["merge", "split", "move"]


class UnknownEvent(KeyError):
    """A decision names an event or document the index does not hold."""


class Decision(BaseModel):
    """One user decision; ``payload`` holds document ids so it can be replayed on new event ids."""

    model_config = ConfigDict(extra="forbid")

    id: int | None = None
    action: Action
    payload: dict[str, Any]
    created_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


def _members(index: EventIndex, event_id: str) -> list[str]:
    if event_id not in index.events:
        raise UnknownEvent(f"no event {event_id}")
    return [m.document_id for m in index.events[event_id].members]


def merge_decision(index: EventIndex, keep: str, other: str) -> Decision:
    """Record "events ``keep`` and ``other`` are one attack"."""
    return Decision(
        action="merge",
        payload={"events": [keep, other], "documents": _members(index, keep) + _members(index, other)},
    )


def split_decision(index: EventIndex, event_id: str, doc_ids: list[str]) -> Decision:
    """Record "these documents of ``event_id`` report another attack"."""
    members = _members(index, event_id)
    missing = [d for d in doc_ids if d not in members]
    if missing:
        raise UnknownEvent(f"documents {', '.join(missing)} are not in event {event_id}")
    return Decision(action="split", payload={"event": event_id, "documents": list(doc_ids)})


def move_decision(index: EventIndex, doc_id: str, event_id: str) -> Decision:
    """Record "document ``doc_id`` reports the attack of ``event_id``" (anchored on that event's documents)."""
    if doc_id not in index.features:
        raise UnknownEvent(f"no document {doc_id}")
    anchors = [d for d in _members(index, event_id) if d != doc_id]
    return Decision(action="move", payload={"document": doc_id, "event": event_id, "anchors": anchors})


def find_document(index: EventIndex, ref: str) -> str:
    """The id of the document ``ref`` names: its id, its name (file stem), or a unique prefix of its id."""
    if ref in index.features:
        return ref
    by_name = [d for d, f in index.features.items() if f.document_name == ref]
    found = by_name or [d for d in index.features if d.startswith(ref)]
    if len(found) != 1:
        raise UnknownEvent(f"no document {ref!r}" if not found else f"{ref!r} names {len(found)} documents")
    return found[0]


def _label(decision: Decision) -> str:
    return f"user {decision.action}" + (f" (decision {decision.id})" if decision.id is not None else "")


def _majority_event(index: EventIndex, doc_ids: Iterable[str]) -> str | None:
    """The event holding most of ``doc_ids`` now (the earliest-listed on a tie)."""
    counted = Counter(e for e in (index.event_of(d) for d in doc_ids) if e)
    return counted.most_common(1)[0][0] if counted else None


def apply_decision(index: EventIndex, decision: Decision) -> list[Assignment]:
    """Carry out one decision on the index; returns the assignments it changed.

    Documents that are no longer in the index are skipped, so old decisions
    never fail a re-analysis of a smaller corpus.
    """
    reason = _label(decision)
    payload = decision.payload
    if decision.action == "move":
        target = _majority_event(index, payload["anchors"])
        doc = payload["document"]
        if target is None or doc not in index.features or index.event_of(doc) == target:
            return []
        return [index.move(doc, target, reason)]
    present = [d for d in payload["documents"] if d in index.features]
    if not present:
        return []
    if decision.action == "merge":
        target = _majority_event(index, present)
        return [index.move(d, target, reason) for d in present if index.event_of(d) != target]
    first = index.move(present[0], None, reason)
    return [first, *(index.move(d, first.event_id, reason) for d in present[1:])]


def recluster(
    records: Iterable[ArticleRecord], decisions: Iterable[Decision] = (), index: EventIndex | None = None
) -> EventIndex:
    """Cluster all records from scratch (in arrival order, then consolidated), then replay the user's decisions."""
    index = index or EventIndex()
    for record in arrival_order(records):
        index.assign(record)
    index.consolidate()
    for decision in sorted(decisions, key=lambda d: (d.created_at, d.id or 0)):
        apply_decision(index, decision)
    return index
