"""Writers that hand their output over in chunks of bytes, so an export streams to a file or an HTTP response alike."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

#: Bytes gathered before a chunk is handed over.
CHUNK = 1 << 16


def csv_chunks(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """A CSV file (header, then ``rows``; missing keys empty, None empty) as UTF-8 chunks."""
    buffer = io.StringIO()
    writer = csv_writer(buffer, columns)
    for row in rows:
        writer.writerow(row)
        if buffer.tell() >= CHUNK:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def csv_writer(handle: io.TextIOBase | Any, columns: Sequence[str]) -> csv.DictWriter:
    """A CSV writer of ``columns`` (RFC 4180 quoting, ``\\n`` line ends) that has written its header."""
    writer = csv.DictWriter(handle, list(columns), lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    return writer


def text_chunks(pieces: Iterable[str]) -> Iterator[bytes]:
    """Text pieces as UTF-8 chunks of about :data:`CHUNK` bytes."""
    pending: list[str] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(pending).encode("utf-8")
            pending, size = [], 0
    if pending:
        yield "".join(pending).encode("utf-8")


class _Sink(io.RawIOBase):
    """A write-only stream that keeps what is written until it is taken (zipfile writes into it)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        taken, self.parts = b"".join(self.parts), []
        return taken


def zip_chunks(files: Iterable[tuple[str, Path]]) -> Iterator[bytes]:
    """A ZIP archive of ``(name in archive, file)`` pairs, streamed (no seeking, so it can go to a socket)."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in files:
            with path.open("rb") as source, archive.open(name, "w", force_zip64=True) as member:
                while block := source.read(CHUNK * 16):
                    member.write(block)
                    yield sink.take()
            yield sink.take()
    yield sink.take()
