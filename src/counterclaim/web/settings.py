"""How the workbench runs: which store, which address, who may write, what URLs it may fetch.

Binding beyond loopback exposes the write endpoints (ingest, event
corrections) to the network, so there a token is mandatory; on loopback only
the machine's own users reach the server and a token is optional.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from counterclaim.ingest import MAX_BYTES
from counterclaim.ingest.fetch import FetchPolicy, IPNetwork

#: Largest request body: one article at its limit plus room for JSON escaping or form encoding.
MAX_BODY_BYTES = 2 * MAX_BYTES

#: Header carrying the write token (``Authorization: Bearer TOKEN`` works too).
TOKEN_HEADER = "x-counterclaim-token"


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a bind address or a Host header's name) only reaches this machine."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebSettings:
    """The server's configuration, fixed for its lifetime."""

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()
    max_body_bytes: int = MAX_BODY_BYTES

    def __post_init__(self) -> None:
        if not self.loopback and not self.token:
            raise ValueError(f"a write token is required when serving on {self.host} (beyond loopback)")

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def fetch_policy(self) -> FetchPolicy:
        """What URLs posted for analysis may reach."""
        return FetchPolicy(allow_private=self.allow_private, allowed_networks=self.allowed_networks)
