"""Fetching an article by URL without letting the URL reach inside the network it is fetched from.

A URL typed into the workbench (or found in a feed) is untrusted: pointed at
``127.0.0.1``, a router's admin page or a cloud metadata service
(``169.254.169.254``), a naive fetch turns the server into a proxy for its
own network. So every connection, the first and the one after each redirect,
is made to an address this module resolved and checked itself, never to
whatever a later DNS answer says: private, loopback, link-local, shared,
multicast and reserved addresses are refused unless the policy allows
private networks, and cloud metadata addresses are refused always. A
proxy from the environment is never used (it would connect on our behalf,
unchecked). Responses are capped in time (per read and overall), in size (the
same 5 MB as a file) and in redirects, and must be of the expected types
(HTML or plain text for an article; RSS or Atom when asked).

:func:`fetch` returns the body and its type; :func:`fetch_document` turns it
into a :class:`~counterclaim.records.Document` exactly as a file would be read.
``analyze URL``, the web workbench and the feed monitor share them. What a
monitor polling the same sources again and again needs on top is here too, so
that there is one fetcher: conditional requests (:class:`Validators`: an
unchanged page costs a ``304`` and no body), a per-host pace
(:class:`HostLimiter`, applied to every hop of a redirect chain), and a
``transient`` mark on errors worth retrying (timeouts, lost connections,
``429`` and ``5xx`` answers, with the server's ``Retry-After``).
"""

from __future__ import annotations

import email.utils
import ipaddress
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from counterclaim.ingest.decode import decode_bytes
from counterclaim.ingest.errors import InputRejected
from counterclaim.ingest.reader import MAX_BYTES, build_document, is_url, slug
from counterclaim.records import Document

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

#: Content types an article may come as; anything else (PDF, images, JSON) is refused before its body is read.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
ARTICLE_TYPES = HTML_TYPES | TEXT_TYPES
#: Content types a news feed comes as: RSS, Atom and RDF under their own types or as generic XML.
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
#: Answers that say "try again later" rather than "no": rate limited, or the server or a gateway failing.
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})

#: Cloud instance-metadata services (AWS/GCP/Azure/OpenStack, AWS over IPv6, Alibaba): refused even when
#: private networks are allowed, since no article lives there and their answers are credentials.
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)

URL_SCHEMES = ("http", "https")

__all__ = [
    "ARTICLE_TYPES",
    "FEED_TYPES",
    "FetchError",
    "FetchPolicy",
    "Fetched",
    "HostLimiter",
    "Validators",
    "document_from_page",
    "fetch",
    "fetch_document",
    "is_url",
    "parse_networks",
    "parse_retry_after",
]


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` is one line for the user.

    ``transient`` errors (a timeout, a dropped connection, a ``429`` or ``5xx``
    answer) may succeed if tried again, after ``retry_after`` seconds when the
    server said so; the others (refused address, wrong type, too large, ``404``)
    will not.
    """

    def __init__(self, url: str, reason: str, *, transient: bool = False, retry_after: float | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do: which addresses it may reach, for how long, how much and how many hops.

    ``allow_private`` opens every address but the metadata services (for an
    intranet news archive); ``allowed_networks`` opens only the networks listed.
    """

    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    user_agent: str = "counterclaim (article fetcher)"

    def refusal(self, address: IPAddress) -> str | None:
        """What kind of address forbids contacting ``address`` ("a loopback address"), or None when allowed."""
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if address in METADATA_ADDRESSES:
            return "a cloud metadata address"
        if self.allow_private or any(address in net for net in self.allowed_networks):
            return None
        if address.is_loopback:
            return "a loopback address"
        if address.is_link_local:
            return "a link-local address"
        if address.is_multicast or address.is_unspecified or address.is_reserved:
            return "not a unicast address"
        if not address.is_global:
            return "a private address"
        return None


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """Networks from CIDR strings (``10.1.0.0/16``, a bare address for one host); ValueError names a bad one."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as err:
            raise ValueError(f"not a network address: {value!r}") from err
    return tuple(networks)


@dataclass(frozen=True)
class Validators:
    """What an earlier answer said of its page (``ETag``, ``Last-Modified``), sent back on the next request
    (``If-None-Match``, ``If-Modified-Since``) so that an unchanged page is answered ``304`` without a body."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {"if-none-match": self.etag, "if-modified-since": self.last_modified}
        return {key: value for key, value in found.items() if value}


class HostLimiter:
    """At most one request every ``interval`` seconds to each host, so a monitor never hammers a site.

    Shared by every fetch of a run (feeds, articles, each hop of a redirect);
    :meth:`wait` blocks until the host's turn and books the next one.
    """

    def __init__(self, interval: float, sleep: Callable[[float], object] = time.sleep) -> None:
        self.interval = interval
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            turn = max(now, self._next.get(host, now))
            self._next[host] = turn + self.interval
        if turn > now:
            self._sleep(turn - now)


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the URL it was finally read from, its media type and charset, and its body.

    ``status`` 304 means the page is unchanged since the :class:`Validators`
    sent (no body); ``etag`` and ``last_modified`` are what to send next time.
    """

    url: str
    media_type: str
    charset: str | None
    body: bytes
    redirects: list[str] = field(default_factory=list)
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)


def fetch(
    url: str,
    policy: FetchPolicy | None = None,
    *,
    accept: frozenset[str] = ARTICLE_TYPES,
    validators: Validators | None = None,
    limiter: HostLimiter | None = None,
) -> Fetched:
    """The page at ``url``, following at most ``policy.max_redirects`` redirects; :class:`FetchError` if refused.

    ``accept`` are the media types taken (others are refused before the body
    is read); with ``validators`` an unchanged page comes back as a ``304``
    without body; ``limiter`` paces every request by host.
    """
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.total_timeout
    headers = {"accept": _accept_header(accept), **(validators.headers() if validators else {})}
    with _client(policy) as client:
        current, hops = url, []
        while True:
            _check_url(current)
            if limiter is not None:
                limiter.wait(urlsplit(current).hostname or "")
            with _get(client, current, url, headers) as response:
                if response.is_redirect and response.status_code != 304:
                    if len(hops) >= policy.max_redirects:
                        raise FetchError(url, f"more than {policy.max_redirects} redirects")
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(url, f"redirect ({response.status_code}) without a location")
                    hops.append(current)
                    current = str(response.url.join(location))
                    continue
                if response.status_code >= 400:
                    raise _status_error(url, response)
                found = {
                    "url": str(response.url),
                    "redirects": hops,
                    "etag": response.headers.get("etag"),
                    "last_modified": response.headers.get("last-modified"),
                }
                if response.status_code == 304:
                    return Fetched(media_type="", charset=None, body=b"", status=304, **found)
                media_type, charset = _content_type(url, response.headers.get("content-type"), accept)
                body = _read_body(url, response, policy, deadline)
                return Fetched(media_type=media_type, charset=charset, body=body, status=response.status_code, **found)


def fetch_document(url: str, policy: FetchPolicy | None = None, name: str | None = None) -> Document:
    """The article at ``url`` as a Document, read like a file of its type (HTML main text, or plain text)."""
    return document_from_page(fetch(url, policy), url, name)


def document_from_page(page: Fetched, source: str, name: str | None = None, metadata: dict | None = None) -> Document:
    """A fetched article as a Document, read like a file of its type; ``source`` is the URL asked for.

    ``metadata`` (a feed entry's title or date) fills in what the page does not
    say of itself; the page's final URL is always its ``url``.
    """
    try:
        text = _decode(page)
        return build_document(
            text,
            page.body,
            name=name or url_name(page.url),
            source_path=source,
            html=page.is_html,
            metadata={**(metadata or {}), "url": page.url},
        )
    except InputRejected as err:
        raise FetchError(source, err.reason) from err


def url_name(url: str) -> str:
    """A document name for a URL: its last path segment without suffix, else its host, as a slug."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", segments[-1]) if segments else ""
    return slug(stem or parts.hostname or "") or "page"


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in URL_SCHEMES:
        raise FetchError(url, f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'}")
    if not parts.hostname:
        raise FetchError(url, "no host in the URL")
    if parts.username or parts.password:
        raise FetchError(url, "URLs with a user name or password are not fetched")


@contextmanager
def _get(client: httpx.Client, current: str, url: str, headers: dict[str, str]) -> Iterator[httpx.Response]:
    """The streamed GET of ``current``; a refusal or transport failure becomes a FetchError for ``url``."""
    try:
        with client.stream("GET", current, headers=headers) as response:
            yield response
    except _Refused as err:
        raise FetchError(url, f"refused: {err}") from None
    except httpx.TimeoutException as err:
        raise FetchError(url, f"timed out ({type(err).__name__})", transient=True) from None
    except httpx.ConnectError as err:
        raise FetchError(url, f"cannot connect: {_first_line(err)}", transient=True) from None
    except httpx.TransportError as err:
        raise FetchError(url, f"request failed: {_first_line(err)}", transient=True) from None
    except httpx.HTTPError as err:
        raise FetchError(url, f"request failed: {_first_line(err)}") from None


def _status_error(url: str, response: httpx.Response) -> FetchError:
    """The error for a 4xx or 5xx answer: transient for "later" answers, with the server's Retry-After."""
    transient = response.status_code in TRANSIENT_STATUSES
    return FetchError(
        url,
        f"the server answered {response.status_code} {response.reason_phrase}",
        transient=transient,
        retry_after=parse_retry_after(response.headers.get("retry-after")) if transient else None,
    )


def parse_retry_after(header: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date); None when absent or unreadable."""
    if not header:
        return None
    if header.strip().isdigit():
        return float(header.strip())
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time()) if when.tzinfo else None


def _accept_header(accept: frozenset[str]) -> str:
    return ",".join(sorted(accept)) + ";q=0.9,*/*;q=0.1"


def _content_type(url: str, header: str | None, accept: frozenset[str] = ARTICLE_TYPES) -> tuple[str, str | None]:
    if not header:
        raise FetchError(url, "the server gave no content type")
    media_type, _, params = header.partition(";")
    media_type = media_type.strip().lower()
    if media_type not in accept:
        what, wanted = (
            ("a feed or article", "a feed, HTML or plain text")
            if accept & FEED_TYPES
            else ("an article", "HTML or plain text")
        )
        raise FetchError(url, f"not {what}: content type {media_type} ({wanted} expected)")
    found = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.IGNORECASE)
    return media_type, found.group(1) if found else None


def _read_body(url: str, response: httpx.Response, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(url, f"too large ({declared} bytes; the limit is {policy.max_bytes})")
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(url, f"too large (over the limit of {policy.max_bytes} bytes)")
            if time.monotonic() > deadline:
                raise FetchError(url, f"took longer than {policy.total_timeout:g} s", transient=True)
            chunks.append(chunk)
    except httpx.TimeoutException:
        raise FetchError(url, "timed out while reading", transient=True) from None
    except httpx.HTTPError as err:
        raise FetchError(url, f"failed while reading: {_first_line(err)}", transient=True) from None
    return b"".join(chunks)


def _decode(page: Fetched) -> str:
    if page.charset:
        try:
            text = page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            return decode_bytes(page.body)
        if not text.strip():
            raise InputRejected("empty page")
        return text
    return decode_bytes(page.body)


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


class _Refused(Exception):
    """A connection the policy forbids, raised before any packet is sent (not an httpcore error, so httpx
    lets it through unchanged)."""


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves each host itself, checks every address against the policy, and connects only to checked ones.

    Connecting to the checked address (not the name) closes the window in
    which a second DNS answer could point elsewhere; TLS still verifies the
    certificate against the host name, which httpcore passes separately.
    """

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = _resolve(host, port)
        for address in addresses:
            kind = self.policy.refusal(address)
            if kind is not None:
                named = host.strip("[]") != str(address)
                raise _Refused(f"{host} resolves to {address}, {kind}" if named else f"{address} is {kind}")
        failure: Exception | None = None
        for address in addresses:
            try:
                return self.inner.connect_tcp(str(address), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as err:
                failure = err
        raise failure or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise _Refused("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def _resolve(host: str, port: int) -> Sequence[IPAddress]:
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise httpcore.ConnectError(f"cannot resolve {host}: {err.strerror}") from None
    addresses = dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos)
    if not addresses:
        raise httpcore.ConnectError(f"no address for {host}")
    return list(addresses)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on :class:`_GuardedBackend`.

    httpx does not take a network backend as an argument, so the pool it
    builds is replaced by one that does (same settings); ``tests/test_fetch.py``
    fails if a later httpx stops going through it.
    """

    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=4,
            network_backend=_GuardedBackend(policy),
        )


def _client(policy: FetchPolicy) -> httpx.Client:
    return httpx.Client(
        transport=_GuardedTransport(policy),
        trust_env=False,
        follow_redirects=False,
        timeout=httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout),
        headers={"user-agent": policy.user_agent},
    )
