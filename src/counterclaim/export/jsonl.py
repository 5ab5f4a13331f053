"""JSON Lines: one :class:`~counterclaim.records.ExportedArticle` per line (schema in ``docs/schema``).

Each line is an article's complete record exactly as the store holds it, the
event it belongs to, and its statements' stable ids and CAMEO/PLOVER codes:
nothing is lost, and ``ExportedArticle.schema.json`` validates every line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from counterclaim.export.codes import statement_codes
from counterclaim.export.ids import statement_id
from counterclaim.export.source import ExportUnit
from counterclaim.export.stream import text_chunks
from counterclaim.records import ExportedArticle


def exported_articles(units: Iterable[ExportUnit]) -> Iterator[ExportedArticle]:
    """Every article of ``units`` with its event and statement codes."""
    for unit in units:
        event = unit.ref
        for record in unit.records:
            codes = [statement_codes(s, statement_id(record.document.id, i)) for i, s in enumerate(record.statements)]
            yield ExportedArticle(event=event, record=record, codes=codes)


def jsonl_chunks(units: Iterable[ExportUnit]) -> Iterator[bytes]:
    """The JSON Lines export as UTF-8 bytes."""
    return text_chunks(article.model_dump_json() + "\n" for article in exported_articles(units))
