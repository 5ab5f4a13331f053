"""0001: the whole schema -- documents, extracted facts (actors, mentions, attributions,
statements, attacks, casualty reports) and the cross-document events with their user decisions.

Written out table by table (not ``metadata.create_all``) so that this revision
keeps creating the first schema after ``schema.py`` moves on; later revisions
alter it. ``tests/test_store.py`` checks that head equals ``schema.py``.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=True),
        sa.Column("affiliation_id", sa.String(length=200), nullable=True),
        sa.Column("country_id", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=500), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw_hash", sa.String(length=64), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_name", ["name"], unique=False)
        batch_op.create_index("ix_documents_published", ["published"], unique=False)

    op.create_table(
        "event_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=200), nullable=True),
        sa.Column("attack_type", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_date", ["date"], unique=False)

    op.create_table(
        "attacks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_main", sa.Boolean(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("region", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=200), nullable=True),
        sa.Column("landmark", sa.String(length=500), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("attack_type", sa.String(length=100), nullable=True),
        sa.Column("attack_type_text", sa.String(length=500), nullable=True),
        sa.Column("suicide", sa.Boolean(), nullable=False),
        sa.Column("weapon", sa.String(length=200), nullable=True),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("killed_source", sa.String(length=500), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("injured_source", sa.String(length=500), nullable=True),
        sa.Column("perpetrators", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attacks", schema=None) as batch_op:
        batch_op.create_index("ix_attacks_date", ["date"], unique=False)
        batch_op.create_index("ix_attacks_document", ["document_id"], unique=False)
        batch_op.create_index("ix_attacks_place", ["country", "city"], unique=False)

    op.create_table(
        "attributions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("content_start", sa.Integer(), nullable=True),
        sa.Column("content_end", sa.Integer(), nullable=True),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("producer", sa.String(length=200), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.create_index("ix_attributions_document", ["document_id"], unique=False)

    op.create_table(
        "event_documents",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=True),
        sa.Column("assigned_by", sa.String(length=8), nullable=False),
        sa.CheckConstraint("assigned_by IN ('auto', 'user')", name="ck_event_documents_assigned_by"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id"),
    )
    with op.batch_alter_table("event_documents", schema=None) as batch_op:
        batch_op.create_index("ix_event_documents_event", ["event_id"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=500), nullable=True),
        sa.Column("affiliation_id", sa.String(length=200), nullable=True),
        sa.Column("producer", sa.String(length=200), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["affiliation_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index("ix_mentions_actor", ["actor_id"], unique=False)
        batch_op.create_index("ix_mentions_document", ["document_id"], unique=False)

    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker_name", sa.String(length=500), nullable=False),
        sa.Column("speaker_actor_id", sa.String(length=200), nullable=True),
        sa.Column("speaker_affiliation", sa.String(length=500), nullable=True),
        sa.Column("role", sa.String(length=500), nullable=True),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("target_name", sa.String(length=500), nullable=True),
        sa.Column("target_actor_id", sa.String(length=200), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_sentence", sa.Text(), nullable=True),
        sa.Column("evidence_producer", sa.String(length=200), nullable=True),
        sa.Column("evidence_confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["speaker_actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["target_actor_id"],
            ["actors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.create_index("ix_statements_document", ["document_id"], unique=False)
        batch_op.create_index("ix_statements_speaker_actor", ["speaker_actor_id"], unique=False)
        batch_op.create_index("ix_statements_stance", ["stance"], unique=False)
        batch_op.create_index("ix_statements_target_actor", ["target_actor_id"], unique=False)

    op.create_table(
        "casualty_reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("attack_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("qualifier", sa.String(length=100), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=True),
        sa.Column("source_actor_id", sa.String(length=200), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_sentence", sa.Text(), nullable=True),
        sa.Column("evidence_producer", sa.String(length=200), nullable=True),
        sa.Column("evidence_confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["attack_id"], ["attacks.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["source_actor_id"],
            ["actors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("casualty_reports", schema=None) as batch_op:
        batch_op.create_index("ix_casualty_reports_attack", ["attack_id"], unique=False)
        batch_op.create_index("ix_casualty_reports_document", ["document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("casualty_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_casualty_reports_document")
        batch_op.drop_index("ix_casualty_reports_attack")

    op.drop_table("casualty_reports")
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_index("ix_statements_target_actor")
        batch_op.drop_index("ix_statements_stance")
        batch_op.drop_index("ix_statements_speaker_actor")
        batch_op.drop_index("ix_statements_document")

    op.drop_table("statements")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_mentions_document")
        batch_op.drop_index("ix_mentions_actor")

    op.drop_table("mentions")
    with op.batch_alter_table("event_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_event_documents_event")

    op.drop_table("event_documents")
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.drop_index("ix_attributions_document")

    op.drop_table("attributions")
    with op.batch_alter_table("attacks", schema=None) as batch_op:
        batch_op.drop_index("ix_attacks_place")
        batch_op.drop_index("ix_attacks_document")
        batch_op.drop_index("ix_attacks_date")

    op.drop_table("attacks")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_date")

    op.drop_table("events")
    op.drop_table("event_decisions")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_published")
        batch_op.drop_index("ix_documents_name")

    op.drop_table("documents")
    op.drop_table("actors")
