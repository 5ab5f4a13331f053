"""Two ``analyze`` runs at once on one store, repeated: how many finish, and whether the events are a serial run's.

For each backend (SQLite file; PostgreSQL with ``--pg``, a throwaway server
from ``tests/pgserver.py``) and each case (a new store with disjoint inputs;
an existing store with the same inputs), it starts two ``counterclaim
analyze`` processes together, ``--rounds`` times, and prints how many runs
exited 0, how many printed a traceback, and in how many rounds the store's
grouping of documents into events equals a serial run's. The inputs are
six articles of the project's multi-document corpus (two reports of each of
three attacks).

    .venv/bin/python bench/concurrent_writers.py --rounds 10 --pg
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from contextlib import ExitStack, suppress
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from counterclaim.store import Store

MULTI = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "multi"
FIRST = [MULTI / n for n in ("m01_ap_mogadishu_2022.txt", "m04_reuters_lido_2024.txt", "m06_tass_crocus_2024.txt")]
SECOND = [MULTI / n for n in ("m02_hiiraan_mogadishu_2022_republished.txt", "m05_local_lido_2024.txt")]
SECOND += [MULTI / "m07_afp_crocus_2024.txt"]
CLI = [sys.executable, "-m", "counterclaim.cli"]


def analyze(db: str, paths: list[Path]) -> subprocess.Popen:
    cmd = [*CLI, "analyze", *map(str, paths), "--db", db, "--no-report"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def grouping(db: str) -> set[frozenset[str]]:
    with Store(db, create=False) as store:
        return {frozenset(s.document_names) for s in store.event_summaries()}


def rounds(new_db: Callable[[], str], cases: int, serial: set[frozenset[str]]) -> dict[str, tuple[int, int, int, int]]:
    """Per case: (runs exited 0, runs with a traceback, rounds with the serial grouping, rounds)."""
    out = {}
    for case in ("new store, disjoint inputs", "existing store, same inputs"):
        ok = tracebacks = same = 0
        for _ in range(cases):
            db = new_db()
            if case.startswith("new"):
                runs = [analyze(db, FIRST), analyze(db, SECOND)]
            else:
                analyze(db, FIRST[:1]).communicate()
                runs = [analyze(db, FIRST + SECOND), analyze(db, FIRST + SECOND)]
            for run in runs:
                err = run.communicate()[1]
                ok += run.returncode == 0
                tracebacks += "Traceback" in err
            with suppress(Exception):  # a store left without its schema by a failed run
                same += grouping(db) == serial
        out[case] = (ok, tracebacks, same, cases)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="pairs of runs per backend and case")
    ap.add_argument("--pg", action="store_true", help="also on a throwaway PostgreSQL server")
    args = ap.parse_args(argv)
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cc-writers-")))
        serial_db = str(tmp / "serial.db")
        for paths in (FIRST, SECOND):
            analyze(serial_db, paths).communicate()
        serial = grouping(serial_db)
        backends = {"SQLite": lambda: str(tmp / f"{uuid.uuid4().hex}.db")}
        if args.pg:
            from pgserver import postgres_server

            server = make_url(stack.enter_context(postgres_server()))
            admin = create_engine(server, isolation_level="AUTOCOMMIT")

            def new_pg() -> str:
                name = f"cc_{uuid.uuid4().hex[:12]}"
                with admin.connect() as conn:
                    conn.exec_driver_sql(f"CREATE DATABASE {name}")
                return server.set(database=name).render_as_string(hide_password=False)

            backends["PostgreSQL"] = new_pg
        print(f"{'backend':<11} {'case':<28} {'runs ok':>8} {'tracebacks':>10} {'serial events':>13}")
        for backend, new_db in backends.items():
            for case, (ok, tracebacks, same, n) in rounds(new_db, args.rounds, serial).items():
                print(f"{backend:<11} {case:<28} {ok:>4}/{2 * n:<3} {tracebacks:>10} {same:>9}/{n:<3}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
