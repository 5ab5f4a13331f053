"""The monitor's passes: poll each feed, fetch what is new, drop duplicates, analyse, store, group, alert.

A pass polls every watched feed or page (a conditional GET), records the
feeds' new and revised entries, then takes the pending entries one at a
time: fetch the article (safely, paced per host, retried with back-off),
skip it when its text is already stored or is a near duplicate of a stored
one (recorded as another source of that text), else analyse it with the same
pipeline and store calls as ``analyze`` (``Store.save_many`` then
``Store.update_events``) and send the alerts the article raises in its event.

Between items the monitor checks its stop event, which SIGINT and SIGTERM
set: the item in hand is finished, the rest stays ``pending`` for the next
run. A second signal aborts at once (what is stored stays whole: the store's
transactions and the entry states in ``watch/state.py`` see to that).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

from counterclaim.events.actors import ActorNames
from counterclaim.ingest.fetch import (
    ARTICLE_TYPES,
    FEED_TYPES,
    Fetched,
    FetchError,
    FetchPolicy,
    HostLimiter,
    Validators,
    document_from_page,
    fetch,
)
from counterclaim.records import ArticleRecord, Document
from counterclaim.runner import ProcessError
from counterclaim.store import Store
from counterclaim.watch.alerts import Alerts, event_alerts
from counterclaim.watch.backoff import Backoff, Stopped, retrying
from counterclaim.watch.dedup import NEAR_DUPLICATE, NearDuplicates, canonical_url, same_facts
from counterclaim.watch.feeds import MalformedFeed, is_feed, parse_feed
from counterclaim.watch.state import Entry, WatchedFeed, WatchState

log = logging.getLogger(__name__)

#: The pipeline as the CLI's ``analyze`` runs it: documents in, records (or per-document errors) out.
Analyse = Callable[[Iterable[Document]], Iterator[ArticleRecord | ProcessError]]


@dataclass(frozen=True)
class WatchOptions:
    """How the monitor fetches and when it gives up.

    ``host_interval``: seconds between two requests to one host.
    ``backoff``: tries per request within a pass after transient errors.
    ``max_attempts``: passes an article failing transiently is tried in before it is marked failed.
    ``dedup_days``: how far back stored texts are compared with new ones for near duplicates.
    """

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    host_interval: float = 1.0
    backoff: Backoff = field(default_factory=Backoff)
    max_attempts: int = 5
    near_duplicate: float = NEAR_DUPLICATE
    dedup_days: int = 30


@dataclass
class PassSummary:
    """What one pass (or a whole run) did; ``failures`` name each feed or article that failed, with the reason."""

    polled: int = 0
    unchanged: int = 0
    new: int = 0
    revised: int = 0
    stored: int = 0
    duplicates: int = 0
    retry_later: int = 0
    alerts: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: PassSummary) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def line(self) -> str:
        parts = [
            f"{self.polled} feeds polled ({self.unchanged} unchanged)",
            f"{self.new} new and {self.revised} revised entries",
            f"{self.stored} stored",
            f"{self.duplicates} duplicates",
            f"{len(self.failures)} failed",
            f"{self.alerts} alerts",
        ]
        if self.retry_later:
            parts.insert(-1, f"{self.retry_later} to try again")
        return ", ".join(parts)


class Watcher:
    """Watches feeds and pages into a store; one instance per run."""

    def __init__(
        self,
        store: Store,
        analyse: Analyse,
        alerts: Alerts,
        options: WatchOptions | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.store = store
        self.analyse = analyse
        self.alerts = alerts
        self.options = options or WatchOptions()
        self.stop = stop or threading.Event()
        self.state = WatchState(store.engine)
        self.limiter = HostLimiter(self.options.host_interval, sleep=self.stop.wait)
        self.names = ActorNames()
        self._near: NearDuplicates | None = None

    # -- running ------------------------------------------------------------------------------------------------------
    def run(self, urls: list[str], interval: float, once: bool = False) -> PassSummary:
        """Pass after pass, ``interval`` seconds apart, until stopped (after one pass with ``once``).

        ``urls`` are added to the watched feeds; none means every feed the store watches.
        """
        watched = self.add(urls) if urls else None
        total = PassSummary()
        with stop_on_signals(self.stop):
            while not self.stop.is_set():
                summary = self.run_pass(watched)
                total.add(summary)
                log.info("pass done: %s", summary.line())
                if once or self.stop.is_set():
                    break
                following = dt.datetime.now() + dt.timedelta(seconds=interval)
                log.info("next pass at %s", following.strftime("%H:%M:%S"))
                self.stop.wait(interval)
        if self.stop.is_set() and not once:
            log.info("stopped; pending entries are taken up by the next run")
        return total

    def add(self, urls: Iterable[str]) -> list[str]:
        """Watch ``urls`` (canonical form) from now on; returns them."""
        canonical = list(dict.fromkeys(canonical_url(u) for u in urls))
        self.state.add_feeds(canonical)
        return canonical

    def run_pass(self, urls: list[str] | None = None) -> PassSummary:
        """One pass over the feeds of ``urls`` (all watched feeds when None) and their pending entries."""
        summary = PassSummary()
        self._resume(summary)
        feeds = self.state.feeds(urls)
        for feed in feeds:
            if self.stop.is_set():
                return summary
            self._poll(feed, summary)
        sources = {f.url for f in feeds}
        for entry in self.state.entries("pending"):
            if self.stop.is_set():
                return summary
            if entry.feed_url in sources:
                self._take(entry, None, summary)
        return summary

    # -- feeds --------------------------------------------------------------------------------------------------------
    def _poll(self, feed: WatchedFeed, summary: PassSummary) -> None:
        summary.polled += 1
        try:
            page = self._fetch(feed.url, feed.validators, FEED_TYPES | ARTICLE_TYPES)
        except FetchError as err:
            self._feed_failed(feed.url, err.reason, summary)
            return
        except Stopped:
            return
        if page.not_modified:
            summary.unchanged += 1
            self.state.feed_unchanged(feed.url)
            return
        if not is_feed(page):
            entry = self.state.record_page(feed.url, page.validators)
            self._take(entry, page, summary)
            return
        try:
            parsed = parse_feed(page)
        except MalformedFeed as err:
            self._feed_failed(feed.url, str(err), summary)
            return
        new, revised = self.state.record_feed(feed.url, parsed.title, page.validators, parsed.entries)
        summary.new += new
        summary.revised += revised
        skipped = f", {parsed.without_link} without a link" if parsed.without_link else ""
        log.info("%s: %d entries, %d new, %d revised%s", feed.url, len(parsed.entries), new, revised, skipped)

    def _feed_failed(self, url: str, reason: str, summary: PassSummary) -> None:
        log.warning("%s: skipped: %s", url, reason)
        summary.failures.append(f"{url}: {reason}")
        self.state.feed_failed(url, reason)

    # -- entries ------------------------------------------------------------------------------------------------------
    def _take(self, entry: Entry, page: Fetched | None, summary: PassSummary) -> None:
        """Fetch (unless ``page`` is already in hand), deduplicate, analyse, store and alert one entry."""
        if page is None:
            # a revision of a text we hold is asked for conditionally: an unchanged page costs a 304
            validators = entry.validators if entry.document_id else None
            try:
                page = self._fetch(entry.url, validators, ARTICLE_TYPES)
            except FetchError as err:
                self._entry_failed(entry, err.reason, err.transient, summary)
                return
            except Stopped:
                return
            if page.not_modified:
                self._unchanged(entry)
                return
        try:
            document = document_from_page(page, entry.url)
        except FetchError as err:
            self._entry_failed(entry, err.reason, False, summary)
            return
        if document.published is None and entry.published is not None:
            document = document.model_copy(update={"published": entry.published})
        self._ingest(entry, document, page.validators, summary)

    def _ingest(self, entry: Entry, document: Document, validators: Validators, summary: PassSummary) -> None:
        url = entry.url
        if self.store.has_document(document.id):
            relation = self.state.relation(document.id, url)
            if relation is None:  # the same text from another URL
                self.state.add_source(document.id, url, "copy", **_described(document))
                log.info("%s: same text as stored document %s", url, document.id)
                summary.duplicates += 1
            status = "stored" if relation == "original" else "duplicate"
            self.state.mark(url, status, document_id=document.id, validators=validators)
            return
        result = next(iter(self.analyse([document])))
        if isinstance(result, ProcessError):
            self._entry_failed(entry, f"analysis failed: {result.reason}", False, summary)
            return
        original = self._near_duplicate_of(result, url)
        if original is not None:
            document_id, similarity = original
            self.state.add_source(
                document_id, url, "near-duplicate", similarity=round(similarity, 3), **_described(document)
            )
            self.state.mark(url, "duplicate", document_id=document_id, validators=validators)
            log.info("%s: near duplicate (%.2f) of stored document %s", url, similarity, document_id)
            summary.duplicates += 1
            return
        self.state.mark(url, "saving", document_id=document.id, validators=validators)
        self.store.save_many([result])
        self._finish(url, document, summary)

    def _finish(self, url: str, document: Document, summary: PassSummary) -> None:
        """After the document is stored: its event, its source, its alerts, then the entry is done."""
        index = self.store.update_events([document.id])
        self.state.add_source(document.id, url, "original", **_described(document))
        alerts = event_alerts(self.store, index, [document.id])
        self.alerts.emit(alerts)
        self.state.mark(url, "stored", document_id=document.id)
        self.near.add(document.id, document.text, {url})
        summary.stored += 1
        summary.alerts += len(alerts)
        said = f"{len(alerts)} alert{'' if len(alerts) == 1 else 's'}"
        log.info("%s: stored as %s (%s), %s", url, document.name, document.id, said)

    def _resume(self, summary: PassSummary) -> None:
        """Finish entries a previous run was storing when it was killed: from the store, without fetching."""
        for entry in self.state.entries("saving"):
            if entry.document_id and self.store.has_document(entry.document_id):
                self._finish(entry.url, self.store.load_record(entry.document_id).document, summary)
            else:
                self.state.mark(entry.url, "pending")

    def _near_duplicate_of(self, record: ArticleRecord, url: str) -> tuple[str, float] | None:
        """The stored text this one copies with small edits (same facts), and their similarity."""
        for document_id, similarity in self.near.candidates(record.document.text, url):
            if same_facts(record, self.store.load_record(document_id), self.names):
                return document_id, similarity
        return None

    @property
    def near(self) -> NearDuplicates:
        """The near-duplicate index, filled with the texts stored in the last ``dedup_days`` on first use."""
        if self._near is None:
            self._near = NearDuplicates(self.options.near_duplicate)
            since = dt.datetime.now(dt.UTC) - dt.timedelta(days=self.options.dedup_days)
            for document_id, text, urls in self.state.recent_texts(since):
                self._near.add(document_id, text, urls)
        return self._near

    def _unchanged(self, entry: Entry) -> None:
        """A revised entry whose page answered 304: what was concluded from it still holds."""
        relation = self.state.relation(entry.document_id or "", entry.url)
        self.state.mark(entry.url, "stored" if relation == "original" else "duplicate")

    def _entry_failed(self, entry: Entry, reason: str, transient: bool, summary: PassSummary) -> None:
        if transient and entry.attempts + 1 < self.options.max_attempts:
            log.warning("%s: %s (tried again next pass)", entry.url, reason)
            self.state.mark(entry.url, "pending", reason=reason, failed_attempt=True)
            summary.retry_later += 1
            return
        log.warning("%s: skipped: %s", entry.url, reason)
        self.state.mark(entry.url, "failed", reason=reason, failed_attempt=True)
        summary.failures.append(f"{entry.url}: {reason}")

    def _fetch(self, url: str, validators: Validators | None, accept: frozenset[str]) -> Fetched:
        options = self.options

        def once() -> Fetched:
            return fetch(url, options.policy, accept=accept, validators=validators, limiter=self.limiter)

        return retrying(once, options.backoff, self.stop, url)


def _described(document: Document) -> dict:
    return {"outlet": document.outlet, "title": document.title, "published": document.published}


_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd]?)")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in ``90``, ``30s``, ``10m``, ``1h``, ``1d`` or ``1h30m``; ValueError for anything else."""
    compact = re.sub(r"\s+", "", text.lower())
    if not re.fullmatch(r"(?:\d+(?:\.\d+)?[smhd]?)+", compact):
        raise ValueError(f"not a duration: {text!r} (examples: 90, 30s, 10m, 1h)")
    seconds = sum(float(number) * _UNITS[unit] for number, unit in _DURATION.findall(compact))
    if seconds <= 0:
        raise ValueError(f"not a positive duration: {text!r}")
    return seconds


@contextmanager
def log_to_stderr() -> Iterator[None]:
    """While the block runs, the monitor's progress goes to stderr as timestamped lines (alerts go to stdout)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    logger = logging.getLogger("counterclaim.watch")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """While the block runs, SIGINT and SIGTERM set ``stop`` (finish the item in hand, then stop); a second
    signal raises KeyboardInterrupt. Outside the main thread, signals are left alone."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handle(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        log.warning("%s: stopping after the item in hand (again to abort)", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
