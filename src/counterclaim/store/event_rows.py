"""Events, assignments and user decisions as table rows: the one place that maps them to columns.

The event index (``counterclaim.events``) lives in memory; these rows are how
it survives between commands: ``events`` holds each event's summary,
``event_documents`` why each document belongs where it is, and
``event_decisions`` the user's merges, splits and moves, replayed after any
re-clustering.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from counterclaim.events import Assignment, Decision, EventSummary

Row = dict[str, Any]


def event_row(summary: EventSummary) -> Row:
    """The ``events`` row of an event (without the timestamps and the consensus cache, which the store sets)."""
    row = summary.model_dump(include={"id", "label", "date", "city", "country", "attack_type"})
    return {**row, "document_count": len(summary.document_ids)}


def event_fields(row: Mapping[str, Any]) -> Row:
    """The summary fields an ``events`` row holds (an unlabelled event is labelled by its id)."""
    fields = {key: row[key] for key in ("id", "date", "city", "country", "attack_type")}
    return {**fields, "label": row["label"] or row["id"]}


def assignment_row(assignment: Assignment) -> Row:
    """The ``event_documents`` row of a document's assignment."""
    return assignment.model_dump(include={"document_id", "event_id", "score", "reasons", "assigned_by"})


def assignment_from_row(row: Mapping[str, Any], document_name: str) -> Assignment:
    """The assignment a stored row records (``new`` is False: the event existed when it was stored)."""
    return Assignment(
        document_id=row["document_id"],
        document_name=document_name,
        event_id=row["event_id"],
        score=row["score"] or 0.0,
        reasons=[str(reason) for reason in row["reasons"] or []],
        new=False,
        assigned_by=row["assigned_by"],
    )


def decision_row(decision: Decision) -> Row:
    """The ``event_decisions`` row of a decision (the id is the database's)."""
    return decision.model_dump(include={"action", "payload", "created_at"})


def decision_from_row(row: Mapping[str, Any]) -> Decision:
    return Decision.model_validate(dict(row))
