"""What a watched URL holds: a feed (RSS, Atom or RDF, read by feedparser) or a single page.

feedparser is given the bytes the safe fetcher already read (wrapped in a
stream, so that it never opens a URL or a file itself) and the final URL as
the base for relative links. It parses leniently: a feed with a slip its
parser recovered from is read and the slip logged; a body it can make no feed
of is a :class:`MalformedFeed`, logged by URL and skipped by the monitor.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import io
import logging
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser

from counterclaim.ingest.fetch import FEED_TYPES, Fetched
from counterclaim.watch.dedup import canonical_url

log = logging.getLogger(__name__)

#: How a feed's first bytes look when a server labels it ``text/html`` or ``text/plain``.
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf ")
#: URLs longer than this are not kept (they key the monitor's tables; no article needs more).
MAX_URL_LENGTH = 2048


class MalformedFeed(Exception):
    """A body that should be a feed and is not one feedparser can read; the message says why in one line."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: its article's canonical URL and what the feed says of it.

    ``updated`` is the item's latest time stamp (updated, else published).
    ``fingerprint`` changes when the feed's title, summary or update time of
    the item changes: the sign that the article may have been revised.
    """

    url: str
    link: str
    guid: str | None
    title: str | None
    published: dt.date | None
    updated: dt.datetime | None
    fingerprint: str


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title, its entries, and how many items had no usable link."""

    title: str | None
    entries: list[FeedEntry]
    without_link: int = 0


def is_feed(page: Fetched) -> bool:
    """Whether a fetched body is a feed: by its media type, or (mislabelled as HTML or text) by its root element."""
    if page.media_type in FEED_TYPES:
        return True
    head = page.body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith(b"<!--") or head.startswith(b"<?"):
            head = head[head.find(b">") + 1 :].lstrip()
    return head.startswith(_FEED_ROOTS)


def parse_feed(page: Fetched) -> Feed:
    """The entries of a fetched feed, newest as the feed orders them; :class:`MalformedFeed` if none can be read."""
    headers = {"content-location": page.url, "content-type": page.media_type or "application/xml"}
    if page.charset:
        headers["content-type"] += f"; charset={page.charset}"
    parsed = feedparser.parse(io.BytesIO(page.body), response_headers=headers)
    entries, without_link = [], 0
    for item in parsed.entries:
        entry = _entry(item)
        if entry is None:
            without_link += 1
        else:
            entries.append(entry)
    problem = parsed.get("bozo_exception")
    if (problem and not entries) or (not parsed.get("version") and not parsed.entries):
        reason = _first_line(problem) if problem else "no RSS or Atom feed found"
        raise MalformedFeed(f"not a readable feed: {reason}")
    if problem:
        log.warning("%s: feed read despite an error: %s", page.url, _first_line(problem))
    return Feed(title=_text(parsed.feed.get("title")), entries=entries, without_link=without_link)


def read_feed_list(path: Path) -> list[str]:
    """The URLs a ``--feeds`` file lists: one per line (``#`` comments, blank lines skipped), or an OPML export.

    ``OSError`` and ``ValueError`` (an unreadable OPML file) carry a one-line reason.
    """
    text = path.read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("<"):
        try:
            root = ET.fromstring(text)
        except ET.ParseError as err:
            raise ValueError(f"{path}: not a readable OPML file ({err})") from err
        return [node.attrib["xmlUrl"] for node in root.iter("outline") if node.attrib.get("xmlUrl")]
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def _entry(item: Any) -> FeedEntry | None:
    link = _link(item)
    if link is None:
        return None
    title, summary = _text(item.get("title")), _text(item.get("summary"))
    # dict.get: feedparser's own get answers a missing updated_parsed with published_parsed (and a warning)
    published = _datetime(dict.get(item, "published_parsed"))
    updated = _datetime(dict.get(item, "updated_parsed")) or published
    published = published or updated
    said = "\x1f".join([title or "", summary or "", updated.isoformat() if updated else ""])
    return FeedEntry(
        url=canonical_url(link),
        link=link,
        guid=_text(item.get("id")),
        title=title,
        published=published.date() if published else None,
        updated=updated,
        fingerprint=hashlib.sha256(said.encode("utf-8")).hexdigest()[:32],
    )


def _link(item: Any) -> str | None:
    """The entry's article link: ``link``, else its first alternate link; http(s) only, of a sane length."""
    candidates = [item.get("link"), *(li.get("href") for li in item.get("links", []) if li.get("rel") == "alternate")]
    for link in candidates:
        if link and link.lower().startswith(("http://", "https://")) and len(link) <= MAX_URL_LENGTH:
            return str(link).strip()
    return None


def _datetime(parsed: time.struct_time | None) -> dt.datetime | None:
    """feedparser's UTC struct_time as an aware datetime."""
    if not parsed:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _first_line(err: BaseException | str) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
