"""The runner: records in input order, streamed, and one failing document does not sink its batch."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp import load_model
from counterclaim.records import ArticleRecord, Document, document_id
from counterclaim.runner import ProcessError, process

POISON = "POISON"


def doc(text: str, name: str) -> Document:
    return Document(id=document_id(text), name=name, text=text, raw_hash="0" * 64)


@Language.component("test_fails_on_poison")
def fails_on_poison(d: Doc) -> Doc:
    """A component with a bug that only one kind of document triggers."""
    if POISON in d.text:
        raise RuntimeError("component bug\nsecond line")
    return d


@pytest.fixture(scope="module")
def fragile() -> Language:
    nlp = load_model()
    nlp.add_pipe("test_fails_on_poison")
    return nlp


def test_records_come_in_input_order_with_document_ids(pipeline: Language) -> None:
    documents = [doc(f"Police said {n} people died in the blast on Friday.", f"d{n}") for n in range(5)]
    results = list(process(iter(documents), pipeline, batch_size=2))
    assert all(isinstance(r, ArticleRecord) for r in results)
    assert [r.document.name for r in results] == ["d0", "d1", "d2", "d3", "d4"]


def test_a_failing_document_is_isolated_from_its_batch(fragile: Language) -> None:
    documents = [doc("A quiet day.", "a"), doc(f"{POISON} here.", "bad"), doc("Another quiet day.", "c")]
    results = list(process(documents, fragile, batch_size=3))
    assert [type(r).__name__ for r in results] == ["ArticleRecord", "ProcessError", "ArticleRecord"]
    error = results[1]
    assert isinstance(error, ProcessError)
    assert str(error) == "bad: analysis failed: RuntimeError: component bug"
