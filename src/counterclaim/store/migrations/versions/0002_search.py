"""0002: full-text search over documents' title and text.

SQLite gets an FTS5 table ``documents_fts`` (its own copy of title and text
next to the document id, kept in step by triggers). It is not an
external-content table on purpose: ``documents`` has a text primary key, so
its implicit rowid may change on ``VACUUM``, which would silently point an
external-content index at the wrong documents. PostgreSQL gets a GIN index
over the same text's ``tsvector``; the query in ``store/search.py`` repeats the
indexed expression so the planner uses it.

Written as literal DDL so this revision keeps creating the same objects
whatever later code does.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "document_id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO documents_fts (document_id, title, text) SELECT id, coalesce(title, ''), text FROM documents",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts (document_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, text ON documents BEGIN "
    "UPDATE documents_fts SET document_id = new.id, title = coalesce(new.title, ''), text = new.text "
    "WHERE document_id = old.id; END",
]
SQLITE_DOWN = [
    "DROP TRIGGER documents_fts_update",
    "DROP TRIGGER documents_fts_delete",
    "DROP TRIGGER documents_fts_insert",
    "DROP TABLE documents_fts",
]
POSTGRES_UP = [
    "CREATE INDEX ix_documents_fts ON documents USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))",
]
POSTGRES_DOWN = ["DROP INDEX ix_documents_fts"]


def _run(sqlite: list[str], postgres: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": sqlite, "postgresql": postgres}.get(dialect, []):
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UP, POSTGRES_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN, POSTGRES_DOWN)
