"""The analyst's brief: who claimed, who confirmed, who blamed whom instead, who stayed silent, and how that moved.

A few paragraphs at the top of an event's report, written from the report's
own parts and never beyond them: the attack in one sentence (day, place,
kind, toll and its source), the claim (who, when, through which outlet),
confirmations, divergent accounts grouped by bloc, denials, silences, and
what the dates show (blame before the claim, silence days after it, a
speaker who changed position). Every clause carries the evidence it rests
on; a clause without evidence is left out, and a sentence whose first clause
has none is not written. Wording: ``lexicons/report.yaml`` (``brief``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from itertools import groupby

from counterclaim.events.merge_statements import EvidenceRef
from counterclaim.records import ArticleRecord
from counterclaim.report.models import (
    BriefParagraph,
    BriefSentence,
    BriefTopic,
    Clause,
    Divergence,
    NarrativeReport,
    PartyLine,
    SpeakerRef,
    Toll,
)
from counterclaim.report.passages import paragraph_of, sentence_of
from counterclaim.report.wording import (
    Speakers,
    a,
    act,
    capitalise,
    count_of,
    day,
    figure,
    join,
    people,
    the,
    words,
)

GROUP_ORDER = ("claimant", "attacked", "foreign", "other")


def build_brief(report: NarrativeReport, speakers: Speakers, records: list[ArticleRecord]) -> list[BriefParagraph]:
    """The brief's paragraphs: what happened; divergent accounts; silences and changes."""
    writer = _Writer(report, speakers, records)
    paragraphs = [
        ("what happened", [*writer.attack(), *writer.claims(), *writer.confirmations()]),
        ("divergent accounts", [*writer.divergences(), *writer.denials()]),
        ("silences and changes", [*writer.silences(), *writer.changes()]),
    ]
    return [BriefParagraph(topic=topic, sentences=sentences) for topic, sentences in paragraphs if sentences]


def _sentence(topic: BriefTopic, clauses: Iterable[Clause]) -> list[BriefSentence]:
    """A sentence of the clauses that carry evidence; none when the first (the one the rest lean on) has none."""
    clauses = list(clauses)
    if not clauses or not clauses[0].evidence:
        return []
    kept = [c for c in clauses if c.evidence]
    kept[0] = Clause(text=capitalise(kept[0].text), evidence=kept[0].evidence)
    return [BriefSentence(topic=topic, clauses=kept)]


class _Writer:
    """Writes the brief's sentences from one report."""

    def __init__(self, report: NarrativeReport, speakers: Speakers, records: list[ArticleRecord]) -> None:
        self.report = report
        self.speakers = speakers
        self.names = speakers.names
        self.texts = {r.document.id: r.document.text for r in records}
        self.t: dict = words()["brief"]
        self.year = report.date.year if report.date else None
        claim_dates = [line.first_date for line in report.claimed_by if line.first_date]
        self.claim_date = min(claim_dates) if claim_dates else None
        self.responsible = [line.party for line in [*report.claimed_by, *report.confirmed]]

    # -- wording helpers ---------------------------------------------------
    def day(self, date: dt.date) -> str:
        return day(date, self.year)

    def when(self, date: dt.date | None, reported: dt.date | None = None) -> str:
        """The day a statement was made (" on 4 January"), else the day it was reported, else nothing."""
        if date:
            return self.t["when_on"].format(date=self.day(date))
        return self.t["when_reported"].format(date=self.day(reported)) if reported else ""

    def since(self, first: dt.date | None, last: dt.date | None, reported: dt.date | None) -> str:
        if first is None:
            return self.when(None, reported)
        key = "since_from" if last and last > first else "since_on"
        return self.t[key].format(date=self.day(first))

    def is_responsible(self, party: str | None) -> bool:
        return any(self.names.related(party, r) for r in self.responsible)

    def parties(self, parties: Iterable[str]) -> str:
        return join([the(p) for p in parties], "or")

    # -- what happened -------------------------------------------------------
    def attack(self) -> list[BriefSentence]:
        facts = self.report.attack
        place = facts.place.value if facts.place else None
        kind = a(facts.kind.value if facts.kind else words()["attack_noun"])
        evidence = [
            *facts.date_evidence,
            *(facts.place.evidence if facts.place else []),
            *(facts.kind.evidence if facts.kind else []),
        ]
        if facts.date and place:
            text = self.t["attack"].format(date=day(facts.date), kind=kind, place=place)
        elif place:
            text = self.t["attack_undated"].format(kind=kind, place=place)
        elif facts.date:
            text = self.t["attack_placeless"].format(date=day(facts.date), kind=kind)
        else:
            return []
        return _sentence("attack", [Clause(text=text, evidence=evidence), *self._tolls(facts.tolls, facts.first_tolls)])

    def _tolls(self, tolls: list[Toll], first: list[Toll]) -> list[Clause]:
        """The toll clauses (", killing 94 people and injuring some 284, according to X"), then first figures that
        differ from them."""
        clauses = []
        toll_words = words()["toll_clauses"]
        groups = [tolls] if len({t.source for t in tolls}) == 1 else [[t] for t in tolls]
        for n, group in enumerate(groups):
            figures = join(  # "killing 94 people and injuring some 284": "people" once
                [
                    toll_words[t.kind].format(
                        figure=people(t.number, t.qualifier) if i == 0 else figure(t.number, t.qualifier)
                    )
                    for i, t in enumerate(group)
                ]
            )
            source = group[0].source
            text = (
                self.t["toll"].format(figures=figures, source=the(source))
                if source
                else self.t["toll_unsourced"].format(figures=figures)
            )
            lead = ", " if n == 0 else (", and " if n == len(groups) - 1 else ", ")
            clauses.append(Clause(text=lead + text, evidence=[e for t in group for e in t.evidence]))
        for n, toll in enumerate(first):
            said = f"{figure(toll.number, toll.qualifier)} {words()['casualty_words'][toll.kind]}"
            key = "toll_first" if toll.source else "toll_first_unsourced"
            text = self.t[key].format(figure=said, source=the(toll.source or ""), when=self.when(toll.date))
            lead = self.t["first_figures"] if n == 0 else " and "
            clauses.append(Clause(text=lead + text, evidence=toll.evidence))
        return clauses

    def claims(self) -> list[BriefSentence]:
        out: list[BriefSentence] = []
        for line in self.report.claimed_by:
            via, via_evidence = self._channel(line)
            key = "claim_also" if out else "claim"
            text = self.t[key].format(
                party=the(line.party), when=self.when(line.first_date, line.first_reported), via=via
            )
            out += _sentence("claim", [Clause(text=text, evidence=[*line.evidence, *via_evidence])])
        return out

    def _channel(self, line: PartyLine) -> tuple[str, list[EvidenceRef]]:
        """How the claim was made: the claimant's own outlet named in the claim's paragraph ("through Amaq"), else
        a channel word in the claim's sentence ("in a statement"); with the evidence of the outlet's sentence."""
        kb = self.names.kb
        for ref in line.evidence:
            text = self.texts.get(ref.document_id)
            if text is None:
                continue
            start, end = sentence_of(text, ref)
            para_start, para_end = paragraph_of(text, start, end)
            for found_start, found_end, actor in kb.find_all(text[para_start:para_end]) if kb is not None else []:
                owner = kb.actor(actor.affiliation) if actor.affiliation else None
                if actor.kind == "media" and owner is not None and self.names.related(owner.name, line.party):
                    at = para_start + found_start
                    s_start, s_end = sentence_of(text, ref.model_copy(update={"start": at, "end": at, "sentence": ""}))
                    evidence = ref.model_copy(
                        update={
                            "start": at,
                            "end": para_start + found_end,
                            "sentence": text[s_start:s_end],
                            "quote": text[at : para_start + found_end],
                            "producer": "report.claim_channel",
                        }
                    )
                    return self.t["via_outlet"].format(outlet=the(actor.name, actor.kind)), [evidence]
        for ref in line.evidence:
            text = self.texts.get(ref.document_id)
            if text is None:
                continue
            start, end = sentence_of(text, ref)
            sentence = text[start:end].casefold()
            hits = [
                (m.start(), phrase)
                for word, phrase in words()["claim_channels"].items()
                if (m := re.search(rf"\b{re.escape(word)}\b", sentence))
            ]
            if hits:
                return " " + min(hits)[1], []
        return "", []

    def confirmations(self) -> list[BriefSentence]:
        lines = [*self.report.confirmed, *(x for x in self.report.accused if self.is_responsible(x.party))]
        out: list[BriefSentence] = []
        for line in lines:
            out += self._party_line(
                "confirmation", "confirm" if line.stance == "confirm" else "accuse_responsible", line
            )
        return out

    def _party_line(self, topic: BriefTopic, key: str, line: PartyLine) -> list[BriefSentence]:
        """A party line as one sentence (the ``key`` template): its speakers, the party, the day they spoke."""
        text = self.t[key].format(
            who=self.speakers.many(line.speakers),
            party=the(line.party),
            when=self.when(line.first_date, line.first_reported),
        )
        return _sentence(topic, [Clause(text=text, evidence=line.evidence)])

    # -- divergent accounts --------------------------------------------------
    def divergences(self) -> list[BriefSentence]:
        by_party: dict[str, list[Divergence]] = {}
        for d in self.report.divergences:
            by_party.setdefault(self.names.key(d.party), []).append(d)
        out: list[BriefSentence] = []
        for group in sorted(by_party.values(), key=lambda g: -len({d.speaker.name for d in g})):
            clauses, told_before = [], False
            for n, (_, items) in enumerate(self._blocs(group)):
                dates = [d.date for d in items if d.date]
                reported = [e.published for d in items for e in d.evidence if e.published]
                first = min(dates, default=None)
                since = self.since(first, max(dates, default=None), min(reported, default=None))
                evidence = [e for d in items for e in d.evidence]
                if first and self.claim_date and first < self.claim_date and not told_before:
                    # once a sentence: the claim's day is cited with the claim
                    since += self.t["before_claim"].format(days=count_of((self.claim_date - first).days, "days"))
                    told_before = True
                who = self._bloc_speakers(list({d.speaker.name: d.speaker for d in items}.values()))
                key = "blame_also" if n else "blame"
                text = self.t[key].format(who=who, party=the(group[0].party), since=since)
                clauses.append(Clause(text=("; " if n else "") + text, evidence=evidence))
            out += _sentence("divergence", clauses)
        return out

    def _blocs(self, group: list[Divergence]) -> list[tuple[tuple[int, str], list[Divergence]]]:
        """Divergences by bloc: one state's officials and media together, other speakers together."""

        def key(d: Divergence) -> tuple[int, str]:
            return (GROUP_ORDER.index(d.speaker.group), d.speaker.state or d.speaker.bloc)

        ordered = sorted(group, key=lambda d: (key(d), d.date or dt.date.max))
        return [(k, list(items)) for k, items in groupby(ordered, key=key)]

    def _bloc_speakers(self, speakers: list[SpeakerRef]) -> str:
        """A bloc's speakers: one by name, a few after the bloc ("Iranian officials (A and B)"), many counted.

        Speakers the knowledge base knows (named people, outlets, agencies)
        are named before descriptions such as "regime officials".
        """
        limit = words()["brief_names"]
        if len(speakers) == 1:
            return self.speakers.one(speakers[0])
        speakers = self.speakers.known_first(speakers)
        named = self.speakers.many(speakers[:limit])
        first = speakers[0]
        if first.group in ("attacked", "foreign") and first.state:
            blocs = list(dict.fromkeys(s.bloc for s in speakers))
            both = self.t["state_both"].format(demonym=self.speakers.demonym(first.state))
            label = blocs[0] if len(blocs) == 1 else both
            if len(speakers) <= limit:
                return self.t["named_speakers"].format(label=label, names=named)
            return self.t["speakers"].format(label=label, count=len(speakers), names=named)
        if len(speakers) <= limit:
            return named
        return self.t["others"].format(count=len(speakers), names=named)

    def denials(self) -> list[BriefSentence]:
        out: list[BriefSentence] = []
        for line in self.report.denied:
            own = any(
                self.names.related(line.party, name) for s in line.speakers for name in (s.name, s.affiliation, s.state)
            )
            out += self._party_line("denial", "deny_self" if own else "deny_other", line)
        return out

    # -- silences and changes ------------------------------------------------
    def silences(self) -> list[BriefSentence]:
        out: list[BriefSentence] = []
        for o in self.report.omissions:
            if o.blames:
                continue
            parties = self.parties(o.omits)
            who = self.speakers.one(o.speaker)
            if o.statements == 1:
                spoke = ""
                if o.first_date:
                    after = ""
                    if self.claim_date and o.first_date > self.claim_date:
                        after = self.t["after_claim"].format(
                            days=count_of((o.first_date - self.claim_date).days, "days")
                        )
                    spoke = self.t["spoke"].format(date=self.day(o.first_date), after=after)
                text = self.t["silence"].format(who=who, spoke=spoke, parties=parties)
            else:
                span = ""
                if o.first_date and o.last_date:
                    span = self.t["span_dates"].format(first=self.day(o.first_date), last=self.day(o.last_date))
                text = self.t["silence_many"].format(who=who, parties=parties, count=o.statements, span=span)
            out += _sentence("silence", [Clause(text=text, evidence=o.evidence)])
        blaming: dict[str, list] = {}
        for o in self.report.omissions:
            if o.blames:
                blaming.setdefault(o.blames[0], []).append(o)
        for party, group in blaming.items():
            text = self.t["silence_blaming"].format(
                who=self._bloc_speakers([o.speaker for o in group]),
                party=the(party),
                parties=self.parties(group[0].omits),
            )
            out += _sentence("silence", [Clause(text=text, evidence=[e for o in group for e in o.evidence])])
        return out

    def changes(self) -> list[BriefSentence]:
        """A speaker whose stance on a later day differs from the first (not just another target of one stance)."""
        out: list[BriefSentence] = []
        for actor in self.report.actor_timelines:
            dated = sorted((s for s in actor.stances if s.date), key=lambda s: s.date or dt.date.max)
            if len(dated) < 2:
                continue
            first, then = dated[0], dated[-1]
            assert first.date is not None and then.date is not None
            if then.date <= first.date or first.stance == then.stance:
                continue
            own = actor.speaker.name
            text = self.t["shift"].format(
                who=self.speakers.one(actor.speaker),
                first=act(first.stance, first.target, self.names.related(first.target, own)),
                first_date=self.day(first.date),
                then=act(then.stance, then.target, self.names.related(then.target, own)),
                then_date=self.day(then.date),
            )
            out += _sentence("change", [Clause(text=text, evidence=[*first.evidence, *then.evidence])])
        return out
