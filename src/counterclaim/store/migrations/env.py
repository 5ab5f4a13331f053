"""Alembic environment: runs on the connection the store hands over, never on a URL from a file.

``counterclaim.store.migrate`` puts an open connection into
``config.attributes["connection"]``, so migrations run inside the store's own
engine (same pragmas, same transaction handling) and no ``alembic.ini`` is
needed. ``render_as_batch`` lets later revisions alter SQLite tables.
"""

from __future__ import annotations

from alembic import context

from counterclaim.store.schema import metadata
from counterclaim.store.search import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
