"""Exports of the store to other tools' formats: STIX 2.1, CSV, JSON Lines, a GTD-style table, GraphML and GEXF.

One module per format, each turning the store's events (``source.py``: one
event and its records at a time, so a store of any size streams) into bytes;
``registry.py`` lists the formats. The API for other code:

- ``export_chunks(store, fmt, event_id=None) -> Iterator[bytes]``: the export
  as a stream (the web API serves it with ``FORMATS[fmt].media_type``);
- ``write_export(store, fmt, out, event_id=None) -> [paths]``: into a file,
  a folder (csv) or ``-`` for standard output (the CLI's ``export`` verb).

Unknown formats raise :class:`UnknownFormat`, unknown events
:class:`~counterclaim.events.UnknownEvent`, both before any output.
"""

from counterclaim.export.registry import (
    FORMATS,
    ExportError,
    ExportFormat,
    UnknownFormat,
    export_chunks,
    get_format,
    write_export,
)
from counterclaim.export.source import ExportCounts, ExportUnit, export_units

__all__ = [
    "FORMATS",
    "ExportCounts",
    "ExportError",
    "ExportFormat",
    "ExportUnit",
    "UnknownFormat",
    "export_chunks",
    "export_units",
    "get_format",
    "write_export",
]
