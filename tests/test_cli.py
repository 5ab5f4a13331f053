"""The command line end to end: real model, real SQLite files, real subprocesses where it matters."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
CHILD_TABLES = ("statements", "mentions", "attributions", "attacks", "casualty_reports")


def article(i: int) -> str:
    """A distinct short article (distinct text, so a distinct document id)."""
    return (
        f"Gunmen raid village {i} in the north\n\n"
        f"Gunmen attacked a village near the town of Northfield on day {i}, killing {i % 7 + 2} people, "
        "a district official said on Sunday. The police spokesman said the attackers fled on motorcycles. "
        "No group has claimed responsibility for the attack so far."
    )


def write_articles(folder: Path, n: int, start: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"art{i:03d}.txt").write_text(article(i), encoding="utf-8")


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", *CHILD_TABLES)}


def test_analyze_stores_reports_and_names_bad_inputs(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    db = tmp_path / "runs.db"
    result = invoke("analyze", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.exit_code == 1, result.output
    assert "- art000: " in result.output and "\nBrief\n" in result.output  # the events' narrative report
    assert "broken.txt: binary content" in result.output
    assert "missing.txt: no such file" in result.output
    assert "3 stored, 0 already present, 2 failed" in result.output
    assert "Traceback" not in result.output
    assert table_counts(db)["documents"] == 3


def test_analyze_twice_adds_nothing(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    db = tmp_path / "runs.db"
    assert invoke("analyze", str(tmp_path / "in"), "--db", str(db), "--no-report").exit_code == 0
    before = table_counts(db)
    again = invoke("analyze", str(tmp_path / "in"), "--db", str(db), "--format", "json")
    assert again.exit_code == 0, again.output
    assert "0 stored, 2 already present" in again.output
    assert table_counts(db) == before
    report = invoke("report", "--db", str(db), "--format", "json")
    assert report.exit_code == 0
    assert sorted(name for r in json.loads(report.stdout) for name in r["documents"]) == ["art000", "art001"]


def test_extract_writes_eval_json_per_input_including_stdin(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    out = tmp_path / "out"
    result = invoke("extract", str(tmp_path / "in"), "-", "--out", str(out), input=article(7))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["art000.json", "stdin.json"]
    data = json.loads((out / "stdin.json").read_text(encoding="utf-8"))
    assert data["name"] == "stdin" and set(data) >= {"event", "statements"}


def test_pipeline_file_chooses_the_components(tmp_path: Path) -> None:
    """--pipeline: a user's pipeline.yaml without cc_statements gives attack records and no statements."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "claim.txt").write_text(
        "A bomb killed nine people at a bus station in Kano on Monday, police said. "
        "The Islamic State claimed responsibility for the bombing in a statement.",
        encoding="utf-8",
    )
    config = tmp_path / "pipeline.yaml"
    config.write_text(
        "components:\n  - factory: cc_content\n  - factory: cc_dateline\n  - factory: cc_actors\n"
        "  - factory: cc_attack\n",
        encoding="utf-8",
    )
    for args, statements in (([], True), (["--pipeline", str(config)], False)):
        out = tmp_path / f"out{len(args)}"
        result = invoke("extract", str(tmp_path / "in"), "--out", str(out), *args)
        assert result.exit_code == 0, result.output
        data = json.loads((out / "claim.json").read_text(encoding="utf-8"))
        assert bool(data["statements"]) is statements
        assert data["event"]["killed"] == 9


def test_attributions_writes_span_json(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    result = invoke("attributions", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "art000.json").read_text(encoding="utf-8"))
    assert isinstance(data["attributions"], list)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "{in}", "--model", "no_such_model_xyz", "--db", "{db}"], "no spaCy pipeline found"),
        (["analyze", "{in}", "--db", "nosuchdialect://host/db"], "cannot use database URL"),
        (["report", "--db", "{tmp}/absent.db"], "no store at"),
        (["extract", "{in}"], "Missing option '--out'"),
    ],
)
def test_usage_and_setup_errors_exit_2_in_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    write_articles(tmp_path / "in", 1)
    values = {"in": str(tmp_path / "in"), "db": str(tmp_path / "x.db"), "tmp": str(tmp_path)}
    result = subprocess.run(
        [COUNTERCLAIM, *(a.format(**values) for a in args)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_report_for_unknown_event_exits_2(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    db = str(tmp_path / "runs.db")
    invoke("analyze", str(tmp_path / "in"), "--db", db, "--no-report")
    result = invoke("report", "--db", db, "--event", "nope")
    assert result.exit_code == 2 and "no event 'nope'" in result.output


@pytest.mark.parametrize("command", ["analyze", "extract", "attributions", "report", "serve"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Example: counterclaim " + command in result.output


def test_batch_killed_mid_run_leaves_only_whole_documents_and_rerun_completes(tmp_path: Path) -> None:
    n = 48  # more than one batch (runner.DEFAULT_BATCH_SIZE, also the store transaction), so the kill lands mid-run
    write_articles(tmp_path / "in", n)
    db = tmp_path / "runs.db"
    command = [COUNTERCLAIM, "analyze", str(tmp_path / "in"), "--db", str(db), "--no-report"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        stored = _wait_for_documents(db, child)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert stored < n, "the batch finished before it could be killed"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        documents = conn.execute("SELECT id, record_json FROM documents").fetchall()
        assert 0 < len(documents) < n
        for doc_id, record_json in documents:
            assert _row_counts(conn, doc_id) == _record_counts(json.loads(record_json)), doc_id
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - len(documents)} stored, {len(documents)} already present" in rerun.stderr
    assert table_counts(db)["documents"] == n


def _wait_for_documents(db: Path, child: subprocess.Popen, timeout: float = 300) -> int:
    """Poll the store until the running batch has committed its first document."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and child.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:  # the schema is not created yet
                stored = 0
            if stored:
                return stored
        time.sleep(0.005)
    raise AssertionError("no document was stored in time")


def _row_counts(conn: sqlite3.Connection, doc_id: str) -> dict[str, int]:
    query = "SELECT count(*) FROM {} WHERE document_id = ?"
    return {t: conn.execute(query.format(t), (doc_id,)).fetchone()[0] for t in CHILD_TABLES}


def _record_counts(record: dict) -> dict[str, int]:
    events = ([record["event"]] if record["event"] else []) + record["event_mentions"]
    return {
        "statements": len(record["statements"]),
        "mentions": len(record["mentions"]),
        "attributions": len(record["attributions"]),
        "attacks": len(events),
        "casualty_reports": sum(len(e["casualties"]) for e in events),
    }
