"""Running the workbench: listen on the settings' address and serve with uvicorn until interrupted.

The socket is bound here, before uvicorn starts, so a busy port or a bad
address is one clear error line instead of a server log, and ``--port 0``
can report the port the system chose.

One server process uses one core (Python runs one thread at a time), so
pages that must be computed (an event's narrative) queue behind each other
under many clients. With ``workers`` > 1 the process forks that many
servers, each listening on the port with a socket of its own
(``SO_REUSEPORT``); the kernel hands each new connection to one of them.
Each builds its own app (its own store connections and page cache: a write
through any of them changes the store's state, which retires every worker's
cached answers), and each exits when the parent is gone.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import socket
from collections.abc import Callable

import uvicorn
from fastapi import FastAPI

from counterclaim.parallel import watch_parent


class ListenError(OSError):
    """The address cannot be listened on; the message is one line for the user."""


def listen(host: str, port: int, shared: bool = False) -> socket.socket:
    """A listening socket on ``host``:``port`` (IPv6 when the host is an IPv6 address).

    Created with protocol ``IPPROTO_TCP`` explicitly: asyncio disables Nagle's
    algorithm only on sockets that say so, and a keep-alive client otherwise
    waits ~40 ms (a delayed ACK) for every response sent in two writes.
    ``shared`` sockets (``SO_REUSEPORT``) let each worker listen on the port
    with a socket of its own, among which the kernel spreads new connections
    evenly; on one shared socket the first worker to wake takes them all.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if shared:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(1024)
        return sock
    except (OSError, OverflowError) as err:
        sock.close()
        reason = getattr(err, "strerror", None) or str(err)
        raise ListenError(f"cannot listen on {host}:{port}: {reason}") from err


def serve(make_app: Callable[[], FastAPI], sock: socket.socket, workers: int = 1) -> None:
    """Serve the app ``make_app`` builds on ``sock`` until Ctrl-C (or SIGTERM): in this process, or in
    ``workers`` forked processes that this one supervises."""
    if workers <= 1:
        _run(make_app, sock)
        return
    parent = os.getpid()
    host, port = sock.getsockname()[:2]
    children = []
    for n in range(workers):
        pid = os.fork()
        if pid == 0:  # the worker: the first serves the bound socket, the others a shared one of their own
            watch_parent(parent)
            try:
                if n > 0:
                    sock.close()
                    sock = listen(host, port, shared=True)
                _run(make_app, sock)
            finally:
                os._exit(0)
        children.append(pid)
    sock.close()  # the first worker holds it
    _supervise(children)


def _run(make_app: Callable[[], FastAPI], sock: socket.socket) -> None:
    """Build the app and serve it on ``sock``, its startup objects frozen out of the garbage collector.

    The app holds ~220,000 objects for the server's lifetime (the knowledge
    base, templates, routes); a full collection walked them all, 200 ms during
    which every queued request waited, about once per 700 event pages.
    Frozen, a full collection walks only what requests made (0.1 ms).
    """
    app = make_app()
    gc.collect()
    gc.freeze()
    uvicorn.Server(_config(app)).run(sockets=[sock])


def _supervise(children: list[int]) -> None:
    """Wait for the workers; SIGTERM or Ctrl-C here stops them all (a worker that stops alone is not replaced)."""

    def stop(signum: int, _frame: object) -> None:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        for pid in children:
            while True:
                try:
                    os.waitpid(pid, 0)
                    break
                except KeyboardInterrupt:
                    stop(signal.SIGINT, None)  # the workers had the Ctrl-C too; make sure, then wait for them
                except ChildProcessError:
                    break
    finally:
        signal.signal(signal.SIGTERM, previous)


def _config(app: FastAPI) -> uvicorn.Config:
    # no access log: writing a line per request costs more than answering from the cache
    return uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, timeout_keep_alive=15)
