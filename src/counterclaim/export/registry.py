"""The export formats, and the two ways to run one: as a stream of bytes (web API) or into a file or folder (CLI).

Every format is an :class:`ExportFormat` in :data:`FORMATS`, so the CLI's
``--format`` choices, its help and the web API's routes come from one table.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from counterclaim.export.graph import gexf_chunks, graphml_chunks
from counterclaim.export.gtd import gtd_chunks
from counterclaim.export.jsonl import jsonl_chunks
from counterclaim.export.source import ExportCounts, ExportUnit, export_units
from counterclaim.export.stix import stix_chunks
from counterclaim.export.tables import write_folder, zip_tables
from counterclaim.store import Store

#: Turns the units of an export (and its scope: "all" or the event id) into bytes.
Writer = Callable[[Iterable[ExportUnit], str], Iterator[bytes]]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: what it is, how it is served, and how it is written."""

    name: str
    description: str
    media_type: str
    suffix: str
    write: Writer
    #: Writes the export as a folder of files (formats made of several files); None for single-file formats.
    folder: Callable[[Iterable[ExportUnit], Path], list[Path]] | None = None

    def filename(self, event_id: str | None = None) -> str:
        """A file name for a download of this export."""
        return f"counterclaim-{event_id or 'all'}-{self.name}{self.suffix}"


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "stix",
            "STIX 2.1 bundle (OpenCTI, MISP): reports, identities, threat actors, campaigns, attributions, notes",
            "application/stix+json;version=2.1",
            ".stix.json",
            stix_chunks,
        ),
        ExportFormat(
            "csv",
            "CSV tables, one per record type, joined on ids, with datapackage.json (a folder, or a .zip)",
            "application/zip",
            ".zip",
            lambda units, _: zip_tables(units),
            write_folder,
        ),
        ExportFormat(
            "jsonl",
            "JSON Lines, one article's complete record per line (docs/schema/ExportedArticle.schema.json)",
            "application/x-ndjson",
            ".jsonl",
            lambda units, _: jsonl_chunks(units),
        ),
        ExportFormat(
            "gtd",
            "GTD-style event table (CSV): one row per event with the Global Terrorism Database's columns",
            "text/csv; charset=utf-8",
            ".gtd.csv",
            lambda units, _: gtd_chunks(units),
        ),
        ExportFormat(
            "graphml",
            "GraphML speaker -> party network with stances on edges (Gephi, Cytoscape, networkx)",
            "application/graphml+xml",
            ".graphml",
            lambda units, _: graphml_chunks(units),
        ),
        ExportFormat(
            "gexf",
            "GEXF speaker -> party network with stances on edges (Gephi's own format)",
            "application/xml",
            ".gexf",
            lambda units, _: gexf_chunks(units),
        ),
    )
}


class ExportError(ValueError):
    """An export that cannot be made as asked (its message is for the user)."""


class UnknownFormat(ExportError):
    """No export format of that name."""


def get_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name]
    except KeyError as err:
        raise UnknownFormat(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}") from err


def export_chunks(
    store: Store, fmt: str, event_id: str | None = None, counts: ExportCounts | None = None
) -> Iterator[bytes]:
    """The export of ``event_id`` (None: the whole store) in format ``fmt``, as a stream of bytes.

    What the web API serves: ``FORMATS[fmt].media_type`` and ``.filename()``
    give the headers. An unknown format or event raises
    :class:`UnknownFormat` or :class:`~counterclaim.events.UnknownEvent` here,
    before the first byte, so the caller can answer 404 instead of a broken file.
    """
    chosen = get_format(fmt)
    return chosen.write(export_units(store, event_id, counts), event_id or "all")


def write_export(
    store: Store, fmt: str, out: Path | str, event_id: str | None = None, counts: ExportCounts | None = None
) -> list[Path]:
    """Write an export where the CLI's ``--out`` says; the paths written (none for ``-``, standard output).

    A multi-file format (csv) writes a folder, or a ZIP archive when ``out``
    ends in ``.zip``; single-file formats write ``out``. Files are written
    under a temporary name and renamed at the end, so an export that fails
    half-way never leaves a truncated file in place of a good one.
    """
    chosen = get_format(fmt)
    if str(out) == "-":
        if chosen.folder is not None:
            raise ExportError(f"{fmt} writes several files: give a folder, or a .zip file, with --out")
        for chunk in export_chunks(store, fmt, event_id, counts):
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        return []
    out = Path(out)
    if chosen.folder is not None and out.suffix.lower() != ".zip":
        return chosen.folder(export_units(store, event_id, counts), out)
    chunks = export_chunks(store, fmt, event_id, counts)
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        partial.replace(out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return [out]
