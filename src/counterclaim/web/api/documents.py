"""``/api/documents``: stored articles (filtered, paged), one article with its text, its full record."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from counterclaim.records import ArticleRecord
from counterclaim.store import browse
from counterclaim.web.api.models import DocumentDetail, DocumentOut, Page
from counterclaim.web.api.params import FilterParams, PageParams, resolve
from counterclaim.web.workbench import Bench

router = APIRouter(tags=["documents"])


@router.get("/documents", response_model=Page[DocumentOut])
def list_documents(request: Request, bench: Bench, filters: FilterParams, paging: PageParams) -> dict:
    """Documents, oldest publication first; ``actor`` and ``stance`` keep those with a matching statement."""
    page = bench.store.read(browse.documents, filters, paging.limit, paging.offset)
    return paging.wrap(request, page, [DocumentOut.from_row(row) for row in page.items])


@router.get("/documents/{document}", response_model=DocumentDetail)
def get_document(document: str, bench: Bench) -> DocumentDetail:
    """A document (by id, name or unique id prefix) with its text: evidence offsets count characters of it."""
    document_id = resolve(bench, document)
    row = bench.store.read(browse.document, document_id)
    return DocumentDetail(
        **DocumentOut.from_row(row).model_dump(),
        **{k: row[k] for k in ("language", "source_path", "text")},
        sources=bench.store.read(browse.sources, document_id),
    )


@router.get("/documents/{document}/record", response_model=ArticleRecord)
def get_record(document: str, bench: Bench) -> ArticleRecord:
    """Everything extracted from a document, exactly as stored (the record ``counterclaim extract`` builds)."""
    try:
        return bench.store.load_record(resolve(bench, document))
    except KeyError as err:
        raise HTTPException(404, f"no document {document!r}") from err
