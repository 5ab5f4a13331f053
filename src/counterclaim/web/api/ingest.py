"""``POST /api/ingest``: analyse an article (text, HTML or a URL) into the store, as ``counterclaim analyze`` does."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response
from starlette.concurrency import run_in_threadpool

from counterclaim.web import links
from counterclaim.web.analysis import Outcome, Submission, submitted_document
from counterclaim.web.api.models import IngestIn, IngestOut
from counterclaim.web.security import require_token
from counterclaim.web.workbench import Bench, Workbench

router = APIRouter(tags=["ingest"])


@router.post(
    "/ingest",
    response_model=IngestOut,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={200: {"description": "already stored (same text)", "model": IngestOut}},
)
async def ingest(body: IngestIn, bench: Bench, response: Response) -> dict:
    """Analyse one article and store its records; it joins an event or opens one.

    Give exactly one of ``text``, ``html`` or ``url``. A URL is fetched with
    the server's policy (public addresses only unless started with
    ``--allow-private``; 5 MB, 5 redirects, HTML or plain text). The same text
    posted twice is stored once (200 the second time).
    """
    outcome = await run_in_threadpool(analyse, bench, Submission(**body.model_dump()))
    if not outcome.stored:
        response.status_code = 200
    return outcome_body(outcome)


def analyse(bench: Workbench, submission: Submission) -> Outcome:
    """Fetch or read the submission, then analyse it (in a worker thread: both block)."""
    document = submitted_document(submission, bench.settings.fetch_policy)
    return bench.analyser.analyse(bench.store, document, bench.writes)


def outcome_body(outcome: Outcome) -> dict:
    return {
        **outcome.__dict__,
        "document_page": links.document_url(outcome.document_id),
        "event_page": links.event_url(outcome.event_id) if outcome.event_id else None,
    }
