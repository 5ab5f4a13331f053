"""The workbench's outer guard: request size, Host and Origin checks, the write token, security headers.

Article text is untrusted, so besides escaping everything the templates show
(Jinja's autoescape), every response carries a Content-Security-Policy that
runs only the workbench's own script files: even a mistake in a template
could not run a script an article smuggled in. The middleware is plain ASGI
(no per-request task switch), since it wraps every request.

- On loopback, a request whose Host header is not a loopback name is
  refused: a web page that rebinds its own domain to 127.0.0.1 cannot read
  or drive the workbench.
- A write (POST) from another origin is refused, so a page in the same
  browser cannot post to the workbench behind the analyst's back.
- Bodies larger than the limit are refused (413) before they are read whole.
- Write endpoints need the token when one is set (always beyond loopback).
"""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counterclaim.web.errors import error_response
from counterclaim.web.settings import TOKEN_HEADER, WebSettings, is_loopback

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # "no-referrer" makes browsers send "Origin: null" on our own forms
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Guard:
    """ASGI middleware applying the checks above to every HTTP request."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await error_response(*refusal)(scope, receive, send)
            return
        limit, received = self.settings.max_body_bytes, 0

        async def limited_receive() -> Message:
            # a body sent without a length (chunked) is counted as it arrives; the HTTPException reaches
            # FastAPI's exception middleware through the endpoint's body parsing and becomes a 413
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, _too_large(limit))
            return message

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, limited_receive, guarded_send)

    def _refusal(self, scope: Scope, headers: Headers) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if self.settings.loopback and not is_loopback(_host_name(host)):
            return 400, f"unexpected Host header {host!r}: this workbench answers on loopback names only"
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            scheme = scope.get("scheme", "http")
            if origin is not None and origin != f"{scheme}://{host}":
                return 403, f"write refused: request from another origin ({origin})"
            declared = headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.settings.max_body_bytes:
                return 413, _too_large(self.settings.max_body_bytes)
        return None


def _too_large(limit: int) -> str:
    return f"request body too large (the limit is {limit} bytes)"


def _host_name(host: str) -> str:
    """The name part of a Host header (``[::1]:8000`` -> ``::1``, ``localhost:8000`` -> ``localhost``)."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def check_token(request: Request, given: str | None = None) -> None:
    """Refuse a write without the server's token (401) or with a wrong one (403); no token set, no check.

    The token comes as ``Authorization: Bearer TOKEN``, as the ``X-Counterclaim-Token`` header, or (from a
    page's form) as ``given``.
    """
    expected: str | None = request.app.state.workbench.settings.token
    if not expected:
        return
    supplied = given or request.headers.get(TOKEN_HEADER) or _bearer(request.headers.get("authorization"))
    if not supplied:
        raise HTTPException(401, "this server needs its write token", headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(supplied.encode(), expected.encode()):
        raise HTTPException(403, "wrong write token")


def require_token(request: Request) -> None:
    """Dependency of the API's write endpoints (see :func:`check_token`)."""
    check_token(request)


def _bearer(value: str | None) -> str | None:
    if not value:
        return None
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None
