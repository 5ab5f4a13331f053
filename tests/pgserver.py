"""A throwaway PostgreSQL server for the test suite.

The store is tested against a real server, not a stand-in: ``initdb`` into a
temporary folder, ``pg_ctl start`` on a loopback port with a private socket
folder, ``pg_ctl stop`` at the end. PostgreSQL refuses to run as root, so as
root the binaries run as the ``postgres`` user (``runuser``), in a folder that
user owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: $PG_BIN, the PATH, or Debian's versioned folders."""
    candidates = [os.environ.get("PG_BIN", "")]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a private server; yield its SQLAlchemy URL; stop it and remove its files."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    as_root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="cc-pg-"))
    if as_root:
        shutil.chown(folder, "postgres", "postgres")
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    data, log, port = folder / "data", folder / "pg.log", free_port()

    def run(*args: str, check: bool = True) -> None:
        subprocess.run([*prefix, *args], check=check, capture_output=True)

    initdb_flags = ("-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
    run(str(bin_dir / "initdb"), "-D", str(data), *initdb_flags)
    options = f"-p {port} -k {folder} -h 127.0.0.1 -c fsync=off"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o", options, "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(folder, ignore_errors=True)
