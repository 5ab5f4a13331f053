"""``/api/export/{format}``: an event, a document or the whole store, streamed.

``records`` is the complete ArticleRecord of each document (what the store
holds) and ``eval`` the per-article evaluation format of ``shared/eval``, both
as JSON Lines; every format of :mod:`counterclaim.export` (STIX 2.1, CSV as a
ZIP, JSON Lines with codes, GTD, GraphML, GEXF) is served by the same exporter
the CLI's ``export`` verb runs. Streaming keeps the server's memory flat on a
store of any size.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse

from counterclaim.evalformat import to_eval
from counterclaim.events import UnknownEvent
from counterclaim.export import FORMATS, export_chunks
from counterclaim.records import ArticleRecord
from counterclaim.web.api.params import resolve
from counterclaim.web.workbench import Bench

router = APIRouter(tags=["exports"])


#: The record dumps of this module, then the exporters' formats.
ExportFormat = StrEnum("ExportFormat", {name: name for name in ("records", "eval", *FORMATS)})


_LINES: dict[str, Callable[[ArticleRecord], str]] = {
    "records": lambda record: record.model_dump_json(),
    "eval": lambda record: json.dumps({"name": record.document.name, **to_eval(record)}, ensure_ascii=False),
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
    """Every stored record (or an event's, or one document's): ``records`` and ``eval`` as JSON Lines, one
    document per line; ``stix``, ``csv`` (a ZIP), ``jsonl``, ``gtd``, ``graphml``, ``gexf`` as the CLI's
    ``export`` writes them (an event or the whole store)."""
    store = bench.store
    if fmt.value in FORMATS:
        if document:
            raise HTTPException(400, f"{fmt.value} exports an event or the whole store, not one document")
        chosen = FORMATS[fmt.value]
        try:
            chunks = export_chunks(store, fmt.value, event)
        except UnknownEvent as err:
            raise HTTPException(404, f"no event {event!r}") from err
        disposition = {"content-disposition": f'attachment; filename="{_safe(chosen.filename(event))}"'}
        return StreamingResponse(chunks, media_type=chosen.media_type, headers=disposition)
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
    line = _LINES[fmt.value]

    def lines() -> Iterator[str]:
        for record in store.iter_records(ids):
            yield line(record) + "\n"

    name = f"counterclaim-{fmt.value}{'-' + (event or document or '') if event or document else ''}.jsonl"
    headers = {"content-disposition": f'attachment; filename="{_safe(name)}"'}
    return StreamingResponse(lines(), media_type="application/x-ndjson", headers=headers)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
