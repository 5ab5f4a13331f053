"""0003: what the events listing needs, on the ``events`` row.

``document_count`` and ``consensus`` (the listing's "who claimed, confirmed
and accused" line, a JSON object) let the listing be one indexed query
instead of a members query and a narrative per event. ``consensus`` is a
cache: the store clears it whenever an event's members change and the report
layer fills it the next time the event is listed; NULL means "compute me".
Existing events get their document count here and their consensus on first
listing.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document_count", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("consensus", sa.JSON(), nullable=True))
    op.execute(
        "UPDATE events SET document_count = "
        "(SELECT count(*) FROM event_documents WHERE event_documents.event_id = events.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("consensus")
        batch_op.drop_column("document_count")
