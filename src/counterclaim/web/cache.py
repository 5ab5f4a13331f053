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

UNCACHED_PREFIXES = ("/static/", "/api/export/", "/api/health")
CACHED_TYPES = (b"text/html", b"application/json")


class Answers:
    """The kept answers in an ordered dict, so the least recently used is the first to go, and their total size
    (kept as a sum, since the bound is checked on every answer kept)."""

    def __init__(self) -> None:
        self.kept: OrderedDict[tuple[str, bytes], tuple[Any, list, bytes]] = OrderedDict()
        self.size = 0

    def get(self, key: tuple[str, bytes], now: Any) -> tuple[list, bytes] | None:
        found = self.kept.get(key)
        if found is None or found[0] != now:
            return None
        self.kept.move_to_end(key)
        return found[1], found[2]

    def put(self, key: tuple[str, bytes], now: Any, headers: list, body: bytes) -> None:
        old = self.kept.pop(key, None)
        if old is not None:
            self.size -= len(old[2])
        self.kept[key] = (now, headers, body)
        self.size += len(body)
        while len(self.kept) > MAX_ENTRIES or self.size > MAX_BYTES:
            _, (_, _, dropped) = self.kept.popitem(last=False)
            self.size -= len(dropped)


class PageCache:
    """ASGI middleware answering repeated GETs from memory while the store's state is unchanged."""

    def __init__(self, app: ASGIApp, store: Store, answers: Answers) -> None:
        self.app = app
        self.store = store
        self.answers = answers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(UNCACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        now = await run_in_threadpool(self.store.read, state)
        kept = self.answers.get(key, now)
        if kept is not None:
            headers, body = kept
            await send({"type": "http.response.start", "status": 200, "headers": [*headers, (b"x-cache", b"hit")]})
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
        if started.get("status") == 200 and kind.startswith(CACHED_TYPES) and len(body) <= MAX_ANSWER:
            self.answers.put(key, now, list(headers), body)
