"""The same statement reported by several outlets is one statement with several pieces of evidence.

Two reported statements are the same speech act when the speaker is the same
actor (same canonical key, or one name is the other shortened: "Khamenei" and
"Ali Khamenei"), the stance and the target agree, and their dates (when both
are known) are within a day or two. The merged statement keeps every piece of
evidence (document and offsets) and the date it was first reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from counterclaim.events.actors import ActorNames, normalise_name
from counterclaim.events.cluster import arrival_order
from counterclaim.records import ArticleRecord, Evidence, Statement

#: Statements of one speaker, stance and target this many days apart are still one act.
SAME_ACT_DAYS = 1


class EvidenceRef(BaseModel):
    """Where a fact was read: document name and id, character offsets, the sentence, the rule."""

    model_config = ConfigDict(extra="forbid")

    document_id: str
    document_name: str
    published: dt.date | None = None
    start: int
    end: int
    sentence: str = ""
    quote: str = ""
    producer: str = ""
    confidence: float = 1.0


class MergedStatement(BaseModel):
    """One speech act and every report of it."""

    model_config = ConfigDict(extra="forbid")

    statement: Statement
    evidence: list[EvidenceRef]
    first_reported: dt.date | None = None

    @property
    def documents(self) -> list[str]:
        """Ids of the documents reporting the statement, in report order."""
        return list(dict.fromkeys(e.document_id for e in self.evidence))


def evidence_ref(record: ArticleRecord, evidence: Evidence, quote: str = "") -> EvidenceRef:
    """A piece of evidence labelled with the document it was read in."""
    return EvidenceRef(
        document_id=evidence.document_id or record.document.id,
        document_name=record.document.name,
        published=record.document.published,
        start=evidence.start,
        end=evidence.end,
        sentence=evidence.sentence,
        quote=quote,
        producer=evidence.producer,
        confidence=evidence.confidence,
    )


def same_speaker(a: str, b: str, names: ActorNames) -> bool:
    """Same actor, or one name is a shortened form of the other that keeps a proper name."""
    if names.key(a) == names.key(b):
        return True
    short, long_ = sorted((a, b), key=len)
    short_words, long_words = set(normalise_name(short).split()), set(normalise_name(long_).split())
    has_proper_name = any(w[:1].isupper() for w in short.split())
    return bool(short_words) and has_proper_name and short_words <= long_words


def _same_act(a: Statement, b: Statement, names: ActorNames) -> bool:
    if a.stance != b.stance or names.key(a.target_name) != names.key(b.target_name):
        return False
    if a.date and b.date and abs((a.date - b.date).days) > SAME_ACT_DAYS:
        return False
    return same_speaker(a.speaker_name, b.speaker_name, names)


def merge_statements(records: Iterable[ArticleRecord], names: ActorNames | None = None) -> list[MergedStatement]:
    """All statements of ``records`` with the same act reported several times folded into one.

    Records are read in arrival order, so the first report of an act supplies
    its wording; a later report fills in a date the first did not give. A date
    that is only the day of the report telling the act is left to
    ``first_reported``: reports of one act a few days apart must not part it.
    """
    names = names or ActorNames()
    merged: list[MergedStatement] = []
    for record in arrival_order(records):
        for told in record.statements:
            statement = told if told.date == told.told_date else told.model_copy(update={"date": told.told_date})
            ref = evidence_ref(record, statement.evidence, statement.quote)
            found = next((m for m in merged if _same_act(m.statement, statement, names)), None)
            if found is None:
                merged.append(
                    MergedStatement(statement=statement, evidence=[ref], first_reported=record.document.published)
                )
                continue
            found.evidence.append(ref)
            if found.statement.date is None and statement.date is not None:
                found.statement = found.statement.model_copy(update={"date": statement.date})
            reported = [d for d in (found.first_reported, record.document.published) if d]
            found.first_reported = min(reported) if reported else None
    return merged
