"""Turns paths (files, directories, JSONL, ``-`` for stdin, http(s) URLs) into a stream of Documents.

A generator end to end: a directory of a million files or a JSONL export of
several gigabytes is read one article at a time, and a bad article becomes an
:class:`IngestError` value in the stream instead of stopping the batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from counterclaim.ingest.dates import date_in_name, parse_published
from counterclaim.ingest.decode import decode_bytes
from counterclaim.ingest.errors import IngestError, IngestWarning, InputRejected
from counterclaim.ingest.html import extract_html
from counterclaim.ingest.language import detect
from counterclaim.ingest.names import document_name
from counterclaim.records import Document, document_id, unix_newlines

if TYPE_CHECKING:
    from counterclaim.ingest.fetch import FetchPolicy

#: Largest article accepted, in bytes (a file, a JSONL line, or stdin). News articles are
#: tens of kilobytes; anything this big is a dump or a mistake and would stall the parser.
MAX_BYTES = 5 * 1024 * 1024

HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
TEXT_SUFFIXES = frozenset({".txt"})
#: Files taken when walking a directory; others (gold JSON, images) are skipped silently.
#: A file named explicitly is read whatever its suffix (as text unless HTML or JSONL).
DIRECTORY_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES

STDIN = "-"
#: Inputs starting with these are fetched (``ingest/fetch.py``), not opened as files.
URL_PREFIXES = ("http://", "https://")

Item = Document | IngestError | IngestWarning


def read_inputs(paths: Sequence[str], fetch_policy: FetchPolicy | None = None) -> Iterator[Item]:
    """Each article under ``paths``, in order (directories recursively, sorted), as Document or IngestError.

    An IngestWarning comes just before the Document it concerns (a metadata
    value that was ignored).

    The same file reached twice (named, and inside a named directory) is read
    once. An ``http://`` or ``https://`` URL is fetched under ``fetch_policy``
    (``ingest/fetch.py``: public addresses only unless it allows more).
    """
    seen: set[Path] = set()
    for given in paths:
        if given == STDIN:
            yield _read_stdin(sys.stdin.buffer)
            continue
        if is_url(given):
            yield _read_url(given, fetch_policy)
            continue
        path = Path(given)
        if path.is_dir():
            files: Iterator[Path] = _walk(path)
        elif path.exists():
            files = iter([path])
        else:
            yield IngestError(given, "no such file or directory")
            continue
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield from _read_file(file)


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder`` in sorted order, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in DIRECTORY_SUFFIXES:
                yield Path(root) / name


def _read_file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputRejected(f"too large ({size} bytes; the limit is {MAX_BYTES})")
        raw = path.read_bytes()
        yield build_document(
            decode_bytes(raw), raw, name=path.stem, source_path=str(path), html=suffix in HTML_SUFFIXES
        )
    except InputRejected as err:
        yield IngestError(str(path), err.reason)
    except OSError as err:
        yield IngestError(str(path), f"cannot read: {err.strerror or err}")


def _read_stdin(stream: BinaryIO) -> Item:
    try:
        raw = stream.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise InputRejected(f"too large (over the limit of {MAX_BYTES} bytes)")
        return build_document(decode_bytes(raw), raw, name="stdin", source_path=None, html=looks_like_html(raw))
    except InputRejected as err:
        return IngestError(STDIN, err.reason)


def is_url(value: str) -> bool:
    """Whether an input names a web page rather than a file."""
    return value[:8].lower().startswith(URL_PREFIXES)


def slug(value: str, limit: int = 80) -> str:
    """A document name made of ``value``: lower-case letters and digits joined by hyphens (empty if none)."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:limit].rstrip("-")


def _read_url(url: str, policy: FetchPolicy | None) -> Item:
    from counterclaim.ingest.fetch import FetchError, fetch_document  # httpx is imported only when a URL is read

    try:
        return fetch_document(url, policy)
    except FetchError as err:
        return IngestError(url, err.reason)


def looks_like_html(raw: bytes) -> bool:
    """Whether text of unknown type (stdin, a pasted article) is a web page: it opens with ``<html`` or a doctype."""
    head = raw[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _read_jsonl(path: Path) -> Iterator[Item]:
    """One article per line; blank lines are skipped, a bad line is an error naming its line number."""
    try:
        with path.open("rb") as stream:
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    yield from _jsonl_line(line, path, number)
    except OSError as err:
        yield IngestError(str(path), f"cannot read: {err.strerror or err}")


def _jsonl_line(line: bytes, path: Path, number: int) -> list[Item]:
    """The article of one line (an IngestError if unusable), after a warning for a ``published`` that is no date."""
    where = f"{path}:{number}"
    try:
        if len(line) > MAX_BYTES:
            raise InputRejected(f"line too large ({len(line)} bytes; the limit is {MAX_BYTES})")
        try:
            data = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise InputRejected(f"not valid JSON ({err})") from err
        if not isinstance(data, dict):
            raise InputRejected("not a JSON object")
        body, html = (data.get("text"), False) if data.get("text") else (data.get("html"), True)
        if not isinstance(body, str) or not body.strip():
            raise InputRejected('no "text" or "html" string')
        published = parse_published(data.get("published"))
        warnings: list[Item] = []
        if data.get("published") and published is None:
            shown = str(data["published"])
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            warnings.append(IngestWarning(where, f"published {shown!r} is not a date; ignored"))
        metadata = {**data, "published": published}
        name = str(data.get("name") or f"{path.stem}-{number}")
        return [*warnings, build_document(body, line, name=name, source_path=where, html=html, metadata=metadata)]
    except InputRejected as err:
        return [IngestError(where, err.reason)]


def build_document(
    text: str, raw: bytes, *, name: str, source_path: str | None, html: bool, metadata: dict | None = None
) -> Document:
    """A Document from decoded ``text`` and the ``raw`` bytes it came from (a file, a JSONL line, a
    fetched page, a pasted article); :class:`InputRejected` when no text is left.

    ``metadata`` (JSONL keys, or what the caller knows) wins over what an HTML page says of itself,
    and both over a day in a file's name (``from_file``); the document's
    ``provenance`` says which of them gave each field, so a report can tell
    the reader where an outlet or a date came from.
    """
    fields: dict = {}
    provenance: dict[str, str] = {}

    def take(key: str, value: object, source: str) -> None:
        if value is not None and value != "":
            fields[key], provenance[key] = value, source

    if html:
        page = extract_html(text)
        text = page.text
        for key in ("title", "published", "outlet", "url"):
            take(key, getattr(page, key), "html")
    for key in ("title", "url", "outlet"):
        if metadata and metadata.get(key):
            take(key, str(metadata[key]), "jsonl")
    if metadata and metadata.get("published"):
        take("published", parse_published(metadata["published"]), "jsonl")
    if "published" not in fields and metadata is None and source_path is not None:
        take("published", date_in_name(name), "file-name")
    text = unix_newlines(text)
    if not text.strip():
        raise InputRejected("no article text (only navigation, links or boilerplate)" if html else "empty input")
    return Document(
        id=document_id(text),
        name=document_name(name),
        language=detect(text).code,
        text=text,
        raw_hash=hashlib.sha256(raw).hexdigest(),
        source_path=source_path,
        provenance=provenance,
        **fields,
    )
