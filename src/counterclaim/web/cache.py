"""Rendered pages and API answers kept while the store is unchanged, so what analysts reopen comes back at once.

Every GET answer that is a page or JSON (not a stream, not a static file) is
a function of its URL and of the store's contents, so it is kept, keyed by
URL, together with :func:`~counterclaim.store.browse.state` at the time it
was made; a request is answered from the cache only when the store's state
is still the same (one cheap query per request). Writes by this server or by
any other process (``counterclaim analyze`` into the same store) change the
state and so retire every kept answer. Bounded in entries and bytes: the
least recently used answers go first, so memory stays flat however long the
server runs.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counterclaim.store import Store
from counterclaim.store.browse import state

#: Bounds of the cache: answers kept, their total size, and the largest answer kept.
MAX_ENTRIES = 2048
MAX_BYTES = 32 * 1024 * 1024
MAX_ANSWER = 1024 * 1024

UNCACHED_PREFIXES = ("/static/", "/api/export/")
CACHED_TYPES = (b"text/html", b"application/json")


class PageCache:
    """ASGI middleware answering repeated GETs from memory while the store's state is unchanged."""

    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app = app
        self.store = store
        self.answers: OrderedDict[tuple[str, bytes], tuple[Any, int, list, bytes]] = OrderedDict()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(UNCACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        now = await run_in_threadpool(self.store.read, state)
        kept = self.answers.get(key)
        if kept is not None and kept[0] == now:
            self.answers.move_to_end(key)
            _, status, headers, body = kept
            await send({"type": "http.response.start", "status": status, "headers": [*headers, (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
                message = {**message, "headers": [*message.get("headers", []), (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        self._keep(key, now, started, b"".join(chunks))

    def _keep(self, key: tuple[str, bytes], now: Any, started: dict[str, Any], body: bytes) -> None:
        headers = started.get("headers", [])
        kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        if started.get("status") != 200 or not kind.startswith(CACHED_TYPES) or len(body) > MAX_ANSWER:
            return
        old = self.answers.pop(key, None)
        if old is not None:
            self.size -= len(old[3])
        self.answers[key] = (now, 200, list(headers), body)
        self.size += len(body)
        while len(self.answers) > MAX_ENTRIES or self.size > MAX_BYTES:
            _, (_, _, _, dropped) = self.answers.popitem(last=False)
            self.size -= len(dropped)
