"""Lays out report dicts (from ``report/document.py``) as text, Markdown or JSON.

The wording of each line is built once (``_attack_line``, ``_statement_line``
...) and only the decoration differs between text and Markdown, so the two
never drift apart. Rendering is a generator of chunks: a report over a large
store is written as it is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")


def render(reports: Iterable[dict[str, Any]], fmt: Format) -> Iterator[str]:
    """Chunks of the rendered report (each ends with a newline); JSON is one array."""
    if fmt == "json":
        yield from _json(reports)
        return
    markdown = fmt == "markdown"
    empty = True
    for report in reports:
        empty = False
        lines = _event_lines(report, markdown) if "event" in report else _document_lines(report, markdown, depth=0)
        yield "\n".join(lines) + "\n\n"
    if empty:
        yield "Nothing stored yet: run `counterclaim analyze PATH...` first.\n"


def _json(reports: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for index, report in enumerate(reports):
        yield ("," if index else "") + "\n" + json.dumps(report, ensure_ascii=False, indent=2)
    yield "\n]\n"


def _event_lines(report: dict[str, Any], markdown: bool) -> list[str]:
    event = report["event"]
    facts = ", ".join(str(event[key]) for key in ("date", "city", "country", "attack_type") if event.get(key))
    title = f"Event {event['id']}: {event.get('label') or 'unlabelled'}" + (f" ({facts})" if facts else "")
    lines = [f"# {title}" if markdown else f"=== {title} ==="]
    for document in report["documents"]:
        lines += ["", *_document_lines(document, markdown, depth=1)]
    return lines


def _document_lines(report: dict[str, Any], markdown: bool, depth: int) -> list[str]:
    document = report["document"]
    about = ", ".join(part for part in (document.get("outlet"), document.get("published")) if part)
    heading = document["name"] + (f" — {document['title']}" if document.get("title") else "")
    heading += f" ({about})" if about else ""
    lines = [f"{'#' * (depth + 2)} {heading}" if markdown else f"{'  ' * depth}{heading}"]
    item = _decorator(markdown, depth)
    attack = report.get("attack")
    if attack is None:
        lines.append(item(0, "Attack: none found"))
    else:
        lines.append(item(0, "Attack: " + _attack_line(attack)))
        if attack["claimed_by"]:
            lines.append(item(1, "claimed by: " + ", ".join(attack["claimed_by"])))
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
