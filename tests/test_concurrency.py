"""Two writers on one store (issue 20, item 2): concurrent ``analyze`` runs end as a serial run does.

Real processes on a real SQLite file and a real PostgreSQL database: two
``counterclaim analyze`` commands started together, on a new store with
disjoint inputs and on an existing store with the same inputs. Both must exit
0 and the store must hold the events a serial run builds (the same store
calls in this process, one input set after the other): same documents, same
grouping. The articles are the project's own multi-document corpus (two
reports of each of three attacks).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from counterclaim.nlp import records_from_documents
from counterclaim.records import Document, document_id
from counterclaim.store import Store

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
MULTI = Path(__file__).parent / "corpus" / "multi"
FIRST = [MULTI / n for n in ("m01_ap_mogadishu_2022.txt", "m04_reuters_lido_2024.txt", "m06_tass_crocus_2024.txt")]
SECOND = [MULTI / n for n in ("m02_hiiraan_mogadishu_2022_republished.txt", "m05_local_lido_2024.txt")]
SECOND += [MULTI / "m07_afp_crocus_2024.txt"]

Grouping = set[frozenset[str]]


def analyze(db: str, paths: list[Path]) -> subprocess.Popen:
    command = [COUNTERCLAIM, "analyze", *map(str, paths), "--db", db, "--no-report"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish(*runs: subprocess.Popen) -> list[str]:
    """Wait for every run; each must succeed, and its stderr is returned."""
    errors = [run.communicate(timeout=600)[1] for run in runs]
    for run, err in zip(runs, errors, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    return errors


def grouping(db: str) -> Grouping:
    with Store(db, create=False) as store:
        return {frozenset(s.document_names) for s in store.event_summaries()}


def store_in_process(db: str, pipeline: Language, paths: list[Path]) -> None:
    """What ``analyze`` does, in this process: save the records, then place them in events."""
    records = list(records_from_documents(pipeline, map(document, paths)))
    with Store(db) as store:
        store.save_many(records)
        store.update_events(r.document.id for r in records)


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory, pipeline: Language) -> Grouping:
    """The events of one run after another, on SQLite."""
    db = str(tmp_path_factory.mktemp("serial") / "serial.db")
    store_in_process(db, pipeline, FIRST)
    store_in_process(db, pipeline, SECOND)
    found = grouping(db)
    assert len(found) == 3 and all(len(event) == 2 for event in found), found
    return found


def test_two_runs_on_a_new_store_with_disjoint_inputs(tmp_db: str, serial: Grouping) -> None:
    finish(analyze(tmp_db, FIRST), analyze(tmp_db, SECOND))
    assert grouping(tmp_db) == serial


def test_two_runs_on_an_existing_store_with_the_same_inputs(tmp_db: str, serial: Grouping, pipeline: Language) -> None:
    store_in_process(tmp_db, pipeline, FIRST[:1])
    errors = finish(analyze(tmp_db, FIRST + SECOND), analyze(tmp_db, FIRST + SECOND))
    assert grouping(tmp_db) == serial
    stored = sum(int(err.strip().splitlines()[-1].split()[0]) for err in errors)
    assert stored == len(FIRST + SECOND) - 1, errors  # each document stored once, by one run or the other


def test_an_unexpected_error_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    Store(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE event_documents")  # a store damaged behind counterclaim's back
    result = subprocess.run([COUNTERCLAIM, "events", "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 3
    assert result.stderr.startswith("error: database error: no such table: event_documents")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_consensus_computed_before_another_run_changed_the_event_is_not_cached(
    tmp_path: Path, pipeline: Language
) -> None:
    db = str(tmp_path / "store.db")
    store_in_process(db, pipeline, FIRST[:1])
    with Store(db) as store:
        (before,) = store.event_listing()
    store_in_process(db, pipeline, SECOND[:1])  # another report of the same attack joins the event meanwhile
    with Store(db) as store:
        store.save_consensus(before, {"line": "computed from the old members"})
        (after,) = store.event_listing()
    assert len(after.summary.document_ids) == 2 and after.consensus is None


def document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    return Document(id=document_id(text), name=path.stem, text=text, raw_hash="0")
