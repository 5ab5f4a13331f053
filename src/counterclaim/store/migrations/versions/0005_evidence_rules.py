"""0005: the names of the rules that shaped a fact, on its row.

``evidence_rules`` (a JSON list, e.g. ``["act.claim", "speaker.named",
"stance.claim"]``) lets a query find every statement a rule shaped, to see
what one rule does across a store. Rows stored before keep NULL: their
records were made before rules had names.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_TABLES = ("statements", "casualty_reports")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("evidence_rules", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("evidence_rules")
