"""``/docs``: the OpenAPI description browsable in Swagger UI, served from the workbench's own files."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from counterclaim.web.workbench import Bench

FAVICON = Path(__file__).parents[1] / "static" / "favicon.svg"

router = APIRouter()


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request, bench: Bench) -> HTMLResponse:
    return bench.render(request, "docs.html", {})


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """Browsers ask for /favicon.ico whatever the page says."""
    return FileResponse(FAVICON, media_type="image/svg+xml")
