"""Store: migrations match the schema, records round-trip, rows match records, reports render."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from counterclaim.records import (
    Actor,
    ArticleRecord,
    Attribution,
    CasualtyReport,
    Document,
    Event,
    Evidence,
    Mention,
    Perpetrators,
    Place,
    Span,
    Statement,
    document_id,
)
from counterclaim.report import UnknownEvent, render, reports_from_store
from counterclaim.store import Store, StoreError, schema
from counterclaim.store.search import include_name

#: Schema comparison leaves out what ``schema.py`` does not describe (the FTS5 tables).
COMPARE_OPTS = {"include_name": include_name}

TEXT = (
    "Gunmen kill four at a police post in Garissa\n\n"
    "Gunmen killed four officers at a police post in Garissa on Monday, the county commissioner said. "
    'The Shabaab said in a statement: "Our fighters carried out the raid." '
    "The interior minister blamed the group and condemned the killing."
)


def span(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment)


def evidence(fragment: str, producer: str) -> Evidence:
    s = span(fragment)
    return Evidence(start=s.start, end=s.end, sentence=fragment, producer=producer, confidence=0.8)


def sample_record(text: str = TEXT, name: str = "garissa") -> ArticleRecord:
    """A record with every kind of row, written by hand (the extractors are tested elsewhere)."""
    shabaab = Mention(span=span("The Shabaab"), actor_id="al-shabaab", producer="test")
    minister = Mention(span=span("The interior minister"), role="interior minister", affiliation_id="kenya")
    killed = CasualtyReport(
        kind="killed", number=4, source="county commissioner", evidence=evidence("killed four officers", "test.cas")
    )
    return ArticleRecord(
        document=Document(id=document_id(text), name=name, text=text, raw_hash="0" * 64, published=dt.date(2024, 6, 4)),
        event=Event(
            date=dt.date(2024, 6, 3),
            place=Place(city="Garissa", country="Kenya", latitude=-0.45, longitude=39.65),
            attack_type="armed assault",
            attack_type_text="gunmen",
            casualties=[killed],
            killed=4,
            killed_source="county commissioner",
            perpetrators=Perpetrators(claimed_by=["al-Shabaab"], accused={"al-Shabaab": ["Kenya"]}),
        ),
        event_mentions=[Event(place=Place(city="Mandera"), attack_type="bombing")],
        statements=[
            Statement(
                speaker=shabaab,
                speaker_name="al-Shabaab",
                speaker_affiliation="al-Shabaab",
                stance="claim",
                target=shabaab,
                target_name="al-Shabaab",
                quote="Our fighters carried out the raid.",
                direct=True,
                evidence=evidence("Our fighters carried out the raid.", "test.claim"),
            ),
            Statement(
                speaker=minister,
                speaker_name="interior minister",
                speaker_affiliation="Kenya",
                stance="condemn",
                evidence=evidence("condemned the killing", "test.condemn"),
            ),
        ],
        attributions=[Attribution(source=span("The Shabaab"), cue=span("said"), content=span("Our fighters"))],
        mentions=[shabaab, minister],
    )


def count(store: Store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_migrations_create_exactly_the_schema(tmp_db: str) -> None:
    with Store(tmp_db) as store, store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts=COMPARE_OPTS), schema.metadata) == []


def test_save_round_trips_and_writes_one_row_per_fact(tmp_db: str) -> None:
    record = sample_record()
    with Store(tmp_db) as store:
        assert store.save(record) is True
        assert store.has_document(record.document.id)
        assert store.load_record(record.document.id) == record
        assert list(store.iter_records()) == [record]
        assert store.document_ids() == [record.document.id]
        counts = {t.name: count(store, t) for t in schema.metadata.sorted_tables}
    assert counts["statements"] == 2 and counts["mentions"] == 2 and counts["attributions"] == 1
    assert counts["attacks"] == 2 and counts["casualty_reports"] == 1
    assert counts["actors"] == 2  # al-shabaab and kenya, provisional rows for the foreign keys


def test_saving_the_same_document_again_changes_nothing(tmp_db: str) -> None:
    with Store(tmp_db) as store:
        store.save(sample_record())
        before = {t.name: count(store, t) for t in schema.metadata.sorted_tables}
        assert store.save(sample_record(name="renamed copy")) is False
        assert {t.name: count(store, t) for t in schema.metadata.sorted_tables} == before


def test_a_batch_is_saved_in_one_go_skipping_documents_already_stored(tmp_db: str) -> None:
    first, other = sample_record(), sample_record("A different article about another attack.", name="other")
    with Store(tmp_db) as store:
        store.save(first)
        before = count(store, schema.statements)
        batch = [sample_record(name="copy"), other, sample_record("A different article about another attack.")]
        assert store.save_many(batch) == [False, True, False]  # stored before; new; same text earlier in the batch
        assert set(store.document_ids()) == {first.document.id, other.document.id}
        assert count(store, schema.statements) == 2 * before


def test_rows_hold_the_queryable_facts(tmp_db: str) -> None:
    record = sample_record()
    with Store(tmp_db) as store:
        store.save(record)
        with store.engine.connect() as conn:
            main = conn.execute(select(schema.attacks).where(schema.attacks.c.is_main)).one()._mapping
            claim = conn.execute(select(schema.statements).where(schema.statements.c.stance == "claim")).one()._mapping
    assert (main["city"], main["country"], main["killed"], main["date"]) == ("Garissa", "Kenya", 4, dt.date(2024, 6, 3))
    assert main["perpetrators"]["claimed_by"] == ["al-Shabaab"]
    assert claim["speaker_actor_id"] == "al-shabaab" and claim["direct"]
    assert TEXT[claim["evidence_start"] : claim["evidence_end"]] == claim["quote"]


def test_sqlite_store_uses_wal_and_enforces_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "bare.db"
    with Store(str(path)) as store:  # a bare path is an SQLite file
        store.save(sample_record())
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), store.engine.begin() as conn:
            orphan = {"document_id": "nope", "position": 0, "start_char": 0, "end_char": 1, "text": "x"}
            conn.execute(insert(schema.mentions).values(orphan))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_open_errors_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(str(tmp_path / "absent.db"), create=False)
    with pytest.raises(StoreError):
        Store("nosuchdialect://host/db")
    with pytest.raises(StoreError, match="cannot open"):
        Store(str(tmp_path))  # a folder is not a database file


def test_knowledge_base_actors_replace_provisional_rows(tmp_db: str) -> None:
    with Store(tmp_db) as store:
        store.save(sample_record())
        store.upsert_actors([Actor(id="al-shabaab", name="al-Shabaab", kind="militant_group", country="somalia")])
        with store.engine.connect() as conn:
            row = conn.execute(select(schema.actors).where(schema.actors.c.id == "al-shabaab")).one()._mapping
    assert (row["name"], row["kind"], row["country_id"]) == ("al-Shabaab", "militant_group", "somalia")


def test_report_per_document_shows_facts_with_evidence(tmp_db: str) -> None:
    record = sample_record()
    with Store(tmp_db) as store:
        store.save(record)
        reports = list(reports_from_store(store))
    text = "".join(render(reports, "text"))
    claim = record.statements[0].evidence
    assert "Garissa, Kenya" in text and "armed assault" in text
    assert f"[garissa {claim.start}–{claim.end}, test.claim]" in text
    assert "killed 4 — county commissioner" in text
    assert "condemn (1)" in text
    markdown = "".join(render(reports, "markdown"))
    assert markdown.startswith("## garissa") and "- Statements:" in markdown
    data = json.loads("".join(render(reports, "json")))
    assert data[0]["statements"]["claim"][0]["evidence"]["start"] == claim.start


def test_report_per_event_once_events_exist(tmp_db: str) -> None:
    other_text = TEXT.replace("Monday", "Sunday")
    now = dt.datetime.now(dt.UTC)
    with Store(tmp_db) as store:
        store.save(sample_record())
        store.save(sample_record(other_text, name="other"))
        with store.engine.begin() as conn:
            conn.execute(insert(schema.events).values(id="e1", label="Garissa raid", created_at=now, updated_at=now))
            conn.execute(
                insert(schema.event_documents).values(
                    document_id=document_id(TEXT), event_id="e1", score=0.9, reasons={"city": 1.0}, assigned_by="auto"
                )
            )
        reports = list(reports_from_store(store))
        assert [("event" in r) for r in reports] == [True, False]
        assert reports[0]["documents"] == ["garissa"]
        assert len(list(reports_from_store(store, event_id="e1"))) == 1
        with pytest.raises(UnknownEvent):
            list(reports_from_store(store, event_id="e2"))
    assert "e1  undated  place unknown" in "".join(render(reports, "text"))


def test_empty_store_report_says_so(tmp_db: str) -> None:
    with Store(tmp_db) as store:
        assert "Nothing stored yet" in "".join(render(reports_from_store(store), "text"))


@pytest.mark.postgres
def test_postgres_store_round_trips_and_matches_the_schema(postgres_url: str) -> None:
    record = sample_record()
    with Store(postgres_url) as store:
        assert store.save(record) is True
        assert store.save(record) is False
        assert store.load_record(record.document.id) == record
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn, opts=COMPARE_OPTS), schema.metadata) == []
        assert count(store, schema.statements) == 2
