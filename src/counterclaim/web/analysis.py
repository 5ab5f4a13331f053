"""Articles posted to the workbench (pasted text or HTML, or a URL) analysed into the store as ``analyze`` does.

The spaCy pipeline is built on the first submission, not at start-up, so a
server that only browses stays small and starts at once. One analysis runs
at a time (the pipeline is not shared between threads) and it holds the
workbench's write lock from the parse to the event assignment, so a
concurrent merge or split never sees half of it.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from spacy.language import Language

from counterclaim.ingest import MAX_BYTES
from counterclaim.ingest.errors import InputRejected
from counterclaim.ingest.fetch import FetchError, FetchPolicy, fetch_document
from counterclaim.ingest.reader import build_document, looks_like_html, slug
from counterclaim.parallel import PipelineSpec
from counterclaim.records import Document
from counterclaim.runner import ProcessError, analyse_batch
from counterclaim.store import Store


class SubmissionError(ValueError):
    """A submission that cannot be analysed; ``status`` is the HTTP status that says why."""

    def __init__(self, reason: str, status: int = 422) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Submission:
    """What a user posts: exactly one of text, HTML or URL, and optional metadata."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    name: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of a submission: its document, whether it was new, its event and how many statements."""

    document_id: str
    name: str
    stored: bool
    event_id: str | None
    statements: int


def submitted_document(submission: Submission, policy: FetchPolicy) -> Document:
    """The Document a submission stands for: a fetched page, or the pasted text or HTML read like a file."""
    given = [v for v in (submission.text, submission.html, submission.url) if v and v.strip()]
    if len(given) != 1:
        raise SubmissionError("give exactly one of text, html or url")
    if submission.url:
        try:
            return fetch_document(submission.url.strip(), policy, name=submission.name or None)
        except FetchError as err:
            raise SubmissionError(f"cannot analyse {submission.url.strip()}: {err.reason}") from err
    body = submission.text or submission.html or ""
    raw = body.encode("utf-8")
    if len(raw) > MAX_BYTES:
        raise SubmissionError(f"article too large ({len(raw)} bytes; the limit is {MAX_BYTES})", status=413)
    html = submission.html is not None or looks_like_html(raw)
    metadata = {"title": submission.title, "outlet": submission.outlet, "published": submission.published}
    try:
        document = build_document(body, raw, name="pasted", source_path=None, html=html, metadata=metadata)
    except InputRejected as err:
        raise SubmissionError(err.reason) from err
    name = submission.name or slug(document.title or document.text.strip().split("\n", 1)[0], 60) or "pasted"
    return document.model_copy(update={"name": name})


class Analyser:
    """Builds the pipeline once, on first use, and analyses one submitted document at a time."""

    def __init__(self, spec: PipelineSpec | None = None) -> None:
        self.spec = spec or PipelineSpec()
        self._nlp: Language | None = None

    def pipeline(self) -> Language:
        if self._nlp is None:
            self._nlp = self.spec.build()
        return self._nlp

    def analyse(self, store: Store, document: Document, writes: threading.Lock) -> Outcome:
        """Analyse and store ``document`` (unless already stored), then place it in an event."""
        with writes:
            stored = False
            if not store.has_document(document.id):
                result = analyse_batch([document], self.pipeline())[0]
                if isinstance(result, ProcessError):
                    raise SubmissionError(f"analysis failed: {result.reason}", status=500)
                stored = store.save_many([result])[0]
            index = store.update_events([document.id])
        record = store.load_record(document.id)
        return Outcome(document.id, record.document.name, stored, index.event_of(document.id), len(record.statements))
