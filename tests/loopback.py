"""A real HTTP server on a loopback address for tests: canned pages, redirects, slow and oversized answers.

Each route is a function of the request path returning (status, headers, body
or a callable that writes the body); every request is recorded so a test can
prove that a refused URL never reached the server (``requests``: the paths;
``received``: method, path, headers and body). A route reads the request it
answers from ``server.current`` (per thread), e.g. to answer a conditional GET
with ``304``; routes may be replaced while the server runs (a feed that grows).
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Body = bytes | Callable[[Any], None]
Route = Callable[["LoopbackServer"], tuple[int, dict[str, str], Body]]


@dataclass(frozen=True)
class Request:
    """One request as the server received it (header names in lower case)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class LoopbackServer:
    """A running server: its base URL, its routes and the requests it was sent."""

    host: str
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    received: list[Request] = field(default_factory=list)
    local: threading.local = field(default_factory=threading.local)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def current(self) -> Request:
        """The request the calling route is answering."""
        return self.local.request

    def count(self, path: str, method: str = "GET") -> int:
        """How many times ``path`` was asked for."""
        return sum(1 for r in self.received if r.path == path and r.method == method)


def _handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            server.local.request = request
            server.received.append(request)
            server.requests.append(self.path)
            route = server.routes.get(self.path.split("?")[0])
            status, headers, body = route(server) if route else (404, {"content-type": "text/plain"}, b"not found")
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if isinstance(body, bytes):
                if status != 304:
                    self.send_header("content-length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            else:
                self.send_header("connection", "close")
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up on a refused body
                    body(self.wfile)

        def log_message(self, *_args: Any) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up on a slow answer (as a timeout should) is no error worth a traceback."""
        if not isinstance(sys.exc_info()[1], BrokenPipeError | ConnectionResetError):
            super().handle_error(request, client_address)


@contextmanager
def serve(host: str, routes: dict[str, Route]) -> Iterator[LoopbackServer]:
    """A server on ``host`` (a loopback address) and a free port, running until the block ends."""
    state = LoopbackServer(host=host, routes=routes)
    httpd = _Server((host, 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def page(body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> Route:
    return lambda _server: (status, {"content-type": content_type}, body)


def conditional(
    body: bytes | Callable[[], bytes], etag: str | None = None, content_type: str = "text/html; charset=utf-8"
) -> Route:
    """A page with an ETag (by default a hash of the body) answering ``304`` when the client sends it back.

    ``body`` may be a function, read at each request: a feed or page that changes between polls.
    """

    def route(server: LoopbackServer) -> tuple[int, dict[str, str], Body]:
        content = body() if callable(body) else body
        tag = etag or f'"{hashlib.sha256(content).hexdigest()[:16]}"'
        if server.current.headers.get("if-none-match") == tag:
            return 304, {"etag": tag}, b""
        return 200, {"content-type": content_type, "etag": tag}, content

    return route


def redirect(location: str | Callable[[LoopbackServer], str], status: int = 302) -> Route:
    def route(server: LoopbackServer) -> tuple[int, dict[str, str], Body]:
        target = location(server) if callable(location) else location
        return status, {"location": target, "content-type": "text/plain"}, b""

    return route


def streamed(chunk: bytes, count: int, delay: float = 0.0, content_type: str = "text/html") -> Route:
    """A body of ``count`` chunks without a content length, ``delay`` seconds apart."""

    def write(out: Any) -> None:
        for _ in range(count):
            out.write(chunk)
            out.flush()
            time.sleep(delay)

    return lambda _server: (200, {"content-type": content_type}, write)
