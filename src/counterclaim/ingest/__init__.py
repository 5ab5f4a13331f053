"""Reading articles: files, directories, JSONL, stdin -> :class:`~counterclaim.records.Document`.

``read_inputs`` is the one entry point; see ``reader.py`` for formats and limits.
"""

from counterclaim.ingest.errors import IngestError, IngestWarning
from counterclaim.ingest.reader import MAX_BYTES, read_inputs

__all__ = ["MAX_BYTES", "IngestError", "IngestWarning", "read_inputs"]
