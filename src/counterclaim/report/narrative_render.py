"""Lays out a :class:`~counterclaim.report.narrative.NarrativeReport` as text, Markdown, HTML or JSON.

The wording is laid out once (``report/sections.py``); text and Markdown
only decorate it (HTML: ``report/html.py``), so the formats never drift
apart. Evidence is cited as numbered notes; the notes at the end give each
cited sentence with the words the report rests on marked (« » in text, bold
in Markdown, whose notes are GitHub footnotes) and its character offsets
into the document's stored text.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

from counterclaim.report.html import render_html, render_html_page
from counterclaim.report.models import NarrativeReport, Passage, SpeakerRef
from counterclaim.report.render import json_array
from counterclaim.report.sections import Cited, Layout, Line, Sentence, Table, layout, marked

NarrativeFormat = Literal["text", "markdown", "html", "json"]
NARRATIVE_FORMATS: tuple[NarrativeFormat, ...] = ("text", "markdown", "html", "json")
#: Width the text report's brief is wrapped to.
TEXT_WIDTH = 100


def render_text(report: NarrativeReport) -> str:
    """Plain text: the brief wrapped, sections as lists, the matrix as a table, numbered notes at the end."""
    laid = layout(report)
    out = [laid.title, "=" * len(laid.title), laid.subtitle, ""]
    out += _heading("Brief", "-")
    for paragraph in laid.brief:
        text = " ".join(_sentence(s, _text_refs) for s in paragraph)
        out += [textwrap.fill(text, TEXT_WIDTH, break_on_hyphens=False, break_long_words=False), ""]
    out += [] if laid.brief else ["- none", ""]
    for section in laid.sections:
        out += _heading(section.title, "-")
        if section.table is not None:
            out += [*_text_table(section.table), "* claimed the attack or confirmed as its perpetrator", ""]
            continue
        out += [_text_line(line) for line in section.lines] or ["- none"]
        out.append("")
    out += _heading("Evidence", "-")
    out += [f"[{n}] {p.document_name}, characters {p.start}–{p.end}: {marked(p, '«', '»')}" for n, p in _numbered(laid)]
    return "\n".join(out) + "\n"


def _heading(title: str, rule: str) -> list[str]:
    return [title, rule * len(title)]


def _numbered(laid: Layout) -> Iterator[tuple[int, Passage]]:
    return enumerate(laid.notes, start=1)


def _sentence(sentence: Sentence, cite: Callable[[Cited], str], escape: Callable[[str], str] = str) -> str:
    """A sentence of the brief: each clause followed by its notes, a full stop at the end."""
    return "".join(escape(c.text) + (cite(c) if c.notes else "") for c in sentence.clauses) + "."


def _text_refs(clause: Cited) -> str:
    return " [" + ", ".join([*map(str, clause.notes), *([f"+{clause.more}"] if clause.more else [])]) + "]"


def _text_line(line: Line) -> str:
    quote = f": “{line.quote}”" if line.quote else ""
    notes = f" [{', '.join(map(str, line.notes))}]" if line.notes else ""
    return f"- {line.text}{quote}{notes}"


def _text_table(table: Table) -> list[str]:
    rows = [table.header, *table.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.header))]

    def row(cells: list[str]) -> str:
        return " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    return [row(table.header), "-+-".join("-" * w for w in widths), *(row(r) for r in table.rows)]


#: Characters Markdown would read as markup; article text is escaped so it prints as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str) -> str:
    """``text`` with Markdown's markup characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render_markdown(report: NarrativeReport) -> str:
    """GitHub-flavoured Markdown: the brief, sections, the matrix as a table, evidence as footnotes."""
    laid = layout(report)
    out = [f"# {md(laid.title)}", "", md(laid.subtitle), "", "## Brief", ""]
    for paragraph in laid.brief:
        out += [" ".join(_sentence(s, _md_clause_refs, md) for s in paragraph), ""]
    out += [] if laid.brief else ["- none", ""]
    for section in laid.sections:
        out += [f"## {md(section.title)}", ""]
        if section.table is not None:
            out += [*_md_table(section.table), "", "\\* claimed the attack or confirmed as its perpetrator", ""]
            continue
        for line in section.lines:
            quote = f": “{md(line.quote)}”" if line.quote else ""
            out.append(f"- {md(line.text)}{quote}{_md_refs(line.notes)}")
        out += ["- none"] if not section.lines else []
        out.append("")
    for n, p in _numbered(laid):
        out.append(f"[^{n}]: {md(p.document_name)}, characters {p.start}–{p.end}: {marked(p, '**', '**', md)}")
    return "\n".join(out) + "\n"


def _md_refs(numbers: list[int]) -> str:
    return "".join(f"[^{n}]" for n in numbers)


def _md_clause_refs(clause: Cited) -> str:
    return _md_refs(clause.notes) + (f" (+{clause.more})" if clause.more else "")


def _md_table(table: Table) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(md(c) for c in cells) + " |"

    return [row(table.header), "|" + "---|" * len(table.header), *(row(r) for r in table.rows)]


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
        yield render_html_page(reports[0].title if len(reports) == 1 else "counterclaim events", reports)
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
