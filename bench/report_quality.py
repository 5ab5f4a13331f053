"""Figures on the event report's form, from the real pipeline and a real SQLite store.

Analyses ``examples/`` and ``tests/corpus/multi/`` (or the folders given)
into a temporary SQLite store, builds each event's narrative report and
prints, per event: sentences of the brief and how many carry evidence,
clauses and how many carry evidence, notes cited twice within a sentence,
notes and quotes a section repeats (the no-repetition rule), and for the
Kerman example whether the brief names the claimant, the confirming party,
Israel as the party blamed, and the Supreme Leader's silence. Figures are
printed, never asserted (the tests assert them).

    python bench/report_quality.py
    python bench/report_quality.py path/to/articles/
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from counterclaim.ingest import IngestError, read_inputs
from counterclaim.nlp import build_pipeline
from counterclaim.report import event_narrative
from counterclaim.report.models import NarrativeReport
from counterclaim.report.quality import figures, said_by_topic
from counterclaim.runner import ProcessError, process
from counterclaim.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = (ROOT / "examples", ROOT / "tests" / "corpus" / "multi")


def kerman_checks(report: NarrativeReport) -> dict[str, bool]:
    """What the brief of the Kerman example must say (issue 21's measure)."""
    topics = said_by_topic(report)
    return {
        "claimant (Islamic State)": "Islamic State" in topics.get("claim", ""),
        "confirming party (U.S. intelligence)": "U.S. intelligence" in topics.get("confirmation", ""),
        "Israel blamed": "blamed Israel" in topics.get("divergence", ""),
        "Supreme Leader's silence": "Supreme Leader" in topics.get("silence", "")
        and "did not name" in topics.get("silence", ""),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=list(DEFAULT_INPUTS))
    args = parser.parse_args()
    nlp = build_pipeline()
    with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "report.db")) as store:
        documents = [d for d in read_inputs([str(p) for p in args.inputs]) if not isinstance(d, IngestError)]
        started = time.perf_counter()
        records = [r for r in process(documents, nlp) if not isinstance(r, ProcessError)]
        store.save_many(records)
        store.update_events()
        print(f"{len(records)} documents analysed and stored in {time.perf_counter() - started:.1f} s\n")
        header = "event | docs | brief sentences (with evidence) | clauses (with evidence) | notes | lines | repeats"
        print(header)
        print("-" * len(header))
        totals = [0, 0, 0, 0, 0]
        for summary in store.event_summaries():
            started = time.perf_counter()
            report = event_narrative(store, summary)
            built = time.perf_counter() - started
            f = figures(report)
            totals = [
                a + b
                for a, b in zip(
                    totals,
                    (f.sentences, f.sentences_with_evidence, f.clauses, f.clauses_with_evidence, f.repetitions),
                    strict=True,
                )
            ]
            print(
                f"{report.title} | {len(report.documents)} | {f.sentences} ({f.sentences_with_evidence}) | "
                f"{f.clauses} ({f.clauses_with_evidence}) | {f.notes} | {f.lines} | {f.repetitions} "
                f"(brief notes in several sentences: {f.brief_notes_in_several_sentences}; "
                f"built in {built * 1000:.0f} ms)"
            )
            if report.city == "Kerman":
                for check, ok in kerman_checks(report).items():
                    print(f"    Kerman: {check}: {'yes' if ok else 'NO'}")
        print(
            f"\nall events: {totals[0]} brief sentences, {totals[1]} with evidence; "
            f"{totals[2]} clauses, {totals[3]} with evidence; {totals[4]} repetitions"
        )


if __name__ == "__main__":
    main()
