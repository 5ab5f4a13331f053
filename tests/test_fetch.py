"""The URL fetcher against real HTTP servers on loopback: what it refuses, and what it reads."""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.ingest import IngestError, read_inputs
from counterclaim.ingest.fetch import (
    FEED_TYPES,
    FetchError,
    FetchPolicy,
    HostLimiter,
    document_from_page,
    fetch,
    fetch_document,
    parse_networks,
    url_name,
)
from loopback import LoopbackServer, conditional, page, redirect, serve, streamed

ARTICLE = (
    b"<html><head><title>Market blast kills nine</title></head><body><nav>Home | World</nav>"
    b"<article><h1>Market blast kills nine</h1><p>A bomb hidden in a cart went off in the central market of "
    b"Northfield on Tuesday, killing nine people, the provincial police chief told reporters.</p>"
    b"<p>No group has said it carried out the bombing.</p></article></body></html>"
)
LOCAL = FetchPolicy(allow_private=True)
#: Only the first loopback host is open: the second stands for an internal machine behind a redirect.
FIRST_HOST_ONLY = FetchPolicy(allowed_networks=parse_networks(["127.0.0.1"]), read_timeout=1.0)


def _one_chunk(out: object) -> None:
    out.write(b"<p>")  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def inside() -> Iterator[LoopbackServer]:
    """The 'internal' server on 127.0.0.2, which a redirect must not reach."""
    with serve("127.0.0.2", {"/secret": page(b"internal admin page", "text/plain")}) as server:
        yield server


@pytest.fixture(scope="module")
def site(inside: LoopbackServer) -> Iterator[LoopbackServer]:
    routes = {
        "/news/market-blast.html": page(ARTICLE),
        "/plain": page(b"Gunmen attacked a convoy, officials said.", "text/plain"),
        "/latin1": page(
            "<p>Le préfet a condamné l'attaque à Maroua.</p>".encode("latin-1"), "text/html; charset=ISO-8859-1"
        ),
        "/moved": redirect("/news/market-blast.html"),
        "/loop": redirect("/loop"),
        "/to-inside": redirect(lambda _s: f"{inside.url}/secret"),
        "/to-file": redirect("file:///etc/passwd"),
        "/pdf": page(b"%PDF-1.4", "application/pdf"),
        "/untyped": lambda _s: (200, {}, b"<p>text</p>"),
        "/declared-huge": lambda _s: (200, {"content-type": "text/html", "content-length": str(10**9)}, _one_chunk),
        "/endless": streamed(b"<p>" + b"x" * 65536 + b"</p>", 200),
        "/slow": streamed(b"<p>a</p>", 3, delay=2.0),
        "/gone": page(b"gone", "text/plain", status=410),
        "/tagged": conditional(ARTICLE, '"v1"'),
        "/busy": lambda _s: (503, {"content-type": "text/plain", "retry-after": "7"}, b"busy"),
        "/feed.xml": page(b"<rss version='2.0'><channel><title>t</title></channel></rss>", "application/rss+xml"),
    }
    with serve("127.0.0.1", routes) as server:
        yield server


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:{port}/plain", "127.0.0.1 is a loopback address"),
        ("http://localhost:{port}/plain", "localhost resolves to"),
        ("http://[::ffff:127.0.0.1]:{port}/plain", "loopback address"),
        ("http://10.0.0.1/", "10.0.0.1 is a private address"),
        ("http://169.254.1.1/", "link-local address"),
        ("http://0.0.0.0:{port}/plain", "not a unicast address"),
    ],
)
def test_private_addresses_are_refused_before_any_request(site: LoopbackServer, url: str, reason: str) -> None:
    before = len(site.requests)
    with pytest.raises(FetchError, match="refused") as err:
        fetch(url.format(port=site.port))
    assert reason in err.value.reason
    assert len(site.requests) == before


def test_metadata_address_is_refused_even_when_private_networks_are_allowed() -> None:
    with pytest.raises(FetchError, match="cloud metadata address"):
        fetch("http://169.254.169.254/latest/meta-data/", LOCAL)
    assert FetchPolicy(allow_private=True).refusal(ipaddress.ip_address("fd00:ec2::254")) is not None


def test_a_redirect_into_the_private_network_is_refused_after_the_hop(
    site: LoopbackServer, inside: LoopbackServer
) -> None:
    with pytest.raises(FetchError, match=r"127\.0\.0\.2 is a loopback address"):
        fetch(f"{site.url}/to-inside", FIRST_HOST_ONLY)
    assert inside.requests == []
    with pytest.raises(FetchError, match="only http and https"):
        fetch(f"{site.url}/to-file", FIRST_HOST_ONLY)


def test_an_allowed_page_is_read_as_an_article_like_a_file(site: LoopbackServer) -> None:
    doc = fetch_document(f"{site.url}/moved", FIRST_HOST_ONLY)
    assert doc.title == "Market blast kills nine"
    assert doc.text.startswith("Market blast kills nine\n\n")
    assert "central market of Northfield" in doc.text and "Home | World" not in doc.text
    assert doc.name == "market-blast" and doc.url == f"{site.url}/news/market-blast.html"
    page_ = fetch(f"{site.url}/moved", FIRST_HOST_ONLY)
    assert page_.url.endswith("/news/market-blast.html") and page_.redirects == [f"{site.url}/moved"]


def test_plain_text_and_declared_charsets(site: LoopbackServer) -> None:
    assert fetch_document(f"{site.url}/plain", LOCAL).text == "Gunmen attacked a convoy, officials said."
    assert "préfet a condamné l'attaque à Maroua" in fetch_document(f"{site.url}/latin1", LOCAL).text


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop", "more than 5 redirects"),
        ("/pdf", "content type application/pdf"),
        ("/untyped", "no content type"),
        ("/declared-huge", "too large (1000000000 bytes"),
        ("/endless", "too large (over the limit of 5242880 bytes)"),
        ("/slow", "timed out"),
        ("/gone", "the server answered 410 Gone"),
        ("/missing", "404 Not Found"),
    ],
)
def test_bad_answers_end_in_one_line(site: LoopbackServer, path: str, reason: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch(f"{site.url}{path}", FIRST_HOST_ONLY)
    assert reason in err.value.reason and "\n" not in str(err.value)


def test_url_names() -> None:
    assert url_name("https://news.example/2024/01/kerman-blasts.html?x=1") == "kerman-blasts"
    assert url_name("https://news.example/") == "news-example"


def test_read_inputs_takes_urls_beside_files(site: LoopbackServer, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Police said the bomb killed two.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "a.txt"), f"{site.url}/plain"]))
    assert items[0].name == "a"
    assert isinstance(items[1], IngestError) and "loopback address" in items[1].reason
    assert next(iter(read_inputs([f"{site.url}/plain"], LOCAL))).name == "plain"


def test_analyze_fetches_a_url_only_when_allowed(site: LoopbackServer, tmp_path: Path) -> None:
    db, url = str(tmp_path / "web.db"), f"{site.url}/news/market-blast.html"
    refused = CliRunner().invoke(app, ["analyze", url, "--db", db, "--no-report"])
    assert refused.exit_code == 1 and "127.0.0.1 is a loopback address" in refused.output
    stored = CliRunner().invoke(app, ["analyze", url, "--db", db, "--no-report", "--allow-private"])
    assert stored.exit_code == 0 and "1 stored" in stored.output


def test_an_unchanged_page_is_a_304_without_body_when_its_etag_is_sent_back(site: LoopbackServer) -> None:
    first = fetch(f"{site.url}/tagged", LOCAL)
    assert first.status == 200 and first.etag == '"v1"' and first.body == ARTICLE
    again = fetch(f"{site.url}/tagged", LOCAL, validators=first.validators)
    assert again.not_modified and again.body == b""
    assert site.received[-1].headers["if-none-match"] == '"v1"'


def test_errors_worth_retrying_are_marked_transient(site: LoopbackServer) -> None:
    with pytest.raises(FetchError) as busy:
        fetch(f"{site.url}/busy", LOCAL)
    assert busy.value.transient and busy.value.retry_after == 7.0
    with pytest.raises(FetchError) as slow:
        fetch(f"{site.url}/slow", FetchPolicy(allow_private=True, read_timeout=0.5))
    assert slow.value.transient
    with pytest.raises(FetchError) as gone:
        fetch(f"{site.url}/gone", LOCAL)
    assert not gone.value.transient


def test_feeds_are_taken_only_when_asked_for(site: LoopbackServer) -> None:
    with pytest.raises(FetchError, match="content type application/rss"):
        fetch(f"{site.url}/feed.xml", LOCAL)
    assert fetch(f"{site.url}/feed.xml", LOCAL, accept=FEED_TYPES).media_type == "application/rss+xml"


def test_the_host_limiter_spaces_requests_to_one_host(site: LoopbackServer) -> None:
    limiter = HostLimiter(0.3)
    started = time.monotonic()
    for _ in range(3):
        fetch(f"{site.url}/plain", LOCAL, limiter=limiter)
    assert time.monotonic() - started >= 0.6


def test_a_feed_entry_fills_in_what_the_page_does_not_say(site: LoopbackServer) -> None:
    fetched = fetch(f"{site.url}/plain", LOCAL)
    doc = document_from_page(
        fetched, f"{site.url}/plain", metadata={"title": "Convoy attacked", "published": "2024-05-07"}
    )
    assert doc.title == "Convoy attacked" and str(doc.published) == "2024-05-07" and doc.url == f"{site.url}/plain"
