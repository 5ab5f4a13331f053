"""Speakers, parties and outlets as the exports name them: one key per actor, a display name and a kind.

The key is the knowledge-base id where the record or the knowledge base links
the name (so "ISIS" and "Islamic State" are one node, one STIX object), else
the normalised spelling; the kind (militant group, state, media ...) decides
what a STIX exporter makes of the actor and colours a graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from counterclaim.events.actors import ActorNames, normalise_name
from counterclaim.records import Statement
from counterclaim.report.narrative import named_party


@dataclass(frozen=True)
class ActorRef:
    """An actor as exported: stable key, name to show, knowledge-base kind (None when unknown)."""

    key: str
    name: str
    kind: str | None = None


def actor_ref(names: ActorNames, name: str | None, actor_id: str | None = None) -> ActorRef | None:
    """The actor ``actor_id`` (when the knowledge base has it) or ``name`` stands for; None without either."""
    found = names.kb.actor(actor_id) if actor_id and names.kb is not None else None
    found = found or names.actor(name)
    if found is not None:
        return ActorRef(found.id, found.name, found.kind)
    if not name:
        return None
    return ActorRef(normalise_name(name) or name, name)


def speaker_ref(names: ActorNames, statement: Statement) -> ActorRef:
    """Who made the statement."""
    found = actor_ref(names, statement.speaker_name, statement.speaker.actor_id)
    return found or ActorRef(statement.speaker_name, statement.speaker_name)


def party_ref(names: ActorNames, statement: Statement) -> ActorRef | None:
    """The party the statement claims, blames or clears (a claim without a target: the speaker's group)."""
    name = named_party(statement.stance, statement.target_name, statement.speaker_name, statement.speaker_affiliation)
    if name is None:
        return None
    linked = statement.target.actor_id if statement.target is not None and name == statement.target_name else None
    return actor_ref(names, name, linked)
