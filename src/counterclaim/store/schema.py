"""The store's tables, as SQLAlchemy Core metadata: what queries are written against.

Plain relational columns for what analysts filter and join on (who accused
whom, casualty figures by source, attacks by place and date); the complete
record stays in ``documents.record_json`` so a record round-trips exactly even
when it holds more than the columns show. Migrations under ``migrations/``
create exactly these tables; ``tests/test_store.py`` checks the two agree.
Offsets are ``start_char``/``end_char`` because ``end`` is an SQL keyword.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

ID = String(64)
CASCADE = {"ondelete": "CASCADE"}


def _evidence_columns() -> list[Column]:
    """Where a fact comes from; fresh Column objects per table (a Column belongs to one table)."""
    return [
        Column("evidence_start", Integer),
        Column("evidence_end", Integer),
        Column("evidence_sentence", Text),
        Column("evidence_producer", String(200)),
        Column("evidence_confidence", Float),
        Column("evidence_rules", JSON),
    ]


documents = Table(
    "documents",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(500), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String(500)),
    Column("published", Date),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("raw_hash", String(64), nullable=False),
    Column("source_path", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("record_json", Text, nullable=False),
    Index("ix_documents_name", "name"),
    Index("ix_documents_published", "published"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", String(500), nullable=False),
    Column("kind", String(32)),
    Column("affiliation_id", String(200)),
    Column("country_id", String(200)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", ID, ForeignKey("documents.id", **CASCADE), nullable=False),
    Column("position", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("actor_id", String(200), ForeignKey("actors.id")),
    Column("role", String(500)),
    Column("affiliation_id", String(200), ForeignKey("actors.id")),
    Column("producer", String(200)),
    Column("confidence", Float),
    Index("ix_mentions_document", "document_id"),
    Index("ix_mentions_actor", "actor_id"),
)

attributions = Table(
    "attributions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", ID, ForeignKey("documents.id", **CASCADE), nullable=False),
    Column("position", Integer, nullable=False),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("direct", Boolean, nullable=False),
    Column("producer", String(200)),
    Column("confidence", Float),
    Index("ix_attributions_document", "document_id"),
)

statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", ID, ForeignKey("documents.id", **CASCADE), nullable=False),
    Column("position", Integer, nullable=False),
    Column("speaker_name", String(500), nullable=False),
    Column("speaker_actor_id", String(200), ForeignKey("actors.id")),
    Column("speaker_affiliation", String(500)),
    Column("role", String(500)),
    Column("stance", String(16), nullable=False),
    Column("target_name", String(500)),
    Column("target_actor_id", String(200), ForeignKey("actors.id")),
    Column("quote", Text),
    Column("direct", Boolean, nullable=False),
    Column("date", Date),
    *_evidence_columns(),
    Index("ix_statements_document", "document_id"),
    Index("ix_statements_stance", "stance"),
    Index("ix_statements_speaker_actor", "speaker_actor_id"),
    Index("ix_statements_target_actor", "target_actor_id"),
)

attacks = Table(
    "attacks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", ID, ForeignKey("documents.id", **CASCADE), nullable=False),
    Column("position", Integer, nullable=False),
    Column("is_main", Boolean, nullable=False),
    Column("date", Date),
    Column("city", String(200)),
    Column("region", String(200)),
    Column("country", String(200)),
    Column("landmark", String(500)),
    Column("lat", Float),
    Column("lon", Float),
    Column("attack_type", String(100)),
    Column("attack_type_text", String(500)),
    Column("suicide", Boolean, nullable=False),
    Column("weapon", String(200)),
    Column("killed", Integer),
    Column("killed_source", String(500)),
    Column("injured", Integer),
    Column("injured_source", String(500)),
    Column("perpetrators", JSON),
    Index("ix_attacks_document", "document_id"),
    Index("ix_attacks_date", "date"),
    Index("ix_attacks_place", "country", "city"),
)

casualty_reports = Table(
    "casualty_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("attack_id", Integer, ForeignKey("attacks.id", **CASCADE), nullable=False),
    Column("document_id", ID, ForeignKey("documents.id", **CASCADE), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("number", Integer, nullable=False),
    Column("qualifier", String(100)),
    Column("source", String(500)),
    Column("source_actor_id", String(200), ForeignKey("actors.id")),
    Column("date", Date),
    *_evidence_columns(),
    Index("ix_casualty_reports_attack", "attack_id"),
    Index("ix_casualty_reports_document", "document_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("label", Text),
    Column("date", Date),
    Column("city", String(200)),
    Column("country", String(200)),
    Column("attack_type", String(100)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("document_count", Integer),
    Column("consensus", JSON),
    Index("ix_events_date", "date"),
)

#: An event's narrative report (JSON text) and statement counts as built for its members at ``built_for`` (the
#: event's ``updated_at``) by ``built_with`` (counterclaim's version and the knowledge base's digest): the event
#: page and the report read them instead of every member's record. Any other row is stale, rebuilt when next read.
event_narratives = Table(
    "event_narratives",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", **CASCADE), primary_key=True),
    Column("built_for", DateTime(timezone=True), nullable=False),
    Column("built_with", String(100), nullable=False),
    Column("narrative", Text, nullable=False),
    Column("counts", JSON, nullable=False),
)

event_documents = Table(
    "event_documents",
    metadata,
    Column("document_id", ID, ForeignKey("documents.id", **CASCADE), primary_key=True),
    Column("event_id", ID, ForeignKey("events.id", **CASCADE), nullable=False),
    Column("score", Float),
    Column("reasons", JSON),
    Column("assigned_by", String(8), nullable=False),
    CheckConstraint("assigned_by IN ('auto', 'user')", name="ck_event_documents_assigned_by"),
    Index("ix_event_documents_event", "event_id"),
)

event_decisions = Table(
    "event_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


# -- the feed monitor (``counterclaim watch``, ``watch/state.py``) ----------------------------------------------------

#: URLs are keys of the monitor's tables; longer ones are refused by the monitor before they get here.
URL = String(2048)

watch_feeds = Table(
    "watch_feeds",
    metadata,
    Column("url", URL, primary_key=True),
    Column("kind", String(8)),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", String(100)),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("polled_at", DateTime(timezone=True)),
    Column("changed_at", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False),
    Column("last_error", Text),
    CheckConstraint("kind IN ('feed', 'page')", name="ck_watch_feeds_kind"),
)

watch_entries = Table(
    "watch_entries",
    metadata,
    Column("url", URL, primary_key=True),
    Column("feed_url", URL, nullable=False),
    Column("guid", Text),
    Column("title", Text),
    Column("published", Date),
    Column("updated", DateTime(timezone=True)),
    Column("fingerprint", String(64)),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("reason", Text),
    Column("document_id", ID),
    Column("etag", Text),
    Column("last_modified", String(100)),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("fetched_at", DateTime(timezone=True)),
    CheckConstraint("status IN ('pending', 'saving', 'stored', 'duplicate', 'failed')", name="ck_watch_entries_status"),
    Index("ix_watch_entries_status", "status"),
)

document_sources = Table(
    "document_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", ID, ForeignKey("documents.id", **CASCADE), nullable=False),
    Column("url", URL, nullable=False),
    Column("outlet", String(500)),
    Column("title", Text),
    Column("published", Date),
    Column("relation", String(16), nullable=False),
    Column("similarity", Float),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("relation IN ('original', 'copy', 'near-duplicate')", name="ck_document_sources_relation"),
    UniqueConstraint("document_id", "url", name="uq_document_sources_document_url"),
    Index("ix_document_sources_url", "url"),
)
