"""Trying a request again after a transient failure, waiting longer each time, and never past a stop request.

A feed server that times out once or answers ``503`` is usually back a few
seconds later; one that answers ``404`` is not. Errors carry the difference
(``transient``, and the server's ``retry_after`` when it gave one:
:class:`~counterclaim.ingest.fetch.FetchError`, the webhook's
:class:`~counterclaim.watch.alerts.WebhookError`). Waits are on the monitor's
stop event, so Ctrl-C during a back-off stops at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Stopped(Exception):
    """The monitor was asked to stop while waiting to try again."""


@dataclass(frozen=True)
class Backoff:
    """``attempts`` tries in all, waiting ``base`` seconds after the first failure, doubling up to ``cap``.

    A server's ``Retry-After`` lengthens a wait (up to ``cap``), never shortens it.
    """

    attempts: int = 3
    base: float = 1.0
    cap: float = 60.0

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        """Seconds to wait after the ``failures``-th failure in a row (1-based)."""
        return min(self.cap, max(self.base * 2 ** (failures - 1), retry_after or 0.0))


def retrying(call: Callable[[], T], backoff: Backoff, stop: threading.Event, what: str) -> T:
    """``call()``, tried again after transient errors as ``backoff`` allows; the last error is raised.

    :class:`Stopped` when ``stop`` is set during a wait.
    """
    failures = 0
    while True:
        try:
            return call()
        except Exception as err:
            failures += 1
            if not getattr(err, "transient", False) or failures >= backoff.attempts:
                raise
            wait = backoff.delay(failures, getattr(err, "retry_after", None))
            log.info("%s: %s; trying again in %.1f s", what, getattr(err, "reason", err), wait)
            if stop.wait(wait):
                raise Stopped(what) from err
