"""Long documents are analysed in bounded pieces (issue 20, item 3).

A text longer than a piece is cut at paragraph (else line, else sentence)
ends; the pieces are analysed in turn and their records joined, every offset
into the whole text. The joined record is what the pieces give on their own,
and a text over spaCy's one-million-character limit is analysed, not refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from spacy.language import Language

from counterclaim.nlp import records_from_documents
from counterclaim.nlp.pieces import cut, shifted
from counterclaim.records import ArticleRecord, Document, document_id

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
MULTI = Path(__file__).parent / "corpus" / "multi"


def document(text: str, name: str = "long") -> Document:
    return Document(id=document_id(text), name=name, text=text, raw_hash="0")


def test_pieces_cover_the_text_and_end_at_paragraphs() -> None:
    paragraph = "The council met on Monday and agreed to rebuild the market. " * 5
    text = "\n\n".join(f"{n}. {paragraph.strip()}" for n in range(40))
    pieces = cut(text, 2000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(pieces)), "no gap, no overlap"
    assert all(end - start <= 2000 for start, end in pieces)
    assert all(text[end - 2 : end] == "\n\n" for _, end in pieces[:-1]), "each piece ends after a paragraph"


def test_a_text_without_line_breaks_is_cut_at_sentence_ends_never_inside_a_word() -> None:
    text = " ".join(f"Sentence number {n} says nothing new." for n in range(400))
    for _, end in cut(text, 1500)[:-1]:
        assert text[end - 2 : end] == ". " and text[end].isupper()


def test_a_long_document_is_its_pieces_joined(pipeline: Language) -> None:
    text = "\n\n".join(path.read_text(encoding="utf-8").strip() for path in sorted(MULTI.glob("m0[1-4]*.txt")))
    limit = 2500
    pieces = cut(text, limit)
    assert len(pieces) >= 3
    whole = next(records_from_documents(pipeline, [document(text)], piece_chars=limit))
    alone = [_analysed(pipeline, text[start:end], whole) for start, end in pieces]
    joined = [shifted(r, start) for r, (start, _) in zip(alone, pieces, strict=True)]
    assert _facts([whole]) == _facts(joined)
    assert whole.event is not None and alone[0].event is not None
    assert (whole.event.date, whole.event.place.city) == (alone[0].event.date, alone[0].event.place.city)
    for statement in whole.statements:  # evidence points into the whole stored text
        assert text[statement.evidence.start : statement.evidence.end] == statement.evidence.sentence
    for mention in whole.mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.text


def _analysed(pipeline: Language, text: str, whole: ArticleRecord) -> ArticleRecord:
    """A piece analysed as an article of its own, dated like the whole document."""
    alone = document(text, "piece").model_copy(update={"published": whole.document.published})
    return next(records_from_documents(pipeline, [alone]))


def _facts(records: list[ArticleRecord]) -> tuple[list[tuple], ...]:
    """Statements, casualty figures, attributions and mentions of the records, in text order."""
    return (
        [
            (s.speaker_name, s.stance, s.target_name, s.evidence.start, s.evidence.end)
            for r in records
            for s in r.statements
        ],
        [(c.kind, c.number, c.evidence.start) for r in records if r.event for c in r.event.casualties],
        [(a.cue.start, a.cue.end) for r in records for a in r.attributions if a.cue],
        [(m.span.start, m.actor_id) for r in records for m in r.mentions],
    )


@pytest.mark.slow
def test_an_article_over_a_million_characters_is_analysed(tmp_path: Path) -> None:
    """Over spaCy's limit (raw E088 before pieces). The middle is an appendix of long codes, cheap to parse."""
    head = (
        "MOGADISHU, March 4, 2024 - A car bomb killed nine people at a checkpoint in Mogadishu on Sunday, "
        "police said. Al-Shabaab claimed responsibility for the attack in a statement on its radio station."
    )
    tail = "The interior minister said al-Shabaab was behind the bombing at the checkpoint."
    appendix = "\n".join(" ".join(f"{n:064x}" for n in range(row * 8, row * 8 + 8)) for row in range(1960))
    text = f"{head}\n\n{appendix}\n\n{tail}\n"
    assert len(text) > 1_000_000
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.txt").write_text(text, encoding="utf-8")
    command = [COUNTERCLAIM, "extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    found = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert found["event"]["killed"] == 9 and found["event"]["perpetrator_claimed"] == "al-Shabaab"
    last = max(found["statements"], key=lambda s: s["evidence"]["start"])
    assert text[last["evidence"]["start"] : last["evidence"]["end"]].startswith("The interior minister said")
