"""The workbench application: the REST API, the pages and their static files, behind the security guard."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from counterclaim.store import Store
from counterclaim.web import api, pages
from counterclaim.web.cache import PageCache
from counterclaim.web.errors import install_handlers
from counterclaim.web.security import Guard
from counterclaim.web.settings import WebSettings
from counterclaim.web.workbench import Workbench

STATIC = Path(__file__).with_name("static")

DESCRIPTION = """Source-attributed records of terrorist attacks, as the counterclaim store holds them:
events (one attack across articles), documents, statements (who claimed, accused, confirmed, denied,
condemned), actors and casualty figures by source. Every record carries its evidence (character offsets
into the stored text) and a link to the page that highlights it.

Errors are JSON: `{"error": {"status": 404, "message": "..."}}`. Write endpoints (ingest, event
corrections) need the server's token (`Authorization: Bearer TOKEN`) when it has one; it always has one
when it listens beyond loopback."""


def create_app(settings: WebSettings | None = None, store: Store | None = None) -> FastAPI:
    """The workbench over ``store`` (else the store ``settings.db`` names, created if missing)."""
    settings = settings or WebSettings()
    bench = Workbench(settings, store or Store(settings.db))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        bench.store.close()

    app = FastAPI(
        title="counterclaim",
        description=DESCRIPTION,
        version="1",
        docs_url=None,  # served by pages/docs.py from local files: no CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workbench = bench
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_handlers(app)
    app.add_middleware(PageCache, store=bench.store, answers=bench.answers)
    app.add_middleware(Guard, settings=settings)  # added last, so it runs first: nothing unchecked reaches the cache
    return app
