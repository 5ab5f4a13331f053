"""Running the workbench: listen on the settings' address and serve with uvicorn until interrupted.

The socket is bound here, before uvicorn starts, so a busy port or a bad
address is one clear error line instead of a server log, and ``--port 0``
can report the port the system chose.
"""

from __future__ import annotations

import socket

import uvicorn
from fastapi import FastAPI


class ListenError(OSError):
    """The address cannot be listened on; the message is one line for the user."""


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (IPv6 when the host is an IPv6 address).

    Created with protocol ``IPPROTO_TCP`` explicitly: asyncio disables Nagle's
    algorithm only on sockets that say so, and a keep-alive client otherwise
    waits ~40 ms (a delayed ACK) for every response sent in two writes.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(1024)
        return sock
    except (OSError, OverflowError) as err:
        sock.close()
        reason = getattr(err, "strerror", None) or str(err)
        raise ListenError(f"cannot listen on {host}:{port}: {reason}") from err


def serve(app: FastAPI, sock: socket.socket) -> None:
    """Serve ``app`` on ``sock`` in this process until Ctrl-C."""
    uvicorn.Server(_config(app)).run(sockets=[sock])


def _config(app: FastAPI) -> uvicorn.Config:
    # no access log: writing a line per request costs more than answering from the cache
    return uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, timeout_keep_alive=15)
