"""Shared test fixtures: the real spaCy model and counterclaim pipeline, PostgreSQL and Chromium, once per session."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from spacy.language import Language
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from browser import chromium_missing, launch
from counterclaim.ingest import read_inputs
from counterclaim.nlp import build_pipeline, load_model
from counterclaim.records import Document, Statement
from counterclaim.runner import process
from counterclaim.store import Store
from goldcheck import EVAL_DIR, non_canonical_names

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The bare spaCy model, without counterclaim's components."""
    return load_model()


@pytest.fixture(scope="session")
def non_canonical() -> dict[str, str]:
    """Aliases of ``shared/eval/aliases.json`` that are not their group's canonical name -> that name."""
    names = non_canonical_names()
    if names is None:
        pytest.skip(f"no aliases.json under {EVAL_DIR} (set COUNTERCLAIM_EVAL_DIR)")
    return names


@pytest.fixture(scope="session")
def pipeline() -> Language:
    """The full counterclaim pipeline as ``pipeline.yaml`` lists it."""
    return build_pipeline()


@pytest.fixture(scope="session")
def statements(pipeline: Language) -> Callable[[str], list[Statement]]:
    """Statements of a text run through the full pipeline."""

    def run(text: str) -> list[Statement]:
        return list(pipeline(text)._.statements)

    return run


def analyse_into(db: str, paths: list[Path], pipeline: Language) -> Store:
    """Read ``paths``, run the real pipeline, store the records in ``db`` and group them into events."""
    documents = [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)]
    store = Store(db)
    store.save_many(list(process(documents, pipeline)))  # type: ignore[arg-type]  (no ProcessError on these)
    store.update_events()
    return store


@pytest.fixture(scope="session")
def report_store(pipeline: Language, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A real SQLite store of the demo articles and the three Crocus City Hall articles of ``tests/corpus/multi``,
    analysed by the real pipeline and grouped into events: what the report's tests read."""
    crocus = ROOT / "tests" / "corpus" / "multi"
    paths = [ROOT / "examples", *sorted(crocus.glob("m0[678]_*.txt"))]
    store = analyse_into(str(tmp_path_factory.mktemp("report") / "report.db"), paths, pipeline)
    yield store
    store.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium for the whole session (``tests/browser.py``); skipped where it is not installed."""
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    with launch() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A private PostgreSQL server for the whole session (skipped where the server binaries are missing)."""
    from pgserver import find_bin_dir, postgres_server

    if find_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not installed; set PG_BIN to run these tests")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def tmp_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty store: an SQLite file, then a new database on the session's PostgreSQL server.

    Every test taking it runs on both backends, so SQL that only one dialect
    accepts fails here rather than in a user's deployment.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    server = make_url(request.getfixturevalue("postgres_url"))
    name = f"cc_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        yield server.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
    finally:
        admin.dispose()


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite store holding the demo corpus (``examples/``), analysed once per session like ``make demo``."""
    from typer.testing import CliRunner

    from counterclaim.cli import app

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES), "--db", str(db), "--no-report"])
    assert result.exit_code == 0, result.output
    return db
