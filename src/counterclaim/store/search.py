"""Full-text search over documents' title and text: SQLite FTS5 or a PostgreSQL ``tsvector`` index.

Migration ``0002`` builds the index; this module holds the queries, one per
dialect, behind :func:`search`. A user's words are never passed through as
query syntax: each whitespace-separated word becomes a quoted phrase of its
letters and digits, which FTS5 and ``websearch_to_tsquery`` read alike
(``al-Shabaab`` means "al" then "shabaab", however the text hyphenates it,
and a stray ``-`` or ``"`` cannot raise a syntax error). All words must
match; best matches first.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, Date, Float, String, text

#: The FTS5 table and its shadow tables (``documents_fts_data`` ...) share this prefix; like the
#: PostgreSQL expression index they are dialect-specific, outside ``schema.py``, so schema comparison skips them.
FTS_TABLE = "documents_fts"
PG_INDEX = "ix_documents_fts"

#: Ordered by FTS5's ``rank`` column (BM25), not by a ``bm25()`` call: FTS5 then sorts inside the full-text
#: query with the LIMIT pushed down, and only the best ``limit`` rows are joined and given a snippet.
SQLITE_QUERY = text(
    "SELECT d.id, d.name, d.title, d.published, "
    "snippet(documents_fts, 2, '[', ']', '…', 12) AS snippet, -documents_fts.rank AS score "
    "FROM documents_fts JOIN documents AS d ON d.id = documents_fts.document_id "
    "WHERE documents_fts MATCH :query ORDER BY documents_fts.rank LIMIT :limit"
).columns(id=String, name=String, title=String, published=Date, snippet=String, score=Float)

#: The indexed expression of migration 0002, repeated verbatim so the planner uses the GIN index.
_PG_VECTOR = "to_tsvector('english', coalesce(d.title, '') || ' ' || d.text)"
POSTGRES_QUERY = text(
    "SELECT hit.id, hit.name, hit.title, hit.published, "
    "ts_headline('english', hit.text, q, 'StartSel=[, StopSel=], MaxFragments=1, MaxWords=20') AS snippet, "
    "hit.score FROM ("
    f"  SELECT d.id, d.name, d.title, d.published, d.text, ts_rank({_PG_VECTOR}, q) AS score, q"
    f"  FROM documents AS d, websearch_to_tsquery('english', :query) AS q WHERE {_PG_VECTOR} @@ q"
    "  ORDER BY score DESC LIMIT :limit"
    ") AS hit ORDER BY hit.score DESC"
).columns(id=String, name=String, title=String, published=Date, snippet=String, score=Float)


def phrase_query(query: str) -> str:
    """``query`` as quoted phrases of word characters, all required (FTS5 and websearch syntax alike)."""
    phrases = (" ".join(re.findall(r"\w+", word)) for word in query.split())
    return " ".join(f'"{phrase}"' for phrase in phrases if phrase)


def search(conn: Connection, query: str, limit: int) -> list[dict[str, Any]]:
    """Documents matching every word of ``query``: id, name, title, published, snippet, score; best first."""
    phrases = phrase_query(query)
    if not phrases:
        return []
    dialect = conn.dialect.name
    if dialect == "sqlite":
        rows = conn.execute(SQLITE_QUERY, {"query": phrases, "limit": limit})
    elif dialect == "postgresql":
        rows = conn.execute(POSTGRES_QUERY, {"query": phrases, "limit": limit})
    else:
        raise NotImplementedError(f"full-text search is not implemented for {dialect}")
    return [dict(row._mapping) for row in rows]


def include_name(name: str | None, type_: str, _parents: dict[str, str | None]) -> bool:
    """Alembic ``include_name`` hook: leave the search index's tables and index out of schema comparison."""
    if name is None:
        return True
    return not ((type_ == "table" and name.startswith(FTS_TABLE)) or (type_ == "index" and name == PG_INDEX))
