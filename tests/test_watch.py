"""``counterclaim watch`` end to end: real feeds and pages on loopback HTTP servers, the real pipeline, a real store.

The story the servers tell over three polls: a bombing is reported (12 killed),
the report is revised (19 killed) while a separatist group claims the attack
and a minister accuses a neighbouring state, partner sites reprint the claim
(one exact copy, one lightly edited wire copy, one link with tracking
parameters), and the accused state denies. Around it: a malformed feed, a
slow page, an oversized page, a redirect to another (private) address, and a
webhook that fails once. All article texts are written for these tests.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import select
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.ingest.fetch import FetchPolicy, parse_networks
from counterclaim.records import Document
from counterclaim.runner import process
from counterclaim.store import Store, browse, schema
from counterclaim.watch import Alert, Alerts, Backoff, JsonlSink, TerminalSink, Watcher, WatchOptions, WebhookSink
from counterclaim.watch.alerts import AlertSink
from loopback import LoopbackServer, conditional, page, redirect, serve, streamed

TERMINAL = "QUETTA, Pakistan, March 10 — "


def article(title: str, outlet: str, date: str, paragraphs: Iterable[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html><head><title>{title}</title><meta property="og:site_name" content="{outlet}">'
        f'<meta name="date" content="{date}"></head><body><nav>Home | World | Sport</nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>All rights reserved</footer></body></html>"
    ).encode()


def first_report(killed: int, injured: int, title: str) -> bytes:
    return article(
        title,
        "Frontier Daily",
        "2025-03-10",
        [
            f"{TERMINAL}A bomb planted under a parked coach exploded at the main bus terminal in Quetta on Monday "
            f"morning, killing {killed} people and injuring {injured} others, police said.",
            "Deputy inspector general Farooq Ahmed told reporters that the device had been set off by remote "
            "control as passengers queued for the early service to Karachi.",
            "Ambulances carried the wounded to the civil hospital, where doctors said several of them were in a "
            "critical condition.",
            "No group has so far said it carried out the bombing. The provincial chief minister condemned the "
            "attack and ordered an inquiry.",
        ],
    )


CLAIM_PARAGRAPHS = [
    "QUETTA, Pakistan, March 11 — A car bomb killed 19 people at the Quetta bus terminal on Monday. The "
    "Balochistan Liberation Army claimed responsibility for the blast on Tuesday.",
    "In a message sent to journalists, a spokesman for the separatist group said its fighters had targeted "
    "soldiers travelling on the coach.",
    "Pakistan's interior minister Mohsin Naqvi accused India of sponsoring the attack, a charge New Delhi has "
    "repeatedly rejected in past cases.",
    "Security forces sealed off the terminal and were searching nearby neighbourhoods for suspects on Tuesday.",
]
FIRST = first_report(12, 30, "Bomb kills 12 at Quetta bus terminal")
REVISED = first_report(19, 41, "Quetta bus terminal bombing toll rises to 19")
CLAIM = article("Baloch militants say they bombed Quetta terminal", "Wire Service", "2025-03-11", CLAIM_PARAGRAPHS)
#: the wire story as a partner reprints it: its own headline and site, the last sentence trimmed
WIRE_COPY = article(
    "Separatists claim deadly bus station blast in Quetta",
    "Gulf Courier",
    "2025-03-11",
    [*CLAIM_PARAGRAPHS[:3], "Security forces sealed off the terminal and were searching nearby neighbourhoods."],
)
DENIAL = article(
    "India rejects Pakistan's charge over Quetta blast",
    "Delhi Post",
    "2025-03-12",
    [
        "NEW DELHI, March 12 — India's foreign ministry on Wednesday denied any role in Monday's bombing of a bus "
        "terminal in the Pakistani city of Quetta, which killed 19 people.",
        '"India had nothing to do with this attack and we reject these baseless allegations," ministry spokesman '
        "Randhir Jaiswal told a weekly briefing.",
        "The Balochistan Liberation Army has said it carried out the bombing.",
    ],
)


def rss(title: str, items: list[tuple[str, str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, date, summary) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link.replace('&', '&amp;')}</link><guid>{link.replace('&', '&amp;')}</guid>"
        f"<pubDate>{d}</pubDate><description>{s}</description></item>"
        for t, link, d, s in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://frontier.example/</link><description>News</description>{entries}</channel></rss>"
    ).encode()


def atom(title: str, entries: list[tuple[str, str, str]]) -> bytes:
    """An Atom feed of (title, link, updated) entries; links may be relative to the feed."""
    body = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>urn:{link}</id><updated>{u}</updated>'
        f"<summary>{t}</summary></entry>"
        for t, link, u in entries
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
        f"<id>urn:partner</id><updated>2025-03-11T09:00:00Z</updated>{body}</feed>"
    ).encode()


MON, TUE, WED = "Mon, 10 Mar 2025 08:00:00 GMT", "Tue, 11 Mar 2025 09:00:00 GMT", "Wed, 12 Mar 2025 07:00:00 GMT"


class Site:
    """The feeds and pages the servers give at each poll: ``advance()`` moves the story on a day."""

    def __init__(self, news: LoopbackServer, inside: LoopbackServer) -> None:
        self.news, self.inside, self.day = news, inside, 1
        base = news.url
        self.blast = f"{base}/news/quetta-blast.html"
        self.claim = f"{base}/news/bla-claim.html"
        news.routes.update(
            {
                "/world/rss.xml": conditional(self.world, content_type="application/rss+xml"),
                "/partners/atom.xml": conditional(self.partners, content_type="application/atom+xml"),
                "/broken.xml": page(b"<rss version='2.0'><channel><item><title>cut off", "application/rss+xml"),
                "/news/quetta-blast.html": conditional(lambda: FIRST if self.day == 1 else REVISED),
                "/news/bla-claim.html": conditional(CLAIM),
                "/mirror/bla-claim.html": conditional(CLAIM),
                "/courier/separatists-claim.html": conditional(WIRE_COPY),
                "/news/slow.html": self.slow,
                "/news/huge.html": streamed(b"<p>" + b"x" * 65536 + b"</p>", 100),
                "/go/india-denies": redirect(lambda _s: f"{inside.url}/delhi/india-denies.html"),
            }
        )
        inside.routes["/delhi/india-denies.html"] = conditional(DENIAL)

    def world(self) -> bytes:
        items = [("Bomb kills 12 at Quetta bus terminal", self.blast, MON, "Twelve dead in Quetta")]
        if self.day >= 2:
            items[0] = ("Quetta bombing toll rises to 19", self.blast, MON, "Toll rises to 19")
            items += [
                ("Baloch militants claim Quetta bombing", f"{self.claim}?utm_source=rss&utm_medium=feed", TUE, "c"),
                ("Slow page", f"{self.news.url}/news/slow.html", TUE, "slow"),
                ("Huge page", f"{self.news.url}/news/huge.html", TUE, "huge"),
            ]
        if self.day >= 3:
            items.append(("India denies role", f"{self.news.url}/go/india-denies", WED, "India denies"))
        return rss("Frontier Daily: World", items)

    def partners(self) -> bytes:
        entries = []
        if self.day >= 2:
            entries = [
                ("Separatists claim Quetta blast", "/courier/separatists-claim.html", "2025-03-11T10:00:00Z"),
                ("Claim reprinted", "/mirror/bla-claim.html", "2025-03-11T10:05:00Z"),
                ("Claim, shared", f"{self.claim}?fbclid=abc123", "2025-03-11T10:10:00Z"),
            ]
        return atom("Partner wire", entries)

    def slow(self, _server: LoopbackServer) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.0)
        return 200, {"content-type": "text/html"}, b"<p>late</p>"

    @property
    def feeds(self) -> list[str]:
        return [f"{self.news.url}/world/rss.xml", f"{self.news.url}/partners/atom.xml", f"{self.news.url}/broken.xml"]


class Hook:
    """The webhook receiver: answers 503 to its first POST (unless told not to), then 204, and keeps every body
    it accepted."""

    def __init__(self, server: LoopbackServer, fail_first: bool = True) -> None:
        self.server, self.bodies, self.fail_first = server, [], fail_first
        server.routes["/hook"] = self.receive

    def receive(self, server: LoopbackServer) -> tuple[int, dict[str, str], bytes]:
        if self.fail_first and server.count("/hook", "POST") == 1:
            return 503, {"content-type": "text/plain", "retry-after": "0"}, b"busy"
        self.bodies.append(json.loads(server.current.body))
        return 204, {}, b""


@pytest.fixture
def servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    with serve("127.0.0.1", {}) as news, serve("127.0.0.2", {}) as inside:
        yield news, inside


class Collect:
    """An alert sink that keeps what it gets (besides the real terminal, JSONL and webhook sinks)."""

    def __init__(self) -> None:
        self.alerts: list[Alert] = []

    def emit(self, alert: Alert) -> None:
        self.alerts.append(alert)


FAST = WatchOptions(
    policy=FetchPolicy(allow_private=True, read_timeout=0.4),
    host_interval=0.0,
    backoff=Backoff(attempts=2, base=0.01),
    max_attempts=2,
)


def analyser(pipeline: Language):
    def analyse(documents: Iterable[Document]):
        return process(documents, pipeline)

    return analyse


def watcher(store: Store, pipeline: Language, sinks: list[AlertSink], options: WatchOptions = FAST) -> Watcher:
    return Watcher(store, analyser(pipeline), Alerts(sinks), options)


def kinds(alerts: list[Alert]) -> list[tuple[str, str | None]]:
    return sorted((a.kind, a.party or a.casualty_kind) for a in alerts)


def test_three_polls_store_news_once_drop_copies_and_alert_on_changes(
    tmp_db: str,
    servers: tuple[LoopbackServer, LoopbackServer],
    pipeline: Language,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    news, inside = servers
    site, hook = Site(news, inside), Hook(news)
    log_file = tmp_path / "alerts.jsonl"
    collect, stop = Collect(), threading.Event()
    webhook = WebhookSink(f"{news.url}/hook", Backoff(attempts=3, base=0.01), stop)
    caplog.set_level(logging.INFO, logger="counterclaim.watch")
    with Store(tmp_db) as store:
        run = watcher(store, pipeline, [collect, TerminalSink(), JsonlSink(log_file), webhook])
        feeds = run.add(site.feeds)

        # day 1: the first report; the malformed feed is logged by URL and skipped
        first = run.run_pass(feeds)
        assert first.stored == 1 and first.new == 1
        (failure,) = first.failures
        assert failure.startswith(f"{news.url}/broken.xml: not a readable feed:") and "no element found" in failure
        assert f"{news.url}/broken.xml: skipped: not a readable feed" in caplog.text
        assert kinds(collect.alerts) == [("casualties", "injured"), ("casualties", "killed")]
        assert {a.message for a in collect.alerts} == {
            "killed: 12 (first figure), per police",
            "injured: 30 (first figure), per police",
        }

        # day 2: the revision, the claim and its reprints, a slow and a huge page
        site.day, collect.alerts = 2, []
        second = run.run_pass(feeds)
        assert (second.new, second.revised, second.stored, second.duplicates) == (5, 1, 2, 2)
        assert second.retry_later == 1 and any("huge.html: too large" in f for f in second.failures)
        assert kinds(collect.alerts) == [
            ("accuse", "India"),
            ("casualties", "injured"),
            ("casualties", "killed"),
            ("claim", "Balochistan Liberation Army"),
        ]
        by_kind = {a.kind: a for a in collect.alerts}
        assert "killed: 19 (was 12), per police" in {a.message for a in collect.alerts}
        assert by_kind["accuse"].message == "Mohsin Naqvi accused India"
        assert by_kind["claim"].documents[0].url == site.claim and by_kind["claim"].evidence
        assert len({a.event_id for a in collect.alerts}) == 1

        # day 3: the denial comes through a redirect to another loopback address (private networks allowed here)
        site.day, collect.alerts = 3, []
        third = run.run_pass(feeds)
        assert third.stored == 1 and any("slow.html: timed out" in f for f in third.failures)
        # the headline reports India rejecting Pakistan's charge: India's denial, and Pakistan's accusation with it
        assert kinds(collect.alerts) == [("accuse", "India"), ("deny", "India")]
        assert inside.count("/delhi/india-denies.html") == 1

        # every article was fetched once; the tracking-parameter links were the claim's, not fetched again
        for path in ("/news/bla-claim.html", "/mirror/bla-claim.html", "/courier/separatists-claim.html"):
            assert news.count(path) == 1, path
        assert news.count("/news/quetta-blast.html") == 2  # the first version, then the revision the feed announced
        assert news.count("/news/huge.html") == 1 and news.count("/news/slow.html") == 4  # 2 passes x 2 tries

        # a restart is a new watcher on the same store: feeds answer 304, nothing is fetched again
        before = len(news.received)
        again = watcher(store, pipeline, [collect]).run_pass(feeds)
        assert (again.unchanged, again.stored, again.alerts) == (2, 0, 0)
        assert {r.path for r in news.received[before:]} == {"/world/rss.xml", "/partners/atom.xml", "/broken.xml"}

        # one text with three sources: the claim, its exact copy and the wire reprint
        with store.engine.connect() as conn:
            rows = conn.execute(select(schema.document_sources)).all()
            documents = conn.execute(select(schema.documents.c.id)).scalars().all()
        by_relation = {(r.url.rsplit("/", 1)[1], r.relation) for r in rows}
        assert {
            ("bla-claim.html", "original"),
            ("bla-claim.html", "copy"),
            ("separatists-claim.html", "near-duplicate"),
        } <= by_relation
        claim_id = next(r.document_id for r in rows if r.url == site.claim)
        assert {r.document_id for r in rows if "claim" in r.url} == {claim_id}
        with store.engine.connect() as conn:  # as the workbench lists them: each with the feed that gave it
            listed = browse.sources(conn, claim_id)
        assert listed[0]["relation"] == "original" and {s["feed"] for s in listed} <= set(site.feeds)
        assert len(documents) == 4  # first report, its revision, the claim, the denial

    total = 2 + 4 + 2  # day 3: the denial and the accusation it rejects
    logged = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines()]
    assert len(logged) == total and logged[0]["kind"] == "casualties" and logged[-1]["kind"] == "deny"
    assert [b["message"] for b in hook.bodies] == [a["message"] for a in logged]  # the first 503 was retried
    assert news.count("/hook", "POST") == total + 1
    assert capsys.readouterr().out.count("ALERT ev-") == total


def test_a_watched_page_is_stored_again_only_when_it_changes(
    tmp_path: Path, servers: tuple[LoopbackServer, LoopbackServer], pipeline: Language
) -> None:
    news, inside = servers
    site = Site(news, inside)
    collect = Collect()
    with Store(str(tmp_path / "page.db")) as store:
        run = watcher(store, pipeline, [collect])
        pages = run.add([site.blast])
        assert run.run_pass(pages).stored == 1
        assert run.run_pass(pages).unchanged == 1
        site.day = 2
        assert run.run_pass(pages).stored == 1
        assert [f.kind for f in run.state.feeds()] == ["page"]
        assert len(store.document_ids()) == 2
    assert [a.message for a in collect.alerts if a.casualty_kind == "killed"] == [
        "killed: 12 (first figure), per police",
        "killed: 19 (was 12), per police",
    ]


def test_a_redirect_to_a_private_address_is_refused_by_its_class(
    tmp_path: Path, servers: tuple[LoopbackServer, LoopbackServer], pipeline: Language
) -> None:
    """Only the feed's own host is opened: the redirect to 127.0.0.2 is refused as a loopback address."""
    news, inside = servers
    Site(news, inside)
    only = rss("Frontier", [("India denies role", f"{news.url}/go/india-denies", WED, "India denies")])
    news.routes["/world/rss.xml"] = page(only, "application/rss+xml")
    options = WatchOptions(
        policy=FetchPolicy(allowed_networks=parse_networks(["127.0.0.1"])), host_interval=0.0, backoff=Backoff(1)
    )
    with Store(str(tmp_path / "refused.db")) as store:
        run = watcher(store, pipeline, [], options)
        summary = run.run_pass(run.add([f"{news.url}/world/rss.xml"]))
    assert summary.failures == [f"{news.url}/go/india-denies: refused: 127.0.0.2 is a loopback address"]
    assert inside.received == []


def test_without_allow_private_loopback_feeds_are_refused_before_any_request(
    tmp_path: Path, servers: tuple[LoopbackServer, LoopbackServer]
) -> None:
    news, inside = servers
    Site(news, inside)
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(app, ["watch", f"{news.url}/world/rss.xml", "--once", "--db", db])
    assert result.exit_code == 1
    assert "refused: 127.0.0.1 is a loopback address" in result.output
    assert news.received == []


class Crash(Exception):
    """What a process killed while sending alerts leaves: the document stored, the entry not yet done."""


class CrashingSink:
    def emit(self, alert: Alert) -> None:
        raise Crash(alert.message)


def test_a_run_killed_while_storing_is_finished_by_the_next_without_fetching_again(
    tmp_path: Path, servers: tuple[LoopbackServer, LoopbackServer], pipeline: Language
) -> None:
    news, inside = servers
    Site(news, inside)
    with Store(str(tmp_path / "crash.db")) as store:
        crashing = watcher(store, pipeline, [CrashingSink()])
        feeds = crashing.add([f"{news.url}/world/rss.xml"])
        with pytest.raises(Crash):
            crashing.run_pass(feeds)
        with store.engine.connect() as conn:
            assert conn.execute(select(schema.watch_entries.c.status)).scalars().all() == ["saving"]
        collect = Collect()
        resumed = watcher(store, pipeline, [collect]).run_pass(feeds)
        assert resumed.stored == 1 and resumed.unchanged == 1
        assert kinds(collect.alerts) == [("casualties", "injured"), ("casualties", "killed")]  # sent at least once
        assert news.count("/news/quetta-blast.html") == 1
        assert len(store.document_ids()) == 1


def test_sigterm_stops_after_the_article_in_hand_and_a_restart_resumes(
    tmp_path: Path, servers: tuple[LoopbackServer, LoopbackServer]
) -> None:
    """The real command in a subprocess: SIGTERM while the second article is fetched; the third waits for the
    next run (which takes it, and only it, with ``--once``)."""
    news, inside = servers
    site = Site(news, inside)
    site.day = 2
    later = "Tue, 11 Mar 2025 11:00:00 GMT"
    items = [
        ("Blast", site.blast, MON, "a"),
        ("Claim", site.claim, TUE, "b"),
        ("Copy", f"{news.url}/courier/separatists-claim.html", later, "c"),
    ]
    news.routes["/world/rss.xml"] = conditional(rss("Frontier", items), content_type="application/rss+xml")
    process_: dict[str, subprocess.Popen] = {}
    claim_route = news.routes["/news/bla-claim.html"]

    def claim_then_stop(server: LoopbackServer):
        os.kill(process_["watch"].pid, signal.SIGTERM)
        return claim_route(server)

    news.routes["/news/bla-claim.html"] = claim_then_stop
    db, alerts = str(tmp_path / "w.db"), tmp_path / "alerts.jsonl"
    command = [sys.executable, "-m", "counterclaim.cli", "watch", f"{news.url}/world/rss.xml", "--db", db]
    hook = Hook(news, fail_first=False)
    options = ["--allow-private", "--host-delay", "0", "--alerts", str(alerts), "--webhook", f"{news.url}/hook"]
    process_["watch"] = subprocess.Popen(
        [*command, *options, "--interval", "1h"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out, err = process_["watch"].communicate(timeout=120)
    assert process_["watch"].returncode == 0, err
    assert "SIGTERM: stopping after the item in hand" in err
    assert "bla-claim.html: stored" in err and "separatists-claim" not in err
    assert news.count("/courier/separatists-claim.html") == 0
    assert out.count("ALERT") == len(alerts.read_text(encoding="utf-8").splitlines()) == len(hook.bodies) > 0

    resumed = CliRunner().invoke(app, ["watch", "--once", "--db", db, *options])
    assert resumed.exit_code == 0, resumed.output
    assert "near duplicate" in resumed.output and "1 duplicates" in resumed.output
    for path in ("/news/quetta-blast.html", "/news/bla-claim.html", "/courier/separatists-claim.html"):
        assert news.count(path) == 1, path


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    cases = [
        (["watch", "--db", db, "--once"], "nothing to watch"),
        (["watch", "feeds.txt", "--db", db], "not an http(s) URL of at most 2048 characters: feeds.txt"),
        (["watch", "https://x.example/" + "a" * 2048, "--db", db], "not an http(s) URL of at most 2048"),
        (["watch", "https://news.example/rss", "--interval", "soon", "--db", db], "not a duration: 'soon'"),
        (["watch", "https://news.example/rss", "--webhook", "hooks", "--db", db], "--webhook needs an http(s) URL"),
        (["watch", "https://x.example/rss", "--alerts", str(tmp_path / "no" / "a.jsonl"), "--db", db], "cannot write"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and message in result.output, (args, result.output)
        assert "Traceback" not in result.output
