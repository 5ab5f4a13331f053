"""Lays out a :class:`~counterclaim.report.narrative.NarrativeReport` as text, Markdown, HTML or JSON.

The wording is built once, as sections of lines each carrying its evidence
(``_sections``); the formats only decorate them, so they never drift apart.
Every line ends with links to its evidence (``document@start-end``), the
character offsets into the document's stored text.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from counterclaim.events.merge_statements import EvidenceRef
from counterclaim.report.narrative import NarrativeReport, PartyLine, SpeakerRef
from counterclaim.report.render import json_array

NarrativeFormat = Literal["text", "markdown", "html", "json"]
NARRATIVE_FORMATS: tuple[NarrativeFormat, ...] = ("text", "markdown", "html", "json")


@dataclass
class Line:
    """One statement of the report and the evidence it rests on (each span listed once)."""

    text: str
    evidence: list[EvidenceRef] = field(default_factory=list)

    def __post_init__(self) -> None:
        unique: dict[tuple[str, int, int], EvidenceRef] = {}
        for ref in self.evidence:
            unique.setdefault((ref.document_id, ref.start, ref.end), ref)
        self.evidence = list(unique.values())


@dataclass
class Section:
    """A titled list of lines."""

    title: str
    lines: list[Line]


def evidence_anchor(ref: EvidenceRef) -> str:
    """The short link text of a piece of evidence: ``document@start-end``."""
    return f"{ref.document_name}@{ref.start}-{ref.end}"


def _day(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"


def _dates(first: dt.date | None, last: dt.date | None) -> str:
    if first is None:
        return "undated"
    return first.isoformat() if first == last or last is None else f"{first.isoformat()} to {last.isoformat()}"


def _who(speakers: list[SpeakerRef]) -> str:
    return ", ".join(f"{s.name} ({s.bloc})" for s in speakers) or "the attack record"


def _party_lines(lines: list[PartyLine], verb: str) -> list[Line]:
    return [
        Line(f"{line.party} {verb} {_who(line.speakers)}; {_dates(line.first_date, line.last_date)}", line.evidence)
        for line in lines
    ]


#: How the narrative words each responsibility confidence.
_CONFIDENCE = {"reported": "reported as fact", "accused": "accused", "suspected": "suspected"}


def _sections(report: NarrativeReport) -> list[Section]:
    place = ", ".join(p for p in (report.city, report.country) if p) or "place unknown"
    header = [
        Line(f"Date: {_day(report.date)}; place: {place}; attack type: {report.attack_type or 'unknown'}"),
        *(Line(f"Source: {d.name} ({d.outlet or 'outlet unknown'}, {_day(d.published)})") for d in report.documents),
    ]
    consensus = [
        *_party_lines(report.claimed_by, "claimed responsibility, per"),
        *_party_lines(report.confirmed, "confirmed as perpetrator by"),
        *_party_lines(report.accused, "accused by"),
        *_party_lines(report.denied, "cleared (denial) by"),
    ]
    if report.condemned_by:
        consensus.append(Line(f"Condemned by {_who(report.condemned_by)}"))
    matrix = [
        Line(
            f"{c.bloc} -> {c.party}: {c.count} ({', '.join(c.stances)}), {_dates(c.first_date, c.last_date)}; "
            f"{', '.join(c.speakers)}",
            c.evidence,
        )
        for c in report.matrix
    ]
    divergences = [
        Line(
            f"{d.speaker.name} ({d.speaker.bloc}) blames {d.party} [{d.stance}, {_day(d.date)}]: “{d.quote}”",
            d.evidence,
        )
        for d in report.divergences
    ]
    omissions = [
        Line(
            f"{o.speaker.name} ({o.speaker.bloc}) never names {' or '.join(o.omits)} in {o.statements} statement"
            f"{'s' * (o.statements != 1)}, {_dates(o.first_date, o.last_date)}"
            + (f"; blames {', '.join(o.blames)} instead" if o.blames else ""),
            o.evidence,
        )
        for o in report.omissions
    ]
    timeline = [
        Line(
            f"{_day(t.date) if t.date or not t.first_reported else 'undated, reported ' + _day(t.first_reported)}: "
            f"{t.speaker.name} ({t.speaker.bloc}) {t.stance}{' ' + t.target if t.target else ''}: “{t.quote}”",
            t.evidence,
        )
        for t in report.timeline
    ]
    stances = [
        Line(
            f"{a.speaker.name}: " + "; ".join(f"{_day(s.date)} {s.stance} {s.target or ''}".strip() for s in a.stances)
        )
        for a in report.actor_timelines
    ]
    held = [
        Line(f"{r.party}: {_CONFIDENCE[r.confidence]}, in {', '.join(r.documents)}", r.evidence)
        for r in report.responsible
        if r.confidence != "claimed"
    ]
    casualties = [
        Line(
            f"{_day(c.date)}: {c.qualifier + ' ' if c.qualifier else ''}{c.number} {c.kind}, "
            f"per {c.source or 'unnamed source'}",
            [c.evidence] if c.evidence else [],
        )
        for c in report.casualties
    ]
    return [
        Section(report.label, header),
        Section("Consensus", consensus),
        Section("Held responsible in the reporting", held),
        Section("Attribution matrix (bloc -> party blamed)", matrix),
        Section("Divergences (blaming a party other than the claimant or confirmed perpetrator)", divergences),
        Section("Omissions (attacked state's speakers who never name the claimant or perpetrator)", omissions),
        Section("Timeline", timeline),
        Section("Stance over time", stances),
        Section("Casualty figures by source", casualties),
    ]


def render_text(report: NarrativeReport) -> str:
    """Plain text, safe to print through Rich with markup off."""
    out: list[str] = []
    for section in _sections(report):
        out += [section.title, "=" * len(section.title) if not out else "-" * len(section.title)]
        out += [f"- {line.text}" + _refs(line, markdown=False) for line in section.lines] or ["- none"]
        out.append("")
    return "\n".join(out)


def render_markdown(report: NarrativeReport) -> str:
    """GitHub-flavoured Markdown."""
    out: list[str] = []
    for section in _sections(report):
        out += [f"{'#' if not out else '##'} {section.title}", ""]
        out += [f"- {line.text}" + _refs(line, markdown=True) for line in section.lines] or ["- none"]
        out.append("")
    return "\n".join(out)


def _refs(line: Line, markdown: bool) -> str:
    if not line.evidence:
        return ""
    anchors = [evidence_anchor(e) for e in line.evidence]
    return " [" + ", ".join(f"`{a}`" if markdown else a for a in anchors) + "]"


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.45}"
    "h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc}"
    ".ev{font-size:.8rem;color:#555;margin-left:.4rem}.ev span{border-bottom:1px dotted #999;margin-right:.3rem}"
)


def render_html(report: NarrativeReport) -> str:
    """A standalone HTML page; hovering an evidence link shows the sentence it points to."""
    return _html_page(report.label, [report])


def _html_page(title: str, reports: Iterable[NarrativeReport]) -> str:
    body: list[str] = []
    for report in reports:
        for i, section in enumerate(_sections(report)):
            tag = "h1" if i == 0 else "h2"
            body.append(f"<{tag}>{html.escape(section.title)}</{tag}>")
            items = []
            for line in section.lines:
                refs = "".join(
                    f'<span title="{html.escape(e.sentence or e.quote)}">{html.escape(evidence_anchor(e))}</span>'
                    for e in line.evidence
                )
                items.append(
                    f"<li>{html.escape(line.text)}" + (f'<span class="ev">{refs}</span>' if refs else "") + "</li>"
                )
            body.append("<ul>" + ("".join(items) or "<li>none</li>") + "</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def render_json(report: NarrativeReport) -> str:
    """The report record as indented JSON."""
    return report.model_dump_json(indent=2) + "\n"


_RENDERERS = {"text": render_text, "markdown": render_markdown, "html": render_html, "json": render_json}


def render_narrative(report: NarrativeReport, fmt: NarrativeFormat = "text") -> str:
    """The report in format ``fmt``."""
    return _RENDERERS[fmt](report)


def render_narratives(reports: Iterable[NarrativeReport], fmt: NarrativeFormat = "text") -> Iterator[str]:
    """Chunks of several reports in one output: one JSON array, one HTML page, or text/Markdown in sequence."""
    if fmt == "html":
        reports = list(reports)
        yield _html_page(reports[0].label if len(reports) == 1 else "counterclaim events", reports)
    elif fmt == "json":
        yield from json_array(render_json(report).rstrip("\n") for report in reports)
    else:
        for report in reports:
            yield render_narrative(report, fmt) + "\n"


def format_for_path(path: str | Path) -> NarrativeFormat:
    """The format a file name asks for: .html, .md, .json, else text."""
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


_SUFFIXES: dict[str, NarrativeFormat] = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json"}


def write_narrative(report: NarrativeReport, path: str | Path, fmt: NarrativeFormat | None = None) -> Path:
    """Write the report to ``path``; the format follows the suffix (.html, .md, .json, else text) unless given."""
    path = Path(path)
    path.write_text(render_narrative(report, fmt or format_for_path(path)), encoding="utf-8")
    return path


def consensus_line(report: NarrativeReport) -> str:
    """Who claimed, who confirmed whom, who accused whom, in one line (the events listing shows it)."""
    parts = [f"claimed by {', '.join(line.party for line in report.claimed_by)}"] if report.claimed_by else []
    parts += [f"{line.party} confirmed by {_names(line.speakers)}" for line in report.confirmed]
    parts += [f"{line.party} accused by {_names(line.speakers)}" for line in report.accused]
    return "; ".join(parts) or "no claim, confirmation or accusation found"


#: Speakers named in a consensus line before the rest are counted.
_CONSENSUS_SPEAKERS = 3


def _names(speakers: list[SpeakerRef]) -> str:
    names = [s.name for s in speakers]
    shown = ", ".join(names[:_CONSENSUS_SPEAKERS])
    rest = len(names) - _CONSENSUS_SPEAKERS
    return shown + (f" and {rest} other{'s' * (rest != 1)}" if rest > 0 else "")
