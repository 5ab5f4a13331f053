"""The monitor's memory, kept in the store so that a restarted ``watch`` goes on where it stopped.

Three tables (``store/schema.py``, migration ``0004``):

- ``watch_feeds``: each feed or page watched, what it turned out to be, and the
  validators (``ETag``, ``Last-Modified``) of its last answer, sent back on
  the next poll so an unchanged feed costs a ``304``;
- ``watch_entries``: each article URL (canonical) a feed listed and what
  became of it. ``pending`` is still to fetch (new, revised, or a transient
  failure to try again next pass); ``saving`` means its document is being
  stored and its alerts sent; ``stored``, ``duplicate`` and ``failed`` are
  done. An entry is fetched again only when its feed says it changed;
- ``document_sources``: every URL a stored text was read from, with how
  (``original``, an exact ``copy``, a ``near-duplicate``).

Crash safety: entries are recorded as ``pending`` in the same transaction
that saves their feed's new validators, so a feed's items are never lost to
a ``304``. The document id is written (``saving``) before the document is
stored and the entry is marked ``stored`` only after its alerts went out: a
restart finishes a ``saving`` entry from the store (no refetch, no second
copy) and sends its alerts again if they may not have gone out (at least once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from counterclaim.ingest.fetch import Validators
from counterclaim.store import schema
from counterclaim.watch.feeds import FeedEntry

Status = Literal["pending", "saving", "stored", "duplicate", "failed"]
Relation = Literal["original", "copy", "near-duplicate"]
Kind = Literal["feed", "page"]
#: Entries that are done; a feed's sign of a revision sends them back to ``pending``.
DONE: tuple[Status, ...] = ("stored", "duplicate", "failed")

feeds_t, entries_t, sources_t = schema.watch_feeds, schema.watch_entries, schema.document_sources


@dataclass(frozen=True)
class WatchedFeed:
    """A feed or page being watched, as stored."""

    url: str
    kind: Kind | None
    title: str | None
    validators: Validators
    failures: int
    last_error: str | None


@dataclass(frozen=True)
class Entry:
    """An article URL a feed listed (or a watched page), as stored."""

    url: str
    feed_url: str
    title: str | None
    published: dt.date | None
    status: Status
    attempts: int
    reason: str | None
    document_id: str | None
    validators: Validators


class WatchState:
    """Reads and writes the monitor's tables on the store's engine (SQLite or PostgreSQL alike)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- feeds --------------------------------------------------------------------------------------------------------
    def add_feeds(self, urls: Iterable[str]) -> None:
        """Start watching ``urls`` (those already watched keep their state)."""
        wanted = list(dict.fromkeys(urls))
        with self.engine.begin() as conn:
            known = set(conn.execute(select(feeds_t.c.url).where(feeds_t.c.url.in_(wanted))).scalars())
            now = _now()
            fresh = [{"url": url, "added_at": now, "failures": 0} for url in wanted if url not in known]
            if fresh:
                conn.execute(insert(feeds_t), fresh)

    def feeds(self, urls: Iterable[str] | None = None) -> list[WatchedFeed]:
        """The watched feeds (those of ``urls``, in that order; else all, oldest first)."""
        query = select(feeds_t).order_by(feeds_t.c.added_at, feeds_t.c.url)
        wanted = list(urls) if urls is not None else None
        if wanted is not None:
            query = query.where(feeds_t.c.url.in_(wanted))
        with self.engine.connect() as conn:
            found = {row.url: _feed(row._mapping) for row in conn.execute(query)}
        return [found[u] for u in wanted if u in found] if wanted is not None else list(found.values())

    def feed_failed(self, url: str, reason: str) -> None:
        """A poll that failed (after its retries): counted, and the reason kept for the status listing."""
        with self.engine.begin() as conn:
            values = {"polled_at": _now(), "failures": feeds_t.c.failures + 1, "last_error": reason}
            conn.execute(update(feeds_t).where(feeds_t.c.url == url).values(values))

    def feed_unchanged(self, url: str) -> None:
        """A poll answered ``304``: the feed is reachable again (its failures are cleared for the status listing)
        and nothing it lists changed, so no entry is touched."""
        self._feed_polled(url, {})

    def record_feed(
        self, url: str, title: str | None, validators: Validators, entries: list[FeedEntry]
    ) -> tuple[int, int]:
        """A feed's answer: new entries become ``pending``, entries it says were revised go back to ``pending``,
        and its validators are saved, all in one transaction. Returns (new, revised)."""
        new = revised = 0
        with self.engine.begin() as conn:
            urls = [e.url for e in entries]
            known = {row.url: row for row in conn.execute(select(entries_t).where(entries_t.c.url.in_(urls)))}
            now = _now()
            for entry in dict((e.url, e) for e in entries).values():
                stored = known.get(entry.url)
                if stored is None:
                    conn.execute(insert(entries_t).values(**_entry_values(entry), **_fresh(url, now)))
                    new += 1
                elif stored.status in DONE and _revised(stored, entry, url):
                    values = {**_entry_values(entry), "status": "pending", "attempts": 0, "reason": None}
                    conn.execute(update(entries_t).where(entries_t.c.url == entry.url).values(values))
                    revised += 1
            self._feed_polled(url, _validator_values(validators, kind="feed", title=title), conn, changed=True)
        return new, revised

    def record_page(self, url: str, validators: Validators) -> Entry:
        """A watched page's answer changed: its entry (itself, created on first sight) is ``pending``."""
        with self.engine.begin() as conn:
            now = _now()
            found = conn.execute(select(entries_t.c.url).where(entries_t.c.url == url)).first()
            if found is None:
                conn.execute(insert(entries_t).values(url=url, **_fresh(url, now)))
            else:
                reset = {"status": "pending", "attempts": 0, "reason": None}
                conn.execute(update(entries_t).where(entries_t.c.url == url).values(reset))
            self._feed_polled(url, _validator_values(validators, kind="page"), conn, changed=True)
        entry = self.entry(url)
        assert entry is not None
        return entry

    def _feed_polled(self, url: str, values: dict[str, Any], conn: Any = None, changed: bool = False) -> None:
        now = _now()
        values = {**values, "polled_at": now, "failures": 0, "last_error": None}
        if changed:
            values["changed_at"] = now
        statement = update(feeds_t).where(feeds_t.c.url == url).values(values)
        if conn is not None:
            conn.execute(statement)
            return
        with self.engine.begin() as own:
            own.execute(statement)

    # -- entries ------------------------------------------------------------------------------------------------------
    def entry(self, url: str) -> Entry | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(entries_t).where(entries_t.c.url == url)).first()
        return _entry(row._mapping) if row else None

    def entries(self, status: Status) -> list[Entry]:
        """Entries in ``status``, in the order they were first seen (then by publication time: oldest news first)."""
        query = (
            select(entries_t)
            .where(entries_t.c.status == status)
            .order_by(entries_t.c.first_seen_at, entries_t.c.published, entries_t.c.updated, entries_t.c.url)
        )
        with self.engine.connect() as conn:
            return [_entry(row._mapping) for row in conn.execute(query)]

    def mark(
        self,
        url: str,
        status: Status,
        *,
        document_id: str | None = None,
        reason: str | None = None,
        validators: Validators | None = None,
        failed_attempt: bool = False,
    ) -> None:
        """Record what became of an entry (its document, why it failed, its page's validators)."""
        values: dict[str, Any] = {"status": status, "reason": reason}
        if document_id is not None:
            values["document_id"] = document_id
        if validators is not None:
            values.update(_validator_values(validators), fetched_at=_now())
        if failed_attempt:
            values["attempts"] = entries_t.c.attempts + 1
        with self.engine.begin() as conn:
            conn.execute(update(entries_t).where(entries_t.c.url == url).values(values))

    # -- sources ------------------------------------------------------------------------------------------------------
    def add_source(
        self,
        document_id: str,
        url: str,
        relation: Relation,
        *,
        similarity: float | None = None,
        outlet: str | None = None,
        title: str | None = None,
        published: dt.date | None = None,
    ) -> None:
        """Record that ``url`` gave the text of ``document_id`` (once per pair)."""
        values = {
            "document_id": document_id,
            "url": url,
            "relation": relation,
            "similarity": similarity,
            "outlet": outlet,
            "title": title,
            "published": published,
            "seen_at": _now(),
        }
        if self.relation(document_id, url) is not None:
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(sources_t).values(values))
        except IntegrityError:
            if self.relation(document_id, url) is None:
                raise

    def relation(self, document_id: str, url: str) -> Relation | None:
        """How ``url`` gave ``document_id``'s text, or None if it did not."""
        query = select(sources_t.c.relation).where(sources_t.c.document_id == document_id, sources_t.c.url == url)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one_or_none()

    def recent_texts(self, since: dt.datetime) -> Iterator[tuple[str, str, set[str]]]:
        """(id, text, URLs it was read from) of each document stored since ``since``: what new texts are
        compared with for near duplicates."""
        docs = schema.documents
        query = select(docs.c.id, docs.c.text, docs.c.url).where(docs.c.ingested_at >= since)
        with self.engine.connect() as conn:
            found = {row.id: (row.text, {row.url} if row.url else set()) for row in conn.execute(query)}
            sources = select(sources_t.c.document_id, sources_t.c.url).where(sources_t.c.document_id.in_(list(found)))
            for document_id, url in conn.execute(sources) if found else []:
                found[document_id][1].add(url)
        for document_id, (text, urls) in found.items():
            yield document_id, text, urls


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """An aware UTC datetime (SQLite gives back naive ones)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _revised(stored: Any, entry: FeedEntry, feed_url: str) -> bool:
    """Whether a feed says a done entry changed: a later update time, or (in the feed that listed it first) a
    new title or summary. Another feed's wording of the same link is no sign."""
    before = _utc(stored.updated)
    if entry.updated is not None and before is not None and entry.updated > before:
        return True
    return stored.feed_url == feed_url and stored.fingerprint != entry.fingerprint


def _entry_values(entry: FeedEntry) -> dict[str, Any]:
    return {
        "url": entry.url,
        "guid": entry.guid,
        "title": entry.title,
        "published": entry.published,
        "updated": entry.updated,
        "fingerprint": entry.fingerprint,
    }


def _fresh(feed_url: str, now: dt.datetime) -> dict[str, Any]:
    return {"feed_url": feed_url, "status": "pending", "attempts": 0, "first_seen_at": now}


def _validator_values(validators: Validators, **more: Any) -> dict[str, Any]:
    return {"etag": validators.etag, "last_modified": validators.last_modified, **more}


def _feed(row: Any) -> WatchedFeed:
    return WatchedFeed(
        url=row["url"],
        kind=row["kind"],
        title=row["title"],
        validators=Validators(row["etag"], row["last_modified"]),
        failures=row["failures"],
        last_error=row["last_error"],
    )


def _entry(row: Any) -> Entry:
    return Entry(
        url=row["url"],
        feed_url=row["feed_url"],
        title=row["title"],
        published=row["published"],
        status=row["status"],
        attempts=row["attempts"],
        reason=row["reason"],
        document_id=row["document_id"],
        validators=Validators(row["etag"], row["last_modified"]),
    )
