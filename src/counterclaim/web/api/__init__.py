"""The REST API under ``/api``: one module per group of routes; OpenAPI at ``/openapi.json``, browsable at ``/docs``."""

from __future__ import annotations

import os

from fastapi import APIRouter
from sqlalchemy import func, select

from counterclaim.store import schema
from counterclaim.web.api import actors, documents, events, exports, ingest, search, statements
from counterclaim.web.api.models import ErrorOut, Health
from counterclaim.web.workbench import Bench

ERRORS = {
    status: {"model": ErrorOut, "description": text}
    for status, text in (
        (401, "this server needs its write token"),
        (403, "wrong write token, or a write from another origin"),
        (404, "no such event, document or actor"),
        (413, "request body too large"),
        (422, "invalid request"),
    )
}
router = APIRouter(prefix="/api", responses=ERRORS)
for module in (events, documents, statements, actors, search, ingest, exports):
    router.include_router(module.router)


@router.get("/health", response_model=Health, tags=["service"])
def health(bench: Bench) -> dict:
    """The server is up: which store it serves, how much it holds, whether writes need the token."""
    with bench.store.engine.connect() as conn:
        count = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (schema.documents, schema.events)
        }
    return {
        "status": "ok",
        "store": bench.store.display_url,
        "documents": count["documents"],
        "events": count["events"],
        "token_required": bool(bench.settings.token),
        "cache": {"answers": len(bench.answers.kept), "bytes": bench.answers.size},
        "process": os.getpid(),
    }
