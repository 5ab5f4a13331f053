"""The analyse page: paste an article (text or HTML) or give a URL, and see what counterclaim reads in it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from counterclaim.web.analysis import Submission, SubmissionError
from counterclaim.web.api.ingest import analyse as analyse_submission
from counterclaim.web.links import document_url
from counterclaim.web.pages.forms import blank
from counterclaim.web.security import check_token
from counterclaim.web.workbench import Bench

router = APIRouter()
Field = Annotated[str, Form()]


@router.get("/analyse", response_class=HTMLResponse)
def form(request: Request, bench: Bench) -> HTMLResponse:
    return bench.render(request, "analyse.html", {"form": {}, "error": None})


@router.post("/analyse", response_class=HTMLResponse)
async def submit(
    request: Request,
    bench: Bench,
    article: Field = "",
    url: Field = "",
    name: Field = "",
    title: Field = "",
    outlet: Field = "",
    published: Field = "",
    token: Field = "",
) -> Response:
    """Analyse the submission and open its document page; a problem re-shows the form with the reason."""
    check_token(request, blank(token))
    entered = {"article": article, "url": url, "name": name, "title": title, "outlet": outlet, "published": published}
    try:
        day = dt.date.fromisoformat(published.strip()) if published.strip() else None
    except ValueError:
        return _again(request, bench, entered, f"publication date: not a date (YYYY-MM-DD): {published!r}", 422)
    submission = Submission(
        text=blank(article),
        url=blank(url),
        name=blank(name),
        title=blank(title),
        outlet=blank(outlet),
        published=day,
    )
    try:
        outcome = await run_in_threadpool(analyse_submission, bench, submission)
    except SubmissionError as err:
        return _again(request, bench, entered, err.reason, err.status)
    return RedirectResponse(f"{document_url(outcome.document_id)}?analysed=1", status_code=303)


def _again(request: Request, bench: Bench, entered: dict[str, str], error: str, status: int) -> Response:
    return bench.render(request, "analyse.html", {"form": entered, "error": error}, status=status)
