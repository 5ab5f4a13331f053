"""One process at a time through the store's read-modify-write steps: schema migration and event updates.

Two ``analyze`` runs on one store each read the events, place their documents
and write the events back; interleaved, both create the same event or split
one attack in two, and two runs creating a new store both create its tables.
Documents themselves need no lock (an insert that finds its document already
stored does nothing); these steps do. The lock is the database's own where it
has one: a PostgreSQL advisory lock, held by a session, so a killed process
releases it. An SQLite file gets an exclusive ``flock`` on a file beside it
(``NAME.lock``), which the kernel releases when the process dies; SQLite's own
write lock would do, but holding it for a whole event update would make the
other run's document saves time out.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

from counterclaim.store.engine import StoreError

#: The advisory-lock key of counterclaim's store (any 64-bit constant, the same in every process).
ADVISORY_KEY = 0x6363_5F73_746F_7265  # "cc_store"


@contextmanager
def exclusive(engine: Engine, sqlite_file: Path | None) -> Iterator[None]:
    """Hold the store's writer lock for the duration of the block (waiting for another process to release it)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
            conn.commit()  # the lock is the session's; no transaction stays open while the block runs
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
                conn.commit()
    elif sqlite_file is not None:
        path = sqlite_file.with_name(sqlite_file.name + ".lock")
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise StoreError(f"cannot create the lock file {path}: {err.strerror or err}") from err
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            os.close(handle)  # closing releases the lock
    else:
        yield  # an in-memory SQLite database belongs to this process alone
