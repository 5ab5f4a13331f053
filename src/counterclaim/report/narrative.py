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
from collections.abc import Iterable, Iterator

from pydantic import BaseModel

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
from counterclaim.records import ArticleRecord, Document, Mention
from counterclaim.report.brief import build_brief
from counterclaim.report.matrix import build_matrix
from counterclaim.report.models import (
    ActorTimeline,
    AttackFacts,
    BlocGroup,
    CasualtyLine,
    Divergence,
    DocumentRef,
    Fact,
    NarrativeReport,
    Omission,
    PartyLine,
    ResponsibleLine,
    SourceOrigin,
    SpeakerRef,
    StanceAt,
    TimelineEntry,
    Toll,
)
from counterclaim.report.passages import build_passages
from counterclaim.report.wording import Speakers, capitalise, day, words

BLAME_STANCES: frozenset[str] = frozenset({"claim", "confirm", "accuse"})


def _date_key(date: dt.date | None) -> tuple[bool, dt.date]:
    """Sort key putting undated items last."""
    return (date is None, date or dt.date.max)


def _unique_speakers(speakers: Iterable[SpeakerRef]) -> list[SpeakerRef]:
    """Speakers in first-seen order, each once: several statements of one speaker make one line name it once."""
    return list({s.name: s for s in speakers}.values())


def _span(values: Iterable[dt.date | None]) -> tuple[dt.date | None, dt.date | None]:
    dates = [d for d in values if d]
    return (min(dates), max(dates)) if dates else (None, None)


def named_party(stance: str, target: str | None, speaker: str, affiliation: str | None) -> str | None:
    """The party a statement is about, as named: its target; a claim without one claims for the speaker's group."""
    return target or (affiliation or speaker if stance == "claim" else None)


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
        # each statement's party and speaker, worked out once: every section asks for them again
        self._parties_of = {id(m): self._party_of(m) for m in self.merged}
        self.claimants = self._parties({"claim"}, "claimed_by")
        self.confirmed = self._parties({"confirm"}, "confirmed")
        self.mentions: dict[str, list[Mention]] = {r.document.id: r.mentions for r in records}
        #: actor id -> the role the articles give it ("Iranian Supreme Leader"), first seen first
        self.roles: dict[str, str] = {}
        for record in records:
            for mention in record.mentions:
                if mention.actor_id and mention.role:
                    self.roles.setdefault(mention.actor_id, mention.role)
        self.speakers = Speakers(names)
        self._speakers = {id(m): self._speaker(m) for m in self.merged}

    def _parties(self, stances: set[str], field: str) -> list[str]:
        """Parties named with ``stances`` in statements or in the records' perpetrator lists (first seen first)."""
        found = [self.party_of(m) for m in self.merged if m.statement.stance in stances]
        for record in self.records:
            if record.event is not None:
                found.extend(getattr(record.event.perpetrators, field))
        return list(dict.fromkeys(p for p in found if p))

    def party_of(self, merged: MergedStatement) -> str | None:
        """The party a statement is about, by its canonical name (see :func:`named_party`)."""
        return self._parties_of[id(merged)]

    def _party_of(self, merged: MergedStatement) -> str | None:
        st = merged.statement
        name = named_party(st.stance, st.target_name, st.speaker_name, st.speaker_affiliation)
        return self.names.display(name) if name else None

    def responsible(self, party: str | None) -> bool:
        """True for a claimant or confirmed perpetrator (or its branch or parent)."""
        return any(self.names.related(party, r) for r in [*self.claimants, *self.confirmed])

    def speaker(self, merged: MergedStatement) -> SpeakerRef:
        """The speaker and its bloc (claimant, a state's officials or media, or other), role, kind and state."""
        return self._speakers[id(merged)]

    def _speaker(self, merged: MergedStatement) -> SpeakerRef:
        st = merged.statement
        labels, name, affiliation = self.lexicon["bloc_labels"], st.speaker_name, st.speaker_affiliation
        found = {
            "name": name,
            "affiliation": affiliation,
            "role": st.speaker.role or self.roles.get(st.speaker.actor_id or ""),
            "kind": self.names.kind(name) or self.names.kind(st.speaker.actor_id),
        }
        if st.stance == "claim" or any(self.names.related(p, c) for p in (name, affiliation) for c in self.claimants):
            return SpeakerRef(**found, bloc=labels["claimant"], group="claimant")
        state = self.names.state(name) or self.names.state(affiliation)
        if state is None and affiliation and self.names.kind(affiliation) in (None, "state"):
            state = affiliation
        if state is None:
            return SpeakerRef(**found, bloc=affiliation or labels["other"], group="other")
        attacked = bool(self.country) and self.names.key(state) == self.names.key(self.country)
        role = "media" if self._is_media(name) else "officials"
        group: BlocGroup = "attacked" if attacked else "foreign"
        bloc = labels[role].format(demonym=self.speakers.demonym(state), state=state)
        return SpeakerRef(**found, bloc=bloc, group=group, state=state)

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


def _dates(group: Iterable[MergedStatement]) -> dict[str, dt.date | None]:
    """First and last day the statements were made, and the first day one of them was published."""
    group = list(group)
    first, last = _span(m.statement.date for m in group)
    return {"first_date": first, "last_date": last, "first_reported": _span(m.first_reported for m in group)[0]}


def _party_lines(b: _Builder, stance: str) -> list[PartyLine]:
    lines: dict[str, list[MergedStatement]] = {}
    for m in b.merged:
        party = b.party_of(m)
        if m.statement.stance == stance and party:
            lines.setdefault(b.names.key(party), []).append(m)
    return [
        PartyLine(
            party=b.party_of(group[0]) or "",
            stance=stance,
            speakers=_unique_speakers(b.speaker(m) for m in group),
            **_dates(group),
            evidence=[e for m in group for e in m.evidence],
        )
        for group in lines.values()
    ]


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


def _blames(b: _Builder) -> Iterator[tuple[SpeakerRef, str, MergedStatement]]:
    """Each claim, confirmation and accusation: its speaker, the party it blames, the statement."""
    for m in b.merged:
        party = b.party_of(m)
        if m.statement.stance in BLAME_STANCES and party:
            yield b.speaker(m), party, m


def _same_actor(a: str, b: str, names: ActorNames) -> bool:
    """One speaker under two names ("Khamenei", "Ali Khamenei"); two names of distinct known actors never are
    ("Islamic State" and its branch "Islamic State Khorasan Province")."""
    known_a, known_b = names.actor(a), names.actor(b)
    if known_a is not None and known_b is not None and known_a.id != known_b.id:
        return False
    return same_speaker(a, b, names)


def _by_speaker(b: _Builder) -> list[list[MergedStatement]]:
    """Statements grouped by speaker ("Khamenei" and "Ali Khamenei" together), first speaker first."""
    groups: list[list[MergedStatement]] = []
    for m in b.merged:
        group = next(
            (g for g in groups if _same_actor(g[0].statement.speaker_name, m.statement.speaker_name, b.names)), None
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
        found = next((a for a in out if _same_actor(a.speaker.name, entry.speaker.name, b.names)), None)
        if found is None:
            found = ActorTimeline(speaker=entry.speaker, stances=[])
            out.append(found)
        found.stances.append(
            StanceAt(date=entry.date, stance=entry.stance, target=entry.target, evidence=entry.evidence)
        )
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


def _tolls(records: list[ArticleRecord], newest: bool) -> list[Toll]:
    """The killed and injured figures the newest (or first) article reconciled, with every report of that figure.

    The extractor has already chosen each article's current figure (never a
    claimant's boast); across articles the latest publication wins.
    """
    out = []
    for kind in ("killed", "injured"):
        giving = [r for r in records if r.event is not None and getattr(r.event, kind) is not None]
        if not giving:
            continue
        ordered = sorted(giving, key=lambda r: _date_key(r.document.published))
        chosen = ordered[-1] if newest else ordered[0]
        event = chosen.event
        assert event is not None
        number, source = getattr(event, kind), getattr(event, f"{kind}_source")
        reports = [
            (r, c)
            for r in giving
            for c in r.event.casualties
            if c.kind == kind and c.number == number  # type: ignore[union-attr]
        ]
        mine = [c for r, c in reports if r is chosen]
        named = next((c for c in mine if c.source), None)  # the record left its source out: a report names it
        own = next((c for c in mine if source and c.source == source), None) or named or (mine[0] if mine else None)
        out.append(
            Toll(
                kind=kind,
                number=number,
                qualifier=own.qualifier if own else None,
                source=source or (own.source if own else None),
                date=(own.date if own else None) or chosen.document.published,
                evidence=[evidence_ref(r, c.evidence) for r, c in reports]
                or ([evidence_ref(chosen, event.evidence)] if event.evidence else []),
            )
        )
    return out


def _attack_facts(
    records: list[ArticleRecord], date: dt.date | None, city: str | None, place: str, kind: str | None
) -> AttackFacts:
    """The attack's day, place and kind with the evidence of every article that agrees on them, and the toll now
    and at first."""
    with_event = [(r, r.event) for r in records if r.event is not None]
    date_evidence = [evidence_ref(r, e.date_evidence) for r, e in with_event if e.date == date and e.date_evidence]
    place_evidence = [
        evidence_ref(r, e.place.evidence) for r, e in with_event if e.place.evidence and e.place.city == city and place
    ]
    worded = [(r, e) for r, e in with_event if e.evidence and kind and e.attack_type_text == kind]
    kind_evidence = [evidence_ref(r, e.evidence) for r, e in worded or with_event if e.evidence and kind]
    tolls, first = _tolls(records, newest=True), _tolls(records, newest=False)
    changed = [t for t in first if all((t.kind, t.number) != (n.kind, n.number) for n in tolls)]
    return AttackFacts(
        date=date,
        date_evidence=date_evidence,
        place=Fact(value=place, evidence=place_evidence) if place else None,
        kind=Fact(value=kind, evidence=kind_evidence) if kind else None,
        tolls=tolls,
        first_tolls=changed,
    )


def _attack_words(records: list[ArticleRecord], attack_type: str | None) -> str | None:
    """The articles' own word for the attack ("suicide bombing"), else the class as a noun."""
    said = _most_common(r.event.attack_type_text for r in records if r.event is not None)
    if said:
        return str(said)
    if attack_type is None:
        return None
    return words()["attack_nouns"].get(attack_type, attack_type)


def _document_ref(document: Document, names: ActorNames) -> DocumentRef:
    """The document with where its outlet and date came from (``Document.provenance``)."""
    provenance = document.provenance
    outlet_from = provenance.get("outlet") if document.outlet else None
    published_from: SourceOrigin | None = None
    if document.published is not None:
        published_from = provenance.get("published") or "text"
    return DocumentRef(
        id=document.id,
        name=document.name,
        title=document.title,
        url=document.url,
        outlet=names.display(document.outlet) if outlet_from == "dateline" and document.outlet else document.outlet,
        outlet_from=outlet_from,
        published=document.published,
        published_from=published_from,
    )


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


def evidence_in(model: BaseModel | list | None) -> Iterator[EvidenceRef]:
    """Every piece of evidence a report (or any part of it) holds, in field order."""
    if isinstance(model, EvidenceRef):
        yield model
    elif isinstance(model, list):
        for item in model:
            yield from evidence_in(item)
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            yield from evidence_in(getattr(model, name))


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
    attack_type = event.attack_type if event else _most_common(a.attack_type for a in attacks)
    landmark = _most_common(a.place.landmark for a in attacks if a.place.city == city)
    b = _Builder(records, country, names)
    timeline = _timeline(b)
    divergences = [
        Divergence(
            speaker=speaker,
            party=party,
            stance=m.statement.stance,
            date=m.statement.date,
            quote=m.statement.quote,
            evidence=m.evidence,
        )
        for speaker, party, m in _blames(b)
        if m.statement.stance in {"accuse", "confirm"} and not b.responsible(party)
    ]
    place = ", ".join(str(p) for p in (landmark, city, country) if p)
    kind = _attack_words(records, attack_type)
    title_place = ", ".join(str(p) for p in (city, country) if p)
    title = capitalise(kind or words()["attack_noun"]) + (f" in {title_place}" if title_place else "")
    title += f", {day(date)}" if date else ""
    default_label = " ".join(str(p) for p in (date, attack_type, f"in {title_place}" if title_place else None) if p)
    report = NarrativeReport(
        event_id=event.id if event else None,
        label=event.label if event else default_label or (records[0].document.name if records else "event"),
        title=title,
        date=date,
        city=city,
        country=country,
        attack_type=attack_type,
        attack=_attack_facts(records, date, city, place, kind),
        documents=[_document_ref(r.document, names) for r in records],
        brief=[],
        claimed_by=_claim_lines(b),
        confirmed=_party_lines(b, "confirm"),
        accused=_party_lines(b, "accuse"),
        denied=_party_lines(b, "deny"),
        condemned_by=list(
            {s.name: s for s in (b.speaker(m) for m in b.merged if m.statement.stance == "condemn")}.values()
        ),
        matrix=build_matrix(_blames(b), b.responsible, names),
        divergences=divergences,
        omissions=_omissions(b),
        timeline=timeline,
        actor_timelines=_actor_timelines(b, timeline),
        casualties=_casualties(records),
        responsible=_responsible(records),
        passages=[],
    )
    report.brief = build_brief(report, b.speakers, records)
    texts = {r.document.id: r.document.text for r in records}
    report.passages = build_passages(evidence_in(report), texts, [r.document.id for r in records])
    return report
