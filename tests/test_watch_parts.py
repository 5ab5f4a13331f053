"""The feed monitor's parts: feeds, canonical URLs, near duplicates, back-off, durations, and its state tables."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from counterclaim.events.similarity import TfidfSimilarity
from counterclaim.ingest.fetch import Fetched, FetchError, Validators
from counterclaim.store import Store
from counterclaim.watch.backoff import Backoff, Stopped, retrying
from counterclaim.watch.dedup import canonical_url, is_tracking
from counterclaim.watch.feeds import MalformedFeed, is_feed, parse_feed, read_feed_list
from counterclaim.watch.loop import parse_duration
from counterclaim.watch.state import WatchState

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Frontier Daily: World</title><link>https://frontier.example/</link>
<description>World news</description>
<item><title>Bomb kills 12 at bus terminal</title>
<link>https://frontier.example/news/blast.html?utm_source=rss&amp;utm_medium=feed</link>
<guid>frontier-1</guid><pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate>
<description>Police say the device was set off by remote control.</description></item>
<item><title>An item without a link</title><description>Nothing to fetch.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- a partner feed -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Partner wire</title><id>urn:partner</id>
<updated>2025-03-11T09:00:00Z</updated>
<entry><title>Separatists claim blast</title><link href="/courier/claim.html"/><id>urn:partner:1</id>
<updated>2025-03-11T09:00:00Z</updated><summary>A group says it planted the bomb.</summary></entry>
</feed>"""


def fetched(body: bytes, media_type: str = "application/rss+xml", url: str = "https://feeds.example/f") -> Fetched:
    return Fetched(url=url, media_type=media_type, charset=None, body=body)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://News.Example:443/a/b.html?utm_source=rss&id=7&fbclid=x#top", "https://news.example/a/b.html?id=7"),
        ("http://news.example:80", "http://news.example/"),
        ("http://news.example:8080/x?b=2&a=1&gclid=z&UTM_Campaign=q", "http://news.example:8080/x?a=1&b=2"),
        ("https://news.example/x?mc_cid=1&_hsenc=2&ref_src=tw&page=2", "https://news.example/x?page=2"),
    ],
)
def test_canonical_urls_drop_what_only_tracks_the_reader(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_tracking_parameters_come_from_the_data_file() -> None:
    assert is_tracking("utm_content") and is_tracking("FBCLID") and not is_tracking("id")


def test_rss_entries_carry_canonical_links_dates_and_a_fingerprint() -> None:
    feed = parse_feed(fetched(RSS))
    assert feed.title == "Frontier Daily: World" and feed.without_link == 1
    (entry,) = feed.entries
    assert entry.url == "https://frontier.example/news/blast.html"
    assert entry.guid and entry.guid.endswith("frontier-1") and entry.published == dt.date(2025, 3, 10)
    changed = parse_feed(fetched(RSS.replace(b"remote control", b"a timer")))
    assert changed.entries[0].fingerprint != entry.fingerprint


def test_atom_links_are_resolved_against_the_feed_url() -> None:
    (entry,) = parse_feed(fetched(ATOM, "application/atom+xml")).entries
    assert entry.url == "https://feeds.example/courier/claim.html"
    assert entry.updated == dt.datetime(2025, 3, 11, 9, tzinfo=dt.UTC)


def test_feeds_are_recognised_by_type_or_by_their_root_element() -> None:
    assert is_feed(fetched(ATOM, "text/html"))
    assert is_feed(fetched(RSS, "text/plain"))
    assert not is_feed(fetched(b"<!doctype html><html><body><p>An article</p></body></html>", "text/html"))


@pytest.mark.parametrize(
    "body", [b"<rss version='2.0'><channel><item><title>cut off", b"this is not a feed at all", b'{"items": 3']
)
def test_a_body_that_is_no_feed_is_malformed(body: bytes) -> None:
    with pytest.raises(MalformedFeed, match="not a readable feed"):
        parse_feed(fetched(body))


def test_feed_lists_are_lines_or_opml(tmp_path: Path) -> None:
    lines = tmp_path / "feeds.txt"
    lines.write_text("# world\nhttps://a.example/rss.xml\n\nhttps://b.example/atom.xml  # partner\n", encoding="utf-8")
    assert read_feed_list(lines) == ["https://a.example/rss.xml", "https://b.example/atom.xml"]
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline type="rss" text="A" xmlUrl="https://a.example/rss.xml"/></outline></body></opml>',
        encoding="utf-8",
    )
    assert read_feed_list(opml) == ["https://a.example/rss.xml"]
    opml.write_text("<opml><body>", encoding="utf-8")
    with pytest.raises(ValueError, match="not a readable OPML file"):
        read_feed_list(opml)


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("30s", 30), ("10m", 600), ("1h30m", 5400), ("1d", 86400)])
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "10x", "0", "-5m"])
def test_bad_durations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_backoff_doubles_honours_retry_after_and_gives_up() -> None:
    backoff = Backoff(attempts=3, base=0.01, cap=0.05)
    assert [backoff.delay(n) for n in (1, 2, 3, 4)] == [0.01, 0.02, 0.04, 0.05]
    assert backoff.delay(1, retry_after=0.03) == 0.03
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise FetchError("https://x.example/", "timed out", transient=True)
        return "ok"

    assert retrying(flaky, backoff, threading.Event(), "x") == "ok" and len(calls) == 3
    calls.clear()
    with pytest.raises(FetchError):
        retrying(flaky, Backoff(attempts=2, base=0.01), threading.Event(), "x")
    assert len(calls) == 2

    def refused() -> str:
        calls.append(1)
        raise FetchError("https://x.example/", "not found")

    calls.clear()
    with pytest.raises(FetchError):
        retrying(refused, backoff, threading.Event(), "x")
    assert len(calls) == 1
    stopped = threading.Event()
    stopped.set()
    with pytest.raises(Stopped):
        retrying(flaky, Backoff(attempts=5, base=10.0), stopped, "x")


WIRE = (
    "A car bomb killed 19 people at the central bus terminal of a provincial capital on Monday. A separatist "
    "group claimed responsibility for the blast on Tuesday in a message to journalists. The interior minister "
    "accused a neighbouring country of sponsoring the attack, a charge its government has rejected before. "
    "Security forces sealed off the terminal and searched nearby streets for suspects."
)


def test_wire_copy_with_small_edits_is_near_and_another_report_is_not() -> None:
    """The similarity the near-duplicate threshold (0.8) stands on, for texts of article length."""
    index = TfidfSimilarity()
    index.add("wire", WIRE)
    index.add(
        "other",
        "Mourners buried the victims of Monday's bombing as shops stayed shut in protest. Relatives said "
        "the authorities had ignored warnings about the terminal. The minister promised compensation.",
    )
    edited = WIRE.replace("searched nearby streets for suspects.", "searched nearby streets.") + " (Edited by R.)"
    retold = (
        "Nineteen people died when a car bomb went off at a bus terminal on Monday, and on Tuesday a separatist "
        "group said it was behind it. The interior minister blamed a neighbouring country, which denied it."
    )
    assert index.similarities(edited, ["wire"])["wire"] >= 0.8
    assert index.similarities(retold, ["wire"])["wire"] < 0.8


def test_state_records_feeds_entries_revisions_and_sources(tmp_db: str) -> None:
    store = Store(tmp_db)
    try:
        state = WatchState(store.engine)
        feed_url = "https://feeds.example/f"
        state.add_feeds([feed_url, feed_url])
        state.add_feeds([feed_url])
        assert [f.url for f in state.feeds()] == [feed_url]
        page = fetched(RSS, url=feed_url)
        entries = parse_feed(page).entries
        assert state.record_feed(feed_url, "Frontier", Validators('"e1"', None), entries) == (1, 0)
        assert state.record_feed(feed_url, "Frontier", Validators('"e1"', None), entries) == (0, 0)
        (feed,) = state.feeds([feed_url])
        assert feed.kind == "feed" and feed.validators.etag == '"e1"' and feed.title == "Frontier"
        (entry,) = state.entries("pending")
        state.mark(entry.url, "failed", reason="too large", failed_attempt=True)
        assert [e.url for e in state.entries("failed")] == [entry.url] and state.entries("pending") == []
        revised = parse_feed(fetched(RSS.replace(b"remote control", b"a timer"), url=feed_url)).entries
        assert state.record_feed(feed_url, "Frontier", Validators('"e2"', None), revised) == (0, 1)
        again = state.entry(entry.url)
        assert again is not None and again.status == "pending" and again.attempts == 0
        state.feed_failed(feed_url, "timed out")
        assert state.feeds()[0].failures == 1 and state.feeds()[0].last_error == "timed out"
        state.feed_unchanged(feed_url)
        assert state.feeds()[0].failures == 0
    finally:
        store.close()
