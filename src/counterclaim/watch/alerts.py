"""Alerts: what a new article changed in its event, said on the terminal, in a JSONL log and to a webhook.

An event gains a **claim**, an **accusation**, a **confirmation** or a
**denial** when its narrative report (``report/narrative.py``, the report an
analyst reads) has, after the new article, a party line it did not have
before, or a speaker on a line who was not on it. A **casualty** figure
changes when the article reports a figure of a kind (killed, injured, ...)
that no earlier article of the event gave. "Before" is the same event without
the new article, so an article that merges two events, or joins one that was
re-clustered, is compared with exactly what the event held without it.
Statements several outlets report are merged first, so a reprint raises no alert.

The webhook is the operator's own endpoint (a chat relay, an incident system),
so it is not held to the fetcher's address policy; it gets one JSON POST per
alert, tried again with back-off on a timeout, a dropped connection, ``429`` or ``5xx``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, Protocol

import httpx
from pydantic import BaseModel, ConfigDict

from counterclaim.events import EventIndex
from counterclaim.events.merge_statements import EvidenceRef
from counterclaim.ingest.fetch import parse_retry_after
from counterclaim.records import ArticleRecord
from counterclaim.report.narrative import CasualtyLine, NarrativeReport, PartyLine, build_narrative
from counterclaim.store import Store
from counterclaim.watch.backoff import Backoff, Stopped, retrying

log = logging.getLogger(__name__)

AlertKind = Literal["claim", "accuse", "confirm", "deny", "casualties"]
#: Narrative sections whose new lines are alerts, and the alert kind each gives.
SECTIONS: tuple[tuple[str, AlertKind], ...] = (
    ("claimed_by", "claim"),
    ("accused", "accuse"),
    ("confirmed", "confirm"),
    ("denied", "deny"),
)


class AlertDocument(BaseModel):
    """The article that brought the change: what a reader of the alert needs to open it, not its text."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


class Alert(BaseModel):
    """One change to an event, with the evidence it rests on (what the JSONL log and the webhook receive)."""

    model_config = ConfigDict(extra="forbid")

    time: dt.datetime
    kind: AlertKind
    event_id: str
    event: str
    message: str
    party: str | None = None
    speakers: list[str] = []
    casualty_kind: str | None = None
    number: int | None = None
    qualifier: str | None = None
    previous: int | None = None
    source: str | None = None
    documents: list[AlertDocument]
    evidence: list[EvidenceRef]

    def line(self) -> str:
        """The terminal line: event, change, and the article it came from."""
        names = ", ".join(d.name for d in self.documents)
        return f"ALERT {self.event_id} {self.event}: {self.message} [{names}]"


def event_alerts(store: Store, index: EventIndex, new_ids: Iterable[str]) -> list[Alert]:
    """The alerts the documents ``new_ids`` raise in the events ``index`` (from ``update_events``) put them in."""
    new = set(new_ids)
    summaries = {s.id: s for s in index.summaries()}
    alerts: list[Alert] = []
    for event_id in dict.fromkeys(index.event_of(d) for d in new):
        summary = summaries.get(event_id or "")
        if summary is None:
            continue
        records = list(store.iter_records(summary.document_ids))
        before = build_narrative([r for r in records if r.document.id not in new], summary, index.names)
        after = build_narrative(records, summary, index.names)
        documents = {r.document.id: _document(r) for r in records if r.document.id in new}
        alerts.extend(_changes(before, after, documents))
    return alerts


def _changes(before: NarrativeReport, after: NarrativeReport, documents: dict[str, AlertDocument]) -> list[Alert]:
    now = dt.datetime.now(dt.UTC)
    event = {"time": now, "event_id": after.event_id or "", "event": after.label}
    alerts = []
    for section, kind in SECTIONS:
        earlier = {_key(line): line for line in getattr(before, section)}
        for line in getattr(after, section):
            old = earlier.get(_key(line))
            known = {s.name for s in old.speakers} if old else set()
            speakers = [s.name for s in line.speakers if s.name not in known]
            if old is not None and not speakers:
                continue
            evidence = [e for e in line.evidence if e.document_id in documents]
            alerts.append(
                Alert(
                    **event,
                    kind=kind,
                    message=_message(kind, line.party, speakers),
                    party=line.party,
                    speakers=speakers,
                    documents=_documents(evidence, documents),
                    evidence=evidence,
                )
            )
    alerts.extend(_casualty_changes(before.casualties, after.casualties, documents, event))
    return alerts


def _casualty_changes(
    before: list[CasualtyLine], after: list[CasualtyLine], documents: dict[str, AlertDocument], event: dict
) -> list[Alert]:
    """A figure of a kind no earlier article gave; ``previous`` is the latest earlier figure of that kind.

    Of the new lines giving one figure, one that names its source is preferred.
    """
    alerts, known = [], list(before)
    for line in sorted(after, key=lambda c: c.source is None):
        if line.evidence is None or line.evidence.document_id not in documents:
            continue
        earlier = [c for c in known if c.kind == line.kind]
        if any(c.number == line.number for c in earlier):
            continue
        known.append(line)  # the same new figure twice in one article is one alert
        previous = earlier[-1].number if earlier else None
        figure = " ".join(str(p) for p in (line.qualifier, line.number) if p)
        said = f"{line.kind}: {figure}" + (f" (was {previous})" if previous is not None else " (first figure)")
        alerts.append(
            Alert(
                **event,
                kind="casualties",
                message=said + (f", per {line.source}" if line.source else ""),
                casualty_kind=line.kind,
                number=line.number,
                qualifier=line.qualifier,
                previous=previous,
                source=line.source,
                documents=_documents([line.evidence], documents),
                evidence=[line.evidence],
            )
        )
    return alerts


def _key(line: PartyLine) -> str:
    return line.party.casefold()


def _message(kind: AlertKind, party: str, speakers: list[str]) -> str:
    by = ", ".join(speakers)
    if kind == "claim":
        return f"{party} claimed responsibility" + (f" (reported by {by})" if by and speakers != [party] else "")
    if kind == "accuse":
        return f"{by} accused {party}" if by else f"{party} accused"
    if kind == "confirm":
        return f"{by} confirmed {party} as responsible" if by else f"{party} confirmed as responsible"
    others = [s for s in speakers if s != party]
    if party in speakers or not by:
        return f"{party} denied involvement" + (f", said {', '.join(others)}" if others else "")
    return f"{by} denied that {party} was involved"


def _document(record: ArticleRecord) -> AlertDocument:
    doc = record.document
    return AlertDocument(
        id=doc.id, name=doc.name, url=doc.url, title=doc.title, outlet=doc.outlet, published=doc.published
    )


def _documents(evidence: list[EvidenceRef], documents: dict[str, AlertDocument]) -> list[AlertDocument]:
    ids = dict.fromkeys(e.document_id for e in evidence) or dict.fromkeys(documents)
    return [documents[d] for d in ids if d in documents]


# -- where alerts go --------------------------------------------------------------------------------------------------
class AlertSink(Protocol):
    def emit(self, alert: Alert) -> None: ...


class TerminalSink:
    """One line per alert on standard output (the command's output; progress and problems go to stderr)."""

    def emit(self, alert: Alert) -> None:
        sys.stdout.write(alert.line() + "\n")  # looked up per alert: the stream may be replaced (tests, pipes)
        sys.stdout.flush()


class JsonlSink:
    """Appends each alert as one JSON line to a file (opened per alert, so the log can be rotated)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def emit(self, alert: Alert) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(alert.model_dump_json() + "\n")


class WebhookError(Exception):
    """A webhook POST that failed; ``transient`` ones are tried again."""

    def __init__(self, reason: str, *, transient: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after


class WebhookSink:
    """POSTs each alert as JSON to ``url``; a delivery that still fails after the back-off is logged, not fatal."""

    def __init__(self, url: str, backoff: Backoff, stop: threading.Event, timeout: float = 10.0) -> None:
        self.url = url
        self.backoff = backoff
        self.stop = stop
        self.client = httpx.Client(trust_env=False, timeout=timeout, follow_redirects=False)

    def emit(self, alert: Alert) -> None:
        body = json.loads(alert.model_dump_json())
        try:
            retrying(lambda: self._post(body), self.backoff, self.stop, f"webhook {self.url}")
        except (WebhookError, Stopped) as err:
            log.warning("webhook %s: alert not delivered: %s", self.url, err)

    def _post(self, body: dict) -> None:
        try:
            response = self.client.post(self.url, json=body)
        except httpx.TimeoutException as err:
            raise WebhookError(f"timed out ({type(err).__name__})", transient=True) from None
        except httpx.TransportError as err:
            raise WebhookError(f"cannot connect: {err}", transient=True) from None
        if response.status_code >= 400:
            transient = response.status_code == 429 or response.status_code >= 500
            raise WebhookError(
                f"the server answered {response.status_code} {response.reason_phrase}",
                transient=transient,
                retry_after=parse_retry_after(response.headers.get("retry-after")),
            )

    def close(self) -> None:
        self.client.close()


class Alerts:
    """Every sink an alert goes to; a sink that fails is logged and the others still get the alert."""

    def __init__(self, sinks: list[AlertSink]) -> None:
        self.sinks = sinks

    def emit(self, alerts: Iterable[Alert]) -> None:
        for alert in alerts:
            for sink in self.sinks:
                try:
                    sink.emit(alert)
                except OSError as err:
                    log.warning("alert not written by %s: %s", type(sink).__name__, err)

    def close(self) -> None:
        for sink in self.sinks:
            if isinstance(sink, WebhookSink):
                sink.close()
