"""What the report says about one document, as plain data.

Plain dicts (JSON-ready) so one structure feeds every output format: the JSON
report is this dict, the text and Markdown renderings only lay it out. Every
fact carries its evidence (document name and character offsets), so an analyst
can go from any line of the report to the words it rests on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from counterclaim.records import ArticleRecord, CasualtyReport, Event, Evidence, Stance, Statement

#: Order in which stances are listed: responsibility first, then reactions.
STANCE_ORDER: tuple[Stance, ...] = ("claim", "confirm", "accuse", "deny", "condemn", "other")


def evidence_ref(document_name: str, evidence: Evidence | None) -> dict[str, Any] | None:
    """Where a fact can be read: document, offsets, and the rule that found it."""
    if evidence is None:
        return None
    return {
        "document": document_name,
        "start": evidence.start,
        "end": evidence.end,
        "producer": evidence.producer,
        "confidence": evidence.confidence,
    }


def document_report(record: ArticleRecord) -> dict[str, Any]:
    """The attack summary and the statements of one document, grouped by stance."""
    document = record.document
    return {
        "document": {
            "id": document.id,
            "name": document.name,
            "title": document.title,
            "outlet": document.outlet,
            "url": document.url,
            "published": document.published.isoformat() if document.published else None,
            "language": document.language,
        },
        "attack": attack_summary(record.event, document.name),
        "statements": statements_by_stance(record.statements, document.name),
        "other_attacks_mentioned": len(record.event_mentions),
    }


def attack_summary(event: Event | None, document_name: str) -> dict[str, Any] | None:
    """Date, place, type, perpetrators and casualty figures (each with its source) of the main attack."""
    if event is None:
        return None
    place = event.place
    return {
        "date": event.date.isoformat() if event.date else None,
        "place": ", ".join(part for part in (place.landmark, place.city, place.region, place.country) if part) or None,
        "attack_type": event.attack_type,
        "attack_type_text": event.attack_type_text,
        "suicide": event.suicide,
        "killed": event.killed,
        "killed_source": event.killed_source,
        "injured": event.injured,
        "injured_source": event.injured_source,
        "claimed_by": list(event.perpetrators.claimed_by),
        "responsible": [
            {"name": r.name, "confidence": r.confidence, "evidence": evidence_ref(document_name, r.evidence)}
            for r in event.perpetrators.responsible
        ],
        "casualty_reports": [casualty_line(report, document_name) for report in event.casualties],
        "evidence": evidence_ref(document_name, event.evidence),
    }


def casualty_line(report: CasualtyReport, document_name: str) -> dict[str, Any]:
    return {
        "kind": report.kind,
        "number": report.number,
        "qualifier": report.qualifier,
        "source": report.source,
        "date": report.date.isoformat() if report.date else None,
        "evidence": evidence_ref(document_name, report.evidence),
    }


def statements_by_stance(statements: Iterable[Statement], document_name: str) -> dict[str, list[dict[str, Any]]]:
    """Stance -> statement lines, in :data:`STANCE_ORDER`, stances without statements left out."""
    grouped: dict[str, list[dict[str, Any]]] = {stance: [] for stance in STANCE_ORDER}
    for s in statements:
        grouped[s.stance].append(
            {
                "speaker": s.speaker_name,
                "affiliation": s.speaker_affiliation,
                "target": s.target_name,
                "date": s.date.isoformat() if s.date else None,
                "quote": s.quote,
                "direct": s.direct,
                "evidence": evidence_ref(document_name, s.evidence),
            }
        )
    return {stance: lines for stance, lines in grouped.items() if lines}
