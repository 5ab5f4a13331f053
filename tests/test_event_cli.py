"""Events in the store and on the command line: grouping after analyze, user decisions, narrative reports.

Every test runs on SQLite and PostgreSQL (``tmp_db``). The decision and report
tests store hand-built records (our own sentences) so they need no model; one
test runs ``analyze`` end to end with the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import select, update
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.events import UnknownEvent
from counterclaim.events.actors import ActorNames
from counterclaim.records import (
    ArticleRecord,
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
from counterclaim.report.collect import event_narrative, event_view, narrative_builder, stored_entries
from counterclaim.store import Store, schema
from counterclaim.store.browse import event_counts

D = dt.date


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def statement(text: str, speaker: str, stance: str, target: str | None, quote: str, date: D | None) -> Statement:
    """A statement as the extractor writes it, its evidence the sentence holding ``quote``."""
    start = text.index(quote)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start + len(quote)) + 1 or len(text)
    speaker_start = text.index(speaker)
    return Statement(
        speaker=Mention(span=Span(start=speaker_start, end=speaker_start + len(speaker), text=speaker), producer="t"),
        speaker_name=speaker,
        stance=stance,
        target_name=target,
        content=Span(start=start, end=start + len(quote), text=quote),
        quote=quote,
        date=date,
        evidence=Evidence(
            document_id=document_id(text),
            start=sentence_start,
            end=sentence_end,
            sentence=text[sentence_start:sentence_end],
            producer="test.statement",
            confidence=0.8,
        ),
    )


def record(
    name: str,
    text: str,
    published: D,
    date: D,
    city: str,
    country: str,
    claimed_by: tuple[str, ...] = (),
    statements: tuple[tuple[str, str, str | None, str, D | None], ...] = (),
) -> ArticleRecord:
    doc = Document(id=document_id(text), name=name, text=text, published=published, raw_hash="0" * 64)
    event = Event(
        date=date,
        place=Place(city=city, country=country),
        attack_type="bombing",
        perpetrators=Perpetrators(claimed_by=list(claimed_by)),
    )
    return ArticleRecord(document=doc, event=event, statements=[statement(text, *s) for s in statements])


MAY = D(2023, 5, 1)
FERRY_A = (
    "A bomb ripped through a ferry terminal in Port Elm on Monday, killing nine passengers. The Northern Front "
    "said its fighters planted the device. The harbour police chief said the Northern Front was behind the blast. "
    "The interior minister blamed a foreign intelligence service for the bombing."
)
FERRY_B = (
    "Nine people died when a bomb exploded at the Port Elm ferry terminal on Monday. In a statement the Northern "
    "Front said its fighters planted the device. Investigators are still searching the wreckage."
)
DEPOT = "A bus depot in Stonebridge was bombed on Monday, wounding four drivers. No group has claimed the blast."
MARKET = "A bomb hidden in a fruit stall exploded in a Riverton market on Friday, killing three traders."


@pytest.fixture
def records() -> dict[str, ArticleRecord]:
    return {
        "ferry_a": record(
            "ferry_a",
            FERRY_A,
            MAY,
            MAY,
            "Port Elm",
            "Norland",
            ("Northern Front",),
            (
                ("Northern Front", "claim", "Northern Front", "its fighters planted the device", MAY),
                ("harbour police chief", "confirm", "Northern Front", "the Northern Front was behind the blast", None),
                ("interior minister", "accuse", "foreign intelligence service", "blamed a foreign intelligence", None),
            ),
        ),
        "ferry_b": record(
            "ferry_b",
            FERRY_B,
            D(2023, 5, 2),
            MAY,
            "Port Elm",
            "Norland",
            statements=(("Northern Front", "claim", "Northern Front", "its fighters planted the device", MAY),),
        ),
        "depot": record("depot", DEPOT, MAY, MAY, "Stonebridge", "Southland"),
        "market": record("market", MARKET, D(2023, 6, 3), D(2023, 6, 2), "Riverton", "Eastland"),
    }


def grouped(db: str) -> list[set[str]]:
    """The stored events as sets of document names."""
    with Store(db) as store:
        return sorted((set(s.document_names) for s in store.event_summaries()), key=sorted)


def event_of(db: str, name: str) -> str:
    with Store(db) as store:
        return next(s.id for s in store.event_summaries() if name in s.document_names)


def store_records(db: str, *records: ArticleRecord) -> None:
    with Store(db) as store:
        for r in records:
            store.save(r)
        store.update_events()


def test_store_keeps_events_and_assigns_only_new_documents(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"], records["depot"])
    first = event_of(tmp_db, "ferry_a")
    store_records(tmp_db, records["ferry_b"])
    assert grouped(tmp_db) == [{"depot"}, {"ferry_a", "ferry_b"}]
    assert event_of(tmp_db, "ferry_b") == first  # the stored event kept its id
    with Store(tmp_db) as store:
        index = store.load_index()
        assert index.assignments[records["ferry_b"].document.id].reasons  # why it joined, as stored
        assert store.unassigned_document_ids() == []


def test_events_json_has_the_scorer_shape(tmp_db: str, records) -> None:
    store_records(tmp_db, *records.values())
    result = invoke("events", "--db", tmp_db, "--format", "json")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert sorted(sorted(e["documents"]) for e in events) == [["depot"], ["ferry_a", "ferry_b"], ["market"]]
    ferry = next(e for e in events if "ferry_a" in e["documents"])
    assert {"id", "date", "place", "attack_type", "documents"} <= set(ferry)
    assert ferry["date"] == "2023-05-01" and ferry["place"] == "Port Elm, Norland"
    text = invoke("events", "--db", tmp_db).stdout
    assert f"{ferry['id']}  2023-05-01  Port Elm, Norland  {ferry['attack_type']}  2 docs  claimed by Northern" in text


def test_merge_split_move_survive_new_documents_and_reclustering(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"], records["ferry_b"], records["depot"])
    ferry, depot = event_of(tmp_db, "ferry_a"), event_of(tmp_db, "depot")
    merged = invoke("event", "merge", ferry, depot, "--db", tmp_db)
    assert merged.exit_code == 0, merged.output
    assert grouped(tmp_db) == [{"depot", "ferry_a", "ferry_b"}]
    store_records(tmp_db, records["market"])  # a later analyze
    assert grouped(tmp_db) == [{"depot", "ferry_a", "ferry_b"}, {"market"}]
    assert invoke("event", "recluster", "--db", tmp_db).exit_code == 0
    assert grouped(tmp_db) == [{"depot", "ferry_a", "ferry_b"}, {"market"}]

    split = invoke("event", "split", event_of(tmp_db, "depot"), "depot", "--db", tmp_db)
    assert split.exit_code == 0, split.output
    moved = invoke("event", "move", "market", event_of(tmp_db, "ferry_a"), "--db", tmp_db)
    assert moved.exit_code == 0 and "market -> " in moved.stdout
    expected = [{"depot"}, {"ferry_a", "ferry_b", "market"}]
    assert grouped(tmp_db) == expected
    assert invoke("event", "recluster", "--db", tmp_db).exit_code == 0
    assert grouped(tmp_db) == expected
    with Store(tmp_db) as store:
        assert [d.action for d in store.decisions()] == ["merge", "split", "move"]
        assert store.load_index().assignments[records["market"].document.id].assigned_by == "user"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["event", "merge", "ev-nope", "{event}"], "no event ev-nope"),
        (["event", "move", "no-such-doc", "{event}"], "no document 'no-such-doc'"),
        (["event", "split", "{event}", "depot"], "are not in event"),
        (["report", "--event", "ev-nope"], "no event 'ev-nope'"),
        (["report", "--format", "html"], "--format html needs --event"),
    ],
)
def test_unknown_ids_exit_2_in_one_line(tmp_db: str, records, args: list[str], message: str) -> None:
    store_records(tmp_db, records["ferry_a"], records["depot"])
    event = event_of(tmp_db, "ferry_a")
    result = invoke(*(a.format(event=event) for a in args), "--db", tmp_db)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_report_of_an_event_in_every_format(tmp_db: str, records, tmp_path: Path) -> None:
    store_records(tmp_db, records["ferry_a"], records["ferry_b"])
    event = event_of(tmp_db, "ferry_a")
    text = invoke("report", "--event", event, "--db", tmp_db)
    assert text.exit_code == 0, text.output
    assert "The Northern Front claimed responsibility on 1 May" in text.stdout  # the brief
    # "a foreign intelligence service" names no state: it stays as written, not one state's body of that name
    assert "The interior minister blamed the foreign intelligence service (reported 1 May)" in text.stdout
    claim_start = FERRY_A.index(". ") + 2
    claim = next(line for line in text.stdout.splitlines() if line.startswith("- Northern Front (Claimant)"))
    cited = claim.rsplit("[", 1)[1].rstrip("]").split(", ")  # one claim line citing both outlets' sentences
    notes = dict(line[1:].split("] ", 1) for line in text.stdout.splitlines() if line.startswith("["))
    assert sorted(notes[n].split(":")[0] for n in cited) == [
        f"ferry_a, characters {claim_start}–{FERRY_A.index('.', claim_start) + 1}",
        f"ferry_b, characters {FERRY_B.index('In a')}–{FERRY_B.index('device.') + 7}",
    ]
    markdown = invoke("report", "--event", event, "--db", tmp_db, "--format", "markdown").stdout
    assert markdown.startswith("# ") and "## Claims, confirmations" in markdown
    data = json.loads(invoke("report", "--event", event, "--db", tmp_db, "--format", "json").stdout)
    assert data[0]["event_id"] == event
    claims = data[0]["claimed_by"]
    assert [c["party"] for c in claims] == ["Northern Front"]
    assert {e["document_name"] for e in claims[0]["evidence"]} == {"ferry_a", "ferry_b"}
    out = tmp_path / "ferry.html"
    assert invoke("report", "--event", event, "--db", tmp_db, "--out", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_without_event_lists_events_and_unassigned_documents(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"])
    with Store(tmp_db) as store:
        store.save(records["depot"])  # stored, not yet grouped (as after a crash)
    result = invoke("report", "--db", tmp_db)
    assert result.exit_code == 0, result.output
    assert "claimed by Northern Front; Northern Front confirmed by harbour police chief" in result.stdout
    assert "depot" in result.stdout and "Attack: 2023-05-01 · Stonebridge, Southland" in result.stdout
    listing = json.loads(invoke("report", "--db", tmp_db, "--format", "json").stdout)
    assert listing[0]["consensus"]["claimed_by"] == ["Northern Front"]
    assert listing[1]["document"]["name"] == "depot"
    store_records(tmp_db)  # the next analyze assigns what a crash left unassigned
    assert grouped(tmp_db) == [{"depot"}, {"ferry_a"}]


ARTICLES = {
    "quay1": (
        "Bomb kills six at Port Elm ferry quay\n\nPORT ELM, Norland, May 1, 2023 - A bomb exploded at the ferry quay "
        "in Port Elm on Monday, killing six passengers, police said. The Northern Front claimed responsibility "
        "for the bombing in a statement."
    ),
    "quay2": (
        "Port Elm quay blast toll rises\n\nPORT ELM, Norland, May 2, 2023 - The toll from Monday's bombing at the "
        "Port Elm ferry quay rose to seven, police said. The Northern Front had claimed the attack."
    ),
    "farm": (
        "Gunmen kill farmers in Norland north\n\nKALVIK, Norland, June 20, 2023 - Gunmen shot dead five farmers "
        "near the village of Kalvik on Tuesday, a district official said."
    ),
}


def test_analyze_groups_articles_and_prints_event_summaries_and_narratives(tmp_db: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    result = invoke("analyze", str(folder), "--db", tmp_db)
    assert result.exit_code == 0, result.output
    assert "documents: quay1, quay2" in result.stderr and "3 stored" in result.stderr
    assert result.stdout.count("\nBrief\n") == 2 and "- quay1: " in result.stdout
    assert grouped(tmp_db) == [{"farm"}, {"quay1", "quay2"}]


@pytest.mark.parametrize("command", [["events"], ["event", "merge"], ["event", "split"], ["event", "move"]])
def test_event_commands_have_help_with_an_example(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0 and "Example: counterclaim " + " ".join(command) in result.output


def consensus_cache(db: str) -> dict[str, bool]:
    """Which stored events (by a member's name) have their listing consensus cached."""
    with Store(db) as store:
        return {min(e.summary.document_names): e.consensus is not None for e in store.event_listing()}


def test_listing_pages_and_caches_consensus_until_members_change(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"], records["depot"], records["market"])
    first = invoke("events", "--db", tmp_db, "--limit", "1")
    assert first.exit_code == 0, first.output
    assert first.stdout.count(" docs") + first.stdout.count(" doc ") == 1
    assert "… 2 more events (--offset 1)" in first.stdout
    assert sum(consensus_cache(tmp_db).values()) == 1  # the listed event's consensus is cached
    last = invoke("events", "--db", tmp_db, "--limit", "2", "--offset", "1").stdout
    assert "more event" not in last and "market" in last and first.stdout.split()[0] not in last
    assert all(consensus_cache(tmp_db).values())
    assert "claimed by Northern Front" in invoke("events", "--db", tmp_db).stdout
    store_records(tmp_db, records["ferry_b"])  # joins the ferry event: only its cache is cleared
    assert consensus_cache(tmp_db) == {"depot": True, "ferry_a": False, "market": True}
    with Store(tmp_db) as store:
        counts = {min(s.document_names): len(s.document_ids) for s in store.event_summaries()}
        assert counts == {"depot": 1, "ferry_a": 2, "market": 1}
        assert [s.id for s in store.event_summaries(limit=2, offset=1)] == [s.id for s in store.event_summaries()[1:]]


def kept_narratives(db: str) -> dict[str, tuple[int, str]]:
    """Each kept narrative by its event's first member: how many documents it covers, and what built it."""
    with Store(db) as store, store.engine.connect() as conn:
        rows = conn.execute(select(schema.event_narratives.c.narrative, schema.event_narratives.c.built_with)).all()
    return {min(d["name"] for d in json.loads(n)["documents"]): (len(json.loads(n)["documents"]), w) for n, w in rows}


def test_an_event_narrative_is_kept_and_rebuilt_when_its_members_or_its_builder_change(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"], records["depot"])
    ferry = event_of(tmp_db, "ferry_a")
    with Store(tmp_db) as store:
        builder = narrative_builder(ActorNames())
        assert sorted(store.stale_narratives(builder)) == sorted([ferry, event_of(tmp_db, "depot")])
        built = event_narrative(store, ferry)
        assert store.stale_narratives(builder) == [event_of(tmp_db, "depot")]
        assert {k: n for k, (n, _) in kept_narratives(tmp_db).items()} == {"ferry_a": 1}
        assert event_narrative(store, ferry) == built  # read back as it was built
    store_records(tmp_db, records["ferry_b"])  # joins the ferry event: the kept narrative is of old members
    with Store(tmp_db) as store:
        assert [d.name for d in event_narrative(store, ferry).documents] == ["ferry_a", "ferry_b"]
        assert kept_narratives(tmp_db)["ferry_a"][0] == 2
        assert event_view(store, ferry).counts == store.read(event_counts, [ferry])[ferry]  # kept with it
        with store.engine.begin() as conn:  # kept by another version, or with another knowledge base
            conn.execute(update(schema.event_narratives).values(built_with="0.0/other-kb", narrative="{}"))
        assert [d.name for d in event_narrative(store, ferry).documents] == ["ferry_a", "ferry_b"]
        assert kept_narratives(tmp_db)["ferry_a"][1] != "0.0/other-kb"
        with pytest.raises(UnknownEvent):
            event_narrative(store, "no-such-event")


def test_a_narrative_built_before_another_run_changed_the_event_is_not_kept(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"])
    ferry = event_of(tmp_db, "ferry_a")
    with Store(tmp_db) as store:
        kept = store.kept_narrative(ferry, "v/kb")
        assert kept.narrative is None
        store_records(tmp_db, records["ferry_b"])  # another run changes the event meanwhile
        store.keep_narrative(ferry, kept._replace(narrative="{}", counts={}), "v/kb")
        assert store.kept_narrative(ferry, "v/kb").narrative is None


def test_two_readers_keeping_one_narrative_at_once_do_not_fail(tmp_db: str, records) -> None:
    """Two workers opening one event page at once both keep its narrative: the later writer must not fail."""
    store_records(tmp_db, records["ferry_a"])
    ferry = event_of(tmp_db, "ferry_a")
    with Store(tmp_db) as first, Store(tmp_db) as second:
        kept = first.kept_narrative(ferry, "v/kb")._replace(narrative='{"documents": []}', counts={})
        table, events = schema.event_narratives, schema.events
        writing, failed = threading.Event(), []

        def keep_later() -> None:
            writing.wait()
            try:
                second.keep_narrative(ferry, kept, "v/kb")
            except Exception as err:  # the assertion below names it
                failed.append(err)

        later = threading.Thread(target=keep_later)
        later.start()
        with first.engine.begin() as conn:  # the first writer holds its new row uncommitted while the second writes
            literals = (sqlalchemy.literal("v/kb"), sqlalchemy.literal("{}"), sqlalchemy.literal({}, sqlalchemy.JSON))
            values = select(events.c.id, events.c.updated_at, *literals).where(events.c.id == ferry)
            conn.execute(sqlalchemy.insert(table).from_select([c.name for c in table.c], values))
            writing.set()
            later.join(0.5)
        later.join()
        assert failed == []
        assert first.kept_narrative(ferry, "v/kb").narrative is not None


def test_a_store_that_may_only_be_read_still_gives_narratives_and_listings(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"])
    ferry = event_of(tmp_db, "ferry_a")
    with Store(tmp_db) as store:

        @sqlalchemy.event.listens_for(store.engine, "connect")
        def read_only(dbapi_connection, _record) -> None:
            sqlite = store.engine.dialect.name == "sqlite"
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA query_only=ON" if sqlite else "SET SESSION default_transaction_read_only = on")
            cursor.close()
            dbapi_connection.commit()  # a SET in PostgreSQL is undone with the transaction it ran in

        store.engine.dispose()  # connections opened from now on may only read
        assert [d.name for d in event_narrative(store, ferry).documents] == ["ferry_a"]
        assert next(stored_entries(store))["consensus"]["claimed_by"] == ["Northern Front"]
    assert kept_narratives(tmp_db) == {} and consensus_cache(tmp_db) == {"ferry_a": False}


def test_report_listing_pages_and_lists_unassigned_documents_after_the_last_page(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"], records["market"])
    with Store(tmp_db) as store:
        store.save(records["depot"])  # stored but not yet grouped into an event
    page = invoke("report", "--db", tmp_db, "--limit", "1").stdout
    assert "… 1 more event (--offset 1)" in page and "depot" not in page
    rest = invoke("report", "--db", tmp_db, "--limit", "1", "--offset", "1").stdout
    assert "more event" not in rest and "market" in rest and "depot" in rest


def test_new_documents_load_only_the_events_they_could_join(tmp_db: str, records) -> None:
    store_records(tmp_db, records["ferry_a"], records["depot"])
    later = record("later", MARKET.replace("Friday", "Sunday"), D(2024, 9, 2), D(2024, 9, 1), "Riverton", "Eastland")
    with Store(tmp_db) as store:
        store.save(later)
        index = store.update_events()
        assert [s.document_names for s in index.summaries()] == [["later"]]  # the 2023 events stay on disk
        again = store.update_events([records["ferry_a"].document.id])  # nothing new; the named document's event
        assert [s.document_names for s in again.summaries()] == [["ferry_a"]]
    assert grouped(tmp_db) == [{"depot"}, {"ferry_a"}, {"later"}]
