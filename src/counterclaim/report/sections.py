"""The report laid out once, for every format: the brief, titled sections of lines, the matrix, numbered notes.

Text, Markdown and HTML only decorate this layout, so they never drift apart.
Evidence becomes numbered notes in order of first citation (the brief's
first); a note is a :class:`~counterclaim.report.models.Passage`, so two
pieces of evidence in one sentence are one note.

No repetition within a section: lines whose evidence shares a note are folded
into one line (several speakers of one sentence become one line naming them
all; a sentence reporting two acts becomes one line with both), and a line
prints each quote once. The same act reported by several outlets is already
one statement with every outlet's evidence (``events/merge_statements.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from counterclaim.events.merge_statements import EvidenceRef
from counterclaim.report.models import (
    AttributionMatrix,
    BriefSentence,
    CasualtyLine,
    MatrixCell,
    NarrativeReport,
    PartyLine,
    Passage,
    ResponsibleLine,
    SpeakerRef,
)
from counterclaim.report.passages import evidence_key, passage_index
from counterclaim.report.wording import act, day, figure, iso, join, origin, the, words


@dataclass
class Item:
    """One thing a section says before folding: who (subjects), does (predicate), when (lead), quote, evidence."""

    who: list[str]
    does: str
    evidence: list[EvidenceRef]
    lead: str = ""
    quote: str = ""


@dataclass
class Line:
    """A line of a section: its text, the quote it prints (once) and the notes it cites."""

    text: str
    notes: list[int]
    quote: str = ""


@dataclass
class Table:
    """The matrix as rows of cell texts; the first row and column are headings.

    Cells cite no notes: the statements they count are each a line of the
    sections below, with their evidence (the JSON keeps each cell's evidence).
    """

    header: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    key: str
    title: str
    lines: list[Line] = field(default_factory=list)
    table: Table | None = None


@dataclass
class Cited:
    """A clause of the brief, the notes it shows, and how many more notes back it (cited in the sections)."""

    text: str
    notes: list[int]
    more: int = 0


@dataclass
class Sentence:
    """A sentence of the brief as clauses, each with its notes."""

    clauses: list[Cited]


@dataclass
class Layout:
    """Everything a renderer lays out, in order."""

    title: str
    subtitle: str
    brief: list[list[Sentence]]
    sections: list[Section]
    notes: list[Passage]


class Notes:
    """Numbers passages in order of first citation."""

    def __init__(self, passages: list[Passage]) -> None:
        self.index = passage_index(passages)
        self.numbers: dict[int, int] = {}
        self.order: list[Passage] = []

    def passages(self, evidence: Iterable[EvidenceRef]) -> list[Passage]:
        """The passages of ``evidence``, each once, in order (not yet numbered)."""
        found = (self.index.get(evidence_key(ref)) for ref in evidence)
        return list({id(p): p for p in found if p is not None}.values())

    def number(self, passage: Passage) -> int:
        """The passage's note number, given at its first citation."""
        if id(passage) not in self.numbers:
            self.order.append(passage)
            self.numbers[id(passage)] = len(self.order)
        return self.numbers[id(passage)]

    def cite(self, evidence: Iterable[EvidenceRef]) -> list[int]:
        """The note numbers of ``evidence``, each once, in order."""
        return [self.number(p) for p in self.passages(evidence)]


def fold(items: Sequence[Item], notes: Notes) -> list[Line]:
    """Lines of ``items``, where items citing a common note are one line (subjects sharing a predicate joined)."""
    cited = [notes.cite(item.evidence) for item in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holder: dict[int, int] = {}
    for i, numbers in enumerate(cited):
        for n in numbers:
            if n in holder:
                parent[root(i)] = root(holder[n])
            else:
                holder[n] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    lines = []
    for members in sorted(groups.values(), key=min):
        clauses: dict[tuple[str, str], list[str]] = {}
        for i in members:
            who = clauses.setdefault((items[i].lead, items[i].does), [])
            who.extend(w for w in items[i].who if w not in who)
        parts, last_lead = [], None
        for (lead, does), who in clauses.items():
            parts.append(f"{lead if lead != last_lead else ''}{join(who) + ' ' if who else ''}{does}".strip())
            last_lead = lead
        text = "; ".join(parts)
        numbers = list(dict.fromkeys(n for i in members for n in cited[i]))
        lines.append(Line(text=text, notes=numbers, quote=_one_quote([items[i].quote for i in members])))
    return lines


def _one_quote(quotes: list[str]) -> str:
    """Distinct quotes, a quote inside another left out, joined by an ellipsis."""
    cleaned = list(dict.fromkeys(" ".join(q.split()) for q in quotes if q.strip()))
    kept = [q for q in cleaned if not any(q != other and q in other for other in cleaned)]
    return " … ".join(kept)


def _who(speaker: SpeakerRef) -> str:
    """The speaker and its bloc ("Kayhan (Iranian media)"); a bloc named after the speaker is not repeated."""
    return speaker.name if speaker.bloc == speaker.name else f"{speaker.name} ({speaker.bloc})"


def _act(speaker: SpeakerRef, stance: str, target: str | None) -> str:
    """What a speaker did, as a verb phrase; about itself (its own name or its group's) it "denied involvement"."""
    return act(stance, target, target in (speaker.name, speaker.affiliation))


def _published(evidence: list[EvidenceRef]) -> dt.date | None:
    """The first day one of the documents holding ``evidence`` was published."""
    return min((e.published for e in evidence if e.published), default=None)


def _dated(first: dt.date | None, last: dt.date | None = None, reported: dt.date | None = None) -> str:
    if first is None:
        return f"reported {iso(reported)}" if reported else "undated"
    return iso(first) if last in (None, first) else f"{iso(first)} to {iso(last)}"


def _party_items(lines: list[PartyLine]) -> list[Item]:
    items = []
    for line in lines:
        own = any(line.party in (s.name, s.affiliation, s.state) for s in line.speakers)
        does = f"{act(line.stance, line.party, own)} ({_dated(line.first_date, line.last_date, line.first_reported)})"
        who = [_who(s) for s in line.speakers] or ["the attack record"]
        items.append(Item(who=who, does=does, evidence=line.evidence))
    return items


def _attack_items(report: NarrativeReport) -> list[Item]:
    facts, w = report.attack, words()
    items = []
    if facts.date:
        items.append(Item(lead="When: ", who=[], does=day(facts.date), evidence=facts.date_evidence))
    if facts.place:
        items.append(Item(lead="Where: ", who=[], does=facts.place.value, evidence=facts.place.evidence))
    if facts.kind:
        items.append(Item(lead="What: ", who=[], does=facts.kind.value, evidence=facts.kind.evidence))
    for label, tolls in (("Toll: ", facts.tolls), ("First figures: ", facts.first_tolls)):
        for toll in tolls:
            said = f"{figure(toll.number, toll.qualifier)} {w['casualty_words'][toll.kind]}"
            per = f", per {toll.source}" if toll.source else ""
            when = f" ({iso(toll.date)})" if toll.date else ""
            items.append(Item(lead=label, who=[], does=f"{said}{per}{when}", evidence=toll.evidence))
    return items


def _source_lines(report: NarrativeReport) -> list[Line]:
    lines = []
    for d in report.documents:
        title = f" — “{d.title}”" if d.title else ""
        outlet = f"{d.outlet} (from {origin(d.outlet_from)})" if d.outlet else "outlet not given"
        when = f"published {iso(d.published)} (from {origin(d.published_from)})" if d.published else "date not given"
        url = f"; {d.url}" if d.url else ""
        lines.append(Line(text=f"{d.name}{title}: {outlet}; {when}{url}", notes=[]))
    return lines


def _matrix(matrix: AttributionMatrix) -> Table | None:
    """Bloc × party blamed: "5, 2024-01-03" is five statements, the first made on 3 January; * marks a claimant
    or confirmed perpetrator."""
    if not matrix.rows:
        return None
    header = ["bloc", *(f"{p} *" if r else p for p, r in zip(matrix.parties, matrix.responsible, strict=True))]
    return Table(header=header, rows=[[row.bloc, *(_cell(cell) for cell in row.cells)] for row in matrix.rows])


def _cell(cell: MatrixCell | None) -> str:
    return f"{cell.count}, {_dated(cell.first_date, None, cell.first_reported)}" if cell else ""


def _responsible_items(lines: list[ResponsibleLine]) -> list[Item]:
    """Organisations the narration holds responsible without a claim ("FMLN commandos attacked", "blamed on X")."""
    confidence = words()["responsibility"]
    return [
        Item(who=[f"{r.party}:"], does=f"{confidence[r.confidence]} in {join(r.documents)}", evidence=r.evidence)
        for r in lines
        if r.confidence != "claimed"
    ]


def _casualty_items(lines: list[CasualtyLine]) -> list[Item]:
    """One item per figure and source, with every report of it (a republished wire gives the same figure twice)."""
    same: dict[tuple, list[CasualtyLine]] = {}
    for c in lines:
        same.setdefault((c.kind, c.number, c.qualifier, c.source), []).append(c)
    items = []
    for (kind, number, qualifier, source), group in same.items():
        dates = sorted({c.date for c in group if c.date})
        when = _dated(dates[0], dates[-1]) if dates else "undated"
        does = f"{figure(number, qualifier)} {words()['casualty_words'][kind]}, per {source or 'an unnamed source'}"
        items.append(Item(who=[], does=f"{does} ({when})", evidence=[c.evidence for c in group if c.evidence]))
    return items


def cite_sentence(sentence: BriefSentence, notes: Notes) -> Sentence:
    """A sentence of the brief with each clause's notes: a note already cited earlier in the sentence is left
    out (the toll and the place of an attack are often one sentence of the article), and past ``brief_notes`` a
    clause shows how many more back it (an attack fifty outlets reported), which the sections cite.

    Every rendering of the brief cites through here (the workbench's event page too), so they show the same
    notes under the same numbers."""
    limit = words()["brief_notes"]
    shown: set[int] = set()
    clauses = []
    for clause in sentence.clauses:
        passages = [p for p in notes.passages(clause.evidence) if id(p) not in shown]
        shown.update(id(p) for p in passages)
        kept = [notes.number(p) for p in passages[:limit]]
        clauses.append(Cited(text=clause.text, notes=kept, more=len(passages) - len(kept)))
    return Sentence(clauses=clauses)


def layout(report: NarrativeReport) -> Layout:
    """The report as the renderers lay it out."""
    notes = Notes(report.passages)
    titles = words()["sections"]
    brief = [[cite_sentence(sentence, notes) for sentence in p.sentences] for p in report.brief]
    sections = [
        Section("attack", titles["attack"], fold(_attack_items(report), notes)),
        Section("sources", titles["sources"], _source_lines(report)),
        Section("matrix", titles["matrix"], table=_matrix(report.matrix)),
        Section(
            "consensus",
            titles["consensus"],
            fold(
                _party_items([*report.claimed_by, *report.confirmed, *report.accused, *report.denied])
                + [
                    Item(who=[_who(t.speaker)], does=act("condemn", None), evidence=t.evidence)
                    for t in report.timeline
                    if t.stance == "condemn"
                ],
                notes,
            ),
        ),
        Section("responsible", titles["responsible"], fold(_responsible_items(report.responsible), notes)),
        Section(
            "divergences",
            titles["divergences"],
            fold(
                [
                    Item(
                        who=[_who(d.speaker)],
                        does=f"{act(d.stance, d.party)} ({_dated(d.date, None, _published(d.evidence))})",
                        evidence=d.evidence,
                        quote=d.quote,
                    )
                    for d in report.divergences
                ],
                notes,
            ),
        ),
        Section(
            "omissions",
            titles["omissions"],
            fold(
                [
                    Item(
                        who=[_who(o.speaker)],
                        does=f"never named {join([the(p) for p in o.omits], 'or')} in {o.statements} statement"
                        f"{'s' * (o.statements != 1)} ({_dated(o.first_date, o.last_date)})"
                        + (f"; blamed {join([the(p) for p in o.blames])} instead" if o.blames else ""),
                        evidence=o.evidence,
                    )
                    for o in report.omissions
                ],
                notes,
            ),
        ),
        Section(
            "timeline",
            titles["timeline"],
            fold(
                [
                    Item(
                        lead=f"{_dated(t.date, None, t.first_reported)}: ",
                        who=[_who(t.speaker)],
                        does=_act(t.speaker, t.stance, t.target),
                        evidence=t.evidence,
                        quote=t.quote,
                    )
                    for t in report.timeline
                ],
                notes,
            ),
        ),
        Section(
            "positions",
            titles["positions"],
            fold(
                [
                    Item(
                        who=[a.speaker.name],
                        does="; then ".join(
                            f"{_act(a.speaker, s.stance, s.target)} ({_dated(s.date)})" for s in a.stances
                        ),
                        evidence=[e for s in a.stances for e in s.evidence],
                    )
                    for a in report.actor_timelines
                    if len(a.stances) > 1
                ],
                notes,
            ),
        ),
        Section("casualties", titles["casualties"], fold(_casualty_items(report.casualties), notes)),
    ]
    subtitle = f"Event {report.event_id} · " if report.event_id else ""
    subtitle += f"{len(report.documents)} article{'s' * (len(report.documents) != 1)}"
    return Layout(title=report.title, subtitle=subtitle, brief=brief, sections=sections, notes=notes.order)


def marked(passage: Passage, before: str, after: str, escape: Callable[[str], str] = str) -> str:
    """The passage's sentence with its marked words between ``before`` and ``after`` (the rest escaped)."""
    out, at = [], passage.start
    for mark in passage.marks:
        out += [escape(flat(passage, at, mark.start)), before, escape(flat(passage, mark.start, mark.end)), after]
        at = mark.end
    out.append(escape(flat(passage, at, passage.end)))
    return "".join(out)


def flat(passage: Passage, start: int, end: int) -> str:
    """Part of the passage's paragraph (document offsets), its line breaks and runs of blanks made single spaces."""
    text = passage.paragraph[start - passage.paragraph_start : end - passage.paragraph_start]
    return re.sub(r"\s+", " ", text)
