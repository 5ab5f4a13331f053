"""Lays out report dicts (``report/document.py``, the events listing of ``report/collect.py``) as text or Markdown.

The wording of each line is built once (``_attack_line``, ``_statement_line``
...) and only the decoration differs between text and Markdown, so the two
never drift apart. Rendering is a generator of chunks: a report over a large
store is written as it is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from counterclaim.ingest.language import not_analysed
from counterclaim.records import ENGLISH

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")


#: What a listing of an empty store says.
NOTHING_STORED = "Nothing stored yet: run `counterclaim analyze PATH...` first.\n"

#: The header of the Markdown table of events.
_EVENT_TABLE = "| event | date | place | type | documents | consensus |\n|---|---|---|---|---|---|\n"


def render(reports: Iterable[dict[str, Any]], fmt: Format, empty: str = NOTHING_STORED) -> Iterator[str]:
    """Chunks of the rendered report (each ends with a newline); JSON is one array.

    Event entries (from the listing) take one row each, in Markdown as a
    table; a ``more`` entry (a page of the listing left events out) says how
    many and how to see them; document reports take a block each. ``empty``
    is what a listing with no entry says.
    """
    if fmt == "json":
        yield from json_array(json.dumps(report, ensure_ascii=False, indent=2) for report in reports)
        return
    markdown = fmt == "markdown"
    nothing, in_table = True, False
    for report in reports:
        nothing = False
        if "event" in report:
            if markdown and not in_table:
                yield _EVENT_TABLE
            in_table = markdown
            yield "\n".join(_event_lines(report, markdown)) + ("\n" if markdown else "\n\n")
            continue
        if in_table:
            yield "\n"
            in_table = False
        if "more" in report:
            yield f"… {report['more']} more event{'s' * (report['more'] != 1)} (--offset {report['offset']})\n\n"
            continue
        yield "\n".join(_document_lines(report, markdown, depth=0)) + "\n\n"
    if nothing:
        yield empty


def json_array(items: Iterable[str]) -> Iterator[str]:
    """Chunks of a JSON array of already-serialised items, streamed."""
    yield "["
    for index, item in enumerate(items):
        yield ("," if index else "") + "\n" + item
    yield "\n]\n"


def _event_lines(entry: dict[str, Any], markdown: bool) -> list[str]:
    """One event of the listing: id, date, place, type, number of documents, and the consensus line."""
    event, documents = entry["event"], entry["documents"]
    cells = [
        event["id"],
        event.get("date") or "undated",
        event.get("place") or "place unknown",
        event.get("attack_type") or "type unknown",
        f"{len(documents)} doc{'s' * (len(documents) != 1)}",
        entry["consensus"]["line"],
    ]
    if markdown:
        return ["| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"]
    return ["  ".join(cells), "    documents: " + ", ".join(documents)]


def _document_lines(report: dict[str, Any], markdown: bool, depth: int) -> list[str]:
    document = report["document"]
    about = ", ".join(part for part in (document.get("outlet"), document.get("published")) if part)
    heading = document["name"] + (f" — {document['title']}" if document.get("title") else "")
    heading += f" ({about})" if about else ""
    lines = [f"{'#' * (depth + 2)} {heading}" if markdown else f"{'  ' * depth}{heading}"]
    item = _decorator(markdown, depth)
    if document.get("language", ENGLISH) != ENGLISH:
        return [*lines, item(0, not_analysed(document["language"]))]
    attack = report.get("attack")
    if attack is None:
        lines.append(item(0, "Attack: none found"))
    else:
        lines.append(item(0, "Attack: " + _attack_line(attack)))
        if attack["claimed_by"]:
            lines.append(item(1, "claimed by: " + ", ".join(attack["claimed_by"])))
        held = [r for r in attack.get("responsible", []) if r["confidence"] != "claimed"]
        if held:
            lines.append(item(1, "held responsible: " + ", ".join(f"{r['name']} ({r['confidence']})" for r in held)))
        lines += [item(1, _casualty_line(c)) for c in attack["casualty_reports"]]
    statements = report.get("statements") or {}
    lines.append(item(0, "Statements:" if statements else "Statements: none found"))
    for stance, entries in statements.items():
        lines.append(item(1, f"{stance} ({len(entries)})"))
        lines += [item(2, _statement_line(entry)) for entry in entries]
    if report.get("other_attacks_mentioned"):
        lines.append(item(0, f"Other attacks mentioned: {report['other_attacks_mentioned']}"))
    return lines


def _decorator(markdown: bool, depth: int):
    """A function laying out one line at a nesting level: bullets in Markdown, indentation in text."""

    def item(level: int, text: str) -> str:
        if markdown:
            return f"{'  ' * level}- {text}"
        return f"{'  ' * (depth + level + 1)}{text}"

    return item


def _attack_line(attack: dict[str, Any]) -> str:
    kind = attack.get("attack_type") or "type unknown"
    if attack.get("attack_type_text") and attack["attack_type_text"] != kind:
        kind += f" (“{attack['attack_type_text']}”)"
    parts = [attack.get("date") or "date unknown", attack.get("place") or "place unknown", kind]
    if attack.get("suicide"):
        parts.append("suicide attack")
    for figure in ("killed", "injured"):
        if attack.get(figure) is not None:
            source = attack.get(f"{figure}_source")
            parts.append(f"{figure} {attack[figure]}" + (f" per {source}" if source else ""))
    return " · ".join(parts) + _evidence(attack.get("evidence"))


def _casualty_line(report: dict[str, Any]) -> str:
    number = f"{report['qualifier']} {report['number']}" if report.get("qualifier") else str(report["number"])
    source = report.get("source") or "source not named"
    dated = f" on {report['date']}" if report.get("date") else ""
    return f"{report['kind']} {number} — {source}{dated}{_evidence(report.get('evidence'))}"


def _statement_line(entry: dict[str, Any]) -> str:
    parts = [
        entry["speaker"],
        entry.get("affiliation") or "affiliation unknown",
        f"target: {entry['target']}" if entry.get("target") else "no target",
        entry.get("date") or "date unknown",
    ]
    if entry.get("quote"):
        parts.append(f"“{' '.join(entry['quote'].split())}”")  # one report line per statement
    return " — ".join(parts) + _evidence(entry.get("evidence"))


def _evidence(evidence: dict[str, Any] | None) -> str:
    if not evidence:
        return ""
    return f"  [{evidence['document']} {evidence['start']}–{evidence['end']}, {evidence['producer']}]"
