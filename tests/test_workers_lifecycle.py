"""Workers and clusters (issue 20, item 5): pool workers die with their parent; an absent scheduler is one line.

Real processes and real signals: ``analyze --workers 2`` is SIGKILLed while
its workers parse, and its children must be gone soon after. A ``--dask``
address where nothing listens ends in one line and exit code 2.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from processes import alive, children

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    command = [COUNTERCLAIM, "analyze", str(CORPUS), "--workers", "2", "--db", str(tmp_path / "s.db"), "--no-report"]
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(workers := children(parent.pid)) < 2 and time.monotonic() < deadline:
            assert parent.poll() is None, "the run ended before its workers could be seen"
            time.sleep(0.05)
        assert len(workers) >= 2, "no worker processes started"
        time.sleep(1.0)  # the workers are parsing
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [pid for pid in workers if alive(pid)]
        assert left == [], f"workers outlived their parent: {left}"
    finally:
        for pid in children(parent.pid) | (workers if "workers" in locals() else set()):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_an_unreachable_dask_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again at once: nothing listens there
    (tmp_path / "a.txt").write_text("A bomb killed three people in Kabul on Monday.", encoding="utf-8")
    address = f"tcp://127.0.0.1:{port}"
    command = [COUNTERCLAIM, "extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--dask", address]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: --dask {address}: cannot reach the scheduler")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
