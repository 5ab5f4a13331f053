"""Rules behind ``cc_attack``: where the attack happened, what kind it was, its casualty figures."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from counterclaim.records import Evidence


def span_evidence(doc: Doc, start: int, end: int, sentence: Span, producer: str, confidence: float) -> Evidence:
    """Evidence for the characters ``start`` to ``end`` of ``doc``, read in ``sentence`` by ``producer``."""
    return Evidence(
        document_id=doc._.document_id or "",
        start=start,
        end=end,
        sentence=sentence.text,
        producer=producer,
        confidence=confidence,
    )
