"""Run counterclaim on every evaluation corpus and print the scorers' figures.

`make eval` calls this. It drives the real CLI (as a user would) and the
shared scorers in ``../shared/eval``:

* statements and event fields (``score.py``) on the shared dev set and on our
  own gold corpora: ``tests/corpus/single`` and ``tests/corpus/dev2`` (developed
  on), ``tests/corpus/heldout`` (written blind after the first round, since
  used for categories of misses), ``tests/corpus/heldout2`` (written blind on
  26 Nov 2026, since used for categories of misses) and ``tests/corpus/heldout3``
  (written blind later that day, never tuned on: the honest estimate of how the
  extractor does on new outlets);
* attribution spans (``score_attributions.py``) on PolNeAR dev;
* document clustering into events (``score_clusters.py``, B-cubed) on our
  multi-document corpus ``tests/corpus/multi``;
* attack records (``score_muc4.py``: relevance, type, date, place,
  perpetrator organisation) on MUC-4 TST1 and TST2, wire copy of 1988-1990
  in capitals; DEV (1,300 texts, a few minutes) only with ``--muc4-dev``.

The eval texts are read where they are and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "counterclaim.cli"]


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, echoing it, and fail loudly if it fails."""
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, text=True, **kwargs)


def score_statements(scorer_dir: Path, gold_dir: Path, out: Path, verbose: bool) -> None:
    run([*CLI, "extract", gold_dir, "--out", out], stdout=subprocess.DEVNULL)
    run([sys.executable, scorer_dir / "score.py", gold_dir, out, *(["--verbose"] if verbose else [])])


#: MUC-4 sets scored by default; DEV is the tuning set and slow, scored only when asked.
MUC4_SETS = ("tst1", "tst2")


def score_muc4(eval_dir: Path, out: Path, with_dev: bool, verbose: bool) -> None:
    """Extract and score the MUC-4 sets of ``eval_dir/muc4-dev`` with ``score_muc4.py``."""
    for name in (*MUC4_SETS, *(("dev",) if with_dev else ())):
        print(f"\n== MUC-4 {name.upper()}: attack records (relevance, type, date, place, perpetrator) ==", flush=True)
        gold = eval_dir / "muc4-dev" / name
        run([*CLI, "extract", gold, "--out", out / name], stdout=subprocess.DEVNULL)
        run([sys.executable, eval_dir / "score_muc4.py", gold, out / name, *(["--verbose"] if verbose else [])])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--verbose", action="store_true", help="list every missed and extra statement")
    ap.add_argument(
        "--only",
        choices=("dev", "corpus", "attributions", "clusters", "muc4"),
        action="append",
        help="run only these parts",
    )
    ap.add_argument("--muc4-dev", action="store_true", help="also score MUC-4 DEV (1,300 texts; slow)")
    args = ap.parse_args(argv)
    parts = set(args.only or ("dev", "corpus", "attributions", "clusters", "muc4"))
    ev = args.eval_dir.resolve()
    with tempfile.TemporaryDirectory(prefix="cc-eval-") as tmp:
        tmp_path = Path(tmp)
        if "dev" in parts:
            print("\n== shared dev set (Kerman): statements and event fields ==", flush=True)
            score_statements(ev, ev / "dev", tmp_path / "dev", args.verbose)
        if "corpus" in parts:
            for name in ("single", "dev2", "heldout", "heldout2", "heldout3"):
                print(f"\n== own gold corpus tests/corpus/{name} ==", flush=True)
                score_statements(ev, ROOT / "tests" / "corpus" / name, tmp_path / name, args.verbose)
        if "attributions" in parts:
            print("\n== PolNeAR dev: attribution spans ==", flush=True)
            out = tmp_path / "polnear"
            run([*CLI, "attributions", ev / "polnear" / "dev" / "text", "--out", out], stdout=subprocess.DEVNULL)
            run([sys.executable, ev / "score_attributions.py", ev / "polnear" / "dev", out])
        if "clusters" in parts:
            print("\n== multi-document corpus: clustering into events (B-cubed) ==", flush=True)
            multi = ROOT / "tests" / "corpus" / "multi"
            db = f"sqlite:///{tmp_path / 'multi.db'}"
            run([*CLI, "analyze", multi, "--db", db], stdout=subprocess.DEVNULL)
            events = run([*CLI, "events", "--db", db, "--format", "json"], capture_output=True).stdout
            pred = tmp_path / "events.json"
            pred.write_text(events, encoding="utf-8")
            json.loads(events)  # a clear error here beats a confusing one in the scorer
            run([sys.executable, ev / "score_clusters.py", multi / "clusters.gold.json", pred])
        if "muc4" in parts:
            score_muc4(ev, tmp_path / "muc4", args.muc4_dev, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
