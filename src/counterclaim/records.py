"""The records counterclaim produces, as pydantic models.

Every stage speaks in these types: the NLP components write them into ``Doc``
extensions, the store persists them, the report and the exports read them.
They are plain data (JSON-serialisable, picklable) so that worker processes can
send them back and later tools (API, STIX export) can reuse them unchanged.
JSON Schemas for them are generated into ``docs/schema/`` by
``python -m counterclaim.records``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["person", "organisation", "state", "media", "militant_group", "agency"]
Stance = Literal["claim", "accuse", "confirm", "deny", "condemn", "other"]
CasualtyKind = Literal["killed", "injured", "kidnapped", "arrested", "missing"]
MetadataSource = Literal["html", "jsonl", "file-name", "header", "dateline"]
#: The language counterclaim analyses; a document in another is stored with no findings.
ENGLISH = "en"


class Record(BaseModel):
    """Base for all records: forbids unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Record):
    """Where a fact comes from: the words that support it and who found them.

    ``start``/``end`` are character offsets into the document's normalised text
    (end exclusive), so any viewer can highlight the exact words.
    """

    document_id: str = ""
    start: int
    end: int
    sentence: str = ""
    producer: str = Field(description="rule or model id that produced the fact, e.g. 'statements.narrated.accuse'")
    confidence: float = Field(ge=0.0, le=1.0)
    rules: list[str] = Field(
        default_factory=list,
        description="names of the registered rules that shaped the fact, e.g. ['act.claim', 'speaker.named', "
        "'name.known', 'stance.claim'] (see `counterclaim rules`)",
    )


class Span(Record):
    """A stretch of the document text with its character offsets (end exclusive)."""

    start: int
    end: int
    text: str


class Actor(Record):
    """A canonical actor from the knowledge base, or one first seen in a text."""

    id: str = Field(description="stable slug, e.g. 'islamic-state-khorasan-province'")
    name: str
    kind: ActorKind
    affiliation: str | None = Field(default=None, description="id of the actor this one belongs to")
    country: str | None = Field(default=None, description="id of the state the actor belongs to or is based in")


class Mention(Record):
    """A place in the text that names an actor, resolved where possible."""

    span: Span
    actor_id: str | None = None
    role: str | None = Field(default=None, description="title or role split off a person's name")
    affiliation_id: str | None = Field(default=None, description="organisation or state the speaker acts for")
    producer: str = ""
    confidence: float = 1.0


class Attribution(Record):
    """A reported statement as spans: who (source), the reporting verb (cue), what (content)."""

    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    direct: bool = False
    producer: str = ""
    confidence: float = 1.0


#: The evidence rule of a statement the text leaves undated, dated by the day of the report that tells it.
REPORT_DAY_RULE = "date.report_day"


class Statement(Record):
    """A speech act about responsibility for an attack."""

    speaker: Mention
    speaker_name: str = Field(description="most specific name of the speaker, title and role split off")
    speaker_affiliation: str | None = Field(default=None, description="canonical name of the organisation or state")
    stance: Stance
    target: Mention | None = None
    target_name: str | None = Field(default=None, description="canonical name of the party claimed, blamed or cleared")
    cue: Span | None = None
    content: Span | None = None
    quote: str = ""
    direct: bool = False
    date: dt.date | None = Field(
        default=None,
        description=f"day the statement was made; the report's own day when evidence has {REPORT_DAY_RULE!r}",
    )
    evidence: Evidence

    @property
    def told_date(self) -> dt.date | None:
        """The day the text gives the statement: None when ``date`` is only the day of the report that tells it."""
        return None if REPORT_DAY_RULE in self.evidence.rules else self.date


class CasualtyReport(Record):
    """One casualty figure as one source gave it."""

    kind: CasualtyKind
    number: int
    qualifier: str | None = Field(default=None, description="'at least', 'more than', 'some', 'dozens' ...")
    source: str | None = Field(default=None, description="who reported the figure, as the text names them")
    source_actor_id: str | None = None
    date: dt.date | None = None
    evidence: Evidence


class Place(Record):
    """Where an attack happened; coordinates from the offline gazetteer where known."""

    city: str | None = None
    region: str | None = None
    country: str | None = None
    landmark: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    evidence: Evidence | None = None


#: How surely a text holds an organisation responsible, surest first (the MUC-4 confidence scale).
ResponsibilityConfidence = Literal["claimed", "reported", "accused", "suspected"]


class Responsibility(Record):
    """An organisation the text holds responsible for the attack, and how surely.

    ``claimed``: it claimed the attack; ``reported``: the narrator states it as
    fact ("FMLN commandos attacked"); ``accused``: someone blames it ("police
    blamed the ELN"); ``suspected``: a hedged attribution ("apparently by ELN
    guerrillas", "suspected Shining Path members").
    """

    name: str = Field(description="canonical name (the knowledge base's when it knows the organisation)")
    written: str | None = Field(default=None, description="the name as the text writes it, when read from the text")
    confidence: ResponsibilityConfidence
    evidence: Evidence | None = None


class Perpetrators(Record):
    """Who was said to be responsible, and by whom (actor names, canonical)."""

    claimed_by: list[str] = []
    accused: dict[str, list[str]] = Field(default_factory=dict, description="accused party -> accusers")
    confirmed: dict[str, list[str]] = Field(default_factory=dict, description="confirmed party -> confirmers")
    responsible: list[Responsibility] = Field(
        default_factory=list, description="every organisation held responsible, surest first, with its confidence"
    )


class Event(Record):
    """An attack as one document reports it."""

    date: dt.date | None = None
    date_evidence: Evidence | None = None
    place: Place = Field(default_factory=Place)
    attack_type: str | None = Field(default=None, description="GTD class: bombing, armed assault, ...")
    attack_type_text: str | None = Field(default=None, description="the words used, e.g. 'suicide bombing'")
    suicide: bool = False
    weapon: str | None = None
    casualties: list[CasualtyReport] = []
    killed: int | None = Field(default=None, description="reconciled current figure")
    killed_source: str | None = None
    injured: int | None = None
    injured_source: str | None = None
    perpetrators: Perpetrators = Field(default_factory=Perpetrators)
    groups_involved: list[str] = []
    evidence: Evidence | None = None


class Document(Record):
    """One ingested article."""

    id: str = Field(description="hash of the normalised text: the same article is the same document")
    name: str = Field(description="file stem for files, else a slug of the title or url")
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str = Field(default=ENGLISH, description="language code detected at ingest; only 'en' is analysed")
    text: str
    raw_hash: str = Field(description="sha256 of the raw input bytes")
    source_path: str | None = None
    provenance: dict[str, MetadataSource] = Field(
        default_factory=dict,
        description="where the title, url, outlet and published date were read: 'html' (the page's metadata), "
        "'jsonl' (the line's fields), 'file-name' (a date in the file's name), or by the pipeline from the "
        "article's own 'header' lines or 'dateline' (\"MOSCOW, March 23 (AFP) -\")",
    )


class ArticleRecord(Record):
    """Everything extracted from one document: what the store and ``extract`` write."""

    document: Document
    event: Event | None = None
    event_mentions: list[Event] = Field(default_factory=list, description="other attacks the article mentions")
    statements: list[Statement] = []
    attributions: list[Attribution] = []
    mentions: list[Mention] = []


class EventRef(Record):
    """The cross-document event an exported article belongs to, as the events listing names it."""

    id: str
    label: str
    date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    attack_type: str | None = None


class StatementCodes(Record):
    """A statement's stable id and its codes in the event-data vocabularies (see ``export/data/cameo.yaml``)."""

    statement_id: str = Field(description="document id and position, e.g. '79f6048f9108aeb1-s3'")
    cameo: str | None = Field(default=None, description="CAMEO event code, e.g. '015' (claim responsibility)")
    cameo_name: str | None = None
    plover: str | None = Field(default=None, description="PLOVER category, e.g. 'ACCUSE'; none for CAMEO 01x")


class ExportedArticle(Record):
    """One line of the JSON Lines export: an article's record, its event, and the ids and codes of its statements.

    ``codes[i]`` belongs to ``record.statements[i]``; the record is exactly
    what the store holds, so a line round-trips to an :class:`ArticleRecord`.
    """

    event: EventRef | None = None
    record: ArticleRecord
    codes: list[StatementCodes] = []


def unix_newlines(text: str) -> str:
    """The stored text of a document: the text as given, with unix newlines only.

    Offsets in all evidence refer to this form, which is what a reader sees on
    opening the file in text mode (universal newlines), so an offset can be
    checked against the original article without counterclaim.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise_text(text: str) -> str:
    """The form a document's id is computed on: NFC, unix newlines, no trailing blanks.

    Two copies of an article that differ only in these are the same document.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip("\n")


def document_id(text: str) -> str:
    """Stable id of a document: sha256 over its normalised text, shortened."""
    key = re.sub(r"\s+", " ", normalise_text(text)).strip()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


SCHEMA_MODELS: tuple[type[BaseModel], ...] = (
    Document,
    Actor,
    Mention,
    Attribution,
    Statement,
    Event,
    CasualtyReport,
    Evidence,
    ArticleRecord,
    ExportedArticle,
)


def write_schemas(folder: Path) -> list[Path]:
    """Write one JSON Schema file per record type into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for model in SCHEMA_MODELS:
        path = folder / f"{model.__name__}.schema.json"
        path.write_text(json.dumps(model.model_json_schema(), indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_schemas(Path(__file__).resolve().parents[2] / "docs" / "schema"):
        print(p)
