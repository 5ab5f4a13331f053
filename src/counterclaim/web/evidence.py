"""A document's text cut into segments, each knowing which pieces of evidence cover it, for highlighting.

Evidence spans overlap (one sentence yields a claim and a casualty figure;
an accusation's sentence holds a condemnation), so the text is cut at every
span boundary and each segment lists the marks covering it: the page wraps
a covered segment in one ``<mark>`` carrying all their classes and labels.
Each mark's start gets an anchor (``ev-START-END``) that evidence links
scroll to, and the span a link asked for (``?span=``) is marked as focused.
The text itself is never turned into markup here: templates escape it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from counterclaim.records import ArticleRecord, Evidence
from counterclaim.web.links import anchor


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of text: what it is evidence of, as a CSS class and a label."""

    start: int
    end: int
    css: str
    label: str


@dataclass
class Segment:
    """A stretch of text between two span boundaries, with the marks covering it."""

    text: str
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    focus: bool = False

    @property
    def css(self) -> str:
        return " ".join(dict.fromkeys(m.css for m in self.marks)) + (" focus" if self.focus else "")

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(m.label for m in self.marks))


def record_marks(record: ArticleRecord) -> list[Mark]:
    """Every piece of evidence in a record: statements (by stance), casualty figures, the attack's date and place."""
    marks = []
    for s in record.statements:
        target = f" → {s.target_name}" if s.target_name else ""
        marks.append(_mark(s.evidence, f"st-{s.stance}", f"{s.speaker_name}: {s.stance}{target}"))
    for event in filter(None, [record.event, *record.event_mentions]):
        for c in event.casualties:
            qualifier = f"{c.qualifier} " if c.qualifier else ""
            who = f", per {c.source}" if c.source else ""
            marks.append(_mark(c.evidence, "casualty", f"{qualifier}{c.number} {c.kind}{who}"))
        if event.date_evidence is not None:
            marks.append(_mark(event.date_evidence, "attack", f"attack date: {event.date}"))
        if event.place.evidence is not None:
            place = ", ".join(p for p in (event.place.city, event.place.country) if p)
            marks.append(_mark(event.place.evidence, "attack", f"attack place: {place}"))
    return [m for m in marks if m.end > m.start]


def _mark(evidence: Evidence, css: str, label: str) -> Mark:
    return Mark(evidence.start, evidence.end, css, label)


def segments(text: str, marks: Iterable[Mark], focus: tuple[int, int] | None = None) -> list[Segment]:
    """``text`` cut at every boundary of ``marks`` (and of ``focus``), each segment with its covering marks."""
    size = len(text)
    marks = [Mark(max(0, m.start), min(size, m.end), m.css, m.label) for m in marks if m.start < size]
    marks = [m for m in marks if m.end > m.start]
    if focus is not None:
        focus = (max(0, min(focus[0], size)), max(0, min(focus[1], size)))
    bounds = {0, size, *(m.start for m in marks), *(m.end for m in marks), *(focus or ())}
    anchors: dict[int, list[str]] = {}
    for start, end in {(m.start, m.end) for m in marks} | ({focus} if focus else set()):
        anchors.setdefault(start, []).append(anchor(start, end))
    ordered = sorted(bounds)
    out = []
    for start, end in itertools.pairwise(ordered):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        inside = focus is not None and focus[0] <= start and end <= focus[1]
        out.append(Segment(text[start:end], covering, sorted(anchors.get(start, [])), inside))
    if size in anchors:  # an anchor at the very end (an empty focus there) still needs an element
        out.append(Segment("", [], sorted(anchors[size])))
    return out


def parse_span(value: str | None) -> tuple[int, int] | None:
    """``"120-245"`` as (120, 245); None for anything else (a bad link shows the page unhighlighted)."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(end) < int(start):
        return None
    return int(start), int(end)
