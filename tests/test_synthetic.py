"""The benchmark's synthetic store is a faithful store: evidence points at its text, the bulk path matches save()."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select

from counterclaim.store import Store, schema

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import bulk_write, synthetic_corpus


def test_synthetic_records_point_at_their_own_text() -> None:
    for record, _ in synthetic_corpus(30):
        text = record.document.text
        facts = [s.evidence for s in record.statements] + [c.evidence for c in record.event.casualties]
        assert all(text[e.start : e.end] == e.sentence for e in facts)
        assert all(text[m.span.start : m.span.end] == m.span.text for m in record.mentions)


def test_bulk_write_stores_what_save_would_and_groups_events(tmp_path: Path) -> None:
    corpus = list(synthetic_corpus(30, per_event=3))
    with Store(str(tmp_path / "bulk.db")) as bulk, Store(str(tmp_path / "saved.db")) as saved:
        assert bulk_write(bulk, corpus, chunk=7) == 30
        for record, _ in corpus:
            saved.save(record)
        for table in ("documents", "statements", "mentions", "attacks", "casualty_reports", "actors"):
            counts = [_count(store, schema.metadata.tables[table]) for store in (bulk, saved)]
            assert counts[0] == counts[1] > 0, table
        assert _count(bulk, schema.events) == 10 and _count(bulk, schema.event_documents) == 30
        first = corpus[0][0]
        assert bulk.load_record(first.document.id) == first
        assert bulk.search(first.document.title, 50)


def _count(store: Store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()
