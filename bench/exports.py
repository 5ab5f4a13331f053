"""Export speed and memory on a large synthetic store: each format in a fresh process.

Builds (once, cached under /tmp, as ``bench/queries.py`` does) an SQLite
store of ``--count`` synthetic documents (``bench/synthetic.py``), then runs
``counterclaim export`` for every format in its own process and prints wall
time, documents per second, output size and the process's peak RSS. Exports
stream one event at a time, so peak memory should stay flat as ``--count``
grows; compare two counts to see it. Figures are printed, never asserted.

    python bench/exports.py                 # 10,000 documents
    python bench/exports.py --count 100000 --formats stix gtd
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from counterclaim.export import FORMATS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from queries import DEFAULT_DB, ensure_store
from throughput import timed


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=10_000, help="synthetic documents in the store")
    ap.add_argument("--formats", nargs="+", choices=list(FORMATS), default=list(FORMATS))
    args = ap.parse_args(argv)
    url = ensure_store(Path(str(DEFAULT_DB).format(n=args.count)), args.count)
    with tempfile.TemporaryDirectory(prefix="counterclaim-export-bench-") as tmp:
        work = Path(tmp)
        print(f"{'format':8} {'seconds':>8} {'docs/s':>8} {'MB out':>8} {'peak MiB':>9}")
        for name in args.formats:
            out = work / (name if name == "csv" else f"out{FORMATS[name].suffix}")
            command = [sys.executable, "-m", "counterclaim.cli", "export", "--format", name, "--out", str(out)]
            seconds, peak, _ = timed([*command, "--db", url], work)
            rate = args.count / seconds
            print(f"{name:8} {seconds:8.1f} {rate:8.0f} {size_of(out) / 1e6:8.1f} {peak:9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
