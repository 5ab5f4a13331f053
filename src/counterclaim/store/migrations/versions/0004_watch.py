"""0004: the feed monitor's state (``counterclaim watch``) and the sources of each document.

``watch_feeds`` holds each feed or page watched, with the ``ETag`` and
``Last-Modified`` of its last answer (sent back on the next poll);
``watch_entries`` every article URL the feeds listed (canonical form), what
became of it (pending, saving, stored, duplicate, failed) and the validators
of its page; ``document_sources`` every URL a stored text was read from, so
that wire copy syndicated by ten outlets is one document with ten sources.
``watch_entries.document_id`` has no foreign key on purpose: the monitor
writes it just before it stores the document, so a restart knows what it was
storing (see ``watch/state.py``).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "watch_feeds",
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.CheckConstraint("kind IN ('feed', 'page')", name="ck_watch_feeds_kind"),
        sa.PrimaryKeyConstraint("url"),
    )
    op.create_table(
        "watch_entries",
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("feed_url", sa.String(length=2048), nullable=False),
        sa.Column("guid", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("document_id", sa.String(length=64), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'saving', 'stored', 'duplicate', 'failed')", name="ck_watch_entries_status"
        ),
        sa.PrimaryKeyConstraint("url"),
    )
    with op.batch_alter_table("watch_entries", schema=None) as batch_op:
        batch_op.create_index("ix_watch_entries_status", ["status"], unique=False)
    op.create_table(
        "document_sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("outlet", sa.String(length=500), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("relation IN ('original', 'copy', 'near-duplicate')", name="ck_document_sources_relation"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "url", name="uq_document_sources_document_url"),
    )
    with op.batch_alter_table("document_sources", schema=None) as batch_op:
        batch_op.create_index("ix_document_sources_url", ["url"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("document_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_document_sources_url")
    op.drop_table("document_sources")
    with op.batch_alter_table("watch_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_watch_entries_status")
    op.drop_table("watch_entries")
    op.drop_table("watch_feeds")
