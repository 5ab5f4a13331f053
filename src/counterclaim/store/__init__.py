"""The store: ArticleRecords in SQLite (default) or PostgreSQL, schema by Alembic.

See ``docs/store.md`` for the tables. :class:`Store` is the API; a bare path
is an SQLite file, any other value an SQLAlchemy URL.
"""

from counterclaim.store.engine import DB_ENV, DEFAULT_URL, StoreError, default_url
from counterclaim.store.store import Store

__all__ = ["DB_ENV", "DEFAULT_URL", "Store", "StoreError", "default_url"]
