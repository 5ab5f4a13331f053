"""The workbench's pages, server-rendered from ``templates/``: one module per group of pages."""

from __future__ import annotations

from fastapi import APIRouter

from counterclaim.web.pages import actors, analyse, docs, documents, events, search

router = APIRouter(include_in_schema=False)
for module in (events, documents, actors, search, analyse, docs):
    router.include_router(module.router)
