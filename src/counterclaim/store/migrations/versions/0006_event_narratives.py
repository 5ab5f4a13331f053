"""0006: each event's narrative report and statement counts, kept as built (``event_narratives``).

The event page and the report build a narrative from every member's record;
on a large store that is most of a page's time. The narrative is kept here,
with the counts the page shows beside it (statements by stance, highest toll),
with the event's ``updated_at`` it was built for and what built it
(counterclaim's version and the knowledge base's digest); a row that no
longer matches is stale and is rebuilt when next read. Existing events get
theirs on first read (or from ``counterclaim analyze`` for the events it
touches).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "event_narratives",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("built_for", sa.DateTime(timezone=True), nullable=False),
        sa.Column("built_with", sa.String(length=100), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id"),
    )


def downgrade() -> None:
    op.drop_table("event_narratives")
