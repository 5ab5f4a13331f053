"""``/api/statements`` and ``/api/casualties``: the records analysts filter most, each with its evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from counterclaim.records import CasualtyKind
from counterclaim.store import browse
from counterclaim.web.api.models import CasualtyOut, Page, StatementOut
from counterclaim.web.api.params import FilterParams, PageParams
from counterclaim.web.workbench import Bench

router = APIRouter()


@router.get("/statements", response_model=Page[StatementOut], tags=["statements"])
def list_statements(request: Request, bench: Bench, filters: FilterParams, paging: PageParams) -> dict:
    """Statements (claims, accusations, confirmations, denials, condemnations), oldest first.

    ``actor`` keeps statements the actor made or that name it; dates bound the
    statement's date, or its article's publication date when it has none.
    """
    page = bench.store.read(browse.statements, filters, paging.limit, paging.offset)
    return paging.wrap(request, page, [StatementOut.from_row(row) for row in page.items])


@router.get("/casualties", response_model=Page[CasualtyOut], tags=["casualties"])
def list_casualties(
    request: Request,
    bench: Bench,
    filters: FilterParams,
    paging: PageParams,
    kind: Annotated[CasualtyKind | None, Query()] = None,
) -> dict:
    """Casualty figures by source, oldest first; ``actor`` keeps the figures that source gave."""
    chosen = browse.Filters(**{**filters.__dict__, "kind": kind})
    page = bench.store.read(browse.casualty_reports, chosen, paging.limit, paging.offset)
    return paging.wrap(request, page, [CasualtyOut.from_row(row) for row in page.items])
