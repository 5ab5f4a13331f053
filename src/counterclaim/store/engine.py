"""Database URLs and engines: a bare path means an SQLite file; SQLite gets WAL and foreign keys.

WAL lets a reader (``counterclaim report``) run while a batch writes, and makes
each committed document durable against the process being killed; SQLite
ignores foreign keys unless asked per connection, so the pragma is set on every
connection the pool opens.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

DEFAULT_URL = "sqlite:///counterclaim.db"
DB_ENV = "COUNTERCLAIM_DB"

#: Seconds a writer waits for another process's write lock before failing.
SQLITE_BUSY_TIMEOUT_S = 30


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message is one line for the user."""


def default_url() -> str:
    """``$COUNTERCLAIM_DB`` if set, else ``counterclaim.db`` in the working directory."""
    return os.environ.get(DB_ENV) or DEFAULT_URL


def parse_url(url: str) -> URL:
    """An SQLAlchemy URL from ``url``; anything without ``://`` is the path of an SQLite file."""
    if "://" not in url:
        return URL.create("sqlite", database=str(Path(url).expanduser()))
    try:
        return make_url(url)
    except ArgumentError as err:
        raise StoreError(f"not a database URL: {url!r}") from err


def sqlite_path(url: URL) -> Path | None:
    """The file an SQLite URL points at; ``None`` for in-memory databases and other backends."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def make_engine(url: URL) -> Engine:
    """An engine for ``url`` with counterclaim's connection settings."""
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as err:
        raise StoreError(f"cannot use database URL {url.render_as_string(hide_password=True)}: {err}") from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # the timeout first: switching a new file to WAL waits for another process opening it at the same moment
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def first_line(err: BaseException) -> str:
    """An error's message in one line (a database driver's own message where it has one)."""
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__
