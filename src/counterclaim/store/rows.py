"""An ArticleRecord as table rows: the one place that maps record fields to columns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from counterclaim.records import ArticleRecord, CasualtyReport, Event, Evidence, Mention

Row = dict[str, Any]


def document_row(record: ArticleRecord) -> Row:
    """The ``documents`` row, holding the whole record as JSON for an exact round trip."""
    document = record.document
    return {
        **document.model_dump(include={"id", "name", "url", "title", "outlet", "published", "language", "text"}),
        "raw_hash": document.raw_hash,
        "source_path": document.source_path,
        "record_json": record.model_dump_json(),
    }


def evidence_columns(evidence: Evidence) -> Row:
    """The ``evidence_*`` columns of a fact."""
    return {
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence_sentence": evidence.sentence,
        "evidence_producer": evidence.producer,
        "evidence_confidence": evidence.confidence,
        "evidence_rules": evidence.rules,
    }


def mention_rows(record: ArticleRecord) -> list[Row]:
    return [
        {
            "position": position,
            "start_char": m.span.start,
            "end_char": m.span.end,
            "text": m.span.text,
            "actor_id": m.actor_id,
            "role": m.role,
            "affiliation_id": m.affiliation_id,
            "producer": m.producer,
            "confidence": m.confidence,
        }
        for position, m in enumerate(record.mentions)
    ]


def attribution_rows(record: ArticleRecord) -> list[Row]:
    rows = []
    for position, a in enumerate(record.attributions):
        row: Row = {"position": position, "direct": a.direct, "producer": a.producer, "confidence": a.confidence}
        for part in ("source", "cue", "content"):
            span = getattr(a, part)
            row[f"{part}_start"] = span.start if span else None
            row[f"{part}_end"] = span.end if span else None
        rows.append(row)
    return rows


def statement_rows(record: ArticleRecord) -> list[Row]:
    return [
        {
            "position": position,
            "speaker_name": s.speaker_name,
            "speaker_actor_id": s.speaker.actor_id,
            "speaker_affiliation": s.speaker_affiliation,
            "role": s.speaker.role,
            "stance": s.stance,
            "target_name": s.target_name,
            "target_actor_id": s.target.actor_id if s.target else None,
            "quote": s.quote,
            "direct": s.direct,
            "date": s.date,
            **evidence_columns(s.evidence),
        }
        for position, s in enumerate(record.statements)
    ]


def attacks(record: ArticleRecord) -> Iterator[tuple[Event, bool]]:
    """Every attack the record reports: the main one first (flagged), then the others it mentions."""
    if record.event is not None:
        yield record.event, True
    for event in record.event_mentions:
        yield event, False


def attack_row(event: Event, position: int, is_main: bool) -> Row:
    place = event.place
    return {
        "position": position,
        "is_main": is_main,
        "date": event.date,
        "city": place.city,
        "region": place.region,
        "country": place.country,
        "landmark": place.landmark,
        "lat": place.latitude,
        "lon": place.longitude,
        "attack_type": event.attack_type,
        "attack_type_text": event.attack_type_text,
        "suicide": event.suicide,
        "weapon": event.weapon,
        "killed": event.killed,
        "killed_source": event.killed_source,
        "injured": event.injured,
        "injured_source": event.injured_source,
        "perpetrators": event.perpetrators.model_dump(mode="json"),
    }


def casualty_row(report: CasualtyReport) -> Row:
    return {
        "kind": report.kind,
        "number": report.number,
        "qualifier": report.qualifier,
        "source": report.source,
        "source_actor_id": report.source_actor_id,
        "date": report.date,
        **evidence_columns(report.evidence),
    }


def referenced_actors(record: ArticleRecord) -> dict[str, str]:
    """Actor id -> a name for it, for every actor id the record's rows point at.

    Rows keep foreign keys to ``actors``, so each id needs a row; the knowledge
    base may later replace the surface name with the canonical one.
    """
    names: dict[str, str] = {}

    def note(actor_id: str | None, name: str | None) -> None:
        if actor_id and actor_id not in names:
            names[actor_id] = name or actor_id

    def note_mention(mention: Mention | None, name: str | None, affiliation: str | None) -> None:
        if mention is not None:
            note(mention.actor_id, name or mention.span.text)
            note(mention.affiliation_id, affiliation)

    for s in record.statements:
        note_mention(s.speaker, s.speaker_name, s.speaker_affiliation)
        note_mention(s.target, s.target_name, None)
    for m in record.mentions:
        note_mention(m, None, None)
    for event, _ in attacks(record):
        for c in event.casualties:
            note(c.source_actor_id, c.source)
    return names
