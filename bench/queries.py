"""Query latency on a large store, and ingest speed into SQLite and PostgreSQL.

Builds (once, cached under /tmp) an SQLite store of 100,000 synthetic
documents (``bench/synthetic.py``), then prints the time of what an analyst
waits for: the events list, one event's report, a full-text search. Each
figure is the median of ``--repeat`` warm runs, with the first (cold) run
beside it; the target is under 200 ms each. Figures are printed, never
asserted.

``--ingest N`` also times ``Store.save`` (the real write path, one
transaction per document) of N synthetic records into a fresh SQLite file and,
with ``--pg`` (a throwaway server from ``tests/pgserver.py``) or ``--pg-url``,
into PostgreSQL.

    python bench/queries.py                 # 100k store, query timings
    python bench/queries.py --ingest 2000 --pg
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from counterclaim.events import events_to_json
from counterclaim.events.actors import ActorNames
from counterclaim.report import render, reports_from_store
from counterclaim.report.collect import event_narrative, narrative_builder, stored_entries
from counterclaim.store import Store, schema

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from synthetic import bulk_write, synthetic_corpus

DEFAULT_DB = Path(tempfile.gettempdir()) / "counterclaim-bench-{n}.db"
TARGET_MS = 200
#: The page of the text listing (``counterclaim events`` and ``report`` show 50 unless --limit says otherwise).
PAGE = 50
SEARCHES = ("car bomb market", "Northern-Front", "siege hotel Lakeside", "mourning")

#: The events list in one query (events with their document counts), for comparison with the store's API.
EVENTS_WITH_COUNTS = text(
    "SELECT e.id, e.label, e.date, e.city, e.country, e.attack_type, count(ed.document_id) AS documents "
    "FROM events AS e LEFT JOIN event_documents AS ed ON ed.event_id = e.id "
    "GROUP BY e.id ORDER BY e.date IS NULL, e.date, e.id"
)


def stored_count(url: str) -> int:
    with Store(url) as store, store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()


def ensure_store(path: Path, count: int) -> str:
    """The URL of a synthetic store of ``count`` documents at ``path``, built unless already there.

    Its events' narratives are kept as ``counterclaim analyze`` keeps those of
    the events it touches (the synthetic writer goes round it, for speed).
    """
    url = f"sqlite:///{path}"
    if path.exists() and stored_count(url) == count:
        print(f"store: {path} ({count} documents, cached)")
    else:
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        start = time.perf_counter()
        with Store(url) as store:
            bulk_write(store, synthetic_corpus(count))
        print(f"store: {path} ({count} documents, built in {time.perf_counter() - start:.0f} s)")
    keep_narratives(url)
    return url


def keep_narratives(url: str) -> None:
    """Build and keep the narrative of every event that has no current one (members, version and KB unchanged)."""
    names = ActorNames()
    with Store(url) as store:
        missing = store.stale_narratives(narrative_builder(names))
        if not missing:
            return
        start = time.perf_counter()
        for event_id in missing:
            event_narrative(store, event_id, names)
        print(f"narratives: {len(missing)} built and kept in {time.perf_counter() - start:.0f} s")


def timed(label: str, run: Callable[[], Any], repeat: int) -> None:
    """Print the cold and the median warm time of ``run``; a failure is printed, not raised."""
    times = []
    try:
        for _ in range(repeat + 1):
            start = time.perf_counter()
            size = run()
            times.append((time.perf_counter() - start) * 1000)
    except Exception as err:  # a bench reports what broke and goes on to the next figure
        print(f"{label:<44} failed: {type(err).__name__}: {err}".splitlines()[0])
        return
    median = statistics.median(times[1:])
    flag = "ok" if median < TARGET_MS else f"over {TARGET_MS} ms"
    print(f"{label:<44} {median:8.1f} ms  (cold {times[0]:7.1f} ms, {size} items)  {flag}", flush=True)


def query_figures(url: str, repeat: int) -> None:
    with Store(url) as store:
        with store.engine.connect() as conn:
            event_id = conn.execute(select(schema.events.c.id).order_by(schema.events.c.id).limit(1)).scalar_one()

        def events_sql() -> int:
            with store.engine.connect() as conn:
                return len(conn.execute(EVENTS_WITH_COUNTS).all())

        def event_report() -> int:
            reports = list(reports_from_store(store, event_id=event_id))
            "".join(render(reports, "text"))
            return len(reports)

        def listing_page() -> int:
            entries = list(stored_entries(store, limit=PAGE))
            "".join(render(entries, "text"))
            return len(entries)

        def events_json() -> int:
            listed = events_to_json((e.summary, e.members) for e in store.event_listing())
            json.dumps(listed)
            return len(listed)

        def report_first_page() -> int:
            return len(list(islice(reports_from_store(store, limit=PAGE), PAGE)))

        timed("events list (SQL, counts)", events_sql, repeat)
        timed("events list (Store.event_summaries, all)", lambda: len(store.event_summaries()), repeat)
        timed(f"events list, first {PAGE} (`events`, text)", listing_page, repeat)
        timed(f"report listing, first {PAGE} events", report_first_page, repeat)
        timed("events as JSON, all (`events --format json`)", events_json, repeat)
        timed(f"one event's report ({event_id}, text)", event_report, repeat)
        for query in SEARCHES:
            timed(f"search {query!r} (top 20)", lambda q=query: len(store.search(q, 20)), repeat)


def ingest_figure(label: str, url: str, count: int) -> None:
    records = [record for record, _ in synthetic_corpus(count, seed=1)]
    with Store(url) as store:
        start = time.perf_counter()
        for record in records:
            store.save(record)
        seconds = time.perf_counter() - start
    print(f"ingest {label:<10} {count} documents via Store.save: {seconds:6.1f} s  ({count / seconds:7.0f} docs/s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--count", type=int, default=100_000, help="documents in the query store")
    ap.add_argument("--db", type=Path, help="SQLite file of the query store (default: /tmp, cached)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--ingest", type=int, default=0, help="also time Store.save of this many documents")
    ap.add_argument("--pg", action="store_true", help="with --ingest: also into a throwaway PostgreSQL server")
    ap.add_argument("--pg-url", help="with --ingest: also into this (empty) PostgreSQL database")
    args = ap.parse_args(argv)

    url = ensure_store(args.db or Path(str(DEFAULT_DB).format(n=args.count)), args.count)
    query_figures(url, args.repeat)
    if not args.ingest:
        return 0
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cc-ingest-")))
        ingest_figure("SQLite", f"sqlite:///{tmp / 'ingest.db'}", args.ingest)
        pg_url = args.pg_url
        if pg_url is None and args.pg:
            from pgserver import postgres_server

            pg_url = stack.enter_context(postgres_server())
        if pg_url:
            ingest_figure("PostgreSQL", pg_url, args.ingest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
