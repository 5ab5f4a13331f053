"""Query parameters the listings share: filters (event, actor, stance, date range, document) and pagination."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request

from counterclaim.records import Stance
from counterclaim.store.browse import MAX_PAGE, Filters, Page, resolve_document
from counterclaim.web.workbench import Bench

DEFAULT_PAGE = 50


class Paging:
    """``limit`` and ``offset`` of a listing, and the link to its next page."""

    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows per page")] = DEFAULT_PAGE,
        offset: Annotated[int, Query(ge=0, description="rows skipped")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset

    def next_url(self, request: Request, total: int) -> str | None:
        if self.offset + self.limit >= total:
            return None
        return str(request.url.include_query_params(offset=self.offset + self.limit, limit=self.limit))

    def wrap(self, request: Request, page: Page, items: list[Any]) -> dict[str, Any]:
        """The API's page body for rows already converted to response models."""
        return {
            "items": items,
            "total": page.total,
            "limit": page.limit,
            "offset": page.offset,
            "next": self.next_url(request, page.total),
        }


def filters(
    bench: Bench,
    event: Annotated[str | None, Query(description="an event id")] = None,
    actor: Annotated[str | None, Query(description="an actor id (islamic-state) or a speaker's name")] = None,
    stance: Annotated[Stance | None, Query()] = None,
    date_from: Annotated[dt.date | None, Query(description="on or after this day (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(description="on or before this day (YYYY-MM-DD)")] = None,
    document: Annotated[str | None, Query(description="a document id or name")] = None,
) -> Filters:
    """The filters of a listing; a document named by name is resolved to its id (404 if none)."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}")
    if document:
        document = resolve(bench, document)
    return Filters(event=event, actor=actor, stance=stance, date_from=date_from, date_to=date_to, document=document)


def resolve(bench: Bench, ref: str) -> str:
    """The id of the document ``ref`` names (id, name or unique id prefix); 404 otherwise."""
    try:
        return bench.store.read(resolve_document, ref)
    except KeyError as err:
        raise HTTPException(404, str(err.args[0])) from err


FilterParams = Annotated[Filters, Depends(filters)]
PageParams = Annotated[Paging, Depends()]
