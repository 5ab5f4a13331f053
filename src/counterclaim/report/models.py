"""The narrative report of one event as data: what the renderers turn into text, Markdown, HTML or JSON.

Every model that states something carries the evidence it rests on
(:class:`~counterclaim.events.merge_statements.EvidenceRef`: document and
character offsets); :class:`Passage` holds the sentence each piece of evidence
sits in, inside its paragraph, with the words it rests on marked, so a reader
can open it without the article at hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from counterclaim.events.merge_statements import EvidenceRef
from counterclaim.records import MetadataSource, Stance

BlocGroup = Literal["claimant", "attacked", "foreign", "other"]
#: Where a document's outlet or date came from (``Document.provenance``); "text" for a record stored before
#: provenance was kept, whose date the pipeline can only have read from the article's text.
SourceOrigin = MetadataSource | Literal["text"]
BriefTopic = Literal["attack", "claim", "confirmation", "divergence", "denial", "silence", "change"]


class Model(BaseModel):
    """Base of the report's records: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid")


class SpeakerRef(Model):
    """A speaker, the bloc it was sorted into, and what the records say it is (role, kind, state)."""

    name: str
    affiliation: str | None = None
    bloc: str
    group: BlocGroup
    role: str | None = None
    kind: str | None = None
    state: str | None = None


class PartyLine(Model):
    """A party claimed, confirmed, accused or cleared, with who said so and when.

    ``first_date``/``last_date`` are the days the statements were made (where
    the articles say); ``first_reported`` the earliest day one was published.
    """

    party: str
    stance: Stance
    speakers: list[SpeakerRef]
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    first_reported: dt.date | None = None
    evidence: list[EvidenceRef]


class MatrixCell(Model):
    """How often one bloc blamed one party (claims, confirmations, accusations)."""

    bloc: str
    group: BlocGroup
    party: str
    count: int
    stances: list[Stance]
    speakers: list[str]
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    first_reported: dt.date | None = None
    evidence: list[EvidenceRef]


class MatrixRow(Model):
    """One bloc's row of the matrix: a cell per party (``None`` where the bloc never blamed it)."""

    bloc: str
    group: BlocGroup
    cells: list[MatrixCell | None]


class AttributionMatrix(Model):
    """Bloc × party blamed: the parties are the columns (claimed or confirmed ones first), the blocs the rows."""

    parties: list[str]
    responsible: list[bool]
    rows: list[MatrixRow]


class Divergence(Model):
    """A statement blaming a party other than the claimant or the confirmed perpetrator."""

    speaker: SpeakerRef
    party: str
    stance: Stance
    date: dt.date | None = None
    quote: str
    evidence: list[EvidenceRef]


class Omission(Model):
    """A speaker of the attacked state who never names a responsible party."""

    speaker: SpeakerRef
    omits: list[str]
    blames: list[str]
    statements: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    evidence: list[EvidenceRef]


class TimelineEntry(Model):
    """One statement in time: the day it was made, or the day it was first reported."""

    date: dt.date | None = None
    first_reported: dt.date | None = None
    speaker: SpeakerRef
    stance: Stance
    target: str | None = None
    quote: str
    evidence: list[EvidenceRef]


class StanceAt(Model):
    """An actor's stance on a day."""

    date: dt.date | None = None
    stance: Stance
    target: str | None = None
    evidence: list[EvidenceRef] = []


class ActorTimeline(Model):
    """One actor's stances in date order."""

    speaker: SpeakerRef
    stances: list[StanceAt]


class ResponsibleLine(Model):
    """An organisation the articles hold responsible, with the surest confidence any of them gives."""

    party: str
    confidence: str
    documents: list[str]
    evidence: list[EvidenceRef]


class CasualtyLine(Model):
    """A casualty figure as a source gave it, dated by the report or the article."""

    date: dt.date | None = None
    kind: str
    number: int
    qualifier: str | None = None
    source: str | None = None
    evidence: EvidenceRef | None = None


class Toll(Model):
    """A casualty figure of the attack as the records reconciled it, with every report of it."""

    kind: str
    number: int
    qualifier: str | None = None
    source: str | None = None
    date: dt.date | None = None
    evidence: list[EvidenceRef]


class Fact(Model):
    """One fact about the attack (its day, place or kind) and every report of it."""

    value: str
    evidence: list[EvidenceRef]


class AttackFacts(Model):
    """The attack as the reports agree on it: day, place, kind, and the toll now and as first given."""

    date: dt.date | None = None
    date_evidence: list[EvidenceRef] = []
    place: Fact | None = None
    kind: Fact | None = None
    tolls: list[Toll] = []
    first_tolls: list[Toll] = []


class DocumentRef(Model):
    """An article the report draws on, and where its outlet and date were read."""

    id: str
    name: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_from: SourceOrigin | None = None
    published: dt.date | None = None
    published_from: SourceOrigin | None = None


class Clause(Model):
    """Part of a sentence of the brief and the evidence it rests on."""

    text: str
    evidence: list[EvidenceRef]


class BriefSentence(Model):
    """A sentence of the brief: clauses, each with its evidence, joined in order (the text has no final stop)."""

    topic: BriefTopic
    clauses: list[Clause]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.clauses)


class BriefParagraph(Model):
    """A paragraph of the brief."""

    topic: str
    sentences: list[BriefSentence]


class Range(Model):
    """Character offsets into a document's text (end exclusive)."""

    start: int
    end: int


class Passage(Model):
    """A sentence the report cites, inside its paragraph, with the words the report rests on marked.

    ``cites`` lists the evidence ranges it stands for, so a renderer finds
    the passage of any :class:`EvidenceRef` of the report.
    """

    document_id: str
    document_name: str
    start: int
    end: int
    paragraph_start: int
    paragraph: str
    marks: list[Range]
    cites: list[Range]

    @property
    def sentence(self) -> str:
        return self.paragraph[self.start - self.paragraph_start : self.end - self.paragraph_start]


class NarrativeReport(Model):
    """Everything the narrative of one event says, as data the renderers turn into text, Markdown, HTML or JSON."""

    event_id: str | None = None
    label: str
    title: str
    brief: list[BriefParagraph]
    date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    attack_type: str | None = None
    attack: AttackFacts
    documents: list[DocumentRef]
    claimed_by: list[PartyLine]
    confirmed: list[PartyLine]
    accused: list[PartyLine]
    denied: list[PartyLine]
    condemned_by: list[SpeakerRef]
    matrix: AttributionMatrix
    divergences: list[Divergence]
    omissions: list[Omission]
    timeline: list[TimelineEntry]
    actor_timelines: list[ActorTimeline]
    casualties: list[CasualtyLine]
    responsible: list[ResponsibleLine] = []
    passages: list[Passage]
