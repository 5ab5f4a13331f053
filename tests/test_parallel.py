"""Parallel back-ends: a process pool and a Dask LocalCluster give exactly what a serial run gives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.nlp import load_model
from counterclaim.parallel import PipelineSpec, check_dask_address, results
from counterclaim.records import ArticleRecord, Document, document_id
from counterclaim.runner import ProcessError, process

#: Columns that differ between two runs storing the same records (surrogate keys, clock).
VOLATILE = {"id", "attack_id", "ingested_at"}
TABLES = ("documents", "actors", "mentions", "attributions", "statements", "attacks", "casualty_reports")
POISON = "XYZZY-POISON"

ARTICLES = [
    "A car bomb exploded outside a market in the city of Eastport on Tuesday, killing nine people, "
    "the provincial governor said. The Northern Front claimed responsibility in a statement on its channel.",
    "Militants stormed a hotel in Lakeside late on Friday. Police said at least 14 guests were killed "
    'and 20 wounded. "We condemn this cowardly act," the foreign ministry said on Saturday.',
    "Two suicide bombers struck a mosque in the western town of Hillcrest during prayers. "
    "The army blamed the Valley Brigade for the blast, which the group denied on Sunday.",
    "Gunmen ambushed a military convoy near the border on Monday, officials said. "
    "The defence minister said six soldiers died and accused a neighbouring state of arming the fighters.",
    "An explosion hit a bus station in Riverton on Wednesday morning. Hospital sources said 11 people died. "
    "No group has claimed the attack, the interior ministry said.",
]


def document(text: str, name: str) -> Document:
    return Document(id=document_id(text), name=name, text=text, raw_hash="0" * 64)


def documents() -> list[Document]:
    return [document(text, f"a{n}") for n, text in enumerate(ARTICLES)]


@Language.component("test_parallel_poison")
def fails_on_poison(doc: Doc) -> Doc:
    """A component with a bug only one document triggers (module level: forked workers inherit it)."""
    if POISON in doc.text:
        raise RuntimeError("component bug")
    return doc


@pytest.fixture(scope="module")
def serial(pipeline: Language) -> list[ArticleRecord]:
    return [r for r in process(documents(), pipeline, batch_size=2) if isinstance(r, ArticleRecord)]


def test_pool_isolates_a_failing_document_like_the_serial_runner() -> None:
    fragile = load_model()
    fragile.add_pipe("test_parallel_poison")
    batch = [document("A quiet day.", "a"), document(f"{POISON} here.", "bad"), document("Calm again.", "c")]
    spec = PipelineSpec(model="fragile-test-pipeline", batch_size=3)  # never built: the pool inherits ``fragile``
    got = list(results(batch, fragile, spec, workers=2))
    assert [type(r).__name__ for r in got] == ["ArticleRecord", "ProcessError", "ArticleRecord"]
    assert isinstance(got[1], ProcessError) and str(got[1]) == "bad: analysis failed: RuntimeError: component bug"


def test_dask_local_cluster_gives_the_serial_records(pipeline: Language, serial: list[ArticleRecord]) -> None:
    pytest.importorskip("distributed")
    got = list(results(documents(), pipeline, PipelineSpec(batch_size=2), dask="local:2"))
    assert got == serial


def test_dask_address_is_checked_before_any_work() -> None:
    assert check_dask_address("local:3") == 3
    with pytest.raises(ValueError, match="local:N"):
        check_dask_address("local:zero")
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        assert check_dask_address(cluster.scheduler_address) is None  # a scheduler that answers


def stored_rows(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows without surrogate keys and timestamps, sorted: what two equal runs share."""
    with sqlite3.connect(db) as conn:
        found = {}
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            keep = [i for i, col in enumerate(cursor.description) if col[0] not in VOLATILE]
            found[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
    return found


def test_workers_2_store_the_same_rows_as_workers_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(ARTICLES):
        (folder / f"a{n}.txt").write_text(text, encoding="utf-8")
    stores = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        args = ["analyze", str(folder), "--db", str(db), "--quiet", "--workers", str(workers)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        assert f"{len(ARTICLES)} stored" in result.output and "Attack:" not in result.output
        stores[workers] = stored_rows(db)
    assert stores[1] == stores[2]
    assert len(stores[2]["documents"]) == len(ARTICLES) and stores[2]["statements"]
