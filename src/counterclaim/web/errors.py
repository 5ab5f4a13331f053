"""Errors as the client can read them: JSON with a status and one-line message for the API, a page for people.

Every API error has the same shape, ``{"error": {"status": 404, "message":
"no event 'ev-x'"}}`` (validation errors add ``details``: where and what), so
a script can rely on it; nothing ever shows a traceback. Pages answer errors
with the same message laid out as a page.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from counterclaim.web.analysis import SubmissionError

log = logging.getLogger("counterclaim.web")

API_PREFIXES = ("/api/", "/openapi.json")


def wants_json(path: str) -> bool:
    """API paths answer in JSON; everything else is a page."""
    return path.startswith(API_PREFIXES)


def error_body(status: int, message: str, details: Sequence[Mapping[str, Any]] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "message": message}
    if details:
        error["details"] = list(details)
    return {"error": error}


def error_response(
    status: int,
    message: str,
    details: Sequence[Mapping[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(status, message, details), status_code=status, headers=headers)


def _validation_details(err: RequestValidationError) -> list[dict[str, Any]]:
    """Where each invalid value is (``query.limit``) and what is wrong with it, without echoing the input."""
    return [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")} for e in err.errors()]


def install_handlers(app: FastAPI) -> None:
    """Route every error through :func:`respond`: JSON under ``/api``, an error page elsewhere."""

    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        return respond(request, err.status_code, str(err.detail), headers=err.headers)

    async def invalid(request: Request, err: RequestValidationError) -> Response:
        details = _validation_details(err)
        message = "invalid request: " + "; ".join(f"{d['where']}: {d['problem']}" for d in details)
        return respond(request, 422, message, details)

    async def rejected(request: Request, err: SubmissionError) -> Response:
        return respond(request, err.status, err.reason)

    async def unexpected(request: Request, err: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return respond(request, 500, f"internal error ({type(err).__name__}); the server log has the details")

    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid)  # type: ignore[arg-type]
    app.add_exception_handler(SubmissionError, rejected)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected)


def respond(
    request: Request,
    status: int,
    message: str,
    details: Sequence[Mapping[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The error as JSON (API) or as the error page (pages)."""
    if wants_json(request.url.path):
        return error_response(status, message, details, headers)
    render = request.app.state.workbench.render
    return render(request, "error.html", {"status": status, "message": message}, status=status, headers=headers)
