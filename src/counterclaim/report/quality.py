"""Figures on a report's form: does every sentence of the brief carry evidence, is anything said twice?

The tests assert on them and ``bench/report_quality.py`` prints them for the
demo and corpus events, so the claims made for the report are measured, not
promised:

- every sentence of the brief cites a note, and every clause carries
  evidence that opens as a note (a clause whose notes the same sentence
  already cited shows no marker of its own);
- no note is cited twice within one sentence of the brief;
- within a section, no note is cited by two lines and no quote is printed
  twice (the no-repetition rule);
- which notes the brief cites from more than one sentence (allowed: one
  source sentence can report a claim and a confirmation).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from counterclaim.report.models import NarrativeReport
from counterclaim.report.sections import layout


@dataclass
class ReportFigures:
    """What :func:`figures` measures on one report."""

    sentences: int = 0
    sentences_with_evidence: int = 0
    clauses: int = 0
    clauses_with_evidence: int = 0
    repeated_in_sentence: int = 0
    brief_notes_in_several_sentences: int = 0
    #: section key -> notes cited by more than one line of it
    repeated_notes: dict[str, list[int]] = field(default_factory=dict)
    #: section key -> quotes printed by more than one line of it
    repeated_quotes: dict[str, list[str]] = field(default_factory=dict)
    lines: int = 0
    notes: int = 0

    @property
    def repetitions(self) -> int:
        """Notes and quotes a section repeats, plus notes repeated within a sentence of the brief."""
        return (
            sum(map(len, self.repeated_notes.values()))
            + sum(map(len, self.repeated_quotes.values()))
            + self.repeated_in_sentence
        )


def figures(report: NarrativeReport) -> ReportFigures:
    """The figures of ``report`` as the renderers lay it out."""
    laid = layout(report)
    out = ReportFigures(notes=len(laid.notes))
    cites = {(p.document_id, c.start, c.end) for p in report.passages for c in p.cites}
    across: Counter[int] = Counter()
    for paragraph, laid_paragraph in zip(report.brief, laid.brief, strict=True):
        for sentence, laid_sentence in zip(paragraph.sentences, laid_paragraph, strict=True):
            cited = [n for clause in laid_sentence.clauses for n in clause.notes]
            out.sentences += 1
            out.sentences_with_evidence += bool(cited)
            out.clauses += len(sentence.clauses)
            out.clauses_with_evidence += sum(
                bool(c.evidence) and all((e.document_id, e.start, e.end) in cites for e in c.evidence)
                for c in sentence.clauses
            )
            out.repeated_in_sentence += len(cited) - len(set(cited))
            across.update(set(cited))
    out.brief_notes_in_several_sentences = sum(1 for n in across.values() if n > 1)
    for section in laid.sections:
        out.lines += len(section.lines)
        notes = Counter(n for line in section.lines for n in set(line.notes))
        quotes = Counter(q for line in section.lines for q in {p for p in line.quote.split(" … ") if p})
        out.repeated_notes[section.key] = sorted(n for n, k in notes.items() if k > 1)
        out.repeated_quotes[section.key] = sorted(q for q, k in quotes.items() if k > 1)
    return out


def said_by_topic(report: NarrativeReport) -> dict[str, str]:
    """The brief's sentences joined per topic (claim, confirmation, divergence, silence ...)."""
    out: dict[str, str] = {}
    for paragraph in report.brief:
        for sentence in paragraph.sentences:
            out[sentence.topic] = f"{out.get(sentence.topic, '')} {sentence.text}".strip()
    return out
