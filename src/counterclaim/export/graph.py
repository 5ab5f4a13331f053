"""The speaker → party network as GraphML or GEXF, for Gephi, Cytoscape or networkx.

Nodes are actors (one per knowledge-base id or spelling) and events; an edge
goes from a speaker to the party it claimed, confirmed, accused or cleared,
one edge per speaker, party and stance, weighted by the number of distinct
statements (the same statement reported by several outlets counts once, as
in the narrative). A statement naming no party (a condemnation) points at the
event it is about. Edges carry the stance, its CAMEO code and PLOVER
category, the dates, events and documents, and the first quote with its
evidence (``document@start-end``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from counterclaim.events import merge_statements
from counterclaim.export.actors import ActorRef, party_ref, speaker_ref
from counterclaim.export.codes import load_data
from counterclaim.export.source import ExportUnit
from counterclaim.export.stream import text_chunks


@dataclass
class _Edge:
    """One speaker, party and stance, gathered over every event."""

    statements: int = 0
    reports: int = 0
    dates: list[dt.date] = field(default_factory=list)
    events: dict[str, None] = field(default_factory=dict)
    documents: dict[str, None] = field(default_factory=dict)
    quote: str = ""
    evidence: str = ""


def build_graph(units: Iterable[ExportUnit]) -> nx.MultiDiGraph:
    """The network of every statement in ``units``; edges are keyed by stance."""
    graph = nx.MultiDiGraph(name="counterclaim: who says who is responsible")
    edges: dict[tuple[str, str, str], _Edge] = {}
    for unit in units:
        names = unit.names
        for merged in merge_statements(unit.records, names):
            statement = merged.statement
            speaker = speaker_ref(names, statement)
            party = party_ref(names, statement)
            _actor_node(graph, speaker, unit)
            if party is not None:
                _actor_node(graph, party, unit)
                target = party.key
            else:
                target = f"event:{unit.id}"
                event_date = unit.event.date.isoformat() if unit.event and unit.event.date else ""
                graph.add_node(target, label=unit.label, kind="event", state="", date=event_date)
            edge = edges.setdefault((speaker.key, target, statement.stance), _Edge())
            edge.statements += 1
            edge.reports += len(merged.evidence)
            edge.dates.extend(d for d in (statement.date or merged.first_reported,) if d)
            edge.events[unit.id] = None
            edge.documents.update(dict.fromkeys(merged.documents))
            if not edge.quote:
                first = merged.evidence[0]
                edge.quote = statement.quote
                edge.evidence = f"{first.document_name}@{first.start}-{first.end}"
    codes = load_data("cameo")["stances"]
    for (source, target, stance), edge in edges.items():
        code = codes.get(stance) or {}
        graph.add_edge(
            source,
            target,
            key=stance,
            label=stance,
            stance=stance,
            cameo=code.get("cameo") or "",
            cameo_name=code.get("name") or "",
            plover=code.get("plover") or "",
            weight=edge.statements,
            reports=edge.reports,
            first_date=min(edge.dates).isoformat() if edge.dates else "",
            last_date=max(edge.dates).isoformat() if edge.dates else "",
            events=";".join(edge.events),
            documents=";".join(edge.documents),
            quote=edge.quote,
            evidence=edge.evidence,
        )
    return graph


def _actor_node(graph: nx.MultiDiGraph, actor: ActorRef, unit: ExportUnit) -> None:
    if actor.key not in graph:
        state = unit.names.state(actor.name) or ""
        graph.add_node(actor.key, label=actor.name, kind=actor.kind or "unknown", state=state, date="")


def graphml_chunks(units: Iterable[ExportUnit]) -> Iterator[bytes]:
    """GraphML (Gephi, yEd, Cytoscape, networkx) as UTF-8 bytes."""
    return text_chunks(line + "\n" for line in nx.generate_graphml(build_graph(units), prettyprint=True))


def gexf_chunks(units: Iterable[ExportUnit]) -> Iterator[bytes]:
    """GEXF 1.2 (Gephi's own format) as UTF-8 bytes."""
    return text_chunks(line + "\n" for line in nx.generate_gexf(build_graph(units), prettyprint=True))
