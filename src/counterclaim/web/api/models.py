"""The API's request and response bodies, as pydantic models (they are what ``/docs`` shows).

Rows read by ``store/browse.py`` become these models here, once, so every
endpoint that returns a statement or a casualty figure returns it the same
way, with its evidence and a link to the highlighted words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from counterclaim.records import CasualtyKind, EventRef, Stance
from counterclaim.report import NarrativeReport
from counterclaim.report.models import BriefTopic, Passage
from counterclaim.report.sections import Notes, cite_sentence, flat
from counterclaim.watch.state import Relation
from counterclaim.web import links

T = TypeVar("T")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(Model):
    status: int
    message: str
    details: list[dict[str, Any]] | None = Field(None, description="for invalid requests: where and what")


class ErrorOut(Model):
    """Every error the API returns."""

    error: ErrorDetail


class Page(Model, Generic[T]):
    """One page of a listing; ``next`` is the URL of the following page, null on the last."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = None


class EvidenceOut(Model):
    """The words a record was read from: character offsets into the document's stored text."""

    document_id: str
    start: int | None
    end: int | None
    sentence: str | None = None
    producer: str | None = None
    confidence: float | None = None
    url: str = Field(description="the document page with these words highlighted")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EvidenceOut:
        start, end = row["evidence_start"], row["evidence_end"]
        return cls(
            document_id=row["document_id"],
            start=start,
            end=end,
            sentence=row["evidence_sentence"],
            producer=row["evidence_producer"],
            confidence=row["evidence_confidence"],
            url=links.evidence_url(row["document_id"], start, end),
        )


class Party(Model):
    name: str
    actor_id: str | None = None


class Speaker(Party):
    affiliation: str | None = None
    role: str | None = None


class StatementOut(Model):
    """A statement about responsibility: who said what about whom, when, in which document and event."""

    id: int
    document_id: str
    document_name: str
    published: dt.date | None
    event_id: str | None
    speaker: Speaker
    stance: Stance
    target: Party | None
    quote: str | None
    direct: bool
    date: dt.date | None
    evidence: EvidenceOut

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StatementOut:
        target = Party(name=row["target_name"], actor_id=row["target_actor_id"]) if row["target_name"] else None
        return cls(
            id=row["id"],
            document_id=row["document_id"],
            document_name=row["document_name"],
            published=row["published"],
            event_id=row["event_id"],
            speaker=Speaker(
                name=row["speaker_name"],
                actor_id=row["speaker_actor_id"],
                affiliation=row["speaker_affiliation"],
                role=row["role"],
            ),
            stance=row["stance"],
            target=target,
            quote=row["quote"],
            direct=row["direct"],
            date=row["date"],
            evidence=EvidenceOut.from_row(row),
        )


class CasualtyOut(Model):
    """One casualty figure as one source gave it."""

    id: int
    document_id: str
    document_name: str
    published: dt.date | None
    event_id: str | None
    kind: CasualtyKind
    number: int
    qualifier: str | None
    source: str | None
    source_actor_id: str | None
    date: dt.date | None
    evidence: EvidenceOut

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CasualtyOut:
        fields = {k: row[k] for k in cls.model_fields if k != "evidence"}
        return cls(**fields, evidence=EvidenceOut.from_row(row))


class DocumentOut(Model):
    """A stored article (without its text)."""

    id: str
    name: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    event_id: str | None
    page: str = Field(description="the document's page in the workbench")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DocumentOut:
        fields = {k: row[k] for k in cls.model_fields if k != "page"}
        return cls(**fields, page=links.document_url(row["id"]))


class DocumentSource(Model):
    """A URL a watched feed gave this text from: its first page, an exact copy, or a near-duplicate reprint."""

    url: str
    relation: Relation
    similarity: float | None = Field(None, description="for a near-duplicate: how close its text is (0-1)")
    outlet: str | None
    title: str | None
    published: dt.date | None
    feed: str | None = Field(None, description="the watched feed (or page) that listed this URL")


class DocumentDetail(DocumentOut):
    """A stored article with its text, exactly as evidence offsets count it."""

    language: str
    source_path: str | None
    text: str
    sources: list[DocumentSource] = Field(
        default_factory=list, description="where `counterclaim watch` read this text; empty for other inputs"
    )


class ActorOut(Model):
    """An actor of the knowledge base (or first seen in a text) and how often it speaks and is named."""

    id: str | None
    name: str
    kind: str | None
    affiliation_id: str | None
    country_id: str | None
    statements_made: int | None = None
    statements_naming: int | None = None
    known: bool = Field(True, description="false for a speaker known only by the name a text gives")
    page: str


class Consensus(Model):
    """The events listing's summary of an event: its line, and who claimed, confirmed and accused."""

    line: str
    claimed_by: list[str]
    confirmed: list[dict[str, Any]]
    accused: list[dict[str, Any]]


class Counts(Model):
    documents: int
    statements: int
    by_stance: dict[str, int]
    killed: int | None = Field(None, description="the highest death toll any of its articles reports")


class EventOut(EventRef):
    """An event (one attack across articles) as the listing shows it: its identity (id, label, date, city, country,
    attack type, as exports name it), documents, consensus and counts."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)  # every field is in every answer

    documents: list[dict[str, str]]
    consensus: Consensus
    counts: Counts
    page: str


class BriefNote(Model):
    """A sentence of an article a clause of the brief rests on, and the link that opens it highlighted."""

    note: int = Field(description="its number among the notes of the report's text, Markdown and HTML forms")
    document_id: str
    document_name: str
    start: int
    end: int
    sentence: str
    url: str = Field(description="the document page with this sentence highlighted")

    @classmethod
    def of(cls, note: int, passage: Passage) -> BriefNote:
        return cls(
            note=note,
            document_id=passage.document_id,
            document_name=passage.document_name,
            start=passage.start,
            end=passage.end,
            sentence=flat(passage, passage.start, passage.end),
            url=links.evidence_url(passage.document_id, passage.start, passage.end),
        )


class BriefClause(Model):
    """Part of a sentence of the brief and the sentences it rests on."""

    text: str
    evidence: list[BriefNote]
    more: int = Field(0, description="further sentences backing the clause (the narrative's sections cite them)")


class BriefSentenceOut(Model):
    topic: BriefTopic
    text: str = Field(description="the whole sentence, as the report prints it")
    clauses: list[BriefClause]


class BriefParagraphOut(Model):
    topic: str
    sentences: list[BriefSentenceOut]


def brief_out(report: NarrativeReport) -> list[BriefParagraphOut]:
    """The report's own brief (``report/brief.py``), cited as its text, Markdown and HTML forms cite it
    (``cite_sentence``: same notes, same numbers), each note a link to its sentence highlighted."""
    notes = Notes(report.passages)
    paragraphs = []
    for paragraph in report.brief:
        sentences = []
        for sentence in paragraph.sentences:
            cited = cite_sentence(sentence, notes)
            clauses = [
                BriefClause(text=c.text, evidence=[BriefNote.of(n, notes.order[n - 1]) for n in c.notes], more=c.more)
                for c in cited.clauses
            ]
            sentences.append(BriefSentenceOut(topic=sentence.topic, text=sentence.text + ".", clauses=clauses))
        paragraphs.append(BriefParagraphOut(topic=paragraph.topic, sentences=sentences))
    return paragraphs


class EventDetail(Model):
    """An event, its brief (each clause linked to the sentences it rests on) and its narrative report (consensus,
    matrix, divergences, omissions, timeline, casualties; ``narrative.brief`` holds every clause's evidence)."""

    event: EventOut
    brief: list[BriefParagraphOut]
    narrative: NarrativeReport


class SearchHit(Model):
    id: str
    name: str
    title: str | None
    published: dt.date | None
    snippet: str = Field(description="matching words between [ and ]")
    score: float
    event_id: str | None
    page: str


class IngestIn(Model):
    """An article to analyse: exactly one of ``text``, ``html`` or ``url``, with optional metadata."""

    text: str | None = None
    html: str | None = None
    url: str | None = Field(None, description="http(s) only; private addresses refused unless the server allows them")
    name: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=500)
    published: dt.date | None = None


class IngestOut(Model):
    document_id: str
    name: str
    stored: bool = Field(description="false when the same text was already stored")
    event_id: str | None
    statements: int
    document_page: str
    event_page: str | None


class MergeIn(Model):
    events: list[str] = Field(min_length=2, max_length=2, description="the two events that report one attack")


class SplitIn(Model):
    documents: list[str] = Field(min_length=1, description="names or ids of the documents reporting another attack")


class MoveIn(Model):
    event: str = Field(description="the event the document belongs to")


class Moved(Model):
    document_id: str
    document_name: str
    event_id: str


class DecisionOut(Model):
    """A recorded decision (replayed after every re-clustering) and the documents it moved."""

    decision_id: int | None
    action: str
    moved: list[Moved]


class ReclusterOut(Model):
    events: int
    documents: int


class Health(Model):
    status: str
    store: str
    documents: int
    events: int
    token_required: bool
    cache: dict[str, int] = Field(description="answers kept while the store is unchanged, and their size in bytes")
    process: int = Field(description="the id of the server process that answered (one of several with --workers)")
