"""A real HTTP server on a loopback address for tests: canned pages, redirects, slow and oversized answers.

Each route is a function of the request path returning (status, headers, body
or a callable that writes the body); every request is recorded so a test can
prove that a refused URL never reached the server.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Body = bytes | Callable[[Any], None]
Route = Callable[["LoopbackServer"], tuple[int, dict[str, str], Body]]


@dataclass
class LoopbackServer:
    """A running server: its base URL, its routes and the paths it was asked for."""

    host: str
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


def _handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server.requests.append(self.path)
            route = server.routes.get(self.path.split("?")[0])
            status, headers, body = route(server) if route else (404, {"content-type": "text/plain"}, b"not found")
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if isinstance(body, bytes):
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_header("connection", "close")
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up on a refused body
                    body(self.wfile)

        def log_message(self, *_args: Any) -> None:
            pass

    return Handler


@contextmanager
def serve(host: str, routes: dict[str, Route]) -> Iterator[LoopbackServer]:
    """A server on ``host`` (a loopback address) and a free port, running until the block ends."""
    state = LoopbackServer(host=host, routes=routes)
    httpd = ThreadingHTTPServer((host, 0), _handler(state))
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
