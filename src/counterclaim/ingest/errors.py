"""The value a bad input turns into, so a batch can report it and go on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestError:
    """One input that could not be read as an article: where, and why in one line.

    A value rather than an exception: ``read_inputs`` yields it in place of the
    document, so one unreadable file never stops a batch of thousands.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class IngestWarning:
    """Something in an input was ignored while the article itself was read: where, and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InputRejected(ValueError):
    """Raised inside the ingest package when an input is unusable; ``reason`` is its one-line message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
