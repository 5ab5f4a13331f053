"""Run counterclaim on every evaluation corpus and print the scorers' figures.

`make eval` calls this. It drives the real CLI (as a user would) and the
shared scorers in ``../shared/eval``:

* statements and event fields (``score.py``) on the shared dev set and on our
  own gold corpora: ``tests/corpus/single`` and ``tests/corpus/dev2`` (developed
  on), ``tests/corpus/heldout`` (written blind after the first round, since
  used for categories of misses), ``tests/corpus/heldout2`` (written blind on
  26 Nov 2026, since used for categories of misses) and ``tests/corpus/heldout3``
  (written blind later that day) and ``tests/corpus/heldout4`` (written blind
  on 7 Dec 2026; blind score 0.523 strict statement F1, 0.839 event fields);
* attribution spans (``score_attributions.py``) on PolNeAR dev;
* document clustering into events (``score_clusters.py``, B-cubed) on our
  multi-document corpus ``tests/corpus/multi``;
* the real sets ``tests/real/dev`` (developed on) and ``tests/real/test``
  (measured only): real web articles whose texts are git-ignored and pulled
  again through the search tool when absent (``tests/real/README.md``):
  statements and event fields, and grouping into events.
* each statement rule's hits and strict precision on the statement corpora
  above (``bench/rules.py``). ``--without RULE`` scores everything with that
  rule switched off (``extract --disable-rule``), to see what the rule costs.
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

from rules import load_scorer, print_rule_table, tally

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "counterclaim.cli"]


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, echoing it, and fail loudly if it fails."""
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, text=True, **kwargs)


def score_statements(scorer_dir: Path, gold_dir: Path, out: Path, verbose: bool, without: list[str]) -> None:
    switches = [arg for rule in without for arg in ("--disable-rule", rule)]
    run([*CLI, "extract", gold_dir, "--out", out, *switches], stdout=subprocess.DEVNULL)
    run([sys.executable, scorer_dir / "score.py", gold_dir, out, *(["--verbose"] if verbose else [])])


def score_clusters(scorer_dir: Path, articles: Path, gold: Path, db: Path) -> None:
    """Analyze ``articles`` into a fresh store and score its events against ``gold`` (B-cubed)."""
    url = f"sqlite:///{db}"
    run([*CLI, "analyze", articles, "--db", url, "--no-report"], stdout=subprocess.DEVNULL)
    events = run([*CLI, "events", "--db", url, "--format", "json"], capture_output=True).stdout
    json.loads(events)  # a clear error here beats a confusing one in the scorer
    pred = db.with_suffix(".events.json")
    pred.write_text(events, encoding="utf-8")
    run([sys.executable, scorer_dir / "score_clusters.py", gold, pred])


def score_real(scorer_dir: Path, tmp: Path, verbose: bool, without: list[str]) -> dict[str, Path]:
    """The real sets: statements, event fields and grouping, where the texts have been pulled.

    Returns the sets scored (``real-dev`` -> gold folder), for the rule report; the
    test set is scored but never listed there, since its misses must not be read.
    """
    scored: dict[str, Path] = {}
    for name in ("dev", "test"):
        folder = ROOT / "tests" / "real" / name
        golds = sorted(folder.glob("*.gold.json"))
        missing = [g for g in golds if not g.with_name(g.name.removesuffix(".gold.json") + ".txt").exists()]
        print(f"\n== real set tests/real/{name}: statements, event fields, grouping ==", flush=True)
        if not golds or missing:
            print(f"skipped: {len(missing)} of {len(golds)} texts absent; see tests/real/README.md to pull them")
            continue
        score_statements(scorer_dir, folder, tmp / f"real-{name}", verbose and name == "dev", without)
        score_clusters(scorer_dir, folder, folder / "clusters.json", tmp / f"real-{name}.db")
        if name == "dev":
            scored[f"real-{name}"] = folder
    return scored


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
    parts = ("dev", "corpus", "real", "attributions", "clusters", "rules", "muc4")
    ap.add_argument(
        "--only",
        choices=parts,
        action="append",
        help="run only these parts (muc4: MUC-4 TST1 and TST2; rules reports on the statement corpora the run scores)",
    )
    ap.add_argument("--without", action="append", default=[], metavar="RULE", help="switch a statement rule off")
    ap.add_argument("--muc4-dev", action="store_true", help="also score MUC-4 DEV (1,300 texts; slow)")
    args = ap.parse_args(argv)
    parts = set(args.only or parts)
    ev = args.eval_dir.resolve()
    with tempfile.TemporaryDirectory(prefix="cc-eval-") as tmp:
        tmp_path = Path(tmp)
        scored: dict[str, Path] = {}  # statement corpora scored: name -> gold folder (predictions in tmp_path / name)
        if "dev" in parts:
            print("\n== shared dev set (Kerman): statements and event fields ==", flush=True)
            scored["dev"] = ev / "dev"
            score_statements(ev, ev / "dev", tmp_path / "dev", args.verbose, args.without)
        if "corpus" in parts:
            for name in ("single", "dev2", "heldout", "heldout2", "heldout3", "heldout4"):
                print(f"\n== own gold corpus tests/corpus/{name} ==", flush=True)
                scored[name] = ROOT / "tests" / "corpus" / name
                score_statements(ev, scored[name], tmp_path / name, args.verbose, args.without)
        if "real" in parts:
            scored.update(score_real(ev, tmp_path, args.verbose, args.without))
        if "rules" in parts and scored:
            print("\n== statement rules: hits and strict precision (bench/rules.py) ==", flush=True)
            scorer = load_scorer(ev)
            print_rule_table({name: tally(scorer, gold, tmp_path / name) for name, gold in scored.items()})
        if "attributions" in parts:
            print("\n== PolNeAR dev: attribution spans ==", flush=True)
            out = tmp_path / "polnear"
            run([*CLI, "attributions", ev / "polnear" / "dev" / "text", "--out", out], stdout=subprocess.DEVNULL)
            run([sys.executable, ev / "score_attributions.py", ev / "polnear" / "dev", out])
        if "clusters" in parts:
            print("\n== multi-document corpus: clustering into events (B-cubed) ==", flush=True)
            multi = ROOT / "tests" / "corpus" / "multi"
            score_clusters(ev, multi, multi / "clusters.gold.json", tmp_path / "multi.db")
        if "muc4" in parts:
            score_muc4(ev, tmp_path / "muc4", args.muc4_dev, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
