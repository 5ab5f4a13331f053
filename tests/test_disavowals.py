"""A denied, negated or hedged act never yields a claim or a perpetrator (issue 20, item 1).

Each text is our own wording: a bombing reported by the police, then a group
speaking of it in a way that is not a claim. The attack record must name no
claimant, and the narrative consensus must have no "claimed" line, while a
real claim in the same construction still counts.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterclaim.nlp import article_record
from counterclaim.records import ArticleRecord, Document, document_id
from counterclaim.report.narrative import build_narrative

LEAD = (
    "JALALABAD, May 9, 2022 - A truck bomb killed 11 people outside the provincial council in Jalalabad "
    "on Monday, police said. "
)

NOT_CLAIMS = {
    "denial reported by a spokesman": "The Taliban denied any part in the attack, a Taliban spokesman said.",
    "refusal": "The Taliban refused to claim the bombing.",
    "negative object": "A Taliban spokesman said its fighters had nothing to do with the blast.",
    "hedge in the group's words": "A Taliban spokesman said its fighters might have attacked the council.",
}


def record(pipeline: Language, text: str) -> ArticleRecord:
    document = Document(id=document_id(text), name="t", text=text, raw_hash="0")
    doc = pipeline.make_doc(text)
    doc._.document_id = document.id
    return article_record(pipeline(doc), document)


@pytest.mark.parametrize("case", sorted(NOT_CLAIMS))
def test_a_disavowed_act_is_no_claim(pipeline: Language, case: str) -> None:
    found = record(pipeline, LEAD + NOT_CLAIMS[case])
    assert found.event is not None, "the bombing itself is still recorded"
    assert [s for s in found.statements if s.stance == "claim"] == []
    assert found.event.perpetrators.claimed_by == []
    assert build_narrative([found]).claimed_by == []


def test_the_denial_is_kept_as_a_denial(pipeline: Language) -> None:
    found = record(pipeline, LEAD + NOT_CLAIMS["denial reported by a spokesman"])
    report = build_narrative([found])
    assert [(s.stance, s.target_name) for s in found.statements if s.stance != "other"] == [("deny", "Taliban")]
    assert [line.party for line in report.denied] == ["Taliban"]


def test_a_claim_in_the_same_construction_still_counts(pipeline: Language) -> None:
    found = record(pipeline, LEAD + "The Taliban claimed the bombing, spokesman Qari Yusuf said.")
    assert found.event is not None
    assert found.event.perpetrators.claimed_by == ["Taliban"]
    assert [line.party for line in build_narrative([found]).claimed_by] == ["Taliban"]
