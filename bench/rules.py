"""Each statement rule's hits and precision on gold corpora, and what switching rules off does.

A *hit* is a predicted statement the rule shaped (its name is in the
statement's ``evidence.rules``); its *precision* is the share of those hits
the scorer matches strictly to a gold statement (speaker, stance, target).
The matching is the shared scorer's own (``score.py`` in the eval folder,
imported at run time), so a rule's precision is counted exactly as the
corpus's strict precision is.

    python bench/rules.py tests/corpus/dev2 tests/corpus/heldout3
    python bench/rules.py tests/corpus/dev2 --without target.haven --without act.vow

With ``--without``, the corpora are extracted a second time with those rules
switched off (``counterclaim extract --disable-rule``) and the strict figures
of both runs are printed side by side: a rule whose removal raises F1 costs
more than it brings. ``make eval`` prints the same per-rule table for the
corpora it scores (``bench/evaluate.py``, part ``rules``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "counterclaim.cli"]
#: Our own gold corpora under tests/corpus, the default of the command.
OWN_CORPORA = ("single", "dev2", "heldout", "heldout2", "heldout3")


@dataclass
class Tally:
    """Strict-match counts of one extraction of one corpus, overall and per rule."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    hits: dict[str, int] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        for rule, n in other.hits.items():
            self.hits[rule] = self.hits.get(rule, 0) + n
            self.correct[rule] = self.correct.get(rule, 0) + other.correct.get(rule, 0)


def load_scorer(eval_dir: Path) -> ModuleType:
    """The shared scorer ``score.py`` as a module, so its matching is used as it is, never copied."""
    path = eval_dir / "score.py"
    spec = importlib.util.spec_from_file_location("cc_shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(gold_dir: Path, out: Path, without: Sequence[str] = ()) -> None:
    """Predictions for a corpus through the real CLI, with the ``without`` rules switched off."""
    switches = [arg for rule in without for arg in ("--disable-rule", rule)]
    cmd = [*CLI, "extract", str(gold_dir), "--out", str(out), *switches]
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def tally(scorer: ModuleType, gold_dir: Path, pred_dir: Path) -> Tally:
    """Count strict matches per document as ``score.py`` does, crediting each rule of each matched statement."""
    canon = scorer.load_aliases(None)
    out = Tally()
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        name = gold_file.name[: -len(".gold.json")]
        gold = json.loads(gold_file.read_text(encoding="utf-8")).get("statements", [])
        pred_file = pred_dir / f"{name}.json"
        pred = json.loads(pred_file.read_text(encoding="utf-8")) if pred_file.exists() else {}
        statements = [s for s in pred.get("statements", []) if s.get("stance") in scorer.STANCES]
        matched = {pi for _, pi in scorer.match(gold, statements, canon, with_target=True)}
        out.gold += len(gold)
        out.predicted += len(statements)
        out.matched += len(matched)
        for i, statement in enumerate(statements):
            for rule in dict.fromkeys((statement.get("evidence") or {}).get("rules") or []):
                out.hits[rule] = out.hits.get(rule, 0) + 1
                out.correct[rule] = out.correct.get(rule, 0) + (i in matched)
    return out


def _rule_order() -> list[str]:
    """Rule names in the order ``counterclaim rules`` lists them."""
    from counterclaim.nlp.statement.rules.registry import rule_table

    return [row["name"] for row in rule_table()]


def _cell(hits: int, correct: int) -> str:
    return f"{hits:>4} {correct / hits:>5.2f}" if hits else f"{'-':>4} {'':>5}"


def print_rule_table(tallies: dict[str, Tally]) -> None:
    """One row per rule with hits: hits and precision per corpus, then over all of them."""
    total = Tally()
    for found in tallies.values():
        total.add(found)
    columns = {**tallies, "all": total} if len(tallies) > 1 else tallies
    order = _rule_order()
    rules = sorted(total.hits, key=lambda r: (order.index(r) if r in order else len(order), r))
    print(f"{'rule':<32}" + "".join(f"{name[-10:]:>11}" for name in columns))
    print(f"{'':<32}" + "".join(f"{'hits  prec':>11}" for _ in columns))
    for rule in rules:
        cells = (_cell(t.hits.get(rule, 0), t.correct.get(rule, 0)) for t in columns.values())
        print(f"{rule:<32}" + "".join(f"{cell:>11}" for cell in cells))
    silent = [r for r in order if r not in total.hits]
    if silent:
        print(f"no hits: {', '.join(silent)}")


def _strict(t: Tally) -> str:
    p = t.matched / t.predicted if t.predicted else 0.0
    r = t.matched / t.gold if t.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"pred {t.predicted:>3} matched {t.matched:>3}  P={p:.3f} R={r:.3f} F1={f:.3f}"


def print_comparison(with_rules: dict[str, Tally], without: dict[str, Tally], switched_off: Sequence[str]) -> None:
    """Strict figures per corpus with every rule, then with ``switched_off`` rules off."""
    print(f"\n== strict figures with all rules / without {', '.join(switched_off)} ==")
    for name in with_rules:
        print(f"{name:<12} all rules  {_strict(with_rules[name])}")
        print(f"{'':<12} without    {_strict(without[name])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", type=Path, help="folders of NAME.txt + NAME.gold.json (default: our own)")
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval", help="where score.py is")
    ap.add_argument("--without", action="append", default=[], metavar="RULE", help="also run with RULE off")
    args = ap.parse_args(argv)
    corpora = args.corpora or [ROOT / "tests" / "corpus" / name for name in OWN_CORPORA]
    scorer = load_scorer(args.eval_dir.resolve())
    with tempfile.TemporaryDirectory(prefix="cc-rules-") as tmp:
        runs: dict[str, dict[str, Tally]] = {"all": {}, "without": {}}
        for corpus in corpora:
            name = corpus.resolve().name
            extract(corpus, Path(tmp) / "all" / name)
            runs["all"][name] = tally(scorer, corpus, Path(tmp) / "all" / name)
            if args.without:
                extract(corpus, Path(tmp) / "without" / name, args.without)
                runs["without"][name] = tally(scorer, corpus, Path(tmp) / "without" / name)
    print("\n== hits and strict precision per rule ==")
    print_rule_table(runs["all"])
    if args.without:
        print_comparison(runs["all"], runs["without"], args.without)
    return 0


if __name__ == "__main__":
    sys.exit(main())
