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
    """A listening socket on ``host``:``port`` (IPv6 when the host is an IPv6 address)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host.strip("[]"), port), family=family, backlog=1024)
    except (OSError, OverflowError) as err:
        reason = (getattr(err, "strerror", None) or str(err)).split(" (while attempting")[0]
        raise ListenError(f"cannot listen on {host}:{port}: {reason}") from err


def serve(app: FastAPI, sock: socket.socket) -> None:
    """Serve ``app`` on ``sock`` until Ctrl-C (no access log: one line per request costs more than the page)."""
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, timeout_keep_alive=15)
    uvicorn.Server(config).run(sockets=[sock])
