"""Full-text search over stored documents, on SQLite (FTS5) and PostgreSQL (tsvector), same answers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete

from counterclaim.records import ArticleRecord, Document, document_id
from counterclaim.store import Store, schema

TEXTS = {
    "market": ("Car bomb at a market", "A car bomb exploded at the central market, killing seven shoppers."),
    "convoy": ("Convoy ambushed", "Fighters ambushed an army convoy; the Northern Front claimed the ambush."),
    "hotel": ("Hotel siege ends", "Troops ended the siege of the hotel. The Northern-Front denied involvement."),
}


def record(name: str) -> ArticleRecord:
    title, body = TEXTS[name]
    text = f"{title}\n\n{body}"
    return ArticleRecord(
        document=Document(
            id=document_id(text), name=name, title=title, text=text, raw_hash="0" * 64, published=dt.date(2025, 3, 1)
        )
    )


def names(store: Store, query: str, limit: int = 10) -> list[str]:
    return [hit["name"] for hit in store.search(query, limit)]


def test_search_finds_every_word_with_stemming_and_punctuation_safe(tmp_db: str) -> None:
    with Store(tmp_db) as store:
        for name in TEXTS:
            store.save(record(name))
        assert names(store, "bomb market") == ["market"]
        assert names(store, "ambushes") == ["convoy"]  # stemmed: ambush, ambushed
        assert sorted(names(store, "Northern-Front")) == ["convoy", "hotel"]
        assert names(store, 'siege "of') == ["hotel"]  # a stray quote is text, not syntax
        assert names(store, "bomb convoy") == []
        assert names(store, "   ") == []
        assert len(names(store, "northern", limit=1)) == 1
        hit = store.search("siege")[0]
        assert hit["published"] == dt.date(2025, 3, 1) and "[siege]" in hit["snippet"].lower()


def test_deleted_documents_leave_the_index(tmp_db: str) -> None:
    with Store(tmp_db) as store:
        store.save(record("market"))
        with store.engine.begin() as conn:
            conn.execute(delete(schema.documents))
        assert names(store, "market") == []
