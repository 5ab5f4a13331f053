"""A document's page: its text with every piece of evidence highlighted, and the records read from it."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from counterclaim.store import browse
from counterclaim.web.evidence import parse_span, record_marks, segments
from counterclaim.web.workbench import Bench

router = APIRouter()


@router.get("/documents/{ref}", response_class=HTMLResponse)
def document(request: Request, bench: Bench, ref: str, span: str | None = None) -> HTMLResponse:
    """``span=START-END`` highlights the words a link points to (and ``#ev-START-END`` scrolls to them)."""
    store = bench.store
    try:
        document_id = store.read(browse.resolve_document, ref)
    except KeyError as err:
        raise HTTPException(404, str(err.args[0])) from err
    record = store.load_record(document_id)
    focus = parse_span(span)
    context = {
        "record": record,
        "doc": record.document,
        "event_id": store.read(browse.events_of, [document_id]).get(document_id),
        "segments": segments(record.document.text, record_marks(record), focus),
        "focus": focus,
        "link": _safe_link(record.document.url),
        "sources": [
            {**source, "link": _safe_link(source["url"])} for source in store.read(browse.sources, document_id)
        ],
        "heading": record.document.title or _headline(record.document.text) or record.document.name,
        "analysed": request.query_params.get("analysed") == "1",
    }
    return bench.render(request, "document.html", context)


def _headline(text: str) -> str | None:
    """A plain-text article's first line, when it reads as a headline (short, and a paragraph of its own)."""
    first, _, rest = text.strip().partition("\n")
    return first.strip() if len(first) <= 200 and rest.startswith("\n") else None


def _safe_link(url: str | None) -> str | None:
    """The article's own URL as a link only when it is http(s): a stored ``javascript:`` URL stays text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
