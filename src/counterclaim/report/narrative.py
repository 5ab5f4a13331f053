"""The narrative report of one event: who claimed, who confirmed, who blamed whom, who stayed silent, over time.

Built from the article records of one event (see :mod:`counterclaim.events`):
statements reported by several outlets are merged first, speakers are sorted
into blocs (the claimant; each state's officials and services; each state's
media), and every line keeps the evidence it rests on (document and character
offsets) so a reader can check it against the text.

Definitions:

- *responsible parties*: the groups that claimed the attack and the parties
  others confirmed as the perpetrator (a branch and its parent count as one);
- *divergence*: a statement blaming a party that is not responsible;
- *omission*: a speaker of the attacked state (the event's country) none of
  whose statements names a responsible party, neither as its target nor in its
  words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from counterclaim.events.actors import ActorNames, normalise_name
from counterclaim.events.cluster import EventSummary, arrival_order
from counterclaim.events.merge_statements import (
    EvidenceRef,
    MergedStatement,
    evidence_ref,
    merge_statements,
    same_speaker,
)
from counterclaim.lexicons import load_lexicon
from counterclaim.records import ArticleRecord, Mention, Stance

BlocGroup = Literal["claimant", "attacked", "foreign", "other"]
BLAME_STANCES: frozenset[str] = frozenset({"claim", "confirm", "accuse"})


class Model(BaseModel):
    """Base of the report's records: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid")


class SpeakerRef(Model):
    """A speaker and the bloc it was sorted into."""

    name: str
    affiliation: str | None = None
    bloc: str
    group: BlocGroup


class PartyLine(Model):
    """A party claimed, confirmed, accused or cleared, with who said so and when."""

    party: str
    stance: Stance
    speakers: list[SpeakerRef]
    first_date: dt.date | None = None
    last_date: dt.date | None = None
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
    evidence: list[EvidenceRef]


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


class DocumentRef(Model):
    """An article the report draws on."""

    id: str
    name: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


class NarrativeReport(Model):
    """Everything the narrative of one event says, as data the renderers turn into text, Markdown, HTML or JSON."""

    event_id: str | None = None
    label: str
    date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    attack_type: str | None = None
    documents: list[DocumentRef]
    claimed_by: list[PartyLine]
    confirmed: list[PartyLine]
    accused: list[PartyLine]
    denied: list[PartyLine]
    condemned_by: list[SpeakerRef]
    matrix: list[MatrixCell]
    divergences: list[Divergence]
    omissions: list[Omission]
    timeline: list[TimelineEntry]
    actor_timelines: list[ActorTimeline]
    casualties: list[CasualtyLine]
    responsible: list[ResponsibleLine] = []


def _date_key(date: dt.date | None) -> tuple[bool, dt.date]:
    """Sort key putting undated items last."""
    return (date is None, date or dt.date.max)


def _unique_speakers(speakers: Iterable[SpeakerRef]) -> list[SpeakerRef]:
    """Speakers in first-seen order, each once."""
    return list({s.name: s for s in speakers}.values())


def _span(values: Iterable[dt.date | None]) -> tuple[dt.date | None, dt.date | None]:
    dates = [d for d in values if d]
    return (min(dates), max(dates)) if dates else (None, None)


class _Builder:
    """Holds what every section needs: the names resolver, the event's country and the responsible parties."""

    def __init__(self, records: list[ArticleRecord], country: str | None, names: ActorNames) -> None:
        self.records = records
        self.country = country
        self.names = names
        self.lexicon = load_lexicon("narrative")
        cues = "|".join(re.escape(c) for c in self.lexicon["not_naming_cues"])
        #: a clause reporting that the speaker did not name someone: not a naming
        self.not_naming = re.compile(rf"\b(?:{cues})\b[^;.]*?(?=[;.]|,\s*instead|$)", re.IGNORECASE)
        self.merged = merge_statements(records, names)
        self.claimants = self._parties({"claim"}, "claimed_by")
        self.confirmed = self._parties({"confirm"}, "confirmed")
        self.mentions: dict[str, list[Mention]] = {r.document.id: r.mentions for r in records}

    def _parties(self, stances: set[str], field: str) -> list[str]:
        """Parties named with ``stances`` in statements or in the records' perpetrator lists (first seen first)."""
        found = [self.party_of(m) for m in self.merged if m.statement.stance in stances]
        for record in self.records:
            if record.event is not None:
                found.extend(getattr(record.event.perpetrators, field))
        return list(dict.fromkeys(p for p in found if p))

    def party_of(self, merged: MergedStatement) -> str | None:
        """The party a statement is about; a claim without a target claims for the speaker's group."""
        st = merged.statement
        name = st.target_name or (st.speaker_affiliation or st.speaker_name if st.stance == "claim" else None)
        return self.names.display(name) if name else None

    def responsible(self, party: str | None) -> bool:
        """True for a claimant or confirmed perpetrator (or its branch or parent)."""
        return any(self.names.related(party, r) for r in [*self.claimants, *self.confirmed])

    def speaker(self, merged: MergedStatement) -> SpeakerRef:
        """The speaker and its bloc: claimant, a state's officials or media, or other."""
        st = merged.statement
        labels, name, affiliation = self.lexicon["bloc_labels"], st.speaker_name, st.speaker_affiliation
        if st.stance == "claim" or any(self.names.related(p, c) for p in (name, affiliation) for c in self.claimants):
            return SpeakerRef(name=name, affiliation=affiliation, bloc=labels["claimant"], group="claimant")
        state = self.names.state(name) or self.names.state(affiliation)
        if state is None and affiliation and self.names.kind(affiliation) in (None, "state"):
            state = affiliation
        if state is None:
            return SpeakerRef(name=name, affiliation=affiliation, bloc=affiliation or labels["other"], group="other")
        attacked = bool(self.country) and self.names.key(state) == self.names.key(self.country)
        role = "media" if self._is_media(name) else "officials"
        group: BlocGroup = "attacked" if attacked else "foreign"
        return SpeakerRef(name=name, affiliation=affiliation, bloc=labels[role].format(state=state), group=group)

    def _is_media(self, name: str) -> bool:
        if self.names.kind(name) == "media":
            return True
        words = set(normalise_name(name).split())
        return bool(words & {w.casefold() for w in self.lexicon["media_words"]})

    def names_responsible(self, merged: MergedStatement) -> bool:
        """Does the statement name a responsible party, as its target, in its quote, or by a linked mention?"""
        st = merged.statement
        if self.responsible(st.target_name):
            return True
        parties = [*self.claimants, *self.confirmed]
        said = self.not_naming.sub(" ", st.quote)
        quote = f" {normalise_name(said)} "
        if any(f" {normalise_name(p)} " in quote for p in parties):
            return True
        keys = set().union(*(self.names.lineage(p) for p in parties))
        if self.names.named_in(said) & keys:
            return True
        span = st.content  # the speaker's words only: the sentence around them may be the reporter's
        if span is None:
            return False
        for mention in self.mentions.get(st.evidence.document_id or merged.evidence[0].document_id, []):
            if span.start <= mention.span.start and mention.span.end <= span.end:
                slug = normalise_name((mention.actor_id or "").replace("-", " "))
                if mention.actor_id in keys or self.names.key(mention.span.text) in keys or self.responsible(slug):
                    return True
        return False


def _party_lines(b: _Builder, stance: str) -> list[PartyLine]:
    lines: dict[str, list[MergedStatement]] = {}
    for m in b.merged:
        party = b.party_of(m)
        if m.statement.stance == stance and party:
            lines.setdefault(b.names.key(party), []).append(m)
    out = []
    for group in lines.values():
        first, last = _span(m.statement.date or m.first_reported for m in group)
        speakers = _unique_speakers(b.speaker(m) for m in group)
        evidence = [e for m in group for e in m.evidence]
        out.append(
            PartyLine(
                party=b.party_of(group[0]) or "",
                stance=stance,
                speakers=speakers,
                first_date=first,
                last_date=last,
                evidence=evidence,
            )
        )
    return out


def _claim_lines(b: _Builder) -> list[PartyLine]:
    """Claims from statements, plus claimants only the attack record names (evidence: the record's)."""
    lines = _party_lines(b, "claim")
    for record in b.records:
        event = record.event
        for party in event.perpetrators.claimed_by if event else []:
            if not any(b.names.related(party, line.party) for line in lines):
                evidence = [evidence_ref(record, event.evidence)] if event.evidence else []
                lines.append(PartyLine(party=b.names.display(party), stance="claim", speakers=[], evidence=evidence))
    return lines


def _matrix(b: _Builder) -> list[MatrixCell]:
    cells: dict[tuple[str, str], list[tuple[SpeakerRef, MergedStatement]]] = {}
    for m in b.merged:
        party = b.party_of(m)
        if m.statement.stance in BLAME_STANCES and party:
            speaker = b.speaker(m)
            cells.setdefault((speaker.bloc, b.names.key(party)), []).append((speaker, m))
    order = list(load_lexicon("narrative")["bloc_groups"])
    out = []
    for (bloc, _), items in cells.items():
        first, last = _span(m.statement.date or m.first_reported for _, m in items)
        out.append(
            MatrixCell(
                bloc=bloc,
                group=items[0][0].group,
                party=b.party_of(items[0][1]) or "",
                count=len(items),
                stances=sorted({m.statement.stance for _, m in items}),
                speakers=list(dict.fromkeys(s.name for s, _ in items)),
                first_date=first,
                last_date=last,
                evidence=[e for _, m in items for e in m.evidence],
            )
        )
    return sorted(out, key=lambda c: (order.index(c.group), c.bloc, -c.count))


def _by_speaker(b: _Builder) -> list[list[MergedStatement]]:
    """Statements grouped by speaker ("Khamenei" and "Ali Khamenei" together), first speaker first."""
    groups: list[list[MergedStatement]] = []
    for m in b.merged:
        group = next(
            (g for g in groups if same_speaker(g[0].statement.speaker_name, m.statement.speaker_name, b.names)), None
        )
        if group is None:
            groups.append([m])
        else:
            group.append(m)
    return groups


def _omissions(b: _Builder) -> list[Omission]:
    if not (b.claimants or b.confirmed):
        return []
    omits = list(dict.fromkeys([*b.claimants, *b.confirmed]))
    out = []
    for group in _by_speaker(b):
        speaker = b.speaker(group[0])
        if speaker.group != "attacked" or any(b.names_responsible(m) for m in group):
            continue
        blames = [b.party_of(m) for m in group if m.statement.stance in BLAME_STANCES]
        first, last = _span(m.statement.date or m.first_reported for m in group)
        out.append(
            Omission(
                speaker=speaker,
                omits=omits,
                blames=list(dict.fromkeys(p for p in blames if p)),
                statements=len(group),
                first_date=first,
                last_date=last,
                evidence=[e for m in group for e in m.evidence],
            )
        )
    return out


def _timeline(b: _Builder) -> list[TimelineEntry]:
    entries = [
        TimelineEntry(
            date=m.statement.date,
            first_reported=m.first_reported,
            speaker=b.speaker(m),
            stance=m.statement.stance,
            target=b.names.display(m.statement.target_name) if m.statement.target_name else None,
            quote=m.statement.quote,
            evidence=m.evidence,
        )
        for m in b.merged
    ]
    return sorted(entries, key=lambda e: _date_key(e.date or e.first_reported))


def _actor_timelines(b: _Builder, timeline: list[TimelineEntry]) -> list[ActorTimeline]:
    out: list[ActorTimeline] = []
    for entry in timeline:
        found = next((a for a in out if same_speaker(a.speaker.name, entry.speaker.name, b.names)), None)
        if found is None:
            found = ActorTimeline(speaker=entry.speaker, stances=[])
            out.append(found)
        found.stances.append(StanceAt(date=entry.date, stance=entry.stance, target=entry.target))
    return out


def _casualties(records: list[ArticleRecord]) -> list[CasualtyLine]:
    """Every figure every source gave; a record with only reconciled figures contributes those."""
    lines = []
    for record in records:
        event = record.event
        if event is None:
            continue
        published = record.document.published
        for report in event.casualties:
            lines.append(
                CasualtyLine(
                    date=report.date or published,
                    kind=report.kind,
                    number=report.number,
                    qualifier=report.qualifier,
                    source=report.source,
                    evidence=evidence_ref(record, report.evidence),
                )
            )
        if not event.casualties:
            ref = evidence_ref(record, event.evidence) if event.evidence else None
            reconciled = (
                ("killed", event.killed, event.killed_source),
                ("injured", event.injured, event.injured_source),
            )
            for kind, number, source in reconciled:
                if number is not None:
                    lines.append(CasualtyLine(date=published, kind=kind, number=number, source=source, evidence=ref))
    return sorted(lines, key=lambda c: (_date_key(c.date), c.kind, c.source or ""))


def _responsible(records: list[ArticleRecord]) -> list[ResponsibleLine]:
    """Every organisation the articles' attack records hold responsible, surest confidence first.

    Claims are in the consensus already; this adds what the narration states
    as fact, accuses or suspects ("FMLN commandos attacked", "apparently by X").
    """
    order = ("claimed", "reported", "accused", "suspected")
    lines: dict[str, ResponsibleLine] = {}
    for record in records:
        for item in record.event.perpetrators.responsible if record.event else []:
            line = lines.setdefault(
                item.name, ResponsibleLine(party=item.name, confidence=item.confidence, documents=[], evidence=[])
            )
            if order.index(item.confidence) < order.index(line.confidence):
                line.confidence = item.confidence
            if record.document.name not in line.documents:
                line.documents.append(record.document.name)
            if item.evidence is not None:
                line.evidence.append(evidence_ref(record, item.evidence))
    return sorted(lines.values(), key=lambda line: order.index(line.confidence))


def _most_common(values: Iterable[object]) -> object | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def build_narrative(
    records: Iterable[ArticleRecord], event: EventSummary | None = None, names: ActorNames | None = None
) -> NarrativeReport:
    """The narrative report of the event the ``records`` report (all records are taken as one event).

    ``event`` supplies the id, label, date and place when the clustering knows
    them; otherwise they are the values most of the records give.
    """
    records = arrival_order(records)
    names = names or ActorNames()
    attacks = [r.event for r in records if r.event is not None]
    date = event.date if event else _most_common(a.date for a in attacks)
    city = event.city if event else _most_common(a.place.city for a in attacks)
    country = event.country if event else _most_common(a.place.country for a in attacks)
    attack_type = event.attack_type if event else _most_common(a.attack_type_text or a.attack_type for a in attacks)
    b = _Builder(records, country, names)
    timeline = _timeline(b)
    divergences = [
        Divergence(
            speaker=b.speaker(m),
            party=party,
            stance=m.statement.stance,
            date=m.statement.date,
            quote=m.statement.quote,
            evidence=m.evidence,
        )
        for m in b.merged
        if m.statement.stance in {"accuse", "confirm"} and (party := b.party_of(m)) and not b.responsible(party)
    ]
    place = ", ".join(p for p in (city, country) if p)
    default_label = " ".join(str(p) for p in (date, attack_type, f"in {place}" if place else None) if p)
    return NarrativeReport(
        event_id=event.id if event else None,
        label=event.label if event else default_label or (records[0].document.name if records else "event"),
        date=date,
        city=city,
        country=country,
        attack_type=attack_type,
        documents=[
            DocumentRef(
                id=r.document.id,
                name=r.document.name,
                title=r.document.title,
                outlet=r.document.outlet,
                published=r.document.published,
            )
            for r in records
        ],
        claimed_by=_claim_lines(b),
        confirmed=_party_lines(b, "confirm"),
        accused=_party_lines(b, "accuse"),
        denied=_party_lines(b, "deny"),
        condemned_by=list(
            {s.name: s for s in (b.speaker(m) for m in b.merged if m.statement.stance == "condemn")}.values()
        ),
        matrix=_matrix(b),
        divergences=divergences,
        omissions=_omissions(b),
        timeline=timeline,
        actor_timelines=_actor_timelines(b, timeline),
        casualties=_casualties(records),
        responsible=_responsible(records),
    )
