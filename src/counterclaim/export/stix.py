"""STIX 2.1 bundles for OpenCTI, MISP and any TAXII consumer, made with the ``stix2`` library.

Per event: a ``campaign`` (the attack; STIX suggests campaigns as the source of
``attributed-to``) that ``targets`` its ``location``, and a ``grouping`` of
everything the event holds. Per article: a ``report`` (its URL in the external
references, its outlet's ``identity`` as author, the text as description).
Per statement: a claim or confirmation is an ``attributed-to`` relationship
from the campaign to the party's ``threat-actor``, created by the speaker's
``identity``; every other statement (accusation, denial, condemnation, other)
is a ``note`` by the speaker on the campaign and the party. Each carries the
quote and the evidence (document, offsets, sentence, rule, confidence), the
stance and its CAMEO code and PLOVER category, as ``x_`` properties declared
by one ``extension-definition`` (so strict validators accept them), plus the
standard ``confidence`` and CAMEO/PLOVER external references. Only standard
object and relationship types are used: OpenCTI drops custom relationships.

Ids are UUIDv5 of counterclaim's own ids (``export/ids.py``), and timestamps
come from the store (when each article was analysed), so exporting the same
store twice gives the same bundle, and re-importing updates objects in place.
Identities, threat actors and locations describe the world, not an article:
they are dated at a fixed epoch so that every export describes them alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import stix2

from counterclaim.events.actors import ActorNames
from counterclaim.export.actors import ActorRef, actor_ref, party_ref, speaker_ref
from counterclaim.export.codes import load_data, statement_codes
from counterclaim.export.facts import event_facts
from counterclaim.export.ids import statement_id, stix_id
from counterclaim.export.source import ExportUnit
from counterclaim.export.stream import text_chunks
from counterclaim.nlp.gazetteer import country_code
from counterclaim.records import ArticleRecord, Statement

#: Creation time of objects that describe actors and places rather than an article.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
#: Stances exported as ``attributed-to`` relationships; the others become notes.
ATTRIBUTING = frozenset({"claim", "confirm"})

EXTENSION_PROPERTIES = (
    "x_counterclaim_statement_id",
    "x_counterclaim_stance",
    "x_counterclaim_speaker",
    "x_counterclaim_speaker_affiliation",
    "x_counterclaim_speaker_role",
    "x_counterclaim_party",
    "x_counterclaim_quote",
    "x_counterclaim_direct",
    "x_counterclaim_date",
    "x_counterclaim_evidence",
    "x_cameo_code",
    "x_cameo_name",
    "x_plover_category",
    "x_counterclaim_document_id",
    "x_counterclaim_document_name",
    "x_counterclaim_event_id",
    "x_counterclaim_event_date",
    "x_counterclaim_attack_type",
    "x_counterclaim_attack_type_text",
    "x_counterclaim_suicide",
    "x_counterclaim_weapon",
    "x_counterclaim_killed",
    "x_counterclaim_killed_source",
    "x_counterclaim_injured",
    "x_counterclaim_injured_source",
    "x_counterclaim_landmark",
    "x_counterclaim_actor_id",
    "x_counterclaim_kind",
    "x_counterclaim_designations",
)


def stix_chunks(units: Iterable[ExportUnit], bundle_key: str = "all") -> Iterator[bytes]:
    """A STIX 2.1 bundle as UTF-8 bytes, streamed object by object."""

    def pieces() -> Iterator[str]:
        yield f'{{"type": "bundle", "id": "{stix_id("bundle", bundle_key)}", "objects": [\n'
        for n, obj in enumerate(stix_objects(units)):
            yield ("" if n == 0 else ",\n") + obj.serialize(sort_keys=True)
        yield "\n]}\n"

    return text_chunks(pieces())


def stix_objects(units: Iterable[ExportUnit]) -> Iterator[Any]:
    """Every STIX object of the export, each once: counterclaim's identity and extension first, then event by event."""
    builder = _Builder()
    yield builder.creator
    yield builder.extension
    for unit in units:
        yield from builder.unit(unit)


class _Builder:
    """Makes the objects of each event, emitting shared ones (identities, threat actors, places) once."""

    def __init__(self) -> None:
        self.creator = stix2.Identity(
            id=stix_id("identity", "counterclaim"),
            name="counterclaim",
            identity_class="system",
            description="Source-attributed records of terrorist attacks extracted from news articles.",
            created=EPOCH,
            modified=EPOCH,
        )
        self.extension = stix2.ExtensionDefinition(
            id=stix_id("extension-definition", "counterclaim-properties"),
            created_by_ref=self.creator.id,
            name="counterclaim properties",
            description="Top-level properties counterclaim adds: statement evidence, stances, CAMEO and PLOVER codes.",
            schema=(
                "x_counterclaim_* hold counterclaim's record fields (statement id, stance, speaker, party, quote, "
                "date, evidence as {document_id, document_name, start, end, sentence, producer, confidence}; "
                "event facts on campaigns; knowledge-base id and kind on identities and threat actors); "
                "x_cameo_code / x_cameo_name / x_plover_category hold the statement's event-data codes. "
                "See counterclaim's docs/exports.md."
            ),
            version="1.0.0",
            extension_types=["toplevel-property-extension"],
            extension_properties=list(EXTENSION_PROPERTIES),
            created=EPOCH,
            modified=EPOCH,
        )
        self.extended = {self.extension.id: {"extension_type": "toplevel-property-extension"}}
        self.emitted: set[str] = set()
        #: Identities, threat actors and places already made (validating a stix2 object is the export's main cost).
        self.shared: dict[str, Any] = {}
        self.mapping = load_data("stix")
        self.kb = ActorNames().kb

    def unit(self, unit: ExportUnit) -> Iterator[Any]:
        """The objects of one event: shared ones not yet emitted, then the event's own, then its grouping."""
        names = unit.names
        times = [unit.ingested[r.document.id] for r in unit.records if r.document.id in unit.ingested] or [EPOCH]
        facts = event_facts(unit)
        date = _midnight(facts.date)
        campaign = stix2.Campaign(
            id=stix_id("campaign", unit.id),
            name=unit.label,
            description=unit.consensus,
            created_by_ref=self.creator.id,
            created=min(times),
            modified=max(times),
            extensions=self.extended,
            **_present(
                first_seen=date,
                last_seen=date,
                x_counterclaim_event_id=unit.event_id,
                x_counterclaim_event_date=facts.date.isoformat() if facts.date else None,
                x_counterclaim_attack_type=facts.attack_type,
                x_counterclaim_attack_type_text=facts.attack_type_text,
                x_counterclaim_suicide=facts.suicide,
                x_counterclaim_weapon=facts.weapon,
                x_counterclaim_killed=facts.killed,
                x_counterclaim_killed_source=facts.killed_source,
                x_counterclaim_injured=facts.injured,
                x_counterclaim_injured_source=facts.injured_source,
            ),
        )
        members: list[Any] = [campaign]
        location = self._location(facts.city, facts.country, facts.latitude, facts.longitude, facts.landmark)
        if location is not None:
            members.append(location)
            members.append(
                stix2.Relationship(
                    id=stix_id("relationship", f"{unit.id}:targets:{location.id}"),
                    relationship_type="targets",
                    source_ref=campaign.id,
                    target_ref=location.id,
                    created_by_ref=self.creator.id,
                    created=min(times),
                    modified=max(times),
                )
            )
        for record in unit.records:
            members.extend(self._record(record, unit, campaign.id, names))
        for member in members:
            if member.id not in self.emitted:
                self.emitted.add(member.id)
                yield member
        yield stix2.Grouping(
            id=stix_id("grouping", unit.id),
            name=unit.label,
            description=unit.consensus,
            context="suspicious-activity",
            object_refs=list(dict.fromkeys(m.id for m in members)),
            created_by_ref=self.creator.id,
            created=min(times),
            modified=max(times),
        )

    def _record(self, record: ArticleRecord, unit: ExportUnit, campaign: str, names: ActorNames) -> list[Any]:
        """An article's report and the objects of its statements (the report last, as it refers to them)."""
        document = record.document
        when = unit.ingested.get(document.id, EPOCH)
        objects: list[Any] = []
        for position, statement in enumerate(record.statements):
            objects.extend(self._statement(record, position, statement, campaign, when, names))
        outlet = actor_ref(names, document.outlet) if document.outlet else None
        author = self._identity(outlet) if outlet else None
        if author is not None:
            objects.append(author)
        reference: dict[str, Any] = {"source_name": document.outlet or "counterclaim"}
        if document.url:
            reference |= {"url": document.url, "hashes": {"SHA-256": document.raw_hash}}
        else:
            reference |= {"external_id": document.id, "description": document.source_path or document.name}
        report = stix2.Report(
            id=stix_id("report", document.id),
            name=document.title or document.name,
            description=document.text,
            published=_midnight(document.published) or when,
            report_types=["threat-report"],
            object_refs=list(dict.fromkeys([campaign, *(o.id for o in objects)])),
            external_references=[reference],
            created_by_ref=author.id if author else self.creator.id,
            lang=document.language,
            created=when,
            modified=when,
            extensions=self.extended,
            x_counterclaim_document_id=document.id,
            x_counterclaim_document_name=document.name,
        )
        return [*objects, report]

    def _statement(
        self,
        record: ArticleRecord,
        position: int,
        statement: Statement,
        campaign: str,
        when: dt.datetime,
        names: ActorNames,
    ) -> list[Any]:
        """The speaker's identity, the party's object, and the relationship or note that is the statement."""
        document = record.document
        codes = statement_codes(statement, statement_id(document.id, position))
        speaker = self._identity(speaker_ref(names, statement))
        party = party_ref(names, statement)
        evidence = statement.evidence
        properties: dict[str, Any] = _present(
            x_counterclaim_statement_id=codes.statement_id,
            x_counterclaim_stance=statement.stance,
            x_counterclaim_speaker=statement.speaker_name,
            x_counterclaim_speaker_affiliation=statement.speaker_affiliation,
            x_counterclaim_speaker_role=statement.speaker.role,
            x_counterclaim_party=party.name if party else None,
            x_counterclaim_quote=statement.quote,
            x_counterclaim_direct=statement.direct,
            x_counterclaim_date=statement.date.isoformat() if statement.date else None,
            x_counterclaim_evidence={
                "document_id": evidence.document_id or document.id,
                "document_name": document.name,
                "start": evidence.start,
                "end": evidence.end,
                "sentence": evidence.sentence,
                "producer": evidence.producer,
                "confidence": evidence.confidence,
            },
            x_cameo_code=codes.cameo,
            x_cameo_name=codes.cameo_name,
            x_plover_category=codes.plover,
        )
        common: dict[str, Any] = {
            "created_by_ref": speaker.id,
            "created": when,
            "modified": when,
            "confidence": round(evidence.confidence * 100),
            "labels": [statement.stance],
            "extensions": self.extended,
            **properties,
        }
        references = _code_references(codes.cameo, codes.cameo_name, codes.plover)
        if references:
            common["external_references"] = references
        if statement.stance in ATTRIBUTING and party is not None:
            perpetrator = self._threat_actor(party)
            relationship = stix2.Relationship(
                id=stix_id("relationship", codes.statement_id),
                relationship_type="attributed-to",
                source_ref=campaign,
                target_ref=perpetrator.id,
                description=statement.quote or evidence.sentence,
                **common,
            )
            return [speaker, perpetrator, relationship]
        target = self._party_object(party) if party else None
        refs = [campaign, *([target.id] if target is not None else []), speaker.id]
        note = stix2.Note(
            id=stix_id("note", codes.statement_id),
            abstract=f"{statement.speaker_name}: {statement.stance}" + (f" ({party.name})" if party else ""),
            content=_note_content(statement, document.name),
            authors=[statement.speaker_name],
            object_refs=list(dict.fromkeys(refs)),
            **common,
        )
        return [speaker, *([target] if target is not None else []), note]

    def _party_object(self, party: ActorRef) -> Any:
        """A militant group is a threat actor; any other party (a state, a person) an identity."""
        if party.kind in self.mapping["threat_actor_kinds"]:
            return self._threat_actor(party)
        return self._identity(party)

    def _shared(self, object_id: str, make: Callable[[], Any]) -> Any:
        """The shared object ``object_id``, made once."""
        if object_id not in self.shared:
            self.shared[object_id] = make()
        return self.shared[object_id]

    def _identity(self, actor: ActorRef) -> Any:
        object_id = stix_id("identity", actor.key)
        return self._shared(object_id, lambda: self._new_identity(object_id, actor))

    def _new_identity(self, object_id: str, actor: ActorRef) -> Any:
        kind = actor.kind
        return stix2.Identity(
            id=object_id,
            name=actor.name,
            identity_class=self.mapping["identity_class"].get(kind, "unknown"),
            created=EPOCH,
            modified=EPOCH,
            extensions=self.extended,
            **_present(
                sectors=self.mapping["sectors"].get(kind),
                x_counterclaim_actor_id=actor.key if kind else None,
                x_counterclaim_kind=kind,
            ),
        )

    def _threat_actor(self, actor: ActorRef) -> Any:
        object_id = stix_id("threat-actor", actor.key)
        return self._shared(object_id, lambda: self._new_threat_actor(object_id, actor))

    def _new_threat_actor(self, object_id: str, actor: ActorRef) -> Any:
        entry = self.kb.entry(actor.key) if self.kb is not None and actor.kind else None
        return stix2.ThreatActor(
            id=object_id,
            name=actor.name,
            threat_actor_types=self.mapping["threat_actor_types"].get(actor.kind, ["unknown"]),
            created=EPOCH,
            modified=EPOCH,
            extensions=self.extended,
            **_present(
                aliases=sorted(set(entry.aliases)) if entry and entry.aliases else None,
                x_counterclaim_actor_id=actor.key if actor.kind else None,
                x_counterclaim_kind=actor.kind,
                x_counterclaim_designations=entry.designations if entry and entry.designations else None,
            ),
        )

    def _location(
        self, city: str | None, country: str | None, lat: float | None, lon: float | None, landmark: str | None
    ) -> Any | None:
        """The attack's place; None when STIX could not locate it (no country code and no coordinates)."""
        code = country_code(country) if country else None
        if code is None and (lat is None or lon is None):
            return None
        object_id = stix_id("location", f"{country}|{city}|{landmark}")
        return self._shared(object_id, lambda: self._new_location(object_id, city, country, code, lat, lon, landmark))

    def _new_location(
        self,
        object_id: str,
        city: str | None,
        country: str | None,
        code: str | None,
        lat: float | None,
        lon: float | None,
        landmark: str | None,
    ) -> Any:
        return stix2.Location(
            id=object_id,
            name=", ".join(p for p in (landmark, city, country) if p),
            created=EPOCH,
            modified=EPOCH,
            extensions=self.extended,
            **_present(
                city=city,
                country=code,
                latitude=lat if lon is not None else None,
                longitude=lon if lat is not None else None,
                x_counterclaim_landmark=landmark,
            ),
        )


def _code_references(cameo: str | None, name: str | None, plover: str | None) -> list[dict[str, str]]:
    """CAMEO and PLOVER codes as external references, which OpenCTI and MISP show without extensions."""
    references = []
    if cameo:
        references.append({"source_name": "CAMEO", "external_id": cameo, "description": name or cameo})
    if plover:
        references.append({"source_name": "PLOVER", "external_id": plover})
    return references


def _note_content(statement: Statement, document_name: str) -> str:
    evidence = statement.evidence
    quote = f"“{statement.quote}”\n\n" if statement.quote else ""
    return (
        f"{quote}Evidence: {document_name}@{evidence.start}-{evidence.end} "
        f"({evidence.producer}, confidence {evidence.confidence:.2f}): {evidence.sentence.strip()}"
    )


def _midnight(date: dt.date | None) -> dt.datetime | None:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC) if date else None


def _present(**properties: Any) -> dict[str, Any]:
    """The properties that have a value (STIX forbids empty strings and lists where a property is optional)."""
    return {k: v for k, v in properties.items() if v is not None and v != "" and v != []}
