"""The event page's charts, as geometry for server-rendered SVG: timeline, speaker → target graph, casualties.

Each chart is computed here from the event's
:class:`~counterclaim.report.narrative.NarrativeReport` (so it shows exactly
what the report says) into positions, CSS classes, links and tooltips; the
templates only draw them. No chart library and no script: the SVG is part of
the page, every mark links to its evidence, and its text is escaped like any
other text. Speakers are grouped into lanes as the report's "stance over
time" groups them (``same_speaker``: "Khamenei" joins "Ali Khamenei").
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from counterclaim.events.actors import ActorNames
from counterclaim.events.merge_statements import EvidenceRef, same_speaker
from counterclaim.report.narrative import NarrativeReport, SpeakerRef
from counterclaim.web import links

WIDTH = 960
LABELS = 230  # room for lane and node labels, left
UNDATED = 90  # the column of undated marks, right
TOP, BOTTOM = 34, 34
LANE = 26
STANCES = ("claim", "confirm", "accuse", "deny", "condemn", "other")
#: Sources get colours ``src-0`` .. ``src-7`` in order of appearance (see app.css).
SOURCE_COLOURS = 8


@dataclass(frozen=True)
class Mark:
    """A dot or marker: where, its classes, the link it opens and its tooltip."""

    x: float
    y: float
    css: str
    href: str
    title: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    href: str | None = None
    title: str | None = None
    css: str = ""


@dataclass(frozen=True)
class Line:
    path: str
    css: str
    href: str | None = None
    title: str | None = None
    width: float = 1.5


@dataclass
class Chart:
    """Everything a chart template draws, in an SVG of ``width`` × ``height``."""

    width: int
    height: int
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    grid: list[Line] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.marks and not self.lines


def _evidence_href(evidence: Sequence[EvidenceRef]) -> str:
    if not evidence:
        return "#"
    first = evidence[0]
    return links.evidence_url(first.document_id, first.start, first.end)


def _trim(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _TimeAxis:
    """Maps days to x between the labels and the undated column, with a tick per day or per few days."""

    def __init__(self, days: Sequence[dt.date]) -> None:
        low, high = (min(days), max(days)) if days else (dt.date.today(), dt.date.today())
        if low == high:
            low, high = low - dt.timedelta(days=1), high + dt.timedelta(days=1)
        self.low, self.span = low, (high - low).days
        self.left, self.right = LABELS + 20, WIDTH - UNDATED - 20

    def x(self, day: dt.date | None) -> float:
        if day is None:
            return WIDTH - UNDATED / 2
        return self.left + (day - self.low).days / self.span * (self.right - self.left)

    def ticks(self, height: int) -> tuple[list[Label], list[Line]]:
        step = max(1, math.ceil(self.span / 8))
        labels, grid = [], []
        for n in range(0, self.span + 1, step):
            day = self.low + dt.timedelta(days=n)
            x = self.x(day)
            labels.append(Label(x, height - 12, day.strftime("%d %b %Y" if n == 0 else "%d %b"), css="tick"))
            grid.append(Line(f"M{x:.1f},{TOP - 10} V{height - BOTTOM + 6}", "grid"))
        labels.append(Label(self.x(None), height - 12, "undated", css="tick"))
        grid.append(Line(f"M{WIDTH - UNDATED:.1f},{TOP - 10} V{height - BOTTOM + 6}", "grid undated"))
        return labels, grid


def _lanes(report: NarrativeReport) -> list[SpeakerRef]:
    """One lane per speaker, in the order of the report's "stance over time"."""
    return [a.speaker for a in report.actor_timelines]


def _lane_of(lanes: list[SpeakerRef], speaker: SpeakerRef, names: ActorNames) -> int:
    for i, lane in enumerate(lanes):
        if same_speaker(lane.name, speaker.name, names):
            return i
    lanes.append(speaker)
    return len(lanes) - 1


def _speaker_label(speaker: SpeakerRef, x: float, y: float, names: ActorNames) -> Label:
    return Label(
        x,
        y,
        _trim(speaker.name),
        href=links.actor_url(links.actor_ref(names, speaker.name)),
        title=f"{speaker.name} ({speaker.bloc})",
        css=f"speaker bloc-{speaker.group}",
    )


def timeline_chart(report: NarrativeReport, names: ActorNames) -> Chart:
    """Statements by date, one lane per speaker, each dot coloured by stance and linked to its evidence.

    A statement whose own date is unknown sits, hollow, at the day it was
    first reported; one with neither date in the undated column.
    """
    lanes = _lanes(report)
    placed = []
    for entry in report.timeline:
        lane = _lane_of(lanes, entry.speaker, names)
        placed.append((lane, entry, entry.date or entry.first_reported))
    axis = _TimeAxis([day for _, _, day in placed if day])
    height = TOP + BOTTOM + LANE * max(len(lanes), 1)
    chart = Chart(WIDTH, height, legend=[(s, f"st-{s}") for s in STANCES])
    chart.labels, chart.grid = axis.ticks(height)
    for i, speaker in enumerate(lanes):
        y = TOP + LANE * i + LANE / 2
        chart.labels.append(_speaker_label(speaker, LABELS, y + 4, names))
        chart.grid.append(Line(f"M{LABELS + 8},{y:.1f} H{WIDTH - 8}", "lane"))
    crowd: dict[tuple[int, float], int] = {}
    for lane, entry, day in placed:
        x = axis.x(day)
        n = crowd[(lane, x)] = crowd.get((lane, x), -1) + 1
        target = f" → {entry.target}" if entry.target else ""
        when = entry.date.isoformat() if entry.date else (f"reported {day.isoformat()}" if day else "undated")
        chart.marks.append(
            Mark(
                x + 9 * n,
                TOP + LANE * lane + LANE / 2,
                f"dot st-{entry.stance}" + ("" if entry.date else " hollow"),
                _evidence_href(entry.evidence),
                f"{when}: {entry.speaker.name} {entry.stance}{target}: “{_trim(entry.quote, 160)}”",
            )
        )
    return chart


def graph_chart(report: NarrativeReport, names: ActorNames) -> Chart:
    """Who names whom: speakers on the left, the parties they claim, accuse, confirm or clear on the right.

    One curve per speaker, party and stance, as thick as the number of
    statements, linked to the first statement's evidence.
    """
    lanes = _lanes(report)
    edges: dict[tuple[int, str, str], list] = {}
    for entry in report.timeline:
        if entry.target:
            lane = _lane_of(lanes, entry.speaker, names)
            edges.setdefault((lane, entry.target, entry.stance), []).append(entry)
    speakers = sorted({lane for lane, _, _ in edges})
    incoming: dict[str, int] = {}
    for (_, party, _), entries in edges.items():
        incoming[party] = incoming.get(party, 0) + len(entries)
    parties = sorted(incoming, key=lambda p: (-incoming[p], p))
    rows = max(len(speakers), len(parties), 1)
    height = TOP + BOTTOM + LANE * rows
    chart = Chart(WIDTH, height, legend=[(s, f"st-{s}") for s in STANCES if s != "condemn"])
    left_x, right_x = LABELS + 10, WIDTH - LABELS - 10

    def y_of(index: int, count: int) -> float:
        return TOP + (rows - count) * LANE / 2 + LANE * index + LANE / 2

    speaker_y = {lane: y_of(i, len(speakers)) for i, lane in enumerate(speakers)}
    party_y = {party: y_of(i, len(parties)) for i, party in enumerate(parties)}
    for lane, y in speaker_y.items():
        chart.labels.append(_speaker_label(lanes[lane], LABELS, y + 4, names))
        chart.marks.append(
            Mark(left_x, y, "node", links.actor_url(links.actor_ref(names, lanes[lane].name)), lanes[lane].name)
        )
    for party, y in party_y.items():
        href = links.actor_url(links.actor_ref(names, party))
        chart.labels.append(Label(right_x + 12, y + 4, _trim(party), href=href, title=party, css="party"))
        chart.marks.append(Mark(right_x, y, "node party", href, f"{party}: named in {incoming[party]} statements"))
    middle = (left_x + right_x) / 2
    for (lane, party, stance), entries in edges.items():
        y1, y2 = speaker_y[lane], party_y[party]
        count = len(entries)
        chart.lines.append(
            Line(
                f"M{left_x:.1f},{y1:.1f} C{middle:.1f},{y1:.1f} {middle:.1f},{y2:.1f} {right_x:.1f},{y2:.1f}",
                f"edge st-{stance}",
                _evidence_href([e for entry in entries for e in entry.evidence]),
                f"{lanes[lane].name} {stance} {party}: {count} statement{'s' * (count != 1)}",
                width=1.5 + 1.5 * (count - 1) ** 0.5 * 2,
            )
        )
    return chart


def casualty_chart(report: NarrativeReport) -> Chart:
    """Casualty figures over time, one series per source and kind, each figure linked to its evidence."""
    lines = report.casualties
    axis = _TimeAxis([c.date for c in lines if c.date])
    height = 300
    chart = Chart(WIDTH, height)
    top = max((c.number for c in lines), default=0)
    step = _nice_step(top)
    ceiling = step * max(1, math.ceil(top / step)) if top else 10
    plot_top, plot_bottom = TOP, height - BOTTOM - 10

    def y_of(number: int) -> float:
        return plot_bottom - number / ceiling * (plot_bottom - plot_top)

    chart.labels, chart.grid = axis.ticks(height)
    for value in range(0, ceiling + 1, step if top else ceiling):
        y = y_of(value)
        chart.grid.append(Line(f"M{LABELS + 8},{y:.1f} H{WIDTH - 8}", "lane"))
        chart.labels.append(Label(LABELS, y + 4, f"{value:,}", css="tick value"))
    sources: dict[str, int] = {}
    series: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in lines:
        source = c.source or "unnamed source"
        colour = sources.setdefault(source, len(sources) % SOURCE_COLOURS)
        x, y = axis.x(c.date), y_of(c.number)
        qualifier = f"{c.qualifier} " if c.qualifier else ""
        href = links.evidence_url(c.evidence.document_id, c.evidence.start, c.evidence.end) if c.evidence else "#"
        chart.marks.append(
            Mark(
                x,
                y,
                f"fig src-{colour} kind-{c.kind}",
                href,
                f"{c.date.isoformat() if c.date else 'undated'}: {qualifier}{c.number} {c.kind}, per {source}",
            )
        )
        if c.date:
            series.setdefault((source, c.kind), []).append((x, y))
    for (source, kind), points in series.items():
        if len(points) > 1:
            path = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in sorted(points))
            chart.lines.append(Line(path, f"series src-{sources[source]} kind-{kind}", title=f"{kind}, per {source}"))
    chart.legend = [(source, f"src-{colour}") for source, colour in sources.items()]
    return chart


def _nice_step(top: int) -> int:
    """A round grid step giving about five lines up to ``top``."""
    if top <= 5:
        return 1
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))
