"""``/api/export/{format}``: records of an event, a document or the whole store, streamed as JSON Lines.

``records`` is the complete ArticleRecord of each document (what the store
holds); ``eval`` is the per-article evaluation format of ``shared/eval``.
Streaming keeps the server's memory flat on a store of any size.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse

from counterclaim.evalformat import to_eval
from counterclaim.records import ArticleRecord
from counterclaim.web.api.params import resolve
from counterclaim.web.workbench import Bench

router = APIRouter(tags=["exports"])


class ExportFormat(StrEnum):
    records = "records"
    eval = "eval"


_LINES: dict[ExportFormat, Callable[[ArticleRecord], str]] = {
    ExportFormat.records: lambda record: record.model_dump_json(),
    ExportFormat.eval: lambda record: json.dumps({"name": record.document.name, **to_eval(record)}, ensure_ascii=False),
}


@router.get(
    "/export/{fmt}",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}, "description": "one JSON object per line"}},
)
def export(
    fmt: ExportFormat,
    bench: Bench,
    event: Annotated[str | None, Query(description="only this event's documents")] = None,
    document: Annotated[str | None, Query(description="only this document (id or name)")] = None,
) -> StreamingResponse:
    """Every stored record (or an event's, or one document's) as JSON Lines, one document per line."""
    store = bench.store
    ids: list[str] | None = None
    if event:
        try:
            ids = store.event_document_ids(event)
        except KeyError as err:
            raise HTTPException(404, f"no event {event!r}") from err
    if document:
        found = resolve(bench, document)
        if ids is not None and found not in ids:
            raise HTTPException(404, f"document {document!r} is not in event {event!r}")
        ids = [found]
    line = _LINES[fmt]

    def lines() -> Iterator[str]:
        for record in store.iter_records(ids):
            yield line(record) + "\n"

    name = f"counterclaim-{fmt.value}{'-' + (event or document or '') if event or document else ''}.jsonl"
    headers = {"content-disposition": f'attachment; filename="{_safe(name)}"'}
    return StreamingResponse(lines(), media_type="application/x-ndjson", headers=headers)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
