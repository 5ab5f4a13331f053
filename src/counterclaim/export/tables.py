"""CSV tables: one file per record type, joined on ids, described by a Frictionless ``datapackage.json``.

The columns are the store's (``store/rows.py`` maps records to them, once),
plus the stable ids of ``export/ids.py`` and each statement's CAMEO and PLOVER
codes; the column types come from the store's schema, so ``datapackage.json``
tells pandas, R or a spreadsheet which columns are integers, numbers, booleans
and dates, and which ids join which tables.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Boolean, Date, DateTime, Float, Integer
from sqlalchemy import Table as SqlTable

from counterclaim.events.actors import ActorNames
from counterclaim.export import ids
from counterclaim.export.codes import statement_codes
from counterclaim.export.source import ExportUnit
from counterclaim.export.stream import csv_writer, zip_chunks
from counterclaim.records import ArticleRecord
from counterclaim.store import rows, schema

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One CSV file: its columns with their Table Schema types, and the ids it joins on."""

    name: str
    description: str
    fields: tuple[tuple[str, str], ...]
    foreign_keys: tuple[tuple[str, str], ...] = ()

    @property
    def columns(self) -> list[str]:
        return [name for name, _ in self.fields]

    def descriptor(self) -> dict[str, Any]:
        """The table's Frictionless tabular-data-resource."""
        return {
            "name": self.name,
            "path": f"{self.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "encoding": "utf-8",
            "description": self.description,
            "schema": {
                "fields": [{"name": name, "type": kind} for name, kind in self.fields],
                "missingValues": [""],
                "primaryKey": ["id"],
                "foreignKeys": [
                    {"fields": [column], "reference": {"resource": target, "fields": ["id"]}}
                    for column, target in self.foreign_keys
                ],
            },
        }


def _types(table: SqlTable, columns: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """Table Schema types of the store's ``columns`` (JSON columns are exported as text)."""
    kinds = ((Boolean, "boolean"), (Integer, "integer"), (Float, "number"), (DateTime, "datetime"), (Date, "date"))
    out = []
    for column in columns:
        sql_type = table.c[column].type
        out.append((column, next((kind for cls, kind in kinds if isinstance(sql_type, cls)), "string")))
    return tuple(out)


def _store_fields(table: SqlTable, skip: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
    """The store table's columns as exported, without its own keys (exports use stable ids); JSON columns as text."""
    skipped = {"id", "document_id", "attack_id", *skip}
    return _types(table, [c.name for c in table.columns if c.name not in skipped])


def _cells(row: Row) -> Row:
    """A row as CSV cells: lists and mappings (the store's JSON columns) as JSON text."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in row.items()}


def _after(fields: tuple[tuple[str, str], ...], column: str, extra: tuple[tuple[str, str], ...]) -> tuple:
    """``fields`` with ``extra`` inserted after ``column``."""
    at = [name for name, _ in fields].index(column) + 1
    return (*fields[:at], *extra, *fields[at:])


#: Columns every table has first: the row's stable id and what it belongs to.
_ID, _DOCUMENT, _EVENT = ("id", "string"), ("document_id", "string"), ("event_id", "string")
_CODES = (("cameo", "string"), ("cameo_name", "string"), ("plover", "string"))
_PERPETRATORS = (("claimed_by", "string"), ("confirmed", "string"), ("accused", "string"))

TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        "one row per article; evidence offsets index `text`",
        (_ID, _EVENT, *_store_fields(schema.documents, {"record_json", "ingested_at"})),
        (("event_id", "events"),),
    ),
    Table(
        "events",
        "one row per attack across articles (the clustering's facts)",
        (_ID, *_store_fields(schema.events, {"created_at", "updated_at"})),
    ),
    Table(
        "statements",
        "who claimed, confirmed, accused, denied or condemned, with CAMEO and PLOVER codes",
        (_ID, _DOCUMENT, _EVENT, *_after(_store_fields(schema.statements), "stance", _CODES)),
        (
            ("document_id", "documents"),
            ("event_id", "events"),
            ("speaker_actor_id", "actors"),
            ("target_actor_id", "actors"),
        ),
    ),
    Table(
        "attacks",
        "the attacks each article reports (is_main: the article's own)",
        (_ID, _DOCUMENT, _EVENT, *_store_fields(schema.attacks, {"perpetrators"}), *_PERPETRATORS),
        (("document_id", "documents"), ("event_id", "events")),
    ),
    Table(
        "casualty_reports",
        "every casualty figure as its source gave it",
        (_ID, ("attack_id", "string"), _DOCUMENT, *_store_fields(schema.casualty_reports)),
        (("attack_id", "attacks"), ("document_id", "documents"), ("source_actor_id", "actors")),
    ),
    Table(
        "mentions",
        "every actor the text names, linked to the knowledge base where possible",
        (_ID, _DOCUMENT, *_store_fields(schema.mentions)),
        (("document_id", "documents"), ("actor_id", "actors"), ("affiliation_id", "actors")),
    ),
    Table(
        "attributions",
        "reported speech: source, cue and content offsets",
        (_ID, _DOCUMENT, *_store_fields(schema.attributions)),
        (("document_id", "documents"),),
    ),
    Table(
        "actors",
        "every actor a row points at: knowledge-base entries, and names the knowledge base does not know",
        (_ID, *_store_fields(schema.actors)),
    ),
)


def write_tables(units: Iterable[ExportUnit], open_table: Callable[[str], TextIO]) -> None:
    """Write every table in one pass over ``units``; ``open_table(name)`` gives the file a table goes to."""
    with ExitStack() as stack:
        writers = {t.name: csv_writer(stack.enter_context(open_table(t.name)), t.columns) for t in TABLES}
        seen_actors: set[str] = set()
        for unit in units:
            for table, row in unit_rows(unit, seen_actors):
                writers[table].writerow(_cells(row))


def write_folder(units: Iterable[ExportUnit], folder: Path) -> list[Path]:
    """The tables as ``folder/NAME.csv`` plus ``folder/datapackage.json``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    write_tables(units, lambda name: (folder / f"{name}.csv").open("w", encoding="utf-8", newline=""))
    (folder / "datapackage.json").write_text(json.dumps(datapackage(), indent=2) + "\n", encoding="utf-8")
    return [folder / "datapackage.json", *(folder / f"{t.name}.csv" for t in TABLES)]


def zip_tables(units: Iterable[ExportUnit]) -> Iterator[bytes]:
    """The tables and ``datapackage.json`` as a streamed ZIP archive (tables are spooled to a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="counterclaim-csv-") as tmp:
        written = write_folder(units, Path(tmp))
        yield from zip_chunks((path.name, path) for path in written)


def datapackage() -> dict[str, Any]:
    """The Frictionless Data Package describing the tables."""
    return {
        "profile": "tabular-data-package",
        "name": "counterclaim",
        "title": "counterclaim records",
        "resources": [table.descriptor() for table in TABLES],
    }


def unit_rows(unit: ExportUnit, seen_actors: set[str]) -> Iterator[tuple[str, Row]]:
    """``(table, row)`` for every row an event contributes (actors once per export, tracked in ``seen_actors``)."""
    event_id = unit.event_id
    if unit.event is not None:
        yield "events", {**unit.event.model_dump(include=_EVENT_FIELDS), "document_count": len(unit.records)}
    for record in unit.records:
        yield from _record_rows(record, event_id)
        for actor_id, name in rows.referenced_actors(record).items():
            if actor_id not in seen_actors:
                seen_actors.add(actor_id)
                yield "actors", _actor_row(unit.names, actor_id, name)


_EVENT_FIELDS = {"id", "label", "date", "city", "country", "attack_type"}


def _record_rows(record: ArticleRecord, event_id: str | None) -> Iterator[tuple[str, Row]]:
    document_id = record.document.id
    document = {k: v for k, v in rows.document_row(record).items() if k != "record_json"}
    yield "documents", {**document, "event_id": event_id}
    for row, statement in zip(rows.statement_rows(record), record.statements, strict=True):
        sid = ids.statement_id(document_id, row["position"])
        codes = statement_codes(statement, sid).model_dump(exclude={"statement_id"})
        yield "statements", {"id": sid, "document_id": document_id, "event_id": event_id, **row, **codes}
    for row in rows.mention_rows(record):
        yield "mentions", {"id": ids.mention_id(document_id, row["position"]), "document_id": document_id, **row}
    for row in rows.attribution_rows(record):
        yield (
            "attributions",
            {"id": ids.attribution_id(document_id, row["position"]), "document_id": document_id, **row},
        )
    for position, (event, is_main) in enumerate(rows.attacks(record)):
        attack = rows.attack_row(event, position, is_main)
        perpetrators = attack.pop("perpetrators")
        attack_id = ids.attack_id(document_id, position)
        yield (
            "attacks",
            {
                "id": attack_id,
                "document_id": document_id,
                "event_id": event_id,
                **attack,
                "claimed_by": "; ".join(perpetrators["claimed_by"]),
                "confirmed": _by(perpetrators["confirmed"]),
                "accused": _by(perpetrators["accused"]),
            },
        )
        for n, report in enumerate(event.casualties):
            row = {"id": ids.casualty_id(attack_id, n), "attack_id": attack_id, "document_id": document_id}
            yield "casualty_reports", {**row, **rows.casualty_row(report)}


def _by(parties: dict[str, list[str]]) -> str:
    """``{party: [speakers]}`` as "party (by A, B); party2 (by C)"."""
    return "; ".join(f"{party} (by {', '.join(speakers)})" for party, speakers in parties.items())


def _actor_row(names: ActorNames, actor_id: str, name: str) -> Row:
    found = names.kb.actor(actor_id) if names.kb is not None else None
    if found is None:
        return {"id": actor_id, "name": name, "kind": None, "affiliation_id": None, "country_id": None}
    return {
        "id": found.id,
        "name": found.name,
        "kind": found.kind,
        "affiliation_id": found.affiliation,
        "country_id": found.country,
    }
